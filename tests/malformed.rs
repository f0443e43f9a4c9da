//! Hostile input: malformed objects, archives and command lines must give an `Err` with a
//! diagnostic naming the file, never a panic. Each case runs under `catch_unwind`, so a
//! panic fails the test with the case's name (the other cases still run).
//!
//! Inputs are real objects compiled by clang-19 here (truncated and corrupted at every
//! byte), objects written by hand with `common/builder.rs`, and the crashes the fuzz
//! targets found (`tests/fuzz-regressions/`, see `fuzz/`).
//!
//! Memory stays bounded too: this binary counts each thread's heap, and a case whose link
//! allocated more than `HEAP_BOUND` at its peak fails (hostile counts and sizes must be
//! checked against the bytes that are really there before anything is allocated).

#[path = "common/builder.rs"]
mod builder;
#[path = "../fuzz/fuzz_targets/inputs.rs"]
mod fuzz_inputs;

use builder::{archive, flag, module, name, reloc, table_import, uleb, uleb5, vec_of, At, Obj, Reloc, Sym, HUGE};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use weld::driver::{self, MemoryFileSystem};
use weld::{Diagnostic, InputFile, Options};

const INSTALL_HINT: &str = "apt-get install clang-19 lld-19 llvm-19 wasi-libc";

/// The most heap one case may use at its peak. The inputs are at most a few hundred KiB;
/// a link of them needs a few MiB.
const HEAP_BOUND: usize = 64 << 20;

/// Per-thread heap accounting: the global allocator forwards to `System` and adds each
/// block's size to its thread's live count, keeping the peak. (Blocks freed by another
/// thread than the one that allocated them skew the counts; the linker runs on one thread.)
mod heap {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    thread_local! {
        // Const-initialised and without destructors: usable from the allocator at any time,
        // also while a thread is being torn down.
        static LIVE: Cell<isize> = const { Cell::new(0) };
        static PEAK: Cell<isize> = const { Cell::new(0) };
    }

    fn add(bytes: isize) {
        let _ = LIVE.try_with(|live| {
            let now = live.get() + bytes;
            live.set(now);
            let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
        });
    }

    /// Starts a new peak measurement on this thread.
    pub fn reset_peak() {
        let now = LIVE.with(Cell::get);
        PEAK.with(|p| p.set(now));
    }

    /// This thread's peak heap since `reset_peak`, above what was live then.
    pub fn peak_since(start: isize) -> usize {
        usize::try_from(PEAK.with(Cell::get) - start).unwrap_or(0)
    }

    pub fn live() -> isize {
        LIVE.with(Cell::get)
    }

    struct Counting;

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;

    // SAFETY: every method forwards its arguments unchanged to `System`, which upholds the
    // `GlobalAlloc` contract; the bookkeeping touches only const thread-locals of plain
    // integers, which neither allocate nor access the managed memory.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            // SAFETY: the caller's contract is `System.alloc`'s.
            let p = unsafe { System.alloc(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }
        unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
            // SAFETY: as for `alloc`.
            let p = unsafe { System.alloc_zeroed(layout) };
            if !p.is_null() {
                add(layout.size() as isize);
            }
            p
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: `ptr` came from `System` (through this allocator) with `layout`.
            unsafe { System.dealloc(ptr, layout) };
            add(-(layout.size() as isize));
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            // SAFETY: `ptr`/`layout` came from `System`; the caller upholds the rest.
            let p = unsafe { System.realloc(ptr, layout, new_size) };
            if !p.is_null() {
                add(new_size as isize - layout.size() as isize);
            }
            p
        }
    }
}

// ---- running cases ----

/// Runs named cases, each under `catch_unwind`, and fails at the end listing every case
/// that panicked or did not behave.
struct Cases {
    suite: &'static str,
    run: usize,
    failures: Vec<String>,
    /// The largest heap peak of a case, and which case.
    peak: (usize, String),
}

impl Cases {
    fn new(suite: &'static str) -> Cases {
        Cases { suite, run: 0, failures: Vec::new(), peak: (0, String::new()) }
    }

    fn case(&mut self, name: impl Into<String>, f: impl FnOnce() -> Result<(), String>) {
        let name = name.into();
        self.run += 1;
        let start = heap::live();
        heap::reset_peak();
        let outcome = catch_unwind(AssertUnwindSafe(f));
        let peak = heap::peak_since(start);
        if peak > self.peak.0 {
            self.peak = (peak, name.clone());
        }
        if peak > HEAP_BOUND {
            self.failures.push(format!("{name}: the heap peaked at {peak} bytes, over the bound of {HEAP_BOUND}"));
        }
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => self.failures.push(format!("{name}: {why}")),
            Err(panic) => {
                let msg = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                self.failures.push(format!("{name}: PANICKED: {msg}"));
            }
        }
    }

    fn finish(self) {
        let shown: Vec<&String> = self.failures.iter().take(40).collect();
        assert!(
            self.failures.is_empty(),
            "{}: {} of {} cases failed:\n{}",
            self.suite,
            self.failures.len(),
            self.run,
            shown.iter().map(|s| format!("  {s}")).collect::<Vec<_>>().join("\n")
        );
        eprintln!(
            "{}: {} cases passed; largest heap peak {} KiB ({})",
            self.suite,
            self.run,
            self.peak.0 >> 10,
            self.peak.1
        );
    }
}

fn render(diags: &[Diagnostic]) -> String {
    diags.iter().map(Diagnostic::render_body).collect::<Vec<_>>().join("\n")
}

fn inputs<'a>(files: &[(&str, &'a [u8])]) -> Vec<InputFile<'a>> {
    files
        .iter()
        .map(|(name, bytes)| InputFile { name: name.to_string(), bytes, whole_archive: false, lazy: false, prepared: None })
        .collect()
}

/// Links: the module, or the rendered diagnostics when the link failed.
fn link(files: &[(&str, &[u8])], options: &Options) -> Result<Vec<u8>, String> {
    match weld::link(&inputs(files), options) {
        Ok(linked) => Ok(linked.wasm),
        Err(d) => {
            assert!(d.has_errors(), "link returned Err without an error diagnostic: {}", render(&d.list));
            Err(render(&d.list))
        }
    }
}

/// The link must fail with an error that names `file` and contains `want`.
fn expect_error(files: &[(&str, &[u8])], options: &Options, file: &str, want: &str) -> Result<(), String> {
    match link(files, options) {
        Ok(_) => Err(format!("linked without error (expected `{want}`)")),
        Err(text) if !text.contains(file) => Err(format!("the diagnostics do not name {file}:\n{text}")),
        Err(text) if !text.contains(want) => Err(format!("expected `{want}` in:\n{text}")),
        Err(_) => Ok(()),
    }
}

/// One object on its own, linked with default options: must fail mentioning `want`, and
/// the message must name the file.
fn object_error(bytes: &[u8], want: &str) -> Result<(), String> {
    expect_error(&[("bad.o", bytes)], &Options::default(), "bad.o", want)
}

/// A parse error: as `object_error`, and the message gives the section and the offset.
fn parse_error(bytes: &[u8], want: &str) -> Result<(), String> {
    object_error(bytes, want)?;
    let text = link(&[("bad.o", bytes)], &Options::default()).err().unwrap_or_default();
    let located = text.lines().any(|l| l.starts_with("bad.o: ") && l.contains(" (in section ") && l.contains(" at offset 0x"));
    if located {
        Ok(())
    } else {
        Err(format!("no section and offset in:\n{text}"))
    }
}

// ---- real objects from clang ----

const MAIN_C: &str = r#"
extern int add(int, int);
extern int counter;
extern const char *greet(void);
__attribute__((weak)) extern int maybe(void);
static int table[4] = {1, 2, 3, 4};
int zeros[64];
const char *names[] = {"alpha", "beta", "gamma"};
static int (*op)(int, int) = add;
__attribute__((constructor)) static void init(void) { zeros[2] = table[3]; }
int main(int argc, char **argv) {
    int n = op(argc, table[argc & 3]);
    if (maybe) n += maybe();
    return n + (int)greet()[0] + names[argc % 3][0] + zeros[argc];
}
"#;

const LIB_C: &str = r#"
int counter = 42;
int add(int a, int b) { return a + b + counter; }
const char *greet(void) { return "hello"; }
"#;

struct Real {
    main: Vec<u8>,
    main_g: Vec<u8>,
    lib: Vec<u8>,
}

/// A fresh directory per use (tests run in parallel).
fn scratch_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("weld-malformed-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn clang(dir: &Path, source: &str, file: &str, flags: &[&str]) -> Vec<u8> {
    let src = dir.join(format!("{file}.c"));
    let obj = dir.join(format!("{file}.o"));
    std::fs::write(&src, source).unwrap();
    let out = Command::new("clang-19")
        .args(["--target=wasm32-wasi", "-c"])
        .args(flags)
        .arg(&src)
        .arg("-o")
        .arg(&obj)
        .output()
        .unwrap_or_else(|e| panic!("cannot run clang-19 ({e}): this test needs it; install with: {INSTALL_HINT}"));
    assert!(out.status.success(), "clang-19 failed: {}", String::from_utf8_lossy(&out.stderr));
    std::fs::read(&obj).unwrap()
}

/// Objects compiled once per run.
fn real() -> &'static Real {
    static REAL: OnceLock<Real> = OnceLock::new();
    REAL.get_or_init(|| {
        let dir = scratch_dir("clang");
        let real = Real {
            main: clang(&dir, MAIN_C, "main", &["-O2"]),
            main_g: clang(&dir, MAIN_C, "main_g", &["-O0", "-g"]),
            lib: clang(&dir, LIB_C, "lib", &["-O2"]),
        };
        let _ = std::fs::remove_dir_all(&dir);
        real
    })
}

/// `MAIN_C` and `LIB_C` compiled position-independent (the library's symbols of default
/// visibility), for `-pie` and `-shared` links.
fn pic_objects(scratch: &str) -> (Vec<u8>, Vec<u8>) {
    let dir = scratch_dir(scratch);
    let main = clang(&dir, MAIN_C, "mainpic", &["-O2", "-fPIC"]);
    let lib = clang(&dir, LIB_C, "libpic", &["-O2", "-fPIC", "-fvisibility=default"]);
    let _ = std::fs::remove_dir_all(&dir);
    (main, lib)
}

fn real_options() -> Options {
    Options { no_entry: true, exports: vec!["__main_argc_argv".into()], ..Options::default() }
}

