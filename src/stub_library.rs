//! Stub libraries (wasm-ld's `StubFile`): text files, first line `#STUB`, that name symbols
//! the host provides (JS functions, say) and, after a colon, the symbols each one's host
//! implementation calls back into:
//!
//! ```text
//! #STUB
//! # comments start with '#'
//! js_alloc: malloc, free
//! js_log:
//! ```
//!
//! A symbol still undefined once the inputs are loaded that a stub library names (by its
//! name, or by its explicit import name) is imported, allowed to stay undefined; what it
//! depends on is exported and, when an archive member defines it, extracted. Extraction
//! can leave new undefined symbols, so the libraries are walked until nothing is added.
//! The first library to name a symbol decides its dependencies.
//!
//! wasm-ld keeps each library's symbols in a `DenseMap` and walks it in hash-table order,
//! which decides the order members are extracted in (the output's layout) and the order
//! of errors; `llvm_order::dense_map_order` reproduces it.

// Stub libraries are input text: no panics on what they hold.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

use crate::context::{Ctx, Def, Requester, SymbolId, WhyExtracted};
use crate::diag::Diagnostic;
use crate::hash::HashMap;

pub struct StubLibrary<'a> {
    /// The path as given, which messages name.
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Each symbol the library provides with the symbols it depends on, in the order
    /// wasm-ld walks them.
    pub symbols: Vec<(&'a [u8], Vec<&'a [u8]>)>,
    /// Position of each symbol in `symbols`.
    index: HashMap<&'a [u8], usize>,
}

/// Reads a stub library as wasm-ld 19 does. Nothing in it is an error: lines are split at
/// the first `:` and the dependencies at each `,`; names are trimmed of spaces (only
/// spaces: a tab stays part of the name); a line that is empty once trimmed of white space
/// defines the empty name; a later line for the same name replaces its dependencies.
pub fn parse(name: String, bytes: &[u8]) -> StubLibrary<'_> {
    let mut latest: HashMap<&[u8], Vec<&[u8]>> = HashMap::default();
    let mut first_seen: Vec<&[u8]> = Vec::new();
    for line in bytes.split(|&b| b == b'\n') {
        let line = trim(line, is_llvm_space);
        if line.starts_with(b"#") {
            continue;
        }
        let (symbol, rest) = split_once(line, b':');
        let mut rest = trim_spaces(rest);
        let mut deps = Vec::new();
        while !rest.is_empty() {
            let (dep, tail) = split_once(rest, b',');
            deps.push(trim_spaces(dep));
            rest = tail;
        }
        let symbol = trim_spaces(symbol);
        if latest.insert(symbol, deps).is_none() {
            first_seen.push(symbol);
        }
    }
    let order = crate::llvm_order::dense_map_order(first_seen);
    let symbols: Vec<(&[u8], Vec<&[u8]>)> =
        order.into_iter().map(|symbol| (symbol, latest.remove(symbol).unwrap_or_default())).collect();
    let index = symbols.iter().enumerate().map(|(i, (symbol, _))| (*symbol, i)).collect();
    StubLibrary { name, size: bytes.len() as u64, symbols, index }
}

/// `StringRef::trim()`'s white space (with `\v`, unlike `u8::is_ascii_whitespace`).
fn is_llvm_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn trim_spaces(s: &[u8]) -> &[u8] {
    trim(s, |b| b == b' ')
}

