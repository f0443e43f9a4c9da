# Defines two tags and an externref table, and throws. (`unreachable` after `throw` keeps
# llvm-mc 19's type checker quiet.)
        .tagtype        err_code i32
        .globl  err_code
err_code:
        .tagtype        err_pair i32, i64
        .globl  err_pair
err_pair:

        .tabletype      handles, externref
        .globl  handles
handles:

        .globl  raise
        .type   raise,@function
raise:
        .functype       raise (i32) -> ()
        local.get       0
        throw   err_code
        unreachable
        end_function

        .globl  raise_pair
        .type   raise_pair,@function
raise_pair:
        .functype       raise_pair (i32, i64) -> ()
        local.get       0
        local.get       1
        throw   err_pair
        unreachable
        end_function
