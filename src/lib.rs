//! weld: a WebAssembly linker.
//!
//! `link()` turns relocatable wasm objects and `ar` archives into a module, in phases:
//! parse → resolve → mark live → layout → emit. The CLI (`bin/weld.rs`) and the JS bindings
//! are thin shells over `driver::run` and `link`.

pub mod args;
pub mod diag;
pub mod driver;
pub mod input;
pub mod options;

pub use diag::{Diagnostic, Diagnostics, Location, Severity};
pub use options::Options;

/// One input as given on the command line, already read into memory.
#[derive(Clone, Debug)]
pub struct InputFile<'a> {
    /// Display name used in diagnostics (the path as given).
    pub name: String,
    pub bytes: &'a [u8],
    /// `--whole-archive` was in effect for this input: every archive member is loaded.
    pub whole_archive: bool,
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
}

/// Link `inputs` into a module.
pub fn link(inputs: &[InputFile<'_>], options: &Options) -> Result<Linked, Diagnostics> {
    let _ = (inputs, options);
    Err(Diagnostic::error("linker core not built yet").into())
}
