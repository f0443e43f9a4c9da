// End-to-end test of the playground (www/) in Debian's Chromium, driven by playwright-core.
// Run by `scripts/playground --test` (which builds www/pkg/ and the examples first).
// Loads the page from a local static server, links every example, checks concrete values in
// each view against the linked bytes and wasm-ld-19's reference outputs, runs the programs,
// drops a user file, and fails on any console error. Screenshots (desktop and phone) go to
// target/playground-screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-static.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const www = join(repo, 'www');
const shots = join(repo, 'target', 'playground-screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const DESKTOP = { width: 1440, height: 1000 };
const PHONE = { width: 390, height: 844 };

let server, url, browser, context, page;
const problems = []; // console errors, page errors, failed requests

function watch(p) {
    p.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
    });
    p.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    p.on('requestfailed', (r) => {
        // The browser aborts the favicon's load when the test navigates on (open() loads a
        // new URL) before it finished; a 404 for it still counts (the 'response' handler).
        const navigatedAway = r.url().endsWith('/favicon.svg') && r.failure()?.errorText === 'net::ERR_ABORTED';
        if (!navigatedAway) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
    });
    p.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
}

before(async () => {
    for (const f of ['pkg/browser.js', 'examples/out/lib/libc.a', 'examples/out/ref/hello.wasm']) {
        assert.ok(existsSync(join(www, f)), `www/${f} is missing: run scripts/playground --build first`);
    }
    mkdirSync(shots, { recursive: true });
    ({ server, url } = await startServer({ root: www, port: 0 }));
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
    page = await context.newPage();
    watch(page);
});

after(async () => {
    await browser?.close();
    server?.close();
});

/** Opens the page at a hash and waits for the link to finish (linked or failed). */
let loads = 0;
async function open(hash, p = page) {
    // A new query string makes it a real page load, not just a hash change.
    await p.goto(`${url}?load=${++loads}#${hash}`);
    return settle(p);
}

async function settle(p = page) {
    await p.waitForFunction(() => ['linked', 'failed', 'fatal'].includes(document.body.dataset.linkState), null, { timeout: 30_000 });
    const stateName = await p.evaluate(() => document.body.dataset.linkState);
    assert.notEqual(stateName, 'fatal', await p.textContent('#status-text'));
    return stateName;
}

async function tab(name, p = page) {
    await p.click(`#tabs [data-tab="${name}"]`);
    await p.waitForSelector(`#view[data-view="${name}"]`);
}

async function linkedBytes(p = page) {
    return Buffer.from(await p.evaluate(() => Array.from(window.playground.state.result.wasm)));
}

function shot(name, p = page, fullPage = false) {
    return p.screenshot({ path: join(shots, `${name}.png`), fullPage });
}

/** Section headers of a wasm module: [{ name, offset, size }], size including the header. */
function sections(buf) {
    const names = ['custom', 'TYPE', 'IMPORT', 'FUNCTION', 'TABLE', 'MEMORY', 'GLOBAL', 'EXPORT', 'START', 'ELEM', 'CODE', 'DATA', 'DATACOUNT'];
    const out = [];
    let p = 8;
    const leb = () => {
        let r = 0, s = 0, b;
        do {
            b = buf[p++];
            r += (b & 0x7f) * 2 ** s;
            s += 7;
        } while (b & 0x80);
        return r;
    };
    while (p < buf.length) {
        const offset = p;
        const id = buf[p++];
        const size = leb();
        const start = p;
        let name = names[id];
        if (id === 0) {
            const n = leb();
            name = buf.subarray(p, p + n).toString();
        }
        let firstAddress = null;
        if (id === 11) {
            leb(); // count
            const flags = leb();
            if (flags === 0 && buf[p] === 0x41) {
                p++;
                firstAddress = leb();
            }
        }
        p = start + size;
        out.push({ name, offset, size: p - offset, firstAddress });
    }
    return out;
}

const ref = (id) => readFileSync(join(www, 'examples', 'out', 'ref', `${id}.wasm`));

