//! One validating pass over a relocatable wasm object: zero-copy views of its sections,
//! its symbol table, segments, init functions, COMDATs and relocations.
//!
//! Everything that later phases index with input-derived numbers is checked here, so that
//! resolution, layout and emission can index without failing.

use super::section_order::SectionOrder;
use super::reader::{ParseError, ParseResult, Reader};
use super::relocs::{Encoding, Reloc, RelocKind, Target};
use super::wasm::{self, external, linking, section, seg_flag, sym_flag, sym_kind, valtype};
use crate::diag::Diagnostic;
use std::ops::Range;

/// A function signature.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FuncType {
    pub params: Box<[u8]>,
    pub results: Box<[u8]>,
}

impl FuncType {
    pub fn new(params: &[u8], results: &[u8]) -> Self {
        FuncType { params: params.into(), results: results.into() }
    }

    /// `(i32, i32) -> i32`, as wasm-ld prints signatures.
    pub fn display(&self) -> String {
        let list = |v: &[u8]| v.iter().map(|&t| valtype::name(t)).collect::<Vec<_>>().join(", ");
        let results = match self.results.len() {
            0 => "void".to_string(),
            1 => list(&self.results),
            _ => format!("({})", list(&self.results)),
        };
        format!("({}) -> {}", list(&self.params), results)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    pub flags: u8,
    pub min: u64,
    pub max: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GlobalType {
    pub valtype: u8,
    pub mutable: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TableType {
    pub elem: u8,
    pub limits: Limits,
}

#[derive(Clone, Copy, Debug)]
pub enum ImportKind {
    Function(u32),
    Table(TableType),
    Memory(Limits),
    Global(GlobalType),
    Tag(u32),
}

#[derive(Clone, Debug)]
pub struct Import<'a> {
    pub module: &'a str,
    pub field: &'a str,
    pub kind: ImportKind,
}

#[derive(Clone, Debug)]
pub struct Function<'a> {
    pub type_index: u32,
    /// Offset of the body (its size LEB first) within the code section payload.
    pub code_offset: u32,
    /// The body with its size prefix, copied verbatim to the output.
    pub body: &'a [u8],
    pub relocs: Range<u32>,
    pub export_name: Option<&'a str>,
    pub comdat: Option<u32>,
    /// Name of the first symbol that defines this function.
    pub symbol_name: Option<&'a str>,
    /// Its name in the object's own `name` section (objects written by `wasm-ld -r` have
    /// one): the output's name section prefers it, as wasm-ld's does.
    pub debug_name: Option<&'a str>,
}

/// A table the object defines.
#[derive(Clone, Debug)]
pub struct Table<'a> {
    pub ty: TableType,
    /// Name of the first symbol that defines this table.
    pub symbol_name: Option<&'a str>,
}

/// A tag the object defines: its type index, and the first symbol that defines it.
#[derive(Clone, Debug)]
pub struct Tag<'a> {
    pub type_index: u32,
    pub symbol_name: Option<&'a str>,
}

#[derive(Clone, Debug)]
pub struct Global<'a> {
    pub ty: GlobalType,
    /// Init expression including its `end`.
    pub init: &'a [u8],
    pub symbol_name: Option<&'a str>,
}

#[derive(Clone, Debug)]
pub struct Segment<'a> {
    pub name: &'a str,
    /// log2 of the alignment.
    pub alignment: u32,
    pub flags: u32,
    pub data: &'a [u8],
    /// Offset of `data` within the data section payload.
    pub section_offset: u32,
    pub relocs: Range<u32>,
    pub comdat: Option<u32>,
}

impl Segment<'_> {
    pub fn is_tls(&self) -> bool {
        self.flags & seg_flag::TLS != 0 || self.name.starts_with(".tdata") || self.name.starts_with(".tbss")
    }
}

#[derive(Clone, Debug)]
pub struct CustomSection<'a> {
    pub name: &'a str,
    /// Payload after the name.
    pub data: &'a [u8],
    /// Index of this section among all the file's sections (for section symbols).
    pub section_index: u32,
    pub relocs: Vec<Reloc>,
    pub comdat: Option<u32>,
    /// Absolute file offset of `data`.
    pub file_offset: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymKind {
    Function,
    Data,
    Global,
    Section,
    Tag,
    Table,
}

impl SymKind {
    pub fn name(self) -> &'static str {
        match self {
            SymKind::Function => "function",
            SymKind::Data => "data",
            SymKind::Global => "global",
            SymKind::Section => "section",
            SymKind::Tag => "tag",
            SymKind::Table => "table",
        }
    }
}

#[derive(Clone, Debug)]
pub struct SymbolInfo<'a> {
    pub kind: SymKind,
    pub flags: u32,
    pub name: &'a str,
    /// Function/global/tag/table index (imports first), or section index for section symbols.
    pub index: u32,
    /// Defined data: (segment, offset, size).
    pub data: Option<(u32, u64, u64)>,
    pub import_module: Option<&'a str>,
    pub import_name: Option<&'a str>,
}

impl SymbolInfo<'_> {
    pub fn is_undefined(&self) -> bool {
        self.flags & sym_flag::UNDEFINED != 0
    }
    pub fn is_local(&self) -> bool {
        self.flags & sym_flag::BINDING_MASK == sym_flag::BINDING_LOCAL
    }
    pub fn is_weak(&self) -> bool {
        self.flags & sym_flag::BINDING_MASK == sym_flag::BINDING_WEAK
    }
}

#[derive(Clone, Copy, Debug)]
pub struct InitFunc {
    pub priority: u32,
    pub symbol: u32,
}

#[derive(Clone, Debug, Default)]
pub struct Producers<'a> {
    pub fields: Vec<(&'a str, Vec<(&'a str, &'a str)>)>,
}

