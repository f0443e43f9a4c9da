//! Rust v0 symbol names (`_R...`), printed as LLVM 19's Rust demangler prints them: the
//! crate disambiguators left out, closures as `{closure#0}`, and a name LLVM cannot read
//! (bad syntax, a back-reference loop, an unstable construct it does not know) left as it
//! is. It prints while it reads; a back-reference re-reads earlier input at the printing
//! position, so the output bound and a step budget keep hostile names cheap.

use super::Failure;

/// As LLVM's: nesting past this is an error.
const MAX_RECURSION: u32 = 500;
/// Reading steps allowed per name (back-references re-read input).
const FUEL: u64 = 1_000_000;

/// The demangled text of `name` (which starts with `_R`): `Invalid` where LLVM fails,
/// `Bounds` where the text would be longer than `max_len` or take too much work.
pub fn demangle(name: &str, max_len: usize) -> Result<String, Failure> {
    let mangled = name.strip_prefix("_R").ok_or(Failure::Invalid)?;
    let (input, suffix) = match mangled.find('.') {
        Some(dot) => mangled.split_at(dot),
        None => (mangled, ""),
    };
    let mut d = Demangler {
        input: input.as_bytes(),
        pos: 0,
        out: Vec::new(),
        max_len,
        print: true,
        error: false,
        recursion: 0,
        bound_lifetimes: 0,
        fuel: FUEL,
        bounded: false,
    };
    d.path(InType::No, LeaveOpen::No);
    if d.pos != d.input.len() {
        // The instantiating crate, which is not printed.
        d.print = false;
        d.path(InType::No, LeaveOpen::No);
        d.print = true;
    }
    if d.pos != d.input.len() {
        d.error = true;
    }
    if !suffix.is_empty() {
        d.text(" (");
        d.text(suffix);
        d.text(")");
    }
    if d.bounded {
        return Err(Failure::Bounds);
    }
    if d.error {
        return Err(Failure::Invalid);
    }
    String::from_utf8(d.out).map_err(|_| Failure::Invalid)
}

#[derive(Clone, Copy, PartialEq)]
enum InType {
    No,
    Yes,
}

#[derive(Clone, Copy, PartialEq)]
enum LeaveOpen {
    No,
    Yes,
}

struct Demangler<'a> {
    input: &'a [u8],
    pos: usize,
    out: Vec<u8>,
    max_len: usize,
    /// Off while reading parts that are not shown (impl paths, the instantiating crate).
    print: bool,
    error: bool,
    recursion: u32,
    bound_lifetimes: u64,
    fuel: u64,
    /// The error was weld's output bound or step budget, not LLVM's.
    bounded: bool,
}

impl<'a> Demangler<'a> {
    // ---- output ----

    fn bytes(&mut self, b: &[u8]) {
        if self.error || !self.print {
            return;
        }
        if self.out.len() + b.len() > self.max_len {
            self.error = true;
            self.bounded = true;
            return;
        }
        self.out.extend_from_slice(b);
    }

    fn text(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }

    fn number(&mut self, n: u64) {
        self.text(&n.to_string());
    }

    // ---- input ----

    fn look(&self) -> u8 {
        if self.error {
            return 0;
        }
        self.input.get(self.pos).copied().unwrap_or(0)
    }

    fn consume(&mut self) -> u8 {
        match self.input.get(self.pos) {
            Some(&c) if !self.error => {
                self.pos += 1;
                c
            }
            _ => {
                self.error = true;
                0
            }
        }
    }

    fn consume_if(&mut self, c: u8) -> bool {
        let matched = !self.error && self.input.get(self.pos) == Some(&c);
        if matched {
            self.pos += 1;
        }
        matched
    }

    /// One level deeper, within the recursion limit and the step budget.
    fn enter(&mut self) -> bool {
        if self.error || self.recursion >= MAX_RECURSION || self.fuel == 0 {
            self.bounded |= !self.error && self.fuel == 0;
            self.error = true;
            return false;
        }
        self.fuel -= 1;
        self.recursion += 1;
        true
    }

    fn leave(&mut self) {
        self.recursion -= 1;
    }

    // ---- grammar ----

