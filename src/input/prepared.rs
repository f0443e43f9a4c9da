//! What a linking session keeps of an archive between links: its member table and the
//! names each object member defines (its lazy symbols). Each member is parsed (validated)
//! once, here, as every link must (wasm-ld rejects an archive with a bad member, extracted or
//! not); relinking against a prepared `libc.a` then skips its 700+ members, and only
//! extracted members are parsed again.
//! Everything is stored as byte ranges, so the cache holds no borrow of the bytes.

use super::archive;
use super::object;
use super::{detect, FileKind};
use crate::diag::Diagnostic;
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct PreparedArchive {
    pub members: Vec<PreparedMember>,
    /// Length of the bytes this was prepared from (a cheap guard against mix-ups).
    pub len: usize,
}

#[derive(Clone, Debug)]
pub struct PreparedMember {
    pub name: String,
    /// The member's bytes within the archive.
    pub range: Range<usize>,
    pub is_object: bool,
    /// Defined non-local names, as ranges within the member, or the error reading them.
    pub defined: Result<Vec<Range<usize>>, Diagnostic>,
    /// A wasm64 object (checked against each link's `-mwasm64`).
    pub is64: bool,
}

/// Reads the archive's member table and every object member's defined names once.
pub fn prepare_archive(name: &str, bytes: &[u8]) -> Result<PreparedArchive, Diagnostic> {
    let ar = archive::parse_archive(name, bytes).map_err(|mut e| {
        e.message = format!("failed to parse archive: {}", e.message);
        e
    })?;
    let members = ar
        .members
        .iter()
        .filter_map(|m| {
            let range = subslice_range(bytes, m.data)?;
            // (A member with wasm's magic but another version fails as an object.)
            let is_object = matches!(detect(m.data), FileKind::Object | FileKind::OtherWasm);
            let display = archive::member_display_name(name, &m.name);
            let (defined, is64) = match is_object.then(|| object::parse_object(&display, m.data)) {
                Some(Ok(obj)) => (Ok(obj.lazy_names().iter().filter_map(|n| subslice_range(m.data, n.as_bytes())).collect()), obj.is64),
                Some(Err(e)) => (Err(e), false),
                None => (Ok(Vec::new()), false),
            };
            Some(PreparedMember { name: m.name.clone(), range, is_object, defined, is64 })
        })
        .collect();
    Ok(PreparedArchive { members, len: bytes.len() })
}

/// Where `inner`, a view into `outer`, lies within it.
fn subslice_range(outer: &[u8], inner: &[u8]) -> Option<Range<usize>> {
    let start = (inner.as_ptr() as usize).checked_sub(outer.as_ptr() as usize)?;
    let end = start.checked_add(inner.len())?;
    (end <= outer.len()).then_some(start..end)
}
