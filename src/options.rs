//! Link options: plain fields whose defaults are wasm-ld 19's.
//!
//! `args.rs` fills these from a wasm-ld command line; the JS API fills them from an object.
//! The linker core reads nothing else.

/// How an undefined symbol that nobody defines is treated (`--unresolved-symbols=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnresolvedPolicy {
    /// `report-all` (the default): an error.
    ReportAll,
    /// `ignore-all`: functions become imports (with `--import-undefined`) or trapping stubs,
    /// data becomes zero.
    IgnoreAll,
    /// `import-dynamic`: every undefined symbol that can be imported is imported.
    ImportDynamic,
    /// `--warn-unresolved-symbols`: a warning, then handled like `ignore-all`.
    Warn,
}

/// `--build-id` variants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BuildId {
    None,
    /// A fast 64-bit content hash (wasm-ld uses xxh3; we use our own, see `emit/build_id.rs`).
    Fast,
    Sha1,
    /// A random UUID; not reproducible by design.
    Uuid,
    /// A fixed byte string given as `0x<hex>`.
    Hex(Vec<u8>),
}

/// A symbol name pattern for `--export`/`-u` etc. is a plain name, never a glob (as wasm-ld).
#[derive(Clone, Debug)]
pub struct Options {
    /// Output path (`-o`). Only the CLI and `wasmLd` use it; the core returns bytes.
    pub output: String,
    /// `-m wasm64`: objects are memory64 and the memory is 64-bit.
    pub is64: bool,

    // --- entry and exports ---
    /// `--entry`; `None` means the default (`_start`), `Some("")`/`no_entry` means none.
    pub entry: Option<String>,
    pub no_entry: bool,
    pub exports: Vec<String>,
    pub exports_if_defined: Vec<String>,
    pub export_all: bool,
    pub export_dynamic: bool,
    pub export_table: bool,
    /// `--export-memory[=name]`: `None` means the default behaviour (exported as "memory"
    /// unless imported), `Some(name)` forces an export under that name.
    pub export_memory: Option<String>,

    // --- undefined symbols ---
    pub undefined: Vec<String>,
    pub allow_undefined: bool,
    /// Names listed by `--allow-undefined-file` (one per line, `#` comments).
    pub allow_undefined_symbols: Vec<String>,
    pub unresolved: UnresolvedPolicy,
    pub import_undefined: bool,
    pub allow_multiple_definition: bool,
    /// `--wrap=SYM`: references to SYM go to `__wrap_SYM`; `__real_SYM` is the original.
    pub wrap: Vec<String>,

    /// `-r`: write a relocatable object (linking and reloc.* sections) for a later link.
    pub relocatable: bool,
    /// `--emit-relocs`: a linked module that also keeps its `linking` and `reloc.*`
    /// sections (for post-link tools).
    pub emit_relocs: bool,

    // --- dynamic linking (tool-conventions' DynamicLinking.md) ---
    /// `-pie`: a position-independent executable, loaded at `__memory_base`/`__table_base`.
    pub pie: bool,
    /// `-shared`: a shared library (side module).
    pub shared: bool,
    /// `--experimental-pic`: silences the warnings that `-pie`/`-shared` are not stable.
    pub experimental_pic: bool,
    /// `-Bsymbolic`: a shared library binds its own definitions (no GOT for them).
    pub bsymbolic: bool,
    /// `--no-shlib-sigcheck` clears it: a shared library input's function then takes the
    /// signature the objects call it with instead of a mismatch error.
    pub shlib_sigcheck: bool,

    // --- garbage collection ---
    pub gc_sections: bool,
    pub print_gc_sections: bool,

    // --- memory ---
    pub stack_size: u64,
    pub stack_first: bool,
    /// `--global-base`; `None` means wasm-ld's default (1024, or 0 with `--stack-first`).
    pub global_base: Option<u64>,
    pub initial_memory: Option<u64>,
    pub max_memory: Option<u64>,
    pub no_growable_memory: bool,
    pub initial_heap: Option<u64>,
    /// `--import-memory[=module,name]`: `Some((module, name))` when importing.
    pub import_memory: Option<(String, String)>,
    pub shared_memory: bool,
    pub merge_data_segments: bool,