/// Offsets at which a section ends (and the next begins): prefixes cut there are whole
/// modules with fewer sections and may be valid.
fn section_boundaries(bytes: &[u8]) -> Vec<usize> {
    let mut out = vec![8];
    let mut pos = 8;
    while pos < bytes.len() {
        let mut p = pos + 1;
        let (mut len, mut shift) = (0usize, 0);
        loop {
            let b = bytes[p];
            len |= usize::from(b & 0x7f) << shift;
            shift += 7;
            p += 1;
            if b & 0x80 == 0 {
                break;
            }
        }
        pos = p + len;
        out.push(pos);
    }
    out
}

#[test]
fn real_objects_link() {
    let r = real();
    for main in [&r.main, &r.main_g] {
        let wasm = link(&[("main.o", main), ("lib.o", &r.lib)], &real_options()).unwrap();
        assert!(wasm.starts_with(b"\0asm"));
    }
}

#[test]
fn truncated_at_every_byte() {
    let r = real();
    let mut cases = Cases::new("truncated_at_every_byte");
    for (label, full) in [("main-O2", &r.main), ("main-O0-g", &r.main_g)] {
        let boundaries = section_boundaries(full);
        for n in 0..full.len() {
            cases.case(format!("{label} cut to {n} bytes"), || {
                let prefix = &full[..n];
                match link(&[("cut.o", prefix), ("lib.o", &r.lib)], &real_options()) {
                    Ok(_) if boundaries.contains(&n) => Ok(()),
                    Ok(_) => Err("linked a truncated object without error".into()),
                    Err(text) if text.contains("cut.o") => Ok(()),
                    Err(text) => Err(format!("the diagnostics do not name cut.o:\n{text}")),
                }
            });
        }
    }
    // A truncated member of an archive, loaded lazily when `main.o` needs it.
    let lib = r.lib.as_slice();
    let boundaries = section_boundaries(lib);
    for n in 0..lib.len() {
        cases.case(format!("archive member cut to {n} bytes"), || {
            let ar = archive(&[("lib.o", &lib[..n])]);
            match link(&[("main.o", &r.main), ("libx.a", &ar)], &real_options()) {
                Ok(_) if boundaries.contains(&n) => Ok(()),
                Ok(_) => Err("linked a truncated member without error".into()),
                Err(text) if text.contains("libx.a") => Ok(()),
                // Cut before its `linking` section, the member defines nothing.
                Err(text) if text.contains("main.o: undefined symbol: ") => Ok(()),
                Err(text) => Err(format!("the diagnostics do not name libx.a:\n{text}")),
            }
        });
    }
    cases.finish();
}

/// A shared library given as input (its exports become symbols): truncated at every byte
/// and with every byte flipped, it gives an error naming it or, where the change leaves a
/// valid module, links.
#[test]
fn shared_library_inputs() {
    let (main, lib) = pic_objects("shared");
    let mut shared = Options { shared: true, export_dynamic: true, ..Options::default() };
    assert!(weld::args::derived_config(&mut shared).is_empty());
    let so = link(&[("lib.o", &lib)], &shared).unwrap();
    let mut pie = Options { pie: true, unresolved: weld::options::UnresolvedPolicy::ImportDynamic, ..real_options() };
    assert!(weld::args::derived_config(&mut pie).is_empty());
    let linked = link(&[("main.o", &main), ("lib.so", &so)], &pie).unwrap();
    // The library's exports were used: its needed entry, and an import of its function.
    let has = |needle: &[u8]| linked.windows(needle.len()).any(|w| w == needle);
    assert!(has(b"\x06lib.so") && has(b"\x03env\x03add"), "main.o did not link against lib.so");
    let mut cases = Cases::new("shared_library_inputs");
    let judge = |bytes: &[u8]| match link(&[("main.o", &main), ("lib.so", bytes)], &pie) {
        Ok(_) => Ok(()),
        Err(text) if text.contains("lib.so") => Ok(()),
        // Damage that turns the library into something else, or its exports into nothing.
        Err(text) if text.contains("main.o: undefined symbol") || text.contains("unknown file type") => Ok(()),
        Err(text) => Err(format!("the diagnostics do not name lib.so:\n{text}")),
    };
    for n in 0..so.len() {
        cases.case(format!("cut to {n} bytes"), || judge(&so[..n]));
    }
    for i in 8..so.len() {
        cases.case(format!("byte {i} flipped"), || {
            let mut bytes = so.clone();
            bytes[i] ^= 0xff;
            judge(&bytes)
        });
    }
    cases.finish();
}

/// Stub libraries are text that cannot be malformed, only hostile: huge, full of blank
/// lines, commas or names, not UTF-8. Each links or fails naming what is missing, within the
/// heap bound.
#[test]
fn stub_library_inputs() {
    let r = real();
    let good = b"#STUB\nadd: __main_argc_argv\ncounter:\ngreet: __main_argc_argv\n".to_vec();
    let linked = link(&[("main.o", &r.main), ("host.stub", &good)], &real_options());
    assert!(linked.is_ok(), "the stub library did not import add, counter and greet: {linked:?}");
    let mut cases = Cases::new("stub_library_inputs");
    let judge = |bytes: &[u8]| match link(&[("main.o", &r.main), ("host.stub", bytes)], &real_options()) {
        Ok(_) => Ok(()),
        Err(text) if text.contains("undefined symbol") || text.contains("unknown file type") => Ok(()),
        Err(text) => Err(format!("unexpected diagnostics:\n{text}")),
    };
    for n in 0..good.len() {
        cases.case(format!("cut to {n} bytes"), || judge(&good[..n]));
    }
    let big = |body: &dyn Fn(usize) -> Vec<u8>| {
        let mut text = b"#STUB\n".to_vec();
        for i in 0..200_000 {
            text.extend(body(i));
        }
        text
    };
    let hostile: [(&str, Vec<u8>); 5] = [
        ("blank lines", big(&|_| b"\n".to_vec())),
        ("commas", [b"#STUB\nadd: ".to_vec(), vec![b','; 1 << 20]].concat()),
        ("distinct names", big(&|i| format!("host_{i}: main\n").into_bytes())),
        ("names of others", big(&|i| format!("add: dep_{i}\n").into_bytes())),
        ("not UTF-8", big(&|i| vec![0xff, (i % 251) as u8, b':', 0xfe, b',', b'\n'])),
    ];
    for (label, text) in &hostile {
        cases.case(label.to_string(), || judge(text));
    }
    // As wasm-ld, the link stops at the first error past --error-limit, saying so.
    let missing: String = (0..30).map(|i| format!("missing_{i}, ")).collect();
    let many = format!("#STUB\nadd: {missing}\n").into_bytes();
    for (limit, want) in [(20, 21), (3, 4), (0, 30)] {
        cases.case(format!("30 errors, --error-limit={limit}"), || {
            let o = Options { error_limit: limit, ..real_options() };
            let Err(d) = weld::link(&inputs(&[("main.o", &r.main), ("host.stub", &many)]), &o) else {
                return Err("linked".into());
            };
            let errors: Vec<String> = d.errors().map(|e| e.message.clone()).collect();
            let last_says = limit == 0 || errors.last().is_some_and(|m| m == weld::driver::TOO_MANY_ERRORS);
            if errors.len() != want || !last_says {
                return Err(format!("{} errors, the last {:?}", errors.len(), errors.last()));
            }
            Ok(())
        });
    }
    cases.finish();
}

/// A position-independent layout pushed past the address space (`--global-base` near 2^64,
/// which the command line refuses with `-pie` but `link` is given by its callers): the
/// synthetic functions that store addresses are built before the link reports it, and
/// must not overflow on the way (a fuzz finding: `tests/fuzz-regressions/link-pic-*`).
#[test]
fn pic_layout_past_the_address_space() {
    let (main, lib) = pic_objects("pic-overflow");
    let mut cases = Cases::new("pic_layout_past_the_address_space");
    for (is64, base) in [(false, u64::MAX - 16), (false, 1 << 40), (true, u64::MAX - 16)] {
        for extended_const in [false, true] {
            cases.case(format!("global base {base:#x}, wasm64 {is64}, extended-const {extended_const}"), || {
                let mut o = Options { pie: true, global_base: Some(base), stack_first: true, is64, ..real_options() };
                o.unresolved = weld::options::UnresolvedPolicy::ImportDynamic;
                if extended_const {
                    o.extra_features = vec!["extended-const".into()];
                }
                match link(&[("main.o", &main), ("lib.o", &lib)], &o) {
                    Ok(_) => Err("linked".to_string()),
                    Err(text) if text.contains("address space") || text.contains("wasm64") || text.contains("wasm32") => Ok(()),
                    Err(text) => Err(format!("unexpected diagnostics:\n{text}")),
                }
            });
        }
    }
    cases.finish();
}

#[test]
fn corrupted_bytes() {
    let r = real();
    let mut cases = Cases::new("corrupted_bytes");
    for (label, full) in [("main-O2", &r.main), ("main-O0-g", &r.main_g)] {
        // Every byte of the smaller object, every third byte of the debug one.
        let step = if full.len() > 4000 { 3 } else { 1 };
        for i in (0..full.len()).step_by(step) {
            for x in [0xff, 0x80, 0x01, 0x40] {
                cases.case(format!("{label} byte {i} ^ 0x{x:02x}"), || {
                    let mut bad = full.to_vec();
                    bad[i] ^= x;
                    // A corrupted object may still link (a linker does not check code); it
                    // must not panic, and the output must be a module.
                    match link(&[("bad.o", &bad), ("lib.o", &r.lib)], &real_options()) {
                        Ok(wasm) if !wasm.starts_with(b"\0asm\x01\0\0\0") => Err("output is not a wasm module".into()),
                        _ => Ok(()),
                    }
                });
            }
        }
    }
    // Relocatable outputs (`-r`, `--emit-relocs`) re-target every relocation and write a
    // symbol table: corrupted inputs there too, every fifth byte of the debug object.
    let relocatable = Options { relocatable: true, gc_sections: false, merge_data_segments: false, import_table: true, ..Options::default() };
    let emit_relocs = Options { emit_relocs: true, ..real_options() };
    for (label, options) in [("-r", &relocatable), ("--emit-relocs", &emit_relocs)] {
        let full = &r.main_g;
        for i in (0..full.len()).step_by(5) {
            cases.case(format!("{label}: main-O0-g byte {i} ^ 0xff"), || {
                let mut bad = full.to_vec();
                bad[i] ^= 0xff;
                match link(&[("bad.o", &bad), ("lib.o", &r.lib)], options) {
                    Ok(wasm) if !wasm.starts_with(b"\0asm\x01\0\0\0") => Err("output is not a wasm module".into()),
                    _ => Ok(()),
                }
            });
        }
    }
    // The same through the driver, with the bytes in a `MemoryFileSystem`.
    let full = &r.main;
    for i in (0..full.len()).step_by(7) {
        cases.case(format!("driver: byte {i} ^ 0xff"), || {
            let mut bad = full.clone();
            bad[i] ^= 0xff;
            let mut fs = MemoryFileSystem::new();
            fs.insert("bad.o", bad);
            fs.insert("lib.o", r.lib.clone());
            let args: Vec<String> = ["bad.o", "lib.o", "--no-entry", "--export=main", "-o", "out.wasm"].map(String::from).to_vec();
            let out = driver::run("wasm-ld", &args, &fs);
            if out.exit_code != 0 && out.stderr.is_empty() {
                return Err("failed without a message".into());
            }
            Ok(())
        });
    }
    cases.finish();
}