test('hello: the browser link is byte-identical to wasm-ld-19, and every view shows it', async () => {
    assert.equal(await open('ex=hello'), 'linked');
    assert.match(await page.textContent('#status-text'), /^Linked in [\d.]+ ms/);
    const wasm = await linkedBytes();
    assert.ok(wasm.equals(ref('hello')), 'the page linked different bytes than wasm-ld-19 did');
    // libc.a comes after the objects, so the worker linked through a Linker session.
    assert.equal(await page.evaluate(() => document.body.dataset.libraries), 'prepared');

    // Sections: one row per section, with the module's own offsets and sizes.
    await tab('sections');
    const rows = await page.$$eval('#view tr.sec-row', (trs) => trs.map((tr) => ({ name: tr.dataset.section, size: tr.querySelector('.sec-size').textContent, offset: tr.children[3].textContent })));
    const expected = sections(wasm);
    assert.deepEqual(
        rows,
        expected.map((s) => ({ name: s.name, size: s.size.toLocaleString('en-US'), offset: '0x' + s.offset.toString(16) })),
    );
    const code = expected.find((s) => s.name === 'CODE');
    assert.ok(code.size > 1000);
    // The CODE section is open by default and lists functions with their sizes.
    assert.ok(await page.isVisible('#view table.functions tr[data-key] >> text=__original_main'), 'CODE summary lists functions');
    await shot('desktop-hello-sections');

    // Memory: the first data segment sits where the DATA section puts it.
    await tab('memory');
    const data = expected.find((s) => s.name === 'DATA');
    assert.equal(data.firstAddress, 1024);
    const rodata = page.locator('#view tr.mem-row[data-key="seg:.rodata"]');
    assert.equal(await rodata.locator('td').nth(1).textContent(), '0x400');
    // …with its input pieces inside, e.g. hello.o's string table.
    assert.ok((await page.locator('#view tr.piece-row').count()) > 3);
    const stackRow = page.locator('#view tr[data-key="region:stack"]');
    assert.equal(await stackRow.locator('td').nth(3).textContent(), '65,536');
    await page.hover('#view .mem-bar [data-key="seg:.rodata"]');
    assert.match(await page.textContent('#tip'), /\.rodata\n0x400–0x/);
    await shot('desktop-hello-memory');

    // Symbols: printf is live, defined in libc.a(printf.o), and reached from _start.
    await tab('symbols');
    await page.fill('#view input.search', 'printf');
    const row = page.locator('#view tr[data-symbol="printf"]');
    assert.equal(await row.locator('td').nth(5).textContent(), 'live');
    assert.equal(await row.locator('td').nth(3).textContent(), 'libc.a(printf.o)');
    await row.click();
    await page.waitForSelector('#inspector ol.chain');
    const chain = await page.$$eval('#inspector ol.chain > li', (lis) => lis.map((li) => li.textContent.trim()));
    assert.deepEqual(chain, [
        'printf',
        'main in hello.o',
        '__main_void in libc.a(__main_void.o)',
        '__original_main in libc.a(__original_main.o)',
        '_start in crt1-command.o',
        'entry point',
    ]);
    assert.match(await page.textContent('#inspector'), /This symbol pulled libc\.a\(printf\.o\) out of its archive/);
    // The selection is shared: the defining file is highlighted in the sidebar's input list
    // and the URL names the symbol.
    assert.ok(await page.isVisible('#inputs li.is-related[data-key="file:libc.a"]'), 'the archive holding printf.o is highlighted');
    assert.ok(await page.isVisible('#inputs li.is-related[data-key="file:hello.o"]'), 'hello.o, which calls printf, is highlighted');
    assert.ok(await page.isVisible('#overview .file-bar .bar-seg.is-related[data-key]'), 'the CODE section is highlighted');
    assert.match(await page.evaluate(() => location.hash), /sel=sym:printf\|libc\.a\(printf\.o\)/);
    await shot('desktop-hello-symbol');
    // Each link in the chain selects that symbol; main is shown demangled, raw on request.
    await page.click('#inspector ol.chain a.ref:text-is("main")');
    await page.waitForSelector('#inspector p.raw');
    assert.equal(await page.textContent('#inspector p.raw'), '__main_argc_argv');
    assert.equal(await page.textContent('#inspector h3.sym-title'), 'main');
    // A removed symbol.
    await page.fill('#view input.search', 'realloc');
    assert.equal(await page.locator('#view tr[data-symbol="realloc"] td').nth(5).textContent(), 'removed');

    // Run: the program prints under the WASI shim.
    await page.click('#run');
    await page.waitForSelector('#view .run-exited', { timeout: 15_000 });
    const out = await page.textContent('#view .run-console');
    assert.equal(out, 'Hello, world!\n4 greetings, 4096 bytes of scratch\nHola Bonjour Hallo\n');
    assert.match(await page.textContent('#view .run-status'), /exited with code 0/);
    await shot('desktop-hello-run');

    // Download gives the same bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    assert.equal(download.suggestedFilename(), 'hello.wasm');
    assert.ok(readFileSync(await download.path()).equals(wasm));
});