fn trim(s: &[u8], strip: impl Fn(u8) -> bool) -> &[u8] {
    let start = s.iter().position(|&b| !strip(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !strip(b)).map_or(start, |i| i + 1);
    s.get(start..end).unwrap_or_default()
}

/// `StringRef::split`: before and after the first `sep`, or all of `s` and nothing.
fn split_once(s: &[u8], sep: u8) -> (&[u8], &[u8]) {
    match s.iter().position(|&b| b == sep) {
        Some(i) => {
            let (before, after) = s.split_at(i);
            (before, after.get(1..).unwrap_or_default())
        }
        None => (s, &[]),
    }
}

/// wasm-ld's `processStubLibrariesPreLTO` then `processStubLibraries`.
pub fn process(ctx: &mut Ctx<'_>) {
    mark_dependencies_used(ctx);
    import_and_pull_in(ctx);
}

/// What a symbol that is missing or undefined depends on counts as used by regular objects
/// (kept for the LTO wasm-ld runs at this point). That has effects without LTO too: a
/// `__wasm_call_ctors` so used is called by the program, which gets no command export
/// wrappers, and an undefined function so used may be imported.
fn mark_dependencies_used(ctx: &mut Ctx<'_>) {
    for lib in 0..ctx.stub_libraries.len() {
        for entry in 0.. {
            let Some((name, deps)) = symbol_entry(ctx, lib, entry) else { break };
            let sym = std::str::from_utf8(name).ok().and_then(|n| ctx.find(n));
            if sym.is_some_and(|s| !ctx.sym(s).is_undefined()) {
                continue;
            }
            let needed: Vec<SymbolId> = deps.iter().filter_map(|d| std::str::from_utf8(d).ok().and_then(|d| ctx.find(d))).collect();
            for s in needed {
                ctx.sym_mut(s).used_in_regular_obj = true;
            }
        }
    }
}

/// Imports the undefined symbols the stub libraries name and pulls in what they depend
/// on, until a pass adds nothing.
fn import_and_pull_in(ctx: &mut Ctx<'_>) {
    loop {
        let mut added = false;
        for lib in 0..ctx.stub_libraries.len() {
            // Symbols named as the library names them.
            for entry in 0.. {
                let Some((name, _)) = symbol_entry(ctx, lib, entry) else { break };
                let Some(s) = std::str::from_utf8(name).ok().and_then(|n| ctx.find(n)) else { continue };
                if ctx.sym(s).is_undefined() {
                    added |= import_with_dependencies(ctx, lib, entry, s);
                } else if ctx.traced(ctx.sym(s).name) {
                    let msg = format!("{}: stub symbol not needed: {}", library_name(ctx, lib), ctx.sym(s).name);
                    ctx.messages.push(msg);
                }
            }
            // Symbols whose explicit import name the library names. (wasm-ld walks the symbol
            // table as it was when the walk began.)
            for i in 0..ctx.symtab.len() {
                let Some(&s) = ctx.symtab.get(i) else { break };
                let sym = ctx.sym(s);
                let Some(import_name) = sym.import_name.filter(|_| sym.is_undefined()) else { continue };
                let found = ctx.stub_libraries.get(lib).and_then(|l| l.index.get(import_name.as_bytes()));
                if let Some(&entry) = found {
                    added |= import_with_dependencies(ctx, lib, entry, s);
                }
            }
        }
        if !added {
            return;
        }
    }
}

fn symbol_entry<'c, 'a>(ctx: &'c Ctx<'a>, lib: usize, entry: usize) -> Option<&'c (&'a [u8], Vec<&'a [u8]>)> {
    ctx.stub_libraries.get(lib)?.symbols.get(entry)
}

/// The name of stub library `lib` (as `Requester::StubLibrary` holds it).
pub fn library_name<'c>(ctx: &'c Ctx<'_>, lib: usize) -> &'c str {
    ctx.stub_libraries.get(lib).map_or("", |l| l.name.as_str())
}

