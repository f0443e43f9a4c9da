//! Symbol resolution with wasm-ld's rules: strong over weak, first weak wins, undefined
//! references bound across files, lazy archive members extracted on first strong
//! reference, function-signature variants for mismatches.
//!
//! Each `add_*` returns the symbol the referencing file should use, and possibly a lazy
//! file that must now be loaded (the caller, `load.rs`, loads it before continuing, which
//! reproduces wasm-ld's depth-first extraction order).

use crate::context::{Ctx, Def, FileId, FuncId, Requester, SigId, Symbol, SymbolId, WhyExtracted};
use crate::diag::Diagnostic;
use crate::input::object::{GlobalType, SymKind, TableType};
use crate::input::wasm::sym_flag;

/// A request to load an archive member now.
pub type Extract = Option<FileId>;

impl<'a> Ctx<'a> {
    /// Finds or creates the global symbol `name`; wasm-ld's `insertName`.
    pub fn insert_name(&mut self, name: &'a str) -> (SymbolId, bool) {
        if let Some(&i) = self.symtab_index.get(name) {
            return (self.symtab[i as usize], false);
        }
        let mut s = Symbol::new(name, SymKind::Data);
        s.referenced = !self.options.gc_sections;
        let id = self.new_symbol(s);
        self.symtab_index.insert(name, self.symtab.len() as u32);
        self.symtab.push(id);
        (id, true)
    }

    /// `insertName` plus "used by a regular object".
    pub fn insert(&mut self, name: &'a str, file: Option<FileId>) -> (SymbolId, bool) {
        let (id, new) = self.insert_name(name);
        let _ = file; // every input here is a regular object
        self.sym_mut(id).used_in_regular_obj = true;
        (id, new)
    }

    /// Records that `file` refers to `id` (for the report).
    pub fn note_reference(&mut self, id: SymbolId, file: Option<FileId>) {
        if let Some(f) = file {
            let s = self.sym_mut(id);
            if !s.referenced_by.contains(&f) {
                s.referenced_by.push(f);
            }
        }
    }

    pub fn traced(&self, name: &str) -> bool {
        !self.options.trace_symbols.is_empty() && self.options.trace_symbols.iter().any(|t| t == name)
    }

    /// `-y`: `a.o: reference to foo`.
    pub fn trace_reference(&mut self, name: &str, file: Option<FileId>) {
        if self.traced(name) {
            let msg = format!("{}: reference to {name}", self.file_name(file));
            self.messages.push(msg);
        }
    }

    /// Replaces the symbol in place, keeping what wasm-ld's `replaceSymbol` keeps.
    pub fn replace_symbol(&mut self, id: SymbolId, mut new: Symbol<'a>) {
        if self.traced(new.name) && !new.is_undefined() {
            let what = if new.is_lazy() { "lazy definition of" } else { "definition of" };
            let msg = format!("{}: {what} {}", self.file_name(new.file), new.name);
            self.messages.push(msg);
        }
        let old = &mut self.symbols[id.idx()];
        new.used_in_regular_obj = old.used_in_regular_obj;
        new.force_export = old.force_export;
        new.force_import = old.force_import;
        new.referenced = old.referenced;
        new.referenced_by = std::mem::take(&mut old.referenced_by);
        *old = new;
    }

    fn report_type_error(&mut self, existing: SymbolId, file: Option<FileId>, kind: SymKind) {
        let s = self.sym(existing);
        // LLVM's names for the kinds, as wasm-ld prints them.
        let llvm_name = |k: SymKind| format!("WASM_SYMBOL_TYPE_{}", k.name().to_uppercase());
        let msg = format!(
            "symbol type mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
            self.display_name(s.name),
            llvm_name(s.kind),
            self.file_name(s.file),
            llvm_name(kind),
            self.file_name(file)
        );
        let name = s.name.to_string();
        self.error(Diagnostic::error(msg).with_symbol(name));
    }

