// The report, indexed: keys for everything a view can show, and which items relate to
// which (a click in one view highlights the related items in the others).
//
// Keys: sym:NAME|FILE  file:NAME  sec:I (index in report.sections)  seg:NAME
//       piece:SEG|I  fn:INDEX  region:stack|heap|reserved|gap@ADDR

import { whyLive } from '../pkg/report.js';

export const symKey = (s) => `sym:${s.name}|${s.definedIn ?? ''}`;
export const fileKey = (name) => `file:${name}`;
export const fnKey = (index) => `fn:${index}`;
export const segKey = (seg) => `seg:${seg.name}`;
export const pieceKey = (seg, i) => `piece:${seg.name}|${i}`;
export const secKey = (i) => `sec:${i}`;

export class Model {
    constructor(report, wasm) {
        this.report = report;
        this.wasm = wasm;
        const r = report;
        this.symbols = r.symbols;
        this.symByKey = new Map();
        this.symsByName = new Map();
        this.fileSyms = new Map();
        this.fnSym = new Map();
        for (const s of r.symbols) {
            const k = symKey(s);
            this.symByKey.set(k, s);
            push(this.symsByName, s.name, s);
            // Messages use display names (`main` for __main_argc_argv).
            if (s.demangled && s.demangled !== s.name) push(this.symsByName, s.demangled, s);
            if (s.definedIn) push(this.fileSyms, s.definedIn, s);
            if (s.kind === 'function' && s.index != null && s.status === 'live' && !this.fnSym.has(s.index)) this.fnSym.set(s.index, s);
        }
        this.fnByIndex = new Map(r.functions.map((f) => [f.index, f]));
        this.fileFns = new Map();
        for (const f of r.functions) push(this.fileFns, f.file, f);
        this.inputByName = new Map(r.inputs.map((i) => [i.name, i]));
        this.segByName = new Map(r.memory.segments.map((s) => [s.name, s]));
        this.filePieces = new Map();
        for (const seg of r.memory.segments) seg.pieces.forEach((p, i) => push(this.filePieces, p.file, { seg, piece: p, i }));
        this.secIndex = (name) => r.sections.findIndex((s) => s.name === name);
        this.importedFunctions = r.imports.filter((i) => i.kind === 'function').length;
    }

    /** The symbol a why-live entry or diagnostic names. */
    /** Why `s` is live: the symbols that keep it (direct referrer first) and the root reason. */
    liveChain(s) {
        return whyLive(this.report, s);
    }

    findSymbol(name, file) {
        const list = this.symsByName.get(name) ?? [];
        if (file) return list.find((s) => s.definedIn === file) ?? list[0] ?? null;
        return list.find((s) => s.name === name && s.status === 'live') ?? list.find((s) => s.status === 'live') ?? list[0] ?? null;
    }

    /** The data segment and piece holding an address. */
    locate(address) {
        for (const seg of this.report.memory.segments) {
            if (address < seg.address || address >= seg.address + Math.max(seg.size, 1)) continue;
            const i = seg.pieces.findIndex((p) => address >= p.address && address < p.address + Math.max(p.size, 1));
            return { seg, piece: i >= 0 ? seg.pieces[i] : null, pieceIndex: i };
        }
        return null;
    }

    /** Symbols whose address falls in [start, end). */
    symbolsIn(start, end) {
        return this.symbols.filter((s) => s.kind === 'data' && s.address != null && s.address >= start && s.address < end && s.status === 'live');
    }

