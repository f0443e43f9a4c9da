//! Builds the `Report` from the final link state.

use super::*;
use crate::context::{Ctx, Def, GlobalInit, LiveReason, Requester, SymbolId};
use crate::emit::Output;
use crate::input::object::SymKind;
use crate::input::wasm::{external, section, valtype};
use crate::layout::indices::{self, Indices};
use crate::layout::memory::{self, MemoryLayout, Part};

/// The final state a report is read from.
pub struct Final<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub ix: &'c Indices,
    pub mem: &'c MemoryLayout<'a>,
    pub out: &'c Output,
}

pub fn build(f: &Final<'_, '_>, timings: Vec<PhaseTime>) -> Report {
    Report {
        output_size: f.out.bytes.len() as u64,
        inputs: inputs(f),
        sections: sections(f),
        memory: memory_report(f),
        functions: functions(f),
        globals: globals(f),
        imports: imports(f),
        exports: exports(f),
        symbols: symbols(f),
        timings,
    }
}

fn kind_name(k: u8) -> &'static str {
    match k {
        external::FUNCTION => "function",
        external::TABLE => "table",
        external::MEMORY => "memory",
        external::GLOBAL => "global",
        _ => "tag",
    }
}

fn inputs(f: &Final<'_, '_>) -> Vec<InputReport> {
    let ctx = f.ctx;
    ctx.files
        .iter()
        .map(|file| InputReport {
            name: file.name.clone(),
            kind: if file.archive.is_some() { "member" } else { "object" },
            archive: file.archive.clone(),
            size: file.bytes.len() as u64,
            loaded: file.obj.is_some(),
            pulled_by: file.pulled_by.map(|(symbol, by)| PullReason {
                symbol: symbol.to_string(),
                referenced_by: match by {
                    Requester::File(Some(b)) => ctx.files[b.idx()].name.clone(),
                    Requester::File(None) | Requester::Option(_) => "<command line>".to_string(),
                    Requester::StubLibrary(lib) => crate::stub_library::library_name(ctx, lib).to_string(),
                },
            }),
        })
        .chain(ctx.stub_libraries.iter().map(|lib| InputReport {
            name: lib.name.clone(),
            kind: "stub",
            archive: None,
            size: lib.size,
            loaded: true,
            pulled_by: None,
        }))
        .collect()
}

fn sections(f: &Final<'_, '_>) -> Vec<SectionReport> {
    let count = |id: u8| -> Option<u64> {
        let ix = f.ix;
        Some(match id {
            section::TYPE => ix.types.len() as u64,
            section::IMPORT => ix.imports.len() as u64 + u64::from(f.ctx.options.import_memory.is_some()),
            section::FUNCTION | section::CODE => ix.functions.len() as u64,
            section::TABLE => ix.tables.len() as u64,
            section::MEMORY => 1,
            section::GLOBAL => (ix.globals.len() + ix.data_address_globals.len()) as u64,
            section::EXPORT => ix.exports.len() as u64,
            section::ELEM => ix.table_entries.len() as u64,
            section::DATA => f.out.segment_offsets.iter().filter(|s| s.is_some()).count() as u64,
            section::TAG => ix.tags.len() as u64,
            _ => return None,
        })
    };
    f.out
        .sections
        .iter()
        .map(|s| SectionReport {
            id: s.id,
            name: if s.id == section::CUSTOM { s.name.clone() } else { section::name(s.id).to_string() },
            offset: s.offset,
            size: s.size,
            count: count(s.id),
        })
        .collect()
}

fn payload_offset(f: &Final<'_, '_>, id: u8) -> u64 {
    f.out.sections.iter().find(|s| s.id == id).map_or(0, |s| s.payload_offset)
}

