// Types for weld-wasm. Hand-written: keep them in step with src/js.rs (the bindings) and
// src/report/mod.rs (the report; field names are the Rust ones in camelCase).

/** Bytes of an input file. Node's `Buffer` is a `Uint8Array`. */
export type Bytes = Uint8Array | ArrayBuffer | ArrayBufferView;

/** One input: a relocatable wasm object (`.o`), an `ar` archive (`.a`), a shared library or a stub library (`#STUB` text), told apart by their first bytes. */
export interface InputFile {
  /** Display name, used in diagnostics and the report: `main.o`, `libc.a`. */
  name: string;
  bytes: Bytes;
  /** Load every member of this archive (`--whole-archive`). */
  wholeArchive?: boolean;
  /** Load this object only if it defines a symbol the link needs, as an archive member would be (`--start-lib` ... `--end-lib`). */
  lazy?: boolean;
}

/** wasm-ld's options in camelCase. Every field is optional; defaults are wasm-ld 19's. */
export interface LinkOptions {
  /** Output file name (`-o`): only its last path component is used, as the module name in the `name` section. Default `a.out`. */
  output?: string;
  /** Entry symbol (`--entry`, default `_start`); `false` is `--no-entry`. */
  entry?: string | false;
  /** `--no-entry`: no entry point (libraries, reactors). */
  noEntry?: boolean;
  /** `--export=SYM` for each: export it, error if it is not defined. */
  exports?: string[];
  /** `--export-if-defined=SYM` for each. */
  exportIfDefined?: string[];
  /** `--export-all`. */
  exportAll?: boolean;
  /** `--export-dynamic`: export every symbol with default visibility. */
  exportDynamic?: boolean;
  /** `--export-table`. */
  exportTable?: boolean;
  /** `--export-memory[=NAME]`: `true` exports it as `memory`. */
  exportMemory?: boolean | string;
  /** `-u SYM` for each: force a definition to be pulled in from an archive. */
  undefined?: string[];
  /** `--allow-undefined`: undefined functions become imports. */
  allowUndefined?: boolean;
  /** The symbols an `--allow-undefined-file` would list. */
  allowUndefinedSymbols?: string[];
  /** `--unresolved-symbols`: `import-dynamic` imports every symbol nobody defines (data through `GOT.mem` globals) and adds a `dylink.0` section and `__wasm_apply_data_relocs`. */
  unresolvedSymbols?: "report-all" | "ignore-all" | "import-dynamic";
  /** `--warn-unresolved-symbols`. */
  warnUnresolvedSymbols?: boolean;
  /** `--import-undefined`. */
  importUndefined?: boolean;
  /** `--allow-multiple-definition`. */
  allowMultipleDefinition?: boolean;
  /** `--wrap=SYM` for each. */
  wrap?: string[];
  /** `-r`/`--relocatable`: the output is a relocatable object (with `linking` and
   * `reloc.*` sections) for a later link; garbage collection and segment merging are then
   * off unless asked for, and the table is imported. */
  relocatable?: boolean;
  /** `-pie`: a position-independent executable (tool-conventions' DynamicLinking.md): its
   * data and table slots are placed by the loader at the imported `__memory_base` and
   * `__table_base`, with a `dylink.0` section, GOT imports (`GOT.mem.*`, `GOT.func.*`) and
   * `__wasm_apply_data_relocs`. Inputs must be compiled with `-fPIC`. */
  pie?: boolean;
  /** `-shared`: a shared library (side module), as `pie` but also importing its memory and
   * exporting every default-visibility symbol (`exportDynamic` defaults to `true`); its
   * entry point defaults to `__wasm_call_ctors`. */
  shared?: boolean;
  /** `-Bsymbolic`: a shared library uses its own definitions instead of GOT imports. */
  bsymbolic?: boolean;
  /** `--gc-sections` (default `true`, `false` with `relocatable`); `false` is `--no-gc-sections`. */
  gcSections?: boolean;
  /** `--print-gc-sections`: the removed sections are listed in `messages`. */
  printGcSections?: boolean;
  /** `-z stack-size=` in bytes (default 65536; a multiple of 16). */
  stackSize?: number | bigint;
  /** `--stack-first`. */
  stackFirst?: boolean;
  /** `--global-base=`. */
  globalBase?: number | bigint;
  /** `--table-base=`. */
  tableBase?: number | bigint;
  /** `--initial-memory=` in bytes (a multiple of 65536). */
  initialMemory?: number | bigint;
  /** `--max-memory=` in bytes (a multiple of 65536). */
  maxMemory?: number | bigint;
  /** `--initial-heap=` in bytes. */
  initialHeap?: number | bigint;
  /** `--no-growable-memory`. */
  noGrowableMemory?: boolean;
  /** `--import-memory[=MODULE,NAME]`: `true` imports `env.memory`. */
  importMemory?: boolean | { module?: string; name?: string };
  /** `--shared-memory`. */
  sharedMemory?: boolean;
  /** `--merge-data-segments` (default `true`, `false` with `relocatable`). */
  mergeDataSegments?: boolean;
  /** `--import-table`. */
  importTable?: boolean;
  /** `--growable-table`. */
  growableTable?: boolean;
  /** `--strip-all`. */
  stripAll?: boolean;
  /** `--strip-debug`. */
  stripDebug?: boolean;
  /** `--keep-section=NAME` for each. */
  keepSections?: string[];
  /** `--build-id[=STYLE]`: `true` is `fast`; `0x…` gives the bytes. */
  buildId?: boolean | "fast" | "sha1" | "tree" | "uuid" | "none" | `0x${string}`;
  /** Return wasm-ld's link map (`-Map`) text as `map`. */
  map?: boolean;
  /** Return the `--why-extract` table (why each archive member was loaded, tab-separated
   * with a header line) as `whyExtract`. */
  whyExtract?: boolean;
  /** Build the {@link Report} (default `true`). On big links it costs as much as the link itself: pass `false` when you only need the module. */
  report?: boolean;
  /** `--soname=`. */
  soname?: string;
  /** `--compress-relocations` (needs `stripDebug` or `stripAll`). */
  compressRelocations?: boolean;
  /** `--features=`: replaces the feature set inferred from the inputs. */
  features?: string[];
  /** `--extra-features=`. */
  extraFeatures?: string[];
  /** `--check-features` (default `true`). */
  checkFeatures?: boolean;
  /** `-O` level (default 1: merges identical strings). */
  optimize?: number;
  /** `-m wasm64`: memory64 objects. */
  wasm64?: boolean;
  /** `--demangle` (default `true`): demangled names in messages and the `name` section. */
  demangle?: boolean;
  /** `--fatal-warnings`. */
  fatalWarnings?: boolean;
  /** `--error-limit=` (default 20; 0 for no limit). */
  errorLimit?: number;
  /** `--verbose`: lines go to `messages`. */
  verbose?: boolean;
  /** `--trace`: lines go to `messages`. */
  trace?: boolean;
  /** `--trace-symbol=SYM` for each: lines go to `messages`. */
  traceSymbols?: string[];
}

