//! Zero-copy reader for `ar` archives (static libraries), GNU and BSD flavours.
//!
//! Every size and offset read from the file is checked before use: malformed archives must
//! become diagnostics, never panics. Arithmetic is done in u64 because this code also runs on
//! wasm32, where `usize` is 32 bits.

use crate::diag::Diagnostic;

pub const MAGIC: &[u8] = b"!<arch>\n";
pub const THIN_MAGIC: &[u8] = b"!<thin>\n";
const HEADER_LEN: u64 = 60;

/// A parsed archive. Member data and symbol names borrow from the archive bytes.
#[derive(Clone, Debug, Default)]
pub struct Archive<'a> {
    /// Regular members in file order; symbol tables and the long-name table are not listed.
    pub members: Vec<Member<'a>>,
    /// The archive's symbol index, in file order: (symbol name, index into `members`).
    pub symbol_index: Vec<(&'a [u8], u32)>,
}

#[derive(Clone, Debug)]
pub struct Member<'a> {
    pub name: String,
    /// Offset of `data` within the archive.
    pub offset: u64,
    pub data: &'a [u8],
}

/// How wasm-ld names an archive member in diagnostics: `libc.a(printf.o)`.
pub fn member_display_name(archive: &str, member: &str) -> String {
    format!("{archive}({member})")
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SymtabKind {
    /// `/`: big-endian u32 count, offsets, then NUL-terminated names.
    Gnu32,
    /// `/SYM64/`: as `Gnu32` with u64 fields.
    Gnu64,
    /// `__.SYMDEF`: little-endian (name index, offset) pairs, then a string table.
    Bsd32,
    /// `__.SYMDEF_64`: as `Bsd32` with u64 fields.
    Bsd64,
}

/// What a member header introduces.
enum Entry<'a> {
    Symtab(SymtabKind),
    LongNames,
    Member(&'a [u8]),
}

pub fn parse_archive<'a>(file: &str, bytes: &'a [u8]) -> Result<Archive<'a>, Diagnostic> {
    let error = |offset: u64, msg: String| Diagnostic::at(file, Some("archive"), Some(offset), msg);
    let malformed = |offset: u64, what: String| error(offset, format!("truncated or malformed archive ({what})"));
    if bytes.starts_with(THIN_MAGIC) {
        // The command line reads a thin archive's member files first (`thin.rs`); given
        // as bytes (the JS API), its members are not there.
        return Err(error(0, "a thin archive only names its members' files: link through the command line (wasmLd), or pass the members".into()));
    }
    if !bytes.starts_with(MAGIC) {
        return Err(error(0, "not an archive: missing !<arch> magic".into()));
    }

    let end = bytes.len() as u64;
    let mut pos = MAGIC.len() as u64;
    let mut archive = Archive::default();
    // Header offset of each entry in `archive.members`: the symbol index refers to members by it.
    let mut header_offsets = Vec::new();
    let mut long_names: Option<&[u8]> = None;
    let mut symtab: Option<(SymtabKind, &[u8], u64)> = None;

    while pos < end {
        let header: &[u8; 60] = slice(bytes, pos, HEADER_LEN).and_then(|h| h.try_into().ok()).ok_or_else(|| {
            malformed(pos, "remaining size of archive too small for next archive member header".into())
        })?;
        if header[58..60] != *b"`\n" {
            return Err(malformed(
                pos,
                "terminator characters in archive member header are not the correct \"`\\n\" values".into(),
            ));
        }
        let size = decimal(&header[48..58]).ok_or_else(|| {
            malformed(
                pos,
                format!(
                    "characters in size field in archive header are not all decimal numbers: '{}'",
                    lossy(trim_end(&header[48..58], b' '))
                ),
            )
        })?;
        let past_end = || malformed(pos, format!("member size {size} extends past the end of the archive"));
        // The header was read, so `pos + HEADER_LEN <= end`; checked anyway.
        let mut data_offset = pos.checked_add(HEADER_LEN).ok_or_else(past_end)?;
        let mut data = slice(bytes, data_offset, size).ok_or_else(past_end)?;
        let next = data_offset.checked_add(size).ok_or_else(past_end)?;

        let raw_name = trim_end(&header[..16], b' ');
        let entry = classify(raw_name, &mut data, &mut data_offset, long_names).map_err(|what| malformed(pos, what))?;
        // Members start at even offsets. As in LLVM, the pad byte after an odd-sized last
        // member may not be missing: a tool that dropped it may have cut the archive short.
        let padded = next.saturating_add(next & 1);
        if padded > end {
            let name = match &entry {
                Entry::Member(name) => lossy(name),
                _ => lossy(raw_name),
            };
            return Err(malformed(pos, format!("offset to next archive member past the end of the archive after member {name}")));
        }
        match entry {
            Entry::Symtab(kind) => {
                if symtab.is_some() {
                    return Err(malformed(pos, "more than one symbol table".into()));
                }
                symtab = Some((kind, data, data_offset));
            }
            Entry::LongNames => long_names = Some(data),
            Entry::Member(name) => {
                header_offsets.push(pos);
                archive.members.push(Member { name: lossy(name), offset: data_offset, data });
            }
        }
        pos = padded;
    }

    if let Some((kind, data, offset)) = symtab {
        let entries = parse_symtab(kind, data)
            .ok_or_else(|| malformed(offset, "symbol table is truncated or its counts exceed its size".into()))?;
        for (name, header_offset) in entries {
            let index = header_offsets.binary_search(&header_offset).ok().and_then(|i| u32::try_from(i).ok());
            let index = index.ok_or_else(|| {
                malformed(
                    offset,
                    format!(
                        "symbol table entry for '{}' refers to offset {header_offset}, which is not an archive member",
                        lossy(name)
                    ),
                )
            })?;
            archive.symbol_index.push((name, index));
        }
    }
    Ok(archive)
}

