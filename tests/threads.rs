//! Differential tests for threads, TLS, shared memory, bulk memory, memory64 and exception
//! handling: weld must link these like wasm-ld-19.
//!
//! Each case below is one test. Its sources (`tests/threads/`: freestanding C compiled by
//! clang-19 for `wasm32` or `wasm64` with `-nostdlib`, assembly assembled by llvm-mc-19) are
//! built once, linked by wasm-ld-19 and by weld with the same command line, and then:
//! - the inputs contain every relocation type the case names (so the case covers them);
//! - both linkers agree on success or failure; for an error, both exit with 1, print the
//!   expected texts, and print the same set of diagnostics (compared as a set, see
//!   [`diagnostics`]), and weld writes no output;
//! - both modules validate (`wasm-validate --enable-all`, and wasmparser with every feature,
//!   which also knows the 64-bit tables of wasm64 that wabt 1.0.32 rejects);
//! - they agree on imports, exports, memory and table limits (shared, i64), named and
//!   exported globals (`__tls_base`, `__tls_size`, `__tls_align`, `__stack_pointer`, TLS
//!   symbols), data segments (passive or active, offsets, sizes), element segments, custom
//!   sections (`target_features`), the defined functions by name and order and the size of
//!   each body, the start function, the tags, and byte for byte the bodies of the
//!   synthetic functions (`__wasm_init_memory` with its flag protocol, `data.drop` and
//!   `memory.fill`, `__wasm_init_tls`, `__wasm_apply_tls_relocs`, ...);
//! - both have the properties the case expects (e.g. `__wasm_init_memory` is the start
//!   function, every segment is passive), checked on wasm-ld's output too;
//! - both run under `tests/threads-host.mjs` (shared memory in worker_threads, memory64,
//!   exceptions) with the same output, and the host's own checks pass.
//!
//! One deliberate divergence: without `--shared-memory`, wasm-ld 19 resolves
//! `R_WASM_MEMORY_ADDR_TLS_SLEB` to a symbol's absolute address while `__tls_base` also
//! holds the TLS block's address, so its program reads the wrong memory (fixed in later
//! LLVM); weld writes the offset from `__tls_base`. That case (`tls_without_shared_memory`)
//! compares the modules' structure, not their code, and requires weld's module to compute
//! the expected values; wasm-ld's is run too, and its (wrong) result only logged.
//!
//! Work files go to `target/threads/<case>/` (objects, `wasm-ld/` and `weld/` outputs, and
//! `logs/` with every command line and its output); `target/threads-summary.txt` lists which
//! outputs are byte-identical. `WELD_DIFF_LINKER=/usr/bin/wasm-ld-19` replaces weld, to
//! check the cases themselves: every test must pass that way.

#[allow(dead_code)]
mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

use libtest_mimic::{Arguments, Failed, Trial};

use common::process::{self, find_tool, Outcome, Status};
use common::toolchain::{self, manifest_dir, target_dir, Tools, INSTALL_HINT};
use common::verdict::{Verdict, Workspace};
use common::{compare, wasm};

// ---------------------------------------------------------------------------------------
// The cases

#[derive(Clone, Copy, PartialEq, Eq)]
enum Arch {
    Wasm32,
    Wasm64,
}

impl Arch {
    fn name(self) -> &'static str {
        match self {
            Arch::Wasm32 => "wasm32",
            Arch::Wasm64 => "wasm64",
        }
    }
}

/// A source file of `tests/threads/`, with clang flags of its own (after the case's).
#[derive(Clone, Copy)]
struct Src {
    file: &'static str,
    flags: &'static [&'static str],
}

const fn src(file: &'static str) -> Src {
    Src { file, flags: &[] }
}

const fn src_with(file: &'static str, flags: &'static [&'static str]) -> Src {
    Src { file, flags }
}

#[derive(Clone, Copy, Debug)]
enum Run {
    None,
    /// `threads-host.mjs threads`: N workers plus the main thread.
    Threads {
        workers: u32,
        iters: u32,
    },
    Memory64,
    Eh,
}

#[derive(Clone, Copy)]
enum Expect {
    /// Both link; everything listed at the top must agree.
    Same(Run),
    /// wasm-ld 19's TLS relocation bug without shared memory (see the top of the file).
    WasmLdTlsBug(Run),
    /// Both fail with exit code 1 and print these texts.
    Error(&'static [&'static str]),
}

