//! Loading inputs: objects are added to the symbol table, archive members (and objects
//! between `--start-lib` and `--end-lib`) become lazy files whose defined names are lazy
//! symbols. A strong reference to a lazy symbol loads
//! its member at once, depth-first, exactly where wasm-ld would, because that order is the
//! order of the output's functions, globals and data.
//!
//! The recursion of wasm-ld (`extract` → `addFile` → `parse` → `extract` …) is run here on
//! an explicit stack so that a long chain of members cannot overflow the native stack.

use crate::context::{Ctx, Def, FileId, FuncId, GlobalId, GlobalInit, InputFunction, InputGlobal, InputSegment, InputTable, InputTag, ObjFile, PreparedNames, SegId, Symbol, SymbolId, TableId, TagId, WhyExtracted};
use crate::diag::Diagnostic;
use crate::input::archive;
use crate::input::object::{self, SymKind, SymbolInfo};
use crate::input::wasm::sym_flag;
use crate::input::{detect, FileKind};
use crate::{input, InputFile};
use std::borrow::Cow;

enum Frame<'a> {
    /// Adding the symbols of a loaded object, from symbol `next` on.
    Parse { file: FileId, next: u32 },
    /// Adding the lazy names of an archive member, from `next` on.
    Lazy { file: FileId, names: Vec<&'a str>, next: usize },
}

/// Creates the file list from the command-line inputs (archives expand to lazy members).
pub fn create_files<'a>(ctx: &mut Ctx<'a>, inputs: &[InputFile<'a>]) {
    for input in inputs {
        match detect(input.bytes) {
            FileKind::Object => push_file(ctx, input.name.clone(), input.bytes, input.lazy),
            FileKind::Archive if input.prepared.is_some_and(|p| p.len == input.bytes.len()) => {
                let Some(prep) = input.prepared else { continue };
                add_prepared_members(ctx, input, prep);
            }
            // (`parse_archive` rejects a thin archive by name: only the driver can read its members.)
            FileKind::Archive | FileKind::ThinArchive => {
                let ar = match archive::parse_archive(&input.name, input.bytes) {
                    Ok(a) => a,
                    Err(mut e) => {
                        e.message = format!("failed to parse archive: {}", e.message);
                        ctx.error(e);
                        continue;
                    }
                };
                for m in ar.members {
                    let name = archive::member_display_name(&input.name, &m.name);
                    // A member with wasm's magic is an object to wasm-ld, whatever its version
                    // (the parser then says what is wrong with it).
                    if matches!(detect(m.data), FileKind::Object | FileKind::OtherWasm) {
                        push_file(ctx, name, m.data, !input.whole_archive);
                        if let Some(f) = ctx.files.last_mut() {
                            f.archive = Some(input.name.clone());
                        }
                    } else if input.whole_archive {
                        ctx.error(Diagnostic::error(format!("{name}: unknown file type")));
                    } else {
                        ctx.warn(format!("{}: archive member '{}' is neither Wasm object file nor LLVM bitcode", input.name, m.name));
                    }
                }
            }
            FileKind::Stub => {
                let lib = crate::stub_library::parse(input.name.clone(), input.bytes);
                ctx.stub_libraries.push(lib);
            }
            FileKind::OtherWasm | FileKind::Bitcode | FileKind::Unknown => {
                ctx.error(Diagnostic::error(format!("unknown file type: {}", input.name)))
            }
        }
    }
    if ctx.files.is_empty() && ctx.stub_libraries.is_empty() && !ctx.has_errors() {
        ctx.error(Diagnostic::error("no input files"));
    }
}

