//! Parses arbitrary bytes as a relocatable wasm object, fully and the lazy way.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = weld::input::object::parse_object("fuzz.o", data);
    let _ = weld::input::object::defined_names("fuzz.o", data);
});
