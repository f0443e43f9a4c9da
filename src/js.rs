//! The JavaScript API (wasm-bindgen; compiled only for `wasm32`). A thin shell, like the
//! CLI: it turns JS values into `InputFile`s and `Options`, calls `link` or
//! `driver::run`, and turns the outcome back into JS values. The npm package (`npm/`)
//! wraps these exports; its `index.d.ts` documents the shapes.
//!
//! - `link(inputs, options)` → `{ wasm, report, warnings, messages, map?, whyExtract? }`
//! - `wasmLd(args, files, program?)` → `{ exitCode, stdout, stderr, outputs }`
//! - `Linker`: `addLibrary(name, bytes)` once, then `link(objects, options)` many times.
//!
//! Link errors throw an `Error` whose `diagnostics` property lists every diagnostic.
//! Nothing here keeps state between calls except a `Linker`'s libraries, so the module
//! stays usable after any error.

use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::input::prepared::{prepare_archive, PreparedArchive};
use crate::input::FileKind;
use crate::driver::{self, FileSystem};
use crate::options::{BuildId, Options, UnresolvedPolicy};
use crate::report::{PhaseTime, Report};
use crate::{args, InputFile, Linked};
use js_sys::{Array, ArrayBuffer, Function, Map, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use crate::hash::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: present in browsers, workers and Node ≥ 16.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// The clock `Options::clock` gets: milliseconds from `performance.now()`.
pub(crate) fn clock() -> f64 {
    performance_now()
}

#[wasm_bindgen(start)]
fn start() {
    // A panic is a bug; this makes it print its message (to the console) before the
    // `unreachable` trap that `panic = "abort"` turns it into.
    console_error_panic_hook::set_once();
}

/// The package version (the crate's).
#[wasm_bindgen]
pub fn version() -> String {
    driver::version_line()
}

/// A symbol name as wasm-ld shows it: Itanium C++, Rust and D names demangled as LLVM 19's
/// `llvm::demangle` does; anything else (or a name too large to print) as it is.
#[wasm_bindgen]
pub fn demangle(name: &str) -> String {
    crate::demangle::maybe_demangle(name, true)
}

// ---------------------------------------------------------------------------------------
// link()

/// Links `inputs` (an array of `{ name, bytes, wholeArchive?, lazy? }`; objects and archives
/// are told apart by their magic bytes) with `options` (camelCase wasm-ld options; see
/// `index.d.ts`). Returns `{ wasm, report, warnings, messages, map? }` (`report` is null
/// with `options.report: false`); throws an `Error` with `diagnostics` when the link fails.
#[wasm_bindgen(js_name = link)]
pub fn link_js(inputs: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let owned = read_inputs(&inputs, "inputs")?;
    let files: Vec<InputFile<'_>> = owned.iter().map(OwnedInput::as_input).collect();
    let (options, want_map) = read_options(&options)?;
    run_link(&files, &options, want_map)
}

/// One input copied out of JS memory.
struct OwnedInput {
    name: String,
    bytes: Vec<u8>,
    whole_archive: bool,
    lazy: bool,
}

impl OwnedInput {
    fn as_input(&self) -> InputFile<'_> {
        InputFile { name: self.name.clone(), bytes: &self.bytes, whole_archive: self.whole_archive, lazy: self.lazy, prepared: None }
    }
}

fn read_inputs(value: &JsValue, what: &str) -> Result<Vec<OwnedInput>, JsValue> {
    let Some(list) = value.dyn_ref::<Array>() else {
        return Err(type_error(&format!("{what} must be an array of {{ name, bytes }} objects")));
    };
    let mut out = Vec::with_capacity(list.length() as usize);
    for (i, item) in list.iter().enumerate() {
        if !item.is_object() {
            return Err(type_error(&format!("{what}[{i}] must be an object {{ name, bytes }}")));
        }
        let name = get(&item, "name")
            .as_string()
            .ok_or_else(|| type_error(&format!("{what}[{i}].name must be a string")))?;
        let bytes = bytes_of(&get(&item, "bytes"))
            .ok_or_else(|| type_error(&format!("{what}[{i}].bytes ({name}) must be a Uint8Array or ArrayBuffer")))?;
        let whole_archive = opt_bool(&item, "wholeArchive", &format!("{what}[{i}].wholeArchive"))?.unwrap_or(false);
        let lazy = opt_bool(&item, "lazy", &format!("{what}[{i}].lazy"))?.unwrap_or(false);
        out.push(OwnedInput { name, bytes, whole_archive, lazy });
    }
    Ok(out)
}

