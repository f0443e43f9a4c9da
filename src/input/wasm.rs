//! Constants of the WebAssembly binary format and of the tool-conventions linking metadata.

pub const MAGIC: &[u8; 4] = b"\0asm";
pub const VERSION: u32 = 1;

pub mod section {
    pub const CUSTOM: u8 = 0;
    pub const TYPE: u8 = 1;
    pub const IMPORT: u8 = 2;
    pub const FUNCTION: u8 = 3;
    pub const TABLE: u8 = 4;
    pub const MEMORY: u8 = 5;
    pub const GLOBAL: u8 = 6;
    pub const EXPORT: u8 = 7;
    pub const START: u8 = 8;
    pub const ELEM: u8 = 9;
    pub const CODE: u8 = 10;
    pub const DATA: u8 = 11;
    pub const DATACOUNT: u8 = 12;
    pub const TAG: u8 = 13;

    pub fn name(id: u8) -> &'static str {
        match id {
            CUSTOM => "CUSTOM",
            TYPE => "TYPE",
            IMPORT => "IMPORT",
            FUNCTION => "FUNCTION",
            TABLE => "TABLE",
            MEMORY => "MEMORY",
            GLOBAL => "GLOBAL",
            EXPORT => "EXPORT",
            START => "START",
            ELEM => "ELEM",
            CODE => "CODE",
            DATA => "DATA",
            DATACOUNT => "DATACOUNT",
            TAG => "TAG",
            _ => "UNKNOWN",
        }
    }
}

pub mod external {
    pub const FUNCTION: u8 = 0;
    pub const TABLE: u8 = 1;
    pub const MEMORY: u8 = 2;
    pub const GLOBAL: u8 = 3;
    pub const TAG: u8 = 4;
}

pub mod valtype {
    pub const I32: u8 = 0x7f;
    pub const I64: u8 = 0x7e;
    pub const F32: u8 = 0x7d;
    pub const F64: u8 = 0x7c;
    pub const V128: u8 = 0x7b;
    pub const FUNCREF: u8 = 0x70;
    pub const EXTERNREF: u8 = 0x6f;
    pub const EXNREF: u8 = 0x69;

    pub fn is_valid(t: u8) -> bool {
        matches!(t, I32 | I64 | F32 | F64 | V128 | FUNCREF | EXTERNREF | EXNREF)
    }

    pub fn name(t: u8) -> &'static str {
        match t {
            I32 => "i32",
            I64 => "i64",
            F32 => "f32",
            F64 => "f64",
            V128 => "v128",
            FUNCREF => "funcref",
            EXTERNREF => "externref",
            EXNREF => "exnref",
            _ => "?",
        }
    }
}

pub mod limits {
    pub const HAS_MAX: u8 = 0x1;
    pub const IS_SHARED: u8 = 0x2;
    pub const IS_64: u8 = 0x4;
}

pub mod op {
    pub const UNREACHABLE: u8 = 0x00;
    pub const BLOCK: u8 = 0x02;
    pub const END: u8 = 0x0b;
    pub const BR: u8 = 0x0c;
    pub const BR_TABLE: u8 = 0x0e;
    pub const CALL: u8 = 0x10;
    pub const DROP: u8 = 0x1a;
    pub const LOCAL_GET: u8 = 0x20;
    pub const LOCAL_SET: u8 = 0x21;
    pub const LOCAL_TEE: u8 = 0x22;
    pub const GLOBAL_GET: u8 = 0x23;
    pub const GLOBAL_SET: u8 = 0x24;
    pub const I32_CONST: u8 = 0x41;
    pub const I64_CONST: u8 = 0x42;
    pub const F32_CONST: u8 = 0x43;
    pub const F64_CONST: u8 = 0x44;
    pub const I32_ADD: u8 = 0x6a;
    pub const I32_SUB: u8 = 0x6b;
    pub const I32_MUL: u8 = 0x6c;
    pub const I64_ADD: u8 = 0x7c;
    pub const I64_SUB: u8 = 0x7d;
    pub const I64_MUL: u8 = 0x7e;
    pub const REF_NULL: u8 = 0xd0;
    pub const REF_FUNC: u8 = 0xd2;
    pub const MISC_PREFIX: u8 = 0xfc;
    pub const ATOMICS_PREFIX: u8 = 0xfe;
    pub const MEMORY_INIT: u32 = 8;
    pub const DATA_DROP: u32 = 9;
    pub const MEMORY_FILL: u32 = 11;
    pub const ATOMIC_NOTIFY: u32 = 0x00;
    pub const I32_ATOMIC_WAIT: u32 = 0x01;
    pub const I32_ATOMIC_STORE: u32 = 0x17;
    pub const I32_RMW_CMPXCHG: u32 = 0x48;
}

/// `linking` section subsection ids.
pub mod linking {
    pub const VERSION: u32 = 2;
    pub const SEGMENT_INFO: u8 = 5;
    pub const INIT_FUNCS: u8 = 6;
    pub const COMDAT_INFO: u8 = 7;
    pub const SYMBOL_TABLE: u8 = 8;
}

pub mod sym_kind {
    pub const FUNCTION: u8 = 0;
    pub const DATA: u8 = 1;
    pub const GLOBAL: u8 = 2;
    pub const SECTION: u8 = 3;
    pub const TAG: u8 = 4;
    pub const TABLE: u8 = 5;
}

pub mod sym_flag {
    pub const BINDING_WEAK: u32 = 0x1;
    pub const BINDING_LOCAL: u32 = 0x2;
    pub const BINDING_MASK: u32 = 0x3;
    pub const VISIBILITY_HIDDEN: u32 = 0x4;
    pub const UNDEFINED: u32 = 0x10;
    pub const EXPORTED: u32 = 0x20;
    pub const EXPLICIT_NAME: u32 = 0x40;
    pub const NO_STRIP: u32 = 0x80;
    pub const TLS: u32 = 0x100;
    pub const ABSOLUTE: u32 = 0x200;
}

pub mod seg_flag {
    pub const STRINGS: u32 = 0x1;
    pub const TLS: u32 = 0x2;
    pub const RETAIN: u32 = 0x4;
}

pub mod data_flag {
    pub const IS_PASSIVE: u32 = 0x1;
    pub const HAS_MEMINDEX: u32 = 0x2;
}

pub mod comdat_kind {
    pub const DATA: u8 = 0;
    pub const FUNCTION: u8 = 1;
    pub const GLOBAL: u8 = 2;
    pub const TAG: u8 = 3;
    pub const TABLE: u8 = 4;
    pub const SECTION: u8 = 5;
}

pub mod names {
    pub const MODULE: u8 = 0;
    pub const FUNCTION: u8 = 1;
    pub const GLOBAL: u8 = 7;
    pub const DATA_SEGMENT: u8 = 9;
}
