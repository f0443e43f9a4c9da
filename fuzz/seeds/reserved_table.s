# Defines __indirect_function_table, which only the linker may define, and takes a
# function's address (which needs that table).
.tabletype __indirect_function_table, funcref
.globl __indirect_function_table
__indirect_function_table:
.globl f
f:
  .functype f () -> (i32)
  i32.const f
  end_function
