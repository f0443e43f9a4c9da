//! The link report: what the output holds and how every symbol was resolved, built from
//! the final state only (sections, memory layout, symbols, archive members, timings).
//! Serialised to JSON for `--report=FILE` and the JS API; `-Map` renders from the same
//! state (`map.rs`), and `--why-extract` from the records symbol resolution keeps
//! (`why_extract.rs`).

pub mod build;
pub mod map;
pub mod why_extract;

use serde::Serialize;

/// Everything the playground shows. Field names are camelCase in JSON.
#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Output file size in bytes.
    pub output_size: u64,
    pub inputs: Vec<InputReport>,
    pub sections: Vec<SectionReport>,
    pub memory: MemoryReport,
    pub functions: Vec<FunctionReport>,
    pub globals: Vec<GlobalReport>,
    pub imports: Vec<ImportReport>,
    pub exports: Vec<ExportReport>,
    pub symbols: Vec<SymbolReport>,
    /// Per-phase wall-clock times in milliseconds, when the host provided a clock.
    pub timings: Vec<PhaseTime>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputReport {
    /// `a.o` or `libc.a(printf.o)`.
    pub name: String,
    /// `object` (command line), `member` (archive member) or `stub` (stub library).
    pub kind: &'static str,
    /// The archive path, for members.
    pub archive: Option<String>,
    pub size: u64,
    /// Loaded into the link (command-line objects always; members only when pulled in).
    pub loaded: bool,
    /// For pulled-in members: the symbol that pulled it in and the file that referenced it.
    pub pulled_by: Option<PullReason>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PullReason {
    pub symbol: String,
    /// The referencing input, or `<command line>` for `-u`/`--export`/entry.
    pub referenced_by: String,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SectionReport {
    /// Section id (0 = custom).
    pub id: u8,
    /// `TYPE`, `CODE`, … or the custom section's name.
    pub name: String,
    /// Offset of the section's first byte (its id) in the output.
    pub offset: u64,
    /// Size including the section header.
    pub size: u64,
    /// Number of entries (functions, imports, segments, …) where that makes sense.
    pub count: Option<u64>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MemoryReport {
    pub page_size: u64,
    pub initial_pages: u64,
    pub max_pages: Option<u64>,
    pub imported: bool,
    pub shared: bool,
    pub is64: bool,
    pub global_base: u64,
    pub stack_low: u64,
    pub stack_high: u64,
    pub stack_first: bool,
    pub data_end: u64,
    pub heap_base: u64,
    pub heap_end: u64,
    pub tls: Option<TlsReport>,
    pub segments: Vec<SegmentReport>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TlsReport {
    pub address: u64,
    pub size: u64,
    pub align: u64,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SegmentReport {
    pub index: u32,
    pub name: String,
    pub address: u64,
    pub size: u64,
    /// Alignment in bytes.
    pub alignment: u64,
    pub is_bss: bool,
    pub is_tls: bool,
    /// Written into the data section (zero-fill `.bss` is not).
    pub in_binary: bool,
    pub passive: bool,
    /// Offset of the segment's bytes in the output file, when in the binary.
    pub file_offset: Option<u64>,
    pub pieces: Vec<PieceReport>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PieceReport {
    /// Input file name.
    pub file: String,
    /// Input segment name (`.rodata.str1.1`, …), or `<merged strings>`.
    pub name: String,
    pub address: u64,
    pub size: u64,
    /// Alignment in bytes.
    pub alignment: u64,
    /// Byte range of the segment's data in its input file.
    pub input_offset: Option<u64>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FunctionReport {
    pub index: u32,
    pub name: String,
    /// Defining input file, or `<internal>` for linker-synthesised functions.
    pub file: String,
    /// Body size in bytes (with its size prefix).
    pub size: u64,
    /// Offset of the body in the output file.
    pub file_offset: u64,
    /// Offset of the body in its input file.
    pub input_offset: Option<u64>,
    pub signature: String,
    pub table_index: Option<u32>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GlobalReport {
    pub index: u32,
    pub name: String,
    pub file: String,
    /// `i32`, `i64`, …
    pub valtype: &'static str,
    pub mutable: bool,
    /// The initial value when it is a constant.
    pub value: Option<i64>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub module: String,
    pub name: String,
    /// `function`, `global`, `memory`, `table`, `tag`.
    pub kind: &'static str,
    pub index: u32,
    pub symbol: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub name: String,
    pub kind: &'static str,
    pub index: u32,
    pub symbol: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SymbolReport {
    /// Raw (mangled) name.
    pub name: String,
    /// Demangled name for display (same as `name` for C).
    pub demangled: String,
    /// `function`, `data`, `global`, `table`, `tag`, `section`.
    pub kind: &'static str,
    /// `global`, `weak` or `local`.
    pub binding: &'static str,
    /// `default` or `hidden`.
    pub visibility: &'static str,
    /// Defining file; `None` when undefined, `<internal>` when linker-defined.
    pub defined_in: Option<String>,
    /// Files that reference the symbol.
    pub referenced_by: Vec<String>,
    /// One of `live`, `removed` (by GC), `imported` (also what a shared library input
    /// defines), `undefined` (allowed to stay so),
    /// `stub` (weak undefined or mismatched: a trapping stand-in).
    pub status: &'static str,
    pub exported: bool,
    pub imported: bool,
    /// Function/global/table/tag index in the output.
    pub index: Option<u32>,
    /// Address of a data symbol.
    pub address: Option<u64>,
    pub size: Option<u64>,
    /// Slot in the indirect function table.
    pub table_index: Option<u32>,
    /// Why the symbol is live, one step: the index in `symbols` of the symbol whose code or
    /// data references this one. Following `live_by` from symbol to symbol ends at a root,
    /// whose `live_root` says why it is kept.
    pub live_by: Option<u32>,
    /// Set on a GC root: why it is kept (`entry point`, `exported`, `--no-gc-sections`, ...).
    pub live_root: Option<&'static str>,
    /// Definitions that lost to the one that was kept (weak, or COMDAT duplicates).
    pub other_definitions: Vec<OtherDefinition>,
    /// The archive member this symbol pulled into the link, if any.
    pub pulled_in: Option<String>,
    /// Offset in the defining input file of the function body or data bytes.
    pub input_offset: Option<u64>,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OtherDefinition {
    pub file: String,
    /// Why it lost: `weak`, `duplicate` (allowed with --allow-multiple-definition),
    /// `comdat`.
    pub reason: &'static str,
}

#[derive(Clone, Debug, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhaseTime {
    pub phase: &'static str,
    pub ms: f64,
}
