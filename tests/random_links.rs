//! Random link lines, weld against wasm-ld-19: the differential programs' inputs
//! (`tests/c/`) linked with their usual command line plus a random pick of wasm-ld options
//! (memory layout, GC, stripping, exports, `-u`, `--wrap`, `--start-lib`, imports, build
//! ids, features, maps, tracing, stub libraries, `--reproduce`, ... and bad values of them).
//! Both linkers must give the same exit code, stdout and messages (weld may add the place
//! in the input), and, when the link succeeds, byte-identical modules and maps; the
//! `--reproduce` archives must hold the same entries (but `version.txt`).
//!
//! The cases come from a seeded generator, so a failure is reproducible:
//!   WELD_RANDOM_LINKS=N      how many cases (default 400)
//!   WELD_RANDOM_SEED=S       the first case's seed (default 1); case i uses S + i
//! Each failing case's command lines are in `target/random-links/failures.txt`; the
//! summary lists the first few. A case where wasm-ld itself crashes is counted, not
//! compared (wasm-ld 19 has such bugs, e.g. with `--wrap` and `--why-extract`), and so are
//! the cases weld refuses on purpose: what it says it does not support yet, and layouts
//! past the address space that wasm-ld wraps around into an invalid module.

// Not every helper of `common` is used here.
#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::process::{self, Outcome, Status};
use common::program::{self, Expect, Program};
use common::toolchain::{self, manifest_dir, target_dir, Tools};
use common::verdict::message_text;

/// Names the symbol options pick from: libc's, the linker's own and one nobody defines.
const SYMBOLS: &[&str] = &[
    "main", "__main_void", "__main_argc_argv", "_start", "malloc", "free", "printf", "puts",
    "strlen", "memcpy", "qsort", "exit", "abort", "errno", "__heap_base", "__data_end",
    "__stack_pointer", "__wasm_call_ctors", "__indirect_function_table", "__dso_handle",
    "__stack_low", "__global_base", "nonexistent_symbol",
];

/// Sizes and addresses: zero, small, page multiples and not, large.
const NUMBERS: &[u64] = &[0, 1, 8, 16, 1000, 1024, 4096, 65536, 65537, 131072, 196608, 1048576, 16777216, 4294901760];

