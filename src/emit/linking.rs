//! What makes a relocatable output (`-r`) an object again, and what `--emit-relocs` keeps
//! in a linked module: the `linking` section (symbol table, segment info, init functions,
//! COMDATs) and one `reloc.*` section per output section whose input chunks had
//! relocations, in wasm-ld's orders.
//!
//! Relocations are re-targeted, not recomputed: each input relocation keeps its type and
//! addend (a section offset's addend becomes its offset in the output section), and its
//! offset and symbol become the output's.

use crate::context::{Ctx, Def, FileId, SymbolId};
use crate::emit::encode::{write_name, write_sleb, write_uleb};
use crate::hash::HashMap;
use crate::input::object::SymKind;
use crate::input::relocs::{Reloc, RelocKind};
use crate::input::wasm::{comdat_kind, linking, sym_flag, sym_kind};
use crate::layout::indices::{self, Indices};
use crate::layout::memory::{segment_offset, MemoryLayout, Part};

/// One entry of the output symbol table.
enum Entry {
    Symbol(SymbolId),
    /// The symbol of an output custom section: its section index.
    Section(u32),
}

/// The output symbol table and the index of each symbol in it.
pub struct SymbolTable {
    entries: Vec<Entry>,
    index: HashMap<SymbolId, u32>,
    /// Output custom section name → index of its section symbol.
    section_symbols: HashMap<String, u32>,
}

impl SymbolTable {
    /// wasm-ld's `populateSymtab`, then one section symbol per custom section: live global
    /// symbols the objects use, in symbol-table order, then each object's live locals.
    pub fn build(ctx: &Ctx<'_>, custom_sections: &[(&str, u32)]) -> SymbolTable {
        let mut t = SymbolTable { entries: Vec::new(), index: HashMap::default(), section_symbols: HashMap::default() };
        for &s in &ctx.symtab {
            // (What shared library inputs define is theirs to list.)
            if ctx.sym(s).used_in_regular_obj && ctx.is_live(s) && !ctx.sym(s).is_shared() {
                t.push(s);
            }
        }
        for &file in &ctx.object_order {
            for &s in &ctx.file(file).symbols {
                let sym = ctx.sym(s);
                // (Also locals in COMDAT copies the link does not use: without garbage
                // collection those copies are written, and relocations name their locals.)
                if sym.is_local_binding() && sym.kind != SymKind::Section && ctx.is_live(s) {
                    t.push(s);
                }
            }
        }
        for &(name, section_index) in custom_sections {
            t.section_symbols.insert(name.to_string(), t.entries.len() as u32);
            t.entries.push(Entry::Section(section_index));
        }
        t
    }

    /// A symbol can come twice: a global replaced by a local stub (`undefined_weak:`) is
    /// both in the symbol table and among its file's locals. wasm-ld lists it twice and
    /// relocations use the later entry; so does weld.
    fn push(&mut self, s: SymbolId) {
        self.index.insert(s, self.entries.len() as u32);
        self.entries.push(Entry::Symbol(s));
    }

    /// Output symbol index of `sym`, a file's symbol-table entry; section symbols map to
    /// their output section's symbol.
    fn of(&self, ctx: &Ctx<'_>, sym: SymbolId) -> u32 {
        if let Def::Section(file, idx) = ctx.sym(sym).def {
            let name = ctx.file(file).object().customs.get(idx as usize).map_or("", |c| c.name);
            return self.section_symbols.get(name).copied().unwrap_or(u32::MAX);
        }
        // A symbol left out (garbage-collected, with `--emit-relocs`) has no index; wasm-ld
        // writes its "invalid index", -1, and so does weld: there is nothing better to
        // point at.
        self.index.get(&sym).copied().unwrap_or(u32::MAX)
    }
}

