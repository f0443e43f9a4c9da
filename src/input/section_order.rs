//! The order sections must come in, known and custom, as LLVM's object reader (and so
//! wasm-ld) enforces it: the standard sections in their order, each at most once, then
//! `linking`, then the `reloc.*` sections, and `name`, `producers`, `target_features` in
//! that order after `linking`; `dylink` before everything. Other custom sections may go
//! anywhere.

use super::wasm::section;

/// A section's rank in the order, or `None` for sections that may appear anywhere.
fn rank(id: u8, custom_name: &str) -> Option<u8> {
    Some(match id {
        section::CUSTOM => match custom_name {
            "dylink" | "dylink.0" => 0,
            "linking" => 14,
            "name" => 16,
            "producers" => 17,
            "target_features" => 18,
            n if n.starts_with("reloc.") => RELOC,
            _ => return None,
        },
        section::TYPE => 1,
        section::IMPORT => 2,
        section::FUNCTION => 3,
        section::TABLE => 4,
        section::MEMORY => 5,
        section::TAG => 6,
        section::GLOBAL => 7,
        section::EXPORT => 8,
        section::START => 9,
        section::ELEM => 10,
        section::DATACOUNT => 11,
        section::CODE => 12,
        section::DATA => 13,
        _ => return None,
    })
}

/// `reloc.*` sections may repeat and are never refused themselves; LLVM refuses the other
/// side instead (a `linking` after a `reloc.*`).
const RELOC: u8 = 15;

/// Tracks the sections seen so far.
#[derive(Default)]
pub struct SectionOrder {
    seen: u32,
}

impl SectionOrder {
    /// Whether a section may come next; records it if so. A ranked section may not follow
    /// itself or anything ranked after it (`reloc.*` excepted, see `RELOC`).
    pub fn accept(&mut self, id: u8, custom_name: &str) -> bool {
        let Some(r) = rank(id, custom_name) else { return true };
        // Ranks from `r` on; from `name` on, that leaves `reloc.*` out, as LLVM does.
        if r != RELOC && self.seen & (!0u32 << r) != 0 {
            return false;
        }
        self.seen |= 1 << r;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepts(sections: &[(u8, &str)]) -> bool {
        let mut order = SectionOrder::default();
        sections.iter().all(|&(id, name)| order.accept(id, name))
    }

    #[test]
    fn llvm_order() {
        let c = section::CUSTOM;
        // What clang writes.
        assert!(accepts(&[(1, ""), (2, ""), (3, ""), (10, ""), (11, ""), (c, ".debug_info"), (c, "linking"), (c, "reloc.CODE"), (c, "reloc..debug_info"), (c, "producers"), (c, "target_features")]));
        assert!(accepts(&[(c, "anything"), (1, ""), (c, "anything"), (10, ""), (c, "linking"), (c, "name"), (c, "reloc.CODE")]));
        assert!(!accepts(&[(10, ""), (1, "")]), "type after code");
        assert!(!accepts(&[(1, ""), (1, "")]), "type twice");
        assert!(!accepts(&[(c, "reloc.CODE"), (c, "linking")]), "linking after a reloc");
        assert!(!accepts(&[(c, "linking"), (c, "linking")]), "linking twice");
        assert!(!accepts(&[(c, "producers"), (c, "name")]), "name after producers");
        assert!(!accepts(&[(c, "linking"), (11, "")]), "data after linking");
        assert!(!accepts(&[(1, ""), (c, "dylink.0")]), "dylink not first");
    }
}
