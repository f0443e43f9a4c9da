// Links in a worker so the page never freezes. Messages in:
//   { type: 'link', gen, inputs: [{ name, bytes }], options }
// Messages out:
//   { type: 'ready', version, ms }                 once the wasm build is loaded
//   { type: 'fatal', message }                     when it cannot be loaded
//   { type: 'linked', gen, ok: true, wasm, report, warnings, messages, map, ms }
//   { type: 'linked', gen, ok: false, message, diagnostics, ms }
// `gen` comes back unchanged: the page drops answers to requests it has since replaced.
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

self.onmessage = async ({ data }) => {
    if (data.type !== 'link') return;
    try {
        await ready;
    } catch {
        return;
    }
    const { gen, inputs, options } = data;
    const start = performance.now();
    try {
        const out = api.link(inputs, options);
        const ms = performance.now() - start;
        const wasm = out.wasm;
        self.postMessage(
            { type: 'linked', gen, ok: true, wasm, report: out.report, warnings: out.warnings ?? [], messages: out.messages ?? [], map: out.map ?? null, ms },
            [wasm.buffer],
        );
    } catch (e) {
        const ms = performance.now() - start;
        const diagnostics = Array.isArray(e?.diagnostics)
            ? e.diagnostics.map((d) => ({ ...d, notes: [...(d.notes ?? [])] }))
            : [{ severity: 'error', message: e?.message ?? String(e), file: null, section: null, offset: null, symbol: null, notes: [] }];
        self.postMessage({ type: 'linked', gen, ok: false, message: e?.message ?? String(e), diagnostics, ms });
    }
};
