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
            return d.to_string();
        }
    }
    if name.starts_with("_Z") {
        if let Ok(sym) = cpp_demangle::Symbol::new(name) {
            let opts = cpp_demangle::DemangleOptions::default();
            if let Ok(d) = sym.demangle(&opts) {
                return d;
            }
        }
    }
    name.to_string()
}
