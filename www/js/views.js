// The views: overview bars, Sections, Memory, Symbols, Inputs, Diagnostics, Source, Map,
// Run, and the inspector. Each renders from `ctx.state`; every item that can be selected
// carries `data-key` (see model.js), and app.js marks the selection and related items.
import { h, clear, num, hex, bytes, ms, shortFile, splitMember } from './util.js';
import { memoryRegions, parseSections, decodeCustom, symKey, fileKey, fnKey, segKey, pieceKey, secKey } from './model.js';

export const TABS = ['sections', 'memory', 'symbols', 'inputs', 'diagnostics', 'source', 'map', 'run'];

const VIEWS = {
    sections: renderSections,
    memory: renderMemory,
    symbols: renderSymbols,
    inputs: renderInputs,
    diagnostics: renderDiagnostics,
    source: renderSource,
    map: renderMap,
    run: renderRun,
};

export function renderViewOf(tab, el, ctx) {
    (VIEWS[tab] ?? renderSections)(el, ctx);
}

const pct = (x, total) => `${((100 * x) / total).toFixed(4)}%`;

function sectionClass(s) {
    if (s.id !== 0) return `s-${s.name}`;
    if (s.name.startsWith('.debug')) return 's-debug';
    if (s.name === 'name') return 's-name';
    return 's-custom';
}

/** A clickable reference to another item. */
function ref(key, label, { goto = null, title = null, cls = '' } = {}) {
    return h('a.ref', { href: '#', class: cls, dataset: { key, ...(goto ? { goto } : {}) }, title: title ?? undefined }, label);
}
const fileRef = (name, opts) => (name ? ref(fileKey(name), shortFile(name), { title: name, ...opts }) : h('span.muted', '—'));
function symRef(model, name, file, opts = {}) {
    const s = model?.findSymbol(name, file);
    return s ? ref(symKey(s), s.demangled || s.name, { title: s.name, cls: 'mono', ...opts }) : h('span.mono', name);
}

function empty(el, text, extra = null) {
    clear(el, h('div.empty-view', h('p', text), extra));
}

function noReport(el, ctx) {
    const r = ctx.state.result;
    if (!r) return empty(el, ctx.state.inputs.length ? 'Linking…' : 'No inputs yet: choose an example or drop .o and .a files on the page.'), true;
    if (!r.ok) {
        return (
            empty(
                el,
                'The link failed, so there is no output to show.',
                h('p', h('button.btn', { onclick: () => ctx.setTab('diagnostics') }, 'See the diagnostics')),
            ),
            true
        );
    }
    return false;
}

// ---------------------------------------------------------------------------------------
// Overview: the file and linear memory, to scale

export function renderOverview(el, ctx) {
    const r = ctx.state.result;
    if (!r) {
        clear(el, h('div.overview-empty', ctx.state.inputs.length ? 'Linking…' : 'Choose an example, or drop .o and .a files on the page.'));
        return;
    }
    if (!r.ok) {
        const errors = r.diagnostics.filter((d) => d.severity === 'error');
        clear(
            el,
            h(
                'div.failed',
                h('div.failed-head', h('strong', 'Link failed'), h('span.muted', ` ${errors.length} error${errors.length === 1 ? '' : 's'}`)),
                h(
                    'ul.failed-list',
                    errors.slice(0, 4).map((d) => h('li', diagLine(d, ctx))),
                    errors.length > 4 ? h('li.muted', `… and ${errors.length - 4} more in Diagnostics`) : null,
                ),
            ),
        );
        return;
    }
    const rep = r.report;
    const m = r.model;
    const live = rep.symbols.filter((s) => s.status === 'live').length;
    const members = rep.inputs.filter((i) => i.kind === 'member');
    const loadedMembers = members.filter((i) => i.loaded).length;
    const codeSize = rep.functions.reduce((n, f) => n + f.size, 0);
    const mem = rep.memory;
    const stats = [
        ['Output', bytes(rep.outputSize), `${num(rep.outputSize)} bytes`],
        ['Functions', num(rep.functions.length), `${num(codeSize)} bytes of code; ${m.importedFunctions} imported`],
        ['Data', bytes(Math.max(0, mem.dataEnd - mem.globalBase)), `static data ${hex(mem.globalBase)}–${hex(mem.dataEnd)}`],
        ['Memory', `${mem.initialPages} page${mem.initialPages === 1 ? '' : 's'}`, `${bytes(mem.initialPages * mem.pageSize)} initial${mem.maxPages != null ? `, ${mem.maxPages} pages max` : ', no maximum'}`],
        ['Symbols', `${num(live)} live`, `${num(rep.symbols.length)} symbols in all`],
        ['Archive members', `${loadedMembers} of ${members.length}`, 'members pulled into the link'],
        ['Link time', ms(r.ms), 'in a Web Worker, including copying the inputs into wasm memory'],
    ];
    clear(
        el,
        h('div.stats', stats.map(([k, v, t]) => h('div.stat', { 'data-tip': t }, h('span.stat-value', v), h('span.stat-label', k)))),
        fileBar(rep, 'File', true),
        memoryBar(rep.memory, 'Linear memory', { compact: true }),
    );
}

function fileBar(rep, label, compact = false) {
    const total = rep.outputSize || 1;
    return h(
        'div.bar-block',
        h('div.bar-label', h('span', label), h('span.muted', `${num(total)} bytes · ${rep.sections.length} sections`)),
        h(
            'div.bar.file-bar',
            { class: compact ? 'compact' : '' },
            h('span.bar-seg.s-header', { style: { left: '0%', width: pct(8, total) }, 'data-tip': 'magic and version\n8 bytes at 0x0' }),
            rep.sections.map((s, i) =>
                h(
                    'span.bar-seg',
                    {
                        class: sectionClass(s),
                        style: { left: pct(s.offset, total), width: pct(s.size, total) },
                        dataset: { key: secKey(i) },
                        'data-tip': `${s.name}${s.id === 0 ? ' (custom)' : ''}\n${num(s.size)} bytes at ${hex(s.offset)}${s.count != null ? `\n${num(s.count)} entries` : ''}`,
                    },
                    h('span.bar-text', s.name),
                ),
            ),
        ),
    );
}

