//! `--why-extract=FILE`: one line per archive member or lazy object that a reference
//! pulled in (`reference`, `extracted`, `symbol`, tab-separated under a header), in the
//! order wasm-ld writes them: each once the file it names and everything that file pulled
//! in were loaded. With `-` the lines go to stdout with the link's other messages, where
//! wasm-ld prints them: after the `--trace` lines, before `--print-gc-sections`.

use crate::context::{Ctx, Requester};

pub fn write(ctx: &mut Ctx<'_>) {
    let mut lines = vec!["reference\textracted\tsymbol".to_string()];
    for record in &ctx.why_extracted {
        let requester = match record.requester {
            Requester::File(file) => ctx.file_name(file),
            Requester::Option(option) => option,
            Requester::StubLibrary(lib) => crate::stub_library::library_name(ctx, lib),
        };
        let symbol = ctx.sym(record.symbol).name;
        lines.push(format!("{requester}\t{}\t{}", ctx.file_name(record.file), ctx.display_name(symbol)));
    }
    if ctx.options.why_extract.as_deref() == Some("-") {
        ctx.messages.extend(lines);
    } else {
        let mut text = lines.join("\n");
        text.push('\n');
        ctx.why_extract_text = Some(text);
    }
}