#[derive(Clone, Debug)]
pub struct Object<'a> {
    pub types: Vec<FuncType>,
    pub imports: Vec<Import<'a>>,
    /// Import index of each imported function / global / table / tag, in index order.
    pub imported_functions: Vec<u32>,
    pub imported_globals: Vec<u32>,
    pub imported_tables: Vec<u32>,
    pub imported_tags: Vec<u32>,
    pub functions: Vec<Function<'a>>,
    pub tables: Vec<Table<'a>>,
    pub globals: Vec<Global<'a>>,
    pub tags: Vec<Tag<'a>>,
    pub segments: Vec<Segment<'a>>,
    pub customs: Vec<CustomSection<'a>>,
    pub symbols: Vec<SymbolInfo<'a>>,
    pub init_funcs: Vec<InitFunc>,
    pub comdats: Vec<&'a str>,
    pub code_relocs: Vec<Reloc>,
    pub data_relocs: Vec<Reloc>,
    pub features: Vec<(u8, &'a str)>,
    pub producers: Producers<'a>,
    /// `called_directly[i]`: symbol i is the target of a `call` (FUNCTION_INDEX_LEB).
    pub called_directly: Vec<bool>,
    pub is64: bool,
    /// Absolute file offsets of the code and data section payloads.
    pub code_file_offset: u64,
    pub data_file_offset: u64,
    /// A shared library (a module with a `dylink.0` section and no `linking` section): what
    /// it offers other modules is its exports, below.
    pub shared: bool,
    /// Exports, in order: (name, kind, index). Only a shared library's are used.
    pub exports: Vec<(&'a str, u8, u32)>,
}

impl<'a> Object<'a> {
    /// The names of the non-local symbols the object defines, in symbol-table order: what an
    /// unextracted archive member (or `--start-lib` object) puts in the symbol table.
    pub fn lazy_names(&self) -> Vec<&'a str> {
        let defines = |s: &&SymbolInfo<'a>| {
            s.flags & sym_flag::UNDEFINED == 0 && s.flags & sym_flag::BINDING_MASK != sym_flag::BINDING_LOCAL && s.kind != SymKind::Section
        };
        self.symbols.iter().filter(defines).map(|s| s.name).collect()
    }
    /// A defined function's relocations (ranges were checked at parse time; a range that
    /// does not fit gives none).
    pub fn function_relocs(&self, f: &Function<'_>) -> &[Reloc] {
        self.code_relocs.get(f.relocs.start as usize..f.relocs.end as usize).unwrap_or(&[])
    }
    /// A data segment's relocations, as `function_relocs`.
    pub fn segment_relocs(&self, s: &Segment<'_>) -> &[Reloc] {
        self.data_relocs.get(s.relocs.start as usize..s.relocs.end as usize).unwrap_or(&[])
    }
    pub fn num_imported_functions(&self) -> u32 {
        len_u32(&self.imported_functions)
    }
    pub fn num_imported_globals(&self) -> u32 {
        len_u32(&self.imported_globals)
    }
    pub fn num_imported_tables(&self) -> u32 {
        len_u32(&self.imported_tables)
    }
    pub fn num_imported_tags(&self) -> u32 {
        len_u32(&self.imported_tags)
    }

    /// Signature of function index `i` (imports first). Index validated at parse time.
    pub fn function_type(&self, i: u32) -> Option<&FuncType> {
        let ti = if let Some(&imp) = self.imported_functions.get(i as usize) {
            match self.imports.get(imp as usize)?.kind {
                ImportKind::Function(t) => t,
                _ => return None,
            }
        } else {
            self.functions.get(i.checked_sub(self.num_imported_functions())? as usize)?.type_index
        };
        self.types.get(ti as usize)
    }

    pub fn global_type(&self, i: u32) -> Option<GlobalType> {
        if let Some(&imp) = self.imported_globals.get(i as usize) {
            match self.imports.get(imp as usize)?.kind {
                ImportKind::Global(g) => Some(g),
                _ => None,
            }
        } else {
            self.globals.get(i.checked_sub(self.num_imported_globals())? as usize).map(|g| g.ty)
        }
    }

    pub fn table_type(&self, i: u32) -> Option<TableType> {
        if let Some(&imp) = self.imported_tables.get(i as usize) {
            match self.imports.get(imp as usize)?.kind {
                ImportKind::Table(t) => Some(t),
                _ => None,
            }
        } else {
            self.tables.get(i.checked_sub(self.num_imported_tables())? as usize).map(|t| t.ty)
        }
    }

    pub fn tag_type(&self, i: u32) -> Option<&FuncType> {
        let ti = if let Some(&imp) = self.imported_tags.get(i as usize) {
            match self.imports.get(imp as usize)?.kind {
                ImportKind::Tag(t) => t,
                _ => return None,
            }
        } else {
            self.tags.get(i.checked_sub(self.num_imported_tags())? as usize)?.type_index
        };
        self.types.get(ti as usize)
    }
}

/// The length of a list whose items each came from at least one input byte, counted by a
/// `u32`; saturates instead of truncating should that ever not hold.
fn len_u32<T>(list: &[T]) -> u32 {
    u32::try_from(list.len()).unwrap_or(u32::MAX)
}

/// Whether a function body holds its local declarations (a count, then that many pairs of
/// a count and a type). Each pair takes two bytes or more, so the loop ends with the body.
fn local_declarations_fit(mut body: Reader<'_>) -> bool {
    let Ok(n) = body.leb_u32() else { return false };
    (0..n).all(|_| body.leb_u32().is_ok() && body.u8().is_ok())
}

/// A payload position as the `u32` offset the object format uses (section sizes are u32).
fn pos_u32(r: &Reader<'_>, pos: usize) -> ParseResult<u32> {
    u32::try_from(pos).or_else(|_| r.error(format!("offset {pos} does not fit in 32 bits")))
}

fn err(file: &str, section: &str, e: ParseError) -> Diagnostic {
    Diagnostic::at(file, Some(section), Some(e.offset), e.message)
}

/// Checks the header and walks the sections: `(id, payload reader, section index)`.
fn sections<'a>(file: &str, bytes: &'a [u8]) -> Result<Vec<(u8, Reader<'a>)>, Diagnostic> {
    let mut r = Reader::new(bytes, 0);
    let magic = r.bytes(4).map_err(|e| err(file, "header", e))?;
    if magic != wasm::MAGIC {
        return Err(Diagnostic::at(file, Some("header"), Some(0), "not a wasm file (bad magic)"));
    }
    let version = r.u32_le().map_err(|e| err(file, "header", e))?;
    if version != wasm::VERSION {
        return Err(Diagnostic::at(file, Some("header"), Some(4), format!("unsupported wasm version {version}")));
    }
    let mut out = Vec::new();
    while !r.is_empty() {
        let at = r.offset();
        let id = r.u8().map_err(|e| err(file, "header", e))?;
        let len = r.leb_u32().map_err(|e| err(file, section::name(id), e))? as usize;
        if len > r.remaining() {
            return Err(Diagnostic::at(file, Some(section::name(id)), Some(at), "section too large"));
        }
        let payload = r.sub(len).map_err(|e| err(file, section::name(id), e))?;
        out.push((id, payload));
    }
    Ok(out)
}

