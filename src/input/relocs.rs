//! Relocation types of tool-conventions `Linking.md`: what each one refers to, whether it
//! carries an addend, and how its value is encoded in the patched bytes.

/// How a relocated value is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Unsigned LEB128 padded to 5 bytes.
    Uleb32,
    /// Signed LEB128 padded to 5 bytes.
    Sleb32,
    /// Unsigned LEB128 padded to 10 bytes.
    Uleb64,
    /// Signed LEB128 padded to 10 bytes.
    Sleb64,
    I32,
    I64,
}

impl Encoding {
    pub fn width(self) -> usize {
        match self {
            Encoding::Uleb32 | Encoding::Sleb32 => 5,
            Encoding::Uleb64 | Encoding::Sleb64 => 10,
            Encoding::I32 => 4,
            Encoding::I64 => 8,
        }
    }
}

/// What the relocation's index refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A type index, not a symbol.
    Type,
    Function,
    /// A function symbol whose table slot is wanted.
    TableSlot,
    Data,
    Global,
    Tag,
    Table,
    /// A function symbol; the value is its code offset (DWARF).
    FunctionOffset,
    /// A section symbol; the value is an offset into the output section.
    SectionOffset,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelocKind(pub u8);

impl RelocKind {
    pub const FUNCTION_INDEX_LEB: RelocKind = RelocKind(0);
    pub const TABLE_INDEX_SLEB: RelocKind = RelocKind(1);
    pub const TABLE_INDEX_I32: RelocKind = RelocKind(2);
    pub const MEMORY_ADDR_LEB: RelocKind = RelocKind(3);
    pub const MEMORY_ADDR_SLEB: RelocKind = RelocKind(4);
    pub const MEMORY_ADDR_I32: RelocKind = RelocKind(5);
    pub const TYPE_INDEX_LEB: RelocKind = RelocKind(6);
    pub const GLOBAL_INDEX_LEB: RelocKind = RelocKind(7);
    pub const FUNCTION_OFFSET_I32: RelocKind = RelocKind(8);
    pub const SECTION_OFFSET_I32: RelocKind = RelocKind(9);
    pub const TAG_INDEX_LEB: RelocKind = RelocKind(10);
    pub const MEMORY_ADDR_REL_SLEB: RelocKind = RelocKind(11);
    pub const TABLE_INDEX_REL_SLEB: RelocKind = RelocKind(12);
    pub const GLOBAL_INDEX_I32: RelocKind = RelocKind(13);
    pub const MEMORY_ADDR_LEB64: RelocKind = RelocKind(14);
    pub const MEMORY_ADDR_SLEB64: RelocKind = RelocKind(15);
    pub const MEMORY_ADDR_I64: RelocKind = RelocKind(16);
    pub const MEMORY_ADDR_REL_SLEB64: RelocKind = RelocKind(17);
    pub const TABLE_INDEX_SLEB64: RelocKind = RelocKind(18);
    pub const TABLE_INDEX_I64: RelocKind = RelocKind(19);
    pub const TABLE_NUMBER_LEB: RelocKind = RelocKind(20);
    pub const MEMORY_ADDR_TLS_SLEB: RelocKind = RelocKind(21);
    pub const FUNCTION_OFFSET_I64: RelocKind = RelocKind(22);
    pub const MEMORY_ADDR_LOCREL_I32: RelocKind = RelocKind(23);
    pub const TABLE_INDEX_REL_SLEB64: RelocKind = RelocKind(24);
    pub const MEMORY_ADDR_TLS_SLEB64: RelocKind = RelocKind(25);
    pub const FUNCTION_INDEX_I32: RelocKind = RelocKind(26);

    pub fn is_known(self) -> bool {
        self.0 <= 26
    }

