//! Custom sections copied from the inputs (DWARF and user sections): grouped by name in
//! first-seen order, `.debug_str`-like string sections deduplicated, relocations applied.

use crate::context::{Ctx, FileId};
use crate::layout::memory::build_string_table;
use crate::hash::HashMap;

pub enum CustomPart {
    Input(FileId, u32),
    /// Deduplicated strings of all the inputs of a string section.
    Merged(Vec<u8>),
}

pub struct CustomOut<'a> {
    pub name: &'a str,
    pub parts: Vec<CustomPart>,
    pub size: u64,
    /// Some input of a merged string section had relocations. The merged strings have none,
    /// but wasm-ld counts the inputs' when it decides which `reloc.*` sections `-r` writes,
    /// so it writes this section's with no entries.
    pub merged_had_relocs: bool,
}

/// Sections the linker writes itself, never copies.
fn is_synthesized(name: &str) -> bool {
    name == "linking" || name == "name" || name == "producers" || name == "target_features" || name.starts_with("reloc.")
}

/// Plans the custom sections and records each input chunk's offset in its output section.
pub fn plan<'a>(ctx: &mut Ctx<'a>, offsets: &mut HashMap<(FileId, u32), u64>) -> Vec<CustomOut<'a>> {
    let strip_debug = ctx.options.strip_debug || ctx.options.strip_all;
    let mut out: Vec<CustomOut<'a>> = Vec::new();
    let mut slot_of: HashMap<&'a str, usize> = HashMap::default();
    let mut string_inputs: Vec<(usize, Vec<(FileId, u32)>)> = Vec::new();
    for &file in &ctx.object_order {
        let f = ctx.file(file);
        for (i, c) in f.object().customs.iter().enumerate() {
            if f.custom_discarded.get(i).copied().unwrap_or(false) {
                continue;
            }
            let name = c.name;
            if is_synthesized(name) || name == ".llvmbc" || name == ".llvmcmd" || (strip_debug && name.starts_with(".debug_")) {
                continue;
            }
            // A map, not a scan of `out`: an input can have a great many distinct names.
            let slot = *slot_of.entry(name).or_insert_with(|| {
                out.push(CustomOut { name, parts: Vec::new(), size: 0, merged_had_relocs: false });
                out.len() - 1
            });
            if crate::string_sections::is_string_section(name) && ctx.options.optimize > 0 {
                if let (Some(o), false) = (out.get_mut(slot), c.relocs.is_empty()) {
                    o.merged_had_relocs = true;
                }
                match string_inputs.iter_mut().find(|(s, _)| *s == slot) {
                    Some((_, v)) => v.push((file, i as u32)),
                    None => {
                        string_inputs.push((slot, vec![(file, i as u32)]));
                        if let Some(o) = out.get_mut(slot) {
                            o.parts.push(CustomPart::Merged(Vec::new()));
                        }
                    }
                }
            } else if let Some(o) = out.get_mut(slot) {
                o.parts.push(CustomPart::Input(file, i as u32));
            }
        }
    }
    for (slot, inputs) in string_inputs {
        let merged = merge_custom_strings(ctx, &inputs);
        for part in out.get_mut(slot).into_iter().flat_map(|o| &mut o.parts) {
            if let CustomPart::Merged(data) = part {
                *data = merged.clone();
            }
        }
        for (file, idx) in inputs {
            offsets.insert((file, idx), 0);
        }
    }
    for o in &mut out {
        let mut size = 0u64;
        for part in &o.parts {
            match part {
                CustomPart::Input(file, idx) => {
                    offsets.insert((*file, *idx), size);
                    size += ctx.file(*file).object().customs.get(*idx as usize).map_or(0, |c| c.data.len() as u64);
                }
                CustomPart::Merged(data) => size += data.len() as u64,
            }
        }
        o.size = size;
    }
    out
}

fn merge_custom_strings(ctx: &mut Ctx<'_>, inputs: &[(FileId, u32)]) -> Vec<u8> {
    let mut pieces: Vec<(FileId, u32, u32, &[u8])> = Vec::new();
    for &(file, idx) in inputs {
        let Some(custom) = ctx.file(file).object().customs.get(idx as usize) else { continue };
        // Each string with its terminating NUL (an unterminated last one was an error when
        // the objects were loaded).
        let mut off = 0usize;
        for piece in custom.data.split_inclusive(|&b| b == 0) {
            pieces.push((file, idx, off as u32, piece));
            off += piece.len();
        }
    }
    let (table, offs) = build_string_table(pieces.iter().map(|p| p.3), 0);
    for ((file, idx, input, _), out) in pieces.iter().zip(offs) {
        ctx.custom_pieces.entry((*file, *idx)).or_default().push((*input, out));
    }
    table
}
