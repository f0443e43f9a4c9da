//! The module writer: every standard section in order, then copied custom sections,
//! `name`, `producers`, `target_features` and `build_id`.
//!
//! The output is built from untrusted input, and in the browser a panic is a trap that
//! kills the link: no `unwrap`, no `panic`, no indexing that can fail (this covers the
//! submodules too). Indexing the linker's own arrays by an id the linker created goes
//! through `Ctx::file`/`Ctx::func`, each an `#[allow]` with a one-line proof.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod build_id;
pub mod custom;
pub mod encode;
pub mod linking;

use crate::context::{Ctx, FileId, GlobalInit};
use crate::diag::Diagnostic;
use crate::input::object::{Limits, SymKind};
use crate::input::wasm::{external, limits, names, op, section};
use crate::layout::indices::Indices;
use crate::layout::memory::{MemoryLayout, Part};
use crate::relocate::{copy_compressed, copy_relocated, tombstone_for_section, Chunk, Resolver};
use encode::{write_name, write_uleb};
use crate::hash::HashMap;

/// A section of the output: id, name (custom sections), offset and size of the whole
/// section including its header. The report is built from these.
#[derive(Clone, Debug)]
pub struct SectionInfo {
    pub id: u8,
    pub name: String,
    pub offset: u64,
    pub size: u64,
    /// Offset of the payload (after the id, size and, for custom sections, the name).
    pub payload_offset: u64,
}

pub struct Output {
    pub bytes: Vec<u8>,
    /// Errors found while writing (relocations into merged string sections past their end).
    pub errors: Vec<Diagnostic>,
    pub sections: Vec<SectionInfo>,
    /// Per output data segment (by index): payload-relative offsets of its header and of
    /// its bytes in the data section, when it is written.
    pub segment_offsets: Vec<Option<(u64, u64)>>,
}

struct Writer {
    out: Vec<u8>,
    sections: Vec<SectionInfo>,
}

impl Writer {
    fn section(&mut self, id: u8, name: &str, payload: &[u8]) {
        self.section_with(id, name, payload.len() as u64, |out| out.extend_from_slice(payload));
    }

    /// Writes a section whose payload `fill` appends straight to the output, so that large
    /// sections (code, data, DWARF) are not built apart and copied. `size_hint` is the
    /// expected payload size: the size field is written at its length and fixed up after;
    /// a wrong hint only costs moving the payload to fit the field.
    fn section_with(&mut self, id: u8, name: &str, size_hint: u64, fill: impl FnOnce(&mut Vec<u8>)) {
        let offset = self.out.len() as u64;
        self.out.push(id);
        let mut name_bytes = Vec::new();
        if id == section::CUSTOM {
            write_name(&mut name_bytes, name);
        }
        let size_at = self.out.len();
        let hinted = encode::uleb(size_hint.saturating_add(name_bytes.len() as u64));
        self.out.extend_from_slice(&hinted);
        self.out.extend_from_slice(&name_bytes);
        let payload_start = self.out.len();
        fill(&mut self.out);
        let size = encode::uleb((self.out.len() - size_at - hinted.len()) as u64);
        if size.len() == hinted.len() {
            if let Some(field) = self.out.get_mut(size_at..size_at + size.len()) {
                field.copy_from_slice(&size);
            }
        } else {
            self.out.splice(size_at..size_at + hinted.len(), size.iter().copied());
        }
        let payload_offset = (payload_start + size.len() - hinted.len()) as u64;
        let size = self.out.len() as u64 - offset;
        self.sections.push(SectionInfo { id, name: name.to_string(), offset, size, payload_offset });
    }
}

/// Appends a function's body as the output has it: its input bytes with relocations applied
/// (compressed for `--compress-relocations`), or a synthetic body as made.
fn write_function(out: &mut Vec<u8>, res: &Resolver<'_, '_>, f: crate::context::FuncId, compress: bool) {
    let ctx = res.ctx;
    let func = ctx.func(f);
    // The function's place in its object and its relocation range were checked when the
    // object was parsed; should they not fit, the body is copied unpatched.
    let input = func.file.and_then(|file| {
        let obj = ctx.file(file).object();
        Some((file, obj, obj.functions.get(func.local_index as usize)?))
    });
    match input {
        Some((file, obj, input)) => {
            let relocs = obj.function_relocs(input);
            let chunk = Chunk { file, data: &func.body, relocs, input_offset: input.code_offset as u64, va: 0, tombstone: 0 };
            if compress {
                copy_compressed(out, &chunk, res);
            } else {
                copy_relocated(out, &chunk, res);
            }
        }
        None => out.extend_from_slice(&func.body),
    }
}

