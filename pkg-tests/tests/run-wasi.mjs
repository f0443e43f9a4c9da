// Run a WASI (preview1) command module under node:wasi (a copy of examples/run-wasi.mjs).
//
//   node run-wasi.mjs [--dir=HOST_DIR]... module.wasm [args...]
//
// --dir preopens a host directory under the same name. The module's exit code becomes
// this process's exit code. Node's "WASI is experimental" warning is suppressed; other
// warnings are printed as usual.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type ?? warning?.name;
  if (type === 'ExperimentalWarning' && /WASI/.test(String(warning?.message ?? warning))) return;
  return emitWarning.call(this, warning, ...rest);
};
// Imported after the patch above, since the warning may be emitted when it loads.
const { WASI } = await import('node:wasi');

const argv = process.argv.slice(2);
const preopens = {};
while (argv.length && argv[0].startsWith('--dir=')) {
  const dir = argv.shift().slice('--dir='.length);
  preopens[dir] = dir;
}
if (argv.length === 0) {
  console.error('usage: node run-wasi.mjs [--dir=DIR]... module.wasm [args...]');
  process.exit(2);
}
const [file, ...args] = argv;

const wasi = new WASI({
  version: 'preview1',
  args: [basename(file), ...args],
  env: {},
  preopens,
  returnOnExit: true,
});
const module = await WebAssembly.compile(await readFile(file));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
process.exitCode = wasi.start(instance);
