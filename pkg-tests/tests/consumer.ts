// A strict TypeScript consumer of the package's types: pkg-tests/run type-checks it with
// `tsc --noEmit` (tsconfig.json beside it). It is never run.
import { demangle, init, initSync, link, Linker, memoryUsage, version, wasmLd, whyLive } from 'weld-wasm';
import type { Diagnostic, LinkError, LinkOptions, LinkResult, LinkResultWithoutReport, Report, SymbolReport, WasmLdResult } from 'weld-wasm';

declare const objectBytes: Uint8Array;
declare const libcBytes: ArrayBuffer;

const options: LinkOptions = {
  output: 'hello.wasm',
  entry: '_start',
  exports: ['main'],
  importMemory: { module: 'env', name: 'memory' },
  exportMemory: 'mem',
  initialMemory: 131072,
  stackSize: 8192n,
  buildId: '0xabcdef',
  map: true,
  features: ['mutable-globals', 'sign-ext'],
  unresolvedSymbols: 'ignore-all',
};

async function main(): Promise<void> {
  await init();
  await init(new URL('https://example.com/weld_bg.wasm'));
  initSync(new Uint8Array(8));

  const result: LinkResult = link([{ name: 'a.o', bytes: objectBytes }, { name: 'libc.a', bytes: libcBytes, wholeArchive: false }], options);
  const wasm: Uint8Array = result.wasm;
  const map: string | undefined = result.map;
  const report: Report = result.report;
  const total: number = report.sections.reduce((n, s) => n + s.size, 0) + report.memory.stackHigh;
  const printf: SymbolReport | undefined = report.symbols.find((s) => s.name === 'printf');
  const where: string | null = printf?.definedIn ?? null;
  const keptBy: string[] = printf ? whyLive(report, printf).path.map((s: SymbolReport) => s.name) : [];
  const root: string | null = whyLive(report, 0).root ?? report.symbols[0]?.liveRoot ?? null;
  const step: number | null = printf?.liveBy ?? null;
  const status: 'live' | 'removed' | 'imported' | 'undefined' | 'stub' | undefined = printf?.status;
  const warnings: Diagnostic[] = result.warnings;
  const firstFile: string | null = warnings[0]?.file ?? null;

  try {
    link([], { noEntry: true });
  } catch (e) {
    const err = e as LinkError;
    const d: Diagnostic | undefined = err.diagnostics[0];
    const offset: number | null = d?.offset ?? null;
    console.log(err.message, d?.severity, d?.symbol, offset);
  }

  const bare: LinkResultWithoutReport = link([{ name: 'a.o', bytes: objectBytes }], { noEntry: true, report: false });
  const nothing: null = bare.report;
  console.log(nothing);

  const session = new Linker();
  session.addLibrary('libc.a', libcBytes);
  session.addLibrary('rt.a', objectBytes, { wholeArchive: true });
  const names: string[] = session.libraries;
  const again: LinkResult = session.link([{ name: 'a.o', bytes: objectBytes }], { noEntry: true });
  session.free();

  const files = new Map<string, Uint8Array>([['a.o', objectBytes]]);
  const ld: WasmLdResult = wasmLd(['a.o', '-o', 'a.wasm'], files);
  const fromFn: WasmLdResult = wasmLd(['a.o'], (path: string) => (path === 'a.o' ? objectBytes : undefined), 'wasm-ld');
  const out: Uint8Array | undefined = ld.outputs.get('a.wasm');
  const code: number = ld.exitCode + fromFn.exitCode;
  const v: string = version();
  const readable: string = demangle('_Z3fooi');
  const heap: number = memoryUsage().heapBytes + memoryUsage().heapBlocks + memoryUsage().peakHeapBytes + memoryUsage().memoryBytes;

  console.log(wasm, map, total, where, keptBy, root, step, status, firstFile, names, again, out, code, v, readable, heap);
}

// @ts-expect-error: unknown options are type errors too
link([], { stackSze: 1 });
// @ts-expect-error: importMemory takes a boolean or { module, name }
link([], { importMemory: 'env.memory' });

void main();
