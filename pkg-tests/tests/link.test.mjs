// link(): real C programs (clang-19 objects + wasi-libc) linked through the installed
// package, compared with wasm-ld-19 and the native CLI, and run under node:wasi.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { link, version } from 'weld-wasm';
import { clangArgs, clangInputs, fixture, input, run, runWasi, tempDir, CALC_V1, FIXTURES, NATIVE, WASM_LD } from './helpers.mjs';


/** Links with an external linker (same command line clang would use); returns the bytes. */
function linkWith(linker, objects, out) {
  const dir = tempDir();
  const path = join(dir, out);
  const r = run(linker, clangArgs(objects, path));
  assert.equal(r.status, 0, `${linker} failed: ${r.stderr}`);
  return readFileSync(path);
}

test('version names the LLD release', () => {
  assert.match(version(), /^weld \S+ \(LLD 19\.\d+\.\d+ compatible\)$/);
});

test('hello world: runs, and matches wasm-ld-19 and the native CLI byte for byte', () => {
  const { wasm, warnings } = link(clangInputs(['hello.o']), { output: 'hello.wasm' });
  assert.ok(wasm instanceof Uint8Array);
  assert.deepEqual(warnings, []);
  const r = runWasi(wasm, ['from', 'node']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'hello from weld-wasm from node\n');
  assert.equal(r.status, 0);
  assert.ok(Buffer.from(wasm).equals(linkWith(NATIVE, ['hello.o'], 'hello.wasm')), 'differs from the native CLI');
  assert.ok(Buffer.from(wasm).equals(linkWith(WASM_LD, ['hello.o'], 'hello.wasm')), 'differs from wasm-ld-19');
});

test('a bigger program (two objects, more of libc) runs and matches wasm-ld-19', () => {
  const { wasm } = link(clangInputs(['calc.o', 'greet-v1.o']), { output: 'calc.wasm' });
  const r = runWasi(wasm);
  assert.equal(r.stdout, CALC_V1);
  assert.equal(r.status, 0);
  assert.ok(Buffer.from(wasm).equals(linkWith(WASM_LD, ['calc.o', 'greet-v1.o'], 'calc.wasm')), 'differs from wasm-ld-19');
});

test('lazy objects load only when needed, as between --start-lib and --end-lib', () => {
  const lazily = (objects) => {
    const inputs = clangInputs(objects).map((i) => (objects.includes(i.name) ? { ...i, lazy: true } : i));
    return link(inputs, { output: 'calc.wasm' });
  };
  // hello.o is lazy too, but crt1's reference to main pulls it in; greet-v1.o stays out.
  const hello = lazily(['hello.o', 'greet-v1.o']);
  const loaded = (r, name) => r.report.inputs.find((i) => i.name === name)?.loaded;
  assert.equal(loaded(hello, 'hello.o'), true);
  assert.equal(loaded(hello, 'greet-v1.o'), false);
  assert.equal(runWasi(hello.wasm).stdout, 'hello from weld-wasm\n');
  // calc.o needs greet-v1.o: both load, and the output is wasm-ld-19's for --start-lib.
  const calc = lazily(['calc.o', 'greet-v1.o']);
  assert.equal(runWasi(calc.wasm).stdout, CALC_V1);
  const dir = tempDir();
  const args = clangArgs(['calc.o', 'greet-v1.o'], join(dir, 'calc.wasm'));
  const first = args.indexOf(fixture('calc.o'));
  args.splice(first, 2, '--start-lib', fixture('calc.o'), fixture('greet-v1.o'), '--end-lib');
  const r = run(WASM_LD, args);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Buffer.from(calc.wasm).equals(readFileSync(join(dir, 'calc.wasm'))), 'differs from wasm-ld-19 --start-lib');
  assert.throws(() => link([{ ...input('hello.o'), lazy: 'yes' }]), /lazy/);
});

test('inputs may be ArrayBuffers and views; the output name is the module name', () => {
  const inputs = clangInputs(['hello.o']).map(({ name, bytes }, i) => {
    const copy = new Uint8Array(bytes).slice();
    return { name, bytes: i % 2 ? copy.buffer : new DataView(copy.buffer) };
  });
  const a = link(inputs, { output: 'dir/hello.wasm' }).wasm;
  const b = link(clangInputs(['hello.o']), { output: 'hello.wasm' }).wasm;
  assert.ok(Buffer.from(a).equals(Buffer.from(b)));
});

