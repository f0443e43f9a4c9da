//! A small reader for linked wasm modules: just what the differential test compares.
//!
//! Every read is bounds-checked; malformed input gives `Err`, never a panic.

use std::collections::BTreeMap;
use std::fmt;

/// The linker-visible shape of a module.
#[derive(Debug, Default)]
pub struct Module {
    /// Function types as text, e.g. `(i32, i32) -> (i32)`, by type index.
    pub types: Vec<String>,
    pub imports: Vec<Import>,
    pub exports: Vec<Export>,
    pub memories: Vec<Limits>,
    pub tables: Vec<Table>,
    /// Defined globals, in index order (after the imported ones).
    pub globals: Vec<Global>,
    pub imported_globals: u32,
    pub defined_functions: u32,
    pub start: Option<u32>,
    /// Active data segments as (offset expression, length), passive ones as ("passive", len).
    pub data_segments: Vec<(String, usize)>,
    /// Element segments: "[offset] N functions" for active ones, "passive N"/"declarative N".
    pub elements: Vec<String>,
    /// Custom sections (name, contents), in order.
    pub custom_sections: Vec<(String, Vec<u8>)>,
    /// The module name from the `name` section (subsection 0).
    pub module_name: Option<String>,
    /// Global names from the `name` section (subsection 7), by global index.
    pub global_names: BTreeMap<u32, String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub module: String,
    pub name: String,
    pub kind: Kind,
    /// Signature of an imported function, limits of an imported memory or table, type of an
    /// imported global.
    pub detail: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub name: String,
    pub kind: Kind,
    pub index: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Func,
    Table,
    Memory,
    Global,
    Tag,
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Func => "func",
            Kind::Table => "table",
            Kind::Memory => "memory",
            Kind::Global => "global",
            Kind::Tag => "tag",
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub initial: u64,
    pub maximum: Option<u64>,
    pub shared: bool,
    pub is64: bool,
}

impl fmt::Display for Limits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "initial={}", self.initial)?;
        match self.maximum {
            Some(max) => write!(f, " max={max}")?,
            None => write!(f, " max=none")?,
        }
        if self.shared {
            write!(f, " shared")?;
        }
        if self.is64 {
            write!(f, " i64")?;
        }
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub elem_type: String,
    pub limits: Limits,
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.elem_type, self.limits)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Global {
    pub ty: String,
    pub mutable: bool,
    /// The init expression, e.g. `i32.const 66560`.
    pub init: String,
}

impl fmt::Display for Global {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mutability = if self.mutable { "mut " } else { "" };
        write!(f, "{mutability}{} = {}", self.ty, self.init)
    }
}

impl Module {
    /// Defined globals that have a name (from the name section or an export), by name.
    pub fn named_globals(&self) -> BTreeMap<String, &Global> {
        let mut named = BTreeMap::new();
        for (i, global) in self.globals.iter().enumerate() {
            let index = self.imported_globals + i as u32;
            if let Some(name) = self.global_names.get(&index) {
                named.insert(name.clone(), global);
            }
            for export in &self.exports {
                if export.kind == Kind::Global && export.index == index {
                    named.insert(format!("export {}", export.name), global);
                }
            }
        }
        named
    }
}

const MAGIC: &[u8] = b"\0asm";

pub fn parse(bytes: &[u8]) -> Result<Module, String> {
    let mut r = Reader::new(bytes);
    if r.bytes(4)? != MAGIC {
        return Err("not a wasm module (bad magic)".into());
    }
    let version = r.bytes(4)?;
    if version != [1, 0, 0, 0] {
        return Err(format!("unsupported wasm version {version:?}"));
    }
    let mut module = Module::default();
    while !r.at_end() {
        let id = r.u8()?;
        let size = r.u32()? as usize;
        let start = r.pos;
        let body = r
            .bytes(size)
            .map_err(|_| format!("section {id} at {start} runs past the end"))?;
        let mut s = Reader::new(body);
        s.base = start;
        module
            .read_section(id, &mut s)
            .map_err(|e| format!("section {id}: {e}"))?;
    }
    Ok(module)
}

