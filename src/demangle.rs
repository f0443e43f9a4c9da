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
        // LLVM prints a suffix after the symbol (`.0`, `.llvm.123`) in parentheses.
        let (symbol, suffix) = match name.find('.') {
            Some(dot) => name.split_at(dot),
            None => (name, ""),
        };
        if let Ok(d) = rustc_demangle::try_demangle(symbol) {
            // The alternate form leaves out crate disambiguators (`core[1a2b..]::`), as
            // LLVM's Rust demangler, and so wasm-ld, prints them.
            return if suffix.is_empty() { format!("{d:#}") } else { format!("{d:#} ({suffix})") };
        }
    }
    if name.starts_with("_Z") {
        if let Some(text) = special_name(name).or_else(|| demangle_cpp(name)).map(|t| llvm_spelling(&t)) {
            return text;
        }
    }
    name.to_string()
}

fn demangle_cpp(name: &str) -> Option<String> {
    let parse = cpp_demangle::ParseOptions::default().recursion_limit(PARSE_DEPTH);
    let sym = cpp_demangle::Symbol::new_with_options(name, &parse).ok()?;
    let opts = cpp_demangle::DemangleOptions::default();
    let mut out = Bounded { text: String::new(), room: MAX_DEMANGLED_LEN };
    sym.structured_demangle(&mut out, &opts).ok()?;
    Some(out.text)
}

/// Thunks and thread-local helpers, which cpp_demangle words its own way: LLVM's words
/// around the demangled target (`non-virtual thunk to Foo::bar()`).
fn special_name(name: &str) -> Option<String> {
    let rest = name.strip_prefix("_ZT")?;
    let (words, target) = match rest.as_bytes().first()? {
        b'h' => ("non-virtual thunk to ", call_offset(rest)?),
        b'v' => ("virtual thunk to ", call_offset(rest)?),
        b'c' => ("covariant return thunk to ", call_offset(call_offset(rest.get(1..)?)?)?),
        b'W' => ("thread-local wrapper routine for ", rest.get(1..)?),
        b'H' => ("thread-local initialization routine for ", rest.get(1..)?),
        _ => return None,
    };
    Some(format!("{words}{}", demangle_cpp(&format!("_Z{target}"))?))
}

/// Skips an Itanium `<call-offset>`: `h <number> _` or `v <number> _ <number> _`.
fn call_offset(s: &str) -> Option<&str> {
    match s.as_bytes().first()? {
        b'h' => skip_number(s.get(1..)?),
        b'v' => skip_number(skip_number(s.get(1..)?)?),
        _ => None,
    }
}

/// Skips `[n] <digits> _`.
fn skip_number(s: &str) -> Option<&str> {
    let digits = s.strip_prefix('n').unwrap_or(s);
    let len = digits.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 {
        return None;
    }
    digits.get(len..)?.strip_prefix('_')
}

/// cpp_demangle's spellings of special names, in LLVM's words.
fn llvm_spelling(text: &str) -> String {
    let text: &str = &llvm_tokens(text);
    let inner = |prefix: &str| text.strip_prefix(prefix).and_then(|t| t.strip_suffix(")}"));
    if let Some(ty) = inner("{vtable(") {
        return format!("vtable for {ty}");
    }
    if let Some(ty) = inner("{vtt(") {
        return format!("VTT for {ty}");
    }
    if let Some((outer, inner)) = text.strip_prefix("construction vtable for ").and_then(|t| t.split_once("-in-")) {
        return format!("construction vtable for {inner}-in-{outer}");
    }
    if let Some(rest) = text.strip_prefix("reference temporary #") {
        if let Some((_, object)) = rest.split_once(" for ") {
            return format!("reference temporary for {object}");
        }
    }
    // Clone suffixes (`.llvm.123` from ThinLTO, `.cold`, `.constprop.0`): cpp_demangle writes
    // ` [clone .constprop.0] [clone .isra.1]`, LLVM ` (.constprop.0.isra.1)`.
    let mut rest = text;
    let mut suffixes = Vec::new();
    while let Some((head, suffix)) = rest.strip_suffix(']').and_then(|t| t.rsplit_once(" [clone ")) {
        suffixes.push(suffix);
        rest = head;
    }
    if !suffixes.is_empty() {
        suffixes.reverse();
        return format!("{rest} ({})", suffixes.concat());
    }
    text.to_string()
}

