//! `--gc-sections`: a worklist from the roots (entry, exports, no-strip symbols, init
//! functions of live objects) along relocations. A symbol becoming live in an archive
//! member that was not live yet also makes that member's constructors live.

use crate::context::{Ctx, Def, FileId, FuncId, LiveReason, SegId, SymbolId};
use crate::input::relocs::{Reloc, RelocKind};
use crate::input::wasm::seg_flag;

#[derive(Clone, Copy)]
enum Chunk {
    Func(FuncId),
    Seg(SegId),
}

struct Marker {
    /// Chunks to scan, with the symbol that made each live (for why-live chains).
    queue: Vec<(Chunk, Option<SymbolId>)>,
}

pub fn mark_live(ctx: &mut Ctx<'_>) {
    if !ctx.options.gc_sections {
        return;
    }
    let mut m = Marker { queue: Vec::new() };
    if let Some(entry) = ctx.options.entry_symbol() {
        if let Some(s) = ctx.find(entry) {
            m.enqueue(ctx, s, LiveReason::Root("entry point"));
        }
    }
    for i in 0..ctx.symtab.len() {
        let s = ctx.symtab[i];
        if ctx.is_exported(s) {
            m.enqueue(ctx, s, LiveReason::Root("exported"));
        } else if ctx.sym(s).is_no_strip() {
            m.enqueue(ctx, s, LiveReason::Root("retained (no-strip)"));
        }
    }
    if let Some(d) = ctx.sym.call_dtors {
        m.enqueue(ctx, d, LiveReason::Root("destructors (__wasm_call_dtors)"));
    }
    for i in 0..ctx.object_order.len() {
        let f = ctx.object_order[i];
        if ctx.files[f.idx()].live {
            m.enqueue_init_functions(ctx, f);
            m.enqueue_retained_segments(ctx, f);
        }
    }
    m.mark(ctx);
    if call_ctors_needed(ctx) {
        if let Some(c) = ctx.sym.call_ctors {
            ctx.mark_symbol_live(c);
        }
    }
    if ctx.options.print_gc_sections {
        report_removed(ctx);
    }
}

impl Marker {
    fn enqueue(&mut self, ctx: &mut Ctx<'_>, sym: SymbolId, reason: LiveReason) {
        if ctx.is_live(sym) {
            return;
        }
        ctx.why_live.insert(sym, reason);
        let s = ctx.sym(sym);
        let file = s.file;
        let implicit_deps = s.is_defined() && file.is_some_and(|f| !ctx.files[f.idx()].live);
        let def = s.def;
        ctx.mark_symbol_live(sym);
        if implicit_deps {
            if let Some(f) = file {
                self.enqueue_init_functions(ctx, f);
                self.enqueue_retained_segments(ctx, f);
            }
        }
        match def {
            Def::Function(f) => self.queue.push((Chunk::Func(f), Some(sym))),
            Def::Data { segment: Some(seg), .. } => self.queue.push((Chunk::Seg(seg), Some(sym))),
            _ => {}
        }
    }

    fn enqueue_init_functions(&mut self, ctx: &mut Ctx<'_>, file: FileId) {
        let count = ctx.files[file.idx()].obj.as_ref().map_or(0, |o| o.init_funcs.len());
        for i in 0..count {
            let f = &ctx.files[file.idx()];
            let idx = f.object().init_funcs[i].symbol as usize;
            let Some(&sym) = f.symbols.get(idx) else { continue };
            let discarded = matches!(ctx.sym(sym).def, Def::Function(func) if ctx.functions[func.idx()].discarded);
            if !discarded {
                self.enqueue(ctx, sym, LiveReason::Root("constructor of a loaded object"));
            }
        }
    }

    fn enqueue_retained_segments(&mut self, ctx: &mut Ctx<'_>, file: FileId) {
        let f = &ctx.files[file.idx()];
        let Some(obj) = f.obj.as_ref() else { return };
        let base = f.seg_base;
        let retained: Vec<SegId> =
            obj.segments.iter().enumerate().filter(|(_, s)| s.flags & seg_flag::RETAIN != 0).map(|(i, _)| SegId(base + i as u32)).collect();
        for seg in retained {
            ctx.segments[seg.idx()].live = true;
            self.queue.push((Chunk::Seg(seg), None));
        }
    }

