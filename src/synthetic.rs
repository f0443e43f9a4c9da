//! Linker-defined symbols and functions: `__wasm_call_ctors`, `__stack_pointer`, the
//! optional address symbols (`__heap_base`, `__data_end`, …), trapping stubs for weak
//! undefined functions and signature mismatches, and the synthetic function bodies.

use crate::context::{Ctx, Def, FuncId, GlobalId, GlobalInit, InputFunction, InputGlobal, SigId, Symbol, SymbolId};
use crate::diag::Diagnostic;
use crate::input::object::{FuncType, GlobalType, SymKind};
use crate::input::wasm::{op, sym_flag, valtype};
use crate::emit::encode::{uleb, write_uleb};
use std::borrow::Cow;

/// `unreachable` with no locals: the body of every trapping stub.
const UNREACHABLE_BODY: [u8; 4] = [0x03, 0x00, op::UNREACHABLE, op::END];

impl<'a> Ctx<'a> {
    /// A new synthetic function (not yet in `synthetic_functions`).
    pub fn new_function(&mut self, sig: SigId, name: &'a str, debug_name: Option<String>, body: Vec<u8>) -> FuncId {
        let id = FuncId(self.functions.len() as u32);
        self.functions.push(InputFunction {
            file: None,
            local_index: 0,
            sig,
            body: Cow::Owned(body),
            live: !self.options.gc_sections,
            discarded: false,
            out_index: None,
            table_index: None,
            name,
            debug_name,
            export_name: None,
            out_offset: 0,
            out_size: 0,
        });
        id
    }

    fn new_global(&mut self, name: &'a str, mutable: bool) -> GlobalId {
        let id = GlobalId(self.globals.len() as u32);
        let ty = GlobalType { valtype: self.ptr_type(), mutable };
        self.globals.push(InputGlobal { file: None, ty, init: GlobalInit::Const(0), live: !self.options.gc_sections, out_index: None, name });
        id
    }

    fn add_synthetic_global(&mut self, name: &'a str, mutable: bool) -> SymbolId {
        let g = self.new_global(name, mutable);
        self.synthetic_globals.push(g);
        let (s, _) = self.insert_name(name);
        let mut sym = Symbol::new(name, SymKind::Global);
        sym.def = Def::Global(g);
        sym.flags = sym_flag::VISIBILITY_HIDDEN;
        sym.global_type = Some(self.globals[g.idx()].ty);
        self.replace_symbol(s, sym);
        s
    }

    /// Defines `name` as an absolute data symbol at `value` if something refers to it (or it
    /// is exported explicitly or by `--export-all`); wasm-ld's `addOptionalDataSymbol`.
    pub fn add_optional_data_symbol(&mut self, name: &'a str, value: u64) -> Option<SymbolId> {
        let s = match self.find(name) {
            None if self.options.export_all || self.explicitly_exported(name) => self.insert_name(name).0,
            None => return None,
            Some(s) if self.sym(s).is_defined() => return None,
            Some(s) => s,
        };
        let mut sym = Symbol::new(name, SymKind::Data);
        sym.def = Def::Data { segment: None, offset: value, size: 0 };
        sym.flags = sym_flag::VISIBILITY_HIDDEN | sym_flag::ABSOLUTE;
        self.replace_symbol(s, sym);
        self.sym_mut(s).referenced = true;
        Some(s)
    }

    /// Unlike data symbols, wasm-ld 19 creates optional globals only for references.
    fn add_optional_global_symbol(&mut self, name: &'a str, mutable: bool) -> Option<SymbolId> {
        let s = match self.find(name) {
            None => return None,
            Some(s) if self.sym(s).is_defined() => return None,
            Some(s) => s,
        };
        let g = self.new_global(name, mutable);
        self.synthetic_globals.push(g);
        let mut sym = Symbol::new(name, SymKind::Global);
        sym.def = Def::Global(g);
        sym.flags = sym_flag::VISIBILITY_HIDDEN;
        sym.global_type = Some(self.globals[g.idx()].ty);
        self.replace_symbol(s, sym);
        Some(s)
    }

    pub fn explicitly_exported(&self, name: &str) -> bool {
        self.options.exports.iter().chain(&self.options.exports_if_defined).any(|e| e == name)
    }

    pub fn null_sig(&mut self) -> SigId {
        self.intern_sig(&FuncType::new(&[], &[]))
    }
}

