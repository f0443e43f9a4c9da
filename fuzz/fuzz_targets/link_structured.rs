//! Structure-aware link fuzzing: the input drives `tests/common/builder.rs` to write objects
//! that mostly parse (indices in range, relocations on real sites, names from a small pool
//! so that files collide), so the resolution, GC, layout, relocation and emit phases see
//! hostile but well-formed input that byte mutations of real objects rarely reach.
//! Some choices are deliberately out of range, to keep the validation honest too.
//! To turn a finding into a regression test, run the target binary on it with
//! `WELD_FUZZ_DUMP=tests/fuzz-regressions/link-<name>`: that writes the same link in the
//! `link` target's format, which `tests/malformed.rs` replays.
#![no_main]

use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/builder.rs"]
mod builder;
#[path = "inputs.rs"]
mod inputs;

use builder::{archive, flag, name, reloc, sleb_padded5, uleb, uleb5, At, Obj, Reloc, Sym};
use weld::InputFile;

const NAMES: [&str; 12] = [
    "_start", "main", "f", "g", "h", "x", "y", "__wasm_call_ctors", "__stack_pointer",
    "__indirect_function_table", "__heap_base", "__start_data",
];
const SEGMENTS: [&str; 8] = [".data.a", ".data.b", ".rodata.s", ".rodata.str1.1", ".bss.z", ".tdata.t", "data", ".init_array"];
const TYPES: [(&[u8], &[u8]); 4] = [(&[], &[]), (&[], &[0x7f]), (&[0x7f], &[]), (&[0x7f, 0x7f], &[0x7f])];

/// Reloc sites per function body: opcode and a 5-byte field (10 bytes in wasm64 objects),
/// the first at content offset 1.
const SITES: usize = 4;

fn pick<'a, T>(u: &mut Unstructured<'_>, list: &'a [T]) -> Result<&'a T> {
    u.choose(list)
}

/// Mostly `below`-bounded, sometimes anything.
fn index(u: &mut Unstructured<'_>, below: usize) -> Result<u32> {
    if below == 0 || u.ratio(1, 16)? {
        return u.int_in_range(0..=below as u32 + 2);
    }
    Ok(u.int_in_range(0..=below as u32 - 1)?)
}

fn flags(u: &mut Unstructured<'_>) -> Result<u32> {
    let mut f = 0;
    for (bit, p) in [(flag::WEAK, 4), (flag::LOCAL, 4), (flag::HIDDEN, 3), (0x20, 6), (0x80, 6), (0x100, 10), (0x200, 16)] {
        if u.ratio(1, p)? {
            f |= bit;
        }
    }
    if f & flag::WEAK != 0 && f & flag::LOCAL != 0 && u.ratio(3, 4)? {
        f &= !flag::LOCAL;
    }
    Ok(f)
}

