#!/usr/bin/env node
// A tiny static file server for the playground (www/): GET and HEAD only, no directory
// listings, `.wasm` as application/wasm, no caching (so a rebuild shows at once).
//   node scripts/serve-static.mjs [--root DIR] [--port N] [--host H]
// Also imported by the browser test: startServer({ root, port: 0 }) → { server, url }.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.wasm': 'application/wasm',
    '.c': 'text/plain; charset=utf-8',
    '.h': 'text/plain; charset=utf-8',
    '.txt': 'text/plain; charset=utf-8',
    '.md': 'text/plain; charset=utf-8',
    '.ts': 'text/plain; charset=utf-8',
};

export function startServer({ root, port = 8080, host = '127.0.0.1', log = false } = {}) {
    const base = resolve(root);
    const server = createServer(async (req, res) => {
        const done = (status, body, type = 'text/plain; charset=utf-8') => {
            res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
            res.end(req.method === 'HEAD' ? undefined : body);
            if (log) console.log(`${status} ${req.method} ${req.url}`);
        };
        if (req.method !== 'GET' && req.method !== 'HEAD') return done(405, 'method not allowed\n');
        let path;
        try {
            path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        } catch {
            return done(400, 'bad request\n');
        }
        // Browsers ask for /favicon.ico on pages without a <link rel=icon> (a .wasm opened
        // directly, say): answer with the page's SVG icon rather than a 404.
        if (path === '/favicon.ico') path = '/favicon.svg';
        let file = normalize(join(base, path));
        if (file !== base && !file.startsWith(base + sep)) return done(403, 'forbidden\n');
        try {
            let st = await stat(file);
            if (st.isDirectory()) {
                if (!path.endsWith('/')) {
                    res.writeHead(301, { Location: path + '/' });
                    return res.end();
                }
                file = join(file, 'index.html');
                st = await stat(file);
            }
            const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
            res.writeHead(200, { 'Content-Type': type, 'Content-Length': st.size, 'Cache-Control': 'no-store' });
            if (log) console.log(`200 ${req.method} ${req.url}`);
            if (req.method === 'HEAD') return res.end();
            createReadStream(file).on('error', () => res.destroy()).pipe(res);
        } catch {
            done(404, `not found: ${path}\n`);
        }
    });
    return new Promise((ok, fail) => {
        server.once('error', fail);
        server.listen(port, host, () => {
            const { port: p } = server.address();
            ok({ server, url: `http://${host}:${p}/` });
        });
    });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const opt = (name, dflt) => {
        const i = args.indexOf(name);
        return i >= 0 ? args[i + 1] : dflt;
    };
    const root = opt('--root', join(fileURLToPath(new URL('..', import.meta.url)), 'www'));
    const { url } = await startServer({ root, port: Number(opt('--port', 8080)), host: opt('--host', '127.0.0.1'), log: args.includes('--log') });
    console.log(`serving ${root} at ${url}  (Ctrl-C stops)`);
}
