//! weld's demangler against LLVM's on real names: every C++ and Rust symbol of the Rust
//! toolchain's wasm32-wasip1 libraries (std, core, alloc, ...: about 39,000 names, legacy
//! and v0 Rust, `.llvm.N` and `.N` suffixes) must read as `llvm-cxxfilt-19` prints it,
//! because wasm-ld writes demangled names into the `name` section and the map.
//! Needs `rustup target add wasm32-wasip1` and llvm-19 (`llvm-nm-19`, `llvm-cxxfilt-19`).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

#[test]
fn demangles_like_llvm_cxxfilt() {
    let names = toolchain_names();
    assert!(names.len() > 1000, "only {} mangled names found in the wasm32-wasip1 rlibs", names.len());
    let llvm = cxxfilt(&names);
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
        let listing = run(Command::new("llvm-nm-19").arg("--no-demangle").arg(&rlib));
        names.extend(
            listing
                .lines()
                .filter_map(|l| l.split_whitespace().last())
                .filter(|n| n.starts_with("_Z") || n.starts_with("_R"))
                .map(str::to_string),
        );
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
