// Links in a worker so the page never freezes. Messages in:
//   { type: 'link', gen, inputs: [{ name, bytes }], options }
// Messages out:
//   { type: 'ready', version, ms }                 once the wasm build is loaded
//   { type: 'fatal', message }                     when it cannot be loaded
//   { type: 'linked', gen, ok: true, wasm, report, warnings, messages, map, ms, libraries }
//   { type: 'linked', gen, ok: false, message, diagnostics, ms, libraries }
// `gen` comes back unchanged: the page drops answers to requests it has since replaced.
// `libraries` says how the archives were handled: 'reused' (a Linker session already held
// them, read and indexed), 'prepared' (a new session was made), or 'none' (plain link():
// no archives, or archives before objects, whose order a session cannot keep).
const started = performance.now();
let api = null;

const ready = (async () => {
    try {
        // The npm package's browser entry, copied into www/pkg/ by scripts/playground.
        api = await import('../pkg/browser.js');
        await api.init();
        self.postMessage({ type: 'ready', version: api.version?.() ?? '', ms: performance.now() - started });
    } catch (e) {
        self.postMessage({
            type: 'fatal',
            message: `could not load the linker (www/pkg/; run scripts/playground to build it): ${e?.message ?? e}`,
        });
        throw e;
    }
})();

// Linker sessions by the archives they hold (their names and contents, in order): relinking
// the same example with other options or one edited object skips reading the archives.
const MAX_SESSIONS = 4;
const sessions = new Map();

const isArchive = (bytes) => bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 8)) === '!<arch>\n';

/** FNV-1a over the bytes: cheap next to preparing an archive, and enough to tell contents apart. */
function fingerprint(bytes) {
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    return (h >>> 0).toString(16);
}

/** Links through a session when every archive comes after every object; else link(). */
function linkInputs(inputs, options) {
    const firstArchive = inputs.findIndex((f) => isArchive(f.bytes));
    const objects = firstArchive < 0 ? inputs : inputs.slice(0, firstArchive);
    const archives = firstArchive < 0 ? [] : inputs.slice(firstArchive);
    if (!archives.length || !archives.every((f) => isArchive(f.bytes))) return { out: api.link(inputs, options), libraries: 'none' };
    const key = archives.map((f) => `${f.name}:${f.bytes.length}:${fingerprint(f.bytes)}`).join('|');
    let session = sessions.get(key);
    let libraries = 'reused';
    if (session) {
        sessions.delete(key); // re-inserted below: the Map's order is least recently used first
    } else {
        libraries = 'prepared';
        session = new api.Linker();
        try {
            for (const f of archives) session.addLibrary(f.name, f.bytes);
        } catch (e) {
            session.free();
            throw e;
        }
        if (sessions.size >= MAX_SESSIONS) {
            const [oldest, old] = sessions.entries().next().value;
            sessions.delete(oldest);
            old.free();
        }
    }
    sessions.set(key, session);
    try {
        return { out: session.link(objects, options), libraries };
    } catch (e) {
        // A crash resets the module and makes every session stale: start again.
        if (/weld crashed/.test(e?.message ?? '')) sessions.clear();
        throw e;
    }
}

self.onmessage = async ({ data }) => {
    if (data.type !== 'link') return;
    try {
        await ready;
    } catch {
        return;
    }
    const { gen, inputs, options } = data;
    const start = performance.now();
    let libraries = 'none';
    try {
        const linked = linkInputs(inputs, options);
        libraries = linked.libraries;
        const out = linked.out;
        const ms = performance.now() - start;
        const wasm = out.wasm;
        self.postMessage(
            { type: 'linked', gen, ok: true, wasm, report: out.report, warnings: out.warnings ?? [], messages: out.messages ?? [], map: out.map ?? null, ms, libraries },
            [wasm.buffer],
        );
    } catch (e) {
        const ms = performance.now() - start;
        const diagnostics = Array.isArray(e?.diagnostics)
            ? e.diagnostics.map((d) => ({ ...d, notes: [...(d.notes ?? [])] }))
            : [{ severity: 'error', message: e?.message ?? String(e), file: null, section: null, offset: null, symbol: null, notes: [] }];
        self.postMessage({ type: 'linked', gen, ok: false, message: e?.message ?? String(e), diagnostics, ms, libraries });
    }
};
