//! A small writer of relocatable wasm objects for tests that need inputs clang would never
//! produce: every count, index and offset can be set by hand, and each section's payload
//! can be replaced before the module is put together.
#![allow(dead_code)]

/// Unsigned LEB128, minimal.
pub fn uleb(mut v: u64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// Signed LEB128, minimal.
pub fn sleb(mut v: i64) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0) {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// Unsigned LEB128 padded to 5 bytes, as relocatable code has it.
pub fn uleb5(v: u32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut v = u64::from(v);
    for i in 0..5 {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if i < 4 { byte | 0x80 } else { byte });
    }
    out
}

/// The LEB of `u32::MAX`: the absurd count.
pub const HUGE: [u8; 5] = [0xff, 0xff, 0xff, 0xff, 0x0f];

pub fn name(s: &str) -> Vec<u8> {
    let mut out = uleb(s.len() as u64);
    out.extend_from_slice(s.as_bytes());
    out
}

/// A count followed by the items.
pub fn vec_of(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = uleb(items.len() as u64);
    for i in items {
        out.extend_from_slice(i);
    }
    out
}

pub mod id {
    pub const CUSTOM: u8 = 0;
    pub const TYPE: u8 = 1;
    pub const IMPORT: u8 = 2;
    pub const FUNCTION: u8 = 3;
    pub const TABLE: u8 = 4;
    pub const GLOBAL: u8 = 6;
    pub const EXPORT: u8 = 7;
    pub const CODE: u8 = 10;
    pub const DATA_COUNT: u8 = 12;
    pub const DATA: u8 = 11;
}

pub mod reloc {
    pub const FUNCTION_INDEX_LEB: u8 = 0;
    pub const TABLE_INDEX_SLEB: u8 = 1;
    pub const TABLE_INDEX_I32: u8 = 2;
    pub const MEMORY_ADDR_SLEB: u8 = 4;
    pub const MEMORY_ADDR_I32: u8 = 5;
    pub const TYPE_INDEX_LEB: u8 = 6;
    pub const GLOBAL_INDEX_LEB: u8 = 7;
    pub const FUNCTION_OFFSET_I32: u8 = 8;
    pub const SECTION_OFFSET_I32: u8 = 9;

    pub fn has_addend(kind: u8) -> bool {
        matches!(kind, 3 | 4 | 5 | 8 | 9 | 11 | 14 | 15 | 16 | 17 | 21 | 22 | 23 | 25)
    }
}

pub mod flag {
    pub const WEAK: u32 = 0x1;
    pub const LOCAL: u32 = 0x2;
    pub const HIDDEN: u32 = 0x4;
    pub const UNDEFINED: u32 = 0x10;
    pub const EXPORTED: u32 = 0x20;
    pub const EXPLICIT_NAME: u32 = 0x40;
}

/// A symbol-table entry, written as given (indices are not checked).
#[derive(Clone, Debug)]
pub enum Sym {
    /// Function, global, tag or table (kind 0, 2, 4, 5): index, and a name when defined or
    /// explicitly named.
    Indexed { kind: u8, flags: u32, index: u32, name: Option<String> },
    /// Data: a name, and (segment, offset, size) when defined.
    Data { flags: u32, name: String, def: Option<(u32, u64, u64)> },
    /// Section symbol: a section index.
    Section { flags: u32, section: u32 },
    /// Bytes written verbatim (kind byte first).
    Raw(Vec<u8>),
}

impl Sym {
    pub fn func(flags: u32, index: u32, name: &str) -> Sym {
        Sym::Indexed { kind: 0, flags, index, name: Some(name.to_string()) }
    }
    pub fn undefined_func(index: u32) -> Sym {
        Sym::Indexed { kind: 0, flags: flag::UNDEFINED, index, name: None }
    }
    pub fn global(flags: u32, index: u32, name: &str) -> Sym {
        Sym::Indexed { kind: 2, flags, index, name: Some(name.to_string()) }
    }
    pub fn data(flags: u32, name: &str, segment: u32, offset: u64, size: u64) -> Sym {
        Sym::Data { flags, name: name.to_string(), def: Some((segment, offset, size)) }
    }
    pub fn undefined_data(name: &str) -> Sym {
        Sym::Data { flags: flag::UNDEFINED, name: name.to_string(), def: None }
    }

    fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            Sym::Indexed { kind, flags, index, name } => {
                out.push(*kind);
                out.extend(uleb(u64::from(*flags)));
                out.extend(uleb(u64::from(*index)));
                if let Some(n) = name {
                    out.extend(self::name(n));
                }
            }
            Sym::Data { flags, name, def } => {
                out.push(1);
                out.extend(uleb(u64::from(*flags)));
                out.extend(self::name(name));
                if let Some((seg, off, size)) = def {
                    out.extend(uleb(u64::from(*seg)));
                    out.extend(uleb(*off));
                    out.extend(uleb(*size));
                }
            }
            Sym::Section { flags, section } => {
                out.push(3);
                out.extend(uleb(u64::from(*flags)));
                out.extend(uleb(u64::from(*section)));
            }
            Sym::Raw(b) => out.extend_from_slice(b),
        }
        out
    }
}

/// Where a relocation points.
#[derive(Clone, Copy, Debug)]
pub enum At {
    /// Byte `offset` of the content of function body `func` (after its size prefix).
    Func(usize, u32),
    /// Byte `offset` of data segment `seg`'s bytes.
    Seg(usize, u32),
    /// A raw section offset.
    Raw(u32),
}

#[derive(Clone, Debug)]
pub struct Reloc {
    pub kind: u8,
    pub at: At,
    pub index: u32,
    pub addend: i64,
}

impl Reloc {
    pub fn new(kind: u8, at: At, index: u32) -> Reloc {
        Reloc { kind, at, index, addend: 0 }
    }
}

/// A relocatable object, section by section. `Obj::base()` is a small valid one.
#[derive(Clone, Debug, Default)]
pub struct Obj {
    /// (params, results).
    pub types: Vec<(Vec<u8>, Vec<u8>)>,
    /// Raw import entries.
    pub imports: Vec<Vec<u8>>,
    /// Type index of each defined function.
    pub funcs: Vec<u32>,
    /// The DataCount section's payload, if there is one.
    pub data_count: Option<Vec<u8>>,
    /// Function bodies without the size prefix (locals, code, `end`).
    pub bodies: Vec<Vec<u8>>,
    /// Raw table types (element type, limits).
    pub tables: Vec<Vec<u8>>,
    /// Raw global entries (type, mutability, init expression).
    pub globals: Vec<Vec<u8>>,
    /// Raw export entries.
    pub exports: Vec<Vec<u8>>,
    /// Active segments at offset 0 (`i32.const 0`): their bytes.
    pub segments: Vec<Vec<u8>>,
    /// (name, log2 alignment, flags) of each segment.
    pub segment_info: Vec<(String, u32, u32)>,
    pub symbols: Vec<Sym>,
    /// (priority, symbol index).
    pub init_funcs: Vec<(u32, u32)>,
    /// (name, [(kind, index)]).
    pub comdats: Vec<(String, Vec<(u8, u32)>)>,
    pub code_relocs: Vec<Reloc>,
    pub data_relocs: Vec<Reloc>,
    /// Custom sections written after the data section: (name, payload).
    pub customs: Vec<(String, Vec<u8>)>,
    /// Leave out the `linking` section (a module that is not relocatable).
    pub no_linking: bool,
}

/// Offsets in the code section of each body's content, and in the data section of each
/// segment's bytes.
struct Offsets {
    bodies: Vec<u32>,
    segments: Vec<u32>,
}