fn main() {
    let count = env_number("WELD_RANDOM_LINKS", 400);
    let seed = env_number("WELD_RANDOM_SEED", 1);
    match run(count, seed) {
        Ok(summary) => println!("{summary}"),
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(1);
        }
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn run(count: u64, seed: u64) -> Result<String, String> {
    let tools = Tools::get()?;
    let root = target_dir().join("random-links");
    toolchain::fresh_dir(&root)?;
    toolchain::create_dir(&root.join("stubs"))?;
    let programs: Vec<Program> = program::discover(&manifest_dir().join("tests/c"))?
        .into_iter()
        .filter(|p| matches!(p.expect, Expect::Success { .. }))
        .collect();
    for program in &programs {
        let dir = root.join("inputs").join(&program.name);
        let logs = dir.join("logs");
        toolchain::create_dir(&logs)?;
        toolchain::build_inputs(tools, program, &dir, &logs)?;
    }

    let (mut failures, mut reference_crashes, mut linked) = (Vec::new(), 0, 0);
    let (mut unsupported, mut reference_invalid) = (0, 0);
    for case in 0..count {
        let mut rng = Rng::new(seed + case);
        let program = &programs[rng.below(programs.len() as u64) as usize];
        let inputs = root.join("inputs").join(&program.name);
        let stub = root.join("stubs").join(format!("case-{}.stub", seed + case));
        let options = random_options(&mut rng, &inputs, &program.ldflags, &stub)?;
        // Both link into the same directory in turn, so that messages naming the output agree.
        let out = root.join("case");
        let ours = link(tools, &tools.weld, program, &inputs, &options, &out)?;
        let theirs = link(tools, &tools.wasm_ld, program, &inputs, &options, &out)?;
        if let Status::Signaled(_) = theirs.outcome.status {
            reference_crashes += 1;
            continue;
        }
        // Where weld refuses on purpose: a feature it says it lacks, or a layout past the
        // address space, which wasm-ld wraps around into an invalid module.
        let refusal = ours.outcome.stderr_text();
        if !ours.outcome.status.success() && refusal.contains("weld does not support") {
            unsupported += 1;
            continue;
        }
        if theirs.outcome.status.success() && refusal.contains("do not fit in a") && !valid(tools, &theirs, &root)? {
            reference_invalid += 1;
            continue;
        }
        if theirs.outcome.status.success() {
            linked += 1;
        }
        let differences = compare(&theirs, &ours);
        // wasm-ld 19 sometimes writes a module wasm-validate rejects where weld's is valid
        // (e.g. a name section out of order, when a position-independent module both imports
        // and stubs an undefined function): not a difference to fix in weld.
        let both_linked = theirs.outcome.status.success() && ours.outcome.status.success();
        if !differences.is_empty() && both_linked && !valid(tools, &theirs, &root)? && valid(tools, &ours, &root)? {
            reference_invalid += 1;
            continue;
        }
        if !differences.is_empty() {
            failures.push(format!(
                "case {} ({}): {}\n  {}\n  {}",
                seed + case,
                program.name,
                differences.join("; "),
                theirs.command,
                ours.command
            ));
        }
    }
    let report = root.join("failures.txt");
    toolchain::write(&report, failures.join("\n\n").as_bytes())?;
    let summary = format!(
        "random links: {count} cases from seed {seed}, {linked} linked by wasm-ld; skipped: {reference_crashes} \
         wasm-ld crashes, {reference_invalid} invalid wasm-ld modules (weld's refused or valid), {unsupported} uses of what \
         weld does not support; {} differences",
        failures.len()
    );
    if failures.is_empty() {
        return Ok(summary);
    }
    let shown: Vec<&String> = failures.iter().take(5).collect();
    Err(format!(
        "{summary} (all in {}):\n{}",
        report.display(),
        shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n\n")
    ))
}

/// One linker's run of a case.
struct Link {
    outcome: Outcome,
    module: Option<Vec<u8>>,
    map: Option<Vec<u8>>,
    /// The `--reproduce` archive.
    repro: Option<Vec<u8>>,
    command: String,
}

/// Links into `dir/random.wasm`, from the inputs' directory, and takes the files back.
fn link(tools: &Tools, linker: &Path, program: &Program, inputs: &Path, options: &[String], dir: &Path) -> Result<Link, String> {
    toolchain::fresh_dir(dir)?;
    let output = dir.join("random.wasm");
    let map = dir.join("random.map");
    let repro = dir.join("random.tar");
    let mut args = toolchain::link_args(tools, program, inputs, &output);
    // The random options go before `-o`, after the program's own.
    let at = args.len().saturating_sub(2);
    let options = options.iter().map(|o| o.replace("{map}", &map.to_string_lossy()).replace("{repro}", &repro.to_string_lossy()));
    args.splice(at..at, options);
    let mut cmd = Command::new(linker);
    cmd.args(&args).current_dir(inputs);
    let command = process::command_line(&cmd);
    let outcome = process::run(&mut cmd, dir, "link")?;
    Ok(Link { outcome, module: std::fs::read(&output).ok(), map: std::fs::read(&map).ok(), repro: std::fs::read(&repro).ok(), command })
}

/// Whether the module a link wrote passes `wasm-validate`.
fn valid(tools: &Tools, link: &Link, root: &Path) -> Result<bool, String> {
    let path = root.join("validity-check.wasm");
    toolchain::write(&path, link.module.as_deref().unwrap_or_default())?;
    let mut cmd = Command::new(&tools.wasm_validate);
    cmd.arg("--enable-all").arg(&path);
    Ok(process::run(&mut cmd, root, "validate")?.status.success())
}

fn compare(theirs: &Link, ours: &Link) -> Vec<String> {
    let mut out = Vec::new();
    let (t, o) = (&theirs.outcome, &ours.outcome);
    if t.status != o.status {
        out.push(format!("exit: wasm-ld {:?}, weld {:?}: {}", t.status, o.status, o.stderr_summary()));
    }
    if t.stdout != o.stdout {
        out.push("stdout differs".to_string());
    }
    let messages = |o: &Outcome| -> Vec<String> { o.stderr_text().lines().map(message_text).collect() };
    let (tm, om) = (messages(t), messages(o));
    if let Some(i) = (0..tm.len().max(om.len())).find(|&i| tm.get(i) != om.get(i)) {
        out.push(format!("stderr line {}: wasm-ld {:?}, weld {:?}", i + 1, tm.get(i), om.get(i)));
    }
    if t.status.success() && theirs.module != ours.module {
        out.push(match (&theirs.module, &ours.module) {
            (Some(a), Some(b)) => match a.iter().zip(b).position(|(x, y)| x != y) {
                Some(at) => format!("modules differ from offset {at:#x}"),
                None => format!("module sizes differ: {} vs {}", a.len(), b.len()),
            },
            (_, None) => "weld wrote no module".to_string(),
            (None, Some(_)) => "weld wrote a module, wasm-ld did not".to_string(),
        });
    }
    if theirs.map != ours.map {
        out.push("maps differ".to_string());
    }
    match (&theirs.repro, &ours.repro) {
        (Some(a), Some(b)) => out.extend(common::tar::difference(a, b).map(|d| format!("--reproduce archives: {d}"))),
        (Some(_), None) => out.push("weld wrote no --reproduce archive".to_string()),
        (None, Some(_)) => out.push("weld wrote a --reproduce archive, wasm-ld did not".to_string()),
        (None, None) => {}
    }
    out
}

/// A random selection of options (most cases get a handful), in random order; a stub
/// library, when one is drawn, is written to `stub`. weld's extensions
/// (`--allow-multiple-definition`, from LLD 20) are left out.
fn random_options(rng: &mut Rng, inputs: &Path, ldflags: &[String], stub: &Path) -> Result<Vec<String>, String> {
    // Groups of arguments that belong together (`-z stack-size=N`).
    let mut o: Vec<Vec<String>> = Vec::new();
    let symbol = |rng: &mut Rng| SYMBOLS[rng.below(SYMBOLS.len() as u64) as usize].to_string();
    let number = |rng: &mut Rng| NUMBERS[rng.below(NUMBERS.len() as u64) as usize];
    let mut maybe = |rng: &mut Rng, percent: u64, f: &mut dyn FnMut(&mut Rng) -> Vec<String>| {
        if rng.below(100) < percent {
            o.push(f(rng));
        }
    };
    maybe(rng, 20, &mut |_| vec!["--no-gc-sections".into()]);
    maybe(rng, 10, &mut |_| vec!["--export-all".into()]);
    maybe(rng, 10, &mut |_| vec!["--export-dynamic".into()]);
    maybe(rng, 15, &mut |_| vec!["--strip-debug".into()]);
    maybe(rng, 10, &mut |_| vec!["--strip-all".into()]);
    maybe(rng, 15, &mut |r| vec![format!("-O{}", r.below(4))]);
    maybe(rng, 10, &mut |_| vec!["--compress-relocations".into()]);
    maybe(rng, 15, &mut |_| vec!["--stack-first".into()]);
    maybe(rng, 15, &mut |r| vec!["-z".into(), format!("stack-size={}", number(r))]);
    maybe(rng, 10, &mut |r| vec![format!("--global-base={}", number(r))]);
    maybe(rng, 10, &mut |r| vec![format!("--table-base={}", number(r))]);
    maybe(rng, 10, &mut |r| vec![format!("--initial-memory={}", number(r))]);
    maybe(rng, 10, &mut |r| vec![format!("--max-memory={}", number(r))]);
    maybe(rng, 5, &mut |_| vec!["--no-growable-memory".into()]);
    maybe(rng, 8, &mut |r| vec![format!("--initial-heap={}", number(r))]);
    maybe(rng, 10, &mut |_| vec!["--import-memory".into()]);
    maybe(rng, 5, &mut |_| vec!["--export-memory=mem".into()]);
    maybe(rng, 8, &mut |_| vec!["--import-table".into()]);
    maybe(rng, 8, &mut |_| vec!["--export-table".into()]);
    maybe(rng, 8, &mut |_| vec!["--growable-table".into()]);
    maybe(rng, 10, &mut |_| vec!["--no-merge-data-segments".into()]);
    maybe(rng, 10, &mut |r| {
        let style = ["", "=fast", "=sha1", "=0xdeadbeef", "=none", "=tree"][r.below(6) as usize];
        vec![format!("--build-id{style}")]
    });
    maybe(rng, 20, &mut |r| (0..1 + r.below(3)).map(|_| format!("--export={}", symbol(r))).collect());
    maybe(rng, 15, &mut |r| vec![format!("--export-if-defined={}", symbol(r))]);
    maybe(rng, 15, &mut |r| vec!["-u".into(), symbol(r)]);
    maybe(rng, 8, &mut |r| vec![format!("--wrap={}", symbol(r))]);
    maybe(rng, 10, &mut |_| vec!["--allow-undefined".into()]);
    maybe(rng, 8, &mut |_| vec!["--import-undefined".into()]);
    maybe(rng, 8, &mut |r| {
        let policy = ["report-all", "ignore-all", "import-dynamic"][r.below(3) as usize];
        vec![format!("--unresolved-symbols={policy}")]
    });
    maybe(rng, 8, &mut |_| vec!["--no-entry".into()]);
    maybe(rng, 5, &mut |r| vec![format!("--entry={}", symbol(r))]);
    maybe(rng, 10, &mut |_| vec!["--print-gc-sections".into()]);
    maybe(rng, 8, &mut |_| vec!["--trace".into()]);
    maybe(rng, 5, &mut |r| vec![format!("--trace-symbol={}", symbol(r))]);
    maybe(rng, 10, &mut |_| vec!["--why-extract=-".into()]);
    maybe(rng, 30, &mut |_| vec!["-Map={map}".into()]);
    maybe(rng, 5, &mut |_| vec!["--reproduce={repro}".into()]);
    maybe(rng, 5, &mut |_| vec!["--no-demangle".into()]);
    maybe(rng, 5, &mut |_| vec!["--shared-memory".into()]);
    maybe(rng, 5, &mut |_| vec!["--no-check-features".into()]);
    maybe(rng, 5, &mut |r| {
        let features = ["mutable-globals", "sign-ext,bulk-memory", "atomics", ""][r.below(4) as usize];
        vec![format!("--extra-features={features}")]
    });
    maybe(rng, 5, &mut |_| vec!["--fatal-warnings".into()]);
    maybe(rng, 5, &mut |r| {
        let section = ["producers", "target_features", "name", ".debug_info", "nosuch"][r.below(5) as usize];
        vec![format!("--keep-section={section}")]
    });
    maybe(rng, 3, &mut |_| vec!["-mwasm64".into()]);
    maybe(rng, 3, &mut |_| vec!["-Bsymbolic".into()]);
    maybe(rng, 3, &mut |r| vec![format!("--error-limit={}", r.below(3))]);
    maybe(rng, 3, &mut |r| vec![format!("--threads={}", r.below(3))]);
    maybe(rng, 5, &mut |r| vec![format!("--soname={}", symbol(r))]);
    maybe(rng, 5, &mut |r| {
        let features = ["sign-ext", "mutable-globals,sign-ext", "bulk-memory,atomics", ""][r.below(4) as usize];
        vec![format!("--features={features}")]
    });
    maybe(rng, 3, &mut |_| vec!["--emit-relocs".into()]);
    maybe(rng, 10, &mut |_| vec!["-r".into()]);
    maybe(rng, 4, &mut |_| vec!["-pie".into()]);
    maybe(rng, 4, &mut |_| vec!["-shared".into()]);
    maybe(rng, 6, &mut |_| vec!["--experimental-pic".into()]);
    maybe(rng, 3, &mut |_| vec!["-E".into()]);
    maybe(rng, 3, &mut |r| vec![format!("--lto-O{}", r.below(5))]);
    // Some of the program's objects again, lazily: nothing changes unless they are needed.
    maybe(rng, 10, &mut |_| {
        let objects: Vec<String> = std::fs::read_dir(inputs)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "o"))
            .map(|p: PathBuf| p.to_string_lossy().into_owned())
            .collect();
        let mut group = vec!["--start-lib".to_string()];
        group.extend(objects);
        group.push("--end-lib".into());
        group
    });
    // A stub library: the symbol nobody defines (made undefined by `-u`, or not) or others
    // imported, with libc functions as what they need (archive members pulled in, in the
    // order of wasm-ld's hash table), blank lines and comments between.
    if rng.below(100) < 8 {
        let mut text = String::from("#STUB\n");
        for _ in 0..1 + rng.below(6) {
            match rng.below(8) {
                0 => text.push('\n'),
                1 => text.push_str("# a comment\n"),
                n => {
                    let name = if n < 5 { "nonexistent_symbol".to_string() } else { symbol(rng) };
                    let deps: Vec<String> = (0..rng.below(4)).map(|_| symbol(rng)).collect();
                    text.push_str(&format!("{name}: {}\n", deps.join(", ")));
                }
            }
        }
        toolchain::write(stub, text.as_bytes())?;
        o.push(vec![stub.to_string_lossy().into_owned()]);
        if rng.below(2) == 0 {
            o.push(vec!["-u".into(), "nonexistent_symbol".into()]);
        }
    }
    // Two combinations left out: `-r -shared`, where wasm-ld 19 crashes or writes a module
    // it should not (weld refuses it), and `-shared`/`-pie` with `--no-merge-data-segments`,
    // where wasm-ld 19 points data at the wrong address when it combines merged strings
    // into the one segment of position-independent code (weld writes the right one; see
    // `tests/dylink.rs`).
    let has = |o: &Vec<Vec<String>>, flag: &str| ldflags.iter().any(|f| f == flag) || o.iter().any(|g| g.first().is_some_and(|f| f == flag));
    if has(&o, "-shared") {
        o.retain(|g| g.first().map_or(true, |f| f != "-r"));
    }
    if has(&o, "-shared") || has(&o, "-pie") {
        o.retain(|g| g.first().map_or(true, |f| f != "--no-merge-data-segments"));
    }
    // A shuffle: wasm-ld reads most options wherever they are.
    for i in (1..o.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        o.swap(i, j);
    }
    Ok(o.concat())
}

/// xorshift64*: small, seedable, good enough to pick options.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}
