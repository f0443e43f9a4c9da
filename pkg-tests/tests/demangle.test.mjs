// demangle(): the package's demangler against llvm-cxxfilt-19, whose text wasm-ld writes
// into the name section: C++, Rust (legacy and v0), D, invalid and hostile names.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import test from 'node:test';
import { demangle } from 'weld-wasm';

const NAMES = [
  '_ZNK4llvm5APInt4sdivERKS0_',
  '_ZN3foo3barIiEEvT_',
  '_ZZ4mainENKUliE_clEi',
  '_Z4wideIlTnN8EnableIfIXgtstT_Li1EEiE4typeELi0EEiS1_',
  '_ZTv0_n12_N3Foo3bazEi',
  '_Z1fv.cold.1',
  '_ZN4core3fmt5write17h0123456789abcdefE',
  '_RNvCs1234_7mycrate3foo',
  '_RNvC1au30____7hkackfecea1cbdathfdh9hlq6y',
  '_RINvC1a1fKc1f600_EB2_',
  '_D4core2gc6config12__ModuleInfoZ',
  '_D2rt5trace13gtrace_initedi',
  '_Dmain',
  '__Z3foov',
  '_ZN3foo',
  '_RYRRB_B_',
  'printf',
  '',
];

function cxxfilt(names) {
  const r = spawnSync('llvm-cxxfilt-19', { input: names.join('\n') + '\n', encoding: 'utf8' });
  assert.equal(r.error, undefined, `cannot run llvm-cxxfilt-19: ${r.error} (apt-get install llvm-19)`);
  return r.stdout.split('\n').slice(0, names.length);
}

test('demangle() prints names as LLVM 19 does', () => {
  const llvm = cxxfilt(NAMES);
  for (const [i, name] of NAMES.entries()) {
    // llvm-cxxfilt does not retry without a leading underscore; llvm::demangle (wasm-ld) does.
    const want = name === '__Z3foov' ? 'foo()' : llvm[i];
    assert.equal(demangle(name), want, name);
  }
});

test('demangle() shows main as wasm-ld does, and wants a string', () => {
  assert.equal(demangle('__main_argc_argv'), 'main');
  assert.throws(() => demangle(42), TypeError);
  assert.throws(() => demangle(undefined), TypeError);
});

test('demangle() keeps hostile names bounded', () => {
  // Each parameter a template of the previous one twice: 2^40 characters in full.
  const sub = (i) => (i === 0 ? 'S_' : `S${(i - 1).toString(36).toUpperCase()}_`);
  let name = '_Z1f1a1bIS_S_E';
  for (let i = 2; i < 42; i++) name += `S0_I${sub(i)}${sub(i)}E`;
  assert.equal(demangle(name), name);
  const deep = '_Z1f' + 'P'.repeat(100000) + 'i';
  assert.equal(demangle(deep), deep);
});
