// What the JS API does not tell about a module's imports, read from its bytes: the limits
// of imported memories and tables and the result types of imported functions. Shared by
// run-wasi.mjs and threads-host.mjs.

/**
 * Map "module.name" → `{ kind: 'function', results }` (result value types) or
 * `{ kind: 'memory' | 'table', initial, maximum, shared, is64 }`; globals and tags too, with
 * their kind only. Throws on an import kind it does not know.
 */
export function readImports(bytes) {
  let pos = 8;
  const u8 = () => bytes[pos++];
  const leb = () => {
    let result = 0, scale = 1, byte;
    do {
      byte = bytes[pos++];
      result += (byte & 0x7f) * scale;
      scale *= 128;
    } while (byte & 0x80);
    return result;
  };
  const name = () => {
    const len = leb();
    const s = Buffer.from(bytes.subarray(pos, pos + len)).toString('utf8');
    pos += len;
    return s;
  };
  const limits = (kind) => {
    const flags = u8();
    const initial = leb();
    const maximum = flags & 1 ? leb() : undefined;
    return { kind, initial, maximum, shared: (flags & 2) !== 0, is64: (flags & 4) !== 0 };
  };
  const types = []; // per type index: the result value types
  const found = new Map();
  while (pos < bytes.length) {
    const id = u8();
    const size = leb();
    const end = pos + size;
    if (id === 1) {
      for (let n = leb(); n > 0; n--) {
        u8(); // 0x60
        for (let p = leb(); p > 0; p--) u8();
        const results = [];
        for (let r = leb(); r > 0; r--) results.push(u8());
        types.push(results);
      }
    } else if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        const key = `${name()}.${name()}`;
        const kind = u8();
        if (kind === 0) found.set(key, { kind: 'function', results: types[leb()] ?? [] });
        else if (kind === 1) { u8(); found.set(key, limits('table')); }
        else if (kind === 2) found.set(key, limits('memory'));
        else if (kind === 3) { u8(); u8(); found.set(key, { kind: 'global' }); }
        else if (kind === 4) { u8(); leb(); found.set(key, { kind: 'tag' }); }
        else throw new Error(`unknown import kind ${kind}`);
      }
      break;
    }
    pos = end;
  }
  return found;
}
