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
        self.base + self.pos as u64
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
        match self.data.get(self.pos) {
            Some(&b) => {
                self.pos += 1;
                Ok(b)
            }
            None => self.error("unexpected end of data"),
        }
    }

    pub fn bytes(&mut self, len: usize) -> ParseResult<&'a [u8]> {
        let end = match self.pos.checked_add(len) {
            Some(end) if end <= self.data.len() => end,
            _ => return self.error(format!("{len} bytes expected but only {} remain", self.remaining())),
        };
        let slice = &self.data[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    pub fn u32_le(&mut self) -> ParseResult<u32> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub fn leb_u64(&mut self, max_bits: u32) -> ParseResult<u64> {
        let start = self.offset();
        let mut result: u64 = 0;
        let mut shift = 0u32;
        loop {
            let byte = self.u8()?;
            let low = u64::from(byte & 0x7f);
            if shift >= max_bits || (shift > 0 && max_bits - shift < 7 && low >> (max_bits - shift) != 0) {
                return Err(ParseError { offset: start, message: format!("LEB128 value exceeds {max_bits} bits") });
            }
            result |= low << shift;
            if byte & 0x80 == 0 {
                return Ok(result);
            }
            shift += 7;
        }
    }

    pub fn leb_u32(&mut self) -> ParseResult<u32> {
        // The 32-bit check above guarantees the value fits.
        self.leb_u64(32).map(|v| v as u32)
    }

    pub fn leb_i64(&mut self, max_bits: u32) -> ParseResult<i64> {
        let start = self.offset();
        let mut result: i64 = 0;
        let mut shift = 0u32;
        loop {
            let byte = self.u8()?;
            if shift >= max_bits {
                return Err(ParseError { offset: start, message: format!("signed LEB128 value exceeds {max_bits} bits") });
            }
            result |= i64::from(byte & 0x7f) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                if shift < 64 && byte & 0x40 != 0 {
                    result |= -1i64 << shift;
                }
                if max_bits < 64 {
                    let min = -(1i64 << (max_bits - 1));
                    let max = (1i64 << (max_bits - 1)) - 1;
                    if result < min || result > max {
                        return Err(ParseError { offset: start, message: format!("signed LEB128 value exceeds {max_bits} bits") });
                    }
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
    }

    #[test]
    fn count_rejects_absurd() {
        let mut r = Reader::new(&[0xff, 0xff, 0xff, 0xff, 0x0f, 0, 0], 0);
        assert!(r.count(1).is_err());
    }
}