/// What a linked module must have (checked on both outputs).
#[derive(Clone, Copy, Debug)]
enum Prop {
    /// A defined function of this name (from the name section).
    Function(&'static str),
    NoFunction(&'static str),
    /// The start function, by name.
    Start(&'static str),
    NoStart,
    /// Every data segment is passive.
    AllPassive,
    /// Every data segment is active.
    AllActive,
    /// The memory's (imported or defined) limits as `initial=N max=M [shared] [i64]`.
    Memory(&'static str),
    /// An exported global and its init expression.
    ExportedGlobal(&'static str, &'static str),
    /// The `target_features` section, e.g. `+atomics +bulk-memory`.
    Features(&'static str),
    /// Defined tags' signatures, e.g. `(i32) -> ()`.
    Tags(&'static [&'static str]),
    /// Number of tables (imported and defined).
    Tables(usize),
}

struct Case {
    name: &'static str,
    arch: Arch,
    sources: &'static [Src],
    /// clang flags for every C source.
    cflags: &'static [&'static str],
    /// Linker flags, before the objects (`-m wasm32|wasm64` comes first).
    ldflags: &'static [&'static str],
    /// Relocation types (llvm-objdump's names) the objects must contain.
    relocs: &'static [&'static str],
    props: &'static [Prop],
    expect: Expect,
}

/// Freestanding objects with thread support.
const THREAD_CFLAGS: &[&str] = &["-O2", "-nostdlib", "-pthread", "-matomics", "-mbulk-memory"];

/// The thread program of `tests/threads/` (tls_info.c only where `__tls_size` exists).
const THREAD_PROGRAM: &[Src] = &[
    src("tls_counters.c"),
    src("tls_more.c"),
    src("tls_info.c"),
    src("shared.c"),
];

/// What the host calls, for the shared-memory links of the thread program.
const THREAD_EXPORTS: &[&str] = &[
    "--export=__stack_pointer",
    "--export=__heap_base",
    "--export=__wasm_init_tls",
    "--export=__tls_size",
    "--export=__tls_align",
    "--export=tls_size",
    "--export=tls_align",
    "--export=tls_base",
    "--export=tls_offset",
    "--export=check_fresh_tls",
    "--export=check_shared_init",
    "--export=thread_work",
    "--export=release",
    "--export=shared_atomic_total",
    "--export=shared_locked_total",
    "--export=zeros_addr",
];

const TLS_RELOCS: &[&str] = &[
    "R_WASM_MEMORY_ADDR_TLS_SLEB",
    "R_WASM_GLOBAL_INDEX_LEB",
    "R_WASM_MEMORY_ADDR_I32",
    "R_WASM_MEMORY_ADDR_LEB",
];

const SHARED_PROPS: &[Prop] = &[
    Prop::Function("__wasm_init_memory"),
    Prop::Function("__wasm_init_tls"),
    // tls_more.c's `name` points at a string: the TLS segment has a relocation.
    Prop::Function("__wasm_apply_tls_relocs"),
    Prop::Start("__wasm_init_memory"),
    Prop::AllPassive,
];

/// Thread-locals through the GOT and a relocation in the TLS segment (`tests/threads/tls_got.s`,
/// `tls_ptr.s`, `tls_got_defs.c`).
const TLS_GOT_SOURCES: &[Src] = &[src("tls_got.s"), src("tls_ptr.s"), src("tls_got_defs.c")];

const EH_SOURCES: &[Src] = &[src("eh_tags.s"), src("eh_catcher.s"), src("eh_dispatch.s")];

/// The features clang 19 enables by default, plus atomics and bulk memory.
const THREAD_FEATURES: &str =
    "+atomics +bulk-memory +multivalue +mutable-globals +reference-types +sign-ext";

const fn threads(workers: u32, iters: u32) -> Run {
    Run::Threads { workers, iters }
}

const CASES: &[Case] = &[
    // ---- TLS, shared memory and threads ----
    Case {
        name: "tls_shared_import_memory",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--import-memory", "--max-memory=4194304"],
        relocs: TLS_RELOCS,
        props: &[
            Prop::Function("__wasm_init_memory"),
            Prop::Function("__wasm_init_tls"),
            Prop::Function("__wasm_apply_tls_relocs"),
            Prop::Start("__wasm_init_memory"),
            Prop::AllPassive,
            Prop::Memory("initial=2 max=64 shared"),
            Prop::ExportedGlobal("__tls_size", "i32.const 336"),
            Prop::ExportedGlobal("__tls_align", "i32.const 16"),
            Prop::Features(THREAD_FEATURES),
        ],
        expect: Expect::Same(threads(3, 20000)),
    },
    Case {
        name: "tls_shared_export_memory",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=1048576"],
        relocs: TLS_RELOCS,
        props: SHARED_PROPS,
        expect: Expect::Same(threads(0, 20000)),
    },
    // wasm-ld 19 accepts --shared-memory without --max-memory (older wasm-ld required
    // it) and uses the initial size as the maximum.
    Case {
        name: "shared_memory_default_max",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--import-memory"],
        relocs: &[],
        props: &[Prop::Memory("initial=2 max=2 shared"), Prop::Start("__wasm_init_memory")],
        expect: Expect::Same(threads(2, 5000)),
    },
    Case {
        name: "tls_shared_stack_first",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--no-entry",
            "--shared-memory",
            "--import-memory",
            "--max-memory=4194304",
            "--stack-first",
            "-z",
            "stack-size=32768",
        ],
        relocs: &[],
        props: SHARED_PROPS,
        expect: Expect::Same(threads(2, 10000)),
    },
    // Exported TLS symbols are offsets from __tls_base with shared memory.
    Case {
        name: "tls_export_all",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=1048576", "--export-all"],
        relocs: &[],
        props: &[
            Prop::ExportedGlobal("counter", "i32.const 0"),
            Prop::ExportedGlobal("tag", "i32.const 16"),
            Prop::ExportedGlobal("acc", "i32.const 32"),
            Prop::ExportedGlobal("small", "i32.const 76"),
            Prop::ExportedGlobal("name", "i32.const 72"),
            Prop::ExportedGlobal("__tls_size", "i32.const 336"),
            Prop::Function("__wasm_init_tls"),
        ],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "tls_without_shared_memory",
        arch: Arch::Wasm32,
        sources: &[src("tls_counters.c"), src("tls_more.c"), src("shared.c")],
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--no-entry",
            "--export=__stack_pointer",
            "--export=tls_base",
            "--export=tls_offset",
            "--export=check_fresh_tls",
            "--export=check_shared_init",
            "--export=thread_work",
            "--export=release",
            "--export=shared_atomic_total",
            "--export=shared_locked_total",
        ],
        relocs: &["R_WASM_MEMORY_ADDR_TLS_SLEB"],
        props: &[
            Prop::NoFunction("__wasm_init_tls"),
            Prop::NoFunction("__wasm_apply_tls_relocs"),
            Prop::AllActive,
            Prop::NoStart,
        ],
        expect: Expect::WasmLdTlsBug(threads(0, 20000)),
    },
    // Bulk memory and shared memory without thread-locals: passive segments, no TLS.
    Case {
        name: "shared_memory_without_tls",
        arch: Arch::Wasm32,
        sources: &[src("shared.c")],
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--no-entry",
            "--shared-memory",
            "--import-memory",
            "--max-memory=131072",
            "--export=check_shared_init",
        ],
        relocs: &[],
        props: &[
            Prop::Start("__wasm_init_memory"),
            Prop::NoFunction("__wasm_init_tls"),
            Prop::AllPassive,
        ],
        expect: Expect::Same(Run::None),
    },
    // An imported memory that is not shared: bss is cleared by memory.fill in
    // __wasm_init_memory, the data stays active. (Without atomics, tls_more.c's
    // thread-locals are ordinary data and bss.)
    Case {
        name: "bulk_memory_import_memory",
        arch: Arch::Wasm32,
        sources: &[src("tls_more.c")],
        cflags: &["-O2", "-nostdlib", "-mbulk-memory"],
        ldflags: &["--no-entry", "--import-memory", "--export=name", "--export=zero_block"],
        relocs: &[],
        props: &[Prop::Start("__wasm_init_memory"), Prop::AllActive],
        expect: Expect::Same(Run::None),
    },
    // ---- thread-locals reached through the GOT (`x@GOT@TLS`) ----
    // With shared memory the entry holds the offset in the TLS block, and
    // `__wasm_apply_global_tls_relocs` (made even when nothing calls it, as wasm-ld 19
    // does) adds `__tls_base`; `__wasm_init_tls` calls it after `__wasm_apply_tls_relocs`.
    Case {
        name: "tls_got_shared_memory",
        arch: Arch::Wasm32,
        sources: TLS_GOT_SOURCES,
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--no-entry",
            "--shared-memory",
            "--max-memory=131072",
            "--export=__wasm_init_tls",
        ],
        relocs: &["R_WASM_GLOBAL_INDEX_LEB", "R_WASM_MEMORY_ADDR_TLS_SLEB", "R_WASM_MEMORY_ADDR_I32"],
        props: &[
            Prop::Function("__wasm_apply_global_tls_relocs"),
            Prop::Function("__wasm_apply_tls_relocs"),
            Prop::Function("__wasm_init_tls"),
        ],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "tls_got_shared_memory_no_init_tls",
        arch: Arch::Wasm32,
        sources: TLS_GOT_SOURCES,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=131072"],
        relocs: &[],
        props: &[Prop::Function("__wasm_apply_global_tls_relocs"), Prop::NoFunction("__wasm_init_tls")],
        expect: Expect::Same(Run::None),
    },
    // Position-independent: `__wasm_apply_tls_relocs` stores `tls_p`'s pointer relative to
    // `__memory_base` into each thread's block; `d`'s GOT entry is set by
    // `__wasm_apply_global_relocs` (PIE) or imported (shared library).
    Case {
        name: "tls_got_pie_shared_memory",
        arch: Arch::Wasm32,
        sources: TLS_GOT_SOURCES,
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--experimental-pic",
            "-pie",
            "--no-entry",
            "--shared-memory",
            "--import-memory",
            "--max-memory=131072",
            "--export=__wasm_init_tls",
        ],
        relocs: &[],
        props: &[
            Prop::Function("__wasm_apply_global_tls_relocs"),
            Prop::Function("__wasm_apply_tls_relocs"),
            Prop::Function("__wasm_apply_global_relocs"),
            Prop::Start("__wasm_start"),
        ],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "tls_got_shared_library_shared_memory",
        arch: Arch::Wasm32,
        sources: TLS_GOT_SOURCES,
        cflags: THREAD_CFLAGS,
        ldflags: &["--experimental-pic", "-shared", "--shared-memory", "--max-memory=131072"],
        relocs: &[],
        props: &[Prop::Function("__wasm_apply_global_tls_relocs"), Prop::Function("__wasm_apply_tls_relocs")],
        expect: Expect::Same(Run::None),
    },
    // Without shared memory nothing adds `__tls_base`: the entry holds the address.
    Case {
        name: "tls_got_without_shared_memory",
        arch: Arch::Wasm32,
        sources: &[src("tls_got.s"), src("tls_got_defs.c")],
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry"],
        relocs: &[],
        props: &[Prop::NoFunction("__wasm_apply_global_tls_relocs")],
        expect: Expect::Same(Run::None),
    },
    // ---- feature checks ----
    Case {
        name: "features_mixed_objects",
        arch: Arch::Wasm32,
        sources: &[
            src_with("tls_counters.c", THREAD_CFLAGS),
            src_with("tls_more.c", THREAD_CFLAGS),
            src_with("tls_info.c", THREAD_CFLAGS),
            src_with("shared.c", THREAD_CFLAGS),
            src("plain.c"),
        ],
        cflags: &["-O2", "-nostdlib"],
        ldflags: &[
            "--no-entry",
            "--shared-memory",
            "--max-memory=1048576",
            "--export=plain_get",
            "--export=thread_work",
        ],
        relocs: &[],
        props: &[Prop::Features(THREAD_FEATURES)],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "err_shared_memory_without_atomics",
        arch: Arch::Wasm32,
        sources: &[src("plain.c")],
        cflags: &["-O2", "-nostdlib"],
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=131072"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "'atomics' feature must be used in order to use shared memory",
            "'bulk-memory' feature must be used in order to use shared memory",
        ]),
    },
    Case {
        name: "err_shared_memory_without_atomics_mixed",
        arch: Arch::Wasm32,
        sources: &[src_with("plain.c", &["-mbulk-memory"])],
        cflags: &["-O2", "-nostdlib"],
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=131072"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&["'atomics' feature must be used in order to use shared memory"]),
    },
    // Thread-locals compiled without atomics are made ordinary globals, and the object
    // disallows shared memory.
    Case {
        name: "err_shared_memory_disallowed",
        arch: Arch::Wasm32,
        sources: &[src("tls_more.c")],
        cflags: &["-O2", "-nostdlib"],
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=131072"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "--shared-memory is disallowed by tls_more.o because it was not compiled with 'atomics' or 'bulk-memory' features.",
        ]),
    },
    Case {
        name: "err_shared_memory_max_unaligned",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=100000"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "maximum memory must be 65536-byte aligned",
            "maximum memory too small",
        ]),
    },
    Case {
        name: "err_features_without_atomics",
        arch: Arch::Wasm32,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &[
            "--no-entry",
            "--shared-memory",
            "--max-memory=131072",
            "--features=bulk-memory,multivalue,mutable-globals,reference-types,sign-ext",
        ],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "'atomics' feature must be used in order to use shared memory",
            "Target feature 'atomics' used by tls_counters.o is not allowed.",
        ]),
    },
    Case {
        name: "err_tls_undefined",
        arch: Arch::Wasm32,
        sources: &[src("tls_extern.c")],
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--max-memory=131072", "--export-all"],
        relocs: &["R_WASM_MEMORY_ADDR_TLS_SLEB"],
        props: &[],
        expect: Expect::Error(&[
            "tls_extern.o: relocation R_WASM_MEMORY_ADDR_TLS_SLEB cannot be used against an undefined symbol `missing_tls`",
            "tls_extern.o: undefined symbol: missing_tls",
        ]),
    },
    // ---- memory64 ----
    Case {
        name: "memory64_run",
        arch: Arch::Wasm64,
        sources: &[src("memory64.c")],
        cflags: &["-O1", "-nostdlib"],
        ldflags: &["--no-entry", "--export-all"],
        relocs: &[
            "R_WASM_MEMORY_ADDR_SLEB64",
            "R_WASM_MEMORY_ADDR_LEB64",
            "R_WASM_MEMORY_ADDR_I64",
        ],
        props: &[Prop::Memory("initial=3 max=none i64"), Prop::Tables(0)],
        expect: Expect::Same(Run::Memory64),
    },
    // 64-bit table: wasm-ld 19 writes a table64, which Node 20 cannot run.
    Case {
        name: "memory64_table",
        arch: Arch::Wasm64,
        sources: &[src("memory64_table.c")],
        cflags: &["-O1", "-nostdlib"],
        ldflags: &["--no-entry", "--export-all"],
        relocs: &[
            "R_WASM_TABLE_INDEX_SLEB64",
            "R_WASM_TABLE_INDEX_I64",
            "R_WASM_MEMORY_ADDR_I64",
            "R_WASM_TABLE_NUMBER_LEB",
        ],
        props: &[Prop::Tables(1)],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "memory64_threads",
        arch: Arch::Wasm64,
        sources: THREAD_PROGRAM,
        cflags: THREAD_CFLAGS,
        ldflags: &["--no-entry", "--shared-memory", "--import-memory", "--max-memory=4194304"],
        relocs: &["R_WASM_MEMORY_ADDR_TLS_SLEB64", "R_WASM_MEMORY_ADDR_I64"],
        props: &[
            Prop::Memory("initial=2 max=64 shared i64"),
            Prop::Start("__wasm_init_memory"),
            Prop::Function("__wasm_apply_tls_relocs"),
            Prop::AllPassive,
            Prop::ExportedGlobal("__tls_size", "i64.const 352"),
        ],
        expect: Expect::Same(threads(3, 20000)),
    },
    Case {
        name: "err_memory64_wasm32_object",
        arch: Arch::Wasm64,
        sources: &[src_with("plain.c", &["--target=wasm32"])],
        cflags: &["-O2", "-nostdlib"],
        ldflags: &["--no-entry"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&["plain.o: wasm32 object file can't be linked in wasm64 mode"]),
    },
    // ---- exception handling, reference types, several tables ----
    Case {
        name: "eh_tags_tables",
        arch: Arch::Wasm32,
        sources: EH_SOURCES,
        cflags: &[],
        ldflags: &["--no-entry", "--export-all"],
        relocs: &[
            "R_WASM_TAG_INDEX_LEB",
            "R_WASM_TABLE_NUMBER_LEB",
            "R_WASM_TABLE_INDEX_SLEB",
            "R_WASM_TYPE_INDEX_LEB",
            "R_WASM_FUNCTION_INDEX_LEB",
        ],
        props: &[
            Prop::Tags(&["(i32) -> ()", "(i32, i64) -> ()", "(i32) -> ()"]),
            Prop::Tables(3),
        ],
        expect: Expect::Same(Run::Eh),
    },
    // Only what three exports reach: unused tags, tables and functions are dropped.
    Case {
        name: "eh_gc",
        arch: Arch::Wasm32,
        sources: EH_SOURCES,
        cflags: &[],
        ldflags: &[
            "--no-entry",
            "--export=catch_code",
            "--export=call_callback",
            "--export=setup_callbacks",
        ],
        relocs: &[],
        props: &[Prop::Tags(&["(i32) -> ()"]), Prop::Tables(2)],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "eh_export_tag_table",
        arch: Arch::Wasm32,
        sources: EH_SOURCES,
        cflags: &[],
        ldflags: &["--no-entry", "--export=err_code", "--export=handles", "--export=relay"],
        relocs: &[],
        // `handles`, and wasm-ld's empty __indirect_function_table.
        props: &[Prop::Tags(&["(i32) -> ()"]), Prop::Tables(2)],
        expect: Expect::Same(Run::None),
    },
    // Undefined tags and tables become imports.
    Case {
        name: "eh_allow_undefined",
        arch: Arch::Wasm32,
        sources: &[src("eh_catcher.s")],
        cflags: &[],
        ldflags: &["--no-entry", "--export-all", "--allow-undefined"],
        relocs: &[],
        props: &[Prop::Tags(&[]), Prop::Tables(1)],
        expect: Expect::Same(Run::None),
    },
    Case {
        name: "err_eh_undefined",
        arch: Arch::Wasm32,
        sources: &[src("eh_catcher.s")],
        cflags: &[],
        ldflags: &["--no-entry", "--export-all"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "eh_catcher.o: undefined symbol: err_code",
            "eh_catcher.o: undefined symbol: handles",
        ]),
    },
    Case {
        name: "err_eh_type_mismatch",
        arch: Arch::Wasm32,
        sources: &[src("eh_tags.s"), src("eh_mismatch.s")],
        cflags: &[],
        ldflags: &["--no-entry", "--export-all"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "warning: Tag signature mismatch: err_code\n>>> defined as (i32) -> void in eh_tags.o\n>>> defined as (i64) -> void in eh_mismatch.o",
            "error: Table type mismatch: handles\n>>> defined as type=externref; limits=[flags=0x0; min=0] in eh_tags.o\n>>> defined as type=funcref; limits=[flags=0x0; min=0] in eh_mismatch.o",
        ]),
    },
    // ---- globals, a table and a tag defined in an object (clang defines none) ----
    Case {
        name: "globals_defined",
        arch: Arch::Wasm32,
        sources: &[src("globals_use.s"), src("globals.s")],
        cflags: &[],
        ldflags: &["--export-all"],
        relocs: &["R_WASM_GLOBAL_INDEX_LEB", "R_WASM_TABLE_NUMBER_LEB", "R_WASM_TAG_INDEX_LEB"],
        props: &[Prop::Tags(&["(i32) -> ()"]), Prop::Tables(1)],
        expect: Expect::Same(Run::None),
    },
    // Each kind of disagreement, in both orders: a global of another type, a table of
    // another element type, a tag defined as a function; a type error between strong
    // definitions is a duplicate symbol too.
    Case {
        name: "err_globals_clash",
        arch: Arch::Wasm32,
        sources: &[src("globals.s"), src("globals_clash.s")],
        cflags: &[],
        ldflags: &["--no-entry"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "Global type mismatch: counter\n>>> defined as var i32 in globals.o\n>>> defined as var i64 in globals_clash.o",
            "Global type mismatch: limit\n>>> defined as const i64 in globals.o\n>>> defined as const i32 in globals_clash.o",
            "symbol type mismatch: fail\n>>> defined as WASM_SYMBOL_TYPE_TAG in globals.o\n>>> defined as WASM_SYMBOL_TYPE_FUNCTION in globals_clash.o",
        ]),
    },
    Case {
        name: "err_globals_clash_reversed",
        arch: Arch::Wasm32,
        sources: &[src("globals_clash.s"), src("globals.s")],
        cflags: &[],
        ldflags: &["--no-entry"],
        relocs: &[],
        props: &[],
        expect: Expect::Error(&[
            "Table type mismatch: handlers\n>>> defined as type=funcref; limits=[flags=0x0; min=0] in globals_clash.o\n>>> defined as type=externref; limits=[flags=0x0; min=0] in globals.o",
            "symbol type mismatch: fail\n>>> defined as WASM_SYMBOL_TYPE_FUNCTION in globals_clash.o\n>>> defined as WASM_SYMBOL_TYPE_TAG in globals.o",
            "duplicate symbol: fail\n>>> defined in globals_clash.o\n>>> defined in globals.o",
        ]),
    },
];

