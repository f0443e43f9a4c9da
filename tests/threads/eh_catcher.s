# Catches the tags of eh_tags.s (R_WASM_TAG_INDEX_LEB against undefined tags), also when
# thrown through eh_dispatch.s's funcref table; uses eh_tags.s's externref table
# (R_WASM_TABLE_NUMBER_LEB against an undefined table).
        .tagtype        err_code i32
        .tagtype        err_pair i32, i64
        .tabletype      handles, externref
        .functype       raise (i32) -> ()
        .functype       raise_pair (i32, i64) -> ()
        .functype       call_callback (i32, i32) -> (i32)

        .globl  catch_code
        .type   catch_code,@function
catch_code:
        .functype       catch_code (i32) -> (i32)
        try     i32
        local.get       0
        call    raise
        i32.const       -1
        catch   err_code
        i32.const       1000
        i32.add
        end_try
        end_function

        .globl  catch_pair
        .type   catch_pair,@function
catch_pair:
        .functype       catch_pair (i32, i64) -> (i64)
        .local  i32, i64
        try     i64
        local.get       0
        local.get       1
        call    raise_pair
        i64.const       -1
        catch   err_pair
        local.set       3
        i64.extend_i32_s
        local.get       3
        i64.add
        end_try
        end_function

        .globl  store_handle
        .type   store_handle,@function
store_handle:
        .functype       store_handle (i32, externref) -> ()
        local.get       0
        local.get       1
        table.set       handles
        end_function

        .globl  load_handle
        .type   load_handle,@function
load_handle:
        .functype       load_handle (i32) -> (externref)
        local.get       0
        table.get       handles
        end_function

        .globl  grow_handles
        .type   grow_handles,@function
grow_handles:
        .functype       grow_handles (i32) -> (i32)
        ref.null_extern
        local.get       0
        table.grow      handles
        end_function

        .globl  handles_size
        .type   handles_size,@function
handles_size:
        .functype       handles_size () -> (i32)
        table.size      handles
        end_function

        .globl  catch_callback
        .type   catch_callback,@function
catch_callback:
        .functype       catch_callback (i32, i32) -> (i32)
        try     i32
        local.get       0
        local.get       1
        call    call_callback
        catch   err_code
        i32.const       1000
        i32.add
        end_try
        end_function