#[test]
fn every_libc_member_parses() {
    // The checks added for hostile input must not reject what clang and wasi-libc produce.
    let path = "/usr/lib/wasm32-wasi/libc.a";
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path} ({e}); install with: {INSTALL_HINT}"));
    let ar = weld::input::archive::parse_archive(path, &bytes).unwrap();
    let mut failures = Vec::new();
    for m in &ar.members {
        if let Err(e) = weld::input::object::parse_object(&m.name, m.data) {
            failures.push(e.render_body());
        }
    }
    assert!(failures.is_empty(), "{} members failed to parse:\n{}", failures.len(), failures.join("\n"));
}

// ---- hand-written objects ----

/// wasm-ld-19 links `bytes` alone (as `name`, default options): its module, or its messages.
fn wasm_ld_links(name: &str, bytes: &[u8]) -> Result<Result<Vec<u8>, String>, String> {
    let dir = scratch_dir(name);
    std::fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
    let out = Command::new("wasm-ld-19")
        .args([name, "-o", "out.wasm"])
        .current_dir(&dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot run wasm-ld-19 ({e}); install with: {INSTALL_HINT}"));
    let result = match out.status.success() {
        true => Ok(std::fs::read(dir.join("out.wasm")).map_err(|e| e.to_string())?),
        false => Err(String::from_utf8_lossy(&out.stderr).into_owned()),
    };
    let _ = std::fs::remove_dir_all(&dir);
    Ok(result)
}

/// weld and wasm-ld-19 both link `bytes` (as `name`, default options) to the same module.
fn same_as_wasm_ld(name: &str, bytes: &[u8]) -> Result<(), String> {
    let ours = link(&[(name, bytes)], &Options { output: "out.wasm".into(), ..Options::default() })?;
    match wasm_ld_links(name, bytes)? {
        Err(stderr) => Err(format!("wasm-ld-19 rejects {name}: {stderr}")),
        Ok(reference) if reference != ours => Err(format!("weld and wasm-ld-19 link {name} differently")),
        Ok(_) => Ok(()),
    }
}

#[test]
fn builder_base_object_links() {
    // The builder's object is valid: wasm-ld-19 links it, to the same bytes as weld.
    same_as_wasm_ld("base.o", &Obj::base().encode()).unwrap();
}

/// Replaces the payload of the first section with id `id` (and, for custom sections,
/// name `custom`).
fn with_section(obj: &Obj, id: u8, custom: &str, payload: Vec<u8>) -> Vec<u8> {
    let mut sections = obj.sections();
    let slot = sections
        .iter_mut()
        .find(|(i, p)| *i == id && (id != 0 || p.starts_with(&name(custom))))
        .expect("section to replace");
    slot.1 = if id == 0 { [name(custom), payload].concat() } else { payload };
    module(&sections)
}

#[test]
fn header_and_module_kind() {
    let mut cases = Cases::new("header_and_module_kind");
    let good = Obj::base().encode();
    cases.case("empty file", || {
        expect_error(&[("empty.o", b"")], &Options::default(), "empty.o", "unknown file type")
    });
    cases.case("bad magic", || {
        let mut b = good.clone();
        b[1] = b'x';
        expect_error(&[("bad.o", &b)], &Options::default(), "bad.o", "unknown file type")
    });
    cases.case("version 2", || {
        let mut b = good.clone();
        b[4] = 2;
        expect_error(&[("bad.o", &b)], &Options::default(), "bad.o", "unknown file type")
    });
    cases.case("component-model version", || {
        let b = b"\0asm\x0d\0\x01\0".to_vec();
        expect_error(&[("bad.o", &b)], &Options::default(), "bad.o", "unknown file type")
    });
    cases.case("magic only", || object_error(b"\0asm\x01\0\0\0\x01", "unexpected end of data"));
    cases.case("no linking section (not relocatable)", || {
        let obj = Obj { no_linking: true, code_relocs: vec![], data_relocs: vec![], ..Obj::base() };
        object_error(&obj.encode(), "missing the `linking` section")
    });
    cases.case("a linked module as input", || {
        let wasm = link(&[("base.o", &good)], &Options::default())?;
        object_error(&wasm, "not a relocatable wasm file")
    });
    cases.case("two linking sections", || {
        let obj = Obj::base();
        let mut sections = obj.sections();
        let linking = sections.iter().find(|(_, p)| p.starts_with(&name("linking"))).unwrap().clone();
        sections.push(linking);
        // wasm-ld's words: a `linking` section may not follow itself (or a `reloc.*`).
        parse_error(&module(&sections), "out of order section type: 0")
    });
    cases.case("linking version 1", || {
        let mut payload = Obj::base().linking_payload();
        payload[0] = 1;
        object_error(&with_section(&Obj::base(), 0, "linking", payload), "unexpected metadata version: 1")
    });
    cases.case("unknown section id", || {
        let mut sections = Obj::base().sections();
        sections.insert(1, (0x2a, vec![0]));
        object_error(&module(&sections), "unknown section id 42")
    });
    cases.case("custom sections out of LLVM's order", || {
        // `producers` before `linking`, and `linking` after a `reloc.*` section.
        let obj = Obj::base();
        let mut sections = obj.sections();
        let at = sections.iter().position(|(_, p)| p.starts_with(&name("linking"))).unwrap();
        sections.insert(at, (0, [name("producers"), vec![0]].concat()));
        parse_error(&module(&sections), "out of order section type: 0")?;
        let mut sections = obj.sections();
        let linking = sections.remove(at);
        sections.push(linking);
        parse_error(&module(&sections), "out of order section type: 0")
    });
    cases.case("sections out of order", || {
        let mut sections = Obj::base().sections();
        let (code, data) = (sections.iter().position(|s| s.0 == 10).unwrap(), sections.iter().position(|s| s.0 == 11).unwrap());
        sections.swap(code, data);
        object_error(&module(&sections), "out of order section")
    });
    cases.case("section size past the end", || {
        // The type section's size byte follows the header and the id.
        let mut b = good[..9].to_vec();
        b.extend(uleb5(good.len() as u32));
        b.extend(&good[10..]);
        object_error(&b, "section too large")
    });
    cases.case("section size 0xffffffff", || {
        let mut b = good[..9].to_vec();
        b.extend(HUGE);
        b.extend(&good[10..]);
        object_error(&b, "section too large")
    });
    cases.finish();
}

#[test]
fn absurd_counts() {
    let mut cases = Cases::new("absurd_counts");
    let base = Obj::base();
    // Each standard section with its count replaced by 0xffffffff.
    for (id, label) in [(1, "TYPE"), (2, "IMPORT"), (3, "FUNCTION"), (10, "CODE"), (11, "DATA")] {
        cases.case(format!("{label} count"), || {
            let sections = base.sections();
            let payload = &sections.iter().find(|(i, _)| *i == id).unwrap().1;
            let mut p = HUGE.to_vec();
            p.extend(&payload[1..]); // every count in the base object is one byte
            let b = with_section(&base, id, "", p);
            expect_error(&[("bad.o", &b)], &Options::default(), "bad.o", label)
                .and_then(|()| parse_error(&b, "is too large for the"))
        });
    }
    for (id, label, payload) in [
        (6u8, "GLOBAL", HUGE.to_vec()),
        (7, "EXPORT", HUGE.to_vec()),
        (4, "TABLE", HUGE.to_vec()),
        (5, "MEMORY", HUGE.to_vec()),
    ] {
        cases.case(format!("{label} count"), || {
            let mut sections = base.sections();
            // Placed right after IMPORT/FUNCTION so the order check passes.
            let at = sections.iter().position(|(i, _)| *i == 10).unwrap();
            sections.insert(at, (id, payload.clone()));
            let b = module(&sections);
            parse_error(&b, "is too large for the").and_then(|()| parse_error(&b, label))
        });
    }
    cases.case("type with 0xffffffff params", || {
        let mut p = vec![1, 0x60];
        p.extend(HUGE);
        parse_error(&with_section(&base, 1, "", p), "is too large")
    });
    // Local declarations past the end of their body (LLVM: "Function extends beyond buffer").
    for (label, body) in [("0xffffffff local declarations", [HUGE.as_slice(), &[0x0b]].concat()), ("a declaration cut short", vec![1, 5])] {
        cases.case(label, || {
            let mut obj = base.clone();
            obj.bodies[0] = body.clone();
            parse_error(&obj.encode(), "local declarations run past the end of its body")
        });
    }
    // Linking subsections and relocation sections.
    let linking = |kind: u8, body: Vec<u8>| {
        let mut p = uleb(2);
        p.push(kind);
        p.extend(uleb(body.len() as u64));
        p.extend(body);
        p
    };
    for (kind, label) in [(8u8, "symbol table"), (5, "segment info"), (6, "init functions"), (7, "comdats")] {
        cases.case(format!("{label} count"), || {
            let p = linking(kind, [HUGE.to_vec(), vec![0; 8]].concat());
            parse_error(&with_section(&base, 0, "linking", p), "is too large for the")
        });
    }
    cases.case("comdat with 0xffffffff entries", || {
        let mut body = vec![1];
        body.extend(name("group"));
        body.push(0);
        body.extend(HUGE);
        parse_error(&with_section(&base, 0, "linking", linking(7, body)), "is too large for the")
    });
    cases.case("linking subsection size 0xffffffff", || {
        let mut p = uleb(2);
        p.push(8);
        p.extend(HUGE);
        parse_error(&with_section(&base, 0, "linking", p), "bytes expected")
    });
    for (section, label) in [("reloc.CODE", "code"), ("reloc.DATA", "data")] {
        cases.case(format!("{label} relocation count"), || {
            let target: u32 = if label == "code" { 3 } else { 4 };
            let mut p = uleb(u64::from(target));
            p.extend(HUGE);
            p.extend([0; 6]);
            parse_error(&with_section(&base, 0, section, p), "is too large for the")
        });
    }
    cases.case("name length 0xffffffff", || {
        let mut p = vec![1];
        p.extend(HUGE);
        parse_error(&with_section(&base, 2, "", p), "bytes expected")
    });
    cases.case("producers count", || {
        let mut obj = base.clone();
        obj.customs.push(("producers".into(), HUGE.to_vec()));
        parse_error(&obj.encode(), "is too large for the")
    });
    cases.case("target_features count", || {
        let mut obj = base.clone();
        obj.customs.push(("target_features".into(), HUGE.to_vec()));
        parse_error(&obj.encode(), "is too large for the")
    });
    cases.case("LEB longer than 5 bytes", || {
        let mut p = vec![0x81, 0x80, 0x80, 0x80, 0x80, 0x00];
        p.extend(&base.sections()[0].1[1..]);
        parse_error(&with_section(&base, 1, "", p), "LEB128 value exceeds 32 bits")
    });
    cases.finish();
}

/// wasm-ld-19 also refuses `bytes`, in words that contain `want`.
fn wasm_ld_refuses(name: &str, bytes: &[u8], want: &str) -> Result<(), String> {
    match wasm_ld_links(name, bytes)? {
        Ok(_) => Err(format!("wasm-ld-19 links {name}")),
        Err(stderr) if !stderr.contains(want) => Err(format!("wasm-ld-19 says something else than `{want}`:\n{stderr}")),
        Err(_) => Ok(()),
    }
}

#[test]
fn section_contents() {
    // Well-formed sections whose contents break a rule: weld and wasm-ld-19 both refuse them,
    // with the same words, and weld names the section and the offset.
    let mut cases = Cases::new("section_contents");
    let base = Obj::base();
    let with_custom = |custom: &str, payload: Vec<u8>| {
        let mut obj = base.clone();
        obj.customs.push((custom.into(), payload));
        obj.encode()
    };
    let field = |field: &str, producers: &[(&str, &str)]| {
        let values: Vec<Vec<u8>> = producers.iter().map(|(p, v)| [name(p), name(v)].concat()).collect();
        [name(field), vec_of(&values)].concat()
    };
    let feature = |prefix: u8, feature: &str| [vec![prefix], name(feature)].concat();
    let refused = |label: &str, bytes: Vec<u8>, want: &str| {
        parse_error(&bytes, want)?;
        wasm_ld_refuses(&format!("{label}.o"), &bytes, want)
    };
    cases.case("producers field not a known one", || {
        let p = vec_of(&[field("compiler", &[("clang", "19")])]);
        refused("producers-field", with_custom("producers", p), "field is not named one of language, processed-by, or sdk")
    });
    cases.case("producers field twice", || {
        let p = vec_of(&[field("language", &[("C", "")]), field("language", &[("C++", "")])]);
        refused("producers-twice", with_custom("producers", p), "producers section does not have unique fields")
    });
    cases.case("producer repeated in a field", || {
        let p = vec_of(&[field("processed-by", &[("clang", "19"), ("clang", "18")])]);
        refused("producers-repeated", with_custom("producers", p), "producers section contains repeated producer")
    });
    cases.case("producers with trailing bytes", || {
        let mut p = vec_of(&[field("sdk", &[("wasi", "1")])]);
        p.push(0);
        refused("producers-trailing", with_custom("producers", p), "producers section ended prematurely")
    });
    cases.case("target feature with an unknown prefix", || {
        let p = vec_of(&[feature(b'*', "simd128")]);
        refused("features-prefix", with_custom("target_features", p), "unknown feature policy prefix")
    });
    cases.case("target feature repeated", || {
        let p = vec_of(&[feature(b'+', "simd128"), feature(b'-', "simd128")]);
        refused("features-repeated", with_custom("target_features", p), "contains repeated feature \"simd128\"")
    });
    cases.case("target features with trailing bytes", || {
        let mut p = vec_of(&[feature(b'+', "mutable-globals")]);
        p.push(0);
        refused("features-trailing", with_custom("target_features", p), "target features section ended prematurely")
    });
    cases.case("data section with trailing bytes", || {
        let sections = base.sections();
        let mut data = sections.iter().find(|(id, _)| *id == 11).unwrap().1.clone();
        data.push(0);
        refused("data-trailing", with_section(&base, 11, "", data), "data section ended prematurely")
    });
    cases.case("DataCount that is not the number of segments", || {
        let obj = Obj { data_count: Some(uleb(3)), ..base.clone() };
        refused("data-count", obj.encode(), "number of data segments does not match DataCount section")
    });
    cases.case("DataCount that is right links", || {
        // With bytes after the count, which LLVM does not read.
        let obj = Obj { data_count: Some([uleb(2), vec![7]].concat()), ..base.clone() };
        same_as_wasm_ld("data-count-right.o", &obj.encode())
    });
    cases.case("empty DataCount section", || {
        let obj = Obj { data_count: Some(vec![]), ..base.clone() };
        object_error(&obj.encode(), "unexpected end")?;
        wasm_ld_refuses("data-count-empty.o", &obj.encode(), "")
    });
    cases.case("code section with trailing bytes", || {
        let sections = base.sections();
        let mut code = sections.iter().find(|(id, _)| *id == 10).unwrap().1.clone();
        code.push(0);
        refused("code-trailing", with_section(&base, 10, "", code), "code section ended prematurely")
    });
    // START and ELEM sections, which clang never writes in an object: LLVM reads and checks
    // both (and the linker keeps neither). An element segment needs a table to name. (The
    // objects have no relocations: a new section would move the sections they name.)
    let base = Obj { code_relocs: vec![], data_relocs: vec![], ..base.clone() };
    let new_section = |obj: &Obj, id: u8, payload: Vec<u8>| {
        let mut sections = obj.sections();
        let at = sections.iter().position(|(i, _)| matches!(*i, 0 | 10 | 11 | 12)).unwrap_or(sections.len());
        sections.insert(at, (id, payload));
        module(&sections)
    };
    let mut with_table = base.clone();
    with_table.imports.push(table_import("__indirect_function_table"));
    cases.case("start function out of range", || refused("start", new_section(&base, 8, uleb(99)), "invalid start function"));
    cases.case("start function links", || same_as_wasm_ld("start.o", &new_section(&base, 8, uleb(1))));
    let elem = |label: &str, obj: &Obj, payload: &[u8], want: &str| refused(label, new_section(obj, 9, payload.to_vec()), want);
    cases.case("element segment flags", || elem("elem-flags", &with_table, &[1, 8], "Unsupported flags for element segment"));
    cases.case("element segment without a table", || elem("elem-table", &base, &[1, 0, 0x41, 0, 0x0b, 0], "invalid TableNumber"));
    cases.case("element segment table number", || elem("elem-number", &with_table, &[1, 2, 1, 0x41, 0, 0x0b, 0, 0], "invalid TableNumber"));
    cases.case("element kind", || elem("elem-kind", &with_table, &[1, 1, 5, 0], "invalid elem type"));
    cases.case("element expression", || elem("elem-expr", &with_table, &[1, 5, 0x70, 1, 0xc0, 0x0b], "invalid opcode in init_expr: 192"));
    cases.case("element segment of expressions links", || {
        same_as_wasm_ld("elem-exprs.o", &new_section(&with_table, 9, vec![1, 5, 0x70, 1, 0xd2, 1, 0x0b]))
    });
    cases.case("element section with trailing bytes", || {
        elem("elem-trailing", &with_table, &[1, 0, 0x41, 0, 0x0b, 1, 1, 0], "elem section ended prematurely")
    });
    cases.case("element segment links", || same_as_wasm_ld("elem.o", &new_section(&with_table, 9, vec![1, 0, 0x41, 1, 0x0b, 1, 1])));
    cases.finish();
}

#[test]
fn global_initializers() {
    // A global's initializer is copied to the output as it is. weld refuses one that is not
    // a constant of the global's type, or that names an index (objects have no relocation
    // for it); wasm-ld 19 links them all and writes a module that does not validate.
    let mut cases = Cases::new("global_initializers");
    let base = Obj::base();
    let mut import = name("env");
    import.extend(name("g"));
    import.extend([0x03, 0x7f, 0x00]); // immutable i32 global: global 0
    let with_global = |global: &[u8]| {
        let mut obj = Obj { globals: vec![global.to_vec()], ..base.clone() };
        obj.imports.push(import.clone());
        obj.encode()
    };
    let refused = |label: &str, global: &[u8], want: &str| {
        let bytes = with_global(global);
        parse_error(&bytes, want)?;
        match wasm_ld_links(&format!("{label}.o"), &bytes)? {
            Ok(_) => Ok(()),
            Err(stderr) => Err(format!("wasm-ld-19 now refuses {label}.o (the README says it links it): {stderr}")),
        }
    };
    let cannot_link = "in a global's initializer cannot be linked: objects have no relocation for its index";
    cases.case("global.get of an imported global", || refused("global-get", &[0x7f, 0x00, 0x23, 0x00, 0x0b], &format!("global.get {cannot_link}")));
    cases.case("ref.func", || refused("ref-func", &[0x70, 0x00, 0xd2, 0x00, 0x0b], &format!("ref.func {cannot_link}")));
    cases.case("constant of another type", || refused("other-type", &[0x7d, 0x00, 0x41, 0x00, 0x0b], "type mismatch in a global's initializer: expected f32, found i32"));
    cases.case("no value", || refused("no-value", &[0x7f, 0x00, 0x0b], "expected i32, found nothing"));
    cases.case("two values", || refused("two-values", &[0x7f, 0x00, 0x41, 0x00, 0x41, 0x00, 0x0b], "expected i32, found i32 i32"));
    cases.case("i32.add of an i64", || {
        refused("mixed-add", &[0x7f, 0x00, 0x42, 0x00, 0x41, 0x00, 0x6a, 0x0b], "i32 arithmetic needs two i32 operands")
    });
    cases.case("i64.mul of one value", || refused("short-mul", &[0x7e, 0x00, 0x42, 0x00, 0x7e, 0x0b], "i64 arithmetic needs two i64 operands"));
    cases.case("extended constant and null reference link", || {
        let mut obj = Obj { globals: vec![vec![0x7e, 0x01, 0x42, 0x01, 0x42, 0x02, 0x7c, 0x0b], vec![0x70, 0x00, 0xd0, 0x70, 0x0b]], ..base.clone() };
        obj.imports.push(import.clone());
        same_as_wasm_ld("constant-globals.o", &obj.encode())
    });
    cases.finish();
}

#[test]
fn duplicate_export_names() {
    // Two exports with one name make a module no engine loads: weld refuses it and names
    // both; wasm-ld 19 writes it.
    let mut cases = Cases::new("duplicate_export_names");
    let base = Obj::base().encode();
    cases.case("memory export named like a function", || {
        let options = Options { export_memory: Some("get".into()), exports: vec!["get".into()], ..Options::default() };
        expect_error(&[("base.o", &base)], &options, "base.o", "duplicate export name: get")
    });
    // Two objects whose function asks for the export name `x`, as `export_name("x")` does.
    let exporting = |tag: &str| {
        let mut o = Obj::base_renamed(tag, flag::EXPORTED);
        let mut export = name("x");
        export.extend([0x00, 0x01]);
        o.exports.push(export);
        o.encode()
    };
    let (a, b) = (exporting("a"), exporting("b"));
    cases.case("two functions with one export name", || {
        let files: [(&str, &[u8]); 3] = [("s.o", &base), ("a.o", &a), ("b.o", &b)];
        expect_error(&files, &Options::default(), "a.o", "duplicate export name: x")?;
        expect_error(&files, &Options::default(), "b.o", "duplicate export name: x")
    });
    cases.case("one of them links", || link(&[("s.o", &base), ("a.o", &a)], &Options::default()).map(|_| ()));
    cases.finish();
}

#[test]
fn out_of_range_indices() {
    let mut cases = Cases::new("out_of_range_indices");
    let base = Obj::base();
    let check = |obj: Obj, want: &str| parse_error(&obj.encode(), want);
    cases.case("function type index", || check(Obj { funcs: vec![0, 9], ..base.clone() }, "invalid function type index 9"));
    cases.case("import type index", || {
        let mut import = name("env");
        import.extend(name("ext"));
        import.extend([0x00, 0x09]);
        check(Obj { imports: vec![import], ..base.clone() }, "invalid function type index 9")
    });
    // A `name` section, checked as LLVM checks it: subsection id, entries (index, name).
    let names = |id: u8, entries: &[(u32, &str)]| {
        let mut sub = uleb(entries.len() as u64);
        for &(index, text) in entries {
            sub.extend(uleb(u64::from(index)));
            sub.extend(name(text));
        }
        // One global (i32, immutable, `i32.const 0`) to name.
        let mut obj = Obj { globals: vec![vec![0x7f, 0x00, 0x41, 0x00, 0x0b]], ..base.clone() };
        obj.customs.push(("name".into(), [vec![id], uleb(sub.len() as u64), sub].concat()));
        obj.encode()
    };
    cases.case("name section: function named twice", || parse_error(&names(1, &[(0, "a"), (0, "b")]), "function named more than once"));
    cases.case("name section: function index", || parse_error(&names(1, &[(99, "a")]), "invalid function name entry"));
    cases.case("name section: empty function name", || parse_error(&names(1, &[(0, "")]), "invalid function name entry"));
    cases.case("name section: global named twice", || parse_error(&names(7, &[(0, "g"), (0, "g")]), "global named more than once"));
    cases.case("name section: global index", || parse_error(&names(7, &[(99, "g")]), "invalid global name entry"));
    cases.case("name section: segment named twice", || parse_error(&names(9, &[(0, "d"), (0, "d")]), "segment named more than once"));
    cases.case("name section: segment index", || parse_error(&names(9, &[(99, "d")]), "invalid data segment name entry"));
    cases.case("name section: good names link", || {
        link(&[("ok.o", &names(1, &[(0, "a"), (1, "b")]))], &Options::default()).map(|_| ())
    });
    cases.case("export function index", || {
        let mut e = name("e");
        e.extend([0x00, 0x63]);
        check(Obj { exports: vec![e], ..base.clone() }, "invalid exported function index 99")
    });
    let with_symbol = |i: usize, s: Sym| {
        let mut obj = base.clone();
        obj.symbols[i] = s;
        obj
    };
    cases.case("function symbol index past the functions", || check(with_symbol(0, Sym::func(0, 3, "get")), "invalid function symbol index 3"));
    cases.case("function symbol index 0xffffffff", || check(with_symbol(0, Sym::func(0, u32::MAX, "get")), "invalid function symbol index 4294967295"));
    cases.case("defined function symbol naming an import", || check(with_symbol(0, Sym::func(0, 0, "get")), "invalid function symbol index 0"));
    cases.case("undefined function symbol naming a definition", || check(with_symbol(3, Sym::undefined_func(1)), "invalid function symbol index 1"));
    cases.case("undefined function symbol past the imports", || check(with_symbol(3, Sym::undefined_func(77)), "invalid function symbol index 77"));
    cases.case("global symbol without globals", || check(with_symbol(0, Sym::global(0, 0, "g")), "invalid global symbol index 0"));
    cases.case("table symbol without tables", || {
        check(with_symbol(0, Sym::Indexed { kind: 5, flags: 0, index: 0, name: Some("t".into()) }), "invalid table symbol index 0")
    });
    cases.case("tag symbol without tags", || {
        check(with_symbol(0, Sym::Indexed { kind: 4, flags: flag::UNDEFINED, index: 0, name: None }), "invalid tag symbol index 0")
    });
    cases.case("data symbol segment index", || check(with_symbol(2, Sym::data(0, "x", 7, 0, 4)), "invalid data symbol segment index 7"));
    cases.case("data symbol past its segment", || check(with_symbol(2, Sym::data(0, "x", 0, 9, 0)), "invalid data symbol offset: `x`"));
    cases.case("data symbol offset+size overflows", || {
        check(with_symbol(2, Sym::data(0, "x", 0, u64::MAX, 2)), "invalid data symbol offset: `x`")
    });
    cases.case("data symbol whose size runs past its segment", || {
        // Accepted, as by LLVM: only the offset must lie in the segment (the size is reported).
        let obj = with_symbol(2, Sym::data(0, "x", 0, 6, 4)).encode();
        link(&[("a.o", &obj)], &Options::default()).map(|_| ())
    });
    cases.case("section symbol naming a code section", || {
        check(with_symbol(4, Sym::Section { flags: flag::LOCAL, section: 3 }), "invalid section symbol index 3")
    });
    cases.case("section symbol past the sections", || {
        check(with_symbol(4, Sym::Section { flags: flag::LOCAL, section: 1000 }), "invalid section symbol index 1000")
    });
    cases.case("global section symbol", || {
        let mut obj = base.clone();
        obj.customs.push((".debug_info".into(), vec![0; 8]));
        let section = obj.custom_section_index(0);
        obj.symbols.push(Sym::Section { flags: 0, section });
        check(obj, "section symbols must have local binding")
    });
    cases.case("unknown symbol kind", || check(with_symbol(0, Sym::Raw(vec![9, 0, 0])), "invalid symbol type 9"));
    cases.case("undefined weak global", || {
        let mut obj = base.clone();
        let mut import = name("env");
        import.extend(name("g"));
        import.extend([0x03, 0x7f, 0x00]);
        obj.imports.push(import);
        obj.symbols.push(Sym::Indexed { kind: 2, flags: flag::UNDEFINED | flag::WEAK, index: 0, name: None });
        check(obj, "undefined weak global symbol")
    });
    cases.case("undefined weak table", || {
        let mut obj = base.clone();
        obj.imports.push(table_import("__indirect_function_table"));
        obj.symbols.push(Sym::Indexed { kind: 5, flags: flag::UNDEFINED | flag::WEAK, index: 0, name: None });
        let bytes = obj.encode();
        parse_error(&bytes, "undefined weak table symbol")?;
        wasm_ld_refuses("weak-table.o", &bytes, "undefined weak table symbol")
    });
    let with_reloc = |r: Reloc| {
        let mut obj = base.clone();
        obj.code_relocs.push(r);
        obj
    };
    cases.case("relocation symbol index", || {
        check(with_reloc(Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Func(1, 2), 5)), "invalid relocation symbol index 5")
    });
    cases.case("relocation symbol index 0xffffffff", || {
        check(with_reloc(Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Func(1, 2), u32::MAX)), "invalid relocation symbol index 4294967295")
    });
    cases.case("relocation type index", || {
        check(with_reloc(Reloc::new(reloc::TYPE_INDEX_LEB, At::Func(1, 2), 2)), "invalid relocation type index 2")
    });
    cases.case("unknown relocation type", || check(with_reloc(Reloc::new(99, At::Func(1, 2), 0)), "invalid relocation type 99"));
    // A 32-bit field's addend must fit in 32 bits (wasm-ld 19 aborts on these).
    let data_addend = |addend: i64| {
        let mut obj = base.clone();
        obj.data_relocs[0].addend = addend;
        obj
    };
    cases.case("32-bit addend too large", || {
        check(data_addend(1 << 32), "R_WASM_MEMORY_ADDR_I32: addend 4294967296 is outside the 32-bit range")
    });
    cases.case("32-bit addend too small", || {
        check(data_addend(-(1 << 31) - 1), "R_WASM_MEMORY_ADDR_I32: addend -2147483649 is outside the 32-bit range")
    });
    cases.case("32-bit addend at the limits", || {
        for addend in [i64::from(i32::MIN), i64::from(i32::MAX)] {
            let bytes = data_addend(addend).encode();
            weld::input::object::parse_object("x.o", &bytes).map_err(|d| format!("addend {addend}: {}", d.render_body()))?;
        }
        Ok(())
    });
    cases.case("relocation section index", || {
        let mut p = uleb(77);
        p.extend([0]);
        check_bytes(&with_section(&base, 0, "reloc.CODE", p), "invalid relocation section index 77")
    });
    cases.case("relocations for the type section", || {
        let mut p = uleb(0);
        p.extend([0]);
        check_bytes(&with_section(&base, 0, "reloc.CODE", p), "relocations against unsupported section TYPE")
    });
    cases.case("init function symbol index", || check(Obj { init_funcs: vec![(1, 50)], ..base.clone() }, "invalid init function symbol index 50"));
    cases.case("init function naming a data symbol", || check(Obj { init_funcs: vec![(1, 2)], ..base.clone() }, "invalid init function symbol index 2"));
    cases.case("comdat function index", || {
        check(Obj { comdats: vec![("g".into(), vec![(1, 40)])], ..base.clone() }, "invalid COMDAT entry index 40")
    });
    cases.case("comdat naming an imported function", || {
        check(Obj { comdats: vec![("g".into(), vec![(1, 0)])], ..base.clone() }, "invalid COMDAT entry index 0")
    });
    cases.case("comdat data index", || check(Obj { comdats: vec![("g".into(), vec![(0, 2)])], ..base.clone() }, "invalid COMDAT entry index 2"));
    cases.case("comdat section index", || check(Obj { comdats: vec![("g".into(), vec![(5, 1)])], ..base.clone() }, "invalid COMDAT entry index 1"));
    cases.case("comdat entry kind", || check(Obj { comdats: vec![("g".into(), vec![(9, 0)])], ..base.clone() }, "invalid COMDAT entry kind 9"));
    cases.case("segment info for too many segments", || {
        let mut obj = base.clone();
        obj.segment_info.push(("extra".into(), 0, 0));
        check(obj, "segment info for 3 segments, but the data section has 2")
    });
    cases.case("segment alignment 2^40", || {
        let mut obj = base.clone();
        obj.segment_info[0].1 = 40;
        check(obj, "segment alignment 2^40 is too large")
    });
    cases.case("data segments without segment info", || check(Obj { segment_info: vec![], ..base.clone() }, "data segments without segment info"));
    cases.case("code bodies for fewer functions", || {
        let mut obj = base.clone();
        obj.funcs.push(0);
        check(obj, "code section has 2 bodies for 3 functions")
    });
    cases.finish();
}

