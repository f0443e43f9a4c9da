// The playground page: inputs (bundled examples or the user's files), link options, the
// link worker, the URL hash, the shared selection, and the views.
import { $, $$, h, clear, bytes, ms, debounce } from './util.js';
import { Model } from './model.js';
import { renderOverview, renderViewOf, renderInspector, TABS } from './views.js';

const DEFAULTS = {
    entry: '',
    noEntry: false,
    exports: '',
    exportAll: false,
    gc: true,
    stackFirst: false,
    importMemory: false,
    exportMemory: false,
    stripDebug: false,
    stripAll: false,
    shared: false,
    importDynamic: false,
    stackSize: '',
    initialMemory: '',
    maxMemory: '',
};
const BOOL = new Set(['noEntry', 'exportAll', 'gc', 'stackFirst', 'importMemory', 'exportMemory', 'stripDebug', 'stripAll', 'shared', 'importDynamic']);
const SIZES = ['stackSize', 'initialMemory', 'maxMemory'];

export const state = {
    examples: [],
    example: null, // the current example, or null for the user's own files
    inputs: [], // [{ name, bytes: Uint8Array, user: bool }]
    modified: false, // inputs differ from the example's
    options: { ...DEFAULTS },
    tab: 'sections',
    selection: null,
    result: null, // the latest link: { ok, wasm, report, warnings, diagnostics, messages, map, ms, model, outputName }
    sources: new Map(), // path → text
    linkerReady: false,
    stats: { links: 0, dropped: 0 },
    run: null, // the Run view's state
};

// ---------------------------------------------------------------------------------------
// Link worker: one request in flight, the latest one waiting; answers to replaced
// requests are dropped (generation counter).

const worker = new Worker(new URL('./link-worker.js', import.meta.url), { type: 'module' });
let generation = 0;
let inFlight = null;
let pending = null;

worker.onmessage = ({ data }) => {
    if (data.type === 'ready') {
        state.linkerReady = true;
        state.linkerVersion = data.version;
        state.linkerLoadMs = data.ms;
        return;
    }
    if (data.type === 'fatal') {
        setStatus('error', data.message);
        document.body.dataset.linkState = 'fatal';
        return;
    }
    if (data.type !== 'linked') return;
    inFlight = null;
    if (data.gen !== generation) {
        state.stats.dropped++;
    } else {
        applyResult(data);
    }
    if (pending) {
        const next = pending;
        pending = null;
        send(next);
    }
};
worker.onerror = (e) => {
    setStatus('error', `linker worker failed: ${e.message ?? 'unknown error'}`);
    document.body.dataset.linkState = 'fatal';
};

function send(req) {
    inFlight = req;
    worker.postMessage({ type: 'link', ...req });
}

function requestLink() {
    updateCommandLine();
    if (!state.inputs.length) {
        generation++;
        pending = null;
        state.result = null;
        setStatus('idle', 'No inputs: choose an example or add files');
        document.body.dataset.linkState = 'empty';
        renderAll();
        return;
    }
    const req = {
        gen: ++generation,
        inputs: state.inputs.map(({ name, bytes }) => ({ name, bytes })),
        options: apiOptions(),
    };
    setStatus('busy', 'Linking…');
    document.body.dataset.linkState = 'linking';
    if (inFlight) pending = req;
    else send(req);
}

