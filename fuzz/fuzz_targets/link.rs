//! A whole `weld::link` of (mutated) objects and archives with options taken from the input
//! (format: `inputs::link_inputs`; what is checked: `inputs::link_and_check`).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "inputs.rs"]
mod inputs;

fuzz_target!(|data: &[u8]| inputs::link_and_check(data));
