//! The wasm-ld command line through `args::parse_args` and `driver::run`, with a few files
//! in a `MemoryFileSystem` (format: `inputs::args_inputs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use weld::driver;

#[path = "inputs.rs"]
mod inputs;

fuzz_target!(|data: &[u8]| {
    let (args, fs) = inputs::args_inputs(data);
    let _ = weld::args::parse_args(&args, &|p| fs.files.get(p).cloned());
    let _ = driver::run("wasm-ld", &args, &fs);
});