fn memory_report(f: &Final<'_, '_>) -> MemoryReport {
    let (ctx, mem) = (f.ctx, f.mem);
    let data_base = payload_offset(f, section::DATA);
    let segments = mem
        .segments
        .iter()
        .map(|seg| {
            let file_offset = f.out.segment_offsets.get(seg.index as usize).copied().flatten().map(|(_, d)| data_base + d);
            let pieces = seg
                .parts
                .iter()
                .map(|part| match *part {
                    Part::Input(s) => {
                        let is = &ctx.segments[s.idx()];
                        let file = &ctx.files[is.file.idx()];
                        let input = &file.object().segments[is.local_index as usize];
                        PieceReport {
                            file: file.name.clone(),
                            name: input.name.to_string(),
                            address: seg.start_va + is.out_offset,
                            size: input.data.len() as u64,
                            alignment: 1 << input.alignment,
                            input_offset: Some(file.object().data_file_offset + input.section_offset as u64),
                        }
                    }
                    Part::Merged(m) => {
                        let merged = &mem.merged[m];
                        PieceReport {
                            file: "<merged strings>".to_string(),
                            name: seg.name.to_string(),
                            address: seg.start_va + merged.out_offset,
                            size: merged.data.len() as u64,
                            alignment: 1 << merged.alignment,
                            input_offset: None,
                        }
                    }
                })
                .collect();
            SegmentReport {
                index: seg.index,
                name: seg.name.to_string(),
                address: seg.start_va,
                size: seg.size,
                alignment: 1 << seg.alignment,
                is_bss: seg.is_bss,
                is_tls: seg.is_tls,
                in_binary: seg.required_in_binary(mem.emit_bss),
                passive: memory::needs_passive_init(ctx, mem, seg),
                file_offset,
                pieces,
            }
        })
        .collect();
    let tls = mem.segments.iter().find(|s| s.is_tls).map(|s| TlsReport { address: s.start_va, size: s.size, align: 1 << s.alignment });
    MemoryReport {
        page_size: crate::options::WASM_PAGE_SIZE,
        initial_pages: mem.initial_pages,
        max_pages: mem.max_pages,
        imported: ctx.options.import_memory.is_some(),
        shared: ctx.options.shared_memory,
        is64: ctx.options.is64,
        global_base: mem.global_base,
        stack_low: mem.stack_low,
        stack_high: mem.stack_high,
        stack_first: ctx.options.stack_first,
        data_end: mem.data_end,
        heap_base: mem.heap_base,
        heap_end: mem.heap_end,
        tls,
        segments,
    }
}

fn functions(f: &Final<'_, '_>) -> Vec<FunctionReport> {
    let ctx = f.ctx;
    let code_base = payload_offset(f, section::CODE);
    f.ix.functions
        .iter()
        .map(|&id| {
            let func = &ctx.functions[id.idx()];
            let input_offset = func.file.map(|file| {
                let obj = ctx.files[file.idx()].object();
                obj.code_file_offset + obj.functions[func.local_index as usize].code_offset as u64
            });
            FunctionReport {
                index: func.out_index.unwrap_or(0),
                name: func.debug_name.clone().unwrap_or_else(|| ctx.display_name(func.name)),
                file: ctx.file_name(func.file).to_string(),
                size: func.out_size,
                file_offset: code_base + func.out_offset,
                input_offset,
                signature: ctx.sigs[func.sig.idx()].display(),
                table_index: func.table_index,
            }
        })
        .collect()
}

fn globals(f: &Final<'_, '_>) -> Vec<GlobalReport> {
    let ctx = f.ctx;
    f.ix.globals
        .iter()
        .map(|&g| {
            let glob = &ctx.globals[g.idx()];
            let value = match glob.init {
                GlobalInit::Const(v) => Some(v as i64),
                GlobalInit::Expr(e) => const_value(e),
            };
            GlobalReport {
                index: glob.out_index.unwrap_or(0),
                name: ctx.display_name(glob.name),
                file: ctx.file_name(glob.file).to_string(),
                valtype: valtype::name(glob.ty.valtype),
                mutable: glob.ty.mutable,
                value,
            }
        })
        .collect()
}

