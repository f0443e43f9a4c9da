// One module instance links a thousand malformed inputs (truncated, flipped, bloated,
// spliced objects and archives, made from real clang output by a seeded generator), then a
// good program: every bad link is an Error with diagnostics (never a crash), and afterwards
// the good link gives the same bytes as before with the heap and linear memory unchanged.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import test from 'node:test';
import { link, Linker, memoryUsage } from 'weld-wasm';
import { bytes, clangInputs, tempDir, BUILTINS, LIBC } from './helpers.mjs';
import { generator, malformedCase, MUTATIONS } from './mutants.mjs';

const COUNT = 1000;
const SEED = 0x5eed1234;

test(`${COUNT} malformed inputs in one module instance, then a good link with memory unchanged`, () => {
  const good = () => link(clangInputs(['calc.o', 'greet-v1.o'])).wasm;
  // The meter moves: a session holds its libraries until freed. (The first session leaves
  // one small block allocated for good, a one-time table, hence two rounds.)
  let empty;
  for (let round = 0; round < 2; round++) {
    empty = memoryUsage();
    const probe = new Linker();
    probe.addLibrary(LIBC, bytes(LIBC));
    assert.ok(memoryUsage().heapBytes >= empty.heapBytes + bytes(LIBC).length, 'heapBytes does not count a library held in wasm memory');
    probe.free();
  }
  assert.equal(memoryUsage().heapBytes, empty.heapBytes, 'freeing a session gives its memory back');

  const session = new Linker();
  session.addLibrary(LIBC, bytes(LIBC));
  session.addLibrary(BUILTINS, bytes(BUILTINS));

  // Warm up: one good link and one of each kind of failure, so that anything allocated once
  // for the life of the module (panic hook, lazily built tables) is already counted.
  const expected = good();
  const warm = generator(SEED ^ 1);
  for (let i = 0; i < 2 * Object.keys(MUTATIONS).length; i++) {
    const c = malformedCase(warm, i);
    try {
      c.viaLinker ? session.link(c.inputs, c.options) : link(c.inputs, c.options);
    } catch {}
  }
  good();
  const before = memoryUsage();

  const r = generator(SEED);
  const failures = [];
  const tally = { errors: 0, linked: 0, namedFile: 0 };
  for (let i = 0; i < COUNT; i++) {
    const c = malformedCase(r, i);
    try {
      const out = c.viaLinker ? session.link(c.inputs, c.options) : link(c.inputs, c.options);
      assert.deepEqual([...out.wasm.subarray(0, 4)], [0, 0x61, 0x73, 0x6d], 'a link that succeeds gives a wasm module');
      tally.linked++;
    } catch (e) {
      const problem = !(e instanceof Error)
        ? `threw a non-Error: ${e}`
        : /weld crashed/.test(e.message)
          ? `crashed: ${e.message}`
          : !Array.isArray(e.diagnostics) || e.diagnostics.length === 0
            ? `no diagnostics: ${e.message}`
            : !e.diagnostics.some((d) => d.severity === 'error' && d.message)
              ? `no error among the diagnostics: ${JSON.stringify(e.diagnostics)}`
              : null;
      if (problem) {
        failures.push({ ...c, problem });
        if (/weld crashed/.test(e.message)) break; // the session is gone with the reset
        continue;
      }
      tally.errors++;
      // A parse error carries a section or an offset, and then it must name the file too.
      const located = e.diagnostics.filter((d) => d.section != null || d.offset != null);
      if (located.some((d) => d.file !== c.name && !d.text.includes(c.name))) {
        failures.push({ ...c, problem: `a located diagnostic does not name ${c.name}: ${JSON.stringify(located)}` });
      }
      if (e.diagnostics.some((d) => d.file === c.name || d.text.includes(c.name))) tally.namedFile++;
    }
  }
  if (failures.length) {
    const dir = tempDir();
    for (const f of failures) writeFileSync(join(dir, f.name), f.mutated);
    assert.fail(`${failures.length} bad outcomes (inputs saved in ${dir}):\n` + failures.slice(0, 10).map((f) => `  ${f.name}: ${f.problem}`).join('\n'));
  }
  console.log(`hostile: ${tally.errors} errors (${tally.namedFile} naming the mutated file), ${tally.linked} links succeeded despite the damage`);
  assert.ok(tally.errors >= COUNT / 2, `only ${tally.errors} of ${COUNT} mutants were rejected: the mutations are too mild to test anything`);

  assert.deepEqual(good(), expected, 'the good link after the malformed ones gives other bytes');
  const after = memoryUsage();
  session.free();
  assert.equal(after.heapBytes, before.heapBytes, `the heap grew by ${after.heapBytes - before.heapBytes} bytes over ${COUNT} malformed links`);
  assert.equal(after.heapBlocks, before.heapBlocks, 'live heap blocks changed');
  assert.equal(after.memoryBytes, before.memoryBytes, 'linear memory grew');
  console.log(`hostile: heap ${before.heapBytes} bytes in ${before.heapBlocks} blocks before and after; linear memory ${before.memoryBytes} bytes`);
});
