//! GNU thin archives (`llvm-ar --thin`, `!<thin>`): the archive holds the headers, the
//! symbol table and the long-name table, and names each member's file (relative to the
//! archive's directory) instead of holding its bytes.
//!
//! `inline_members` reads those files and writes the regular archive they stand for, with
//! the symbol table's member offsets moved to match, so that everything downstream (lazy
//! symbols, `--whole-archive`, members named `libfoo.a(dir/x.o)` as wasm-ld names them)
//! is the regular archive path. Every header field is checked as `archive.rs` checks them.

use super::archive::{decimal, long_name, trim_end, MAGIC, THIN_MAGIC};
use crate::diag::Diagnostic;

const HEADER_LEN: usize = 60;

/// The most member bytes one thin archive may bring in: its headers can name one big file
/// any number of times, and the inlined archive is held in memory.
pub const MAX_INLINED: usize = 1 << 31;

/// The regular archive equivalent to the thin archive `bytes` at `path`; `read` gives the
/// bytes of a member file (or why it cannot).
pub fn inline_members(path: &str, bytes: &[u8], mut read: impl FnMut(&str) -> Result<Vec<u8>, String>) -> Result<Vec<u8>, Diagnostic> {
    let malformed = |offset: usize, what: &str| Diagnostic::at(path, Some("archive"), Some(offset as u64), format!("truncated or malformed thin archive ({what})"));
    if !bytes.starts_with(THIN_MAGIC) {
        return Err(malformed(0, "missing !<thin> magic"));
    }
    let dir = path.rfind('/').and_then(|i| path.get(..=i)).unwrap_or("");
    let mut out = MAGIC.to_vec();
    // (old header offset, new header offset) of every member, in order.
    let mut moved: Vec<(u64, u64)> = Vec::new();
    // Where the symbol table's data is in `out`, and its field width.
    let mut symtab: Option<(std::ops::Range<usize>, usize)> = None;
    let mut long_names: &[u8] = &[];
    let mut pos = THIN_MAGIC.len();
    while pos < bytes.len() {
        let header = bytes.get(pos..pos.saturating_add(HEADER_LEN)).ok_or_else(|| malformed(pos, "truncated member header"))?;
        if header.get(58..60) != Some(b"`\n") {
            return Err(malformed(pos, "bad header terminator"));
        }
        let size = header.get(48..58).and_then(decimal).and_then(|n| usize::try_from(n).ok());
        let size = size.ok_or_else(|| malformed(pos, "size field is not a decimal number"))?;
        let name = header.get(..16).map(|n| trim_end(n, b' ')).unwrap_or_default();
        let inline = matches!(name, b"/" | b"/SYM64/" | b"//");
        let header_at = out.len();
        out.extend_from_slice(header);
        // `header` was read, so `pos + HEADER_LEN <= bytes.len()`.
        let start = pos.saturating_add(HEADER_LEN);
        if inline {
            let data = start.checked_add(size).and_then(|end| bytes.get(start..end)).ok_or_else(|| malformed(pos, "table extends past the end"))?;
            let table = out.len()..out.len().saturating_add(data.len());
            match name {
                b"//" => long_names = data,
                b"/" => symtab = Some((table, 4)),
                _ => symtab = Some((table, 8)),
            }
            out.extend_from_slice(data);
            // `data` was read, so this is at most one past the end.
            pos = start.saturating_add(size).saturating_add(size & 1);
        } else {
            let member = member_name(name, long_names).ok_or_else(|| malformed(pos, "bad member name"))?;
            let member = String::from_utf8_lossy(member).into_owned();
            let file = if member.starts_with('/') { member.clone() } else { format!("{dir}{member}") };
            // wasm-ld's words, naming the member as the archive does.
            let data = read(&file).map_err(|e| Diagnostic::error(format!("{path}: could not get the buffer for a child of the archive: '{member}': {e}")))?;
            if out.len().saturating_add(data.len()) > MAX_INLINED {
                return Err(Diagnostic::error(format!("{path}: thin archive members add up to more than {MAX_INLINED} bytes")));
            }
            let field = format!("{:<10}", data.len());
            if field.len() != 10 {
                return Err(Diagnostic::error(format!("{path}: thin archive member {file} is too large")));
            }
            if let Some(slot) = out.get_mut(header_at.saturating_add(48)..header_at.saturating_add(58)) {
                slot.copy_from_slice(field.as_bytes());
            }
            moved.push((pos as u64, header_at as u64));
            out.extend_from_slice(&data);
            pos = start;
        }
        if out.len() & 1 == 1 {
            out.push(b'\n');
        }
    }
    if let Some((table, width)) = symtab {
        if let Some(table) = out.get_mut(table) {
            relocate_symtab(table, width, &moved);
        }
    }
    Ok(out)
}

