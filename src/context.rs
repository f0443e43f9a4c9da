//! The linker-wide state: every input file, function, segment, global and symbol lives in a
//! flat array addressed by a `u32` newtype. Phases fill and read these arrays in order.

use crate::diag::{Diagnostic, Diagnostics};
use crate::input::object::{FuncType, GlobalType, Object, SymKind, TableType};
use crate::options::Options;
use std::borrow::Cow;
use crate::hash::HashMap;

macro_rules! id_type {
    ($($name:ident),*) => {$(
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn idx(self) -> usize { self.0 as usize }
        }
    )*};
}
id_type!(FileId, SymbolId, FuncId, SegId, GlobalId, TableId, TagId, SigId, OutSegId);

/// An input object (from the command line or an archive member).
pub struct ObjFile<'a> {
    /// `a.o` or `libc.a(printf.o)`.
    pub name: String,
    pub bytes: &'a [u8],
    /// Still an unextracted archive member or `--start-lib` object.
    pub lazy: bool,
    /// Objects named on the command line (or `--whole-archive` members) are live from the
    /// start; archive members become live when one of their symbols does.
    pub live: bool,
    pub obj: Option<Object<'a>>,
    /// Global symbol of each of the object's symbol-table entries.
    pub symbols: Vec<SymbolId>,
    pub func_base: u32,
    pub seg_base: u32,
    pub global_base: u32,
    pub table_base: u32,
    pub tag_base: u32,
    pub kept_comdats: Vec<bool>,
    /// Output type index of each input type, once used.
    pub type_map: Vec<Option<u32>>,
    /// Custom sections discarded by their COMDAT.
    pub custom_discarded: Vec<bool>,
    /// For archive members: the archive path, and which symbol pulled the member in, for
    /// whom.
    pub archive: Option<String>,
    pub pulled_by: Option<(&'a str, Requester)>,
    /// Set when this file was extracted in a way `--why-extract` records; the record is
    /// added once the file (and whatever it pulled in) is loaded, as wasm-ld orders them.
    pub why_extracted: Option<(Requester, SymbolId)>,
    /// Lazy names already read by a prepared archive.
    pub lazy_names: Option<PreparedNames<'a>>,
    /// A lazy file's object, parsed when it was added, until it is extracted (or the
    /// symbols are resolved).
    pub unextracted: Option<Object<'a>>,
}

/// What a prepared archive (`input::prepared`) read of a member once: its lazy names (or the
/// error parsing it) and whether it is wasm64, which each link checks against its own
/// `-mwasm64` when it adds the member, in command-line order like any other.
pub struct PreparedNames<'a> {
    pub names: Result<Vec<&'a str>, Diagnostic>,
    pub is64: bool,
}

impl<'a> ObjFile<'a> {
    /// The name LLVM gives the file's buffer: an archive member's own name (`errno.o`, not
    /// `libc.a(errno.o)`), which some wasm-ld messages use.
    pub fn buffer_name(&self) -> &str {
        self.archive
            .as_deref()
            .and_then(|a| self.name.strip_prefix(a))
            .and_then(|rest| rest.strip_prefix('('))
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or(&self.name)
    }

    /// The parsed object. Only called on files that were loaded (not lazy).
    pub fn object(&self) -> &Object<'a> {
        match &self.obj {
            Some(o) => o,
            None => unreachable_object(&self.name),
        }
    }
}

#[cold]
fn unreachable_object(name: &str) -> ! {
    // Loading always parses before any phase that asks for the object; reaching this is
    // a linker bug, never a property of the input.
    panic!("internal error: {name} used before it was loaded")
}

/// What a symbol currently refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Def {
    Undefined,
    /// Defined by an archive member that is not loaded yet.
    Lazy(FileId),
    Function(FuncId),
    /// `segment == None`: an absolute address (linker-defined symbols).
    Data { segment: Option<SegId>, offset: u64, size: u64 },
    Global(GlobalId),
    Table(TableId),
    Tag(TagId),
    /// A custom section of a file (its index in `Object::customs`, or `LINKER_SECTION` for
    /// one the linker reads itself, such as `linking` or `reloc.*`).
    Section(FileId, u32),
    /// Exported by a shared library given as input (`Symbol::file`): the loader binds it,
    /// so it is imported (functions) or reached through a GOT import (data).
    Shared,
}

