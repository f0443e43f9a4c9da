// Link times of the wasm build (the npm package in npm/) next to the native CLI and
// wasm-ld-19, on bench/run's inputs (cached in bench/work/: run bench/run once first).
//
//   node bench/js.mjs [--runs N] [--only sqlite-O0,sqlite-O2,synth,hello]
//
// Needs npm/pkg/ (scripts/build-npm) and target/release/weld (cargo build --release).
// Columns, each the median of N runs (after one warm-up run of each):
//   wasm-ld-19   the reference linker, a process per link
//   weld         the native CLI, a process per link
//   npm bin      npm/bin/weld.js (node + the wasm build), a process per link: includes
//                Node's start-up and compiling the .wasm
//   wasmLd()     the JS API in this process, reading the files through a callback
//   link()       the JS API in this process, inputs already in memory, with the report
//                (built and converted to JS objects; on by default)
//   no report    link() with { report: false }
//   Linker cold  a new Linker: addLibrary for the archives, then its first link (no report)
//   Linker warm  relinking in that session: libraries kept and prepared (no report)
// It also prints the .wasm size (raw, gzip), checks that every output is the same bytes, and
// compares the linker's own phase times (the report's `timings`, without process start-up,
// file I/O or building the report) of the native CLI and the wasm build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, 'bench/work');
const targetDir = process.env.CARGO_TARGET_DIR ?? 'target';
const native = targetDir.startsWith('/') ? join(targetDir, 'release/weld') : join(root, targetDir, 'release/weld');
const wasmLd19 = 'wasm-ld-19';
const pkgWasm = join(root, 'npm/pkg/weld_bg.wasm');

let runs = 5;
let only = ['hello', 'sqlite-O0', 'sqlite-O2', 'synth'];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--runs') runs = Number(argv[++i]);
  else if (a.startsWith('--runs=')) runs = Number(a.slice(7));
  else if (a === '--only') only = argv[++i].split(',');
  else if (a.startsWith('--only=')) only = a.slice(7).split(',');
  else if (a === '-h' || a === '--help') {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(2, 16).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  } else {
    console.error(`bench/js.mjs: unknown argument ${a}`);
    process.exit(2);
  }
}
if (!(runs >= 1)) throw new Error('--runs wants a positive number');
for (const [what, path, hint] of [
  ['the npm package build', pkgWasm, 'scripts/build-npm'],
  ['the native CLI', native, 'cargo build --release'],
]) {
  if (!existsSync(path)) {
    console.error(`bench/js.mjs: ${what} is missing (${path}): run ${hint}`);
    process.exit(1);
  }
}

const { link, wasmLd, Linker, version } = await import(join(root, 'npm/node.js'));

const sysroot = '/usr/lib/wasm32-wasi';
const builtins = '/usr/lib/llvm-19/lib/clang/19/lib/wasi/libclang_rt.builtins-wasm32.a';
const sqliteLibs = ['wasi-emulated-mman', 'wasi-emulated-getpid', 'wasi-emulated-signal', 'wasi-emulated-process-clocks'];

