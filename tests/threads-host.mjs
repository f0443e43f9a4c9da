// Host for tests/threads.rs: runs a linked module in one of these modes and prints one
// deterministic report on stdout, so that wasm-ld's and weld's outputs can be compared line
// by line. Every check the host makes itself prints `FAIL: ...` and makes it exit with 1.
//
//   node [--experimental-wasm-memory64] threads-host.mjs threads MODULE [--workers N] [--iters K]
//   node [--experimental-wasm-memory64] threads-host.mjs memory64 MODULE
//   node threads-host.mjs eh MODULE
//
// threads: the module is the program of tests/threads/{tls_counters,tls_more,shared}.c.
//   If it imports its (shared) memory, the host creates that memory, starts N worker_threads
//   and instantiates the module in each of them and in the main thread, all on the same
//   memory (racing through __wasm_init_memory, whose flag protocol must let exactly one
//   instance initialise memory). Each thread gets its own stack (from the heap, set through
//   the exported __stack_pointer) and its own TLS block (from the heap, filled with garbage,
//   then __wasm_init_tls(block)), checks its fresh thread-locals, and runs thread_work,
//   which increments thread-locals, an atomic counter and a lock-protected counter. The
//   instance that initialised memory keeps the static TLS block __wasm_init_memory set up.
//   Before instantiation the host fills the shared bss array with garbage: memory.fill in
//   __wasm_init_memory must clear it.
//   If the module defines its memory, the main thread alone runs the same checks.
// memory64: calls the exports of tests/threads/memory64.c (pointers are BigInts).
// eh: calls the exports of tests/threads/eh_*.s: tags thrown and caught across objects,
//   exceptions reaching JS, externref and funcref tables.

import fs from 'node:fs';
import { readImports } from './wasm-imports.mjs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const STACK_SIZE = 16 * 1024;
const TIMEOUT_MS = 30_000;
const failures = [];

function fail(message) {
  failures.push(message);
  console.log(`FAIL: ${message}`);
}

function check(condition, message) {
  if (!condition) fail(message);
  return condition;
}

function finish() {
  console.log(failures.length === 0 ? 'threads-host: ok' : `threads-host: ${failures.length} failure(s)`);
  process.exit(failures.length === 0 ? 0 : 1);
}

// ---- the memory import's limits, which the JS API does not tell ----

const memoryImport = (bytes) => [...readImports(bytes).values()].find((i) => i.kind === 'memory') ?? null;

function makeMemory(limits) {
  const descriptor = { initial: limits.initial, shared: limits.shared };
  if (limits.maximum !== undefined) descriptor.maximum = limits.maximum;
  if (limits.is64) descriptor.index = 'i64';
  return new WebAssembly.Memory(descriptor);
}

const describeLimits = (l) =>
  `initial=${l.initial} max=${l.maximum ?? 'none'}${l.shared ? ' shared' : ''}${l.is64 ? ' i64' : ''}`;

const TLS_NAMES = ['counter', 'acc', 'tag', 'scale', 'zero_block', 'name', 'small'];

// thread_work's checksum for a thread: counter + acc + (long long)scale + zero_block.
const expectedChecksum = (id, iters) => (7 + iters) + iters * id + Math.trunc(1.5 + iters) + iters;

// ---- a thread's setup, in a worker or in the main thread ----

// Gives the instance its stack and TLS block (unless it initialised memory, in which case
// it keeps the static block) and reports what the thread sees before any work.
function setUpThread(exports, memory, plan, initialised) {
  const P = plan.is64 ? BigInt : Number;
  if (plan.stackTop !== undefined) exports.__stack_pointer.value = P(plan.stackTop);
  let ownBlock = false;
  if (!initialised && plan.tls !== undefined) {
    new Uint8Array(memory.buffer).fill(0x5a, plan.tls, plan.tls + plan.tlsSize);
    exports.__wasm_init_tls(P(plan.tls));
    ownBlock = true;
  }
  const base = Number(exports.tls_base());
  return {
    id: plan.id,
    initialised,
    ownBlock,
    base,
    baseOk: ownBlock ? base === plan.tls : base !== 0,
    fresh: exports.check_fresh_tls(),
    offsets: TLS_NAMES.map((_, i) => Number(exports.tls_offset(i))),
    sharedInit: exports.check_shared_init(),
  };
}