/// `global.get base` plus `offset` (an `extended-const` expression when `offset` is not 0).
fn based_const_expr(out: &mut Vec<u8>, base: u32, offset: u64, is64: bool) {
    out.push(op::GLOBAL_GET);
    write_uleb(out, base as u64);
    if offset != 0 {
        crate::synthetic::write_ptr_const(out, offset, is64);
        out.push(if is64 { op::I64_ADD } else { op::I32_ADD });
    }
    out.push(op::END);
}

fn write_limits(out: &mut Vec<u8>, l: &Limits) {
    out.push(l.flags);
    write_uleb(out, l.min);
    if let Some(m) = l.max {
        write_uleb(out, m);
    }
}

fn ptr_const_expr(out: &mut Vec<u8>, v: u64, is64: bool) {
    crate::synthetic::write_ptr_const(out, v, is64);
    out.push(op::END);
}

pub struct Features {
    pub allowed: Vec<String>,
}

pub fn write_module(ctx: &mut Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>, features: &Features) -> Output {
    let is64 = ctx.options.is64;
    let mut custom_offsets = HashMap::default();
    let customs = custom::plan(ctx, &mut custom_offsets);
    // With `--compress-relocations` the bodies shrink, by amounts that depend on the values
    // written: make them first. (Debug info, which points into the code, is refused then.)
    let compressed: Option<Vec<Vec<u8>>> = ctx.options.compress_relocations.then(|| {
        let res = Resolver { ctx, ix, mem, custom_offsets: &custom_offsets, outside: Default::default() };
        ix.functions
            .iter()
            .map(|&f| {
                let mut body = Vec::new();
                write_function(&mut body, &res, f, true);
                body
            })
            .collect()
    });
    // Final placement of function bodies (needed by DWARF relocations, the map and report).
    let mut code_offset = encode::uleb_len(ix.functions.len() as u64) as u64;
    for (i, &f) in ix.functions.iter().enumerate() {
        let size = match compressed.as_ref().and_then(|c| c.get(i)) {
            Some(body) => body.len(),
            None => ctx.func(f).body.len(),
        };
        let func = ctx.func_mut(f);
        func.out_offset = code_offset;
        func.out_size = size as u64;
        code_offset += size as u64;
    }
    // Hostile inputs (huge alignments, many copies of one section) can ask for more output
    // than an engine would load or a browser tab could allocate: refuse before allocating.
    let planned = estimate(ctx, ix, mem).saturating_add(customs.iter().map(|c| c.size).fold(0, u64::saturating_add));
    let refusal = if planned > MAX_OUTPUT_SIZE {
        Some(format!("output would be about {planned} bytes, more than the {MAX_OUTPUT_SIZE} bytes a WebAssembly engine accepts"))
    } else {
        alignment_padding(mem).filter(|&(padding, _)| padding > MAX_ALIGNMENT_PADDING).map(|(padding, name)| {
            format!(
                "data segment {name} would be {padding} bytes of alignment padding, more than the \
                 {MAX_ALIGNMENT_PADDING} weld writes (an input asks for a huge alignment)"
            )
        })
    };
    if let Some(msg) = refusal {
        ctx.error(crate::diag::Diagnostic::error(msg));
        return Output { bytes: Vec::new(), errors: Vec::new(), sections: Vec::new(), segment_offsets: Vec::new() };
    }
    let ctx = &*ctx;
    let res = Resolver { ctx, ix, mem, custom_offsets: &custom_offsets, outside: Default::default() };
    // The sections that close the module are made first, so that their sizes are known
    // when the output is given its final capacity (below, before the code section).
    let keep = |name: &str| !ctx.options.strip_all || ctx.options.keep_sections.iter().any(|k| k == name);
    let names = if keep("name") { name_section(ctx, ix, mem) } else { Vec::new() };
    let producers = if keep("producers") { producers_section(ctx) } else { Vec::new() };
    let target_features = if keep("target_features") { target_features_section(&features.allowed) } else { Vec::new() };
    let mut w = Writer { out: Vec::with_capacity(64 << 10), sections: Vec::new() };
    w.out.extend_from_slice(crate::input::wasm::MAGIC);
    w.out.extend_from_slice(&crate::input::wasm::VERSION.to_le_bytes());

    // Dynamic linking information, first so that a loader finds it at once.
    if crate::dynamic::needs_dylink_section(ctx) {
        w.section(section::CUSTOM, "dylink.0", &crate::dynamic::dylink_section(ctx, ix, mem));
    }

    // Type.
    if !ix.types.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, ix.types.len() as u64);
        for &sig in &ix.types {
            #[allow(clippy::indexing_slicing)] // A `SigId` is the index its signature was interned at; never removed.
            let t = &ctx.sigs[sig.idx()];
            p.push(0x60);
            write_uleb(&mut p, t.params.len() as u64);
            p.extend_from_slice(&t.params);
            write_uleb(&mut p, t.results.len() as u64);
            p.extend_from_slice(&t.results);
        }
        w.section(section::TYPE, "", &p);
    }

    // Import.
    let memory_limits = {
        let mut flags = 0u8;
        let has_max = mem.max_pages.is_some() || ctx.options.shared_memory;
        if has_max {
            flags |= limits::HAS_MAX;
        }
        if ctx.options.shared_memory {
            flags |= limits::IS_SHARED;
        }
        if is64 {
            flags |= limits::IS_64;
        }
        Limits { flags, min: mem.initial_pages, max: if has_max { Some(mem.max_pages.unwrap_or(0)) } else { None } }
    };
    let import_count = ix.imports.len() + ix.got_imports.len() + usize::from(ctx.options.import_memory.is_some());
    if import_count > 0 {
        let mut p = Vec::new();
        write_uleb(&mut p, import_count as u64);
        if let Some((module, field)) = &ctx.options.import_memory {
            write_name(&mut p, module);
            write_name(&mut p, field);
            p.push(external::MEMORY);
            write_limits(&mut p, &memory_limits);
        }
        for &s in &ix.imports {
            let sym = ctx.sym(s);
            write_name(&mut p, sym.import_module.unwrap_or("env"));
            write_name(&mut p, sym.import_name.unwrap_or(sym.name));
            match sym.kind {
                SymKind::Function => {
                    p.push(external::FUNCTION);
                    write_uleb(&mut p, sym.sig.map_or(0, |g| ix.lookup_type(g)) as u64);
                }
                SymKind::Global => {
                    p.push(external::GLOBAL);
                    let g = sym.global_type.unwrap_or(crate::input::object::GlobalType { valtype: ctx.ptr_type(), mutable: false });
                    p.push(g.valtype);
                    p.push(u8::from(g.mutable));
                }
                SymKind::Tag => {
                    p.push(external::TAG);
                    p.push(0);
                    write_uleb(&mut p, sym.sig.map_or(0, |g| ix.lookup_type(g)) as u64);
                }
                _ => {
                    p.push(external::TABLE);
                    let t = sym.table_type.unwrap_or(crate::input::object::TableType {
                        elem: crate::input::wasm::valtype::FUNCREF,
                        limits: Limits { flags: 0, min: 0, max: None },
                    });
                    p.push(t.elem);
                    write_limits(&mut p, &t.limits);
                }
            }
        }
        // GOT entries: mutable globals the loader sets to a data address or table slot.
        for &s in &ix.got_imports {
            let sym = ctx.sym(s);
            write_name(&mut p, if sym.kind == SymKind::Data { "GOT.mem" } else { "GOT.func" });
            write_name(&mut p, sym.name);
            p.extend_from_slice(&[external::GLOBAL, ctx.ptr_type(), 1]);
        }
        w.section(section::IMPORT, "", &p);
    }

    // Function.
    if !ix.functions.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, ix.functions.len() as u64);
        for &f in &ix.functions {
            write_uleb(&mut p, ix.lookup_type(ctx.func(f).sig) as u64);
        }
        w.section(section::FUNCTION, "", &p);
    }

    // Table.
    if !ix.tables.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, ix.tables.len() as u64);
        for &t in &ix.tables {
            #[allow(clippy::indexing_slicing)] // A `TableId` is the index its table was pushed at; never removed.
            let ty = ctx.tables[t.idx()].ty;
            p.push(ty.elem);
            write_limits(&mut p, &ty.limits);
        }
        w.section(section::TABLE, "", &p);
    }

    // Memory.
    if ctx.options.import_memory.is_none() {
        let mut p = vec![1];
        write_limits(&mut p, &memory_limits);
        w.section(section::MEMORY, "", &p);
    }

    // Tag.
    if !ix.tags.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, ix.tags.len() as u64);
        for &t in &ix.tags {
            #[allow(clippy::indexing_slicing)] // A `TagId` is the index its tag was pushed at; never removed.
            let sig = ctx.tags[t.idx()].sig;
            p.push(0);
            write_uleb(&mut p, ix.lookup_type(sig) as u64);
        }
        w.section(section::TAG, "", &p);
    }

    // Global.
    let global_count = ix.globals.len() + ix.got_symbols.len() + ix.data_address_globals.len();
    if global_count > 0 {
        let mut p = Vec::new();
        write_uleb(&mut p, global_count as u64);
        for &g in &ix.globals {
            #[allow(clippy::indexing_slicing)] // A `GlobalId` is the index its global was pushed at; never removed.
            let glob = &ctx.globals[g.idx()];
            p.push(glob.ty.valtype);
            p.push(u8::from(glob.ty.mutable));
            match glob.init {
                GlobalInit::Expr(e) => p.extend_from_slice(e),
                GlobalInit::Const(v) => ptr_const_expr(&mut p, v, glob.ty.valtype == crate::input::wasm::valtype::I64),
            }
        }
        let pic = ctx.options.is_pic();
        for &s in &ix.got_symbols {
            // Internal GOT entries: the address (see below for TLS), the
            // table index, or 0 (stubs, undefined data). Position-independent code adds
            // `__memory_base` or `__table_base`: in the initialiser with `extended-const`,
            // else at start-up (`__wasm_apply_global_relocs`), so the global is mutable.
            let sym = ctx.sym(s);
            let data = matches!(sym.def, crate::context::Def::Data { .. });
            let function = sym.kind == SymKind::Function && !sym.is_stub;
            let mutable = !sym.is_stub && ((pic && !ctx.extended_const && !sym.is_tls()) || (ctx.options.shared_memory && sym.is_tls()));
            p.push(ctx.ptr_type());
            p.push(u8::from(mutable));
            let value = if data {
                // A thread-local symbol's entry is its offset in the TLS block when
                // `__wasm_apply_global_tls_relocs` adds `__tls_base` (shared memory), else
                // its address: nothing adds the base without shared memory.
                let tls_relative = sym.is_tls() && ctx.options.shared_memory;
                crate::layout::memory::data_address(ctx, mem, sym.def, tls_relative)
            } else if function {
                ctx.table_index(s).unwrap_or(0) as u64
            } else {
                0
            };
            let base = match (data && !sym.is_tls(), function) {
                (true, _) => ctx.sym.memory_base_import,
                (_, true) => ctx.sym.table_base_import,
                _ => None,
            };
            match base.filter(|_| pic && ctx.extended_const) {
                Some(base) => based_const_expr(&mut p, crate::layout::indices::global_index(ctx, base), value, is64),
                None => ptr_const_expr(&mut p, value, is64),
            }
        }
        for &s in &ix.data_address_globals {
            p.push(ctx.ptr_type());
            p.push(0);
            // wasm-ld's `DefinedData::getVA`: with shared memory a TLS symbol's exported
            // value is its offset in the TLS block (from `__tls_base`), else its address.
            let sym = ctx.sym(s);
            let tls_relative = sym.is_tls() && ctx.options.shared_memory;
            let va = crate::layout::memory::data_address(ctx, mem, sym.def, tls_relative);
            ptr_const_expr(&mut p, va, is64);
        }
        w.section(section::GLOBAL, "", &p);
    }

    // Export.
    if !ix.exports.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, ix.exports.len() as u64);
        for e in &ix.exports {
            write_name(&mut p, &e.name);
            p.push(e.kind);
            write_uleb(&mut p, e.index as u64);
        }
        w.section(section::EXPORT, "", &p);
    }

    // Start.
    if let Some(start) = ctx.sym.start_function {
        if let Some(idx) = ctx.func(start).out_index {
            w.section(section::START, "", &encode::uleb(idx as u64));
        }
    }

    // Elem.
    if !ix.table_entries.is_empty() {
        let mut p = Vec::new();
        write_uleb(&mut p, 1);
        let table = ctx.sym.indirect_function_table.map_or(0, |t| crate::layout::indices::table_number(ctx, t));
        if table != 0 {
            write_uleb(&mut p, 2);
            write_uleb(&mut p, table as u64);
        } else {
            write_uleb(&mut p, 0);
        }
        // Position-independent slots start at `__table_base`.
        match ctx.sym.table_base_import {
            Some(base) => based_const_expr(&mut p, crate::layout::indices::global_index(ctx, base), 0, is64),
            // (Slot numbers are 32-bit, but a wasm64 module's offset is `--table-base` as given.)
            None => {
                let base = if is64 { ctx.options.table_base.unwrap_or(ix.table_base as u64) } else { ix.table_base as u64 };
                ptr_const_expr(&mut p, base, is64)
            }
        }
        if table != 0 {
            p.push(0); // elemkind funcref
        }
        write_uleb(&mut p, ix.table_entries.len() as u64);
        for &s in &ix.table_entries {
            write_uleb(&mut p, ctx.function_index(s).unwrap_or(0) as u64);
        }
        w.section(section::ELEM, "", &p);
    }

    // DataCount.
    let data_segments: Vec<_> = mem.segments.iter().filter(|s| s.required_in_binary(mem.emit_bss)).collect();
    if ctx.options.shared_memory && !data_segments.is_empty() {
        w.section(section::DATACOUNT, "", &encode::uleb(data_segments.len() as u64));
    }

    // With `-r` or `--emit-relocs`, the relocations of each section, gathered as it is
    // written.
    let relocatable = ctx.options.relocatable || ctx.options.emit_relocs;
    let mut reloc_sections: Vec<linking::RelocSection<'_>> = Vec::new();

    // From here on the sizes are known (a data segment's header is a few bytes, a section's
    // at most 16 plus its name): one allocation holds the rest of the module. Growing a
    // buffer of tens of megabytes by doubling would copy it and touch twice the memory.
    // (With `-r` or `--emit-relocs`, the `linking` and `reloc.*` sections come on top.)
    // (Data headers are a few bytes each: this hint also gives the size field its length.)
    let data_hint = data_segments.iter().map(|s| s.size + 16).fold(8, u64::saturating_add);
    let rest = [
        code_offset,
        data_hint,
        customs.iter().map(|c| c.size + 16 + c.name.len() as u64).fold(0, u64::saturating_add),
        (names.len() + producers.len() + target_features.len()) as u64 + 256,
        build_id::hash_size(&ctx.options.build_id).unwrap_or(0) as u64,
    ];
    w.out.reserve_exact(rest.iter().fold(0u64, |a, &b| a.saturating_add(b)) as usize);

    // Code.
    if !ix.functions.is_empty() {
        if relocatable {
            let mut chunks = Vec::new();
            for &f in &ix.functions {
                let func = ctx.func(f);
                let Some(file) = func.file else { continue };
                let obj = ctx.file(file).object();
                let Some(input) = obj.functions.get(func.local_index as usize) else { continue };
                let relocs = obj.function_relocs(input);
                chunks.push(linking::RelocChunk { file, relocs, input_offset: input.code_offset as u64, output_offset: func.out_offset });
            }
            reloc_sections.push(linking::RelocSection { name: "reloc.CODE".to_string(), index: w.sections.len() as u32, chunks, write_empty: false });
        }
        w.section_with(section::CODE, "", code_offset, |p| {
            write_uleb(p, ix.functions.len() as u64);
            match &compressed {
                Some(bodies) => bodies.iter().for_each(|b| p.extend_from_slice(b)),
                None => {
                    for &f in &ix.functions {
                        write_function(p, &res, f, false);
                    }
                }
            }
        });
    }

    // Data.
    let mut segment_offsets = vec![None; mem.segments.len()];
    let memory_base = ctx.sym.memory_base_import.map(|s| crate::layout::indices::global_index(ctx, s));
    let data_section_index = w.sections.len() as u32;
    if !data_segments.is_empty() {
        w.section_with(section::DATA, "", data_hint, |p| {
            let base = p.len();
            write_uleb(p, data_segments.len() as u64);
            for seg in &data_segments {
                let header_at = (p.len() - base) as u64;
                write_uleb(p, seg.init_flags as u64);
                if seg.init_flags & crate::input::wasm::data_flag::IS_PASSIVE == 0 {
                    match memory_base {
                        // At `__memory_base`, plus an offset with `extended-const` (else
                        // there is one segment, at offset 0).
                        Some(base) if ctx.extended_const => based_const_expr(p, base, seg.start_va, is64),
                        Some(base) => based_const_expr(p, base, 0, is64),
                        None => ptr_const_expr(p, seg.start_va, is64),
                    }
                }
                write_uleb(p, seg.size);
                let start = p.len();
                if let Some(slot) = segment_offsets.get_mut(seg.index as usize) {
                    *slot = Some((header_at, (start - base) as u64));
                }
                for part in &seg.parts {
                    match part {
                        Part::Input(s) => {
                            #[allow(clippy::indexing_slicing)] // A `SegId` is the index its segment was pushed at; never removed.
                            let is = &ctx.segments[s.idx()];
                            p.resize(start + is.out_offset as usize, 0);
                            // The segment's place in its object and its relocation range were
                            // checked when the object was parsed; should they not fit, the
                            // segment is left as zeros.
                            let obj = ctx.file(is.file).object();
                            let Some(input) = obj.segments.get(is.local_index as usize) else { continue };
                            let relocs = obj.segment_relocs(input);
                            let chunk = Chunk { file: is.file, data: input.data, relocs, input_offset: input.section_offset as u64, va: seg.start_va + is.out_offset, tombstone: 0 };
                            copy_relocated(p, &chunk, &res);
                        }
                        Part::Merged(m) => {
                            #[allow(clippy::indexing_slicing)] // `Part::Merged(m)` is made right after pushing `merged[m]`; never removed.
                            let merged = &mem.merged[*m];
                            p.resize(start + merged.out_offset as usize, 0);
                            p.extend_from_slice(&merged.data);
                        }
                    }
                }
                p.resize(start + seg.size as usize, 0);
            }
        });
    }

    if relocatable && !data_segments.is_empty() {
        let mut chunks = Vec::new();
        for seg in &data_segments {
            let Some(Some((_, data_start))) = segment_offsets.get(seg.index as usize) else { continue };
            for part in &seg.parts {
                let Part::Input(s) = part else { continue };
                #[allow(clippy::indexing_slicing)] // A `SegId` is the index its segment was pushed at; never removed.
                let is = &ctx.segments[s.idx()];
                let obj = ctx.file(is.file).object();
                let Some(input) = obj.segments.get(is.local_index as usize) else { continue };
                let relocs = obj.segment_relocs(input);
                chunks.push(linking::RelocChunk { file: is.file, relocs, input_offset: input.section_offset as u64, output_offset: data_start + is.out_offset });
            }
        }
        reloc_sections.push(linking::RelocSection { name: "reloc.DATA".to_string(), index: data_section_index, chunks, write_empty: false });
    }

    // Custom sections from the inputs.
    let mut custom_section_indices: Vec<(&str, u32)> = Vec::new();
    for c in &customs {
        if relocatable {
            let index = w.sections.len() as u32;
            custom_section_indices.push((c.name, index));
            let mut chunks = Vec::new();
            for part in &c.parts {
                let custom::CustomPart::Input(file, idx) = part else { continue };
                let Some(sec) = ctx.file(*file).object().customs.get(*idx as usize) else { continue };
                let start = custom_offsets.get(&(*file, *idx)).copied().unwrap_or(0);
                chunks.push(linking::RelocChunk { file: *file, relocs: &sec.relocs, input_offset: 0, output_offset: start });
            }
            let write_empty = c.merged_had_relocs;
            reloc_sections.push(linking::RelocSection { name: format!("reloc.{}", c.name), index, chunks, write_empty });
        }
        let tombstone = tombstone_for_section(c.name);
        w.section_with(section::CUSTOM, c.name, c.size, |p| {
            for part in &c.parts {
                match part {
                    custom::CustomPart::Input(file, idx) => {
                        // `idx` came from enumerating this file's custom sections in `plan`.
                        let Some(sec) = ctx.file(*file).object().customs.get(*idx as usize) else { continue };
                        let chunk = Chunk { file: *file, data: sec.data, relocs: &sec.relocs, input_offset: 0, va: 0, tombstone };
                        copy_relocated(p, &chunk, &res);
                    }
                    custom::CustomPart::Merged(data) => p.extend_from_slice(data),
                }
            }
        });
    }

    let mut unwritable = Vec::new();
    if relocatable {
        let table = linking::SymbolTable::build(ctx, &custom_section_indices);
        w.section(section::CUSTOM, "linking", &linking::linking_section(ctx, ix, mem, &table));
        let section_addend = |file: FileId, idx: u32, addend: i64| res.section_offset(file, idx, addend);
        for sec in &reloc_sections {
            let mut relocs = linking::Relocs::default();
            for chunk in &sec.chunks {
                relocs.add_chunk(ctx, &table, chunk, &section_addend);
            }
            if !relocs.is_empty() || sec.write_empty {
                w.section(section::CUSTOM, &sec.name, &relocs.payload(sec.index));
            }
            unwritable.append(&mut relocs.unwritable);
        }
    }

    for (name, payload) in [("name", &names), ("producers", &producers), ("target_features", &target_features)] {
        if !payload.is_empty() {
            w.section(section::CUSTOM, name, payload);
        }
    }
    if let Some(len) = build_id::hash_size(&ctx.options.build_id) {
        let mut p = Vec::new();
        write_uleb(&mut p, len as u64);
        p.resize(p.len() + len, b' ');
        w.section(section::CUSTOM, "build_id", &p);
        // The placeholder is the last `len` bytes; the hash covers the rest with it in.
        let at = w.out.len() - len;
        build_id::fill(&mut w.out, at, &ctx.options.build_id);
    }
    let mut outside = res.outside.take();
    outside.sort_unstable();
    outside.dedup();
    unwritable.sort_unstable();
    unwritable.dedup();
    let outside = outside.into_iter().map(|at| Diagnostic::error(format!("{at}: offset is outside the section")));
    let errors = outside.chain(unwritable.into_iter().map(Diagnostic::error)).collect();
    Output { bytes: w.out, errors, sections: w.sections, segment_offsets }
}

