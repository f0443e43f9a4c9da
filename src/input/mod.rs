//! Input files: telling objects from archives, and reading archives.
//!
//! Everything under `input` reads untrusted bytes, so a panic here would be a crash of the
//! host (a browser tab): no `unwrap`, no indexing that can fail, no unchecked arithmetic,
//! no truncating casts (this also runs on wasm32, where `usize` is 32 bits). A site that is
//! provably fine carries an `#[allow]` with a one-line proof.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects,
        clippy::cast_possible_truncation
    )
)]

pub mod arch;
pub mod archive;
pub mod thin;
pub mod object;
pub mod prepared;
pub mod reader;
pub mod section_order;
pub mod relocs;
pub mod wasm;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A wasm binary (relocatable object, or a module that a later phase will reject).
    Object,
    /// An `ar` archive; thin archives count too, so `parse_archive` can reject them by name.
    Archive,
    /// A stub library: text naming symbols the host provides and what each needs.
    Stub,
    Unknown,
}

/// Classify an input by its magic bytes.
pub fn detect(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(b"\0asm\x01\0\0\0") {
        FileKind::Object
    } else if bytes.starts_with(archive::MAGIC) || bytes.starts_with(archive::THIN_MAGIC) {
        FileKind::Archive
    } else if bytes.starts_with(b"#STUB") {
        FileKind::Stub
    } else {
        FileKind::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_magic() {
        assert_eq!(detect(b"\0asm\x01\0\0\0\x01"), FileKind::Object);
        assert_eq!(detect(b"!<arch>\n"), FileKind::Archive);
        assert_eq!(detect(b"!<thin>\n/  "), FileKind::Archive);
        // Component-model binaries share the magic but not the version.
        assert_eq!(detect(b"\0asm\x0d\0\x01\0"), FileKind::Unknown);
        assert_eq!(detect(b"\0asm"), FileKind::Unknown);
        assert_eq!(detect(b""), FileKind::Unknown);
        assert_eq!(detect(b"rust-meta"), FileKind::Unknown);
    }
}
