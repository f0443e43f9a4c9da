# Thread-locals reached through the GOT (`x@GOT@TLS`, as clang writes general-dynamic TLS
# in position-independent code), beside an ordinary GOT entry (`d@GOT`).
# The functions are exported by name (`.export_name`), so no case needs `--export` for them.
.globl tls_x_address
.export_name tls_x_address, tls_x_address
tls_x_address:
  .functype tls_x_address () -> (i32)
  global.get tls_x@GOT@TLS
  end_function
.globl tls_x_value
.export_name tls_x_value, tls_x_value
tls_x_value:
  .functype tls_x_value () -> (i32)
  global.get tls_x@GOT@TLS
  i32.load 0
  end_function
.globl d_address
.export_name d_address, d_address
d_address:
  .functype d_address () -> (i32)
  global.get d@GOT
  end_function
