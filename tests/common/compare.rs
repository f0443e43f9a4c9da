//! Comparing the reference module with the candidate: one line per mismatch.

use std::collections::BTreeMap;
use std::fmt::Display;

use super::wasm::Module;

/// Everything that differs between `reference` (wasm-ld's output) and `candidate` (weld's),
/// one line each; `ours`/`theirs` name the linkers in the lines.
pub fn modules(reference: &Module, candidate: &Module, theirs: &str, ours: &str) -> Vec<String> {
    let mut diff = Diff {
        lines: Vec::new(),
        theirs,
        ours,
    };

    let imports = |m: &Module| -> Vec<String> {
        m.imports
            .iter()
            .map(|i| format!("{}.{} ({}, {})", i.module, i.name, i.kind, i.detail))
            .collect()
    };
    diff.lists("import", &imports(reference), &imports(candidate));

    let exports = |m: &Module| -> Vec<String> {
        m.exports
            .iter()
            .map(|e| format!("{} ({})", e.name, e.kind))
            .collect()
    };
    diff.lists("export", &exports(reference), &exports(candidate));

    diff.indexed("memory", &reference.memories, &candidate.memories);
    diff.indexed("table", &reference.tables, &candidate.tables);

    let globals = |m: &Module| -> BTreeMap<String, String> {
        m.named_globals()
            .into_iter()
            .map(|(name, g)| (name, g.to_string()))
            .collect()
    };
    diff.maps("global", &globals(reference), &globals(candidate));
    diff.value(
        "number of defined globals",
        reference.globals.len(),
        candidate.globals.len(),
    );
    diff.value(
        "number of defined functions",
        reference.defined_functions,
        candidate.defined_functions,
    );
    diff.value(
        "start function",
        reference.start.is_some(),
        candidate.start.is_some(),
    );

    diff.data_segments(reference, candidate);

    let module_name = |m: &Module| m.module_name.clone().unwrap_or_else(|| "(none)".into());
    diff.value(
        "module name",
        module_name(reference),
        module_name(candidate),
    );
    diff.indexed("element segment", &reference.elements, &candidate.elements);
    diff.custom_sections(reference, candidate);
    diff.lines
}

struct Diff<'a> {
    lines: Vec<String>,
    theirs: &'a str,
    ours: &'a str,
}

impl Diff<'_> {
    fn value<T: PartialEq + Display>(&mut self, what: &str, reference: T, candidate: T) {
        if reference != candidate {
            let (theirs, ours) = (self.theirs, self.ours);
            self.lines.push(format!(
                "{what}: {theirs} has [{reference}], {ours} has [{candidate}]"
            ));
        }
    }

    /// Names in order; contents too, except for the name section (function names and their
    /// order) and DWARF (both covered by the size check).
    fn custom_sections(&mut self, reference: &Module, candidate: &Module) {
        let names = |m: &Module| {
            m.custom_sections
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let (r, c) = (names(reference), names(candidate));
        if r != c {
            return self.value("custom sections", r, c);
        }
        for ((name, r), (_, c)) in reference
            .custom_sections
            .iter()
            .zip(&candidate.custom_sections)
        {
            if name != "name" && !name.starts_with(".debug") && r != c {
                let at = r
                    .iter()
                    .zip(c)
                    .position(|(x, y)| x != y)
                    .unwrap_or(r.len().min(c.len()));
                self.lines.push(format!(
                    "custom section {name}: contents differ ({} has {} bytes, {} has {}, first difference at byte {at})",
                    self.theirs,
                    r.len(),
                    self.ours,
                    c.len()
                ));
            }
        }
    }

    /// Segment by segment when the counts agree, else one line summing up both layouts.
    fn data_segments(&mut self, reference: &Module, candidate: &Module) {
        let describe = |m: &Module| -> Vec<String> {
            m.data_segments
                .iter()
                .map(|(offset, len)| format!("[{offset}] {len} bytes"))
                .collect()
        };
        let (r, c) = (describe(reference), describe(candidate));
        if r.len() == c.len() {
            return self.indexed("data segment", &r, &c);
        }
        let summary = |m: &Module, items: &[String]| {
            let total: usize = m.data_segments.iter().map(|(_, len)| len).sum();
            let first = items.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
            let more = if items.len() > 3 { ", ..." } else { "" };
            format!("{} segments, {total} bytes ({first}{more})", items.len())
        };
        let (r, c) = (summary(reference, &r), summary(candidate, &c));
        self.value("data segments", r, c);
    }

    /// Items compared as sets (one line per missing or extra item), then by order.
    fn lists(&mut self, what: &str, reference: &[String], candidate: &[String]) {
        let count = |items: &[String]| {
            let mut counts = BTreeMap::new();
            for item in items {
                *counts.entry(item.clone()).or_insert(0usize) += 1;
            }
            counts
        };
        let (theirs, ours) = (count(reference), count(candidate));
        let mut differ = false;
        for (item, n) in &theirs {
            if ours.get(item).copied().unwrap_or(0) < *n {
                self.lines
                    .push(format!("{what} {item}: missing in {}", self.ours));
                differ = true;
            }
        }
        for (item, n) in &ours {
            if theirs.get(item).copied().unwrap_or(0) < *n {
                self.lines.push(format!(
                    "{what} {item}: extra in {} (not in {})",
                    self.ours, self.theirs
                ));
                differ = true;
            }
        }
        if !differ && reference != candidate {
            self.lines.push(format!(
                "{what}s in a different order: {} has [{}], {} has [{}]",
                self.theirs,
                reference.join(", "),
                self.ours,
                candidate.join(", ")
            ));
        }
    }

    /// Items compared position by position.
    fn indexed<T: PartialEq + Display>(&mut self, what: &str, reference: &[T], candidate: &[T]) {
        for i in 0..reference.len().max(candidate.len()) {
            match (reference.get(i), candidate.get(i)) {
                (Some(r), Some(c)) => self.value(&format!("{what} {i}"), r, c),
                (Some(r), None) => self
                    .lines
                    .push(format!("{what} {i} [{r}]: missing in {}", self.ours)),
                (None, Some(c)) => self
                    .lines
                    .push(format!("{what} {i} [{c}]: extra in {}", self.ours)),
                (None, None) => {}
            }
        }
    }

    fn maps(
        &mut self,
        what: &str,
        reference: &BTreeMap<String, String>,
        candidate: &BTreeMap<String, String>,
    ) {
        for (name, r) in reference {
            match candidate.get(name) {
                Some(c) => self.value(&format!("{what} {name}"), r, c),
                None => self
                    .lines
                    .push(format!("{what} {name} [{r}]: missing in {}", self.ours)),
            }
        }
        for (name, c) in candidate {
            if !reference.contains_key(name) {
                self.lines
                    .push(format!("{what} {name} [{c}]: extra in {}", self.ours));
            }
        }
    }
}
