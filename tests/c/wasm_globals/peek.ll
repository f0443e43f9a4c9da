; The strong `weak_g`, and a use of counter.ll's `counter` (GLOBAL_INDEX_LEB).
target triple = "wasm32-unknown-wasi"

@weak_g = addrspace(1) global i32 1000
@counter = external addrspace(1) global i32

define i32 @peek() {
  %v = load i32, ptr addrspace(1) @counter
  ret i32 %v
}
