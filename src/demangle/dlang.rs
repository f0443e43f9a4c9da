//! D symbol names (`_D...`), as far as LLVM 19's D demangler reads them: qualified names
//! with back-references and the compiler's special symbols (`initializer for`, `vtable
//! for`, ...), for variables of type `int` or artificial symbols; any other type (every
//! function, say) leaves the name mangled, as in wasm-ld. The printed text never shows the
//! type. `_Dmain` is `D main`.

use super::Failure;

/// Nesting of type back-references allowed (each must point further back than the last).
const MAX_DEPTH: u32 = 256;

/// The demangled text of a `_D` name: `Invalid` where LLVM 19 leaves it mangled, `Bounds`
/// where it would be longer than `max_len` or nest too deep.
pub fn demangle(name: &str, max_len: usize) -> Result<String, Failure> {
    if name == "_Dmain" {
        return Ok("D main".to_string());
    }
    if !name.starts_with("_D") {
        return Err(Failure::Invalid);
    }
    let input = name.as_bytes();
    let mut d = Demangler { input, out: Vec::new(), last_backref: input.len(), depth: 0, max_len, bounded: false };
    let mut at = Some(2);
    d.mangle(&mut at);
    if d.bounded {
        return Err(Failure::Bounds);
    }
    // The whole name must be read (LLVM stops at a NUL, as at the end of a C string).
    let read_all = at.is_some_and(|p| d.input.get(p).map_or(true, |&c| c == 0));
    if !read_all || d.out.is_empty() {
        return Err(Failure::Invalid);
    }
    String::from_utf8(d.out).map_err(|_| Failure::Invalid)
}

/// A reading position; `None` once the name is found invalid. Every view of the name runs
/// to its end (a back-reference's view too).
type At = Option<usize>;

struct Demangler<'a> {
    input: &'a [u8],
    out: Vec<u8>,
    /// Where the innermost type back-reference started: the next must point before it.
    last_backref: usize,
    depth: u32,
    max_len: usize,
    bounded: bool,
}

