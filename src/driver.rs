//! The link driver shared by the native CLI and the JS API: parse the command line, find
//! and read the inputs, call `link`, and turn the outcome into stdout/stderr text, output
//! files and an exit code, the way wasm-ld does. It touches no real files itself: reads go
//! through a `FileSystem`, writes come back in `DriverOutput::outputs`.

use crate::args::{self, Action, InputKind, InputSpec, ParsedArgs};
use crate::input::FileKind;
use crate::{input, link, Diagnostic, Diagnostics, InputFile, Options};
use std::collections::BTreeMap;

/// Read access to the inputs.
pub trait FileSystem {
    fn read(&self, path: &str) -> Option<Vec<u8>>;
    /// `read` of each path, in order. The native CLI reads them in parallel: on big links,
    /// copying the inputs into memory is a good part of the time.
    fn read_all(&self, paths: &[&str]) -> Vec<Option<Vec<u8>>> {
        paths.iter().map(|p| self.read(p)).collect()
    }
    fn exists(&self, path: &str) -> bool;
    /// Why `read(path)` failed, in the OS's words; wasm-ld prints it after
    /// `cannot open <path>: `.
    fn read_error(&self, _path: &str) -> String {
        "No such file or directory".to_string()
    }
    /// Whether `path` could be written, checked before linking as wasm-ld checks its output
    /// and map file (creating a file there, then removing it): why not, in the OS's words.
    /// In memory, anything can be written.
    fn check_create(&self, _path: &str) -> Result<(), String> {
        Ok(())
    }
    /// `path` made absolute, `.` and `..` removed (for `--reproduce`). Without a current
    /// directory (in memory, in JS), relative paths are taken from the root: the archive
    /// then keeps them relative, and nothing in it points outside it.
    fn absolute(&self, path: &str) -> String {
        crate::reproduce::absolute_path(path, "")
    }
}

/// Files held in memory, keyed by path (for tests and the JS API).
#[derive(Clone, Debug, Default)]
pub struct MemoryFileSystem {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl MemoryFileSystem {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn insert(&mut self, path: impl Into<String>, bytes: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), bytes.into());
    }
}

impl FileSystem for MemoryFileSystem {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.files.get(path).cloned()
    }

    fn exists(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }
}

/// Everything a run produced; the caller prints the text, writes the files and exits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DriverOutput {
    pub exit_code: i32,
    pub stdout: String,
    pub stderr: String,
    /// Files to write, in order: the module (`-o`), the report, the map and the
    /// `--why-extract` files, those that were asked for and made (a failed link may still
    /// leave its `--why-extract` file, as wasm-ld's does).
    pub outputs: Vec<OutputFile>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    pub path: String,
    pub bytes: Vec<u8>,
    /// What the file is, as wasm-ld's "cannot open ..." error names it: `output file`
    /// (the module, written executable as wasm-ld writes it), `map file`, ...
    pub kind: &'static str,
}

impl OutputFile {
    pub const MODULE: &'static str = "output file";

    fn new(path: &str, bytes: Vec<u8>, kind: &'static str) -> Self {
        OutputFile { path: path.to_string(), bytes, kind }
    }

    pub fn executable(&self) -> bool {
        self.kind == Self::MODULE
    }
}

/// The `--version` line. It keeps wasm-ld's "LLD <version>" words so that scripts that
/// look for them (`grep 'LLD 19'`, `awk` for the word after "LLD") still find a version.
pub fn version_line() -> String {
    format!("weld {} (LLD {} compatible)", env!("CARGO_PKG_VERSION"), args::LLD_VERSION)
}

/// The name diagnostics start with: argv[0]'s file name without `.exe`, as lld does.
pub fn program_name(argv0: &str) -> String {
    let file = argv0.rsplit(['/', '\\']).next().unwrap_or(argv0);
    let stem_len = file.len().saturating_sub(4);
    match file.get(stem_len..) {
        Some(ext) if ext.eq_ignore_ascii_case(".exe") => file[..stem_len].to_string(),
        _ => file.to_string(),
    }
}

