// A small WASI preview1 shim: enough for wasi-libc programs that print, read the clock,
// ask for random bytes and exit. stdout/stderr go to a callback; stdin is empty; there
// are no files (no preopened directories). Every other call returns ENOSYS.

const ERRNO = { SUCCESS: 0, BADF: 8, INVAL: 28, NOSYS: 52, SPIPE: 70 };
const FILETYPE_CHARACTER_DEVICE = 2;
const RIGHTS_FD_SEEK = 1n << 2n;
const RIGHTS_FD_TELL = 1n << 5n;

/** Thrown by proc_exit; `code` is the exit status. */
export class WasiExit extends Error {
    constructor(code) {
        super(`exit(${code})`);
        this.code = code;
    }
}

/**
 * @param {object} o
 * @param {string[]} o.args   argv, program name first
 * @param {Record<string,string>} o.env
 * @param {(fd: number, text: string) => void} o.write  called for fd 1 and 2
 * @returns {{ imports: object, setMemory(m: WebAssembly.Memory): void, calls: Map<string, number> }}
 */
export function createWasi({ args = [], env = {}, write }) {
    let memory = null;
    const enc = new TextEncoder();
    const decoders = new Map();
    const calls = new Map();
    const view = () => new DataView(memory.buffer);
    const bytes = () => new Uint8Array(memory.buffer);
    const argBytes = args.map((a) => enc.encode(a + '\0'));
    const envBytes = Object.entries(env).map(([k, v]) => enc.encode(`${k}=${v}\0`));

    const putList = (list, ptrs, buf) => {
        const dv = view();
        const mem = bytes();
        for (const item of list) {
            dv.setUint32(ptrs, buf, true);
            mem.set(item, buf);
            ptrs += 4;
            buf += item.length;
        }
        return ERRNO.SUCCESS;
    };
    const putSizes = (list, countPtr, sizePtr) => {
        const dv = view();
        dv.setUint32(countPtr, list.length, true);
        dv.setUint32(sizePtr, list.reduce((n, b) => n + b.length, 0), true);
        return ERRNO.SUCCESS;
    };

    const wasi = {
        args_get: (argv, buf) => putList(argBytes, argv, buf),
        args_sizes_get: (count, size) => putSizes(argBytes, count, size),
        environ_get: (environ, buf) => putList(envBytes, environ, buf),
        environ_sizes_get: (count, size) => putSizes(envBytes, count, size),

        fd_write(fd, iovs, iovsLen, nwritten) {
            if (fd !== 1 && fd !== 2) return ERRNO.BADF;
            const dv = view();
            let total = 0;
            let dec = decoders.get(fd);
            if (!dec) decoders.set(fd, (dec = new TextDecoder()));
            let text = '';
            for (let i = 0; i < iovsLen; i++) {
                const ptr = dv.getUint32(iovs + i * 8, true);
                const len = dv.getUint32(iovs + i * 8 + 4, true);
                text += dec.decode(bytes().subarray(ptr, ptr + len), { stream: true });
                total += len;
            }
            if (text) write(fd, text);
            view().setUint32(nwritten, total, true);
            return ERRNO.SUCCESS;
        },
        fd_read(fd, iovs, iovsLen, nread) {
            if (fd !== 0) return ERRNO.BADF;
            view().setUint32(nread, 0, true); // stdin is empty
            return ERRNO.SUCCESS;
        },
        fd_close: (fd) => (fd <= 2 ? ERRNO.SUCCESS : ERRNO.BADF),
        fd_seek: (fd) => (fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF),
        fd_tell: (fd) => (fd <= 2 ? ERRNO.SPIPE : ERRNO.BADF),
        fd_sync: (fd) => (fd <= 2 ? ERRNO.SUCCESS : ERRNO.BADF),
        fd_fdstat_get(fd, ptr) {
            if (fd > 2) return ERRNO.BADF;
            const dv = view();
            // struct fdstat { u8 filetype; u16 flags; u64 rights_base; u64 rights_inheriting }
            for (let i = 0; i < 24; i++) dv.setUint8(ptr + i, 0);
            dv.setUint8(ptr, FILETYPE_CHARACTER_DEVICE);
            dv.setBigUint64(ptr + 8, ~(RIGHTS_FD_SEEK | RIGHTS_FD_TELL) & 0x1fffffffn, true);
            return ERRNO.SUCCESS;
        },
        fd_fdstat_set_flags: (fd) => (fd <= 2 ? ERRNO.SUCCESS : ERRNO.BADF),
        fd_prestat_get: () => ERRNO.BADF, // no preopened directories
        fd_prestat_dir_name: () => ERRNO.BADF,

        proc_exit(code) {
            throw new WasiExit(code);
        },
        sched_yield: () => ERRNO.SUCCESS,

        clock_res_get(id, ptr) {
            if (id > 3) return ERRNO.INVAL;
            view().setBigUint64(ptr, 1000n, true);
            return ERRNO.SUCCESS;
        },
        clock_time_get(id, _precision, ptr) {
            let ns;
            if (id === 0) ns = BigInt(Date.now()) * 1000000n; // realtime
            else if (id <= 3) ns = BigInt(Math.round(performance.now() * 1e6)); // monotonic, cpu time
            else return ERRNO.INVAL;
            view().setBigUint64(ptr, ns, true);
            return ERRNO.SUCCESS;
        },
        random_get(ptr, len) {
            for (let off = 0; off < len; off += 65536) {
                // getRandomValues refuses views on a shared buffer and more than 64 KiB.
                const chunk = new Uint8Array(Math.min(65536, len - off));
                crypto.getRandomValues(chunk);
                bytes().set(chunk, ptr + off);
            }
            return ERRNO.SUCCESS;
        },
    };

    // Count every call (the page shows which WASI functions a program used), and answer
    // ENOSYS for anything not implemented above.
    const imports = new Proxy(
        {},
        {
            get(_, name) {
                if (typeof name !== 'string') return undefined;
                const impl = wasi[name] ?? (() => ERRNO.NOSYS);
                return (...a) => {
                    calls.set(name, (calls.get(name) ?? 0) + 1);
                    return impl(...a);
                };
            },
            has: () => true,
        },
    );

    return {
        imports,
        calls,
        setMemory(m) {
            memory = m;
        },
        /** Flushes any partial UTF-8 sequence left in the decoders. */
        flush() {
            for (const [fd, dec] of decoders) {
                const rest = dec.decode();
                if (rest) write(fd, rest);
            }
        },
    };
}
