// DOM and formatting helpers.

/** h('div.card#id', { onclick, title, dataset: {...}, class: '...' }, ...children) */
export function h(tag, props, ...children) {
    const m = /^([a-z0-9-]+)?((?:[.#][\w-]+)*)$/i.exec(tag);
    const el = document.createElement(m?.[1] || 'div');
    for (const part of (m?.[2] ?? '').match(/[.#][\w-]+/g) ?? []) {
        if (part[0] === '.') el.classList.add(part.slice(1));
        else el.id = part.slice(1);
    }
    if (props && (typeof props !== 'object' || props instanceof Node || Array.isArray(props))) {
        children.unshift(props);
        props = null;
    }
    for (const [k, v] of Object.entries(props ?? {})) {
        if (v == null || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k === 'class') el.className += (el.className ? ' ' : '') + v;
        else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
        else if (k in el && typeof v !== 'string') el[k] = v;
        else el.setAttribute(k, v === true ? '' : v);
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const c of children) {
        if (c == null || c === false) continue;
        if (Array.isArray(c)) append(el, c);
        else el.append(c instanceof Node ? c : String(c));
    }
}

export const $ = (sel, root = document) => root.querySelector(sel);
export const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

export function clear(el, ...children) {
    el.replaceChildren();
    append(el, children);
    return el;
}

const nf = new Intl.NumberFormat('en-US');
export const num = (n) => (n == null ? '' : nf.format(n));
export const hex = (n, width = 0) => (n == null ? '' : '0x' + n.toString(16).padStart(width, '0'));

/** 1536 → "1.5 KiB" */
export function bytes(n) {
    if (n == null) return '';
    if (n < 1024) return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = n / 1024, i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v >= 100 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

export const ms = (t) => (t == null ? '' : t < 10 ? `${t.toFixed(2)} ms` : t < 100 ? `${t.toFixed(1)} ms` : `${Math.round(t)} ms`);

/** "libc.a(printf.o)" → { archive: "libc.a", member: "printf.o" } */
export function splitMember(name) {
    const m = /^(.*)\(([^()]*)\)$/.exec(name ?? '');
    return m ? { archive: m[1], member: m[2] } : { archive: null, member: name };
}

/** The last path component, keeping an archive member: "/x/libc.a(printf.o)" → "libc.a(printf.o)". */
export function shortFile(name) {
    if (!name) return name;
    const { archive, member } = splitMember(name);
    const base = (p) => p.slice(p.lastIndexOf('/') + 1);
    return archive ? `${base(archive)}(${member})` : base(name);
}

export function debounce(fn, wait) {
    let t = null;
    return (...a) => {
        clearTimeout(t);
        t = setTimeout(() => fn(...a), wait);
    };
}