function reportThread(r, done, iters) {
  const want = expectedChecksum(r.id, iters);
  check(r.fresh === 0, `thread ${r.id}: fresh thread-locals wrong (check_fresh_tls = ${r.fresh})`);
  check(r.baseOk, `thread ${r.id}: __tls_base is ${r.base}, not the block it was given`);
  check(r.sharedInit === 0, `thread ${r.id}: data/bss wrong (check_shared_init = ${r.sharedInit})`);
  check(done.checksum === want, `thread ${r.id}: checksum ${done.checksum}, expected ${want}`);
  check(done.stackRestored, `thread ${r.id}: __stack_pointer not restored after thread_work`);
  const ok = r.fresh === 0 && r.baseOk && done.checksum === want ? 'ok' : 'WRONG';
  console.log(`thread ${r.id}: thread-locals fresh, checksum ${done.checksum}: ${ok}`);
}

// ---- threads mode ----

async function threadsMain(file, workers, iters) {
  const bytes = fs.readFileSync(file);
  const module = await WebAssembly.compile(bytes);
  const limits = memoryImport(bytes);
  if (!limits) return singleThread(module, iters);
  check(limits.shared, 'the imported memory is not shared');
  const is64 = limits.is64;
  const P = is64 ? BigInt : Number;
  console.log(`memory: imported, ${describeLimits(limits)}`);

  // A probe instance on a memory of its own tells the layout.
  const probe = (await WebAssembly.instantiate(module, { env: { memory: makeMemory(limits) } })).exports;
  const tlsSize = Number(probe.tls_size());
  const tlsAlign = Number(probe.tls_align());
  check(Number(probe.__tls_size.value) === tlsSize, '__tls_size export disagrees with __builtin_wasm_tls_size');
  check(Number(probe.__tls_align.value) === tlsAlign, '__tls_align export disagrees with __builtin_wasm_tls_align');
  console.log(`tls: size=${tlsSize} align=${tlsAlign}`);
  const zeros = Number(probe.zeros_addr());

  // Stacks and TLS blocks for the main thread (0) and the workers (1..N), from the heap.
  const memory = makeMemory(limits);
  const align = (n, a) => Math.ceil(n / a) * a;
  let cursor = Number(probe.__heap_base.value);
  const plans = [];
  for (let id = 0; id <= workers; id++) {
    const tls = align(cursor, Math.max(tlsAlign, 16));
    const stackTop = align(tls + tlsSize, 16) + STACK_SIZE;
    plans.push({ id, is64, tls, tlsSize, stackTop: id === 0 ? undefined : stackTop, iters });
    cursor = stackTop;
  }
  const needed = Math.ceil(cursor / 65536) - memory.buffer.byteLength / 65536;
  if (needed > 0) memory.grow(needed);
  new Uint8Array(memory.buffer).fill(0xa5, zeros, zeros + 5000);

  const timer = setTimeout(() => { fail(`no result after ${TIMEOUT_MS} ms`); finish(); }, TIMEOUT_MS);
  const ready = new Map();
  const done = new Map();
  let readyAll, doneAll;
  const allReady = new Promise((resolve) => { readyAll = resolve; });
  const allDone = new Promise((resolve) => { doneAll = resolve; });
  const threads = [];
  let finished = 0;
  for (let id = 1; id <= workers; id++) {
    const worker = new Worker(new URL(import.meta.url), { workerData: { module, memory, plan: plans[id] } });
    worker.on('message', (m) => {
      if (m.type === 'ready') { ready.set(m.report.id, m.report); if (ready.size === workers) readyAll(); }
      if (m.type === 'done') { done.set(m.id, m); if (++finished === workers) doneAll(); }
      if (m.type === 'error') { fail(`worker ${id}: ${m.message}`); finish(); }
    });
    worker.on('error', (e) => { fail(`worker ${id}: ${e.message}`); finish(); });
    threads.push(worker);
  }

  // The main thread instantiates while the workers do.
  const main = (await WebAssembly.instantiate(module, { env: { memory } })).exports;
  const mainInitialised = Number(main.tls_base()) !== 0;
  if (workers > 0) await allReady;
  const mainReport = setUpThread(main, memory, plans[0], mainInitialised);
  ready.set(0, mainReport);

  const reports = [...ready.values()].sort((a, b) => a.id - b.id);
  const initialisers = reports.filter((r) => r.initialised).length;
  check(initialisers === 1, `${initialisers} instances initialised memory, expected exactly 1`);
  console.log(`memory initialised by exactly one of ${workers + 1} instances: ${initialisers === 1 ? 'yes' : 'no'}`);
  const offsets = reports[0].offsets;
  for (const r of reports) {
    check(r.offsets.join() === offsets.join(), `thread ${r.id}: TLS offsets ${r.offsets} differ from thread 0's ${offsets}`);
    check(r.offsets.every((o) => o >= 0 && o < tlsSize), `thread ${r.id}: a TLS offset is outside the block`);
  }
  const bases = new Set(reports.map((r) => r.base));
  check(bases.size === reports.length, 'two threads share a TLS block');
  console.log(`tls offsets: ${TLS_NAMES.map((n, i) => `${n}=${offsets[i]}`).join(' ')}`);
  console.log(`threads: main + ${workers} workers, ${iters} iterations each`);

  main.release();
  const mainSp = main.__stack_pointer.value;
  const mainChecksum = main.thread_work(0, iters);
  done.set(0, { id: 0, checksum: mainChecksum, stackRestored: main.__stack_pointer.value === mainSp });
  if (workers > 0) await allDone;
  clearTimeout(timer);
  for (const r of reports) reportThread(r, done.get(r.id), iters);

  const total = (workers + 1) * iters;
  const atomic = main.shared_atomic_total();
  const locked = main.shared_locked_total();
  check(atomic === total, `atomic counter ${atomic}, expected ${total}`);
  check(locked === total, `lock-protected counter ${locked}, expected ${total}`);
  console.log(`shared: atomic=${atomic} locked=${locked} (expected ${total})`);
  await Promise.all(threads.map((t) => t.terminate()));
  finish();
}