#[derive(Clone, Debug)]
pub struct Symbol<'a> {
    pub name: &'a str,
    pub kind: SymKind,
    pub def: Def,
    pub flags: u32,
    /// Defining file, or for undefined symbols the first file that referenced it.
    pub file: Option<FileId>,
    pub sig: Option<SigId>,
    pub global_type: Option<GlobalType>,
    pub table_type: Option<TableType>,
    pub import_module: Option<&'a str>,
    pub import_name: Option<&'a str>,
    pub called_directly: bool,
    /// A trapping stand-in that must never get a table slot (its address is null).
    pub is_stub: bool,
    /// For undefined functions resolved to a shared trapping stub.
    pub stub: Option<FuncId>,
    pub used_in_regular_obj: bool,
    pub force_export: bool,
    /// Named by a stub library: imported from the host, so allowed to stay undefined.
    pub force_import: bool,
    /// Liveness of symbols that have no chunk (undefined, absolute data, tables…).
    pub referenced: bool,
    pub is_local: bool,
    /// Output index of an imported function/global/table/tag.
    pub import_index: Option<u32>,
    /// Table slot of an undefined (imported) function whose address is taken.
    pub table_index: Option<u32>,
    /// Files that referenced this symbol (for the report and undefined-symbol errors).
    pub referenced_by: Vec<FileId>,
}

impl<'a> Symbol<'a> {
    pub fn new(name: &'a str, kind: SymKind) -> Self {
        Symbol {
            name,
            kind,
            def: Def::Undefined,
            flags: 0,
            file: None,
            sig: None,
            global_type: None,
            table_type: None,
            import_module: None,
            import_name: None,
            called_directly: false,
            is_stub: false,
            stub: None,
            used_in_regular_obj: false,
            force_export: false,
            force_import: false,
            referenced: false,
            is_local: false,
            import_index: None,
            table_index: None,
            referenced_by: Vec::new(),
        }
    }

    pub fn is_defined(&self) -> bool {
        !matches!(self.def, Def::Undefined | Def::Lazy(_))
    }
    pub fn is_undefined(&self) -> bool {
        matches!(self.def, Def::Undefined)
    }
    pub fn is_lazy(&self) -> bool {
        matches!(self.def, Def::Lazy(_))
    }
    /// Local to its file, or local by binding (the stubs the linker makes): wasm-ld's
    /// `isLocal`.
    pub fn is_local_binding(&self) -> bool {
        self.is_local || self.flags & crate::input::wasm::sym_flag::BINDING_MASK == crate::input::wasm::sym_flag::BINDING_LOCAL
    }
    pub fn is_weak(&self) -> bool {
        self.flags & crate::input::wasm::sym_flag::BINDING_MASK == crate::input::wasm::sym_flag::BINDING_WEAK
    }
    pub fn is_hidden(&self) -> bool {
        self.flags & crate::input::wasm::sym_flag::VISIBILITY_HIDDEN != 0
    }
    pub fn is_tls(&self) -> bool {
        self.flags & crate::input::wasm::sym_flag::TLS != 0
    }
    pub fn is_no_strip(&self) -> bool {
        self.flags & crate::input::wasm::sym_flag::NO_STRIP != 0
    }
    /// Weak and not defined (a weakly referenced lazy symbol counts too).
    pub fn is_undef_weak(&self) -> bool {
        !self.is_defined() && self.is_weak()
    }
    pub fn is_shared(&self) -> bool {
        matches!(self.def, Def::Shared)
    }
    /// Undefined with an explicit import name, or named by a stub library: always allowed
    /// to stay undefined.
    pub fn is_imported(&self) -> bool {
        self.is_undefined() && (self.import_name.is_some() || self.force_import)
    }
}

/// An input (or synthetic) function.
#[derive(Clone, Debug)]
pub struct InputFunction<'a> {
    pub file: Option<FileId>,
    /// Index among the file's defined functions.
    pub local_index: u32,
    pub sig: SigId,
    /// Body with its size prefix.
    pub body: Cow<'a, [u8]>,
    pub live: bool,
    pub discarded: bool,
    /// Output function index, once assigned.
    pub out_index: Option<u32>,
    pub table_index: Option<u32>,
    /// Symbol name (for the `name` section), and a debug name for synthetic stubs.
    pub name: &'a str,
    pub debug_name: Option<String>,
    pub export_name: Option<&'a str>,
    /// Offset of the body within the output code section payload.
    pub out_offset: u64,
    /// Size of the body in the output: `body.len()`, less with `--compress-relocations`.
    pub out_size: u64,
}

