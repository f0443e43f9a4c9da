//! How the fuzz targets turn raw bytes into linker inputs. Shared by the targets and by
//! `tests/malformed.rs`, which replays the crashes the targets found
//! (`tests/fuzz-regressions/`); include it with `#[path]`.
#![allow(dead_code)]

use weld::driver::MemoryFileSystem;
use weld::input::prepared::{prepare_archive, PreparedArchive};
use weld::options::{BuildId, UnresolvedPolicy};
use weld::{InputFile, Options};

/// `link` target: 8 option bytes, then the input files separated by `SEP`. Files that start
/// with `!<arch>` are archives, those that start with `#STUB` stub libraries, everything else
/// is an object; a part that starts with `ARGS` is not a file but more options.
pub const SEP: &[u8] = b"\n--weld-input--\n";
/// A `link` input part that starts with this holds more wasm-ld options, a line each, read
/// after those the option bits stand for (`cli_args`) by the CLI's own parser, so that the
/// target reaches every option of the command line (`--wrap`, `--entry`, named exports, …)
/// and not only the bits'. Corpus files without such a part keep their meaning.
pub const ARGS: &[u8] = b"#ARGS\n";
const NAMES: [&str; 4] = ["_start", "main", "foo", "__wasm_call_ctors"];

pub fn split(mut rest: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    while let Some(i) = rest.windows(SEP.len()).position(|w| w == SEP) {
        out.push(&rest[..i]);
        rest = &rest[i + SEP.len()..];
    }
    out.push(rest);
    out
}

// One field per bit reads better than one struct literal.
#[allow(clippy::field_reassign_with_default)]
pub fn options(b: [u8; 8]) -> Options {
    let bit = |i: usize| b[i / 8] & (1 << (i % 8)) != 0;
    let mut o = Options::default();
    o.gc_sections = !bit(0);
    o.no_entry = !bit(1);
    if bit(2) {
        o.import_memory = Some(("env".into(), "memory".into()));
    }
    o.export_all = bit(3);
    o.export_dynamic = bit(4);
    o.allow_undefined = bit(5);
    o.unresolved = match b[0] >> 6 {
        0 => UnresolvedPolicy::ReportAll,
        1 => UnresolvedPolicy::IgnoreAll,
        2 => UnresolvedPolicy::ImportDynamic,
        _ => UnresolvedPolicy::Warn,
    };
    o.is64 = bit(8);
    o.stack_first = bit(9);
    o.shared_memory = bit(10);
    o.import_table = bit(11);
    o.growable_table = bit(12);
    o.strip_all = bit(13);
    o.strip_debug = bit(14);
    o.compress_relocations = bit(15);
    o.merge_data_segments = !bit(16);
    o.optimize = if bit(17) { 0 } else { 2 };
    o.import_undefined = bit(19);
    o.export_table = bit(20);
    o.allow_multiple_definition = bit(21);
    o.build_id = match (bit(22), bit(23)) {
        (false, false) => BuildId::None,
        (true, false) => BuildId::Fast,
        (false, true) => BuildId::Sha1,
        (true, true) => BuildId::Hex(vec![b[4], b[5]]),
    };
    for (i, name) in NAMES.iter().enumerate() {
        if bit(24 + i) {
            o.exports.push(name.to_string());
        }
        if bit(28 + i) {
            o.undefined.push(name.to_string());
        }
    }
    let num = numeric_option;
    if b[4] & 0x80 != 0 {
        o.global_base = Some(num(b[5]));
    }
    if b[4] & 0x40 != 0 {
        o.stack_size = num(b[6]);
    }
    if b[4] & 0x20 != 0 {
        o.initial_memory = Some(num(b[7]));
    }
    if b[4] & 0x10 != 0 {
        o.max_memory = Some(num(b[7] ^ 0x55));
    }
    if b[4] & 0x08 != 0 {
        o.table_base = Some(num(b[6] ^ 0x33));
    }
    if b[4] & 0x04 != 0 {
        o.initial_heap = Some(num(b[5] ^ 0x0f));
    }
    o.no_growable_memory = b[4] & 0x02 != 0;
    report_texts(&mut o, b);
    // No bits are left: `-r` and `--emit-relocs` ride on pairs of others (a quarter of the
    // inputs each), so that old corpus files keep their meaning. `-r` then takes the
    // defaults it has on the command line.
    o.relocatable = bit(16) && bit(17);
    o.emit_relocs = bit(12) && bit(20);
    // Dynamic linking, likewise: `-pie` and `-shared` on pairs (an eighth of the inputs
    // together), `-Bsymbolic` on the one bit nothing else used.
    o.pie = !o.relocatable && bit(9) && bit(13);
    o.shared = !o.relocatable && !o.pie && bit(14) && bit(15);
    o.bsymbolic = bit(18);
    if o.relocatable {
        o.gc_sections = false;
    }
    let _conflicts = weld::args::derived_config(&mut o);
    o
}