fn push_file<'a>(ctx: &mut Ctx<'a>, name: String, bytes: &'a [u8], lazy: bool) {
    ctx.files.push(ObjFile {
        name,
        bytes,
        lazy,
        live: !lazy,
        obj: None,
        symbols: Vec::new(),
        func_base: 0,
        seg_base: 0,
        global_base: 0,
        table_base: 0,
        tag_base: 0,
        kept_comdats: Vec::new(),
        type_map: Vec::new(),
        custom_discarded: Vec::new(),
        archive: None,
        pulled_by: None,
        lazy_names: None,
        unextracted: None,
        why_extracted: None,
    });
}

/// Archive members from a prepared member table: no re-reading of the archive.
fn add_prepared_members<'a>(ctx: &mut Ctx<'a>, input: &InputFile<'a>, prep: &input::prepared::PreparedArchive) {
    let bytes = input.bytes;
    for m in &prep.members {
        let name = archive::member_display_name(&input.name, &m.name);
        let Some(data) = bytes.get(m.range.clone()) else { continue };
        if !m.is_object {
            if input.whole_archive {
                ctx.error(Diagnostic::error(format!("{name}: unknown file type")));
            } else {
                ctx.warn(format!("{}: archive member '{}' is neither Wasm object file nor LLVM bitcode", input.name, m.name));
            }
            continue;
        }
        push_file(ctx, name, data, !input.whole_archive);
        let names = m.defined.clone().map(|ranges| {
            ranges.into_iter().filter_map(|r| data.get(r)).filter_map(|b| std::str::from_utf8(b).ok()).collect()
        });
        if let Some(f) = ctx.files.last_mut() {
            f.archive = Some(input.name.clone());
            f.lazy_names = Some(PreparedNames { names, is64: m.is64 });
        }
    }
}

/// Adds every file to the symbol table in command-line order.
pub fn add_files(ctx: &mut Ctx<'_>) {
    for i in 0..ctx.files.len() {
        if ctx.fatal {
            return;
        }
        let file = FileId(i as u32);
        if ctx.files[i].lazy {
            let names = match ctx.files[i].lazy_names.take() {
                Some(prepared) => prepared.names.and_then(|names| {
                    let name = ctx.files[i].name.clone();
                    wrong_arch(ctx, &name, prepared.is64).map_or(Ok(names), Err)
                }),
                None => parse_lazy(ctx, file),
            };
            let names = match names {
                Ok(n) => n,
                Err(e) => {
                    ctx.error(e);
                    continue;
                }
            };
            run(ctx, Frame::Lazy { file, names, next: 0 });
        } else if ctx.files[i].obj.is_none() {
            if let Some(frame) = start_parse(ctx, file) {
                run(ctx, frame);
            }
        }
    }
}

/// An unextracted archive member or `--start-lib` object is parsed in full as it is added,
/// as wasm-ld does: a bad member fails the link whether or not it is extracted, and so does
/// one of the wrong architecture. The object is kept for its extraction.
fn parse_lazy<'a>(ctx: &mut Ctx<'a>, file: FileId) -> Result<Vec<&'a str>, Diagnostic> {
    let f = &ctx.files[file.idx()];
    let obj = object::parse_object(&f.name, f.bytes)?;
    if let Some(e) = wrong_arch(ctx, &ctx.files[file.idx()].name.clone(), obj.is64) {
        return Err(e);
    }
    let names = obj.lazy_names();
    ctx.files[file.idx()].unextracted = Some(obj);
    Ok(names)
}

/// The error for an object of the other architecture than the link's (`-mwasm64` or not).
/// Fatal in wasm-ld, lazy member or not: the first such object ends the link.
fn wrong_arch(ctx: &mut Ctx<'_>, name: &str, object_is64: bool) -> Option<Diagnostic> {
    let msg = input::arch::mismatch(name, object_is64, ctx.options.is64)?;
    ctx.fatal = true;
    Some(Diagnostic::error(msg))
}

/// Drops the objects kept for the lazy files that were never extracted.
pub fn drop_unextracted(ctx: &mut Ctx<'_>) {
    for f in &mut ctx.files {
        f.unextracted = None;
    }
}