/// Runs one wasm-ld command line. `program` is argv[0]; `args` are the rest.
pub fn run(program: &str, args: &[String], fs: &dyn FileSystem) -> DriverOutput {
    let name = program_name(program);
    let mut out = DriverOutput::default();
    // lld's ErrorHandler starts with a limit of 20; the parser applies `--error-limit`.
    let mut h = ErrorHandler::new(20, false);
    if let Some(parsed) = args::parse_args_into(args, &|p| fs.read(p), &mut h) {
        match parsed.action {
            Action::PrintHelp => out.stdout = args::help_text(program),
            Action::PrintVersion => out.stdout = format!("{}\n", version_line()),
            Action::Link => {
                let mut reproduce = parsed.reproduce.as_ref().map(|r| crate::reproduce::Reproduce::new(r, &|p| fs.absolute(p), &version_line()));
                link_files(parsed, fs, &mut h, &mut out, reproduce.as_mut());
                // Written whether the link succeeded or not, as wasm-ld writes it.
                if let Some(r) = reproduce {
                    out.outputs.insert(0, OutputFile::new(&r.path, r.tar(), "--reproduce file"));
                }
            }
        }
    }
    out.exit_code = if h.error_count() > 0 { 1 } else { 0 };
    out.stderr = render(&h.into_diagnostics(), &name);
    out
}

/// As lld prints them: a diagnostic of several lines is followed by a blank line when
/// another one comes after it.
fn render(diags: &Diagnostics, program: &str) -> String {
    let mut out = String::new();
    let mut separator = "";
    for d in &diags.list {
        let text = d.render(program);
        out.push_str(separator);
        out.push_str(&text);
        out.push('\n');
        separator = if text.contains('\n') { "\n" } else { "" };
    }
    out
}

fn link_files(parsed: ParsedArgs, fs: &dyn FileSystem, h: &mut ErrorHandler, out: &mut DriverOutput, mut reproduce: Option<&mut crate::reproduce::Reproduce>) {
    let ParsedArgs { mut options, inputs, input_errors, search_paths, deferred, allow_undefined_file, .. } = parsed;
    let mut read_log = Vec::new();
    let loaded = load_inputs(&inputs, input_errors, &search_paths, fs, &mut options, h, reproduce.is_some().then_some(&mut read_log));
    if let Some(r) = reproduce.as_deref_mut() {
        for (path, bytes) in &read_log {
            r.add_file(&fs.absolute(path), bytes);
        }
    }
    if loaded.is_empty() && h.error_count() == 0 {
        h.report(Diagnostic::error("no input files"));
    }
    if h.error_count() > 0 || h.stopped() {
        return;
    }
    for d in args::check_options(&options, &deferred).list {
        h.report(d);
    }
    if h.error_count() > 0 || h.stopped() {
        return;
    }
    // wasm-ld reads the --allow-undefined-file here, once the inputs are read and checked.
    if let (Some(r), Some((path, bytes))) = (reproduce, &allow_undefined_file) {
        r.add_file(&fs.absolute(path), bytes);
    }
    // Fail before a long link rather than after it, as wasm-ld does.
    let map = options.map_file.as_deref().unwrap_or("");
    for (path, kind) in [(options.output.as_str(), OutputFile::MODULE), (map, "map file")] {
        if path.is_empty() || path == "-" {
            continue;
        }
        if let Err(why) = fs.check_create(path) {
            h.report(Diagnostic::error(format!("cannot open {kind} {path}: {why}")));
        }
    }
    if h.error_count() > 0 || h.stopped() {
        return;
    }

    let files: Vec<InputFile<'_>> = loaded
        .iter()
        .map(|f| InputFile { name: f.name.clone(), bytes: &f.bytes, whole_archive: f.whole_archive, lazy: f.lazy, prepared: None })
        .collect();
    if options.clock.is_none() {
        options.clock = native_clock();
    }
    match link(&files, &options) {
        Ok(linked) => {
            for w in linked.warnings {
                h.report(w);
            }
            print_messages(&linked.messages, out);
            // (With --fatal-warnings a warning already made `link` fail, below.)
            if h.error_count() > 0 {
                return;
            }
            if let Some(map) = &linked.map {
                if options.print_map {
                    out.stdout.push_str(map);
                }
            }
            out.outputs.push(OutputFile::new(&options.output, linked.wasm, OutputFile::MODULE));
            if let (Some(path), Some(report)) = (&options.report_file, &linked.report) {
                match serde_json::to_vec_pretty(report) {
                    Ok(json) => out.outputs.push(OutputFile::new(path, json, "report file")),
                    Err(e) => h.report(Diagnostic::error(format!("cannot write report {path}: {e}"))),
                }
            }
            if let (Some(path), Some(map)) = (&options.map_file, linked.map) {
                out.outputs.push(OutputFile::new(path, map.into_bytes(), "map file"));
            }
            if let (Some(path), Some(text)) = (&options.why_extract, linked.why_extract) {
                out.outputs.push(OutputFile::new(path, text.into_bytes(), WHY_EXTRACT_FILE));
            }
        }
        Err(failed) => {
            print_messages(&failed.messages, out);
            for d in failed.list {
                h.report(d);
            }
            if let (Some(path), Some(text)) = (&options.why_extract, failed.why_extract) {
                out.outputs.push(OutputFile::new(path, text.into_bytes(), WHY_EXTRACT_FILE));
            }
        }
    }
}

