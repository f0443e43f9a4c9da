//! `--reproduce=FILE`: a tar archive of everything the link read, to reproduce it elsewhere
//! (`tar xf FILE && cd NAME && weld @response.txt`), laid out as LLVM's `TarWriter` lays it
//! out for lld: under a directory named after the archive, `response.txt` (the command
//! line, paths made relative to that directory), `version.txt`, then each file read, at its
//! absolute path without the root.

use crate::args::{ReproduceRequest, ResponseLine};
use crate::hash::HashSet;

const BLOCK: usize = 512;

pub struct Reproduce {
    /// The tar's path, and the directory its entries are under (the tar's name without
    /// its extension).
    pub path: String,
    root: String,
    entries: Vec<(String, Vec<u8>)>,
    seen: HashSet<String>,
}

impl Reproduce {
    /// `absolute` makes a path absolute (against the current directory, `.` and `..`
    /// removed); `version` is `version.txt`'s line.
    pub fn new(request: &ReproduceRequest, absolute: &dyn Fn(&str) -> String, version: &str) -> Reproduce {
        let file = request.path.rsplit(['/', '\\']).next().unwrap_or(&request.path);
        let root = match file.rfind('.') {
            Some(dot) if dot > 0 => &file[..dot],
            _ => file,
        };
        let mut r = Reproduce { path: request.path.clone(), root: root.to_string(), entries: Vec::new(), seen: HashSet::default() };
        let mut response = String::new();
        for line in &request.lines {
            match line {
                ResponseLine::Input(path) => response.push_str(&quote(&relative_to_root(&absolute(path)))),
                ResponseLine::Output(path) => {
                    response.push_str("-o ");
                    response.push_str(&quote(path.rsplit(['/', '\\']).next().unwrap_or(path)));
                }
                ResponseLine::Option(text) => response.push_str(text),
            }
            response.push('\n');
        }
        r.append("response.txt", response.into_bytes());
        r.append("version.txt", format!("{version}\n").into_bytes());
        r
    }

    /// A file the link read, once.
    pub fn add_file(&mut self, absolute_path: &str, bytes: &[u8]) {
        self.append(&relative_to_root(absolute_path), bytes.to_vec());
    }

    fn append(&mut self, path: &str, bytes: Vec<u8>) {
        let full = format!("{}/{}", self.root, path.replace('\\', "/"));
        if self.seen.insert(full.clone()) {
            self.entries.push((full, bytes));
        }
    }

    /// The archive: a ustar header per file (a PAX header first for paths too long for
    /// it), the data padded to 512 bytes, and two empty blocks at the end.
    pub fn tar(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (path, data) in &self.entries {
            match split_ustar(path) {
                Some((prefix, name)) => out.extend_from_slice(&ustar_header(prefix, name, data.len())),
                None => {
                    let record = pax_record("path", path);
                    out.extend_from_slice(&pax_header(record.len()));
                    out.extend_from_slice(record.as_bytes());
                    pad(&mut out);
                    out.extend_from_slice(&ustar_header("", "", data.len()));
                }
            }
            out.extend_from_slice(data);
            pad(&mut out);
        }
        out.resize(out.len() + 2 * BLOCK, 0);
        out
    }
}

/// lld's `quote`: a path with a space in double quotes.
fn quote(s: &str) -> String {
    if s.contains(' ') {
        format!("\"{s}\"")
    } else {
        s.to_string()
    }
}

/// lld's `relativeToRoot` of an absolute path: without its root (`/`, or a drive's `C:`
/// kept as `C`).
fn relative_to_root(abs: &str) -> String {
    let unix = abs.trim_start_matches('/');
    match unix.split_once(":\\").or_else(|| unix.split_once(":/")) {
        Some((drive, rest)) if drive.len() == 1 => format!("{drive}/{}", rest.replace('\\', "/")),
        _ => unix.to_string(),
    }
}

/// Makes `path` absolute against `cwd` and removes `.` and `..` (LLVM's `make_absolute`
/// then `remove_dots`); `..` never climbs above the root.
pub fn absolute_path(path: &str, cwd: &str) -> String {
    let joined = if path.starts_with('/') { path.to_string() } else { format!("{cwd}/{path}") };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    format!("/{}", parts.join("/"))
}

/// Ustar keeps paths shorter than 100 bytes in `name`, or splits them at a `/` into a
/// `prefix` and a `name`; like LLVM, the prefix is kept to 130 bytes (older tars read the
/// end of the prefix field as something else).
fn split_ustar(path: &str) -> Option<(&str, &str)> {
    if path.len() < 100 {
        return Some(("", path));
    }
    let sep = path.get(..131.min(path.len()))?.rfind('/')?;
    let (prefix, name) = (&path[..sep], &path[sep + 1..]);
    (name.len() < 100).then_some((prefix, name))
}

/// A PAX extended header record: `<length> <key>=<value>\n`, the length counting itself.
fn pax_record(key: &str, value: &str) -> String {
    let len = key.len() + value.len() + 3;
    let total = len + len.to_string().len();
    let total = len + total.to_string().len();
    format!("{total} {key}={value}\n")
}

fn put(h: &mut [u8; BLOCK], at: usize, bytes: &[u8]) {
    if let Some(slot) = h.get_mut(at..at + bytes.len()) {
        slot.copy_from_slice(bytes);
    }
}

/// A header with LLVM's fields: magic, size, type; a regular file's also name, prefix
/// and mode 0664 (all times and owners 0).
fn header(size: usize, type_flag: u8, file: Option<(&str, &str)>) -> [u8; BLOCK] {
    let mut h = [0u8; BLOCK];
    if let Some((prefix, name)) = file {
        put(&mut h, 0, name.as_bytes());
        put(&mut h, 100, b"0000664\0");
        put(&mut h, 345, prefix.as_bytes());
    }
    put(&mut h, 124, format!("{size:011o}\0").as_bytes());
    put(&mut h, 148, b"        ");
    put(&mut h, 156, &[type_flag]);
    put(&mut h, 257, b"ustar\0");
    put(&mut h, 263, b"00");
    let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
    put(&mut h, 148, format!("{sum:06o}\0").as_bytes());
    h
}

fn ustar_header(prefix: &str, name: &str, size: usize) -> [u8; BLOCK] {
    header(size, 0, Some((prefix, name)))
}

fn pax_header(size: usize) -> [u8; BLOCK] {
    header(size, b'x', None)
}

fn pad(out: &mut Vec<u8>) {
    out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(absolute_path("../a/./b.o", "/x/y"), "/x/a/b.o");
        assert_eq!(absolute_path("../../../a.o", ""), "/a.o");
        assert_eq!(relative_to_root("/tmp/a.o"), "tmp/a.o");
        assert_eq!(quote("my a.o"), "\"my a.o\"");
        assert_eq!(split_ustar("short"), Some(("", "short")));
        let long = format!("{}/{}/x.o", "d".repeat(60), "e".repeat(70));
        assert_eq!(split_ustar(&long), Some((&long[..60], &long[61..])));
        assert_eq!(split_ustar(&"f".repeat(120)), None);
        assert_eq!(pax_record("path", "abc"), "12 path=abc\n");
    }
}