fn check_bytes(bytes: &[u8], want: &str) -> Result<(), String> {
    parse_error(bytes, want)
}

/// A data section of the given segment headers (flags and offset expression) and contents.
fn data_section(segments: &[(&[u8], &[u8])]) -> Vec<u8> {
    let mut p = uleb(segments.len() as u64);
    for (header, bytes) in segments {
        p.extend_from_slice(header);
        p.extend(uleb(bytes.len() as u64));
        p.extend_from_slice(bytes);
    }
    p
}

#[test]
fn data_segments() {
    let mut cases = Cases::new("data_segments");
    let base = Obj::base();
    let contents: Vec<Vec<u8>> = base.segments.clone();
    // Headers of the same length as the builder's (`0x00 i32.const 0 end`), so that the
    // relocation offsets stay right.
    let same_length = |header: [u8; 4]| {
        let segs: Vec<(&[u8], &[u8])> = contents.iter().map(|c| (&header[..], &c[..])).collect();
        with_section(&base, 11, "", data_section(&segs))
    };
    cases.case("segments that overlap, a symbol misaligned in its segment", || {
        // Both segments claim offset 0 (objects always do: the linker places them), and `x`
        // sits at offset 3 of an 8-aligned segment. The output must place the segments apart,
        // aligned, with `x` 3 bytes into its segment.
        let mut obj = base.clone();
        obj.segment_info[0].1 = 3;
        obj.symbols[2] = Sym::data(0, "x", 0, 3, 4);
        let bytes = obj.encode();
        let options = Options { report: true, merge_data_segments: false, ..Options::default() };
        let linked = weld::link(&inputs(&[("bad.o", &bytes)]), &options).map_err(|d| render(&d.list))?;
        let report = linked.report.ok_or("no report")?;
        let segs = &report.memory.segments;
        let data = segs.iter().find(|s| s.name == ".data.x").ok_or("no .data.x segment")?;
        let rodata = segs.iter().find(|s| s.name == ".rodata.str1.1").ok_or("no .rodata segment")?;
        if data.address % 8 != 0 {
            return Err(format!(".data.x at {:#x} is not 8-aligned", data.address));
        }
        let (a, b) = (data.address..data.address + data.size, rodata.address..rodata.address + rodata.size);
        if a.start < b.end && b.start < a.end {
            return Err(format!("segments overlap in the output: {a:x?} and {b:x?}"));
        }
        let x = report.symbols.iter().find(|s| s.name == "x").and_then(|s| s.address).ok_or("no address for x")?;
        if x != data.address + 3 {
            return Err(format!("x at {x:#x}, expected {:#x}", data.address + 3));
        }
        Ok(())
    });
    cases.case("alignment 2^28 inside one output segment", || {
        // Two input segments of one output segment, the second aligned to 256 MiB: the output
        // would be 256 MiB of zero padding. Refused, before anything is allocated.
        let mut obj = base.clone();
        obj.segment_info[1] = (".data.y".into(), 0, 0);
        obj.segment_info[0].0 = ".data.y".into();
        obj.segment_info[1].1 = 28;
        expect_error(&[("bad.o", &obj.encode())], &Options { gc_sections: false, ..Options::default() }, ".data", "bytes of alignment padding")
    });
    cases.case("segment flags 3", || parse_error(&same_length([0x03, 0x41, 0x00, 0x0b]), "invalid data segment flags 3"));
    cases.case("segment flags 0xffffffff", || {
        let header = [0xff, 0xff, 0xff, 0xff, 0x0f, 0x41, 0x00, 0x0b];
        let segs: Vec<(&[u8], &[u8])> = contents.iter().map(|c| (&header[..], &c[..])).collect();
        parse_error(&with_section(&base, 11, "", data_section(&segs)), "invalid data segment flags 4294967295")
    });
    cases.case("offset expression that never ends", || {
        let segs: Vec<(&[u8], &[u8])> = vec![(&[0x00, 0x41, 0x00, 0x41, 0x00], &[])];
        parse_error(&with_section(&base, 11, "", data_section(&segs)), "")
    });
    cases.case("offset expression with an unknown opcode", || {
        parse_error(&same_length([0x00, 0xfe, 0x00, 0x0b]), "")
    });
    cases.case("segment size past the section", || {
        let mut p = uleb(1);
        p.extend([0x00, 0x41, 0x00, 0x0b]);
        p.extend(uleb(1 << 20));
        p.extend([1, 2, 3]);
        parse_error(&with_section(&base, 11, "", p), "")
    });
    // Offsets other than `i32.const` and segments that are not active in memory 0: the
    // linker places segments itself and ignores all that, as wasm-ld does.
    let like_wasm_ld = |bytes: Vec<u8>| same_as_wasm_ld("odd.o", &bytes);
    cases.case("i64.const offset in a wasm32 object", || like_wasm_ld(same_length([0x00, 0x42, 0x00, 0x0b])));
    cases.case("global.get offset", || like_wasm_ld(same_length([0x00, 0x23, 0x00, 0x0b])));
    cases.case("global.get of a global that does not exist", || like_wasm_ld(same_length([0x00, 0x23, 0x7f, 0x0b])));
    let no_relocs = Obj { data_relocs: Vec::new(), ..base.clone() };
    cases.case("passive segments", || {
        let segs: Vec<(&[u8], &[u8])> = contents.iter().map(|c| (&[0x01][..], &c[..])).collect();
        like_wasm_ld(with_section(&no_relocs, 11, "", data_section(&segs)))
    });
    cases.case("segments for memory 5", || {
        let segs: Vec<(&[u8], &[u8])> = contents.iter().map(|c| (&[0x02, 0x05, 0x41, 0x00, 0x0b][..], &c[..])).collect();
        like_wasm_ld(with_section(&no_relocs, 11, "", data_section(&segs)))
    });
    cases.case("fewer segments than the symbols and relocations use", || {
        let segs: Vec<(&[u8], &[u8])> = vec![(&[0x00, 0x41, 0x00, 0x0b], &contents[0][..])];
        let obj = Obj { segment_info: vec![base.segment_info[0].clone()], ..base.clone() };
        let bytes = with_section(&obj, 11, "", data_section(&segs));
        // The `.L.str` symbol names segment 1, which is gone.
        parse_error(&bytes, "invalid data symbol segment index 1")
    });
    cases.finish();
}

