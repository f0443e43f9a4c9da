//! Index spaces of the output: imports, the indirect function table, functions, globals,
//! tables, tags, types and exports, assigned in wasm-ld's order.

use crate::context::{Ctx, Def, FileId, FuncId, SigId, SymbolId, TableId};
use crate::diag::Diagnostic;
use crate::input::object::{GlobalType, Limits, SymKind, TableType};
use crate::input::relocs::{Reloc, RelocKind, Target};
use crate::input::wasm::{external, limits, sym_flag, valtype};
use crate::options::UnresolvedPolicy;
use crate::hash::HashMap;

#[derive(Clone, Debug)]
pub struct Export {
    pub name: String,
    pub kind: u8,
    pub index: u32,
    pub symbol: Option<SymbolId>,
}

/// The output's index spaces and the symbols behind them.
#[derive(Clone, Debug, Default)]
pub struct Indices {
    /// Imported symbols, in import order.
    pub imports: Vec<SymbolId>,
    pub num_imported_functions: u32,
    pub num_imported_globals: u32,
    pub num_imported_tables: u32,
    pub num_imported_tags: u32,
    pub functions: Vec<FuncId>,
    pub globals: Vec<crate::context::GlobalId>,
    pub tables: Vec<TableId>,
    pub tags: Vec<crate::context::TagId>,
    /// Output types in registration order.
    pub types: Vec<SigId>,
    pub type_index: HashMap<SigId, u32>,
    /// Functions in the indirect table, from `table_base` on.
    pub table_entries: Vec<SymbolId>,
    pub table_base: u32,
    /// Limits of the indirect function table, when it is defined here.
    pub exports: Vec<Export>,
    /// Data symbols exported as immutable globals holding their address.
    pub data_address_globals: Vec<SymbolId>,
    /// Non-global symbols accessed through `R_WASM_GLOBAL_INDEX_*` whose address this module
    /// knows: each gets a global holding its address or table index (wasm-ld's internal GOT),
    /// after the input globals; position-independent code adds its base to it at start-up.
    pub got_symbols: Vec<SymbolId>,
    /// Symbols whose address the loader provides (wasm-ld's GOT imports, `GOT.mem.NAME` and
    /// `GOT.func.NAME`), after the other imports.
    pub got_imports: Vec<SymbolId>,
    /// Output global index of each entry of `got_symbols` and `got_imports`.
    pub got_index: HashMap<SymbolId, u32>,
    /// Init functions in call order: (priority, symbol).
    pub init_functions: Vec<(u32, SymbolId)>,
}

impl Indices {
    pub fn register_type(&mut self, sig: SigId) -> u32 {
        let next = self.types.len() as u32;
        *self.type_index.entry(sig).or_insert_with(|| {
            self.types.push(sig);
            next
        })
    }

    pub fn lookup_type(&self, sig: SigId) -> u32 {
        self.type_index.get(&sig).copied().unwrap_or(0)
    }
}

fn allow_undefined(ctx: &Ctx<'_>, s: SymbolId) -> bool {
    let sym = ctx.sym(s);
    sym.is_imported()
        || (sym.kind == SymKind::Function && ctx.options.import_undefined)
        || ctx.options.allow_undefined_symbols.iter().any(|n| n == sym.name)
        || ctx.linker_imports.contains(&s)
}

/// wasm-ld's `shouldImport`.
fn should_import(ctx: &Ctx<'_>, s: SymbolId) -> bool {
    let sym = ctx.sym(s);
    let o = ctx.options;
    if sym.kind == SymKind::Data || !ctx.is_live(s) || !sym.used_in_regular_obj {
        return false;
    }
    // A weak definition in a shared library can be overridden by another module's, so it
    // is imported as well as exported.
    if o.shared && sym.is_weak() && sym.is_defined() && !sym.is_hidden() {
        return true;
    }
    // The loader binds what a shared library input defines.
    if sym.is_shared() {
        return true;
    }
    if !sym.is_undefined() {
        return false;
    }
    // A relocatable or position-independent output imports whatever it leaves undefined,
    // weak or not; a position-independent one imports functions only to call them (their
    // addresses come from GOT imports).
    if o.relocatable {
        return true;
    }
    if o.is_pic() {
        return sym.kind != SymKind::Function || sym.called_directly;
    }
    if sym.is_weak() {
        return false;
    }
    if o.import_undefined || o.unresolved == UnresolvedPolicy::ImportDynamic {
        return true;
    }
    if ctx.options.allow_undefined_symbols.iter().any(|n| n == sym.name) {
        return true;
    }
    sym.is_imported()
}

