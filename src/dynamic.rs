//! Dynamic linking (tool-conventions' `DynamicLinking.md`): what a position-independent
//! module (`-pie`, `-shared`) or one importing undefined symbols dynamically
//! (`--unresolved-symbols=import-dynamic`) adds for its loader: the `dylink.0` section,
//! `__wasm_apply_data_relocs` (stores the addresses in data that are only known at load
//! time), and `__wasm_apply_global_relocs` (sets the internal GOT entries at start-up), and
//! their thread-local twins `__wasm_apply_tls_relocs` and `__wasm_apply_global_tls_relocs`,
//! which `__wasm_init_tls` calls for each thread's TLS block.
//!
//! The function bodies are built from the inputs' relocations: no `unwrap`, no `panic`, no
//! indexing that can fail (the linker's own arrays are reached through `Ctx` accessors).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

use crate::context::{Ctx, Def, SymbolId};
use crate::emit::encode::{write_name, write_uleb};
use crate::input::object::SymKind;
use crate::input::relocs::{Encoding, RelocKind};
use crate::input::wasm::op;
use crate::layout::indices::{global_index, Indices};
use crate::layout::memory::{data_address, MemoryLayout, Part};
use crate::relocate::{Chunk, Resolver};
use crate::synthetic::{with_size, write_ptr_const};
use std::borrow::Cow;

/// `dylink.0` subsection ids.
mod subsection {
    pub const MEM_INFO: u8 = 1;
    pub const NEEDED: u8 = 2;
    pub const EXPORT_INFO: u8 = 3;
    pub const IMPORT_INFO: u8 = 4;
}

/// `__wasm_apply_global_relocs`, the start function of position-independent code whose
/// internal GOT entries hold load-time addresses (without `extended-const`, globals cannot
/// be initialised to `__memory_base` plus a constant). With `__wasm_init_memory` as well,
/// a `__wasm_start` calls both.
pub fn create_apply_global_relocs_function(ctx: &mut Ctx<'_>, ix: &Indices) {
    if !ctx.options.is_pic() || ctx.extended_const || !ix.got_symbols.iter().any(|&s| !ctx.sym(s).is_tls()) {
        return;
    }
    let f = ctx.add_live_startup_function("__wasm_apply_global_relocs");
    ctx.sym.apply_global_relocs = Some(f);
    if ctx.sym.init_memory.is_some() {
        let start = ctx.add_live_startup_function("__wasm_start");
        ctx.sym.start_function = Some(start);
    } else {
        ctx.sym.start_function = Some(f);
    }
}

/// `__wasm_apply_global_tls_relocs`, when the memory is shared and a thread-local symbol has
/// an internal GOT entry: the entry starts as the offset in the TLS block, and each thread's
/// `__wasm_init_tls` adds its `__tls_base` (wasm-ld makes it in a static link too, where
/// nothing calls it unless `__wasm_init_tls` is live).
pub fn create_apply_global_tls_relocs_function(ctx: &mut Ctx<'_>, ix: &Indices) {
    if !ctx.options.shared_memory || !ix.got_symbols.iter().any(|&s| ctx.sym(s).is_tls()) {
        return;
    }
    let f = ctx.add_live_startup_function("__wasm_apply_global_tls_relocs");
    if let Some(t) = ctx.sym.tls_base {
        ctx.mark_symbol_live(t);
    }
    ctx.sym.apply_global_tls_relocs = Some(f);
}

/// `__wasm_apply_tls_relocs`, which `__wasm_init_tls` calls, when the memory is shared and
/// a TLS input segment has relocations (wasm-ld's `createSyntheticInitFunctions`). Its body
/// (`fill_bodies`) holds the relocations that need run-time code: every one in
/// position-independent code, else only those against GOT imports (often none: empty).
pub fn create_apply_tls_relocs_function(ctx: &mut Ctx<'_>, mem: &MemoryLayout<'_>) {
    if !ctx.options.shared_memory {
        return;
    }
    let has_tls_relocs = mem.segments.iter().filter(|s| s.is_tls).flat_map(|s| &s.parts).any(|p| match *p {
        Part::Input(seg) => ctx
            .segments
            .get(seg.idx())
            .and_then(|s| ctx.files.get(s.file.idx())?.object().segments.get(s.local_index as usize))
            .is_some_and(|s| !s.relocs.is_empty()),
        Part::Merged(_) => false,
    });
    if !has_tls_relocs {
        return;
    }
    let f = ctx.add_live_startup_function("__wasm_apply_tls_relocs");
    ctx.sym.apply_tls_relocs = Some(f);
}