// A module that defines its memory: the main thread alone.
async function singleThread(module, iters) {
  const { exports } = await WebAssembly.instantiate(module, {});
  const memory = exports.memory;
  console.log(`memory: defined${memory.buffer instanceof SharedArrayBuffer ? ', shared' : ''}`);
  if (exports.tls_size) console.log(`tls: size=${Number(exports.tls_size())} align=${Number(exports.tls_align())}`);
  const report = setUpThread(exports, memory, { id: 0, is64: false }, true);
  console.log(`tls offsets: ${TLS_NAMES.map((n, i) => `${n}=${report.offsets[i]}`).join(' ')}`);
  exports.release();
  const sp = exports.__stack_pointer?.value;
  const checksum = exports.thread_work(0, iters);
  reportThread(report, { checksum, stackRestored: sp === undefined || exports.__stack_pointer.value === sp }, iters);
  const atomic = exports.shared_atomic_total();
  const locked = exports.shared_locked_total();
  check(atomic === iters && locked === iters, `counters ${atomic}/${locked}, expected ${iters}`);
  console.log(`shared: atomic=${atomic} locked=${locked} (expected ${iters})`);
  finish();
}

async function threadsWorker() {
  const { module, memory, plan } = workerData;
  const { exports } = await WebAssembly.instantiate(module, { env: { memory } });
  const initialised = Number(exports.tls_base()) !== 0;
  const report = setUpThread(exports, memory, plan, initialised);
  parentPort.postMessage({ type: 'ready', report });
  const checksum = exports.thread_work(plan.id, plan.iters);
  const stackRestored = Number(exports.__stack_pointer.value) === plan.stackTop;
  parentPort.postMessage({ type: 'done', id: plan.id, checksum, stackRestored });
}

// ---- memory64 mode ----

