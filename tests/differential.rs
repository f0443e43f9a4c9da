//! Differential test: weld must link real C programs exactly like wasm-ld-19.
//!
//! Each program under `tests/c/` (see `common/program.rs` for its directives) is one test,
//! named after it. It is compiled once with clang-19, linked by wasm-ld-19 and by weld with
//! the same command line (built as clang's driver builds it), and then:
//! - both linkers agree on success or failure (an error test: both exit with 1 and print the
//!   expected message, and weld writes no output);
//! - weld prints nothing on stderr when wasm-ld prints nothing, and every expected warning;
//!   both print the same messages (unless the program says `STDERR: loose`), weld adding
//!   only the place in the input;
//!   the links print the same on stdout (`--trace`, `--print-gc-sections`, `--why-extract=-`);
//! - both modules pass `wasm-validate`, and have the same imports, exports, memory and table
//!   limits, named and exported globals (`__stack_pointer`, `__heap_base`, ...), data and
//!   element segment layout, function count, module name and custom sections (their names,
//!   and contents except for the name section and DWARF);
//! - weld's module is byte-identical to wasm-ld's (and so within ±1% of its size, which is
//!   checked on its own to say how far apart they are);
//! - both modules run under node (`tests/run-wasi.mjs`) with the same stdout, stderr and
//!   exit code;
//! - `-r` of the same inputs gives the same object, which links and runs like the program,
//!   and `--emit-relocs` the same module (`differential/relocatable.rs`).
//!
//! A further test, `determinism`, links some programs twice with weld, once from a copy of
//! the inputs in another directory, and compares the bytes.
//!
//! Work files are kept in `target/differential/<program>/`: the objects and archives, the
//! outputs `wasm-ld/<program>.wasm` and `weld/<program>.wasm`, and in `logs/` every command
//! line (`*.cmd`) with its stdout and stderr. The size table of the tests that ran goes to
//! `target/differential-sizes.txt` (and to stdout with `--nocapture`).
//!
//! `WELD_DIFF_LINKER=/usr/bin/wasm-ld-19` replaces weld, which checks the harness and the
//! programs themselves: every test must pass that way.

mod common;
#[path = "differential/relocatable.rs"]
mod relocatable;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};

use libtest_mimic::{Arguments, Failed, Trial};

use common::process::{self, Outcome, Status};
use common::program::{self, Expect, Program};
use common::toolchain::{self, manifest_dir, target_dir, Tools};
use common::verdict::{Verdict, Workspace};
use common::{compare, wasm};

/// weld's output may differ in size from wasm-ld's by this fraction at most.
const SIZE_TOLERANCE: f64 = 0.01;

/// Programs the determinism test links twice: multi-object, archives, debug info, reactors.
const DETERMINISM_PROGRAMS: &[&str] = &[
    "archive_partial",
    "ctor_priorities",
    "debug_info",
    "pointer_data",
    "reactor",
];

fn main() {
    let args = Arguments::from_args();
    let sizes = SizeTable::default();
    let mut trials = Vec::new();
    match program::discover(&manifest_dir().join("tests/c")) {
        Ok(programs) => {
            let chosen: Vec<Program> = programs
                .iter()
                .filter(|p| DETERMINISM_PROGRAMS.contains(&p.name.as_str()))
                .cloned()
                .collect();
            for program in programs {
                let sizes = sizes.clone();
                trials.push(Trial::test(program.name.clone(), move || {
                    check_program(&program, &sizes).map_err(Failed::from)
                }));
            }
            trials.push(Trial::test("determinism", move || {
                check_determinism(&chosen).map_err(Failed::from)
            }));
        }
        Err(message) => trials.push(Trial::test("discover", move || Err(message.into()))),
    }
    let conclusion = libtest_mimic::run(&args, trials);
    sizes.report(args.nocapture);
    conclusion.exit();
}

fn work_root() -> PathBuf {
    target_dir().join("differential")
}

