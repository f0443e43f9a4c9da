// The package's `weld` command (npx weld) against the native CLI and wasmLd(): the same
// command line gives the same files, messages and exit code.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { wasmLd } from 'weld-wasm';
import { clangArgs, fixture, run, tempDir, NATIVE } from './helpers.mjs';

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

/** Runs the same args (with OUT standing for a fresh output directory) three ways. */
function threeWays(makeArgs, outNames) {
  const results = {};
  for (const how of ['native', 'npx', 'wasmLd']) {
    const dir = tempDir();
    const args = makeArgs(dir);
    let r;
    if (how === 'native') r = run(NATIVE, args);
    else if (how === 'npx') r = run(npx, ['--loglevel=error', '--no-install', 'weld', ...args]);
    else {
      const out = wasmLd(args, (p) => (existsSync(p) ? readFileSync(p) : undefined));
      r = { status: out.exitCode, stdout: out.stdout, stderr: out.stderr };
      for (const [path, bytes] of out.outputs) writeFileSync(path, bytes);
    }
    const files = {};
    for (const name of outNames) {
      const p = join(dir, name);
      files[name] = existsSync(p) ? readFileSync(p) : null;
    }
    // Paths differ between the runs only by the temp dir.
    const clean = (s) => s.split(dir).join('OUT');
    results[how] = { status: r.status, stdout: clean(r.stdout), stderr: clean(r.stderr), files };
  }
  return results;
}

function assertSame(results) {
  const { native } = results;
  for (const how of ['npx', 'wasmLd']) {
    const other = results[how];
    assert.equal(other.status, native.status, `${how}: exit code`);
    assert.equal(other.stdout, native.stdout, `${how}: stdout`);
    assert.equal(other.stderr, native.stderr, `${how}: stderr`);
    for (const [name, bytes] of Object.entries(native.files)) {
      if (bytes === null) assert.equal(other.files[name], null, `${how}: ${name} should not exist`);
      else assert.ok(other.files[name] && bytes.equals(other.files[name]), `${how}: ${name} differs from the native CLI's`);
    }
  }
}

test('clang\'s link line for hello: same module from npx weld, the native CLI and wasmLd', () => {
  const r = threeWays((dir) => clangArgs(['hello.o'], join(dir, 'hello.wasm')), ['hello.wasm']);
  assert.equal(r.native.status, 0, r.native.stderr);
  assert.ok(r.native.files['hello.wasm']?.length > 1000);
  assertSame(r);
});

test('a bigger program with -Map and --gc-sections output: same files and stdout', () => {
  const r = threeWays(
    (dir) => [...clangArgs(['calc.o', 'greet-v2.o'], join(dir, 'calc.wasm')), `-Map=${join(dir, 'calc.map')}`, '--print-gc-sections', '--strip-debug'],
    ['calc.wasm', 'calc.map'],
  );
  assert.equal(r.native.status, 0, r.native.stderr);
  assert.ok(r.native.files['calc.map']?.length > 0);
  assert.match(r.native.stdout, /removing unused section/);
  assertSame(r);
});

test('errors: same messages and exit code, no output written', () => {
  const undef = threeWays((dir) => clangArgs(['undefined.o'], join(dir, 'u.wasm')), ['u.wasm']);
  assert.equal(undef.native.status, 1);
  assert.equal(undef.native.stderr, 'weld: error: ' + fixture('undefined.o') + ': undefined symbol: missing_function\n');
  assertSame(undef);

  const missing = threeWays((dir) => ['nope.o', '--bogus', '-o', join(dir, 'x.wasm')], ['x.wasm']);
  assert.equal(missing.native.status, 1);
  assert.match(missing.native.stderr, /unknown argument: --bogus/);
  assert.match(missing.native.stderr, /cannot open nope\.o: No such file or directory/);
  assertSame(missing);
});

test('response files, -L/-l search and --version', () => {
  const r = threeWays((dir) => {
    const rsp = join(dir, 'args.rsp');
    writeFileSync(rsp, clangArgs(['hello.o'], join(dir, 'h.wasm')).map((a) => `"${a}"`).join('\n'));
    return [`@${rsp}`];
  }, ['h.wasm']);
  assert.equal(r.native.status, 0, r.native.stderr);
  assertSame(r);
  assertSame(threeWays(() => ['--version'], []));
});

test('wasmLd reads from a Map or an object, and returns outputs as a Map', () => {
  const files = new Map([
    ['/lib/crt1-command.o', readFileSync(fixture('crt1-command.o'))],
    ['/lib/libc.a', readFileSync(fixture('libc.a'))],
    ['/lib/rt.a', readFileSync(fixture('libclang_rt.builtins-wasm32.a'))],
    ['hello.o', readFileSync(fixture('hello.o'))],
  ]);
  const args = ['-L/lib', '/lib/crt1-command.o', 'hello.o', '-lc', '/lib/rt.a', '-o', 'out/hello.wasm', '-Map=hello.map'];
  const a = wasmLd(args, files);
  assert.equal(a.exitCode, 0, a.stderr);
  assert.ok(a.outputs instanceof Map);
  assert.deepEqual([...a.outputs.keys()], ['out/hello.wasm', 'hello.map']);
  const b = wasmLd(args, Object.fromEntries(files));
  assert.ok(Buffer.from(b.outputs.get('out/hello.wasm')).equals(Buffer.from(a.outputs.get('out/hello.wasm'))));
  const r = wasmLd([...args, '--report=report.json'], files);
  const report = JSON.parse(new TextDecoder().decode(r.outputs.get('report.json')));
  assert.equal(report.outputSize, a.outputs.get('out/hello.wasm').length);
  assert.ok(report.timings.length > 0, '--report has timings in the wasm build too');
  const c = wasmLd(['-lnosuch', 'hello.o', '-o', 'x'], files, 'wasm-ld');
  assert.equal(c.exitCode, 1);
  assert.equal(c.stderr, 'wasm-ld: error: unable to find library -lnosuch\n');
  assert.equal(c.outputs.size, 0);
});

