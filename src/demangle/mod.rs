//! Symbol names for people: Itanium C++, Rust (legacy and v0) and D demangling, as wasm-ld
//! prints names in diagnostics and in the `name` section.

mod dlang;
mod itanium;
mod rust_v0;

/// `main` is renamed `__main_argc_argv` by clang when it takes arguments; wasm-ld shows it
/// as `main`.
pub fn maybe_demangle(name: &str, demangle: bool) -> String {
    if name == "__main_argc_argv" {
        return "main".to_string();
    }
    if !demangle {
        return name.to_string();
    }
    demangle_as_llvm(name).unwrap_or_else(|| name.to_string())
}

/// Why a name stays mangled.
#[derive(Debug, PartialEq)]
enum Failure {
    /// Not a name LLVM's demanglers read.
    Invalid,
    /// Too long, too deep or too much work to print within weld's bounds (LLVM has none).
    Bounds,
}

/// Whether weld leaves `name` mangled only because of its own bounds, where LLVM would
/// print it (the differential fuzz target skips those).
#[doc(hidden)]
pub fn kept_mangled_by_bounds(name: &str) -> bool {
    demangle_one(name, true) == Err(Failure::Bounds)
}

/// `llvm::demangle` without its Microsoft mangling: the name as it is, then without one
/// leading underscore (a Darwin-style `__Z`).
fn demangle_as_llvm(name: &str) -> Option<String> {
    let mut text = demangle_one(name, true).ok().or_else(|| demangle_one(name.strip_prefix('_')?, false).ok())?;
    // LLVM's demanglers return a C string: a NUL inside a name (an identifier may hold one)
    // ends the text wasm-ld gets.
    if let Some(end) = text.find('\0') {
        text.truncate(end);
    }
    Some(text)
}

/// An Itanium C++, Rust v0 or D name, after an optional `.` that stays in front.
fn demangle_one(name: &str, can_have_leading_dot: bool) -> Result<String, Failure> {
    let (dot, name) = match name.strip_prefix('.') {
        Some(rest) if can_have_leading_dot => (".", rest),
        _ => ("", name),
    };
    let room = output_bound(name.len());
    let text = if name.starts_with("_Z") || name.starts_with("___Z") {
        itanium::demangle(name, room)?
    } else if name.starts_with("_R") {
        rust_v0::demangle(name, room)?
    } else if name.starts_with("_D") {
        dlang::demangle(name, room)?
    } else {
        return Err(Failure::Invalid);
    };
    Ok(format!("{dot}{text}"))
}