function applyResult(data) {
    state.stats.links++;
    const outputName = outputFileName();
    if (data.ok) {
        data.warnings.forEach(inferFile);
        state.result = { ...data, outputName, diagnostics: data.warnings, model: new Model(data.report, data.wasm) };
        const w = data.warnings.length;
        setStatus('ok', `Linked in ${ms(data.ms)} · ${bytes(data.wasm.length)}${w ? ` · ${w} warning${w > 1 ? 's' : ''}` : ''}`, data.libraries === 'reused' ? 'archives were already read and indexed from an earlier link' : '');
    } else {
        data.diagnostics.forEach(inferFile);
        state.result = { ...data, outputName, model: null };
        const n = data.diagnostics.filter((d) => d.severity === 'error').length;
        setStatus('error', `Link failed: ${n || 1} error${n > 1 ? 's' : ''} (${ms(data.ms)})`);
    }
    if (state.selection && data.ok && !selectionExists(state.selection)) state.selection = null;
    if (!data.ok && ['sections', 'memory', 'symbols', 'inputs', 'map', 'run'].includes(state.tab)) state.tab = 'diagnostics';
    $('#run').disabled = !data.ok;
    $('#download').disabled = !data.ok;
    document.body.dataset.linkState = data.ok ? 'linked' : 'failed';
    document.body.dataset.generation = String(generation);
    document.body.dataset.libraries = data.libraries ?? 'none';
    state.run = null;
    renderAll();
}

/** Some diagnostics name their file only in the message (`main.o: undefined symbol: x`)
 *  and leave `file` empty: take it from there when it names one of the inputs. */
function inferFile(d) {
    if (d.file) return;
    const m = /^(.+?): (.*)$/s.exec(d.message);
    if (!m) return;
    const name = m[1];
    const archive = /^(.*)\([^()]*\)$/.exec(name)?.[1];
    if (state.inputs.some((i) => i.name === name || i.name === archive)) {
        d.file = name;
        d.message = m[2];
    }
}

function selectionExists(key) {
    const m = state.result?.model;
    if (!m) return false;
    if (key.startsWith('sym:')) return m.symByKey.has(key);
    if (key.startsWith('file:')) return m.inputByName.has(key.slice(5)) || state.inputs.some((i) => i.name === key.slice(5));
    if (key.startsWith('seg:')) return m.segByName.has(key.slice(4));
    return true;
}

/** The options for `link()`, from the form. */
function apiOptions() {
    const o = state.options;
    const out = { output: outputFileName(), map: true };
    if (o.noEntry) out.noEntry = true;
    else if (o.entry.trim()) out.entry = o.entry.trim();
    const exports = splitList(o.exports);
    if (exports.length) out.exports = exports;
    if (o.exportAll) out.exportAll = true;
    if (!o.gc) out.gcSections = false;
    if (o.stackFirst) out.stackFirst = true;
    if (o.importMemory) out.importMemory = true;
    if (o.exportMemory) out.exportMemory = true;
    if (o.stripDebug) out.stripDebug = true;
    if (o.stripAll) out.stripAll = true;
    if (o.shared) out.shared = true;
    if (o.importDynamic) out.unresolvedSymbols = 'import-dynamic';
    for (const k of SIZES) {
        const v = parseSize(o[k]);
        if (v != null && !Number.isNaN(v)) out[k] = v; // an invalid field is marked, not sent
    }
    return out;
}

function outputFileName() {
    return state.example && !state.modified ? `${state.example.id}.wasm` : 'a.out.wasm';
}

const splitList = (s) => s.split(/[\s,]+/).filter(Boolean);