function memoryBar(mem, label, { compact = false, from = 0, to = null, pieces = false } = {}) {
    const { regions, end, page } = memoryRegions(mem);
    const lo = from;
    const hi = to ?? end;
    const span = Math.max(1, hi - lo);
    const shown = regions.filter((g) => g.end > lo && g.start < hi);
    const ticks = [];
    for (let a = Math.ceil(lo / page) * page; a <= hi; a += page) if (a > lo) ticks.push(a);
    const bar = h(
        'div.bar.mem-bar',
        { class: compact ? 'compact' : '' },
        shown.map((g) => {
            const s = Math.max(g.start, lo);
            const e = Math.min(g.end, hi);
            const seg = h(
                'span.bar-seg',
                {
                    class: `m-${g.kind}`,
                    style: { left: pct(s - lo, span), width: pct(e - s, span) },
                    dataset: { key: g.key },
                    'data-tip': `${g.label}\n${hex(g.start)}–${hex(g.end)}\n${num(g.end - g.start)} bytes${g.seg ? `\n${g.seg.pieces.length} input piece${g.seg.pieces.length === 1 ? '' : 's'}, align ${g.seg.alignment}` : ''}`,
                },
                h('span.bar-text', g.label),
            );
            if (pieces && g.seg && g.seg.size > 0) {
                g.seg.pieces.forEach((p, i) => {
                    seg.append(
                        h('span.piece', {
                            class: i % 2 ? 'odd' : '',
                            style: { left: pct(p.address - g.seg.address, g.seg.size), width: pct(p.size, g.seg.size) },
                            dataset: { key: pieceKey(g.seg, i) },
                            'data-tip': `${p.name}\nfrom ${p.file}\n${hex(p.address)}–${hex(p.address + p.size)} · ${num(p.size)} bytes · align ${p.alignment}`,
                        }),
                    );
                });
            }
            return seg;
        }),
        ticks.map((a) => h('span.tick', { style: { left: pct(a - lo, span) }, 'data-tip': `page boundary\n${hex(a)} (${bytes(a)})` })),
    );
    const pages = Math.round(end / page);
    return h(
        'div.bar-block',
        h(
            'div.bar-label',
            h('span', label),
            h('span.muted', to == null ? `${pages} page${pages === 1 ? '' : 's'} · ${bytes(end)}${mem.imported ? ' · imported' : ''}` : `${hex(lo)}–${hex(hi)} · ${num(hi - lo)} bytes`),
        ),
        bar,
        compact ? null : h('div.axis', h('span', hex(lo)), ticks.length && to == null ? ticks.filter((a) => (a - lo) / span < 0.9).map((a) => h('span.axis-tick', { style: { left: pct(a - lo, span) } }, bytes(a))) : null, h('span.axis-end', to == null ? `${hex(hi)} (${bytes(hi)})` : hex(hi))),
    );
}

// ---------------------------------------------------------------------------------------
// Sections

const openSections = new Set(['CODE']);

function renderSections(el, ctx) {
    if (noReport(el, ctx)) return;
    const r = ctx.state.result;
    const rep = r.report;
    const total = rep.outputSize || 1;
    const rows = [];
    rep.sections.forEach((s, i) => {
        const open = openSections.has(s.name);
        rows.push(
            h(
                'tr.sec-row',
                { dataset: { key: secKey(i), section: s.name }, class: open ? 'open' : '', tabindex: 0 },
                h('td', h('button.disclosure', { 'aria-expanded': String(open), 'aria-label': `${open ? 'Close' : 'Open'} ${s.name}`, onclick: () => toggleSection(s.name, el, ctx) }, open ? '▾' : '▸')),
                h('td.name', h('span.swatch', { class: sectionClass(s) }), s.name, s.id === 0 ? h('span.tag', 'custom') : null),
                h('td.num', s.id),
                h('td.num.mono', hex(s.offset)),
                h('td.num.mono.sec-size', num(s.size)),
                h('td.num', s.count != null ? num(s.count) : ''),
                h('td.scale', h('span.scale-track', h('span.scale-fill', { class: sectionClass(s), style: { left: pct(s.offset, total), width: pct(s.size, total) } }))),
            ),
        );
        if (open) rows.push(h('tr.sec-detail', h('td', { colSpan: 7 }, sectionSummary(s, i, ctx))));
    });
    clear(
        el,
        h('div.view-head', h('h2', 'Sections'), h('span.muted', `${rep.sections.length} sections · ${num(rep.outputSize)} bytes · click a section to open it`)),
        fileBar(rep, 'File layout'),
        h(
            'div.table-wrap',
            h(
                'table.data.sections',
                h('thead', h('tr', h('th', ''), h('th', 'Section'), h('th.num', 'Id'), h('th.num', 'Offset'), h('th.num', 'Size'), h('th.num', 'Entries'), h('th', 'Position in the file'))),
                h('tbody', rows),
            ),
        ),
    );
    for (const tr of el.querySelectorAll('tr.sec-row')) {
        tr.addEventListener('click', (e) => {
            if (e.target.closest('button, a')) return;
            if (!openSections.has(tr.dataset.section)) toggleSection(tr.dataset.section, el, ctx);
        });
    }
}

function toggleSection(name, el, ctx) {
    if (openSections.has(name)) openSections.delete(name);
    else openSections.add(name);
    renderSections(el, ctx);
    ctx.applySelection();
}

function miniTable(headers, rows, { limit = 400, cls = '' } = {}) {
    const shown = rows.slice(0, limit);
    return h(
        'div.table-wrap.mini',
        h('table.data.compact', { class: cls }, h('thead', h('tr', headers.map((x) => (x.startsWith('#') ? h('th.num', x.slice(1)) : h('th', x))))), h('tbody', shown)),
        rows.length > limit ? h('p.muted', `… ${rows.length - limit} more`) : null,
    );
}