/// Symbols that exist before any input is read (wasm-ld's `createSyntheticSymbols`).
pub fn create_synthetic_symbols(ctx: &mut Ctx<'_>) {
    // A relocatable output defines none of these: the final link will.
    if ctx.options.relocatable {
        return;
    }
    let null = ctx.null_sig();
    let f = ctx.new_function(null, "__wasm_call_ctors", None, Vec::new());
    ctx.sym.call_ctors = Some(ctx.add_synthetic_function("__wasm_call_ctors", sym_flag::VISIBILITY_HIDDEN, f));
    if ctx.options.is_pic() {
        // The loader owns the stack and places data and table slots: all three are imports.
        let ptr = ctx.ptr_type();
        ctx.sym.stack_pointer = Some(add_linker_import(ctx, "__stack_pointer", GlobalType { valtype: ptr, mutable: true }));
        let memory_base = add_linker_import(ctx, "__memory_base", GlobalType { valtype: ptr, mutable: false });
        let table_base = add_linker_import(ctx, "__table_base", GlobalType { valtype: ptr, mutable: false });
        ctx.mark_symbol_live(memory_base);
        ctx.mark_symbol_live(table_base);
        ctx.sym.memory_base_import = Some(memory_base);
        ctx.sym.table_base_import = Some(table_base);
    } else {
        let sp = ctx.add_synthetic_global("__stack_pointer", true);
        ctx.mark_symbol_live(sp);
        ctx.sym.stack_pointer = Some(sp);
    }
    if ctx.options.shared_memory {
        ctx.sym.tls_base = Some(ctx.add_synthetic_global("__tls_base", true));
        ctx.sym.tls_size = Some(ctx.add_synthetic_global("__tls_size", false));
        ctx.sym.tls_align = Some(ctx.add_synthetic_global("__tls_align", false));
        let ptr = ctx.ptr_type();
        let sig = ctx.intern_sig(&FuncType::new(&[ptr], &[]));
        let f = ctx.new_function(sig, "__wasm_init_tls", None, Vec::new());
        ctx.sym.init_tls = Some(ctx.add_synthetic_function("__wasm_init_tls", sym_flag::VISIBILITY_HIDDEN, f));
    }
    if ctx.options.is_pic() || ctx.options.unresolved == crate::options::UnresolvedPolicy::ImportDynamic {
        // Exported for the loader, which calls it before the constructors; its body is
        // written once the data layout is known.
        let f = ctx.new_function(null, "__wasm_apply_data_relocs", None, Vec::new());
        ctx.sym.apply_data_relocs = Some(ctx.add_synthetic_function("__wasm_apply_data_relocs", sym_flag::EXPORTED, f));
    }
}

/// An undefined global the linker needs from the environment (wasm-ld's
/// `createUndefinedGlobal`): allowed to stay undefined, and imported once live.
fn add_linker_import<'a>(ctx: &mut Ctx<'a>, name: &'a str, ty: GlobalType) -> SymbolId {
    let mut s = Symbol::new(name, SymKind::Global);
    s.global_type = Some(ty);
    let (id, _) = ctx.add_undefined_other(name, sym_flag::UNDEFINED, None, s);
    ctx.sym_mut(id).used_in_regular_obj = true;
    ctx.linker_imports.push(id);
    id
}

/// Address symbols defined only when referenced (wasm-ld's `createOptionalSymbols`).
pub fn create_optional_symbols(ctx: &mut Ctx<'_>) {
    if ctx.options.relocatable {
        return;
    }
    ctx.sym.dso_handle = ctx.add_optional_data_symbol("__dso_handle", 0);
    if !ctx.options.shared {
        ctx.sym.data_end = ctx.add_optional_data_symbol("__data_end", 0);
    }
    // Position-independent output knows none of these addresses: the loader decides.
    if !ctx.options.is_pic() {
        ctx.sym.stack_low = ctx.add_optional_data_symbol("__stack_low", 0);
        ctx.sym.stack_high = ctx.add_optional_data_symbol("__stack_high", 0);
        ctx.sym.global_base = ctx.add_optional_data_symbol("__global_base", 0);
        ctx.sym.heap_base = ctx.add_optional_data_symbol("__heap_base", 0);
        ctx.sym.heap_end = ctx.add_optional_data_symbol("__heap_end", 0);
        ctx.sym.memory_base = ctx.add_optional_data_symbol("__memory_base", 0);
        ctx.sym.table_base = ctx.add_optional_data_symbol("__table_base", 0);
    }
    if !ctx.options.shared_memory {
        ctx.sym.tls_base = ctx.add_optional_global_symbol("__tls_base", false);
    }
}