/** "65536", "64K", "2M", "0x10000" → bytes; "" → null; anything else → NaN. */
export function parseSize(text) {
    const t = String(text ?? '').trim();
    if (!t) return null;
    const m = /^(0x[0-9a-f]+|\d+)\s*([kmg]i?b?)?$/i.exec(t);
    if (!m) return NaN;
    const n = Number(m[1]);
    const unit = (m[2] ?? '').charAt(0).toLowerCase();
    return n * ({ k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[unit] ?? 1);
}

/** The equivalent wasm-ld command line, shown under the options. */
function updateCommandLine() {
    const o = apiOptions();
    const q = (s) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
    const args = ['wasm-ld', '-m', 'wasm32'];
    const objects = state.inputs.map((i) => q(i.name));
    if (o.entry) args.push('--entry', q(o.entry));
    if (o.noEntry) args.push('--no-entry');
    for (const e of o.exports ?? []) args.push(`--export=${q(e)}`);
    if (o.exportAll) args.push('--export-all');
    if (o.gcSections === false) args.push('--no-gc-sections');
    if (o.stackFirst) args.push('--stack-first');
    if (o.stackSize != null) args.push('-z', `stack-size=${o.stackSize}`);
    if (o.importMemory) args.push('--import-memory');
    if (o.exportMemory) args.push('--export-memory');
    if (o.initialMemory != null) args.push(`--initial-memory=${o.initialMemory}`);
    if (o.maxMemory != null) args.push(`--max-memory=${o.maxMemory}`);
    if (o.stripDebug) args.push('--strip-debug');
    if (o.stripAll) args.push('--strip-all');
    if (o.shared) args.push('--experimental-pic', '-shared');
    if (o.unresolvedSymbols) args.push(`--unresolved-symbols=${o.unresolvedSymbols}`);
    args.push(...objects, '-o', q(o.output));
    $('#cmdline').textContent = args.join(' ');
}

// ---------------------------------------------------------------------------------------
// Status line

function setStatus(kind, text, title = '') {
    const el = $('#status');
    el.dataset.kind = kind;
    el.title = title;
    $('#status-text').textContent = text;
}

// ---------------------------------------------------------------------------------------
// Examples and inputs

const fileCache = new Map();
async function fetchBytes(path) {
    if (!fileCache.has(path)) {
        fileCache.set(
            path,
            fetch(path).then(async (r) => {
                if (!r.ok) throw new Error(`${path}: ${r.status} ${r.statusText} (are the examples built? run scripts/playground)`);
                return new Uint8Array(await r.arrayBuffer());
            }),
        );
    }
    return fileCache.get(path);
}

async function fetchText(path) {
    if (!state.sources.has(path)) {
        const r = await fetch(path);
        state.sources.set(path, r.ok ? await r.text() : `// could not load ${path}: ${r.status}`);
    }
    return state.sources.get(path);
}

async function loadExample(ex, { options = null, keepTab = false } = {}) {
    state.example = ex;
    state.modified = false;
    document.body.dataset.example = ex.id;
    state.options = options ?? exampleDefaults(ex);
    if (!keepTab && state.result == null && !location.hash.includes('tab=')) state.tab = 'sections';
    writeForm();
    renderExamples();
    setStatus('busy', `Loading ${ex.title}…`);
    try {
        const files = await Promise.all(ex.inputs.map((p) => fetchBytes(`examples/out/${p}`)));
        await Promise.all(ex.sources.map((p) => fetchText(`examples/src/${p}`)));
        if (state.example !== ex) return;
        state.inputs = ex.inputs.map((p, i) => ({ name: p.slice(p.lastIndexOf('/') + 1), bytes: files[i], user: false }));
    } catch (e) {
        setStatus('error', e.message);
        document.body.dataset.linkState = 'fatal';
        return;
    }
    renderInputs();
    saveHash();
    requestLink();
}

function exampleDefaults(ex) {
    const o = { ...DEFAULTS };
    const e = ex?.options ?? {};
    if (e.entry) o.entry = e.entry;
    if (e.noEntry) o.noEntry = true;
    if (e.exports) o.exports = e.exports.join(', ');
    for (const k of ['exportAll', 'stackFirst', 'importMemory', 'exportMemory', 'stripDebug', 'stripAll', 'shared']) if (e[k]) o[k] = true;
    if (e.unresolvedSymbols === 'import-dynamic') o.importDynamic = true;
    if (e.gcSections === false) o.gc = false;
    for (const k of SIZES) if (e[k] != null) o[k] = String(e[k]);
    return o;
}

function kindOf(bytes) {
    if (bytes.length >= 8 && String.fromCharCode(...bytes.subarray(0, 8)) === '!<arch>\n') return 'archive';
    if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0x61 && bytes[2] === 0x73 && bytes[3] === 0x6d) return 'object';
    // A stub library: host-provided symbols and what each needs (text, first line #STUB).
    if (bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '#STUB') return 'stub';
    return 'unknown';
}

