//! `--wrap=SYM`: every reference to `SYM` binds to `__wrap_SYM`, and `__real_SYM` binds to
//! the original definition, as in wasm-ld (and GNU ld).

use crate::context::{Ctx, SymbolId};

pub struct Wrapped {
    sym: SymbolId,
    real: SymbolId,
    wrap: SymbolId,
}

/// Creates `__real_`/`__wrap_` references for each wrapped symbol that exists; a lazy
/// `__wrap_SYM` is loaded from its archive here.
pub fn add_wrapped_symbols(ctx: &mut Ctx<'_>) -> Vec<Wrapped> {
    let mut out = Vec::new();
    let names: Vec<String> = ctx.options.wrap.clone();
    let mut seen: Vec<&str> = Vec::new();
    for name in &names {
        if seen.contains(&name.as_str()) {
            continue;
        }
        seen.push(name);
        let Some(sym) = ctx.find(name) else { continue };
        let real = add_undefined(ctx, format!("__real_{name}"));
        let wrap = add_undefined(ctx, format!("__wrap_{name}"));
        ctx.sym_mut(sym).used_in_regular_obj = true;
        ctx.sym_mut(wrap).used_in_regular_obj = true;
        ctx.sym_mut(real).used_in_regular_obj = false;
        out.push(Wrapped { sym, real, wrap });
    }
    out
}

fn add_undefined(ctx: &mut Ctx<'_>, name: String) -> SymbolId {
    // The name must live as long as the link's other names; intern it in the context.
    let name = ctx.intern_name(name);
    let (id, extract) = ctx.add_undefined_function(name, None, None, crate::input::wasm::sym_flag::UNDEFINED, None, None, false);
    crate::load::load_extracted(ctx, extract);
    ctx.find(name).unwrap_or(id)
}

/// Redirects the input files' references and the symbol table's names.
pub fn wrap_symbols(ctx: &mut Ctx<'_>, wrapped: &[Wrapped]) {
    if wrapped.is_empty() {
        return;
    }
    let map = |s: SymbolId| {
        for w in wrapped {
            if s == w.sym {
                return w.wrap;
            }
            if s == w.real {
                return w.sym;
            }
        }
        s
    };
    for &file in &ctx.object_order {
        for s in &mut ctx.files[file.idx()].symbols {
            *s = map(*s);
        }
    }
    for w in wrapped {
        let (orig, real, wrap) = (ctx.sym(w.sym).name, ctx.sym(w.real).name, ctx.sym(w.wrap).name);
        let (Some(&oi), Some(&wi)) = (ctx.symtab_index.get(orig), ctx.symtab_index.get(wrap)) else { continue };
        ctx.symtab_index.insert(real, oi);
        ctx.symtab_index.insert(orig, wi);
    }
}