/// Links and converts the outcome; shared by `link` and `Linker.link`.
fn run_link(files: &[InputFile<'_>], options: &Options, want_map: bool) -> Result<JsValue, JsValue> {
    let mut warnings = Diagnostics::default();
    let checks = args::check_options(options, &[]);
    if checks.has_errors() {
        return Err(link_error(&checks));
    }
    warnings.extend(checks);
    let start = clock();
    let linked = crate::link(files, options).map_err(|d| {
        let mut all = warnings.clone();
        all.extend(d);
        link_error(&all)
    })?;
    let Linked { wasm, warnings: link_warnings, map, messages, report, why_extract } = linked;
    warnings.list.extend(link_warnings);
    let report = report.map(|mut r| {
        if r.timings.is_empty() {
            r.timings.push(PhaseTime { phase: "link", ms: clock() - start });
        }
        r
    });

    let result = Object::new();
    set(&result, "wasm", &Uint8Array::from(&wasm[..]));
    let report = match &report {
        Some(r) => report_to_js(r)?,
        None => JsValue::NULL,
    };
    set(&result, "report", &report);
    set(&result, "warnings", &diagnostics_to_js(&warnings.list));
    let msgs: Array = messages.iter().map(|m| JsValue::from_str(m)).collect();
    set(&result, "messages", &msgs);
    if want_map {
        set(&result, "map", &JsValue::from_str(map.as_deref().unwrap_or("")));
    }
    if let Some(text) = why_extract {
        set(&result, "whyExtract", &JsValue::from_str(&text));
    }
    Ok(result.into())
}

/// The report as plain JS objects. Through JSON text and `JSON.parse`: measured 1.3–1.6×
/// faster than building the objects field by field across the wasm boundary
/// (serde-wasm-bindgen), and the same shape as `--report=FILE`.
fn report_to_js(report: &Report) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(report).map_err(|e| JsValue::from(js_sys::Error::new(&format!("report: {e}"))))?;
    js_sys::JSON::parse(&json)
}

// ---------------------------------------------------------------------------------------
// Options

