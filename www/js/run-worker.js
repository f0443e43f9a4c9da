// Runs a linked module in its own worker (so an endless loop cannot freeze the page; the
// page terminates this worker to stop it). Messages in:
//   { type: 'run', wasm, args, env, memory: { initialPages, maxPages } }  → runs _start, or
//       _initialize for a reactor, then stays ready for calls
//   { type: 'call', name, args }                                          → calls an export
// Messages out: { type: 'out', fd, text }, { type: 'exit', code, ms, wasiCalls },
//   { type: 'ready', exports: [{ name, params, results }] }, { type: 'result', name, value },
//   { type: 'error', message }
import { createWasi, WasiExit } from './wasi.js';

let instance = null;
let wasi = null;

const post = (m) => self.postMessage(m);
const write = (fd, text) => post({ type: 'out', fd, text });

/** Imports for everything the module asks for: WASI from the shim, memory if imported,
 *  and stubs that throw for any other function. */
function makeImports(module, memoryLimits) {
    const imports = { wasi_snapshot_preview1: wasi.imports, wasi_unstable: wasi.imports };
    let memory = null;
    for (const imp of WebAssembly.Module.imports(module)) {
        if (imp.module === 'wasi_snapshot_preview1' || imp.module === 'wasi_unstable') continue;
        const ns = (imports[imp.module] ??= {});
        if (imp.kind === 'function') {
            ns[imp.name] = () => {
                throw new Error(`called the unresolved import ${imp.module}.${imp.name}`);
            };
        } else if (imp.kind === 'memory') {
            const initial = memoryLimits?.initialPages ?? 2;
            const desc = { initial };
            if (memoryLimits?.maxPages != null) desc.maximum = memoryLimits.maxPages;
            if (memoryLimits?.shared) {
                desc.shared = true;
                desc.maximum ??= 65536;
            }
            ns[imp.name] = memory = new WebAssembly.Memory(desc);
        } else if (imp.kind === 'table') {
            ns[imp.name] = new WebAssembly.Table({ initial: 64, element: 'anyfunc' });
        } else if (imp.kind === 'global') {
            throw new Error(`cannot run: the module imports the global ${imp.module}.${imp.name}`);
        }
    }
    return { imports, memory };
}

/** Export signatures, read from the module's type and function sections. */
function exportSignatures(bytes) {
    const sigs = [];
    try {
        const mod = parseFunctionTypes(bytes);
        for (const e of mod.exports) {
            if (e.kind !== 0) continue;
            const t = mod.types[mod.funcTypes[e.index]];
            if (t) sigs.push({ name: e.name, params: t.params, results: t.results });
        }
    } catch {
        // Only used for labels; a module we cannot read still runs.
    }
    return sigs;
}

function parseFunctionTypes(buf) {
    const b = new Uint8Array(buf);
    let p = 8;
    const u32 = () => {
        let r = 0, s = 0, x;
        do {
            x = b[p++];
            r |= (x & 0x7f) << s;
            s += 7;
        } while (x & 0x80);
        return r >>> 0;
    };
    const name = () => {
        const n = u32();
        const s = new TextDecoder().decode(b.subarray(p, p + n));
        p += n;
        return s;
    };
    const VT = { 0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref' };
    const types = [], funcTypes = [], exports = [];
    while (p < b.length) {
        const id = b[p++];
        const size = u32();
        const end = p + size;
        if (id === 1) {
            for (let n = u32(); n > 0; n--) {
                p++; // 0x60
                const params = Array.from({ length: u32() }, () => VT[b[p++]]);
                const results = Array.from({ length: u32() }, () => VT[b[p++]]);
                types.push({ params, results });
            }
        } else if (id === 2) {
            for (let n = u32(); n > 0; n--) {
                name();
                name();
                const kind = b[p++];
                if (kind === 0) funcTypes.push(u32());
                else if (kind === 1) { p++; const f = u32(); u32(); if (f & 1) u32(); }
                else if (kind === 2) { const f = u32(); u32(); if (f & 1) u32(); }
                else if (kind === 3) p += 2;
                else if (kind === 4) { p++; u32(); }
            }
        } else if (id === 3) {
            for (let n = u32(); n > 0; n--) funcTypes.push(u32());
        } else if (id === 7) {
            for (let n = u32(); n > 0; n--) exports.push({ name: name(), kind: b[p++], index: u32() });
        }
        p = end;
    }
    return { types, funcTypes, exports };
}

function describe(err) {
    if (err instanceof WebAssembly.RuntimeError) return `trap: ${err.message}`;
    return err?.message ?? String(err);
}

self.onmessage = async ({ data }) => {
    if (data.type === 'run') {
        const start = performance.now();
        try {
            wasi = createWasi({ args: data.args, env: data.env, write });
            const module = await WebAssembly.compile(data.wasm);
            const { imports, memory: imported } = makeImports(module, data.memory);
            instance = await WebAssembly.instantiate(module, imports);
            const memory = instance.exports.memory ?? imported;
            if (memory) wasi.setMemory(memory);
            const ex = instance.exports;
            let code = 0;
            if (typeof ex._start === 'function') {
                try {
                    ex._start();
                } catch (e) {
                    if (!(e instanceof WasiExit)) throw e;
                    code = e.code;
                }
                wasi.flush();
                post({ type: 'exit', code, ms: performance.now() - start, wasiCalls: [...wasi.calls] });
            } else {
                if (typeof ex._initialize === 'function') ex._initialize();
                wasi.flush();
                post({ type: 'ready', exports: exportSignatures(data.wasm), ms: performance.now() - start, wasiCalls: [...wasi.calls] });
            }
        } catch (e) {
            wasi?.flush();
            post({ type: 'error', message: describe(e) });
        }
    } else if (data.type === 'call') {
        try {
            const fn = instance?.exports[data.name];
            if (typeof fn !== 'function') throw new Error(`no exported function ${data.name}`);
            const value = fn(...data.args);
            wasi.flush();
            post({ type: 'result', name: data.name, args: data.args, value: typeof value === 'bigint' ? `${value}n` : value });
        } catch (e) {
            wasi?.flush();
            post({ type: 'error', message: `${data.name}: ${e instanceof WasiExit ? `exit(${e.code})` : describe(e)}` });
        }
    }
};