test('weak: the strong definition wins and the weak one is listed as lost', async () => {
    assert.equal(await open('ex=weak&tab=symbols'), 'linked');
    assert.ok((await linkedBytes()).equals(ref('weak')));
    await page.fill('#view input.search', 'greeting');
    const row = page.locator('#view tr[data-symbol="greeting"]');
    assert.equal(await row.locator('td').nth(3).textContent(), 'custom.o');
    await row.click();
    await page.waitForSelector('#inspector ul.defs');
    assert.equal(await page.textContent('#inspector ul.defs li.won'), 'won custom.o (global)');
    assert.equal(await page.textContent('#inspector ul.defs li.lost'), 'lost defaults.o (weak)');
    await page.click('#run');
    await page.waitForSelector('#view .run-exited');
    assert.equal(await page.textContent('#view .run-console'), 'greeting: custom greeting (the strong definition won)\nanswer:   42\n[log] optional_hook is not linked in\n');
});

test('ctors: constructors run in priority order across objects', async () => {
    assert.equal(await open('ex=ctors&tab=run'), 'linked');
    assert.ok((await linkedBytes()).equals(ref('ctors')));
    await page.click('#view button.primary');
    await page.waitForSelector('#view .run-exited');
    assert.equal(
        await page.textContent('#view .run-console'),
        'ctor 101 (main.c)\nctor 200 (plugin.c)\nctor 300 (main.c)\nctor without priority (main.c)\nmain\ndestructor (main.c)\n',
    );
});

test('archive: only the members that define needed symbols are pulled in', async () => {
    assert.equal(await open('ex=archive&tab=inputs'), 'linked');
    assert.ok((await linkedBytes()).equals(ref('archive')));
    const heading = await page.textContent('#view h3:has-text("libshapes.a")');
    assert.match(heading, /2 of 4 members pulled in/);
    const circle = page.locator('#view tr[data-key="file:libshapes.a(circle.o)"]');
    assert.equal(await circle.locator('td').nth(2).textContent(), 'loaded');
    assert.equal(await circle.locator('td').nth(3).textContent(), 'circle_area ← main.o');
    assert.equal(await page.locator('#view tr[data-key="file:libshapes.a(triangle.o)"] td').nth(2).textContent(), 'not loaded');
    // Selecting the member shows who pulled it, and marks its symbols.
    await circle.locator('td').first().click();
    assert.match(await page.textContent('#inspector'), /Pulled in bycircle_area referenced by main\.o/);
    await shot('desktop-archive-inputs');
});

test('cpp: one copy of each COMDAT is kept, names are demangled, and the source links to them', async () => {
    assert.equal(await open('ex=cpp&tab=symbols'), 'linked');
    assert.ok((await linkedBytes()).equals(ref('cpp')));
    await page.fill('#view input.search', 'push');
    const row = page.locator('#view tr[data-symbol="_ZN5StackIiLi8EE4pushEi"]');
    assert.equal(await row.locator('td.sym-name').textContent(), 'Stack<int, 8>::push(int)');
    assert.equal(await row.locator('td').nth(3).textContent(), 'main.o');
    await row.click();
    await page.waitForSelector('#inspector ul.defs');
    assert.equal(await page.textContent('#inspector ul.defs li.won'), 'won main.o (weak)');
    assert.equal(await page.textContent('#inspector ul.defs li.lost'), 'lost shapes.o (comdat)');
    // The source view opens the defining object's source with the call to push marked.
    await tab('source');
    assert.equal(await page.textContent('#view .file-tab.active'), 'main.cc');
    assert.equal(await page.textContent('#view pre.code a.c-sym.sym-hit'), 'push');
    await shot('desktop-cpp-source');
    await page.click('#run');
    await page.waitForSelector('#view .run-exited');
    assert.equal(await page.textContent('#view .run-console'), 'constructed before main\nsum of the stack: 104\nsquare 3 + square 4: area 25\n');
});