/// wasm-ld's `addStubSymbolDeps`: marks `s` imported and its dependencies exported,
/// extracting lazy ones; tells whether anything was extracted.
fn import_with_dependencies(ctx: &mut Ctx<'_>, lib: usize, entry: usize, s: SymbolId) -> bool {
    if ctx.sym(s).force_import {
        return false;
    }
    ctx.sym_mut(s).force_import = true;
    let lib_name = library_name(ctx, lib).to_string();
    let name = ctx.sym(s).name;
    if ctx.traced(name) {
        ctx.messages.push(format!("{lib_name}: importing {name}"));
    }
    let mut extracted = false;
    let deps = symbol_entry(ctx, lib, entry).map(|(_, deps)| deps.clone()).unwrap_or_default();
    for dep in deps {
        let found = std::str::from_utf8(dep).ok().and_then(|d| ctx.find(d));
        let needed = match found {
            Some(n) if !ctx.sym(n).is_undefined() => n,
            _ => {
                // Named as written when not in the symbol table, as a symbol when undefined.
                let shown = found.map_or_else(|| String::from_utf8_lossy(dep).into_owned(), |n| ctx.display_name(ctx.sym(n).name));
                let msg = format!("{lib_name}: undefined symbol: {shown}. Required by {}", ctx.display_name(name));
                ctx.error(Diagnostic::error(msg));
                continue;
            }
        };
        let needed_name = ctx.sym(needed).name;
        if ctx.traced(needed_name) {
            let msg = format!("{lib_name}: exported {} due to import of {name}", ctx.display_name(needed_name));
            ctx.messages.push(msg);
        }
        ctx.sym_mut(needed).force_export = true;
        if let Def::Lazy(file) = ctx.sym(needed).def {
            extracted = true;
            let load = ctx.extract(file, needed, Requester::StubLibrary(lib), false);
            crate::load::load_extracted(ctx, load);
            // wasm-ld records the stub symbol's own (referencing) file as the extracted one.
            if ctx.options.why_extract.is_some() {
                let file = ctx.sym(s).file;
                ctx.why_extracted.push(WhyExtracted { requester: Requester::StubLibrary(lib), file, symbol: s });
            }
        }
    }
    extracted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deps_of<'a>(lib: &StubLibrary<'a>, name: &str) -> Option<Vec<&'a [u8]>> {
        lib.index.get(name.as_bytes()).map(|&i| lib.symbols[i].1.clone())
    }

    #[test]
    fn parses_as_wasm_ld_does() {
        let text = b"#STUB\n# a comment\n js_a :\thelper_a\t, helper_b \t\njs_b:\njs_c: x,,y,\n\njs_a: again\nno_colon";
        let lib = parse("s.so".into(), text);
        assert_eq!(deps_of(&lib, "js_a"), Some(vec![&b"again"[..]]));
        assert_eq!(deps_of(&lib, "js_b"), Some(vec![]));
        assert_eq!(deps_of(&lib, "js_c"), Some(vec![&b"x"[..], b"", b"y"]));
        assert_eq!(deps_of(&lib, ""), Some(vec![]));
        assert_eq!(deps_of(&lib, "no_colon"), Some(vec![]));
        assert_eq!(lib.symbols.len(), 5);
        // A tab inside the line is not trimmed away.
        let lib = parse("s.so".into(), b"#STUB\njs: \tdep\n");
        assert_eq!(deps_of(&lib, "js"), Some(vec![&b"\tdep"[..]]));
    }

    #[test]
    fn blank_lines_take_a_slot_in_the_table() {
        // Checked against wasm-ld-19: "js_2" hashes to the slot after the empty name's,
        // and "js_223" to the empty name's; a blank line before them swaps their order.
        let names = |lib: StubLibrary<'_>| lib.symbols.into_iter().map(|(n, _)| n.to_vec()).filter(|n| !n.is_empty()).collect::<Vec<_>>();
        let with_blank = names(parse("s".into(), b"#STUB\n\njs_2: hb\njs_223: ha"));
        assert_eq!(with_blank, [b"js_2".to_vec(), b"js_223".to_vec()]);
        let without = names(parse("s".into(), b"#STUB\njs_2: hb\njs_223: ha"));
        assert_eq!(without, [b"js_223".to_vec(), b"js_2".to_vec()]);
    }
}
