//! The two-letter operator codes of the Itanium ABI, how each reads in an expression, and
//! how it is spelled as a function name.

use super::Prec;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum OpKind {
    Prefix,
    Postfix,
    Binary,
    Array,
    Member,
    New,
    Del,
    Call,
    CCast,
    Conditional,
    NameOnly,
    /// This and what follows have no `operator` name.
    NamedCast,
    OfIdOp,
}

pub struct Operator {
    pub code: &'static [u8; 2],
    pub kind: OpKind,
    /// Array form (new, delete), named member access
    /// (member), or a type operand (sizeof, alignof, typeid).
    pub flag: bool,
    pub prec: Prec,
    pub name: &'static str,
}

impl Operator {
    /// The operator as written in an expression: `operator+=` is `+=`, `operator new` is `new`.
    pub fn symbol(&self) -> &'static str {
        if self.kind >= OpKind::NamedCast {
            return self.name;
        }
        let rest = self.name.strip_prefix("operator").unwrap_or(self.name);
        rest.strip_prefix(' ').unwrap_or(rest)
    }
}

const fn op(code: &'static [u8; 2], kind: OpKind, flag: bool, prec: Prec, name: &'static str) -> Operator {
    Operator { code, kind, flag, prec, name }
}

use OpKind::*;
use Prec as P;

/// As LLVM 19 has them: without `cp` (a parenthesised call), which it does not read.
pub static OPERATORS: [Operator; 62] = [
    op(b"aN", Binary, false, P::Assign, "operator&="),
    op(b"aS", Binary, false, P::Assign, "operator="),
    op(b"aa", Binary, false, P::AndIf, "operator&&"),
    op(b"ad", Prefix, false, P::Unary, "operator&"),
    op(b"an", Binary, false, P::And, "operator&"),
    op(b"at", OfIdOp, true, P::Unary, "alignof "),
    op(b"aw", NameOnly, false, P::Primary, "operator co_await"),
    op(b"az", OfIdOp, false, P::Unary, "alignof "),
    op(b"cc", NamedCast, false, P::Postfix, "const_cast"),
    op(b"cl", Call, false, P::Postfix, "operator()"),
    op(b"cm", Binary, false, P::Comma, "operator,"),
    op(b"co", Prefix, false, P::Unary, "operator~"),
    op(b"cv", CCast, false, P::Cast, "operator"),
    op(b"dV", Binary, false, P::Assign, "operator/="),
    op(b"da", Del, true, P::Unary, "operator delete[]"),
    op(b"dc", NamedCast, false, P::Postfix, "dynamic_cast"),
    op(b"de", Prefix, false, P::Unary, "operator*"),
    op(b"dl", Del, false, P::Unary, "operator delete"),
    op(b"ds", Member, false, P::PtrMem, "operator.*"),
    op(b"dt", Member, false, P::Postfix, "operator."),
    op(b"dv", Binary, false, P::Assign, "operator/"),
    op(b"eO", Binary, false, P::Assign, "operator^="),
    op(b"eo", Binary, false, P::Xor, "operator^"),
    op(b"eq", Binary, false, P::Equality, "operator=="),
    op(b"ge", Binary, false, P::Relational, "operator>="),
    op(b"gt", Binary, false, P::Relational, "operator>"),
    op(b"ix", Array, false, P::Postfix, "operator[]"),
    op(b"lS", Binary, false, P::Assign, "operator<<="),
    op(b"le", Binary, false, P::Relational, "operator<="),
    op(b"ls", Binary, false, P::Shift, "operator<<"),
    op(b"lt", Binary, false, P::Relational, "operator<"),
    op(b"mI", Binary, false, P::Assign, "operator-="),
    op(b"mL", Binary, false, P::Assign, "operator*="),
    op(b"mi", Binary, false, P::Additive, "operator-"),
    op(b"ml", Binary, false, P::Multiplicative, "operator*"),
    op(b"mm", Postfix, false, P::Postfix, "operator--"),
    op(b"na", New, true, P::Unary, "operator new[]"),
    op(b"ne", Binary, false, P::Equality, "operator!="),
    op(b"ng", Prefix, false, P::Unary, "operator-"),
    op(b"nt", Prefix, false, P::Unary, "operator!"),
    op(b"nw", New, false, P::Unary, "operator new"),
    op(b"oR", Binary, false, P::Assign, "operator|="),
    op(b"oo", Binary, false, P::OrIf, "operator||"),
    op(b"or", Binary, false, P::Ior, "operator|"),
    op(b"pL", Binary, false, P::Assign, "operator+="),
    op(b"pl", Binary, false, P::Additive, "operator+"),
    // LLVM 19 does not take `operator->*` as a name (`pt`, `operator->`, it does).
    op(b"pm", Member, false, P::PtrMem, "operator->*"),
    op(b"pp", Postfix, false, P::Postfix, "operator++"),
    op(b"ps", Prefix, false, P::Unary, "operator+"),
    op(b"pt", Member, true, P::Postfix, "operator->"),
    op(b"qu", Conditional, false, P::Conditional, "operator?"),
    op(b"rM", Binary, false, P::Assign, "operator%="),
    op(b"rS", Binary, false, P::Assign, "operator>>="),
    op(b"rc", NamedCast, false, P::Postfix, "reinterpret_cast"),
    op(b"rm", Binary, false, P::Multiplicative, "operator%"),
    op(b"rs", Binary, false, P::Shift, "operator>>"),
    op(b"sc", NamedCast, false, P::Postfix, "static_cast"),
    op(b"ss", Binary, false, P::Spaceship, "operator<=>"),
    op(b"st", OfIdOp, true, P::Unary, "sizeof "),
    op(b"sz", OfIdOp, false, P::Unary, "sizeof "),
    op(b"te", OfIdOp, false, P::Postfix, "typeid "),
    op(b"ti", OfIdOp, true, P::Postfix, "typeid "),
];

pub fn lookup(code: &[u8]) -> Option<&'static Operator> {
    let code: &[u8; 2] = code.get(..2)?.try_into().ok()?;
    OPERATORS.iter().find(|o| o.code == code)
}