// ---------------------------------------------------------------------------------------
// One program

/// One linker's run: its outcome and where its output should be.
struct Link {
    outcome: Outcome,
    output: PathBuf,
}

/// Links into `<workspace>/<name>/<program>.wasm`: both linkers' outputs get the same file
/// name, which wasm-ld writes into the name section.
fn link(
    tools: &Tools,
    linker: &Path,
    program: &Program,
    ws: &Workspace,
    name: &str,
) -> Result<Link, String> {
    let out_dir = ws.dir.join(name);
    toolchain::create_dir(&out_dir)?;
    let output = out_dir.join(format!("{}.wasm", program.name));
    // Every link also writes its map (`-Map`), compared line by line.
    let map = output.with_extension("map");
    let mut cmd = Command::new(linker);
    cmd.args(toolchain::link_args(tools, program, &ws.dir, &output))
        .arg(format!("-Map={}", map.display()))
        .current_dir(&ws.dir);
    let outcome = process::run(&mut cmd, &ws.logs, &format!("link-{name}"))?;
    Ok(Link { outcome, output })
}

fn run_module(
    tools: &Tools,
    program: &Program,
    module: &Path,
    ws: &Workspace,
    label: &str,
) -> Result<Outcome, String> {
    let mut cmd = Command::new(&tools.node);
    cmd.arg(&tools.runner);
    for invoke in &program.invokes {
        cmd.arg("--invoke").arg(invoke);
    }
    cmd.arg(module).args(&program.args).current_dir(&ws.dir);
    process::run(&mut cmd, &ws.logs, label)
}

/// A program's test: `Err` is the whole failure message.
fn check_program(program: &Program, sizes: &SizeTable) -> Result<(), String> {
    let tools = Tools::get()?;
    let ws = Workspace::fresh(work_root().join(&program.name))?;
    toolchain::build_inputs(tools, program, &ws.dir, &ws.logs)
        .map_err(|e| format!("building the inputs: {e}"))?;
    let reference = link(tools, &tools.wasm_ld, program, &ws, "wasm-ld")?;
    let candidate = link(tools, &tools.weld, program, &ws, "weld")?;

    let mut check = Check {
        tools,
        program,
        ws: &ws,
        v: Verdict::new(tools.reference_label(), tools.weld_label(), &ws),
    };
    match &program.expect {
        Expect::Error(texts) => {
            check.v.link_error(texts, &reference.outcome, &candidate.outcome, &candidate.output)?;
            if program.same_stderr {
                check.v.same_messages(&reference.outcome, &candidate.outcome);
            }
            let (r, c) = (&reference.outcome, &candidate.outcome);
            let (theirs, ours) = (check.v.theirs.clone(), check.v.ours.clone());
            if let Some(difference) = first_difference("link stdout", &r.stdout_text(), &c.stdout_text(), &theirs, &ours) {
                check.v.mismatch(difference);
            }
        }
        Expect::Success { run } => check.link_success(*run, &reference, &candidate, sizes)?,
    }
    check.v.finish()
}

/// Comparison state for one program: weld's differences go to `v`.
struct Check<'a> {
    tools: &'a Tools,
    program: &'a Program,
    ws: &'a Workspace,
    v: Verdict,
}