test('options: exports, no entry, strip, memory import/export, map text', () => {
  const lib = link([input('greet-v1.o')], { noEntry: true, exports: ['greeting'], map: true, output: 'greet.wasm' });
  const mod = new WebAssembly.Module(lib.wasm);
  const exports = WebAssembly.Module.exports(mod).map((e) => `${e.kind}:${e.name}`);
  assert.deepEqual(exports.sort(), ['function:greeting', 'memory:memory']);
  assert.match(lib.map, /greeting/);
  assert.equal(typeof lib.map, 'string');

  const stripped = link([input('greet-v1.o')], { entry: false, exports: ['greeting'], stripAll: true, report: false });
  assert.ok(stripped.wasm.length < lib.wasm.length);
  assert.equal(stripped.map, undefined);
  assert.equal(stripped.report, null);

  const imported = link([input('greet-v1.o')], {
    noEntry: true,
    importMemory: { module: 'host', name: 'mem' },
    exportMemory: 'exported_mem',
    initialMemory: 131072,
    maxMemory: 262144,
  });
  const m = new WebAssembly.Module(imported.wasm);
  assert.deepEqual(WebAssembly.Module.imports(m), [{ module: 'host', name: 'mem', kind: 'memory' }]);
  assert.deepEqual(WebAssembly.Module.exports(m), [{ name: 'exported_mem', kind: 'memory' }]);
  assert.equal(imported.report.memory.initialPages, 2);
  assert.equal(imported.report.memory.maxPages, 4);
});

test('options are checked: unknown names and wrong types throw, naming the option', () => {
  const inputs = [input('greet-v1.o')];
  assert.throws(() => link(inputs, { noEntry: true, stackSze: 4096 }), { name: 'TypeError', message: /unknown option: stackSze/ });
  assert.throws(() => link(inputs, { noEntry: 'yes' }), { name: 'TypeError', message: /options\.noEntry must be a boolean/ });
  assert.throws(() => link(inputs, { stackSize: -16 }), { name: 'RangeError', message: /options\.stackSize/ });
  assert.throws(() => link(inputs, { buildId: 'md5' }), { message: /unknown --build-id style: md5/ });
  assert.throws(() => link('main.o'), { name: 'TypeError', message: /inputs must be an array/ });
  assert.throws(() => link([{ name: 'a.o' }]), { name: 'TypeError', message: /inputs\[0\]\.bytes \(a\.o\)/ });
  // undefined values are ignored, as if absent
  assert.ok(link(inputs, { noEntry: true, entry: undefined }).wasm.length > 0);
});

test('--build-id and stack options reach the output', () => {
  const a = link([input('greet-v1.o')], { noEntry: true, buildId: true });
  const b = link([input('greet-v1.o')], { noEntry: true, buildId: '0x0123456789abcdef' });
  const names = (w) => WebAssembly.Module.customSections(new WebAssembly.Module(w), 'build_id').length;
  assert.equal(names(a.wasm), 1);
  assert.equal(names(b.wasm), 1);
  assert.ok(Buffer.from(b.wasm).includes(Buffer.from('0123456789abcdef', 'hex')));
  const s = link([input('greet-v1.o')], { noEntry: true, stackSize: 8192, stackFirst: true });
  assert.equal(s.report.memory.stackHigh - s.report.memory.stackLow, 8192);
  assert.equal(s.report.memory.stackFirst, true);
});

test('relocatable: two objects become one object, as wasm-ld-19 -r writes it, which then links and runs', () => {
  const objects = ['calc.o', 'greet-v1.o'];
  const { wasm } = link(objects.map(input), { output: 'calc.o', relocatable: true });
  const dir = tempDir();
  const r = run(WASM_LD, ['-r', ...objects.map(fixture), '-o', join(dir, 'calc.o')]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Buffer.from(wasm).equals(readFileSync(join(dir, 'calc.o'))), 'differs from wasm-ld-19 -r');
  // The object links like its inputs did.
  const [crt1, ...libraries] = clangInputs([]);
  const program = link([crt1, { name: 'calc.o', bytes: wasm }, ...libraries], { output: 'calc.wasm' });
  assert.equal(runWasi(program.wasm).stdout, CALC_V1);
  // -r turns garbage collection off, and refuses what it cannot mean.
  assert.throws(() => link(objects.map(input), { relocatable: true, exportTable: true }), /--relocatable is incompatible with --export-table/);
  assert.throws(() => link(objects.map(input), { relocatable: true, gcSections: true }), /-r and --gc-sections may not be used together/);
});