function sectionSummary(s, i, ctx) {
    const r = ctx.state.result;
    const rep = r.report;
    const m = r.model;
    const box = (title, ...body) => h('div.summary', h('h3', title), ...body);
    switch (s.name) {
        case 'TYPE': {
            const sigs = new Map();
            for (const f of rep.functions) sigs.set(f.signature, (sigs.get(f.signature) ?? 0) + 1);
            return box(
                `${s.count ?? sigs.size} function types`,
                miniTable(
                    ['Signature', '#Defined functions'],
                    [...sigs].sort((a, b) => b[1] - a[1]).map(([sig, n]) => h('tr', h('td.mono', sig), h('td.num', n))),
                ),
                h('p.muted', 'Imported functions use types of their own too.'),
            );
        }
        case 'IMPORT':
            return box(
                `${rep.imports.length} imports`,
                miniTable(
                    ['Module', 'Name', 'Kind', '#Index', 'Symbol'],
                    rep.imports.map((x) => h('tr', h('td.mono', x.module), h('td.mono', x.name), h('td', x.kind), h('td.num', x.index), h('td', x.symbol ? symRef(m, x.symbol) : ''))),
                ),
            );
        case 'FUNCTION':
        case 'CODE': {
            const fns = [...rep.functions].sort((a, b) => b.size - a.size);
            const max = fns[0]?.size || 1;
            return box(
                `${rep.functions.length} functions, ${num(rep.functions.reduce((n, f) => n + f.size, 0))} bytes of code (largest first)`,
                miniTable(
                    ['#Index', 'Function', 'Defined in', '#Size', 'Signature', ''],
                    fns.map((f) =>
                        h(
                            'tr',
                            { dataset: { key: fnKey(f.index) } },
                            h('td.num', f.index),
                            h('td.mono', f.name),
                            h('td', f.file === '<internal>' ? h('span.muted', 'linker') : fileRef(f.file)),
                            h('td.num', num(f.size)),
                            h('td.mono.muted', f.signature),
                            h('td.scale', h('span.size-bar', { style: { width: pct(f.size, max) } })),
                        ),
                    ),
                    { cls: 'functions' },
                ),
            );
        }
        case 'TABLE':
        case 'ELEM': {
            const entries = rep.functions.filter((f) => f.tableIndex != null).sort((a, b) => a.tableIndex - b.tableIndex);
            return box(
                `Indirect function table: ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`,
                miniTable(['#Slot', 'Function', 'Defined in'], entries.map((f) => h('tr', { dataset: { key: fnKey(f.index) } }, h('td.num', f.tableIndex), h('td.mono', f.name), h('td', fileRef(f.file))))),
            );
        }
        case 'MEMORY': {
            const mem = rep.memory;
            return box(
                'Memory',
                dl([
                    ['Initial', `${mem.initialPages} pages (${bytes(mem.initialPages * mem.pageSize)})`],
                    ['Maximum', mem.maxPages != null ? `${mem.maxPages} pages` : 'none'],
                    ['Imported', mem.imported ? 'yes' : 'no'],
                    ['Shared', mem.shared ? 'yes' : 'no'],
                    ['64-bit', mem.is64 ? 'yes' : 'no'],
                ]),
                h('p', h('button.btn.small', { onclick: () => ctx.setTab('memory') }, 'Open the memory layout')),
            );
        }
        case 'GLOBAL':
            return box(
                `${rep.globals.length} globals`,
                miniTable(
                    ['#Index', 'Name', 'Type', 'Mutable', '#Initial value', 'Defined in'],
                    rep.globals.map((g) => h('tr', h('td.num', g.index), h('td', symRef(m, g.name)), h('td.mono', g.valtype), h('td', g.mutable ? 'yes' : 'no'), h('td.num.mono', g.value != null ? `${g.value} (${hex(g.value)})` : ''), h('td', g.file === '<internal>' ? h('span.muted', 'linker') : fileRef(g.file)))),
                ),
            );
        case 'EXPORT':
            return box(
                `${rep.exports.length} exports`,
                miniTable(['Name', 'Kind', '#Index', 'Symbol'], rep.exports.map((x) => h('tr', h('td.mono', x.name), h('td', x.kind), h('td.num', x.index), h('td', x.symbol ? symRef(m, x.symbol) : h('span.muted', '—'))))),
            );
        case 'DATA':
        case 'DATACOUNT': {
            const segs = rep.memory.segments;
            return box(
                `${segs.filter((x) => x.inBinary).length} data segments in the file${segs.some((x) => !x.inBinary) ? `; ${segs.filter((x) => !x.inBinary).length} zero-filled in memory only` : ''}`,
                miniTable(
                    ['Segment', '#Address', '#Size', '#File offset', '#Pieces', 'Flags'],
                    segs.map((g) =>
                        h(
                            'tr',
                            { dataset: { key: segKey(g) } },
                            h('td.mono', g.name),
                            h('td.num.mono', hex(g.address)),
                            h('td.num', num(g.size)),
                            h('td.num.mono', g.fileOffset != null ? hex(g.fileOffset) : '—'),
                            h('td.num', g.pieces.length),
                            h('td.muted', [g.isBss && 'bss', g.isTls && 'tls', g.passive && 'passive', !g.inBinary && 'not in file'].filter(Boolean).join(', ')),
                        ),
                    ),
                ),
                h('p', h('button.btn.small', { onclick: () => ctx.setTab('memory') }, 'Open the memory layout')),
            );
        }
        default: {
            const parsed = parseSections(r.wasm).find((x) => x.offset === s.offset);
            const decoded = parsed ? decodeCustom(r.wasm, parsed) : null;
            let body;
            if (decoded?.producers) body = dl(decoded.producers.map((f) => [f.field, f.values.join(', ')]));
            else if (decoded?.features) body = h('p', decoded.features.map((f) => h('span.chip', { class: f[0] === '+' ? 'on' : 'off' }, f)));
            else if (s.name === 'name') body = h('p.muted', 'Function, global and data segment names for debuggers and stack traces. Removed by --strip-all.');
            else if (s.name.startsWith('.debug')) body = h('p.muted', 'DWARF debug information from the inputs, with its references relocated. Removed by --strip-debug or --strip-all.');
            else body = h('p.muted', 'A custom section copied from the inputs.');
            return box(`Custom section “${s.name}”, ${num(s.size)} bytes`, body);
        }
    }
}

function dl(pairs) {
    return h('dl.kv', pairs.filter(Boolean).flatMap(([k, v]) => [h('dt', k), h('dd', v)]));
}

// ---------------------------------------------------------------------------------------
// Memory

function renderMemory(el, ctx) {
    if (noReport(el, ctx)) return;
    const r = ctx.state.result;
    const mem = r.report.memory;
    const { regions, end } = memoryRegions(mem);
    const dataSegs = mem.segments;
    const zFrom = dataSegs.length ? Math.min(...dataSegs.map((s) => s.address)) : mem.globalBase;
    const zTo = Math.max(mem.dataEnd, ...dataSegs.map((s) => s.address + s.size));
    const cards = [
        ['Initial size', `${mem.initialPages} × 64 KiB`, bytes(mem.initialPages * mem.pageSize)],
        ['Maximum', mem.maxPages != null ? `${mem.maxPages} pages` : 'none', mem.maxPages != null ? bytes(mem.maxPages * mem.pageSize) : 'can grow to 4 GiB'],
        ['Stack', bytes(mem.stackHigh - mem.stackLow), `${hex(mem.stackLow)}–${hex(mem.stackHigh)}, grows down${mem.stackFirst ? '; placed first' : ''}`, 'region:stack'],
        ['Static data', bytes(Math.max(0, mem.dataEnd - mem.globalBase)), `${hex(mem.globalBase)}–${hex(mem.dataEnd)}`],
        ['Heap', bytes(Math.max(0, (mem.heapEnd || end) - mem.heapBase)), `from __heap_base ${hex(mem.heapBase)}`, 'region:heap'],
        mem.tls ? ['TLS', bytes(mem.tls.size), `${hex(mem.tls.address)}, align ${mem.tls.align}`] : null,
    ].filter(Boolean);
    const rows = [];
    for (const g of regions) {
        rows.push(
            h(
                'tr',
                { dataset: { key: g.key }, class: `mem-row m-row-${g.kind}` },
                h('td.name', h('span.swatch', { class: `m-${g.kind}` }), g.label, g.seg?.isBss ? h('span.tag', 'zero-filled') : null, g.seg?.passive ? h('span.tag', 'passive') : null),
                h('td.num.mono', hex(g.start)),
                h('td.num.mono', hex(g.end)),
                h('td.num', num(g.end - g.start)),
                h('td.num', g.seg ? g.seg.alignment : ''),
                h('td.muted', regionNote(g, mem)),
            ),
        );
        if (g.seg) {
            g.seg.pieces.forEach((p, i) =>
                rows.push(
                    h(
                        'tr.piece-row',
                        { dataset: { key: pieceKey(g.seg, i) } },
                        h('td.name', h('span.indent', '↳'), h('span.mono', p.name), ' ', h('span.muted', 'from '), p.file.startsWith('<') ? h('span.muted', p.file) : fileRef(p.file)),
                        h('td.num.mono', hex(p.address)),
                        h('td.num.mono', hex(p.address + p.size)),
                        h('td.num', num(p.size)),
                        h('td.num', p.alignment),
                        h('td.muted', p.inputOffset != null ? `input offset ${hex(p.inputOffset)}` : ''),
                    ),
                ),
            );
        }
    }
    clear(
        el,
        h('div.view-head', h('h2', 'Memory layout'), h('span.muted', 'linear memory to scale; hover for addresses, click to select')),
        h('div.cards', cards.map(([k, v, t, key]) => h('div.mcard', key ? { dataset: { key } } : null, h('span.stat-label', k), h('span.stat-value', v), h('span.muted.small', t)))),
        memoryBar(mem, 'All of linear memory'),
        zTo > zFrom ? memoryBar(mem, 'Static data, zoomed: each segment and the input pieces in it', { from: zFrom, to: zTo, pieces: true }) : null,
        h('div.legend', ['reserved', 'data', 'bss', 'tls', 'stack', 'heap', 'gap'].map((k) => h('span', h('span.swatch', { class: `m-${k}` }), { reserved: 'unused low memory', data: 'data', bss: 'zero-filled (.bss)', tls: 'thread-local', stack: 'stack', heap: 'heap', gap: 'padding / free' }[k]))),
        h(
            'div.table-wrap',
            h('table.data.memory', h('thead', h('tr', h('th', 'Region / segment / piece'), h('th.num', 'Start'), h('th.num', 'End'), h('th.num', 'Bytes'), h('th.num', 'Align'), h('th', ''))), h('tbody', rows)),
        ),
    );
}

