//! Support code for the differential test (`tests/differential.rs`); `process` and `dwarf`
//! also serve `tests/rust.rs` and `tests/drivers.rs`.

pub mod compare;
pub mod dwarf;
pub mod process;
pub mod program;
pub mod tar;
pub mod toolchain;
pub mod verdict;
pub mod wasm;