/// The report and the other texts made from the inputs, which ride on the report's bit: the
/// map, `--why-extract`, `--print-gc-sections`, and traces of the names the seeds use.
fn report_texts(o: &mut Options, b: [u8; 8]) {
    o.report = b[4] & 0x01 != 0;
    if o.report {
        o.print_map = true;
        o.why_extract = Some("-".into());
        o.print_gc_sections = true;
        o.trace_symbols = NAMES.iter().map(|n| n.to_string()).collect();
    }
}

/// The wasm-ld command line that means what `options(b)` means (without the report's texts),
/// for `fuzz/differential.sh`, which links exported fuzz inputs with both linkers. Options
/// that wasm-ld spells differently or derives are given as they are written on a command line;
/// the CLI's own `derived_config` does the rest, as it does for `options`.
pub fn cli_args(b: [u8; 8]) -> Vec<String> {
    let bit = |i: usize| b[i / 8] & (1 << (i % 8)) != 0;
    let mut a: Vec<String> = Vec::new();
    let mut flag = |on: bool, text: &str| {
        if on {
            a.push(text.to_string());
        }
    };
    let relocatable = bit(16) && bit(17);
    let pie = !relocatable && bit(9) && bit(13);
    let shared = !relocatable && !pie && bit(14) && bit(15);
    flag(relocatable, "-r");
    flag(pie, "-pie");
    flag(shared, "-shared");
    flag(bit(0) && !relocatable, "--no-gc-sections");
    flag(!bit(1), "--no-entry");
    flag(bit(2), "--import-memory");
    flag(bit(3), "--export-all");
    flag(bit(4), "--export-dynamic");
    flag(bit(5), "--allow-undefined");
    flag(true, ["--unresolved-symbols=report-all", "--unresolved-symbols=ignore-all",
        "--unresolved-symbols=import-dynamic", "--warn-unresolved-symbols"][usize::from(b[0] >> 6)]);
    flag(bit(8), "-mwasm64");
    flag(bit(9), "--stack-first");
    flag(bit(10), "--shared-memory");
    flag(bit(11), "--import-table");
    flag(bit(12), "--growable-table");
    flag(bit(13), "--strip-all");
    flag(bit(14), "--strip-debug");
    flag(bit(15), "--compress-relocations");
    flag(bit(16), "--no-merge-data-segments");
    flag(true, if bit(17) { "-O0" } else { "-O2" });
    flag(bit(18), "-Bsymbolic");
    flag(bit(19), "--import-undefined");
    flag(bit(20), "--export-table");
    flag(bit(21), "-zmuldefs");
    flag(bit(12) && bit(20), "--emit-relocs");
    match (bit(22), bit(23)) {
        (false, false) => {}
        (true, false) => a.push("--build-id=fast".into()),
        (false, true) => a.push("--build-id=sha1".into()),
        (true, true) => a.push(format!("--build-id=0x{:02x}{:02x}", b[4], b[5])),
    }
    for (i, name) in NAMES.iter().enumerate() {
        if bit(24 + i) {
            a.push(format!("--export={name}"));
        }
        if bit(28 + i) {
            a.push(format!("--undefined={name}"));
        }
    }
    let num = numeric_option;
    if b[4] & 0x80 != 0 {
        a.push(format!("--global-base={}", num(b[5])));
    }
    if b[4] & 0x40 != 0 {
        a.push(format!("-zstack-size={}", num(b[6])));
    }
    if b[4] & 0x20 != 0 {
        a.push(format!("--initial-memory={}", num(b[7])));
    }
    if b[4] & 0x10 != 0 {
        a.push(format!("--max-memory={}", num(b[7] ^ 0x55)));
    }
    if b[4] & 0x08 != 0 {
        a.push(format!("--table-base={}", num(b[6] ^ 0x33)));
    }
    if b[4] & 0x04 != 0 {
        a.push(format!("--initial-heap={}", num(b[5] ^ 0x0f)));
    }
    if b[4] & 0x02 != 0 {
        a.push("--no-growable-memory".into());
    }
    a
}

