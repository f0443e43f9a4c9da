//! Layout: index spaces and linear memory.

pub mod indices;
pub mod memory;
