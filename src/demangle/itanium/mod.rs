//! Itanium C++ demangling as LLVM 19's demangler (and so wasm-ld) does it, text for text:
//! wasm-ld writes demangled names into the `name` section, so any difference in spelling
//! is a different output module. The reader never backtracks and the printer's work and
//! output are bounded, so hostile names cost linear time.

use super::Failure;

mod ast;
mod float;
mod operators;
mod parser;
mod printer;

/// Operator precedence, loosest last, for parenthesising expression operands.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Prec {
    Primary,
    Postfix,
    Unary,
    Cast,
    PtrMem,
    Multiplicative,
    Additive,
    Shift,
    Spaceship,
    Relational,
    Equality,
    And,
    Xor,
    Ior,
    AndIf,
    OrIf,
    Conditional,
    Assign,
    Comma,
    Default,
}

/// The demangled text of an Itanium-mangled name (`_Z...` or a block invocation
/// `___Z...`): `Invalid` when LLVM would leave it as it is, `Bounds` when it is longer
/// than `max_len`, nests too deep or takes too much work to print.
pub fn demangle(name: &str, max_len: usize) -> Result<String, Failure> {
    let mut parser = parser::Parser::new(name);
    let Some(root) = parser.parse() else {
        return Err(if parser.too_deep { Failure::Bounds } else { Failure::Invalid });
    };
    let mut printer = printer::Printer::new(&parser.ast, max_len);
    printer.print(root);
    if printer.failed {
        return Err(Failure::Bounds);
    }
    Ok(printer.out)
}
