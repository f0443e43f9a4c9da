// Failed links throw an Error with structured diagnostics; the module stays usable after
// errors and even after a crash.
import assert from 'node:assert/strict';
import test from 'node:test';
import { link, Linker, wasmLd, __crashForTesting } from 'weld-wasm';
import { clangInputs, input, runWasi } from './helpers.mjs';

test('an undefined symbol throws, with file and symbol in the diagnostics', () => {
  let err;
  try {
    link(clangInputs(['undefined.o']));
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, 'link did not throw');
  assert.match(err.message, /undefined\.o: undefined symbol: missing_function/);
  assert.ok(Array.isArray(err.diagnostics));
  const d = err.diagnostics.find((x) => x.symbol === 'missing_function');
  assert.ok(d, JSON.stringify(err.diagnostics));
  assert.equal(d.severity, 'error');
  assert.equal(d.file, 'undefined.o');
  assert.equal(d.message, 'undefined symbol: missing_function');
  assert.equal(d.text, 'error: undefined.o: undefined symbol: missing_function');
  for (const key of ['section', 'offset']) assert.ok(key in d, `diagnostic has no ${key}`);
});

test('allowUndefined turns it into an import; warnUnresolvedSymbols into a warning', () => {
  const { wasm } = link(clangInputs(['undefined.o']), { allowUndefined: true });
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(wasm));
  assert.ok(imports.some((i) => i.module === 'env' && i.name === 'missing_function' && i.kind === 'function'));
  const w = link(clangInputs(['undefined.o']), { warnUnresolvedSymbols: true });
  assert.equal(w.warnings.length, 1);
  assert.equal(w.warnings[0].severity, 'warning');
  assert.equal(w.warnings[0].symbol, 'missing_function');
  assert.equal(w.warnings[0].file, 'undefined.o');
});

test('bad inputs are diagnostics, not crashes', () => {
  const junk = { name: 'junk.o', bytes: new TextEncoder().encode('not an object file') };
  assert.throws(() => link([junk]), (e) => e.diagnostics?.[0]?.message.includes('unknown file type: junk.o'));
  const hello = input('hello.o').bytes;
  const truncated = { name: 'truncated.o', bytes: hello.subarray(0, hello.length - 40) };
  assert.throws(() => link([truncated], { noEntry: true }), (e) => {
    assert.ok(e.diagnostics.length >= 1);
    assert.equal(e.diagnostics[0].severity, 'error');
    assert.match(e.diagnostics[0].text, /truncated\.o/);
    return true;
  });
  const libc = input('libc.a').bytes;
  const badArchive = { name: 'bad.a', bytes: libc.subarray(0, 5000) };
  assert.throws(() => link([input('greet-v1.o'), badArchive], { noEntry: true }), (e) => e.diagnostics[0].file === 'bad.a' || /bad\.a/.test(e.message));
  assert.throws(() => new Linker().addLibrary('bad.a', libc.subarray(0, 5000)), /bad\.a/);
  assert.throws(() => link([], {}), (e) => /no input files/.test(e.message));
});

test('a detached or lying byte view is refused with a TypeError, and a Linker stays usable', () => {
  const libc = input('libc.a').bytes;
  // An Int16Array whose buffer was transferred away (detached), an ArrayBuffer transferred
  // away, and a DataView whose byteLength getter claims more than its buffer holds.
  const detached = new Int16Array(new ArrayBuffer(64));
  structuredClone(detached.buffer, { transfer: [detached.buffer] });
  const lying = new DataView(new ArrayBuffer(16));
  Object.defineProperty(lying, 'byteLength', { value: 1 << 30 });
  const buffer = new ArrayBuffer(32);
  structuredClone(buffer, { transfer: [buffer] });
  const session = new Linker();
  assert.throws(() => session.addLibrary('lying.a', lying), TypeError);
  assert.throws(() => session.addLibrary('detached.a', buffer), /not an archive/);
  assert.throws(() => link([{ name: 'lying.o', bytes: lying }]), TypeError);
  // The detached view reads as no bytes at all: an input of unknown type.
  assert.throws(() => link([{ name: 'detached.o', bytes: detached }]), /unknown file type: detached\.o/);
  session.addLibrary('libc.a', libc);
  assert.deepEqual(session.libraries, ['libc.a']);
});

test('the module stays usable after errors', () => {
  for (let i = 0; i < 3; i++) assert.throws(() => link(clangInputs(['undefined.o'])));
  const r = runWasi(link(clangInputs(['hello.o'])).wasm);
  assert.equal(r.stdout, 'hello from weld-wasm\n');
});

test('a crash throws and the module recovers (old Linker sessions are dropped)', () => {
  const session = new Linker();
  session.addLibrary('libc.a', input('libc.a').bytes);
  const original = console.error;
  console.error = () => {}; // the panic hook prints the panic message
  try {
    assert.throws(() => __crashForTesting(), /weld crashed/);
  } finally {
    console.error = original;
  }
  assert.throws(() => session.link([input('hello.o')]), /made before weld crashed/);
  const r = runWasi(link(clangInputs(['hello.o'])).wasm);
  assert.equal(r.stdout, 'hello from weld-wasm\n');
  assert.equal(wasmLd(['--version']).exitCode, 0);
});
