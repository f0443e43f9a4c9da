//! weld behind clang's driver: one command compiles and links, with
//! `clang-19 --target=wasm32-wasi -fuse-ld=<absolute path to weld>`.
//!
//! - `fuse_ld/*`: programs from `tests/c/` built in one clang command with weld and with
//!   clang's default linker (wasm-ld-19); clang's `-v` must show it ran weld; the modules
//!   must be byte-identical and print the same under node; for `-g` builds,
//!   `llvm-dwarfdump-19 --verify` is clean on weld's module and `llvm-symbolizer-19` maps
//!   every function to the same file:line in both.
//! - `ld_path_is_ignored`: clang 19 does not use `--ld-path` for wasm targets (its
//!   WebAssembly toolchain only reads `-fuse-ld`), which the README tells users; this test
//!   notices when a clang update changes that.
//!
//! Work files are in `target/clang-driver/<test>/`.

#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Arguments, Failed, Trial};

use common::{dwarf, toolchain};
use common::process::{self, find_tool};

const HINT: &str = "install with: apt-get install clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32 nodejs";

/// (test name, sources under tests/c, clang flags, program arguments)
type Spec = (&'static str, &'static [&'static str], &'static [&'static str], &'static [&'static str]);

const PROGRAMS: &[Spec] = &[
    ("hello-O2", &["hello.c"], &["-O2"], &[]),
    ("argv-Os", &["argv_args.c"], &["-Os"], &["one", "two words"]),
    ("debug_info-g", &["debug_info/main.c", "debug_info/point.c", "debug_info/unused.c"], &["-g", "-O0"], &[]),
    ("qsort-g-O2", &["qsort_fnptr.c"], &["-g", "-O2"], &[]),
];

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> = PROGRAMS
        .iter()
        .map(|&(name, sources, flags, argv)| {
            Trial::test(format!("fuse_ld/{name}"), move || check_fuse_ld(name, sources, flags, argv).map_err(Failed::from))
        })
        .collect();
    trials.push(Trial::test("ld_path_is_ignored", || check_ld_path().map_err(Failed::from)));
    libtest_mimic::run(&args, trials).exit();
}

struct Tools {
    clang: PathBuf,
    node: PathBuf,
    weld: PathBuf,
}

fn tools() -> Result<Tools, String> {
    let mut missing = Vec::new();
    for tool in ["clang-19", "wasm-ld-19", "node", dwarf::DWARFDUMP, dwarf::SYMBOLIZER] {
        if find_tool(tool).is_none() {
            missing.push(tool);
        }
    }
    if !missing.is_empty() {
        return Err(format!("missing {}; {HINT}", missing.join(", ")));
    }
    Ok(Tools {
        clang: find_tool("clang-19").unwrap_or_default(),
        node: find_tool("node").unwrap_or_default(),
        weld: PathBuf::from(env!("CARGO_BIN_EXE_weld")),
    })
}

fn work_dir(name: &str) -> Result<PathBuf, String> {
    let dir = toolchain::target_dir().join("clang-driver").join(name.replace('/', "-"));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot remove {}: {e}", dir.display()))?;
    }
    for sub in ["", "wasm-ld", "weld", "logs"] {
        std::fs::create_dir_all(dir.join(sub)).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    Ok(dir)
}

fn check_fuse_ld(name: &str, sources: &[&str], flags: &[&str], argv: &[&str]) -> Result<(), String> {
    let tools = tools()?;
    let dir = work_dir(name)?;
    let logs = dir.join("logs");
    let c_dir = toolchain::manifest_dir().join("tests/c");
    let fuse = format!("-fuse-ld={}", tools.weld.display());

    let build = |who: &str, extra: Option<&str>| -> Result<(PathBuf, String), String> {
        let output = dir.join(who).join(format!("{name}.wasm"));
        let mut cmd = Command::new(&tools.clang);
        cmd.arg("--target=wasm32-wasi").arg("-v").args(flags).args(extra);
        cmd.args(sources.iter().map(|s| c_dir.join(s))).arg("-o").arg(&output).current_dir(&dir);
        let outcome = process::run(&mut cmd, &logs, &format!("clang-{who}"))?;
        if !outcome.status.success() {
            return Err(format!("clang with {who} failed ({}):\n{}", outcome.status, outcome.stderr_text().trim()));
        }
        Ok((output, outcome.stderr_text()))
    };
    let (reference, _) = build("wasm-ld", None)?;
    let (ours, verbose) = build("weld", Some(&fuse))?;
    let weld_path = tools.weld.display().to_string();
    if !verbose.lines().any(|l| l.trim_start().starts_with(&format!("\"{weld_path}\""))) {
        return Err(format!("clang -v shows no link command running {weld_path}:\n{}", verbose.trim()));
    }

    let mut problems = Vec::new();
    let (want, got) = (read(&reference)?, read(&ours)?);
    if want != got {
        let at = want.iter().zip(&got).position(|(a, b)| a != b).unwrap_or(want.len().min(got.len()));
        problems.push(format!("not byte-identical to wasm-ld-19's module: {} vs {} bytes, first difference at {at:#x}", got.len(), want.len()));
    }
    let run = |module: &Path, who: &str| {
        let mut cmd = Command::new(&tools.node);
        cmd.arg(toolchain::manifest_dir().join("tests/run-wasi.mjs")).arg(module).args(argv);
        process::run(&mut cmd, &logs, &format!("run-{who}"))
    };
    let (r, w) = (run(&reference, "wasm-ld")?, run(&ours, "weld")?);
    if r.stdout.is_empty() || r.status != process::Status::Exited(0) && !name.starts_with("argv") {
        problems.push(format!("broken test: wasm-ld-19's module ran with {} and printed {} bytes", r.status, r.stdout.len()));
    }
    if (r.status, &r.stdout, &r.stderr) != (w.status, &w.stdout, &w.stderr) {
        problems.push(format!("runs differ: wasm-ld-19 {}, weld {}: {}", r.status, w.status, w.stderr_summary()));
    }
    if flags.contains(&"-g") {
        if let Err(e) = dwarf::verify(&ours, &logs, "verify") {
            problems.push(e);
        }
        match dwarf::compare_line_tables(&reference, &ours, &|s| s.to_string(), &logs, "lines") {
            Ok(check) if check.with_lines == 0 => problems.push("no function has line information (expected a -g build)".to_string()),
            Ok(_) => {}
            Err(e) => problems.push(format!("line tables: {e}")),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("work files in {}:\n  {}", dir.display(), problems.join("\n  ")))
    }
}

fn check_ld_path() -> Result<(), String> {
    let tools = tools()?;
    let dir = work_dir("ld_path_is_ignored")?;
    let source = toolchain::manifest_dir().join("tests/c/hello.c");
    let mut cmd = Command::new(&tools.clang);
    cmd.arg("--target=wasm32-wasi").arg("-###").arg(format!("--ld-path={}", tools.weld.display())).arg(&source);
    cmd.arg("-o").arg(dir.join("hello.wasm"));
    let outcome = process::run(&mut cmd, &dir.join("logs"), "clang-ld-path")?;
    let text = outcome.stderr_text();
    let link_line = text.lines().last().unwrap_or_default();
    if !outcome.status.success() || !link_line.contains("wasm-ld") {
        return Err(format!("unexpected clang -### output ({}):\n{}", outcome.status, text.trim()));
    }
    if link_line.contains(&tools.weld.display().to_string()) {
        return Err("clang now honours --ld-path for wasm targets: update the README (which says to use -fuse-ld) and this test".to_string());
    }
    Ok(())
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
