// Reproducibility across builds: the native CLI (target/release/weld) and the wasm build
// (wasmLd in this Node process) run the same command lines and must write the same bytes,
// print the same messages and exit with the same code: for a matrix of real links (debug
// info, build ids, maps, memory and table options, whole archives) and for a hundred of the
// malformed inputs of mutants.mjs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { wasmLd } from 'weld-wasm';
import { clangArgs, fixture, run, tempDir, BUILTINS, LIBC, NATIVE } from './helpers.mjs';
import { generator, malformedCase } from './mutants.mjs';

/** Runs `args` (written relative to `dir`) natively and through wasmLd; returns both outcomes. */
function bothBuilds(dir, args, outNames) {
  const read = (p) => {
    const path = p.startsWith('/') ? p : join(dir, p);
    return existsSync(path) ? readFileSync(path) : undefined;
  };
  for (const n of outNames) rmSync(join(dir, n), { force: true });
  const native = run(NATIVE, args, { cwd: dir });
  const nativeFiles = Object.fromEntries(outNames.map((n) => [n, read(n) ?? null]));
  const w = wasmLd(args, read);
  const wasmFiles = Object.fromEntries(outNames.map((n) => [n, w.outputs.has(n) ? Buffer.from(w.outputs.get(n)) : null]));
  return { native: { status: native.status, stdout: native.stdout, stderr: native.stderr, files: nativeFiles }, wasm: { status: w.exitCode, stdout: w.stdout, stderr: w.stderr, files: wasmFiles } };
}

function assertSameBuilds(label, { native, wasm }) {
  assert.equal(wasm.status, native.status, `${label}: exit code (native stderr: ${native.stderr})`);
  assert.equal(wasm.stdout, native.stdout, `${label}: stdout`);
  assert.equal(wasm.stderr, native.stderr, `${label}: stderr`);
  for (const [name, bytes] of Object.entries(native.files)) {
    if (bytes === null) assert.equal(wasm.files[name], null, `${label}: ${name} written by the wasm build only`);
    else assert.ok(wasm.files[name]?.equals(bytes), `${label}: ${name} differs between the native and the wasm build`);
  }
}

const LINKS = {
  'hello, clang defaults': [],
  'calc with DWARF': ['CALC_G'],
  'calc with DWARF, --strip-debug': ['CALC_G', '--strip-debug'],
  'calc, -Map and --print-gc-sections': ['-Map=out.map', '--print-gc-sections'],
  'calc, no GC, export all': ['--no-gc-sections', '--export-all'],
  'calc, --build-id=sha1': ['CALC_G', '--build-id=sha1'],
  'calc, --build-id (fast)': ['CALC_G', '--build-id'],
  'calc, --build-id=0x…': ['--build-id=0x0123456789abcdef'],
  'calc, memory and stack layout': ['--stack-first', '-z', 'stack-size=8192', '--global-base=16384', '--initial-memory=1048576', '--max-memory=2097152'],
  'calc, imported memory, exported growable table': ['--import-memory', '--export-table', '--growable-table', '--table-base=3'],
  'calc, -O0, unmerged data segments': ['-O0', '--no-merge-data-segments'],
  'calc, --strip-all and --wrap': ['--strip-all', '--wrap=greet'],
  'calc, tracing (-y, --trace)': ['-y', 'printf', '-y', 'greet', '--trace'],
  'calc with DWARF, relocatable (-r)': ['CALC_G', '-r'],
  'all of libc, whole archive, everything exported': ['WHOLE_LIBC'],
  'calc as a shared library (-shared)': ['SHARED'],
};

test('native and wasm builds write the same bytes for a matrix of links', () => {
  const dir = tempDir();
  for (const [label, extra] of Object.entries(LINKS)) {
    let args;
    if (extra[0] === 'WHOLE_LIBC') {
      args = ['--whole-archive', fixture(LIBC), '--no-whole-archive', fixture(BUILTINS), '--no-entry', '--export-all', '--allow-undefined', '-o', 'out.wasm'];
    } else if (extra[0] === 'SHARED') {
      args = ['--experimental-pic', '-shared', '--unresolved-symbols=import-dynamic', fixture('calc-pic.o'), fixture('greet-v1-pic.o'), '-o', 'out.wasm'];
    } else {
      const objects = label.startsWith('hello') ? ['hello.o'] : [extra[0] === 'CALC_G' ? 'calc-g.o' : 'calc.o', 'greet-v1.o'];
      args = [...clangArgs(objects, 'out.wasm'), ...extra.filter((a) => a !== 'CALC_G')];
    }
    const r = bothBuilds(dir, args, ['out.wasm', 'out.map']);
    assert.equal(r.native.status, 0, `${label}: ${r.native.stderr}`);
    assert.ok(r.native.files['out.wasm']?.length > 0, `${label}: no output`);
    assertSameBuilds(label, r);
  }
});

test('native and wasm builds give the same diagnostics for malformed inputs', () => {
  const r = generator(0x0bad5eed);
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  let failed = 0;
  for (let i = 0; i < 100; i++) {
    const c = malformedCase(r, i);
    const files = c.inputs.map((f) => {
      writeFileSync(join(dir, 'in', f.name), f.bytes);
      return `in/${f.name}`;
    });
    const o = c.options;
    const flags = [
      ...(c.viaLinker ? [fixture(LIBC), fixture(BUILTINS)] : []),
      ...(o.noEntry ? ['--no-entry'] : []),
      ...(o.gcSections === false ? ['--no-gc-sections'] : []),
      ...(o.exportAll ? ['--export-all'] : []),
      ...(o.allowUndefined ? ['--allow-undefined'] : []),
    ];
    const both = bothBuilds(dir, [...files, ...flags, '-o', 'out.wasm'], ['out.wasm']);
    if (both.native.status !== 0) failed++;
    assertSameBuilds(c.name, both);
  }
  assert.ok(failed >= 50, `only ${failed} of 100 mutants failed to link`);
});