/// Loads a member that a command-line-level request (`-u`, `--export`, entry) extracted.
pub fn load_extracted(ctx: &mut Ctx<'_>, file: Option<FileId>) {
    if let Some(file) = file {
        if let Some(frame) = start_parse(ctx, file) {
            run(ctx, frame);
        }
    }
}

fn run<'a>(ctx: &mut Ctx<'a>, first: Frame<'a>) {
    let mut stack = vec![first];
    while let Some(top) = stack.last_mut() {
        if ctx.fatal {
            return;
        }
        let extract = match top {
            Frame::Parse { file, next } => {
                let file = *file;
                let count = ctx.files[file.idx()].object().symbols.len() as u32;
                if *next >= count {
                    finish_parse(ctx, file);
                    stack.pop();
                    continue;
                }
                let i = *next;
                *next += 1;
                add_symbol(ctx, file, i)
            }
            Frame::Lazy { file, names, next } => {
                if !ctx.files[file.idx()].lazy || *next >= names.len() {
                    stack.pop();
                    continue;
                }
                let name = names[*next];
                *next += 1;
                let file = *file;
                ctx.add_lazy(name, file)
            }
        };
        if let Some(member) = extract {
            if let Some(frame) = start_parse(ctx, member) {
                stack.push(frame);
            }
        }
    }
}

/// Parses the object and creates its chunks; its symbols are added by the caller's loop.
fn start_parse<'a>(ctx: &mut Ctx<'a>, file: FileId) -> Option<Frame<'a>> {
    let f = &ctx.files[file.idx()];
    let (name, bytes) = (f.name.clone(), f.bytes);
    let parsed = match ctx.files[file.idx()].unextracted.take() {
        Some(obj) => Ok(obj),
        None => object::parse_object(&name, bytes),
    };
    let obj = match parsed {
        Ok(o) => o,
        Err(e) => {
            ctx.error(e);
            return None;
        }
    };
    if obj.shared {
        add_shared_library(ctx, file, obj);
        return None;
    }
    if let Some(e) = wrong_arch(ctx, &name, obj.is64) {
        ctx.error(e);
        return None;
    }
    if ctx.options.trace {
        ctx.messages.push(name.clone());
    }
    let gc = ctx.options.gc_sections;

    let kept: Vec<bool> = obj.comdats.iter().map(|c| ctx.comdat_groups.insert(c, ()).is_none()).collect();
    let excluded = |c: Option<u32>| c.is_some_and(|c| !kept.get(c as usize).copied().unwrap_or(true));

    let func_base = ctx.functions.len() as u32;
    for (i, func) in obj.functions.iter().enumerate() {
        let sig = ctx.intern_sig(&obj.types[func.type_index as usize]);
        ctx.functions.push(InputFunction {
            file: Some(file),
            local_index: i as u32,
            sig,
            body: Cow::Borrowed(func.body),
            live: !gc,
            discarded: excluded(func.comdat),
            out_index: None,
            table_index: None,
            name: func.symbol_name.unwrap_or(""),
            debug_name: func.debug_name.map(str::to_string),
            export_name: func.export_name,
            out_offset: 0,
            out_size: 0,
        });
    }
    let seg_base = ctx.segments.len() as u32;
    for (i, seg) in obj.segments.iter().enumerate() {
        ctx.segments.push(InputSegment {
            file,
            local_index: i as u32,
            live: !gc,
            discarded: excluded(seg.comdat),
            is_tls: seg.is_tls(),
            out_seg: None,
            out_offset: 0,
            pieces: None,
        });
    }
    let global_base = ctx.globals.len() as u32;
    for g in &obj.globals {
        ctx.globals.push(InputGlobal { file: Some(file), ty: g.ty, init: GlobalInit::Expr(g.init), live: !gc, out_index: None, name: g.symbol_name.unwrap_or("") });
    }
    let table_base = ctx.tables.len() as u32;
    for t in &obj.tables {
        ctx.tables.push(InputTable { file: Some(file), name: t.symbol_name.unwrap_or(""), ty: t.ty, live: !gc, out_index: None });
    }
    let tag_base = ctx.tags.len() as u32;
    for t in &obj.tags {
        let sig = ctx.intern_sig(&obj.types[t.type_index as usize]);
        ctx.tags.push(InputTag { file, sig, live: !gc, out_index: None });
    }
    let custom_discarded = obj.customs.iter().map(|c| excluded(c.comdat)).collect();
    let type_count = obj.types.len();
    let symbol_count = obj.symbols.len();
    let f = &mut ctx.files[file.idx()];
    f.func_base = func_base;
    f.seg_base = seg_base;
    f.global_base = global_base;
    f.table_base = table_base;
    f.tag_base = tag_base;
    f.kept_comdats = kept;
    f.custom_discarded = custom_discarded;
    f.type_map = vec![None; type_count];
    f.symbols = Vec::with_capacity(symbol_count);
    f.lazy = false;
    f.obj = Some(obj);
    Some(Frame::Parse { file, next: 0 })
}

