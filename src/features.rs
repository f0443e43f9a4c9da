//! `target_features`: the union of what the objects use (or `--features=`), checked
//! against what any object disallows, as wasm-ld does.

use crate::context::{Ctx, Def, SymbolId};
use crate::input::object::SymKind;
use crate::layout::indices::Indices;
use crate::diag::Diagnostic;
use std::collections::BTreeSet;

pub fn populate_target_features(ctx: &mut Ctx<'_>) -> Vec<String> {
    let o = ctx.options;
    let mut allowed: BTreeSet<String> = o.extra_features.iter().cloned().collect();
    // Position-independent code imports mutable globals (`__stack_pointer`, GOT entries);
    // its objects should say so, but wasm-ld does not rely on it.
    if o.is_pic() {
        allowed.insert("mutable-globals".to_string());
    }
    let infer = o.features.is_none();
    if let Some(f) = &o.features {
        allowed.extend(f.iter().cloned());
        if !o.check_features {
            return allowed.into_iter().collect();
        }
    }
    // Feature → first file that uses / disallows it.
    let mut used: Vec<(String, String)> = Vec::new();
    let mut disallowed: Vec<(String, String)> = Vec::new();
    let mut tls_used = false;
    for &file in &ctx.object_order {
        let f = &ctx.files[file.idx()];
        for &(prefix, name) in &f.object().features {
            let list = if prefix == b'-' { &mut disallowed } else { &mut used };
            if !list.iter().any(|(n, _)| n == name) {
                // wasm-ld names an archive member here by its own name, `errno.o`.
                list.push((name.to_string(), f.buffer_name().to_string()));
            }
        }
        let base = f.seg_base as usize;
        tls_used |= (0..f.object().segments.len()).any(|i| ctx.segments[base + i].live && ctx.segments[base + i].is_tls);
    }
    if infer {
        allowed.extend(used.iter().map(|(n, _)| n.clone()));
    }
    if !o.check_features {
        return allowed.into_iter().collect();
    }
    let find = |list: &[(String, String)], n: &str| list.iter().find(|(f, _)| f == n).map(|(_, file)| file.clone());
    if o.shared_memory {
        if let Some(file) = find(&disallowed, "shared-mem") {
            ctx.error(Diagnostic::error(format!(
                "--shared-memory is disallowed by {file} because it was not compiled with 'atomics' or 'bulk-memory' features."
            )));
        }
        for feature in ["atomics", "bulk-memory"] {
            if !allowed.contains(feature) {
                ctx.error(Diagnostic::error(format!("'{feature}' feature must be used in order to use shared memory")));
            }
        }
    }
    if tls_used {
        for feature in ["atomics", "bulk-memory"] {
            if !allowed.contains(feature) {
                ctx.error(Diagnostic::error(format!("'{feature}' feature must be used in order to use thread-local storage")));
            }
        }
    }
    if !infer {
        // wasm-ld walks its map of used features in hash-table order.
        for feature in crate::llvm_order::string_set_order(used.iter().map(|(n, _)| n.as_str())) {
            if !allowed.contains(feature) {
                let file = find(&used, feature).unwrap_or_default();
                ctx.error(Diagnostic::error(format!("Target feature '{feature}' used by {file} is not allowed.")));
            }
        }
    }
    for i in 0..ctx.object_order.len() {
        let f = &ctx.files[ctx.object_order[i].idx()];
        let mut errors = Vec::new();
        for &(prefix, name) in &f.object().features {
            if prefix == b'-' {
                continue;
            }
            if let Some(by) = find(&disallowed, name) {
                errors.push(format!(
                    "Target feature '{name}' used in {} is disallowed by {by}. Use --no-check-features to suppress.",
                    f.buffer_name()
                ));
            }
        }
        for e in errors {
            ctx.error(Diagnostic::error(e));
        }
    }
    allowed.into_iter().collect()
}

/// Without the `mutable-globals` feature a mutable global may not be imported, and (as
/// wasm-ld 19 has it, whatever its message says) no wasm global may be exported; run once
/// imports and exports are known.
pub fn check_mutable_global_imports_exports(ctx: &mut Ctx<'_>, ix: &Indices, allowed: &[String]) {
    let o = ctx.options;
    if o.relocatable || !o.check_features || allowed.iter().any(|f| f == "mutable-globals") {
        return;
    }
    let mutable = |s: SymbolId| ctx.sym(s).kind == SymKind::Global && ctx.sym(s).global_type.is_some_and(|t| t.mutable);
    let imported = ix.imports.iter().filter(|&&s| mutable(s)).map(|&s| ("imported", s));
    // (Exported data addresses are globals too, but not global symbols.)
    let exported = ix.exports.iter().filter_map(|e| e.symbol).filter(|&s| matches!(ctx.sym(s).def, Def::Global(_)));
    let offenders: Vec<(&str, SymbolId)> = imported.chain(exported.map(|s| ("exported", s))).collect();
    for (how, s) in offenders {
        let name = ctx.display_name(ctx.sym(s).name);
        ctx.error(Diagnostic::error(format!(
            "mutable global {how} but 'mutable-globals' feature not present in inputs: `{name}`. Use --no-check-features to suppress."
        )));
    }
}
