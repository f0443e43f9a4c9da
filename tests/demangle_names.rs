//! weld's demangler against LLVM's on real names, which must read as `llvm-cxxfilt-19`
//! prints them, because wasm-ld writes demangled names into the `name` section and the map:
//! every C++ and Rust symbol of the Rust toolchain's wasm32-wasip1 libraries (std, core,
//! alloc, ...: about 39,000 names, legacy and v0 Rust, `.llvm.N` and `.N` suffixes); the
//! C++ names LLVM's own libraries export (about 85,000, deep templates of every kind);
//! the symbols of `tests/demangle/features.cpp`, written for the rarer manglings; and
//! D names of LDC's libraries (`tests/demangle/d-names.txt`); and 100,000 names mutated
//! from each kind (LLVM's reading of invalid names counts too).
//! Needs `rustup target add wasm32-wasip1`, clang-19 and llvm-19 (`llvm-nm-19`,
//! `llvm-cxxfilt-19`, libLLVM and libclang-cpp).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[test]
fn rust_toolchain_names_demangle_like_llvm_cxxfilt() {
    let names = toolchain_names();
    assert!(names.len() > 1000, "only {} mangled names found in the wasm32-wasip1 rlibs", names.len());
    assert_demangled_as_llvm(&names);
}

#[test]
fn llvm_library_names_demangle_like_llvm_cxxfilt() {
    let names = llvm_library_names();
    assert!(names.len() > 50_000, "only {} C++ names in libLLVM and libclang-cpp", names.len());
    assert_demangled_as_llvm(&names);
}

#[test]
fn rare_cpp_manglings_demangle_like_llvm_cxxfilt() {
    let names = feature_names();
    assert!(names.len() > 80, "only {} names in tests/demangle/features.cpp", names.len());
    assert_demangled_as_llvm(&names);
}

/// Names a byte or a token away from real ones, most of them invalid: LLVM's reading of
/// bad input (what it rejects, and what it still prints) is what wasm-ld writes too.
#[test]
fn mutated_cpp_names_demangle_like_llvm_cxxfilt() {
    const TOKENS: &[&str] = &[
        "T_",
        "S_",
        "S0_",
        "S1_",
        "T0_",
        "I",
        "E",
        "J",
        "JE",
        "Dp",
        "cv",
        "N",
        "Z",
        "R",
        "O",
        "K",
        "Ul",
        "UlvE_",
        "Ut_",
        "L",
        "X",
        "fp_",
        "sp",
        "Tn",
        "Ty",
        "Tk",
        "Tt",
        "Tp",
        "TL0__",
        "B3abi",
        "DC1a1bE",
        "W3mod",
        "F",
        "H",
        "Q",
        "DtfpE",
        "srN",
        "sr",
        "gs",
        "li",
        "L_Z",
        "Lf3f800000E",
        "Ld3ff8000000000000E",
        "A3_",
        "A_",
        "M1a",
        "Dv4_",
        "DB3_",
        "Dk",
        "Ua9enable_ifI",
        "dn",
        "on",
        "cl",
        "cp",
        "il",
        "tl",
        "nw",
        "dl",
        "so",
        "mc",
        "rq",
        "sZ",
        "sP",
        "tw",
        "fL0p_",
        "fl",
        "fRpl",
        "GR",
        "GV",
        "TW",
        "TC",
        "Tc",
        "Th",
        "TA",
        "St",
        "Sa",
        "Ss",
        "C1",
        "D0",
        "CI1",
        "z",
        "v",
        "i",
        "DO",
        "Do",
        "Dw",
        "RE",
        "OE",
        "U3foo",
        "Dn",
        "pm",
        "pt",
        "qu",
        "pp_",
        "aw",
        "DF16_",
        "DA",
        "DS",
        ".",
    ];
    let features = feature_names();
    let mut bases: Vec<String> = (0..20).flat_map(|_| features.iter().cloned()).collect();
    bases.extend(llvm_library_names().into_iter().step_by(10));
    assert_demangled_as_llvm(&mutants(&bases, TOKENS, 100_000, 0x2545_f491_4f6c_dd1d));
}