function regionNote(g, mem) {
    if (g.kind === 'stack') return `__stack_pointer starts at ${hex(mem.stackHigh)} and grows down`;
    if (g.kind === 'heap') return `malloc's memory, from __heap_base${mem.heapEnd ? ` to __heap_end ${hex(mem.heapEnd)}` : ''}`;
    if (g.kind === 'reserved') return 'address 0 stays unused so that null is never a valid pointer';
    if (g.seg) return g.seg.inBinary ? `in the DATA section at file offset ${hex(g.seg.fileOffset)}` : 'zero-filled at startup: no bytes in the file';
    return '';
}

// ---------------------------------------------------------------------------------------
// Symbols

const symView = { q: '', status: '', kind: '', raw: false, sort: 'name', dir: 1 };
const STATUS_HELP = {
    live: 'kept in the output',
    removed: 'defined, but removed by --gc-sections',
    imported: 'imported from the host',
    undefined: 'undefined and allowed to stay so',
    stub: 'a trapping stand-in (weak undefined or signature mismatch)',
};

function renderSymbols(el, ctx) {
    if (noReport(el, ctx)) return;
    const rep = ctx.state.result.report;
    const counts = {};
    for (const s of rep.symbols) counts[s.status] = (counts[s.status] ?? 0) + 1;
    const kinds = [...new Set(rep.symbols.map((s) => s.kind))].sort();
    const tbody = h('tbody');
    const info = h('span.muted');
    const refresh = () => fillSymbols(tbody, info, ctx);
    const search = h('input.search', {
        type: 'search',
        placeholder: 'Search names and files…',
        value: symView.q,
        'aria-label': 'Search symbols',
        oninput: (e) => {
            symView.q = e.target.value;
            refresh();
        },
    });
    const select = (label, value, options, onchange) =>
        h(
            'label.select',
            h('span', label),
            h(
                'select',
                { onchange: (e) => onchange(e.target.value) },
                options.map(([v, text]) => h('option', { value: v, selected: v === value }, text)),
            ),
        );
    const header = (key, label, cls = '') =>
        h(
            'th.sortable',
            {
                class: cls,
                'aria-sort': symView.sort === key ? (symView.dir > 0 ? 'ascending' : 'descending') : 'none',
                onclick: () => {
                    symView.dir = symView.sort === key ? -symView.dir : 1;
                    symView.sort = key;
                    renderSymbols(el, ctx);
                    ctx.applySelection();
                },
            },
            label,
            symView.sort === key ? (symView.dir > 0 ? ' ▲' : ' ▼') : '',
        );
    clear(
        el,
        h('div.view-head', h('h2', 'Symbols'), info),
        h(
            'div.toolbar',
            search,
            select('Status', symView.status, [['', `all (${rep.symbols.length})`], ...Object.keys(STATUS_HELP).filter((k) => counts[k]).map((k) => [k, `${k} (${counts[k]})`])], (v) => {
                symView.status = v;
                refresh();
            }),
            select('Kind', symView.kind, [['', 'all'], ...kinds.map((k) => [k, k])], (v) => {
                symView.kind = v;
                refresh();
            }),
            h('label.check', h('input', { type: 'checkbox', checked: symView.raw, onchange: (e) => ((symView.raw = e.target.checked), refresh()) }), ' raw names'),
        ),
        h(
            'div.table-wrap.tall',
            h(
                'table.data.symbols',
                h('thead', h('tr', header('name', 'Name'), header('kind', 'Kind'), header('binding', 'Binding'), header('definedIn', 'Defined in'), header('refs', 'Referenced by'), header('status', 'Status'), header('where', 'Address / index', 'num'))),
                tbody,
            ),
        ),
    );
    refresh();
}

function fillSymbols(tbody, info, ctx) {
    const rep = ctx.state.result.report;
    const q = symView.q.trim().toLowerCase();
    let list = rep.symbols.filter(
        (s) =>
            (!symView.status || s.status === symView.status) &&
            (!symView.kind || s.kind === symView.kind) &&
            (!q || s.name.toLowerCase().includes(q) || s.demangled.toLowerCase().includes(q) || (s.definedIn ?? '').toLowerCase().includes(q)),
    );
    const where = (s) => s.address ?? s.index ?? -1;
    const val = {
        name: (s) => (symView.raw ? s.name : s.demangled).toLowerCase(),
        kind: (s) => s.kind,
        binding: (s) => s.binding,
        definedIn: (s) => s.definedIn ?? '',
        refs: (s) => s.referencedBy.length,
        status: (s) => s.status,
        where,
    }[symView.sort];
    list = [...list].sort((a, b) => {
        const x = val(a), y = val(b);
        return (x < y ? -1 : x > y ? 1 : 0) * symView.dir || a.name.localeCompare(b.name);
    });
    const LIMIT = 1000;
    info.textContent = `${list.length === rep.symbols.length ? list.length : `${list.length} of ${rep.symbols.length}`} symbols${list.length > LIMIT ? ` (first ${LIMIT} shown)` : ''} · click one for why it is live and where it came from`;
    clear(
        tbody,
        list.slice(0, LIMIT).map((s) =>
            h(
                'tr',
                { dataset: { key: symKey(s), symbol: s.name }, tabindex: 0 },
                h('td.mono.sym-name', { title: s.name !== s.demangled ? `raw: ${s.name}` : null }, symView.raw ? s.name : s.demangled, s.exported ? h('span.tag.export', 'export') : null),
                h('td', s.kind),
                h('td', { class: `b-${s.binding}` }, s.binding),
                h('td.file', s.definedIn ? (s.definedIn === '<internal>' ? h('span.muted', 'linker') : shortFile(s.definedIn)) : h('span.muted', '—')),
                h('td.file.muted', refsSummary(s.referencedBy)),
                h('td', h('span.status', { class: `st-${s.status}`, title: STATUS_HELP[s.status] }, s.status)),
                h('td.num.mono', s.address != null ? hex(s.address) : s.index != null ? `#${s.index}` : ''),
            ),
        ),
    );
    if (!list.length) tbody.append(h('tr', h('td.muted', { colSpan: 7 }, 'No symbol matches.')));
    // app.js marks the selection after a full render; a refresh does it here.
    const sel = ctx.state.selection;
    for (const tr of tbody.children) tr.classList.toggle('is-selected', tr.dataset.key === sel);
}

