// Runs a WebAssembly module under node:wasi (preview1) and exits with its exit code.
//
//   node run-wasi.mjs [--invoke NAME[:ARG,ARG...]]... MODULE.wasm [PROGRAM-ARGS...]
//
// Commands (modules exporting `_start`) are started with WASI; the program's stdout and
// stderr go straight to ours. Other modules (reactors, `--no-entry` libraries) get
// `_initialize` called if exported, then each `--invoke`d export, printing one line
// `NAME(ARGS) = RESULT` per call on stdout.
//
// Imports the module needs besides WASI are provided deterministically:
//   - an imported memory or table is created from the import's own limits;
//   - an imported function `MOD.NAME` is a stub that prints `import MOD.NAME(ARGS)` and
//     returns the sum of its (numeric) arguments (as the declared result type);
//   - an imported global gets the value 0.
// A trap or other uncaught error prints `run-wasi: trap: MESSAGE` on stderr and exits 134.

import fs from 'node:fs';
import { readImports } from './wasm-imports.mjs';

// node:wasi prints an ExperimentalWarning when loaded; filter it before the dynamic import.
const emitWarning = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' || warning?.name === 'ExperimentalWarning') return;
  return emitWarning.call(process, warning, ...rest);
};
const { WASI } = await import('node:wasi');

const TRAP_EXIT = 134;

function usage(message) {
  process.stderr.write(`run-wasi: ${message}\n` +
    'usage: node run-wasi.mjs [--invoke NAME[:ARG,...]]... MODULE.wasm [ARGS...]\n');
  process.exit(2);
}

function parseCommandLine(argv) {
  const invokes = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('--'); i++) {
    if (argv[i] === '--invoke' && i + 1 < argv.length) {
      const [name, args = ''] = argv[++i].split(':');
      invokes.push({ name, args: args === '' ? [] : args.split(',') });
    } else if (argv[i] === '--') {
      i++;
      break;
    } else {
      usage(`unknown option ${argv[i]}`);
    }
  }
  if (i >= argv.length) usage('missing module');
  return { invokes, module: argv[i], args: argv.slice(i + 1) };
}

// ---- import object ----

const I64 = 0x7e;

function stubImports(module, bytes, wasiImports) {
  const details = readImports(bytes);
  const imports = { wasi_snapshot_preview1: wasiImports };
  let memory;
  for (const imp of WebAssembly.Module.imports(module)) {
    if (imp.module === 'wasi_snapshot_preview1') continue;
    const key = `${imp.module}.${imp.name}`;
    const ns = (imports[imp.module] ??= {});
    const detail = details.get(key);
    if (imp.kind === 'function') {
      const returnsI64 = detail?.results[0] === I64;
      ns[imp.name] = (...args) => {
        fs.writeSync(1, `import ${key}(${args.join(', ')})\n`);
        if (returnsI64) return args.reduce((a, b) => a + BigInt(b), 0n);
        return args.reduce((a, b) => a + Number(b), 0);
      };
    } else if (imp.kind === 'memory') {
      memory = new WebAssembly.Memory(detail);
      ns[imp.name] = memory;
    } else if (imp.kind === 'table') {
      ns[imp.name] = new WebAssembly.Table({ element: 'anyfunc', ...detail });
    } else if (imp.kind === 'global') {
      ns[imp.name] = 0;
    }
  }
  return { imports, memory };
}

function formatResult(value) {
  if (value === undefined) return 'void';
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  return String(value);
}

function parseArg(text) {
  if (/^-?\d+n$/.test(text)) return BigInt(text.slice(0, -1));
  return Number(text);
}

async function main() {
  const { invokes, module: path, args } = parseCommandLine(process.argv.slice(2));
  const bytes = fs.readFileSync(path);
  const module = await WebAssembly.compile(bytes);
  const wasi = new WASI({ version: 'preview1', args: ['prog', ...args], env: {}, returnOnExit: true });
  const { imports, memory } = stubImports(module, bytes, wasi.wasiImport);
  const instance = await WebAssembly.instantiate(module, imports);
  const exports = instance.exports;

  // WASI binds to `exports.memory`; for an imported, unexported memory hand it a view of
  // the exports that includes the memory (node:wasi only looks at `instance.exports`).
  const wasiInstance = exports.memory instanceof WebAssembly.Memory || !memory
    ? instance
    : { exports: { ...exports, memory } };

  if (typeof exports._start === 'function') return wasi.start(wasiInstance);

  if (!(wasiInstance.exports.memory instanceof WebAssembly.Memory)) {
    // No memory at all (or an unexported own one): WASI calls cannot work, plain calls can.
    return invokeAll(exports, invokes);
  }
  wasi.initialize(wasiInstance); // calls `_initialize` if the module has one
  return invokeAll(exports, invokes);
}

function invokeAll(exports, invokes) {
  for (const { name, args } of invokes) {
    const fn = exports[name];
    if (typeof fn !== 'function') throw new Error(`no exported function '${name}'`);
    const result = fn(...args.map(parseArg));
    fs.writeSync(1, `${name}(${args.join(',')}) = ${formatResult(result)}\n`);
  }
  return 0;
}

let status;
try {
  status = await main();
} catch (e) {
  process.stderr.write(`run-wasi: trap: ${e?.message ?? e}\n`);
  status = TRAP_EXIT;
}
process.exitCode = status;
