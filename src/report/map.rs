//! `-Map=FILE` / `--print-map`: wasm-ld's link map (sections, then the functions and data
//! segments inside them with the symbols each defines).

use super::build::Final;
use crate::context::{Def, SymbolId};
use crate::input::object::SymKind;
use crate::input::wasm::section;
use crate::layout::memory::{self, Part};
use crate::hash::HashMap;
use std::fmt::Write;

/// Address, file offset and size columns; `-` when there is no address.
fn header(out: &mut String, vma: Option<u64>, off: u64, size: u64) {
    match vma {
        None => {
            let _ = write!(out, "       - {off:8x} {size:8x} ");
        }
        Some(v) => {
            let _ = write!(out, "{v:8x} {off:8x} {size:8x} ");
        }
    }
}

pub fn render(f: &Final<'_, '_>) -> String {
    let ctx = f.ctx;
    // Symbols defined by each chunk, in file order: functions by FuncId, segments by SegId.
    let mut by_func: HashMap<u32, Vec<SymbolId>> = HashMap::default();
    let mut by_seg: HashMap<u32, Vec<SymbolId>> = HashMap::default();
    for &file in &ctx.object_order {
        for &s in &ctx.files[file.idx()].symbols {
            let sym = ctx.sym(s);
            if sym.kind == SymKind::Section || !ctx.is_live(s) || sym.file != Some(file) {
                continue;
            }
            match (sym.def, sym.stub) {
                (Def::Function(func), _) => by_func.entry(func.0).or_default().push(s),
                (Def::Data { segment: Some(seg), .. }, _) => by_seg.entry(seg.0).or_default().push(s),
                // An unresolved function left to a trapping stub (`--unresolved-symbols=ignore-all`)
                // is listed under the stub, with no size, as wasm-ld does.
                (_, Some(func)) => by_func.entry(func.0).or_default().push(s),
                _ => {}
            }
        }
    }
    let mut out = String::from("    Addr      Off     Size Out     In      Symbol\n");
    for sec in &f.out.sections {
        header(&mut out, None, sec.offset, sec.size);
        if sec.id == section::CUSTOM {
            let _ = writeln!(out, "CUSTOM({})", sec.name);
        } else {
            let _ = writeln!(out, "{}", section::name(sec.id));
        }
        match sec.id {
            section::CODE => {
                for &fid in &f.ix.functions {
                    let func = &ctx.functions[fid.idx()];
                    let off = sec.offset + func.out_offset;
                    header(&mut out, None, off, func.out_size);
                    // wasm-ld names a chunk by its symbol, also for stubs (whose debug name,
                    // `undefined_weak:...`, only goes into the name section).
                    let _ = writeln!(out, "        {}:({})", ctx.file_name(func.file), func.name);
                    for &s in by_func.get(&fid.0).map(Vec::as_slice).unwrap_or(&[]) {
                        let size = if matches!(ctx.sym(s).def, Def::Function(_)) { func.out_size } else { 0 };
                        header(&mut out, None, off, size);
                        let _ = writeln!(out, "                {}", ctx.display_name(ctx.sym(s).name));
                    }
                }
            }
            section::DATA => {
                for seg in &f.mem.segments {
                    // Segments not written (zero-fill .bss) show wasm-ld's offsets: the data
                    // section's own offset for the segment, and 0 for what is inside it.
                    let written = f.out.segment_offsets.get(seg.index as usize).copied().flatten();
                    let (hdr, base) = match written {
                        Some((hdr, data)) => (sec.offset + hdr, sec.offset + data),
                        None => (sec.offset, 0),
                    };
                    header(&mut out, Some(seg.start_va), hdr, seg.size);
                    let _ = writeln!(out, "{}", seg.name);
                    for part in &seg.parts {
                        match *part {
                            Part::Input(sid) => {
                                let is = &ctx.segments[sid.idx()];
                                let file = &ctx.files[is.file.idx()];
                                let input = &file.object().segments[is.local_index as usize];
                                let off = if written.is_some() { base + is.out_offset } else { 0 };
                                header(&mut out, Some(seg.start_va + is.out_offset), off, input.data.len() as u64);
                                let _ = writeln!(out, "        {}:({})", file.name, input.name);
                                for &s in by_seg.get(&sid.0).map(Vec::as_slice).unwrap_or(&[]) {
                                    let sym = ctx.sym(s);
                                    if let Def::Data { offset, size, .. } = sym.def {
                                        // (A TLS symbol's address is its offset from `__tls_base`, as wasm-ld prints it.)
                                        let va = memory::data_address(ctx, f.mem, sym.def, sym.is_tls());
                                        header(&mut out, Some(va), off + offset, size);
                                        let _ = writeln!(out, "                {}", ctx.display_name(sym.name));
                                    }
                                }
                            }
                            Part::Merged(m) => {
                                let merged = &f.mem.merged[m];
                                let off = if written.is_some() { base + merged.out_offset } else { 0 };
                                header(&mut out, Some(seg.start_va + merged.out_offset), off, merged.data.len() as u64);
                                let _ = writeln!(out, "        <internal>:({})", merged.segment_name);
                            }
                        }
                    }
                }
            }
            section::GLOBAL => {
                for &g in &f.ix.globals {
                    let glob = &ctx.globals[g.idx()];
                    header(&mut out, Some(glob.out_index.unwrap_or(0) as u64), 0, 0);
                    let _ = writeln!(out, "        {}", glob.name);
                }
            }
            _ => {}
        }
    }
    out
}