#[test]
fn relocation_offsets() {
    let mut cases = Cases::new("relocation_offsets");
    let base = Obj::base();
    let code = |r: Reloc, want: &'static str| {
        let mut obj = base.clone();
        obj.code_relocs.push(r);
        parse_error(&obj.encode(), want)
    };
    let data = |r: Reloc, want: &'static str| {
        let mut obj = base.clone();
        obj.data_relocs.push(r);
        parse_error(&obj.encode(), want)
    };
    let outside_body = "is outside a function body";
    let outside_seg = "is outside a data segment";
    cases.case("code offset past the section", || code(Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Raw(1000), 0), outside_body));
    cases.case("code offset 0xffffffff", || code(Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Raw(u32::MAX), 0), outside_body));
    cases.case("code field runs past the section end", || code(Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Func(1, 12), 0), outside_body));
    cases.case("code field straddles two bodies", || code(Reloc::new(reloc::MEMORY_ADDR_I32, At::Func(0, 6), 2), outside_body));
    cases.case("code relocation in the body count", || code(Reloc::new(reloc::TABLE_INDEX_I32, At::Raw(0), 0), outside_body));
    cases.case("code relocation in a size prefix", || code(Reloc::new(reloc::TABLE_INDEX_I32, At::Raw(1), 0), outside_body));
    cases.case("data offset past the section", || data(Reloc::new(reloc::MEMORY_ADDR_I32, At::Raw(5000), 2), outside_seg));
    cases.case("data field runs past its segment", || data(Reloc::new(reloc::MEMORY_ADDR_I32, At::Seg(0, 6), 2), outside_seg));
    cases.case("data relocation in a segment header", || data(Reloc::new(reloc::MEMORY_ADDR_I32, At::Raw(1), 2), outside_seg));
    cases.case("custom section offset past its end", || {
        let mut obj = base.clone();
        obj.customs.push((".debug_info".into(), vec![0; 8]));
        let section = obj.custom_section_index(0);
        let mut p = uleb(u64::from(section));
        p.push(1);
        p.extend([reloc::FUNCTION_OFFSET_I32, 6, 1, 0]); // offset 6, symbol 1, addend 0
        obj.customs.push(("reloc..debug_info".into(), p));
        parse_error(&obj.encode(), "is outside its section")
    });
    for addend in [-1i64, -100, i64::MIN, 1 << 40, i64::MAX] {
        cases.case(format!("section offset into merged .debug_str, addend {addend}"), || {
            // Offsets into string sections that weld merges across files: a hostile addend
            // points before or far past the pieces.
            let with_debug = |strings: &[u8], symbols: Vec<Sym>| {
                let mut obj = base.clone();
                obj.symbols = symbols;
                obj.customs.push((".debug_info".into(), vec![0; 8]));
                obj.customs.push((".debug_str".into(), strings.to_vec()));
                let section = obj.custom_section_index(1);
                obj.symbols.push(Sym::Section { flags: flag::LOCAL, section });
                let mut p = uleb(u64::from(obj.custom_section_index(0)));
                p.push(1);
                p.extend([reloc::SECTION_OFFSET_I32, 0, obj.symbols.len() as u8 - 1]);
                p.extend(builder::sleb(addend));
                obj.customs.push(("reloc..debug_info".into(), p));
                obj.encode()
            };
            let first = with_debug(b"zzzzzzzz\0yyyy\0", base.symbols.clone());
            let mut locals = base.symbols.clone();
            locals[0] = Sym::func(flag::LOCAL, 1, "get2");
            locals[1] = Sym::func(flag::LOCAL, 2, "start2");
            locals[2] = Sym::data(flag::LOCAL, "x2", 0, 0, 8);
            let second = with_debug(b"abc\0bc\0", locals);
            // Whether it links or not, it must not panic.
            let _ = link(&[("a.o", &first), ("b.o", &second)], &Options::default());
            Ok(())
        });
    }
    cases.case("section symbol of a reloc.* section, in a relocatable link", || {
        // The offset resolves (to the addend, as in wasm-ld) but `-r` has no symbol to
        // point the kept relocation at: an error, where wasm-ld 19 crashes.
        let mut obj = base.clone();
        obj.customs.push((".debug_info".into(), vec![0; 8]));
        let mut p = uleb(u64::from(obj.custom_section_index(0)));
        p.push(1);
        p.extend([reloc::SECTION_OFFSET_I32, 0, obj.symbols.len() as u8, 4]);
        obj.customs.push(("reloc..debug_info".into(), p));
        obj.symbols.push(Sym::Section { flags: flag::LOCAL, section: obj.custom_section_index(1) });
        let bytes = obj.encode();
        link(&[("bad.o", &bytes)], &Options::default()).map_err(|e| format!("a final link fails: {e}"))?;
        let relocatable = Options { relocatable: true, ..Options::default() };
        expect_error(&[("bad.o", &bytes)], &relocatable, "bad.o", "which the output does not keep")
    });
    cases.case("relocations for a custom section that is not copied", || {
        let mut obj = base.clone();
        obj.customs.push(("producers".into(), vec![0]));
        let section = obj.custom_section_index(0);
        let mut p = uleb(u64::from(section));
        p.extend([1, reloc::FUNCTION_INDEX_LEB, 0, 0]);
        obj.customs.push(("reloc.producers".into(), p));
        parse_error(&obj.encode(), "relocations for a custom section the linker does not copy")
    });
    cases.finish();
}