function refsSummary(list) {
    if (!list.length) return '';
    const first = shortFile(list[0]);
    return list.length === 1 ? first : `${first} +${list.length - 1}`;
}

// ---------------------------------------------------------------------------------------
// Inputs (every object and archive member, loaded or not, and the stub libraries)

function renderInputs(el, ctx) {
    if (noReport(el, ctx)) return;
    const rep = ctx.state.result.report;
    const m = ctx.state.result.model;
    const objects = rep.inputs.filter((i) => i.kind === 'object');
    const stubs = rep.inputs.filter((i) => i.kind === 'stub');
    const archives = new Map();
    for (const i of rep.inputs.filter((x) => x.kind === 'member')) {
        if (!archives.has(i.archive)) archives.set(i.archive, []);
        archives.get(i.archive).push(i);
    }
    const row = (i) =>
        h(
            'tr',
            { dataset: { key: fileKey(i.name) }, class: i.loaded ? '' : 'not-loaded' },
            h('td.mono', i.kind === 'member' ? splitMember(i.name).member : shortFile(i.name)),
            h('td.num', num(i.size)),
            h('td', i.loaded ? h('span.status.st-live', 'loaded') : h('span.status.st-removed', 'not loaded')),
            h('td', i.pulledBy ? [symRef(m, i.pulledBy.symbol), h('span.muted', ' ← '), i.pulledBy.referencedBy.startsWith('<') ? h('span.muted', i.pulledBy.referencedBy) : fileRef(i.pulledBy.referencedBy)] : ''),
        );
    const table = (rows) => h('div.table-wrap', h('table.data.inputs-table', h('thead', h('tr', h('th', 'File'), h('th.num', 'Bytes'), h('th', 'State'), h('th', 'Pulled in by (symbol ← referencing file)'))), h('tbody', rows)));
    const groups = [h('h3', `Objects (${objects.length})`), table(objects.map(row))];
    if (stubs.length) groups.push(h('h3', `Stub libraries (${stubs.length})`, h('span.muted', ' what the host provides; they pull in what it calls back')), table(stubs.map(row)));
    for (const [archive, members] of archives) {
        const loaded = members.filter((x) => x.loaded);
        const rest = members.filter((x) => !x.loaded);
        groups.push(
            h('h3', shortFile(archive), h('span.muted', ` ${loaded.length} of ${members.length} members pulled in`)),
            table(loaded.map(row)),
            rest.length ? h('details.more', h('summary', `${rest.length} member${rest.length === 1 ? '' : 's'} not pulled in`), table(rest.map(row))) : null,
        );
    }
    clear(el, h('div.view-head', h('h2', 'Inputs'), h('span.muted', 'an archive member joins the link only when it defines a symbol that is still undefined')), groups);
}

// ---------------------------------------------------------------------------------------
// Diagnostics

function diagLine(d, ctx) {
    const m = ctx.state.result?.model;
    const parts = [h('span.sev', { class: `sev-${d.severity}` }, d.severity), ' ', h('span.diag-msg', d.message)];
    const where = [];
    if (d.file) where.push(h('span', 'in ', ref(fileKey(d.file), d.file, { cls: 'mono', goto: ctx.state.example ? 'source' : null })));
    if (d.section) where.push(h('span.muted', ` section ${d.section}`));
    if (d.offset != null) where.push(h('span.muted', ` at offset ${hex(d.offset)}`));
    if (d.symbol) {
        const s = m?.findSymbol(d.symbol);
        where.push(h('span', ' · symbol ', ref(s ? symKey(s) : `sym:${d.symbol}|`, d.symbol, { cls: 'mono', goto: s ? 'symbols' : ctx.state.example ? 'source' : null })));
    }
    if (where.length) parts.push(h('div.diag-where', where));
    return parts;
}

function renderDiagnostics(el, ctx) {
    const r = ctx.state.result;
    if (!r) return empty(el, ctx.state.inputs.length ? 'Linking…' : 'No inputs.');
    const list = r.diagnostics ?? [];
    const messages = r.messages ?? [];
    clear(
        el,
        h('div.view-head', h('h2', 'Diagnostics'), h('span.muted', r.ok ? 'the link succeeded' : 'the link failed')),
        list.length
            ? h(
                  'ul.diags',
                  list.map((d) =>
                      h(
                          'li.diag',
                          { class: `diag-${d.severity}`, 'data-also': [d.file && fileKey(d.file), d.symbol && `sym:${d.symbol}|`].filter(Boolean).join(' ') },
                          diagLine(d, ctx),
                          d.notes?.length ? h('ul.notes', d.notes.map((n) => h('li.mono', n))) : null,
                      ),
                  ),
              )
            : h('p.ok-line', '✓ No errors or warnings.'),
        messages.length ? [h('h3', 'Linker output'), h('pre.console', messages.join('\n'))] : null,
    );
}

// ---------------------------------------------------------------------------------------
// Source (the example's C files), with the selected symbol's uses marked

let currentSource = null;

function renderSource(el, ctx) {
    const ex = ctx.state.example;
    if (!ex || ctx.state.modified) {
        const user = ctx.state.inputs.filter((i) => i.user);
        if (!ex) return empty(el, user.length ? 'Your own files have no sources here: the page only sees the compiled objects.' : 'Choose an example to see its sources.');
    }
    const files = ex.sources;
    const wanted = sourceForSelection(ctx);
    if (wanted) currentSource = wanted;
    if (!files.includes(currentSource)) currentSource = files[0];
    const text = ctx.state.sources.get(`examples/src/${currentSource}`);
    const symbolNames = sourceIdentifiers(ctx.state.result?.report?.symbols ?? []);
    for (const d of ctx.state.result?.diagnostics ?? []) if (d.symbol) symbolNames.set(d.symbol, d.symbol);
    const selName = selectedSymbolName(ctx);
    clear(
        el,
        h('div.view-head', h('h2', ex.title), h('span.muted', ex.summary)),
        h(
            'div.file-tabs',
            files.map((f) => h('button.file-tab', { class: f === currentSource ? 'active' : '', onclick: () => ((currentSource = f), renderSource(el, ctx)) }, f.slice(f.indexOf('/') + 1))),
        ),
        h('pre.code', text == null ? 'Loading…' : highlightC(text, { symbolNames, selName, ctx })),
        h('p.muted.small', 'Built by www/examples/build.sh with clang-19 --target=wasm32-wasi -O2 -c (C++ also with -fno-exceptions -fno-rtti). Click a highlighted name to select its symbol.'),
    );
    const mark = el.querySelector('.sym-hit');
    if (mark && wanted) mark.scrollIntoView({ block: 'center' });
}

/** The source file of the selected file (hello.o → hello/hello.c), if it is one of ours. */
function sourceForSelection(ctx) {
    const sel = ctx.state.selection;
    if (!sel) return null;
    let file = null;
    if (sel.startsWith('file:')) file = sel.slice(5);
    else if (sel.startsWith('sym:')) {
        const s = ctx.state.result?.model?.symByKey.get(sel);
        file = s?.definedIn ?? null;
        if (!file) {
            const d = (ctx.state.result?.diagnostics ?? []).find((x) => x.symbol === sel.slice(4, sel.lastIndexOf('|')));
            file = d?.file ?? null;
        }
    }
    if (!file) return null;
    const stem = shortFile(file).replace(/\.o$/, '');
    return ctx.state.example?.sources.find((p) => p.endsWith(`/${stem}.c`) || p.endsWith(`/${stem}.cc`)) ?? null;
}