// ---------------------------------------------------------------------------------------
// Harness

fn main() {
    let args = Arguments::from_args();
    let summary = Summary::default();
    let trials = CASES
        .iter()
        .map(|case| {
            let summary = summary.clone();
            Trial::test(case.name, move || {
                check_case(case, &summary).map_err(Failed::from)
            })
        })
        .collect();
    let conclusion = libtest_mimic::run(&args, trials);
    summary.write();
    conclusion.exit();
}

/// The tools beyond [`Tools`]: llvm-mc and llvm-objdump, and whether node needs
/// `--experimental-wasm-memory64`.
struct MoreTools {
    llvm_mc: PathBuf,
    llvm_objdump: PathBuf,
    node_flags: Vec<String>,
    host: PathBuf,
}

impl MoreTools {
    fn get() -> Result<&'static MoreTools, String> {
        static MORE: OnceLock<Result<MoreTools, String>> = OnceLock::new();
        MORE.get_or_init(MoreTools::find)
            .as_ref()
            .map_err(Clone::clone)
    }

    fn find() -> Result<MoreTools, String> {
        let tools = Tools::get()?;
        let tool = |name: &str| {
            find_tool(name).ok_or_else(|| format!("missing {name}; install with: {INSTALL_HINT}"))
        };
        let llvm_mc = tool("llvm-mc-19")?;
        let llvm_objdump = tool("llvm-objdump-19")?;
        // Node 20 runs memory64 behind a flag; a Node that ships memory64 may not know it.
        let flag = "--experimental-wasm-memory64";
        let probe = Command::new(&tools.node)
            .args([flag, "-e", "0"])
            .output()
            .map_err(|e| format!("cannot run node: {e}"))?;
        let node_flags = if probe.status.success() {
            vec![flag.to_string()]
        } else {
            Vec::new()
        };
        let version = Command::new(&tools.node)
            .arg("--version")
            .output()
            .map_err(|e| format!("cannot run node: {e}"))?;
        let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
        let major: u32 = version
            .trim_start_matches('v')
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if major < 20 {
            return Err(format!(
                "node {version} is too old (worker_threads with shared wasm memory, memory64 and \
                 wasm exceptions need node 20+); install with: {INSTALL_HINT}"
            ));
        }
        Ok(MoreTools {
            llvm_mc,
            llvm_objdump,
            node_flags,
            host: manifest_dir().join("tests/threads-host.mjs"),
        })
    }
}