impl Obj {
    /// Two functions, an imported function, two data segments, relocations of the usual
    /// kinds. Symbols: 0 `get` (func 1), 1 `_start` (func 2), 2 `x` (data, segment 0),
    /// 3 `ext` (imported func 0), 4 `.L.str` (local data, segment 1).
    pub fn base() -> Obj {
        let mut get = vec![0x00, 0x41]; // no locals; i32.const
        get.extend(sleb_padded5(0));
        get.push(0x0b);
        let mut start = vec![0x00, 0x10]; // no locals; call
        start.extend(uleb5(0));
        start.push(0x10); // call
        start.extend(uleb5(1));
        start.push(0x1a); // drop
        start.push(0x0b);
        let mut import = name("env");
        import.extend(name("ext"));
        import.extend([0x00, 0x01]); // function of type 1
        Obj {
            types: vec![(vec![], vec![0x7f]), (vec![], vec![])],
            imports: vec![import],
            funcs: vec![0, 1],
            bodies: vec![get, start],
            segments: vec![vec![1, 2, 3, 4, 0, 0, 0, 0], b"hi\0".to_vec()],
            segment_info: vec![(".data.x".into(), 2, 0), (".rodata.str1.1".into(), 0, 1)],
            symbols: vec![
                Sym::func(0, 1, "get"),
                Sym::func(0, 2, "_start"),
                Sym::data(0, "x", 0, 0, 8),
                Sym::Indexed { kind: 0, flags: flag::UNDEFINED | flag::EXPLICIT_NAME, index: 0, name: Some("ext".into()) },
                Sym::data(flag::LOCAL, ".L.str", 1, 0, 3),
            ],
            code_relocs: vec![
                Reloc::new(reloc::MEMORY_ADDR_SLEB, At::Func(0, 2), 2),
                Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Func(1, 2), 3),
                Reloc::new(reloc::FUNCTION_INDEX_LEB, At::Func(1, 8), 0),
            ],
            data_relocs: vec![Reloc { kind: reloc::MEMORY_ADDR_I32, at: At::Seg(0, 4), index: 4, addend: 1 }],
            ..Obj::default()
        }
    }

    /// The base object with its symbols renamed `get_TAG`, `start_TAG`, `x_TAG`, so that two
    /// of them link together: `start` and `x` local, `get` with the flags given.
    pub fn base_renamed(tag: &str, get_flags: u32) -> Obj {
        let mut o = Obj::base();
        o.symbols[0] = Sym::func(get_flags, 1, &format!("get_{tag}"));
        o.symbols[1] = Sym::func(flag::LOCAL, 2, &format!("start_{tag}"));
        o.symbols[2] = Sym::data(flag::LOCAL, &format!("x_{tag}"), 0, 0, 8);
        o
    }

    fn offsets(&self) -> Offsets {
        let mut pos = uleb(self.bodies.len() as u64).len();
        let mut bodies = Vec::new();
        for b in &self.bodies {
            pos += uleb(b.len() as u64).len();
            bodies.push(pos as u32);
            pos += b.len();
        }
        let mut pos = uleb(self.segments.len() as u64).len();
        let mut segments = Vec::new();
        for s in &self.segments {
            pos += 1 + 3 + uleb(s.len() as u64).len(); // flags, i32.const 0 end, size
            segments.push(pos as u32);
            pos += s.len();
        }
        Offsets { bodies, segments }
    }

    /// Section index (position among all sections) of custom section `i`.
    pub fn custom_section_index(&self, i: usize) -> u32 {
        let late = |n: &str| is_late_custom(n);
        let Some((n, _)) = self.customs.get(i) else { return u32::MAX };
        let standard = self.standard_sections().len();
        let early = self.customs.iter().filter(|(n, _)| !late(n)).count();
        let before = |early_group: bool| self.customs[..i].iter().filter(|(n, _)| late(n) != early_group).count();
        if !late(n) {
            return (standard + before(true)) as u32;
        }
        let relocs = usize::from(!self.code_relocs.is_empty()) + usize::from(!self.data_relocs.is_empty());
        (standard + early + usize::from(!self.no_linking) + relocs + before(false)) as u32
    }

    fn standard_sections(&self) -> Vec<(u8, Vec<u8>)> {
        let mut out = Vec::new();
        if !self.types.is_empty() {
            let types: Vec<Vec<u8>> = self
                .types
                .iter()
                .map(|(p, r)| {
                    let mut t = vec![0x60];
                    t.extend(vec_of(&p.iter().map(|&b| vec![b]).collect::<Vec<_>>()));
                    t.extend(vec_of(&r.iter().map(|&b| vec![b]).collect::<Vec<_>>()));
                    t
                })
                .collect();
            out.push((id::TYPE, vec_of(&types)));
        }
        if !self.imports.is_empty() {
            out.push((id::IMPORT, vec_of(&self.imports)));
        }
        if !self.funcs.is_empty() {
            out.push((id::FUNCTION, vec_of(&self.funcs.iter().map(|&t| uleb(u64::from(t))).collect::<Vec<_>>())));
        }
        if !self.tables.is_empty() {
            out.push((id::TABLE, vec_of(&self.tables)));
        }
        if !self.globals.is_empty() {
            out.push((id::GLOBAL, vec_of(&self.globals)));
        }
        if !self.exports.is_empty() {
            out.push((id::EXPORT, vec_of(&self.exports)));
        }
        if let Some(payload) = &self.data_count {
            out.push((id::DATA_COUNT, payload.clone()));
        }
        if !self.bodies.is_empty() {
            let bodies: Vec<Vec<u8>> = self
                .bodies
                .iter()
                .map(|b| {
                    let mut e = uleb(b.len() as u64);
                    e.extend_from_slice(b);
                    e
                })
                .collect();
            out.push((id::CODE, vec_of(&bodies)));
        }
        if !self.segments.is_empty() {
            let segs: Vec<Vec<u8>> = self
                .segments
                .iter()
                .map(|s| {
                    let mut e = vec![0x00, 0x41, 0x00, 0x0b];
                    e.extend(uleb(s.len() as u64));
                    e.extend_from_slice(s);
                    e
                })
                .collect();
            out.push((id::DATA, vec_of(&segs)));
        }
        out
    }

    /// The `linking` section's payload (after its name).
    pub fn linking_payload(&self) -> Vec<u8> {
        let mut p = uleb(2);
        let sub = |p: &mut Vec<u8>, kind: u8, body: Vec<u8>| {
            p.push(kind);
            p.extend(uleb(body.len() as u64));
            p.extend(body);
        };
        if !self.segment_info.is_empty() {
            let entries: Vec<Vec<u8>> = self
                .segment_info
                .iter()
                .map(|(n, a, f)| {
                    let mut e = name(n);
                    e.extend(uleb(u64::from(*a)));
                    e.extend(uleb(u64::from(*f)));
                    e
                })
                .collect();
            sub(&mut p, 5, vec_of(&entries));
        }
        if !self.init_funcs.is_empty() {
            let entries: Vec<Vec<u8>> = self
                .init_funcs
                .iter()
                .map(|(prio, s)| {
                    let mut e = uleb(u64::from(*prio));
                    e.extend(uleb(u64::from(*s)));
                    e
                })
                .collect();
            sub(&mut p, 6, vec_of(&entries));
        }
        if !self.comdats.is_empty() {
            let entries: Vec<Vec<u8>> = self
                .comdats
                .iter()
                .map(|(n, members)| {
                    let mut e = name(n);
                    e.push(0); // flags
                    e.extend(vec_of(&members.iter().map(|(k, i)| [vec![*k], uleb(u64::from(*i))].concat()).collect::<Vec<_>>()));
                    e
                })
                .collect();
            sub(&mut p, 7, vec_of(&entries));
        }
        if !self.symbols.is_empty() {
            sub(&mut p, 8, vec_of(&self.symbols.iter().map(Sym::encode).collect::<Vec<_>>()));
        }
        p
    }

    fn reloc_payload(&self, section: u32, relocs: &[Reloc], offs: &Offsets) -> Vec<u8> {
        let mut p = uleb(u64::from(section));
        p.extend(uleb(relocs.len() as u64));
        for r in relocs {
            let offset = match r.at {
                At::Func(f, o) => offs.bodies[f] + o,
                At::Seg(s, o) => offs.segments[s] + o,
                At::Raw(o) => o,
            };
            p.push(r.kind);
            p.extend(uleb(u64::from(offset)));
            p.extend(uleb(u64::from(r.index)));
            if reloc::has_addend(r.kind) {
                p.extend(sleb(r.addend));
            }
        }
        p
    }

    /// Every section as (id, payload); custom payloads start with their name.
    pub fn sections(&self) -> Vec<(u8, Vec<u8>)> {
        let offs = self.offsets();
        let mut out = self.standard_sections();
        let code_index = out.iter().position(|(id, _)| *id == id::CODE);
        let data_index = out.iter().position(|(id, _)| *id == id::DATA);
        // In LLVM's order: other custom sections (`.debug_*`), `linking`, the `reloc.*`
        // sections, then `name`/`producers`/`target_features` (see `is_late_custom`).
        for (n, payload) in self.customs.iter().filter(|(n, _)| !is_late_custom(n)) {
            out.push((id::CUSTOM, [name(n), payload.clone()].concat()));
        }
        if !self.no_linking {
            out.push((id::CUSTOM, [name("linking"), self.linking_payload()].concat()));
        }
        if let (Some(i), false) = (code_index, self.code_relocs.is_empty()) {
            out.push((id::CUSTOM, [name("reloc.CODE"), self.reloc_payload(i as u32, &self.code_relocs, &offs)].concat()));
        }
        if let (Some(i), false) = (data_index, self.data_relocs.is_empty()) {
            out.push((id::CUSTOM, [name("reloc.DATA"), self.reloc_payload(i as u32, &self.data_relocs, &offs)].concat()));
        }
        for (n, payload) in self.customs.iter().filter(|(n, _)| is_late_custom(n)) {
            out.push((id::CUSTOM, [name(n), payload.clone()].concat()));
        }
        out
    }

    pub fn encode(&self) -> Vec<u8> {
        module(&self.sections())
    }
}