#[derive(PartialEq, Eq, Hash)]
enum ImportKey<'a> {
    Func(SigId, &'a str, &'a str),
    Global(GlobalType, &'a str, &'a str),
    Table(u8, u64, Option<u64>, u8, &'a str, &'a str),
    Tag(SigId, &'a str, &'a str),
}

pub fn calculate_imports(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    let mut seen: HashMap<ImportKey, u32> = HashMap::default();
    let mut order: Vec<SymbolId> = Vec::new();
    if let Some(t) = ctx.sym.indirect_function_table {
        if should_import(ctx, t) {
            order.push(t);
        }
    }
    for i in 0..ctx.symtab.len() {
        let s = ctx.symtab[i];
        if Some(s) != ctx.sym.indirect_function_table && should_import(ctx, s) {
            order.push(s);
        }
    }
    for s in order {
        let sym = ctx.sym(s);
        let module = sym.import_module.unwrap_or("env");
        let name = sym.import_name.unwrap_or(sym.name);
        let (key, counter) = match sym.kind {
            SymKind::Function => (ImportKey::Func(sym.sig.unwrap_or(SigId(0)), module, name), &mut ix.num_imported_functions),
            SymKind::Global => (ImportKey::Global(sym.global_type.unwrap_or(GlobalType { valtype: valtype::I32, mutable: false }), module, name), &mut ix.num_imported_globals),
            SymKind::Tag => (ImportKey::Tag(sym.sig.unwrap_or(SigId(0)), module, name), &mut ix.num_imported_tags),
            _ => {
                let t = sym.table_type.unwrap_or(TableType { elem: valtype::FUNCREF, limits: Limits { flags: 0, min: 0, max: None } });
                (ImportKey::Table(t.elem, t.limits.min, t.limits.max, t.limits.flags, module, name), &mut ix.num_imported_tables)
            }
        };
        let index = match seen.get(&key) {
            Some(&i) => i,
            None => {
                let i = *counter;
                *counter += 1;
                seen.insert(key, i);
                ix.imports.push(s);
                i
            }
        };
        ctx.sym_mut(s).import_index = Some(index);
    }
}

/// Relocations of a live chunk: table slots, type registrations and undefined-symbol
/// errors (wasm-ld's `scanRelocations`).
pub fn scan_relocations(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    for fi in 0..ctx.object_order.len() {
        let file = ctx.object_order[fi];
        let f = &ctx.files[file.idx()];
        let obj = f.object();
        let mut relocs: Vec<Reloc> = Vec::new();
        for (i, func) in obj.functions.iter().enumerate() {
            if ctx.functions[f.func_base as usize + i].live {
                relocs.extend_from_slice(obj.function_relocs(func));
            }
        }
        for (i, seg) in obj.segments.iter().enumerate() {
            let s = &ctx.segments[f.seg_base as usize + i];
            if s.live {
                relocs.extend_from_slice(obj.segment_relocs(seg));
            }
        }
        if !ctx.options.gc_sections {
            for (i, c) in obj.customs.iter().enumerate() {
                if !f.custom_discarded.get(i).copied().unwrap_or(false) {
                    relocs.extend_from_slice(&c.relocs);
                }
            }
        }
        for r in relocs {
            scan_one(ctx, ix, file, r);
        }
    }
}