struct Parser<'a, 'f> {
    file: &'f str,
    obj: Object<'a>,
    /// Section index of each custom section parsed, to resolve `reloc.*` targets.
    section_ids: Vec<u8>,
    /// Raw `reloc.*` sections, applied after all sections are known.
    reloc_sections: Vec<Reader<'a>>,
    linking: Option<Reader<'a>>,
    code: Option<Reader<'a>>,
    data: Option<Reader<'a>>,
    /// The DataCount section's count, which the data section must match.
    data_count: Option<u32>,
    /// `name` sections, checked once the data section is read (see `name_section`).
    names: Vec<NameSection<'a>>,
}

/// A `name` section and what was known where it stood: LLVM checks its indices against
/// the sections before it.
struct NameSection<'a> {
    r: Reader<'a>,
    functions: usize,
    globals: usize,
    after_data: bool,
}

pub fn parse_object<'a>(file: &str, bytes: &'a [u8]) -> Result<Object<'a>, Diagnostic> {
    let mut p = Parser {
        file,
        obj: Object {
            types: Vec::new(),
            imports: Vec::new(),
            imported_functions: Vec::new(),
            imported_globals: Vec::new(),
            imported_tables: Vec::new(),
            imported_tags: Vec::new(),
            functions: Vec::new(),
            tables: Vec::new(),
            globals: Vec::new(),
            tags: Vec::new(),
            segments: Vec::new(),
            customs: Vec::new(),
            symbols: Vec::new(),
            init_funcs: Vec::new(),
            comdats: Vec::new(),
            code_relocs: Vec::new(),
            data_relocs: Vec::new(),
            features: Vec::new(),
            producers: Producers::default(),
            called_directly: Vec::new(),
            is64: false,
            code_file_offset: 0,
            data_file_offset: 0,
            shared: false,
            exports: Vec::new(),
        },
        section_ids: Vec::new(),
        reloc_sections: Vec::new(),
        linking: None,
        code: None,
        data: None,
        data_count: None,
        names: Vec::new(),
    };
    let secs = sections(file, bytes)?;
    let mut order = SectionOrder::default();
    for (index, (id, r)) in (0u32..).zip(secs) {
        p.section_ids.push(id);
        if id > section::TAG {
            return Err(Diagnostic::at(file, Some("header"), Some(r.offset()), format!("unknown section id {id}")));
        }
        let custom_name = if id == section::CUSTOM { r.clone().name().unwrap_or_default() } else { "" };
        if !order.accept(id, custom_name) {
            return Err(Diagnostic::at(file, Some(section::name(id)), Some(r.offset()), format!("out of order section type: {id}")));
        }
        p.section(id, r, index).map_err(|e| err(file, section::name(id), e))?;
    }
    p.finish()?;
    Ok(p.obj)
}

impl<'a, 'f> Parser<'a, 'f> {
    fn section(&mut self, id: u8, mut r: Reader<'a>, index: u32) -> ParseResult<()> {
        match id {
            section::TYPE => self.types(&mut r)?,
            section::IMPORT => self.imports(&mut r)?,
            section::FUNCTION => {
                let n = r.count(1)?;
                for _ in 0..n {
                    let t = r.leb_u32()?;
                    if t as usize >= self.obj.types.len() {
                        return r.error(format!("invalid function type index {t}"));
                    }
                    self.obj.functions.push(Function {
                        type_index: t,
                        code_offset: 0,
                        body: &[],
                        relocs: 0..0,
                        export_name: None,
                        comdat: None,
                        symbol_name: None,
                        debug_name: None,
                    });
                }
            }
            section::TABLE => {
                let n = r.count(2)?;
                for _ in 0..n {
                    let ty = self.table_type(&mut r)?;
                    self.obj.tables.push(Table { ty, symbol_name: None });
                }
            }
            section::MEMORY => {
                let n = r.count(2)?;
                for _ in 0..n {
                    let l = self.limits(&mut r)?;
                    self.obj.is64 |= l.flags & wasm::limits::IS_64 != 0;
                }
            }
            section::TAG => {
                let n = r.count(2)?;
                for _ in 0..n {
                    let _attr = r.u8()?;
                    let t = r.leb_u32()?;
                    if t as usize >= self.obj.types.len() {
                        return r.error(format!("invalid tag type index {t}"));
                    }
                    self.obj.tags.push(Tag { type_index: t, symbol_name: None });
                }
            }
            section::GLOBAL => {
                let n = r.count(3)?;
                for _ in 0..n {
                    let ty = self.global_type(&mut r)?;
                    let init = init_expr(&mut r, Some(ty.valtype))?;
                    self.obj.globals.push(Global { ty, init, symbol_name: None });
                }
            }
            section::EXPORT => {
                let n = r.count(3)?;
                for _ in 0..n {
                    let name = r.name()?;
                    let kind = r.u8()?;
                    let idx = r.leb_u32()?;
                    self.obj.exports.push((name, kind, idx));
                    if kind == external::FUNCTION {
                        let local = idx.checked_sub(self.obj.num_imported_functions());
                        match local.and_then(|l| self.obj.functions.get_mut(l as usize)) {
                            Some(f) => f.export_name = Some(name),
                            None => return r.error(format!("invalid exported function index {idx}")),
                        }
                    }
                }
            }
            // (LLVM reads the count and does not look past it.)
            section::DATACOUNT => self.data_count = Some(r.leb_u32()?),
            // Neither reaches the output (the linker makes its own table and start), but
            // LLVM reads and checks both, so a malformed one is refused as wasm-ld refuses it.
            section::START => {
                let f = r.leb_u32()?;
                if f as usize >= self.obj.imported_functions.len().saturating_add(self.obj.functions.len()) {
                    return r.error("invalid start function");
                }
            }
            section::ELEM => self.elem_segments(&mut r)?,
            section::CODE => {
                self.obj.code_file_offset = r.offset();
                self.code = Some(r);
                return Ok(());
            }
            section::DATA => {
                self.obj.data_file_offset = r.offset();
                self.data = Some(r);
                return Ok(());
            }
            section::CUSTOM => return self.custom(r, index),
            _ => return r.error(format!("unknown section id {id}")),
        }
        // (The code and data sections are read later, and checked then.)
        let checked = [
            (section::TYPE, "type"),
            (section::IMPORT, "import"),
            (section::FUNCTION, "function"),
            (section::TABLE, "table"),
            (section::MEMORY, "memory"),
            (section::TAG, "tag"),
            (section::GLOBAL, "global"),
            (section::EXPORT, "export"),
        ];
        match checked.iter().find(|(i, _)| *i == id) {
            Some((_, what)) if !r.is_empty() => r.error(format!("{what} section ended prematurely")),
            _ => Ok(()),
        }
    }

