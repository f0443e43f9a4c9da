//! Uses the code build.rs generated: CRC-32 over a buffer, unit conversions through a
//! generated `match` and a generated table of function pointers (indirect calls).
use std::fmt::Write;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}

pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |c, &b| generated::CRC_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8))
}

pub fn report(seed: u32) -> String {
    let mut out = String::new();
    for text in ["", "a", "123456789", "The quick brown fox jumps over the lazy dog"] {
        writeln!(out, "crc32({text:?}) = {:08x}", crc32(text.as_bytes())).unwrap();
    }
    let buf: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761).wrapping_add(seed) >> 13) as u8).collect();
    writeln!(out, "crc32(buf[seed {seed}]) = {:08x}", crc32(&buf)).unwrap();
    writeln!(out, "{} units", generated::UNIT_COUNT).unwrap();
    let metres = 1000.0 * (seed as f64 + 1.0);
    for (name, convert) in generated::CONVERTERS.iter() {
        writeln!(out, "{metres} m = {:.6e} {name} (factor {:?})", convert(metres), generated::factor(name)).unwrap();
    }
    for symbol in ["ft", "pc", "parsec", "cubit"] {
        writeln!(out, "factor({symbol}) = {:?}", generated::factor(symbol)).unwrap();
    }
    out
}

static mut OUT: Vec<u8> = Vec::new();

#[no_mangle]
pub extern "C" fn run(seed: u32) -> u32 {
    let text = report(seed).into_bytes();
    let len = text.len() as u32;
    unsafe { *std::ptr::addr_of_mut!(OUT) = text };
    len
}

#[no_mangle]
pub extern "C" fn out_ptr() -> *const u8 {
    unsafe { (*std::ptr::addr_of!(OUT)).as_ptr() }
}
