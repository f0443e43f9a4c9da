//! The module is written into one buffer, allocated once at its final size. Growing a
//! buffer of tens of megabytes by doubling copies it in the wasm build (a browser tab then
//! holds both copies) and can leave it twice as large as the module.

use std::process::Command;
use weld::{link, InputFile, Options};

#[test]
fn module_buffer_is_allocated_at_its_size() {
    let dir = std::env::temp_dir().join(format!("weld-output-buffer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // Enough functions with long names and debug information that the sections around the
    // code (types, exports, names, DWARF) are far larger than any fixed margin.
    let mut src = String::new();
    for i in 0..400 {
        src.push_str(&format!(
            "__attribute__((export_name(\"exported_function_with_a_long_name_{i}\"))) int function_with_a_rather_long_name_number_{i}(int x) {{ return x * {i} + {}; }}\n",
            i % 7
        ));
    }
    let c = dir.join("many.c");
    std::fs::write(&c, src).unwrap();
    let obj = dir.join("many.o");
    let status = Command::new("clang-19")
        .args(["--target=wasm32-unknown-unknown", "-O1", "-g", "-c"])
        .arg(&c)
        .arg("-o")
        .arg(&obj)
        .status()
        .expect("clang-19 is required: apt-get install clang-19");
    assert!(status.success());
    let bytes = std::fs::read(&obj).unwrap();
    let inputs =
        [InputFile { name: "many.o".into(), bytes: &bytes, whole_archive: false, lazy: false, prepared: None }];
    let options = Options { output: "many.wasm".into(), no_entry: true, ..Options::default() };
    let linked = link(&inputs, &options).expect("links");
    let (len, capacity) = (linked.wasm.len(), linked.wasm.capacity());
    assert!(len > 50_000, "the test program should give a module of some size, not {len} bytes");
    // The first sections go into a small buffer that may grow; from the code section on,
    // the rest is reserved at once, with a few bytes of slack per section.
    assert!(capacity - len <= 4096, "module of {len} bytes in a buffer of {capacity}: it was grown, not sized");
    let _ = std::fs::remove_dir_all(&dir);
}
