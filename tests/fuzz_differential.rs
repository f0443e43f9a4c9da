//! Links that `fuzz/differential.sh` found weld and wasm-ld-19 disagreeing on, kept once
//! fixed: hostile objects (from the `link_structured` corpus) that wasm-ld rejects while
//! parsing them, lazily or not, or links to different bytes. Each case in
//! `tests/fuzz-differential/<case>/` is its inputs and `args` (a response file: options, then
//! the inputs in order). Both linkers run the same command; they must both fail, or both
//! succeed with byte-identical output. Needs wasm-ld-19 (`apt-get install lld-19`).

use std::path::{Path, PathBuf};
use std::process::Command;

struct Outcome {
    ok: bool,
    wasm: Option<Vec<u8>>,
    messages: String,
}

fn link(linker: &Path, case: &Path, out_dir: &Path) -> Outcome {
    std::fs::create_dir_all(out_dir).expect("output directory");
    // The same file name for both: it is the name section's module name.
    let output = out_dir.join("a.wasm");
    let result = Command::new(linker).arg("@args").arg("-o").arg(&output).current_dir(case).output();
    let result = match result {
        Ok(r) => r,
        Err(e) => panic!("cannot run {}: {e} (wasm-ld-19: apt-get install lld-19)", linker.display()),
    };
    let messages = String::from_utf8_lossy(&result.stderr).into_owned();
    let code = result.status.code();
    assert!(
        matches!(code, Some(0) | Some(1)),
        "{} {}: exit {code:?} (a crash?)\n{messages}",
        linker.display(),
        case.display()
    );
    let ok = code == Some(0);
    Outcome { ok, wasm: if ok { std::fs::read(&output).ok() } else { None }, messages }
}

#[test]
fn weld_and_wasm_ld_agree_on_fuzz_found_links() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-differential");
    let weld = PathBuf::from(env!("CARGO_BIN_EXE_weld"));
    let wasm_ld = PathBuf::from("wasm-ld-19");
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fuzz-differential");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(&root).expect("tests/fuzz-differential").map(|e| e.expect("entry").path()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "expected the committed cases in {}", root.display());
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let theirs = link(&wasm_ld, case, &scratch.join(&name).join("ref"));
        let ours = link(&weld, case, &scratch.join(&name).join("out"));
        let verdict = match (theirs.ok, ours.ok) {
            (false, false) => None,
            (true, true) if theirs.wasm == ours.wasm => None,
            (true, true) => Some("both link, to different bytes".to_string()),
            (true, false) => Some(format!("weld rejects what wasm-ld links:\n{}", ours.messages)),
            (false, true) => Some(format!("weld links what wasm-ld rejects:\n{}", theirs.messages)),
        };
        if let Some(v) = verdict {
            failures.push(format!("{name}: {v}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
