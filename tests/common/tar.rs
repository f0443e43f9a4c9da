//! Reading `--reproduce` archives (ustar, as LLVM's `TarWriter` writes them) to compare
//! weld's with wasm-ld's.
// (The differential test includes `common` without using this.)
#![allow(dead_code)]

/// The archive's entries: (512-byte header, data), in order. `None` if it is cut short.
pub fn entries(tar: &[u8]) -> Option<Vec<(Vec<u8>, Vec<u8>)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at + 512 <= tar.len() {
        let header = &tar[at..at + 512];
        if header.iter().all(|&b| b == 0) {
            at += 512;
            continue;
        }
        let size = usize::from_str_radix(std::str::from_utf8(&header[124..135]).ok()?, 8).ok()?;
        out.push((header.to_vec(), tar.get(at + 512..at + 512 + size)?.to_vec()));
        at += 512 + size.div_ceil(512) * 512;
    }
    Some(out)
}

/// The first way `ours` differs from `theirs`, entry by entry, header for header, except
/// for `version.txt` (which names weld in weld's); `None` when they agree.
pub fn difference(theirs: &[u8], ours: &[u8]) -> Option<String> {
    let (Some(theirs), Some(ours)) = (entries(theirs), entries(ours)) else {
        return Some("an archive is cut short".to_string());
    };
    if theirs.len() != ours.len() {
        return Some(format!("wasm-ld's archive holds {} entries, weld's {}", theirs.len(), ours.len()));
    }
    for (i, (a, b)) in theirs.iter().zip(&ours).enumerate() {
        let name = String::from_utf8_lossy(&a.0[..100]).trim_end_matches('\0').to_string();
        if name.ends_with("/version.txt") {
            if !String::from_utf8_lossy(&b.1).starts_with("weld ") {
                return Some("version.txt does not name weld".to_string());
            }
            continue;
        }
        if a != b {
            return Some(format!("entry {i} ({name}) differs"));
        }
    }
    None
}