fn object(u: &mut Unstructured<'_>, is64: bool) -> Result<Obj> {
    let mut o = Obj { types: TYPES.iter().map(|(p, r)| (p.to_vec(), r.to_vec())).collect(), ..Obj::default() };
    // A memory64 import makes the object wasm64; mostly as the options say.
    let is64 = if u.ratio(1, 16)? { !is64 } else { is64 };
    if is64 {
        o.imports.push([name("env"), name("__linear_memory"), vec![0x02, 0x04, 0x00]].concat());
    }
    let field = if is64 { 10 } else { 5 };
    let site_len = 1 + field;
    // Imports: functions, sometimes a global or the table.
    let mut imported_funcs = 0u32;
    let mut imported_globals = 0u32;
    let mut imported_tables = 0u32;
    for _ in 0..u.int_in_range(0..=3)? {
        let field = *pick(u, &NAMES)?;
        let mut e = name(if u.ratio(1, 4)? { "other" } else { "env" });
        e.extend(name(field));
        match u.int_in_range(0..=5)? {
            0 => {
                e.extend([0x03, 0x7f, u8::from(u.arbitrary::<bool>()?)]);
                o.symbols.push(Sym::Indexed { kind: 2, flags: flag::UNDEFINED, index: imported_globals, name: None });
                imported_globals += 1;
            }
            1 => {
                e.extend([0x01, 0x70, 0x00, 0x00]);
                o.symbols.push(Sym::Indexed { kind: 5, flags: flag::UNDEFINED, index: imported_tables, name: None });
                imported_tables += 1;
            }
            _ => {
                e.extend([0x00, u.int_in_range(0..=3)?]);
                let explicit = u.ratio(1, 3)?;
                let f = flags(u)? & !flag::LOCAL | flag::UNDEFINED | if explicit { flag::EXPLICIT_NAME } else { 0 };
                let n = if explicit { Some(pick(u, &NAMES)?.to_string()) } else { None };
                o.symbols.push(Sym::Indexed { kind: 0, flags: f, index: imported_funcs, name: n });
                imported_funcs += 1;
            }
        }
        o.imports.push(e);
    }
    // Defined functions, each with reloc sites; most get a symbol.
    let nfuncs = u.int_in_range(0..=4)?;
    for i in 0..nfuncs {
        o.funcs.push(u.int_in_range(0..=3)?);
        let mut body = vec![0x00];
        for _ in 0..SITES {
            let op = *pick(u, &[0x41u8, 0x10, 0x23, 0x11])?;
            body.push(op);
            body.extend(if op == 0x41 { sleb_padded5(0) } else { uleb5(0) });
            body.extend(std::iter::repeat(0x80).take(field - 5));
        }
        body.push(0x0b);
        o.bodies.push(body);
        if u.ratio(7, 8)? {
            o.symbols.push(Sym::func(flags(u)?, imported_funcs + i, pick(u, &NAMES)?));
        }
    }
    // Globals.
    for i in 0..u.int_in_range(0..=2)? {
        o.globals.push(vec![0x7f, u8::from(u.arbitrary::<bool>()?), 0x41, 0x00, 0x0b]);
        o.symbols.push(Sym::global(flags(u)?, imported_globals + i, pick(u, &NAMES)?));
    }
    // Data segments, with data symbols inside them (mostly).
    for _ in 0..u.int_in_range(0..=4)? {
        let len = u.int_in_range(0..=4)? * 4;
        let mut data: Vec<u8> = (0..len).map(|i| if i % 4 == 3 { 0 } else { b'a' + (i % 26) as u8 }).collect();
        if u.ratio(1, 3)? {
            data.push(0);
        }
        let seg_name = *pick(u, &SEGMENTS)?;
        let align = if u.ratio(1, 20)? { u.int_in_range(0..=31)? } else { u.int_in_range(0..=3)? };
        let seg_flags = *pick(u, &[0u32, 0, 1, 2, 4, 1 | 4])?;
        let seg = o.segments.len() as u32;
        let size = data.len() as u64;
        o.segments.push(data);
        o.segment_info.push((seg_name.to_string(), align, seg_flags));
        if u.ratio(3, 4)? {
            let off = if size == 0 { 0 } else { u.int_in_range(0..=size)? };
            let sz = if u.ratio(1, 16)? { size + 1 } else { size - off };
            o.symbols.push(Sym::data(flags(u)?, pick(u, &NAMES)?, seg, off, sz));
        }
    }
    // Undefined data.
    if u.ratio(1, 3)? {
        o.symbols.push(Sym::Data { flags: flags(u)? & !flag::LOCAL | flag::UNDEFINED, name: pick(u, &NAMES)?.to_string(), def: None });
    }
    // A debug section with a section symbol and relocations.
    let with_debug = u.ratio(1, 3)?;
    if with_debug {
        o.customs.push((".debug_info".into(), vec![0; 16]));
        let mut strings = Vec::new();
        for _ in 0..u.int_in_range(1..=4)? {
            strings.extend_from_slice(pick(u, &[&b"abc\0"[..], b"bc\0", b"zzzzzz\0", b"\0", b"y"])?);
        }
        o.customs.push((".debug_str".into(), strings));
    }
    if with_debug {
        let section = o.custom_section_index(1);
        o.symbols.push(Sym::Section { flags: flag::LOCAL, section });
    }
    let nsyms = o.symbols.len();
    // Relocations on the code sites.
    for f in 0..nfuncs as usize {
        for site in 0..SITES {
            if u.ratio(1, 4)? {
                continue;
            }
            let at = At::Func(f, (2 + site_len * site) as u32);
            let op = o.bodies[f][1 + site_len * site];
            let kind = match op {
                0x41 if is64 => *pick(u, &[15u8, 18, 17, 24, 25])?,
                0x41 => *pick(u, &[reloc::MEMORY_ADDR_SLEB, reloc::TABLE_INDEX_SLEB, 11, 12, 21])?,
                0x10 => reloc::FUNCTION_INDEX_LEB,
                0x23 => *pick(u, &[reloc::GLOBAL_INDEX_LEB, reloc::GLOBAL_INDEX_LEB, 20])?,
                _ => reloc::TYPE_INDEX_LEB,
            };
            let target = if kind == reloc::TYPE_INDEX_LEB { index(u, 4)? } else { index(u, nsyms)? };
            let addend = if u.ratio(1, 8)? { u.arbitrary::<i32>()? as i64 } else { 0 };
            o.code_relocs.push(Reloc { kind, at, index: target, addend });
        }
    }
    // Relocations on data words.
    for (s, data) in o.segments.iter().enumerate() {
        let word = if is64 { 8 } else { 4 };
        for w in 0..data.len() / word {
            if u.ratio(1, 2)? {
                continue;
            }
            let kind = if is64 {
                *pick(u, &[16u8, 19, 22, 5, 13])?
            } else {
                *pick(u, &[reloc::MEMORY_ADDR_I32, reloc::TABLE_INDEX_I32, reloc::FUNCTION_OFFSET_I32, 23, 26, 13])?
            };
            let addend = if u.ratio(1, 8)? { u.arbitrary::<i32>()? as i64 } else { 0 };
            o.data_relocs.push(Reloc { kind, at: At::Seg(s, (word * w) as u32), index: index(u, nsyms)?, addend });
        }
    }
    // Debug relocations (a custom `reloc.` section against `.debug_info`).
    if with_debug {
        let section = o.custom_section_index(0);
        let mut p = uleb(u64::from(section));
        let n = u.int_in_range(0..=3)?;
        p.extend(uleb(n as u64));
        for i in 0..n {
            let kind = *pick(u, &[reloc::FUNCTION_OFFSET_I32, reloc::SECTION_OFFSET_I32, reloc::MEMORY_ADDR_I32])?;
            p.push(kind);
            p.extend(uleb(4 * i as u64));
            p.extend(uleb(u64::from(index(u, nsyms)?)));
            p.extend(builder::sleb(if u.ratio(1, 8)? { u.arbitrary()? } else { u.int_in_range(-2..=12)? }));
        }
        o.customs.push(("reloc..debug_info".into(), p));
    }
    // Constructors and COMDATs.
    for _ in 0..u.int_in_range(0..=2)? {
        o.init_funcs.push((u.int_in_range(0..=65535)?, index(u, nsyms)?));
    }
    if u.ratio(1, 3)? {
        let mut members = Vec::new();
        for _ in 0..u.int_in_range(1..=3)? {
            let kind = *pick(u, &[0u8, 1, 1, 5])?;
            let i = match kind {
                0 => index(u, o.segments.len())?,
                1 => imported_funcs + index(u, nfuncs as usize)?,
                _ => o.custom_section_index(0),
            };
            members.push((kind, i));
        }
        o.comdats.push((pick(u, &["c1", "c2"])?.to_string(), members));
    }
    Ok(o)
}