/// Engines refuse modules larger than 1 GiB (V8's and SpiderMonkey's limit).
pub const MAX_OUTPUT_SIZE: u64 = 1 << 30;

/// Zero bytes that alignment would put between the pieces of written data segments. Real
/// programs pad by at most a few pages; an alignment of 2^30 in a hostile object would turn
/// a few hundred input bytes into a gigabyte of output (and of memory in a browser tab).
pub const MAX_ALIGNMENT_PADDING: u64 = 64 << 20;

/// The largest alignment padding of a data segment written to the binary, with its name.
fn alignment_padding<'a>(mem: &MemoryLayout<'a>) -> Option<(u64, &'a str)> {
    mem.segments.iter().filter(|s| s.required_in_binary(mem.emit_bss)).map(|s| (s.padding, s.name)).max_by_key(|&(padding, _)| padding)
}

/// Bytes of code and data the module will hold, plus some for the other sections. Only
/// segments written to the binary count (a large `.bss` takes no space in the file).
fn estimate(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>) -> u64 {
    let code = ix.functions.iter().map(|&f| ctx.func(f).body.len() as u64).fold(0, u64::saturating_add);
    let data = mem.segments.iter().filter(|s| s.required_in_binary(mem.emit_bss)).map(|s| s.size).fold(0, u64::saturating_add);
    code.saturating_add(data).saturating_add(4096)
}