/** One message from the linker. `file`/`section`/`offset` point into an input when known. */
export interface Diagnostic {
  severity: "error" | "warning";
  /** The message as wasm-ld words it, without the file prefix and notes. */
  message: string;
  /** `main.o` or `libc.a(printf.o)`. */
  file: string | null;
  /** `CODE`, `linking`, `reloc.CODE`, … */
  section: string | null;
  /** Byte offset in the file (in the member, for archive members). */
  offset: number | null;
  /** The symbol the message is about. */
  symbol: string | null;
  /** The `>>> …` lines wasm-ld prints after the message. */
  notes: string[];
  /** The whole diagnostic as wasm-ld prints it, less the program name: `error: main.o: undefined symbol: foo`. */
  text: string;
}

/** What `link` throws when the link fails: `message` holds every diagnostic as text. */
export interface LinkError extends Error {
  diagnostics: Diagnostic[];
}

export interface LinkResult {
  /** The output module. */
  wasm: Uint8Array;
  /** What the output holds and how each symbol was resolved. */
  report: Report;
  warnings: Diagnostic[];
  /** Lines wasm-ld prints for `verbose`, `trace`, `printGcSections`. */
  messages: string[];
  /** The link map, when `options.map` was set. */
  map?: string;
  /** The `--why-extract` table, when `options.whyExtract` was set. */
  whyExtract?: string;
}

/** What `link` returns with `options.report: false`. */
export interface LinkResultWithoutReport extends Omit<LinkResult, "report"> {
  report: null;
}

// ---- the report (src/report/mod.rs) ----

export interface Report {
  /** Output file size in bytes. */
  outputSize: number;
  inputs: InputReport[];
  sections: SectionReport[];
  memory: MemoryReport;
  functions: FunctionReport[];
  globals: GlobalReport[];
  imports: ImportReport[];
  exports: ExportReport[];
  symbols: SymbolReport[];
  /** Wall-clock times in milliseconds. */
  timings: PhaseTime[];
}

export interface InputReport {
  /** `a.o` or `libc.a(printf.o)`. */
  name: string;
  /** `object` (given directly), `member` (of an archive) or `stub` (a stub library, listed after the others). */
  kind: "object" | "member" | "stub";
  /** The archive's name, for members. */
  archive: string | null;
  size: number;
  /** Loaded into the link (objects always; members only when pulled in). */
  loaded: boolean;
  /** For pulled-in members: the symbol that pulled it in and the file that referenced it. */
  pulledBy: PullReason | null;
}

