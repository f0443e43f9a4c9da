//! weld: a WebAssembly linker.
//!
//! `link()` turns relocatable wasm objects and `ar` archives into a module, in phases:
//! parse → resolve → mark live → layout → emit. The CLI (`bin/weld.rs`) and the JS bindings
//! are thin shells over `driver::run` and `link`.

// Inputs are hostile (the linker runs in browser tabs): no unsafe code, except the wasm
// build's counting allocator (`heap_usage`, which justifies itself).
#![deny(unsafe_code)]
// A `Diagnostic` (file, section, offset, notes) is the error type; errors end a parse, so
// the size of the `Err` variant costs nothing that matters.
#![allow(clippy::result_large_err)]

pub mod context;
pub mod args;
pub mod demangle;
pub mod diag;
pub mod driver;
pub mod dynamic;
pub mod emit;
pub mod features;
pub mod hash;
#[cfg(target_arch = "wasm32")]
pub mod heap_usage;
pub mod input;
#[cfg(target_arch = "wasm32")]
pub mod js;
pub mod layout;
pub mod live;
pub mod llvm_order;
pub mod load;
pub mod options;
pub mod relocate;
pub mod report;
pub mod reproduce;
pub mod resolve;
pub mod string_sections;
pub mod stub_library;
pub mod synthetic;
pub mod wrap;

pub use diag::{Diagnostic, Diagnostics, Location, Severity};
pub use options::Options;

use context::{Ctx, Def};
use layout::indices::{self, Indices};
use layout::memory;

/// One input as given on the command line, already read into memory.
#[derive(Clone, Debug)]
pub struct InputFile<'a> {
    /// Display name used in diagnostics (the path as given).
    pub name: String,
    pub bytes: &'a [u8],
    /// `--whole-archive` was in effect for this input: every archive member is loaded.
    pub whole_archive: bool,
    /// An object loaded only if it defines a symbol the link needs, as an archive member
    /// would be (wasm-ld's `--start-lib` ... `--end-lib`). Archives ignore it.
    pub lazy: bool,
    /// For archives: a member table prepared earlier from these same bytes
    /// (`input::prepared::prepare_archive`), so a session does not re-read it per link.
    pub prepared: Option<&'a input::prepared::PreparedArchive>,
}

/// The result of a successful link.
#[derive(Clone, Debug, Default)]
pub struct Linked {
    /// The output module.
    pub wasm: Vec<u8>,
    /// Warnings (errors make `link` return `Err`).
    pub warnings: Vec<Diagnostic>,
    /// Text of the link map, when `options.map_file` or `options.print_map` asked for one.
    pub map: Option<String>,
    /// Informational lines wasm-ld prints to stdout/stderr (`--print-gc-sections`, `--trace`,
    /// `--verbose`), in order.
    pub messages: Vec<String>,
    /// The link report, when `options.report` asked for one.
    pub report: Option<report::Report>,
    /// The text of the `--why-extract` file (when it is not `-`, which goes to `messages`).
    pub why_extract: Option<String>,
}

/// Stops the link at a phase boundary when errors were found.
macro_rules! checkpoint {
    ($ctx:expr) => {
        if $ctx.has_errors() {
            let mut failed = std::mem::take(&mut $ctx.diags);
            failed.messages = std::mem::take(&mut $ctx.messages);
            failed.why_extract = $ctx.why_extract_text.take();
            return Err(failed);
        }
    };
}