#[derive(Clone, Debug)]
pub struct InputSegment {
    pub file: FileId,
    pub local_index: u32,
    pub live: bool,
    pub discarded: bool,
    pub is_tls: bool,
    pub out_seg: Option<OutSegId>,
    /// Offset of this segment within its output segment.
    pub out_offset: u64,
    /// For string-merged segments: `(input offset, output offset within the merged chunk)`
    /// of each piece, sorted by input offset.
    pub pieces: Option<Vec<(u32, u64)>>,
}

#[derive(Clone, Debug)]
pub struct InputGlobal<'a> {
    pub file: Option<FileId>,
    pub ty: GlobalType,
    pub init: GlobalInit<'a>,
    pub live: bool,
    pub out_index: Option<u32>,
    pub name: &'a str,
}

#[derive(Clone, Debug)]
pub enum GlobalInit<'a> {
    /// Copied from the input (includes `end`).
    Expr(&'a [u8]),
    /// A linker-defined pointer-sized constant, set during layout.
    Const(u64),
}

#[derive(Clone, Debug)]
pub struct InputTable<'a> {
    pub file: Option<FileId>,
    /// The defining symbol's name (what --print-gc-sections says of a synthetic table).
    pub name: &'a str,
    pub ty: TableType,
    pub live: bool,
    pub out_index: Option<u32>,
}

#[derive(Clone, Debug)]
pub struct InputTag {
    pub file: FileId,
    pub sig: SigId,
    pub live: bool,
    pub out_index: Option<u32>,
}

/// Well-known linker-defined symbols.
#[derive(Clone, Debug, Default)]
pub struct WellKnown {
    pub call_ctors: Option<SymbolId>,
    pub call_dtors: Option<SymbolId>,
    pub stack_pointer: Option<SymbolId>,
    pub dso_handle: Option<SymbolId>,
    pub data_end: Option<SymbolId>,
    pub stack_low: Option<SymbolId>,
    pub stack_high: Option<SymbolId>,
    pub global_base: Option<SymbolId>,
    pub heap_base: Option<SymbolId>,
    pub heap_end: Option<SymbolId>,
    pub memory_base: Option<SymbolId>,
    pub table_base: Option<SymbolId>,
    pub tls_base: Option<SymbolId>,
    pub tls_size: Option<SymbolId>,
    pub tls_align: Option<SymbolId>,
    pub init_tls: Option<SymbolId>,
    pub init_memory: Option<FuncId>,
    /// `__wasm_apply_tls_relocs`, called by `__wasm_init_tls` (shared memory only).
    pub apply_tls_relocs: Option<FuncId>,
    pub init_memory_flag: Option<SymbolId>,
    pub indirect_function_table: Option<SymbolId>,
    pub start_function: Option<FuncId>,
    /// The imported bases of the module's data and table slots (position-independent output
    /// only).
    pub memory_base_import: Option<SymbolId>,
    pub table_base_import: Option<SymbolId>,
    /// `__wasm_apply_data_relocs` (PIC or `--unresolved-symbols=import-dynamic`): stores the
    /// addresses in data that are only known at load time.
    pub apply_data_relocs: Option<SymbolId>,
    /// `__wasm_apply_global_relocs` (PIC): sets the internal GOT entries at start-up.
    pub apply_global_relocs: Option<FuncId>,
    /// `__wasm_apply_global_tls_relocs` (shared memory): adds `__tls_base` to the internal
    /// GOT entries of thread-local symbols; `__wasm_init_tls` calls it.
    pub apply_global_tls_relocs: Option<FuncId>,
}

/// `Def::Section` of a custom section that is not among `Object::customs` (`linking`,
/// `reloc.*`, `producers`, `target_features`): never written out, so, as in wasm-ld, an
/// offset into it is the addend alone.
pub const LINKER_SECTION: u32 = u32::MAX;