impl Demangler<'_> {
    fn byte(&self, at: At) -> Option<u8> {
        self.input.get(at?).copied()
    }

    fn is_empty(&self, at: At) -> bool {
        self.byte(at).is_none()
    }

    fn left(&self, at: usize) -> usize {
        self.input.len().saturating_sub(at)
    }

    fn write(&mut self, bytes: &[u8]) {
        if self.out.len() + bytes.len() > self.max_len {
            self.bounded = true;
            return;
        }
        self.out.extend_from_slice(bytes);
    }

    /// `_D <qualified-name> (Z | <type>)`.
    fn mangle(&mut self, at: &mut At) {
        self.qualified(at);
        match self.byte(*at) {
            None => *at = None,
            // Artificial symbols end with `Z` and have no type.
            Some(b'Z') => *at = at.map(|p| p + 1),
            Some(_) => {
                if !self.ty(at) {
                    *at = None;
                }
            }
        }
    }

    /// Identifiers joined by `.`; anonymous ones (`0`) are skipped.
    fn qualified(&mut self, at: &mut At) {
        let mut first = true;
        loop {
            if self.byte(*at) == Some(b'0') {
                while self.byte(*at) == Some(b'0') {
                    *at = at.map(|p| p + 1);
                }
            } else {
                if !first {
                    self.write(b".");
                }
                first = false;
                self.identifier(at);
            }
            if self.is_empty(*at) || !self.is_symbol_name(*at) {
                break;
            }
        }
    }

    /// A digit starts an identifier, as does a back-reference to one.
    fn is_symbol_name(&self, at: At) -> bool {
        let Some(p) = at else { return false };
        match self.byte(at) {
            Some(c) if c.is_ascii_digit() => true,
            Some(b'Q') => {
                let mut after = Some(p + 1);
                match self.backref_pos(&mut after) {
                    Some(back) if back <= p as u64 => self.input.get(p - back as usize).is_some_and(u8::is_ascii_digit),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn identifier(&mut self, at: &mut At) {
        loop {
            match self.byte(*at) {
                None => {
                    *at = None;
                    return;
                }
                Some(b'Q') => return self.symbol_backref(at),
                Some(_) => {}
            }
            let len = self.number(at);
            let Some(start) = at.filter(|&s| s < self.input.len()) else {
                *at = None;
                return;
            };
            if len == 0 || (self.left(start) as u64) < len {
                *at = None;
                return;
            }
            let len = len as usize;
            // A fake parent `__Sddd` makes same-named declarations in one function unique:
            // it is skipped.
            if len >= 4 && self.input.get(start..).is_some_and(|r| r.starts_with(b"__S")) {
                let suffix_len = self.left(start) - len;
                let mut q = start + 3;
                while self.left(q) > suffix_len && self.input.get(q).is_some_and(u8::is_ascii_digit) {
                    q += 1;
                }
                if self.left(q) == suffix_len {
                    *at = Some(start + len);
                    continue;
                }
            }
            return self.lname(at, len);
        }
    }

    /// `len` bytes of name, or one of the compiler's special symbols, which reads as a
    /// phrase in front of what came before it (in place of the `.` written for it).
    fn lname(&mut self, at: &mut At, len: usize) {
        let Some(p) = *at else { return };
        let rest = self.input.get(p..).unwrap_or(&[]);
        let special: &[(usize, &[u8], &[u8])] = &[
            (6, b"__initZ", b"initializer for "),
            (6, b"__vtblZ", b"vtable for "),
            (7, b"__ClassZ", b"ClassInfo for "),
            (11, b"__InterfaceZ", b"Interface for "),
            (12, b"__ModuleInfoZ", b"ModuleInfo for "),
        ];
        if let Some(&(_, _, phrase)) = special.iter().find(|(l, prefix, _)| *l == len && rest.starts_with(prefix)) {
            self.out.splice(0..0, phrase.iter().copied());
            self.out.pop();
            if self.out.len() > self.max_len {
                self.bounded = true;
            }
        } else {
            let name = self.input.get(p..p + len).unwrap_or(&[]);
            self.write(name);
        }
        *at = Some(p + len);
    }

    /// Digits (at most `u32::MAX`), which must not end the name.
    fn number(&mut self, at: &mut At) -> u64 {
        let Some(mut p) = *at else { return 0 };
        if !self.input.get(p).is_some_and(u8::is_ascii_digit) {
            *at = None;
            return 0;
        }
        let mut value: u64 = 0;
        while let Some(&c) = self.input.get(p).filter(|c| c.is_ascii_digit()) {
            let digit = u64::from(c - b'0');
            if value > (u64::from(u32::MAX) - digit) / 10 {
                *at = None;
                return 0;
            }
            value = value * 10 + digit;
            p += 1;
        }
        *at = if p < self.input.len() { Some(p) } else { None };
        value
    }

    /// Base 26 with upper-case letters for the leading digits and a lower-case last one.
    fn backref_pos(&self, at: &mut At) -> Option<u64> {
        let mut p = (*at)?;
        let mut value: u64 = 0;
        while let Some(&c) = self.input.get(p).filter(|c| c.is_ascii_alphabetic()) {
            if value > (u64::MAX - 25) / 26 {
                break;
            }
            value *= 26;
            if c.is_ascii_lowercase() {
                value += u64::from(c - b'a');
                if value as i64 <= 0 {
                    break;
                }
                *at = Some(p + 1);
                return Some(value);
            }
            value += u64::from(c - b'A');
            p += 1;
        }
        *at = None;
        None
    }

    /// `Q <number-back-ref>` at `at`: the position it refers to.
    fn backref(&self, at: &mut At) -> Option<usize> {
        let q = (*at)?;
        *at = Some(q + 1);
        match self.backref_pos(at) {
            Some(back) if back <= q as u64 => Some(q - back as usize),
            _ => {
                *at = None;
                None
            }
        }
    }

    fn symbol_backref(&mut self, at: &mut At) {
        let Some(target) = self.backref(at) else {
            *at = None;
            return;
        };
        let mut view = Some(target);
        let len = self.number(&mut view);
        match view {
            Some(start) if (self.left(start) as u64) >= len => {}
            _ => {
                *at = None;
                return;
            }
        }
        self.lname(&mut view, len as usize);
        if self.is_empty(view) {
            *at = None;
        }
    }

    /// LLVM 19 reads `int` (`i`) and back-referenced types only, and prints neither.
    fn ty(&mut self, at: &mut At) -> bool {
        match self.byte(*at) {
            Some(b'i') => {
                *at = at.map(|p| p + 1);
                true
            }
            Some(b'Q') => {
                self.type_backref(at);
                true
            }
            _ => {
                *at = None;
                false
            }
        }
    }

    fn type_backref(&mut self, at: &mut At) {
        let Some(p) = *at else { return };
        // Each must point further back than the one it is inside, or it could loop.
        if p >= self.last_backref {
            *at = None;
            return;
        }
        if self.depth >= MAX_DEPTH {
            self.bounded = true;
            *at = None;
            return;
        }
        let saved = std::mem::replace(&mut self.last_backref, p);
        let Some(target) = self.backref(at) else {
            *at = None;
            return;
        };
        let mut view = Some(target);
        if self.is_empty(view) {
            *at = None;
            return;
        }
        self.depth += 1;
        if !self.ty(&mut view) {
            *at = None;
        }
        self.depth -= 1;
        self.last_backref = saved;
        if self.is_empty(view) {
            *at = None;
        }
    }
}
