# Uses the globals, table and tag of globals.s without defining them: undefined symbols of
# those kinds, resolved by globals.o (or by extracting it from an archive).
.globaltype counter, i32
.globaltype limit, i64, immutable
.tabletype handlers, externref
.tagtype fail i32

.globl _start
_start:
  .functype _start () -> ()
  i32.const 7
  global.set counter
  global.get limit
  drop
  i32.const 0
  table.get handlers
  drop
  i32.const 1
  throw fail
  unreachable
  end_function

# The features the object uses, as clang would list them (imported and exported mutable
# globals need mutable-globals).
.section .custom_section.target_features,"",@
.int8 3
.int8 43
.int8 15
.ascii "mutable-globals"
.int8 43
.int8 15
.ascii "reference-types"
.int8 43
.int8 18
.ascii "exception-handling"
