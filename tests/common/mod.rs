//! Support code for the differential test (`tests/differential.rs`).

pub mod compare;
pub mod process;
pub mod program;
pub mod toolchain;
pub mod wasm;
