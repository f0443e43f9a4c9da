//! A recursive-descent reader of Itanium C++ mangled names into an `Ast`, making the choices
//! LLVM's demangler makes (which names become substitutions, what a template parameter
//! refers to at each point), because wasm-ld prints names the way LLVM reads them. It never
//! backtracks: each byte is read once, so time is linear in the name (printing is bounded
//! separately). Any failure means "not a valid name": the caller keeps the mangled text.

use super::ast::{Ast, FloatKind, List, Node, NodeId, ParamKind, RefQual, SpecialSub, CONST, RESTRICT, VOLATILE};
use super::operators::{self, OpKind};
use super::Prec;

/// How deep the grammar may nest before the name is given up on: real names stay far
/// below (the deepest of 85,000 names of libLLVM and libclang-cpp needs under 100); it
/// keeps the recursion, and so the stack, bounded on hostile names.
const MAX_DEPTH: u32 = 256;

/// Which list a template parameter level refers to.
#[derive(Clone, Copy)]
enum Level {
    /// The template arguments of the innermost encoding's name.
    Outer,
    /// The parameters a generic lambda or a template template parameter declares.
    Scoped(usize),
    /// A generic lambda's invented parameters (`auto`).
    Invented,
}

/// What the name of an encoding says about the function it names.
#[derive(Default)]
struct NameState {
    ctor_dtor_conversion: bool,
    ends_with_template_args: bool,
    cv: u8,
    ref_qual: Option<RefQual>,
    forward_refs_begin: usize,
    explicit_object_param: bool,
}

pub struct Parser<'a> {
    input: &'a [u8],
    text: &'a str,
    pos: usize,
    pub ast: Ast<'a>,
    /// Scratch stack for child lists being collected.
    names: Vec<NodeId>,
    subs: Vec<NodeId>,
    outer_params: Vec<NodeId>,
    levels: Vec<Level>,
    scoped_params: Vec<Vec<NodeId>>,
    forward_refs: Vec<NodeId>,
    states: Vec<NameState>,
    try_template_args: bool,
    permit_forward_refs: bool,
    incomplete_param_tracking: bool,
    lambda_params_level: usize,
    synthetic_params: [u32; 3],
    depth: u32,
    /// Set when the name nests past `MAX_DEPTH`: a bound of weld's, not invalid syntax.
    pub too_deep: bool,
}

type Parsed = Option<NodeId>;

impl<'a> Parser<'a> {
    pub fn new(text: &'a str) -> Self {
        Parser {
            input: text.as_bytes(),
            text,
            pos: 0,
            ast: Ast::default(),
            names: Vec::new(),
            subs: Vec::new(),
            outer_params: Vec::new(),
            levels: Vec::new(),
            scoped_params: Vec::new(),
            forward_refs: Vec::new(),
            states: Vec::new(),
            try_template_args: true,
            permit_forward_refs: false,
            incomplete_param_tracking: false,
            lambda_params_level: usize::MAX,
            synthetic_params: [0; 3],
            depth: 0,
            too_deep: false,
        }
    }

    /// `_Z <encoding> [.suffix]`, or a block invocation `___Z <encoding> _block_invoke[_N]`.
    pub fn parse(&mut self) -> Parsed {
        if self.consume("_Z") || self.consume("__Z") {
            let mut encoding = self.encoding()?;
            if self.look(0) == b'.' {
                let suffix = self.rest();
                self.pos = self.input.len();
                encoding = self.make(Node::DotSuffix { prefix: encoding, suffix });
            }
            return (self.pos == self.input.len()).then_some(encoding);
        }
        if self.consume("___Z") || self.consume("____Z") {
            let encoding = self.encoding()?;
            if !self.consume("_block_invoke") {
                return None;
            }
            let needs_number = self.consume_byte(b'_');
            if self.number(false).is_empty() && needs_number {
                return None;
            }
            if self.look(0) == b'.' {
                self.pos = self.input.len();
            }
            return (self.pos == self.input.len())
                .then(|| self.make(Node::Special { text: "invocation function for block in ", child: encoding }));
        }
        None
    }

    // ---- input ----

    fn look(&self, ahead: usize) -> u8 {
        self.input.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn consume(&mut self, s: &str) -> bool {
        let matched = self.input.get(self.pos..).is_some_and(|r| r.starts_with(s.as_bytes()));
        if matched {
            self.pos += s.len();
        }
        matched
    }

    fn consume_byte(&mut self, b: u8) -> bool {
        let matched = self.look(0) == b && self.pos < self.input.len();
        if matched {
            self.pos += 1;
        }
        matched
    }

    fn left(&self) -> usize {
        self.input.len().saturating_sub(self.pos)
    }

    fn rest(&self) -> &'a str {
        self.slice(self.pos, self.input.len())
    }