fn scan_one(ctx: &mut Ctx<'_>, ix: &mut Indices, file: FileId, r: Reloc) {
    if r.kind == RelocKind::TYPE_INDEX_LEB {
        let ty = ctx.files[file.idx()].object().types[r.index as usize].clone();
        let sig = ctx.intern_sig(&ty);
        let out = ix.register_type(sig);
        ctx.files[file.idx()].type_map[r.index as usize] = Some(out);
        return;
    }
    let Some(&sym) = ctx.files[file.idx()].symbols.get(r.index as usize) else { return };
    match r.kind.target() {
        Target::TableSlot if !requires_got_access(ctx, sym) => add_table_entry(ctx, ix, sym),
        Target::Global if ctx.sym(sym).kind != SymKind::Global => add_got_entry(ctx, ix, sym),
        _ => {}
    }
    if r.kind.is_tls() && !ctx.sym(sym).is_defined() {
        let name = ctx.display_name(ctx.sym(sym).name);
        let msg = format!("{}: relocation {} cannot be used against an undefined symbol `{name}`", ctx.files[file.idx()].name, r.kind.name());
        ctx.error(Diagnostic::error(msg));
    }
    let o = ctx.options;
    if o.is_pic() || (ctx.sym(sym).is_undefined() && o.unresolved == UnresolvedPolicy::ImportDynamic) {
        check_pic_relocation(ctx, ix, file, r.kind, sym);
    }
    let s = ctx.sym(sym);
    // Once per relocation, as wasm-ld reports them.
    if s.is_undefined() && !s.is_weak() && !ctx.options.relocatable {
        report_undefined(ctx, file, sym);
    }
}

/// Whether `sym`'s address can only come from the loader (wasm-ld's `requiresGOTAccess`): in
/// dynamic linking, a symbol another module may define or override.
pub fn requires_got_access(ctx: &Ctx<'_>, sym: SymbolId) -> bool {
    let o = ctx.options;
    let s = ctx.sym(sym);
    if s.is_shared() {
        return true;
    }
    if !o.is_pic() && o.unresolved != UnresolvedPolicy::ImportDynamic {
        return false;
    }
    if s.is_hidden() || s.is_local_binding() {
        return false;
    }
    // An executable, or a library bound with `-Bsymbolic`, uses its own definitions.
    !(s.is_defined() && (!o.shared || o.bsymbolic))
}

/// A symbol whose address code loads from a global: a GOT import from the loader, or an
/// internal entry holding the address (wasm-ld's `addGOTEntry`).
fn add_got_entry(ctx: &mut Ctx<'_>, ix: &mut Indices, sym: SymbolId) {
    if !requires_got_access(ctx, sym) {
        add_internal_got_entry(ctx, ix, sym);
        return;
    }
    if ix.got_index.contains_key(&sym) {
        return;
    }
    ix.got_index.insert(sym, ix.num_imported_globals);
    ix.num_imported_globals += 1;
    ix.got_imports.push(sym);
    // The loader fills the entry from some module's export, this one's included.
    if ctx.options.is_pic() {
        ctx.sym_mut(sym).force_export = true;
    }
}

/// Relocations whose value the loader must supply: absolute ones are refused, and data
/// words pointing at symbols of other modules need GOT entries (wasm-ld's checks in
/// `scanRelocations`).
fn check_pic_relocation(ctx: &mut Ctx<'_>, ix: &mut Indices, file: FileId, kind: RelocKind, sym: SymbolId) {
    let name = || ctx.display_name(ctx.sym(sym).name);
    match kind {
        RelocKind::TABLE_INDEX_SLEB
        | RelocKind::TABLE_INDEX_SLEB64
        | RelocKind::MEMORY_ADDR_SLEB
        | RelocKind::MEMORY_ADDR_LEB
        | RelocKind::MEMORY_ADDR_SLEB64
        | RelocKind::MEMORY_ADDR_LEB64 => {
            let msg = format!("{}: relocation {} cannot be used against symbol `{}`; recompile with -fPIC", ctx.files[file.idx()].name, kind.name(), name());
            ctx.error(Diagnostic::error(msg));
        }
        // Data words: `__wasm_apply_data_relocs` stores the address at load time.
        RelocKind::TABLE_INDEX_I32 | RelocKind::TABLE_INDEX_I64 | RelocKind::MEMORY_ADDR_I32 | RelocKind::MEMORY_ADDR_I64
            if requires_got_access(ctx, sym) =>
        {
            add_got_entry(ctx, ix, sym);
        }
        _ => {}
    }
}

/// wasm-ld's `GlobalSection::addInternalGOTEntry`: a function also gets a table slot.
fn add_internal_got_entry(ctx: &mut Ctx<'_>, ix: &mut Indices, sym: SymbolId) {
    if ix.got_index.contains_key(&sym) {
        return;
    }
    ix.got_index.insert(sym, 0);
    if ctx.sym(sym).kind == SymKind::Function {
        add_table_entry(ctx, ix, sym);
    }
    ix.got_symbols.push(sym);
}