/// A shared library given as input (wasm-ld's `SharedFile`): its exported functions and
/// data become symbols that the loader will bind, and it joins `dylink.0`'s needed list.
fn add_shared_library<'a>(ctx: &mut Ctx<'a>, file: FileId, obj: input::object::Object<'a>) {
    use input::wasm::external;
    let mut symbols = Vec::new();
    for &(name, kind, index) in &obj.exports {
        // The library's own start-up functions are for its loader only.
        if name == "__wasm_apply_data_relocs" || name == "__wasm_call_ctors" {
            continue;
        }
        let id = match kind {
            external::FUNCTION => {
                let local = index.checked_sub(obj.num_imported_functions());
                let Some(func) = local.and_then(|l| obj.functions.get(l as usize)) else { continue };
                let Some(ty) = obj.types.get(func.type_index as usize) else { continue };
                let sig = ctx.intern_sig(ty);
                ctx.add_shared_function(name, 0, file, sig)
            }
            // An exported global holds a data address.
            external::GLOBAL => ctx.add_shared_data(name, 0, file),
            _ => continue,
        };
        symbols.push(id);
    }
    let f = &mut ctx.files[file.idx()];
    f.symbols = symbols;
    f.lazy = false;
    f.obj = Some(obj);
    ctx.shared_files.push(file);
}

fn finish_parse(ctx: &mut Ctx<'_>, file: FileId) {
    add_legacy_indirect_function_table(ctx, file);
    ctx.object_order.push(file);
    if let Some((requester, symbol)) = ctx.files[file.idx()].why_extracted.take() {
        // The symbol's file now, as wasm-ld reads it right after the load (a later
        // strong definition elsewhere may still take the symbol over).
        let file = ctx.sym(symbol).file;
        ctx.why_extracted.push(WhyExtracted { requester, file, symbol });
    }
}

/// Adds symbol `i` of `file`; returns a member to load first if the symbol pulled one in.
fn add_symbol(ctx: &mut Ctx<'_>, file: FileId, i: u32) -> Option<FileId> {
    let f = &ctx.files[file.idx()];
    let obj = f.object();
    let info: SymbolInfo = obj.symbols[i as usize].clone();
    let called_directly = obj.called_directly.get(i as usize).copied().unwrap_or(false);
    let (id, extract) = if info.is_undefined() {
        create_undefined(ctx, file, &info, called_directly)
    } else {
        match create_defined(ctx, file, &info) {
            Some(id) => (id, None),
            None => create_undefined(ctx, file, &info, called_directly),
        }
    };
    ctx.files[file.idx()].symbols.push(id);
    extract
}

