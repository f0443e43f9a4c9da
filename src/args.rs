//! The wasm-ld command line, parsed the way LLVM 19's OptTable parses it for `wasm-ld`.
//!
//! Parsing is pure: files (response files, `--allow-undefined-file`) are read through a
//! callback, so the native CLI and the JS API share it. The steps follow lld's driver:
//! strip `-flavor wasm`, expand `@file`s, match options, then read option values into
//! `Options` in the order lld reads them, so errors come out in wasm-ld's order and wording.
//!
//! `check_options` holds the checks wasm-ld makes only once the inputs are read (its
//! `checkOptions`); the driver calls it at that point. Checks of memory options (alignment,
//! limits) are the core's: wasm-ld interleaves them with data-size checks in `layoutMemory`.

use crate::diag::{Diagnostic, Diagnostics};
use crate::driver::ErrorHandler;
use crate::options::{BuildId, Options, UnresolvedPolicy};
use table::{Id, Kind};

/// The LLD release whose command line weld implements.
pub const LLD_VERSION: &str = "19.1.7";

/// What the command line asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Link,
    PrintVersion,
    PrintHelp,
}

/// A file operand or `-l` library, in command-line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputKind {
    Path(String),
    /// `-l name` (`name` may be `:file.a`, searched verbatim).
    Library(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputSpec {
    pub kind: InputKind,
    /// `--whole-archive` was in effect at this position.
    pub whole_archive: bool,
    /// `--Bstatic` (the default) was in effect: `-l` finds only `lib<name>.a`, never `.so`.
    pub link_static: bool,
    /// Between `--start-lib` and `--end-lib`: an object here is loaded only when it defines
    /// a symbol something needs, like an archive member.
    pub lazy: bool,
}

/// `--reproduce=FILE`: where to write the tar, and the command line as its `response.txt`
/// gives it (paths are made relative to the archive's root by the driver).
#[derive(Clone, Debug)]
pub struct ReproduceRequest {
    pub path: String,
    pub lines: Vec<ResponseLine>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ResponseLine {
    Input(String),
    /// `-o`: only the file name is kept (the archive has no output directories).
    Output(String),
    Option(String),
}

#[derive(Clone, Debug)]
pub struct ParsedArgs {
    pub reproduce: Option<ReproduceRequest>,
    pub options: Options,
    pub inputs: Vec<InputSpec>,
    /// Misplaced `--start-lib`/`--end-lib`, each with the number of `inputs` before it, so
    /// that they are reported in command-line order among the inputs' own errors.
    pub input_errors: Vec<(usize, Diagnostic)>,
    /// `-L` directories, in order. As in wasm-ld, every `-L` applies to every `-l`,
    /// wherever it appears.
    pub search_paths: Vec<String>,
    pub action: Action,
    /// Warnings found while parsing (e.g. `unknown -z value`), to print before linking.
    /// Only `parse_args` fills this; `parse_args_into` reports them as it goes.
    pub warnings: Vec<Diagnostic>,
    /// Checks of options that `Options` does not keep (LTO settings, `-Bsymbolic`), which
    /// wasm-ld reports only once the inputs were read without error: pass them to
    /// `check_options`. `parse_args` has already reported them.
    pub deferred: Vec<Diagnostic>,
    /// The `--allow-undefined-file` as read (path and contents), for `--reproduce`.
    pub allow_undefined_file: Option<(String, Vec<u8>)>,
}

/// Parses `args` (without the program name). Errors come back with wasm-ld's wording and
/// order; `--fatal-warnings` and `--error-limit` are already applied to them.
pub fn parse_args(
    args: &[String],
    read_file: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Result<ParsedArgs, Diagnostics> {
    // lld's ErrorHandler starts with a limit of 20; `--error-limit` applies once parsed.
    let mut h = ErrorHandler::new(20, false);
    let mut parsed = parse_args_into(args, read_file, &mut h);
    if let Some(p) = &mut parsed {
        for d in std::mem::take(&mut p.deferred) {
            h.report(d);
        }
    }
    let diags = h.into_diagnostics();
    match parsed {
        Some(mut p) if !diags.has_errors() => {
            p.warnings = diags.list;
            Ok(p)
        }
        _ => Err(diags),
    }
}

/// `parse_args` for the driver: diagnostics go to `h` (whose limit and fatal-warnings
/// setting it updates), and the parse comes back even after errors, because wasm-ld goes
/// on to report missing inputs too. `None` only when nothing usable is left (a bad
/// `-flavor`, or the error limit was reached). `warnings` is left empty.
pub fn parse_args_into(
    args: &[String],
    read_file: &dyn Fn(&str) -> Option<Vec<u8>>,
    h: &mut ErrorHandler,
) -> Option<ParsedArgs> {
    // lld's main strips `-flavor <name>` when it is the first argument (rust-lld style).
    let mut args = args;
    if args.first().map(String::as_str) == Some("-flavor") {
        match args.get(1).map(String::as_str) {
            Some("wasm") => args = &args[2..],
            Some(other) => {
                h.report(Diagnostic::error(format!(
                    "weld only supports -flavor wasm, not -flavor {other}"
                )));
                return None;
            }
            None => {
                h.report(Diagnostic::error("missing arg value for '-flavor'"));
                return None;
            }
        }
    }

    // First pass, before `@file` expansion, only to learn `--rsp-quoting`.
    let first = matcher::parse(args);
    let quoting = match first.list.last_value(Id::RspQuoting) {
        None | Some("posix") => rsp::Quoting::Posix,
        Some("windows") => rsp::Quoting::Windows,
        Some(other) => {
            h.report(Diagnostic::error(format!("invalid response file quoting: {other}")));
            rsp::Quoting::Posix
        }
    };
    let expanded = rsp::expand(args, quoting, read_file, h);
    let parsed = matcher::parse(&expanded);
    let list = parsed.list;

    if let Some(a) = list.last(&[Id::ColorDiagnostics, Id::NoColorDiagnostics, Id::ColorDiagnosticsEq]) {
        let v = a.value();
        if a.id == Id::ColorDiagnosticsEq && !matches!(v, "auto" | "always" | "never") {
            h.report(Diagnostic::error(format!("unknown option: --color-diagnostics={v}")));
        }
    }
    if let Some(raw) = &parsed.missing {
        h.report(Diagnostic::error(format!("{raw}: missing argument")));
    }
    for a in list.all(Id::Unknown) {
        h.report(Diagnostic::error(format!("unknown argument: {}", a.raw)));
    }

    // lld applies these before anything else so that later errors obey them.
    let error_limit = list.integer(Id::ErrorLimit, 20, h);
    let fatal_warnings = list.flag(Id::FatalWarnings, Id::NoFatalWarnings, false);
    h.set_limit(error_limit as u64);
    h.set_fatal_warnings(fatal_warnings);
    for a in list.all(Id::Z) {
        if !is_known_z(a.value()) {
            h.report(Diagnostic::warning(format!("unknown -z value: {}", a.value())));
        }
    }

    if h.stopped() {
        return None;
    }

    let (inputs, input_errors) = collect_inputs(&list);
    let mut parsed = ParsedArgs {
        reproduce: None,
        options: Options { error_limit: error_limit as u64 as usize, fatal_warnings, ..Options::default() },
        inputs,
        input_errors,
        search_paths: list.all(Id::LibraryPath).map(|a| a.value().to_string()).collect(),
        action: Action::Link,
        warnings: Vec::new(),
        deferred: Vec::new(),
        allow_undefined_file: None,
    };
    if list.has(Id::Help) {
        parsed.action = Action::PrintHelp;
        return Some(parsed);
    }
    // wasm-ld 19 prints the version and stops for both `-v` and `--version`, inputs or not.
    if list.has(Id::V) || list.has(Id::Version) {
        parsed.action = Action::PrintVersion;
        return Some(parsed);
    }

    // (Also asked for by LLD_REPRODUCE, as with lld; on wasm32 there is no environment.)
    let reproduce = list.last_value(Id::Reproduce).map(str::to_string).or_else(|| std::env::var("LLD_REPRODUCE").ok());
    parsed.reproduce = reproduce.map(|path| ReproduceRequest { path, lines: response_lines(&list) });
    parsed.deferred = read_config(&list, &mut parsed.options, h);
    if let Some(path) = list.last_value(Id::AllowUndefinedFile) {
        match read_file(path) {
            Some(bytes) => {
                parsed.options.allow_undefined_symbols.extend(symbol_lines(&bytes));
                parsed.allow_undefined_file = Some((path.to_string(), bytes));
            }
            None => h.report(Diagnostic::error(format!("cannot open {path}: No such file or directory"))),
        }
    }
    (!h.stopped()).then_some(parsed)
}

/// The positional part of the command line: files, `-l`, and the flags that change how
/// the following ones are loaded.
fn collect_inputs(list: &matcher::ArgList) -> (Vec<InputSpec>, Vec<(usize, Diagnostic)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    // `-pie` and `-shared` search for `lib<name>.so` first (`-Bdynamic`) until `-Bstatic`.
    let dynamic = list.flag(Id::Pie, Id::NoPie, false) || list.has(Id::Shared);
    let (mut whole_archive, mut link_static, mut lazy) = (false, !dynamic, false);
    for a in &list.args {
        let kind = match a.id {
            Id::Input => InputKind::Path(a.value().to_string()),
            Id::Library => InputKind::Library(a.value().to_string()),
            Id::WholeArchive => {
                whole_archive = true;
                continue;
            }
            Id::NoWholeArchive => {
                whole_archive = false;
                continue;
            }
            Id::Bstatic => {
                link_static = true;
                continue;
            }
            Id::Bdynamic => {
                link_static = false;
                continue;
            }
            Id::StartLib => {
                if lazy {
                    errors.push((inputs.len(), Diagnostic::error("nested --start-lib")));
                }
                lazy = true;
                continue;
            }
            Id::EndLib => {
                if !lazy {
                    errors.push((inputs.len(), Diagnostic::error("stray --end-lib")));
                }
                lazy = false;
                continue;
            }
            _ => continue,
        };
        inputs.push(InputSpec { kind, whole_archive, link_static, lazy });
    }
    (inputs, errors)
}

/// The command line as lld's `--reproduce` records it: each option in its canonical
/// spelling with its values (joined to it for `--name=value` options, else after a space).
fn response_lines(list: &matcher::ArgList) -> Vec<ResponseLine> {
    list.args
        .iter()
        .filter(|a| a.id != Id::Reproduce)
        .map(|a| match a.id {
            Id::Input => ResponseLine::Input(a.value().to_string()),
            Id::Output => ResponseLine::Output(a.value().to_string()),
            _ if a.values.is_empty() => ResponseLine::Option(a.spelling.clone()),
            _ => {
                let values = a.values.join(" ");
                match table::canonical_kind(a.id) {
                    Some(Kind::Joined) => ResponseLine::Option(format!("{}{values}", a.spelling)),
                    _ => ResponseLine::Option(format!("{} {values}", a.spelling)),
                }
            }
        })
        .collect()
}

/// lld's `readConfigs`, in its order. Returns the `ParsedArgs::deferred` diagnostics.
fn read_config(list: &matcher::ArgList, o: &mut Options, h: &mut ErrorHandler) -> Vec<Diagnostic> {
    o.allow_multiple_definition =
        list.flag(Id::AllowMultipleDefinition, Id::NoAllowMultipleDefinition, false)
            || list.all(Id::Z).any(|a| a.value().starts_with("muldefs"));
    o.check_features = list.flag(Id::CheckFeatures, Id::NoCheckFeatures, true);
    o.compress_relocations = list.has(Id::CompressRelocations);
    o.demangle = list.flag(Id::Demangle, Id::NoDemangle, true);
    o.relocatable = list.has(Id::Relocatable);
    o.emit_relocs = list.has(Id::EmitRelocs);
    o.experimental_pic = list.has(Id::ExperimentalPic);
    o.bsymbolic = list.has(Id::Bsymbolic);
    o.shlib_sigcheck = !list.has(Id::NoShlibSigcheck);
    match list.last(&[Id::Entry, Id::NoEntry]) {
        Some(a) if a.id == Id::Entry => o.entry = Some(a.value().to_string()),
        Some(_) => o.no_entry = true,
        None => {}
    }
    o.export_all = list.has(Id::ExportAll);
    o.export_table = list.has(Id::ExportTable);
    o.growable_table = list.has(Id::GrowableTable);

    if let Some(v) = list.last_value(Id::ImportMemoryWithName) {
        // lld splits at the first comma; a missing name is empty.
        let (module, name) = v.split_once(',').unwrap_or((v, ""));
        o.import_memory = Some((module.to_string(), name.to_string()));
    } else if list.has(Id::ImportMemory) {
        o.import_memory = Some(("env".to_string(), "memory".to_string()));
    }
    if let Some(v) = list.last_value(Id::ExportMemoryWithName) {
        o.export_memory = Some(v.to_string());
    } else if list.has(Id::ExportMemory) {
        o.export_memory = Some("memory".to_string());
    }
    o.shared_memory = list.has(Id::SharedMemory);
    o.soname = list.last_value(Id::Soname).map(str::to_string);
    o.import_table = list.has(Id::ImportTable);
    o.import_undefined = list.has(Id::ImportUndefined);

    // LTO options: validated like wasm-ld, otherwise ignored (weld links no bitcode).
    let lto_o = list.integer(Id::LtoO, 2, h) as u64 as u32;
    if lto_o > 3 {
        h.report(Diagnostic::error(format!("invalid optimization level for LTO: {lto_o}")));
    }
    let lto_cgo = list.integer(Id::LtoCgo, 2, h) as u64 as u32;
    if lto_cgo > 3 {
        h.report(Diagnostic::error(format!("invalid codegen optimization level for LTO: {lto_cgo}")));
    }
    let lto_partitions = list.integer(Id::LtoPartitions, 1, h);

    if let Some(path) = list.last_value(Id::Report).filter(|p| !p.is_empty()) {
        o.report = true;
        o.report_file = Some(path.to_string());
    }
    let map = list.last_value(Id::Map).unwrap_or("");
    o.map_file = (!map.is_empty()).then(|| map.to_string());
    o.optimize = list.integer(Id::Optimize, 1, h) as u64 as u32;
    o.output = list.last_value(Id::Output).unwrap_or("").to_string();
    o.gc_sections = list.flag(Id::GcSections, Id::NoGcSections, !o.relocatable);
    o.keep_sections = list.all(Id::KeepSection).map(|a| a.value().to_string()).collect();
    o.merge_data_segments = list.flag(Id::MergeDataSegments, Id::NoMergeDataSegments, !o.relocatable);
    o.print_gc_sections = list.flag(Id::PrintGcSections, Id::NoPrintGcSections, false);
    o.strip_all = list.has(Id::StripAll);
    o.strip_debug = list.has(Id::StripDebug);
    o.stack_first = list.has(Id::StackFirst);
    o.trace = list.has(Id::Trace);
    o.why_extract = list.last_value(Id::WhyExtract).filter(|p| !p.is_empty()).map(str::to_string);
    o.unresolved = unresolved_policy(list, h);
    o.verbose = list.has(Id::Verbose);

    // lld treats 0 as "not given" for all of these.
    let nonzero = |v: i64| (v != 0).then_some(v as u64);
    o.table_base = nonzero(list.integer(Id::TableBase, 0, h));
    o.global_base = nonzero(list.integer(Id::GlobalBase, 0, h));
    o.initial_heap = nonzero(list.integer(Id::InitialHeap, 0, h));
    o.initial_memory = nonzero(list.integer(Id::InitialMemory, 0, h));
    o.max_memory = nonzero(list.integer(Id::MaxMemory, 0, h));
    o.no_growable_memory = list.has(Id::NoGrowableMemory);
    o.stack_size = z_stack_size(list, h).unwrap_or(o.stack_size);
    if o.max_memory.is_some() && o.no_growable_memory {
        h.report(Diagnostic::error("--max-memory is incompatible with --no-growable-memory"));
    }
    o.pie = list.flag(Id::Pie, Id::NoPie, false);
    o.shared = list.has(Id::Shared);
    // A shared library exports its default-visibility symbols unless told otherwise.
    o.export_dynamic = list.flag(Id::ExportDynamic, Id::NoExportDynamic, o.shared);

    if let Some(v) = list.last_value(Id::Emulation) {
        match v {
            "wasm32" => o.is64 = false,
            "wasm64" => o.is64 = true,
            _ => h.report(Diagnostic::error(format!("invalid target architecture: {v}"))),
        }
    }
    let mut thinlto_jobs = None;
    if let Some(a) = list.last(&[Id::Threads]) {
        let v = a.value();
        if !matches!(numbers::auto_radix_u64(v), Some(n) if n > 0 && n <= u64::from(u32::MAX)) {
            h.report(Diagnostic::error(format!(
                "{}: expected a positive integer, but got '{v}'",
                a.spelling
            )));
        }
        thinlto_jobs = Some(v);
    }
    if let Some(v) = list.last_value(Id::ThinltoJobs) {
        thinlto_jobs = Some(v);
    }
    if let Some(a) = list.last(&[Id::Features]) {
        o.features = Some(a.values.clone());
    }
    if let Some(a) = list.last(&[Id::ExtraFeatures]) {
        o.extra_features = a.values.clone();
    }
    // `--allow-undefined` is `--import-undefined --unresolved-symbols=ignore-all`.
    if list.has(Id::AllowUndefined) {
        o.allow_undefined = true;
        o.import_undefined = true;
        o.unresolved = UnresolvedPolicy::IgnoreAll;
    }
    o.undefined = list.all(Id::Undefined).map(|a| a.value().to_string()).collect();
    o.exports = list.all(Id::Export).map(|a| a.value().to_string()).collect();
    o.exports_if_defined = list.all(Id::ExportIfDefined).map(|a| a.value().to_string()).collect();
    o.wrap = list.all(Id::Wrap).map(|a| a.value().to_string()).collect();
    o.trace_symbols = list.all(Id::TraceSymbol).map(|a| a.value().to_string()).collect();
    if list.has(Id::PrintMap) {
        // wasm-ld: `--print-map` sends the map to stdout instead of any `-Map` file.
        o.print_map = true;
        o.map_file = None;
    } else if o.map_file.as_deref() == Some("-") {
        o.print_map = true;
        o.map_file = None;
    }
    o.build_id = build_id(list, h);

    for d in derived_config(o) {
        h.report(d);
    }

    // From lld's checkOptions.
    let mut deferred = Vec::new();
    if lto_partitions == 0 {
        deferred.push(Diagnostic::error("--lto-partitions: number of threads must be > 0"));
    }
    if let Some(jobs) = thinlto_jobs {
        let valid = jobs.is_empty()
            || jobs == "all"
            || numbers::unsigned(jobs, 10).is_some_and(|n| n <= u64::from(u32::MAX));
        if !valid {
            deferred.push(Diagnostic::error(format!("--thinlto-jobs: invalid job count: {jobs}")));
        }
    }
    deferred
}

fn unresolved_policy(list: &matcher::ArgList, h: &mut ErrorHandler) -> UnresolvedPolicy {
    let report = if list.flag(Id::ErrorUnresolvedSymbols, Id::WarnUnresolvedSymbols, true) {
        UnresolvedPolicy::ReportAll
    } else {
        UnresolvedPolicy::Warn
    };
    match list.last_value(Id::UnresolvedSymbols) {
        None | Some("report-all") => report,
        Some("ignore-all") => UnresolvedPolicy::IgnoreAll,
        Some("import-dynamic") => UnresolvedPolicy::ImportDynamic,
        Some(other) => {
            h.report(Diagnostic::error(format!("unknown --unresolved-symbols value: {other}")));
            report
        }
    }
}

/// `-z stack-size=N`: the last one wins; N is C-style (decimal, 0x hex, 0 octal, 0b binary).
fn z_stack_size(list: &matcher::ArgList, h: &mut ErrorHandler) -> Option<u64> {
    let a = list.all(Id::Z).filter(|a| a.value().split('=').next() == Some("stack-size")).last()?;
    let value = a.value().split_once('=').map_or("", |(_, v)| v);
    let n = numbers::auto_radix_u64(value);
    if n.is_none() {
        h.report(Diagnostic::error(format!("invalid stack-size: {value}")));
    }
    n
}

fn is_known_z(value: &str) -> bool {
    value.starts_with("stack-size=") || value.starts_with("muldefs")
}

fn build_id(list: &matcher::ArgList, h: &mut ErrorHandler) -> BuildId {
    let Some(a) = list.last(&[Id::BuildIdDefault, Id::BuildIdEq]) else {
        return BuildId::None;
    };
    if a.id == Id::BuildIdDefault {
        return BuildId::Fast;
    }
    match a.value() {
        "fast" => BuildId::Fast,
        "sha1" | "tree" => BuildId::Sha1,
        "uuid" => BuildId::Uuid,
        "none" => BuildId::None,
        v if v.starts_with("0x") => match numbers::hex_bytes(&v[2..]) {
            Ok(bytes) => BuildId::Hex(bytes),
            Err(bad) => {
                h.report(Diagnostic::error(format!("not a hexadecimal value: {bad}")));
                BuildId::Hex(Vec::new())
            }
        },
        v => {
            h.report(Diagnostic::error(format!("unknown --build-id style: {v}")));
            BuildId::None
        }
    }
}

/// Symbol names from an `--allow-undefined-file` or `.imports` file: one per line, blank
/// lines and lines starting with `#` skipped (lld's `args::getLines`).
pub fn symbol_lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(bytes)
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// What `-r`, `-pie` and `-shared` imply once the options are read (lld's `setConfigs`): the
/// table (and a shared library's memory) become the final link's or the loader's to make, so
/// the output only refers to them. Returns the conflicts.
pub fn derived_config(o: &mut Options) -> Vec<Diagnostic> {
    let mut errors = Vec::new();
    if o.is_pic() {
        if o.export_table {
            errors.push(Diagnostic::error("-shared/-pie is incompatible with --export-table"));
        }
        // The loader gives a position-independent module its table.
        o.import_table = true;
    }
    if o.relocatable {
        if o.export_table {
            errors.push(Diagnostic::error("--relocatable is incompatible with --export-table"));
        }
        if o.growable_table {
            errors.push(Diagnostic::error("--relocatable is incompatible with --growable-table"));
        }
        o.import_table = true;
    }
    if o.shared {
        if o.export_memory.is_some() {
            errors.push(Diagnostic::error("--export-memory is incompatible with --shared"));
        }
        // A shared library uses the memory of the module that loads it.
        if o.import_memory.is_none() {
            o.import_memory = Some(("env".to_string(), "memory".to_string()));
        }
    }
    errors
}

/// Checks wasm-ld makes once the inputs were read without error (its `checkOptions`), in
/// its order. `deferred` is `ParsedArgs::deferred` (empty when `Options` came from
/// elsewhere): its errors go where wasm-ld checks them, its warnings last.
pub fn check_options(o: &Options, deferred: &[Diagnostic]) -> Diagnostics {
    let mut d = Diagnostics::default();
    if !o.strip_debug && !o.strip_all && o.compress_relocations {
        d.push(Diagnostic::error(
            "--compress-relocations is incompatible with output debug information. \
             Please pass --strip-debug or --strip-all",
        ));
    }
    for e in deferred.iter().filter(|e| e.is_error()) {
        d.push(e.clone());
    }
    if o.pie && o.shared {
        d.push(Diagnostic::error("-shared and -pie may not be used together"));
    }
    if o.output.is_empty() {
        d.push(Diagnostic::error("no output file specified"));
    }
    if o.import_table && o.export_table {
        d.push(Diagnostic::error("--import-table and --export-table may not be used together"));
    }
    if o.relocatable {
        // (wasm-ld's spellings, typos included, so that scripts matching them keep working.)
        let checks = [
            (o.entry.as_deref().is_some_and(|e| !e.is_empty()) && !o.no_entry, "entry point specified for relocatable output file"),
            (o.gc_sections, "-r and --gc-sections may not be used together"),
            (o.compress_relocations, "-r -and --compress-relocations may not be used together"),
            (!o.undefined.is_empty(), "-r -and --undefined may not be used together"),
            (o.pie, "-r and -pie may not be used together"),
            // (wasm-ld 19 crashes on this one.)
            (o.shared, "-r and -shared may not be used together"),
            (o.shared_memory, "-r and --shared-memory may not be used together"),
            (o.global_base.is_some(), "-r and --global-base may not by used together"),
        ];
        for (failed, msg) in checks {
            if failed {
                d.push(Diagnostic::error(msg));
            }
        }
    }
    if !o.experimental_pic {
        if o.shared {
            d.push(Diagnostic::warning("creating shared libraries, with -shared, is not yet stable"));
        }
        if o.pie {
            d.push(Diagnostic::warning("creating PIEs, with -pie, is not yet stable"));
        }
        if o.unresolved == UnresolvedPolicy::ImportDynamic {
            d.push(Diagnostic::warning(
                "dynamic imports are not yet stable (--unresolved-symbols=import-dynamic)",
            ));
        }
    }
    if o.bsymbolic && !o.shared {
        d.push(Diagnostic::warning("-Bsymbolic is only meaningful when combined with -shared"));
    }
    if o.is_pic() {
        if o.global_base.is_some() {
            d.push(Diagnostic::error("--global-base may not be used with -shared/-pie"));
        }
        if o.table_base.is_some() {
            d.push(Diagnostic::error("--table-base may not be used with -shared/-pie"));
        }
    }
    for w in deferred.iter().filter(|w| !w.is_error()) {
        d.push(w.clone());
    }
    d
}

/// `--help` output: wasm-ld's layout, listing what weld accepts.
pub fn help_text(program: &str) -> String {
    let mut entries: Vec<&table::Spec> =
        table::TABLE.iter().filter(|s| !s.help.is_empty()).collect();
    // LLVM sorts case-insensitively, a name before any longer name it prefixes.
    entries.sort_by_key(|s| format!("{}\u{7f}", s.name.to_ascii_lowercase()));
    let mut out = format!(
        "OVERVIEW: weld, a WebAssembly linker compatible with wasm-ld (LLD {LLD_VERSION})\n\n\
         USAGE: {program} [options] file...\n\nOPTIONS:\n"
    );
    for s in entries {
        let mut name = format!("{}{}", s.prefixes[0], s.name);
        let meta = if s.meta.is_empty() { "<value>" } else { s.meta };
        match s.kind {
            Kind::Flag => {}
            Kind::Joined | Kind::CommaJoined => name.push_str(meta),
            Kind::Separate | Kind::JoinedOrSeparate => {
                name.push(' ');
                name.push_str(meta);
            }
        }
        let help = if table::is_ignored(s.id) {
            format!("{} (accepted, no effect in weld)", s.help)
        } else {
            s.help.to_string()
        };
        if name.len() > 23 {
            out.push_str(&format!("  {name}\n{:26}{help}\n", ""));
        } else {
            out.push_str(&format!("  {name:<23} {help}\n"));
        }
    }
    out
}

/// The option table: every spelling wasm-ld 19 accepts (its `Options.td`), plus
/// `--allow-multiple-definition` from LLD 20.
mod table {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Kind {
        /// `--flag`: no value.
        Flag,
        /// `--name=value`: the value is the rest of the argument.
        Joined,
        /// `--name value`: the value is the next argument.
        Separate,
        /// `-l value` or `-lvalue`.
        JoinedOrSeparate,
        /// `--name=a,b,c`: empty items dropped.
        CommaJoined,
    }

    /// Canonical option ids; aliases map to the option they stand for.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Id {
        Input,
        Unknown,
        AllowMultipleDefinition,
        AllowUndefined,
        AllowUndefinedFile,
        Bdynamic,
        Bstatic,
        Bsymbolic,
        BuildIdDefault,
        BuildIdEq,
        CheckFeatures,
        ColorDiagnostics,
        ColorDiagnosticsEq,
        CompressRelocations,
        Demangle,
        DisableVerify,
        EmitRelocs,
        Emulation,
        EndLib,
        Entry,
        ErrorLimit,
        ErrorUnresolvedSymbols,
        ExperimentalPic,
        Export,
        ExportAll,
        ExportDynamic,
        ExportIfDefined,
        ExportMemory,
        ExportMemoryWithName,
        ExportTable,
        ExtraFeatures,
        FatalWarnings,
        Features,
        GcSections,
        GlobalBase,
        GrowableTable,
        Help,
        ImportMemory,
        ImportMemoryWithName,
        ImportTable,
        ImportUndefined,
        InitialHeap,
        InitialMemory,
        KeepSection,
        Library,
        LibraryPath,
        LtoCgo,
        LtoDebugPassManager,
        LtoO,
        LtoPartitions,
        Map,
        MaxMemory,
        MergeDataSegments,
        Mllvm,
        NoAllowMultipleDefinition,
        NoCheckFeatures,
        NoColorDiagnostics,
        NoDemangle,
        NoEntry,
        NoExportDynamic,
        NoFatalWarnings,
        NoGcSections,
        NoGrowableMemory,
        NoMergeDataSegments,
        NoPie,
        NoPrintGcSections,
        NoShlibSigcheck,
        NoWholeArchive,
        Optimize,
        Output,
        Pie,
        PrintGcSections,
        PrintMap,
        Relocatable,
        Report,
        Reproduce,
        RspQuoting,
        SaveTemps,
        Shared,
        SharedMemory,
        Soname,
        StackFirst,
        StartLib,
        StripAll,
        StripDebug,
        TableBase,
        ThinltoCacheDir,
        ThinltoCachePolicy,
        ThinltoJobs,
        Threads,
        Trace,
        TraceSymbol,
        Undefined,
        UnresolvedSymbols,
        V,
        Verbose,
        Version,
        WarnUnresolvedSymbols,
        WholeArchive,
        WhyExtract,
        Wrap,
        Z,
    }

    pub struct Spec {
        pub name: &'static str,
        pub prefixes: &'static [&'static str],
        pub kind: Kind,
        pub id: Id,
        /// Another spelling of `id` (errors then name `id`'s own spelling, as LLVM does).
        pub alias: bool,
        /// Help line; empty for options `--help` does not list.
        pub help: &'static str,
        pub meta: &'static str,
    }

    const D1: &[&str] = &["-"];
    const D2: &[&str] = &["--"];
    const D12: &[&str] = &["--", "-"];

    const fn o(name: &'static str, prefixes: &'static [&'static str], kind: Kind, id: Id, help: &'static str) -> Spec {
        Spec { name, prefixes, kind, id, alias: false, help, meta: "" }
    }
    const fn m(name: &'static str, prefixes: &'static [&'static str], kind: Kind, id: Id, meta: &'static str, help: &'static str) -> Spec {
        Spec { name, prefixes, kind, id, alias: false, help, meta }
    }
    const fn a(name: &'static str, prefixes: &'static [&'static str], kind: Kind, id: Id, help: &'static str) -> Spec {
        Spec { name, prefixes, kind, id, alias: true, help, meta: "" }
    }

    use Id::*;
    use Kind::*;

    pub static TABLE: &[Spec] = &[
        o("allow-multiple-definition", D12, Flag, AllowMultipleDefinition, "Allow multiple definitions"),
        o("no-allow-multiple-definition", D12, Flag, NoAllowMultipleDefinition, "Do not allow multiple definitions (default)"),
        o("allow-undefined", D12, Flag, AllowUndefined, "Allow undefined symbols in linked binary. This options is equivalent to --import-undefined and --unresolved-symbols=ignore-all"),
        o("allow-undefined-file=", D12, Joined, AllowUndefinedFile, "Allow symbols listed in <file> to be undefined in linked binary"),
        a("allow-undefined-file", D1, Separate, AllowUndefinedFile, ""),
        o("Bdynamic", D12, Flag, Bdynamic, "Link against shared libraries"),
        o("Bstatic", D12, Flag, Bstatic, "Do not link against shared libraries (default)"),
        o("Bsymbolic", D12, Flag, Bsymbolic, "Bind defined symbols locally"),
        o("build-id", D12, Flag, BuildIdDefault, "Alias for --build-id=fast"),
        m("build-id=", D12, Joined, BuildIdEq, "[fast,sha1,uuid,0x<hexstring>]", "Generate build ID note"),
        a("call_shared", D12, Flag, Bdynamic, "Alias for --Bdynamic"),
        o("check-features", D2, Flag, CheckFeatures, "Check feature compatibility of linked objects (default)"),
        o("no-check-features", D2, Flag, NoCheckFeatures, "Ignore feature compatibility of linked objects"),
        o("color-diagnostics", D12, Flag, ColorDiagnostics, "Alias for --color-diagnostics=always"),
        o("no-color-diagnostics", D12, Flag, NoColorDiagnostics, "Alias for --color-diagnostics=never"),
        m("color-diagnostics=", D12, Joined, ColorDiagnosticsEq, "[auto,always,never]", "Use colors in diagnostics (default: auto)"),
        o("compress-relocations", D12, Flag, CompressRelocations, "Compress the relocation targets in the code section."),
        o("demangle", D12, Flag, Demangle, "Demangle symbol names (default)"),
        o("no-demangle", D12, Flag, NoDemangle, "Do not demangle symbol names"),
        o("disable-verify", D12, Flag, DisableVerify, ""),
        a("dn", D12, Flag, Bstatic, "Alias for --Bstatic"),
        a("dy", D12, Flag, Bdynamic, "Alias for --Bdynamic"),
        a("E", D1, Flag, ExportDynamic, "Alias for --export-dynamic"),
        a("e", D1, JoinedOrSeparate, Entry, ""),
        o("emit-relocs", D12, Flag, EmitRelocs, "Generate relocations in output"),
        o("end-lib", D12, Flag, EndLib, ""),
        m("entry", D12, Separate, Entry, "<entry>", "Name of entry point symbol"),
        a("entry=", D12, Joined, Entry, ""),
        o("error-limit", D2, Separate, ErrorLimit, ""),
        a("error-limit=", D2, Joined, ErrorLimit, "Maximum number of errors to emit before stopping (0 = no limit)"),
        o("error-unresolved-symbols", D12, Flag, ErrorUnresolvedSymbols, "Report unresolved symbols as errors"),
        o("experimental-pic", D2, Flag, ExperimentalPic, "Enable Experimental PIC"),
        o("export", D12, Separate, Export, ""),
        a("export=", D12, Joined, Export, "Force a symbol to be exported"),
        o("export-all", D2, Flag, ExportAll, "Export all symbols (normally combined with --no-gc-sections)"),
        o("export-dynamic", D12, Flag, ExportDynamic, "Put symbols in the dynamic symbol table"),
        o("no-export-dynamic", D12, Flag, NoExportDynamic, "Do not put symbols in the dynamic symbol table (default)"),
        o("export-if-defined", D12, Separate, ExportIfDefined, ""),
        a("export-if-defined=", D12, Joined, ExportIfDefined, "Force a symbol to be exported, if it is defined in the input"),
        o("export-memory", D2, Flag, ExportMemory, "Export the module's memory with the default name of \"memory\""),
        o("export-memory=", D2, Joined, ExportMemoryWithName, "Export the module's memory with the passed name"),
        o("export-table", D2, Flag, ExportTable, "Export function table to the environment"),
        o("extra-features=", D12, CommaJoined, ExtraFeatures, "Comma-separated list of features to add to the default set of features inferred from input objects."),
        o("fatal-warnings", D12, Flag, FatalWarnings, "Treat warnings as errors"),
        o("no-fatal-warnings", D12, Flag, NoFatalWarnings, "Do not treat warnings as errors (default)"),
        o("features=", D12, CommaJoined, Features, "Comma-separated used features, inferred from input objects by default."),
        o("gc-sections", D12, Flag, GcSections, "Enable garbage collection of unused sections (default)"),
        o("no-gc-sections", D12, Flag, NoGcSections, "Disable garbage collection of unused sections"),
        o("global-base=", D2, Joined, GlobalBase, "Memory offset at which to place global data (Defaults to 1024)"),
        o("growable-table", D2, Flag, GrowableTable, "Remove maximum size from function table, allowing table to grow"),
        o("help", D12, Flag, Help, "Print option help"),
        a("i", D1, Flag, InitialMemory, ""),
        o("import-memory", D2, Flag, ImportMemory, "Import the module's memory from the default module of \"env\" with the name \"memory\"."),
        m("import-memory=", D2, Joined, ImportMemoryWithName, "<module>,<name>", "Import the module's memory from the passed module with the passed name."),
        o("import-table", D2, Flag, ImportTable, "Import function table from the environment"),
        o("import-undefined", D12, Flag, ImportUndefined, "Turn undefined symbols into imports where possible"),
        o("initial-heap=", D2, Joined, InitialHeap, "Initial size of the heap"),
        o("initial-memory=", D2, Joined, InitialMemory, "Initial size of the linear memory"),
        o("keep-section", D12, Separate, KeepSection, ""),
        a("keep-section=", D12, Joined, KeepSection, "Preserve a section even when --strip-all is given. Can be specified multiple times to keep multiple sections"),
        m("L", D1, JoinedOrSeparate, LibraryPath, "<dir>", "Add a directory to the library search path"),
        m("l", D1, JoinedOrSeparate, Library, "<libName>", "Root name of library to use"),
        a("library", D12, Separate, Library, ""),
        a("library=", D12, Joined, Library, ""),
        a("library-path", D12, Separate, LibraryPath, ""),
        a("library-path=", D12, Joined, LibraryPath, ""),
        m("lto-CGO", D2, Joined, LtoCgo, "<cgopt-level>", "Codegen optimization level for LTO"),
        o("lto-debug-pass-manager", D2, Flag, LtoDebugPassManager, "Debug new pass manager"),
        m("lto-O", D2, Joined, LtoO, "<opt-level>", "Optimization level for LTO"),
        o("lto-partitions=", D2, Joined, LtoPartitions, "Number of LTO codegen partitions"),
        a("M", D1, Flag, PrintMap, "Alias for --print-map"),
        o("m", D1, JoinedOrSeparate, Emulation, "Set target emulation"),
        o("Map", D12, Separate, Map, ""),
        a("Map=", D12, Joined, Map, "Print a link map to the specified file"),
        o("max-memory=", D2, Joined, MaxMemory, "Maximum size of the linear memory"),
        o("merge-data-segments", D2, Flag, MergeDataSegments, "Enable merging data segments (default)"),
        o("no-merge-data-segments", D2, Flag, NoMergeDataSegments, "Disable merging data segments"),
        o("mllvm", D12, Separate, Mllvm, ""),
        a("mllvm=", D12, Joined, Mllvm, "Additional arguments to forward to LLVM's option processing"),
        a("non_shared", D12, Flag, Bstatic, "Alias for --Bstatic"),
        o("no-entry", D2, Flag, NoEntry, "Do not output any entry point"),
        o("no-growable-memory", D2, Flag, NoGrowableMemory, "Set maximum size of the linear memory to its initial size"),
        o("no-shlib-sigcheck", D2, Flag, NoShlibSigcheck, "Do not check signatures of functions defined in shared libraries."),
        o("O", D1, JoinedOrSeparate, Optimize, "Optimize output file size"),
        m("o", D1, JoinedOrSeparate, Output, "<path>", "Path to file to write output"),
        o("pie", D12, Flag, Pie, "Create a position independent executable"),
        o("no-pie", D12, Flag, NoPie, "Do not create a position independent executable (default)"),
        o("print-gc-sections", D12, Flag, PrintGcSections, "List removed unused sections"),
        o("no-print-gc-sections", D12, Flag, NoPrintGcSections, "Do not list removed unused sections (default)"),
        o("print-map", D12, Flag, PrintMap, "Print a link map to the standard output"),
        a("r", D1, Flag, Relocatable, "Alias for --relocatable"),
        o("report=", D2, Joined, Report, "Write a JSON report of the link (sections, memory layout, symbols) to the file (weld extension)"),
        o("relocatable", D12, Flag, Relocatable, "Create relocatable object file"),
        o("reproduce", D2, Separate, Reproduce, ""),
        a("reproduce=", D2, Joined, Reproduce, "Dump linker invocation and input files for debugging"),
        o("rsp-quoting", D12, Separate, RspQuoting, ""),
        m("rsp-quoting=", D12, Joined, RspQuoting, "[posix,windows]", "Quoting style for response files"),
        a("S", D1, Flag, StripDebug, "Alias for --strip-debug"),
        a("s", D1, Flag, StripAll, "Alias for --strip-all"),
        o("save-temps", D12, Flag, SaveTemps, "Save intermediate LTO compilation results"),
        o("shared", D12, Flag, Shared, "Build a shared object"),
        o("shared-memory", D2, Flag, SharedMemory, "Use shared linear memory"),
        o("soname", D12, Separate, Soname, ""),
        a("soname=", D12, Joined, Soname, "Set the module name in the generated name section"),
        o("stack-first", D2, Flag, StackFirst, "Place stack at start of linear memory rather than after data"),
        o("start-lib", D12, Flag, StartLib, ""),
        a("static", D12, Flag, Bstatic, "Alias for --Bstatic"),
        o("strip-all", D12, Flag, StripAll, "Strip all symbols"),
        o("strip-debug", D12, Flag, StripDebug, "Strip debugging information"),
        a("t", D1, Flag, Trace, "Alias for --trace"),
        o("table-base=", D2, Joined, TableBase, "Table offset at which to place address taken functions (Defaults to 1)"),
        o("thinlto-cache-dir=", D2, Joined, ThinltoCacheDir, "Path to ThinLTO cached object file directory"),
        o("thinlto-cache-policy", D2, Separate, ThinltoCachePolicy, ""),
        a("thinlto-cache-policy=", D2, Joined, ThinltoCachePolicy, "Pruning policy for the ThinLTO cache"),
        o("thinlto-jobs=", D2, Joined, ThinltoJobs, "Number of ThinLTO jobs. Default to --threads="),
        o("threads", D12, Separate, Threads, ""),
        a("threads=", D12, Joined, Threads, "Number of threads. '1' disables multi-threading. By default all available hardware threads are used"),
        o("trace", D12, Flag, Trace, "Print the names of the input files"),
        o("trace-symbol", D12, Separate, TraceSymbol, ""),
        a("trace-symbol=", D12, Joined, TraceSymbol, "Trace references to symbols"),
        a("u", D1, JoinedOrSeparate, Undefined, ""),
        o("undefined", D12, Separate, Undefined, ""),
        a("undefined=", D12, Joined, Undefined, "Force undefined symbol during linking"),
        o("unresolved-symbols", D12, Separate, UnresolvedSymbols, ""),
        a("unresolved-symbols=", D12, Joined, UnresolvedSymbols, "Determine how to handle unresolved symbols"),
        o("v", D1, Flag, V, "Display the version number"),
        o("verbose", D12, Flag, Verbose, "Verbose mode"),
        o("version", D12, Flag, Version, "Display the version number and exit"),
        o("warn-unresolved-symbols", D12, Flag, WarnUnresolvedSymbols, "Report unresolved symbols as warnings"),
        o("whole-archive", D12, Flag, WholeArchive, "Force load of all members in a static library"),
        o("no-whole-archive", D12, Flag, NoWholeArchive, "Do not force load of all members in a static library (default)"),
        o("why-extract=", D2, Joined, WhyExtract, ""),
        o("wrap", D12, Separate, Wrap, ""),
        a("wrap=", D12, Joined, Wrap, ""),
        a("y", D1, JoinedOrSeparate, TraceSymbol, "Alias for --trace-symbol"),
        m("z", D1, JoinedOrSeparate, Z, "<option>", "Linker option extensions (weld knows stack-size=<n> and muldefs)"),
    ];

    /// Options weld accepts but that cannot change its output.
    pub fn is_ignored(id: Id) -> bool {
        matches!(
            id,
            ColorDiagnostics | NoColorDiagnostics | ColorDiagnosticsEq
                | DisableVerify | LtoCgo | LtoDebugPassManager | LtoO | LtoPartitions | Mllvm
                | SaveTemps | ThinltoCacheDir | ThinltoCachePolicy
                | ThinltoJobs | Threads
        )
    }

    /// The kind of an option's own (not alias) spelling.
    pub fn canonical_kind(id: Id) -> Option<Kind> {
        TABLE.iter().find(|s| s.id == id && !s.alias).map(|s| s.kind)
    }

    /// The spelling LLVM gives an option reached through an alias: its first prefix and name.
    pub fn canonical_spelling(id: Id) -> String {
        TABLE
            .iter()
            .find(|s| s.id == id && !s.alias)
            .map(|s| format!("{}{}", s.prefixes[0], s.name))
            .unwrap_or_default()
    }
}

/// LLVM's `OptTable::ParseArgs`: turns argv strings into options, longest name first.
mod matcher {
    use super::table::{self, Id, Kind, TABLE};
    use crate::driver::ErrorHandler;
    use crate::Diagnostic;

    #[derive(Clone, Debug)]
    pub struct Arg {
        pub id: Id,
        /// The argument as written (`-Ofast`, `--export`): what lld's messages quote.
        pub raw: String,
        /// Prefix and name of the option (`--threads`), used by a few messages.
        pub spelling: String,
        pub values: Vec<String>,
    }

    impl Arg {
        /// The first value, or "" for options given without one.
        pub fn value(&self) -> &str {
            self.values.first().map_or("", String::as_str)
        }
    }

    #[derive(Debug, Default)]
    pub struct ArgList {
        pub args: Vec<Arg>,
    }

    impl ArgList {
        pub fn last(&self, ids: &[Id]) -> Option<&Arg> {
            self.args.iter().rev().find(|a| ids.contains(&a.id))
        }
        pub fn last_value(&self, id: Id) -> Option<&str> {
            self.last(&[id]).map(Arg::value)
        }
        pub fn has(&self, id: Id) -> bool {
            self.args.iter().any(|a| a.id == id)
        }
        pub fn all(&self, id: Id) -> impl Iterator<Item = &Arg> {
            self.args.iter().filter(move |a| a.id == id)
        }
        /// `--x`/`--no-x` pairs: the last one given wins.
        pub fn flag(&self, pos: Id, neg: Id, default: bool) -> bool {
            self.last(&[pos, neg]).map_or(default, |a| a.id == pos)
        }
        /// lld's `args::getInteger`: decimal, signed, the last one wins.
        pub fn integer(&self, id: Id, default: i64, h: &mut ErrorHandler) -> i64 {
            let Some(a) = self.last(&[id]) else { return default };
            match super::numbers::lld_integer(a.value()) {
                Some(v) => v,
                None => {
                    h.report(Diagnostic::error(format!(
                        "{}: number expected, but got '{}'",
                        a.raw,
                        a.value()
                    )));
                    0
                }
            }
        }
    }

    pub struct Parsed {
        pub list: ArgList,
        /// An option that needed a value but came last (its text as written).
        pub missing: Option<String>,
    }

    pub fn parse(argv: &[String]) -> Parsed {
        let mut list = ArgList::default();
        let mut i = 0;
        while i < argv.len() {
            let s = &argv[i];
            // LLVM skips empty arguments.
            if s.is_empty() {
                i += 1;
                continue;
            }
            if s == "-" || !s.starts_with('-') {
                list.args.push(Arg { id: Id::Input, raw: s.clone(), spelling: String::new(), values: vec![s.clone()] });
                i += 1;
                continue;
            }
            match parse_one(argv, i) {
                One::Matched(arg, used) => {
                    list.args.push(arg);
                    i += used;
                }
                One::Missing => return Parsed { list, missing: Some(s.clone()) },
                One::Unknown => {
                    let unknown = Arg { id: Id::Unknown, raw: s.clone(), spelling: String::new(), values: Vec::new() };
                    list.args.push(unknown);
                    i += 1;
                }
            }
        }
        Parsed { list, missing: None }
    }

    enum One {
        Matched(Arg, usize),
        Missing,
        Unknown,
    }

    /// Tries every option whose prefix+name starts `argv[i]`, longest name first (the
    /// order OptTable's sorted search visits them); the first that accepts the text wins.
    /// So `-export-all` is `-e xport-all`, as in wasm-ld, because `--export-all` takes
    /// only two dashes.
    fn parse_one(argv: &[String], i: usize) -> One {
        let s = argv[i].as_str();
        let mut candidates: Vec<(&table::Spec, &str)> = TABLE
            .iter()
            .filter_map(|spec| {
                spec.prefixes
                    .iter()
                    .find(|p| s.starts_with(**p) && s[p.len()..].starts_with(spec.name))
                    .map(|p| (spec, *p))
            })
            .collect();
        candidates.sort_by_key(|(spec, _)| std::cmp::Reverse(spec.name.len()));
        for (spec, prefix) in candidates {
            let size = prefix.len() + spec.name.len();
            let exact = size == s.len();
            let rest = &s[size..];
            let (values, used) = match spec.kind {
                Kind::Flag if exact => (Vec::new(), 1),
                Kind::Flag => continue,
                Kind::Joined => (vec![rest.to_string()], 1),
                Kind::CommaJoined => {
                    (rest.split(',').filter(|v| !v.is_empty()).map(str::to_string).collect(), 1)
                }
                Kind::JoinedOrSeparate if !exact => (vec![rest.to_string()], 1),
                Kind::Separate if !exact => continue,
                Kind::Separate | Kind::JoinedOrSeparate => match argv.get(i + 1) {
                    Some(v) => (vec![v.clone()], 2),
                    None => return One::Missing,
                },
            };
            let spelling =
                if spec.alias { table::canonical_spelling(spec.id) } else { format!("{prefix}{}", spec.name) };
            return One::Matched(Arg { id: spec.id, raw: s.to_string(), spelling, values }, used);
        }
        One::Unknown
    }
}

/// Response files (`@file`), expanded like LLVM's `cl::ExpandResponseFiles`.
mod rsp {
    use crate::driver::ErrorHandler;
    use crate::Diagnostic;

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Quoting {
        Posix,
        Windows,
    }

    /// Far deeper than any real build; stops `@a` → `@./a` loops the name check misses.
    const MAX_DEPTH: usize = 64;

    /// Replaces each `@file` by the arguments in it, recursively. Nested names are
    /// relative to the current directory, as in lld. An unreadable `@file` stays as it is
    /// (it then fails as a missing input).
    pub fn expand(
        args: &[String],
        quoting: Quoting,
        read_file: &dyn Fn(&str) -> Option<Vec<u8>>,
        h: &mut ErrorHandler,
    ) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = Vec::new();
        let mut budget = Budget { reads: 0, too_many_arguments: false };
        expand_into(args, quoting, read_file, &mut stack, &mut budget, &mut out, h);
        if budget.too_many_arguments {
            // (Only the error is left: the arguments are what there were too many of.)
            return Vec::new();
        }
        out
    }

    struct Budget {
        /// `@file`s read so far.
        reads: usize,
        /// Set when the expansion passed `MAX_ARGUMENTS`.
        too_many_arguments: bool,
    }

    /// `@file`s expanded in one command line. Files that name each other several times
    /// (not recursively) double the expansion per level: stop long before that hangs.
    const MAX_EXPANSIONS: usize = 1 << 16;

    /// Arguments response files may expand to: several times the largest link lines seen in
    /// practice (tens of thousands), and a bound on memory when a big file is named many
    /// times. Past it, the expansion is dropped: the link fails with that error alone.
    const MAX_ARGUMENTS: usize = 1 << 19;

    /// Returns false when expansion was abandoned (recursion); the rest is copied as is.
    fn expand_into(
        args: &[String],
        quoting: Quoting,
        read_file: &dyn Fn(&str) -> Option<Vec<u8>>,
        stack: &mut Vec<String>,
        budget: &mut Budget,
        out: &mut Vec<String>,
        h: &mut ErrorHandler,
    ) -> bool {
        for (i, arg) in args.iter().enumerate() {
            let Some(path) = arg.strip_prefix('@') else {
                out.push(arg.clone());
                continue;
            };
            budget.reads += 1;
            if budget.reads > MAX_EXPANSIONS {
                h.report(Diagnostic::error(format!("too many response file expansions (more than {MAX_EXPANSIONS}) at: '{path}'")));
                out.extend_from_slice(&args[i..]);
                return false;
            }
            let Some(bytes) = read_file(path) else {
                out.push(arg.clone());
                continue;
            };
            if stack.iter().any(|p| p == path) || stack.len() >= MAX_DEPTH {
                h.report(Diagnostic::error(format!("recursive expansion of: '{path}'")));
                out.extend_from_slice(&args[i..]);
                return false;
            }
            let text = decode(&bytes);
            let tokens = match quoting {
                Quoting::Posix => tokenize_gnu(&text),
                Quoting::Windows => tokenize_windows(&text),
            };
            if out.len().saturating_add(tokens.len()) > MAX_ARGUMENTS {
                h.report(Diagnostic::error(format!("response files expand to too many arguments (more than {MAX_ARGUMENTS}) at: '{path}'")));
                budget.too_many_arguments = true;
                return false;
            }
            stack.push(path.to_string());
            let ok = expand_into(&tokens, quoting, read_file, stack, budget, out, h);
            stack.pop();
            if budget.too_many_arguments {
                return false;
            }
            if !ok {
                out.extend_from_slice(&args[i + 1..]);
                return false;
            }
        }
        true
    }

    /// UTF-8 (BOM skipped) or UTF-16 with a BOM, as LLVM reads response files.
    fn decode(bytes: &[u8]) -> String {
        let utf16 = |le: bool| {
            let units: Vec<u16> = bytes[2..]
                .chunks_exact(2)
                .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
                .collect();
            String::from_utf16_lossy(&units)
        };
        match bytes {
            [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
            [0xFF, 0xFE, ..] => utf16(true),
            [0xFE, 0xFF, ..] => utf16(false),
            _ => String::from_utf8_lossy(bytes).into_owned(),
        }
    }

    fn is_space(c: char) -> bool {
        matches!(c, ' ' | '\t' | '\r' | '\n')
    }

    /// LLVM's `TokenizeGNUCommandLine`: whitespace separates; `\` escapes any character
    /// (inside quotes too); `'` and `"` quote; an empty quoted string yields nothing. LLVM
    /// hands each token on as a C string, so a NUL ends the argument there.
    pub fn tokenize_gnu(src: &str) -> Vec<String> {
        let mut out: Vec<String> = tokenize_gnu_tokens(src);
        for token in &mut out {
            if let Some(nul) = token.find('\0') {
                token.truncate(nul);
            }
        }
        out
    }

    fn tokenize_gnu_tokens(src: &str) -> Vec<String> {
        let chars: Vec<char> = src.chars().collect();
        let mut out = Vec::new();
        let mut token = String::new();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == '\\' && i + 1 < chars.len() {
                token.push(chars[i + 1]);
                i += 2;
                continue;
            }
            if c == '"' || c == '\'' {
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        i += 1;
                    }
                    token.push(chars[i]);
                    i += 1;
                }
                i += 1;
                continue;
            }
            if is_space(c) {
                if !token.is_empty() {
                    out.push(std::mem::take(&mut token));
                }
            } else {
                token.push(c);
            }
            i += 1;
        }
        if !token.is_empty() {
            out.push(token);
        }
        out
    }

    /// LLVM's `TokenizeWindowsCommandLine` (not the first-word variant): only `"` quotes,
    /// `""` inside quotes is a literal quote, and backslashes are literal unless they
    /// precede a `"` (2n backslashes + `"` → n backslashes and a quote delimiter; 2n+1 →
    /// n backslashes and a literal `"`).
    pub fn tokenize_windows(src: &str) -> Vec<String> {
        let chars: Vec<char> = src.chars().collect();
        let space = |c: char| is_space(c) || c == '\0';
        let mut out = Vec::new();
        let mut token = String::new();
        let mut in_token = false;
        let mut quoted = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_token && space(c) {
                i += 1;
                continue;
            }
            in_token = true;
            if c == '\\' {
                let start = i;
                while i < chars.len() && chars[i] == '\\' {
                    i += 1;
                }
                let n = i - start;
                if i < chars.len() && chars[i] == '"' {
                    token.extend(std::iter::repeat('\\').take(n / 2));
                    if n % 2 == 1 {
                        token.push('"');
                        i += 1;
                    }
                } else {
                    token.extend(std::iter::repeat('\\').take(n));
                }
                continue;
            }
            if quoted {
                if c == '"' {
                    if chars.get(i + 1) == Some(&'"') {
                        token.push('"');
                        i += 1;
                    } else {
                        quoted = false;
                    }
                } else {
                    token.push(c);
                }
            } else if c == '"' {
                quoted = true;
            } else if space(c) {
                out.push(std::mem::take(&mut token));
                in_token = false;
            } else {
                token.push(c);
            }
            i += 1;
        }
        if in_token {
            out.push(token);
        }
        out
    }
}

