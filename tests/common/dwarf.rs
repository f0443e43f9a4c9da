//! DWARF checks on a linked module (used by tests/rust.rs and tests/drivers.rs):
//! `llvm-dwarfdump-19 --verify` must find no errors, and `llvm-symbolizer-19` must map each
//! function's code address to the same function and file:line:column in weld's module as in
//! the reference linker's. Functions are matched by index, so the check holds even when the
//! two modules' code is laid out differently.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;

use super::process;

pub const DWARFDUMP: &str = "llvm-dwarfdump-19";
pub const SYMBOLIZER: &str = "llvm-symbolizer-19";

/// The DWARF address of each defined function: the offset, within the code section's
/// contents, of the byte after the body's size (where LLVM's `DW_AT_low_pc` points).
pub fn function_addresses(bytes: &[u8]) -> Result<Vec<u64>, String> {
    let mut pos = 8;
    while pos < bytes.len() {
        let id = bytes[pos];
        pos += 1;
        let size = leb(bytes, &mut pos)? as usize;
        let end = pos
            .checked_add(size)
            .filter(|&e| e <= bytes.len())
            .ok_or("section runs past the end")?;
        if id == 10 {
            let start = pos;
            let mut p = pos;
            let count = leb(bytes, &mut p)?;
            let mut addresses = Vec::with_capacity(count as usize);
            for _ in 0..count {
                let body = leb(bytes, &mut p)? as usize;
                addresses.push((p - start) as u64);
                p += body;
            }
            return Ok(addresses);
        }
        pos = end;
    }
    Ok(Vec::new())
}

fn leb(bytes: &[u8], pos: &mut usize) -> Result<u64, String> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *bytes.get(*pos).ok_or("truncated LEB")?;
        *pos += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
        shift += 7;
        if shift > 63 {
            return Err("LEB too long".to_string());
        }
    }
}

/// `llvm-dwarfdump-19 --verify MODULE` exits 0 and says "No errors.".
pub fn verify(module: &Path, log_dir: &Path, label: &str) -> Result<(), String> {
    let mut cmd = Command::new(DWARFDUMP);
    cmd.arg("--verify").arg(module);
    let outcome = process::run(&mut cmd, log_dir, label)?;
    let text = outcome.stdout_text();
    if outcome.status.success() && text.contains("No errors.") {
        return Ok(());
    }
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("error"))
        .take(5)
        .collect();
    Err(format!(
        "{DWARFDUMP} --verify {} failed ({}): {}",
        module.display(),
        outcome.status,
        if errors.is_empty() {
            outcome.stderr_summary()
        } else {
            errors.join(" | ")
        }
    ))
}

/// One record per address: the symbolizer's lines for it (function, file:line:column, and
/// the same for each inlined frame), joined with " / ".
pub fn symbolize(
    module: &Path,
    addresses: &[u64],
    log_dir: &Path,
    label: &str,
) -> Result<Vec<String>, String> {
    let mut records = Vec::with_capacity(addresses.len());
    // Bounded chunks keep each command line short.
    for (n, chunk) in addresses.chunks(2000).enumerate() {
        let mut cmd = Command::new(SYMBOLIZER);
        cmd.arg(format!("--obj={}", module.display()));
        cmd.args(chunk.iter().map(|a| format!("{a:#x}")));
        let outcome = process::run(&mut cmd, log_dir, &format!("{label}-{n}"))?;
        if !outcome.status.success() {
            return Err(format!(
                "{SYMBOLIZER} failed ({}): {}",
                outcome.status,
                outcome.stderr_summary()
            ));
        }
        let text = outcome.stdout_text();
        let got: Vec<String> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(|r| r.lines().collect::<Vec<_>>().join(" / "))
            .collect();
        if got.len() != chunk.len() {
            return Err(format!(
                "{SYMBOLIZER} gave {} records for {} addresses",
                got.len(),
                chunk.len()
            ));
        }
        records.extend(got);
    }
    Ok(records)
}

/// What `compare_line_tables` found.
pub struct LineCheck {
    pub functions: usize,
    /// Functions the symbolizer mapped to a source line (in the reference).
    pub with_lines: usize,
}

/// Symbolizes every function of both modules and compares them by function index.
/// `normalize` is applied to weld's records first (e.g. to map its build directory's name
/// to the reference's).
pub fn compare_line_tables(
    reference: &Path,
    candidate: &Path,
    normalize: &dyn Fn(&str) -> String,
    log_dir: &Path,
    label: &str,
) -> Result<LineCheck, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read {}: {e}", p.display()));
    let ref_addrs = function_addresses(&read(reference)?)
        .map_err(|e| format!("{}: {e}", reference.display()))?;
    let cand_addrs = function_addresses(&read(candidate)?)
        .map_err(|e| format!("{}: {e}", candidate.display()))?;
    if ref_addrs.len() != cand_addrs.len() {
        return Err(format!(
            "function counts differ: {} (reference) vs {} (weld)",
            ref_addrs.len(),
            cand_addrs.len()
        ));
    }
    let want = symbolize(
        reference,
        &ref_addrs,
        log_dir,
        &format!("{label}-symbolize-reference"),
    )?;
    let got = symbolize(
        candidate,
        &cand_addrs,
        log_dir,
        &format!("{label}-symbolize-weld"),
    )?;
    let mut mismatches = Vec::new();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        let g = normalize(g);
        if *w != g {
            mismatches.push(format!(
                "function {i} (reference {:#x}, weld {:#x}): reference `{w}`, weld `{g}`",
                ref_addrs[i], cand_addrs[i]
            ));
        }
    }
    if !mismatches.is_empty() {
        let n = mismatches.len();
        mismatches.truncate(5);
        return Err(format!(
            "{n} functions symbolize differently:\n    {}",
            mismatches.join("\n    ")
        ));
    }
    let with_lines = want
        .iter()
        .filter(|r| r.split(" / ").nth(1).is_some_and(|l| !l.starts_with("??")))
        .count();
    Ok(LineCheck {
        functions: want.len(),
        with_lines,
    })
}