test('shared: a shared library, as wasm-ld-19 -shared writes it, with dylink.0 and GOT imports', () => {
  const objects = ['calc-pic.o', 'greet-v1-pic.o'];
  const { wasm } = link(objects.map(input), { output: 'calc.so', shared: true, unresolvedSymbols: 'import-dynamic' });
  const dir = tempDir();
  const flags = ['--experimental-pic', '-shared', '--unresolved-symbols=import-dynamic'];
  const r = run(WASM_LD, [...flags, ...objects.map(fixture), '-o', join(dir, 'calc.so')]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Buffer.from(wasm).equals(readFileSync(join(dir, 'calc.so'))), 'differs from wasm-ld-19 -shared');
  const module = new WebAssembly.Module(wasm);
  assert.equal(WebAssembly.Module.customSections(module, 'dylink.0').length, 1);
  const imports = WebAssembly.Module.imports(module).map((i) => `${i.module}.${i.name}`);
  assert.ok(imports.includes('env.memory') && imports.includes('env.__memory_base'), imports.join(' '));
  assert.ok(WebAssembly.Module.exports(module).some((e) => e.name === '__wasm_apply_data_relocs'));
  // libc is not linked in: without import-dynamic its functions are undefined.
  assert.throws(() => link(objects.map(input), { shared: true }), /undefined symbol: printf/);
  assert.throws(() => link(objects.map(input), { shared: true, pie: true }), /-shared and -pie may not be used together/);
});

test('stub library: the host function it names is imported, and what that needs pulled in and exported, as wasm-ld-19 does', () => {
  // undefined.o calls missing_function; the stub says the host provides it and that its
  // host implementation calls greeting (in libgreet.a).
  const stub = new TextEncoder().encode('#STUB\nmissing_function: greeting\n');
  const inputs = [...clangInputs(['undefined.o', 'libgreet.a']), { name: 'host.stub', bytes: stub }];
  const { wasm, report } = link(inputs, { output: 'stub.wasm' });
  const module = new WebAssembly.Module(wasm);
  assert.ok(WebAssembly.Module.imports(module).some((i) => i.module === 'env' && i.name === 'missing_function'));
  assert.ok(WebAssembly.Module.exports(module).some((e) => e.name === 'greeting'));
  const member = report.inputs.find((i) => i.name === 'libgreet.a(greet-v1.o)');
  assert.deepEqual(member.pulledBy, { symbol: 'greeting', referencedBy: 'host.stub' });
  assert.deepEqual(report.inputs.at(-1), { name: 'host.stub', kind: 'stub', archive: null, size: stub.length, loaded: true, pulledBy: null });
  const dir = tempDir();
  writeFileSync(join(dir, 'host.stub'), stub);
  const args = clangArgs(['undefined.o', 'libgreet.a'], join(dir, 'stub.wasm'));
  const r = run(WASM_LD, [...args, join(dir, 'host.stub')]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Buffer.from(wasm).equals(readFileSync(join(dir, 'stub.wasm'))), 'differs from wasm-ld-19');
  // Without the stub library, the function is an undefined symbol.
  assert.throws(() => link(inputs.slice(0, -1), { output: 'stub.wasm' }), /undefined symbol: missing_function/);
  // Dependencies nobody defines are errors; past errorLimit the link stops, saying so.
  const missing = Array.from({ length: 25 }, (_, i) => `nowhere_${i}`).join(', ');
  const bad = [...inputs.slice(0, -1), { name: 'bad.stub', bytes: new TextEncoder().encode(`#STUB\nmissing_function: ${missing}\n`) }];
  assert.throws(() => link(bad), (e) => {
    assert.equal(e.diagnostics.length, 21);
    assert.match(e.diagnostics[0].message, /bad\.stub: undefined symbol: nowhere_0\. Required by missing_function/);
    assert.match(e.diagnostics[20].message, /too many errors emitted/);
    return true;
  });
  assert.throws(() => link(bad, { errorLimit: 0 }), (e) => e.diagnostics.length === 25);
});

test('whyExtract: the table --why-extract writes, as wasm-ld-19 writes it', () => {
  const { wasm, whyExtract } = link(clangInputs(['calc.o', 'greet-v1.o']), { output: 'calc.wasm', whyExtract: true });
  assert.equal(runWasi(wasm).stdout, CALC_V1);
  const dir = tempDir();
  const table = join(dir, 'why.txt');
  const r = run(WASM_LD, [...clangArgs(['calc.o', 'greet-v1.o'], join(dir, 'calc.wasm')), `--why-extract=${table}`]);
  assert.equal(r.status, 0, r.stderr);
  // wasm-ld names inputs by their paths; the JS inputs are named by their file names.
  const theirs = readFileSync(table, 'utf8').replaceAll(`${FIXTURES}/`, '');
  assert.match(whyExtract, /^reference\textracted\tsymbol\n/);
  assert.ok(whyExtract.split('\n').length > 5, whyExtract);
  assert.equal(whyExtract, theirs);
  assert.equal(link(clangInputs(['hello.o']), { output: 'hello.wasm' }).whyExtract, undefined);
});
