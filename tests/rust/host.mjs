// A JS host for the Rust fixtures of tests/rust.rs. Prints everything it observes on stdout,
// so two links of the same program can be compared by their output.
//
//   node host.mjs MODULE.wasm command [ARGS...]   run a command: WASI `_start` (wasip1), or
//                                                  `main(0, 0)` (wasm32-unknown-unknown)
//   node host.mjs MODULE.wasm report SEED...      call `run(SEED)` and print the text it left
//                                                  at `out_ptr()` (json_app, gen_tables)
//   node host.mjs MODULE.wasm exports             exercise the `exports` cdylib
//
// Imports: `wasi_snapshot_preview1` from node:wasi (when the module imports it) and
// `env.host_log`, which prints its arguments. Any other import is an error. A trap prints
// `trap: MESSAGE` and, at top level, exits 134.

import fs from 'node:fs';

const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' || warning?.name === 'ExperimentalWarning') return;
  return emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import('node:wasi');

const out = (line) => fs.writeSync(1, line + '\n');

async function load(path, args) {
  const module = await WebAssembly.compile(fs.readFileSync(path));
  const wasi = new WASI({ version: 'preview1', args: ['prog', ...args], env: {}, returnOnExit: true });
  const imports = {};
  let usesWasi = false;
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module === 'wasi_snapshot_preview1') {
      usesWasi = true;
      imports[imp.module] = wasi.wasiImport;
    } else if (imp.module === 'env' && imp.name === 'host_log' && imp.kind === 'function') {
      (imports.env ??= {}).host_log = (tag, value) => out(`host_log(${tag}, ${value})`);
    } else {
      throw new Error(`unexpected import ${imp.module}.${imp.name} (${imp.kind})`);
    }
  }
  const instance = await WebAssembly.instantiate(module, imports);
  return { instance, wasi, usesWasi, exports: instance.exports };
}

function call(exports, name, ...args) {
  try {
    return exports[name](...args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) return `trap: ${e.message}`;
    throw e;
  }
}

function readText(exports, len) {
  return Buffer.from(new Uint8Array(exports.memory.buffer, exports.out_ptr(), len)).toString('utf8');
}

async function main() {
  const [path, scenario, ...rest] = process.argv.slice(2);
  if (!path || !scenario) throw new Error('usage: node host.mjs MODULE.wasm command|report|exports [ARGS...]');
  const { instance, wasi, usesWasi, exports } = await load(path, scenario === 'command' ? rest : []);
  const names = WebAssembly.Module.exports(await WebAssembly.compile(fs.readFileSync(path))).map((e) => e.name);
  out(`exports: ${names.join(' ')}`);

  if (scenario === 'command') {
    if (typeof exports._start === 'function') return wasi.start(instance);
    out(`main(0, 0) = ${call(exports, 'main', 0, 0)}`);
    return 0;
  }
  if (usesWasi) wasi.initialize(instance);
  if (scenario === 'report') {
    for (const seed of rest.map(Number)) {
      const len = call(exports, 'run', seed);
      if (typeof len !== 'number') {
        out(`run(${seed}): ${len}`);
        continue;
      }
      out(`run(${seed}) = ${len} bytes:`);
      out(readText(exports, len));
    }
    return 0;
  }
  if (scenario === 'exports') {
    const x = exports;
    out(`add(2, 40) = ${x.add(2, 40)}; add(2147483647, 1) = ${x.add(2147483647, 1)}`);
    out(`mul_wide(3037000500, -3037000500) = ${x.mul_wide(3037000500n, -3037000500n)}`);
    out(`fib(10) = ${x.fib(10)}; fib(90) = ${x.fib(90)}; fib(200) = ${x.fib(200)}`);
    out(`geometry(3, 4) = ${x.geometry(3, 4)}`);
    out(`geometry(-1.5, 0.25) = ${x.geometry(-1.5, 0.25)}`);
    const bumps = [1, 2, 3, 10, 100].map((n) => x.bump(n));
    out(`bump: ${bumps.join(' ')}; history_sum = ${x.history_sum()}`);

    const text = Buffer.from('grüße, wasm linker! ǆ');
    const p = x.alloc(text.length);
    new Uint8Array(x.memory.buffer, p, text.length).set(text);
    const hash = x.shout(p, text.length);
    out(`shout -> ${hash >>> 0} "${Buffer.from(new Uint8Array(x.memory.buffer, p, text.length)).toString('utf8')}"`);
    x.dealloc(p, text.length);

    const nums = Array.from({ length: 101 }, (_, i) => (i * 2654435761) % 1000);
    const q = x.alloc(nums.length * 4);
    new Uint32Array(x.memory.buffer, q, nums.length).set(nums);
    const median = x.sort_desc(q, nums.length);
    const sorted = Array.from(new Uint32Array(x.memory.buffer, q, nums.length));
    out(`sort_desc: median ${median}, first ${sorted.slice(0, 5).join(',')}, last ${sorted.slice(-3).join(',')}`);
    x.dealloc(q, nums.length * 4);

    for (let op = 0; op < 6; op++) out(`fold(${op}, 7, 12) = ${x.fold(op, 7n, 12)}`);
    out(`checked_div(84, 2) = ${call(x, 'checked_div', 84, 2)}`);
    out(`checked_div(1, 0) = ${call(x, 'checked_div', 1, 0)}`);
    return 0;
  }
  throw new Error(`unknown scenario ${scenario}`);
}

let status;
try {
  status = await main();
} catch (e) {
  process.stderr.write(`host: ${e instanceof WebAssembly.RuntimeError ? 'trap' : 'error'}: ${e?.message ?? e}\n`);
  status = e instanceof WebAssembly.RuntimeError ? 134 : 1;
}
process.exitCode = status;
