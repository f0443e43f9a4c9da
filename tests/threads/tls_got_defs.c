// The definitions tls_got.s and tls_ptr.s reach.
_Thread_local int tls_x = 5;
int d = 7;
