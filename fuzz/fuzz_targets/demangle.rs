//! Symbol demangling (names come from the inputs: diagnostics and the `name` section show
//! them demangled). Inputs get a `_Z`, `_R` or `_D` prefix so the demanglers always run.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    for prefix in ["_Z", "_R", "_D", ""] {
        let name = format!("{prefix}{s}");
        let out = weld::demangle::maybe_demangle(&name, true);
        // Demangled text grows with substitutions, but not without bound.
        assert!(out.len() <= 64 * name.len() + 4096, "{} bytes from {} bytes", out.len(), name.len());
    }
});
