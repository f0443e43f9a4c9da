//! The wasm-ld command line through `driver::run`, with a few files in a `MemoryFileSystem`.
//!
//! Input format: the arguments separated by NUL, then `\0\0`, then the contents of the
//! file `x` (which the arguments may name as an input, a response file `@x`, an
//! `--allow-undefined-file`…). `a.o` and `libz.a` are small real inputs (`fixtures/`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use weld::driver::{self, MemoryFileSystem};

const OBJECT: &[u8] = include_bytes!("../fixtures/a.o");
const ARCHIVE: &[u8] = include_bytes!("../fixtures/libz.a");

fuzz_target!(|data: &[u8]| {
    let (line, file) = match data.windows(2).position(|w| w == b"\0\0") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let args: Vec<String> =
        line.split(|&b| b == 0).take(64).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
    let mut fs = MemoryFileSystem::new();
    fs.insert("a.o", OBJECT);
    fs.insert("libz.a", ARCHIVE);
    fs.insert("x", file);
    let _ = weld::args::parse_args(&args, &|p| fs.files.get(p).cloned());
    let _ = driver::run("wasm-ld", &args, &fs);
});
