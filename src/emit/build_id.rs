//! `--build-id`: a hash of the whole output (with the id bytes as spaces) written into the
//! `build_id` custom section, computed like wasm-ld: a tree hash over 1 MiB chunks.

use crate::options::BuildId;

const CHUNK: usize = 1024 * 1024;

pub fn hash_size(kind: &BuildId) -> Option<usize> {
    match kind {
        BuildId::None => None,
        BuildId::Fast | BuildId::Uuid => Some(16),
        BuildId::Sha1 => Some(20),
        BuildId::Hex(v) => Some(v.len()),
    }
}

/// Hashes `out` and writes the id at `at`.
pub fn fill(out: &mut [u8], at: usize, kind: &BuildId) {
    let id: Vec<u8> = match kind {
        BuildId::None => return,
        BuildId::Hex(v) => v.clone(),
        BuildId::Fast => {
            let hashes: Vec<u8> = out.chunks(CHUNK).flat_map(|c| xxhash_rust::xxh3::xxh3_64(c).to_le_bytes()).collect();
            let file_hash = xxhash_rust::xxh3::xxh3_64(&hashes).to_le_bytes();
            uuid_v5(&file_hash)
        }
        BuildId::Sha1 => {
            let hashes: Vec<u8> = out.chunks(CHUNK).flat_map(|c| sha1_smol::Sha1::from(c).digest().bytes()).collect();
            sha1_smol::Sha1::from(&hashes).digest().bytes().to_vec()
        }
        BuildId::Uuid => {
            // A version-4-shaped UUID. Its bytes come from a hash of the output rather than
            // from an entropy source, so that the wasm build needs no randomness; it is still
            // unique per distinct output.
            let mut h = sha1_smol::Sha1::new();
            h.update(b"weld-uuid");
            h.update(out);
            uuid_with_version(h.digest().bytes(), 4)
        }
    };
    if let Some(slot) = out.get_mut(at..at + id.len()) {
        slot.copy_from_slice(&id);
    }
}

/// A version-5 UUID from wasm-ld's fixed namespace and the file hash.
fn uuid_v5(file_hash: &[u8]) -> Vec<u8> {
    const NAMESPACE: [u8; 16] = [0xA1, 0xFA, 0x48, 0x2D, 0x0E, 0x22, 0x03, 0x8D, 0x33, 0x8B, 0x52, 0x1C, 0xD6, 0xD2, 0x12, 0xB2];
    let mut h = sha1_smol::Sha1::new();
    h.update(&NAMESPACE);
    h.update(file_hash);
    uuid_with_version(h.digest().bytes(), 5)
}

/// The first 16 bytes of a SHA-1 digest with the UUID version and variant bits set.
fn uuid_with_version(digest: [u8; 20], version: u8) -> Vec<u8> {
    let [mut b @ .., _, _, _, _] = digest;
    // Constant indices into a `[u8; 16]`: checked at compile time.
    b[6] = (version << 4) | (b[6] & 0x0f);
    b[8] = (b[8] & 0xbf) | 0x80;
    b.to_vec()
}
