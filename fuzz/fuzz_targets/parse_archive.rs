//! Parses arbitrary bytes as an `ar` archive, and its members as objects.
#![no_main]

use libfuzzer_sys::fuzz_target;
use weld::input::{archive, detect, object, FileKind};

fuzz_target!(|data: &[u8]| {
    if let Ok(ar) = archive::parse_archive("fuzz.a", data) {
        for (name, index) in &ar.symbol_index {
            // The parser promises every index names a member.
            assert!((*index as usize) < ar.members.len(), "{:?} -> {index}", String::from_utf8_lossy(name));
        }
        for m in &ar.members {
            if detect(m.data) == FileKind::Object {
                if let Ok(obj) = object::parse_object(&m.name, m.data) {
                    let _ = obj.lazy_names();
                }
            }
        }
    }
});