const WHY_EXTRACT_FILE: &str = "--why-extract= file";

/// The link's informational lines (`--trace`, `--print-gc-sections`, `--why-extract=-`).
fn print_messages(messages: &[String], out: &mut DriverOutput) {
    for m in messages {
        out.stdout.push_str(m);
        out.stdout.push('\n');
    }
}

/// One input read into memory.
struct Loaded {
    name: String,
    bytes: Vec<u8>,
    whole_archive: bool,
    lazy: bool,
}

/// lld's `createFiles`: each file and `-l` in order; errors for missing ones don't stop
/// the others from being reported. `misplaced` are the `--start-lib`/`--end-lib` errors,
/// reported where they stand among the inputs. `read_log` (for `--reproduce`) gets every
/// file read, as read (a thin archive as it is, not its members), in the order read, an
/// archive's `.imports` file after it.
fn load_inputs(
    inputs: &[InputSpec],
    misplaced: Vec<(usize, Diagnostic)>,
    search_paths: &[String],
    fs: &dyn FileSystem,
    options: &mut Options,
    h: &mut ErrorHandler,
    mut read_log: Option<&mut Vec<(String, Vec<u8>)>>,
) -> Vec<Loaded> {
    // Find every file first, then read them all at once, then take them in order, so that
    // the diagnostics come out in command-line order as lld's do.
    let paths: Vec<Result<String, Diagnostic>> = inputs
        .iter()
        .map(|spec| match &spec.kind {
            InputKind::Path(p) => Ok(p.clone()),
            InputKind::Library(name) => find_library(name, search_paths, spec.link_static, fs)
                .ok_or_else(|| Diagnostic::error(format!("unable to find library -l{name}"))),
        })
        .collect();
    let found: Vec<&str> = paths.iter().filter_map(|p| p.as_deref().ok()).collect();
    let mut contents = fs.read_all(&found).into_iter();
    let mut loaded = Vec::new();
    let mut misplaced = misplaced.into_iter().peekable();
    for (i, (spec, path)) in inputs.iter().zip(paths).enumerate() {
        let read = if path.is_ok() { contents.next().flatten() } else { None };
        while let Some((_, d)) = misplaced.next_if(|(before, _)| *before <= i) {
            h.report(d);
        }
        if h.stopped() {
            break;
        }
        let path = match path {
            Ok(path) => path,
            Err(d) => {
                h.report(d);
                continue;
            }
        };
        let Some(mut bytes) = read else {
            h.report(Diagnostic::error(format!("cannot open {path}: {}", fs.read_error(&path))));
            continue;
        };
        if let Some(log) = read_log.as_deref_mut() {
            log.push((path.clone(), bytes.clone()));
        }
        if input::detect(&bytes) == FileKind::ThinArchive {
            // From here on, the regular archive it stands for.
            match input::thin::inline_members(&path, &bytes, |p| fs.read(p).ok_or_else(|| fs.read_error(p))) {
                Ok(regular) => bytes = regular,
                Err(d) => {
                    h.report(d);
                    continue;
                }
            }
        }
        match input::detect(&bytes) {
            FileKind::Object => {
                // wasm-ld checks each object as it reads it (`--start-lib` ones and archive
                // members too), and stops at the first of the wrong kind.
                if let Some(msg) = wrong_arch(&path, &bytes, options.is64) {
                    h.report(Diagnostic::error(msg));
                    return loaded;
                }
            }
            // (A thin archive was made regular above.)
            FileKind::Archive | FileKind::ThinArchive => {
                // (An archive that does not parse is reported when it is linked.)
                let members = input::archive::parse_archive(&path, &bytes).map(|a| a.members).unwrap_or_default();
                let wrong = members.iter().filter(|m| input::detect(m.data) == FileKind::Object).find_map(|m| {
                    wrong_arch(&input::archive::member_display_name(&path, &m.name), m.data, options.is64)
                });
                if let Some(msg) = wrong {
                    h.report(Diagnostic::error(msg));
                    return loaded;
                }
                // wasm-ld reads `libfoo.imports` next to `libfoo.a`: symbols that may stay
                // undefined (imported from the host).
                let imports = imports_path(&path);
                if fs.exists(&imports) {
                    match fs.read(&imports) {
                        Some(b) => {
                            options.allow_undefined_symbols.extend(args::symbol_lines(&b));
                            if let Some(log) = read_log.as_deref_mut() {
                                log.push((imports, b));
                            }
                        }
                        None => h.report(Diagnostic::error(format!(
                            "cannot open {imports}: {}",
                            fs.read_error(&imports)
                        ))),
                    }
                }
            }
            FileKind::Bitcode => {
                h.report(Diagnostic::error(format!("weld does not support LLVM bitcode (LTO) inputs yet: {path}")));
                continue;
            }
            // (Read by `link`: a stub library is plain text; `link` reports the other wasm versions.)
            FileKind::Stub | FileKind::OtherWasm => {}
            FileKind::Unknown => {
                h.report(Diagnostic::error(format!("unknown file type: {path}")));
                continue;
            }
        }
        loaded.push(Loaded { name: path, bytes, whole_archive: spec.whole_archive, lazy: spec.lazy });
    }
    for (_, d) in misplaced {
        h.report(d);
    }
    loaded
}

