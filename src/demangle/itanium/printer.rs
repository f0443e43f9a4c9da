//! Writes an `Ast` as C++ the way LLVM's demangler does. Declarator syntax splits a node
//! into a left part and a right part (`int (*name)[3]`); pack expansions print their child
//! once per pack element; template parameters and substitutions share nodes. Work and
//! output are bounded (`FUEL`, the caller's `max_len`, `MAX_DEPTH`), since a short name
//! can stand for an exponentially large tree.

use super::ast::{Ast, Cache, List, Node, NodeId, ParamKind, RefQual, SpecialSub, CONST, RESTRICT, VOLATILE};
use super::Prec;

/// Node visits allowed per name (real names need a few thousand).
const FUEL: u64 = 4_000_000;
/// Nesting allowed while printing: substitutions can make a tree far deeper than the
/// parser's own nesting limit.
const MAX_DEPTH: u32 = 512;

const NO_PACK: u32 = u32::MAX;

pub struct Printer<'t, 'a> {
    ast: &'t Ast<'a>,
    pub out: String,
    max_len: usize,
    /// Zero inside template arguments, where a `>` operator needs parentheses.
    gt_is_gt: u32,
    pack_index: u32,
    pack_max: u32,
    /// References and forward references being printed: meeting one again means a cycle
    /// (which forward references can close), and is cut short as LLVM does.
    active: Vec<NodeId>,
    fuel: u64,
    depth: u32,
    pub failed: bool,
}

impl<'t, 'a> Printer<'t, 'a> {
    pub fn new(ast: &'t Ast<'a>, max_len: usize) -> Self {
        Printer {
            ast,
            out: String::new(),
            max_len,
            gt_is_gt: 1,
            pack_index: NO_PACK,
            pack_max: NO_PACK,
            active: Vec::new(),
            fuel: FUEL,
            depth: 0,
            failed: false,
        }
    }

    /// Appends text; fails once the output would pass `max_len`.
    fn s(&mut self, text: &str) {
        if self.out.len() + text.len() > self.max_len {
            self.failed = true;
            return;
        }
        self.out.push_str(text);
    }

    /// An opening parenthesis or bracket, inside which `>` is an operator again.
    fn open(&mut self, c: &str) {
        self.gt_is_gt = self.gt_is_gt.wrapping_add(1);
        self.s(c);
    }

    fn close(&mut self, c: &str) {
        self.gt_is_gt = self.gt_is_gt.wrapping_sub(1);
        self.s(c);
    }

    /// Charges one visit and one level; false when the budget is spent.
    fn enter(&mut self) -> bool {
        if self.failed || self.fuel == 0 || self.depth >= MAX_DEPTH {
            self.failed = true;
            return false;
        }
        self.fuel -= 1;
        self.depth += 1;
        true
    }

    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn is_active(&self, id: NodeId) -> bool {
        self.active.contains(&id)
    }

    fn with_active<T>(&mut self, id: NodeId, otherwise: T, f: impl FnOnce(&mut Self) -> T) -> T {
        if self.is_active(id) {
            return otherwise;
        }
        self.active.push(id);
        let out = f(self);
        self.active.pop();
        out
    }

