//! A bounds-checked cursor over input bytes. Every read returns `Err` on truncation or
//! malformed LEB128, with the absolute file offset where it happened.

use std::ops::Range;

/// A parse failure at an absolute offset of the input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: u64,
    pub message: String,
}

pub type ParseResult<T> = Result<T, ParseError>;

#[derive(Clone)]
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// Absolute file offset of `data[0]`, for messages.
    base: u64,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8], base: u64) -> Self {
        Reader { data, pos: 0, base }
    }

    pub fn error<T>(&self, message: impl Into<String>) -> ParseResult<T> {
        Err(ParseError { offset: self.offset(), message: message.into() })
    }

    /// Absolute file offset of the cursor.
    pub fn offset(&self) -> u64 {
        self.base.saturating_add(self.pos as u64)
    }

    /// Position relative to the start of this reader's data.
    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn is_empty(&self) -> bool {
        self.pos >= self.data.len()
    }

    pub fn remaining(&self) -> usize {
        self.data.len().saturating_sub(self.pos)
    }

    pub fn u8(&mut self) -> ParseResult<u8> {
        match self.take(1) {
            Some(&[b]) => Ok(b),
            _ => self.error("unexpected end of data"),
        }
    }

    pub fn bytes(&mut self, len: usize) -> ParseResult<&'a [u8]> {
        match self.take(len) {
            Some(slice) => Ok(slice),
            None => self.error(format!("{len} bytes expected but only {} remain", self.remaining())),
        }
    }

    /// The next `len` bytes, consumed, if they are all there.
    fn take(&mut self, len: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(len)?;
        let slice = self.data.get(self.pos..end)?;
        self.pos = end;
        Some(slice)
    }

    pub fn u32_le(&mut self) -> ParseResult<u32> {
        let at = self.offset();
        let b = self.bytes(4)?;
        let b: [u8; 4] = b.try_into().map_err(|_| ParseError { offset: at, message: "4 bytes expected".into() })?;
        Ok(u32::from_le_bytes(b))
    }

    pub fn leb_u64(&mut self, max_bits: u32) -> ParseResult<u64> {
        // Counts, indices and small offsets are one byte: read those directly.
        if let Some(&byte) = self.data.get(self.pos) {
            if byte & 0x80 == 0 && (max_bits >= 7 || u64::from(byte) >> max_bits == 0) {
                self.pos = self.pos.saturating_add(1);
                return Ok(u64::from(byte));
            }
        }
        let start = self.offset();
        let too_big = || Err(ParseError { offset: start, message: format!("LEB128 value exceeds {max_bits} bits") });
        let mut result: u64 = 0;
        let mut shift = 0u32;
        loop {
            let byte = self.u8()?;
            let low = u64::from(byte & 0x7f);
            // How many bits of this byte still fit in `max_bits`; the others must be zero.
            let room = match max_bits.checked_sub(shift) {
                Some(room) if room > 0 => room,
                _ => return too_big(),
            };
            if room < 7 && low.checked_shr(room).unwrap_or(0) != 0 {
                return too_big();
            }
            result |= low.checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Ok(result);
            }
            shift = shift.saturating_add(7);
        }
    }

    pub fn leb_u32(&mut self) -> ParseResult<u32> {
        let start = self.offset();
        // The 32-bit check of `leb_u64` guarantees the value fits.
        let v = self.leb_u64(32)?;
        u32::try_from(v).map_err(|_| ParseError { offset: start, message: "LEB128 value exceeds 32 bits".into() })
    }

    pub fn leb_i64(&mut self, max_bits: u32) -> ParseResult<i64> {
        // One byte (the usual addend): its 7 bits, sign-extended.
        if let Some(&byte) = self.data.get(self.pos) {
            if byte & 0x80 == 0 && max_bits >= 7 {
                self.pos = self.pos.saturating_add(1);
                return Ok(i64::from((byte << 1) as i8 >> 1));
            }
        }
        let start = self.offset();
        let too_big = || Err(ParseError { offset: start, message: format!("signed LEB128 value exceeds {max_bits} bits") });
        let mut result: i64 = 0;
        let mut shift = 0u32;
        loop {
            let byte = self.u8()?;
            if shift >= max_bits || shift >= 64 {
                return too_big();
            }
            // The tenth byte holds bit 63 only: its other bits must repeat it (as LLVM's
            // `decodeSLEB128` demands), else they would fall off the end unchecked.
            if shift == 63 && byte & 0x7f != 0 && byte & 0x7f != 0x7f {
                return too_big();
            }
            // `shift < 64` here, so the shifts below cannot wrap.
            result |= i64::from(byte & 0x7f).wrapping_shl(shift);
            shift = shift.saturating_add(7);
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 {
                    result |= (-1i64).wrapping_shl(shift);
                }
                // The value must be unchanged by sign extension from `max_bits`.
                let unused = 64u32.saturating_sub(max_bits);
                if unused > 0 && result.wrapping_shl(unused).wrapping_shr(unused) != result {
                    return too_big();
                }
                return Ok(result);
            }
        }
    }

    /// A count of items that each take at least `min_item_size` bytes: rejected before any
    /// allocation if the remaining bytes cannot hold that many.
    pub fn count(&mut self, min_item_size: usize) -> ParseResult<u32> {
        let at = self.offset();
        let n = self.leb_u32()?;
        let need = (n as u64).saturating_mul(min_item_size as u64);
        if need > self.remaining() as u64 {
            return Err(ParseError { offset: at, message: format!("count {n} is too large for the {} bytes that remain", self.remaining()) });
        }
        Ok(n)
    }

    pub fn name(&mut self) -> ParseResult<&'a str> {
        let at = self.offset();
        let len = self.leb_u32()? as usize;
        let bytes = self.bytes(len)?;
        std::str::from_utf8(bytes).map_err(|_| ParseError { offset: at, message: "name is not valid UTF-8".into() })
    }

    /// A length-prefixed sub-range: returns the range of the payload relative to this reader.
    pub fn sized_range(&mut self) -> ParseResult<Range<usize>> {
        let len = self.leb_u32()? as usize;
        let start = self.pos;
        self.bytes(len)?;
        Ok(start..self.pos)
    }

    /// A sub-reader over the next `len` bytes.
    pub fn sub(&mut self, len: usize) -> ParseResult<Reader<'a>> {
        let base = self.offset();
        let data = self.bytes(len)?;
        Ok(Reader::new(data, base))
    }

    pub fn data(&self) -> &'a [u8] {
        self.data
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leb_limits() {
        assert_eq!(Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x0f], 0).leb_u32(), Ok(u32::MAX));
        assert!(Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x1f], 0).leb_u32().is_err());
        assert!(Reader::new(&[0x80, 0x80], 0).leb_u32().is_err());
        assert_eq!(Reader::new(&[0x7f], 0).leb_i64(32), Ok(-1));
        assert_eq!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x78], 0).leb_i64(32), Ok(i32::MIN as i64));
        assert_eq!(Reader::new(&[0x81, 0x80, 0x80, 0x80, 0x00], 0).leb_u32(), Ok(1));
        // 64-bit: the tenth byte is bit 63 and its sign extension, nothing else.
        let nine = [0x80u8; 9];
        let ten = |last: u8| [&nine[..], &[last]].concat();
        assert_eq!(Reader::new(&ten(0x7f), 0).leb_i64(64), Ok(i64::MIN));
        assert_eq!(Reader::new(&ten(0x00), 0).leb_i64(64), Ok(0));
        assert!(Reader::new(&ten(0x7e), 0).leb_i64(64).is_err());
        assert!(Reader::new(&ten(0x01), 0).leb_i64(64).is_err());
        let max = [&[0xffu8; 9][..], &[0x00]].concat();
        assert_eq!(Reader::new(&max, 0).leb_i64(64), Ok(i64::MAX));
    }

    #[test]
    fn count_rejects_absurd() {
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0], 0);
        assert!(r.count(1).is_err());
    }
}