pub struct Ctx<'a> {
    pub options: &'a Options,
    /// Owns names the linker makes up (`__wrap_foo`), so they live as long as input names.
    names: &'a typed_arena::Arena<String>,
    pub files: Vec<ObjFile<'a>>,
    /// Loaded objects in the order wasm-ld adds them (a member pulled in while loading
    /// another comes first): the order of every output index space.
    pub object_order: Vec<FileId>,
    pub symbols: Vec<Symbol<'a>>,
    /// Global symbols in insertion order (wasm-ld's `symtab->symbols()`).
    pub symtab: Vec<SymbolId>,
    pub symtab_index: HashMap<&'a str, u32>,
    /// Function-signature variants created by signature mismatches, by name.
    pub variants: Vec<(&'a str, Vec<SymbolId>)>,
    pub comdat_groups: HashMap<&'a str, ()>,
    pub functions: Vec<InputFunction<'a>>,
    pub synthetic_functions: Vec<FuncId>,
    pub segments: Vec<InputSegment>,
    pub globals: Vec<InputGlobal<'a>>,
    pub synthetic_globals: Vec<GlobalId>,
    pub tables: Vec<InputTable<'a>>,
    pub synthetic_tables: Vec<TableId>,
    /// An object without table symbols was loaded (compiled without reference types): the
    /// indirect function table must be table 0.
    pub legacy_function_table: bool,
    pub tags: Vec<InputTag>,
    pub sigs: Vec<FuncType>,
    pub sig_index: HashMap<FuncType, SigId>,
    pub sym: WellKnown,
    pub diags: Diagnostics,
    /// Informational output (`--print-gc-sections`, `--trace`).
    pub messages: Vec<String>,
    /// One trapping stub per signature for unresolved functions.
    pub undefined_stubs: HashMap<SigId, SymbolId>,
    /// String pieces of merged custom sections (`.debug_str`): (file, custom index) →
    /// sorted (input offset, output offset within the merged chunk).
    pub custom_pieces: HashMap<(FileId, u32), Vec<(u32, u64)>>,
    /// Why each symbol became live (for the report).
    pub why_live: HashMap<SymbolId, LiveReason>,
    /// Definitions that lost resolution: (winning symbol, losing file, reason).
    pub other_definitions: Vec<(SymbolId, FileId, &'static str)>,
    /// `--why-extract` records, in wasm-ld's order (only kept when the option is given).
    pub why_extracted: Vec<WhyExtracted>,
    /// The `--why-extract` file's text once written (unless it went to stdout).
    pub why_extract_text: Option<String>,
    /// An error after which wasm-ld stops at once (its `fatal`): no more files are loaded.
    pub fatal: bool,
    /// Errors recorded by `error`.
    error_count: usize,
    /// Symbols the linker itself imports (`__memory_base`, ...), which may stay undefined.
    pub linker_imports: Vec<SymbolId>,
    /// Shared libraries given as inputs, in load order (`dylink.0`'s needed list).
    pub shared_files: Vec<FileId>,
    /// Stub libraries given as inputs, in command-line order.
    pub stub_libraries: Vec<crate::stub_library::StubLibrary<'a>>,
    /// The output may use `extended-const` expressions (`global.get` plus a constant), so
    /// position-independent data keeps its segments and GOT entries need no start code.
    pub extended_const: bool,
}

/// What asked for a lazy file, as `--why-extract` names it.
#[derive(Clone, Copy, Debug)]
pub enum Requester {
    /// A reference from this file (`None`: the linker itself, `<internal>`).
    File(Option<FileId>),
    /// A command-line option (`--export`, `--entry`; `<internal>` for `-u`).
    Option(&'static str),
    /// A stub library (its index in `Ctx::stub_libraries`).
    StubLibrary(usize),
}

/// One line of `--why-extract`: `requester` made `file`, which defined `symbol` once
/// loaded, be loaded.
#[derive(Clone, Copy, Debug)]
pub struct WhyExtracted {
    pub requester: Requester,
    pub file: Option<FileId>,
    pub symbol: SymbolId,
}

/// The edge by which the garbage collector reached a symbol.
#[derive(Clone, Copy, Debug)]
pub enum LiveReason {
    Root(&'static str),
    /// Referenced by a relocation in the chunk (function or segment) of this symbol.
    By(SymbolId),
}

impl<'a> Ctx<'a> {
    pub fn new(options: &'a Options, names: &'a typed_arena::Arena<String>) -> Self {
        Ctx {
            options,
            names,
            files: Vec::new(),
            object_order: Vec::new(),
            symbols: Vec::new(),
            symtab: Vec::new(),
            symtab_index: HashMap::default(),
            variants: Vec::new(),
            comdat_groups: HashMap::default(),
            functions: Vec::new(),
            synthetic_functions: Vec::new(),
            segments: Vec::new(),
            globals: Vec::new(),
            synthetic_globals: Vec::new(),
            tables: Vec::new(),
            synthetic_tables: Vec::new(),
            legacy_function_table: false,
            tags: Vec::new(),
            sigs: Vec::new(),
            sig_index: HashMap::default(),
            sym: WellKnown::default(),
            diags: Diagnostics::default(),
            messages: Vec::new(),
            undefined_stubs: HashMap::default(),
            custom_pieces: HashMap::default(),
            why_live: HashMap::default(),
            other_definitions: Vec::new(),
            why_extracted: Vec::new(),
            why_extract_text: None,
            linker_imports: Vec::new(),
            shared_files: Vec::new(),
            stub_libraries: Vec::new(),
            extended_const: false,
            fatal: false,
            error_count: 0,
        }
    }

    /// Records an error. wasm-ld exits at the first error past `--error-limit`, saying
    /// "too many errors" instead: so does the link (the driver prints that line in the
    /// same place), which then stops recording and loading, so hostile input cannot pile
    /// up diagnostics.
    pub fn error(&mut self, d: Diagnostic) {
        let limit = self.options.error_limit;
        if limit != 0 && self.error_count >= limit {
            if self.error_count == limit {
                self.error_count += 1;
                self.diags.push(Diagnostic::error(crate::driver::TOO_MANY_ERRORS));
            }
            self.fatal = true;
            return;
        }
        self.error_count += 1;
        self.diags.push(d);
    }

    pub fn warn(&mut self, message: impl Into<String>) {
        self.diags.push(Diagnostic::warning(message));
    }

    /// Errors so far, warnings included under `--fatal-warnings` (where wasm-ld counts
    /// them as errors and stops at the same places).
    pub fn has_errors(&self) -> bool {
        self.diags.has_errors() || (self.options.fatal_warnings && !self.diags.list.is_empty())
    }

    pub fn intern_name(&self, name: String) -> &'a str {
        self.names.alloc(name).as_str()
    }

    pub fn intern_sig(&mut self, sig: &FuncType) -> SigId {
        if let Some(&id) = self.sig_index.get(sig) {
            return id;
        }
        let id = SigId(self.sigs.len() as u32);
        self.sigs.push(sig.clone());
        self.sig_index.insert(sig.clone(), id);
        id
    }

    // Ids are made by pushing onto the arrays they index (the id is the length before the
    // push) and nothing is ever removed, so these lookups cannot fail; the emit and
    // relocation code, where indexing is linted, goes through them.

    #[allow(clippy::indexing_slicing)] // A `FileId` is the index its file was pushed at.
    pub fn file(&self, id: FileId) -> &ObjFile<'a> {
        &self.files[id.idx()]
    }

    #[allow(clippy::indexing_slicing)] // A `FuncId` is the index its function was pushed at.
    pub fn func(&self, id: FuncId) -> &InputFunction<'a> {
        &self.functions[id.idx()]
    }

    #[allow(clippy::indexing_slicing)] // As `func`.
    pub fn func_mut(&mut self, id: FuncId) -> &mut InputFunction<'a> {
        &mut self.functions[id.idx()]
    }

    pub fn sym(&self, id: SymbolId) -> &Symbol<'a> {
        &self.symbols[id.idx()]
    }

    pub fn sym_mut(&mut self, id: SymbolId) -> &mut Symbol<'a> {
        &mut self.symbols[id.idx()]
    }

    pub fn find(&self, name: &str) -> Option<SymbolId> {
        self.symtab_index.get(name).map(|&i| self.symtab[i as usize])
    }

    /// Where a symbol came from, as a `>>>` note: `defined as data in a.o`, or
    /// `referenced as function by b.o` for an undefined one.
    pub fn symbol_origin(&self, s: SymbolId) -> String {
        let sym = self.sym(s);
        let (kind, file) = (sym.kind.name(), self.file_name(sym.file));
        match sym.is_defined() {
            true => format!("defined as {kind} in {file}"),
            false => format!("referenced as {kind} by {file}"),
        }
    }

    pub fn file_name(&self, file: Option<FileId>) -> &str {
        match file {
            Some(f) => &self.files[f.idx()].name,
            None => "<internal>",
        }
    }

    /// Symbol names as wasm-ld prints them (demangled unless `--no-demangle`).
    pub fn display_name(&self, name: &str) -> String {
        crate::demangle::maybe_demangle(name, self.options.demangle)
    }

    pub fn new_symbol(&mut self, s: Symbol<'a>) -> SymbolId {
        let id = SymbolId(self.symbols.len() as u32);
        self.symbols.push(s);
        id
    }

    /// Pointer-sized value type of this link.
    pub fn ptr_type(&self) -> u8 {
        if self.options.is64 {
            crate::input::wasm::valtype::I64
        } else {
            crate::input::wasm::valtype::I32
        }
    }

    /// The function a function symbol calls: its definition, or its trapping stub.
    pub fn function_of(&self, id: SymbolId) -> Option<FuncId> {
        let s = self.sym(id);
        match s.def {
            Def::Function(f) => Some(f),
            _ => s.stub,
        }
    }

    /// Output function index of a function symbol.
    pub fn function_index(&self, id: SymbolId) -> Option<u32> {
        // A weak definition in a shared library is imported too, so that another module's
        // definition can win: references go through the import.
        let s = self.sym(id);
        if s.is_defined() && s.import_index.is_some() {
            return s.import_index;
        }
        match self.function_of(id) {
            Some(f) => self.functions[f.idx()].out_index,
            None => self.sym(id).import_index,
        }
    }

    /// Index of a function symbol's own definition (wasm-ld's `getExportedFunctionIndex`):
    /// unlike `function_index`, never the import a shared library's weak definition has too.
    pub fn defined_function_index(&self, id: SymbolId) -> Option<u32> {
        match self.sym(id).def {
            Def::Function(f) => self.functions[f.idx()].out_index,
            _ => self.function_index(id),
        }
    }

    /// Table slot of a function symbol, if it has one.
    pub fn table_index(&self, id: SymbolId) -> Option<u32> {
        match self.sym(id).def {
            Def::Function(f) => self.functions[f.idx()].table_index,
            _ => self.sym(id).table_index,
        }
    }

    pub fn is_live(&self, id: SymbolId) -> bool {
        let s = self.sym(id);
        match s.def {
            Def::Function(f) => self.functions[f.idx()].live,
            Def::Data { segment: Some(seg), .. } => self.segments[seg.idx()].live,
            Def::Global(g) => self.globals[g.idx()].live,
            Def::Table(t) => self.tables[t.idx()].live,
            Def::Tag(t) => self.tags[t.idx()].live,
            _ => s.referenced,
        }
    }

    pub fn mark_symbol_live(&mut self, id: SymbolId) {
        let s = &mut self.symbols[id.idx()];
        s.referenced = true;
        let def = s.def;
        let file = s.file;
        let defined = s.is_defined();
        if defined {
            if let Some(f) = file {
                self.files[f.idx()].live = true;
            }
        }
        match def {
            Def::Function(f) => self.functions[f.idx()].live = true,
            Def::Data { segment: Some(seg), .. } => self.segments[seg.idx()].live = true,
            Def::Global(g) => self.globals[g.idx()].live = true,
            Def::Table(t) => self.tables[t.idx()].live = true,
            Def::Tag(t) => self.tags[t.idx()].live = true,
            _ => {}
        }
    }

    /// wasm-ld's `Symbol::isExported`.
    pub fn is_exported(&self, id: SymbolId) -> bool {
        let s = self.sym(id);
        if !s.is_defined() || s.is_shared() || s.is_local_binding() {
            return false;
        }
        // A shared library exports its weak definitions: another module's may win.
        if self.options.shared && s.is_weak() && !s.is_hidden() && self.is_live(id) {
            return true;
        }
        if self.options.export_all || (self.options.export_dynamic && !s.is_hidden()) {
            return true;
        }
        s.force_export || s.flags & crate::input::wasm::sym_flag::EXPORTED != 0
    }
}
