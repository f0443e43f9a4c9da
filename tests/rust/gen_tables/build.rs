//! Generates $OUT_DIR/tables.rs: a CRC-32 table, unit conversions from data/units.txt
//! (a lookup `match`, one function per unit, a table of function pointers).
use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=data/units.txt");
    println!("cargo:rerun-if-changed=build.rs");
    let mut code = String::new();

    let mut table = [0u32; 256];
    for (n, slot) in table.iter_mut().enumerate() {
        let mut c = n as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 { 0xedb88320 ^ (c >> 1) } else { c >> 1 };
        }
        *slot = c;
    }
    writeln!(code, "pub static CRC_TABLE: [u32; 256] = {table:?};").unwrap();

    let data = std::fs::read_to_string("data/units.txt").unwrap();
    let units: Vec<(String, String, String)> = data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f[0].to_string(), f[1].to_string(), f[2].to_string())
        })
        .collect();
    writeln!(code, "pub const UNIT_COUNT: usize = {};", units.len()).unwrap();
    writeln!(code, "pub fn factor(name: &str) -> Option<f64> {{\n    match name {{").unwrap();
    for (name, factor, symbol) in &units {
        writeln!(code, "        {name:?} | {symbol:?} => Some({factor}_f64),").unwrap();
    }
    writeln!(code, "        _ => None,\n    }}\n}}").unwrap();
    for (name, factor, _) in &units {
        writeln!(code, "#[inline(never)]\npub fn to_{name}(metres: f64) -> f64 {{ metres / {factor}_f64 }}").unwrap();
    }
    write!(code, "pub static CONVERTERS: [(&str, fn(f64) -> f64); {}] = [", units.len()).unwrap();
    for (name, _, _) in &units {
        write!(code, "({name:?}, to_{name}), ").unwrap();
    }
    writeln!(code, "];").unwrap();
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("tables.rs");
    std::fs::write(out, code).unwrap();
}