    // --- table ---
    pub import_table: bool,
    pub growable_table: bool,
    pub table_base: Option<u64>,

    // --- output ---
    pub strip_all: bool,
    pub strip_debug: bool,
    pub keep_sections: Vec<String>,
    pub build_id: BuildId,
    /// `-Map=`/`--Map=` file path.
    pub map_file: Option<String>,
    pub print_map: bool,
    /// `--soname=`: the module name written to the `name` section.
    pub soname: Option<String>,
    /// `--compress-relocations`: relocated LEBs in code are written minimally, not padded.
    pub compress_relocations: bool,
    /// `--features=`: replaces the inferred feature set.
    pub features: Option<Vec<String>>,
    pub extra_features: Vec<String>,
    pub check_features: bool,
    /// `-O` level; wasm-ld's default is 1 (merges strings).
    pub optimize: u32,

    // --- report ---
    /// Build a `report::Report` (sections, memory layout, symbol resolution) in `Linked`.
    pub report: bool,
    /// `--report=FILE`: where the CLI writes the report as JSON.
    pub report_file: Option<String>,
    /// A millisecond clock for per-phase timings; the core has none of its own because
    /// `wasm32-unknown-unknown` has no clock (the JS shell passes `performance.now`).
    pub clock: Option<fn() -> f64>,

    // --- diagnostics ---
    pub fatal_warnings: bool,
    /// `--error-limit`; 0 means unlimited.
    pub error_limit: usize,
    pub verbose: bool,
    pub demangle: bool,
    pub trace: bool,
    pub trace_symbols: Vec<String>,
    /// `--why-extract=FILE`: which reference pulled in each archive member and lazy object
    /// (`-` for stdout).
    pub why_extract: Option<String>,
}

/// wasm-ld's default stack size: 64 KiB.
pub const DEFAULT_STACK_SIZE: u64 = 64 * 1024;
pub const WASM_PAGE_SIZE: u64 = 64 * 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            output: "a.out".to_string(),
            is64: false,
            entry: None,
            no_entry: false,
            exports: Vec::new(),
            exports_if_defined: Vec::new(),
            export_all: false,
            export_dynamic: false,
            export_table: false,
            export_memory: None,
            undefined: Vec::new(),
            allow_undefined: false,
            allow_undefined_symbols: Vec::new(),
            unresolved: UnresolvedPolicy::ReportAll,
            import_undefined: false,
            allow_multiple_definition: false,
            wrap: Vec::new(),
            relocatable: false,
            emit_relocs: false,
            pie: false,
            shared: false,
            experimental_pic: false,
            bsymbolic: false,
            shlib_sigcheck: true,
            gc_sections: true,
            print_gc_sections: false,
            stack_size: DEFAULT_STACK_SIZE,
            stack_first: false,
            global_base: None,
            initial_memory: None,
            max_memory: None,
            no_growable_memory: false,
            initial_heap: None,
            import_memory: None,
            shared_memory: false,
            merge_data_segments: true,
            import_table: false,
            growable_table: false,
            table_base: None,
            strip_all: false,
            strip_debug: false,
            keep_sections: Vec::new(),
            build_id: BuildId::None,
            map_file: None,
            print_map: false,
            soname: None,
            compress_relocations: false,
            features: None,
            extra_features: Vec::new(),
            check_features: true,
            optimize: 1,
            report: false,
            report_file: None,
            clock: None,
            fatal_warnings: false,
            error_limit: 20,
            verbose: false,
            demangle: true,
            trace: false,
            trace_symbols: Vec::new(),
            why_extract: None,
        }
    }
}

impl Options {
    /// The entry symbol, or `None` when the module has no entry point.
    pub fn entry_symbol(&self) -> Option<&str> {
        if self.no_entry {
            return None;
        }
        match &self.entry {
            Some(e) if e.is_empty() => None,
            Some(e) => Some(e),
            // A relocatable output has no entry point by default; a shared library's is
            // its constructors.
            None if self.relocatable => None,
            None if self.shared => Some("__wasm_call_ctors"),
            None => Some("_start"),
        }
    }

    /// Position-independent output (`-pie` or `-shared`): data and table slots are placed
    /// at load time, relative to the imported `__memory_base` and `__table_base`.
    pub fn is_pic(&self) -> bool {
        self.pie || self.shared
    }
}
