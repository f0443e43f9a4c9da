# Assembled without reference types: the object imports the indirect function table with no
# symbol for it and calls through table 0 (as LLVM before 12 wrote all objects).
.functype callee (i32) -> (i32)
.globl call_through
call_through:
  .functype call_through (i32, i32) -> (i32)
  local.get 0
  local.get 1
  call_indirect (i32) -> (i32)
  end_function
.globl addr_of
addr_of:
  .functype addr_of () -> (i32)
  i32.const callee
  end_function