/// Reads the camelCase options object into `Options`. Returns whether a map was asked for.
/// Unknown names and values of the wrong type throw, naming the option.
fn read_options(value: &JsValue) -> Result<(Options, bool), JsValue> {
    let mut o = Options { report: true, clock: Some(clock), ..Options::default() };
    let mut want_map = false;
    if value.is_undefined() || value.is_null() {
        return Ok((o, want_map));
    }
    if !value.is_object() || value.is_function() || Array::is_array(value) {
        return Err(type_error("options must be an object"));
    }
    let obj: &Object = value.unchecked_ref();
    let (mut gc_given, mut merge_given, mut export_dynamic_given) = (false, false, false);
    for key in Object::keys(obj).iter() {
        let name = key.as_string().unwrap_or_default();
        let v = Reflect::get(obj, &key).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() {
            continue;
        }
        let n = name.as_str();
        let what = format!("options.{n}");
        let what = what.as_str();
        match n {
            "output" => o.output = string(&v, what)?,
            "entry" => {
                if v.as_bool() == Some(false) {
                    o.no_entry = true;
                } else {
                    o.entry = Some(string(&v, what)?);
                }
            }
            "noEntry" => o.no_entry = boolean(&v, what)?,
            "exports" => o.exports = strings(&v, what)?,
            "exportIfDefined" => o.exports_if_defined = strings(&v, what)?,
            "exportAll" => o.export_all = boolean(&v, what)?,
            "exportDynamic" => {
                o.export_dynamic = boolean(&v, what)?;
                export_dynamic_given = true;
            }
            "exportTable" => o.export_table = boolean(&v, what)?,
            "exportMemory" => {
                o.export_memory = match v.as_bool() {
                    Some(true) => Some("memory".to_string()),
                    Some(false) => None,
                    None => Some(string(&v, what).map_err(|_| type_error(&format!("{what} must be a boolean or a string")))?),
                }
            }
            "undefined" => o.undefined = strings(&v, what)?,
            "allowUndefined" => {
                // As on the command line: `--import-undefined --unresolved-symbols=ignore-all`.
                if boolean(&v, what)? {
                    o.allow_undefined = true;
                    o.import_undefined = true;
                    o.unresolved = UnresolvedPolicy::IgnoreAll;
                }
            }
            "allowUndefinedSymbols" => o.allow_undefined_symbols = strings(&v, what)?,
            "unresolvedSymbols" => {
                o.unresolved = match string(&v, what)?.as_str() {
                    "report-all" => UnresolvedPolicy::ReportAll,
                    "ignore-all" => UnresolvedPolicy::IgnoreAll,
                    "import-dynamic" => UnresolvedPolicy::ImportDynamic,
                    other => return Err(range_error(&format!("{what}: unknown value '{other}' (report-all, ignore-all, import-dynamic)"))),
                }
            }
            "warnUnresolvedSymbols" => {
                if boolean(&v, what)? && o.unresolved == UnresolvedPolicy::ReportAll {
                    o.unresolved = UnresolvedPolicy::Warn;
                }
            }
            "importUndefined" => o.import_undefined = boolean(&v, what)?,
            "allowMultipleDefinition" => o.allow_multiple_definition = boolean(&v, what)?,
            "wrap" => o.wrap = strings(&v, what)?,
            "gcSections" => {
                o.gc_sections = boolean(&v, what)?;
                gc_given = true;
            }
            "printGcSections" => o.print_gc_sections = boolean(&v, what)?,
            "stackSize" => o.stack_size = number(&v, what)?,
            "stackFirst" => o.stack_first = boolean(&v, what)?,
            // wasm-ld treats 0 as "not given" for these.
            "globalBase" => o.global_base = nonzero(number(&v, what)?),
            "tableBase" => o.table_base = nonzero(number(&v, what)?),
            "initialMemory" => o.initial_memory = nonzero(number(&v, what)?),
            "maxMemory" => o.max_memory = nonzero(number(&v, what)?),
            "initialHeap" => o.initial_heap = nonzero(number(&v, what)?),
            "noGrowableMemory" => o.no_growable_memory = boolean(&v, what)?,
            "importMemory" => {
                o.import_memory = match v.as_bool() {
                    Some(true) => Some(("env".to_string(), "memory".to_string())),
                    Some(false) => None,
                    None if v.is_object() => {
                        let module = opt_string(&v, "module", &format!("{what}.module"))?;
                        let field = opt_string(&v, "name", &format!("{what}.name"))?;
                        Some((module.unwrap_or_else(|| "env".into()), field.unwrap_or_else(|| "memory".into())))
                    }
                    None => return Err(type_error(&format!("{what} must be a boolean or {{ module, name }}"))),
                }
            }
            "sharedMemory" => o.shared_memory = boolean(&v, what)?,
            "mergeDataSegments" => {
                o.merge_data_segments = boolean(&v, what)?;
                merge_given = true;
            }
            "relocatable" => o.relocatable = boolean(&v, what)?,
            "pie" => o.pie = boolean(&v, what)?,
            "shared" => o.shared = boolean(&v, what)?,
            "bsymbolic" => o.bsymbolic = boolean(&v, what)?,
            "importTable" => o.import_table = boolean(&v, what)?,
            "growableTable" => o.growable_table = boolean(&v, what)?,
            "stripAll" => o.strip_all = boolean(&v, what)?,
            "stripDebug" => o.strip_debug = boolean(&v, what)?,
            "keepSections" => o.keep_sections = strings(&v, what)?,
            "buildId" => o.build_id = build_id(&v, what)?,
            "map" => want_map = boolean(&v, what)?,
            // The `--why-extract` table comes back as `whyExtract` (the core writes the text
            // for any name but `-`, which would send it to `messages`).
            "whyExtract" => o.why_extract = boolean(&v, what)?.then(|| "whyExtract".to_string()),
            // On by default; building the report costs time on big links.
            "report" => o.report = boolean(&v, what)?,
            "soname" => o.soname = Some(string(&v, what)?),
            "compressRelocations" => o.compress_relocations = boolean(&v, what)?,
            "features" => o.features = Some(strings(&v, what)?),
            "extraFeatures" => o.extra_features = strings(&v, what)?,
            "checkFeatures" => o.check_features = boolean(&v, what)?,
            "optimize" => o.optimize = u32::try_from(number(&v, what)?).map_err(|_| range_error(&format!("{what} is too large")))?,
            "wasm64" => o.is64 = boolean(&v, what)?,
            "demangle" => o.demangle = boolean(&v, what)?,
            "fatalWarnings" => o.fatal_warnings = boolean(&v, what)?,
            "errorLimit" => o.error_limit = number(&v, what)? as usize,
            "verbose" => o.verbose = boolean(&v, what)?,
            "trace" => o.trace = boolean(&v, what)?,
            "traceSymbols" => o.trace_symbols = strings(&v, what)?,
            _ => return Err(type_error(&format!("unknown option: {n}"))),
        }
    }
    // As on the command line, `-r` turns garbage collection and segment merging off
    // unless they are asked for.
    if o.relocatable {
        o.gc_sections &= gc_given;
        o.merge_data_segments &= merge_given;
    }
    // A shared library exports its default-visibility symbols unless told otherwise.
    if o.shared && !export_dynamic_given {
        o.export_dynamic = true;
    }
    let conflicts = args::derived_config(&mut o);
    if !conflicts.is_empty() {
        return Err(link_error(&Diagnostics { list: conflicts, ..Diagnostics::default() }));
    }
    // The map text comes back in the result; the core renders it when either is set.
    o.print_map = want_map;
    Ok((o, want_map))
}