    fn types(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(3)?;
        for _ in 0..n {
            let form = r.u8()?;
            if form != 0x60 {
                return r.error(format!("unsupported type form 0x{form:02x} (GC types are not supported)"));
            }
            let np = r.count(1)? as usize;
            let params = r.bytes(np)?;
            let nr = r.count(1)? as usize;
            let results = r.bytes(nr)?;
            if let Some(&bad) = params.iter().chain(results).find(|&&t| !valtype::is_valid(t)) {
                return r.error(format!("invalid value type 0x{bad:02x}"));
            }
            self.obj.types.push(FuncType::new(params, results));
        }
        Ok(())
    }

    fn limits(&mut self, r: &mut Reader<'a>) -> ParseResult<Limits> {
        let flags = r.u8()?;
        if flags & !0x7 != 0 {
            return r.error(format!("invalid limits flags 0x{flags:x}"));
        }
        let bits = if flags & wasm::limits::IS_64 != 0 { 64 } else { 32 };
        let min = r.leb_u64(bits)?;
        let max = if flags & wasm::limits::HAS_MAX != 0 { Some(r.leb_u64(bits)?) } else { None };
        Ok(Limits { flags, min, max })
    }

    fn table_type(&mut self, r: &mut Reader<'a>) -> ParseResult<TableType> {
        let elem = r.u8()?;
        if elem != valtype::FUNCREF && elem != valtype::EXTERNREF && elem != valtype::EXNREF {
            return r.error(format!("invalid table element type 0x{elem:02x}"));
        }
        let at_limits = r.clone();
        let limits = self.limits(r)?;
        // Only shared references may fill a shared table, and none of the three is shared:
        // the output would not validate (wasm-ld 19 copies the flag into it).
        if limits.flags & wasm::limits::IS_SHARED != 0 {
            return at_limits.error(format!("shared table of element type 0x{elem:02x}, which is not shared"));
        }
        Ok(TableType { elem, limits })
    }

    fn global_type(&mut self, r: &mut Reader<'a>) -> ParseResult<GlobalType> {
        let valtype = r.u8()?;
        if !valtype::is_valid(valtype) {
            return r.error(format!("invalid global type 0x{valtype:02x}"));
        }
        let m = r.u8()?;
        if m > 1 {
            return r.error(format!("invalid global mutability {m}"));
        }
        Ok(GlobalType { valtype, mutable: m == 1 })
    }

    fn imports(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(4)?;
        for _ in 0..n {
            let module = r.name()?;
            let field = r.name()?;
            let kind_byte = r.u8()?;
            let index = len_u32(&self.obj.imports);
            let kind = match kind_byte {
                external::FUNCTION => {
                    let t = r.leb_u32()?;
                    if t as usize >= self.obj.types.len() {
                        return r.error(format!("invalid function type index {t}"));
                    }
                    self.obj.imported_functions.push(index);
                    ImportKind::Function(t)
                }
                external::TABLE => {
                    self.obj.imported_tables.push(index);
                    ImportKind::Table(self.table_type(r)?)
                }
                external::MEMORY => {
                    let l = self.limits(r)?;
                    self.obj.is64 |= l.flags & wasm::limits::IS_64 != 0;
                    ImportKind::Memory(l)
                }
                external::GLOBAL => {
                    self.obj.imported_globals.push(index);
                    ImportKind::Global(self.global_type(r)?)
                }
                external::TAG => {
                    let _attr = r.u8()?;
                    let t = r.leb_u32()?;
                    if t as usize >= self.obj.types.len() {
                        return r.error(format!("invalid tag type index {t}"));
                    }
                    self.obj.imported_tags.push(index);
                    ImportKind::Tag(t)
                }
                k => return r.error(format!("invalid import kind {k}")),
            };
            self.obj.imports.push(Import { module, field, kind });
        }
        Ok(())
    }

    fn custom(&mut self, mut r: Reader<'a>, index: u32) -> ParseResult<()> {
        let name = r.name()?;
        if name == "dylink.0" {
            self.obj.shared = true;
        } else if name == "linking" {
            if self.linking.is_some() {
                return r.error("more than one `linking` section");
            }
            self.linking = Some(r);
        } else if name.starts_with("reloc.") {
            self.reloc_sections.push(r);
        } else if name == "target_features" {
            let n = r.count(2)?;
            for _ in 0..n {
                let prefix = r.u8()?;
                if !matches!(prefix, b'+' | b'-' | b'=') {
                    return r.error(format!("unknown feature policy prefix {prefix}"));
                }
                let feature = r.name()?;
                if self.obj.features.iter().any(|&(_, f)| f == feature) {
                    return r.error(format!("target features section contains repeated feature \"{feature}\""));
                }
                self.obj.features.push((prefix, feature));
            }
            if !r.is_empty() {
                return r.error("target features section ended prematurely");
            }
        } else if name == "producers" {
            // LLVM's rules: the three known fields, each once, each producer once per field.
            let n = r.count(2)?;
            for _ in 0..n {
                let field = r.name()?;
                if !matches!(field, "language" | "processed-by" | "sdk") {
                    return r.error("producers section field is not named one of language, processed-by, or sdk");
                }
                if self.obj.producers.fields.iter().any(|(f, _)| *f == field) {
                    return r.error("producers section does not have unique fields");
                }
                let m = r.count(2)?;
                let mut values: Vec<(&str, &str)> = Vec::with_capacity(m as usize);
                for _ in 0..m {
                    let (producer, version) = (r.name()?, r.name()?);
                    if values.iter().any(|&(p, _)| p == producer) {
                        return r.error("producers section contains repeated producer");
                    }
                    values.push((producer, version));
                }
                self.obj.producers.fields.push((field, values));
            }
            if !r.is_empty() {
                return r.error("producers section ended prematurely");
            }
        } else {
            if name == "name" {
                let functions = self.obj.imported_functions.len().saturating_add(self.obj.functions.len());
                let globals = self.obj.imported_globals.len().saturating_add(self.obj.globals.len());
                self.names.push(NameSection { r: r.clone(), functions, globals, after_data: self.data.is_some() });
            }
            let file_offset = r.offset();
            let rest = r.remaining();
            let data = r.bytes(rest)?;
            self.obj.customs.push(CustomSection { name, data, section_index: index, relocs: Vec::new(), comdat: None, file_offset });
        }
        Ok(())
    }

