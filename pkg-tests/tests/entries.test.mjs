// The package's other ways in: the browser entry (init() first), a worker thread, a
// bundle made by esbuild for browsers, and the package.json exports.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { Worker } from 'node:worker_threads';
import { fixture, run, tempDir } from './helpers.mjs';

const require = createRequire(import.meta.url);
const wasmPath = require.resolve('weld-wasm/weld_bg.wasm');

// The browser entry, imported by path: in Node the exports map picks the Node entry.
const browserEntry = join(dirname(require.resolve('weld-wasm/package.json')), 'browser.js');
const probe = `
  const m = await import(${JSON.stringify(browserEntry)});
  const { readFileSync } = await import('node:fs');
  let before = 'no error';
  try { m.link([]); } catch (e) { before = e.message; }
  await m.init(readFileSync(${JSON.stringify(wasmPath)}));
  const r = m.link([{ name: 'g.o', bytes: readFileSync(${JSON.stringify(fixture('greet-v1.o'))}) }], { noEntry: true, exports: ['greeting'] });
  console.log(JSON.stringify({ before, size: r.wasm.length, version: m.version() }));
`;

test('the browser entry needs init(), then works', () => {
  const r = run(process.execPath, ['--input-type=module', '-e', probe]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.match(out.before, /call `await init\(\)` first/);
  assert.ok(out.size > 100);
  assert.match(out.version, /^weld /);
});

test('the Node entry works in a worker thread', async () => {
  const code = `
    import { parentPort } from 'node:worker_threads';
    import { link } from 'weld-wasm';
    import { readFileSync, writeFileSync } from 'node:fs';
    const r = link([{ name: 'g.o', bytes: readFileSync(${JSON.stringify(fixture('greet-v1.o'))}) }], { noEntry: true });
    parentPort.postMessage(r.wasm, [r.wasm.buffer]);
  `;
  // The worker resolves 'weld-wasm' from this project: write it here, not in /tmp.
  const local = new URL('./worker.tmp.mjs', import.meta.url);
  writeFileSync(local, code);
  const wasm = await new Promise((resolve, reject) => {
    const w = new Worker(local);
    w.once('message', resolve);
    w.once('error', reject);
  });
  assert.ok(WebAssembly.validate(wasm));
});

test('esbuild bundles the browser entry without Node built-ins', async () => {
  const dir = tempDir();
  const entry = new URL('./bundle-entry.tmp.mjs', import.meta.url).pathname;
  writeFileSync(entry, `export { init, link, Linker, wasmLd, version } from 'weld-wasm';\n`);
  const out = join(dir, 'bundle.mjs');
  const esbuild = await import('esbuild');
  await esbuild.build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', outfile: out, logLevel: 'error' });
  const text = readFileSync(out, 'utf8');
  assert.ok(!/node:fs|readFileSync/.test(text), 'the browser bundle pulled in the Node entry');
  assert.match(text, /weld_bg\.wasm/, 'the bundle should locate weld_bg.wasm with new URL(..., import.meta.url)');
  // The bundle runs once given the wasm bytes.
  const probeBundle = `
    const m = await import(${JSON.stringify(out)});
    await m.init((await import('node:fs')).readFileSync(${JSON.stringify(wasmPath)}));
    console.log(m.version());
  `;
  const p = run(process.execPath, ['--input-type=module', '-e', probeBundle]);
  assert.equal(p.status, 0, p.stderr);
  assert.match(p.stdout, /^weld /);
});

test('package.json: exports conditions, bin, and no stray files', () => {
  const pkg = JSON.parse(readFileSync(require.resolve('weld-wasm/package.json'), 'utf8'));
  assert.equal(pkg.type, 'module');
  assert.deepEqual(Object.keys(pkg.exports['.']), ['types', 'node', 'browser', 'default']);
  assert.equal(pkg.bin.weld, 'bin/weld.js');
  assert.ok(readFileSync(wasmPath).length > 100000);
});