/// cpp_demangle's spellings that LLVM 19 writes otherwise: nested template argument lists
/// close with `>>`, not `> >`; an integer literal of a type with a suffix is written with
/// it (`1u`, `-8l`, `2ull`), not as a cast (`(unsigned int)1`); an empty pack leaves no
/// `, ` before the `>`; template arguments follow `operator<` and `operator<<` without a
/// space; a lambda is `'lambda'(int)` (`'lambda0'` for the second), not `{lambda(int)#1}`.
fn llvm_tokens(text: &str) -> String {
    const SUFFIXES: [(&str, &str); 5] = [
        ("(unsigned long long)", "ull"),
        ("(unsigned long)", "ul"),
        ("(unsigned int)", "u"),
        ("(long long)", "ll"),
        ("(long)", "l"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest: &str = text;
    'scan: while let Some(c) = rest.chars().next() {
        if c == '(' {
            for (cast, suffix) in SUFFIXES {
                let Some(after) = rest.strip_prefix(cast) else { continue };
                let sign = usize::from(after.starts_with('-'));
                let digits = after.get(sign..).map_or(0, |d| d.bytes().take_while(u8::is_ascii_digit).count());
                if digits > 0 {
                    let (number, tail) = after.split_at(sign + digits);
                    out.push_str(number);
                    out.push_str(suffix);
                    rest = tail;
                    continue 'scan;
                }
            }
        }
        if c == ' ' && out.ends_with('>') && rest.get(1..).is_some_and(|r| r.starts_with('>')) {
            rest = &rest[1..];
            continue;
        }
        if c == ' ' && (out.ends_with("operator<") || out.ends_with("operator<<")) && rest.get(1..).is_some_and(|r| r.starts_with('<')) {
            rest = &rest[1..];
            continue;
        }
        if c == '>' {
            while out.ends_with(", ") {
                out.truncate(out.len() - 2);
            }
        }
        if c == '{' {
            if let Some((lambda, tail)) = llvm_lambda(rest) {
                out.push_str(&lambda);
                rest = tail;
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `{lambda(ARGS)#N}` at the start of `text` as LLVM writes it (`'lambda'(ARGS)` for the
/// first, `'lambdaK'(ARGS)` with K = N - 2 after it), and the text after it.
fn llvm_lambda(text: &str) -> Option<(String, &str)> {
    let after = text.strip_prefix("{lambda(")?;
    let mut depth = 1usize;
    let close = after.char_indices().find_map(|(i, c)| {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        (depth == 0).then_some(i)
    })?;
    let (args, tail) = after.split_at(close);
    let tail = tail.strip_prefix(")#")?;
    let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
    let n: u64 = tail.get(..digits)?.parse().ok()?;
    let tail = tail.get(digits..)?.strip_prefix('}')?;
    let count = if n <= 1 { String::new() } else { (n - 2).to_string() };
    Some((format!("'lambda{count}'({})", llvm_tokens(args)), tail))
}

/// How deep the C++ parser may nest. Its default (96) let a 171-byte name found by the
/// fuzzer take over a second of backtracking; at 64 it takes microseconds, and almost all
/// names from real code stay shallower (17 of the 85,382 names of libLLVM-19 and
/// libclang-cpp-19 need more, up to 85). A deeper name stays mangled. (cpp_demangle's
/// backtracking still costs 0.5 s on some invalid names: `tests/fuzz-regressions/`.)
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
            ("_ZTV6Square", "vtable for Square"),
            ("_ZTT6Square", "VTT for Square"),
            ("_ZThn8_N3Foo3barEv", "non-virtual thunk to Foo::bar()"),
            ("_ZTv0_n12_N3Foo3bazEi", "virtual thunk to Foo::baz(int)"),
            ("_ZTch0_h4_N3Foo3quxEv", "covariant return thunk to Foo::qux()"),
            ("_ZGVZ4mainE1x", "guard variable for main::x"),
            ("_ZGRZ4mainE1x_", "reference temporary for main::x"),
            ("_ZTI6Square", "typeinfo for Square"),
            ("_ZTS6Square", "typeinfo name for Square"),
            ("_ZTW1x", "thread-local wrapper routine for x"),
            ("_ZTH1x", "thread-local initialization routine for x"),
            ("_ZTCN1A1BE0_N1C1DE", "construction vtable for C::D-in-A::B"),
            ("_Z1fv.cold.1", "f() (.cold.1)"),
            ("_RNvNtNtCset5xJoy1xWQ_3std6thread11main_thread4MAIN.0", "std::thread::main_thread::MAIN (.0)"),
            ("_ZN3foo3barEv.constprop.0.isra.1", "foo::bar() (.constprop.0.isra.1)"),
            ("_ZN4core3fmt5write17h0123456789abcdefE.llvm.42", "core::fmt::write::h0123456789abcdef (.llvm.42)"),
            ("plain_c_name", "plain_c_name"),
            // Nested template argument lists, and literals with suffixes.
            (
                "_Z20cleanUpTempFilesImplN4llvm8ArrayRefINSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEEEEj",
                "cleanUpTempFilesImpl(llvm::ArrayRef<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>>, unsigned int)",
            ),
            (
                "_Z23hasIntersectingAccessesN3isl3setEPN5polly12MemoryAccessES3_S0_RN4llvm11SmallVectorIS3_Lj8EEE",
                "hasIntersectingAccesses(isl::set, polly::MemoryAccess*, polly::MemoryAccess*, isl::set, llvm::SmallVector<polly::MemoryAccess*, 8u>&)",
            ),
            ("_Z1fILm8ELx3ELy2ELln5ELi7EEvv", "void f<8ul, 3ll, 2ull, -5l, 7>()"),
            // An empty pack, template arguments after `operator<<`, lambdas.
            (
                "_ZN17NewPMDebugifyPass3runERN4llvm6ModuleERNS0_15AnalysisManagerIS1_JEEE",
                "NewPMDebugifyPass::run(llvm::Module&, llvm::AnalysisManager<llvm::Module>&)",
            ),
            (
                "_ZN4llvm4PBQPlsINS_11raw_ostreamEEERT_S4_RKNS0_6MatrixE",
                "llvm::raw_ostream& llvm::PBQP::operator<<<llvm::raw_ostream>(llvm::raw_ostream&, llvm::PBQP::Matrix const&)",
            ),
            ("_ZZ4mainENKUliE_clEi", "main::'lambda'(int)::operator()(int) const"),
            (
                "_ZTIZN4llvm7objcopy3elf9ELFWriterINS_6object7ELFTypeILNS_10endiannessE0ELb0EEEE8finalizeEvEUlRKNS1_11SectionBaseEE0_",
                "typeinfo for llvm::objcopy::elf::ELFWriter<llvm::object::ELFType<(llvm::endianness)0, false>>::finalize()::'lambda0'(llvm::objcopy::elf::SectionBase const&)",
            ),
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