    /// `<path>`; returns whether generic arguments were left open (for `dyn` bounds, whose
    /// associated type bindings go inside the same `<...>`).
    fn path(&mut self, in_type: InType, leave_open: LeaveOpen) -> bool {
        if !self.enter() {
            return false;
        }
        let open = self.path_inner(in_type, leave_open);
        self.leave();
        open
    }

    fn path_inner(&mut self, in_type: InType, leave_open: LeaveOpen) -> bool {
        match self.consume() {
            b'C' => {
                self.optional_base62(b's');
                let ident = self.identifier();
                self.print_identifier(ident);
            }
            b'M' => {
                self.impl_path(in_type);
                self.text("<");
                self.ty();
                self.text(">");
            }
            b'X' => {
                self.impl_path(in_type);
                self.text("<");
                self.ty();
                self.text(" as ");
                self.path(InType::Yes, LeaveOpen::No);
                self.text(">");
            }
            b'Y' => {
                self.text("<");
                self.ty();
                self.text(" as ");
                self.path(InType::Yes, LeaveOpen::No);
                self.text(">");
            }
            b'N' => {
                let ns = self.consume();
                if !ns.is_ascii_alphabetic() {
                    self.error = true;
                    return false;
                }
                self.path(in_type, LeaveOpen::No);
                let disambiguator = self.optional_base62(b's');
                let ident = self.identifier();
                if ns.is_ascii_uppercase() {
                    // Special namespaces: closures, shims, others by their letter.
                    self.text("::{");
                    match ns {
                        b'C' => self.text("closure"),
                        b'S' => self.text("shim"),
                        _ => self.bytes(&[ns]),
                    }
                    if !ident.name.is_empty() {
                        self.text(":");
                        self.print_identifier(ident);
                    }
                    self.text("#");
                    self.number(disambiguator);
                    self.text("}");
                } else if !ident.name.is_empty() {
                    self.text("::");
                    self.print_identifier(ident);
                }
            }
            b'I' => {
                self.path(in_type, LeaveOpen::No);
                // `::` is optional in a type, and left out there.
                if in_type == InType::No {
                    self.text("::");
                }
                self.text("<");
                self.list_until_e(", ", Self::generic_arg);
                if leave_open == LeaveOpen::Yes {
                    return true;
                }
                self.text(">");
            }
            b'B' => {
                let mut open = false;
                self.backref(|d| open = d.path(in_type, leave_open));
                return open;
            }
            _ => self.error = true,
        }
        false
    }

    /// Items up to an `E`, printed with `separator` between them; returns how many.
    fn list_until_e(&mut self, separator: &str, item: fn(&mut Self)) -> usize {
        let mut count = 0;
        while !self.error && !self.consume_if(b'E') {
            if count > 0 {
                self.text(separator);
            }
            item(self);
            count += 1;
        }
        count
    }

    /// `[<disambiguator>] <path>`, read but not printed.
    fn impl_path(&mut self, in_type: InType) {
        let saved = std::mem::replace(&mut self.print, false);
        self.optional_base62(b's');
        self.path(in_type, LeaveOpen::No);
        self.print = saved;
    }

    /// `B <base-62-number>`: re-reads the input at an earlier position, when printing.
    fn backref(&mut self, mut read: impl FnMut(&mut Self)) {
        let target = self.base62();
        if self.error || target >= self.pos as u64 {
            self.error = true;
            return;
        }
        if !self.print {
            return;
        }
        let saved = self.pos;
        self.pos = target as usize;
        read(self);
        self.pos = saved;
    }

    fn generic_arg(&mut self) {
        if self.consume_if(b'L') {
            let lifetime = self.base62();
            self.lifetime(lifetime);
        } else if self.consume_if(b'K') {
            self.constant();
        } else {
            self.ty();
        }
    }

    fn ty(&mut self) {
        if !self.enter() {
            return;
        }
        self.ty_inner();
        self.leave();
    }

