# Disagrees with eh_tags.s about err_code's signature (a warning in wasm-ld) and about the
# element type of the table `handles` (an error).
        .tagtype        err_code i64
        .tabletype      handles, funcref
        .globl  throw_i64
        .type   throw_i64,@function
throw_i64:
        .functype       throw_i64 (i64) -> ()
        local.get       0
        throw   err_code
        unreachable
        end_function

        .globl  handles_size_too
        .type   handles_size_too,@function
handles_size_too:
        .functype       handles_size_too () -> (i32)
        table.size      handles
        end_function