fn nonzero(v: u64) -> Option<u64> {
    (v != 0).then_some(v)
}

fn boolean(v: &JsValue, what: &str) -> Result<bool, JsValue> {
    v.as_bool().ok_or_else(|| type_error(&format!("{what} must be a boolean")))
}

fn string(v: &JsValue, what: &str) -> Result<String, JsValue> {
    v.as_string().ok_or_else(|| type_error(&format!("{what} must be a string")))
}

/// A non-negative integer: a number (up to 2^53) or a bigint.
fn number(v: &JsValue, what: &str) -> Result<u64, JsValue> {
    if let Some(f) = v.as_f64() {
        if f >= 0.0 && f.fract() == 0.0 && f <= 9_007_199_254_740_991.0 {
            return Ok(f as u64);
        }
        return Err(range_error(&format!("{what} must be a non-negative integer, not {f}")));
    }
    if v.is_bigint() {
        if let Ok(n) = u64::try_from(v.clone()) {
            return Ok(n);
        }
        return Err(range_error(&format!("{what} is out of range")));
    }
    Err(type_error(&format!("{what} must be a number")))
}

/// An array of strings (a single string counts as a one-element list).
fn strings(v: &JsValue, what: &str) -> Result<Vec<String>, JsValue> {
    if let Some(s) = v.as_string() {
        return Ok(vec![s]);
    }
    let Some(list) = v.dyn_ref::<Array>() else {
        return Err(type_error(&format!("{what} must be an array of strings")));
    };
    list.iter()
        .map(|item| item.as_string().ok_or_else(|| type_error(&format!("{what} must be an array of strings"))))
        .collect()
}