    fn ty_inner(&mut self) {
        let start = self.pos;
        let c = self.consume();
        if let Some(basic) = basic_type(c) {
            self.text(basic);
            return;
        }
        match c {
            b'A' => {
                self.text("[");
                self.ty();
                self.text("; ");
                self.constant();
                self.text("]");
            }
            b'S' => {
                self.text("[");
                self.ty();
                self.text("]");
            }
            b'T' => {
                self.text("(");
                let count = self.list_until_e(", ", Self::ty);
                if count == 1 {
                    self.text(",");
                }
                self.text(")");
            }
            b'R' | b'Q' => {
                self.text("&");
                if self.consume_if(b'L') {
                    let lifetime = self.base62();
                    if lifetime != 0 {
                        self.lifetime(lifetime);
                        self.text(" ");
                    }
                }
                if c == b'Q' {
                    self.text("mut ");
                }
                self.ty();
            }
            b'P' => {
                self.text("*const ");
                self.ty();
            }
            b'O' => {
                self.text("*mut ");
                self.ty();
            }
            b'F' => self.fn_sig(),
            b'D' => {
                self.dyn_bounds();
                if self.consume_if(b'L') {
                    let lifetime = self.base62();
                    if lifetime != 0 {
                        self.text(" + ");
                        self.lifetime(lifetime);
                    }
                } else {
                    self.error = true;
                }
            }
            b'B' => self.backref(|d| d.ty()),
            _ => {
                self.pos = start;
                self.path(InType::Yes, LeaveOpen::No);
            }
        }
    }

    /// `[<binder>] [U] [K <abi>] {<type>} E <type>`.
    fn fn_sig(&mut self) {
        let saved = self.bound_lifetimes;
        self.optional_binder();
        if self.consume_if(b'U') {
            self.text("unsafe ");
        }
        if self.consume_if(b'K') {
            self.text("extern \"");
            if self.consume_if(b'C') {
                self.text("C");
            } else {
                let ident = self.identifier();
                if ident.punycode {
                    self.error = true;
                }
                // The mangling writes an ABI's `-` as `_`.
                let abi: Vec<u8> = ident.name.iter().map(|&c| if c == b'_' { b'-' } else { c }).collect();
                self.bytes(&abi);
            }
            self.text("\" ");
        }
        self.text("fn(");
        self.list_until_e(", ", Self::ty);
        self.text(")");
        if !self.consume_if(b'u') {
            self.text(" -> ");
            self.ty();
        }
        self.bound_lifetimes = saved;
    }

    fn dyn_bounds(&mut self) {
        let saved = self.bound_lifetimes;
        self.text("dyn ");
        self.optional_binder();
        self.list_until_e(" + ", Self::dyn_trait);
        self.bound_lifetimes = saved;
    }

    /// A trait path and its associated type bindings, `Iterator<Item = u8>`.
    fn dyn_trait(&mut self) {
        let mut open = self.path(InType::Yes, LeaveOpen::Yes);
        while !self.error && self.consume_if(b'p') {
            if open {
                self.text(", ");
            } else {
                open = true;
                self.text("<");
            }
            let name = self.identifier().name;
            self.bytes(name);
            self.text(" = ");
            self.ty();
        }
        if open {
            self.text(">");
        }
    }

    /// `G <base-62-number>`: `for<'a, 'b>`.
    fn optional_binder(&mut self) {
        let count = self.optional_base62(b'G');
        if self.error || count == 0 {
            return;
        }
        // Each bound lifetime takes at least a byte to refer to: a longer list is invalid
        // (and would print without end).
        if count >= (self.input.len() as u64).saturating_sub(self.bound_lifetimes) {
            self.error = true;
            return;
        }
        self.text("for<");
        for i in 0..count {
            self.bound_lifetimes += 1;
            if i > 0 {
                self.text(", ");
            }
            self.lifetime(1);
        }
        self.text("> ");
    }

    /// `<basic-type> <const-data>`, `p` (a placeholder), or a back-reference.
    fn constant(&mut self) {
        if !self.enter() {
            return;
        }
        match self.consume() {
            b'a' | b'h' | b's' | b't' | b'l' | b'm' | b'x' | b'y' | b'n' | b'o' | b'i' | b'j' => {
                if self.consume_if(b'n') {
                    self.text("-");
                }
                if let Some((value, digits)) = self.hex_number() {
                    if digits.len() <= 16 {
                        self.number(value);
                    } else {
                        self.text("0x");
                        self.bytes(digits);
                    }
                }
            }
            b'b' => match self.hex_number() {
                Some((_, b"0")) => self.text("false"),
                Some((_, b"1")) => self.text("true"),
                _ => self.error = true,
            },
            b'c' => self.char_constant(),
            b'p' => self.text("_"),
            b'B' => self.backref(|d| d.constant()),
            _ => self.error = true,
        }
        self.leave();
    }