/// The same for Rust v0 names: back-references, binders and lifetimes, constants,
/// punycode identifiers, ABIs.
#[test]
fn mutated_rust_names_demangle_like_llvm_cxxfilt() {
    const TOKENS: &[&str] = &[
        "B_",
        "B0_",
        "B1_",
        "I",
        "E",
        "N",
        "Nv",
        "Nt",
        "NC",
        "NS",
        "NX",
        "C",
        "Cs1a_",
        "M",
        "X",
        "Y",
        "R",
        "Q",
        "P",
        "O",
        "S",
        "A",
        "T",
        "F",
        "K",
        "L",
        "L_",
        "L0_",
        "G_",
        "G0_",
        "FG_RL0_hEu",
        "FG0_RL1_RL0_hEu",
        "FUKCuE",
        "FK4rust_callE",
        "Dp",
        "D",
        "DG_",
        "Kj1_",
        "Kjn1_",
        "Kb0_",
        "Kb1_",
        "Kb2_",
        "Kc61_",
        "Kc27_",
        "Kc1f600_",
        "Kc10ffff_",
        "Kp",
        "KB_",
        "Ka11111111111111111111_",
        "u",
        "u7caf_dma",
        "u3a_b",
        "u0_",
        "0_",
        "s_",
        "s0_",
        "p",
        "u3abc",
        "W",
        ".llvm.1",
        ".0",
    ];
    let bases: Vec<String> = toolchain_names().into_iter().filter(|n| n.starts_with("_R")).collect();
    assert!(bases.len() > 1000, "only {} Rust v0 names in the toolchain's rlibs", bases.len());
    assert_demangled_as_llvm(&mutants(&bases, TOKENS, 100_000, 0x9e37_79b9_7f4a_7c15));
}

/// The same for D names (`tests/demangle/d-names.txt`, from LDC's Phobos and druntime;
/// LLVM 19 reads only some: qualified names of `int` variables and of special symbols).
#[test]
fn d_names_demangle_like_llvm_cxxfilt() {
    const TOKENS: &[&str] = &[
        "Q",
        "Qa",
        "Qb",
        "Qd",
        "QBa",
        "Z",
        "i",
        "0",
        "00",
        "__S1",
        "6__initZ",
        "6__vtblZ",
        "7__ClassZ",
        "11__InterfaceZ",
        "12__ModuleInfoZ",
        "6__S123",
        "1a",
        "2ab",
        "10",
        "_D",
        "F",
        "v",
    ];
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/demangle/d-names.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let names: Vec<String> = text.lines().map(str::to_string).collect();
    assert_demangled_as_llvm(&names);
    assert_demangled_as_llvm(&mutants(&names, TOKENS, 100_000, 0xd1b5_4a32_d192_ed03));
}

/// `count` names made from `bases` by one to eight edits each (a byte dropped, a token or
/// a piece of another name inserted), from a fixed seed.
fn mutants(bases: &[String], tokens: &[&str], count: usize, seed: u64) -> Vec<String> {
    let mut rng = seed;
    let mut next = move |bound: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % bound as u64) as usize
    };
    let mut names = Vec::new();
    for _ in 0..count {
        let mut name: Vec<u8> = bases[next(bases.len())].clone().into_bytes();
        for _ in 0..1 + next(8) {
            let at = 2 + next(name.len() - 1);
            match next(4) {
                0 if name.len() > 3 => {
                    name.remove(at.min(name.len() - 1));
                }
                1 => {
                    let donor = bases[next(bases.len())].as_bytes();
                    let from = 2 + next(donor.len() - 2);
                    let to = (from + next(40)).min(donor.len());
                    name.splice(at..at, donor[from..to].iter().copied());
                }
                _ => {
                    name.splice(at..at, tokens[next(tokens.len())].bytes());
                }
            }
        }
        names.push(String::from_utf8(name).expect("ASCII names stay ASCII"));
    }
    names
}