fn add_table_entry(ctx: &mut Ctx<'_>, ix: &mut Indices, sym: SymbolId) {
    if ctx.table_index(sym).is_some() || ctx.sym(sym).is_stub {
        return;
    }
    // An object that takes a function's address names `__indirect_function_table` (clang's
    // always do), which makes the table; when none does (a hand-made or damaged object),
    // the table is made now, or the element segment would name a table that is not there
    // (wasm-ld 19 crashes). Likewise an imported table (`--import-table`) that no relocation
    // made live is needed now (wasm-ld 19 writes the segment for table 2^32-1).
    match ctx.sym.indirect_function_table {
        None => resolve_indirect_function_table(ctx, true),
        Some(table) if !ctx.is_live(table) => ctx.mark_symbol_live(table),
        Some(_) => {}
    }
    // `--table-base` near 2^32 would wrap the table indices around.
    let Some(index) = u32::try_from(ix.table_entries.len()).ok().and_then(|n| ix.table_base.checked_add(n)) else {
        ctx.error(Diagnostic::error(format!("too many indirect function table entries for --table-base={}", ix.table_base)));
        return;
    };
    match ctx.sym(sym).def {
        Def::Function(f) => ctx.functions[f.idx()].table_index = Some(index),
        _ => ctx.sym_mut(sym).table_index = Some(index),
    }
    ix.table_entries.push(sym);
}

fn report_undefined(ctx: &mut Ctx<'_>, file: FileId, sym: SymbolId) {
    if allow_undefined(ctx, sym) {
        return;
    }
    let name = ctx.display_name(ctx.sym(sym).name);
    let raw = ctx.sym(sym).name.to_string();
    // Printed as `file: undefined symbol: name`, with the file also in the location.
    let d = Diagnostic::at(&ctx.files[file.idx()].name, None, None, format!("undefined symbol: {name}")).with_symbol(raw);
    match ctx.options.unresolved {
        UnresolvedPolicy::ReportAll => ctx.error(d),
        UnresolvedPolicy::Warn => ctx.diags.push(Diagnostic { severity: crate::diag::Severity::Warning, ..d }),
        UnresolvedPolicy::IgnoreAll | UnresolvedPolicy::ImportDynamic => {}
    }
    let s = ctx.sym(sym);
    if s.kind == SymKind::Function && s.stub.is_none() && ctx.options.unresolved != UnresolvedPolicy::ImportDynamic && !ctx.options.import_undefined {
        if let Some(sig) = s.sig {
            let stub = crate::synthetic::undefined_stub(ctx, sig);
            ctx.functions[stub.idx()].live = true;
            let s = ctx.sym_mut(sym);
            s.stub = Some(stub);
            s.is_stub = true;
        }
    }
}

/// Limits of the defined indirect function table.
pub fn finalize_indirect_table(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    let Some(t) = ctx.sym.indirect_function_table else { return };
    // A table first needed by a function's GOT entry, after the imports were listed, is
    // imported last (in `-r` or `--import-table` links).
    if ctx.sym(t).import_index.is_none() && should_import(ctx, t) {
        ctx.sym_mut(t).import_index = Some(ix.num_imported_tables);
        ix.num_imported_tables += 1;
        ix.imports.push(t);
    }
    let size = ix.table_base as u64 + ix.table_entries.len() as u64;
    let defined = ctx.sym(t).is_defined();
    let mut l = Limits { flags: 0, min: size, max: None };
    if defined && !ctx.options.growable_table {
        l.flags |= limits::HAS_MAX;
        l.max = Some(size);
    }
    if ctx.options.is64 {
        l.flags |= limits::IS_64;
    }
    let ty = TableType { elem: valtype::FUNCREF, limits: l };
    ctx.sym_mut(t).table_type = Some(ty);
    if let Def::Table(tid) = ctx.sym(t).def {
        ctx.tables[tid.idx()].ty = ty;
    }
}