/// The `linking` section's payload.
pub fn linking_section(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>, table: &SymbolTable) -> Vec<u8> {
    let mut p = Vec::new();
    write_uleb(&mut p, linking::VERSION as u64);

    if !table.entries.is_empty() {
        let mut sub = Vec::new();
        write_uleb(&mut sub, table.entries.len() as u64);
        for entry in &table.entries {
            match *entry {
                Entry::Symbol(s) => write_symbol(&mut sub, ctx, s),
                Entry::Section(index) => {
                    sub.push(sym_kind::SECTION);
                    write_uleb(&mut sub, sym_flag::BINDING_LOCAL as u64);
                    write_uleb(&mut sub, index as u64);
                }
            }
        }
        subsection(&mut p, linking::SYMBOL_TABLE, &sub);
    }

    if !mem.segments.is_empty() {
        let mut sub = Vec::new();
        write_uleb(&mut sub, mem.segments.len() as u64);
        for seg in &mem.segments {
            write_name(&mut sub, seg.name);
            write_uleb(&mut sub, seg.alignment as u64);
            // wasm-ld 19 writes no segment flags (not even TLS or STRINGS); the symbols
            // keep their TLS flag, which is what a later link goes by.
            write_uleb(&mut sub, 0);
        }
        subsection(&mut p, linking::SEGMENT_INFO, &sub);
    }

    if !ix.init_functions.is_empty() {
        let mut sub = Vec::new();
        write_uleb(&mut sub, ix.init_functions.len() as u64);
        for &(priority, s) in &ix.init_functions {
            write_uleb(&mut sub, priority as u64);
            write_uleb(&mut sub, table.of(ctx, s) as u64);
        }
        subsection(&mut p, linking::INIT_FUNCS, &sub);
    }

    // COMDATs by name (wasm-ld keeps them in a sorted map): functions in output order,
    // then the data segments, each named by its first input segment's COMDAT.
    let mut comdats: std::collections::BTreeMap<&str, Vec<(u8, u32)>> = std::collections::BTreeMap::new();
    for &f in &ix.functions {
        let func = ctx.func(f);
        let Some(file) = func.file else { continue };
        let obj = ctx.file(file).object();
        let comdat = obj.functions.get(func.local_index as usize).and_then(|i| i.comdat).and_then(|c| obj.comdats.get(c as usize));
        if let (Some(&name), Some(index)) = (comdat, func.out_index) {
            comdats.entry(name).or_default().push((comdat_kind::FUNCTION, index));
        }
    }
    for seg in &mem.segments {
        let Some(Part::Input(first)) = seg.parts.first() else { continue };
        #[allow(clippy::indexing_slicing)] // A `SegId` is the index its segment was pushed at; never removed.
        let is = &ctx.segments[first.idx()];
        let obj = ctx.file(is.file).object();
        let comdat = obj.segments.get(is.local_index as usize).and_then(|s| s.comdat).and_then(|c| obj.comdats.get(c as usize));
        if let Some(&name) = comdat {
            comdats.entry(name).or_default().push((comdat_kind::DATA, seg.index));
        }
    }
    if !comdats.is_empty() {
        let mut sub = Vec::new();
        write_uleb(&mut sub, comdats.len() as u64);
        for (name, entries) in &comdats {
            write_name(&mut sub, name);
            write_uleb(&mut sub, 0); // flags, reserved
            write_uleb(&mut sub, entries.len() as u64);
            for &(kind, index) in entries {
                sub.push(kind);
                write_uleb(&mut sub, index as u64);
            }
        }
        subsection(&mut p, linking::COMDAT_INFO, &sub);
    }
    p
}

fn subsection(out: &mut Vec<u8>, id: u8, payload: &[u8]) {
    out.push(id);
    write_uleb(out, payload.len() as u64);
    out.extend_from_slice(payload);
}

fn write_symbol(out: &mut Vec<u8>, ctx: &Ctx<'_>, s: SymbolId) {
    let sym = ctx.sym(s);
    let flags = sym.flags;
    let named = sym.is_defined() || flags & sym_flag::EXPLICIT_NAME != 0;
    let (kind, index) = match sym.kind {
        SymKind::Function => (sym_kind::FUNCTION, ctx.defined_function_index(s).unwrap_or(0)),
        SymKind::Global => (sym_kind::GLOBAL, indices::global_index(ctx, s)),
        SymKind::Tag => (sym_kind::TAG, indices::tag_index(ctx, s)),
        SymKind::Table => (sym_kind::TABLE, indices::table_number(ctx, s)),
        SymKind::Data | SymKind::Section => {
            out.push(sym_kind::DATA);
            write_uleb(out, flags as u64);
            write_name(out, sym.name);
            match sym.def {
                Def::Data { segment: Some(seg), offset, size } => {
                    #[allow(clippy::indexing_slicing)] // A `SegId` is the index its segment was pushed at; never removed.
                    let is = &ctx.segments[seg.idx()];
                    // Output segments are numbered by their place in `mem.segments`.
                    write_uleb(out, is.out_seg.map_or(0, |o| o.0) as u64);
                    write_uleb(out, segment_offset(is, offset));
                    write_uleb(out, size);
                }
                Def::Data { segment: None, offset, size } => {
                    write_uleb(out, 0);
                    write_uleb(out, offset);
                    write_uleb(out, size);
                }
                _ => {}
            }
            return;
        }
    };
    out.push(kind);
    write_uleb(out, flags as u64);
    write_uleb(out, index as u64);
    if named {
        write_name(out, sym.name);
    }
}