impl Check<'_> {
    fn link_success(
        &mut self,
        run: bool,
        reference: &Link,
        candidate: &Link,
        sizes: &SizeTable,
    ) -> Result<(), String> {
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let r = &reference.outcome;
        self.v.reference_succeeded(r)?;
        for warning in &self.program.warnings {
            if !r.stderr_text().contains(warning) {
                return Err(self.v.broken(format!("{theirs} did not warn '{warning}'")));
            }
        }
        let reference_bytes = toolchain::read(&reference.output).map_err(|e| self.v.broken(e))?;
        self.validate(&reference.output)
            .map_err(|e| self.v.broken(format!("{theirs}'s output is invalid: {e}")))?;
        let reference_module = wasm::parse(&reference_bytes)
            .map_err(|e| self.v.broken(format!("cannot read {theirs}'s output: {e}")))?;

        let c = &candidate.outcome;
        if !c.status.success() {
            sizes.record(&self.program.name, &reference_bytes, None);
            self.v.mismatch(format!(
                "link: {theirs} succeeds, {ours} fails ({}): {}",
                c.status,
                c.stderr_summary()
            ));
            return Ok(());
        }
        if r.stderr.is_empty() && !c.stderr.is_empty() {
            let says = c.stderr_summary();
            self.v.mismatch(format!(
                "link: {ours} prints on stderr where {theirs} is silent: {says}"
            ));
        }
        if self.program.same_stderr {
            self.v.same_messages(r, c);
        }
        if let Some(difference) = first_difference("link stdout", &r.stdout_text(), &c.stdout_text(), &theirs, &ours) {
            self.v.mismatch(difference);
        }
        for warning in &self.program.warnings {
            if !c.stderr_text().contains(warning) {
                self.v.mismatch(format!(
                    "link: {ours} did not warn '{warning}'; its stderr: {}",
                    c.stderr_summary()
                ));
            }
        }
        let Ok(candidate_bytes) = std::fs::read(&candidate.output) else {
            sizes.record(&self.program.name, &reference_bytes, None);
            self.v.mismatch(format!("link: {ours} succeeded but wrote no output file"));
            return Ok(());
        };
        sizes.record(&self.program.name, &reference_bytes, Some(&candidate_bytes));
        self.compare_sizes(reference_bytes.len(), candidate_bytes.len());

        let valid = self.validate(&candidate.output);
        if let Err(e) = &valid {
            self.v.mismatch(format!("wasm-validate rejects {ours}'s output: {e}"));
        }
        match wasm::parse(&candidate_bytes) {
            Ok(candidate_module) => {
                let lines = compare::modules(&reference_module, &candidate_module, &theirs, &ours);
                self.v.mismatches(lines);
            }
            Err(e) => self.v.mismatch(format!("cannot read {ours}'s output: {e}")),
        }
        // The structural comparison explains most differences; this catches the rest
        // (an order of functions or data that both maps would also show, say).
        if let Some(at) = reference_bytes.iter().zip(&candidate_bytes).position(|(a, b)| a != b) {
            self.v.mismatch(format!("bytes: {ours}'s output differs from {theirs}'s from offset {at:#x}"));
        } else if reference_bytes.len() != candidate_bytes.len() {
            self.v.mismatch(format!("bytes: {ours}'s output is {} bytes, {theirs}'s {}", candidate_bytes.len(), reference_bytes.len()));
        }

        self.compare_maps(&reference.output.with_extension("map"), &candidate.output.with_extension("map"))?;

        // An invalid module cannot run; that it is invalid was said above.
        if run && valid.is_ok() {
            self.compare_runs(&reference.output, &candidate.output)?;
        }
        self.compare_emit_relocs()?;
        self.compare_relocatable(run && valid.is_ok(), &candidate.output)
    }

    /// The `-Map` files must be the same text (they name inputs by the same paths).
    fn compare_maps(&mut self, reference: &Path, candidate: &Path) -> Result<(), String> {
        let theirs = std::fs::read_to_string(reference).map_err(|e| self.v.broken(format!("no map from {}: {e}", self.v.theirs)))?;
        let Ok(ours) = std::fs::read_to_string(candidate) else {
            self.v.mismatch(format!("map: {} wrote no map file", self.v.ours));
            return Ok(());
        };
        if let Some((i, (a, b))) = theirs.lines().zip(ours.lines()).enumerate().find(|(_, (a, b))| a != b) {
            self.v.mismatch(format!("map: line {} differs: {} has {a:?}, {} has {b:?}", i + 1, self.v.theirs, self.v.ours));
        } else if theirs.lines().count() != ours.lines().count() {
            self.v.mismatch(format!("map: {} has {} lines, {} has {}", self.v.theirs, theirs.lines().count(), self.v.ours, ours.lines().count()));
        }
        Ok(())
    }

    fn validate(&self, module: &Path) -> Result<(), String> {
        let mut cmd = Command::new(&self.tools.wasm_validate);
        cmd.arg("--enable-all").arg(module);
        let linker = module.parent().map(file_name).unwrap_or_default();
        let label = format!("validate-{linker}");
        let outcome = process::run(&mut cmd, &self.ws.logs, &label)?;
        if outcome.status.success() {
            Ok(())
        } else {
            Err(format!("{} ({})", outcome.stderr_summary(), outcome.status))
        }
    }

    fn compare_sizes(&mut self, reference: usize, candidate: usize) {
        let ratio = candidate as f64 / reference as f64;
        if (ratio - 1.0).abs() > SIZE_TOLERANCE {
            self.v.mismatch(format!(
                "size: {} {reference} bytes, {} {candidate} bytes (ratio {ratio:.3}, allowed ±{}%)",
                self.v.theirs,
                self.v.ours,
                SIZE_TOLERANCE * 100.0
            ));
        }
    }

    fn compare_runs(&mut self, reference: &Path, candidate: &Path) -> Result<(), String> {
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let r = run_module(self.tools, self.program, reference, self.ws, "run-wasm-ld")?;
        if r.status == Status::TimedOut || r.stderr_text().contains("run-wasi: trap") {
            return Err(self.v.broken(format!(
                "{theirs}'s module does not run cleanly ({}): {}",
                r.status,
                r.stderr_summary()
            )));
        }
        let c = run_module(self.tools, self.program, candidate, self.ws, "run-weld")?;
        if r.status != c.status {
            self.v.mismatch(format!(
                "run: {theirs}'s module ends with {}, {ours}'s with {}: {}",
                r.status,
                c.status,
                c.stderr_summary()
            ));
        }
        if let Some(line) =
            first_difference("stdout", &r.stdout_text(), &c.stdout_text(), &theirs, &ours)
        {
            self.v.mismatch(line);
        }
        // Differing endings already show the candidate's stderr.
        if r.status == c.status {
            if let Some(line) =
                first_difference("stderr", &r.stderr_text(), &c.stderr_text(), &theirs, &ours)
            {
                self.v.mismatch(line);
            }
        }
        Ok(())
    }
}