/// `WELD_FUZZ_EXPORT=dir`: writes one fuzz input as files a command line can link,
/// `dir/<hash of the input>/` with the input files, `options` (`cli_args`, a line each) and
/// `inputs` (the files in order, with `--whole-archive` and `--start-lib` as the input says).
/// `fuzz/differential.sh` links them with both linkers.
pub fn export(data: &[u8], head: [u8; 8], extra_args: &[String], files: &[(String, &[u8])]) {
    let Some(dir) = std::env::var_os("WELD_FUZZ_EXPORT") else { return };
    // FNV-1a: a stable name without a hashing dependency.
    let hash = data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    let dir = std::path::Path::new(&dir).join(format!("{hash:016x}"));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let mut inputs: Vec<String> = Vec::new();
    let whole_archive = head[2] & 0x04 != 0;
    let lazy = head[6] & 0x01 != 0;
    if whole_archive {
        inputs.push("--whole-archive".into());
    }
    for (i, (name, bytes)) in files.iter().enumerate() {
        let _ = std::fs::write(dir.join(name), bytes);
        if lazy && i == 1 {
            inputs.push("--start-lib".into());
        }
        inputs.push(name.clone());
    }
    if lazy && files.len() > 1 {
        inputs.push("--end-lib".into());
    }
    let lines = |list: Vec<String>| list.iter().map(|a| format!("{a}\n")).collect::<String>();
    let _ = std::fs::write(dir.join("options"), lines([cli_args(head), extra_args.to_vec()].concat()));
    let _ = std::fs::write(dir.join("inputs"), lines(inputs));
}

/// The numeric options from one byte: small values, page-aligned or not, and the extremes.
fn numeric_option(v: u8) -> u64 {
    match v >> 5 {
        0 => u64::from(v) * 65536,
        1 => u64::from(v & 31) * 16,
        2 => u64::MAX - u64::from(v & 31),
        3 => u64::from(u32::MAX) - u64::from(v & 31),
        _ => u64::from(v & 31) << 32,
    }
}

/// `link` target: one fuzz input, read.
pub struct LinkInput<'a> {
    pub head: [u8; 8],
    pub options: Options,
    pub files: Vec<InputFile<'a>>,
    /// The lines of the `ARGS` parts, in order.
    pub extra_args: Vec<String>,
}

/// `link` target: the options and inputs of one fuzz input, or `None` if it is too short or
/// its `ARGS` lines are not a command line the CLI accepts.
pub fn link_inputs(data: &[u8]) -> Option<LinkInput<'_>> {
    let head: [u8; 8] = data.get(..8)?.try_into().ok()?;
    let whole_archive = head[2] & 0x04 != 0; // bit 18
    // Objects after the first as if between --start-lib and --end-lib.
    let lazy = head[6] & 0x01 != 0;
    let mut extra_args = Vec::new();
    let parts: Vec<&[u8]> = split(&data[8..])
        .into_iter()
        .filter(|part| match part.strip_prefix(ARGS) {
            Some(text) => {
                extra_args.extend(String::from_utf8_lossy(text).lines().take(16).map(str::to_string));
                false
            }
            None => true,
        })
        .take(6)
        .collect();
    let options = if extra_args.is_empty() {
        options(head)
    } else {
        // No file is readable: options that name one (`--allow-undefined-file`) fail. A line
        // that is an input operand makes the command line another link than this one.
        let parsed = weld::args::parse_args(&[cli_args(head), extra_args.clone()].concat(), &|_| None).ok()?;
        if !parsed.inputs.is_empty() {
            return None;
        }
        let mut o = parsed.options;
        if o.output.is_empty() {
            o.output = "a.out".into(); // (what `Options::default` has)
        }
        report_texts(&mut o, head);
        o
    };
    let files = parts
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| InputFile {
            name: if bytes.starts_with(b"!<arch>") { format!("lib{i}.a") } else { format!("in{i}.o") },
            bytes,
            whole_archive,
            lazy: lazy && i > 0,
            prepared: None,
        })
        .collect();
    Some(LinkInput { head, options, files, extra_args })
}