/// Replaces `sym` by a local trapping function named `debug_name`: callers still validate,
/// and its address compares equal to null.
fn replace_with_unreachable<'a>(ctx: &mut Ctx<'a>, sym: SymbolId, sig: SigId, debug_name: String) -> FuncId {
    let name = ctx.sym(sym).name;
    // Like wasm-ld, the stub's symbol takes the debug name (a relocatable output's symbol
    // table shows it); the symbol table still finds it under the old name.
    let stub_name = ctx.intern_name(debug_name.clone());
    let f = ctx.new_function(sig, name, Some(debug_name), UNREACHABLE_BODY.to_vec());
    ctx.synthetic_functions.push(f);
    let mut s = Symbol::new(stub_name, SymKind::Function);
    s.def = Def::Function(f);
    s.sig = Some(sig);
    s.flags = sym_flag::BINDING_LOCAL;
    ctx.replace_symbol(sym, s);
    ctx.sym_mut(sym).is_stub = true;
    f
}

/// Weak undefined functions get a stub so that direct calls validate (and trap).
pub fn handle_weak_undefines(ctx: &mut Ctx<'_>) {
    // In a relocatable or position-independent output a weak undefined function stays
    // undefined (an import).
    if ctx.options.relocatable || ctx.options.is_pic() {
        return;
    }
    for i in 0..ctx.symtab.len() {
        let id = ctx.symtab[i];
        let s = ctx.sym(id);
        if !(s.is_undef_weak() && s.used_in_regular_obj) {
            continue;
        }
        let Some(sig) = s.sig else { continue };
        let debug = format!("undefined_weak:{}", ctx.display_name(s.name));
        replace_with_unreachable(ctx, id, sig, debug);
        let s = ctx.sym_mut(id);
        s.flags |= sym_flag::VISIBILITY_HIDDEN;
    }
}

/// Resolves signature-mismatch variants: the definition wins, other variants become
/// trapping `signature_mismatch:` stubs and a warning is printed.
pub fn handle_symbol_variants(ctx: &mut Ctx<'_>) {
    let variants = std::mem::take(&mut ctx.variants);
    for (name, list) in &variants {
        let defined = list.iter().copied().find(|&v| matches!(ctx.sym(v).def, Def::Function(_)));
        let Some(defined) = defined else {
            if let [a, b, ..] = list[..] {
                let msg = mismatch_message(ctx, name, a, b);
                ctx.error(Diagnostic::error(msg).with_symbol(*name));
            }
            return;
        };
        for &v in list {
            if v == defined {
                continue;
            }
            let msg = mismatch_message(ctx, name, v, defined);
            ctx.diags.push(Diagnostic::warning(msg).with_symbol(*name));
            if let Some(sig) = ctx.sym(v).sig {
                let debug = format!("signature_mismatch:{}", ctx.display_name(name));
                replace_with_unreachable(ctx, v, sig, debug);
            }
        }
    }
    ctx.variants = variants;
}

fn mismatch_message(ctx: &Ctx<'_>, name: &str, a: SymbolId, b: SymbolId) -> String {
    let (a, b) = (ctx.sym(a), ctx.sym(b));
    ctx.signature_mismatch_text(name, (a.sig, a.file), (b.sig, b.file))
}

/// Lazy symbols nobody pulled in: weakly referenced functions become weak undefined.
pub fn demote_lazy_symbols(ctx: &mut Ctx<'_>) {
    for i in 0..ctx.symtab.len() {
        let id = ctx.symtab[i];
        let s = ctx.sym(id);
        if let (Def::Lazy(file), Some(sig)) = (s.def, s.sig) {
            let mut n = Symbol::new(s.name, SymKind::Function);
            n.flags = sym_flag::BINDING_WEAK;
            n.file = Some(file);
            n.sig = Some(sig);
            ctx.replace_symbol(id, n);
        }
    }
}