/// One linker's run.
struct Link {
    outcome: Outcome,
    output: PathBuf,
    label: String,
}

fn check_case(case: &Case, summary: &Summary) -> Result<(), String> {
    let tools = Tools::get()?;
    let more = MoreTools::get()?;
    let ws = Workspace::fresh(target_dir().join("threads").join(case.name))?;

    let objects = build(tools, more, case, &ws).map_err(|e| format!("building the inputs: {e}"))?;
    check_relocs(more, case, &ws, &objects)?;
    let reference = link(&tools.wasm_ld, case, &ws, &objects, "wasm-ld")?;
    let candidate = link(&tools.weld, case, &ws, &objects, "weld")?;

    let mut check = Check {
        tools,
        more,
        case,
        ws: &ws,
        v: Verdict::new(tools.reference_label(), tools.weld_label(), &ws),
    };
    match case.expect {
        Expect::Error(texts) => check.link_error(texts, &reference, &candidate)?,
        Expect::Same(run) => check.link_success(run, false, &reference, &candidate, summary)?,
        Expect::WasmLdTlsBug(run) => {
            check.link_success(run, true, &reference, &candidate, summary)?
        }
    }
    check.v.finish()
}

/// Compiles or assembles the case's sources into `<dir>/<stem>.o`, in order.
fn build(
    tools: &Tools,
    more: &MoreTools,
    case: &Case,
    ws: &Workspace,
) -> Result<Vec<String>, String> {
    let mut objects = Vec::new();
    for source in case.sources {
        let path = manifest_dir().join("tests/threads").join(source.file);
        let stem = Path::new(source.file)
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy();
        let object = format!("{stem}.o");
        let mut cmd = if source.file.ends_with(".s") {
            let mut mc = Command::new(&more.llvm_mc);
            mc.arg(format!("-triple={}", case.arch.name()))
                .arg("-mattr=+exception-handling,+reference-types")
                .arg("-filetype=obj");
            mc
        } else {
            let mut cc = Command::new(&tools.clang);
            cc.arg(format!("--target={}", case.arch.name()))
                .args(["-c", "-fno-color-diagnostics"])
                .args(case.cflags)
                .args(source.flags);
            cc
        };
        cmd.arg(&path).arg("-o").arg(ws.dir.join(&object));
        let outcome = process::run(&mut cmd, &ws.logs, &format!("build-{stem}"))?;
        if !outcome.status.success() {
            return Err(format!(
                "{} failed ({}): {}\n  command: {}",
                source.file,
                outcome.status,
                outcome.stderr_text().trim(),
                process::command_line(&cmd)
            ));
        }
        objects.push(object);
    }
    Ok(objects)
}

