; The COMDAT group `grp`: a weak function, an internal function and an internal table.
target triple = "wasm32-unknown-wasi"

$grp = comdat any

@table = internal constant [1 x ptr] [ptr @seven], comdat($grp)

define internal i32 @seven() comdat($grp) {
  ret i32 8
}

define linkonce_odr i32 @grp() comdat {
  %f = load ptr, ptr @table
  %v = call i32 %f()
  ret i32 %v
}

define i32 @use_y() {
  %v = call i32 @grp()
  ret i32 %v
}