export interface PullReason {
  symbol: string;
  /** The referencing input, the stub library that needed it, or `<command line>` for `undefined`/`exports`/entry. */
  referencedBy: string;
}

export interface SectionReport {
  /** Section id (0 = custom). */
  id: number;
  /** `TYPE`, `CODE`, … or the custom section's name. */
  name: string;
  /** Offset of the section's first byte (its id) in the output. */
  offset: number;
  /** Size including the section header. */
  size: number;
  /** Number of entries, where that makes sense. */
  count: number | null;
}

export interface MemoryReport {
  pageSize: number;
  initialPages: number;
  maxPages: number | null;
  imported: boolean;
  shared: boolean;
  is64: boolean;
  globalBase: number;
  stackLow: number;
  stackHigh: number;
  stackFirst: boolean;
  dataEnd: number;
  heapBase: number;
  heapEnd: number;
  tls: TlsReport | null;
  segments: SegmentReport[];
}

export interface TlsReport {
  address: number;
  size: number;
  align: number;
}

export interface SegmentReport {
  index: number;
  name: string;
  address: number;
  size: number;
  /** Alignment in bytes. */
  alignment: number;
  isBss: boolean;
  isTls: boolean;
  /** Written into the data section (zero-fill `.bss` is not). */
  inBinary: boolean;
  passive: boolean;
  /** Offset of the segment's bytes in the output, when in the binary. */
  fileOffset: number | null;
  pieces: PieceReport[];
}

export interface PieceReport {
  /** Input file name. */
  file: string;
  /** Input segment name (`.rodata.str1.1`, …), or `<merged strings>`. */
  name: string;
  address: number;
  size: number;
  alignment: number;
  /** Offset of the segment's data in its input file. */
  inputOffset: number | null;
}

export interface FunctionReport {
  index: number;
  name: string;
  /** Defining input, or `<internal>` for linker-made functions. */
  file: string;
  /** Body size in bytes (with its size prefix). */
  size: number;
  /** Offset of the body in the output. */
  fileOffset: number;
  /** Offset of the body in its input. */
  inputOffset: number | null;
  signature: string;
  tableIndex: number | null;
}

export interface GlobalReport {
  index: number;
  name: string;
  file: string;
  valtype: "i32" | "i64" | "f32" | "f64" | "v128" | "funcref" | "externref" | string;
  mutable: boolean;
  /** The initial value when it is a constant. */
  value: number | null;
}

export type ExternalKind = "function" | "global" | "memory" | "table" | "tag";

export interface ImportReport {
  module: string;
  name: string;
  kind: ExternalKind;
  index: number;
  symbol: string | null;
}

export interface ExportReport {
  name: string;
  kind: ExternalKind;
  index: number;
  symbol: string | null;
}

export interface SymbolReport {
  /** Raw (mangled) name. */
  name: string;
  /** Demangled name for display (same as `name` for C). */
  demangled: string;
  kind: "function" | "data" | "global" | "table" | "tag" | "section";
  binding: "global" | "weak" | "local";
  visibility: "default" | "hidden";
  /** Defining file; `null` when undefined, `<internal>` when linker-defined. */
  definedIn: string | null;
  /** Files that reference the symbol. */
  referencedBy: string[];
  /** `removed` means removed by GC; `stub` a trapping stand-in for a weak undefined or mismatched function. */
  status: "live" | "removed" | "imported" | "undefined" | "stub";
  exported: boolean;
  imported: boolean;
  /** Function/global/table/tag index in the output. */
  index: number | null;
  /** Address of a data symbol. */
  address: number | null;
  size: number | null;
  /** Slot in the indirect function table. */
  tableIndex: number | null;
  /**
   * Why the symbol is live, one step: the index in `symbols` of the symbol whose code or
   * data references it. Follow it (or call {@link whyLive}) to reach a root.
   */
  liveBy: number | null;
  /** On a GC root: why it is kept (`entry point`, `exported`, `--no-gc-sections`, ...). */
  liveRoot: string | null;
  /** Definitions that lost to the one kept. */
  otherDefinitions: OtherDefinition[];
  /** The archive member this symbol pulled into the link, if any. */
  pulledIn: string | null;
}

export interface OtherDefinition {
  file: string;
  reason: "weak" | "duplicate" | "comdat";
}

export interface PhaseTime {
  phase: string;
  ms: number;
}

// ---- the functions ----

/**
 * Links `inputs` into a module. Throws a {@link LinkError} when the link fails, a
 * `TypeError` for a malformed argument or an unknown option name.
 */
