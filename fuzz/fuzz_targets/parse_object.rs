//! Parses arbitrary bytes as a relocatable wasm object, and lists the names it would add
//! to the symbol table as an unextracted archive member.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(obj) = weld::input::object::parse_object("fuzz.o", data) {
        let _ = obj.lazy_names();
    }
});