fn build_id(v: &JsValue, what: &str) -> Result<BuildId, JsValue> {
    if let Some(b) = v.as_bool() {
        return Ok(if b { BuildId::Fast } else { BuildId::None });
    }
    let s = string(v, what).map_err(|_| type_error(&format!("{what} must be a boolean or a string")))?;
    Ok(match s.as_str() {
        "fast" => BuildId::Fast,
        "sha1" | "tree" => BuildId::Sha1,
        "uuid" => BuildId::Uuid,
        "none" => BuildId::None,
        hex if hex.starts_with("0x") => BuildId::Hex(
            hex_bytes(&hex[2..]).ok_or_else(|| range_error(&format!("{what}: not a hexadecimal value: {}", &hex[2..])))?,
        ),
        other => return Err(range_error(&format!("{what}: unknown --build-id style: {other}"))),
    })
}

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len()).step_by(2).map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect()
}

fn opt_bool(obj: &JsValue, key: &str, what: &str) -> Result<Option<bool>, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() {
        return Ok(None);
    }
    boolean(&v, what).map(Some)
}

fn opt_string(obj: &JsValue, key: &str, what: &str) -> Result<Option<String>, JsValue> {
    let v = get(obj, key);
    if v.is_undefined() {
        return Ok(None);
    }
    string(&v, what).map(Some)
}

// ---------------------------------------------------------------------------------------
// Values

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Only fails on frozen objects or proxies; ours are plain objects.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

/// Copies a `Uint8Array` (or `Buffer`), any other `ArrayBuffer` view, or an `ArrayBuffer`
/// into Rust memory.
fn bytes_of(v: &JsValue) -> Option<Vec<u8>> {
    if let Some(a) = v.dyn_ref::<Uint8Array>() {
        return Some(a.to_vec());
    }
    if let Some(b) = v.dyn_ref::<ArrayBuffer>() {
        // (A detached buffer has no bytes, and a view of it cannot even be made.)
        if b.byte_length() == 0 {
            return Some(Vec::new());
        }
        return Some(Uint8Array::new(b).to_vec());
    }
    if ArrayBuffer::is_view(v) {
        // The typed-array constructor below throws on a detached buffer or a range past its
        // end (a view's getters can be overridden), and a throw through the bindings would
        // leave a `Linker` borrowed for good: such a view is refused here instead.
        let buffer = get(v, "buffer");
        let capacity = get(&buffer, "byteLength").as_f64()?;
        let offset = get(v, "byteOffset").as_f64()?;
        let len = get(v, "byteLength").as_f64()?;
        let whole = |x: f64| x >= 0.0 && x.fract() == 0.0 && x <= f64::from(u32::MAX);
        if !(whole(offset) && whole(len) && whole(capacity) && offset + len <= capacity) {
            return None;
        }
        let shared = buffer.is_instance_of::<js_sys::SharedArrayBuffer>();
        if len == 0.0 || !(buffer.is_instance_of::<ArrayBuffer>() || shared) {
            return (len == 0.0).then(Vec::new);
        }
        return Some(Uint8Array::new_with_byte_offset_and_length(&buffer, offset as u32, len as u32).to_vec());
    }
    None
}

fn type_error(msg: &str) -> JsValue {
    js_sys::TypeError::new(msg).into()
}

fn range_error(msg: &str) -> JsValue {
    js_sys::RangeError::new(msg).into()
}

/// `{ severity, message, file, section, offset, symbol, notes, text }` for each.
fn diagnostics_to_js(list: &[Diagnostic]) -> Array {
    list.iter().map(|d| JsValue::from(diagnostic_to_js(d))).collect()
}

fn diagnostic_to_js(d: &Diagnostic) -> Object {
    let o = Object::new();
    set(&o, "severity", &JsValue::from_str(d.severity.as_str()));
    set(&o, "message", &JsValue::from_str(&d.message));
    let loc = d.location.as_ref();
    let opt = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
    set(&o, "file", &opt(loc.map(|l| l.file.as_str()).filter(|f| !f.is_empty())));
    set(&o, "section", &opt(loc.and_then(|l| l.section.as_deref())));
    set(&o, "offset", &loc.and_then(|l| l.offset).map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64)));
    set(&o, "symbol", &opt(d.symbol.as_deref()));
    let notes: Array = d.notes.iter().map(|n| JsValue::from_str(n)).collect();
    set(&o, "notes", &notes);
    set(&o, "text", &JsValue::from_str(&d.to_string()));
    o
}