#[test]
fn wrong_kinds() {
    let mut cases = Cases::new("wrong_kinds");
    let base = Obj::base();
    let code = |kind: u8, index: u32, want: &'static str| {
        let mut obj = base.clone();
        obj.code_relocs[0] = Reloc::new(kind, At::Func(0, 2), index);
        parse_error(&obj.encode(), want)
    };
    cases.case("call of a data symbol", || code(reloc::FUNCTION_INDEX_LEB, 2, "R_WASM_FUNCTION_INDEX_LEB refers to symbol `x` of kind data"));
    cases.case("address of a function", || code(reloc::MEMORY_ADDR_SLEB, 0, "R_WASM_MEMORY_ADDR_SLEB refers to symbol `get` of kind function"));
    cases.case("table slot of data", || code(reloc::TABLE_INDEX_SLEB, 2, "refers to symbol `x` of kind data"));
    cases.case("section offset of a function", || code(reloc::SECTION_OFFSET_I32, 0, "refers to symbol `get` of kind function"));

    // One name, two kinds, in two objects. `local()` is the base object with its own
    // symbols made local, so that only the added symbol is shared.
    let local = |tag: &str| Obj::base_renamed(tag, flag::LOCAL);
    let mut func_obj = local("f");
    func_obj.symbols.push(Sym::func(0, 1, "shared"));
    let mut data_obj = local("d");
    data_obj.symbols.push(Sym::data(0, "shared", 1, 0, 3));
    let (f, d) = (func_obj.encode(), data_obj.encode());
    let start = Obj::base().encode();
    cases.case("function in one object, data in another", || {
        expect_error(&[("s.o", &start), ("f.o", &f), ("d.o", &d)], &Options::default(), "d.o", "symbol type mismatch: shared")
    });
    cases.case("data in one object, function in another", || {
        expect_error(&[("s.o", &start), ("d.o", &d), ("f.o", &f)], &Options::default(), "f.o", "symbol type mismatch: shared")
    });
    cases.case("undefined data resolved to a function", || {
        let mut user = local("u");
        user.symbols.push(Sym::undefined_data("get"));
        let u = user.encode();
        expect_error(&[("s.o", &start), ("u.o", &u)], &Options::default(), "u.o", "symbol type mismatch: get")
    });
    cases.case("called function defined as data elsewhere", || {
        // `u.o` calls `ext` (an undefined function without an import name); `d.o` defines
        // data `ext`.
        let mut user = local("u");
        user.symbols[3] = Sym::undefined_func(0);
        let mut data = local("e");
        // (`d.o`'s own import of `ext` gets another symbol name: an object may not list one
        // name twice.)
        data.symbols[3] = Sym::Indexed { kind: 0, flags: flag::UNDEFINED | flag::EXPLICIT_NAME, index: 0, name: Some("ext_e".into()) };
        data.symbols.push(Sym::data(0, "ext", 1, 0, 3));
        let (u, d) = (user.encode(), data.encode());
        expect_error(&[("s.o", &start), ("u.o", &u), ("d.o", &d)], &Options::default(), "d.o", "symbol type mismatch: ext")
    });
    cases.case("global in one object, function in another", || {
        let mut g = local("g");
        g.globals.push(vec![0x7f, 0x00, 0x41, 0x00, 0x0b]);
        g.symbols.push(Sym::global(0, 0, "get"));
        let g = g.encode();
        expect_error(&[("s.o", &start), ("g.o", &g)], &Options::default(), "g.o", "symbol type mismatch: get")
    });
    cases.case("undefined function and undefined global of one name", || {
        // `s.o` calls the undefined `ext`; `g.o` imports a global `ext`. (wasm-ld 19
        // links this and reads the function's slot as the global.)
        let mut g = local("g");
        g.imports.push([name("env"), name("ext"), vec![0x03, 0x7f, 0x00]].concat());
        g.symbols[3] = Sym::Indexed { kind: 0, flags: flag::UNDEFINED | flag::EXPLICIT_NAME, index: 0, name: Some("ext_g".into()) };
        g.symbols.push(Sym::Indexed { kind: 2, flags: flag::UNDEFINED, index: 0, name: None });
        let g = g.encode();
        expect_error(&[("s.o", &start), ("g.o", &g)], &Options::default(), "g.o", "symbol type mismatch: ext")
    });
    cases.case("the same function called with two signatures", || {
        // Not an error (wasm-ld makes a signature variant); must not crash either.
        let mut user = local("v");
        user.types[1] = (vec![0x7f], vec![]);
        user.symbols.push(Sym::Indexed { kind: 0, flags: flag::UNDEFINED, index: 0, name: None });
        let u = user.encode();
        let mut ext = local("e");
        ext.symbols.push(Sym::func(0, 1, "ext"));
        let e = ext.encode();
        let _ = link(&[("s.o", &start), ("u.o", &u), ("e.o", &e)], &Options::default());
        Ok(())
    });
    cases.case("duplicate definitions", || {
        let a = Obj::base().encode();
        expect_error(&[("a.o", &a), ("b.o", &a)], &Options::default(), "b.o", "duplicate symbol: get")
    });
    cases.finish();
}