/// wasm-ld's error for an object (`name`) of the other architecture than the link's.
fn wrong_arch(name: &str, bytes: &[u8], link_is64: bool) -> Option<String> {
    input::arch::is_wasm64(bytes).and_then(|is64| input::arch::mismatch(name, is64, link_is64))
}

/// `-l name`: `lib<name>.so` (unless `--Bstatic`, the default) then `lib<name>.a` in each
/// `-L` directory in turn; `-l :file` looks for `file` itself.
fn find_library(name: &str, search_paths: &[String], link_static: bool, fs: &dyn FileSystem) -> Option<String> {
    if let Some(file) = name.strip_prefix(':') {
        return search_paths.iter().map(|dir| join(dir, file)).find(|p| fs.exists(p));
    }
    for dir in search_paths {
        if !link_static {
            let so = join(dir, &format!("lib{name}.so"));
            if fs.exists(&so) {
                return Some(so);
            }
        }
        let a = join(dir, &format!("lib{name}.a"));
        if fs.exists(&a) {
            return Some(a);
        }
    }
    None
}

/// LLVM's `path::append`: one separator between the parts, none after an empty directory.
fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() || dir.ends_with('/') || (cfg!(windows) && dir.ends_with('\\')) {
        format!("{dir}{file}")
    } else {
        format!("{dir}/{file}")
    }
}

/// `dir/libc.a` → `dir/libc.imports` (LLVM's `replace_extension`).
fn imports_path(path: &str) -> String {
    let name_start = path.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let name = &path[name_start..];
    let stem_len = match name.rfind('.') {
        Some(dot) if name != "." && name != ".." => dot,
        _ => name.len(),
    };
    format!("{}.imports", &path[..name_start + stem_len])
}

/// What lld says when it stops at `--error-limit`.
pub const TOO_MANY_ERRORS: &str = "too many errors emitted, stopping now (use -error-limit=0 to see all errors)";

/// lld's error handler rules: `--fatal-warnings` turns warnings into errors; after
/// `--error-limit` errors (0 = no limit) one "too many errors" line is printed and the
/// link stops.
#[derive(Debug)]
pub struct ErrorHandler {
    limit: u64,
    fatal_warnings: bool,
    errors: u64,
    stopped: bool,
    list: Diagnostics,
}