/// `+feature` for each feature the module uses; empty (no section) when there are none.
fn target_features_section(allowed: &[String]) -> Vec<u8> {
    let mut p = Vec::new();
    if !allowed.is_empty() {
        write_uleb(&mut p, allowed.len() as u64);
        for f in allowed {
            p.push(b'+');
            write_name(&mut p, f);
        }
    }
    p
}

fn name_section(ctx: &Ctx<'_>, ix: &Indices, mem: &MemoryLayout<'_>) -> Vec<u8> {
    let mut p = Vec::new();
    let sub = |p: &mut Vec<u8>, id: u8, body: Vec<u8>| {
        p.push(id);
        write_uleb(p, body.len() as u64);
        p.extend_from_slice(&body);
    };
    // `--soname` names the module; else the output file's name does.
    let module = match ctx.options.soname.as_deref() {
        Some(name) if !name.is_empty() => name,
        _ => ctx.options.output.rsplit(['/', '\\']).next().unwrap_or(""),
    };
    let mut body = Vec::new();
    write_name(&mut body, module);
    sub(&mut p, names::MODULE, body);

    let mut entries: Vec<(u32, String)> = Vec::new();
    for &s in &ix.imports {
        let sym = ctx.sym(s);
        if sym.kind == SymKind::Function {
            entries.push((sym.import_index.unwrap_or(0), ctx.display_name(sym.name)));
        }
    }
    for &f in &ix.functions {
        let func = ctx.func(f);
        if func.name.is_empty() {
            continue;
        }
        let name = match &func.debug_name {
            Some(d) => d.clone(),
            None => ctx.display_name(func.name),
        };
        entries.push((func.out_index.unwrap_or(0), name));
    }
    if !entries.is_empty() {
        sub(&mut p, names::FUNCTION, name_map(&entries));
    }

    let mut entries: Vec<(u32, String)> = Vec::new();
    for &s in &ix.imports {
        let sym = ctx.sym(s);
        if sym.kind == SymKind::Global {
            entries.push((sym.import_index.unwrap_or(0), ctx.display_name(sym.name)));
        }
    }
    for &s in &ix.got_imports {
        entries.push((ix.got_index.get(&s).copied().unwrap_or(0), ctx.display_name(ctx.sym(s).name)));
    }
    for &g in &ix.globals {
        #[allow(clippy::indexing_slicing)] // A `GlobalId` is the index its global was pushed at; never removed.
        let glob = &ctx.globals[g.idx()];
        if !glob.name.is_empty() {
            entries.push((glob.out_index.unwrap_or(0), ctx.display_name(glob.name)));
        }
    }
    for &s in &ix.got_symbols {
        let sym = ctx.sym(s);
        let kind = if sym.kind == SymKind::Function { "func" } else { "data" };
        let index = ix.got_index.get(&s).copied().unwrap_or(0);
        // A symbol replaced by a trapping stub is named after the stub in wasm-ld
        // (`undefined_weak:NAME`, `signature_mismatch:NAME`).
        let name = match sym.def {
            crate::context::Def::Function(f) if sym.is_stub => ctx.func(f).debug_name.clone(),
            _ => None,
        };
        let name = name.unwrap_or_else(|| ctx.display_name(sym.name));
        entries.push((index, format!("GOT.{kind}.internal.{name}")));
    }
    if !entries.is_empty() {
        sub(&mut p, names::GLOBAL, name_map(&entries));
    }

    let entries: Vec<(u32, String)> =
        mem.segments.iter().filter(|s| !s.name.is_empty() && s.required_in_binary(mem.emit_bss)).map(|s| (s.index, s.name.to_string())).collect();
    if !entries.is_empty() {
        sub(&mut p, names::DATA_SEGMENT, name_map(&entries));
    }
    p
}