/**
 * Source identifier → raw symbol name. C names are their own identifiers; a C++ name is
 * found by the last part of its demangled name (`Stack<int, 8>::push(int)` → `push`), when
 * only one symbol has that part.
 */
function sourceIdentifiers(symbols) {
    const names = new Map(symbols.map((s) => [s.name, s.name]));
    const cxx = new Map();
    for (const s of symbols) {
        if (s.demangled === s.name) continue;
        const base = s.demangled.split('(')[0].replace(/<[^<>]*(<[^<>]*>[^<>]*)*>$/, '').split('::').pop();
        if (!/^[A-Za-z_]\w*$/.test(base) || names.has(base)) continue;
        cxx.set(base, cxx.has(base) && cxx.get(base) !== s.name ? null : s.name);
    }
    for (const [base, name] of cxx) if (name) names.set(base, name);
    return names;
}

function selectedSymbolName(ctx) {
    const sel = ctx.state.selection;
    if (!sel?.startsWith('sym:')) return null;
    return sel.slice(4, sel.lastIndexOf('|'));
}

const C_KEYWORDS = new Set('auto break case char const continue default do double else enum extern float for goto if inline int long register restrict return short signed sizeof static struct switch typedef union unsigned void volatile while _Bool _Thread_local __attribute__ size_t bool true false class template typename public private protected virtual override explicit this namespace operator new delete constexpr nullptr'.split(' '));