async function addUserFiles(fileList) {
    const files = [...fileList];
    if (!files.length) return;
    const added = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), user: true })));
    for (const file of added) {
        const existing = state.inputs.findIndex((i) => i.name === file.name);
        if (existing >= 0) {
            state.inputs[existing] = file; // a new version of the same file
            continue;
        }
        // Objects go before the first archive (as on a command line); archives at the end.
        const at = kindOf(file.bytes) === 'archive' ? -1 : state.inputs.findIndex((i) => kindOf(i.bytes) === 'archive');
        if (at < 0) state.inputs.push(file);
        else state.inputs.splice(at, 0, file);
    }
    state.modified = true;
    renderInputs();
    renderExamples();
    saveHash();
    requestLink();
}

function removeInput(i) {
    state.inputs.splice(i, 1);
    state.modified = true;
    renderInputs();
    renderExamples();
    requestLink();
}

function renderExamples() {
    const list = $('#examples');
    clear(
        list,
        state.examples.map((ex) =>
            h(
                'button.example',
                {
                    role: 'listitem',
                    class: state.example === ex ? 'active' : '',
                    dataset: { example: ex.id },
                    'aria-pressed': String(state.example === ex),
                    title: ex.summary,
                    onclick: () => {
                        state.selection = null;
                        loadExample(ex);
                    },
                },
                h('span.example-title', ex.title, state.example === ex && state.modified ? h('span.muted', ' (modified)') : null),
                h('span.example-summary', ex.summary),
            ),
        ),
    );
}

function renderInputs() {
    const ol = $('#inputs');
    $('#user-files-note').hidden = !state.inputs.some((i) => i.user);
    $('#inputs-count').textContent = state.inputs.length ? `${state.inputs.length} file${state.inputs.length > 1 ? 's' : ''}` : '';
    clear(
        ol,
        state.inputs.map((f, i) => {
            const kind = kindOf(f.bytes);
            return h(
                'li.input',
                { dataset: { key: `file:${f.name}` }, title: `${f.name}: ${kind}, ${f.bytes.length} bytes${f.user ? ', your file' : ''}` },
                h(`span.kind.k-${kind}`, { archive: 'a', object: 'o', stub: 's' }[kind] ?? '?'),
                h('span.input-name', f.name),
                f.user ? h('span.tag', 'yours') : null,
                h('span.input-size', bytes(f.bytes.length)),
                h('button.icon', { title: `Remove ${f.name}`, 'aria-label': `Remove ${f.name}`, onclick: (e) => (e.stopPropagation(), removeInput(i)) }, '×'),
            );
        }),
    );
    if (!state.inputs.length) ol.append(h('li.empty', 'No inputs.'));
}

// ---------------------------------------------------------------------------------------
// Options form

const form = $('#options');

function writeForm() {
    for (const [k, v] of Object.entries(state.options)) {
        const el = form.elements[k];
        if (!el) continue;
        if (BOOL.has(k)) el.checked = v;
        else el.value = v;
    }
    syncFormState();
}

function readForm() {
    const o = {};
    for (const k of Object.keys(DEFAULTS)) {
        const el = form.elements[k];
        o[k] = BOOL.has(k) ? el.checked : el.value;
    }
    state.options = o;
    syncFormState();
}

function syncFormState() {
    form.elements.entry.disabled = state.options.noEntry;
    for (const k of SIZES) {
        const v = parseSize(state.options[k]);
        form.elements[k].setAttribute('aria-invalid', String(Number.isNaN(v)));
    }
    const d = exampleDefaults(state.example);
    const changed = Object.keys(DEFAULTS).filter((k) => state.options[k] !== d[k]).length;
    $('#options-changed').textContent = changed ? `${changed} changed` : '';
}

const relinkSoon = debounce(() => {
    saveHash();
    requestLink();
}, 200);

form.addEventListener('input', (e) => {
    readForm();
    if (e.target.type === 'checkbox') {
        saveHash();
        requestLink();
    } else relinkSoon();
});
form.addEventListener('submit', (e) => e.preventDefault());