/// The `Error` a failed link throws: its message is the diagnostics as wasm-ld prints them
/// (without the program name), its `diagnostics` property the structured list.
fn link_error(diags: &Diagnostics) -> JsValue {
    let errors = diags.list.iter().filter(|d| d.severity == Severity::Error).count();
    let text: Vec<String> = diags.list.iter().map(|d| d.to_string()).collect();
    let head = match errors {
        1 => "link failed".to_string(),
        n => format!("link failed with {n} errors"),
    };
    let err = js_sys::Error::new(&format!("{head}:\n{}", text.join("\n")));
    set(&err, "diagnostics", &diagnostics_to_js(&diags.list));
    err.into()
}

// ---------------------------------------------------------------------------------------
// wasmLd()

/// Runs a wasm-ld command line (`args` without the program name) on a virtual file
/// system: `files` is a `Map` or a plain object of path → bytes, or a function taking a
/// path and returning bytes or `undefined`. Returns `{ exitCode, stdout, stderr, outputs,
/// outputKinds }` with `outputs` a `Map` of path → `Uint8Array`. `program` names the linker in
/// diagnostics (default `weld`).
#[wasm_bindgen(js_name = wasmLd)]
pub fn wasm_ld(args: JsValue, files: JsValue, program: Option<String>) -> Result<JsValue, JsValue> {
    let args = strings(&args, "args")?;
    let fs = JsFileSystem::new(files)?;
    let out = driver::run(program.as_deref().unwrap_or("weld"), &args, &fs);
    if let Some(e) = fs.thrown.borrow_mut().take() {
        // The callback threw something that is not a file-system error: pass it on.
        return Err(e);
    }
    let result = Object::new();
    set(&result, "exitCode", &JsValue::from(out.exit_code));
    set(&result, "stdout", &JsValue::from_str(&out.stdout));
    set(&result, "stderr", &JsValue::from_str(&out.stderr));
    let outputs = Map::new();
    // What each file is, in the words of wasm-ld's "cannot open <kind> <path>" errors.
    let kinds = Map::new();
    for file in &out.outputs {
        outputs.set(&JsValue::from_str(&file.path), &Uint8Array::from(&file.bytes[..]));
        kinds.set(&JsValue::from_str(&file.path), &JsValue::from_str(file.kind));
    }
    set(&result, "outputs", &outputs);
    set(&result, "outputKinds", &kinds);
    Ok(result.into())
}

enum Source {
    Map(Map),
    Object(Object),
    Function(Function),
}

/// The OS's words for a file that is not there, as wasm-ld prints them.
const ENOENT: &str = "No such file or directory";

/// What the source said of a path.
enum Answer {
    /// Its bytes, until the driver reads them.
    Bytes(Vec<u8>),
    /// The file was there and its bytes were handed over: the cache keeps no copy (that
    /// would double the inputs' memory), so a second read asks the source again.
    HandedOver,
    /// Why it could not be read.
    Missing(String),
}

/// `driver::FileSystem` over a JS `Map`, object or function. Each path is asked for once
/// for each time the driver reads it (a library found by `-l` is asked for once: looking
/// for it keeps its bytes for the read that follows).
struct JsFileSystem {
    source: Source,
    cache: RefCell<HashMap<String, Answer>>,
    /// A non-file-system exception thrown by the callback, rethrown after the run.
    thrown: RefCell<Option<JsValue>>,
}