/// Provides `__indirect_function_table` when it is needed (wasm-ld's
/// `resolveIndirectFunctionTable`).
pub fn resolve_indirect_function_table(ctx: &mut Ctx<'_>, required: bool) {
    const NAME: &str = "__indirect_function_table";
    let existing = ctx.find(NAME);
    if let Some(e) = existing {
        // wasm-ld's words, then the file that gave the symbol (which wasm-ld does not say).
        let wrong = |what: &str| {
            let msg = format!("reserved symbol must {what}: `{NAME}`");
            Diagnostic::error(msg).with_note(ctx.symbol_origin(e)).with_symbol(NAME)
        };
        if ctx.sym(e).kind != SymKind::Table {
            ctx.error(wrong("be of type table"));
            return;
        }
        if ctx.sym(e).is_defined() {
            ctx.error(wrong("not be defined in input files"));
            return;
        }
    }
    let flags = if ctx.options.export_table { 0 } else { sym_flag::VISIBILITY_HIDDEN };
    let empty = TableType { elem: valtype::FUNCREF, limits: Limits { flags: 0, min: 0, max: None } };
    if ctx.options.import_table {
        if let Some(e) = existing {
            let s = ctx.sym_mut(e);
            s.import_module = Some("env");
            s.import_name = Some(NAME);
            ctx.sym.indirect_function_table = Some(e);
        } else if required {
            let mut s = crate::resolve::table_symbol(NAME, empty);
            s.import_module = Some("env");
            s.import_name = Some(NAME);
            let (id, _) = ctx.add_undefined_other(NAME, flags | sym_flag::UNDEFINED, None, s);
            ctx.mark_symbol_live(id);
            ctx.sym_mut(id).force_export = ctx.options.export_table;
            ctx.sym.indirect_function_table = Some(id);
        }
        return;
    }
    let live = existing.is_some_and(|e| ctx.is_live(e));
    if live || ctx.options.export_table || required {
        let tid = TableId(ctx.tables.len() as u32);
        ctx.tables.push(crate::context::InputTable { file: None, name: NAME, ty: empty, live: !ctx.options.gc_sections, out_index: None });
        ctx.synthetic_tables.push(tid);
        let (id, _) = ctx.insert_name(NAME);
        let mut s = crate::resolve::table_symbol(NAME, empty);
        s.def = Def::Table(tid);
        s.flags = flags;
        ctx.replace_symbol(id, s);
        ctx.mark_symbol_live(id);
        ctx.sym_mut(id).force_export = ctx.options.export_table;
        ctx.sym.indirect_function_table = Some(id);
    }
}