/// Rewrites the member offsets of a GNU symbol table (count, then offsets, each big-endian
/// of `width` bytes). An offset that names no member, or a count past the table's end, is
/// left for the archive reader to report.
fn relocate_symtab(out: &mut [u8], width: usize, moved: &[(u64, u64)]) {
    // The `i`th field's range; `None` past the end (or on overflow).
    let range = |i: usize| -> Option<std::ops::Range<usize>> {
        let start = i.checked_mul(width)?;
        Some(start..start.checked_add(width)?)
    };
    let field = |out: &[u8], i: usize| -> Option<u64> {
        let b = out.get(range(i)?)?;
        Some(b.iter().fold(0u64, |v, &x| v.wrapping_shl(8) | u64::from(x)))
    };
    let Some(count) = field(out, 0).and_then(|c| usize::try_from(c).ok()) else { return };
    for i in 1..=count {
        let Some(old) = field(out, i) else { return };
        let Ok(found) = moved.binary_search_by_key(&old, |&(o, _)| o) else { continue };
        let (Some(&(_, new)), Some(r)) = (moved.get(found), range(i)) else { continue };
        let bytes = new.to_be_bytes();
        if let (Some(slot), Some(value)) = (out.get_mut(r), bytes.get(8usize.saturating_sub(width)..)) {
            if slot.len() == value.len() {
                slot.copy_from_slice(value);
            }
        }
    }
}

/// A member's name: `name/`, or `/N` into the long-name table.
fn member_name<'a>(raw: &'a [u8], long_names: &'a [u8]) -> Option<&'a [u8]> {
    let name = match raw.strip_prefix(b"/") {
        Some(index) => long_name(long_names, index)?,
        None => raw,
    };
    Some(name.strip_suffix(b"/").unwrap_or(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_are_inlined_and_the_symbol_table_follows_them() {
        // A thin archive of `sub/x.o` (3 bytes) and `y.o` (2 bytes), with a symbol table
        // naming both, as llvm-ar --thin writes it.
        let header = |name: &str, size: usize| format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{size:<10}`\n", 0, 0, 0, 644).into_bytes();
        let names = b"sub/x.o/\ny.o/\n".to_vec();
        let mut thin = THIN_MAGIC.to_vec();
        let symtab_at = thin.len();
        let mut symtab = Vec::new();
        symtab.extend_from_slice(&2u32.to_be_bytes());
        symtab.extend_from_slice(&[0; 8]); // offsets, filled in below
        symtab.extend_from_slice(b"x\0y\0");
        thin.extend(header("/", symtab.len()));
        thin.extend(&symtab);
        thin.extend(header("//", names.len()));
        thin.extend(&names);
        let x_at = thin.len() as u32;
        thin.extend(header("/0", 3));
        let y_at = thin.len() as u32;
        thin.extend(header("/9", 2));
        let offsets = symtab_at + HEADER_LEN + 4;
        thin[offsets..offsets + 4].copy_from_slice(&x_at.to_be_bytes());
        thin[offsets + 4..offsets + 8].copy_from_slice(&y_at.to_be_bytes());

        let regular = inline_members("lib/libt.a", &thin, |p| match p {
            "lib/sub/x.o" => Ok(b"XXX".to_vec()),
            "lib/y.o" => Ok(b"YY".to_vec()),
            other => Err(format!("no {other}")),
        })
        .unwrap();
        let archive = super::super::archive::parse_archive("libt.a", &regular).unwrap();
        let members: Vec<(&str, &[u8])> = archive.members.iter().map(|m| (m.name.as_str(), m.data)).collect();
        assert_eq!(members, [("sub/x.o", &b"XXX"[..]), ("y.o", &b"YY"[..])]);
        assert_eq!(archive.symbol_index, [(&b"x"[..], 0), (&b"y"[..], 1)]);

        let missing = inline_members("libt.a", &thin, |_| Err("No such file or directory".into())).unwrap_err();
        assert!(missing.to_string().contains("libt.a: could not get the buffer for a child of the archive: 'sub/x.o'"), "{missing}");
        assert!(inline_members("t.a", &thin[..40], |_| Ok(Vec::new())).is_err());
        // One file named over and over cannot make the archive grow without bound.
        let big = inline_members("t.a", &thin, |_| Ok(vec![0; MAX_INLINED / 2 + 1])).unwrap_err();
        assert!(big.to_string().contains("add up to more than"), "{big}");
    }
}