    fn char_constant(&mut self) {
        let Some((code, digits)) = self.hex_number() else { return };
        if digits.len() > 6 {
            self.error = true;
            return;
        }
        self.text("'");
        match code {
            0x09 => self.text("\\t"),
            0x0d => self.text("\\r"),
            0x0a => self.text("\\n"),
            0x5c => self.text("\\\\"),
            0x22 => self.text("\""),
            0x27 => self.text("\\'"),
            0x20..=0x7e => self.bytes(&[code as u8]),
            _ => {
                self.text("\\u{");
                self.bytes(digits);
                self.text("}");
            }
        }
        self.text("'");
    }

    // ---- numbers and identifiers ----

    /// `[u] <decimal-number> [_] <bytes>`.
    fn identifier(&mut self) -> Identifier<'a> {
        let punycode = self.consume_if(b'u');
        let len = self.decimal();
        self.consume_if(b'_');
        let input = self.input;
        let start = self.pos;
        let name = usize::try_from(len).ok().and_then(|len| input.get(start..start.checked_add(len)?));
        match name {
            Some(name) if !self.error && name.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'_') => {
                self.pos += name.len();
                Identifier { name, punycode }
            }
            _ => {
                self.error = true;
                Identifier { name: &[], punycode: false }
            }
        }
    }

    fn print_identifier(&mut self, ident: Identifier<'a>) {
        if self.error || !self.print {
            return;
        }
        if !ident.punycode {
            self.bytes(ident.name);
            return;
        }
        match decode_punycode(ident.name) {
            Some(text) => self.text(&text),
            None => self.error = true,
        }
    }

    /// 0 when `tag` is absent, else the base-62 number after it plus one.
    fn optional_base62(&mut self, tag: u8) -> u64 {
        if !self.consume_if(tag) {
            return 0;
        }
        let n = self.base62();
        if self.error {
            return 0;
        }
        n.checked_add(1).unwrap_or_else(|| {
            self.error = true;
            0
        })
    }

    /// `{<0-9a-zA-Z>} _`, offset by one (`_` is 0, `0_` is 1).
    fn base62(&mut self) -> u64 {
        if self.consume_if(b'_') {
            return 0;
        }
        let mut value: u64 = 0;
        loop {
            let digit = match self.consume() {
                b'_' => break,
                c @ b'0'..=b'9' => u64::from(c - b'0'),
                c @ b'a'..=b'z' => 10 + u64::from(c - b'a'),
                c @ b'A'..=b'Z' => 36 + u64::from(c - b'A'),
                _ => {
                    self.error = true;
                    return 0;
                }
            };
            match value.checked_mul(62).and_then(|v| v.checked_add(digit)) {
                Some(v) => value = v,
                None => {
                    self.error = true;
                    return 0;
                }
            }
        }
        value.checked_add(1).unwrap_or_else(|| {
            self.error = true;
            0
        })
    }

    /// `0` or a decimal number without leading zeros.
    fn decimal(&mut self) -> u64 {
        let c = self.look();
        if !c.is_ascii_digit() {
            self.error = true;
            return 0;
        }
        if c == b'0' {
            self.consume();
            return 0;
        }
        let mut value: u64 = 0;
        while self.look().is_ascii_digit() {
            let digit = u64::from(self.consume() - b'0');
            match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
                Some(v) => value = v,
                None => {
                    self.error = true;
                    return 0;
                }
            }
        }
        value
    }

    /// `0_` or `<1-9a-f> {<0-9a-f>} _`: the value (meaningless past 16 digits) and the digits.
    fn hex_number(&mut self) -> Option<(u64, &'a [u8])> {
        let start = self.pos;
        let mut value: u64 = 0;
        if !matches!(self.look(), b'0'..=b'9' | b'a'..=b'f') {
            self.error = true;
        }
        if self.consume_if(b'0') {
            if !self.consume_if(b'_') {
                self.error = true;
            }
        } else {
            while !self.error && !self.consume_if(b'_') {
                let digit = match self.consume() {
                    c @ b'0'..=b'9' => u64::from(c - b'0'),
                    c @ b'a'..=b'f' => 10 + u64::from(c - b'a'),
                    _ => {
                        self.error = true;
                        0
                    }
                };
                value = value.wrapping_mul(16).wrapping_add(digit);
            }
        }
        if self.error {
            return None;
        }
        let input = self.input;
        input.get(start..self.pos - 1).map(|digits| (value, digits))
    }

    /// A lifetime: 0 is erased (`'_`), others count enclosing binders (`'a`, `'b`, ...).
    fn lifetime(&mut self, index: u64) {
        if index == 0 {
            self.text("'_");
            return;
        }
        if index > self.bound_lifetimes {
            self.error = true;
            return;
        }
        let depth = self.bound_lifetimes - index;
        self.text("'");
        if depth < 26 {
            self.bytes(&[b'a' + depth as u8]);
        } else {
            self.text("z");
            self.number(depth - 26 + 1);
        }
    }
}