    /// The `name` section, checked as LLVM's object reader checks it (wasm-ld refuses an
    /// object that names an index twice or one that does not exist), against the counts of
    /// the sections before it, as LLVM's; function names become debug names.
    fn name_section(&mut self, names: NameSection<'a>) -> ParseResult<()> {
        let NameSection { mut r, functions, globals, after_data } = names;
        let segments = if after_data { self.obj.segments.len() } else { 0 };
        let mut seen: [crate::hash::HashSet<u32>; 3] = Default::default();
        while !r.is_empty() {
            let id = r.u8()?;
            let size = r.leb_u32()? as usize;
            let mut sub = r.sub(size)?;
            let (what, seen, valid): (&str, _, &dyn Fn(usize) -> bool) = match id {
                wasm::names::FUNCTION => ("function", &mut seen[0], &|i| i < functions),
                wasm::names::GLOBAL => ("global", &mut seen[1], &|i| i < globals),
                // (LLVM lets the index equal the count.)
                wasm::names::DATA_SEGMENT => ("data segment", &mut seen[2], &|i| i <= segments),
                _ => continue,
            };
            for _ in 0..sub.count(2)? {
                let index = sub.leb_u32()?;
                let name = sub.name()?;
                if !seen.insert(index) {
                    let what = if id == wasm::names::DATA_SEGMENT { "segment" } else { what };
                    return sub.error(format!("{what} named more than once"));
                }
                if !valid(index as usize) || (id != wasm::names::DATA_SEGMENT && name.is_empty()) {
                    return sub.error(format!("invalid {what} name entry"));
                }
                let defined = (index as usize).checked_sub(self.obj.imported_functions.len());
                if let Some(f) = defined.and_then(|i| self.obj.functions.get_mut(i)).filter(|_| id == wasm::names::FUNCTION) {
                    f.debug_name = Some(name);
                }
            }
            if !sub.is_empty() {
                return sub.error("name sub-section ended prematurely");
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), Diagnostic> {
        let file = self.file;
        if let Some(mut r) = self.code.take() {
            self.code_bodies(&mut r).map_err(|e| err(file, "CODE", e))?;
        } else if !self.obj.functions.is_empty() {
            return Err(Diagnostic::at(file, Some("CODE"), None, "function section without code section"));
        }
        if let Some(mut r) = self.data.take() {
            self.data_segments(&mut r).map_err(|e| err(file, "DATA", e))?;
        }
        for names in std::mem::take(&mut self.names) {
            self.name_section(names).map_err(|e| err(file, "CUSTOM", e))?;
        }
        match self.linking.take() {
            Some(mut r) => {
                // (A `dylink.0` section beside a `linking` section is only a custom section.)
                self.obj.shared = false;
                self.linking(&mut r).map_err(|e| err(file, "linking", e))?
            }
            // A shared library: no symbol table or relocations, only exports.
            None if self.obj.shared => return Ok(()),
            None => return Err(Diagnostic::error(format!("{file}: object file is missing the `linking` section (not a relocatable wasm file)"))),
        }
        for mut r in std::mem::take(&mut self.reloc_sections) {
            self.relocations(&mut r).map_err(|e| err(file, "reloc", e))?;
        }
        self.assign_chunk_relocs();
        self.called_directly();
        Ok(())
    }

    fn code_bodies(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(1)?;
        if n as usize != self.obj.functions.len() {
            return r.error(format!("code section has {n} bodies for {} functions", self.obj.functions.len()));
        }
        for f in &mut self.obj.functions {
            let start = r.pos();
            let mut body = r.clone();
            let size = r.leb_u32()? as usize;
            let code = r.sub(size)?;
            // LLVM reads the local declarations, and rejects a body they run past the end of.
            if !local_declarations_fit(code.clone()) {
                return code.error("a function's local declarations run past the end of its body");
            }
            f.code_offset = pos_u32(r, start)?;
            // `body` is where `r` was: the size prefix and the bytes just read.
            f.body = body.bytes(r.pos().saturating_sub(start))?;
        }
        if !r.is_empty() {
            // LLVM's words for bytes left after the last body.
            return r.error("code section ended prematurely");
        }
        Ok(())
    }

    /// Reads the element segments as LLVM does, to refuse what it refuses; weld keeps none.
    fn elem_segments(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        const PASSIVE: u32 = 0x1;
        const TABLE_NUMBER: u32 = 0x2;
        const INIT_EXPRS: u32 = 0x4;
        let tables = self.obj.imported_tables.len().saturating_add(self.obj.tables.len());
        let n = r.count(1)?;
        for _ in 0..n {
            let flags = r.leb_u32()?;
            if flags & !(PASSIVE | TABLE_NUMBER | INIT_EXPRS) != 0 {
                return r.error("Unsupported flags for element segment");
            }
            let table = if flags & TABLE_NUMBER != 0 { r.leb_u32()? } else { 0 };
            if table as usize >= tables {
                return r.error("invalid TableNumber");
            }
            if flags & PASSIVE == 0 {
                init_expr(r, None)?;
            }
            // An element kind (0: functions) or, with expressions, a reference type, which
            // LLVM 19 does not check.
            if flags & (PASSIVE | TABLE_NUMBER) != 0 {
                let kind = r.u8()?;
                if flags & INIT_EXPRS == 0 && kind != 0 {
                    return r.error("invalid elem type");
                }
            }
            let entries = r.count(1)?;
            for _ in 0..entries {
                match flags & INIT_EXPRS {
                    0 => r.leb_u32().map(|_| ())?,
                    _ => init_expr(r, None).map(|_| ())?,
                }
            }
        }
        if !r.is_empty() {
            return r.error("elem section ended prematurely");
        }
        Ok(())
    }

    fn data_segments(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(3)?;
        if self.data_count.is_some_and(|count| count != n) {
            return r.error("number of data segments does not match DataCount section");
        }
        for _ in 0..n {
            let flags = r.leb_u32()?;
            match flags {
                0 => {
                    init_expr(r, None)?;
                }
                1 => {}
                2 => {
                    r.leb_u32()?;
                    init_expr(r, None)?;
                }
                f => return r.error(format!("invalid data segment flags {f}")),
            }
            let size = r.leb_u32()? as usize;
            let section_offset = pos_u32(r, r.pos())?;
            let data = r.bytes(size)?;
            self.obj.segments.push(Segment { name: "", alignment: 0, flags: 0, data, section_offset, relocs: 0..0, comdat: None });
        }
        if !r.is_empty() {
            return r.error("data section ended prematurely");
        }
        Ok(())
    }

    fn linking(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let version = r.leb_u32()?;
        if version != linking::VERSION {
            return r.error(format!("unexpected metadata version: {version} (Expected: 2)"));
        }
        let mut saw_segment_info = false;
        while !r.is_empty() {
            let kind = r.u8()?;
            let len = r.leb_u32()? as usize;
            let mut sub = r.sub(len)?;
            match kind {
                linking::SYMBOL_TABLE => self.symbol_table(&mut sub)?,
                linking::SEGMENT_INFO => {
                    let n = sub.count(3)?;
                    if n as usize != self.obj.segments.len() {
                        return sub.error(format!("segment info for {n} segments, but the data section has {}", self.obj.segments.len()));
                    }
                    // `n` equals the number of segments (checked above).
                    for s in &mut self.obj.segments {
                        let name = sub.name()?;
                        let alignment = sub.leb_u32()?;
                        if alignment > 31 {
                            return sub.error(format!("segment alignment 2^{alignment} is too large"));
                        }
                        let flags = sub.leb_u32()?;
                        s.name = name;
                        s.alignment = alignment;
                        s.flags = flags;
                    }
                    saw_segment_info = true;
                }
                linking::INIT_FUNCS => {
                    let n = sub.count(2)?;
                    for _ in 0..n {
                        let priority = sub.leb_u32()?;
                        let symbol = sub.leb_u32()?;
                        let ok = self.obj.symbols.get(symbol as usize).is_some_and(|s| s.kind == SymKind::Function);
                        if !ok {
                            return sub.error(format!("invalid init function symbol index {symbol}"));
                        }
                        self.obj.init_funcs.push(InitFunc { priority, symbol });
                    }
                }
                linking::COMDAT_INFO => self.comdats(&mut sub)?,
                _ => {} // Unknown subsections are skipped, as LLVM does.
            }
            if !sub.is_empty() {
                return sub.error("linking subsection has trailing bytes");
            }
        }
        if !saw_segment_info && !self.obj.segments.is_empty() {
            return r.error("data segments without segment info");
        }
        Ok(())
    }

    fn comdats(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(3)?;
        let mut names = crate::hash::HashSet::default();
        for c in 0..n {
            let name = r.name()?;
            if name.is_empty() || !names.insert(name) {
                return r.error(format!("bad/duplicate COMDAT name {name}"));
            }
            let flags = r.leb_u32()?;
            if flags != 0 {
                return r.error("unsupported COMDAT flags");
            }
            let entries = r.count(2)?;
            for _ in 0..entries {
                let kind = r.u8()?;
                let index = r.leb_u32()?;
                let slot = match kind {
                    wasm::comdat_kind::DATA => self.obj.segments.get_mut(index as usize).map(|s| &mut s.comdat),
                    wasm::comdat_kind::FUNCTION => index
                        .checked_sub(self.obj.num_imported_functions())
                        .and_then(|i| self.obj.functions.get_mut(i as usize))
                        .map(|f| &mut f.comdat),
                    wasm::comdat_kind::SECTION => {
                        let i = self.custom_index(index);
                        i.and_then(|i| self.obj.customs.get_mut(i)).map(|s| &mut s.comdat)
                    }
                    // Linking.md also numbers globals, tags and tables, but LLVM puts none of
                    // them in a group and rejects them, as it does unknown kinds.
                    k => return r.error(format!("invalid COMDAT entry kind {k}")),
                };
                match slot {
                    // A chunk belongs to one group at most (LLVM: "function in two COMDATs").
                    Some(Some(_)) if kind != wasm::comdat_kind::SECTION => {
                        let what = if kind == wasm::comdat_kind::DATA { "data segment" } else { "function" };
                        return r.error(format!("{what} {index} in two COMDATs"));
                    }
                    Some(slot) => *slot = Some(c),
                    None => return r.error(format!("invalid COMDAT entry index {index}")),
                }
            }
            self.obj.comdats.push(name);
        }
        Ok(())
    }

    fn symbol_table(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let n = r.count(2)?;
        self.obj.symbols.reserve(n as usize);
        // Names of the non-local symbols: LLVM rejects an object that lists one twice.
        let mut seen = crate::hash::HashSet::default();
        for _ in 0..n {
            let at = r.offset();
            let kind_byte = r.u8()?;
            let flags = r.leb_u32()?;
            let undefined = flags & sym_flag::UNDEFINED != 0;
            let explicit = flags & sym_flag::EXPLICIT_NAME != 0;
            let mut info = SymbolInfo { kind: SymKind::Function, flags, name: "", index: 0, data: None, import_module: None, import_name: None };
            match kind_byte {
                sym_kind::FUNCTION | sym_kind::GLOBAL | sym_kind::TAG | sym_kind::TABLE => {
                    info.kind = match kind_byte {
                        sym_kind::FUNCTION => SymKind::Function,
                        sym_kind::GLOBAL => SymKind::Global,
                        sym_kind::TAG => SymKind::Tag,
                        _ => SymKind::Table,
                    };
                    let index = r.leb_u32()?;
                    info.index = index;
                    let (imported, defined_count, what) = match info.kind {
                        SymKind::Function => (&self.obj.imported_functions, self.obj.functions.len(), "function"),
                        SymKind::Global => (&self.obj.imported_globals, self.obj.globals.len(), "global"),
                        SymKind::Tag => (&self.obj.imported_tags, self.obj.tags.len(), "tag"),
                        _ => (&self.obj.imported_tables, self.obj.tables.len(), "table"),
                    };
                    // An import (index < imports) exactly when undefined, else a definition.
                    let import = imported.get(index as usize).and_then(|&i| self.obj.imports.get(i as usize));
                    let local = (index as usize).checked_sub(imported.len()).filter(|&l| l < defined_count);
                    if import.is_some() != undefined || (import.is_none() && local.is_none()) {
                        return r.error(format!("invalid {what} symbol index {index}"));
                    }
                    if let Some(imp) = import {
                        info.import_module = Some(imp.module);
                        if explicit {
                            info.name = r.name()?;
                            info.import_name = Some(imp.field);
                        } else {
                            info.name = imp.field;
                        }
                        // (LLVM's rule: no weak import for a global or a table.)
                        if flags & sym_flag::BINDING_MASK == sym_flag::BINDING_WEAK {
                            match info.kind {
                                SymKind::Global => return r.error("undefined weak global symbol"),
                                SymKind::Table => return r.error("undefined weak table symbol"),
                                _ => {}
                            }
                        }
                    } else {
                        info.name = r.name()?;
                        let local = local.unwrap_or(0);
                        match info.kind {
                            SymKind::Function => {
                                if let Some(f) = self.obj.functions.get_mut(local) {
                                    f.symbol_name.get_or_insert(info.name);
                                }
                            }
                            SymKind::Global => {
                                if let Some(g) = self.obj.globals.get_mut(local) {
                                    g.symbol_name.get_or_insert(info.name);
                                }
                            }
                            SymKind::Table => {
                                if let Some(t) = self.obj.tables.get_mut(local) {
                                    t.symbol_name.get_or_insert(info.name);
                                }
                            }
                            SymKind::Tag => {
                                if let Some(t) = self.obj.tags.get_mut(local) {
                                    t.symbol_name.get_or_insert(info.name);
                                }
                            }
                            _ => {}
                        }
                    }
                }
                sym_kind::DATA => {
                    info.kind = SymKind::Data;
                    info.name = r.name()?;
                    if !undefined {
                        let segment = r.leb_u32()?;
                        let offset = r.leb_u64(64)?;
                        let size = r.leb_u64(64)?;
                        // (wasm-ld 19 places even an ABSOLUTE-flagged symbol in its segment.)
                        let seg_len = match self.obj.segments.get(segment as usize) {
                            Some(s) => s.data.len() as u64,
                            None => return r.error(format!("invalid data symbol segment index {segment}")),
                        };
                        // (As LLVM: the offset is checked, not the size, which is only reported.)
                        if offset > seg_len {
                            let name = info.name;
                            return r.error(format!("invalid data symbol offset: `{name}` (offset: {offset} segment size: {seg_len})"));
                        }
                        info.data = Some((segment, offset, size));
                    }
                }
                sym_kind::SECTION => {
                    info.kind = SymKind::Section;
                    let index = r.leb_u32()?;
                    info.index = index;
                    if flags & sym_flag::BINDING_MASK != sym_flag::BINDING_LOCAL {
                        return r.error("section symbols must have local binding");
                    }
                    match self.section_ids.get(index as usize) {
                        Some(&section::CUSTOM) => {}
                        _ => return r.error(format!("invalid section symbol index {index}")),
                    }
                    // Named after the section, as LLVM does.
                    info.name = self.custom_index(index).and_then(|i| self.obj.customs.get(i)).map_or("", |c| c.name);
                }
                k => return r.error(format!("invalid symbol type {k}")),
            }
            if flags & sym_flag::BINDING_MASK != sym_flag::BINDING_LOCAL && !seen.insert(info.name) {
                return Err(ParseError { offset: at, message: format!("duplicate symbol name {}", info.name) });
            }
            self.obj.symbols.push(info);
        }
        Ok(())
    }

    fn relocations(&mut self, r: &mut Reader<'a>) -> ParseResult<()> {
        let target = r.leb_u32()?;
        let id = match self.section_ids.get(target as usize) {
            Some(&id) => id,
            None => return r.error(format!("invalid relocation section index {target}")),
        };
        let custom = match id {
            section::CODE | section::DATA => None,
            section::CUSTOM => match self.custom_index(target) {
                Some(i) => Some(i),
                None => return r.error("relocations for a custom section the linker does not copy"),
            },
            _ => return r.error(format!("relocations against unsupported section {}", section::name(id))),
        };
        let n = r.count(3)?;
        let mut list = Vec::with_capacity(n as usize);
        for _ in 0..n {
            let at = r.offset();
            let kind = RelocKind(r.u8()?);
            if !kind.is_known() {
                return r.error(format!("invalid relocation type {}", kind.0));
            }
            let offset = r.leb_u32()?;
            let index = r.leb_u32()?;
            let addend = if kind.has_addend() { r.leb_i64(64)? } else { 0 };
            let fail = |m: String| Err(ParseError { offset: at, message: m });
            // A relocation that patches 32 bits has a 32-bit addend (LLVM reads it with
            // `readVarint32`, and wasm-ld 19 aborts on a larger one).
            let wide = matches!(kind.encoding(), Encoding::Uleb64 | Encoding::Sleb64 | Encoding::I64);
            if !wide && i32::try_from(addend).is_err() {
                return fail(format!("{}: addend {addend} is outside the 32-bit range", kind.name()));
            }
            // The patched bytes must lie inside one chunk: a function body (after its size
            // prefix), a data segment's bytes, or the custom section.
            let start = u64::from(offset);
            let end = start.saturating_add(kind.encoding().width() as u64);
            let inside = match custom {
                None => self.chunk_containing(id, start).is_some_and(|(lo, hi)| lo <= start && end <= hi),
                Some(i) => self.obj.customs.get(i).is_some_and(|c| end <= c.data.len() as u64),
            };
            if !inside {
                let what = match id {
                    section::CODE => "a function body",
                    section::DATA => "a data segment",
                    _ => "its section",
                };
                return fail(format!("{}: offset 0x{offset:x} is outside {what}", kind.name()));
            }
            self.check_reloc_target(kind, index).or_else(fail)?;
            list.push(Reloc { kind, offset, index, addend });
        }
        // Sorted by offset, as LLVM writes them and requires (so chunk ranges are contiguous).
        if !list.windows(2).all(|pair| matches!(pair, [a, b] if a.offset <= b.offset)) {
            return r.error("relocations not in offset order");
        }
        if !r.is_empty() {
            return r.error("reloc section ended prematurely");
        }
        match custom {
            None if id == section::CODE => self.obj.code_relocs = list,
            None => self.obj.data_relocs = list,
            Some(i) => {
                if let Some(c) = self.obj.customs.get_mut(i) {
                    c.relocs = list;
                }
            }
        }
        Ok(())
    }

    /// Position in `customs` of the custom section with section index `index` (`customs`
    /// is in section order).
    fn custom_index(&self, index: u32) -> Option<usize> {
        self.obj.customs.binary_search_by_key(&index, |c| c.section_index).ok()
    }

    /// The patchable byte range `[start, end)` (section payload offsets) of the function
    /// body or data segment that starts last at or before `offset`.
    fn chunk_containing(&self, id: u8, offset: u64) -> Option<(u64, u64)> {
        if id == section::CODE {
            let i = self.obj.functions.partition_point(|f| u64::from(f.code_offset) <= offset).checked_sub(1)?;
            let f = self.obj.functions.get(i)?;
            let mut body = Reader::new(f.body, 0);
            body.leb_u32().ok()?;
            let start = u64::from(f.code_offset).saturating_add(body.pos() as u64);
            Some((start, u64::from(f.code_offset).saturating_add(f.body.len() as u64)))
        } else {
            let i = self.obj.segments.partition_point(|s| u64::from(s.section_offset) <= offset).checked_sub(1)?;
            let s = self.obj.segments.get(i)?;
            Some((u64::from(s.section_offset), u64::from(s.section_offset).saturating_add(s.data.len() as u64)))
        }
    }

    fn check_reloc_target(&self, kind: RelocKind, index: u32) -> Result<(), String> {
        let target = kind.target();
        if target == Target::Type {
            return if (index as usize) < self.obj.types.len() { Ok(()) } else { Err(format!("invalid relocation type index {index}")) };
        }
        let Some(sym) = self.obj.symbols.get(index as usize) else {
            return Err(format!("invalid relocation symbol index {index}"));
        };
        let ok = match target {
            Target::Function | Target::TableSlot | Target::FunctionOffset => sym.kind == SymKind::Function,
            Target::Data => sym.kind == SymKind::Data,
            // GLOBAL_INDEX_LEB may also refer to data or functions (their GOT entries).
            Target::Global if kind == RelocKind::GLOBAL_INDEX_LEB => {
                matches!(sym.kind, SymKind::Global | SymKind::Data | SymKind::Function)
            }
            Target::Global => sym.kind == SymKind::Global,
            Target::Tag => sym.kind == SymKind::Tag,
            Target::Table => sym.kind == SymKind::Table,
            Target::SectionOffset => sym.kind == SymKind::Section,
            Target::Type => true,
        };
        if ok {
            Ok(())
        } else {
            Err(format!("{} refers to symbol `{}` of kind {}", kind.name(), sym.name, sym.kind.name()))
        }
    }

    /// Give each function and segment its slice of the sorted relocation list.
    fn assign_chunk_relocs(&mut self) {
        // The lists came from `u32` counts, so their positions fit in `u32`.
        let slice = |relocs: &[Reloc], start: u32, len: usize| -> Range<u32> {
            let end = u64::from(start).saturating_add(len as u64);
            let lo = relocs.partition_point(|r| r.offset < start);
            let hi = relocs.partition_point(|r| u64::from(r.offset) < end);
            let lo = u32::try_from(lo).unwrap_or(u32::MAX);
            lo..u32::try_from(hi).unwrap_or(u32::MAX).max(lo)
        };
        for f in &mut self.obj.functions {
            f.relocs = slice(&self.obj.code_relocs, f.code_offset, f.body.len());
        }
        for s in &mut self.obj.segments {
            s.relocs = slice(&self.obj.data_relocs, s.section_offset, s.data.len());
        }
    }

    fn called_directly(&mut self) {
        let mut called = vec![false; self.obj.symbols.len()];
        let customs = self.obj.customs.iter().flat_map(|c| c.relocs.iter());
        for r in self.obj.code_relocs.iter().chain(self.obj.data_relocs.iter()).chain(customs) {
            if r.kind == RelocKind::FUNCTION_INDEX_LEB {
                if let Some(c) = called.get_mut(r.index as usize) {
                    *c = true;
                }
            }
        }
        self.obj.called_directly = called;
    }
}

/// Reads a constant expression and returns its bytes including the final `end`. A global's
/// initializer (`global: Some(type)`) is copied to the output as it is, so it must leave one
/// value of the global's type and must not name an index: objects have no relocation for one,
/// and a copied `global.get`/`ref.func` would name whatever has that index in the output.
/// (wasm-ld copies such initializers and writes a module that does not validate.)
pub fn init_expr<'a>(r: &mut Reader<'a>, global: Option<u8>) -> ParseResult<&'a [u8]> {
    use wasm::op;
    use wasm::valtype::{F32, F64, I32, I64};
    let start = r.pos();
    let at_start = r.clone();
    let mut stack: Vec<u8> = Vec::new();
    loop {
        let at = r.clone();
        let opcode = r.u8()?;
        let pushed = match opcode {
            op::END => break,
            op::I32_CONST => r.leb_i64(32).map(|_| I32)?,
            op::I64_CONST => r.leb_i64(64).map(|_| I64)?,
            op::F32_CONST => r.bytes(4).map(|_| F32)?,
            op::F64_CONST => r.bytes(8).map(|_| F64)?,
            op::GLOBAL_GET | op::REF_FUNC => {
                r.leb_u32()?;
                if global.is_some() {
                    let what = if opcode == op::GLOBAL_GET { "global.get" } else { "ref.func" };
                    return at.error(format!("{what} in a global's initializer cannot be linked: objects have no relocation for its index"));
                }
                I32 // (not checked: only a global's initializer is)
            }
            op::REF_NULL => r.u8()?,
            op::I32_ADD | op::I32_SUB | op::I32_MUL | op::I64_ADD | op::I64_SUB | op::I64_MUL => {
                let ty = if opcode <= op::I32_MUL { I32 } else { I64 };
                let operands = stack.len().checked_sub(2).map(|at| stack.split_off(at));
                if global.is_some() && operands.as_deref() != Some(&[ty, ty]) {
                    let name = wasm::valtype::name(ty);
                    return at.error(format!("type mismatch in a global's initializer: {name} arithmetic needs two {name} operands"));
                }
                ty
            }
            other => return r.error(format!("invalid opcode in init_expr: {other}")), // (LLVM's words)
        };
        stack.push(pushed);
    }
    if let Some(ty) = global {
        if stack != [ty] {
            let found: Vec<&str> = stack.iter().map(|&t| wasm::valtype::name(t)).collect();
            let found = if found.is_empty() { "nothing".to_string() } else { found.join(" ") };
            let expected = wasm::valtype::name(ty);
            return at_start.error(format!("type mismatch in a global's initializer: expected {expected}, found {found}"));
        }
    }
    match r.data().get(start..r.pos()) {
        Some(expr) => Ok(expr),
        None => r.error("constant expression out of range"),
    }
}
