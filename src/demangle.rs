//! Symbol names for people: Itanium C++ and Rust (legacy and v0) demangling, as wasm-ld
//! prints names in diagnostics and in the `name` section.

/// `main` is renamed `__main_argc_argv` by clang when it takes arguments; wasm-ld shows it
/// as `main`.
pub fn maybe_demangle(name: &str, demangle: bool) -> String {
    if name == "__main_argc_argv" {
        return "main".to_string();
    }
    if !demangle {
        return name.to_string();
    }
    if name.starts_with("_R") {
        if let Ok(d) = rustc_demangle::try_demangle(name) {
            // The alternate form leaves out crate disambiguators (`core[1a2b..]::`), as
            // LLVM's Rust demangler, and so wasm-ld, prints them.
            return format!("{d:#}");
        }
    }
    if name.starts_with("_Z") {
        let parse = cpp_demangle::ParseOptions::default().recursion_limit(PARSE_DEPTH);
        if let Ok(sym) = cpp_demangle::Symbol::new_with_options(name, &parse) {
            let opts = cpp_demangle::DemangleOptions::default();
            let mut out = Bounded { text: String::new(), room: MAX_DEMANGLED_LEN };
            if sym.structured_demangle(&mut out, &opts).is_ok() {
                return out.text;
            }
        }
    }
    name.to_string()
}

/// How deep the C++ parser may nest. Its default (96) let a 171-byte name found by the
/// fuzzer take over a second of backtracking; at 64 it takes microseconds, and names from
/// real code (libc++, deep templates) stay far shallower. A deeper name stays mangled.
const PARSE_DEPTH: u32 = 64;

/// Longest demangled C++ name weld writes. Substitutions let a short mangled name stand for
/// an exponentially long one; such a name stays mangled.
const MAX_DEMANGLED_LEN: usize = 64 * 1024;

/// A sink that refuses text past its room, which stops the demangler early.
struct Bounded {
    text: String,
    room: usize,
}

impl std::fmt::Write for Bounded {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.room = self.room.checked_sub(s.len()).ok_or(std::fmt::Error)?;
        self.text.push_str(s);
        Ok(())
    }
}


#[cfg(test)]
mod tests {
    use super::maybe_demangle;

    #[test]
    fn as_llvm_cxxfilt_19_prints_them() {
        // Expected texts from `llvm-cxxfilt-19` (LLVM's demanglers, which wasm-ld uses).
        for (mangled, want) in [
            ("_RNvNtCsdHhIpgkcIfN_4core9panicking18panic_bounds_check", "core::panicking::panic_bounds_check"),
            (
                "_ZN4core5slice29_$LT$impl$u20$$u5b$T$u5d$$GT$12chunks_exact17h2b4e5a352cc6cb9dE",
                "core::slice::_$LT$impl$u20$$u5b$T$u5d$$GT$::chunks_exact::h2b4e5a352cc6cb9d",
            ),
            ("_ZN3foo3barIiEEvT_", "void foo::bar<int>(int)"),
            ("__main_argc_argv", "main"),
            ("plain_c_name", "plain_c_name"),
        ] {
            assert_eq!(maybe_demangle(mangled, true), want, "{mangled}");
        }
        assert_eq!(maybe_demangle("_ZN3foo3barIiEEvT_", false), "_ZN3foo3barIiEEvT_");
    }

    #[test]
    fn hostile_names_stay_mangled_and_bounded() {
        // Deep nesting past the parser's depth: left as it is.
        let deep = format!("_Z{}i{}", "N1a".repeat(200), "E".repeat(200));
        assert_eq!(maybe_demangle(&deep, true), deep);
    }
}