/// The value of an `i32.const`/`i64.const` init expression.
fn const_value(e: &[u8]) -> Option<i64> {
    let (&op, rest) = e.split_first()?;
    if op != crate::input::wasm::op::I32_CONST && op != crate::input::wasm::op::I64_CONST {
        return None;
    }
    crate::input::reader::Reader::new(rest, 0).leb_i64(64).ok()
}

fn imports(f: &Final<'_, '_>) -> Vec<ImportReport> {
    let ctx = f.ctx;
    let mut v = Vec::new();
    if let Some((module, name)) = &ctx.options.import_memory {
        v.push(ImportReport { module: module.clone(), name: name.clone(), kind: "memory", index: 0, symbol: None });
    }
    for &s in &f.ix.imports {
        let sym = ctx.sym(s);
        let kind = match sym.kind {
            SymKind::Function => "function",
            SymKind::Global => "global",
            SymKind::Table => "table",
            _ => "tag",
        };
        v.push(ImportReport {
            module: sym.import_module.unwrap_or("env").to_string(),
            name: sym.import_name.unwrap_or(sym.name).to_string(),
            kind,
            index: sym.import_index.unwrap_or(0),
            symbol: Some(sym.name.to_string()),
        });
    }
    v
}

fn exports(f: &Final<'_, '_>) -> Vec<ExportReport> {
    f.ix.exports
        .iter()
        .map(|e| ExportReport { name: e.name.clone(), kind: kind_name(e.kind), index: e.index, symbol: e.symbol.map(|s| f.ctx.sym(s).name.to_string()) })
        .collect()
}

fn symbols(f: &Final<'_, '_>) -> Vec<SymbolReport> {
    let ctx = f.ctx;
    // Global symbols in table order, then each loaded file's local symbols.
    let mut list: Vec<SymbolId> = ctx.symtab.clone();
    let mut seen: crate::hash::HashSet<SymbolId> = list.iter().copied().collect();
    for &file in &ctx.object_order {
        for &s in &ctx.files[file.idx()].symbols {
            let sym = ctx.sym(s);
            if sym.is_local && sym.kind != SymKind::Section && seen.insert(s) {
                list.push(s);
            }
        }
    }
    // Every symbol a why-live step names must have an entry to point at.
    let mut i = 0;
    while let Some(&s) = list.get(i) {
        if let Some(&LiveReason::By(parent)) = ctx.why_live.get(&s) {
            if seen.insert(parent) {
                list.push(parent);
            }
        }
        i += 1;
    }
    let position: crate::hash::HashMap<SymbolId, u32> = list.iter().enumerate().map(|(i, &s)| (s, i as u32)).collect();
    let exported: crate::hash::HashSet<SymbolId> = f.ix.exports.iter().filter_map(|e| e.symbol).collect();
    let pulled: crate::hash::HashMap<&str, String> = ctx
        .files
        .iter()
        .filter_map(|file| file.pulled_by.map(|(sym, _)| (sym, file.name.clone())))
        .collect();
    list.into_iter().map(|s| symbol(f, s, &exported, &pulled, &position)).collect()
}

