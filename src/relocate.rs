//! The value of each relocation in the final module, and one writer per encoding.
//! Relocations were validated when the object was parsed, so patching cannot go out of
//! bounds; a value that does not fit its field is truncated exactly as wasm-ld does.
//!
//! Patching writes output from untrusted input, and in the browser a panic is a trap that
//! kills the link: no `unwrap`, no `panic`, no indexing that can fail.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

use crate::context::{Ctx, Def, FileId, SymbolId};
use crate::emit::encode::{patch_sleb, patch_uleb, write_sleb, write_uleb};
use crate::input::object::SymKind;
use crate::input::relocs::{Encoding, Reloc, RelocKind, Target};
use crate::layout::indices::{self, Indices};
use crate::layout::memory::{self, MemoryLayout};

/// Everything relocation values depend on.
pub struct Resolver<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub ix: &'c Indices,
    pub mem: &'c MemoryLayout<'a>,
    /// Offset of each output custom-section chunk: (file, custom index) → offset.
    pub custom_offsets: &'c crate::hash::HashMap<(FileId, u32), u64>,
    /// Merged string sections and segments that a relocation pointed past the end of
    /// (wasm-ld: "offset is outside the section"), as `file:(section)`, for the caller to report.
    pub outside: std::cell::RefCell<Vec<String>>,
}

/// Input bytes to copy into the output and patch.
pub struct Chunk<'x> {
    pub file: FileId,
    pub data: &'x [u8],
    /// Relocations against `data`, with offsets relative to its input section.
    pub relocs: &'x [Reloc],
    /// Offset of `data[0]` within its input section.
    pub input_offset: u64,
    /// Address of `data[0]` in linear memory (data segments; for PC-relative kinds).
    pub va: u64,
    /// Value for references to removed symbols (debug sections), or 0 for the addend.
    pub tombstone: u64,
}

impl Resolver<'_, '_> {
    pub fn value(&self, chunk: &Chunk<'_>, r: &Reloc) -> u64 {
        let tombstone = chunk.tombstone;
        let f = self.ctx.file(chunk.file);
        if r.kind == RelocKind::TYPE_INDEX_LEB {
            return f.type_map.get(r.index as usize).copied().flatten().unwrap_or(0) as u64;
        }
        let Some(&sym) = f.symbols.get(r.index as usize) else { return 0 };
        let s = self.ctx.sym(sym);
        if s.kind != SymKind::Section && !self.ctx.is_live(sym) {
            return if tombstone != 0 { tombstone } else { r.addend as u64 };
        }
        match r.kind.target() {
            Target::TableSlot => {
                let Some(index) = self.ctx.table_index(sym) else { return 0 };
                let index = index as u64;
                if matches!(r.kind, RelocKind::TABLE_INDEX_REL_SLEB | RelocKind::TABLE_INDEX_REL_SLEB64) {
                    index.wrapping_sub(self.ix.table_base as u64)
                } else {
                    index
                }
            }
            Target::Data => self.data_value(sym, r, chunk),
            Target::Type => 0,
            Target::Function => self.ctx.function_index(sym).unwrap_or(0) as u64,
            Target::Global => match self.ix.got_index.get(&sym) {
                Some(&got) if s.kind != SymKind::Global => got as u64,
                _ => indices::global_index(self.ctx, sym) as u64,
            },
            Target::Tag => indices::tag_index(self.ctx, sym) as u64,
            Target::Table => indices::table_number(self.ctx, sym) as u64,
            Target::FunctionOffset => match s.def {
                Def::Function(func) => {
                    let func = self.ctx.func(func);
                    // wasm-ld counts from after an input function's size prefix, but from
                    // the start of a synthetic one (it has no input code offset).
                    let prefix = if func.file.is_some() { size_prefix_len(&func.body).unwrap_or(1) } else { 0 };
                    func.out_offset.wrapping_add(prefix as u64).wrapping_add(r.addend as u64)
                }
                _ => {
                    if tombstone != 0 {
                        tombstone
                    } else {
                        r.addend as u64
                    }
                }
            },
            Target::SectionOffset => match s.def {
                Def::Section(sf, idx) => self.section_offset(sf, idx, r.addend),
                _ => 0,
            },
        }
    }

    fn data_value(&self, sym: SymbolId, r: &Reloc, chunk: &Chunk<'_>) -> u64 {
        let s = self.ctx.sym(sym);
        if !s.is_defined() || !matches!(s.def, Def::Data { .. }) {
            return 0;
        }
        if let Def::Data { segment: Some(seg), offset, .. } = s.def {
            if let Some(at) = crate::string_sections::past_merged_segment(self.ctx, seg, offset) {
                self.outside.borrow_mut().push(at);
            }
        }
        let tls_relative = s.is_tls() && !is_absolute_context(r.kind, self.ctx);
        let va = memory::data_address(self.ctx, self.mem, s.def, tls_relative);
        let mut value = va.wrapping_add(r.addend as u64);
        if r.kind == RelocKind::MEMORY_ADDR_LOCREL_I32 {
            let p = chunk.va.wrapping_add(r.offset as u64).wrapping_sub(chunk.input_offset);
            value = value.wrapping_sub(p);
        }
        value
    }