/// Writes the bodies of `__wasm_apply_data_relocs`, `__wasm_apply_tls_relocs`,
/// `__wasm_apply_global_relocs`, `__wasm_apply_global_tls_relocs` and `__wasm_start` once
/// indices are known.
pub fn fill_bodies(ctx: &mut Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>) {
    if let Some(Def::Function(f)) = ctx.sym.apply_data_relocs.map(|s| ctx.sym(s).def) {
        let body = data_relocs_body(ctx, ix, mem, false);
        ctx.func_mut(f).body = Cow::Owned(with_size(body));
    }
    if let Some(f) = ctx.sym.apply_tls_relocs {
        let body = data_relocs_body(ctx, ix, mem, true);
        ctx.func_mut(f).body = Cow::Owned(with_size(body));
    }
    if let Some(f) = ctx.sym.apply_global_tls_relocs {
        let body = got_relocs_body(ctx, ix, mem, true);
        ctx.func_mut(f).body = Cow::Owned(with_size(body));
    }
    let Some(globals) = ctx.sym.apply_global_relocs else { return };
    let body = got_relocs_body(ctx, ix, mem, false);
    ctx.func_mut(globals).body = Cow::Owned(with_size(body));
    if let (Some(start), Some(init)) = (ctx.sym.start_function, ctx.sym.init_memory) {
        if start != globals && start != init {
            let mut b = vec![0u8];
            for f in [globals, init] {
                b.push(op::CALL);
                write_uleb(&mut b, u64::from(ctx.func(f).out_index.unwrap_or(0)));
            }
            b.push(op::END);
            ctx.func_mut(start).body = Cow::Owned(with_size(b));
        }
    }
}

fn ptr_add(b: &mut Vec<u8>, is64: bool) {
    b.push(if is64 { op::I64_ADD } else { op::I32_ADD });
}

fn global_get(b: &mut Vec<u8>, index: u32) {
    b.push(op::GLOBAL_GET);
    write_uleb(b, u64::from(index));
}

fn wide(kind: RelocKind) -> bool {
    matches!(kind.encoding(), Encoding::I64 | Encoding::Sleb64 | Encoding::Uleb64)
}

/// One store per relocation in data that needs a load-time value: all of them in
/// position-independent code (from a GOT entry, or relative to `__memory_base`,
/// `__table_base` or `__tls_base`), else those against GOT imports (wasm-ld's
/// `InputChunk::generateRelocationCode`). `tls` picks the segments that shared memory
/// relocates per thread (`__wasm_apply_tls_relocs`), else all the others.
fn data_relocs_body(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>, tls: bool) -> Vec<u8> {
    let o = ctx.options;
    let (pic, is64) = (o.is_pic(), o.is64);
    let base = |s: Option<SymbolId>| s.map_or(0, |s| global_index(ctx, s));
    let (memory_base, table_base, tls_base) = (base(ctx.sym.memory_base_import), base(ctx.sym.table_base_import), base(ctx.sym.tls_base));
    let offsets = crate::hash::HashMap::default();
    let res = Resolver { ctx, ix, mem, custom_offsets: &offsets, outside: Default::default() };
    let mut b = vec![0u8];
    for seg in &mem.segments {
        if (o.shared_memory && seg.is_tls) != tls {
            continue;
        }
        for part in &seg.parts {
            let Part::Input(id) = *part else { continue };
            let Some(is) = ctx.segments.get(id.idx()) else { continue };
            let file = ctx.file(is.file);
            let obj = file.object();
            let Some(input) = obj.segments.get(is.local_index as usize) else { continue };
            let va = seg.start_va.saturating_add(is.out_offset);
            let chunk = Chunk { file: is.file, data: input.data, relocs: obj.segment_relocs(input), input_offset: input.section_offset as u64, va, tombstone: 0 };
            for r in chunk.relocs {
                let Some(&sym) = file.symbols.get(r.index as usize) else { continue };
                // Without PIC only GOT imports count (as in wasm-ld 19: words pointing at
                // symbols with internal GOT entries keep their link-time value).
                let got = ix.got_index.get(&sym).copied().filter(|&g| pic || g < ix.num_imported_globals);
                if !pic && got.is_none() {
                    continue;
                }
                // Where: the word's address (its segment's base added at run time).
                let at = va.wrapping_add(u64::from(r.offset)).wrapping_sub(chunk.input_offset);
                write_ptr_const(&mut b, at, is64);
                if pic {
                    global_get(&mut b, if is.is_tls { tls_base } else { memory_base });
                    ptr_add(&mut b, is64);
                }
                // What: the GOT entry plus the addend, or a base plus the link-time value.
                let wide = wide(r.kind);
                match got {
                    Some(g) => {
                        global_get(&mut b, g);
                        if r.addend != 0 {
                            write_ptr_const(&mut b, r.addend as u64, wide);
                            ptr_add(&mut b, wide);
                        }
                    }
                    None => {
                        let base = if matches!(r.kind, RelocKind::TABLE_INDEX_I32 | RelocKind::TABLE_INDEX_I64) {
                            table_base
                        } else if ctx.sym(sym).is_tls() {
                            tls_base
                        } else {
                            memory_base
                        };
                        global_get(&mut b, base);
                        write_ptr_const(&mut b, res.value(&chunk, r), wide);
                        ptr_add(&mut b, wide);
                    }
                }
                // `i32.store` / `i64.store`, alignment 2^2 and offset 0 as wasm-ld writes them.
                b.extend_from_slice(&[if wide { 0x37 } else { 0x36 }, 2, 0]);
            }
        }
    }
    b.push(op::END);
    b
}

