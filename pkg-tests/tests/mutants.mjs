// Malformed linker inputs made from real clang output by a seeded generator: truncated,
// bit-flipped, bloated, spliced and zeroed objects and archives. Used by hostile.test.mjs
// (one module instance links a thousand) and reproducible.test.mjs (native CLI and wasm
// build give the same diagnostics for them).
import { bytes, input } from './helpers.mjs';

/** mulberry32: a small seeded generator, so a failure names an input that can be rebuilt. */
export function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { below, pick: (list) => list[below(list.length)] };
}

/** The ways an input is broken; each takes the original bytes and returns new ones. */
export const MUTATIONS = {
  truncate(r, b) {
    return b.slice(0, r.below(b.length));
  },
  flipBytes(r, b) {
    const out = b.slice();
    for (let n = 1 + r.below(8); n > 0; n--) out[r.below(out.length)] ^= 1 << r.below(8);
    return out;
  },
  absurdLeb(r, b) {
    // A count, index, size or offset becomes 2^32-1 (or 2^31 for signed readers).
    const out = b.slice();
    const at = 8 + r.below(out.length - 13);
    out.set(r.pick([[0xff, 0xff, 0xff, 0xff, 0x0f], [0x80, 0x80, 0x80, 0x80, 0x08], [0xff, 0xff, 0xff, 0xff, 0x7f]]), at);
    return out;
  },
  insertGarbage(r, b) {
    const at = r.below(b.length);
    const junk = Uint8Array.from({ length: 1 + r.below(64) }, () => r.below(256));
    return concat(b.subarray(0, at), junk, b.subarray(at));
  },
  duplicateRange(r, b) {
    const from = r.below(b.length);
    const len = 1 + r.below(Math.min(512, b.length - from));
    const at = r.below(b.length);
    return concat(b.subarray(0, at), b.subarray(from, from + len), b.subarray(at));
  },
  zeroRange(r, b) {
    const out = b.slice();
    const from = r.below(out.length);
    out.fill(0, from, from + 1 + r.below(256));
    return out;
  },
  archiveHeader(r, b) {
    // Members' size and name fields: digits become other digits, spaces or letters.
    const out = b.slice();
    const field = r.pick([[48, 10], [0, 16]]); // [offset in the 60-byte header, length]
    const header = 8 + 60 * r.below(2);
    for (let i = 0; i < field[1]; i++) if (r.below(3) === 0) out[header + field[0] + i] = r.pick([0x20, 0x39, 0x30, 0x2f, 0x41, 0x2d]);
    return out;
  },
};

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const OBJECTS = ['hello.o', 'calc.o', 'calc-g.o', 'greet-v1.o', 'greet-v2.o', 'crt1-command.o'];

/** The i-th malformed link: which inputs, which options, and through which API. */
export function malformedCase(r, i) {
  const archive = i % 10 === 9;
  const source = archive ? 'libgreet.a' : r.pick(OBJECTS);
  const kinds = Object.keys(MUTATIONS).filter((k) => archive || k !== 'archiveHeader');
  const kind = kinds[i % kinds.length];
  const name = `mutant-${i}-${kind}-${source}`;
  const mutated = MUTATIONS[kind](r, new Uint8Array(bytes(source)));
  const options = r.pick([{ noEntry: true }, { noEntry: true, gcSections: false, exportAll: true }, {}, { noEntry: true, report: false, allowUndefined: true }]);
  // Every fourth object link is a whole C program around the mutant, through a Linker that
  // holds libc, so archive extraction and relocation see it too.
  const viaLinker = !archive && i % 4 === 1;
  const inputs = archive ? [input('calc.o'), { name, bytes: mutated }] : viaLinker ? [input('crt1-command.o'), { name, bytes: mutated }] : [{ name, bytes: mutated }];
  return { name, kind, mutated, options: viaLinker ? {} : options, inputs, viaLinker };
}
