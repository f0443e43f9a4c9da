//! String sections: data segments flagged `STRINGS` and the DWARF string sections, whose
//! NUL-terminated strings the linker deduplicates (wasm-ld's `MergeInputChunk`, at `-O1`
//! and up). wasm-ld splits every such section of every loaded object into its strings
//! before garbage collection, so one that does not end in a NUL fails the link even when
//! it is later removed or stripped; and it refuses to map an offset at or past the end of
//! a merged section.

use crate::context::{Ctx, Def, SegId, SymbolId};
use crate::diag::Diagnostic;
use crate::input::object::Segment;
use crate::input::wasm::seg_flag;
use crate::options::Options;

/// Is this input segment a string table whose pieces may be deduplicated?
pub fn is_mergeable_segment(segment: &Segment<'_>, options: &Options) -> bool {
    segment.flags & seg_flag::STRINGS != 0 && segment.alignment == 0 && options.optimize > 0 && !segment.data.is_empty()
}

/// Is this custom section merged as strings (when optimizing)?
pub fn is_string_section(name: &str) -> bool {
    name == ".debug_str" || name == ".debug_str.dwo" || name == ".debug_line_str"
}

/// `file:(section): string is not null terminated`, for each string section of each loaded
/// object whose last byte is not a NUL.
pub fn check_terminated(ctx: &mut Ctx<'_>) {
    if ctx.options.optimize == 0 {
        return;
    }
    let mut errors = Vec::new();
    for &file in &ctx.object_order {
        let f = ctx.file(file);
        let obj = f.object();
        let segments = obj.segments.iter().filter(|s| is_mergeable_segment(s, ctx.options)).map(|s| (s.name, s.data));
        let customs = obj.customs.iter().filter(|c| is_string_section(c.name)).map(|c| (c.name, c.data));
        for (name, data) in segments.chain(customs) {
            if data.last().is_some_and(|&b| b != 0) {
                errors.push(format!("{}:({name}): string is not null terminated", f.name));
            }
        }
    }
    for e in errors {
        ctx.error(Diagnostic::error(e));
    }
}

/// `file:(segment): offset is outside the section`, for each exported data symbol (or, with
/// `-r`, each live one: the symbol table gives its offset) that lies at or past the end of a
/// merged segment, whose address cannot be mapped to a string. (Relocations against such
/// symbols are checked as they are applied: wasm-ld only fails on addresses it computes.)
pub fn check_symbol_offsets(ctx: &mut Ctx<'_>) {
    let mut errors = Vec::new();
    for i in 0..ctx.symbols.len() {
        let s = SymbolId(i as u32);
        let Def::Data { segment: Some(seg), offset, .. } = ctx.sym(s).def else { continue };
        if !ctx.is_live(s) || !(ctx.options.relocatable || ctx.is_exported(s)) {
            continue;
        }
        if let Some(at) = past_merged_segment(ctx, seg, offset) {
            errors.push(format!("{at}: offset is outside the section"));
        }
    }
    for e in errors {
        ctx.error(Diagnostic::error(e));
    }
}

/// `file:(segment)` when `offset` lies at or past the end of `seg` and `seg` is merged: such
/// an offset has no string, so no address (wasm-ld refuses where it computes one).
pub fn past_merged_segment(ctx: &Ctx<'_>, seg: SegId, offset: u64) -> Option<String> {
    let segment = ctx.segments.get(seg.idx())?;
    segment.pieces.as_ref()?;
    let f = ctx.file(segment.file);
    let input = f.object().segments.get(segment.local_index as usize)?;
    (offset >= input.data.len() as u64).then(|| format!("{}:({})", f.name, input.name))
}
