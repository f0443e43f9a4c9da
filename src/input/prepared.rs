//! What a linking session keeps of an archive between links: its member table and the
//! names each object member defines (its lazy symbols). Relinking against a prepared
//! `libc.a` skips re-reading its 700+ members; only extracted members are parsed.
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
}

/// Reads the archive's member table and every object member's defined names once.
pub fn prepare_archive(name: &str, bytes: &[u8]) -> Result<PreparedArchive, Diagnostic> {
    let ar = archive::parse_archive(name, bytes).map_err(|mut e| {
        e.message = format!("failed to parse archive: {}", e.message);
        e
    })?;
    let base = bytes.as_ptr() as usize;
    let members = ar
        .members
        .iter()
        .map(|m| {
            let start = m.data.as_ptr() as usize - base;
            let is_object = detect(m.data) == FileKind::Object;
            let display = archive::member_display_name(name, &m.name);
            let defined = if is_object {
                let mbase = m.data.as_ptr() as usize;
                object::defined_names(&display, m.data).map(|names| {
                    names
                        .iter()
                        .map(|n| {
                            let s = n.as_ptr() as usize - mbase;
                            s..s + n.len()
                        })
                        .collect()
                })
            } else {
                Ok(Vec::new())
            };
            PreparedMember { name: m.name.clone(), range: start..start + m.data.len(), is_object, defined }
        })
        .collect();
    Ok(PreparedArchive { members, len: bytes.len() })
}
