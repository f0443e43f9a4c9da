//! Dynamic linking end to end: the sources in `tests/dylink/` (two shared libraries and an
//! executable, freestanding C compiled by clang-19 with `-fPIC`) are linked by weld and by
//! wasm-ld-19 — the libraries with `-shared`, the executable with `-pie` — and then:
//! - weld's modules are byte-identical to wasm-ld's;
//! - weld's modules run under `tests/dylink-loader.mjs`, a small loader after
//!   tool-conventions' `DynamicLinking.md` (one memory and table, GOT imports bound to
//!   other modules' exports, `__wasm_apply_data_relocs` and constructors run), and print what
//!   the program computes: constructors ran, pointers stored in data point where they
//!   should in each module, function pointers cross modules through the table, a weak
//!   definition of a library is overridden by the executable's, and an unresolved weak
//!   function reads as null.
//!
//! Each case links the same sources differently: `against_libraries` (each module is
//! linked against the shared libraries it uses, which `dylink.0` then lists), `plain` (undefined
//! symbols imported dynamically; one data segment at
//! `__memory_base`, internal GOT entries set by `__wasm_apply_global_relocs`),
//! `extended_const` (`-mextended-const`: segments keep their offsets, GOT entries are
//! constant expressions) and `no_merge_data_segments`, where wasm-ld 19 breaks libtext's
//! pointers at merged strings: there weld's libtext is only run, not compared. Work files
//! go to `target/dylink/<case>/`.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::process::{self, find_tool};
use common::toolchain::{self, manifest_dir, target_dir, INSTALL_HINT};

/// What `run` prints, `label: value` per line (see the sources for why each value).
const EXPECTED: &str = "1: 42\n2: 42\n3: 50\n4: 1\n100: 50\n101: 10\n102: 100\n103: 7\n\
                        200: 18\n201: 55\n202: 55\n203: -1\n204: 1\n205: 5\n5: 55\n";

const LIBRARY_FLAGS: &[&str] = &["--experimental-pic", "-shared"];
const EXECUTABLE_FLAGS: &[&str] = &["--experimental-pic", "-pie", "--import-memory", "--no-entry", "--export-dynamic"];

/// The modules in link order: (source stem, output name, link flags, shared libraries it
/// links against when the case does). The executable is named first on the loader's
/// command line.
const MODULES: [(&str, &str, &[&str], &[&str]); 3] = [
    ("libcounter", "libcounter.so", LIBRARY_FLAGS, &[]),
    ("libtext", "libtext.so", LIBRARY_FLAGS, &["libcounter.so"]),
    ("main", "main.wasm", EXECUTABLE_FLAGS, &["libcounter.so", "libtext.so"]),
];

/// How a module finds the symbols other modules define.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Binding {
    /// `--unresolved-symbols=import-dynamic`: whatever is undefined is imported.
    ImportDynamic,
    /// The shared libraries are linker inputs: their exports resolve the references, and
    /// `dylink.0` lists them as needed.
    AgainstLibraries,
}

fn tool(name: &str) -> PathBuf {
    find_tool(name).unwrap_or_else(|| panic!("{name} not found; {INSTALL_HINT}"))
}

fn run_ok(cmd: &mut Command, logs: &Path, label: &str) -> String {
    let out = process::run(cmd, logs, label).unwrap_or_else(|e| panic!("{label}: {e}"));
    assert!(out.status.success(), "{label} failed ({}): {}", out.status, out.stderr_summary());
    out.stdout_text()
}

/// `node_flags`: Node 20 runs `extended-const` expressions only when asked. `wasm_ld_wrong`:
/// outputs where wasm-ld 19 writes a broken module, so weld's is only run.
fn case(name: &str, binding: Binding, cflags: &[&str], ldflags: &[&str], node_flags: &[&str], wasm_ld_wrong: &[&str]) {
    let weld = PathBuf::from(env!("CARGO_BIN_EXE_weld"));
    let (clang, wasm_ld, node) = (tool("clang-19"), tool("wasm-ld-19"), tool("node"));
    let dir = target_dir().join("dylink").join(name);
    toolchain::fresh_dir(&dir).unwrap();
    let logs = dir.join("logs");
    toolchain::create_dir(&logs).unwrap();
    let sources = manifest_dir().join("tests/dylink");
    for (stem, _, _, _) in MODULES {
        let mut cmd = Command::new(&clang);
        cmd.args(["--target=wasm32", "-fPIC", "-fvisibility=default", "-O1", "-c"]).args(cflags);
        cmd.arg(sources.join(format!("{stem}.c"))).arg("-o").arg(dir.join(format!("{stem}.o")));
        run_ok(&mut cmd, &logs, &format!("cc-{stem}"));
    }
    for (linker, label) in [(&wasm_ld, "wasm-ld"), (&weld, "weld")] {
        let out = dir.join(label);
        toolchain::create_dir(&out).unwrap();
        for (stem, output, flags, libraries) in MODULES {
            let mut cmd = Command::new(linker);
            cmd.args(flags).args(ldflags).arg(dir.join(format!("{stem}.o"))).args(["-o", output]).current_dir(&out);
            match binding {
                Binding::ImportDynamic => cmd.arg("--unresolved-symbols=import-dynamic"),
                Binding::AgainstLibraries => cmd.args(libraries),
            };
            run_ok(&mut cmd, &logs, &format!("link-{label}-{stem}"));
        }
    }
    for (_, output, _, _) in MODULES {
        if wasm_ld_wrong.contains(&output) {
            continue;
        }
        let reference = toolchain::read(&dir.join("wasm-ld").join(output)).unwrap();
        let ours = toolchain::read(&dir.join("weld").join(output)).unwrap();
        assert!(reference == ours, "{name}: weld's {output} differs from wasm-ld-19's (see {})", dir.display());
    }
    let mut cmd = Command::new(&node);
    cmd.args(node_flags).arg(manifest_dir().join("tests/dylink-loader.mjs")).args(["main.wasm", "libcounter.so", "libtext.so"]);
    cmd.current_dir(dir.join("weld"));
    let printed = run_ok(&mut cmd, &logs, "run-weld");
    assert_eq!(printed, EXPECTED, "{name}: the program linked by weld printed something else");
}