#[test]
fn reserved_symbols() {
    // Objects from before reference types have no table symbols: at most one imported
    // `__indirect_function_table`, which the linker names itself. Anything else without its
    // symbols, and the linker's own symbols given as something else, are refused, by weld
    // and wasm-ld-19 in the same words.
    let mut cases = Cases::new("reserved_symbols");
    // `imports` table imports after the base object's function import, `defined` tables in
    // a table section, and the extra symbols.
    let object = |imports: &[&str], defined: usize, symbols: Vec<Sym>| {
        let mut obj = Obj::base();
        obj.imports.extend(imports.iter().map(|f| table_import(f)));
        obj.tables = vec![vec![0x70, 0x00, 0x00]; defined];
        obj.symbols.extend(symbols);
        obj.encode()
    };
    let table = |flags: u32, index: u32, name: &str| Sym::Indexed { kind: 5, flags, index, name: Some(name.into()) };
    let refused = |label: &str, bytes: Vec<u8>, want: &str| {
        expect_error(&[("t.o", &bytes)], &Options::default(), "t.o", want)?;
        wasm_ld_refuses(&format!("{label}.o"), &bytes, want)
    };
    cases.case("one table import without a symbol links", || {
        let bytes = object(&["__indirect_function_table"], 0, vec![]);
        link(&[("t.o", &bytes)], &Options::default()).map(|_| ())
    });
    cases.case("two table imports without symbols", || {
        let bytes = object(&["__indirect_function_table", "other"], 0, vec![]);
        refused("two-imports", bytes, "multiple table imports, but no corresponding symbol-table entries.")
    });
    cases.case("a table definition without a symbol", || {
        let bytes = object(&[], 1, vec![]);
        refused("definition", bytes, "unexpected table definition(s) without corresponding symbol-table entries.")
    });
    cases.case("fewer table symbols than tables", || {
        let symbols = vec![table(flag::UNDEFINED | flag::EXPLICIT_NAME, 0, "a")];
        let bytes = object(&["a", "b"], 0, symbols);
        refused("fewer", bytes, "expected one symbol table entry for each of the 2 table(s) present, but got 1 symbol(s) instead.")
    });
    cases.case("__indirect_function_table as data", || {
        let bytes = object(&[], 0, vec![Sym::data(0, "__indirect_function_table", 1, 0, 3)]);
        refused("as-data", bytes, "reserved symbol must be of type table: `__indirect_function_table`")
    });
    cases.case("__indirect_function_table defined", || {
        let bytes = object(&[], 1, vec![table(0, 0, "__indirect_function_table")]);
        refused("defined", bytes, "reserved symbol must not be defined in input files: `__indirect_function_table`")
    });
    cases.case("__wasm_call_dtors as data", || {
        let bytes = object(&[], 0, vec![Sym::data(0, "__wasm_call_dtors", 1, 0, 3)]);
        refused("dtors-data", bytes, "__wasm_call_dtors must be a function")
    });
    cases.case("__wasm_call_dtors returning a value", || {
        let mut obj = Obj::base();
        obj.symbols[0] = Sym::func(0, 1, "__wasm_call_dtors");
        refused("dtors-result", obj.encode(), "__wasm_call_dtors must have no argument or return values")
    });
    cases.finish();
}

