// The Linker session: libraries added once, objects relinked many times.
import assert from 'node:assert/strict';
import test from 'node:test';
import { link, Linker } from 'weld-wasm';
import { bytes, clangInputs, input, runWasi, BUILTINS, CALC_V1, LIBC } from './helpers.mjs';

function session() {
  const s = new Linker();
  s.addLibrary(LIBC, bytes(LIBC));
  s.addLibrary(BUILTINS, bytes(BUILTINS));
  return s;
}

const ms = (f) => {
  const t = performance.now();
  const r = f();
  return [r, performance.now() - t];
};

test('relinking after changing one object', (t) => {
  const s = session();
  assert.deepEqual(s.libraries, [LIBC, BUILTINS]);
  const objects = (greet) => [input('crt1-command.o'), input('calc.o'), input(greet)];

  const [v1, cold] = ms(() => s.link(objects('greet-v1.o'), { output: 'calc.wasm' }));
  assert.equal(runWasi(v1.wasm).stdout, CALC_V1);
  // The session gives exactly what a plain link of the same inputs gives.
  const plain = link(clangInputs(['calc.o', 'greet-v1.o']), { output: 'calc.wasm' });
  assert.ok(Buffer.from(v1.wasm).equals(Buffer.from(plain.wasm)));

  const [v2, warm] = ms(() => s.link(objects('greet-v2.o'), { output: 'calc.wasm' }));
  const out = runWasi(v2.wasm).stdout;
  assert.equal(out, CALC_V1.replace('calc v1', 'calc v2, relinked'));
  assert.equal(v2.report.inputs.find((i) => i.name === 'greet-v2.o')?.loaded, true);
  assert.equal(v2.report.inputs.some((i) => i.name === 'greet-v1.o'), false);

  const warmRuns = [];
  for (let i = 0; i < 5; i++) warmRuns.push(ms(() => s.link(objects(i % 2 ? 'greet-v1.o' : 'greet-v2.o'), { output: 'calc.wasm' }))[1]);
  t.diagnostic(`calc: first session link ${cold.toFixed(1)} ms, second ${warm.toFixed(1)} ms, then ${warmRuns.map((x) => x.toFixed(1)).join(', ')} ms`);
  s.free();
});

test('sessions are independent; options apply per link; errors leave the session usable', () => {
  const s = session();
  const other = new Linker();
  assert.deepEqual(other.libraries, []);
  assert.throws(() => s.link([input('crt1-command.o'), input('undefined.o')]), (e) => e.diagnostics[0].symbol === 'missing_function');
  const r = s.link([input('crt1-command.o'), input('hello.o')], { stripAll: true });
  assert.equal(runWasi(r.wasm).stdout, 'hello from weld-wasm\n');
  assert.equal(WebAssembly.Module.customSections(new WebAssembly.Module(r.wasm), 'name').length, 0);
  // A whole-archive library: its members are loaded though nothing refers to them.
  const greetLoaded = (wholeArchive) => {
    const l = new Linker();
    l.addLibrary('libgreet.a', bytes('libgreet.a'), { wholeArchive });
    l.addLibrary(LIBC, bytes(LIBC));
    const r = l.link([input('crt1-command.o'), input('hello.o')], { gcSections: false });
    l.free();
    return r.report.inputs.find((i) => i.name === 'libgreet.a(greet-v1.o)')?.loaded;
  };
  assert.equal(greetLoaded(false), false);
  assert.equal(greetLoaded(true), true);
  assert.throws(() => s.addLibrary('x.txt', new Uint8Array([1, 2, 3])), { name: 'TypeError' });
  s.free();
  other.free();
});