/// One line locating the first differing line of two program outputs.
fn first_difference(
    stream: &str,
    reference: &str,
    candidate: &str,
    theirs: &str,
    ours: &str,
) -> Option<String> {
    if reference == candidate {
        return None;
    }
    let (r, c): (Vec<&str>, Vec<&str>) = (reference.lines().collect(), candidate.lines().collect());
    let line = (0..)
        .find(|&i| r.get(i) != c.get(i) || i >= r.len().max(c.len()))
        .unwrap_or(0);
    let show = |l: Option<&&str>| match l {
        Some(text) => format!("{:?}", truncate(text, 80)),
        None => "<end>".to_string(),
    };
    Some(format!(
        "run {stream} differs at line {}: {theirs}'s module printed {}, {ours}'s printed {}",
        line + 1,
        show(r.get(line)),
        show(c.get(line))
    ))
}

fn truncate(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}...", &text[..at]),
        None => text.to_string(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

// ---------------------------------------------------------------------------------------
// Determinism

/// Links each program twice with weld, from two directories holding the same inputs, and
/// requires identical bytes.
fn check_determinism(programs: &[Program]) -> Result<(), String> {
    let tools = Tools::get()?;
    if programs.len() != DETERMINISM_PROGRAMS.len() {
        return Err(format!(
            "determinism: expected the programs {DETERMINISM_PROGRAMS:?} in tests/c"
        ));
    }
    let ours = tools.weld_label();
    let mut failures = Vec::new();
    for program in programs {
        let root = work_root().join("determinism").join(&program.name);
        let first = Workspace::fresh(root.join("first"))?;
        let second = Workspace::fresh(root.join("second-copy-elsewhere"))?;
        toolchain::build_inputs(tools, program, &first.dir, &first.logs)?;
        copy_files(&first.dir, &second.dir)?;

        let mut outputs = Vec::new();
        for ws in [&first, &second] {
            let linked = link(tools, &tools.weld, program, ws, "weld")?;
            if !linked.outcome.status.success() {
                let why = linked.outcome.stderr_summary();
                failures.push(format!(
                    "{}: {ours} failed ({}): {why}",
                    program.name, linked.outcome.status
                ));
                break;
            }
            outputs.push(toolchain::read(&linked.output)?);
        }
        if let [a, b] = outputs.as_slice() {
            if a != b {
                let at = a
                    .iter()
                    .zip(b)
                    .position(|(x, y)| x != y)
                    .unwrap_or(a.len().min(b.len()));
                failures.push(format!(
                    "{}: outputs differ ({} vs {} bytes, first difference at offset {at}); see {}",
                    program.name,
                    a.len(),
                    b.len(),
                    root.display()
                ));
            }
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "determinism check of {ours} failed:\n  - {}",
            failures.join("\n  - ")
        ))
    }
}