/// The relocation types the case claims to cover must be in its objects.
fn check_relocs(
    more: &MoreTools,
    case: &Case,
    ws: &Workspace,
    objects: &[String],
) -> Result<(), String> {
    if case.relocs.is_empty() {
        return Ok(());
    }
    let mut cmd = Command::new(&more.llvm_objdump);
    cmd.arg("-r").args(objects).current_dir(&ws.dir);
    let outcome = process::run(&mut cmd, &ws.logs, "relocs")?;
    if !outcome.status.success() {
        return Err(format!(
            "llvm-objdump -r failed: {}",
            outcome.stderr_summary()
        ));
    }
    let found: BTreeSet<&str> = std::str::from_utf8(&outcome.stdout)
        .unwrap_or_default()
        .split_whitespace()
        .filter(|w| w.starts_with("R_WASM_"))
        .collect();
    let missing: Vec<_> = case
        .relocs
        .iter()
        .filter(|r| !found.contains(**r))
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "broken test: the objects lack the relocation types {missing:?} the case is meant to cover (they have {found:?})"
        ))
    }
}

/// Links into `<dir>/<label>/<case>.wasm`, from `<dir>` (so messages name `x.o`):
/// `-m ARCH`, the case's flags, [`THREAD_EXPORTS`] for a threads run, the objects.
fn link(
    linker: &Path,
    case: &Case,
    ws: &Workspace,
    objects: &[String],
    label: &str,
) -> Result<Link, String> {
    let out_dir = ws.dir.join(label);
    toolchain::create_dir(&out_dir)?;
    let output = out_dir.join(format!("{}.wasm", case.name));
    let mut cmd = Command::new(linker);
    cmd.args(["-m", case.arch.name()]).args(case.ldflags);
    if matches!(case.expect, Expect::Same(Run::Threads { .. })) {
        cmd.args(THREAD_EXPORTS);
    }
    cmd.args(objects)
        .arg("-o")
        .arg(&output)
        .current_dir(&ws.dir);
    let outcome = process::run(&mut cmd, &ws.logs, &format!("link-{label}"))?;
    Ok(Link {
        outcome,
        output,
        label: label.to_string(),
    })
}

struct Check<'a> {
    tools: &'a Tools,
    more: &'a MoreTools,
    case: &'a Case,
    ws: &'a Workspace,
    v: Verdict,
}