/// Decide what a header introduces from its name field. BSD `#1/N` names are stored in front
/// of the member data, so those move `data` and `data_offset` past the name.
fn classify<'a>(
    raw: &'a [u8],
    data: &mut &'a [u8],
    data_offset: &mut u64,
    long_names: Option<&'a [u8]>,
) -> Result<Entry<'a>, String> {
    match raw {
        b"/" => return Ok(Entry::Symtab(SymtabKind::Gnu32)),
        b"/SYM64/" => return Ok(Entry::Symtab(SymtabKind::Gnu64)),
        b"//" => return Ok(Entry::LongNames),
        _ => {}
    }
    if let Some(len) = raw.strip_prefix(b"#1/") {
        let n = decimal(len).ok_or_else(|| {
            format!("long name length characters after the #1/ are not all decimal numbers: '{}'", lossy(len))
        })?;
        let (name, rest) =
            take(data, n).ok_or_else(|| format!("long name length {n} extends past the end of the member"))?;
        *data = rest;
        *data_offset = data_offset.saturating_add(n);
        // Darwin pads the name with NULs to keep member data aligned.
        return Ok(match trim_end(name, 0) {
            b"__.SYMDEF" | b"__.SYMDEF SORTED" => Entry::Symtab(SymtabKind::Bsd32),
            b"__.SYMDEF_64" | b"__.SYMDEF_64 SORTED" => Entry::Symtab(SymtabKind::Bsd64),
            name => Entry::Member(name),
        });
    }
    match raw {
        b"__.SYMDEF" | b"__.SYMDEF SORTED" => Ok(Entry::Symtab(SymtabKind::Bsd32)),
        b"__.SYMDEF_64" | b"__.SYMDEF_64 SORTED" => Ok(Entry::Symtab(SymtabKind::Bsd64)),
        [b'/', index @ ..] => {
            let table = long_names
                .ok_or_else(|| format!("long name reference '{}' but no // string table precedes it", lossy(raw)))?;
            let name = long_name(table, index).ok_or_else(|| {
                format!("long name offset '{}' is not a valid offset into the string table", lossy(index))
            })?;
            Ok(Entry::Member(name.strip_suffix(b"/").unwrap_or(name)))
        }
        _ => Ok(Entry::Member(raw.strip_suffix(b"/").unwrap_or(raw))),
    }
}

/// A GNU long name: `/N` points at offset N of the `//` table; names end at `\n` (GNU) or NUL.
pub(super) fn long_name<'a>(table: &'a [u8], index: &[u8]) -> Option<&'a [u8]> {
    let rest = table.get(usize::try_from(decimal(index)?).ok()?..)?;
    let end = rest.iter().position(|&b| b == b'\n' || b == 0).unwrap_or(rest.len());
    rest.get(..end)
}