// ---------------------------------------------------------------------------------------
// URL hash: #ex=ID&opt=value…&tab=…&sel=… (options relative to the example's defaults)

function saveHash() {
    const p = new URLSearchParams();
    if (state.example) p.set('ex', state.example.id);
    const d = exampleDefaults(state.example);
    for (const k of Object.keys(DEFAULTS)) {
        if (state.options[k] === d[k]) continue;
        p.set(k, BOOL.has(k) ? (state.options[k] ? '1' : '0') : state.options[k]);
    }
    if (state.tab !== 'sections') p.set('tab', state.tab);
    if (state.selection) p.set('sel', state.selection);
    const hash = '#' + p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7C/g, '|').replace(/%28/g, '(').replace(/%29/g, ')');
    if (hash !== location.hash) history.replaceState(null, '', hash === '#' ? location.pathname + location.search : hash);
}

function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    const ex = state.examples.find((e) => e.id === p.get('ex')) ?? state.examples[0] ?? null;
    const o = exampleDefaults(ex);
    for (const k of Object.keys(DEFAULTS)) {
        if (!p.has(k)) continue;
        o[k] = BOOL.has(k) ? p.get(k) === '1' : p.get(k);
    }
    if (TABS.includes(p.get('tab'))) state.tab = p.get('tab');
    state.selection = p.get('sel') || null;
    return { ex, options: o };
}

window.addEventListener('hashchange', () => {
    const { ex, options } = readHash();
    if (ex && (ex !== state.example || state.modified)) loadExample(ex, { options, keepTab: true });
    else {
        state.options = options;
        writeForm();
        requestLink();
    }
});

// ---------------------------------------------------------------------------------------
// Selection, tabs, rendering

export function select(key, { tab = null, reveal = true } = {}) {
    state.selection = key === state.selection && !tab ? null : key;
    if (tab) state.tab = tab;
    saveHash();
    if (tab) renderTabs();
    if (tab || state.tab === 'source') renderView();
    applySelection();
    renderInspectorPanel();
    if (reveal && state.selection && window.matchMedia('(max-width: 900px)').matches) {
        $('#inspector').scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
}

export function setTab(tab) {
    state.tab = tab;
    saveHash();
    renderTabs();
    renderView();
}

/** Marks the selected element and the related ones in every view. */
export function applySelection() {
    const key = state.selection;
    const related = key && state.result?.model ? state.result.model.related(key) : new Set();
    // An archive counts as related when one of its members is (the sidebar lists archives).
    for (const k of key ? [key, ...related] : []) {
        const archive = /^file:(.*)\([^()]*\)$/.exec(k)?.[1];
        if (archive) related.add(`file:${archive}`);
    }
    for (const el of $$('[data-key]')) {
        const k = el.dataset.key;
        el.classList.toggle('is-selected', k === key);
        el.classList.toggle('is-related', k !== key && related.has(k));
    }
    // Items that are about something without being it (a diagnostic about a symbol).
    for (const el of $$('[data-also]')) {
        const keys = el.dataset.also.split(' ');
        el.classList.toggle('is-related', keys.includes(key) || keys.some((k) => related.has(k)));
    }
}

function renderTabs() {
    for (const b of $$('#tabs [data-tab]')) {
        const on = b.dataset.tab === state.tab;
        b.classList.toggle('active', on);
        b.setAttribute('aria-selected', String(on));
    }
    const diags = state.result?.diagnostics ?? [];
    const badge = $('#diag-count');
    badge.textContent = diags.length ? String(diags.length) : '';
    badge.dataset.kind = diags.some((d) => d.severity === 'error') ? 'error' : 'warning';
}

/** What the views need besides the state. */
function viewContext() {
    return { state, select, setTab, applySelection, relink: requestLink, runModule, callExport, stopRun, fetchText };
}

function renderView() {
    const el = $('#view');
    el.dataset.view = state.tab;
    renderViewOf(state.tab, el, viewContext());
    applySelection();
}

function renderInspectorPanel() {
    renderInspector($('#inspector'), viewContext());
    applySelection();
}

function renderAll() {
    renderOverview($('#overview'), viewContext());
    renderTabs();
    renderView();
    renderInspectorPanel();
}

$('#tabs').addEventListener('click', (e) => {
    const b = e.target.closest('[data-tab]');
    if (b) setTab(b.dataset.tab);
});

// A click on anything with a data-key selects it; data-goto also opens a tab. Controls
// inside such an item (a remove button, a checkbox) do their own thing.
document.addEventListener('click', (e) => {
    const el = e.target.closest('[data-key]');
    if (!el) return;
    const ctl = e.target.closest('button, a, input, select, label, summary, textarea');
    if (ctl && ctl !== el && el.contains(ctl)) return;
    e.preventDefault();
    select(el.dataset.key, { tab: el.dataset.goto || null });
});
document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && state.selection) select(null);
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches('[data-key][tabindex]')) {
        e.preventDefault();
        select(e.target.dataset.key);
    }
});