impl Check<'_> {
    /// The common checks, then the same set of diagnostics from both linkers.
    fn link_error(
        &mut self,
        texts: &[&str],
        reference: &Link,
        candidate: &Link,
    ) -> Result<(), String> {
        let (r, c) = (&reference.outcome, &candidate.outcome);
        self.v.link_error(texts, r, c, &candidate.output)?;
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let (rd, cd) = (
            diagnostics(r, &self.tools.wasm_ld),
            diagnostics(c, &self.tools.weld),
        );
        for d in rd.difference(&cd) {
            self.v.mismatch(format!("diagnostic of {theirs} missing in {ours}'s: {d:?}"));
        }
        for d in cd.difference(&rd) {
            self.v.mismatch(format!(
                "diagnostic of {ours} not printed by {theirs}: {d:?}"
            ));
        }
        Ok(())
    }

    fn link_success(
        &mut self,
        run: Run,
        tls_bug: bool,
        reference: &Link,
        candidate: &Link,
        summary: &Summary,
    ) -> Result<(), String> {
        let (theirs, ours) = (self.v.theirs.clone(), self.v.ours.clone());
        let r = &reference.outcome;
        self.v.reference_succeeded(r)?;
        let reference_bytes = toolchain::read(&reference.output).map_err(|e| self.v.broken(e))?;
        self.validate(reference)
            .map_err(|e| self.v.broken(format!("{theirs}'s output is invalid: {e}")))?;
        let reference_module = Shape::read(&reference_bytes)
            .map_err(|e| self.v.broken(format!("cannot read {theirs}'s output: {e}")))?;
        if let Some(problem) = reference_module.props(self.case.props).first() {
            return Err(self.v.broken(format!("{theirs}'s output: {problem}")));
        }

        let c = &candidate.outcome;
        if !c.status.success() {
            summary.record(self.case.name, "weld failed");
            self.v.mismatch(format!(
                "link: {theirs} succeeds, {ours} fails ({}): {}",
                c.status,
                c.stderr_text().trim()
            ));
            return Ok(());
        }
        if r.stderr.is_empty() && !c.stderr.is_empty() {
            let says = c.stderr_summary();
            self.v.mismatch(format!(
                "link: {ours} prints on stderr where {theirs} is silent: {says}"
            ));
        }
        let Ok(candidate_bytes) = std::fs::read(&candidate.output) else {
            self.v.mismatch(format!("link: {ours} succeeded but wrote no output file"));
            return Ok(());
        };
        summary.record(
            self.case.name,
            if candidate_bytes == reference_bytes {
                "identical"
            } else {
                "differs"
            },
        );
        let valid = self.validate(candidate);
        if let Err(e) = &valid {
            self.v.mismatch(format!("{ours}'s output is invalid: {e}"));
        }
        match Shape::read(&candidate_bytes) {
            Ok(candidate_module) => {
                let lines = compare::modules(
                    &reference_module.module,
                    &candidate_module.module,
                    &theirs,
                    &ours,
                );
                self.v.mismatches(lines);
                let lines = reference_module.compare(&candidate_module, &theirs, &ours);
                self.v.mismatches(lines);
                for problem in candidate_module.props(self.case.props) {
                    self.v.mismatch(format!("{ours}'s output: {problem}"));
                }
            }
            Err(e) => self.v.mismatch(format!("cannot read {ours}'s output: {e}")),
        }
        if valid.is_err() || matches!(run, Run::None) {
            return Ok(());
        }

        let reference_run = self.run(run, reference)?;
        let candidate_run = self.run(run, candidate)?;
        // Under WELD_DIFF_LINKER=wasm-ld the candidate has wasm-ld's bug as well.
        let candidate_is_reference = same_file(&self.tools.weld, &self.tools.wasm_ld);
        if tls_bug && !candidate_is_reference {
            let note = if reference_run.status.success() {
                "passes (the case no longer shows the bug)"
            } else {
                "fails, as expected"
            };
            let _ = std::fs::write(
                self.ws.logs.join("note.txt"),
                format!(
                    "{theirs}'s module {note}: {}\n",
                    reference_run.stdout_text().trim()
                ),
            );
            if !candidate_run.status.success() {
                self.v.mismatch(format!(
                    "run: {ours}'s module does not compute the expected values ({}):\n{}",
                    candidate_run.status,
                    candidate_run.stdout_text().trim()
                ));
            }
            return Ok(());
        }
        // (With the bug, the reference run fails; under WELD_DIFF_LINKER=wasm-ld the two
        // runs need only agree.)
        if !reference_run.status.success() && !tls_bug {
            return Err(self.v.broken(format!(
                "{theirs}'s module fails in threads-host.mjs ({}):\n{}{}",
                reference_run.status,
                reference_run.stdout_text(),
                reference_run.stderr_text()
            )));
        }
        if !candidate_run.status.success() && !tls_bug {
            self.v.mismatch(format!(
                "run: {ours}'s module fails ({}):\n{}{}",
                candidate_run.status,
                candidate_run.stdout_text(),
                candidate_run.stderr_text().trim()
            ));
        }
        let (ro, co) = (reference_run.stdout_text(), candidate_run.stdout_text());
        if ro != co {
            let line = ro
                .lines()
                .zip(co.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(ro.lines().count().min(co.lines().count()));
            self.v.mismatch(format!(
                "run: output differs at line {}: {theirs}'s module printed {:?}, {ours}'s printed {:?}",
                line + 1,
                ro.lines().nth(line).unwrap_or("<end>"),
                co.lines().nth(line).unwrap_or("<end>")
            ));
        }
        Ok(())
    }

    /// wasm-validate, then wasmparser with every feature (wabt 1.0.32 knows no 64-bit
    /// tables, which wasm-ld 19 writes for wasm64 programs with function pointers).
    fn validate(&self, linked: &Link) -> Result<(), String> {
        let bytes = toolchain::read(&linked.output)?;
        let mut validator =
            wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::all());
        validator
            .validate_all(&bytes)
            .map_err(|e| format!("wasmparser: {e}"))?;
        if has_table64(&bytes) {
            return Ok(());
        }
        let mut cmd = Command::new(&self.tools.wasm_validate);
        cmd.arg("--enable-all").arg(&linked.output);
        let outcome = process::run(
            &mut cmd,
            &self.ws.logs,
            &format!("validate-{}", linked.label),
        )?;
        if outcome.status.success() {
            Ok(())
        } else {
            Err(format!(
                "wasm-validate: {} ({})",
                outcome.stderr_summary(),
                outcome.status
            ))
        }
    }

    fn run(&self, run: Run, linked: &Link) -> Result<Outcome, String> {
        let mut cmd = Command::new(&self.tools.node);
        cmd.args(&self.more.node_flags).arg(&self.more.host);
        match run {
            Run::None => unreachable!("not run"),
            Run::Threads { workers, iters } => {
                cmd.arg("threads").arg(&linked.output);
                cmd.args([
                    "--workers",
                    &workers.to_string(),
                    "--iters",
                    &iters.to_string(),
                ]);
            }
            Run::Memory64 => {
                cmd.arg("memory64").arg(&linked.output);
            }
            Run::Eh => {
                cmd.arg("eh").arg(&linked.output);
            }
        }
        cmd.current_dir(&self.ws.dir);
        let outcome = process::run(&mut cmd, &self.ws.logs, &format!("run-{}", linked.label))?;
        if outcome.status == Status::TimedOut {
            return Err(format!(
                "threads-host.mjs timed out on {}",
                linked.output.display()
            ));
        }
        Ok(outcome)
    }
}

