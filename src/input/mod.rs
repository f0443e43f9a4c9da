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

/// What an input is, from its first bytes (the cases of LLVM's `identify_magic` that
/// wasm-ld tells apart). The command-line driver and the library both classify with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A wasm binary of version 1 (relocatable object, or a module that a later phase will reject).
    Object,
    /// The wasm magic with another version (a component, say): not an input the linker reads.
    OtherWasm,
    /// A regular `ar` archive.
    Archive,
    /// A thin archive: member headers only, the members being files beside it.
    ThinArchive,
    /// LLVM bitcode (LTO), which weld does not read.
    Bitcode,
    /// A stub library: text naming symbols the host provides and what each needs.
    Stub,
    Unknown,
}

/// Classify an input by its magic bytes.
pub fn detect(bytes: &[u8]) -> FileKind {
    if bytes.starts_with(wasm::MAGIC) {
        if bytes.get(4..8) == Some(&wasm::VERSION.to_le_bytes()[..]) {
            FileKind::Object
        } else {
            FileKind::OtherWasm
        }
    } else if bytes.starts_with(archive::MAGIC) {
        FileKind::Archive
    } else if bytes.starts_with(archive::THIN_MAGIC) {
        FileKind::ThinArchive
    } else if bytes.starts_with(b"BC\xC0\xDE") || bytes.starts_with(b"\xDE\xC0\x17\x0B") {
        FileKind::Bitcode
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
        assert_eq!(detect(b"!<thin>\n/  "), FileKind::ThinArchive);
        // Component-model binaries share the magic but not the version.
        assert_eq!(detect(b"\0asm\x0d\0\x01\0"), FileKind::OtherWasm);
        assert_eq!(detect(b"\0asm"), FileKind::OtherWasm);
        assert_eq!(detect(b"BC\xC0\xDE\x35\x14"), FileKind::Bitcode);
        assert_eq!(detect(b"#STUB\nf: g\n"), FileKind::Stub);
        assert_eq!(detect(b""), FileKind::Unknown);
        assert_eq!(detect(b"rust-meta"), FileKind::Unknown);
    }
}
