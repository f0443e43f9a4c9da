//! The tree a mangled name parses into: nodes in one arena, addressed by `NodeId`, child
//! lists in a second one. Substitutions and template parameters make it a DAG (a node can be
//! reached from many places), and a forward template reference can even close a cycle, which
//! the printer guards against.

use super::Prec;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct NodeId(u32);

/// A run of child ids in `Ast::lists`.
#[derive(Clone, Copy, Default, Debug)]
pub struct List {
    start: u32,
    len: u32,
}

impl List {
    pub fn is_empty(self) -> bool {
        self.len == 0
    }
}

/// Whether a node has a part printed right of the name (arrays, functions), is an array or
/// is a function: known when the node is made, or only while printing (packs, forward
/// references), as LLVM's demangler caches it. Printing follows these answers, so they
/// are kept exactly.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Cache {
    Yes,
    No,
    Unknown,
}

#[derive(Clone, Copy, Debug)]
pub struct Caches {
    pub rhs: Cache,
    pub array: Cache,
    pub function: Cache,
}

const NONE: Caches = Caches { rhs: Cache::No, array: Cache::No, function: Cache::No };

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum RefQual {
    None,
    LValue,
    RValue,
}

/// `const`, `volatile`, `restrict` bits.
pub const CONST: u8 = 1;
pub const VOLATILE: u8 = 2;
pub const RESTRICT: u8 = 4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SpecialSub {
    Allocator,
    BasicString,
    String,
    Istream,
    Ostream,
    Iostream,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ParamKind {
    Type,
    NonType,
    Template,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum FloatKind {
    Float,
    Double,
    LongDouble,
}

#[derive(Clone, Copy, Debug)]
pub enum Node<'a> {
    /// Any text printed as it is: a source name, a builtin type, `std`, an operator name.
    Name(&'a str),
    /// Comma-separated operands (`sizeof...` of several arguments).
    CommaList(List),
    /// `name (.suffix)`: a clone or LTO suffix after the encoding.
    DotSuffix {
        prefix: NodeId,
        suffix: &'a str,
    },
    VendorExtQual {
        ty: NodeId,
        ext: &'a str,
        args: Option<NodeId>,
    },
    Qual {
        child: NodeId,
        quals: u8,
    },
    ConversionOperatorType(NodeId),
    PostfixQualified {
        ty: NodeId,
        postfix: &'static str,
    },
    BitInt {
        size: NodeId,
        signed: bool,
    },
    Elaborated {
        kind: &'static str,
        child: NodeId,
    },
    Transformed {
        transform: &'a str,
        base: NodeId,
    },
    AbiTag {
        base: NodeId,
        tag: &'a str,
    },
    EnableIf(List),
    ObjCProto {
        ty: NodeId,
        protocol: &'a str,
    },
    Pointer(NodeId),
    Reference {
        pointee: NodeId,
        rvalue: bool,
    },
    PointerToMember {
        class: NodeId,
        member: NodeId,
    },
    Array {
        base: NodeId,
        dimension: Option<NodeId>,
    },
    Function {
        ret: NodeId,
        params: List,
        cv: u8,
        ref_qual: RefQual,
        exception: Option<NodeId>,
    },
    NoexceptSpec(NodeId),
    DynamicExceptionSpec(List),
    ExplicitObjectParam(NodeId),
    FunctionEncoding {
        ret: Option<NodeId>,
        name: NodeId,
        params: List,
        attrs: Option<NodeId>,
        requires: Option<NodeId>,
        cv: u8,
        ref_qual: RefQual,
    },
    LiteralOperator(NodeId),
    Special {
        text: &'static str,
        child: NodeId,
    },
    CtorVtable {
        first: NodeId,
        second: NodeId,
    },
    Nested {
        qual: NodeId,
        name: NodeId,
    },
    MemberLikeFriend {
        qual: NodeId,
        name: NodeId,
    },
    Module {
        parent: Option<NodeId>,
        name: NodeId,
        partition: bool,
    },
    ModuleEntity {
        module: NodeId,
        name: NodeId,
    },
    Local {
        encoding: NodeId,
        entity: NodeId,
    },
    Qualified {
        qualifier: NodeId,
        name: NodeId,
    },
    Vector {
        base: NodeId,
        dimension: Option<NodeId>,
    },
    PixelVector(NodeId),
    BinaryFp(NodeId),
    SyntheticTemplateParam {
        kind: ParamKind,
        index: u32,
    },
    TemplateParamQualifiedArg {
        arg: NodeId,
    },
    TypeTemplateParamDecl(NodeId),
    ConstrainedTypeTemplateParamDecl {
        constraint: NodeId,
        name: NodeId,
    },
    NonTypeTemplateParamDecl {
        name: NodeId,
        ty: NodeId,
    },
    TemplateTemplateParamDecl {
        name: NodeId,
        params: List,
        requires: Option<NodeId>,
    },
    TemplateParamPackDecl(NodeId),
    /// The elements of a template argument pack, as a template parameter refers to them.
    ParameterPack(List),
    TemplateArgumentPack(List),
    PackExpansion(NodeId),
    TemplateArgs(List),
    /// A template parameter used before its arguments are parsed (in a conversion
    /// operator's type); `target` is filled in when they are.
    ForwardRef {
        index: u64,
        target: Option<NodeId>,
    },
    NameWithTemplateArgs {
        name: NodeId,
        args: NodeId,
    },
    GlobalQualified(NodeId),
    SpecialSubstitution {
        kind: SpecialSub,
        expanded: bool,
    },
    CtorDtor {
        base: NodeId,
        dtor: bool,
    },
    DtorName(NodeId),
    UnnamedType(&'a str),
    Closure {
        template_params: List,
        requires1: Option<NodeId>,
        params: List,
        requires2: Option<NodeId>,
        count: &'a str,
    },
    StructuredBinding(List),
    Binary {
        lhs: NodeId,
        op: &'static str,
        rhs: NodeId,
        prec: Prec,
    },
    ArraySubscript {
        base: NodeId,
        index: NodeId,
        prec: Prec,
    },
    Postfix {
        child: NodeId,
        op: &'static str,
        prec: Prec,
    },
    Conditional {
        cond: NodeId,
        then: NodeId,
        otherwise: NodeId,
        prec: Prec,
    },
    Member {
        lhs: NodeId,
        kind: &'static str,
        rhs: NodeId,
        prec: Prec,
    },
    Subobject {
        ty: NodeId,
        sub: NodeId,
        offset: &'a str,
    },
    Enclosing {
        prefix: &'static str,
        infix: NodeId,
        prec: Prec,
    },
    Cast {
        kind: &'static str,
        to: NodeId,
        from: NodeId,
        prec: Prec,
    },
    SizeofParamPack(NodeId),
    Call {
        callee: NodeId,
        args: List,
        paren: bool,
        prec: Prec,
    },
    New {
        exprs: List,
        ty: NodeId,
        inits: List,
        global: bool,
        array: bool,
        prec: Prec,
    },
    Delete {
        op: NodeId,
        global: bool,
        array: bool,
        prec: Prec,
    },
    Prefix {
        prefix: &'static str,
        child: NodeId,
        prec: Prec,
    },
    FunctionParam(&'a str),
    Conversion {
        ty: NodeId,
        exprs: List,
        prec: Prec,
    },
    PointerToMemberConversion {
        ty: NodeId,
        sub: NodeId,
        prec: Prec,
    },
    InitList {
        ty: Option<NodeId>,
        inits: List,
    },
    Braced {
        elem: NodeId,
        init: NodeId,
        array: bool,
    },
    BracedRange {
        first: NodeId,
        last: NodeId,
        init: NodeId,
    },
    Fold {
        left: bool,
        op: &'static str,
        pack: NodeId,
        init: Option<NodeId>,
    },
    Throw(NodeId),
    Bool(bool),
    StringLiteral(NodeId),
    Lambda(NodeId),
    EnumLiteral {
        ty: NodeId,
        value: &'a str,
    },
    IntegerLiteral {
        ty: &'static str,
        value: &'a str,
    },
    Requires {
        params: List,
        requirements: List,
    },
    ExprRequirement {
        expr: NodeId,
        noexcept: bool,
        constraint: Option<NodeId>,
    },
    TypeRequirement(NodeId),
    NestedRequirement(NodeId),
    FloatLiteral {
        kind: FloatKind,
        digits: &'a str,
    },
}

impl Node<'_> {
    /// Expression precedence, for parentheses around operands; everything else is primary.
    pub fn prec(&self) -> Prec {
        match *self {
            Node::Binary { prec, .. }
            | Node::ArraySubscript { prec, .. }
            | Node::Postfix { prec, .. }
            | Node::Conditional { prec, .. }
            | Node::Member { prec, .. }
            | Node::Enclosing { prec, .. }
            | Node::Cast { prec, .. }
            | Node::Call { prec, .. }
            | Node::New { prec, .. }
            | Node::Delete { prec, .. }
            | Node::Prefix { prec, .. }
            | Node::Conversion { prec, .. }
            | Node::PointerToMemberConversion { prec, .. } => prec,
            _ => Prec::Primary,
        }
    }
}

#[derive(Default)]
pub struct Ast<'a> {
    nodes: Vec<(Node<'a>, Caches)>,
    lists: Vec<NodeId>,
}

impl<'a> Ast<'a> {
    pub fn make(&mut self, node: Node<'a>) -> NodeId {
        let caches = self.caches_of(&node);
        // Node counts grow with the input, which the caller bounds; u32 is plenty.
        let id = NodeId(u32::try_from(self.nodes.len()).unwrap_or(u32::MAX));
        self.nodes.push((node, caches));
        id
    }

    pub fn node(&self, id: NodeId) -> Node<'a> {
        self.nodes.get(id.0 as usize).map_or(Node::Name(""), |n| n.0)
    }

    pub fn caches(&self, id: NodeId) -> Caches {
        self.nodes.get(id.0 as usize).map_or(NONE, |n| n.1)
    }

    pub fn list(&mut self, items: &[NodeId]) -> List {
        let start = u32::try_from(self.lists.len()).unwrap_or(u32::MAX);
        self.lists.extend_from_slice(items);
        List { start, len: u32::try_from(items.len()).unwrap_or(0) }
    }

    pub fn items(&self, list: List) -> &[NodeId] {
        let start = list.start as usize;
        self.lists.get(start..start + list.len as usize).unwrap_or(&[])
    }

    pub fn set_forward_target(&mut self, id: NodeId, to: NodeId) {
        if let Some((Node::ForwardRef { target, .. }, _)) = self.nodes.get_mut(id.0 as usize) {
            *target = Some(to);
        }
    }

    /// What LLVM's node constructors record about each kind of node.
    fn caches_of(&self, node: &Node<'a>) -> Caches {
        let rhs_only = |c: Cache| Caches { rhs: c, array: Cache::No, function: Cache::No };
        match *node {
            Node::Qual { child: inner, .. } | Node::AbiTag { base: inner, .. } => self.caches(inner),
            Node::Pointer(inner)
            | Node::Reference { pointee: inner, .. }
            | Node::PointerToMember { member: inner, .. } => rhs_only(self.caches(inner).rhs),
            Node::Array { .. } => Caches { rhs: Cache::Yes, array: Cache::Yes, function: Cache::No },
            Node::Function { .. } | Node::FunctionEncoding { .. } => {
                Caches { rhs: Cache::Yes, array: Cache::No, function: Cache::Yes }
            }
            Node::TypeTemplateParamDecl(_)
            | Node::ConstrainedTypeTemplateParamDecl { .. }
            | Node::NonTypeTemplateParamDecl { .. }
            | Node::TemplateTemplateParamDecl { .. }
            | Node::TemplateParamPackDecl(_) => rhs_only(Cache::Yes),
            Node::ParameterPack(elements) => {
                let items = self.items(elements);
                let all_no = |pick: fn(Caches) -> Cache| {
                    if items.iter().all(|&e| pick(self.caches(e)) == Cache::No) {
                        Cache::No
                    } else {
                        Cache::Unknown
                    }
                };
                Caches { rhs: all_no(|c| c.rhs), array: all_no(|c| c.array), function: all_no(|c| c.function) }
            }
            Node::ForwardRef { .. } => Caches { rhs: Cache::Unknown, array: Cache::Unknown, function: Cache::Unknown },
            _ => NONE,
        }
    }
}