#[test]
fn plain() {
    case("plain", Binding::ImportDynamic, &[], &[], &[], &[]);
}

#[test]
fn extended_const() {
    case("extended_const", Binding::ImportDynamic, &["-mextended-const"], &[], &["--experimental-wasm-extended-const"], &[]);
}

/// Each string literal in its own segment, all combined into one: wasm-ld 19 then adds the
/// old segment's address twice to pointers at merged strings (libtext's `words` point past
/// their strings), weld once.
#[test]
fn no_merge_data_segments() {
    case("no_merge_data_segments", Binding::ImportDynamic, &[], &["--no-merge-data-segments"], &[], &["libtext.so"]);
}

/// The same without garbage collection: every export of the libraries is a symbol, but
/// only those the objects use are imported. (`--emit-relocs` is left out: wasm-ld 19
/// crashes on it here.)
#[test]
fn against_libraries_no_gc() {
    case("against_libraries_no_gc", Binding::AgainstLibraries, &[], &["--no-gc-sections"], &[], &[]);
}

/// libtext links against libcounter.so, the executable against both: their references
/// resolve to the libraries' exports (function imports, `GOT.mem`/`GOT.func` entries) and
/// `dylink.0` names the libraries the loader must load.
#[test]
fn against_libraries() {
    case("against_libraries", Binding::AgainstLibraries, &[], &[], &[], &[]);
    let main = toolchain::read(&target_dir().join("dylink/against_libraries/weld/main.wasm")).unwrap();
    let needed = b"\x0dlibcounter.so\x0alibtext.so";
    assert!(main.windows(needed.len()).any(|w| w == needed), "main.wasm's dylink.0 does not list both libraries");
}

/// A reference whose signature disagrees with a shared library's export: both linkers
/// refuse the link with the same message, whichever comes first. A function reference to a
/// library's data is a type error in weld (wasm-ld 19 crashes on it when the object comes
/// first, and reports the same error otherwise).
#[test]
fn library_mismatches() {
    let weld = PathBuf::from(env!("CARGO_BIN_EXE_weld"));
    let (clang, wasm_ld) = (tool("clang-19"), tool("wasm-ld-19"));
    let dir = target_dir().join("dylink").join("library_mismatches");
    toolchain::fresh_dir(&dir).unwrap();
    let logs = dir.join("logs");
    toolchain::create_dir(&logs).unwrap();
    std::fs::write(dir.join("sig.c"), "extern long long bump(long long);\nint use(void) { return (int)bump(1); }\n").unwrap();
    std::fs::write(dir.join("kind.c"), "extern int counter(void);\nint use(void) { return counter(); }\n").unwrap();
    let sources = [(manifest_dir().join("tests/dylink/libcounter.c"), "libcounter.o"), (dir.join("sig.c"), "sig.o"), (dir.join("kind.c"), "kind.o")];
    for (source, object) in sources {
        let mut cmd = Command::new(&clang);
        cmd.args(["--target=wasm32", "-fPIC", "-fvisibility=default", "-O1", "-c"]).arg(source).arg("-o").arg(dir.join(object));
        run_ok(&mut cmd, &logs, &format!("cc-{object}"));
    }
    run_ok(Command::new(&weld).args(LIBRARY_FLAGS).args(["libcounter.o", "-o", "libcounter.so"]).current_dir(&dir), &logs, "link-library");
    let link = |linker: &Path, inputs: [&str; 2], label: &str| {
        let mut cmd = Command::new(linker);
        cmd.args(LIBRARY_FLAGS).args(inputs).args(["-o", "out.so"]).current_dir(&dir);
        let out = process::run(&mut cmd, &logs, label).unwrap();
        let name = linker.file_name().unwrap().to_string_lossy().into_owned();
        (out.status.to_string(), out.stderr_text().replace(&format!("{name}: "), "LINKER: "))
    };
    for inputs in [["sig.o", "libcounter.so"], ["libcounter.so", "sig.o"]] {
        let theirs = link(&wasm_ld, inputs, "sig-wasm-ld");
        let ours = link(&weld, inputs, "sig-weld");
        assert_eq!(theirs.0, "exit code 1");
        assert_eq!(ours, theirs, "weld's outcome differs from wasm-ld-19's for {inputs:?}");
        assert!(ours.1.contains("function signature mismatch: bump"), "{}", ours.1);
    }
    for inputs in [["kind.o", "libcounter.so"], ["libcounter.so", "kind.o"]] {
        let (status, stderr) = link(&weld, inputs, "kind-weld");
        assert_eq!(status, "exit code 1");
        assert!(stderr.contains("symbol type mismatch: counter"), "{stderr}");
    }
    let theirs = link(&wasm_ld, ["libcounter.so", "kind.o"], "kind-wasm-ld");
    assert_eq!(link(&weld, ["libcounter.so", "kind.o"], "kind-weld"), theirs);
}