#[test]
fn bad_archives() {
    let mut cases = Cases::new("bad_archives");
    let obj = Obj::base().encode();
    let good = archive(&[("a.o", &obj)]);
    // The size field of the first member's header: after the magic and 48 bytes.
    let size_at = 8 + 48;
    for (label, size) in [
        ("non-decimal size", "12a4      "),
        ("negative size", "-1        "),
        ("blank size", "          "),
        ("size past the end", "9999999999"),
        ("size 2^64", "1844674407"),
    ] {
        cases.case(label, || {
            let mut b = good.clone();
            b[size_at..size_at + 10].copy_from_slice(size.as_bytes());
            expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "failed to parse archive")
        });
    }
    cases.case("bad header terminator", || {
        let mut b = good.clone();
        b[8 + 58] = b'x';
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "terminator characters")
    });
    cases.case("header cut short", || {
        let b = good[..30].to_vec();
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "too small for next archive member header")
    });
    cases.case("long name without a name table", || {
        let mut b = good.clone();
        b[8..10].copy_from_slice(b"/5");
        b[10] = b' ';
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "no // string table precedes it")
    });
    cases.case("long name offset past the table", || {
        let long = archive(&[("a_member_with_a_long_name.o", &obj)]);
        let at = long.windows(3).position(|w| w == b"/0 ").unwrap();
        let mut b = long.clone();
        b[at..at + 5].copy_from_slice(b"/9999");
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "is not a valid offset into the string table")
    });
    cases.case("BSD name length past the member", || {
        let mut b = good.clone();
        b[8..16].copy_from_slice(b"#1/99999");
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "extends past the end of the member")
    });
    cases.case("thin archive", || {
        let mut b = good.clone();
        b[..8].copy_from_slice(b"!<thin>\n");
        expect_error(&[("lib.a", &b)], &Options::default(), "lib.a", "a thin archive only names its members' files")
    });
    cases.case("member that is not an object, whole-archive", || {
        let ar = archive(&[("notes.txt", b"hello"), ("a.o", &obj)]);
        let files = [InputFile { name: "lib.a".into(), bytes: &ar, whole_archive: true, lazy: false, prepared: None }];
        match weld::link(&files, &Options::default()) {
            Ok(_) => Err("linked".into()),
            Err(d) if render(&d.list).contains("lib.a(notes.txt): unknown file type") => Ok(()),
            Err(d) => Err(render(&d.list)),
        }
    });
    cases.case("member that is not an object is a warning", || {
        let ar = archive(&[("notes.txt", b"hello"), ("a.o", &obj)]);
        match weld::link(&inputs(&[("base.o", &obj), ("lib.a", &ar)]), &Options::default()) {
            Ok(l) if render(&l.warnings).contains("neither Wasm object file nor LLVM bitcode") => Ok(()),
            Ok(l) => Err(format!("no warning: {}", render(&l.warnings))),
            Err(d) => Err(render(&d.list)),
        }
    });
    cases.case("corrupt member, pulled in", || {
        // `user.o` needs `ext`; the member defines it, but its last section is cut short.
        let mut user = Obj::base();
        user.symbols[3] = Sym::undefined_func(0);
        let mut member = Obj::base();
        member.symbols[0] = Sym::func(0, 1, "ext");
        member.symbols[1] = Sym::func(flag::LOCAL, 2, "start_m");
        member.symbols[2] = Sym::data(flag::LOCAL, "x_m", 0, 0, 8);
        member.symbols[3] = Sym::Indexed { kind: 0, flags: flag::UNDEFINED | flag::EXPLICIT_NAME, index: 0, name: Some("other".into()) };
        let mut bad = member.encode();
        bad.truncate(bad.len() - 3);
        let ar = archive(&[("member.o", &bad)]);
        let u = user.encode();
        expect_error(&[("user.o", &u), ("lib.a", &ar)], &Options::default(), "lib.a(member.o)", "section too large")
    });
    cases.finish();
}

#[test]
fn hostile_options() {
    let mut cases = Cases::new("hostile_options");
    let obj = Obj::base().encode();
    for (label, o) in [
        ("stack size 2^63", Options { stack_size: 1 << 63, ..Options::default() }),
        ("stack size u64::MAX rounded", Options { stack_size: u64::MAX - 15, ..Options::default() }),
        ("global base past 4 GiB", Options { global_base: Some(u64::MAX - 100), ..Options::default() }),
        ("stack first, huge stack", Options { stack_first: true, stack_size: u64::MAX - 15, ..Options::default() }),
        ("wasm32 stack of 8 GiB", Options { stack_size: 8 << 30, ..Options::default() }),
    ] {
        cases.case(label, || match link(&[("base.o", &obj)], &o) {
            Ok(_) => Err("linked".into()),
            Err(text) if text.contains("address space") => Ok(()),
            Err(text) => Err(text),
        });
    }
    for (label, o) in [
        ("table base u64::MAX", Options { table_base: Some(u64::MAX), ..Options::default() }),
        ("initial memory u64::MAX", Options { initial_memory: Some(u64::MAX), ..Options::default() }),
        ("max memory 1", Options { max_memory: Some(1), ..Options::default() }),
        ("initial heap u64::MAX", Options { initial_heap: Some(u64::MAX), ..Options::default() }),
    ] {
        // Errors or not, never a panic.
        cases.case(label, || {
            let _ = link(&[("base.o", &obj)], &o);
            Ok(())
        });
    }
    cases.case("table base 2^32-1 with two table entries", || {
        let mut o = Obj::base();
        // (First in the list: relocations are in offset order.)
        o.data_relocs.insert(0, Reloc::new(reloc::TABLE_INDEX_I32, At::Seg(0, 0), 0));
        o.data_relocs.insert(0, Reloc::new(reloc::TABLE_INDEX_I32, At::Seg(0, 0), 1));
        let b = o.encode();
        let opts = Options { table_base: Some(u64::from(u32::MAX)), ..Options::default() };
        match link(&[("base.o", &b)], &opts) {
            Ok(_) => Err("linked".into()),
            Err(text) if text.contains("too many indirect function table entries") => Ok(()),
            Err(text) => Err(text),
        }
    });
    for (align, want) in [(30, "a WebAssembly engine accepts"), (31, "address space")] {
        cases.case(format!("alignment padding of 2^{align} bytes"), || {
            // Two segments in one output segment, the second aligned to 2^align: that much
            // zero padding in the data section, or past the 4 GiB address space.
            let mut o = Obj::base();
            o.segment_info[1] = (".data.y".into(), align, 0);
            let b = o.encode();
            match link(&[("base.o", &b)], &Options::default()) {
                Ok(w) => Err(format!("linked a {} byte module", w.len())),
                Err(text) if text.contains(want) => Ok(()),
                Err(text) => Err(text),
            }
        });
    }
    cases.case("response files that double at every level", || {
        // r0 names r1 twice, r1 names r2 twice, …: 2^40 expansions if nothing stops it.
        let mut fs = MemoryFileSystem::new();
        for i in 0..40 {
            fs.insert(format!("r{i}"), format!("@r{} @r{}", i + 1, i + 1).into_bytes());
        }
        fs.insert("r40", b"x.o".to_vec());
        let out = driver::run("wasm-ld", &["@r0".to_string()], &fs);
        if out.exit_code == 0 || !out.stderr.contains("too many response file expansions") {
            return Err(format!("exit {}: {}", out.exit_code, out.stderr));
        }
        Ok(())
    });
    cases.case("a big response file named many times", || {
        // 60,000 mentions of a file of 100,000 one-letter arguments: 6e9 strings if expanded.
        let mut fs = MemoryFileSystem::new();
        fs.insert("many", "@big ".repeat(60_000).into_bytes());
        fs.insert("big", "x ".repeat(100_000).into_bytes());
        let out = driver::run("wasm-ld", &["@many".to_string()], &fs);
        if out.exit_code == 0 || !out.stderr.contains("too many arguments") {
            return Err(format!("exit {}: {}", out.exit_code, out.stderr));
        }
        Ok(())
    });
    cases.case("recursive response file", || {
        let mut fs = MemoryFileSystem::new();
        fs.insert("r", b"@r".to_vec());
        let out = driver::run("wasm-ld", &["@r".to_string()], &fs);
        if out.exit_code == 0 || !out.stderr.contains("recursive expansion") {
            return Err(format!("exit {}: {}", out.exit_code, out.stderr));
        }
        Ok(())
    });
    cases.finish();
}

// ---- crashes found by fuzzing ----

/// Replays every input in `tests/fuzz-regressions/`. The file name's prefix says which fuzz
/// target found it, and so how to feed it: `parse_object-*`, `parse_archive-*`, `link-*`
/// (options and inputs, `fuzz_targets/inputs.rs`), `args-*` (a command line and a file).
#[test]
fn fuzz_regressions() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.extension().map_or(true, |x| x != "md"))
        .collect();
    entries.sort();
    let mut cases = Cases::new("fuzz_regressions");
    for path in entries {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let data = std::fs::read(&path).unwrap();
        cases.case(file.clone(), || {
            let target = file.split('-').next().unwrap_or("");
            match target {
                "parse_object" => {
                    let r = weld::input::object::parse_object("fuzz.o", &data);
                    let _ = r.as_ref().map(|obj| obj.lazy_names());
                    // The crash was in parsing; linking the same bytes must not crash either.
                    let _ = link(&[("fuzz.o", &data)], &Options::default());
                    match r {
                        Err(e) if !e.render_body().contains("fuzz.o") => Err(format!("diagnostic without the file: {}", e.render_body())),
                        _ => Ok(()),
                    }
                }
                "parse_archive" => {
                    let _ = weld::input::archive::parse_archive("fuzz.a", &data);
                    let _ = link(&[("fuzz.a", &data)], &Options::default());
                    Ok(())
                }
                "link" => {
                    fuzz_inputs::link_and_check(&data);
                    Ok(())
                }
                "args" => {
                    fuzz_inputs::args_and_check(&data);
                    Ok(())
                }
                "demangle" => {
                    // As the target feeds it: each prefix; the output stays bounded (and fast:
                    // the findings took cpp_demangle up to 18 s, which would show as a slow test).
                    let text = String::from_utf8_lossy(&data);
                    for prefix in ["_Z", "_R", "_D", ""] {
                        let name = format!("{prefix}{text}");
                        let out = weld::demangle::maybe_demangle(&name, true);
                        if out.len() > 64 * 1024 + name.len() {
                            return Err(format!("{} bytes demangled from {}", out.len(), name.len()));
                        }
                    }
                    Ok(())
                }
                other => Err(format!("unknown fuzz target prefix `{other}`")),
            }
        });
    }
    cases.finish();
}
