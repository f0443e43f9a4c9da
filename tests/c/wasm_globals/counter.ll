; Wasm globals (address space 1) across objects: `counter` defined here and used by
; peek.ll, `weak_g` weak here and strong there, `unused_global` left to the GC. (LLVM 19
; writes these globals with zero initial values, whatever the initializer says.)
target triple = "wasm32-unknown-wasi"

@counter = addrspace(1) global i32 5
@unused_global = addrspace(1) global i64 7
@weak_g = weak addrspace(1) global i32 100

define i32 @bump() {
  %v = load i32, ptr addrspace(1) @counter
  %n = add i32 %v, 1
  store i32 %n, ptr addrspace(1) @counter
  %w = load i32, ptr addrspace(1) @weak_g
  %r = add i32 %n, %w
  ret i32 %r
}

define i64 @read_unused() {
  %v = load i64, ptr addrspace(1) @unused_global
  ret i64 %v
}