// ---------------------------------------------------------------------------------------
// Tooltip: any element with data-tip (text, lines separated by \n)

const tip = $('#tip');
document.addEventListener('mousemove', (e) => {
    const el = e.target.closest?.('[data-tip]');
    if (!el) {
        tip.hidden = true;
        return;
    }
    if (tip.textContent !== el.dataset.tip) tip.textContent = el.dataset.tip;
    tip.hidden = false;
    const pad = 14;
    const { innerWidth: w, innerHeight: ht } = window;
    const r = tip.getBoundingClientRect();
    tip.style.left = `${Math.min(e.clientX + pad, w - r.width - 4)}px`;
    tip.style.top = `${e.clientY + pad + r.height > ht ? e.clientY - r.height - pad : e.clientY + pad}px`;
});
document.addEventListener('mouseleave', () => (tip.hidden = true));

// ---------------------------------------------------------------------------------------
// Files: drop anywhere, or the file input

const overlay = $('#drop-overlay');
let dragDepth = 0;
const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    dragDepth++;
    overlay.hidden = false;
});
document.addEventListener('dragleave', () => {
    if (--dragDepth <= 0) {
        dragDepth = 0;
        overlay.hidden = true;
    }
});
document.addEventListener('dragover', (e) => {
    if (hasFiles(e)) e.preventDefault();
});
document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    overlay.hidden = true;
    addUserFiles(e.dataTransfer.files);
});
$('#file-input').addEventListener('change', async (e) => {
    await addUserFiles(e.target.files);
    e.target.value = '';
});
$('#reset-inputs').addEventListener('click', () => {
    if (state.example) loadExample(state.example, { options: state.options, keepTab: true });
});
$('#clear-inputs').addEventListener('click', () => {
    state.inputs = [];
    state.modified = true;
    renderInputs();
    renderExamples();
    requestLink();
});

// ---------------------------------------------------------------------------------------
// Download and run