/// A definition dropped with its COMDAT group, another file's copy having been kept: the
/// report lists it among the symbol's other definitions (a lookup only a report pays for).
fn comdat_copy_dropped(ctx: &mut Ctx<'_>, name: &str, file: FileId) {
    if let Some(kept) = ctx.options.report.then(|| ctx.find(name)).flatten() {
        ctx.other_definitions.push((kept, file, "comdat"));
    }
}

fn create_defined<'a>(ctx: &mut Ctx<'a>, file: FileId, info: &SymbolInfo<'a>) -> Option<SymbolId> {
    let f = &ctx.files[file.idx()];
    let obj = f.object();
    let local = info.is_local();
    let name = info.name;
    let mut flags = info.flags;
    let new_local = |ctx: &mut Ctx<'a>, mut s: Symbol<'a>, flags: u32| {
        s.flags = flags;
        s.file = Some(file);
        s.is_local = true;
        s.used_in_regular_obj = true;
        s.referenced = !ctx.options.gc_sections;
        ctx.new_symbol(s)
    };
    match info.kind {
        SymKind::Function => {
            let func = FuncId(f.func_base + info.index - obj.num_imported_functions());
            if local {
                let mut s = Symbol::new(name, SymKind::Function);
                s.def = Def::Function(func);
                s.sig = Some(ctx.functions[func.idx()].sig);
                return Some(new_local(ctx, s, flags));
            }
            if ctx.functions[func.idx()].discarded {
                comdat_copy_dropped(ctx, name, file);
                return None;
            }
            Some(ctx.add_defined_function(name, flags, Some(file), func))
        }
        SymKind::Data => {
            let (seg, offset, size) = info.data?;
            let seg = SegId(f.seg_base + seg);
            if flags & sym_flag::TLS == 0 && ctx.segments[seg.idx()].is_tls {
                flags |= sym_flag::TLS;
            }
            let def = Def::Data { segment: Some(seg), offset, size };
            if local {
                let mut s = Symbol::new(name, SymKind::Data);
                s.def = def;
                return Some(new_local(ctx, s, flags));
            }
            if ctx.segments[seg.idx()].discarded {
                comdat_copy_dropped(ctx, name, file);
                return None;
            }
            Some(ctx.add_defined_data(name, flags, Some(file), def))
        }
        SymKind::Global => {
            let g = GlobalId(f.global_base + info.index - obj.num_imported_globals());
            let mut s = Symbol::new(name, SymKind::Global);
            s.def = Def::Global(g);
            s.global_type = Some(ctx.globals[g.idx()].ty);
            if local {
                return Some(new_local(ctx, s, flags));
            }
            Some(ctx.add_defined_other(name, flags, Some(file), s))
        }
        SymKind::Table => {
            let t = TableId(f.table_base + info.index - obj.num_imported_tables());
            let mut s = Symbol::new(name, SymKind::Table);
            s.def = Def::Table(t);
            s.table_type = Some(ctx.tables[t.idx()].ty);
            if local {
                return Some(new_local(ctx, s, flags));
            }
            Some(ctx.add_defined_other(name, flags, Some(file), s))
        }
        SymKind::Tag => {
            let t = TagId(f.tag_base + info.index - obj.num_imported_tags());
            let mut s = Symbol::new(name, SymKind::Tag);
            s.def = Def::Tag(t);
            s.sig = Some(ctx.tags[t.idx()].sig);
            if local {
                return Some(new_local(ctx, s, flags));
            }
            Some(ctx.add_defined_other(name, flags, Some(file), s))
        }
        SymKind::Section => {
            // `customs` is in section order: a binary search, not a scan per symbol.
            let idx = match obj.customs.binary_search_by_key(&info.index, |c| c.section_index) {
                Ok(idx) => idx as u32,
                Err(_) => crate::context::LINKER_SECTION,
            };
            if f.custom_discarded.get(idx as usize).copied().unwrap_or(false) {
                return None;
            }
            let mut s = Symbol::new(name, SymKind::Section);
            s.def = Def::Section(file, idx);
            Some(new_local(ctx, s, flags))
        }
    }
}

