# A thread-local pointer initialised to a global's address: a relocation in the TLS segment.
.globaltype __tls_base, i32
.globl tls_p_value
.export_name tls_p_value, tls_p_value
tls_p_value:
  .functype tls_p_value () -> (i32)
  global.get __tls_base
  i32.const tls_p@TLSREL
  i32.add
  i32.load 0
  end_function
.section .tdata.tls_p,"T",@
.globl tls_p
.p2align 2
tls_p:
  .int32 d
  .size tls_p, 4