test('reactor: _initialize runs, then the exports can be called', async () => {
    assert.equal(await open('ex=reactor'), 'linked');
    assert.ok((await linkedBytes()).equals(ref('reactor')));
    assert.equal(await page.inputValue('#opt-entry'), '_initialize');
    assert.equal(await page.inputValue('#opt-exports'), 'fib, gcd');
    await page.click('#run');
    await page.waitForFunction(() => document.querySelector('#view .run-console')?.textContent.includes('checksum() = 231'));
    assert.equal(await page.textContent('#view .run-console'), 'fib(20) = 6765\ngcd(84, 36) = 12\nchecksum() = 140\nstore(3, 100)\nchecksum() = 231\n');
    // Call one by hand.
    const form = page.locator('#view form.call', { hasText: 'fib(' });
    await form.locator('input').fill('10');
    await form.locator('button').click();
    await page.waitForFunction(() => document.querySelector('#view .run-console').textContent.includes('fib(10) = 55'));
    // unused_helper was removed by GC; turning GC off keeps it.
    await tab('symbols');
    await page.fill('#view input.search', 'unused_helper');
    assert.equal(await page.locator('#view tr[data-symbol="unused_helper"] td').nth(5).textContent(), 'removed');
    await page.uncheck('#options input[name="gc"]');
    await page.waitForFunction(() => document.body.dataset.linkState === 'linked' && location.hash.includes('gc=0'));
    await page.waitForFunction(() => document.querySelector('#view tr[data-symbol="unused_helper"] td:nth-child(6)')?.textContent === 'live');
    await page.locator('#view tr[data-symbol="unused_helper"] td').first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('desktop-reactor-nogc');
});

test('undefined: the failure names each undefined symbol and the file that uses it', async () => {
    assert.equal(await open('ex=undefined'), 'failed');
    assert.match(await page.textContent('#status-text'), /Link failed: 2 errors/);
    assert.equal(await page.getAttribute('#view', 'data-view'), 'diagnostics');
    const diags = await page.$$eval('#view li.diag', (lis) => lis.map((li) => li.textContent));
    assert.equal(diags.length, 2);
    assert.match(diags[0], /undefined symbol: compute_checksum/);
    assert.match(diags[0], /in main\.o/);
    assert.match(diags[1], /undefined symbol: flush_log/);
    assert.match(diags[1], /in report\.o/);
    // Clicking the symbol opens the source where it is used.
    await page.click('#view li.diag >> nth=0 >> a.ref:has-text("compute_checksum")');
    await page.waitForSelector('#view[data-view="source"] .sym-hit');
    assert.equal(await page.textContent('#view .file-tab.active'), 'main.c');
    assert.match(await page.textContent('#inspector'), /compute_checksum.*undefined.*main\.o/s);
    await shot('desktop-undefined');
});

test('a dropped user file joins the link and fixes it', async () => {
    assert.equal(await open('ex=undefined'), 'failed');
    const dir = mkdtempSync(join(tmpdir(), 'weld-playground-'));
    writeFileSync(join(dir, 'fix.c'), 'int compute_checksum(const char *s) { int n = 0; while (*s) n += *s++; return n; }\nvoid flush_log(void) {}\n');
    execFileSync('clang-19', ['--target=wasm32-wasi', '-O2', '-c', join(dir, 'fix.c'), '-o', join(dir, 'fix.o')]);
    await page.setInputFiles('#file-input', join(dir, 'fix.o'));
    await page.waitForSelector('#inputs li[data-key="file:fix.o"]');
    await page.waitForFunction(() => document.body.dataset.linkState === 'linked', null, { timeout: 30_000 });
    assert.ok(await page.isVisible('#inputs li[data-key="file:fix.o"] .tag'), 'the file is listed as the user’s');
    const names = await page.$$eval('#inputs li .input-name', (els) => els.map((e) => e.textContent));
    assert.deepEqual(names, ['crt1-command.o', 'main.o', 'report.o', 'fix.o', 'libc.a'], 'the object goes before the archives');
    await tab('symbols');
    await page.fill('#view input.search', 'compute_checksum');
    assert.equal(await page.locator('#view tr[data-symbol="compute_checksum"] td').nth(3).textContent(), 'fix.o');
    await page.click('#run');
    await page.waitForSelector('#view .run-exited');
    assert.equal(await page.textContent('#view .run-console'), 'checksum: 428\n');
});

test('a stub library says the host provides the missing functions: they become imports', async () => {
    assert.equal(await open('ex=undefined'), 'failed');
    const dir = mkdtempSync(join(tmpdir(), 'weld-playground-'));
    writeFileSync(join(dir, 'host.stub'), '#STUB\ncompute_checksum: snprintf\nflush_log:\n');
    await page.setInputFiles('#file-input', join(dir, 'host.stub'));
    await page.waitForSelector('#inputs li[data-key="file:host.stub"] .k-stub');
    await page.waitForFunction(() => document.body.dataset.linkState === 'linked', null, { timeout: 30_000 });
    await tab('symbols');
    await page.fill('#view input.search', 'compute_checksum');
    assert.equal(await page.locator('#view tr[data-symbol="compute_checksum"] td').nth(5).textContent(), 'imported');
    // snprintf, which the host implementation calls back, is pulled out of libc.a for it.
    await tab('inputs');
    assert.match(await page.textContent('#view'), /Stub libraries \(1\)/);
    assert.match(await page.textContent('#view tr[data-key="file:libc.a(snprintf.o)"]'), /snprintf.*host\.stub/s);
    await shot('desktop-stub-library');
});