/** The objects and -l libraries of each benchmark, as bench/run links them. */
function benchmark(name) {
  if (name === 'hello') {
    const dir = mkdtempSync(join(tmpdir(), 'weld-bench-'));
    const src = join(root, 'examples/hello/hello.c');
    const obj = join(dir, 'hello.o');
    const r = spawnSync('clang-19', ['--target=wasm32-wasi', '-O2', '-c', src, '-o', obj], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('clang-19 failed on examples/hello/hello.c');
    return { objects: [obj], libs: [] };
  }
  if (name.startsWith('sqlite-')) {
    const dir = join(work, name);
    return { objects: [join(dir, 'sqlite3.o'), join(dir, 'sqlite-main.o')], libs: sqliteLibs };
  }
  if (name === 'synth') {
    const dir = join(work, 'synth');
    const list = readFileSync(join(dir, 'src/objects.txt'), 'utf8').split('\n').filter(Boolean);
    return { objects: [...list.map((f) => join(dir, 'obj', `${f}.c.o`)), join(dir, 'libsynth.a')], libs: [] };
  }
  throw new Error(`unknown benchmark ${name} (hello, sqlite-O0, sqlite-O2, synth)`);
}

/** clang-19's wasm-ld command line for the benchmark (scripts/wasm-link-args). */
function clangArgs(b, out) {
  const r = spawnSync(join(root, 'scripts/wasm-link-args'), [...b.objects, ...b.libs.map((l) => `-l${l}`), '-o', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`scripts/wasm-link-args failed: ${r.stderr}`);
  return r.stdout.split('\n').filter(Boolean);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median wall time of `runs` calls of f (after one warm-up), in ms; and f's last result. */
function time(f) {
  let result = f();
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = f();
    ts.push(performance.now() - t);
  }
  return { ms: median(ts), result };
}

function spawnLink(cmd, args, outPath) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  return readFileSync(outPath);
}

const readOrUndefined = (p) => {
  try {
    return readFileSync(p);
  } catch {
    return undefined;
  }
};

const wasmBytes = readFileSync(pkgWasm);
console.log(version());
console.log(`npm/pkg/weld_bg.wasm: ${wasmBytes.length} bytes, ${gzipSync(wasmBytes, { level: 9 }).length} gzipped`);
console.log(`node ${process.version}; median of ${runs} runs after a warm-up run\n`);

// Wasm code starts in V8's baseline tier and is optimised once hot, so the first links in a
// process are slower (the `npm bin` column shows that case): warm up before measuring.
{
  const t = performance.now();
  for (const name of only) {
    const b = benchmark(name);
    if (b.objects.some((f) => !existsSync(f))) continue;
    const inputs = [join(sysroot, 'crt1-command.o'), ...b.objects, ...b.libs.map((l) => join(sysroot, `lib${l}.a`)), join(sysroot, 'libc.a'), builtins].map((p) => ({ name: p, bytes: readFileSync(p) }));
    for (let i = 0; i < 3; i++) link(inputs, { output: 'warm-up.wasm', report: i === 0 });
  }
  console.log(`warm-up links: ${(performance.now() - t).toFixed(0)} ms\n`);
}

const cols = ['wasm-ld-19', 'weld', 'npm bin', 'wasmLd()', 'link()', 'no report', 'Linker cold', 'Linker warm'];
const rows = [];
for (const name of only) {
  const b = benchmark(name);
  const missing = b.objects.filter((f) => !existsSync(f));
  if (missing.length) {
    console.error(`bench/js.mjs: ${name}: ${missing[0]} is missing: run bench/run --only ${name} first`);
    process.exitCode = 1;
    continue;
  }
  const dir = mkdtempSync(join(tmpdir(), 'weld-bench-'));
  const out = join(dir, `${name}.wasm`);
  const args = clangArgs(b, out);
  const inBytes = b.objects.reduce((n, f) => n + statSync(f).size, 0);

  const ref = time(() => spawnLink([wasmLd19], args, out));
  const nat = time(() => spawnLink([native], args, out));
  const bin = time(() => spawnLink([process.execPath, join(root, 'npm/bin/weld.js')], args, out));
  const viaLd = time(() => {
    const r = wasmLd(args, readOrUndefined);
    if (r.exitCode !== 0) throw new Error(r.stderr);
    return r.outputs.get(out);
  });

  // The same inputs in memory, in command-line order, for link() and Linker.
  const libPaths = [...b.libs.map((l) => join(sysroot, `lib${l}.a`)), join(sysroot, 'libc.a'), builtins];
  const objects = [join(sysroot, 'crt1-command.o'), ...b.objects].map((p) => ({ name: p, bytes: readFileSync(p) }));
  const libraries = libPaths.map((p) => ({ name: p, bytes: readFileSync(p) }));
  // clang puts -l libraries where they appear: the -lwasi-emulated-* after the objects, then -lc.
  const viaLink = time(() => link([...objects, ...libraries], { output: out }).wasm);
  const noReport = time(() => link([...objects, ...libraries], { output: out, report: false }).wasm);
  let session;
  const cold = time(() => {
    session?.free();
    session = new Linker();
    for (const l of libraries) session.addLibrary(l.name, l.bytes);
    return session.link(objects, { output: out, report: false }).wasm;
  });
  const warm = time(() => session.link(objects, { output: out, report: false }).wasm);
  session.free();

  // The core's phase times: the native CLI's --report against link()'s report.
  const phases = (report) => report.timings.reduce((n, t) => n + t.ms, 0);
  const reportPath = join(dir, 'report.json');
  const nativePhases = time(() => {
    spawnLink([native], [...args, `--report=${reportPath}`], out);
    return phases(JSON.parse(readFileSync(reportPath, 'utf8')));
  });
  const wasmPhases = time(() => phases(link([...objects, ...libraries], { output: out }).report));
  const phaseRow = [nativePhases, wasmPhases].map((t) => t.result);

  const refBytes = ref.result;
  const same = [nat, bin, viaLd, viaLink, noReport, cold, warm].every((r) => Buffer.from(r.result).equals(refBytes));
  rows.push({ name, inputs: `${b.objects.length} files, ${(inBytes / 1048576).toFixed(1)} MiB`, ms: [ref, nat, bin, viaLd, viaLink, noReport, cold, warm].map((r) => r.ms), same, out: refBytes.length, phaseRow });
  rmSync(dir, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${'benchmark'.padEnd(10)} ${'inputs'.padEnd(20)} ${cols.map((c) => pad(c, 11)).join(' ')}  output, identical to wasm-ld-19?`);
for (const r of rows) {
  console.log(`${r.name.padEnd(10)} ${r.inputs.padEnd(20)} ${r.ms.map((m) => pad(`${m.toFixed(1)} ms`, 11)).join(' ')}  ${(r.out / 1048576).toFixed(2)} MiB, ${r.same ? 'all identical' : 'DIFFERENT'}`);
}
console.log(`\nlinker phases only (sum of the report's timings, last run): native vs wasm`);
for (const r of rows) {
  const [n, w] = r.phaseRow;
  console.log(`${r.name.padEnd(10)} native ${pad(n.toFixed(1), 7)} ms   wasm ${pad(w.toFixed(1), 7)} ms   wasm/native ${(w / n).toFixed(2)}`);
}
if (rows.some((r) => !r.same)) process.exitCode = 1;