/// Copies the regular files directly in `from` to `to`.
fn copy_files(from: &Path, to: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            toolchain::copy(&path, &to.join(path.file_name().unwrap_or_default()))?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Size table

/// One row of the size table; `candidate` is `None` when weld produced no module.
struct SizeRow {
    program: String,
    reference: usize,
    candidate: Option<usize>,
    identical: bool,
}

#[derive(Clone, Default)]
struct SizeTable(Arc<Mutex<Vec<SizeRow>>>);

impl SizeTable {
    fn record(&self, program: &str, reference: &[u8], candidate: Option<&[u8]>) {
        let row = SizeRow {
            program: program.to_string(),
            reference: reference.len(),
            candidate: candidate.map(<[u8]>::len),
            identical: candidate == Some(reference),
        };
        if let Ok(mut rows) = self.0.lock() {
            rows.push(row);
        }
    }

    /// Writes the table to `target/differential-sizes.txt`, and to stdout if asked.
    fn report(&self, print: bool) {
        let Ok(mut rows) = self.0.lock() else { return };
        if rows.is_empty() {
            return;
        }
        rows.sort_by(|a, b| a.program.cmp(&b.program));
        let tools = Tools::get().ok();
        let theirs = tools.map_or("wasm-ld-19".to_string(), |t| t.reference_label());
        let ours = tools.map_or("weld".to_string(), |t| t.weld_label());
        let width = rows
            .iter()
            .map(|r| r.program.len())
            .max()
            .unwrap_or(0)
            .max(7);
        let mut table = format!(
            "{:<width$}  {:>12}  {:>12}  {:>7}  {}\n",
            "program", theirs, ours, "ratio", "identical"
        );
        for row in rows.iter() {
            let (size, ratio) = match row.candidate {
                Some(size) => (
                    size.to_string(),
                    format!("{:.4}", size as f64 / row.reference as f64),
                ),
                None => ("-".to_string(), "-".to_string()),
            };
            let identical = if row.identical { "yes" } else { "no" };
            let (program, reference) = (&row.program, row.reference);
            table.push_str(&format!(
                "{program:<width$}  {reference:>12}  {size:>12}  {ratio:>7}  {identical}\n"
            ));
        }
        let identical = rows.iter().filter(|r| r.identical).count();
        table.push_str(&format!(
            "{identical} of {} outputs byte-identical\n",
            rows.len()
        ));
        let path = target_dir().join("differential-sizes.txt");
        if let Err(e) = std::fs::write(&path, &table) {
            eprintln!("cannot write {}: {e}", path.display());
        }
        if print {
            println!("\n{table}");
        }
    }
}
