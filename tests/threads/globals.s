# Globals, a table and a tag defined in an object (clang defines none of these), and their
# uses; with globals_use.s and globals_clash.s (tests/threads.rs, and seeds of the fuzzers).
.globaltype counter, i32
.globl counter
counter:
.globaltype limit, i64, immutable
.globl limit
limit:
# A local global, and a weak one.
.globaltype scratch, f32
scratch:
.globaltype weak_flag, i32
.weak weak_flag
weak_flag:
# A global imported from the host under another name.
.globaltype imported_g, i32
.import_module imported_g, env
.import_name imported_g, host_counter
.tabletype handlers, externref
.globl handlers
handlers:
.tagtype fail i32
.globl fail
fail:

.globl bump
.export_name bump, bump
bump:
  .functype bump () -> (i32)
  global.get counter
  i32.const 1
  i32.add
  global.set counter
  f32.const 1.0
  global.set scratch
  global.get imported_g
  global.get weak_flag
  i32.add
  end_function

.globl peek
peek:
  .functype peek (i32) -> (externref)
  local.get 0
  table.get handlers
  end_function

.globl raise
raise:
  .functype raise (i32) -> ()
  local.get 0
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