fn name_map(entries: &[(u32, String)]) -> Vec<u8> {
    let mut b = Vec::new();
    write_uleb(&mut b, entries.len() as u64);
    for (i, n) in entries {
        write_uleb(&mut b, *i as u64);
        write_name(&mut b, n);
    }
    b
}

fn producers_section(ctx: &Ctx<'_>) -> Vec<u8> {
    let mut fields: [(&str, Vec<(&str, &str)>); 3] = [("language", Vec::new()), ("processed-by", Vec::new()), ("sdk", Vec::new())];
    for &file in &ctx.object_order {
        for (field, values) in &ctx.file(file).object().producers.fields {
            let Some(slot) = fields.iter_mut().find(|(n, _)| n == field) else { continue };
            for &(name, version) in values {
                if !slot.1.iter().any(|(n, _)| *n == name) {
                    slot.1.push((name, version));
                }
            }
        }
    }
    let count = fields.iter().filter(|f| !f.1.is_empty()).count();
    if count == 0 {
        return Vec::new();
    }
    let mut p = Vec::new();
    write_uleb(&mut p, count as u64);
    for (name, values) in &fields {
        if values.is_empty() {
            continue;
        }
        write_name(&mut p, name);
        write_uleb(&mut p, values.len() as u64);
        for (n, v) in values {
            write_name(&mut p, n);
            write_name(&mut p, v);
        }
    }
    p
}