/// The shared trapping stub for unresolved functions of one signature.
pub fn undefined_stub(ctx: &mut Ctx<'_>, sig: SigId) -> FuncId {
    if let Some(&s) = ctx.undefined_stubs.get(&sig) {
        if let Def::Function(f) = ctx.sym(s).def {
            return f;
        }
    }
    let mut s = Symbol::new("undefined_stub", SymKind::Function);
    s.used_in_regular_obj = true;
    s.sig = Some(sig);
    s.flags = sym_flag::VISIBILITY_HIDDEN;
    let id = ctx.new_symbol(s);
    let f = replace_with_unreachable(ctx, id, sig, "undefined_stub".to_string());
    ctx.undefined_stubs.insert(sig, id);
    f
}

/// `call` of each init function in priority order, dropping any results.
pub fn call_ctors_body(ctx: &Ctx<'_>, init: &[(u32, SymbolId)]) -> Vec<u8> {
    let mut body = vec![0u8]; // no locals
    for &(_, sym) in init {
        body.push(op::CALL);
        write_uleb(&mut body, ctx.function_index(sym).unwrap_or(0) as u64);
        if let Some(sig) = ctx.sym(sym).sig {
            let results = ctx.sigs[sig.idx()].results.len();
            body.resize(body.len() + results, op::DROP);
        }
    }
    body.push(op::END);
    body
}

/// Prefixes a function body with its size.
pub fn with_size(body: Vec<u8>) -> Vec<u8> {
    let mut out = uleb(body.len() as u64);
    out.extend_from_slice(&body);
    out
}

pub fn write_ptr_const(out: &mut Vec<u8>, value: u64, is64: bool) {
    if is64 {
        out.push(op::I64_CONST);
        crate::emit::encode::write_sleb(out, value as i64);
    } else {
        out.push(op::I32_CONST);
        crate::emit::encode::write_sleb(out, value as u32 as i32 as i64);
    }
}

pub fn write_i32_const(out: &mut Vec<u8>, value: i32) {
    out.push(op::I32_CONST);
    crate::emit::encode::write_sleb(out, value as i64);
}

/// `valtype` of pointers for this link.
pub fn ptr_valtype(is64: bool) -> u8 {
    if is64 {
        valtype::I64
    } else {
        valtype::I32
    }
}

/// `__wasm_init_memory`: initialises passive segments (shared memory) and clears `.bss`
/// of an imported memory, once; it becomes the start function.
pub fn create_init_memory_function(ctx: &mut Ctx<'_>, mem: &crate::layout::memory::MemoryLayout<'_>) {
    if !crate::layout::memory::has_passive_segments(ctx, mem) {
        return;
    }
    let f = ctx.add_live_startup_function("__wasm_init_memory");
    if ctx.options.shared_memory {
        if let Some(t) = ctx.sym.tls_base {
            ctx.mark_symbol_live(t);
        }
    }
    ctx.sym.init_memory = Some(f);
    ctx.sym.start_function = Some(f);
}

/// Writes the bodies of `__wasm_call_ctors`, `__wasm_init_memory` and `__wasm_init_tls`
/// now that indices are known.
pub fn fill_synthetic_bodies(ctx: &mut Ctx<'_>, ix: &crate::layout::indices::Indices, mem: &crate::layout::memory::MemoryLayout<'_>) {
    if let Some(cc) = ctx.sym.call_ctors {
        if let Def::Function(f) = ctx.sym(cc).def {
            if ctx.functions[f.idx()].live {
                let body = call_ctors_body(ctx, &ix.init_functions);
                ctx.functions[f.idx()].body = Cow::Owned(with_size(body));
            }
        }
    }
    if let Some(f) = ctx.sym.init_memory {
        let body = init_memory_body(ctx, mem);
        ctx.functions[f.idx()].body = Cow::Owned(with_size(body));
    }
    if let Some(t) = ctx.sym.init_tls {
        if let Def::Function(f) = ctx.sym(t).def {
            if ctx.functions[f.idx()].live {
                let body = init_tls_body(ctx, mem);
                ctx.functions[f.idx()].body = Cow::Owned(with_size(body));
            }
        }
    }
}

fn mem_arg(out: &mut Vec<u8>) {
    out.push(2); // align 2^2
    out.push(0); // offset
}

