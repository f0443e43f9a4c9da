//! Exports for a JS host: integers (i32, i64 as BigInt), floats through libm, memory shared
//! with the host (alloc/dealloc, byte buffers), mutable statics, indirect calls through a table
//! of function pointers, an imported host function, and a panic (which traps).

use std::sync::atomic::{AtomicU32, Ordering};

extern "C" {
    /// Provided by the host; left undefined at link time (rustc passes --allow-undefined).
    fn host_log(tag: u32, value: f64);
}

#[no_mangle]
pub extern "C" fn add(a: i32, b: i32) -> i32 {
    a.wrapping_add(b)
}

#[no_mangle]
pub extern "C" fn mul_wide(a: i64, b: i64) -> i64 {
    a.wrapping_mul(b)
}

#[no_mangle]
pub extern "C" fn fib(n: u32) -> u64 {
    let (mut a, mut b) = (0u64, 1u64);
    for _ in 0..n {
        (a, b) = (b, a.wrapping_add(b));
    }
    a
}

#[no_mangle]
pub extern "C" fn geometry(x: f64, y: f64) -> f64 {
    let r = x.hypot(y);
    let angle = y.atan2(x);
    unsafe { host_log(1, r) };
    unsafe { host_log(2, angle) };
    r.ln() + angle.sin() * x.cbrt() + (x * 0.1).exp() + y.powf(1.5)
}

static CALLS: AtomicU32 = AtomicU32::new(0);
static mut HISTORY: [u32; 8] = [0; 8];

#[no_mangle]
pub extern "C" fn bump(by: u32) -> u32 {
    let n = CALLS.fetch_add(by, Ordering::Relaxed) + by;
    unsafe { (*std::ptr::addr_of_mut!(HISTORY))[(n % 8) as usize] = n };
    n
}

#[no_mangle]
pub extern "C" fn history_sum() -> u32 {
    unsafe { (*std::ptr::addr_of!(HISTORY)).iter().sum() }
}

#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(len);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// # Safety
/// `ptr` and `len` come from `alloc`.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    drop(Vec::from_raw_parts(ptr, 0, len));
}

/// Upper-cases UTF-8 text in place when the length does not change, and returns a checksum.
///
/// # Safety
/// `ptr..ptr+len` is memory the host filled.
#[no_mangle]
pub unsafe extern "C" fn shout(ptr: *mut u8, len: usize) -> u32 {
    let bytes = std::slice::from_raw_parts_mut(ptr, len);
    let text = String::from_utf8_lossy(bytes).to_uppercase();
    if text.len() == len {
        bytes.copy_from_slice(text.as_bytes());
    }
    text.chars().fold(7u32, |h, c| h.wrapping_mul(31).wrapping_add(c as u32))
}

/// Sorts `len` u32s at `ptr` in descending order; returns the median.
///
/// # Safety
/// `ptr` points at `len` u32s.
#[no_mangle]
pub unsafe extern "C" fn sort_desc(ptr: *mut u32, len: usize) -> u32 {
    let v = std::slice::from_raw_parts_mut(ptr, len);
    v.sort_unstable_by(|a, b| b.cmp(a));
    v.get(len / 2).copied().unwrap_or(0)
}

type Op = fn(i64, i64) -> i64;
static OPS: [(&str, Op); 5] = [
    ("add", |a, b| a + b),
    ("sub", |a, b| a - b),
    ("mul", |a, b| a * b),
    ("max", std::cmp::max),
    ("gcd", gcd),
];

fn gcd(a: i64, b: i64) -> i64 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

/// Folds `op` (an index into a table of function pointers) over 1..=n starting from `seed`.
#[no_mangle]
pub extern "C" fn fold(op: u32, seed: i64, n: u32) -> i64 {
    let (_, f) = OPS[op as usize % OPS.len()];
    (1..=n as i64).fold(seed, f)
}

/// Panics (and so traps) when `b` is zero.
#[no_mangle]
pub extern "C" fn checked_div(a: i32, b: i32) -> i32 {
    if b == 0 {
        panic!("division of {a} by zero");
    }
    a / b
}