export function link(inputs: InputFile[], options: LinkOptions & { report: false }): LinkResultWithoutReport;
export function link(inputs: InputFile[], options?: LinkOptions): LinkResult;

/** A file system for {@link wasmLd}: path → bytes (strings are read as UTF-8, for response files). */
export type Files =
  | Map<string, Bytes | string>
  | Record<string, Bytes | string>
  | ((path: string) => Bytes | string | undefined | null);

export interface WasmLdResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** Written files in order (the module, then `--report`/`-Map` files): path → bytes. */
  outputs: Map<string, Uint8Array>;
  /** What each of `outputs` is, as wasm-ld's `cannot open <kind> <path>` error words it:
   * `output file` (the module), `map file`, ... */
  outputKinds: Map<string, string>;
}

/**
 * Runs a wasm-ld command line (without the program name) on `files`, as the `weld`
 * command does on the real file system. `-L`/`-l`, `@response` files and
 * `--allow-undefined-file` read through `files`. `program` names the linker in messages
 * (default `weld`). Never throws for link errors: see `exitCode` and `stderr`.
 */
export function wasmLd(args: string[], files?: Files, program?: string): WasmLdResult;

/**
 * A linking session: add the libraries once, then link many times. Each `link` links
 * `objects` followed by the libraries in the order they were added.
 */
export class Linker {
  constructor();
  /** Adds an archive (e.g. `libc.a`), object or stub library that every later link gets. */
  addLibrary(name: string, bytes: Bytes, options?: { wholeArchive?: boolean }): void;
  /** The names of the libraries added so far. */
  readonly libraries: string[];
  link(objects: InputFile[], options: LinkOptions & { report: false }): LinkResultWithoutReport;
  link(objects: InputFile[], options?: LinkOptions): LinkResult;
  /** Frees the wasm memory the session holds (it is also freed when garbage-collected). */
  free(): void;
}

/** What {@link whyLive} returns. */
export interface LiveChain {
  /** The symbols that keep the symbol live: its direct referrer first, a root last. */
  path: SymbolReport[];
  /** Why the last symbol of `path` (or the symbol itself, when `path` is empty) is kept; null when not live. */
  root: string | null;
}

/** Follows `liveBy` from `symbol` (an entry of `report.symbols`, or its index) to a GC root. */
export function whyLive(report: Report, symbol: SymbolReport | number): LiveChain;

/** What the module's memory holds; see {@link memoryUsage}. */
export interface MemoryUsage {
  /** Bytes the linker's heap holds right now (0 outstanding links hold only a few KiB). */
  heapBytes: number;
  /** Live heap allocations. */
  heapBlocks: number;
  /** The most bytes the heap has held at once since the module was loaded: what the
   * largest link so far needed. */
  peakHeapBytes: number;
  /** Size of the module's linear memory; WebAssembly memory grows but never shrinks. It
   * grows in large steps (half its size at a time, at most 256 MiB), so it can exceed
   * `peakHeapBytes` by that much. */
  memoryBytes: number;
}

/**
 * The module's memory use, between calls: the live heap (which a finished link, failed
 * or not, returns to where it was, except what `Linker` sessions keep) and the size of
 * its linear memory.
 */
export function memoryUsage(): MemoryUsage;

/** `weld <version> (LLD 19.x compatible)`. */
export function version(): string;

/**
 * A symbol name as wasm-ld shows it in messages, maps and the `name` section: Itanium C++
 * (`_Z3fooi` is `foo(int)`), Rust (legacy and v0) and D names demangled exactly as LLVM 19's
 * demangler prints them; anything else, or a name too large to print, comes back as it is.
 * Throws a `TypeError` for a non-string.
 */
export function demangle(name: string): string;

/** A `WebAssembly.Module`, a `Response` or a `Request` (typed loosely, so that these types need neither the DOM library nor Node's). */
export type InitObject = object;

/** What {@link init} accepts: where to get `weld_bg.wasm` (a URL string or `URL`), its bytes, a `Response`, or the compiled module. */
export type InitInput =
  | string
  | { readonly href: string }
  | ArrayBuffer
  | ArrayBufferView
  | InitObject
  | PromiseLike<ArrayBuffer | ArrayBufferView | InitObject>;

/**
 * Loads the wasm module. Needed once before anything else in browsers and workers
 * (without an argument it fetches `weld_bg.wasm` next to the package's JS); in Node the
 * package is ready on import and `init()` just resolves.
 */
export function init(input?: InitInput): Promise<void>;

/** Synchronous {@link init} from bytes or a compiled module (in Node: already done). */
export function initSync(input?: ArrayBuffer | ArrayBufferView | InitObject): void;