fn init_memory_body(ctx: &Ctx<'_>, mem: &crate::layout::memory::MemoryLayout<'_>) -> Vec<u8> {
    let is64 = ctx.options.is64;
    let shared = ctx.options.shared_memory;
    let flag = ctx.sym.init_memory_flag.map_or(0, |s| match ctx.sym(s).def {
        Def::Data { offset, .. } => offset,
        _ => 0,
    });
    let tls_base = ctx.sym.tls_base.map(|s| crate::layout::indices::global_index(ctx, s));
    // Position-independent data is placed at `__memory_base` plus its offset.
    let memory_base = ctx.sym.memory_base_import.map(|s| crate::layout::indices::global_index(ctx, s));
    let add = if is64 { op::I64_ADD } else { op::I32_ADD };
    let mut b = Vec::new();
    match (shared, memory_base) {
        // The flag's address is computed once, into local 0 (local 1 holds the TLS block's).
        (true, Some(base)) => {
            b.extend_from_slice(&[1, 2, ptr_valtype(is64), op::GLOBAL_GET]);
            write_uleb(&mut b, u64::from(base));
            write_ptr_const(&mut b, flag, is64);
            b.extend_from_slice(&[add, op::LOCAL_SET, 0]);
        }
        _ => b.push(0),
    }
    let flag_address = |b: &mut Vec<u8>| match memory_base {
        Some(_) => b.extend_from_slice(&[op::LOCAL_GET, 0]),
        None => write_ptr_const(b, flag, is64),
    };
    if shared {
        b.extend_from_slice(&[op::BLOCK, 0x40, op::BLOCK, 0x40, op::BLOCK, 0x40]);
        flag_address(&mut b);
        write_i32_const(&mut b, 0);
        write_i32_const(&mut b, 1);
        b.push(op::ATOMICS_PREFIX);
        write_uleb(&mut b, op::I32_RMW_CMPXCHG as u64);
        mem_arg(&mut b);
        b.extend_from_slice(&[op::BR_TABLE, 2, 0, 1, 2, op::END]);
    }
    for s in &mem.segments {
        if !crate::layout::memory::needs_passive_init(ctx, mem, s) {
            continue;
        }
        write_ptr_const(&mut b, s.start_va, is64);
        if let Some(base) = memory_base {
            b.push(op::GLOBAL_GET);
            write_uleb(&mut b, u64::from(base));
            b.push(add);
        }
        if shared && s.is_tls {
            match memory_base {
                Some(_) => b.extend_from_slice(&[op::LOCAL_TEE, 1]),
                None => write_ptr_const(&mut b, s.start_va, is64),
            }
            b.push(op::GLOBAL_SET);
            write_uleb(&mut b, tls_base.unwrap_or(0) as u64);
            if memory_base.is_some() {
                b.extend_from_slice(&[op::LOCAL_GET, 1]);
            }
        }
        if s.is_bss {
            write_i32_const(&mut b, 0);
            write_ptr_const(&mut b, s.size, is64);
            b.push(op::MISC_PREFIX);
            write_uleb(&mut b, op::MEMORY_FILL as u64);
            b.push(0);
        } else {
            write_i32_const(&mut b, 0);
            write_i32_const(&mut b, s.size as i32);
            b.push(op::MISC_PREFIX);
            write_uleb(&mut b, op::MEMORY_INIT as u64);
            write_uleb(&mut b, s.index as u64);
            b.push(0);
        }
    }
    if shared {
        flag_address(&mut b);
        write_i32_const(&mut b, 2);
        b.push(op::ATOMICS_PREFIX);
        write_uleb(&mut b, op::I32_ATOMIC_STORE as u64);
        mem_arg(&mut b);
        flag_address(&mut b);
        write_i32_const(&mut b, -1);
        b.push(op::ATOMICS_PREFIX);
        write_uleb(&mut b, op::ATOMIC_NOTIFY as u64);
        mem_arg(&mut b);
        b.push(op::DROP);
        b.extend_from_slice(&[op::BR, 1, op::END]);
        flag_address(&mut b);
        write_i32_const(&mut b, 1);
        b.push(op::I64_CONST);
        crate::emit::encode::write_sleb(&mut b, -1);
        b.push(op::ATOMICS_PREFIX);
        write_uleb(&mut b, op::I32_ATOMIC_WAIT as u64);
        mem_arg(&mut b);
        b.push(op::DROP);
        b.push(op::END);
    }
    for s in &mem.segments {
        if crate::layout::memory::needs_passive_init(ctx, mem, s) && !s.is_bss && !(shared && s.is_tls) {
            b.push(op::MISC_PREFIX);
            write_uleb(&mut b, op::DATA_DROP as u64);
            write_uleb(&mut b, s.index as u64);
        }
    }
    b.push(op::END);
    b
}