test('an output that cannot be written: the native CLI\'s message, and nothing written', () => {
  for (const [what, extra] of [['map file', (dir) => [`-Map=${join(dir, 'no-such-dir', 'calc.map')}`]], ['output file', () => []]]) {
    const results = {};
    for (const how of ['native', 'npx']) {
      const dir = tempDir();
      const out = what === 'output file' ? join(dir, 'no-such-dir', 'calc.wasm') : join(dir, 'calc.wasm');
      const args = [...clangArgs(['calc.o', 'greet-v2.o'], out), ...extra(dir)];
      const r = how === 'native' ? run(NATIVE, args) : run(npx, ['--loglevel=error', '--no-install', 'weld', ...args]);
      results[how] = { status: r.status, stderr: r.stderr.split(dir).join('OUT'), wrote: existsSync(join(dir, 'calc.wasm')) };
    }
    assert.equal(results.native.status, 1, what);
    assert.match(results.native.stderr, new RegExp(`^weld: error: cannot open ${what} OUT/no-such-dir/calc\\.(map|wasm): No such file or directory\\n$`));
    assert.deepEqual(results.npx, results.native, what);
  }
});

test('wasmLd keeps one copy of each file it reads, and asks a callback once per read', () => {
  // In a fresh Node process, where the heap has held little: linking hello with an
  // archive of 24 MiB (one member, a wasm object whose custom section fills it; nothing
  // pulls it in) must take about the archive's size of heap at its peak, not twice that
  // (a cache of every file beside the driver's copy).
  const size = 24 << 20;
  const script = `
    import { readFileSync } from 'node:fs';
    const { wasmLd, memoryUsage } = await import(${JSON.stringify(import.meta.resolve('weld-wasm'))});
    const uleb = (n) => { const b = []; do { let x = n & 0x7f; n = Math.floor(n / 128); if (n) x |= 0x80; b.push(x); } while (n); return b; };
    const custom = (name, payload) => { const body = [...uleb(name.length), ...Buffer.from(name), ...payload]; return Buffer.from([0, ...uleb(body.length), ...body]); };
    const filler = Buffer.alloc(${size} - 4096, 0x5a);
    const head = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const linking = custom('linking', [2]);
    const name = 'filler';
    const fillerHeader = Buffer.from([0, ...uleb(1 + name.length + filler.length), name.length, ...Buffer.from(name)]);
    const member = Buffer.concat([head, linking, fillerHeader, filler]);
    const header = Buffer.from('filler.o/'.padEnd(16) + '0'.padEnd(12) + '0'.padEnd(6) + '0'.padEnd(6) + '644'.padEnd(8) + String(member.length).padEnd(10) + '\`\\n');
    const archive = Buffer.concat([Buffer.from('!<arch>\\n'), header, member, Buffer.alloc(member.length % 2)]); // (pad to even)
    const files = new Map([['hello.o', readFileSync(${JSON.stringify(fixture('hello.o'))})], ['/lib/libfiller.a', archive]]);
    const asked = new Map();
    const source = (p) => { asked.set(p, (asked.get(p) ?? 0) + 1); return files.get(p); };
    const args = ['hello.o', '-L/lib', '-lfiller', '--no-entry', '--allow-undefined', '-o', 'out.wasm'];
    const warm = wasmLd(args.filter((a) => a !== '-lfiller'), source);
    if (warm.exitCode !== 0) throw new Error(warm.stderr);
    const before = memoryUsage().peakHeapBytes;
    asked.clear();
    const r = wasmLd(args, source);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    const peak = memoryUsage().peakHeapBytes;
    const first = Object.fromEntries(asked);
    // The same file twice: handed over once, so asked for again (and both copies linked).
    asked.clear();
    const twice = wasmLd(['hello.o', 'hello.o', '--no-entry', '-o', 'twice.wasm'], source);
    console.log(JSON.stringify({ peak, before, archive: archive.length, asked: first, twice: { exitCode: twice.exitCode, stderr: twice.stderr, asked: Object.fromEntries(asked) } }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { peak, before, archive, asked, twice } = JSON.parse(r.stdout);
  assert.ok(archive >= size - 4096, `the archive is ${archive} bytes`);
  assert.ok(before < archive / 4, `the warm-up link's heap peaked at ${before} bytes`);
  assert.ok(peak >= archive, `the heap peaked at ${peak} bytes: the archive (${archive}) was not read into it?`);
  assert.ok(peak < archive * 1.5, `the heap peaked at ${peak} bytes for an archive of ${archive}: more than one copy`);
  // -lfiller: found by asking for /lib/libfiller.a, then read, with one call; its
  // libfiller.imports (undefined symbols the host provides) asked for once too.
  assert.deepEqual(asked, { 'hello.o': 1, '/lib/libfiller.a': 1, '/lib/libfiller.imports': 1 });
  assert.deepEqual(twice.asked, { 'hello.o': 2 });
  assert.equal(twice.exitCode, 1);
  assert.match(twice.stderr, /duplicate symbol: main/);
});