/// Output indices of functions, globals, tags and tables (wasm-ld's `assignIndexes`).
pub fn assign_indexes(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    let add_function = |ctx: &mut Ctx<'_>, ix: &mut Indices, f: FuncId| {
        let func = &mut ctx.functions[f.idx()];
        if func.live {
            func.out_index = Some(ix.num_imported_functions + ix.functions.len() as u32);
            ix.functions.push(f);
        }
    };
    for i in 0..ctx.synthetic_functions.len() {
        let f = ctx.synthetic_functions[i];
        add_function(ctx, ix, f);
    }
    for &file in &ctx.object_order.clone() {
        let f = &ctx.files[file.idx()];
        let (base, n) = (f.func_base, f.object().functions.len() as u32);
        for id in base..base + n {
            add_function(ctx, ix, FuncId(id));
        }
    }
    let mut globals = ctx.synthetic_globals.clone();
    for &file in &ctx.object_order {
        let f = &ctx.files[file.idx()];
        let (base, n) = (f.global_base, f.object().globals.len() as u32);
        globals.extend((base..base + n).map(crate::context::GlobalId));
    }
    for g in globals {
        if ctx.globals[g.idx()].live {
            ctx.globals[g.idx()].out_index = Some(ix.num_imported_globals + ix.globals.len() as u32);
            ix.globals.push(g);
        }
    }
    for i in 0..ix.got_symbols.len() {
        let index = ix.num_imported_globals + (ix.globals.len() + i) as u32;
        ix.got_index.insert(ix.got_symbols[i], index);
    }
    for &file in &ctx.object_order {
        let f = &ctx.files[file.idx()];
        let (base, n) = (f.tag_base, f.object().tags.len() as u32);
        for t in (base..base + n).map(crate::context::TagId) {
            if ctx.tags[t.idx()].live {
                ctx.tags[t.idx()].out_index = Some(ix.num_imported_tags + ix.tags.len() as u32);
                ix.tags.push(t);
            }
        }
    }
    let mut tables: Vec<TableId> = Vec::new();
    for &file in &ctx.object_order {
        let f = &ctx.files[file.idx()];
        let (base, n) = (f.table_base, f.object().tables.len() as u32);
        tables.extend((base..base + n).map(TableId));
    }
    tables.extend(ctx.synthetic_tables.iter().copied());
    tables.retain(|t| ctx.tables[t.idx()].live);
    // Code compiled without reference types calls through table 0 with no relocation to
    // say so: with such an object in the link, the indirect function table, when defined
    // here, comes first, which an imported table would prevent (wasm-ld's `addTable`).
    let indirect = ctx.sym.indirect_function_table.and_then(|s| match ctx.sym(s).def {
        Def::Table(t) => Some(t),
        _ => None,
    });
    if let Some(at) = indirect.filter(|_| ctx.legacy_function_table).and_then(|t| tables.iter().position(|&x| x == t)) {
        match ix.imports.iter().copied().find(|&s| ctx.sym(s).kind == SymKind::Table) {
            Some(culprit) => {
                let msg = format!(
                    "object file not built with 'reference-types' feature conflicts with import of table {} by file {}",
                    ctx.sym(culprit).name,
                    ctx.file_name(ctx.sym(culprit).file)
                );
                ctx.error(Diagnostic::error(msg));
                tables.remove(at);
            }
            None => {
                let t = tables.remove(at);
                tables.insert(0, t);
            }
        }
    }
    for t in tables {
        ctx.tables[t.idx()].out_index = Some(ix.num_imported_tables + ix.tables.len() as u32);
        ix.tables.push(t);
    }
}

/// Constructors of live objects, by priority (stable).
pub fn calculate_init_functions(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    // A relocatable output lists them in its `linking` section; otherwise they are for
    // `__wasm_call_ctors` to call, when it is live.
    if !ctx.options.relocatable && !ctx.sym.call_ctors.is_some_and(|cc| ctx.is_live(cc)) {
        return;
    }
    let mut list = Vec::new();
    for &file in &ctx.object_order {
        let f = &ctx.files[file.idx()];
        for init in &f.object().init_funcs {
            let Some(&s) = f.symbols.get(init.symbol as usize) else { continue };
            let discarded = matches!(ctx.sym(s).def, Def::Function(func) if ctx.functions[func.idx()].discarded);
            if discarded || !ctx.is_live(s) {
                continue;
            }
            list.push((init.priority, s));
        }
    }
    for &(_, s) in &list {
        let has_params = ctx.sym(s).sig.is_some_and(|g| !ctx.sigs[g.idx()].params.is_empty());
        if has_params {
            let msg = format!("constructor functions cannot take arguments: {}", ctx.display_name(ctx.sym(s).name));
            ctx.error(Diagnostic::error(msg));
        }
    }
    list.sort_by_key(|&(p, _)| p);
    ix.init_functions = list;
}

/// The type section: relocation-referenced types first, then imports, functions, tags.
pub fn calculate_types(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    for i in 0..ix.imports.len() {
        let s = ctx.sym(ix.imports[i]);
        if matches!(s.kind, SymKind::Function | SymKind::Tag) {
            if let Some(sig) = s.sig {
                ix.register_type(sig);
            }
        }
    }
    for i in 0..ix.functions.len() {
        let sig = ctx.functions[ix.functions[i].idx()].sig;
        ix.register_type(sig);
    }
    for i in 0..ix.tags.len() {
        let sig = ctx.tags[ix.tags[i].idx()].sig;
        ix.register_type(sig);
    }
}