fn init_tls_body(ctx: &Ctx<'_>, mem: &crate::layout::memory::MemoryLayout<'_>) -> Vec<u8> {
    let mut b = vec![0u8];
    if let Some(tls) = mem.segments.iter().find(|s| s.name == ".tdata") {
        let tls_base = ctx.sym.tls_base.map_or(0, |s| crate::layout::indices::global_index(ctx, s));
        b.extend_from_slice(&[op::LOCAL_GET, 0, op::GLOBAL_SET]);
        write_uleb(&mut b, tls_base as u64);
        b.extend_from_slice(&[op::LOCAL_GET, 0]);
        write_i32_const(&mut b, 0);
        write_i32_const(&mut b, tls.size as i32);
        b.push(op::MISC_PREFIX);
        write_uleb(&mut b, op::MEMORY_INIT as u64);
        write_uleb(&mut b, tls.index as u64);
        b.push(0);
    }
    for f in [ctx.sym.apply_tls_relocs, ctx.sym.apply_global_tls_relocs].into_iter().flatten() {
        b.push(op::CALL);
        write_uleb(&mut b, u64::from(ctx.functions[f.idx()].out_index.unwrap_or(0)));
    }
    b.push(op::END);
    b
}

/// In a command without a `_start` that calls `__wasm_call_ctors`, every exported function
/// gets a wrapper that runs constructors and destructors around it (wasm-ld's
/// `createCommandExportWrappers`).
pub fn create_command_export_wrappers(ctx: &mut Ctx<'_>, ix: &mut crate::layout::indices::Indices) {
    let Some(cc) = ctx.sym.call_ctors else { return };
    if ctx.sym(cc).used_in_regular_obj || ctx.is_exported(cc) {
        return;
    }
    if ix.init_functions.is_empty() && ctx.sym.call_dtors.is_none() {
        return;
    }
    let targets: Vec<SymbolId> = ctx.symtab.iter().copied().filter(|&s| ctx.is_exported(s) && matches!(ctx.sym(s).def, Def::Function(_))).collect();
    let ctors = if ctx.is_live(cc) { ctx.function_index(cc) } else { None };
    let dtors = ctx.sym.call_dtors.and_then(|d| ctx.function_index(d));
    for s in targets {
        let Def::Function(target) = ctx.sym(s).def else { continue };
        let sym = ctx.sym(s).clone();
        let t = &ctx.functions[target.idx()];
        let export_name = t.export_name.unwrap_or(sym.name);
        let params = ctx.sigs[t.sig.idx()].params.len();
        let mut body = vec![0u8];
        if let Some(c) = ctors {
            body.push(op::CALL);
            write_uleb(&mut body, c as u64);
        }
        for i in 0..params {
            body.push(op::LOCAL_GET);
            write_uleb(&mut body, i as u64);
        }
        body.push(op::CALL);
        write_uleb(&mut body, t.out_index.unwrap_or(0) as u64);
        if let Some(d) = dtors {
            body.push(op::CALL);
            write_uleb(&mut body, d as u64);
        }
        body.push(op::END);
        let sig = t.sig;
        // The wrapper's own name, as wasm-ld gives it (in the name section and the map).
        let name = ctx.intern_name(format!("{}.command_export", sym.name));
        let f = ctx.new_function(sig, name, None, with_size(body));
        ctx.functions[f.idx()].live = true;
        ctx.functions[f.idx()].export_name = Some(export_name);
        ctx.functions[f.idx()].out_index = Some(ix.num_imported_functions + ix.functions.len() as u32);
        ix.functions.push(f);
        // A linker-made symbol, which no object uses: an `--emit-relocs` symbol table
        // leaves it out, as wasm-ld's does.
        let mut w = Symbol::new(name, SymKind::Function);
        w.def = Def::Function(f);
        w.sig = Some(sig);
        w.flags = (sym.flags | sym_flag::EXPORTED) & !sym_flag::VISIBILITY_HIDDEN;
        w.force_export = sym.force_export;
        let id = ctx.new_symbol(w);
        ctx.symtab.push(id);
        let orig = ctx.sym_mut(s);
        orig.flags = (orig.flags | sym_flag::VISIBILITY_HIDDEN) & !sym_flag::EXPORTED;
        orig.force_export = false;
    }
}