async function memory64Main(file) {
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(file), {});
  const e = instance.exports;
  const show = (name, value, want) => {
    check(value === want, `${name} = ${value}, expected ${want}`);
    console.log(`${name} = ${value}`);
  };
  show('ptr_size()', e.ptr_size(), 8n);
  show('sum_list()', e.sum_list(), 60n);
  show('deref(0)', e.deref(0), 3n);
  show('deref(1)', e.deref(1), 8n);
  show('touch_big(5)', e.touch_big(5), 5 + 'memory64'.charCodeAt(5));
  show('stack_sum(100)', e.stack_sum(100), 5050n);
  show('message_char(6)', e.message_char(6), '6'.charCodeAt(0));
  const big = e.addr_of_big();
  check(typeof big === 'bigint' && big > 1024n, `addr_of_big() = ${big}`);
  check(e.__heap_base.value > big, '__heap_base is below the end of big[]');
  console.log(`addr_of_big() is an i64 below __heap_base: yes`);
  console.log(`memory: ${e.memory.buffer.byteLength / 65536} pages`);
  finish();
}

// ---- eh mode ----

async function ehMain(file) {
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(file), {});
  const e = instance.exports;
  const outcome = (f) => {
    try {
      return `returns ${f()}`;
    } catch (x) {
      if (!(x instanceof WebAssembly.Exception)) return `error ${x}`;
      if (e.err_code && x.is(e.err_code)) return `throws err_code(${x.getArg(e.err_code, 0)})`;
      if (e.err_pair && x.is(e.err_pair)) return `throws err_pair(${x.getArg(e.err_pair, 0)}, ${x.getArg(e.err_pair, 1)})`;
      return 'throws another tag';
    }
  };
  const show = (name, f, want) => {
    const got = outcome(f);
    check(got === want, `${name} ${got}, expected ${want}`);
    console.log(`${name} ${got}`);
  };
  check(e.err_code instanceof WebAssembly.Tag, 'err_code is not exported as a WebAssembly.Tag');
  show('catch_code(5)', () => e.catch_code(5), 'returns 1005');
  show('catch_pair(3, 10)', () => e.catch_pair(3, 10n), 'returns 13');
  show('raise(42)', () => e.raise(42), 'throws err_code(42)');
  show('raise_pair(1, 2)', () => e.raise_pair(1, 2n), 'throws err_pair(1, 2)');
  show('relay(9)', () => e.relay(9), 'throws err_code(9)');
  show('local_roundtrip(1)', () => e.local_roundtrip(1), 'returns 8');
  show('grow_handles(4)', () => e.grow_handles(4), 'returns 0');
  show('handles_size()', () => e.handles_size(), 'returns 4');
  const object = { answer: 42 };
  e.store_handle(2, object);
  check(e.load_handle(2) === object && e.handles.get(2) === object, 'externref table lost the object');
  check(e.load_handle(1) === null, 'a fresh externref slot is not null');
  console.log('externref table keeps host objects: yes');
  e.setup_callbacks();
  show('call_callback(0, 21)', () => e.call_callback(0, 21), 'returns 42');
  show('call_callback(1, 4)', () => e.call_callback(1, 4), 'returns 12');
  show('call_callback(1, 5)', () => e.call_callback(1, 5), 'throws err_code(5)');
  show('catch_callback(1, 5)', () => e.catch_callback(1, 5), 'returns 1005');
  show('call_pointer(1, 10)', () => e.call_pointer(1, 10), 'returns 20');
  show('call_pointer(0, 3)', () => e.call_pointer(0, 3), 'throws err_code(3)');
  check(e.callbacks.length === 2, `callbacks table has ${e.callbacks.length} slots`);
  console.log(`callbacks table: ${e.callbacks.length} slots`);
  finish();
}

// ---- entry ----

if (isMainThread) {
  const [mode, file, ...rest] = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = rest.indexOf(name);
    return i >= 0 ? Number(rest[i + 1]) : fallback;
  };
  const run = {
    threads: () => threadsMain(file, option('--workers', 3), option('--iters', 20000)),
    memory64: () => memory64Main(file),
    eh: () => ehMain(file),
  }[mode];
  if (!run || !file) {
    console.error('usage: node threads-host.mjs threads|memory64|eh MODULE [--workers N] [--iters K]');
    process.exit(2);
  }
  run().catch((e) => {
    fail(`${e?.constructor?.name ?? 'error'}: ${e?.message ?? e}`);
    if (process.env.THREADS_HOST_DEBUG) console.error(e);
    finish();
  });
} else {
  threadsWorker().catch((e) => parentPort.postMessage({ type: 'error', message: String(e) }));
}
