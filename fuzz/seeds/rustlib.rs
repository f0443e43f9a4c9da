// Fuzz seed from rustc: generics, trait objects, statics with relocations, panics and
// `extern "C"` exports, without std so the objects stay small.
#![no_std]

use core::sync::atomic::{AtomicU32, Ordering};

pub static COUNTER: AtomicU32 = AtomicU32::new(7);
static GREETING: &str = "hello from rustc";
static TABLE: [fn(u32) -> u32; 3] = [double, square, |x| x ^ 0x55];

pub trait Shape {
    fn area(&self) -> u32;
}
pub struct Rect(pub u32, pub u32);
pub struct Square(pub u32);
impl Shape for Rect {
    fn area(&self) -> u32 { self.0.wrapping_mul(self.1) }
}
impl Shape for Square {
    fn area(&self) -> u32 { self.0.wrapping_mul(self.0) }
}

fn double(x: u32) -> u32 { x.wrapping_mul(2) }
fn square(x: u32) -> u32 { x.wrapping_mul(x) }

pub fn total<T: Shape + ?Sized>(shapes: &[&T]) -> u32 {
    shapes.iter().map(|s| s.area()).fold(0, u32::wrapping_add)
}

#[no_mangle]
pub extern "C" fn rust_entry(n: u32) -> u32 {
    let shapes: [&dyn Shape; 2] = [&Rect(n, 3), &Square(n)];
    let f = TABLE[(n % 3) as usize];
    COUNTER.fetch_add(1, Ordering::Relaxed);
    f(total(&shapes)) + GREETING.len() as u32
}

#[no_mangle]
pub extern "C" fn rust_checked(a: u32, b: u32) -> u32 {
    a.checked_div(b).expect("division by zero")
}

#[panic_handler]
fn on_panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}