impl ErrorHandler {
    pub fn new(limit: u64, fatal_warnings: bool) -> Self {
        ErrorHandler { limit, fatal_warnings, errors: 0, stopped: false, list: Diagnostics::default() }
    }

    pub fn set_limit(&mut self, limit: u64) {
        self.limit = limit;
    }

    pub fn set_fatal_warnings(&mut self, fatal: bool) {
        self.fatal_warnings = fatal;
    }

    pub fn report(&mut self, mut d: Diagnostic) {
        if self.stopped {
            return;
        }
        if !d.is_error() {
            if !self.fatal_warnings {
                self.list.push(d);
                return;
            }
            d.severity = crate::Severity::Error;
        }
        if self.limit == 0 || self.errors < self.limit {
            self.list.push(d);
        } else if self.errors == self.limit {
            self.list.push(Diagnostic::error(TOO_MANY_ERRORS));
            self.stopped = true;
        }
        // Past the limit (it was lowered after some errors) lld counts silently.
        self.errors += 1;
    }

    pub fn error_count(&self) -> u64 {
        self.errors
    }

    /// The limit was hit: lld exits at that point.
    pub fn stopped(&self) -> bool {
        self.stopped
    }

    pub fn into_diagnostics(self) -> Diagnostics {
        self.list
    }
}

/// A millisecond clock for report timings (on wasm32, the JS host's `performance.now()`).
#[cfg(not(target_arch = "wasm32"))]
fn native_clock() -> Option<fn() -> f64> {
    fn now() -> f64 {
        static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
        START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64() * 1000.0
    }
    Some(now)
}