$('#download').addEventListener('click', () => {
    const r = state.result;
    if (!r?.ok) return;
    const url = URL.createObjectURL(new Blob([r.wasm], { type: 'application/wasm' }));
    const a = h('a', { href: url, download: r.outputName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

$('#run').addEventListener('click', () => {
    setTab('run');
    runModule();
});

let runWorker = null;
let runTimer = null;
const RUN_TIMEOUT_MS = 10_000;

function stopRun(message) {
    if (runWorker) runWorker.terminate();
    runWorker = null;
    clearTimeout(runTimer);
    if (message && state.run) {
        state.run.lines.push({ fd: 0, text: message });
        state.run.status = 'stopped';
        if (state.tab === 'run') renderView();
    }
}

/** Runs the linked module: `_start` for a command, `_initialize` for a reactor. */
function runModule() {
    const r = state.result;
    if (!r?.ok) return;
    stopRun();
    const args = state.run?.argsText != null ? splitArgs(state.run.argsText) : [r.outputName, ...(state.example?.args?.slice(1) ?? [])];
    state.run = { status: 'running', lines: [], exports: null, argsText: args.join(' '), started: performance.now(), result: r };
    runWorker = new Worker(new URL('./run-worker.js', import.meta.url), { type: 'module' });
    runWorker.onmessage = ({ data }) => {
        const run = state.run;
        if (!run || run.result !== r) return;
        if (data.type === 'out') appendOutput(data.fd, data.text);
        else if (data.type === 'exit') {
            clearTimeout(runTimer);
            run.status = 'exited';
            run.code = data.code;
            run.ms = data.ms;
            run.wasiCalls = data.wasiCalls;
            runWorker.terminate();
            runWorker = null;
        } else if (data.type === 'ready') {
            clearTimeout(runTimer);
            run.status = 'ready';
            run.exports = data.exports;
            run.ms = data.ms;
            run.wasiCalls = data.wasiCalls;
            for (const [name, ...a] of state.example?.calls ?? []) {
                if (data.exports.some((e) => e.name === name)) callExport(name, a);
            }
        } else if (data.type === 'result') {
            clearTimeout(runTimer);
            run.lines.push({ fd: 0, text: `${data.name}(${data.args.join(', ')})${data.value === undefined ? '' : ` = ${data.value}`}\n` });
        } else if (data.type === 'error') {
            clearTimeout(runTimer);
            run.lines.push({ fd: 2, text: `error: ${data.message}\n` });
            if (run.status === 'running') run.status = 'failed';
        }
        if (state.tab === 'run') renderView();
    };
    runWorker.onerror = (e) => {
        e.preventDefault();
        stopRun(`the run worker failed: ${e.message}`);
    };
    runTimer = setTimeout(() => stopRun(`stopped after ${RUN_TIMEOUT_MS / 1000} s`), RUN_TIMEOUT_MS);
    const mem = r.report.memory;
    runWorker.postMessage({
        type: 'run',
        wasm: r.wasm.slice().buffer,
        args,
        env: { LANG: 'C.UTF-8' },
        memory: { initialPages: mem.initialPages, maxPages: mem.maxPages, shared: mem.shared },
    });
    if (state.tab === 'run') renderView();
}

function callExport(name, args) {
    if (!runWorker || state.run?.status !== 'ready') return;
    clearTimeout(runTimer);
    runTimer = setTimeout(() => stopRun(`${name} did not return within ${RUN_TIMEOUT_MS / 1000} s; stopped`), RUN_TIMEOUT_MS);
    runWorker.postMessage({ type: 'call', name, args });
}

function appendOutput(fd, text) {
    const lines = state.run.lines;
    const last = lines[lines.length - 1];
    if (last && last.fd === fd && !last.text.endsWith('\n')) last.text += text;
    else lines.push({ fd, text });
}

const splitArgs = (s) => (s.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^(["'])(.*)\1$/, '$2'));

// ---------------------------------------------------------------------------------------
// Start

async function start() {
    if (window.matchMedia('(max-width: 900px)').matches) {
        // On a phone the views come first; inputs and options open on demand.
        $('#inputs-panel').open = false;
        $('#options-panel').open = false;
    }
    renderTabs();
    setStatus('busy', 'Loading examples…');
    try {
        const r = await fetch('examples/examples.json');
        if (!r.ok) throw new Error(`examples/examples.json: ${r.status}`);
        state.examples = (await r.json()).examples;
    } catch (e) {
        setStatus('error', `could not load the examples: ${e.message}`);
    }
    const { ex, options } = readHash();
    if (ex) await loadExample(ex, { options, keepTab: true });
    else {
        state.options = options;
        writeForm();
        renderExamples();
        renderInputs();
        requestLink();
    }
}

// For the browser test and the curious: the page's state.
window.playground = { state, select, setTab, parseSize };
start();