pub fn calculate_exports(ctx: &mut Ctx<'_>, ix: &mut Indices) {
    if let Some(name) = memory_export_name(ctx) {
        ix.exports.push(Export { name, kind: external::MEMORY, index: 0, symbol: None });
    }
    let mut global_index = ix.num_imported_globals + (ix.globals.len() + ix.got_symbols.len()) as u32;
    for i in 0..ctx.symtab.len() {
        let s = ctx.symtab[i];
        if !ctx.is_exported(s) || !ctx.is_live(s) {
            continue;
        }
        let sym = ctx.sym(s);
        let export = match sym.def {
            Def::Function(f) => {
                let func = &ctx.functions[f.idx()];
                let name = func.export_name.unwrap_or(sym.name).to_string();
                Export { name, kind: external::FUNCTION, index: func.out_index.unwrap_or(0), symbol: Some(s) }
            }
            Def::Global(g) => {
                let glob = &ctx.globals[g.idx()];
                if glob.ty.mutable && glob.file.is_none() && !sym.force_export {
                    continue;
                }
                Export { name: sym.name.to_string(), kind: external::GLOBAL, index: glob.out_index.unwrap_or(0), symbol: Some(s) }
            }
            Def::Tag(t) => Export { name: sym.name.to_string(), kind: external::TAG, index: ctx.tags[t.idx()].out_index.unwrap_or(0), symbol: Some(s) },
            Def::Table(t) => Export { name: sym.name.to_string(), kind: external::TABLE, index: ctx.tables[t.idx()].out_index.unwrap_or(0), symbol: Some(s) },
            Def::Data { .. } => {
                ix.data_address_globals.push(s);
                let e = Export { name: sym.name.to_string(), kind: external::GLOBAL, index: global_index, symbol: Some(s) };
                global_index += 1;
                e
            }
            _ => continue,
        };
        ix.exports.push(export);
    }
    check_duplicate_exports(ctx, ix);
}

/// Two exports with one name make a module no engine loads; wasm-ld writes it anyway. Two
/// functions can ask for one name (`export_name` in two objects), or a symbol can be named
/// as the memory export.
fn check_duplicate_exports(ctx: &mut Ctx<'_>, ix: &Indices) {
    let mut first: HashMap<&str, Option<SymbolId>> = HashMap::default();
    let mut errors = Vec::new();
    for e in &ix.exports {
        let Some(&earlier) = first.get(e.name.as_str()) else {
            first.insert(&e.name, e.symbol);
            continue;
        };
        let origin = |s: Option<SymbolId>| match s {
            Some(s) => format!("{} ({})", ctx.display_name(ctx.sym(s).name), ctx.symbol_origin(s)),
            None => "the memory".to_string(),
        };
        errors.push(
            Diagnostic::error(format!("duplicate export name: {}", e.name))
                .with_note(format!("exported by {}", origin(earlier)))
                .with_note(format!("and by {}", origin(e.symbol))),
        );
    }
    for d in errors {
        ctx.error(d);
    }
}

/// `Some(name)` when the memory is exported.
pub fn memory_export_name(ctx: &Ctx<'_>) -> Option<String> {
    match (&ctx.options.export_memory, &ctx.options.import_memory) {
        (Some(name), _) => Some(name.clone()),
        (None, None) => Some("memory".to_string()),
        (None, Some(_)) => None,
    }
}

/// What wasm-ld writes for the index of an undefined global, table or tag that is not
/// imported either (left undefined by `--unresolved-symbols=ignore-all`): its unassigned
/// index. The module does not validate, rather than reading the wrong global.
const INVALID_INDEX: u32 = u32::MAX;

/// Output index of a global symbol.
pub fn global_index(ctx: &Ctx<'_>, s: SymbolId) -> u32 {
    match ctx.sym(s).def {
        Def::Global(g) => ctx.globals[g.idx()].out_index.unwrap_or(0),
        _ => ctx.sym(s).import_index.unwrap_or(INVALID_INDEX),
    }
}

pub fn table_number(ctx: &Ctx<'_>, s: SymbolId) -> u32 {
    match ctx.sym(s).def {
        Def::Table(t) => ctx.tables[t.idx()].out_index.unwrap_or(0),
        _ => ctx.sym(s).import_index.unwrap_or(INVALID_INDEX),
    }
}

pub fn tag_index(ctx: &Ctx<'_>, s: SymbolId) -> u32 {
    match ctx.sym(s).def {
        Def::Tag(t) => ctx.tags[t.idx()].out_index.unwrap_or(0),
        _ => ctx.sym(s).import_index.unwrap_or(INVALID_INDEX),
    }
}