/// A linker's diagnostics as a set of messages (each with its `>>>` notes), without the
/// program-name prefix. A set, because of two known differences of form:
/// - wasm-ld reports an undefined symbol once per relocation against it, weld once per
///   file and symbol;
/// - wasm-ld lists disallowed target features in its hash map's order, weld in the
///   objects' order.
fn diagnostics(outcome: &Outcome, linker: &Path) -> BTreeSet<String> {
    let prefix = format!(
        "{}: ",
        linker.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut messages: Vec<String> = Vec::new();
    for line in outcome.stderr_text().lines() {
        if line.trim().is_empty() {
            continue;
        }
        match line.strip_prefix(&prefix) {
            Some(message) => messages.push(message.to_string()),
            None => match messages.last_mut() {
                Some(last) => {
                    last.push('\n');
                    last.push_str(line);
                }
                None => messages.push(line.to_string()),
            },
        }
    }
    messages.into_iter().collect()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

// ---------------------------------------------------------------------------------------
// What common::wasm does not read: function names and bodies, the start function, tags,
// target_features.

/// The synthetic functions whose bodies must be identical.
const SYNTHETIC: &[&str] = &[
    "__wasm_init_memory",
    "__wasm_init_tls",
    "__wasm_apply_tls_relocs",
    "__wasm_apply_global_tls_relocs",
    "__wasm_apply_data_relocs",
    "__wasm_call_ctors",
    "__wasm_start",
];

struct Shape {
    module: wasm::Module,
    imported_functions: u32,
    /// Defined functions: (name, body without its size).
    functions: Vec<(String, Vec<u8>)>,
    start: Option<String>,
    /// Signatures of the defined tags.
    tags: Vec<String>,
    features: String,
}

impl Shape {
    fn read(bytes: &[u8]) -> Result<Shape, String> {
        let module = wasm::parse(bytes)?;
        let mut r = Reader { bytes, pos: 8 };
        let mut types = Vec::new();
        let mut imported_functions = 0;
        let mut tag_types = Vec::new();
        let mut bodies = Vec::new();
        let mut names = BTreeMap::new();
        let mut start = None;
        let mut features = Vec::new();
        while r.pos < bytes.len() {
            let id = r.u8()?;
            let size = r.uleb()? as usize;
            let mut s = Reader {
                bytes: r.take(size)?,
                pos: 0,
            };
            match id {
                0 => match s.name()?.as_str() {
                    "name" => read_function_names(&mut s, &mut names)?,
                    "target_features" => {
                        for _ in 0..s.uleb()? {
                            let prefix = s.u8()? as char;
                            features.push(format!("{prefix}{}", s.name()?));
                        }
                    }
                    _ => {}
                },
                1 => {
                    for _ in 0..s.uleb()? {
                        s.u8()?; // 0x60
                        let list = |s: &mut Reader| -> Result<String, String> {
                            let n = s.uleb()?;
                            let items: Result<Vec<_>, String> =
                                (0..n).map(|_| Ok(valtype(s.u8()?))).collect();
                            Ok(items?.join(", "))
                        };
                        let params = list(&mut s)?;
                        let results = list(&mut s)?;
                        types.push(format!("({params}) -> ({results})"));
                    }
                }
                2 => {
                    for _ in 0..s.uleb()? {
                        s.name()?;
                        s.name()?;
                        match s.u8()? {
                            0 => {
                                imported_functions += 1;
                                s.uleb()?;
                            }
                            1 => {
                                s.u8()?;
                                s.limits()?;
                            }
                            2 => drop(s.limits()?),
                            3 => {
                                s.u8()?;
                                s.u8()?;
                            }
                            4 => {
                                s.u8()?;
                                s.uleb()?;
                            }
                            k => return Err(format!("unknown import kind {k}")),
                        }
                    }
                }
                8 => start = Some(s.uleb()? as u32),
                10 => {
                    for _ in 0..s.uleb()? {
                        let len = s.uleb()? as usize;
                        bodies.push(s.take(len)?.to_vec());
                    }
                }
                13 => {
                    for _ in 0..s.uleb()? {
                        s.u8()?; // attribute
                        tag_types.push(s.uleb()? as usize);
                    }
                }
                _ => {}
            }
        }
        let name_of = |index: u32| {
            names
                .get(&index)
                .cloned()
                .unwrap_or_else(|| format!("func[{index}]"))
        };
        let functions = bodies
            .into_iter()
            .enumerate()
            .map(|(i, body)| (name_of(imported_functions + i as u32), body))
            .collect();
        let tags = tag_types
            .iter()
            .map(|&t| {
                types
                    .get(t)
                    .cloned()
                    .unwrap_or_else(|| format!("type {t}?"))
            })
            .collect();
        Ok(Shape {
            module,
            imported_functions,
            functions,
            start: start.map(name_of),
            tags,
            features: features.join(" "),
        })
    }

    /// Differences the common comparison does not see.
    fn compare(&self, other: &Shape, theirs: &str, ours: &str) -> Vec<String> {
        let mut lines = Vec::new();
        let names = |s: &Shape| {
            s.functions
                .iter()
                .map(|(n, _)| n.clone())
                .collect::<Vec<_>>()
        };
        if names(self) != names(other) || self.imported_functions != other.imported_functions {
            lines.push(format!(
                "defined functions: {theirs} has [{}], {ours} has [{}]",
                names(self).join(", "),
                names(other).join(", ")
            ));
        } else {
            for ((name, a), (_, b)) in self.functions.iter().zip(&other.functions) {
                if SYNTHETIC.contains(&name.as_str()) && a != b {
                    lines.push(format!(
                        "body of {name}: {theirs} has {}, {ours} has {}",
                        hex(a),
                        hex(b)
                    ));
                } else if a.len() != b.len() {
                    lines.push(format!(
                        "body of {name}: {theirs}'s is {} bytes, {ours}'s {} bytes",
                        a.len(),
                        b.len()
                    ));
                }
            }
        }
        if self.start != other.start {
            lines.push(format!(
                "start function: {theirs} has {:?}, {ours} has {:?}",
                self.start, other.start
            ));
        }
        if self.tags != other.tags {
            lines.push(format!(
                "tags: {theirs} has {:?}, {ours} has {:?}",
                self.tags, other.tags
            ));
        }
        if self.features != other.features {
            lines.push(format!(
                "target_features: {theirs} has [{}], {ours} has [{}]",
                self.features, other.features
            ));
        }
        lines
    }

    /// The expected properties this module lacks.
    fn props(&self, props: &[Prop]) -> Vec<String> {
        let has = |name: &str| self.functions.iter().any(|(n, _)| n == name);
        let segments = &self.module.data_segments;
        let passive = |(kind, _): &(String, usize)| kind == "passive";
        let memory = self
            .module
            .imports
            .iter()
            .find(|i| i.kind == wasm::Kind::Memory)
            .map(|i| i.detail.clone())
            .or_else(|| self.module.memories.first().map(|m| m.to_string()));
        let tables = self.module.tables.len()
            + self
                .module
                .imports
                .iter()
                .filter(|i| i.kind == wasm::Kind::Table)
                .count();
        let mut problems = Vec::new();
        for prop in props {
            let ok = match *prop {
                Prop::Function(name) => has(name),
                Prop::NoFunction(name) => !has(name),
                Prop::Start(name) => self.start.as_deref() == Some(name),
                Prop::NoStart => self.start.is_none(),
                Prop::AllPassive => !segments.is_empty() && segments.iter().all(passive),
                Prop::AllActive => !segments.is_empty() && !segments.iter().any(passive),
                Prop::Memory(text) => memory.as_deref() == Some(text),
                Prop::ExportedGlobal(name, init) => self
                    .module
                    .named_globals()
                    .get(&format!("export {name}"))
                    .is_some_and(|g| g.init == init),
                Prop::Features(text) => self.features == text,
                Prop::Tags(sigs) => self.tags == sigs,
                Prop::Tables(n) => tables == n,
            };
            if !ok {
                let actual = match *prop {
                    Prop::Start(_) | Prop::NoStart => format!("start {:?}", self.start),
                    Prop::Memory(_) => format!("memory {memory:?}"),
                    Prop::AllPassive | Prop::AllActive => format!("segments {segments:?}"),
                    Prop::Features(_) => format!("features [{}]", self.features),
                    Prop::Tags(_) => format!("tags {:?}", self.tags),
                    Prop::Tables(_) => format!("{tables} tables"),
                    Prop::ExportedGlobal(name, _) => format!(
                        "export {name} = {:?}",
                        self.module
                            .named_globals()
                            .get(&format!("export {name}"))
                            .map(|g| g.init.clone())
                    ),
                    Prop::Function(_) | Prop::NoFunction(_) => format!(
                        "functions [{}]",
                        self.functions
                            .iter()
                            .map(|(n, _)| n.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                };
                problems.push(format!("expected {prop:?}, found {actual}"));
            }
        }
        problems
    }
}

fn read_function_names(s: &mut Reader, names: &mut BTreeMap<u32, String>) -> Result<(), String> {
    while s.pos < s.bytes.len() {
        let sub = s.u8()?;
        let size = s.uleb()? as usize;
        let mut body = Reader {
            bytes: s.take(size)?,
            pos: 0,
        };
        if sub == 1 {
            for _ in 0..body.uleb()? {
                let index = body.uleb()? as u32;
                names.insert(index, body.name()?);
            }
        }
    }
    Ok(())
}

/// Does the module have a 64-bit table (defined or imported)?
fn has_table64(bytes: &[u8]) -> bool {
    fn scan(bytes: &[u8]) -> Result<bool, String> {
        let mut r = Reader { bytes, pos: 8 };
        while r.pos < bytes.len() {
            let id = r.u8()?;
            let size = r.uleb()? as usize;
            let mut s = Reader {
                bytes: r.take(size)?,
                pos: 0,
            };
            match id {
                2 => {
                    for _ in 0..s.uleb()? {
                        s.name()?;
                        s.name()?;
                        match s.u8()? {
                            0 => drop(s.uleb()?),
                            1 => {
                                s.u8()?;
                                if s.limits()? & 4 != 0 {
                                    return Ok(true);
                                }
                            }
                            2 => drop(s.limits()?),
                            3 => drop(s.take(2)?),
                            4 => drop((s.u8()?, s.uleb()?)),
                            _ => return Ok(false),
                        }
                    }
                }
                4 => {
                    for _ in 0..s.uleb()? {
                        s.u8()?;
                        if s.limits()? & 4 != 0 {
                            return Ok(true);
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(false)
    }
    scan(bytes).unwrap_or(false)
}

fn valtype(b: u8) -> String {
    match b {
        0x7f => "i32",
        0x7e => "i64",
        0x7d => "f32",
        0x7c => "f64",
        0x7b => "v128",
        0x70 => "funcref",
        0x6f => "externref",
        0x69 => "exnref",
        _ => "?",
    }
    .to_string()
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn u8(&mut self) -> Result<u8, String> {
        let b = *self.bytes.get(self.pos).ok_or("unexpected end")?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], String> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("unexpected end")?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    fn uleb(&mut self) -> Result<u64, String> {
        let (mut result, mut shift) = (0u64, 0);
        loop {
            let b = self.u8()?;
            if shift >= 64 {
                return Err("LEB128 too long".into());
            }
            result |= u64::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(result);
            }
        }
    }

    fn name(&mut self) -> Result<String, String> {
        let len = self.uleb()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).map_err(|_| "name is not UTF-8".to_string())
    }

    /// Reads limits, returning their flags.
    fn limits(&mut self) -> Result<u8, String> {
        let flags = self.u8()?;
        self.uleb()?;
        if flags & 1 != 0 {
            self.uleb()?;
        }
        Ok(flags)
    }
}

// ---------------------------------------------------------------------------------------
// Summary

#[derive(Clone, Default)]
struct Summary(Arc<Mutex<Vec<(String, String)>>>);

impl Summary {
    fn record(&self, case: &str, what: &str) {
        if let Ok(mut rows) = self.0.lock() {
            rows.push((case.to_string(), what.to_string()));
        }
    }

    /// `target/threads-summary.txt`: which outputs are byte-identical to wasm-ld's.
    fn write(&self) {
        let Ok(mut rows) = self.0.lock() else { return };
        if rows.is_empty() {
            return;
        }
        rows.sort();
        let identical = rows.iter().filter(|(_, w)| w == "identical").count();
        let mut text: String = rows.iter().map(|(c, w)| format!("{c:<40} {w}\n")).collect();
        text.push_str(&format!(
            "{identical} of {} outputs byte-identical\n",
            rows.len()
        ));
        let _ = std::fs::write(target_dir().join("threads-summary.txt"), text);
    }
}