/// The symbol table's (name, member header offset) pairs, or `None` if it is truncated.
fn parse_symtab(kind: SymtabKind, data: &[u8]) -> Option<Vec<(&[u8], u64)>> {
    let mut entries = Vec::new();
    match kind {
        SymtabKind::Gnu32 | SymtabKind::Gnu64 => {
            let width = if kind == SymtabKind::Gnu64 { 8 } else { 4 };
            let (count, rest) = uint(data, width, true)?;
            // `take` checks the count against the bytes actually present.
            let (offsets, mut names) = take(rest, count.checked_mul(width)?)?;
            for offset in offsets.chunks_exact(usize::try_from(width).ok()?) {
                let (name, tail) = split_nul(names)?;
                names = tail;
                entries.push((name, uint(offset, width, true)?.0));
            }
        }
        SymtabKind::Bsd32 | SymtabKind::Bsd64 => {
            let width = if kind == SymtabKind::Bsd64 { 8 } else { 4 };
            let (ranlib_len, rest) = uint(data, width, false)?;
            let (ranlibs, rest) = take(rest, ranlib_len)?;
            let (strtab_len, rest) = uint(rest, width, false)?;
            let (strtab, _) = take(rest, strtab_len)?;
            let pairs = ranlibs.chunks_exact(usize::try_from(width.checked_mul(2)?).ok()?);
            if !pairs.remainder().is_empty() {
                return None;
            }
            for pair in pairs {
                let (name_offset, pair) = uint(pair, width, false)?;
                let (header_offset, _) = uint(pair, width, false)?;
                let (name, _) = split_nul(strtab.get(usize::try_from(name_offset).ok()?..)?)?;
                entries.push((name, header_offset));
            }
        }
    }
    Some(entries)
}

/// `len` bytes of `bytes` starting at `start`, if they are all there.
fn slice(bytes: &[u8], start: u64, len: u64) -> Option<&[u8]> {
    Some(take(bytes.get(usize::try_from(start).ok()?..)?, len)?.0)
}

fn take(bytes: &[u8], len: u64) -> Option<(&[u8], &[u8])> {
    bytes.split_at_checked(usize::try_from(len).ok()?)
}

/// Read a `width`-byte unsigned integer; returns it and the bytes after it.
fn uint(bytes: &[u8], width: u64, big_endian: bool) -> Option<(u64, &[u8])> {
    let (field, rest) = take(bytes, width)?;
    let push = |acc: u64, &b: &u8| acc << 8 | u64::from(b);
    let value = if big_endian { field.iter().fold(0, push) } else { field.iter().rev().fold(0, push) };
    Some((value, rest))
}

/// Split at the first NUL, dropping it.
fn split_nul(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (name, rest) = bytes.split_at_checked(bytes.iter().position(|&b| b == 0)?)?;
    Some((name, rest.get(1..)?))
}

/// A space-padded decimal header field.
pub(super) fn decimal(field: &[u8]) -> Option<u64> {
    let digits = trim_end(field, b' ');
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |n, &c| {
        let digit = char::from(c).to_digit(10)?;
        n.checked_mul(10)?.checked_add(u64::from(digit))
    })
}