    fn with_gt_is_gt<T>(&mut self, value: u32, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.gt_is_gt, value);
        let out = f(self);
        self.gt_is_gt = saved;
        out
    }

    fn items(&self, list: List) -> &'t [NodeId] {
        self.ast.items(list)
    }

    pub fn print(&mut self, id: NodeId) {
        self.print_left(id);
        if self.ast.caches(id).rhs != Cache::No {
            self.print_right(id);
        }
    }

    fn print_as_operand(&mut self, id: NodeId, prec: Prec, strictly_worse: bool) {
        let paren = self.ast.node(id).prec() as u32 >= prec as u32 + u32::from(strictly_worse);
        if paren {
            self.open("(");
        }
        self.print(id);
        if paren {
            self.close(")");
        }
    }

    fn print_with_comma(&mut self, list: List) {
        let mut first = true;
        for &item in self.items(list) {
            let before = self.out.len();
            if !first {
                self.s(", ");
            }
            let after = self.out.len();
            self.print_as_operand(item, Prec::Comma, false);
            // An empty pack expansion printed nothing: drop its comma too.
            if self.out.len() == after {
                self.out.truncate(before);
                continue;
            }
            first = false;
        }
    }

    fn start_pack(&mut self, len: usize) {
        if self.pack_max == NO_PACK {
            self.pack_max = u32::try_from(len).unwrap_or(NO_PACK - 1);
            self.pack_index = 0;
        }
    }

    /// The pack element being expanded, if any.
    fn pack_element(&mut self, elements: List) -> Option<NodeId> {
        let items = self.items(elements);
        self.start_pack(items.len());
        items.get(self.pack_index as usize).copied()
    }

    fn has_rhs(&mut self, id: NodeId) -> bool {
        self.has(id, Query::Rhs)
    }

    fn has_array(&mut self, id: NodeId) -> bool {
        self.has(id, Query::Array)
    }

    fn has_function(&mut self, id: NodeId) -> bool {
        self.has(id, Query::Function)
    }

    /// The node's cached answer, or the one worked out now when the cache says `Unknown`.
    fn has(&mut self, id: NodeId, q: Query) -> bool {
        let caches = self.ast.caches(id);
        let cache = match q {
            Query::Rhs => caches.rhs,
            Query::Array => caches.array,
            Query::Function => caches.function,
        };
        match cache {
            Cache::Yes => true,
            Cache::No => false,
            Cache::Unknown => self.query(id, q),
        }
    }

    /// The answer worked out while printing, for nodes whose cache says `Unknown`.
    fn query(&mut self, id: NodeId, q: Query) -> bool {
        if !self.enter() {
            return false;
        }
        let answer = match (self.ast.node(id), q) {
            (Node::Qual { child, .. }, _) => self.has(child, q),
            (Node::Pointer(inner) | Node::Reference { pointee: inner, .. }, Query::Rhs) => self.has_rhs(inner),
            (Node::PointerToMember { member, .. }, Query::Rhs) => self.has_rhs(member),
            (Node::Array { .. }, Query::Rhs | Query::Array) => true,
            (Node::Function { .. } | Node::FunctionEncoding { .. }, Query::Rhs | Query::Function) => true,
            (Node::ParameterPack(elements), _) => match self.pack_element(elements) {
                Some(element) => self.has(element, q),
                None => false,
            },
            (Node::ForwardRef { target: Some(target), .. }, _) => self.with_active(id, false, |p| p.has(target, q)),
            _ => false,
        };
        self.leave();
        answer
    }

    /// Digs through packs and forward references to the node that is really there.
    fn syntax_node(&mut self, id: NodeId) -> NodeId {
        if !self.enter() {
            return id;
        }
        let found = match self.ast.node(id) {
            Node::ParameterPack(elements) => match self.pack_element(elements) {
                Some(element) => self.syntax_node(element),
                None => id,
            },
            Node::ForwardRef { target: Some(target), .. } => self.with_active(id, id, |p| p.syntax_node(target)),
            _ => id,
        };
        self.leave();
        found
    }

    /// A reference to a reference collapses (`T&& &` is `T&`); returns the kind and the
    /// referred-to node, or no node for a cycle.
    fn collapse(&mut self, pointee: NodeId, rvalue: bool) -> (bool, Option<NodeId>) {
        let mut rvalue = rvalue;
        let mut pointee = pointee;
        let mut seen: Vec<NodeId> = Vec::new();
        loop {
            let syntax = self.syntax_node(pointee);
            let Node::Reference { pointee: next, rvalue: inner_rvalue } = self.ast.node(syntax) else {
                break;
            };
            pointee = next;
            rvalue &= inner_rvalue;
            seen.push(pointee);
            // Floyd's check, with the middle of `seen` as the slow pointer.
            if seen.len() > 1 && seen.get((seen.len() - 1) / 2) == Some(&pointee) {
                return (rvalue, None);
            }
            if self.failed {
                return (rvalue, None);
            }
        }
        (rvalue, Some(pointee))
    }

    fn print_quals(&mut self, quals: u8) {
        if quals & CONST != 0 {
            self.s(" const");
        }
        if quals & VOLATILE != 0 {
            self.s(" volatile");
        }
        if quals & RESTRICT != 0 {
            self.s(" restrict");
        }
    }

    fn print_ref_qual(&mut self, ref_qual: RefQual) {
        match ref_qual {
            RefQual::None => {}
            RefQual::LValue => self.s(" &"),
            RefQual::RValue => self.s(" &&"),
        }
    }

    fn base_name(&self, id: NodeId) -> &'a str {
        match self.ast.node(id) {
            Node::Name(name) => name,
            Node::Nested { name, .. }
            | Node::ModuleEntity { name, .. }
            | Node::Qualified { name, .. }
            | Node::NameWithTemplateArgs { name, .. }
            | Node::MemberLikeFriend { name, .. } => self.base_name(name),
            Node::GlobalQualified(child) | Node::AbiTag { base: child, .. } => self.base_name(child),
            Node::SpecialSubstitution { kind, expanded } => special_sub_base_name(kind, expanded),
            _ => "",
        }
    }

    fn is_objc_id(&self, pointee: NodeId) -> Option<&'a str> {
        let Node::ObjCProto { ty, protocol } = self.ast.node(pointee) else {
            return None;
        };
        matches!(self.ast.node(ty), Node::Name("objc_object")).then_some(protocol)
    }

    /// The part of a declarator left of the name.
    fn print_left(&mut self, id: NodeId) {
        if !self.enter() {
            return;
        }
        self.left(id);
        self.leave();
    }

    fn print_right(&mut self, id: NodeId) {
        if !self.enter() {
            return;
        }
        self.right(id);
        self.leave();
    }

    fn left(&mut self, id: NodeId) {
        match self.ast.node(id) {
            Node::Name(text) => self.s(text),
            Node::CommaList(list) | Node::TemplateArgumentPack(list) => self.print_with_comma(list),
            Node::DotSuffix { prefix, suffix } => {
                self.print(prefix);
                self.s(" (");
                self.s(suffix);
                self.s(")");
            }
            Node::VendorExtQual { ty, ext, args } => {
                self.print(ty);
                self.s(" ");
                self.s(ext);
                if let Some(args) = args {
                    self.print(args);
                }
            }
            Node::Qual { child, quals } => {
                self.print_left(child);
                self.print_quals(quals);
            }
            Node::ConversionOperatorType(ty) => {
                self.s("operator ");
                self.print(ty);
            }
            Node::PostfixQualified { ty, postfix } => {
                self.print_left(ty);
                self.s(postfix);
            }
            Node::BitInt { size, signed } => {
                if !signed {
                    self.s("unsigned ");
                }
                self.s("_BitInt");
                self.open("(");
                self.print_as_operand(size, Prec::Default, false);
                self.close(")");
            }
            Node::Elaborated { kind, child } => {
                self.s(kind);
                self.s(" ");
                self.print(child);
            }
            Node::Transformed { transform, base } => {
                self.s(transform);
                self.s("(");
                self.print(base);
                self.s(")");
            }
            Node::AbiTag { base, tag } => {
                self.print_left(base);
                self.s("[abi:");
                self.s(tag);
                self.s("]");
            }
            Node::EnableIf(conditions) => {
                self.s(" [enable_if:");
                self.print_with_comma(conditions);
                self.s("]");
            }
            Node::ObjCProto { ty, protocol } => {
                self.print(ty);
                self.s("<");
                self.s(protocol);
                self.s(">");
            }
            Node::Pointer(pointee) => {
                if let Some(protocol) = self.is_objc_id(pointee) {
                    self.s("id<");
                    self.s(protocol);
                    self.s(">");
                } else {
                    self.print_left(pointee);
                    self.declarator_open(pointee);
                    self.s("*");
                }
            }
            Node::Reference { pointee, rvalue } => {
                self.with_active(id, (), |p| {
                    let (rvalue, Some(target)) = p.collapse(pointee, rvalue) else {
                        return;
                    };
                    p.print_left(target);
                    p.declarator_open(target);
                    p.s(if rvalue { "&&" } else { "&" });
                });
            }
            Node::PointerToMember { class, member } => {
                self.print_left(member);
                if self.has_array(member) || self.has_function(member) {
                    self.s("(");
                } else {
                    self.s(" ");
                }
                self.print(class);
                self.s("::*");
            }
            Node::Array { base, .. } => self.print_left(base),
            Node::Function { ret, .. } => {
                self.print_left(ret);
                self.s(" ");
            }
            Node::NoexceptSpec(e) => {
                self.s("noexcept");
                self.open("(");
                self.print_as_operand(e, Prec::Default, false);
                self.close(")");
            }
            Node::DynamicExceptionSpec(types) => {
                self.s("throw");
                self.open("(");
                self.print_with_comma(types);
                self.close(")");
            }
            Node::ExplicitObjectParam(base) => {
                self.s("this ");
                self.print(base);
            }
            Node::FunctionEncoding { ret, name, .. } => {
                if let Some(ret) = ret {
                    self.print_left(ret);
                    if !self.has_rhs(ret) {
                        self.s(" ");
                    }
                }
                self.print(name);
            }
            Node::LiteralOperator(name) => {
                self.s("operator\"\" ");
                self.print(name);
            }
            Node::Special { text, child } => {
                self.s(text);
                self.print(child);
            }
            Node::CtorVtable { first, second } => {
                self.s("construction vtable for ");
                self.print(first);
                self.s("-in-");
                self.print(second);
            }
            Node::Nested { qual, name } | Node::Qualified { qualifier: qual, name } => {
                self.print(qual);
                self.s("::");
                self.print(name);
            }
            Node::MemberLikeFriend { qual, name } => {
                self.print(qual);
                self.s("::friend ");
                self.print(name);
            }
            Node::Module { parent, name, partition } => {
                if let Some(parent) = parent {
                    self.print(parent);
                }
                if parent.is_some() || partition {
                    self.s(if partition { ":" } else { "." });
                }
                self.print(name);
            }
            Node::ModuleEntity { module, name } => {
                self.print(name);
                self.s("@");
                self.print(module);
            }
            Node::Local { encoding, entity } => {
                self.print(encoding);
                self.s("::");
                self.print(entity);
            }
            Node::Vector { base, dimension } => {
                self.print(base);
                self.s(" vector[");
                if let Some(dimension) = dimension {
                    self.print(dimension);
                }
                self.s("]");
            }
            Node::PixelVector(dimension) => {
                self.s("pixel vector[");
                self.print(dimension);
                self.s("]");
            }
            Node::BinaryFp(bits) => {
                self.s("_Float");
                self.print(bits);
            }
            Node::SyntheticTemplateParam { kind, index } => {
                self.s(match kind {
                    ParamKind::Type => "$T",
                    ParamKind::NonType => "$N",
                    ParamKind::Template => "$TT",
                });
                if index > 0 {
                    self.s(&(index - 1).to_string());
                }
            }
            Node::TemplateParamQualifiedArg { arg } => self.print(arg),
            Node::TypeTemplateParamDecl(_) => self.s("typename "),
            Node::ConstrainedTypeTemplateParamDecl { constraint, .. } => {
                self.print(constraint);
                self.s(" ");
            }
            Node::NonTypeTemplateParamDecl { ty, .. } => {
                self.print_left(ty);
                if !self.has_rhs(ty) {
                    self.s(" ");
                }
            }
            Node::TemplateTemplateParamDecl { params, .. } => {
                self.with_gt_is_gt(0, |p| {
                    p.s("template<");
                    p.print_with_comma(params);
                    p.s("> typename ");
                });
            }
            Node::TemplateParamPackDecl(param) => {
                self.print_left(param);
                self.s("...");
            }
            Node::ParameterPack(elements) => {
                if let Some(element) = self.pack_element(elements) {
                    self.print_left(element);
                }
            }
            Node::PackExpansion(child) => self.pack_expansion(child),
            Node::TemplateArgs(args) => {
                self.with_gt_is_gt(0, |p| {
                    p.s("<");
                    p.print_with_comma(args);
                    p.s(">");
                });
            }
            Node::ForwardRef { target, .. } => {
                if let Some(target) = target {
                    self.with_active(id, (), |p| p.print_left(target));
                }
            }
            Node::NameWithTemplateArgs { name, args } => {
                self.print(name);
                self.print(args);
            }
            Node::GlobalQualified(child) => {
                self.s("::");
                self.print(child);
            }
            Node::SpecialSubstitution { kind, expanded } => {
                self.s("std::");
                self.s(special_sub_base_name(kind, expanded));
                if expanded && !matches!(kind, SpecialSub::Allocator | SpecialSub::BasicString) {
                    self.s("<char, std::char_traits<char>");
                    if kind == SpecialSub::String {
                        self.s(", std::allocator<char>");
                    }
                    self.s(">");
                }
            }
            Node::CtorDtor { base, dtor } => {
                if dtor {
                    self.s("~");
                }
                let name = self.base_name(base);
                self.s(name);
            }
            Node::DtorName(base) => {
                self.s("~");
                self.print_left(base);
            }
            Node::UnnamedType(count) => {
                self.s("'unnamed");
                self.s(count);
                self.s("'");
            }
            Node::Closure { count, .. } => {
                self.s("'lambda");
                self.s(count);
                self.s("'");
                self.closure_declarator(id);
            }
            Node::StructuredBinding(bindings) => {
                self.open("[");
                self.print_with_comma(bindings);
                self.close("]");
            }
            Node::Binary { lhs, op, rhs, prec } => {
                let paren_all = self.gt_is_gt == 0 && (op == ">" || op == ">>");
                if paren_all {
                    self.open("(");
                }
                let assign = prec == Prec::Assign;
                self.print_as_operand(lhs, if assign { Prec::OrIf } else { prec }, !assign);
                if op != "," {
                    self.s(" ");
                }
                self.s(op);
                self.s(" ");
                self.print_as_operand(rhs, prec, assign);
                if paren_all {
                    self.close(")");
                }
            }
            Node::ArraySubscript { base, index, prec } => {
                self.print_as_operand(base, prec, false);
                self.open("[");
                self.print_as_operand(index, Prec::Default, false);
                self.close("]");
            }
            Node::Postfix { child, op, prec } => {
                self.print_as_operand(child, prec, true);
                self.s(op);
            }
            Node::Conditional { cond, then, otherwise, prec } => {
                self.print_as_operand(cond, prec, false);
                self.s(" ? ");
                self.print_as_operand(then, Prec::Default, false);
                self.s(" : ");
                self.print_as_operand(otherwise, Prec::Assign, true);
            }
            Node::Member { lhs, kind, rhs, prec } => {
                self.print_as_operand(lhs, prec, true);
                self.s(kind);
                self.print_as_operand(rhs, prec, false);
            }
            Node::Subobject { ty, sub, offset } => {
                self.print(sub);
                self.s(".<");
                self.print(ty);
                self.s(" at offset ");
                match offset.strip_prefix('n') {
                    _ if offset.is_empty() => self.s("0"),
                    Some(negated) => {
                        self.s("-");
                        self.s(negated);
                    }
                    None => self.s(offset),
                }
                self.s(">");
            }
            Node::Enclosing { prefix, infix, .. } => {
                self.s(prefix);
                self.open("(");
                self.print(infix);
                self.close(")");
            }
            Node::Cast { kind, to, from, .. } => {
                self.s(kind);
                self.with_gt_is_gt(0, |p| {
                    p.s("<");
                    p.print_left(to);
                    p.s(">");
                });
                self.open("(");
                self.print_as_operand(from, Prec::Default, false);
                self.close(")");
            }
            Node::SizeofParamPack(pack) => {
                self.s("sizeof...");
                self.open("(");
                self.pack_expansion(pack);
                self.close(")");
            }
            Node::Call { callee, args, paren, .. } => {
                if paren {
                    self.open("(");
                }
                self.print(callee);
                if paren {
                    self.close(")");
                }
                self.open("(");
                self.print_with_comma(args);
                self.close(")");
            }
            Node::New { exprs, ty, inits, global, array, .. } => {
                if global {
                    self.s("::");
                }
                self.s("new");
                if array {
                    self.s("[]");
                }
                if !exprs.is_empty() {
                    self.open("(");
                    self.print_with_comma(exprs);
                    self.close(")");
                }
                self.s(" ");
                self.print(ty);
                if !inits.is_empty() {
                    self.open("(");
                    self.print_with_comma(inits);
                    self.close(")");
                }
            }
            Node::Delete { op, global, array, .. } => {
                if global {
                    self.s("::");
                }
                self.s("delete");
                if array {
                    self.s("[]");
                }
                self.s(" ");
                self.print(op);
            }
            Node::Prefix { prefix, child, prec } => {
                self.s(prefix);
                self.print_as_operand(child, prec, false);
            }
            Node::FunctionParam(number) => {
                self.s("fp");
                self.s(number);
            }
            Node::Conversion { ty, exprs, .. } => {
                self.open("(");
                self.print(ty);
                self.close(")");
                self.open("(");
                self.print_with_comma(exprs);
                self.close(")");
            }
            Node::PointerToMemberConversion { ty, sub, .. } => {
                self.open("(");
                self.print(ty);
                self.close(")");
                self.open("(");
                self.print(sub);
                self.close(")");
            }
            Node::InitList { ty, inits } => {
                if let Some(ty) = ty {
                    self.print(ty);
                }
                self.s("{");
                self.print_with_comma(inits);
                self.s("}");
            }
            Node::Braced { elem, init, array } => {
                if array {
                    self.s("[");
                    self.print(elem);
                    self.s("]");
                } else {
                    self.s(".");
                    self.print(elem);
                }
                self.braced_init(init);
            }
            Node::BracedRange { first, last, init } => {
                self.s("[");
                self.print(first);
                self.s(" ... ");
                self.print(last);
                self.s("]");
                self.braced_init(init);
            }
            Node::Fold { left, op, pack, init } => {
                self.open("(");
                if !left || init.is_some() {
                    match init {
                        Some(init) if left => self.print_as_operand(init, Prec::Cast, true),
                        _ => self.fold_pack(pack),
                    }
                    self.s(" ");
                    self.s(op);
                    self.s(" ");
                }
                self.s("...");
                if left || init.is_some() {
                    self.s(" ");
                    self.s(op);
                    self.s(" ");
                    match init {
                        Some(init) if !left => self.print_as_operand(init, Prec::Cast, true),
                        _ => self.fold_pack(pack),
                    }
                }
                self.close(")");
            }
            Node::Throw(op) => {
                self.s("throw ");
                self.print(op);
            }
            Node::Bool(value) => self.s(if value { "true" } else { "false" }),
            Node::StringLiteral(ty) => {
                self.s("\"<");
                self.print(ty);
                self.s(">\"");
            }
            Node::Lambda(closure) => {
                self.s("[]");
                if matches!(self.ast.node(closure), Node::Closure { .. }) {
                    self.closure_declarator(closure);
                }
                self.s("{...}");
            }
            Node::EnumLiteral { ty, value } => {
                self.open("(");
                self.print(ty);
                self.close(")");
                self.signed_number(value);
            }
            Node::IntegerLiteral { ty, value } => {
                if ty.len() > 3 {
                    self.open("(");
                    self.s(ty);
                    self.close(")");
                }
                self.signed_number(value);
                if ty.len() <= 3 {
                    self.s(ty);
                }
            }
            Node::Requires { params, requirements } => {
                self.s("requires");
                if !params.is_empty() {
                    self.s(" ");
                    self.open("(");
                    self.print_with_comma(params);
                    self.close(")");
                }
                self.s(" ");
                self.open("{");
                for &requirement in self.items(requirements) {
                    self.print(requirement);
                }
                self.s(" ");
                self.close("}");
            }
            Node::ExprRequirement { expr, noexcept, constraint } => {
                self.s(" ");
                let braced = noexcept || constraint.is_some();
                if braced {
                    self.open("{");
                }
                self.print(expr);
                if braced {
                    self.close("}");
                }
                if noexcept {
                    self.s(" noexcept");
                }
                if let Some(constraint) = constraint {
                    self.s(" -> ");
                    self.print(constraint);
                }
                self.s(";");
            }
            Node::TypeRequirement(ty) => {
                self.s(" typename ");
                self.print(ty);
                self.s(";");
            }
            Node::NestedRequirement(constraint) => {
                self.s(" requires ");
                self.print(constraint);
                self.s(";");
            }
            Node::FloatLiteral { kind, digits } => {
                let text = super::float::format(kind, digits);
                self.s(&text);
            }
        }
    }

    /// The part of a declarator right of the name.
    fn right(&mut self, id: NodeId) {
        match self.ast.node(id) {
            Node::Qual { child, .. } => self.print_right(child),
            Node::Pointer(pointee) if self.is_objc_id(pointee).is_none() => {
                self.declarator_close(pointee);
                self.print_right(pointee);
            }
            Node::Reference { pointee, rvalue } => {
                self.with_active(id, (), |p| {
                    let (_, Some(target)) = p.collapse(pointee, rvalue) else {
                        return;
                    };
                    p.declarator_close(target);
                    p.print_right(target);
                });
            }
            Node::PointerToMember { member, .. } => {
                self.declarator_close(member);
                self.print_right(member);
            }
            Node::Array { base, dimension } => {
                if !self.out.ends_with(']') {
                    self.s(" ");
                }
                self.s("[");
                if let Some(dimension) = dimension {
                    self.print(dimension);
                }
                self.s("]");
                self.print_right(base);
            }
            Node::Function { ret, params, cv, ref_qual, exception } => {
                self.open("(");
                self.print_with_comma(params);
                self.close(")");
                self.print_right(ret);
                self.print_quals(cv);
                self.print_ref_qual(ref_qual);
                if let Some(exception) = exception {
                    self.s(" ");
                    self.print(exception);
                }
            }
            Node::FunctionEncoding { ret, params, attrs, requires, cv, ref_qual, .. } => {
                self.open("(");
                self.print_with_comma(params);
                self.close(")");
                if let Some(ret) = ret {
                    self.print_right(ret);
                }
                self.print_quals(cv);
                self.print_ref_qual(ref_qual);
                if let Some(attrs) = attrs {
                    self.print(attrs);
                }
                if let Some(requires) = requires {
                    self.s(" requires ");
                    self.print(requires);
                }
            }
            Node::TypeTemplateParamDecl(name) | Node::ConstrainedTypeTemplateParamDecl { name, .. } => self.print(name),
            Node::NonTypeTemplateParamDecl { name, ty } => {
                self.print(name);
                self.print_right(ty);
            }
            Node::TemplateTemplateParamDecl { name, requires, .. } => {
                self.print(name);
                if let Some(requires) = requires {
                    self.s(" requires ");
                    self.print(requires);
                }
            }
            Node::TemplateParamPackDecl(param) => self.print_right(param),
            Node::ParameterPack(elements) => {
                if let Some(element) = self.pack_element(elements) {
                    self.print_right(element);
                }
            }
            Node::ForwardRef { target: Some(target), .. } => self.with_active(id, (), |p| p.print_right(target)),
            _ => {}
        }
    }

    /// `(*` around a pointer or reference to an array or function: `int (*)[3]`.
    fn declarator_open(&mut self, pointee: NodeId) {
        let array = self.has_array(pointee);
        if array {
            self.s(" ");
        }
        if array || self.has_function(pointee) {
            self.s("(");
        }
    }

    fn declarator_close(&mut self, pointee: NodeId) {
        if self.has_array(pointee) || self.has_function(pointee) {
            self.s(")");
        }
    }

    /// Prints `child` once per element of the pack inside it, comma-separated.
    fn pack_expansion(&mut self, child: NodeId) {
        let saved = (self.pack_index, self.pack_max);
        self.pack_index = NO_PACK;
        self.pack_max = NO_PACK;
        let start = self.out.len();
        self.print(child);
        if self.pack_max == NO_PACK {
            // No pack inside (an expansion of a function parameter pack, say).
            self.s("...");
        } else if self.pack_max == 0 {
            self.out.truncate(start);
        } else {
            for i in 1..self.pack_max {
                if self.failed {
                    break;
                }
                self.s(", ");
                self.pack_index = i;
                self.print(child);
            }
        }
        (self.pack_index, self.pack_max) = saved;
    }

    fn fold_pack(&mut self, pack: NodeId) {
        self.open("(");
        self.pack_expansion(pack);
        self.close(")");
    }

    fn closure_declarator(&mut self, closure: NodeId) {
        let Node::Closure { template_params, requires1, params, requires2, .. } = self.ast.node(closure) else {
            return;
        };
        if !template_params.is_empty() {
            self.with_gt_is_gt(0, |p| {
                p.s("<");
                p.print_with_comma(template_params);
                p.s(">");
            });
        }
        if let Some(requires) = requires1 {
            self.s(" requires ");
            self.print(requires);
            self.s(" ");
        }
        self.open("(");
        self.print_with_comma(params);
        self.close(")");
        if let Some(requires) = requires2 {
            self.s(" requires ");
            self.print(requires);
        }
    }

    fn braced_init(&mut self, init: NodeId) {
        if !matches!(self.ast.node(init), Node::Braced { .. } | Node::BracedRange { .. }) {
            self.s(" = ");
        }
        self.print(init);
    }

    fn signed_number(&mut self, value: &str) {
        match value.strip_prefix('n') {
            Some(magnitude) => {
                self.s("-");
                self.s(magnitude);
            }
            None => self.s(value),
        }
    }
}

#[derive(Clone, Copy)]
enum Query {
    Rhs,
    Array,
    Function,
}

fn special_sub_base_name(kind: SpecialSub, expanded: bool) -> &'static str {
    match (kind, expanded) {
        (SpecialSub::Allocator, _) => "allocator",
        (SpecialSub::BasicString, _) => "basic_string",
        (SpecialSub::String, true) => "basic_string",
        (SpecialSub::Istream, true) => "basic_istream",
        (SpecialSub::Ostream, true) => "basic_ostream",
        (SpecialSub::Iostream, true) => "basic_iostream",
        (SpecialSub::String, false) => "string",
        (SpecialSub::Istream, false) => "istream",
        (SpecialSub::Ostream, false) => "ostream",
        (SpecialSub::Iostream, false) => "iostream",
    }
}
