# Disagrees with globals.s: `counter` has another type, `weak_flag` is defined strongly,
# `handlers` holds funcrefs, `fail` is a function, and `limit` is used with another type.
.globaltype counter, i64
.globl counter
counter:
.globaltype weak_flag, i32
.globl weak_flag
weak_flag:
.tabletype handlers, funcref
.globl handlers
handlers:
.globaltype limit, i32, immutable

.globl fail
fail:
  .functype fail () -> ()
  end_function

.globl use_limit
use_limit:
  .functype use_limit () -> (i32)
  global.get limit
  end_function