impl JsFileSystem {
    fn new(files: JsValue) -> Result<Self, JsValue> {
        let source = if let Some(f) = files.dyn_ref::<Function>() {
            Source::Function(f.clone())
        } else if let Some(m) = files.dyn_ref::<Map>() {
            Source::Map(m.clone())
        } else if files.is_object() {
            Source::Object(files.unchecked_into())
        } else if files.is_undefined() || files.is_null() {
            Source::Object(Object::new())
        } else {
            return Err(type_error("files must be a Map, an object of path → Uint8Array, or a function"));
        };
        Ok(JsFileSystem { source, cache: RefCell::new(HashMap::default()), thrown: RefCell::new(None) })
    }

    /// Asks the source about `path` unless it has answered already.
    fn ask(&self, path: &str) {
        if !self.cache.borrow().contains_key(path) {
            let answer = match self.fetch(path) {
                Ok(bytes) => Answer::Bytes(bytes),
                Err(why) => Answer::Missing(why),
            };
            self.cache.borrow_mut().insert(path.to_string(), answer);
        }
    }

    /// The bytes of `path`, handed over (not copied) when the source gave them already.
    fn take(&self, path: &str) -> Result<Vec<u8>, String> {
        self.ask(path);
        let mut cache = self.cache.borrow_mut();
        let Some(answer) = cache.get_mut(path) else { return Err(ENOENT.to_string()) };
        if let Answer::Missing(why) = answer {
            return Err(why.clone());
        }
        match std::mem::replace(answer, Answer::HandedOver) {
            Answer::Bytes(bytes) => Ok(bytes),
            // Handed over before: the driver reads the file again.
            _ => {
                drop(cache);
                self.fetch(path)
            }
        }
    }

    fn fetch(&self, path: &str) -> Result<Vec<u8>, String> {
        let key = JsValue::from_str(path);
        let value = match &self.source {
            Source::Map(m) => m.get(&key),
            Source::Object(o) => {
                if !Object::has_own(o, &key) {
                    return Err(ENOENT.to_string());
                }
                Reflect::get(o, &key).unwrap_or(JsValue::UNDEFINED)
            }
            Source::Function(f) => match f.call1(&JsValue::UNDEFINED, &key) {
                Ok(v) => v,
                Err(e) => return Err(self.os_error(e)),
            },
        };
        if value.is_undefined() || value.is_null() {
            return Err(ENOENT.to_string());
        }
        if let Some(s) = value.as_string() {
            return Ok(s.into_bytes());
        }
        bytes_of(&value).ok_or_else(|| "not a Uint8Array".to_string())
    }

    /// The message for an exception from the callback: Node's `err.code` as the OS words
    /// wasm-ld prints, else the error's message. Anything that is not an `Error` with a
    /// `code` is also kept to be rethrown.
    fn os_error(&self, e: JsValue) -> String {
        let code = get(&e, "code").as_string();
        let message = get(&e, "message").as_string();
        let text = match code.as_deref() {
            Some("ENOENT") => Some(ENOENT),
            Some("EISDIR") => Some("Is a directory"),
            Some("EACCES") => Some("Permission denied"),
            Some("ENOTDIR") => Some("Not a directory"),
            Some("ELOOP") => Some("Too many levels of symbolic links"),
            Some("ENAMETOOLONG") => Some("File name too long"),
            _ => None,
        };
        match (text, code) {
            (Some(t), _) => t.to_string(),
            (None, Some(_)) => message.unwrap_or_else(|| "I/O error".to_string()),
            (None, None) => {
                let mut thrown = self.thrown.borrow_mut();
                if thrown.is_none() {
                    *thrown = Some(e);
                }
                message.unwrap_or_else(|| "I/O error".to_string())
            }
        }
    }
}

impl FileSystem for JsFileSystem {
    fn read(&self, path: &str) -> Option<Vec<u8>> {
        self.take(path).ok()
    }

    fn exists(&self, path: &str) -> bool {
        self.ask(path);
        !matches!(self.cache.borrow().get(path), Some(Answer::Missing(_)) | None)
    }