#[derive(Clone, Copy)]
struct Identifier<'a> {
    name: &'a [u8],
    punycode: bool,
}

fn basic_type(c: u8) -> Option<&'static str> {
    Some(match c {
        b'a' => "i8",
        b'b' => "bool",
        b'c' => "char",
        b'd' => "f64",
        b'e' => "str",
        b'f' => "f32",
        b'h' => "u8",
        b'i' => "isize",
        b'j' => "usize",
        b'l' => "i32",
        b'm' => "u32",
        b'n' => "i128",
        b'o' => "u128",
        b'p' => "_",
        b's' => "i16",
        b't' => "u16",
        b'u' => "()",
        b'v' => "...",
        b'x' => "i64",
        b'y' => "u64",
        b'z' => "!",
        _ => return None,
    })
}

/// RFC 3492 punycode with `_` as the delimiter, as Rust writes non-ASCII identifiers.
fn decode_punycode(input: &[u8]) -> Option<String> {
    const BASE: u64 = 36;
    const T_MIN: u64 = 1;
    const T_MAX: u64 = 26;
    const SKEW: u64 = 38;
    let mut points: Vec<char> = Vec::new();
    let mut rest = input;
    if let Some(delimiter) = input.iter().rposition(|&c| c == b'_') {
        for &c in &input[..delimiter] {
            if !(c.is_ascii_alphanumeric() || c == b'_') {
                return None;
            }
            points.push(char::from(c));
        }
        rest = &input[delimiter + 1..];
    }
    let mut bias: u64 = 72;
    let mut damp: u64 = 700;
    let mut n: u64 = 0x80;
    let mut i: u64 = 0;
    let mut rest = rest.iter();
    while rest.len() > 0 {
        let old_i = i;
        let mut w: u64 = 1;
        let mut k = BASE;
        loop {
            let digit = match *rest.next()? {
                c @ b'a'..=b'z' => u64::from(c - b'a'),
                c @ b'0'..=b'9' => 26 + u64::from(c - b'0'),
                _ => return None,
            };
            i = i.checked_add(digit.checked_mul(w)?)?;
            let t = if k <= bias {
                T_MIN
            } else if k >= bias + T_MAX {
                T_MAX
            } else {
                k - bias
            };
            if digit < t {
                break;
            }
            w = w.checked_mul(BASE - t)?;
            k += BASE;
        }
        let num_points = points.len() as u64 + 1;
        // Adapt the bias (RFC 3492, 6.1).
        let mut delta = (i - old_i) / damp;
        damp = 2;
        delta += delta / num_points;
        let mut k = 0;
        while delta > (BASE - T_MIN) * T_MAX / 2 {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        bias = k + ((BASE - T_MIN + 1) * delta) / (delta + SKEW);
        n = n.checked_add(i / num_points)?;
        i %= num_points;
        let c = char::from_u32(u32::try_from(n).ok()?)?;
        points.insert(i as usize, c);
        i += 1;
    }
    Some(points.into_iter().collect())
}