/// `#STUB` text: a few lines of a name from the pool and what it depends on, blank lines
/// and comments between.
fn stub_library(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    let mut text = String::from("#STUB\n");
    for _ in 0..u.int_in_range(1..=6)? {
        match u.int_in_range(0..=7)? {
            0 => text.push('\n'),
            1 => text.push_str("# comment\n"),
            _ => {
                let deps: Vec<&str> = (0..u.int_in_range(0..=3)?).map(|_| pick(u, &NAMES).copied()).collect::<Result<_>>()?;
                text.push_str(&format!("{}: {}\n", pick(u, &NAMES)?, deps.join(", ")));
            }
        }
    }
    Ok(text.into_bytes())
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let head: [u8; 8] = u.arbitrary()?;
    let options = inputs::options(head);
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..u.int_in_range(1..=3)? {
        let bytes = object(&mut u, options.is64)?.encode();
        if u.ratio(1, 3)? {
            files.push((format!("lib{i}.a"), archive(&[("m.o", &bytes)])));
        } else {
            files.push((format!("o{i}.o"), bytes));
        }
    }
    // Sometimes a stub library over the same names (read after the objects, so older corpus
    // entries, which run out of bytes first, keep their meaning).
    if u.ratio(1, 4)? {
        files.push(("host.stub".to_string(), stub_library(&mut u)?));
    }
    // `WELD_FUZZ_DUMP=file`: write this input in the `link` target's format, which is how
    // a finding becomes a regression test (`tests/fuzz-regressions/link-*`).
    if let Some(path) = std::env::var_os("WELD_FUZZ_DUMP") {
        let mut out = head.to_vec();
        for (i, (_, bytes)) in files.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(inputs::SEP);
            }
            out.extend_from_slice(bytes);
        }
        let _ = std::fs::write(path, out);
    }
    let listed: Vec<(String, &[u8])> = files.iter().map(|(n, b)| (n.clone(), &b[..])).collect();
    inputs::export(data, head, &[], &listed);
    let whole_archive = head[2] & 0x04 != 0;
    let lazy = head[6] & 0x01 != 0;
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .enumerate()
        .map(|(i, (n, b))| InputFile { name: n.clone(), bytes: b, whole_archive, lazy: lazy && i > 0, prepared: None })
        .collect();
    inputs::check_link(&inputs, &options);
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