/// Custom sections that LLVM wants after `linking`: relocations and the ones after them in
/// its order (a `.debug_*` section or any other name goes before `linking`).
fn is_late_custom(name: &str) -> bool {
    name.starts_with("reloc.") || ["name", "producers", "target_features"].contains(&name)
}

/// A module from (id, payload) sections.
/// An import-section entry: table `env.FIELD` of funcref, no minimum, no maximum.
pub fn table_import(field: &str) -> Vec<u8> {
    [name("env"), name(field), vec![0x01, 0x70, 0x00, 0x00]].concat()
}

pub fn module(sections: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = b"\0asm\x01\0\0\0".to_vec();
    for (id, payload) in sections {
        out.push(*id);
        out.extend(uleb(payload.len() as u64));
        out.extend_from_slice(payload);
    }
    out
}

/// Signed LEB128 padded to 5 bytes.
pub fn sleb_padded5(v: i32) -> Vec<u8> {
    let mut out = Vec::new();
    let mut v = i64::from(v);
    for i in 0..5 {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        out.push(if i < 4 { byte | 0x80 } else { byte });
    }
    out
}

/// An `ar` archive (GNU format, no symbol table) of `(name, bytes)` members; names longer
/// than 15 bytes go to a `//` table.
pub fn archive(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = b"!<arch>\n".to_vec();
    let mut long = Vec::new();
    let mut names = Vec::new();
    for (n, _) in members {
        if n.len() > 15 {
            names.push(format!("/{}", long.len()));
            long.extend_from_slice(n.as_bytes());
            long.extend_from_slice(b"/\n");
        } else {
            names.push(format!("{n}/"));
        }
    }
    let entry = |out: &mut Vec<u8>, name: &str, size: &str, data: &[u8]| {
        out.extend(format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{size:<10}`\n", 0, 0, 0, 644).into_bytes());
        out.extend_from_slice(data);
        if out.len() % 2 == 1 {
            out.push(b'\n');
        }
    };
    if !long.is_empty() {
        entry(&mut out, "//", &long.len().to_string(), &long);
    }
    for ((_, data), n) in members.iter().zip(&names) {
        entry(&mut out, n, &data.len().to_string(), data);
    }
    out
}