#[cfg(target_arch = "wasm32")]
fn native_clock() -> Option<fn() -> f64> {
    Some(crate::js::clock)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WASM: &[u8] = b"\0asm\x01\0\0\0";
    const ARCHIVE: &[u8] = b"!<arch>\n";

    fn fs(files: &[(&str, &[u8])]) -> MemoryFileSystem {
        let mut fs = MemoryFileSystem::new();
        for (p, b) in files {
            fs.insert(*p, *b);
        }
        fs
    }

    fn run_args(program: &str, args: &[&str], fs: &MemoryFileSystem) -> DriverOutput {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        run(program, &args, fs)
    }

    fn stderr(args: &[&str], fs: &MemoryFileSystem) -> String {
        let out = run_args("/usr/bin/wasm-ld", args, fs);
        assert_eq!(out.exit_code, if out.stderr.contains(": error: ") { 1 } else { 0 });
        out.stderr
    }

    #[test]
    fn program_names() {
        assert_eq!(program_name("/usr/bin/wasm-ld"), "wasm-ld");
        assert_eq!(program_name("C:\\llvm\\bin\\wasm-ld.EXE"), "wasm-ld");
        assert_eq!(program_name("weld"), "weld");
        assert_eq!(program_name(""), "");
    }

    #[test]
    fn messages_match_wasm_ld() {
        let f = fs(&[("a.o", WASM)]);
        assert_eq!(stderr(&["a.o", "--bogus"], &f), "wasm-ld: error: unknown argument: --bogus\n");
        assert_eq!(stderr(&["missing.o", "-o", "x"], &f), "wasm-ld: error: cannot open missing.o: No such file or directory\n");
        assert_eq!(stderr(&["a.o", "-lfoo", "-o", "x"], &f), "wasm-ld: error: unable to find library -lfoo\n");
        assert_eq!(stderr(&[], &f), "wasm-ld: error: no input files\n");
        assert_eq!(stderr(&["-o", "x"], &f), "wasm-ld: error: no input files\n");
        assert_eq!(stderr(&["a.o"], &f), "wasm-ld: error: no output file specified\n");
        assert_eq!(
            stderr(&["m1.o", "-lfoo", "m2.o", "-o", "x"], &f),
            "wasm-ld: error: cannot open m1.o: No such file or directory\n\
             wasm-ld: error: unable to find library -lfoo\n\
             wasm-ld: error: cannot open m2.o: No such file or directory\n"
        );
        let f = fs(&[("junk.o", b"xx")]);
        assert_eq!(stderr(&["junk.o", "-o", "x"], &f), "wasm-ld: error: unknown file type: junk.o\n");
    }

    #[test]
    fn option_errors_do_not_hide_input_errors() {
        let f = fs(&[("a.o", WASM)]);
        assert_eq!(
            stderr(&["--bogus", "missing.o", "-o", "x", "--initial-memory=0x10000"], &f),
            "wasm-ld: error: unknown argument: --bogus\n\
             wasm-ld: error: --initial-memory=0x10000: number expected, but got '0x10000'\n\
             wasm-ld: error: cannot open missing.o: No such file or directory\n"
        );
    }

    #[test]
    fn error_limit_and_fatal_warnings() {
        let f = fs(&[("a.o", WASM)]);
        let e = stderr(&["a.o", "m1", "m2", "m3", "-o", "x", "--error-limit=2"], &f);
        assert_eq!(
            e,
            "wasm-ld: error: cannot open m1: No such file or directory\n\
             wasm-ld: error: cannot open m2: No such file or directory\n\
             wasm-ld: error: too many errors emitted, stopping now (use -error-limit=0 to see all errors)\n"
        );
        let e = stderr(&["a.o", "m1", "m2", "m3", "-o", "x", "--error-limit=0"], &f);
        assert_eq!(e.lines().count(), 3);
        let e = stderr(&["a.o", "-o", "x", "-z", "foo", "--fatal-warnings", "m1"], &f);
        assert_eq!(
            e,
            "wasm-ld: error: unknown -z value: foo\nwasm-ld: error: cannot open m1: No such file or directory\n"
        );
    }

    #[test]
    fn library_search() {
        let f = fs(&[
            ("a.o", WASM),
            ("d1/libbar.so", WASM),
            ("d2/libbar.a", ARCHIVE),
            ("d2/libbar.imports", b"# host functions\nhost_fn\n"),
            ("d2/exact.a", ARCHIVE),
        ]);
        let specs = |args: &[&str]| {
            let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
            let p = args::parse_args(&args, &|p| f.read(p)).unwrap();
            p.inputs
                .iter()
                .map(|s| match &s.kind {
                    InputKind::Library(n) => find_library(n, &p.search_paths, s.link_static, &f),
                    InputKind::Path(p) => Some(p.clone()),
                })
                .collect::<Vec<_>>()
        };
        // Static by default: the .so is skipped; -L anywhere applies.
        assert_eq!(specs(&["-lbar", "-L", "d1", "-Ld2"]), [Some("d2/libbar.a".to_string())]);
        assert_eq!(specs(&["-L", "d1", "-L", "d2", "--Bdynamic", "-lbar"]), [Some("d1/libbar.so".to_string())]);
        assert_eq!(specs(&["-Ld2/", "-l:exact.a", "-l:nope.a"]), [Some("d2/exact.a".to_string()), None]);
        assert_eq!(join("", "x"), "x");
        assert_eq!(imports_path("d2/libbar.a"), "d2/libbar.imports");
        assert_eq!(imports_path("lib.dir/libc"), "lib.dir/libc.imports");

        // The archive's .imports file feeds allow_undefined_symbols.
        let mut options = Options::default();
        let mut h = ErrorHandler::new(20, false);
        let inputs = [InputSpec { kind: InputKind::Library("bar".into()), whole_archive: true, link_static: true, lazy: false }];
        let mut read_log = Vec::new();
        let loaded = load_inputs(&inputs, Vec::new(), &["d2".to_string()], &f, &mut options, &mut h, Some(&mut read_log));
        assert_eq!(loaded.len(), 1);
        assert_eq!(loaded[0].name, "d2/libbar.a");
        assert!(loaded[0].whole_archive);
        assert_eq!(options.allow_undefined_symbols, ["host_fn"]);
        // (What --reproduce stores: the archive, then its .imports file.)
        let read: Vec<&str> = read_log.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(read, ["d2/libbar.a", "d2/libbar.imports"]);
        assert_eq!(stderr(&["a.o", "-lnosuch", "-L", "d2", "-o", "x"], &f), "wasm-ld: error: unable to find library -lnosuch\n");
        assert_eq!(stderr(&["a.o", "-l:nosuch.a", "-o", "x"], &f), "wasm-ld: error: unable to find library -l:nosuch.a\n");
    }

    /// A relocatable object defining only `_start`, from
    /// `llvm-mc -triple=wasm32 -filetype=obj` of a one-function assembly file.
    const START_O: &[u8] = &[
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x84, 0x80, 0x80, 0x80, 0x00, 0x01,
        0x60, 0x00, 0x00, 0x02, 0x98, 0x80, 0x80, 0x80, 0x00, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x0f,
        0x5f, 0x5f, 0x6c, 0x69, 0x6e, 0x65, 0x61, 0x72, 0x5f, 0x6d, 0x65, 0x6d, 0x6f, 0x72, 0x79,
        0x02, 0x00, 0x00, 0x03, 0x82, 0x80, 0x80, 0x80, 0x00, 0x01, 0x00, 0x0a, 0x84, 0x80, 0x80,
        0x80, 0x00, 0x01, 0x02, 0x00, 0x0b, 0x00, 0x9a, 0x80, 0x80, 0x80, 0x00, 0x07, 0x6c, 0x69,
        0x6e, 0x6b, 0x69, 0x6e, 0x67, 0x02, 0x08, 0x8b, 0x80, 0x80, 0x80, 0x00, 0x01, 0x00, 0x00,
        0x00, 0x06, 0x5f, 0x73, 0x74, 0x61, 0x72, 0x74,
    ];

    #[test]
    fn links_and_returns_outputs() {
        let f = fs(&[("s.o", START_O)]);
        let out = run_args("wasm-ld", &["s.o", "-o", "out.wasm", "-Map=m.txt"], &f);
        assert_eq!((out.exit_code, out.stderr.as_str()), (0, ""));
        // The module first, then the map file once the core writes maps.
        let names: Vec<&str> = out.outputs.iter().map(|o| o.path.as_str()).collect();
        assert!(names == ["out.wasm"] || names == ["out.wasm", "m.txt"], "{names:?}");
        assert!(out.outputs[0].bytes.starts_with(b"\0asm"));
        let out = run_args("wasm-ld", &["s.o", "-o", "out.wasm", "-M"], &f);
        assert_eq!(out.outputs.len(), 1);

        // Errors from the core come out with the program name, and nothing is written.
        let out = run_args("wasm-ld", &["s.o", "-o", "x", "-z", "stack-size=100"], &f);
        assert_eq!(out.stderr, "wasm-ld: error: stack size must be 16-byte aligned\n");
        assert!(out.outputs.is_empty() && out.exit_code == 1);
        let out = run_args("wasm-ld", &["s.o", "-o", "x", "--entry=nope"], &f);
        assert_eq!(out.stderr, "wasm-ld: error: entry symbol not defined (pass --no-entry to suppress): nope\n");
    }

    #[test]
    fn version_and_help() {
        let f = MemoryFileSystem::new();
        let out = run_args("wasm-ld", &["--version"], &f);
        assert_eq!(out.exit_code, 0);
        assert_eq!(out.stdout, format!("{}\n", version_line()));
        assert!(out.stdout.starts_with("weld ") && out.stdout.contains("LLD 19."));
        let out = run_args("wasm-ld", &["--help", "--bogus"], &f);
        assert_eq!(out.exit_code, 1);
        assert!(out.stdout.starts_with("OVERVIEW:") && out.stderr.contains("unknown argument: --bogus"));
        let out = run_args("/opt/wasm-ld", &["--help"], &f);
        assert_eq!(out.exit_code, 0);
        assert!(out.stdout.contains("USAGE: /opt/wasm-ld [options] file..."));
        let out = run_args("wasm-ld", &["-v", "-z", "foo"], &f);
        assert_eq!((out.exit_code, out.stderr.as_str()), (0, "wasm-ld: warning: unknown -z value: foo\n"));
    }

    #[test]
    fn error_handler_rules() {
        let mut h = ErrorHandler::new(1, false);
        h.report(Diagnostic::warning("w"));
        h.report(Diagnostic::error("e1"));
        h.report(Diagnostic::error("e2"));
        h.report(Diagnostic::error("e3"));
        assert!(h.stopped());
        let text: Vec<String> = h.into_diagnostics().list.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            text,
            [
                "warning: w",
                "error: e1",
                "error: too many errors emitted, stopping now (use -error-limit=0 to see all errors)"
            ]
        );
    }
}