    /// Input text between two positions; positions always sit on ASCII bytes or the ends,
    /// but a source name's length can end inside a UTF-8 sequence, which makes it invalid.
    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("\u{fffd}")
    }

    fn make(&mut self, node: Node<'a>) -> NodeId {
        self.ast.make(node)
    }

    fn name(&mut self, text: &'a str) -> NodeId {
        self.make(Node::Name(text))
    }

    fn pop_list(&mut self, from: usize) -> List {
        let from = from.min(self.names.len());
        let list = self.ast.list(&self.names[from..]);
        self.names.truncate(from);
        list
    }

    fn state(&mut self) -> Option<&mut NameState> {
        self.states.last_mut()
    }

    /// Runs one level deeper in the grammar, or fails past `MAX_DEPTH`.
    fn nested<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return None;
        }
        self.depth += 1;
        let out = f(self);
        self.depth -= 1;
        out
    }

    /// `[n] <digits>`, as text; empty when there are no digits (the `n` stays read).
    fn number(&mut self, allow_negative: bool) -> &'a str {
        let start = self.pos;
        if allow_negative {
            self.consume_byte(b'n');
        }
        if !self.look(0).is_ascii_digit() {
            return "";
        }
        while self.look(0).is_ascii_digit() {
            self.pos += 1;
        }
        self.slice(start, self.pos)
    }

    /// Decimal digits as a number, wrapping as LLVM's `size_t` arithmetic does.
    fn positive_integer(&mut self) -> Option<u64> {
        if !self.look(0).is_ascii_digit() {
            return None;
        }
        let mut n: u64 = 0;
        while self.look(0).is_ascii_digit() {
            n = n.wrapping_mul(10).wrapping_add(u64::from(self.look(0) - b'0'));
            self.pos += 1;
        }
        Some(n)
    }

    fn bare_source_name(&mut self) -> &'a str {
        let Some(len) = self.positive_integer() else {
            return "";
        };
        if (self.left() as u64) < len {
            return "";
        }
        let start = self.pos;
        self.pos += len as usize;
        self.slice(start, self.pos)
    }

    fn cv_qualifiers(&mut self) -> u8 {
        let mut quals = 0;
        if self.consume_byte(b'r') {
            quals |= RESTRICT;
        }
        if self.consume_byte(b'V') {
            quals |= VOLATILE;
        }
        if self.consume_byte(b'K') {
            quals |= CONST;
        }
        quals
    }

    fn seq_id(&mut self) -> Option<u64> {
        let digit = |b: u8| match b {
            b'0'..=b'9' => Some(u64::from(b - b'0')),
            b'A'..=b'Z' => Some(u64::from(b - b'A') + 10),
            _ => None,
        };
        digit(self.look(0))?;
        let mut id: u64 = 0;
        while let Some(d) = digit(self.look(0)) {
            id = id.wrapping_mul(36).wrapping_add(d);
            self.pos += 1;
        }
        Some(id)
    }

    /// Skips a discriminator (`_N`, `__NN_`, or trailing digits); it is never printed.
    fn discriminator(&mut self) {
        if self.look(0) == b'_' {
            if self.look(1).is_ascii_digit() {
                self.pos += 2;
            } else if self.look(1) == b'_' {
                let mut end = self.pos + 2;
                while self.input.get(end).is_some_and(u8::is_ascii_digit) {
                    end += 1;
                }
                if self.input.get(end) == Some(&b'_') {
                    self.pos = end + 1;
                }
            }
        } else if self.look(0).is_ascii_digit() {
            let mut end = self.pos + 1;
            while self.input.get(end).is_some_and(u8::is_ascii_digit) {
                end += 1;
            }
            if end == self.input.len() {
                self.pos = end;
            }
        }
    }

    // ---- template parameter scopes ----

    /// Runs `f` with fresh template parameters, as an encoding or local entity has its own.
    fn with_fresh_template_params<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let levels = std::mem::take(&mut self.levels);
        let outer = std::mem::take(&mut self.outer_params);
        let out = f(self);
        self.levels = levels;
        self.outer_params = outer;
        out
    }

    /// Runs `f` with a new scoped parameter list pushed as the next level.
    fn with_scoped_params<T>(&mut self, f: impl FnOnce(&mut Self, usize) -> Option<T>) -> Option<T> {
        let old_levels = self.levels.len();
        self.scoped_params.push(Vec::new());
        let list = self.scoped_params.len() - 1;
        self.levels.push(Level::Scoped(list));
        let out = f(self, list);
        self.levels.truncate(old_levels);
        self.scoped_params.truncate(list);
        out
    }

    fn level_params(&self, level: usize) -> Option<&[NodeId]> {
        match *self.levels.get(level)? {
            Level::Outer => Some(&self.outer_params),
            Level::Scoped(i) => self.scoped_params.get(i).map(Vec::as_slice),
            Level::Invented => None,
        }
    }

    fn resolve_forward_refs(&mut self, begin: usize) -> Option<()> {
        let refs: Vec<NodeId> = self.forward_refs.get(begin..).unwrap_or(&[]).to_vec();
        for r in refs {
            let Node::ForwardRef { index, .. } = self.ast.node(r) else {
                continue;
            };
            let target = *self.level_params(0)?.get(usize::try_from(index).ok()?)?;
            self.ast.set_forward_target(r, target);
        }
        self.forward_refs.truncate(begin);
        Some(())
    }

    // ---- encodings and names ----

    fn encoding(&mut self) -> Parsed {
        self.nested(|p| p.with_fresh_template_params(Self::encoding_inner))
    }

    fn encoding_inner(&mut self) -> Parsed {
        if matches!(self.look(0), b'G' | b'T') {
            return self.special_name();
        }
        let state = NameState { forward_refs_begin: self.forward_refs.len(), ..NameState::default() };
        self.states.push(state);
        let out = self.function_encoding();
        self.states.pop();
        out
    }

    fn at_end_of_encoding(&self) -> bool {
        self.left() == 0 || matches!(self.look(0), b'E' | b'.' | b'_')
    }

    fn function_encoding(&mut self) -> Parsed {
        let name = self.name_of(true)?;
        let begin = self.states.last()?.forward_refs_begin;
        self.resolve_forward_refs(begin)?;
        if self.at_end_of_encoding() {
            return Some(name);
        }
        let mut attrs = None;
        if self.consume("Ua9enable_ifI") {
            let conditions = self.list_until_e(Self::template_arg)?;
            attrs = Some(self.make(Node::EnableIf(conditions)));
        }
        let state = self.states.last()?;
        let (ctor_dtor, ends_with_args, explicit_object) =
            (state.ctor_dtor_conversion, state.ends_with_template_args, state.explicit_object_param);
        let ret = if !ctor_dtor && ends_with_args { Some(self.ty()?) } else { None };
        let mut params = List::default();
        if !self.consume_byte(b'v') {
            let begin = self.names.len();
            loop {
                let mut ty = self.ty()?;
                if explicit_object && self.names.len() == begin {
                    ty = self.make(Node::ExplicitObjectParam(ty));
                }
                self.names.push(ty);
                if self.at_end_of_encoding() || self.look(0) == b'Q' {
                    break;
                }
            }
            params = self.pop_list(begin);
        }
        let requires = if self.consume_byte(b'Q') { Some(self.constraint_expr()?) } else { None };
        let state = self.states.last()?;
        let (cv, ref_qual) = (state.cv, state.ref_qual.unwrap_or(RefQual::None));
        Some(self.make(Node::FunctionEncoding { ret, name, params, attrs, requires, cv, ref_qual }))
    }

    /// `<name>`; `with_state` says whether it names an encoding (its template arguments
    /// then become the template parameters, and it records what the encoding needs).
    fn name_of(&mut self, with_state: bool) -> Parsed {
        self.nested(|p| p.name_inner(with_state))
    }

    fn name_inner(&mut self, st: bool) -> Parsed {
        match self.look(0) {
            b'N' => return self.nested_name(st),
            b'Z' => return self.local_name(st),
            _ => {}
        }
        let mut is_subst = false;
        let mut result = self.unscoped_name(st, &mut is_subst)?;
        if self.look(0) == b'I' {
            if !is_subst {
                self.subs.push(result);
            }
            let args = self.template_args(st)?;
            if st {
                self.state()?.ends_with_template_args = true;
            }
            result = self.make(Node::NameWithTemplateArgs { name: result, args });
        } else if is_subst {
            return None;
        }
        Some(result)
    }

    fn local_name(&mut self, st: bool) -> Parsed {
        if !self.consume_byte(b'Z') {
            return None;
        }
        let encoding = self.encoding()?;
        if !self.consume_byte(b'E') {
            return None;
        }
        if self.consume_byte(b's') {
            self.discriminator();
            let entity = self.name("string literal");
            return Some(self.make(Node::Local { encoding, entity }));
        }
        self.with_fresh_template_params(|p| {
            if p.consume_byte(b'd') {
                p.number(true);
                if !p.consume_byte(b'_') {
                    return None;
                }
                let entity = p.name_of(st)?;
                return Some(p.make(Node::Local { encoding, entity }));
            }
            let entity = p.name_of(st)?;
            p.discriminator();
            Some(p.make(Node::Local { encoding, entity }))
        })
    }

    fn unscoped_name(&mut self, st: bool, is_subst: &mut bool) -> Parsed {
        let std = if self.consume("St") { Some(self.name("std")) } else { None };
        let mut result = None;
        let mut module = None;
        if self.look(0) == b'S' {
            let sub = self.substitution()?;
            if matches!(self.ast.node(sub), Node::Module { .. }) {
                module = Some(sub);
            } else if std.is_none() {
                result = Some(sub);
                *is_subst = true;
            } else {
                return None;
            }
        }
        if result.is_none() || std.is_some() {
            result = Some(self.unqualified_name(st, std, module)?);
        }
        result
    }

    fn unqualified_name(&mut self, st: bool, scope: Option<NodeId>, mut module: Option<NodeId>) -> Parsed {
        self.module_name(&mut module)?;
        let member_like_friend = scope.is_some() && self.consume_byte(b'F');
        self.consume_byte(b'L');
        let mut scope = scope;
        let mut result = match self.look(0) {
            b'1'..=b'9' => self.source_name()?,
            b'U' => self.unnamed_type_name(st)?,
            b'D' if self.look(1) == b'C' => {
                self.pos += 2;
                let begin = self.names.len();
                loop {
                    let binding = self.source_name()?;
                    self.names.push(binding);
                    if self.consume_byte(b'E') {
                        break;
                    }
                }
                let bindings = self.pop_list(begin);
                self.make(Node::StructuredBinding(bindings))
            }
            b'C' | b'D' => {
                let (Some(so_far), None) = (scope, module) else {
                    return None;
                };
                let (scope_now, name) = self.ctor_dtor_name(so_far, st)?;
                scope = Some(scope_now);
                name
            }
            _ => self.operator_name(st)?,
        };
        if let Some(module) = module {
            result = self.make(Node::ModuleEntity { module, name: result });
        }
        result = self.abi_tags(result)?;
        Some(match scope {
            Some(qual) if member_like_friend => self.make(Node::MemberLikeFriend { qual, name: result }),
            Some(qual) => self.make(Node::Nested { qual, name: result }),
            None => result,
        })
    }

    /// `W [P] <source-name>`...: C++20 module names, each a substitution candidate.
    fn module_name(&mut self, module: &mut Option<NodeId>) -> Option<()> {
        while self.consume_byte(b'W') {
            let partition = self.consume_byte(b'P');
            let name = self.source_name()?;
            let node = self.make(Node::Module { parent: *module, name, partition });
            *module = Some(node);
            self.subs.push(node);
        }
        Some(())
    }

    fn unnamed_type_name(&mut self, st: bool) -> Parsed {
        if st {
            self.levels.clear();
        }
        if self.consume("Ut") {
            let count = self.number(false);
            return self.consume_byte(b'_').then(|| self.make(Node::UnnamedType(count)));
        }
        if self.consume("Ul") {
            let saved = std::mem::replace(&mut self.lambda_params_level, self.levels.len());
            let out = self.with_scoped_params(Self::closure_type);
            self.lambda_params_level = saved;
            return out;
        }
        if self.consume("Ub") {
            self.number(false);
            return self.consume_byte(b'_').then(|| self.name("'block-literal'"));
        }
        None
    }

    /// `Ul <template-param-decl>* [Q <expr>] <type>+ [Q <expr>] E [<number>] _`.
    fn closure_type(&mut self, list: usize) -> Parsed {
        let begin = self.names.len();
        while self.at_template_param_decl() {
            let decl = self.template_param_decl(Some(list))?;
            self.names.push(decl);
        }
        let template_params = self.pop_list(begin);
        if template_params.is_empty() {
            self.levels.pop();
        }
        let requires1 = if self.consume_byte(b'Q') { Some(self.constraint_expr()?) } else { None };
        if !self.consume_byte(b'v') {
            loop {
                let param = self.ty()?;
                self.names.push(param);
                if matches!(self.look(0), b'E' | b'Q') {
                    break;
                }
            }
        }
        let params = self.pop_list(begin);
        let requires2 = if self.consume_byte(b'Q') { Some(self.constraint_expr()?) } else { None };
        if !self.consume_byte(b'E') {
            return None;
        }
        let count = self.number(false);
        if !self.consume_byte(b'_') {
            return None;
        }
        Some(self.make(Node::Closure { template_params, requires1, params, requires2, count }))
    }

    fn source_name(&mut self) -> Parsed {
        let len = self.positive_integer()?;
        if len == 0 || (self.left() as u64) < len {
            return None;
        }
        let start = self.pos;
        self.pos += len as usize;
        let text = self.slice(start, self.pos);
        Some(self.name(if text.starts_with("_GLOBAL__N") { "(anonymous namespace)" } else { text }))
    }

    fn operator_encoding(&mut self) -> Option<&'static operators::Operator> {
        let op = operators::lookup(self.input.get(self.pos..)?)?;
        self.pos += 2;
        Some(op)
    }

    fn operator_name(&mut self, st: bool) -> Parsed {
        if let Some(op) = self.operator_encoding() {
            if op.kind == OpKind::CCast {
                let saved_try = std::mem::replace(&mut self.try_template_args, false);
                let saved_permit = self.permit_forward_refs;
                self.permit_forward_refs = saved_permit || st;
                let ty = self.ty();
                self.try_template_args = saved_try;
                self.permit_forward_refs = saved_permit;
                let ty = ty?;
                if st {
                    self.state()?.ctor_dtor_conversion = true;
                }
                return Some(self.make(Node::ConversionOperatorType(ty)));
            }
            if op.kind >= OpKind::NamedCast || (op.kind == OpKind::Member && !op.flag) {
                return None;
            }
            return Some(self.name(op.name));
        }
        if self.consume("li") {
            let name = self.source_name()?;
            return Some(self.make(Node::LiteralOperator(name)));
        }
        if self.consume_byte(b'v') && self.look(0).is_ascii_digit() {
            self.pos += 1;
            let name = self.source_name()?;
            return Some(self.make(Node::ConversionOperatorType(name)));
        }
        None
    }

    /// `C[I]1..5` or `D0,1,2,4,5`; returns the scope too, since `std::string`'s
    /// abbreviation is spelled out in full before a constructor or destructor.
    fn ctor_dtor_name(&mut self, mut scope: NodeId, st: bool) -> Option<(NodeId, NodeId)> {
        if let Node::SpecialSubstitution { kind, expanded: false } = self.ast.node(scope) {
            scope = self.make(Node::SpecialSubstitution { kind, expanded: true });
        }
        if self.consume_byte(b'C') {
            let inherited = self.consume_byte(b'I');
            if !matches!(self.look(0), b'1'..=b'5') {
                return None;
            }
            self.pos += 1;
            if st {
                self.state()?.ctor_dtor_conversion = true;
            }
            if inherited {
                self.name_of(st)?;
            }
            return Some((scope, self.make(Node::CtorDtor { base: scope, dtor: false })));
        }
        if self.look(0) == b'D' && matches!(self.look(1), b'0' | b'1' | b'2' | b'4' | b'5') {
            self.pos += 2;
            if st {
                self.state()?.ctor_dtor_conversion = true;
            }
            return Some((scope, self.make(Node::CtorDtor { base: scope, dtor: true })));
        }
        None
    }

    fn nested_name(&mut self, st: bool) -> Parsed {
        if !self.consume_byte(b'N') {
            return None;
        }
        if !self.consume_byte(b'H') {
            let cv = self.cv_qualifiers();
            let ref_qual = if self.consume_byte(b'O') {
                RefQual::RValue
            } else if self.consume_byte(b'R') {
                RefQual::LValue
            } else {
                RefQual::None
            };
            if st {
                let state = self.state()?;
                state.cv = cv;
                state.ref_qual = Some(ref_qual);
            }
        } else if st {
            self.state()?.explicit_object_param = true;
        }
        let mut so_far: Option<NodeId> = None;
        while !self.consume_byte(b'E') {
            if st {
                self.state()?.ends_with_template_args = false;
            }
            let next = match self.look(0) {
                b'T' => {
                    if so_far.is_some() {
                        return None;
                    }
                    self.template_param()
                }
                b'I' => {
                    let prefix = so_far?;
                    let args = self.template_args(st)?;
                    if matches!(self.ast.node(prefix), Node::NameWithTemplateArgs { .. }) {
                        return None;
                    }
                    if st {
                        self.state()?.ends_with_template_args = true;
                    }
                    Some(self.make(Node::NameWithTemplateArgs { name: prefix, args }))
                }
                b'D' if matches!(self.look(1), b't' | b'T') => {
                    if so_far.is_some() {
                        return None;
                    }
                    self.decltype()
                }
                _ => {
                    let mut module = None;
                    if self.look(0) == b'S' {
                        let sub = if self.look(1) == b't' {
                            self.pos += 2;
                            self.name("std")
                        } else {
                            self.substitution()?
                        };
                        if matches!(self.ast.node(sub), Node::Module { .. }) {
                            module = Some(sub);
                        } else if so_far.is_some() {
                            return None;
                        } else {
                            so_far = Some(sub);
                            continue;
                        }
                    }
                    self.unqualified_name(st, so_far, module)
                }
            };
            let next = next?;
            so_far = Some(next);
            self.subs.push(next);
            self.consume_byte(b'M');
        }
        let result = so_far?;
        self.subs.pop()?;
        Some(result)
    }

    fn abi_tags(&mut self, mut node: NodeId) -> Parsed {
        while self.consume_byte(b'B') {
            let tag = self.bare_source_name();
            if tag.is_empty() {
                return None;
            }
            node = self.make(Node::AbiTag { base: node, tag });
        }
        Some(node)
    }

    fn substitution(&mut self) -> Parsed {
        if !self.consume_byte(b'S') {
            return None;
        }
        if self.look(0).is_ascii_lowercase() {
            let kind = match self.look(0) {
                b'a' => SpecialSub::Allocator,
                b'b' => SpecialSub::BasicString,
                b'd' => SpecialSub::Iostream,
                b'i' => SpecialSub::Istream,
                b'o' => SpecialSub::Ostream,
                b's' => SpecialSub::String,
                _ => return None,
            };
            self.pos += 1;
            let sub = self.make(Node::SpecialSubstitution { kind, expanded: false });
            let tagged = self.abi_tags(sub)?;
            if tagged != sub {
                self.subs.push(tagged);
            }
            return Some(tagged);
        }
        if self.consume_byte(b'_') {
            return self.subs.first().copied();
        }
        let index = self.seq_id()?.wrapping_add(1);
        if !self.consume_byte(b'_') {
            return None;
        }
        self.subs.get(usize::try_from(index).ok()?).copied()
    }

    // ---- template parameters and arguments ----

    fn template_param(&mut self) -> Parsed {
        let begin = self.pos;
        if !self.consume_byte(b'T') {
            return None;
        }
        let mut level: u64 = 0;
        if self.consume_byte(b'L') {
            level = self.positive_integer()?.wrapping_add(1);
            if !self.consume_byte(b'_') {
                return None;
            }
        }
        let mut index: u64 = 0;
        if !self.consume_byte(b'_') {
            index = self.positive_integer()?.wrapping_add(1);
            if !self.consume_byte(b'_') {
                return None;
            }
        }
        if self.incomplete_param_tracking {
            let text = self.slice(begin, self.pos - 1);
            return Some(self.name(text));
        }
        if self.permit_forward_refs && level == 0 {
            let node = self.make(Node::ForwardRef { index, target: None });
            self.forward_refs.push(node);
            return Some(node);
        }
        let found = usize::try_from(level)
            .ok()
            .and_then(|l| self.level_params(l))
            .and_then(|params| params.get(usize::try_from(index).ok()?).copied());
        if let Some(param) = found {
            return Some(param);
        }
        // A generic lambda's `auto` parameters are mangled as its invented template parameters.
        let level = usize::try_from(level).ok()?;
        if self.lambda_params_level == level && level <= self.levels.len() {
            if level == self.levels.len() {
                self.levels.push(Level::Invented);
            }
            return Some(self.name("auto"));
        }
        None
    }

    fn at_template_param_decl(&self) -> bool {
        self.look(0) == b'T' && matches!(self.look(1), b'y' | b'p' | b't' | b'n' | b'k')
    }

    fn template_param_decl(&mut self, list: Option<usize>) -> Parsed {
        self.nested(|p| p.template_param_decl_inner(list))
    }

    fn invent_template_param(&mut self, kind: ParamKind, list: Option<usize>) -> NodeId {
        let counter = &mut self.synthetic_params[kind as usize];
        let index = *counter;
        *counter = counter.saturating_add(1);
        let node = self.make(Node::SyntheticTemplateParam { kind, index });
        if let Some(params) = list.and_then(|l| self.scoped_params.get_mut(l)) {
            params.push(node);
        }
        node
    }

    fn template_param_decl_inner(&mut self, list: Option<usize>) -> Parsed {
        if self.consume("Ty") {
            let name = self.invent_template_param(ParamKind::Type, list);
            return Some(self.make(Node::TypeTemplateParamDecl(name)));
        }
        if self.consume("Tk") {
            let saved = std::mem::replace(&mut self.incomplete_param_tracking, true);
            let constraint = self.name_of(false);
            self.incomplete_param_tracking = saved;
            let constraint = constraint?;
            let name = self.invent_template_param(ParamKind::Type, list);
            return Some(self.make(Node::ConstrainedTypeTemplateParamDecl { constraint, name }));
        }
        if self.consume("Tn") {
            let name = self.invent_template_param(ParamKind::NonType, list);
            let ty = self.ty()?;
            return Some(self.make(Node::NonTypeTemplateParamDecl { name, ty }));
        }
        if self.consume("Tt") {
            let name = self.invent_template_param(ParamKind::Template, list);
            let begin = self.names.len();
            let requires = self.with_scoped_params(|p, inner| {
                let mut requires = None;
                while !p.consume_byte(b'E') {
                    let decl = p.template_param_decl(Some(inner))?;
                    p.names.push(decl);
                    if p.consume_byte(b'Q') {
                        requires = Some(p.constraint_expr()?);
                        if !p.consume_byte(b'E') {
                            return None;
                        }
                        break;
                    }
                }
                Some(requires)
            })?;
            let params = self.pop_list(begin);
            return Some(self.make(Node::TemplateTemplateParamDecl { name, params, requires }));
        }
        if self.consume("Tp") {
            let param = self.template_param_decl(list)?;
            return Some(self.make(Node::TemplateParamPackDecl(param)));
        }
        None
    }

    /// `I <template-arg>* [Q <expr>] E`; with `tag`, the arguments become the template
    /// parameters `T_` refers to.
    fn template_args(&mut self, tag: bool) -> Parsed {
        if !self.consume_byte(b'I') {
            return None;
        }
        if tag {
            self.levels.clear();
            self.levels.push(Level::Outer);
            self.outer_params.clear();
        }
        let begin = self.names.len();
        while !self.consume_byte(b'E') {
            let arg = self.template_arg()?;
            self.names.push(arg);
            if tag {
                let entry = match self.ast.node(arg) {
                    Node::TemplateParamQualifiedArg { arg } => arg,
                    Node::TemplateArgumentPack(elements) => self.make(Node::ParameterPack(elements)),
                    _ => arg,
                };
                self.outer_params.push(entry);
            }
            if self.consume_byte(b'Q') {
                // The requires-clause is read but not printed.
                self.constraint_expr()?;
                if !self.consume_byte(b'E') {
                    return None;
                }
                break;
            }
        }
        let args = self.pop_list(begin);
        Some(self.make(Node::TemplateArgs(args)))
    }

    fn template_arg(&mut self) -> Parsed {
        self.nested(Self::template_arg_inner)
    }

    fn template_arg_inner(&mut self) -> Parsed {
        match self.look(0) {
            b'X' => {
                self.pos += 1;
                let arg = self.expr()?;
                self.consume_byte(b'E').then_some(arg)
            }
            b'J' => {
                self.pos += 1;
                let elements = self.list_until_e(Self::template_arg)?;
                Some(self.make(Node::TemplateArgumentPack(elements)))
            }
            b'L' if self.look(1) == b'Z' => {
                self.pos += 2;
                let arg = self.encoding()?;
                self.consume_byte(b'E').then_some(arg)
            }
            b'L' => self.expr_primary(),
            b'T' if self.at_template_param_decl() => {
                self.template_param_decl(None)?;
                let arg = self.template_arg()?;
                Some(self.make(Node::TemplateParamQualifiedArg { arg }))
            }
            _ => self.ty(),
        }
    }

    // ---- types ----

    fn ty(&mut self) -> Parsed {
        self.nested(Self::ty_inner)
    }

    fn builtin(&mut self, len: usize, name: &'static str) -> Parsed {
        self.pos += len;
        Some(self.name(name))
    }

    fn ty_inner(&mut self) -> Parsed {
        let result = match self.look(0) {
            b'r' | b'V' | b'K' => {
                let mut after = 0;
                for q in [b'r', b'V', b'K'] {
                    if self.look(after) == q {
                        after += 1;
                    }
                }
                let function = self.look(after) == b'F'
                    || (self.look(after) == b'D' && matches!(self.look(after + 1), b'o' | b'O' | b'w' | b'x'));
                // (Already a level deeper here: no second level for the qualifier.)
                if function {
                    self.function_type()?
                } else {
                    self.qualified_type_inner()?
                }
            }
            b'U' => self.qualified_type_inner()?,
            b'v' => return self.builtin(1, "void"),
            b'w' => return self.builtin(1, "wchar_t"),
            b'b' => return self.builtin(1, "bool"),
            b'c' => return self.builtin(1, "char"),
            b'a' => return self.builtin(1, "signed char"),
            b'h' => return self.builtin(1, "unsigned char"),
            b's' => return self.builtin(1, "short"),
            b't' => return self.builtin(1, "unsigned short"),
            b'i' => return self.builtin(1, "int"),
            b'j' => return self.builtin(1, "unsigned int"),
            b'l' => return self.builtin(1, "long"),
            b'm' => return self.builtin(1, "unsigned long"),
            b'x' => return self.builtin(1, "long long"),
            b'y' => return self.builtin(1, "unsigned long long"),
            b'n' => return self.builtin(1, "__int128"),
            b'o' => return self.builtin(1, "unsigned __int128"),
            b'f' => return self.builtin(1, "float"),
            b'd' => return self.builtin(1, "double"),
            b'e' => return self.builtin(1, "long double"),
            b'g' => return self.builtin(1, "__float128"),
            b'z' => return self.builtin(1, "..."),
            b'u' => {
                self.pos += 1;
                let name = self.bare_source_name();
                if name.is_empty() {
                    return None;
                }
                if self.consume_byte(b'I') {
                    let base = self.ty()?;
                    if !self.consume_byte(b'E') {
                        return None;
                    }
                    self.make(Node::Transformed { transform: name, base })
                } else {
                    self.name(name)
                }
            }
            b'D' => match self.d_type()? {
                DType::Done(node) => return Some(node),
                DType::Substitutable(node) => node,
            },
            b'F' => self.function_type()?,
            b'A' => self.array_type()?,
            b'M' => {
                self.pos += 1;
                let class = self.ty()?;
                let member = self.ty()?;
                self.make(Node::PointerToMember { class, member })
            }
            b'T' if matches!(self.look(1), b's' | b'u' | b'e') => self.class_enum_type()?,
            b'T' => {
                let param = self.template_param()?;
                // A template template parameter with arguments; LLVM 19 does not make the
                // parameter alone a substitution candidate (later versions do).
                if self.try_template_args && self.look(0) == b'I' {
                    let args = self.template_args(false)?;
                    self.make(Node::NameWithTemplateArgs { name: param, args })
                } else {
                    param
                }
            }
            b'P' => {
                self.pos += 1;
                let pointee = self.ty()?;
                self.make(Node::Pointer(pointee))
            }
            b'R' | b'O' => {
                let rvalue = self.look(0) == b'O';
                self.pos += 1;
                let pointee = self.ty()?;
                self.make(Node::Reference { pointee, rvalue })
            }
            b'C' | b'G' => {
                let postfix = if self.look(0) == b'C' { " complex" } else { " imaginary" };
                self.pos += 1;
                let ty = self.ty()?;
                self.make(Node::PostfixQualified { ty, postfix })
            }
            b'S' if self.look(1) != b't' => {
                let mut is_subst = false;
                let result = self.unscoped_name(false, &mut is_subst)?;
                if self.look(0) == b'I' && (!is_subst || self.try_template_args) {
                    if !is_subst {
                        self.subs.push(result);
                    }
                    let args = self.template_args(false)?;
                    self.make(Node::NameWithTemplateArgs { name: result, args })
                } else if is_subst {
                    return Some(result);
                } else {
                    result
                }
            }
            _ => self.class_enum_type()?,
        };
        self.subs.push(result);
        Some(result)
    }

    /// The `D...` types: some are builtins (not substitution candidates), others not.
    fn d_type(&mut self) -> Option<DType> {
        let builtin = |p: &mut Self, len: usize, name: &'static str| Some(DType::Done(p.builtin(len, name)?));
        match self.look(1) {
            b'd' => builtin(self, 2, "decimal64"),
            b'e' => builtin(self, 2, "decimal128"),
            b'f' => builtin(self, 2, "decimal32"),
            b'h' => builtin(self, 2, "half"),
            b'F' => {
                // (LLVM 19 does not know `DF16b`, std::bfloat16_t: such names stay mangled.)
                self.pos += 2;
                let bits = self.number(false);
                let bits = self.name(bits);
                if !self.consume_byte(b'_') {
                    return None;
                }
                Some(DType::Done(self.make(Node::BinaryFp(bits))))
            }
            // (N1169 fixed-point types, `DA`, `DR`, `DS`, came after LLVM 19: such names stay mangled.)
            b'B' | b'U' => {
                let signed = self.look(1) == b'B';
                self.pos += 2;
                let size = if self.look(0).is_ascii_digit() {
                    let digits = self.number(false);
                    self.name(digits)
                } else {
                    self.expr()?
                };
                if !self.consume_byte(b'_') {
                    return None;
                }
                Some(DType::Done(self.make(Node::BitInt { size, signed })))
            }
            b'i' => builtin(self, 2, "char32_t"),
            b's' => builtin(self, 2, "char16_t"),
            b'u' => builtin(self, 2, "char8_t"),
            b'a' => builtin(self, 2, "auto"),
            b'c' => builtin(self, 2, "decltype(auto)"),
            b'k' | b'K' => {
                let postfix = if self.look(1) == b'k' { " auto" } else { " decltype(auto)" };
                self.pos += 2;
                let ty = self.name_of(false)?;
                Some(DType::Done(self.make(Node::PostfixQualified { ty, postfix })))
            }
            b'n' => builtin(self, 2, "std::nullptr_t"),
            b't' | b'T' => Some(DType::Substitutable(self.decltype()?)),
            b'v' => Some(DType::Substitutable(self.vector_type()?)),
            b'p' => {
                self.pos += 2;
                let child = self.ty()?;
                Some(DType::Substitutable(self.make(Node::PackExpansion(child))))
            }
            b'o' | b'O' | b'w' | b'x' => Some(DType::Substitutable(self.function_type()?)),
            _ => None,
        }
    }

    fn qualified_type(&mut self) -> Parsed {
        self.nested(Self::qualified_type_inner)
    }

    fn qualified_type_inner(&mut self) -> Parsed {
        if self.consume_byte(b'U') {
            let qual = self.bare_source_name();
            if qual.is_empty() {
                return None;
            }
            if let Some(proto_source) = qual.strip_prefix("objcproto") {
                let protocol = bare_source_name_in(proto_source);
                if protocol.is_empty() {
                    return None;
                }
                let ty = self.qualified_type()?;
                return Some(self.make(Node::ObjCProto { ty, protocol }));
            }
            let args = if self.look(0) == b'I' { Some(self.template_args(false)?) } else { None };
            let ty = self.qualified_type()?;
            return Some(self.make(Node::VendorExtQual { ty, ext: qual, args }));
        }
        let quals = self.cv_qualifiers();
        let ty = self.ty()?;
        Some(if quals != 0 { self.make(Node::Qual { child: ty, quals }) } else { ty })
    }

    fn function_type(&mut self) -> Parsed {
        let cv = self.cv_qualifiers();
        let mut exception = None;
        if self.consume("Do") {
            exception = Some(self.name("noexcept"));
        } else if self.consume("DO") {
            let e = self.expr()?;
            if !self.consume_byte(b'E') {
                return None;
            }
            exception = Some(self.make(Node::NoexceptSpec(e)));
        } else if self.consume("Dw") {
            let types = self.list_until_e(Self::ty)?;
            exception = Some(self.make(Node::DynamicExceptionSpec(types)));
        }
        self.consume("Dx");
        if !self.consume_byte(b'F') {
            return None;
        }
        self.consume_byte(b'Y');
        let ret = self.ty()?;
        let mut ref_qual = RefQual::None;
        let begin = self.names.len();
        loop {
            if self.consume_byte(b'E') {
                break;
            }
            if self.consume_byte(b'v') {
                continue;
            }
            if self.consume("RE") {
                ref_qual = RefQual::LValue;
                break;
            }
            if self.consume("OE") {
                ref_qual = RefQual::RValue;
                break;
            }
            let t = self.ty()?;
            self.names.push(t);
        }
        let params = self.pop_list(begin);
        Some(self.make(Node::Function { ret, params, cv, ref_qual, exception }))
    }

    fn vector_type(&mut self) -> Parsed {
        if !self.consume("Dv") {
            return None;
        }
        if matches!(self.look(0), b'1'..=b'9') {
            let digits = self.number(false);
            let dimension = self.name(digits);
            if !self.consume_byte(b'_') {
                return None;
            }
            if self.consume_byte(b'p') {
                return Some(self.make(Node::PixelVector(dimension)));
            }
            let base = self.ty()?;
            return Some(self.make(Node::Vector { base, dimension: Some(dimension) }));
        }
        let dimension = self.expr_dimension()?;
        let base = self.ty()?;
        Some(self.make(Node::Vector { base, dimension }))
    }

    /// `[<expression>] _`: a dimension given as an expression, or none.
    fn expr_dimension(&mut self) -> Option<Option<NodeId>> {
        if self.consume_byte(b'_') {
            return Some(None);
        }
        let dimension = self.expr()?;
        self.consume_byte(b'_').then_some(Some(dimension))
    }

    fn decltype(&mut self) -> Parsed {
        if !self.consume_byte(b'D') || !(self.consume_byte(b't') || self.consume_byte(b'T')) {
            return None;
        }
        let e = self.expr()?;
        if !self.consume_byte(b'E') {
            return None;
        }
        Some(self.make(Node::Enclosing { prefix: "decltype", infix: e, prec: Prec::Primary }))
    }

    fn array_type(&mut self) -> Parsed {
        if !self.consume_byte(b'A') {
            return None;
        }
        let dimension = if self.look(0).is_ascii_digit() {
            let digits = self.number(false);
            let dimension = self.name(digits);
            if !self.consume_byte(b'_') {
                return None;
            }
            Some(dimension)
        } else {
            self.expr_dimension()?
        };
        let base = self.ty()?;
        Some(self.make(Node::Array { base, dimension }))
    }

    fn class_enum_type(&mut self) -> Parsed {
        let kind = if self.consume("Ts") {
            Some("struct")
        } else if self.consume("Tu") {
            Some("union")
        } else if self.consume("Te") {
            Some("enum")
        } else {
            None
        };
        let name = self.name_of(false)?;
        Some(match kind {
            Some(kind) => self.make(Node::Elaborated { kind, child: name }),
            None => name,
        })
    }

    // ---- special names ----

    fn call_offset(&mut self) -> Option<()> {
        if self.consume_byte(b'h') {
            return (!self.number(true).is_empty() && self.consume_byte(b'_')).then_some(());
        }
        if self.consume_byte(b'v') {
            let ok = !self.number(true).is_empty()
                && self.consume_byte(b'_')
                && !self.number(true).is_empty()
                && self.consume_byte(b'_');
            return ok.then_some(());
        }
        None
    }

    fn special_name(&mut self) -> Parsed {
        let special = |p: &mut Self, text: &'static str, child: NodeId| Some(p.make(Node::Special { text, child }));
        match (self.look(0), self.look(1)) {
            (b'T', b'A') => {
                self.pos += 2;
                let arg = self.template_arg()?;
                special(self, "template parameter object for ", arg)
            }
            (b'T', b'V' | b'T' | b'I' | b'S') => {
                let text = match self.look(1) {
                    b'V' => "vtable for ",
                    b'T' => "VTT for ",
                    b'I' => "typeinfo for ",
                    _ => "typeinfo name for ",
                };
                self.pos += 2;
                let ty = self.ty()?;
                special(self, text, ty)
            }
            (b'T', b'c') => {
                self.pos += 2;
                self.call_offset()?;
                self.call_offset()?;
                let encoding = self.encoding()?;
                special(self, "covariant return thunk to ", encoding)
            }
            (b'T', b'C') => {
                self.pos += 2;
                let first = self.ty()?;
                if self.number(true).is_empty() || !self.consume_byte(b'_') {
                    return None;
                }
                let second = self.ty()?;
                Some(self.make(Node::CtorVtable { first: second, second: first }))
            }
            (b'T', b'W' | b'H') => {
                let text = if self.look(1) == b'W' {
                    "thread-local wrapper routine for "
                } else {
                    "thread-local initialization routine for "
                };
                self.pos += 2;
                let name = self.name_of(false)?;
                special(self, text, name)
            }
            (b'T', _) => {
                self.pos += 1;
                let is_virtual = self.look(0) == b'v';
                self.call_offset()?;
                let encoding = self.encoding()?;
                special(self, if is_virtual { "virtual thunk to " } else { "non-virtual thunk to " }, encoding)
            }
            (b'G', b'V') => {
                self.pos += 2;
                let name = self.name_of(false)?;
                special(self, "guard variable for ", name)
            }
            (b'G', b'R') => {
                self.pos += 2;
                let name = self.name_of(false)?;
                let has_seq_id = self.seq_id().is_some();
                if !self.consume_byte(b'_') && has_seq_id {
                    return None;
                }
                special(self, "reference temporary for ", name)
            }
            (b'G', b'I') => {
                self.pos += 2;
                let mut module = None;
                self.module_name(&mut module)?;
                special(self, "initializer for module ", module?)
            }
            _ => None,
        }
    }

    // ---- expressions ----

    fn expr(&mut self) -> Parsed {
        self.nested(Self::expr_inner)
    }

    fn prefix_expr(&mut self, prefix: &'static str, prec: Prec) -> Parsed {
        let child = self.expr()?;
        Some(self.make(Node::Prefix { prefix, child, prec }))
    }

    /// Items read by `item` up to an `E`, collected as a list.
    fn list_until_e(&mut self, item: fn(&mut Self) -> Parsed) -> Option<List> {
        let begin = self.names.len();
        while !self.consume_byte(b'E') {
            let node = item(self)?;
            self.names.push(node);
        }
        Some(self.pop_list(begin))
    }

    fn expr_inner(&mut self) -> Parsed {
        let global = self.consume("gs");
        if let Some(op) = self.operator_encoding() {
            return self.operator_expr(op, global);
        }
        if self.left() < 2 {
            return None;
        }
        match (self.look(0), self.look(1)) {
            (b'L', _) => return self.expr_primary(),
            (b'T', _) => return self.template_param(),
            (b'f', b'p') => return self.function_param(),
            (b'f', b'L') if self.look(2).is_ascii_digit() => return self.function_param(),
            (b'f', _) => return self.fold_expr(),
            _ => {}
        }
        if self.consume("il") {
            let inits = self.list_until_e(Self::braced_expr)?;
            return Some(self.make(Node::InitList { ty: None, inits }));
        }
        if self.consume("mc") {
            let ty = self.ty()?;
            let sub = self.expr()?;
            self.number(true);
            if !self.consume_byte(b'E') {
                return None;
            }
            return Some(self.make(Node::PointerToMemberConversion { ty, sub, prec: Prec::Unary }));
        }
        if self.consume("nx") {
            let e = self.expr()?;
            return Some(self.make(Node::Enclosing { prefix: "noexcept ", infix: e, prec: Prec::Unary }));
        }
        if self.look(0) == b'r' && matches!(self.look(1), b'q' | b'Q') {
            return self.requires_expr();
        }
        if self.consume("so") {
            return self.subobject_expr();
        }
        if self.consume("sp") {
            let child = self.expr()?;
            return Some(self.make(Node::PackExpansion(child)));
        }
        if self.consume("sZ") {
            if self.look(0) == b'T' {
                let pack = self.template_param()?;
                return Some(self.make(Node::SizeofParamPack(pack)));
            }
            let param = self.function_param()?;
            return Some(self.make(Node::Enclosing { prefix: "sizeof... ", infix: param, prec: Prec::Primary }));
        }
        if self.consume("sP") {
            let args = self.list_until_e(Self::template_arg)?;
            let pack = self.make(Node::CommaList(args));
            return Some(self.make(Node::Enclosing { prefix: "sizeof... ", infix: pack, prec: Prec::Primary }));
        }
        if self.consume("tl") {
            let ty = self.ty()?;
            let inits = self.list_until_e(Self::braced_expr)?;
            return Some(self.make(Node::InitList { ty: Some(ty), inits }));
        }
        if self.consume("tr") {
            return Some(self.name("throw"));
        }
        if self.consume("tw") {
            let e = self.expr()?;
            return Some(self.make(Node::Throw(e)));
        }
        if self.consume_byte(b'u') {
            return self.vendor_call();
        }
        self.unresolved_name(global)
    }

    /// `u <source-name> <template-arg>* E`: a vendor extension called like a function
    /// (`__uuidof` has its own older form).
    fn vendor_call(&mut self) -> Parsed {
        let callee = self.source_name()?;
        let args = if matches!(self.ast.node(callee), Node::Name("__uuidof")) && matches!(self.look(0), b't' | b'z') {
            let operand = if self.consume_byte(b't') {
                self.ty()?
            } else {
                self.pos += 1;
                self.expr()?
            };
            self.ast.list(&[operand])
        } else {
            self.list_until_e(Self::template_arg)?
        };
        Some(self.make(Node::Call { callee, args, paren: false, prec: Prec::Postfix }))
    }

    fn operator_expr(&mut self, op: &'static operators::Operator, global: bool) -> Parsed {
        let sym = op.symbol();
        let prec = op.prec;
        match op.kind {
            OpKind::Binary => {
                let lhs = self.expr()?;
                let rhs = self.expr()?;
                Some(self.make(Node::Binary { lhs, op: sym, rhs, prec }))
            }
            OpKind::Prefix => self.prefix_expr(sym, prec),
            OpKind::Postfix => {
                if self.consume_byte(b'_') {
                    return self.prefix_expr(sym, prec);
                }
                let child = self.expr()?;
                Some(self.make(Node::Postfix { child, op: sym, prec }))
            }
            OpKind::Array => {
                let base = self.expr()?;
                let index = self.expr()?;
                Some(self.make(Node::ArraySubscript { base, index, prec }))
            }
            OpKind::Member => {
                let lhs = self.expr()?;
                let rhs = self.expr()?;
                Some(self.make(Node::Member { lhs, kind: sym, rhs, prec }))
            }
            OpKind::New => {
                let begin = self.names.len();
                while !self.consume_byte(b'_') {
                    let e = self.expr()?;
                    self.names.push(e);
                }
                let exprs = self.pop_list(begin);
                let ty = self.ty()?;
                let has_inits = self.consume("pi");
                let begin = self.names.len();
                while !self.consume_byte(b'E') {
                    if !has_inits {
                        return None;
                    }
                    let e = self.expr()?;
                    self.names.push(e);
                }
                let inits = self.pop_list(begin);
                Some(self.make(Node::New { exprs, ty, inits, global, array: op.flag, prec }))
            }
            OpKind::Del => {
                let e = self.expr()?;
                Some(self.make(Node::Delete { op: e, global, array: op.flag, prec }))
            }
            OpKind::Call => {
                let callee = self.expr()?;
                let args = self.list_until_e(Self::expr)?;
                Some(self.make(Node::Call { callee, args, paren: op.flag, prec }))
            }
            OpKind::CCast => {
                let saved = std::mem::replace(&mut self.try_template_args, false);
                let ty = self.ty();
                self.try_template_args = saved;
                let ty = ty?;
                let begin = self.names.len();
                let many = self.consume_byte(b'_');
                while !self.consume_byte(b'E') {
                    let e = self.expr()?;
                    self.names.push(e);
                    if !many {
                        break;
                    }
                }
                let exprs = self.pop_list(begin);
                if !many && self.ast.items(exprs).len() != 1 {
                    return None;
                }
                Some(self.make(Node::Conversion { ty, exprs, prec }))
            }
            OpKind::Conditional => {
                let cond = self.expr()?;
                let then = self.expr()?;
                let otherwise = self.expr()?;
                Some(self.make(Node::Conditional { cond, then, otherwise, prec }))
            }
            OpKind::NamedCast => {
                let to = self.ty()?;
                let from = self.expr()?;
                Some(self.make(Node::Cast { kind: sym, to, from, prec }))
            }
            OpKind::OfIdOp => {
                let infix = if op.flag { self.ty()? } else { self.expr()? };
                Some(self.make(Node::Enclosing { prefix: sym, infix, prec }))
            }
            OpKind::NameOnly => None,
        }
    }

    fn integer_literal(&mut self, ty: &'static str) -> Parsed {
        let value = self.number(true);
        (!value.is_empty() && self.consume_byte(b'E')).then(|| self.make(Node::IntegerLiteral { ty, value }))
    }

    fn float_literal(&mut self, kind: FloatKind) -> Parsed {
        let len = match kind {
            FloatKind::Float => 8,
            FloatKind::Double => 16,
            // x86-64's 80-bit long double, as on the hosts wasm-ld runs on.
            FloatKind::LongDouble => 20,
        };
        if self.left() <= len {
            return None;
        }
        let digits = self.slice(self.pos, self.pos + len);
        if !digits.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
            return None;
        }
        self.pos += len;
        self.consume_byte(b'E').then(|| self.make(Node::FloatLiteral { kind, digits }))
    }

    fn expr_primary(&mut self) -> Parsed {
        if !self.consume_byte(b'L') {
            return None;
        }
        let integer_type = match self.look(0) {
            b'w' => Some("wchar_t"),
            b'c' => Some("char"),
            b'a' => Some("signed char"),
            b'h' => Some("unsigned char"),
            b's' => Some("short"),
            b't' => Some("unsigned short"),
            b'i' => Some(""),
            b'j' => Some("u"),
            b'l' => Some("l"),
            b'm' => Some("ul"),
            b'x' => Some("ll"),
            b'y' => Some("ull"),
            b'n' => Some("__int128"),
            b'o' => Some("unsigned __int128"),
            _ => None,
        };
        if let Some(ty) = integer_type {
            self.pos += 1;
            return self.integer_literal(ty);
        }
        match self.look(0) {
            b'b' => {
                if self.consume("b0E") {
                    return Some(self.make(Node::Bool(false)));
                }
                if self.consume("b1E") {
                    return Some(self.make(Node::Bool(true)));
                }
                None
            }
            b'f' | b'd' | b'e' => {
                let kind = match self.look(0) {
                    b'f' => FloatKind::Float,
                    b'd' => FloatKind::Double,
                    _ => FloatKind::LongDouble,
                };
                self.pos += 1;
                self.float_literal(kind)
            }
            b'_' => {
                if !self.consume("_Z") {
                    return None;
                }
                let encoding = self.encoding()?;
                self.consume_byte(b'E').then_some(encoding)
            }
            b'A' => {
                let ty = self.ty()?;
                self.consume_byte(b'E').then(|| self.make(Node::StringLiteral(ty)))
            }
            b'D' => {
                if self.consume("Dn") {
                    self.consume_byte(b'0');
                    if self.consume_byte(b'E') {
                        return Some(self.name("nullptr"));
                    }
                }
                None
            }
            b'T' => None,
            b'U' => {
                if self.look(1) != b'l' {
                    return None;
                }
                let closure = self.unnamed_type_name(false)?;
                self.consume_byte(b'E').then(|| self.make(Node::Lambda(closure)))
            }
            _ => {
                let ty = self.ty()?;
                let value = self.number(true);
                if value.is_empty() || !self.consume_byte(b'E') {
                    return None;
                }
                Some(self.make(Node::EnumLiteral { ty, value }))
            }
        }
    }

    fn function_param(&mut self) -> Parsed {
        if self.consume("fpT") {
            return Some(self.name("this"));
        }
        if self.consume("fp") {
            self.cv_qualifiers();
            let number = self.number(false);
            return self.consume_byte(b'_').then(|| self.make(Node::FunctionParam(number)));
        }
        if self.consume("fL") {
            if self.number(false).is_empty() || !self.consume_byte(b'p') {
                return None;
            }
            self.cv_qualifiers();
            let number = self.number(false);
            return self.consume_byte(b'_').then(|| self.make(Node::FunctionParam(number)));
        }
        None
    }

    fn braced_expr(&mut self) -> Parsed {
        self.nested(Self::braced_expr_inner)
    }

    fn braced_expr_inner(&mut self) -> Parsed {
        if self.look(0) == b'd' {
            match self.look(1) {
                b'i' => {
                    self.pos += 2;
                    let field = self.source_name()?;
                    let init = self.braced_expr()?;
                    return Some(self.make(Node::Braced { elem: field, init, array: false }));
                }
                b'x' => {
                    self.pos += 2;
                    let index = self.expr()?;
                    let init = self.braced_expr()?;
                    return Some(self.make(Node::Braced { elem: index, init, array: true }));
                }
                b'X' => {
                    self.pos += 2;
                    let first = self.expr()?;
                    let last = self.expr()?;
                    let init = self.braced_expr()?;
                    return Some(self.make(Node::BracedRange { first, last, init }));
                }
                _ => {}
            }
        }
        self.expr()
    }

    fn fold_expr(&mut self) -> Parsed {
        if !self.consume_byte(b'f') {
            return None;
        }
        let (left, has_init) = match self.look(0) {
            b'L' => (true, true),
            b'R' => (false, true),
            b'l' => (true, false),
            b'r' => (false, false),
            _ => return None,
        };
        self.pos += 1;
        let op = self.operator_encoding()?;
        if !(op.kind == OpKind::Binary || (op.kind == OpKind::Member && op.name.ends_with('*'))) {
            return None;
        }
        let mut pack = self.expr()?;
        let mut init = if has_init { Some(self.expr()?) } else { None };
        if let (true, Some(i)) = (left, init) {
            init = Some(pack);
            pack = i;
        }
        Some(self.make(Node::Fold { left, op: op.symbol(), pack, init }))
    }

    fn subobject_expr(&mut self) -> Parsed {
        let ty = self.ty()?;
        let sub = self.expr()?;
        let offset = self.number(true);
        while self.consume_byte(b'_') {
            self.number(false);
        }
        self.consume_byte(b'p');
        self.consume_byte(b'E').then(|| self.make(Node::Subobject { ty, sub, offset }))
    }

    fn constraint_expr(&mut self) -> Parsed {
        let saved = std::mem::replace(&mut self.incomplete_param_tracking, true);
        let out = self.expr();
        self.incomplete_param_tracking = saved;
        out
    }

    fn requires_expr(&mut self) -> Parsed {
        let mut params = List::default();
        if self.consume("rQ") {
            let begin = self.names.len();
            while !self.consume_byte(b'_') {
                let ty = self.ty()?;
                self.names.push(ty);
            }
            params = self.pop_list(begin);
        } else if !self.consume("rq") {
            return None;
        }
        let begin = self.names.len();
        loop {
            let requirement = if self.consume_byte(b'X') {
                let expr = self.expr()?;
                let noexcept = self.consume_byte(b'N');
                let constraint = if self.consume_byte(b'R') { Some(self.name_of(false)?) } else { None };
                self.make(Node::ExprRequirement { expr, noexcept, constraint })
            } else if self.consume_byte(b'T') {
                let ty = self.ty()?;
                self.make(Node::TypeRequirement(ty))
            } else if self.consume_byte(b'Q') {
                let constraint = self.expr()?;
                self.make(Node::NestedRequirement(constraint))
            } else {
                return None;
            };
            self.names.push(requirement);
            if self.consume_byte(b'E') {
                break;
            }
        }
        let requirements = self.pop_list(begin);
        Some(self.make(Node::Requires { params, requirements }))
    }

    // ---- unresolved names (dependent names in expressions) ----

    fn simple_id(&mut self) -> Parsed {
        let name = self.source_name()?;
        if self.look(0) == b'I' {
            let args = self.template_args(false)?;
            return Some(self.make(Node::NameWithTemplateArgs { name, args }));
        }
        Some(name)
    }

    fn destructor_name(&mut self) -> Parsed {
        let base = if self.look(0).is_ascii_digit() { self.simple_id()? } else { self.unresolved_type()? };
        Some(self.make(Node::DtorName(base)))
    }

    fn unresolved_type(&mut self) -> Parsed {
        match self.look(0) {
            b'T' => {
                let param = self.template_param()?;
                self.subs.push(param);
                Some(param)
            }
            b'D' => {
                let decltype = self.decltype()?;
                self.subs.push(decltype);
                Some(decltype)
            }
            _ => self.substitution(),
        }
    }

    fn base_unresolved_name(&mut self) -> Parsed {
        if self.look(0).is_ascii_digit() {
            return self.simple_id();
        }
        if self.consume("dn") {
            return self.destructor_name();
        }
        self.consume("on");
        let op = self.operator_name(false)?;
        if self.look(0) == b'I' {
            let args = self.template_args(false)?;
            return Some(self.make(Node::NameWithTemplateArgs { name: op, args }));
        }
        Some(op)
    }

    fn with_args_if_any(&mut self, name: NodeId) -> Parsed {
        if self.look(0) != b'I' {
            return Some(name);
        }
        let args = self.template_args(false)?;
        Some(self.make(Node::NameWithTemplateArgs { name, args }))
    }

    fn unresolved_name(&mut self, global: bool) -> Parsed {
        if self.consume("srN") {
            let ty = self.unresolved_type()?;
            let mut so_far = self.with_args_if_any(ty)?;
            while !self.consume_byte(b'E') {
                let qual = self.simple_id()?;
                so_far = self.make(Node::Qualified { qualifier: so_far, name: qual });
            }
            let base = self.base_unresolved_name()?;
            return Some(self.make(Node::Qualified { qualifier: so_far, name: base }));
        }
        if !self.consume("sr") {
            let base = self.base_unresolved_name()?;
            return Some(if global { self.make(Node::GlobalQualified(base)) } else { base });
        }
        let so_far = if self.look(0).is_ascii_digit() {
            let mut so_far: Option<NodeId> = None;
            loop {
                let qual = self.simple_id()?;
                so_far = Some(match so_far {
                    Some(q) => self.make(Node::Qualified { qualifier: q, name: qual }),
                    None if global => self.make(Node::GlobalQualified(qual)),
                    None => qual,
                });
                if self.consume_byte(b'E') {
                    break;
                }
            }
            so_far?
        } else {
            let ty = self.unresolved_type()?;
            self.with_args_if_any(ty)?
        };
        let base = self.base_unresolved_name()?;
        Some(self.make(Node::Qualified { qualifier: so_far, name: base }))
    }
}

enum DType {
    /// A builtin: not a substitution candidate.
    Done(NodeId),
    Substitutable(NodeId),
}

/// `<length> <identifier>` read from inside an `objcproto` qualifier's own name.
fn bare_source_name_in(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let Some(len) = text.get(..digits).and_then(|d| d.parse::<usize>().ok()) else {
        return "";
    };
    text.get(digits..).and_then(|rest| rest.get(..len)).unwrap_or("")
}