/// `link` target: links one fuzz input and checks it (`check_link`); `tests/malformed.rs`
/// replays the findings through it.
pub fn link_and_check(data: &[u8]) {
    let Some(input) = link_inputs(data) else { return };
    let listed: Vec<(String, &[u8])> = input.files.iter().map(|f| (f.name.clone(), f.bytes)).collect();
    export(data, input.head, &input.extra_args, &listed);
    check_link(&input.files, &input.options);
}

/// Links `files` and checks what must hold whatever they hold: the output is a valid module
/// (`check_module`), and archives prepared once (`input::prepared`, as a JS `Linker` session keeps its libraries)
/// link exactly as archives read afresh, to the byte and to the message. Panics otherwise.
pub fn check_link(files: &[InputFile<'_>], options: &Options) {
    let fresh = weld::link(files, options);
    // Options that the CLI and the JS API refuse before linking (`args::check_options`, e.g.
    // `--table-base` with `-shared`) still must not crash `weld::link`, but what it writes
    // for them is not checked.
    let accepted = !weld::args::check_options(options, &[]).has_errors();
    if let (Ok(linked), true) = (&fresh, accepted) {
        if let Err(e) = check_module(&linked.wasm) {
            panic!("weld wrote an invalid module: {e}");
        }
    }
    let prepared: Vec<Option<PreparedArchive>> = files
        .iter()
        .map(|f| f.bytes.starts_with(b"!<arch>").then(|| prepare_archive(&f.name, f.bytes).ok()).flatten())
        .collect();
    if prepared.iter().all(Option::is_none) {
        return;
    }
    let with_prepared: Vec<InputFile<'_>> =
        files.iter().zip(&prepared).map(|(f, p)| InputFile { prepared: p.as_ref(), ..f.clone() }).collect();
    let again = weld::link(&with_prepared, options);
    match (&fresh, &again) {
        (Ok(a), Ok(b)) => {
            assert!(a.wasm == b.wasm, "prepared archives give other bytes");
            assert_eq!(a.warnings, b.warnings, "prepared archives give other warnings");
        }
        (Err(a), Err(b)) => assert_eq!(a.list, b.list, "prepared archives give other errors"),
        (a, b) => panic!("prepared archives change the outcome: {:?} then {:?}", a.as_ref().err(), b.as_ref().err()),
    }
}

/// Validates a module weld wrote, all but its function bodies (every feature on): types,
/// imports, exports, tables, memories, globals, element and data segments, the start
/// function. The bodies are the inputs' code, copied as wasm-ld copies it.
pub fn check_module(wasm: &[u8]) -> Result<(), wasmparser::BinaryReaderError> {
    let mut validator = wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        validator.payload(&payload?)?;
    }
    Ok(())
}

/// `args` target: parses and runs one command line; a module it writes must validate
/// (`check_module`). Panics otherwise; `tests/malformed.rs` replays the findings through it.
pub fn args_and_check(data: &[u8]) {
    let (args, fs) = args_inputs(data);
    let _ = weld::args::parse_args(&args, &|p| fs.files.get(p).cloned());
    let out = weld::driver::run("wasm-ld", &args, &fs);
    for file in out.outputs.iter().filter(|f| f.kind == weld::driver::OutputFile::MODULE) {
        if let Err(e) = check_module(&file.bytes) {
            panic!("weld wrote an invalid module {}: {e}", file.path);
        }
    }
}

/// `args` target: the arguments separated by NUL, then `\0\0`, then the contents of the
/// file `x` (which the arguments may name as an input, a response file `@x`, an
/// `--allow-undefined-file`…). `a.o` and `libz.a` are small real inputs (`fixtures/`).
pub fn args_inputs(data: &[u8]) -> (Vec<String>, MemoryFileSystem) {
    const OBJECT: &[u8] = include_bytes!("../fixtures/a.o");
    const ARCHIVE: &[u8] = include_bytes!("../fixtures/libz.a");
    let (line, file) = match data.windows(2).position(|w| w == b"\0\0") {
        Some(i) => (&data[..i], &data[i + 2..]),
        None => (data, &[][..]),
    };
    let args = line.split(|&b| b == 0).take(64).map(|a| String::from_utf8_lossy(a).into_owned()).collect();
    let mut fs = MemoryFileSystem::new();
    fs.insert("a.o", OBJECT);
    fs.insert("libz.a", ARCHIVE);
    fs.insert("x", file);
    (args, fs)
}