pub(super) fn trim_end(mut bytes: &[u8], pad: u8) -> &[u8] {
    while let [rest @ .., last] = bytes {
        if *last != pad {
            break;
        }
        bytes = rest;
    }
    bytes
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{detect, FileKind};
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    const LIBC: &str = "/usr/lib/wasm32-wasi/libc.a";
    const LONG: &str = "a_rather_long_member_name.o";
    const FILES: [&str; 3] = ["lib.rmeta", "printf.o", LONG];

    /// A scratch directory, removed when the test ends.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> Self {
            let dir = std::env::temp_dir().join(format!("weld-archive-{tag}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            TempDir(dir)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    fn llvm_ar(dir: &Path, args: &[&str], envs: &[(&str, &str)]) -> Vec<u8> {
        let out = Command::new("llvm-ar-19")
            .args(args)
            .envs(envs.iter().copied())
            .current_dir(dir)
            .output()
            .unwrap_or_else(|e| panic!("cannot run llvm-ar-19 ({e}); install it with `apt-get install llvm-19`"));
        assert!(out.status.success(), "llvm-ar-19 {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    }

    fn read_libc() -> Vec<u8> {
        fs::read(LIBC)
            .unwrap_or_else(|e| panic!("cannot read {LIBC} ({e}); install it with `apt-get install wasi-libc`"))
    }

    /// Two real objects from wasi-libc (one renamed to a long name) and a non-object of odd
    /// size, so that padding after it is exercised.
    fn write_fixtures(dir: &Path) -> Vec<Vec<u8>> {
        read_libc();
        llvm_ar(dir, &["x", LIBC, "printf.o", "strlen.o"], &[]);
        fs::rename(dir.join("strlen.o"), dir.join(LONG)).unwrap();
        fs::write(dir.join("lib.rmeta"), b"not an object").unwrap();
        FILES.iter().map(|f| fs::read(dir.join(f)).unwrap()).collect()
    }

    fn build(dir: &Path, format: &str, envs: &[(&str, &str)]) -> Vec<u8> {
        let out = format!("{format}-{}.a", envs.len());
        let mut args =
            vec!["rc", &format!("--format={format}"), &out].into_iter().map(String::from).collect::<Vec<_>>();
        args.extend(FILES.iter().map(|f| f.to_string()));
        llvm_ar(dir, &args.iter().map(String::as_str).collect::<Vec<_>>(), envs);
        fs::read(dir.join(out)).unwrap()
    }

    fn symbol_member<'a>(archive: &'a Archive<'_>, symbol: &str) -> &'a str {
        let (_, index) = archive.symbol_index.iter().find(|(name, _)| *name == symbol.as_bytes()).unwrap();
        &archive.members[*index as usize].name
    }

    /// Checks the fixture archive; Darwin pads member data, so `exact` is false there.
    fn check_fixture_archive(bytes: &[u8], files: &[Vec<u8>], exact: bool) {
        let archive = parse_archive("t.a", bytes).unwrap();
        let names: Vec<&str> = archive.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, FILES);
        for (member, contents) in archive.members.iter().zip(files) {
            let start = member.offset as usize;
            assert_eq!(&bytes[start..start + member.data.len()], member.data);
            assert!(member.data.starts_with(contents), "{}", member.name);
            assert!(!exact || member.data == contents.as_slice(), "{}", member.name);
        }
        let kinds: Vec<FileKind> = archive.members.iter().map(|m| detect(m.data)).collect();
        assert_eq!(kinds, [FileKind::Unknown, FileKind::Object, FileKind::Object]);
        assert_eq!(symbol_member(&archive, "printf"), "printf.o");
        assert_eq!(symbol_member(&archive, "strlen"), LONG);
    }

    #[test]
    fn llvm_ar_formats() {
        let dir = TempDir::new("formats");
        let files = write_fixtures(&dir.0);
        let sym64 = [("SYM64_THRESHOLD", "0")];
        for (format, envs, exact, symtab) in [
            ("gnu", &[][..], true, &b"/     "[..]),
            ("gnu", &sym64[..], true, b"/SYM64/"),
            ("bsd", &[], true, b"__.SYMDEF\0"),
            ("darwin", &[], false, b"__.SYMDEF\0"),
            ("darwin", &sym64, false, b"__.SYMDEF_64"),
        ] {
            let bytes = build(&dir.0, format, envs);
            // Make sure the intended symbol-table variant is the one being read.
            assert!(bytes.windows(symtab.len()).any(|w| w == symtab), "{format} {envs:?}");
            check_fixture_archive(&bytes, &files, exact);
        }
    }

    #[test]
    fn binutils_ar() {
        let dir = TempDir::new("binutils");
        let files = write_fixtures(&dir.0);
        let status = Command::new("ar").args(["rcD", "b.a"]).args(FILES).current_dir(&dir.0).status();
        let Ok(status) = status else {
            eprintln!("binutils `ar` not installed; GNU format is still covered by llvm-ar-19");
            return;
        };
        assert!(status.success());
        let bytes = fs::read(dir.0.join("b.a")).unwrap();
        let archive = parse_archive("b.a", &bytes).unwrap();
        let names: Vec<&str> = archive.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, FILES);
        for (member, contents) in archive.members.iter().zip(&files) {
            assert_eq!(member.data, contents.as_slice());
        }
    }

    #[test]
    fn wasi_libc_matches_llvm_ar() {
        let bytes = read_libc();
        let archive = parse_archive(LIBC, &bytes).unwrap();
        let listing = String::from_utf8(llvm_ar(Path::new("/"), &["t", LIBC], &[])).unwrap();
        let names: Vec<&str> = archive.members.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, listing.lines().collect::<Vec<_>>());
        for member in &archive.members {
            assert_eq!(detect(member.data), FileKind::Object, "{}", member.name);
        }
        assert!(archive.symbol_index.len() > 1000);
        assert_eq!(symbol_member(&archive, "strlen"), "strlen.o");
        assert_eq!(symbol_member(&archive, "printf"), "printf.o");
    }

    #[test]
    fn thin_and_empty_archives() {
        let dir = TempDir::new("thin");
        write_fixtures(&dir.0);
        llvm_ar(&dir.0, &["rc", "--thin", "thin.a", "printf.o"], &[]);
        let thin = fs::read(dir.0.join("thin.a")).unwrap();
        assert_eq!(detect(&thin), FileKind::ThinArchive);
        let err = parse_archive("thin.a", &thin).unwrap_err();
        assert_eq!(err.render_body(), "thin.a: a thin archive only names its members' files: link through the command line (wasmLd), or pass the members (in section archive at offset 0x0)");

        llvm_ar(&dir.0, &["rc", "empty.a"], &[]);
        let empty = fs::read(dir.0.join("empty.a")).unwrap();
        let archive = parse_archive("empty.a", &empty).unwrap();
        assert!(archive.members.is_empty() && archive.symbol_index.is_empty());

        assert!(parse_archive("x.o", b"\0asm\x01\0\0\0").unwrap_err().message.contains("not an archive"));
    }

    #[test]
    fn truncations_and_corruptions_never_panic() {
        let dir = TempDir::new("fuzz");
        write_fixtures(&dir.0);
        for format in ["gnu", "bsd"] {
            let bytes = build(&dir.0, format, &[]);
            for n in 0..bytes.len() {
                // Every proper prefix loses a member the symbol table points at, except the bare magic.
                let result = parse_archive("t.a", &bytes[..n]);
                assert!(result.is_err() == (n != MAGIC.len()), "{format} prefix {n}");
            }
            let mut copy = bytes.clone();
            for i in 0..bytes.len() {
                for value in [b'0', b'9', b' ', b'/', b'#', 0, 0xff] {
                    copy[i] = value;
                    let _ = parse_archive("t.a", &copy);
                }
                copy[i] = bytes[i];
            }
        }
    }

    /// The header offset of the member called `name`.
    fn header_of(bytes: &[u8], name: &str) -> usize {
        let archive = parse_archive("t.a", bytes).unwrap();
        archive.members.iter().find(|m| m.name == name).unwrap().offset as usize - 60
    }

    #[test]
    fn bogus_size_fields() {
        let dir = TempDir::new("sizes");
        write_fixtures(&dir.0);
        let bytes = build(&dir.0, "gnu", &[]);
        let header = header_of(&bytes, "printf.o");
        for (size, expected) in [
            (b"12a4      ", "characters in size field in archive header are not all decimal numbers: '12a4'"),
            (b"          ", "characters in size field in archive header are not all decimal numbers: ''"),
            (b" 1303     ", "characters in size field in archive header are not all decimal numbers: ' 1303'"),
            (b"-1        ", "characters in size field in archive header are not all decimal numbers: '-1'"),
            (b"9999999999", "member size 9999999999 extends past the end of the archive"),
            (b"1302      ", "terminator characters"),
        ] {
            let mut copy = bytes.clone();
            copy[header + 48..header + 58].copy_from_slice(size);
            let err = parse_archive("t.a", &copy).unwrap_err();
            assert!(err.message.starts_with("truncated or malformed archive ("), "{}", err.message);
            assert!(err.message.contains(expected), "{}", err.message);
            let location = err.location.unwrap();
            assert_eq!((location.file.as_str(), location.section.as_deref()), ("t.a", Some("archive")));
        }
    }

    #[test]
    fn bogus_symbol_tables() {
        let dir = TempDir::new("symtab");
        write_fixtures(&dir.0);
        let gnu = build(&dir.0, "gnu", &[]);
        let bsd = build(&dir.0, "bsd", &[]);
        let data = 8 + 60; // both formats put the symbol table first; BSD after a 12-byte name
        let patch = |bytes: &[u8], at: usize, with: &[u8]| {
            let mut copy = bytes.to_vec();
            copy[at..at + with.len()].copy_from_slice(with);
            parse_archive("t.a", &copy).unwrap_err().message
        };
        assert!(patch(&gnu, data, &[0xff; 4]).contains("symbol table is truncated"));
        assert!(patch(&gnu, data + 4, &[0, 0, 0, 1]).contains("refers to offset 1, which is not an archive member"));
        assert!(patch(&bsd, data + 12, &[0xff; 4]).contains("symbol table is truncated"));
        assert!(patch(&bsd, data + 12 + 4, &[0xff; 4]).contains("symbol table is truncated"));
        assert!(patch(&bsd, data + 12 + 8, &[1, 0, 0, 0]).contains("not an archive member"));
    }

    fn header(name: &str, size: &str) -> Vec<u8> {
        format!("{name:<16}{:<12}{:<6}{:<6}{:<8}{size:<10}`\n", 0, 0, 0, 644).into_bytes()
    }

    fn archive_of(parts: &[&[u8]]) -> Vec<u8> {
        [MAGIC].iter().chain(parts).flat_map(|p| p.iter().copied()).collect()
    }

    #[test]
    fn handcrafted_headers() {
        let two = archive_of(&[&header("a.o/", "3"), b"abc\n", &header("b c/", "2"), b"de"]);
        let archive = parse_archive("t.a", &two).unwrap();
        let got: Vec<_> = archive.members.iter().map(|m| (m.name.as_str(), m.offset, m.data)).collect();
        assert_eq!(got, [("a.o", 68, &b"abc"[..]), ("b c", 132, b"de")]);

        // The final pad byte belongs to the archive, as LLVM reads it.
        let odd = archive_of(&[&header("a/", "3"), b"abc"]);
        let message = parse_archive("t.a", &odd).unwrap_err().message;
        assert!(message.contains("offset to next archive member past the end of the archive after member a"), "{message}");

        let bsd = archive_of(&[&header("#1/8", "10"), b"x.o\0\0\0\0\0hi"]);
        let archive = parse_archive("t.a", &bsd).unwrap();
        assert_eq!(
            (archive.members[0].name.as_str(), archive.members[0].offset, archive.members[0].data),
            ("x.o", 76, &b"hi"[..])
        );

        for (bytes, expected) in [
            (
                archive_of(&[&header("#1/20", "10"), b"0123456789"]),
                "long name length 20 extends past the end of the member",
            ),
            (
                archive_of(&[&header("#1/x", "0")]),
                "long name length characters after the #1/ are not all decimal numbers: 'x'",
            ),
            (archive_of(&[&header("/0", "0")]), "long name reference '/0' but no // string table precedes it"),
            (
                archive_of(&[&header("//", "4"), b"a/\n\n", &header("/9", "0")]),
                "long name offset '9' is not a valid offset",
            ),
            (
                archive_of(&[&header("a/", "0"), b"junk"]),
                "remaining size of archive too small for next archive member header",
            ),
            (
                archive_of(&[&header("/", "4"), b"\0\0\0\0", &header("/", "4"), b"\0\0\0\0"]),
                "more than one symbol table",
            ),
        ] {
            let err = parse_archive("t.a", &bytes).unwrap_err();
            assert!(err.message.contains(expected), "{}", err.message);
        }

        let long = archive_of(&[&header("//", "8"), b"x.o/\ny/\n", &header("/5", "0")]);
        assert_eq!(parse_archive("t.a", &long).unwrap().members[0].name, "y");
    }

    #[test]
    fn display_name() {
        assert_eq!(member_display_name("libc.a", "printf.o"), "libc.a(printf.o)");
    }
}