/// Number syntaxes of LLVM's `StringRef::getAsInteger`, as lld uses them.
mod numbers {
    /// Digits only, in `radix`, no sign or prefix; fits in u64.
    pub fn unsigned(s: &str, radix: u32) -> Option<u64> {
        if s.is_empty() {
            return None;
        }
        s.chars().try_fold(0u64, |acc, c| {
            let d = c.to_digit(radix)?;
            acc.checked_mul(u64::from(radix))?.checked_add(u64::from(d))
        })
    }

    /// `args::getInteger`: decimal, optional leading `-`, no `+`, no hex; fits in i64.
    pub fn lld_integer(s: &str) -> Option<i64> {
        match s.strip_prefix('-') {
            Some(rest) => {
                let v = unsigned(rest, 10)?;
                if v > i64::MAX as u64 + 1 {
                    None
                } else {
                    Some((v as i64).wrapping_neg())
                }
            }
            None => i64::try_from(unsigned(s, 10)?).ok(),
        }
    }

    /// `to_integer(s, v)` with radix 0: `0x` hex, `0b` binary, `0o` or a leading `0`
    /// octal, otherwise decimal. Used by `-z stack-size=` and `--threads=`.
    pub fn auto_radix_u64(s: &str) -> Option<u64> {
        let lower = s.get(..2).map(str::to_ascii_lowercase);
        match lower.as_deref() {
            Some("0x") => unsigned(&s[2..], 16),
            Some("0b") => unsigned(&s[2..], 2),
            _ if s.starts_with("0o") => unsigned(&s[2..], 8),
            _ if s.len() > 1 && s.starts_with('0') && s.as_bytes()[1].is_ascii_digit() => unsigned(&s[1..], 8),
            _ => unsigned(s, 10),
        }
    }