/// The longest demangled text weld writes for a mangled name of `len` bytes. Substitutions
/// and back-references let a short name stand for an exponentially long one; past this
/// bound the name stays mangled, so the names of a module stay linear in the size of its
/// inputs. Real names stay far below: the most any of 131,000 C++ names of LLVM's
/// libraries grows is 28.5 times (to 8 KiB).
fn output_bound(len: usize) -> usize {
    len.saturating_mul(64).clamp(1024, 64 * 1024)
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
        // Forms of llvm::demangle: a leading `.` kept, one extra `_` dropped.
        assert_eq!(maybe_demangle("._Z3foov", true), ".foo()");
        assert_eq!(maybe_demangle("__Z3foov", true), "foo()");
        // D: what LLVM 19 reads (variables of type int, special symbols, back-references).
        for (mangled, want) in [
            ("_Dmain", "D main"),
            ("_D2rt5trace13gtrace_initedi", "rt.trace.gtrace_inited"),
            ("_D10TypeInfo_a6__initZ", "initializer for TypeInfo_a"),
            ("_D4core2gc6config12__ModuleInfoZ", "ModuleInfo for core.gc.config"),
            ("_D4core3sys5linuxQk4auxv11__moduleRefZ", "core.sys.linux.sys.auxv.__moduleRef"),
            ("_D3foo7__S12343bari", "foo.bar"),
            ("_D3std5stdio7writelnFZv", "_D3std5stdio7writelnFZv"),
        ] {
            assert_eq!(maybe_demangle(mangled, true), want, "{mangled}");
        }
        // Rust v0: punycode identifiers, char constants, suffixes, nesting up to LLVM's limit.
        assert_eq!(maybe_demangle("_RNvC1au7caf_dma", true), "a::café");
        assert_eq!(maybe_demangle("_RNvC1au30____7hkackfecea1cbdathfdh9hlq6y", true), "a::საჭმელად_გემრიელი_სადილი");
        assert_eq!(maybe_demangle("_RNvC1au22ncd_nave__k0a6b9g5cg3h", true), "a::Ünïcödé_naïve_ß");
        assert_eq!(maybe_demangle("_RNvC1au21u9jt33hngb959azobtz6h", true), "a::日本語の名前");
        assert_eq!(maybe_demangle("_RINvC1a1fKc1f600_EB2_", true), "a::f::<'\\u{1f600}'>");
        assert_eq!(maybe_demangle("_RNvC1a1f.llvm.7", true), "a::f (.llvm.7)");
        let refs = |n: usize| format!("_RINvC1a1f{}uE", "R".repeat(n));
        assert_eq!(maybe_demangle(&refs(498), true), format!("a::f::<{}()>", "&".repeat(498)));
        // Rust v0 names LLVM 19 rejects: past its nesting limit, a back-reference to itself
        // (rustc-demangle printed 1 MB of it), an unstable `#[splat]`, a const tuple.
        for name in [
            refs(499).as_str(),
            "_RYRRB_B_",
            "_RNvMNtCs5CcWRJzwAYz_4core6optionINtB2_6OptionFwTlEEuE6unwrap",
            "_RINvC1a1fKTEE",
        ] {
            assert_eq!(maybe_demangle(name, true), name);
        }
    }

    #[test]
    fn hostile_names_stay_mangled_and_bounded() {
        // Nesting past the parser's depth is left as it is; just within it, it demangles
        // (and the recursion fits a debug build's test thread).
        let deep = format!("_Z1f{}i", "P".repeat(300));
        assert_eq!(maybe_demangle(&deep, true), deep);
        let within = format!("_Z1f{}i", "P".repeat(240));
        assert_eq!(maybe_demangle(&within, true), format!("f(int{})", "*".repeat(240)));
        let consts = format!("_Z1f{}c", "K".repeat(200));
        assert_eq!(maybe_demangle(&consts, true), format!("f(char{})", " const".repeat(200)));
        assert!(super::kept_mangled_by_bounds(&deep) && !super::kept_mangled_by_bounds("_Z1f"));

        // Each parameter is a template of the previous one twice: 2^40 characters in full.
        let mut doubling = String::from("_Z1f1a1bIS_S_E");
        for previous in 2..42 {
            doubling += &format!("S0_I{0}{0}E", substitution(previous));
        }
        assert_eq!(maybe_demangle(&doubling, true), doubling);

        // The same inside expansions of an empty pack: LLVM ends up printing `void f<>()`,
        // after writing and erasing 2^40 characters; the printer's bounds stop it first.
        let mut hidden = String::from("_Z1fIJEEvDp1bIT_T_E");
        for previous in (4..84).step_by(2) {
            hidden += &format!("DpS0_I{0}{0}E", substitution(previous));
        }
        assert_eq!(maybe_demangle(&hidden, true), hidden);
    }

    /// The substitution that refers to entry `index` of the table (`S_`, `S0_`, ... `SZ_`, `S10_`).
    fn substitution(index: usize) -> String {
        if index == 0 {
            return "S_".to_string();
        }
        let mut n = index - 1;
        let mut digits = Vec::new();
        loop {
            digits.push(char::from(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[n % 36]));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        format!("S{}_", digits.iter().rev().collect::<String>())
    }
}
