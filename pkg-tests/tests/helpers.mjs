// Shared by the pkg-tests: where the fixtures and tools are (set by pkg-tests/run), and
// running a linked module under node:wasi in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FIXTURES = must('WELD_FIXTURES');
/** The native CLI, target/release/weld. */
export const NATIVE = must('WELD_NATIVE');
/** The reference linker. */
export const WASM_LD = process.env.WASM_LD || 'wasm-ld-19';

function must(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run these tests through pkg-tests/run`);
  return v;
}

export const fixture = (name) => join(FIXTURES, name);
export const bytes = (name) => readFileSync(fixture(name));
/** `{ name, bytes }` for link(). */
export const input = (name) => ({ name, bytes: bytes(name) });

/** What calc.o with greet-v1.o prints. */
export const CALC_V1 = `calc v1
x = 3                  => 3
y = 4                  => 4
r = sqrt(x^2 + y^2)    => 5
a = (r - 1) * 2.5      => 10
b = -a / 4             => -2.5
x*y + r                => 17
b=-2.500 x=3.000 y=4.000 r=5.000 a=10.000
`;

export const LIBC = 'libc.a';
export const BUILTINS = 'libclang_rt.builtins-wasm32.a';

/** What clang-19 --target=wasm32-wasi passes to the linker for `clang objs... -o out`. */
export function clangArgs(objects, out) {
  return ['-m', 'wasm32', `-L${FIXTURES}`, fixture('crt1-command.o'), ...objects.map(fixture), '-lc', fixture(BUILTINS), '-o', out];
}

/** The inputs of that command line, for link(). */
export function clangInputs(objects) {
  return [input('crt1-command.o'), ...objects.map(input), input(LIBC), input(BUILTINS)];
}

export function tempDir() {
  return mkdtempSync(join(tmpdir(), 'weld-pkg-test-'));
}

/** Runs a WASI command module; returns { status, stdout, stderr }. */
export function runWasi(wasm, args = []) {
  const dir = tempDir();
  const file = join(dir, 'module.wasm');
  writeFileSync(file, wasm);
  const runner = new URL('./run-wasi.mjs', import.meta.url).pathname;
  const r = spawnSync(process.execPath, [runner, file, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a command; returns { status, stdout, stderr } (stdout as a Buffer when `binary`). */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: options.binary ? 'buffer' : 'utf8', cwd: options.cwd, shell: false });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: options.binary ? r.stderr.toString() : r.stderr };
}