    /** The keys related to `key` (not including it). */
    related(key) {
        const out = new Set();
        const add = (k) => k && k !== key && out.add(k);
        const [kind, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
        const r = this.report;
        const sec = (name) => {
            const i = this.secIndex(name);
            if (i >= 0) add(secKey(i));
        };
        if (kind === 'sym') {
            const s = this.symByKey.get(key);
            if (!s) return out;
            if (s.definedIn) add(fileKey(s.definedIn));
            s.referencedBy.forEach((f) => add(fileKey(f)));
            s.otherDefinitions.forEach((d) => add(fileKey(d.file)));
            if (s.pulledIn) add(fileKey(s.pulledIn));
            if (s.imported) sec('IMPORT');
            if (s.exported) sec('EXPORT');
            if (s.kind === 'function' && s.index != null && s.status === 'live') {
                if (!s.imported) {
                    add(fnKey(s.index));
                    sec('CODE');
                    sec('FUNCTION');
                }
                if (s.tableIndex != null) sec('ELEM');
            }
            if (s.kind === 'global' && s.index != null) sec('GLOBAL');
            if (s.kind === 'data' && s.address != null && s.status === 'live') {
                const at = this.locate(s.address);
                if (at) {
                    add(segKey(at.seg));
                    if (at.piece) add(pieceKey(at.seg, at.pieceIndex));
                    if (at.seg.inBinary) sec('DATA');
                }
                if (s.name === '__heap_base') add('region:heap');
                if (s.name === '__stack_low' || s.name === '__stack_high') add('region:stack');
            }
            if (s.name === '__stack_pointer') add('region:stack');
        } else if (kind === 'file') {
            const name = rest;
            (this.fileSyms.get(name) ?? []).forEach((s) => add(symKey(s)));
            (this.fileFns.get(name) ?? []).forEach((f) => add(fnKey(f.index)));
            (this.filePieces.get(name) ?? []).forEach(({ seg, i }) => add(pieceKey(seg, i)));
            const input = this.inputByName.get(name);
            if (input?.pulledBy) {
                const s = this.findSymbol(input.pulledBy.symbol);
                if (s) add(symKey(s));
            }
        } else if (kind === 'sec') {
            const s = r.sections[Number(rest)];
            if (!s) return out;
            if (s.name === 'CODE' || s.name === 'FUNCTION') r.functions.forEach((f) => add(fnKey(f.index)));
            if (s.name === 'DATA') r.memory.segments.filter((g) => g.inBinary).forEach((g) => add(segKey(g)));
            if (s.name === 'IMPORT') r.symbols.filter((x) => x.imported).forEach((x) => add(symKey(x)));
            if (s.name === 'EXPORT') r.symbols.filter((x) => x.exported).forEach((x) => add(symKey(x)));
            if (s.name === 'ELEM') r.functions.filter((f) => f.tableIndex != null).forEach((f) => add(fnKey(f.index)));
            if (s.name === 'MEMORY') add('region:stack'), add('region:heap');
        } else if (kind === 'seg') {
            const seg = this.segByName.get(rest);
            if (!seg) return out;
            if (seg.inBinary) sec('DATA');
            seg.pieces.forEach((p, i) => {
                add(pieceKey(seg, i));
                add(fileKey(p.file));
            });
            this.symbolsIn(seg.address, seg.address + seg.size).forEach((s) => add(symKey(s)));
        } else if (kind === 'piece') {
            const [segName, i] = rest.split('|');
            const seg = this.segByName.get(segName);
            const p = seg?.pieces[Number(i)];
            if (!p) return out;
            add(segKey(seg));
            add(fileKey(p.file));
            if (seg.inBinary) sec('DATA');
            this.symbolsIn(p.address, p.address + p.size).forEach((s) => add(symKey(s)));
        } else if (kind === 'fn') {
            const f = this.fnByIndex.get(Number(rest));
            if (!f) return out;
            const s = this.fnSym.get(f.index);
            if (s) add(symKey(s));
            add(fileKey(f.file));
            sec('CODE');
        } else if (kind === 'region') {
            if (rest === 'stack') {
                (this.symsByName.get('__stack_pointer') ?? []).forEach((s) => add(symKey(s)));
                sec('GLOBAL');
            }
            if (rest === 'heap') (this.symsByName.get('__heap_base') ?? []).forEach((s) => add(symKey(s)));
            sec('MEMORY');
        }
        return out;
    }
}

function push(map, key, value) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/**
 * Linear memory as a list of regions from 0 to the end of the initial memory:
 * [{ kind: 'reserved'|'data'|'bss'|'tls'|'stack'|'heap'|'gap', start, end, key, label, seg? }]
 */
export function memoryRegions(mem) {
    const page = mem.pageSize || 65536;
    const segs = mem.segments;
    const dataEnd = Math.max(mem.dataEnd ?? 0, ...segs.map((s) => s.address + s.size));
    const end = Math.max(mem.initialPages * page, mem.heapEnd ?? 0, mem.stackHigh ?? 0, dataEnd, page);
    const items = [];
    if (mem.stackHigh > mem.stackLow) items.push({ kind: 'stack', start: mem.stackLow, end: mem.stackHigh, key: 'region:stack', label: 'stack' });
    for (const seg of segs) {
        const kind = seg.isTls ? 'tls' : seg.isBss ? 'bss' : 'data';
        items.push({ kind, start: seg.address, end: seg.address + seg.size, key: segKey(seg), label: seg.name, seg });
    }
    const heapEnd = mem.heapEnd > mem.heapBase ? mem.heapEnd : end;
    if (mem.heapBase != null && heapEnd > mem.heapBase) items.push({ kind: 'heap', start: mem.heapBase, end: heapEnd, key: 'region:heap', label: 'heap' });
    items.sort((a, b) => a.start - b.start || a.end - b.end);
    const out = [];
    let at = 0;
    for (const it of items) {
        if (it.start > at) {
            const reserved = at === 0 && !mem.stackFirst;
            out.push({ kind: reserved ? 'reserved' : 'gap', start: at, end: it.start, key: reserved ? 'region:reserved' : `region:gap@${at}`, label: reserved ? 'unused (below --global-base)' : 'padding' });
        }
        out.push(it);
        at = Math.max(at, it.end);
    }
    if (at < end) out.push({ kind: 'gap', start: at, end, key: `region:gap@${at}`, label: 'unused' });
    return { regions: out, end, page, dataEnd };
}

/** Section headers of a module: [{ id, name, offset, size }] (size includes the header). */
export function parseSections(bytes) {
    const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const names = ['custom', 'TYPE', 'IMPORT', 'FUNCTION', 'TABLE', 'MEMORY', 'GLOBAL', 'EXPORT', 'START', 'ELEM', 'CODE', 'DATA', 'DATACOUNT', 'TAG'];
    const out = [];
    let p = 8;
    while (p < b.length) {
        const offset = p;
        const id = b[p++];
        const [size, q] = leb(b, p);
        let name = names[id] ?? `id ${id}`;
        if (id === 0) {
            const [n, r] = leb(b, q);
            name = new TextDecoder().decode(b.subarray(r, r + n));
        }
        p = q + size;
        out.push({ id, name, offset, size: p - offset, contentOffset: q, contentSize: size });
    }
    return out;
}

export function leb(b, p) {
    let r = 0, s = 0, x;
    do {
        x = b[p++];
        r += (x & 0x7f) * 2 ** s;
        s += 7;
    } while (x & 0x80);
    return [r, p];
}

/** The `producers` and `target_features` custom sections, decoded. */
export function decodeCustom(bytes, sec) {
    const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    let p = sec.contentOffset;
    const end = sec.contentOffset + sec.contentSize;
    const dec = new TextDecoder();
    const str = () => {
        const [n, q] = leb(b, p);
        p = q + n;
        return dec.decode(b.subarray(q, q + n));
    };
    const count = () => {
        const [n, q] = leb(b, p);
        p = q;
        return n;
    };
    try {
        str(); // the section name
        if (sec.name === 'producers') {
            const fields = [];
            for (let n = count(); n > 0 && p < end; n--) {
                const field = str();
                const values = [];
                for (let m = count(); m > 0; m--) values.push(`${str()} ${str()}`.trim());
                fields.push({ field, values });
            }
            return { producers: fields };
        }
        if (sec.name === 'target_features') {
            const features = [];
            for (let n = count(); n > 0 && p < end; n--) {
                const prefix = String.fromCharCode(b[p++]);
                features.push(prefix + str());
            }
            return { features };
        }
    } catch {
        return null;
    }
    return null;
}