function highlightC(text, { symbolNames, selName, ctx }) {
    const out = [];
    const re = /(\/\/[^\n]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')|(^[ \t]*#[^\n]*)|(\b\d[\w.]*\b)|([A-Za-z_]\w*)/gm;
    let last = 0;
    for (const m of text.matchAll(re)) {
        if (m.index > last) out.push(text.slice(last, m.index));
        const [tok, comment, string, pre, number, ident] = m;
        if (comment) out.push(h('span.c-comment', tok));
        else if (string) out.push(h('span.c-string', tok));
        else if (pre) out.push(h('span.c-pre', tok));
        else if (number) out.push(h('span.c-number', tok));
        else if (ident && C_KEYWORDS.has(ident)) out.push(h('span.c-keyword', tok));
        else if (ident && symbolNames.has(ident)) {
            const name = symbolNames.get(ident);
            const s = ctx.state.result?.model?.findSymbol(name);
            out.push(h('a.c-sym', { href: '#', class: name === selName ? 'sym-hit' : '', dataset: { key: s ? symKey(s) : `sym:${name}|` } }, tok));
        } else out.push(tok);
        last = m.index + tok.length;
    }
    out.push(text.slice(last));
    return out;
}

// ---------------------------------------------------------------------------------------
// Map (wasm-ld's -Map output)

function renderMap(el, ctx) {
    if (noReport(el, ctx)) return;
    const map = ctx.state.result.map;
    clear(
        el,
        h('div.view-head', h('h2', 'Link map'), h('span.muted', 'what wasm-ld -Map=FILE writes: every output address and the input it came from')),
        map ? h('pre.console.map', map) : h('p.muted', 'No map was produced.'),
    );
}

// ---------------------------------------------------------------------------------------
// Run

function renderRun(el, ctx) {
    if (noReport(el, ctx)) return;
    const r = ctx.state.result;
    const run = ctx.state.run?.result === r ? ctx.state.run : null;
    const isReactor = !r.report.exports.some((e) => e.name === '_start');
    const argsInput = h('input.mono', {
        value: run?.argsText ?? [r.outputName, ...(ctx.state.example?.args?.slice(1) ?? [])].join(' '),
        'aria-label': 'Program arguments',
        spellcheck: false,
        onchange: (e) => {
            ctx.state.run ??= { result: r, lines: [], status: 'idle' };
            ctx.state.run.argsText = e.target.value;
        },
    });
    const status = !run
        ? 'not run yet'
        : run.status === 'running'
          ? 'running…'
          : run.status === 'exited'
            ? `exited with code ${run.code} after ${ms(run.ms)}`
            : run.status === 'ready'
              ? `initialised in ${ms(run.ms)}; call its exports below`
              : run.status;
    const lines = run?.lines ?? [];
    const exportsBox =
        run?.status === 'ready' && run.exports?.length
            ? h(
                  'div.calls',
                  h('h3', 'Exported functions'),
                  run.exports
                      .filter((e) => !e.name.startsWith('_'))
                      .map((e) => {
                          const inputs = e.params.map((t, i) => h('input.mono.arg', { placeholder: `${t} #${i}`, 'aria-label': `${e.name} argument ${i}`, inputmode: 'numeric' }));
                          return h(
                              'form.call',
                              {
                                  onsubmit: (ev) => {
                                      ev.preventDefault();
                                      const args = inputs.map((x, i) => (e.params[i] === 'i64' ? BigInt(x.value || 0) : Number(x.value || 0)));
                                      ctx.callExport(e.name, args);
                                  },
                              },
                              h('code', `${e.name}(`),
                              inputs.flatMap((x, i) => (i ? [', ', x] : [x])),
                              h('code', `) → ${e.results.join(', ') || 'void'}`),
                              h('button.btn.small', { type: 'submit' }, 'Call'),
                          );
                      }),
              )
            : null;
    clear(
        el,
        h('div.view-head', h('h2', 'Run'), h('span.muted', isReactor ? 'a reactor: _initialize runs the constructors, then its exports can be called' : 'runs _start under a small WASI shim in a worker')),
        h(
            'div.toolbar',
            isReactor ? null : h('label.grow', h('span', 'Arguments'), argsInput),
            h('button.btn.primary', { onclick: () => ctx.runModule() }, run ? '↻ Run again' : '▶ Run'),
            run?.status === 'running' ? h('button.btn', { onclick: () => ctx.stopRun('stopped') }, '■ Stop') : null,
            h('span.run-status', { class: run ? `run-${run.status}` : '' }, status),
        ),
        h(
            'pre.console.run-console',
            { 'aria-label': 'Program output' },
            lines.length ? lines.map((l) => h('span', { class: l.fd === 2 ? 'err' : l.fd === 0 ? 'sys' : 'out' }, l.text)) : h('span.sys', run ? '' : 'Press Run to start the program. Its output appears here.'),
        ),
        exportsBox,
        run?.wasiCalls?.length ? h('p.muted.small', 'WASI calls: ', run.wasiCalls.map(([n, c]) => `${n} ×${c}`).join(', ')) : null,
    );
}

// ---------------------------------------------------------------------------------------
// Inspector: the selected item in detail

export function renderInspector(el, ctx) {
    const r = ctx.state.result;
    const sel = ctx.state.selection;
    if (!r) return clear(el, h('h2', 'Details'), h('p.muted', 'Nothing linked yet.'));
    if (!sel) return clear(el, r.ok ? linkSummary(ctx) : failureSummary(ctx));
    const m = r.model;
    const [kind] = sel.split(':', 1);
    let body = null;
    if (kind === 'sym') body = m?.symByKey.get(sel) ? symbolDetails(m.symByKey.get(sel), ctx) : unresolvedDetails(sel, ctx);
    else if (kind === 'file') body = fileDetails(sel.slice(5), ctx);
    else if (m && kind === 'sec') body = sectionDetails(Number(sel.slice(4)), ctx);
    else if (m && kind === 'seg') body = segmentDetails(m.segByName.get(sel.slice(4)), ctx);
    else if (m && kind === 'piece') body = pieceDetails(sel, ctx);
    else if (m && kind === 'fn') body = functionDetails(m.fnByIndex.get(Number(sel.slice(3))), ctx);
    else if (m && kind === 'region') body = regionDetails(sel, ctx);
    clear(
        el,
        h('div.inspector-head', h('h2', 'Details'), h('button.icon', { title: 'Clear the selection (Esc)', 'aria-label': 'Clear the selection', onclick: () => ctx.select(null) }, '×')),
        body ?? h('p.muted', 'This item is not in the current link.'),
    );
}

function linkSummary(ctx) {
    const r = ctx.state.result;
    const rep = r.report;
    const timings = rep.timings ?? [];
    const total = timings.reduce((n, t) => n + t.ms, 0) || 1;
    return [
        h('h2', 'This link'),
        dl([
            ['Output', h('span', h('span.mono', r.outputName), ` · ${num(rep.outputSize)} bytes`)],
            ['Link time', `${ms(r.ms)} in a Web Worker`],
            ['Exports', rep.exports.map((e) => e.name).join(', ') || 'none'],
            ['Imports', `${rep.imports.length} (${[...new Set(rep.imports.map((i) => i.module))].join(', ') || 'none'})`],
            ['Warnings', String(r.warnings.length)],
        ]),
        timings.length
            ? [
                  h('h3', 'Time per phase'),
                  h(
                      'div.timings',
                      timings.map((t) => h('div.timing', { 'data-tip': `${t.phase}: ${ms(t.ms)}` }, h('span.timing-name', t.phase), h('span.timing-bar', h('span', { style: { width: pct(t.ms, total) } })), h('span.timing-ms', ms(t.ms)))),
                  ),
              ]
            : null,
        h('p.muted.small', 'Click any section, memory region, symbol or file to see it here; related items are highlighted everywhere.'),
    ];
}

function failureSummary(ctx) {
    const r = ctx.state.result;
    return [h('h2', 'Link failed'), h('p', r.diagnostics.filter((d) => d.severity === 'error').length, ' error(s). Click a file or symbol in a diagnostic to see it here and in the sources.'), h('ul.failed-list', r.diagnostics.map((d) => h('li', diagLine(d, ctx))))];
}

function badges(s) {
    return h(
        'div.badges',
        h('span.status', { class: `st-${s.status}`, title: STATUS_HELP[s.status] }, s.status),
        h('span.chip', s.kind),
        h('span.chip', { class: `b-${s.binding}` }, s.binding),
        h('span.chip', s.visibility),
        s.exported ? h('span.chip.on', 'exported') : null,
        s.imported ? h('span.chip.on', 'imported') : null,
    );
}

function symbolDetails(s, ctx) {
    const m = ctx.state.result.model;
    const where = [];
    if (s.address != null) where.push(['Address', h('span.mono', `${hex(s.address)} (${num(s.address)})`)]);
    if (s.index != null) where.push([s.kind === 'function' ? 'Function index' : `${s.kind} index`, h('span.mono', `#${s.index}`)]);
    if (s.size != null) where.push(['Size', `${num(s.size)} bytes`]);
    if (s.tableIndex != null) where.push(['Table slot', h('span.mono', `#${s.tableIndex}`)]);
    const at = s.kind === 'data' && s.address != null ? m.locate(s.address) : null;
    if (at) where.push(['In segment', [ref(segKey(at.seg), at.seg.name, { cls: 'mono', goto: 'memory' }), at.piece ? h('span.muted', ` (${at.piece.name})`) : null]]);
    const chain = m.liveChain(s);
    return [
        h('h3.sym-title.mono', s.demangled || s.name),
        s.demangled && s.demangled !== s.name ? h('p.raw.mono', { title: 'raw (mangled) name' }, s.name) : null,
        badges(s),
        h('p.muted.small', STATUS_HELP[s.status] ?? ''),
        dl([
            ['Defined in', s.definedIn ? (s.definedIn === '<internal>' ? h('span.muted', 'the linker (synthetic)') : fileRef(s.definedIn)) : h('span.muted', 'nowhere (undefined)')],
            ...where,
            ['Referenced by', s.referencedBy.length ? h('ul.plain', s.referencedBy.map((f) => h('li', fileRef(f)))) : h('span.muted', 'no input')],
        ]),
        h('h3', 'Why it is live'),
        chain.path.length || chain.root
            ? h(
                  'ol.chain',
                  { 'aria-label': 'why-live chain' },
                  h('li.chain-self', h('span.mono', s.demangled || s.name)),
                  chain.path.map((p) => h('li', ref(symKey(p), p.demangled || p.name, { title: p.name, cls: 'mono' }), p.definedIn ? h('span.muted.small', ` in ${shortFile(p.definedIn)}`) : null)),
                  chain.root ? h('li.chain-root', h('span.root', chain.root)) : null,
              )
            : h('p.muted', s.status === 'live' ? (s.definedIn === '<internal>' ? 'Made by the linker.' : 'A root itself, or kept for its section.') : `Not live: ${s.status}.`),
        s.otherDefinitions.length || (s.definedIn && s.binding !== 'local')
            ? [
                  h('h3', 'Definitions'),
                  h(
                      'ul.defs',
                      s.definedIn ? h('li.won', h('span.verdict', 'won'), ' ', fileRef(s.definedIn), h('span.muted', ` (${s.binding})`)) : null,
                      s.otherDefinitions.map((d) => h('li.lost', h('span.verdict', 'lost'), ' ', fileRef(d.file), h('span.muted', ` (${d.reason})`))),
                  ),
              ]
            : null,
        s.pulledIn
            ? [
                  h('h3', 'Pulled in'),
                  h('p', 'This symbol pulled ', fileRef(s.pulledIn), ' out of its archive into the link.'),
              ]
            : null,
    ];
}

/** A symbol the report does not have: a failed link's undefined symbol. */
function unresolvedDetails(key, ctx) {
    const name = key.slice(4, key.lastIndexOf('|'));
    const diags = (ctx.state.result.diagnostics ?? []).filter((d) => d.symbol === name);
    return [
        h('h3.sym-title.mono', name),
        h('div.badges', h('span.status.st-undefined', 'undefined')),
        diags.length
            ? [h('p', 'Used but defined by no input:'), h('ul.plain', diags.map((d) => h('li', d.file ? fileRef(d.file, { goto: 'source' }) : 'unknown file', h('span.muted', ` — ${d.message}`))))]
            : h('p.muted', 'Not in this link.'),
        h('p.muted.small', 'Define it in one of the inputs, add the object or archive that defines it, or allow it with --allow-undefined / --import-undefined.'),
    ];
}

function fileDetails(name, ctx) {
    const r = ctx.state.result;
    const m = r.model;
    const input = m?.inputByName.get(name);
    const given = ctx.state.inputs.find((i) => i.name === name);
    const diags = (r.diagnostics ?? []).filter((d) => d.file === name);
    const syms = m?.fileSyms.get(name) ?? [];
    const fns = m?.fileFns.get(name) ?? [];
    const pieces = m?.filePieces.get(name) ?? [];
    const src = ctx.state.example?.sources.find((p) => p.endsWith(`/${shortFile(name).replace(/\.o$/, '')}.c`));
    return [
        h('h3.mono', shortFile(name)),
        dl([
            ['Kind', input ? (input.kind === 'member' ? `member of ${shortFile(input.archive)}` : 'object') : given ? 'input file' : 'file'],
            ['Size', input ? `${num(input.size)} bytes` : given ? `${num(given.bytes.length)} bytes` : ''],
            input ? ['Loaded', input.loaded ? 'yes' : 'no, nothing needed it'] : null,
            input?.pulledBy ? ['Pulled in by', [symRef(m, input.pulledBy.symbol), h('span.muted', ' referenced by '), input.pulledBy.referencedBy.startsWith('<') ? h('span.muted', input.pulledBy.referencedBy) : fileRef(input.pulledBy.referencedBy)]] : null,
            src ? ['Source', ref(fileKey(name), src.slice(src.indexOf('/') + 1), { goto: 'source', cls: 'mono' })] : null,
        ]),
        diags.length ? [h('h3', 'Diagnostics'), h('ul.failed-list', diags.map((d) => h('li', diagLine(d, ctx))))] : null,
        syms.length
            ? [
                  h('h3', `Defines ${syms.length} symbol${syms.length === 1 ? '' : 's'}`),
                  h('ul.plain.syms', syms.slice(0, 60).map((s) => h('li', ref(symKey(s), s.demangled || s.name, { cls: 'mono' }), ' ', h('span.status.small', { class: `st-${s.status}` }, s.status)))),
                  syms.length > 60 ? h('p.muted', `… ${syms.length - 60} more`) : null,
              ]
            : null,
        fns.length ? h('p.muted', `${fns.length} function${fns.length === 1 ? '' : 's'} in the output, ${num(fns.reduce((n, f) => n + f.size, 0))} bytes of code.`) : null,
        pieces.length ? h('p.muted', `${pieces.length} data piece${pieces.length === 1 ? '' : 's'}, ${num(pieces.reduce((n, p) => n + p.piece.size, 0))} bytes of memory.`) : null,
    ];
}

function sectionDetails(i, ctx) {
    const rep = ctx.state.result.report;
    const s = rep.sections[i];
    if (!s) return null;
    return [
        h('h3', h('span.swatch', { class: sectionClass(s) }), s.name),
        dl([
            ['Id', `${s.id}${s.id === 0 ? ' (custom)' : ''}`],
            ['Offset', h('span.mono', `${hex(s.offset)} (${num(s.offset)})`)],
            ['Size', `${num(s.size)} bytes, ${((100 * s.size) / rep.outputSize).toFixed(1)}% of the file`],
            s.count != null ? ['Entries', num(s.count)] : null,
        ]),
        h('p', h('button.btn.small', { onclick: () => (openSections.add(s.name), ctx.setTab('sections')) }, 'Open in Sections')),
    ];
}

function segmentDetails(seg, ctx) {
    if (!seg) return null;
    const m = ctx.state.result.model;
    const syms = m.symbolsIn(seg.address, seg.address + seg.size);
    return [
        h('h3.mono', seg.name),
        dl([
            ['Address', h('span.mono', `${hex(seg.address)}–${hex(seg.address + seg.size)}`)],
            ['Size', `${num(seg.size)} bytes`],
            ['Alignment', seg.alignment],
            ['In the file', seg.inBinary ? h('span.mono', `at ${hex(seg.fileOffset)}`) : 'no (zero-filled)'],
            ['Flags', [seg.isBss && 'bss', seg.isTls && 'tls', seg.passive && 'passive'].filter(Boolean).join(', ') || 'none'],
        ]),
        h('h3', `${seg.pieces.length} input piece${seg.pieces.length === 1 ? '' : 's'}`),
        h('ul.plain', seg.pieces.map((p, i) => h('li', ref(pieceKey(seg, i), p.name, { cls: 'mono' }), h('span.muted', ` ${num(p.size)} B · `), p.file.startsWith('<') ? h('span.muted', p.file) : fileRef(p.file)))),
        syms.length ? [h('h3', `${syms.length} symbol${syms.length === 1 ? '' : 's'}`), h('ul.plain.syms', syms.slice(0, 40).map((s) => h('li', ref(symKey(s), s.demangled, { cls: 'mono' }), h('span.muted', ` ${hex(s.address)}`))))] : null,
    ];
}

function pieceDetails(key, ctx) {
    const m = ctx.state.result.model;
    const [segName, i] = key.slice(6).split('|');
    const seg = m.segByName.get(segName);
    const p = seg?.pieces[Number(i)];
    if (!p) return null;
    const syms = m.symbolsIn(p.address, p.address + p.size);
    return [
        h('h3.mono', p.name),
        dl([
            ['From', p.file.startsWith('<') ? p.file : fileRef(p.file)],
            ['Output segment', ref(segKey(seg), seg.name, { cls: 'mono' })],
            ['Address', h('span.mono', `${hex(p.address)}–${hex(p.address + p.size)}`)],
            ['Size', `${num(p.size)} bytes`],
            ['Alignment', p.alignment],
            p.inputOffset != null ? ['Input offset', h('span.mono', hex(p.inputOffset))] : null,
        ]),
        syms.length ? [h('h3', 'Symbols'), h('ul.plain.syms', syms.map((s) => h('li', ref(symKey(s), s.demangled, { cls: 'mono' }), h('span.muted', ` ${hex(s.address)}`))))] : null,
    ];
}

function functionDetails(f, ctx) {
    if (!f) return null;
    const m = ctx.state.result.model;
    const s = m.fnSym.get(f.index);
    return [
        h('h3.mono', f.name),
        dl([
            ['Symbol', s ? ref(symKey(s), s.demangled, { cls: 'mono' }) : h('span.muted', '—')],
            ['Index', h('span.mono', `#${f.index}`)],
            ['Signature', h('span.mono', f.signature)],
            ['Body', `${num(f.size)} bytes at ${hex(f.fileOffset)}`],
            ['Defined in', f.file === '<internal>' ? h('span.muted', 'the linker (synthetic)') : fileRef(f.file)],
            f.inputOffset != null ? ['Input offset', h('span.mono', hex(f.inputOffset))] : null,
            f.tableIndex != null ? ['Table slot', h('span.mono', `#${f.tableIndex}`)] : null,
        ]),
    ];
}

function regionDetails(key, ctx) {
    const mem = ctx.state.result.report.memory;
    const { regions } = memoryRegions(mem);
    const g = regions.find((x) => x.key === key);
    if (!g) return null;
    return [h('h3', g.label), dl([['Start', h('span.mono', hex(g.start))], ['End', h('span.mono', hex(g.end))], ['Size', `${num(g.end - g.start)} bytes (${bytes(g.end - g.start)})`]]), h('p.muted', regionNote(g, mem))];
}