    fn mark(&mut self, ctx: &mut Ctx<'_>) {
        while let Some((chunk, owner)) = self.queue.pop() {
            let reason = owner.map_or(LiveReason::Root("retained segment"), LiveReason::By);
            let (file, relocs) = chunk_relocs(ctx, chunk);
            let Some(file) = file else { continue };
            for r in relocs {
                if r.kind == RelocKind::TYPE_INDEX_LEB {
                    continue;
                }
                let Some(&sym) = ctx.files[file.idx()].symbols.get(r.index as usize) else { continue };
                if r.kind.is_absolute_table_index() && ctx.sym(sym).is_stub {
                    continue;
                }
                self.enqueue(ctx, sym, reason);
            }
        }
    }
}

fn chunk_relocs(ctx: &Ctx<'_>, chunk: Chunk) -> (Option<FileId>, Vec<Reloc>) {
    match chunk {
        Chunk::Func(f) => {
            let func = &ctx.functions[f.idx()];
            let Some(file) = func.file else { return (None, Vec::new()) };
            let obj = ctx.files[file.idx()].object();
            let range = &obj.functions[func.local_index as usize].relocs;
            (Some(file), obj.code_relocs[range.start as usize..range.end as usize].to_vec())
        }
        Chunk::Seg(s) => {
            let seg = &ctx.segments[s.idx()];
            let obj = ctx.files[seg.file.idx()].object();
            let range = &obj.segments[seg.local_index as usize].relocs;
            (Some(seg.file), obj.data_relocs[range.start as usize..range.end as usize].to_vec())
        }
    }
}

/// `__wasm_call_ctors` is needed when some live object has a live constructor.
fn call_ctors_needed(ctx: &Ctx<'_>) -> bool {
    // A position-independent module always has constructors for its loader to call.
    if ctx.options.is_pic() {
        return true;
    }
    ctx.object_order.iter().any(|&f| {
        let file = &ctx.files[f.idx()];
        file.object().init_funcs.iter().any(|init| {
            file.symbols.get(init.symbol as usize).is_some_and(|&s| {
                let discarded = matches!(ctx.sym(s).def, Def::Function(func) if ctx.functions[func.idx()].discarded);
                !discarded && ctx.is_live(s)
            })
        })
    })
}

fn report_removed(ctx: &mut Ctx<'_>) {
    let mut lines = Vec::new();
    for &f in &ctx.object_order {
        let file = &ctx.files[f.idx()];
        let obj = file.object();
        for (i, func) in obj.functions.iter().enumerate() {
            if !ctx.functions[file.func_base as usize + i].live {
                lines.push(format!("removing unused section {}:({})", file.name, func.symbol_name.unwrap_or("")));
            }
        }
        for (i, seg) in obj.segments.iter().enumerate() {
            if !ctx.segments[file.seg_base as usize + i].live {
                lines.push(format!("removing unused section {}:({})", file.name, seg.name));
            }
        }
        for (i, g) in obj.globals.iter().enumerate() {
            if !ctx.globals[file.global_base as usize + i].live {
                lines.push(format!("removing unused section {}:({})", file.name, g.symbol_name.unwrap_or("")));
            }
        }
        // Tags (weak copies of `__cpp_exception`, say) and tables too.
        for (i, t) in obj.tags.iter().enumerate() {
            if !ctx.tags[file.tag_base as usize + i].live {
                lines.push(format!("removing unused section {}:({})", file.name, t.symbol_name.unwrap_or("")));
            }
        }
        for (i, t) in obj.tables.iter().enumerate() {
            if !ctx.tables[file.table_base as usize + i].live {
                lines.push(format!("removing unused section {}:({})", file.name, t.symbol_name.unwrap_or("")));
            }
        }
    }
    for &f in &ctx.synthetic_functions {
        let func = &ctx.functions[f.idx()];
        if !func.live {
            lines.push(format!("removing unused section <internal>:({})", func.name));
        }
    }
    for &g in &ctx.synthetic_globals {
        let glob = &ctx.globals[g.idx()];
        if !glob.live {
            lines.push(format!("removing unused section <internal>:({})", glob.name));
        }
    }
    for &t in &ctx.synthetic_tables {
        let table = &ctx.tables[t.idx()];
        if !table.live {
            lines.push(format!("removing unused section <internal>:({})", table.name));
        }
    }
    ctx.messages.extend(lines);
}