fn create_undefined<'a>(ctx: &mut Ctx<'a>, file: FileId, info: &SymbolInfo<'a>, called_directly: bool) -> (SymbolId, Option<FileId>) {
    let flags = info.flags | sym_flag::UNDEFINED;
    let obj = ctx.files[file.idx()].object();
    let name = info.name;
    let mut s = Symbol::new(name, info.kind);
    s.import_module = info.import_module;
    s.import_name = info.import_name;
    match info.kind {
        SymKind::Function => s.sig = obj.function_type(info.index).cloned().map(|t| ctx.intern_sig(&t)),
        SymKind::Global => s.global_type = obj.global_type(info.index),
        SymKind::Table => s.table_type = obj.table_type(info.index),
        SymKind::Tag => s.sig = obj.tag_type(info.index).cloned().map(|t| ctx.intern_sig(&t)),
        SymKind::Data | SymKind::Section => {}
    }
    if info.is_local() {
        // (Nothing can define it; it stays the file's own, as wasm-ld keeps it. Without GC it
        // is live like every symbol, so `-r` lists it for the relocations that name it.)
        s.flags = flags;
        s.file = Some(file);
        s.is_local = true;
        s.called_directly = called_directly;
        s.used_in_regular_obj = true;
        s.referenced = !ctx.options.gc_sections;
        return (ctx.new_symbol(s), None);
    }
    let (id, extract) = match info.kind {
        SymKind::Function => ctx.add_undefined_function(name, s.import_name, s.import_module, flags, Some(file), s.sig, called_directly),
        SymKind::Data => ctx.add_undefined_data(name, flags, Some(file)),
        _ => ctx.add_undefined_other(name, flags, Some(file), s),
    };
    ctx.note_reference(id, Some(file));
    (id, extract)
}

/// MVP objects (built without reference-types) import `__indirect_function_table` without a
/// symbol; synthesise the symbol so the table is built, as wasm-ld does.
fn add_legacy_indirect_function_table(ctx: &mut Ctx<'_>, file: FileId) {
    let f = &ctx.files[file.idx()];
    let obj = f.object();
    let table_symbols = obj.symbols.iter().filter(|s| s.kind == SymKind::Table).count();
    let table_count = obj.imported_tables.len() + obj.tables.len();
    if table_count == table_symbols {
        return;
    }
    let name = f.name.clone();
    if table_symbols != 0 {
        ctx.error(Diagnostic::error(format!(
            "{name}: expected one symbol table entry for each of the {table_count} table(s) present, but got {table_symbols} symbol(s) instead."
        )));
        return;
    }
    if !obj.tables.is_empty() {
        ctx.error(Diagnostic::error(format!("{name}: unexpected table definition(s) without corresponding symbol-table entries.")));
        return;
    }
    if table_count != 1 {
        ctx.error(Diagnostic::error(format!("{name}: multiple table imports, but no corresponding symbol-table entries.")));
        return;
    }
    let Some(imp) = obj.imported_tables.first().and_then(|&i| obj.imports.get(i as usize)) else { return };
    let (field, module) = (imp.field, imp.module);
    let ty = obj.table_type(0);
    if field != "__indirect_function_table" || ty.map(|t| t.elem) != Some(crate::input::wasm::valtype::FUNCREF) {
        ctx.error(Diagnostic::error(format!("{name}: table import {field} is missing a symbol table entry.")));
        return;
    }
    let mut s = Symbol::new(field, SymKind::Table);
    s.table_type = ty;
    s.import_module = Some(module);
    s.import_name = Some(field);
    let (id, _) = ctx.add_undefined_other(field, sym_flag::UNDEFINED | sym_flag::NO_STRIP, Some(file), s);
    ctx.files[file.idx()].symbols.push(id);
    ctx.mark_symbol_live(id);
    // Its code calls through table 0 without relocations saying so.
    ctx.legacy_function_table = true;
}
