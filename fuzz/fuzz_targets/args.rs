//! The wasm-ld command line through `args::parse_args` and `driver::run`, with a few files
//! in a `MemoryFileSystem` (format: `inputs::args_inputs`); the modules it writes validate.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "inputs.rs"]
mod inputs;

fuzz_target!(|data: &[u8]| inputs::args_and_check(data));
