//! LEB128 and little-endian encoders used by the module writer and relocation patching.

pub fn write_uleb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub fn write_sleb(out: &mut Vec<u8>, mut v: i64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        let done = (v == 0 && byte & 0x40 == 0) || (v == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

pub fn uleb(v: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(5);
    write_uleb(&mut out, v);
    out
}

pub fn uleb_len(v: u64) -> usize {
    let mut n = 1;
    let mut v = v >> 7;
    while v != 0 {
        n += 1;
        v >>= 7;
    }
    n
}

/// Unsigned LEB128 padded to exactly `buf.len()` bytes (5 or 10), as relocations require.
pub fn patch_uleb(buf: &mut [u8], v: u64) {
    patch_leb(buf, i128::from(v));
}

/// Signed LEB128 padded to exactly `buf.len()` bytes.
pub fn patch_sleb(buf: &mut [u8], v: i64) {
    patch_leb(buf, i128::from(v));
}

/// Both encodings at once: in i128 an unsigned value is non-negative, so the arithmetic
/// shift pads it with zero bits and a negative signed value with ones.
fn patch_leb(buf: &mut [u8], mut v: i128) {
    let n = buf.len();
    for (i, b) in buf.iter_mut().enumerate() {
        let mut byte = (v & 0x7f) as u8;
        v >>= 7;
        if i + 1 < n {
            byte |= 0x80;
        }
        *b = byte;
    }
}

pub fn write_name(out: &mut Vec<u8>, s: &str) {
    write_uleb(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded() {
        let mut b = [0u8; 5];
        patch_uleb(&mut b, 3);
        assert_eq!(b, [0x83, 0x80, 0x80, 0x80, 0x00]);
        patch_sleb(&mut b, -1);
        assert_eq!(b, [0xff, 0xff, 0xff, 0xff, 0x7f]);
        let mut v = Vec::new();
        write_sleb(&mut v, -64);
        assert_eq!(v, [0x40]);
        v.clear();
        write_sleb(&mut v, 64);
        assert_eq!(v, [0xc0, 0x00]);
    }
}
