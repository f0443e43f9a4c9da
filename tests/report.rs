//! The link report's account of symbol resolution: which definition won, and why each other
//! one lost (a weak definition, a COMDAT copy dropped with its group).

#[path = "common/builder.rs"]
mod builder;

use builder::{flag, Obj, Sym};
use weld::report::SymbolReport;
use weld::{link, InputFile, Options};

/// `get` (function 1) and `x` (data) as `Obj::base` has them, with `get` a weak definition in
/// the COMDAT group `get`, as C++ inline functions are.
fn with_comdat_get(start: &str, x_flags: u32) -> Obj {
    let mut obj = Obj::base();
    obj.symbols[0] = Sym::func(flag::WEAK, 1, "get");
    obj.symbols[1] = Sym::func(0, 2, start);
    obj.symbols[2] = Sym::data(x_flags, "x", 0, 0, 8);
    obj.comdats = vec![("get".into(), vec![(1, 1)])];
    obj
}

fn symbol<'r>(symbols: &'r [SymbolReport], name: &str) -> &'r SymbolReport {
    symbols.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no symbol {name} in the report"))
}

#[test]
fn other_definitions_say_why_they_lost() {
    let a = with_comdat_get("_start", 0).encode();
    let b = with_comdat_get("other_start", flag::WEAK).encode();
    let file = |name: &str, bytes| InputFile { name: name.into(), bytes, whole_archive: false, lazy: false, prepared: None };
    let inputs = [file("a.o", &a[..]), file("b.o", &b[..])];
    let linked = link(&inputs, &Options { report: true, ..Options::default() }).expect("links");
    let report = linked.report.expect("a report was asked for");

    let get = symbol(&report.symbols, "get");
    assert_eq!(get.defined_in.as_deref(), Some("a.o"));
    let lost: Vec<_> = get.other_definitions.iter().map(|d| (d.file.as_str(), d.reason)).collect();
    assert_eq!(lost, [("b.o", "comdat")]);

    let x = symbol(&report.symbols, "x");
    assert_eq!(x.defined_in.as_deref(), Some("a.o"));
    let lost: Vec<_> = x.other_definitions.iter().map(|d| (d.file.as_str(), d.reason)).collect();
    assert_eq!(lost, [("b.o", "weak")]);

    // Without a report, nothing is recorded and the output is the same.
    let plain = link(&inputs, &Options::default()).expect("links");
    assert!(plain.report.is_none());
    assert_eq!(plain.wasm, linked.wasm);
}