    /// lld's `parseHex`: two digits per byte (a last odd digit is a byte of its own).
    /// Returns the first bad pair on error.
    pub fn hex_bytes(s: &str) -> Result<Vec<u8>, String> {
        let chars: Vec<char> = s.chars().collect();
        chars
            .chunks(2)
            .map(|pair| {
                let text: String = pair.iter().collect();
                unsigned(&text, 16).and_then(|v| u8::try_from(v).ok()).ok_or(text)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn sv(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    fn parse_with(args: &[&str], files: &[(&str, &str)]) -> Result<ParsedArgs, Diagnostics> {
        let files: HashMap<String, Vec<u8>> =
            files.iter().map(|(k, v)| (k.to_string(), v.as_bytes().to_vec())).collect();
        parse_args(&sv(args), &|p| files.get(p).cloned())
    }

    fn parse(args: &[&str]) -> ParsedArgs {
        match parse_with(args, &[]) {
            Ok(p) => p,
            Err(d) => panic!("unexpected errors: {:?}", d.list.iter().map(|d| d.to_string()).collect::<Vec<_>>()),
        }
    }

    fn errors(args: &[&str]) -> Vec<String> {
        errors_with(args, &[])
    }

    fn errors_with(args: &[&str], files: &[(&str, &str)]) -> Vec<String> {
        match parse_with(args, files) {
            Ok(p) => p.warnings.iter().map(|d| d.to_string()).collect(),
            Err(d) => d.list.iter().map(|d| d.to_string()).collect(),
        }
    }

    fn paths(p: &ParsedArgs) -> Vec<String> {
        p.inputs
            .iter()
            .map(|i| match &i.kind {
                InputKind::Path(s) => s.clone(),
                InputKind::Library(s) => format!("-l{s}"),
            })
            .collect()
    }

    #[test]
    fn defaults_match_wasm_ld() {
        let p = parse(&["a.o", "-o", "out.wasm"]);
        assert_eq!(p.action, Action::Link);
        assert_eq!(p.options.output, "out.wasm");
        assert_eq!(p.options.entry_symbol(), Some("_start"));
        assert!(p.options.gc_sections && p.options.merge_data_segments && p.options.check_features);
        assert_eq!(p.options.stack_size, 65536);
        assert_eq!(p.options.global_base, None);
        assert_eq!(p.options.error_limit, 20);
        assert_eq!(paths(&p), ["a.o"]);
        // No -o: wasm-ld has no default output name.
        assert_eq!(parse(&["a.o"]).options.output, "");
    }

    #[test]
    fn value_spellings() {
        for args in [
            &["--export=foo"][..],
            &["--export", "foo"],
            &["-export=foo"],
            &["-export", "foo"],
        ] {
            assert_eq!(parse(args).options.exports, ["foo"], "{args:?}");
        }
        for args in [&["-o", "x"][..], &["-ox"], &["-o", "x"]] {
            assert_eq!(parse(args).options.output, "x");
        }
        for args in [&["-e", "go"][..], &["-ego"], &["--entry", "go"], &["--entry=go"], &["-entry=go"]] {
            assert_eq!(parse(args).options.entry_symbol(), Some("go"), "{args:?}");
        }
        for args in [&["-u", "s"][..], &["-us"], &["--undefined=s"], &["-undefined", "s"]] {
            assert_eq!(parse(args).options.undefined, ["s"], "{args:?}");
        }
        for args in [&["-y", "s"][..], &["-ys"], &["--trace-symbol=s"]] {
            assert_eq!(parse(args).options.trace_symbols, ["s"], "{args:?}");
        }
    }

    #[test]
    fn single_dash_of_double_dash_only_options_falls_to_short_options() {
        // `--export-all` takes two dashes only, so `-export-all` is `-e xport-all`.
        assert_eq!(parse(&["-export-all"]).options.entry_symbol(), Some("xport-all"));
        assert!(!parse(&["-export-all"]).options.export_all);
        // `-max-memory=…` is `-m ax-memory=…`.
        assert_eq!(errors(&["-max-memory=65536"]), ["error: invalid target architecture: ax-memory=65536"]);
        // `-lto-O2` is `-l to-O2`.
        assert_eq!(paths(&parse(&["-lto-O2"])), ["-lto-O2"]);
        assert_eq!(errors(&["-no-entry"]), ["error: unknown argument: -no-entry"]);
        assert_eq!(errors(&["-global-base=8"]), ["error: unknown argument: -global-base=8"]);
        assert_eq!(errors(&["-vfoo", "--v"]), ["error: unknown argument: -vfoo", "error: unknown argument: --v"]);
    }

    #[test]
    fn libraries_and_positional_flags() {
        let p = parse(&[
            "a.o", "-lc", "-L", "d1", "--whole-archive", "-l", "m", "b.a", "--no-whole-archive", "-Ld2",
            "--library=x", "--Bdynamic", "-l:y.a", "c.o",
        ]);
        assert_eq!(paths(&p), ["a.o", "-lc", "-lm", "b.a", "-lx", "-l:y.a", "c.o"]);
        let whole: Vec<bool> = p.inputs.iter().map(|i| i.whole_archive).collect();
        assert_eq!(whole, [false, false, true, true, false, false, false]);
        let stat: Vec<bool> = p.inputs.iter().map(|i| i.link_static).collect();
        assert_eq!(stat, [true, true, true, true, true, false, false]);
        assert_eq!(p.search_paths, ["d1", "d2"]);
        assert_eq!(paths(&parse(&["-", "x"])), ["-", "x"]);
    }

    #[test]
    fn z_options() {
        assert_eq!(parse(&["-z", "stack-size=1024"]).options.stack_size, 1024);
        assert_eq!(parse(&["-zstack-size=0x100"]).options.stack_size, 256);
        assert_eq!(parse(&["-z", "stack-size=0100"]).options.stack_size, 64);
        assert_eq!(parse(&["-z", "stack-size=0b10000"]).options.stack_size, 16);
        assert_eq!(parse(&["-z", "stack-size=16", "-z", "stack-size=32"]).options.stack_size, 32);
        assert_eq!(errors(&["-z", "stack-size=08"]), ["error: invalid stack-size: 08"]);
        assert_eq!(errors(&["-z", "stack-size=-16"]), ["error: invalid stack-size: -16"]);
        assert_eq!(
            errors(&["-z", "stack-size"]),
            ["warning: unknown -z value: stack-size", "error: invalid stack-size: "]
        );
        assert_eq!(errors(&["-z", "foo", "-zbar"]), ["warning: unknown -z value: foo", "warning: unknown -z value: bar"]);
        assert_eq!(errors(&["--fatal-warnings", "-z", "foo"]), ["error: unknown -z value: foo"]);
        assert_eq!(errors(&["--stack-size=100"]), ["error: unknown argument: --stack-size=100"]);
        assert!(parse(&["-z", "muldefs"]).options.allow_multiple_definition);
    }

    #[test]
    fn numbers_are_decimal_like_lld() {
        assert_eq!(parse(&["--initial-memory=131072"]).options.initial_memory, Some(131072));
        assert_eq!(parse(&["--initial-memory=0655360"]).options.initial_memory, Some(655360));
        assert_eq!(parse(&["--global-base=0"]).options.global_base, None);
        assert_eq!(
            errors(&["--initial-memory=0x20000"]),
            ["error: --initial-memory=0x20000: number expected, but got '0x20000'"]
        );
        assert_eq!(errors(&["-O", "fast"]), ["error: -O: number expected, but got 'fast'"]);
        assert_eq!(errors(&["-Ofast"]), ["error: -Ofast: number expected, but got 'fast'"]);
        assert_eq!(errors(&["-i"]), ["error: -i: number expected, but got ''"]);
        // Only the last occurrence is read.
        assert_eq!(parse(&["--table-base=x", "--table-base=5"]).options.table_base, Some(5));
        assert_eq!(parse(&["-O2"]).options.optimize, 2);
        assert_eq!(parse(&["-O", "0"]).options.optimize, 0);
    }

    #[test]
    fn missing_and_unknown_arguments() {
        assert_eq!(errors(&["a.o", "-o"]), ["error: -o: missing argument"]);
        assert_eq!(errors(&["--export"]), ["error: --export: missing argument"]);
        assert_eq!(errors(&["--bogus", "a.o", "--"]), ["error: unknown argument: --bogus", "error: unknown argument: --"]);
        assert_eq!(
            errors(&["--allow-undefined-file", "f"]),
            ["error: unknown argument: --allow-undefined-file"]
        );
    }

    #[test]
    fn response_files() {
        let files = [("r1", "--export=a \"b c\" d\\ e @r2"), ("r2", "'x y' \"\" -lz"), ("self", "@self")];
        let p = parse_with(&["@r1", "@missing"], &files).unwrap();
        assert_eq!(p.options.exports, ["a"]);
        assert_eq!(paths(&p), ["b c", "d e", "x y", "-lz", "@missing"]);
        let p = parse_with(&["--rsp-quoting=windows", "@r1"], &files);
        assert_eq!(paths(&p.unwrap()), ["b c", "d\\", "e", "'x", "y'", "-lz"]);
        assert_eq!(errors_with(&["@self"], &files), ["error: recursive expansion of: 'self'"]);
        assert_eq!(errors(&["--rsp-quoting=dos"]), ["error: invalid response file quoting: dos"]);
    }

    #[test]
    fn tokenizers() {
        assert_eq!(rsp::tokenize_gnu("a\\\\b 'c\\'d' \"e\\\"f\"g\n\th"), ["a\\b", "c'd", "e\"fg", "h"]);
        // A NUL ends the argument (LLVM passes C strings on), and an argument can be empty.
        assert_eq!(rsp::tokenize_gnu("--export=a\0b c \0d"), ["--export=a", "c", ""]);
        assert_eq!(
            rsp::tokenize_windows(r#"a\\b "c d" e\"f "g""h" \\"i j" "" k\\\\"#),
            ["a\\\\b", "c d", "e\"f", "g\"h", "\\i j", "", "k\\\\\\\\"]
        );
    }

    #[test]
    fn flavor_help_version() {
        assert_eq!(paths(&parse(&["-flavor", "wasm", "a.o"])), ["a.o"]);
        assert_eq!(errors(&["-flavor", "gnu"]), ["error: weld only supports -flavor wasm, not -flavor gnu"]);
        assert_eq!(parse(&["--help", "a.o"]).action, Action::PrintHelp);
        assert_eq!(parse(&["-help"]).action, Action::PrintHelp);
        assert_eq!(parse(&["a.o", "-v", "-o", "x"]).action, Action::PrintVersion);
        assert_eq!(parse(&["-version"]).action, Action::PrintVersion);
        let help = help_text("wasm-ld");
        assert!(help.contains("USAGE: wasm-ld [options] file...\n"));
        assert!(help.contains("  --allow-undefined-file=<value>\n                          Allow symbols"));
        assert!(help.contains("  --export-memory=<value> Export the module's memory"));
        assert!(help.contains("  -z <option>             Linker option extensions"));
        assert!(help.contains("  --shared                Build a shared object\n"));
        assert!(help.contains("  --reproduce=<value>     Dump linker invocation and input files for debugging\n"));
    }

    #[test]
    fn memory_and_table_options() {
        let p = parse(&["--import-memory=mod,mem,x", "--export-memory=m2", "--shared-memory", "--max-memory=131072"]);
        assert_eq!(p.options.import_memory, Some(("mod".into(), "mem,x".into())));
        assert_eq!(p.options.export_memory, Some("m2".into()));
        assert!(p.options.shared_memory);
        assert_eq!(parse(&["--import-memory"]).options.import_memory, Some(("env".into(), "memory".into())));
        assert_eq!(parse(&["--import-memory=foo"]).options.import_memory, Some(("foo".into(), "".into())));
        assert_eq!(parse(&["--export-memory"]).options.export_memory, Some("memory".into()));
        assert_eq!(
            errors(&["--max-memory=131072", "--no-growable-memory"]),
            ["error: --max-memory is incompatible with --no-growable-memory"]
        );
    }

    #[test]
    fn policies_and_lists() {
        use UnresolvedPolicy::*;
        assert_eq!(parse(&[]).options.unresolved, ReportAll);
        assert_eq!(parse(&["--warn-unresolved-symbols"]).options.unresolved, Warn);
        assert_eq!(parse(&["--warn-unresolved-symbols", "--error-unresolved-symbols"]).options.unresolved, ReportAll);
        assert_eq!(parse(&["--unresolved-symbols=ignore-all"]).options.unresolved, IgnoreAll);
        assert_eq!(parse(&["--unresolved-symbols", "import-dynamic"]).options.unresolved, ImportDynamic);
        let p = parse(&["--allow-undefined"]);
        assert!(p.options.import_undefined && p.options.allow_undefined);
        assert_eq!(p.options.unresolved, IgnoreAll);
        assert_eq!(errors(&["--unresolved-symbols=x"]), ["error: unknown --unresolved-symbols value: x"]);

        let p = parse(&["--features=a,,b", "--features=c", "--extra-features=x,y", "--keep-section=k1", "--keep-section", "k2"]);
        assert_eq!(p.options.features, Some(vec!["c".to_string()]));
        assert_eq!(p.options.extra_features, ["x", "y"]);
        assert_eq!(p.options.keep_sections, ["k1", "k2"]);
        assert_eq!(parse(&["--no-entry", "--entry=f"]).options.entry_symbol(), Some("f"));
        assert_eq!(parse(&["--entry=f", "--no-entry"]).options.entry_symbol(), None);
        assert_eq!(parse(&["--entry="]).options.entry_symbol(), None);
        assert!(!parse(&["--gc-sections", "--no-gc-sections"]).options.gc_sections);
        assert!(parse(&["-E"]).options.export_dynamic);
        let p = parse(&["-s", "-S", "-t", "--verbose", "--no-demangle", "--stack-first", "-mwasm64"]);
        assert!(p.options.strip_all && p.options.strip_debug && p.options.trace && p.options.verbose);
        assert!(!p.options.demangle && p.options.stack_first && p.options.is64);
    }

    #[test]
    fn map_options() {
        assert_eq!(parse(&["-Map=m.txt"]).options.map_file.as_deref(), Some("m.txt"));
        assert_eq!(parse(&["--Map", "m.txt"]).options.map_file.as_deref(), Some("m.txt"));
        let p = parse(&["-Map=m.txt", "-M"]);
        assert!(p.options.print_map && p.options.map_file.is_none());
        assert!(parse(&["--Map=-"]).options.print_map);
        assert_eq!(parse(&["-Map="]).options.map_file, None);
    }

    #[test]
    fn build_id() {
        assert_eq!(parse(&[]).options.build_id, BuildId::None);
        assert_eq!(parse(&["--build-id"]).options.build_id, BuildId::Fast);
        assert_eq!(parse(&["--build-id=tree"]).options.build_id, BuildId::Sha1);
        assert_eq!(parse(&["--build-id=0xabc"]).options.build_id, BuildId::Hex(vec![0xab, 0x0c]));
        assert_eq!(errors(&["--build-id=0xzz"]), ["error: not a hexadecimal value: zz"]);
        assert_eq!(errors(&["--build-id=md5"]), ["error: unknown --build-id style: md5"]);
    }

    #[test]
    fn ignored_and_rejected() {
        let p = parse(&[
            "--color-diagnostics", "--no-color-diagnostics", "--color-diagnostics=never", "--threads=4", "--Bstatic",
            "--static", "--no-pie", "--lto-O3", "--lto-partitions=2", "--mllvm=-x", "-mllvm", "-y", "--thinlto-jobs=all",
            "--save-temps", "--disable-verify", "--soname=m",
        ]);
        assert_eq!(p.options.soname.as_deref(), Some("m"));
        assert_eq!(errors(&["--threads=0"]), ["error: --threads: expected a positive integer, but got '0'"]);
        assert_eq!(errors(&["-threads", "0"]), ["error: -threads: expected a positive integer, but got '0'"]);
        assert_eq!(errors(&["--threads=0x2"]), ["error: --thinlto-jobs: invalid job count: 0x2"]);
        assert_eq!(errors(&["--lto-O9"]), ["error: invalid optimization level for LTO: 9"]);
        assert_eq!(errors(&["--color-diagnostics=red"]), ["error: unknown option: --color-diagnostics=red"]);
        let lines = parse(&["--reproduce=r.tar", "a.o", "-o", "out/x.wasm", "-L/usr/lib", "--features=a,b", "-e", "get", "-O2", "--no-entry"]).reproduce.unwrap().lines;
        let option = |s: &str| ResponseLine::Option(s.to_string());
        assert_eq!(lines, [
            ResponseLine::Input("a.o".into()),
            ResponseLine::Output("out/x.wasm".into()),
            option("-L /usr/lib"),
            option("--features= a b"),
            option("--entry get"),
            option("-O 2"),
            option("--no-entry"),
        ]);
        assert!(parse(&["--pie"]).options.is_pic());
        assert!(!parse(&["--pie", "--no-pie"]).options.is_pic());
        let shared = parse(&["--shared"]).options;
        assert!(shared.export_dynamic && shared.import_table);
        assert_eq!(shared.import_memory, Some(("env".to_string(), "memory".to_string())));
        assert_eq!(shared.entry_symbol(), Some("__wasm_call_ctors"));
        assert_eq!(errors(&["-shared", "--export-memory"]), ["error: --export-memory is incompatible with --shared"]);
        assert_eq!(errors(&["-pie", "--export-table"]), ["error: -shared/-pie is incompatible with --export-table"]);
        assert_eq!(parse(&["--wrap=foo", "-wrap", "bar"]).options.wrap, ["foo", "bar"]);
    }

    #[test]
    fn error_limit_applies_after_parsing() {
        // Unknown arguments are reported before --error-limit is known (limit 20).
        let e = errors(&["--error-limit=1", "--b1", "--b2"]);
        assert_eq!(e, ["error: unknown argument: --b1", "error: unknown argument: --b2"]);
        let e = errors(&["--error-limit=1", "--fatal-warnings", "-z", "a", "-z", "b"]);
        assert_eq!(e, [
            "error: unknown -z value: a",
            "error: too many errors emitted, stopping now (use -error-limit=0 to see all errors)",
        ]);
        assert_eq!(errors(&["--error-limit=x"]), ["error: --error-limit=x: number expected, but got 'x'"]);
        assert_eq!(parse(&["--error-limit", "0"]).options.error_limit, 0);
    }

    #[test]
    fn allow_undefined_file() {
        let files = [("u1", "# comment\n  foo  \n\nbar\r\n"), ("u2", "baz")];
        let p = parse_with(&["--allow-undefined-file=u1"], &files).unwrap();
        assert_eq!(p.options.allow_undefined_symbols, ["foo", "bar"]);
        // Only the last one counts, as in wasm-ld.
        let p = parse_with(&["--allow-undefined-file=u1", "-allow-undefined-file", "u2"], &files).unwrap();
        assert_eq!(p.options.allow_undefined_symbols, ["baz"]);
        assert_eq!(
            errors(&["--allow-undefined-file=nope"]),
            ["error: cannot open nope: No such file or directory"]
        );
    }

    #[test]
    fn late_checks() {
        let check = |args: &[&str]| -> Vec<String> {
            let mut h = ErrorHandler::new(20, false);
            let Some(p) = parse_args_into(&sv(args), &|_| None, &mut h) else { panic!("{args:?}") };
            assert_eq!(h.error_count(), 0, "{args:?}");
            let d = check_options(&p.options, &p.deferred);
            d.list.iter().map(|d| d.to_string()).collect()
        };
        assert_eq!(check(&["-o", "x"]), Vec::<String>::new());
        assert_eq!(check(&[]), ["error: no output file specified"]);
        assert_eq!(check(&["-o", "x", "--import-table", "--export-table"]), [
            "error: --import-table and --export-table may not be used together"
        ]);
        assert_eq!(check(&["-o", "x", "--compress-relocations"]), [
            "error: --compress-relocations is incompatible with output debug information. Please pass --strip-debug or --strip-all"
        ]);
        assert!(check(&["-o", "x", "--compress-relocations", "-S"]).is_empty());
        assert_eq!(check(&["-o", "x", "--unresolved-symbols=import-dynamic"]), [
            "warning: dynamic imports are not yet stable (--unresolved-symbols=import-dynamic)"
        ]);
        // wasm-ld's checkOptions order, with the LTO checks among the others.
        assert_eq!(check(&["-Bsymbolic", "--compress-relocations", "--lto-partitions=0"]), [
            "error: --compress-relocations is incompatible with output debug information. Please pass --strip-debug or --strip-all",
            "error: --lto-partitions: number of threads must be > 0",
            "error: no output file specified",
            "warning: -Bsymbolic is only meaningful when combined with -shared",
        ]);
        // Dynamic linking: wasm-ld 19's messages in its order.
        assert_eq!(check(&["-o", "x", "-shared", "-pie"]), [
            "error: -shared and -pie may not be used together",
            "warning: creating shared libraries, with -shared, is not yet stable",
            "warning: creating PIEs, with -pie, is not yet stable",
        ]);
        assert_eq!(check(&["-o", "x", "-pie", "-r", "--no-gc-sections"]), [
            "error: -r and -pie may not be used together",
            "warning: creating PIEs, with -pie, is not yet stable",
        ]);
        assert_eq!(check(&["-o", "x", "-pie", "--experimental-pic", "--global-base=8", "--table-base=2", "-Bsymbolic"]), [
            "warning: -Bsymbolic is only meaningful when combined with -shared",
            "error: --global-base may not be used with -shared/-pie",
            "error: --table-base may not be used with -shared/-pie",
        ]);
        assert!(check(&["-o", "x", "-shared", "--experimental-pic", "-Bsymbolic", "--unresolved-symbols=import-dynamic"]).is_empty());
    }
}
