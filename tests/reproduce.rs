//! `--reproduce=FILE`: weld's archive must hold what wasm-ld-19's holds — the same
//! `response.txt` and input files under the same names (short, split ustar and PAX paths,
//! a path with a space), header for header — except `version.txt`, which names weld; and
//! linking again from the extracted archive (`weld @response.txt`) must give the same
//! module as the original link.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::process::{self, find_tool};
use common::toolchain::{self, target_dir, INSTALL_HINT};

/// weld's archive (`ours`) holds wasm-ld's entries (`count` of them), header for header,
/// but for `version.txt`, which names weld.
fn assert_same_entries(theirs: &[u8], ours: &[u8], count: usize) {
    let entries = common::tar::entries(theirs).expect("wasm-ld's archive is cut short");
    assert_eq!(entries.len(), count, "wasm-ld's archive holds something else than expected");
    if let Some(difference) = common::tar::difference(theirs, ours) {
        panic!("weld's archive differs from wasm-ld-19's: {difference}");
    }
}

fn tool(name: &str) -> PathBuf {
    find_tool(name).unwrap_or_else(|| panic!("{name} not found; {INSTALL_HINT}"))
}

/// A fresh `target/NAME/` and its `logs/`.
fn work_dir(name: &str) -> (PathBuf, PathBuf) {
    let dir = target_dir().join(name);
    toolchain::fresh_dir(&dir).unwrap();
    let logs = dir.join("logs");
    toolchain::create_dir(&logs).unwrap();
    (dir, logs)
}

fn run_ok(cmd: &mut Command, logs: &Path, label: &str) {
    let out = process::run(cmd, logs, label).unwrap_or_else(|e| panic!("{label}: {e}"));
    assert!(out.status.success(), "{label} failed ({}): {}", out.status, out.stderr_summary());
}

#[test]
fn archive_matches_wasm_ld_and_reproduces_the_link() {
    let (clang, wasm_ld, tar) = (tool("clang-19"), tool("wasm-ld-19"), tool("tar"));
    let weld = PathBuf::from(env!("CARGO_BIN_EXE_weld"));
    let (dir, logs) = work_dir("reproduce");
    // Input paths of every length the format has a case for.
    let deep = dir.join("d".repeat(60)).join("e".repeat(70));
    let deeper = deep.join("f".repeat(120));
    toolchain::create_dir(&deeper).unwrap();
    let sources = [
        (dir.join("main.c"), "int helper(int);\nint counter = 2;\nint main(void) { return helper(counter); }\n"),
        (deep.join("helper.c"), "int helper(int x) { return x * 21; }\n"),
        (deeper.join(format!("{}.c", "g".repeat(90))), "int unused(void) { return 7; }\n"),
        (dir.join("with space.c"), "int spaced(void) { return 1; }\n"),
    ];
    let mut objects = Vec::new();
    for (source, text) in &sources {
        std::fs::write(source, text).unwrap();
        let object = source.with_extension("o");
        run_ok(Command::new(&clang).args(["--target=wasm32", "-O2", "-c"]).arg(source).arg("-o").arg(&object), &logs, "cc");
        objects.push(object);
    }
    let mut tars = Vec::new();
    for (linker, label) in [(&wasm_ld, "wasm-ld"), (&weld, "weld")] {
        let out = dir.join(label);
        toolchain::create_dir(&out.join("bin")).unwrap();
        let mut cmd = Command::new(linker);
        cmd.args(["--reproduce=repro.tar", "--no-entry", "--export=main", "-O2", "-L/usr/lib", "-Map=out.map"]);
        cmd.args(&objects).args(["-o", "bin/out.wasm"]).current_dir(&out);
        run_ok(&mut cmd, &logs, &format!("link-{label}"));
        tars.push(toolchain::read(&out.join("repro.tar")).unwrap());
    }
    // response.txt, version.txt, the objects, and a PAX header for the longest path.
    assert_same_entries(&tars[0], &tars[1], 3 + objects.len());

    // The archive is enough to link again: the same module comes out.
    let replay = dir.join("replay");
    toolchain::create_dir(&replay).unwrap();
    run_ok(Command::new(&tar).arg("xf").arg(dir.join("weld/repro.tar")).current_dir(&replay), &logs, "untar");
    let root = replay.join("repro");
    run_ok(Command::new(&weld).arg("@response.txt").current_dir(&root), &logs, "relink");
    let original = toolchain::read(&dir.join("weld/bin/out.wasm")).unwrap();
    let again = toolchain::read(&root.join("out.wasm")).unwrap();
    assert!(original == again, "linking from the archive gave another module");
}

/// Files read besides the inputs go in too, in the order wasm-ld reads them: an archive's
/// `.imports` file after the archive, the `--allow-undefined-file` after all inputs; a thin
/// archive as it is (wasm-ld does not store its members); a stub library like any input.
#[test]
fn archive_holds_the_other_files_read() {
    let (clang, wasm_ld, ar) = (tool("clang-19"), tool("wasm-ld-19"), tool("llvm-ar-19"));
    let weld = PathBuf::from(env!("CARGO_BIN_EXE_weld"));
    let (dir, logs) = work_dir("reproduce-other-files");
    let sources = [
        ("main.c", "int helper(int);\nint host_fn(void);\nint js_fn(void);\nint main(void) { return helper(host_fn() + js_fn()); }\n"),
        ("helper.c", "int helper(int x) { return x * 21; }\n"),
    ];
    for (name, text) in sources {
        let source = dir.join(name);
        std::fs::write(&source, text).unwrap();
        run_ok(Command::new(&clang).args(["--target=wasm32", "-O2", "-c"]).arg(&source).arg("-o").arg(source.with_extension("o")), &logs, "cc");
    }
    run_ok(Command::new(&ar).args(["rc", "--thin", "libthin.a", "helper.o"]).current_dir(&dir), &logs, "ar");
    std::fs::write(dir.join("libthin.imports"), "host_fn\n").unwrap();
    std::fs::write(dir.join("allowed.txt"), "other_fn\n").unwrap();
    std::fs::write(dir.join("js.stub"), "#STUB\njs_fn: helper\n").unwrap();
    let mut tars = Vec::new();
    for (linker, label) in [(&wasm_ld, "wasm-ld"), (&weld, "weld")] {
        let out = dir.join(label);
        toolchain::create_dir(&out).unwrap();
        let mut cmd = Command::new(linker);
        cmd.args(["--reproduce=repro.tar", "--no-entry", "--export=main"]);
        cmd.arg(format!("--allow-undefined-file={}", dir.join("allowed.txt").display()));
        cmd.args(["main.o", "libthin.a", "js.stub"].map(|f| dir.join(f))).args(["-o", "out.wasm"]).current_dir(&out);
        run_ok(&mut cmd, &logs, &format!("link-{label}"));
        tars.push(toolchain::read(&out.join("repro.tar")).unwrap());
    }
    // response.txt, version.txt, main.o, libthin.a, libthin.imports, js.stub, allowed.txt.
    assert_same_entries(&tars[0], &tars[1], 7);
}