fn assert_demangled_as_llvm(names: &[String]) {
    let llvm = cxxfilt(names);
    let mismatches: Vec<String> = names
        .iter()
        .zip(&llvm)
        .filter_map(|(name, want)| {
            let ours = weld::demangle::maybe_demangle(name, true);
            (&ours != want).then(|| format!("{name}\n  llvm: {want}\n  weld: {ours}"))
        })
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} of {} names demangle differently, e.g.:\n{}",
        mismatches.len(),
        names.len(),
        mismatches.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The `_Z` and `_R` names in an `llvm-nm` listing.
fn mangled_names(listing: &str) -> Vec<String> {
    listing
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|n| n.split('@').next().unwrap_or(n))
        .filter(|n| n.starts_with("_Z") || n.starts_with("_R"))
        .map(str::to_string)
        .collect()
}

/// The C++ names libLLVM and libclang-cpp export.
fn llvm_library_names() -> Vec<String> {
    let libdir = PathBuf::from(run(Command::new("llvm-config-19").arg("--libdir")).trim());
    let libllvm = ["/usr/lib/x86_64-linux-gnu/libLLVM.so.19.1", "/usr/lib/llvm-19/lib/libLLVM.so.19.1"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("libLLVM.so.19.1 not found (apt-get install llvm-19)"));
    let mut names = Vec::new();
    for lib in [libllvm, libdir.join("libclang-cpp.so.19.1")] {
        assert!(lib.exists(), "{} is missing (apt-get install clang-19 llvm-19)", lib.display());
        names.extend(mangled_names(&run(Command::new("llvm-nm-19").args(["-D", "--defined-only"]).arg(&lib))));
    }
    names.sort();
    names.dedup();
    names
}

/// The names of `tests/demangle/features.cpp`, compiled by clang++-19.
fn feature_names() -> Vec<String> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/demangle/features.cpp");
    let object = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("demangle_features-{}.o", std::process::id()));
    run(Command::new("clang++-19")
        .args(["--target=x86_64-linux-gnu", "-std=c++2b", "-c", "-o"])
        .arg(&object)
        .arg(&source));
    let mut names = mangled_names(&run(Command::new("llvm-nm-19").arg(&object)));
    let _ = std::fs::remove_file(&object);
    names.sort();
    names.dedup();
    names
}

/// The mangled names defined or used by the toolchain's wasm32-wasip1 rlibs.
fn toolchain_names() -> Vec<String> {
    let sysroot = run(Command::new("rustc").args(["--print", "sysroot"]));
    let lib = PathBuf::from(sysroot.trim()).join("lib/rustlib/wasm32-wasip1/lib");
    let rlibs: Vec<PathBuf> = std::fs::read_dir(&lib)
        .unwrap_or_else(|e| panic!("{}: {e} (rustup target add wasm32-wasip1)", lib.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rlib"))
        .collect();
    assert!(!rlibs.is_empty(), "no rlibs in {}", lib.display());
    let mut names: Vec<String> = Vec::new();
    for rlib in rlibs {
        names.extend(mangled_names(&run(Command::new("llvm-nm-19").arg("--no-demangle").arg(&rlib))));
    }
    names.sort();
    names.dedup();
    names
}

/// `llvm-cxxfilt-19`'s reading of each name, one line each.
fn cxxfilt(names: &[String]) -> Vec<String> {
    let mut child = Command::new("llvm-cxxfilt-19")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run llvm-cxxfilt-19: {e} (apt-get install llvm-19)"));
    let mut stdin = child.stdin.take().expect("piped stdin");
    let input = names.join("\n") + "\n";
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("llvm-cxxfilt-19 output");
    writer.join().expect("writer thread").expect("writing names to llvm-cxxfilt-19");
    let text = String::from_utf8(out.stdout).expect("utf-8 from llvm-cxxfilt-19");
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    assert_eq!(lines.len(), names.len(), "llvm-cxxfilt-19 printed {} lines for {} names", lines.len(), names.len());
    lines
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}