    fn read_error(&self, path: &str) -> String {
        self.ask(path);
        match self.cache.borrow().get(path) {
            Some(Answer::Missing(why)) => why.clone(),
            _ => "file changed while reading".to_string(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Linker

/// A linking session: libraries added once stay in wasm memory with their member tables
/// and lazy symbol names read (`input::prepared`), so each `link` copies only the objects
/// in from JS and reads only the archive members it extracts.
#[wasm_bindgen]
pub struct Linker {
    libraries: Vec<Library>,
}

struct Library {
    input: OwnedInput,
    prepared: Option<PreparedArchive>,
}

#[wasm_bindgen]
impl Linker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Linker {
        Linker { libraries: Vec::new() }
    }

    /// Adds an archive (or object, or stub library) that every later `link` gets after its
    /// own objects, in the order added. `options.wholeArchive` loads every member. A
    /// malformed archive throws here, with `diagnostics`.
    #[wasm_bindgen(js_name = addLibrary)]
    pub fn add_library(&mut self, name: String, bytes: JsValue, options: JsValue) -> Result<(), JsValue> {
        let bytes = bytes_of(&bytes).ok_or_else(|| type_error(&format!("addLibrary({name}): bytes must be a Uint8Array or ArrayBuffer")))?;
        let whole_archive = if options.is_object() { opt_bool(&options, "wholeArchive", "options.wholeArchive")?.unwrap_or(false) } else { false };
        let prepared = match crate::input::detect(&bytes) {
            // (A thin archive fails here, by name: its members are files the page cannot read.)
            FileKind::Archive | FileKind::ThinArchive => {
                Some(prepare_archive(&name, &bytes).map_err(|d| link_error(&d.into()))?)
            }
            FileKind::Object | FileKind::Stub => None,
            FileKind::OtherWasm | FileKind::Bitcode | FileKind::Unknown => return Err(type_error(&format!("addLibrary({name}): not an archive, a wasm object or a stub library"))),
        };
        self.libraries.push(Library { input: OwnedInput { name, bytes, whole_archive, lazy: false }, prepared });
        Ok(())
    }

    /// The names of the libraries added so far.
    #[wasm_bindgen(getter)]
    pub fn libraries(&self) -> Array {
        self.libraries.iter().map(|l| JsValue::from_str(&l.input.name)).collect()
    }

    /// Links `objects` followed by the libraries; as the free `link` otherwise.
    pub fn link(&self, objects: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
        let owned = read_inputs(&objects, "objects")?;
        let libraries = self.libraries.iter().map(|l| InputFile { prepared: l.prepared.as_ref(), ..l.input.as_input() });
        let files: Vec<InputFile<'_>> = owned.iter().map(OwnedInput::as_input).chain(libraries).collect();
        let (options, want_map) = read_options(&options)?;
        run_link(&files, &options, want_map)
    }
}

impl Default for Linker {
    fn default() -> Self {
        Self::new()
    }
}

/// `{ heapBytes, heapBlocks, peakHeapBytes, memoryBytes }`: what the heap holds now (live
/// allocations), the most it has held, and the size of the module's linear memory (which
/// only grows).
#[wasm_bindgen(js_name = memoryUsage)]
pub fn memory_usage() -> Result<JsValue, JsValue> {
    let (bytes, blocks) = crate::heap_usage::live();
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into()?;
    let memory_bytes = memory.buffer().dyn_into::<ArrayBuffer>()?.byte_length();
    let out = Object::new();
    Reflect::set(&out, &"heapBytes".into(), &(bytes as f64).into())?;
    Reflect::set(&out, &"heapBlocks".into(), &(blocks as f64).into())?;
    Reflect::set(&out, &"peakHeapBytes".into(), &(crate::heap_usage::peak() as f64).into())?;
    Reflect::set(&out, &"memoryBytes".into(), &f64::from(memory_bytes).into())?;
    Ok(out.into())
}

/// Panics, so that the package's tests can check that a crash throws and the module
/// recovers. Not part of the API.
#[doc(hidden)]
#[wasm_bindgen(js_name = __crashForTesting)]
pub fn crash_for_testing() {
    panic!("crash requested by __crashForTesting");
}
