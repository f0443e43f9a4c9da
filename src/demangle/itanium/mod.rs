//! Itanium C++ demangling as LLVM 19's demangler (and so wasm-ld) does it, text for text:
//! wasm-ld writes demangled names into the `name` section, so any difference in spelling
//! is a different output module. The reader never backtracks and the printer's work and
//! output are bounded, so hostile names cost linear time.

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
/// `___Z...`), or `None` when LLVM would leave it as it is (invalid), or when it is
/// longer than `max_len` or too deep to print.
pub fn demangle(name: &str, max_len: usize) -> Option<String> {
    let mut parser = parser::Parser::new(name);
    let root = parser.parse()?;
    let mut printer = printer::Printer::new(&parser.ast, max_len);
    printer.print(root);
    if printer.failed {
        return None;
    }
    Some(printer.out)
}