test('a position-independent object becomes a shared library, as wasm-ld-19 links it', async () => {
    assert.equal(await open('ex=hello'), 'linked');
    await page.click('#clear-inputs');
    const dir = mkdtempSync(join(tmpdir(), 'weld-playground-'));
    writeFileSync(join(dir, 'plugin.c'), 'extern int host_value;\nint host_log(int);\nint counter = 1;\nint *value_ptr = &host_value;\nint step(int x) { return host_log(counter += x) + *value_ptr; }\n');
    execFileSync('clang-19', ['--target=wasm32', '-fPIC', '-fvisibility=default', '-O2', '-c', join(dir, 'plugin.c'), '-o', join(dir, 'plugin.o')]);
    await page.setInputFiles('#file-input', join(dir, 'plugin.o'));
    await page.waitForSelector('#inputs li[data-key="file:plugin.o"]');
    await page.check('#options input[name="shared"]');
    await page.check('#options input[name="importDynamic"]');
    await page.waitForFunction(() => document.body.dataset.linkState === 'linked' && location.hash.includes('importDynamic=1'), null, { timeout: 30_000 });
    const flags = ['--experimental-pic', '-shared', '--unresolved-symbols=import-dynamic'];
    assert.match(await page.textContent('#cmdline'), new RegExp(flags.join(' ')));
    execFileSync('wasm-ld-19', ['-m', 'wasm32', ...flags, join(dir, 'plugin.o'), '-o', join(dir, 'a.out.wasm')]);
    const wasm = await linkedBytes();
    assert.ok(wasm.equals(readFileSync(join(dir, 'a.out.wasm'))), 'the page linked different bytes than wasm-ld-19 did');
    // The dylink.0 section comes first; host_value is reached through a GOT import.
    await tab('sections');
    const first = await page.$eval('#view tr.sec-row', (tr) => tr.dataset.section);
    assert.match(first, /dylink\.0/);
    await tab('symbols');
    await page.fill('#view input.search', 'host_value');
    assert.equal(await page.locator('#view tr[data-symbol="host_value"] td').nth(5).textContent(), 'imported');
});

test('options live in the URL, and a shared link restores them', async () => {
    assert.equal(await open('ex=hello&stackSize=131072&stackFirst=1&tab=memory'), 'linked');
    assert.equal(await page.inputValue('#opt-stack'), '131072');
    assert.ok(await page.isChecked('#options input[name="stackFirst"]'));
    const stack = page.locator('#view tr[data-key="region:stack"] td');
    assert.equal(await stack.nth(1).textContent(), '0x0', 'stack first puts the stack at 0');
    assert.equal(await stack.nth(3).textContent(), '131,072');
    // Several quick changes: only the last link's result is shown.
    for (const size of ['65536', '98304', '262144']) await page.fill('#opt-stack', size);
    await page.waitForFunction(() => document.body.dataset.linkState === 'linked' && location.hash.includes('stackSize=262144'));
    await page.waitForFunction(() => document.querySelector('#view tr[data-key="region:stack"] td:nth-child(4)')?.textContent === '262,144');
    assert.match(await page.textContent('#cmdline'), /--stack-first -z stack-size=262144/);
    // Relinks with other options reuse the session that already read libc.a.
    assert.equal(await page.evaluate(() => document.body.dataset.libraries), 'reused');
});

test('phone-sized screen', async () => {
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const p = await phone.newPage();
    watch(p);
    assert.equal(await open('ex=hello', p), 'linked');
    const width = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `the page is ${width}px wide on a ${PHONE.width}px screen`);
    await shot('phone-hello', p);
    await shot('phone-hello-full', p, true);
    await tab('symbols', p);
    await p.fill('#view input.search', 'printf');
    await p.locator('#view tr[data-symbol="printf"]').click();
    await p.waitForSelector('#inspector ol.chain');
    await p.locator('#inspector').scrollIntoViewIfNeeded();
    await shot('phone-symbol', p);
    await phone.close();
});

test('no console errors, failed requests or 404s', () => {
    assert.deepEqual(problems, []);
});