fn symbol(
    f: &Final<'_, '_>,
    s: SymbolId,
    exported: &crate::hash::HashSet<SymbolId>,
    pulled: &crate::hash::HashMap<&str, String>,
    position: &crate::hash::HashMap<SymbolId, u32>,
) -> SymbolReport {
    let ctx = f.ctx;
    let sym = ctx.sym(s);
    let live = ctx.is_live(s);
    // What a shared library input defines, the loader binds: an import (or GOT entry) too;
    // so is a GOT import of an undefined symbol's address.
    let got_import = f.ix.got_index.get(&s).is_some_and(|&g| g < f.ix.num_imported_globals);
    let imported = (sym.import_index.is_some() && !sym.is_defined()) || (sym.is_shared() && live) || got_import;
    let status = if sym.is_stub || sym.stub.is_some() {
        "stub"
    } else if imported {
        "imported"
    } else if matches!(sym.def, Def::Undefined | Def::Lazy(_)) {
        // Referenced only from code the GC removed: as gone as that code.
        if live {
            "undefined"
        } else {
            "removed"
        }
    } else if live {
        "live"
    } else {
        "removed"
    };
    let binding = if sym.is_local_binding() {
        "local"
    } else if sym.is_weak() {
        "weak"
    } else {
        "global"
    };
    let index = match sym.def {
        Def::Function(_) => ctx.function_index(s),
        Def::Global(_) => Some(indices::global_index(ctx, s)),
        Def::Table(_) => Some(indices::table_number(ctx, s)),
        Def::Tag(_) => Some(indices::tag_index(ctx, s)),
        _ => sym.import_index.or_else(|| if sym.kind == SymKind::Function { ctx.function_index(s) } else { None }),
    };
    let (address, size) = match sym.def {
        Def::Data { size, .. } if live => (Some(memory::data_address(ctx, f.mem, sym.def, false)), Some(size)),
        Def::Data { size, .. } => (None, Some(size)),
        Def::Function(func) => (None, Some(ctx.functions[func.idx()].body.len() as u64)),
        _ => (None, None),
    };
    let defined_in = if sym.is_defined() { Some(ctx.file_name(sym.file).to_string()) } else { None };
    SymbolReport {
        name: sym.name.to_string(),
        demangled: ctx.display_name(sym.name),
        kind: sym.kind.name(),
        binding,
        visibility: if sym.is_hidden() { "hidden" } else { "default" },
        defined_in,
        referenced_by: sym.referenced_by.iter().map(|&r| ctx.files[r.idx()].name.clone()).collect(),
        status,
        exported: exported.contains(&s),
        imported,
        index: if live || imported { index } else { None },
        address,
        size,
        table_index: ctx.table_index(s),
        live_by: match ctx.why_live.get(&s) {
            Some(LiveReason::By(parent)) => position.get(parent).copied(),
            _ => None,
        },
        live_root: live_root(ctx, s),
        other_definitions: ctx
            .other_definitions
            .iter()
            .filter(|(w, _, _)| *w == s)
            .map(|&(_, file, reason)| OtherDefinition { file: ctx.files[file.idx()].name.clone(), reason })
            .collect(),
        pulled_in: pulled.get(sym.name).cloned(),
        input_offset: input_offset(ctx, sym.def),
    }
}

/// Where a defined function's body or data symbol's bytes start in its input file.
fn input_offset(ctx: &Ctx<'_>, def: Def) -> Option<u64> {
    match def {
        Def::Function(func) => {
            let func = &ctx.functions[func.idx()];
            let obj = ctx.files[func.file?.idx()].obj.as_ref()?;
            Some(obj.code_file_offset + obj.functions.get(func.local_index as usize)?.code_offset as u64)
        }
        Def::Data { segment: Some(seg), offset, .. } => {
            let s = &ctx.segments[seg.idx()];
            let obj = ctx.files[s.file.idx()].obj.as_ref()?;
            Some(obj.data_file_offset + obj.segments.get(s.local_index as usize)?.section_offset as u64 + offset)
        }
        _ => None,
    }
}

/// Why `s` is kept, when it is a root of the GC (or there is no GC).
fn live_root(ctx: &Ctx<'_>, s: SymbolId) -> Option<&'static str> {
    match ctx.why_live.get(&s) {
        Some(LiveReason::Root(reason)) => Some(reason),
        Some(LiveReason::By(_)) => None,
        None if !ctx.options.gc_sections && ctx.sym(s).is_defined() => Some("--no-gc-sections"),
        None => None,
    }
}