impl Module {
    fn read_section(&mut self, id: u8, s: &mut Reader) -> Result<(), String> {
        match id {
            0 => {
                let name = s.name()?;
                let contents = s.bytes(s.remaining())?;
                if name == "name" {
                    // A malformed name section is not fatal for the comparison.
                    let _ = self.read_names(&mut Reader::new(contents));
                }
                self.custom_sections.push((name, contents.to_vec()));
                return Ok(());
            }
            1 => {
                for _ in 0..s.u32()? {
                    let form = s.u8()?;
                    if form != 0x60 {
                        return Err(format!("unsupported type form 0x{form:02x}"));
                    }
                    let params = s.val_types()?;
                    let results = s.val_types()?;
                    self.types.push(format!("({params}) -> ({results})"));
                }
            }
            2 => {
                for _ in 0..s.u32()? {
                    let module = s.name()?;
                    let name = s.name()?;
                    let (kind, detail) = match s.u8()? {
                        0 => {
                            let index = s.u32()? as usize;
                            let signature = self.types.get(index).cloned();
                            (
                                Kind::Func,
                                signature.unwrap_or_else(|| format!("type {index}?")),
                            )
                        }
                        1 => (
                            Kind::Table,
                            format!("{} {}", ref_type(s.u8()?), s.limits()?),
                        ),
                        2 => (Kind::Memory, s.limits()?.to_string()),
                        3 => {
                            self.imported_globals += 1;
                            let ty = val_type(s.u8()?);
                            let mutable = if s.u8()? == 1 { "mut " } else { "" };
                            (Kind::Global, format!("{mutable}{ty}"))
                        }
                        4 => (Kind::Tag, format!("tag {} {}", s.u8()?, s.u32()?)),
                        other => return Err(format!("unknown import kind {other}")),
                    };
                    self.imports.push(Import {
                        module,
                        name,
                        kind,
                        detail,
                    });
                }
            }
            3 => {
                // The type indices that follow are not compared.
                self.defined_functions = s.u32()?;
                return Ok(());
            }
            4 => {
                for _ in 0..s.u32()? {
                    let elem_type = ref_type(s.u8()?);
                    self.tables.push(Table {
                        elem_type,
                        limits: s.limits()?,
                    });
                }
            }
            5 => {
                for _ in 0..s.u32()? {
                    self.memories.push(s.limits()?);
                }
            }
            6 => {
                for _ in 0..s.u32()? {
                    let ty = val_type(s.u8()?);
                    let mutable = s.u8()? == 1;
                    let init = s.const_expr()?;
                    self.globals.push(Global { ty, mutable, init });
                }
            }
            7 => {
                for _ in 0..s.u32()? {
                    let name = s.name()?;
                    let kind = match s.u8()? {
                        0 => Kind::Func,
                        1 => Kind::Table,
                        2 => Kind::Memory,
                        3 => Kind::Global,
                        4 => Kind::Tag,
                        other => return Err(format!("unknown export kind {other}")),
                    };
                    self.exports.push(Export {
                        name,
                        kind,
                        index: s.u32()?,
                    });
                }
            }
            8 => self.start = Some(s.u32()?),
            9 => {
                for _ in 0..s.u32()? {
                    let element = s.element_segment()?;
                    self.elements.push(element);
                }
            }
            11 => {
                for _ in 0..s.u32()? {
                    let segment = match s.u32()? {
                        0 => s.const_expr()?,
                        1 => "passive".to_string(),
                        2 => {
                            let memory = s.u32()?;
                            format!("memory {memory} {}", s.const_expr()?)
                        }
                        other => return Err(format!("unknown data segment flags {other}")),
                    };
                    let len = s.u32()? as usize;
                    s.bytes(len)?;
                    self.data_segments.push((segment, len));
                }
            }
            // Code, data count and unknown sections: nothing compared.
            _ => return Ok(()),
        }
        if !s.at_end() {
            return Err(format!("{} trailing bytes", s.remaining()));
        }
        Ok(())
    }

    fn read_names(&mut self, s: &mut Reader) -> Result<(), String> {
        while !s.at_end() {
            let sub = s.u8()?;
            let size = s.u32()? as usize;
            let mut body = Reader::new(s.bytes(size)?);
            if sub == 0 {
                self.module_name = Some(body.name()?);
            } else if sub == 7 {
                for _ in 0..body.u32()? {
                    let index = body.u32()?;
                    self.global_names.insert(index, body.name()?);
                }
            }
        }
        Ok(())
    }
}

fn val_type(byte: u8) -> String {
    match byte {
        0x7f => "i32".into(),
        0x7e => "i64".into(),
        0x7d => "f32".into(),
        0x7c => "f64".into(),
        0x7b => "v128".into(),
        other => ref_type(other),
    }
}

