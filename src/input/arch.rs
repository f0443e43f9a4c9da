//! Whether an object is wasm64 (its memory, imported or defined, has 64-bit limits), read
//! from the import and memory sections only. wasm-ld checks this for every object it reads
//! (archive members and `--start-lib` objects too), before the link proper, and stops at the first
//! object of the wrong kind; the CLI does the same with this cheap scan.

use super::reader::{ParseResult, Reader};
use super::wasm::{external, limits, section};

/// wasm-ld's error for an object of the wrong architecture (fatal there: it ends the link),
/// or `None` when `object_is64` is what the link (`-mwasm64` or not) expects.
pub fn mismatch(file: &str, object_is64: bool, link_is64: bool) -> Option<String> {
    match (object_is64, link_is64) {
        (true, false) => Some(format!("{file}: must specify -mwasm64 to process wasm64 object files")),
        (false, true) => Some(format!("{file}: wasm32 object file can't be linked in wasm64 mode")),
        _ => None,
    }
}

/// `Some(true)` for a wasm64 object, `Some(false)` for wasm32, `None` when the bytes are
/// not readable that far (the full parser will say what is wrong).
pub fn is_wasm64(bytes: &[u8]) -> Option<bool> {
    scan(bytes).ok()
}

fn scan(bytes: &[u8]) -> ParseResult<bool> {
    let mut r = Reader::new(bytes, 0);
    r.bytes(8)?; // magic and version, checked by the caller
    let mut is64 = false;
    while !r.is_empty() {
        let id = r.u8()?;
        let len = r.leb_u32()?;
        let mut body = r.sub(len as usize)?;
        match id {
            section::IMPORT => {
                for _ in 0..body.count(4)? {
                    body.name()?;
                    body.name()?;
                    match body.u8()? {
                        external::FUNCTION => {
                            body.leb_u32()?;
                        }
                        external::TABLE => {
                            body.u8()?;
                            memory_limits(&mut body)?;
                        }
                        external::MEMORY => is64 |= memory_limits(&mut body)?,
                        external::GLOBAL => {
                            body.bytes(2)?;
                        }
                        external::TAG => {
                            body.u8()?;
                            body.leb_u32()?;
                        }
                        kind => return body.error(format!("unknown import kind {kind}")),
                    }
                }
            }
            section::MEMORY => {
                for _ in 0..body.count(2)? {
                    is64 |= memory_limits(&mut body)?;
                }
            }
            // Nothing after these can declare a memory.
            section::GLOBAL | section::EXPORT | section::CODE | section::DATA => break,
            _ => {}
        }
    }
    Ok(is64)
}

/// Reads limits; true when they are 64-bit.
fn memory_limits(r: &mut Reader<'_>) -> ParseResult<bool> {
    let flags = r.u8()?;
    r.leb_u64(64)?;
    if flags & limits::HAS_MAX != 0 {
        r.leb_u64(64)?;
    }
    Ok(flags & limits::IS_64 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_memory_limits() {
        let header = b"\0asm\x01\0\0\0";
        // An import of env.__linear_memory with 32-bit limits, then one with 64-bit limits.
        let import = |flags: u8| {
            let mut entry = vec![1, 3, b'e', b'n', b'v', 15];
            entry.extend_from_slice(b"__linear_memory");
            entry.extend_from_slice(&[external::MEMORY, flags, 1]);
            let mut m = header.to_vec();
            m.extend_from_slice(&[section::IMPORT, entry.len() as u8]);
            m.extend_from_slice(&entry);
            m
        };
        assert_eq!(is_wasm64(&import(0)), Some(false));
        assert_eq!(is_wasm64(&import(limits::IS_64)), Some(true));
        assert_eq!(is_wasm64(header), Some(false));
        let mut truncated = import(0);
        truncated.pop();
        assert_eq!(is_wasm64(&truncated), None);
    }
}