/// Link `inputs` into a module.
pub fn link(inputs: &[InputFile<'_>], options: &Options) -> Result<Linked, Diagnostics> {
    let names = typed_arena::Arena::new();
    let mut ctx = Ctx::new(options, &names);
    let ctx = &mut ctx;
    let mut timer = Timer::new(options.clock);

    // Parse and resolve.
    load::create_files(ctx, inputs);
    checkpoint!(ctx);
    synthetic::create_synthetic_symbols(ctx);
    load::add_files(ctx);
    checkpoint!(ctx);
    handle_command_line_symbols(ctx);
    checkpoint!(ctx);
    let wrapped = wrap::add_wrapped_symbols(ctx);
    stub_library::process(ctx);
    if options.why_extract.is_some() {
        report::why_extract::write(ctx);
    }
    synthetic::create_optional_symbols(ctx);
    synthetic::handle_symbol_variants(ctx);
    checkpoint!(ctx);
    wrap::wrap_symbols(ctx, &wrapped);
    force_explicit_exports(ctx);
    synthetic::handle_weak_undefines(ctx);
    if let Some(entry) = options.entry_symbol().and_then(|e| ctx.find(e)) {
        ctx.sym_mut(entry).flags &= !input::wasm::sym_flag::VISIBILITY_HIDDEN;
    }
    checkpoint!(ctx);
    synthetic::demote_lazy_symbols(ctx);
    load::drop_unextracted(ctx);
    string_sections::check_terminated(ctx);
    checkpoint!(ctx);
    timer.phase("parse and resolve");

    // Garbage collection.
    live::mark_live(ctx);
    indices::resolve_indirect_function_table(ctx, false);
    checkpoint!(ctx);
    timer.phase("mark live");

    // Layout.
    // As in wasm-ld, errors from here on (memory layout, missing exports, features,
    // undefined symbols) are all reported before the link stops.
    let relocatable = options.relocatable;
    let mut mem = memory::create_output_segments(ctx);
    string_sections::check_symbol_offsets(ctx);
    memory::layout_memory(ctx, &mut mem);
    if !relocatable {
        add_start_stop_symbols(ctx, &mem);
    }
    force_explicit_exports(ctx);
    check_required_exports(ctx);
    let allowed = features::populate_target_features(ctx);
    // Relocations may point into `.bss`, so `--emit-relocs` writes it out.
    mem.emit_bss = options.emit_relocs || (options.import_memory.is_some() && !allowed.iter().any(|f| f == "bulk-memory"));
    ctx.extended_const = allowed.iter().any(|f| f == "extended-const");
    // (With shared memory, every segment is passive and placed by `__wasm_init_memory`.)
    if options.is_pic() && !ctx.extended_const && !options.shared_memory {
        memory::combine_output_segments(ctx, &mut mem);
    }

    // Table slot 0 stays null in a static link; a position-independent module's slots start
    // at `__table_base`.
    let default_table_base = if options.is_pic() { 0 } else { 1 };
    let mut ix = Indices { table_base: options.table_base.unwrap_or(default_table_base) as u32, ..Indices::default() };
    indices::calculate_imports(ctx, &mut ix);
    indices::scan_relocations(ctx, &mut ix);
    indices::finalize_indirect_table(ctx, &mut ix);
    if !relocatable {
        synthetic::create_init_memory_function(ctx, &mem);
        dynamic::create_apply_global_tls_relocs_function(ctx, &ix);
        dynamic::create_apply_tls_relocs_function(ctx, &mem);
        dynamic::create_apply_global_relocs_function(ctx, &ix);
    }
    indices::assign_indexes(ctx, &mut ix);
    indices::calculate_init_functions(ctx, &mut ix);
    if !relocatable {
        synthetic::fill_synthetic_bodies(ctx, &ix, &mem);
        dynamic::fill_bodies(ctx, &ix, &mem);
    }
    checkpoint!(ctx);
    // (A position-independent module's loader calls the constructors.)
    if !relocatable && !options.is_pic() {
        synthetic::create_command_export_wrappers(ctx, &mut ix);
    }
    indices::calculate_types(ctx, &mut ix);
    if !relocatable {
        indices::calculate_exports(ctx, &mut ix);
    }
    features::check_mutable_global_imports_exports(ctx, &ix, &allowed);
    checkpoint!(ctx);
    timer.phase("layout");

    if let Some(needed) = mem.address_overflow {
        let bits = if options.is64 { 64 } else { 32 };
        ctx.error(Diagnostic::error(format!("the stack and data do not fit in a {bits}-bit address space ({needed} bytes needed)")));
    }
    checkpoint!(ctx);

    // Emit.
    let mut out = emit::write_module(ctx, &ix, &mem, &emit::Features { allowed });
    for e in std::mem::take(&mut out.errors) {
        ctx.error(e);
    }
    checkpoint!(ctx);
    timer.phase("write");
    let fin = report::build::Final { ctx, ix: &ix, mem: &mem, out: &out };
    let map = (options.map_file.is_some() || options.print_map).then(|| report::map::render(&fin));
    let report = options.report.then(|| report::build::build(&fin, timer.phases));
    let warnings = std::mem::take(&mut ctx.diags).list;
    let messages = std::mem::take(&mut ctx.messages);
    let why_extract = ctx.why_extract_text.take();
    Ok(Linked { wasm: out.bytes, warnings, map, messages, report, why_extract })
}

/// `-u`, `--export`, the entry point and `__wasm_call_dtors` pull their definitions in.
fn handle_command_line_symbols(ctx: &mut Ctx<'_>) {
    let o = ctx.options;
    for name in &o.undefined {
        handle_undefined(ctx, name, "<internal>");
    }
    // wasm-ld walks its set of export names in hash-table order, and that order decides
    // where the members they pull in are laid out.
    let exports = o.exports_if_defined.iter().chain(&o.exports).map(String::as_str);
    for name in llvm_order::string_set_order(exports) {
        handle_undefined(ctx, name, "--export");
    }
    if let Some(entry) = o.entry_symbol() {
        match handle_undefined(ctx, entry, "--entry") {
            Some(s) if ctx.sym(s).is_defined() => ctx.sym_mut(s).force_export = true,
            _ => ctx.error(Diagnostic::error(format!("entry symbol not defined (pass --no-entry to suppress): {entry}"))),
        }
    }
    let call_ctors_used = ctx.sym.call_ctors.is_some_and(|c| ctx.sym(c).used_in_regular_obj);
    let ctors_named = o.entry_symbol() == Some("__wasm_call_ctors") || ctx.explicitly_exported("__wasm_call_ctors");
    // (A shared library's destructors are its loader's business.)
    if !o.relocatable && !o.shared && !call_ctors_used && !ctors_named {
        if let Some(d) = handle_undefined(ctx, "__wasm_call_dtors", "<internal>") {
            // wasm-ld's words, then the file that gave the symbol (which wasm-ld does not say).
            let wrong = |msg: &str| Diagnostic::error(msg).with_note(ctx.symbol_origin(d)).with_symbol("__wasm_call_dtors");
            match ctx.sym(d).def {
                Def::Function(f) => {
                    let sig = &ctx.sigs[ctx.functions[f.idx()].sig.idx()];
                    if !sig.params.is_empty() || !sig.results.is_empty() {
                        ctx.error(wrong("__wasm_call_dtors must have no argument or return values"));
                    }
                    ctx.sym.call_dtors = Some(d);
                }
                _ => ctx.error(wrong("__wasm_call_dtors must be a function")),
            }
        }
    }
}

/// wasm-ld's `handleUndefined`: loads a lazy definition of `name`; `option` is what
/// `--why-extract` says asked for it.
fn handle_undefined(ctx: &mut Ctx<'_>, name: &str, option: &'static str) -> Option<context::SymbolId> {
    let s = ctx.find(name)?;
    ctx.sym_mut(s).used_in_regular_obj = true;
    if let Def::Lazy(file) = ctx.sym(s).def {
        let extract = ctx.extract(file, s, context::Requester::Option(option), true);
        load::load_extracted(ctx, extract);
    }
    // The load may have replaced the slot (signature variants); look it up again.
    ctx.find(name)
}

fn force_explicit_exports(ctx: &mut Ctx<'_>) {
    let o = ctx.options;
    for name in o.exports.iter().chain(&o.exports_if_defined) {
        if let Some(s) = ctx.find(name) {
            if ctx.sym(s).is_defined() {
                ctx.sym_mut(s).force_export = true;
            }
        }
    }
}

fn check_required_exports(ctx: &mut Ctx<'_>) {
    for name in &ctx.options.exports {
        let found = ctx.find(name).is_some_and(|s| ctx.sym(s).is_defined());
        if !found {
            let msg = format!("symbol exported via --export not found: {name}");
            match ctx.options.unresolved {
                options::UnresolvedPolicy::ReportAll => ctx.error(Diagnostic::error(msg)),
                options::UnresolvedPolicy::Warn => ctx.diags.push(Diagnostic::warning(msg)),
                _ => {}
            }
        }
    }
}

/// `__start_SEC` / `__stop_SEC` for output segments whose names are C identifiers.
fn add_start_stop_symbols<'a>(ctx: &mut Ctx<'a>, mem: &memory::MemoryLayout<'a>) {
    for seg in &mem.segments {
        let name = seg.name;
        let valid = !name.is_empty()
            && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            continue;
        }
        for (prefix, value) in [("__start_", seg.start_va), ("__stop_", seg.start_va.saturating_add(seg.size))] {
            let full = ctx.intern_name(format!("{prefix}{name}"));
            ctx.add_optional_data_symbol(full, value);
        }
    }
}

/// Per-phase wall-clock times, when the host gave us a clock.
struct Timer {
    clock: Option<fn() -> f64>,
    last: f64,
    phases: Vec<report::PhaseTime>,
}

impl Timer {
    fn new(clock: Option<fn() -> f64>) -> Self {
        Timer { clock, last: clock.map_or(0.0, |c| c()), phases: Vec::new() }
    }

    fn phase(&mut self, phase: &'static str) {
        if let Some(c) = self.clock {
            let now = c();
            self.phases.push(report::PhaseTime { phase, ms: now - self.last });
            self.last = now;
        }
    }
}
