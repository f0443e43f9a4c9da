// The report that link() always returns.
import assert from 'node:assert/strict';
import test from 'node:test';
import { link, whyLive } from 'weld-wasm';
import { clangInputs } from './helpers.mjs';

const { wasm, report } = link(clangInputs(['hello.o']), { output: 'hello.wasm' });

test('sections cover the whole output', () => {
  assert.equal(report.outputSize, wasm.length);
  const sum = report.sections.reduce((n, s) => n + s.size, 0);
  assert.equal(8 + sum, wasm.length, 'the 8-byte header plus every section');
  let offset = 8;
  for (const s of report.sections) {
    assert.equal(s.offset, offset, `section ${s.name} starts where the previous one ends`);
    assert.equal(wasm[s.offset], s.id, `section ${s.name} starts with its id`);
    offset += s.size;
  }
  const names = report.sections.map((s) => s.name);
  for (const n of ['TYPE', 'IMPORT', 'FUNCTION', 'CODE', 'DATA', 'name']) assert.ok(names.includes(n), `no ${n} section`);
});

test('symbols: where they come from, and why they are live', () => {
  const printf = report.symbols.find((s) => s.name === 'printf');
  assert.equal(printf.status, 'live');
  assert.equal(printf.definedIn, 'libc.a(printf.o)');
  assert.deepEqual(printf.referencedBy, ['hello.o']);
  const chain = whyLive(report, printf);
  assert.equal(chain.root, 'entry point');
  assert.deepEqual(chain.path.map((s) => s.demangled || s.name), ['main', '__main_void', '__original_main', '_start']);
  assert.equal(report.symbols[printf.liveBy].demangled, 'main', 'liveBy is the direct referrer');
  assert.equal(whyLive(report, report.symbols.indexOf(printf)).path.length, 4, 'an index works too');
  const main = report.symbols.find((s) => s.name === '__main_argc_argv');
  assert.equal(main.definedIn, 'hello.o');
  assert.equal(main.demangled, 'main');
  const start = report.symbols.find((s) => s.name === '_start');
  assert.equal(start.definedIn, 'crt1-command.o');
  assert.deepEqual(whyLive(report, start), { path: [], root: 'entry point' });
  assert.equal(start.liveBy, null);
  const removed = report.symbols.find((s) => s.status === 'removed');
  assert.deepEqual(whyLive(report, removed), { path: [], root: null });
  assert.ok(report.symbols.some((s) => s.status === 'removed'), 'GC removed nothing?');
});

test('inputs, archive pulls, imports, exports, memory, timings', () => {
  const member = report.inputs.find((i) => i.name === 'libc.a(printf.o)');
  assert.equal(member.kind, 'member');
  assert.equal(member.archive, 'libc.a');
  assert.equal(member.loaded, true);
  assert.deepEqual(member.pulledBy, { symbol: 'printf', referencedBy: 'hello.o' });
  assert.ok(report.inputs.some((i) => i.kind === 'member' && !i.loaded));
  const mod = new WebAssembly.Module(wasm);
  assert.deepEqual(report.imports.map((i) => `${i.module}.${i.name}`), WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`));
  assert.deepEqual(report.exports.map((e) => e.name), WebAssembly.Module.exports(mod).map((e) => e.name));
  assert.equal(report.memory.pageSize, 65536);
  assert.equal(report.memory.stackHigh - report.memory.stackLow, 65536);
  assert.ok(report.memory.heapBase >= report.memory.dataEnd);
  assert.ok(report.memory.segments.length > 0);
  assert.ok(report.functions.length > 10);
  assert.ok(report.timings.length > 0 && report.timings.every((t) => typeof t.phase === 'string' && t.ms >= 0));
  // JSON-compatible: nulls, not undefined
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});