fn ref_type(byte: u8) -> String {
    match byte {
        0x70 => "funcref".into(),
        0x6f => "externref".into(),
        other => format!("type(0x{other:02x})"),
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes` in the file, for messages.
    base: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader {
            bytes,
            pos: 0,
            base: 0,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn eof(&self) -> String {
        format!("unexpected end at offset {}", self.base + self.pos)
    }

    fn u8(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.pos).ok_or_else(|| self.eof())?;
        self.pos += 1;
        Ok(byte)
    }

    fn bytes(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.eof())?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn uleb(&mut self, bits: u32) -> Result<u64, String> {
        let mut result = 0u64;
        let mut shift = 0;
        loop {
            let byte = self.u8()?;
            if shift >= bits {
                return Err(format!(
                    "LEB128 too long at offset {}",
                    self.base + self.pos
                ));
            }
            result |= u64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                return Ok(result);
            }
        }
    }

    fn sleb(&mut self, bits: u32) -> Result<i64, String> {
        let mut result = 0i64;
        let mut shift = 0;
        loop {
            let byte = self.u8()?;
            if shift >= bits {
                return Err(format!(
                    "LEB128 too long at offset {}",
                    self.base + self.pos
                ));
            }
            result |= i64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 {
                    result |= -1i64 << shift;
                }
                return Ok(result);
            }
        }
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(self.uleb(32)? as u32)
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.u32()? as usize;
        let bytes = self.bytes(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| "name is not UTF-8".to_string())
    }

    /// A vector of value types as text, e.g. `i32, f64`.
    fn val_types(&mut self) -> Result<String, String> {
        let count = self.u32()?;
        let types: Result<Vec<String>, String> =
            (0..count).map(|_| Ok(val_type(self.u8()?))).collect();
        Ok(types?.join(", "))
    }

    fn limits(&mut self) -> Result<Limits, String> {
        let flags = self.u8()?;
        if flags & !0x07 != 0 {
            return Err(format!("bad limits flags 0x{flags:02x}"));
        }
        let initial = self.uleb(64)?;
        let maximum = if flags & 1 != 0 {
            Some(self.uleb(64)?)
        } else {
            None
        };
        Ok(Limits {
            initial,
            maximum,
            shared: flags & 2 != 0,
            is64: flags & 4 != 0,
        })
    }

    /// An element segment as "table T [OFFSET] N entries", "passive N entries" or
    /// "declarative N entries".
    fn element_segment(&mut self) -> Result<String, String> {
        // Bit 0: passive or declarative; bit 1: explicit table index (active) or
        // declarative; bit 2: elements are expressions rather than function indices.
        let flags = self.u32()?;
        if flags > 7 {
            return Err(format!("unknown element segment flags {flags}"));
        }
        let place = match flags & 3 {
            0 => format!("table 0 [{}]", self.const_expr()?),
            1 => "passive".to_string(),
            2 => {
                let table = self.u32()?;
                format!("table {table} [{}]", self.const_expr()?)
            }
            _ => "declarative".to_string(),
        };
        if flags & 3 != 0 {
            self.u8()?; // element kind or reference type
        }
        let count = self.u32()?;
        for _ in 0..count {
            if flags & 4 != 0 {
                self.const_expr()?;
            } else {
                self.u32()?;
            }
        }
        Ok(format!("{place} {count} entries"))
    }

    /// A constant expression as text, e.g. `i32.const 1024` or `global.get 0; i32.const 8; i32.add`.
    fn const_expr(&mut self) -> Result<String, String> {
        let mut parts = Vec::new();
        loop {
            let op = self.u8()?;
            let part = match op {
                0x0b => break,
                0x41 => format!("i32.const {}", self.sleb(32)? as i32),
                0x42 => format!("i64.const {}", self.sleb(64)?),
                0x43 => format!("f32.const {}", f32::from_le_bytes(self.array()?)),
                0x44 => format!("f64.const {}", f64::from_le_bytes(self.array()?)),
                0x23 => format!("global.get {}", self.u32()?),
                0xd0 => format!("ref.null {}", ref_type(self.u8()?)),
                0xd2 => format!("ref.func {}", self.u32()?),
                0x6a => "i32.add".into(),
                0x6b => "i32.sub".into(),
                0x6c => "i32.mul".into(),
                0x7c => "i64.add".into(),
                0x7d => "i64.sub".into(),
                0x7e => "i64.mul".into(),
                other => {
                    return Err(format!(
                        "unsupported opcode 0x{other:02x} in constant expression"
                    ))
                }
            };
            parts.push(part);
        }
        Ok(parts.join("; "))
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let bytes = self.bytes(N)?;
        bytes.try_into().map_err(|_| self.eof())
    }
}

/// A module's sections in order: id, name (custom sections; empty for the others) and
/// payload (after a custom section's name).
pub fn sections(bytes: &[u8]) -> Result<Vec<(u8, String, Vec<u8>)>, String> {
    let mut r = Reader::new(bytes);
    if r.bytes(4)? != MAGIC {
        return Err("not a wasm module (bad magic)".into());
    }
    r.bytes(4)?;
    let mut out = Vec::new();
    while !r.at_end() {
        let id = r.u8()?;
        let size = r.u32()? as usize;
        let mut s = Reader::new(r.bytes(size)?);
        let name = if id == 0 { s.name()? } else { String::new() };
        out.push((id, name, s.bytes(s.remaining())?.to_vec()));
    }
    Ok(out)
}

/// The function-names subsection of a `name` section's payload: the count it declares and
/// the (index, name) entries it holds, read up to the end of the subsection even when
/// the count says there are more.
pub fn function_names(payload: &[u8]) -> Option<(u32, Vec<(u32, String)>)> {
    let mut r = Reader::new(payload);
    while !r.at_end() {
        let id = r.u8().ok()?;
        let size = r.u32().ok()? as usize;
        let mut sub = Reader::new(r.bytes(size).ok()?);
        if id != 1 {
            continue;
        }
        let declared = sub.u32().ok()?;
        let mut names = Vec::new();
        while !sub.at_end() {
            let index = sub.u32().ok()?;
            names.push((index, sub.name().ok()?));
        }
        return Some((declared, names));
    }
    None
}