/// An input chunk (function, segment, custom section) as placed in an output section.
pub struct RelocChunk<'x> {
    pub file: FileId,
    pub relocs: &'x [Reloc],
    /// Where the chunk starts in its input section (relocation offsets count from there).
    pub input_offset: u64,
    /// Where it starts in the output section's payload.
    pub output_offset: u64,
}

/// An output section's relocations, gathered as it is written.
pub struct RelocSection<'x> {
    /// `reloc.CODE`, `reloc.DATA` or `reloc.<custom section>`.
    pub name: String,
    /// The output section's index.
    pub index: u32,
    pub chunks: Vec<RelocChunk<'x>>,
    /// Written even with no entries (see `CustomOut::merged_had_relocs`).
    pub write_empty: bool,
}

/// The relocations of one output section, ready to write: (type, offset, index, addend).
#[derive(Default)]
pub struct Relocs {
    entries: Vec<(RelocKind, u64, u32, Option<i64>)>,
    /// Relocations against a section the output does not have (`linking`, `reloc.*`):
    /// there is no symbol to point them at, so the link fails (wasm-ld 19 crashes).
    pub unwritable: Vec<String>,
}

impl Relocs {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a chunk's relocations; `section_addend` gives a section-offset relocation's new
    /// addend (its offset in the output section).
    pub fn add_chunk(&mut self, ctx: &Ctx<'_>, table: &SymbolTable, chunk: &RelocChunk<'_>, section_addend: &dyn Fn(FileId, u32, i64) -> u64) {
        let f = ctx.file(chunk.file);
        for r in chunk.relocs {
            let offset = chunk.output_offset.wrapping_add((r.offset as u64).wrapping_sub(chunk.input_offset));
            let (index, addend) = if r.kind == RelocKind::TYPE_INDEX_LEB {
                (f.type_map.get(r.index as usize).copied().flatten().unwrap_or(0), None)
            } else {
                let sym = f.symbols.get(r.index as usize).copied();
                let index = sym.map_or(0, |s| table.of(ctx, s));
                if let Some(s) = sym.filter(|&s| index == u32::MAX && matches!(ctx.sym(s).def, Def::Section(..))) {
                    let section = match ctx.sym(s).name {
                        "" => "the linker reads itself (`linking`, `reloc.*`, ...)".to_string(),
                        name => format!("`{name}`"),
                    };
                    self.unwritable.push(format!("{}: a relocation refers to a section {section}, which the output does not keep", f.name));
                }
                let addend = r.kind.has_addend().then(|| match (r.kind, sym.map(|s| ctx.sym(s).def)) {
                    (RelocKind::SECTION_OFFSET_I32, Some(Def::Section(sf, idx))) => section_addend(sf, idx, r.addend) as i64,
                    _ => r.addend,
                });
                (index, addend)
            };
            self.entries.push((r.kind, offset, index, addend));
        }
    }

    /// The `reloc.*` payload for the section at `section_index`.
    pub fn payload(&self, section_index: u32) -> Vec<u8> {
        let mut p = Vec::new();
        write_uleb(&mut p, section_index as u64);
        write_uleb(&mut p, self.entries.len() as u64);
        for &(kind, offset, index, addend) in &self.entries {
            write_uleb(&mut p, kind.0 as u64);
            write_uleb(&mut p, offset);
            write_uleb(&mut p, index as u64);
            if let Some(a) = addend {
                write_sleb(&mut p, a);
            }
        }
        p
    }
}
