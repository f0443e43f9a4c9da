# A second funcref table (filled from __indirect_function_table, as llvm-mc 19 has no
# ref.func), call_indirect through both tables, a local tag, catch_all + rethrow.
        .tabletype      callbacks, funcref, 2
        .globl  callbacks
callbacks:
        .tabletype      __indirect_function_table, funcref
        .tagtype        err_code i32
        .tagtype        local_tag i32
local_tag:
        .functype       raise (i32) -> ()

        .globl  double_it
        .type   double_it,@function
double_it:
        .functype       double_it (i32) -> (i32)
        local.get       0
        i32.const       2
        i32.mul
        end_function

        .type   raise_if_odd,@function
raise_if_odd:
        .functype       raise_if_odd (i32) -> (i32)
        local.get       0
        i32.const       1
        i32.and
        if
        local.get       0
        call    raise
        end_if
        local.get       0
        i32.const       3
        i32.mul
        end_function

        .globl  setup_callbacks
        .type   setup_callbacks,@function
setup_callbacks:
        .functype       setup_callbacks () -> ()
        i32.const       0
        i32.const       double_it
        table.get       __indirect_function_table
        table.set       callbacks
        i32.const       1
        i32.const       raise_if_odd
        table.get       __indirect_function_table
        table.set       callbacks
        end_function

        .globl  call_callback
        .type   call_callback,@function
call_callback:
        .functype       call_callback (i32, i32) -> (i32)
        local.get       1
        local.get       0
        call_indirect   callbacks, (i32) -> (i32)
        end_function

        .globl  call_pointer
        .type   call_pointer,@function
call_pointer:
        .functype       call_pointer (i32, i32) -> (i32)
        local.get       1
        local.get       0
        if      i32
        i32.const       double_it
        else
        i32.const       raise_if_odd
        end_if
        call_indirect   __indirect_function_table, (i32) -> (i32)
        end_function

        .globl  relay
        .type   relay,@function
relay:
        .functype       relay (i32) -> (i32)
        try     i32
        local.get       0
        call    raise
        i32.const       0
        catch_all
        rethrow 0
        i32.const       0
        end_try
        end_function

        .globl  local_roundtrip
        .type   local_roundtrip,@function
local_roundtrip:
        .functype       local_roundtrip (i32) -> (i32)
        try     i32
        local.get       0
        throw   local_tag
        unreachable
        catch   local_tag
        i32.const       7
        i32.add
        end_try
        end_function
