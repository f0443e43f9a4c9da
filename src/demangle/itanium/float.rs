//! Floating-point template arguments (`Lf3fc00000E`), which LLVM's demangler prints with
//! C's `%a` (glibc's hexadecimal form: `0x1.8p+0f`). The mangling is the value's bits in
//! hexadecimal, most significant first; `long double` is x86-64's 80-bit format, as on
//! the hosts wasm-ld runs on.

use super::ast::FloatKind;

pub fn format(kind: FloatKind, digits: &str) -> String {
    let Ok(bits) = u128::from_str_radix(digits, 16) else {
        return String::new();
    };
    match kind {
        // `%a` of the float promoted to double, then an `f`.
        FloatKind::Float => {
            let value = f64::from(f32::from_bits(bits as u32));
            format!("{}f", double(value.to_bits()))
        }
        FloatKind::Double => double(bits as u64),
        FloatKind::LongDouble => format!("{}L", x87(bits)),
    }
}

/// glibc's `%a` of a double: `0x1.<fraction>p<exponent>`, trailing zero digits dropped.
fn double(bits: u64) -> String {
    let sign = if bits >> 63 != 0 { "-" } else { "" };
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1 << 52) - 1);
    if exponent == 0x7ff {
        return format!("{sign}{}", if mantissa == 0 { "inf" } else { "nan" });
    }
    let (leading, exponent) = match (exponent, mantissa) {
        (0, 0) => ('0', 0),
        (0, _) => ('0', -1022),
        _ => ('1', exponent - 1023),
    };
    format!("{sign}0x{leading}{}p{exponent:+}", fraction(mantissa, 13))
}

/// glibc's `%La` of an x87 long double: the 64-bit mantissa has an explicit integer bit,
/// so the leading digit is its first nibble and the exponent is three less.
fn x87(bits: u128) -> String {
    let sign = if (bits >> 79) & 1 != 0 { "-" } else { "" };
    let exponent = ((bits >> 64) & 0x7fff) as i64;
    let mantissa = bits as u64;
    // An explicit integer bit of 0 with a nonzero exponent (an "unnormal") is not a number.
    let unnormal = exponent != 0 && mantissa >> 63 == 0;
    if exponent == 0x7fff || unnormal {
        let infinite = !unnormal && mantissa << 1 == 0;
        return format!("{sign}{}", if infinite { "inf" } else { "nan" });
    }
    let leading = mantissa >> 60;
    let exponent = match (exponent, mantissa) {
        (0, 0) => 0,
        (0, _) => -16385,
        _ => exponent - 16386,
    };
    format!("{sign}0x{leading:x}{}p{exponent:+}", fraction(mantissa & ((1 << 60) - 1), 15))
}

/// `.` and the low `digits` hex digits of `value` without trailing zeros, or nothing.
fn fraction(value: u64, digits: usize) -> String {
    if value == 0 {
        return String::new();
    }
    let text = format!("{value:0digits$x}");
    format!(".{}", text.trim_end_matches('0'))
}