    fn should_replace(&mut self, existing: SymbolId, new_file: Option<FileId>, new_flags: u32) -> bool {
        let s = self.sym(existing);
        if !s.is_defined() {
            return true;
        }
        if new_flags & sym_flag::BINDING_MASK == sym_flag::BINDING_WEAK {
            if let Some(f) = new_file {
                self.other_definitions.push((existing, f, "weak"));
            }
            return false;
        }
        if s.is_weak() {
            if let Some(f) = s.file {
                self.other_definitions.push((existing, f, "weak"));
            }
            return true;
        }
        // A definition here wins over a shared library's.
        if s.is_shared() {
            return true;
        }
        if self.options.allow_multiple_definition {
            if let Some(f) = new_file {
                self.other_definitions.push((existing, f, "duplicate"));
            }
            return false;
        }
        let msg = format!(
            "duplicate symbol: {}\n>>> defined in {}\n>>> defined in {}",
            self.display_name(s.name),
            self.file_name(s.file),
            self.file_name(new_file)
        );
        let name = s.name.to_string();
        self.error(Diagnostic::error(msg).with_symbol(name));
        true
    }

    fn sig_matches(&self, existing: SymbolId, new_sig: Option<SigId>) -> bool {
        match (self.sym(existing).sig, new_sig) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// The variant of `name` with signature `sig`, created if missing (`bool` = created).
    fn function_variant(&mut self, primary: SymbolId, sig: SigId) -> (SymbolId, bool) {
        let name = self.sym(primary).name;
        let pos = match self.variants.iter().position(|(n, _)| *n == name) {
            Some(p) => p,
            None => {
                self.variants.push((name, vec![primary]));
                self.variants.len() - 1
            }
        };
        let found = self.variants[pos].1.iter().copied().find(|&v| self.symbols[v.idx()].sig == Some(sig));
        if let Some(v) = found {
            return (v, false);
        }
        let mut s = Symbol::new(name, SymKind::Function);
        s.used_in_regular_obj = true;
        s.referenced = !self.options.gc_sections;
        let v = self.new_symbol(s);
        self.variants[pos].1.push(v);
        (v, true)
    }

    fn defined_function_symbol(&self, name: &'a str, flags: u32, file: Option<FileId>, func: FuncId) -> Symbol<'a> {
        let mut s = Symbol::new(name, SymKind::Function);
        s.def = Def::Function(func);
        s.flags = flags;
        s.file = file;
        s.sig = Some(self.functions[func.idx()].sig);
        s
    }

    pub fn add_defined_function(&mut self, name: &'a str, flags: u32, file: Option<FileId>, func: FuncId) -> SymbolId {
        let (s, inserted) = self.insert(name, file);
        let new = self.defined_function_symbol(name, flags, file, func);
        if inserted || self.sym(s).is_lazy() {
            self.replace_symbol(s, new);
            return s;
        }
        if self.sym(s).kind != SymKind::Function {
            self.report_type_error(s, file, SymKind::Function);
            return s;
        }
        let existing = self.sym(s);
        let check_sig = if existing.is_undefined() { existing.called_directly } else { true };
        let sig = self.functions[func.idx()].sig;
        if check_sig && !self.sig_matches(s, Some(sig)) {
            let (variant, added) = self.function_variant(s, sig);
            if added || self.should_replace(s, file, flags) {
                self.replace_symbol(variant, new);
            }
            // The variant takes the primary place in the symbol table.
            if let Some(&i) = self.symtab_index.get(name) {
                self.symtab[i as usize] = variant;
            }
            return variant;
        }
        if self.should_replace(s, file, flags) {
            self.replace_symbol(s, new);
        }
        s
    }

    /// A function a shared library exports (wasm-ld's `addSharedFunction`): it stands in
    /// for an undefined symbol, never for a definition.
    pub fn add_shared_function(&mut self, name: &'a str, flags: u32, file: FileId, sig: SigId) -> SymbolId {
        // (A shared library is no regular object: only references make its symbols used.)
        let (s, inserted) = self.insert_name(name);
        let mut new = Symbol::new(name, SymKind::Function);
        new.def = Def::Shared;
        new.flags = flags;
        new.file = Some(file);
        new.sig = Some(sig);
        if inserted {
            self.replace_symbol(s, new);
            return s;
        }
        if self.sym(s).kind != SymKind::Function {
            self.report_type_error(s, Some(file), SymKind::Function);
            return s;
        }
        let existing = self.sym(s);
        if existing.is_defined() {
            return s;
        }
        let check_sig = !existing.is_undefined() || existing.called_directly;
        if check_sig && !self.sig_matches(s, Some(sig)) {
            if self.options.shlib_sigcheck {
                let msg = self.signature_mismatch(s, sig, Some(file));
                self.error(Diagnostic::error(msg).with_symbol(name));
            } else {
                new.sig = self.sym(s).sig;
            }
        }
        new.called_directly = self.sym(s).called_directly;
        self.replace_symbol(s, new);
        s
    }

    /// wasm-ld's message when a shared library's function and a reference disagree.
    fn signature_mismatch(&self, existing: SymbolId, sig: SigId, file: Option<FileId>) -> String {
        let s = self.sym(existing);
        self.signature_mismatch_text(s.name, (s.sig, s.file), (Some(sig), file))
    }

    /// `function signature mismatch: NAME` with each (signature, file) that disagrees.
    pub fn signature_mismatch_text(&self, name: &str, a: (Option<SigId>, Option<FileId>), b: (Option<SigId>, Option<FileId>)) -> String {
        let sig_str = |g: Option<SigId>| g.map(|g| self.sigs[g.idx()].display()).unwrap_or_default();
        format!(
            "function signature mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
            self.display_name(name),
            sig_str(a.0),
            self.file_name(a.1),
            sig_str(b.0),
            self.file_name(b.1)
        )
    }

    /// Data a shared library exports (wasm-ld's `addSharedData`).
    pub fn add_shared_data(&mut self, name: &'a str, flags: u32, file: FileId) -> SymbolId {
        let (s, inserted) = self.insert_name(name);
        // (wasm-ld 19 takes a function reference for the data here, and crashes.)
        if !inserted && self.sym(s).is_undefined() && self.sym(s).kind != SymKind::Data {
            self.report_type_error(s, Some(file), SymKind::Data);
            return s;
        }
        if inserted || self.sym(s).is_undefined() {
            let mut new = Symbol::new(name, SymKind::Data);
            new.def = Def::Shared;
            new.flags = flags;
            new.file = Some(file);
            self.replace_symbol(s, new);
        }
        s
    }

    pub fn add_defined_data(&mut self, name: &'a str, flags: u32, file: Option<FileId>, def: Def) -> SymbolId {
        let (s, inserted) = self.insert(name, file);
        let mut new = Symbol::new(name, SymKind::Data);
        new.def = def;
        new.flags = flags;
        new.file = file;
        if inserted || self.sym(s).is_lazy() {
            self.replace_symbol(s, new);
            return s;
        }
        if self.sym(s).kind != SymKind::Data {
            self.report_type_error(s, file, SymKind::Data);
        }
        if self.should_replace(s, file, flags) {
            self.replace_symbol(s, new);
        }
        s
    }

    /// Globals, tables and tags share one shape of rule.
    pub fn add_defined_other(&mut self, name: &'a str, flags: u32, file: Option<FileId>, mut new: Symbol<'a>) -> SymbolId {
        let kind = new.kind;
        new.flags = flags;
        new.file = file;
        let (s, inserted) = self.insert(name, file);
        if inserted || self.sym(s).is_lazy() {
            self.replace_symbol(s, new);
            return s;
        }
        // A symbol of another kind is a type error, and still a duplicate definition when
        // both are strong (wasm-ld checks the type, then whether to replace, for all three).
        if self.sym(s).kind != kind {
            self.report_type_error(s, file, kind);
        } else {
            self.check_other_type(s, file, &new);
        }
        if self.should_replace(s, file, flags) {
            self.replace_symbol(s, new);
        }
        s
    }

    fn check_other_type(&mut self, existing: SymbolId, file: Option<FileId>, new: &Symbol<'a>) {
        let s = self.sym(existing);
        match new.kind {
            SymKind::Global => {
                if let (Some(a), Some(b)) = (s.global_type, new.global_type) {
                    if a != b {
                        let msg = format!(
                            "Global type mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
                            s.name,
                            global_type_str(a),
                            self.file_name(s.file),
                            global_type_str(b),
                            self.file_name(file)
                        );
                        self.error(Diagnostic::error(msg));
                    }
                }
            }
            SymKind::Table => {
                if let (Some(a), Some(b)) = (s.table_type, new.table_type) {
                    if a.elem != b.elem {
                        let msg = format!(
                            "Table type mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
                            s.name,
                            table_type_str(a),
                            self.file_name(s.file),
                            table_type_str(b),
                            self.file_name(file)
                        );
                        self.error(Diagnostic::error(msg));
                    }
                }
            }
            SymKind::Tag if s.sig.is_some() && new.sig.is_some() && s.sig != new.sig => {
                let sig_str = |g: Option<SigId>| g.map(|g| self.sigs[g.idx()].display()).unwrap_or_default();
                let msg = format!(
                    "Tag signature mismatch: {}\n>>> defined as {} in {}\n>>> defined as {} in {}",
                    s.name,
                    sig_str(s.sig),
                    self.file_name(s.file),
                    sig_str(new.sig),
                    self.file_name(file)
                );
                self.diags.push(Diagnostic::warning(msg));
            }
            _ => {}
        }
    }

    /// wasm-ld's `setImportAttributes`, for a further reference to an undefined function:
    /// import names and modules must agree, and a strong reference makes a weak undefined
    /// strong.
    fn set_import_attributes(&mut self, existing: SymbolId, flags: u32, file: Option<FileId>, import_name: Option<&'a str>, import_module: Option<&'a str>) {
        for (is_name, new) in [(true, import_name), (false, import_module)] {
            let Some(new) = new else { continue };
            let s = self.sym(existing);
            let old = if is_name { s.import_name } else { s.import_module };
            match old {
                None => {
                    let s = self.sym_mut(existing);
                    if is_name {
                        s.import_name = Some(new);
                    } else {
                        s.import_module = Some(new);
                    }
                }
                Some(old) if old != new => {
                    let what = if is_name { "name" } else { "module" };
                    let msg = format!(
                        "import {what} mismatch for symbol: {}\n>>> defined as {old} in {}\n>>> defined as {new} in {}",
                        self.display_name(s.name),
                        self.file_name(s.file),
                        self.file_name(file)
                    );
                    self.error(Diagnostic::error(msg));
                }
                _ => {}
            }
        }
        let s = self.sym_mut(existing);
        let binding = flags & sym_flag::BINDING_MASK;
        if s.is_weak() && binding != sym_flag::BINDING_WEAK {
            s.flags = (s.flags & !sym_flag::BINDING_MASK) | binding;
        }
    }

    /// A further reference to a symbol that is still a weak undefined: its flags become the
    /// new reference's, whole (wasm-ld: the last weak reference's NO_STRIP, TLS, visibility,
    /// ... are what an `-r` output writes).
    fn take_flags_if_weak(&mut self, existing: SymbolId, flags: u32) {
        let s = self.sym_mut(existing);
        if s.is_weak() {
            s.flags = flags;
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub fn add_undefined_function(
        &mut self,
        name: &'a str,
        import_name: Option<&'a str>,
        import_module: Option<&'a str>,
        flags: u32,
        file: Option<FileId>,
        sig: Option<SigId>,
        called_directly: bool,
    ) -> (SymbolId, Extract) {
        self.trace_reference(name, file);
        let (s, inserted) = self.insert(name, file);
        let make = |file| {
            let mut n = Symbol::new(name, SymKind::Function);
            n.flags = flags;
            n.file = file;
            n.sig = sig;
            n.import_name = import_name;
            n.import_module = import_module;
            n.called_directly = called_directly;
            n
        };
        if inserted {
            self.replace_symbol(s, make(file));
            return (s, None);
        }
        if let Def::Lazy(lazy_file) = self.sym(s).def {
            if flags & sym_flag::BINDING_MASK == sym_flag::BINDING_WEAK {
                let l = self.sym_mut(s);
                l.flags = (l.flags & !sym_flag::BINDING_MASK) | sym_flag::BINDING_WEAK;
                l.sig = sig;
                return (s, None);
            }
            return (s, self.extract(lazy_file, s, Requester::File(file), true));
        }
        if self.sym(s).kind != SymKind::Function {
            self.report_type_error(s, file, SymKind::Function);
            return (s, None);
        }
        if self.sym(s).sig.is_none() && sig.is_some() {
            self.sym_mut(s).sig = sig;
        }
        let existing_undefined = if self.sym(s).is_undefined() { Some(s) } else { None };
        let mut result = s;
        if called_directly && !self.sig_matches(s, sig) {
            if self.sym(s).is_shared() {
                match sig {
                    Some(sig) if self.options.shlib_sigcheck => {
                        let msg = self.signature_mismatch(s, sig, file);
                        self.error(Diagnostic::error(msg).with_symbol(name));
                    }
                    // `--no-shlib-sigcheck`: the caller's signature is the import's.
                    _ => self.sym_mut(s).sig = sig,
                }
            } else if existing_undefined.is_some() && !self.sym(s).called_directly {
                self.replace_symbol(s, make(file));
            } else if let Some(sig) = sig {
                let (v, added) = self.function_variant(s, sig);
                result = v;
                if added {
                    self.replace_symbol(v, make(file));
                }
            }
        }
        if let Some(u) = existing_undefined {
            self.set_import_attributes(u, flags, file, import_name, import_module);
            if called_directly {
                self.sym_mut(u).called_directly = true;
            }
            // wasm-ld looks at the variant here when there is one.
            self.take_flags_if_weak(result, flags);
        }
        (result, None)
    }

    pub fn add_undefined_data(&mut self, name: &'a str, flags: u32, file: Option<FileId>) -> (SymbolId, Extract) {
        self.trace_reference(name, file);
        let (s, inserted) = self.insert(name, file);
        if inserted {
            let mut n = Symbol::new(name, SymKind::Data);
            n.flags = flags;
            n.file = file;
            self.replace_symbol(s, n);
            return (s, None);
        }
        match self.sym(s).def {
            Def::Lazy(lazy_file) => {
                if flags & sym_flag::BINDING_MASK == sym_flag::BINDING_WEAK {
                    let l = self.sym_mut(s);
                    l.flags = (l.flags & !sym_flag::BINDING_MASK) | sym_flag::BINDING_WEAK;
                    return (s, None);
                }
                (s, self.extract(lazy_file, s, Requester::File(file), false))
            }
            _ if self.sym(s).is_defined() => {
                if self.sym(s).kind != SymKind::Data {
                    self.report_type_error(s, file, SymKind::Data);
                }
                (s, None)
            }
            _ => {
                self.take_flags_if_weak(s, flags);
                (s, None)
            }
        }
    }

    /// Undefined globals, tables and tags.
    pub fn add_undefined_other(&mut self, name: &'a str, flags: u32, file: Option<FileId>, mut new: Symbol<'a>) -> (SymbolId, Extract) {
        let kind = new.kind;
        new.flags = flags;
        new.file = file;
        self.trace_reference(name, file);
        let (s, inserted) = self.insert(name, file);
        if inserted {
            self.replace_symbol(s, new);
            return (s, None);
        }
        match self.sym(s).def {
            Def::Lazy(lazy_file) => (s, self.extract(lazy_file, s, Requester::File(file), false)),
            _ if self.sym(s).is_defined() => {
                if self.sym(s).kind != kind {
                    self.report_type_error(s, file, kind);
                } else {
                    self.check_other_type(s, file, &new);
                }
                (s, None)
            }
            _ => {
                if self.sym(s).kind != kind {
                    // wasm-ld 19 lets this pass and then reads, say, a function's table
                    // slot as the global; an error is kinder.
                    self.report_type_error(s, file, kind);
                    return (s, None);
                }
                // Unlike a function's, the import module and name stay the first
                // reference's, unchecked (as wasm-ld 19 does).
                self.take_flags_if_weak(s, flags);
                (s, None)
            }
        }
    }

    /// An archive member's definition of `name`, not loaded yet.
    pub fn add_lazy(&mut self, name: &'a str, file: FileId) -> Extract {
        let (s, inserted) = self.insert_name(name);
        if inserted {
            let mut n = Symbol::new(name, SymKind::Data);
            n.def = Def::Lazy(file);
            n.file = Some(file);
            self.replace_symbol(s, n);
            return None;
        }
        if !self.sym(s).is_undefined() {
            return None;
        }
        if self.sym(s).is_weak() {
            // A weak reference does not pull members in; remember the candidate.
            let old = self.sym(s).clone();
            let mut n = Symbol::new(name, old.kind);
            n.def = Def::Lazy(file);
            n.file = Some(file);
            n.flags = sym_flag::BINDING_WEAK;
            n.sig = if old.kind == SymKind::Function { old.sig } else { None };
            self.replace_symbol(s, n);
            return None;
        }
        let by = self.sym(s).file;
        self.extract(file, s, Requester::File(by), true)
    }

    /// Marks a lazy file for loading because `by` asked for `symbol`; the caller loads it.
    /// `record`: `--why-extract` lists it, as wasm-ld does for strong function references,
    /// lazy definitions of undefined symbols and the command line's symbols (not for data,
    /// global, table or tag references).
    pub fn extract(&mut self, file: FileId, symbol: SymbolId, by: Requester, record: bool) -> Extract {
        let name = self.sym(symbol).name;
        let record = (record && self.options.why_extract.is_some()).then_some((by, symbol));
        let f = &mut self.files[file.idx()];
        if f.lazy {
            f.lazy = false;
            f.pulled_by = Some((name, by));
            f.why_extracted = record;
            Some(file)
        } else {
            // Already loading (a member it pulled in refers back to a symbol it has not
            // defined yet): nothing to load, but wasm-ld records the request all the same,
            // at once, naming the loading member.
            if let Some((requester, symbol)) = record {
                let file = self.sym(symbol).file;
                self.why_extracted.push(WhyExtracted { requester, file, symbol });
            }
            None
        }
    }

    /// A linker-synthesised function with a symbol (e.g. `__wasm_call_ctors`).
    pub fn add_synthetic_function(&mut self, name: &'a str, flags: u32, func: FuncId) -> SymbolId {
        self.synthetic_functions.push(func);
        let (s, _) = self.insert_name(name);
        let new = self.defined_function_symbol(name, flags, None, func);
        self.replace_symbol(s, new);
        s
    }

    /// A hidden `() -> ()` function the linker makes after garbage collection (the
    /// start-up functions `__wasm_init_memory`, `__wasm_apply_*_relocs`, `__wasm_start`):
    /// live from the start, its body written once indices are known.
    pub fn add_live_startup_function(&mut self, name: &'a str) -> FuncId {
        let null = self.null_sig();
        let f = self.new_function(null, name, None, Vec::new());
        let s = self.add_synthetic_function(name, sym_flag::VISIBILITY_HIDDEN, f);
        self.mark_symbol_live(s);
        f
    }
}

/// wasm-ld's `toString(WasmTableType)`, e.g. `type=funcref; limits=[flags=0x1; min=2; max=9]`
/// (the flags in decimal after `0x`, as wasm-ld prints them).
pub fn table_type_str(t: TableType) -> String {
    let l = t.limits;
    let max = match l.max {
        Some(max) if l.flags & crate::input::wasm::limits::HAS_MAX != 0 => format!("; max={max}"),
        _ => String::new(),
    };
    format!("type={}; limits=[flags=0x{}; min={}{max}]", crate::input::wasm::valtype::name(t.elem), l.flags, l.min)
}

pub fn global_type_str(g: GlobalType) -> String {
    format!("{}{}", if g.mutable { "var " } else { "const " }, crate::input::wasm::valtype::name(g.valtype))
}

pub fn table_symbol(name: &str, ty: TableType) -> Symbol<'_> {
    let mut s = Symbol::new(name, SymKind::Table);
    s.table_type = Some(ty);
    s
}