    /// Offset within its output section of byte `addend` of a custom section chunk.
    pub fn section_offset(&self, file: FileId, idx: u32, addend: i64) -> u64 {
        let base = self.custom_offsets.get(&(file, idx)).copied().unwrap_or(0);
        match self.custom_pieces(file, idx) {
            Some(pieces) => {
                let off = addend as u64;
                let f = self.ctx.file(file);
                if let Some(custom) = f.object().customs.get(idx as usize).filter(|c| off >= c.data.len() as u64) {
                    self.outside.borrow_mut().push(format!("{}:({})", f.name, custom.name));
                }
                let i = pieces.partition_point(|&(input, _)| input as u64 <= off);
                match i.checked_sub(1).and_then(|i| pieces.get(i)) {
                    Some(&(input, out)) => base.wrapping_add(out).wrapping_add(off - input as u64),
                    None => base.wrapping_add(off),
                }
            }
            None => base.wrapping_add(addend as u64),
        }
    }

    fn custom_pieces(&self, file: FileId, idx: u32) -> Option<&Vec<(u32, u64)>> {
        self.ctx.custom_pieces.get(&(file, idx))
    }
}

/// TLS symbols are addressed relative to `__tls_base` by the TLS relocation kinds; other
/// kinds use absolute addresses.
fn is_absolute_context(kind: RelocKind, _ctx: &Ctx<'_>) -> bool {
    !kind.is_tls()
}

fn size_prefix_len(body: &[u8]) -> Option<usize> {
    body.iter().position(|&b| b & 0x80 == 0).map(|p| p + 1)
}

/// Writes `value` into `buf` at `at` with the relocation's encoding.
pub fn patch(buf: &mut [u8], at: usize, kind: RelocKind, value: u64) {
    let enc = kind.encoding();
    let Some(field) = at.checked_add(enc.width()).and_then(|end| buf.get_mut(at..end)) else { return };
    match enc {
        Encoding::Uleb32 => patch_uleb(field, value as u32 as u64),
        Encoding::Uleb64 => patch_uleb(field, value),
        Encoding::Sleb32 => patch_sleb(field, value as u32 as i32 as i64),
        Encoding::Sleb64 => patch_sleb(field, value as i64),
        Encoding::I32 => field.copy_from_slice(&(value as u32).to_le_bytes()),
        Encoding::I64 => field.copy_from_slice(&value.to_le_bytes()),
    }
}

/// Copies a chunk and applies its relocations.
pub fn copy_relocated(out: &mut Vec<u8>, chunk: &Chunk<'_>, res: &Resolver<'_, '_>) {
    let start = out.len();
    out.extend_from_slice(chunk.data);
    let Some(bytes) = out.get_mut(start..) else { return };
    for r in chunk.relocs {
        let value = res.value(chunk, r);
        let at = (r.offset as u64).wrapping_sub(chunk.input_offset) as usize;
        patch(bytes, at, r.kind, value);
    }
}

/// `--compress-relocations`: a function body with each LEB relocation written at its
/// minimal length instead of padded to 5 or 10 bytes, under a size prefix to match, as
/// wasm-ld writes it (every LEB kind, PIC-relative and TLS offsets too). The fixed-width kinds keep
/// their width and are patched in place.
pub fn copy_compressed(out: &mut Vec<u8>, chunk: &Chunk<'_>, res: &Resolver<'_, '_>) {
    let data = chunk.data;
    let mut pos = size_prefix_len(data).unwrap_or(data.len());
    let mut body = Vec::with_capacity(data.len());
    for r in chunk.relocs {
        let at = (r.offset as u64).wrapping_sub(chunk.input_offset) as usize;
        let width = r.kind.encoding().width();
        let (Some(before), Some(field)) = (data.get(pos..at), at.checked_add(width).and_then(|end| data.get(at..end))) else {
            continue; // not inside this body: the parser rejects such relocations
        };
        body.extend_from_slice(before);
        let value = res.value(chunk, r);
        match r.kind.encoding() {
            Encoding::Uleb32 | Encoding::Uleb64 => write_uleb(&mut body, value),
            Encoding::Sleb32 | Encoding::Sleb64 => write_sleb(&mut body, value as i64),
            Encoding::I32 | Encoding::I64 => {
                let start = body.len();
                body.extend_from_slice(field);
                if let Some(patched) = body.get_mut(start..) {
                    patch(patched, 0, r.kind, value);
                }
            }
        }
        pos = at.saturating_add(width);
    }
    body.extend_from_slice(data.get(pos..).unwrap_or_default());
    write_uleb(out, body.len() as u64);
    out.extend_from_slice(&body);
}

/// wasm-ld's tombstone for references to removed code from debug sections.
pub fn tombstone_for_section(name: &str) -> u64 {
    if name == ".debug_ranges" || name == ".debug_loc" {
        u64::MAX - 1
    } else if name.starts_with(".debug_") || name.starts_with("llvm.func_attr.") {
        u64::MAX
    } else {
        0
    }
}