/// Sets each internal GOT entry of the thread-local symbols (`tls`) or of the others to
/// `__tls_base` or `__memory_base` (or `__table_base`) plus the symbol's offset (wasm-ld's
/// `GlobalSection::generateRelocationCode`).
fn got_relocs_body(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>, tls: bool) -> Vec<u8> {
    let is64 = ctx.options.is64;
    let base = |s: Option<SymbolId>| s.map_or(0, |s| global_index(ctx, s));
    let mut b = vec![0u8];
    for &s in &ix.got_symbols {
        let sym = ctx.sym(s);
        if sym.is_tls() != tls {
            continue;
        }
        match sym.def {
            Def::Data { .. } => {
                global_get(&mut b, base(if tls { ctx.sym.tls_base } else { ctx.sym.memory_base_import }));
                write_ptr_const(&mut b, data_address(ctx, mem, sym.def, tls), is64);
            }
            _ if sym.kind == SymKind::Function && !sym.is_stub => {
                global_get(&mut b, base(ctx.sym.table_base_import));
                write_ptr_const(&mut b, u64::from(ctx.table_index(s).unwrap_or(0)), is64);
            }
            _ => continue,
        }
        ptr_add(&mut b, is64);
        b.push(op::GLOBAL_SET);
        write_uleb(&mut b, u64::from(ix.got_index.get(&s).copied().unwrap_or(0)));
    }
    b.push(op::END);
    b
}

/// Whether the module gets a `dylink.0` section.
pub fn needs_dylink_section(ctx: &Ctx<'_>) -> bool {
    ctx.options.is_pic() || ctx.options.unresolved == crate::options::UnresolvedPolicy::ImportDynamic || !ctx.shared_files.is_empty()
}

/// The `dylink.0` payload: the static data's size and alignment and the table slots the
/// loader must reserve, TLS exports (relative to `__tls_base`, not `__memory_base`) and
/// weak imports (which may stay unresolved).
pub fn dylink_section(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>) -> Vec<u8> {
    let mut p = Vec::new();
    let sub = |p: &mut Vec<u8>, id: u8, body: Vec<u8>| {
        p.push(id);
        write_uleb(p, body.len() as u64);
        p.extend_from_slice(&body);
    };
    // The static data (from the layout: its size only for position-independent output,
    // where it starts at 0) and its largest alignment (unchanged by combining segments).
    let mem_size = if ctx.options.is_pic() { mem.data_end.saturating_sub(mem.global_base) } else { 0 };
    let mem_align = mem.segments.iter().map(|s| s.alignment).max().unwrap_or(0);
    let mut body = Vec::new();
    write_uleb(&mut body, mem_size);
    write_uleb(&mut body, u64::from(mem_align));
    write_uleb(&mut body, ix.table_entries.len() as u64);
    write_uleb(&mut body, 0);
    sub(&mut p, subsection::MEM_INFO, body);

    if !ctx.shared_files.is_empty() {
        let mut body = Vec::new();
        write_uleb(&mut body, ctx.shared_files.len() as u64);
        for &f in &ctx.shared_files {
            // The file name without its directory, which the loader looks up itself.
            let name = &ctx.file(f).name;
            write_name(&mut body, name.rsplit(['/', '\\']).next().unwrap_or(name));
        }
        sub(&mut p, subsection::NEEDED, body);
    }

    let mut exports: Vec<SymbolId> = Vec::new();
    let mut imports: Vec<SymbolId> = Vec::new();
    for &s in &ctx.symtab {
        if !ctx.is_live(s) {
            continue;
        }
        let sym = ctx.sym(s);
        if ctx.is_exported(s) && sym.is_tls() && matches!(sym.def, Def::Data { .. }) {
            exports.push(s);
        }
        if sym.is_undef_weak() {
            imports.push(s);
        }
    }
    if !exports.is_empty() {
        let mut body = Vec::new();
        write_uleb(&mut body, exports.len() as u64);
        for &s in &exports {
            write_name(&mut body, ctx.sym(s).name);
            write_uleb(&mut body, u64::from(ctx.sym(s).flags));
        }
        sub(&mut p, subsection::EXPORT_INFO, body);
    }
    if !imports.is_empty() {
        let mut body = Vec::new();
        write_uleb(&mut body, imports.len() as u64);
        for &s in &imports {
            let sym = ctx.sym(s);
            write_name(&mut body, sym.import_module.unwrap_or("env"));
            write_name(&mut body, sym.import_name.unwrap_or(sym.name));
            write_uleb(&mut body, u64::from(sym.flags));
        }
        sub(&mut p, subsection::IMPORT_INFO, body);
    }
    p
}
