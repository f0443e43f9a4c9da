; A table imported from the host (C cannot declare one): `host_refs`.
target triple = "wasm32-unknown-wasi"

@host_refs = external addrspace(1) global [0 x ptr addrspace(10)]

declare i32 @llvm.wasm.table.size(ptr addrspace(1))

define i32 @host_table_size() {
  %n = call i32 @llvm.wasm.table.size(ptr addrspace(1) @host_refs)
  ret i32 %n
}