    pub fn name(self) -> &'static str {
        const NAMES: [&str; 27] = [
            "R_WASM_FUNCTION_INDEX_LEB",
            "R_WASM_TABLE_INDEX_SLEB",
            "R_WASM_TABLE_INDEX_I32",
            "R_WASM_MEMORY_ADDR_LEB",
            "R_WASM_MEMORY_ADDR_SLEB",
            "R_WASM_MEMORY_ADDR_I32",
            "R_WASM_TYPE_INDEX_LEB",
            "R_WASM_GLOBAL_INDEX_LEB",
            "R_WASM_FUNCTION_OFFSET_I32",
            "R_WASM_SECTION_OFFSET_I32",
            "R_WASM_TAG_INDEX_LEB",
            "R_WASM_MEMORY_ADDR_REL_SLEB",
            "R_WASM_TABLE_INDEX_REL_SLEB",
            "R_WASM_GLOBAL_INDEX_I32",
            "R_WASM_MEMORY_ADDR_LEB64",
            "R_WASM_MEMORY_ADDR_SLEB64",
            "R_WASM_MEMORY_ADDR_I64",
            "R_WASM_MEMORY_ADDR_REL_SLEB64",
            "R_WASM_TABLE_INDEX_SLEB64",
            "R_WASM_TABLE_INDEX_I64",
            "R_WASM_TABLE_NUMBER_LEB",
            "R_WASM_MEMORY_ADDR_TLS_SLEB",
            "R_WASM_FUNCTION_OFFSET_I64",
            "R_WASM_MEMORY_ADDR_LOCREL_I32",
            "R_WASM_TABLE_INDEX_REL_SLEB64",
            "R_WASM_MEMORY_ADDR_TLS_SLEB64",
            "R_WASM_FUNCTION_INDEX_I32",
        ];
        NAMES.get(self.0 as usize).copied().unwrap_or("R_WASM_UNKNOWN")
    }

    pub fn has_addend(self) -> bool {
        matches!(
            self,
            RelocKind::MEMORY_ADDR_LEB
                | RelocKind::MEMORY_ADDR_SLEB
                | RelocKind::MEMORY_ADDR_I32
                | RelocKind::FUNCTION_OFFSET_I32
                | RelocKind::SECTION_OFFSET_I32
                | RelocKind::MEMORY_ADDR_REL_SLEB
                | RelocKind::MEMORY_ADDR_LEB64
                | RelocKind::MEMORY_ADDR_SLEB64
                | RelocKind::MEMORY_ADDR_I64
                | RelocKind::MEMORY_ADDR_REL_SLEB64
                | RelocKind::MEMORY_ADDR_TLS_SLEB
                | RelocKind::FUNCTION_OFFSET_I64
                | RelocKind::MEMORY_ADDR_LOCREL_I32
                | RelocKind::MEMORY_ADDR_TLS_SLEB64
        )
    }

    pub fn encoding(self) -> Encoding {
        match self {
            RelocKind::FUNCTION_INDEX_LEB
            | RelocKind::TYPE_INDEX_LEB
            | RelocKind::GLOBAL_INDEX_LEB
            | RelocKind::TAG_INDEX_LEB
            | RelocKind::MEMORY_ADDR_LEB
            | RelocKind::TABLE_NUMBER_LEB => Encoding::Uleb32,
            RelocKind::MEMORY_ADDR_LEB64 => Encoding::Uleb64,
            RelocKind::TABLE_INDEX_SLEB
            | RelocKind::TABLE_INDEX_REL_SLEB
            | RelocKind::MEMORY_ADDR_SLEB
            | RelocKind::MEMORY_ADDR_REL_SLEB
            | RelocKind::MEMORY_ADDR_TLS_SLEB => Encoding::Sleb32,
            RelocKind::TABLE_INDEX_SLEB64
            | RelocKind::TABLE_INDEX_REL_SLEB64
            | RelocKind::MEMORY_ADDR_SLEB64
            | RelocKind::MEMORY_ADDR_REL_SLEB64
            | RelocKind::MEMORY_ADDR_TLS_SLEB64 => Encoding::Sleb64,
            RelocKind::TABLE_INDEX_I64 | RelocKind::MEMORY_ADDR_I64 | RelocKind::FUNCTION_OFFSET_I64 => Encoding::I64,
            _ => Encoding::I32,
        }
    }

    pub fn target(self) -> Target {
        match self {
            RelocKind::TYPE_INDEX_LEB => Target::Type,
            RelocKind::FUNCTION_INDEX_LEB | RelocKind::FUNCTION_INDEX_I32 => Target::Function,
            RelocKind::TABLE_INDEX_SLEB
            | RelocKind::TABLE_INDEX_I32
            | RelocKind::TABLE_INDEX_REL_SLEB
            | RelocKind::TABLE_INDEX_SLEB64
            | RelocKind::TABLE_INDEX_I64
            | RelocKind::TABLE_INDEX_REL_SLEB64 => Target::TableSlot,
            RelocKind::GLOBAL_INDEX_LEB | RelocKind::GLOBAL_INDEX_I32 => Target::Global,
            RelocKind::TAG_INDEX_LEB => Target::Tag,
            RelocKind::TABLE_NUMBER_LEB => Target::Table,
            RelocKind::FUNCTION_OFFSET_I32 | RelocKind::FUNCTION_OFFSET_I64 => Target::FunctionOffset,
            RelocKind::SECTION_OFFSET_I32 => Target::SectionOffset,
            _ => Target::Data,
        }
    }

    /// Table-slot relocations that do not pull a function body in when it is a stub.
    pub fn is_absolute_table_index(self) -> bool {
        matches!(
            self,
            RelocKind::TABLE_INDEX_SLEB | RelocKind::TABLE_INDEX_SLEB64 | RelocKind::TABLE_INDEX_I32 | RelocKind::TABLE_INDEX_I64
        )
    }

    pub fn is_tls(self) -> bool {
        matches!(self, RelocKind::MEMORY_ADDR_TLS_SLEB | RelocKind::MEMORY_ADDR_TLS_SLEB64)
    }
}

/// One relocation, parsed and validated once: `offset + width` lies inside its section and
/// `index` inside the symbol table (or type list).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reloc {
    pub kind: RelocKind,
    /// Offset from the start of the target section's payload.
    pub offset: u32,
    pub index: u32,
    pub addend: i64,
}
