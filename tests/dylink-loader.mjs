// A minimal dynamic loader for tool-conventions' DynamicLinking.md, to run what weld links
// with -pie and -shared: `node dylink-loader.mjs MAIN.wasm LIB.wasm...` loads the modules
// into one memory and one table, binds their imports to each other's exports, and calls
// MAIN's `run`. The host provides `env.log_i32(label, value)`, printed as "label: value".
//
// Each module's `dylink.0` gives the size and alignment of its data and the table slots it
// needs; the loader places them (`__memory_base`, `__table_base`), lets the module's start
// function set its internal GOT, fills the GOT imports (`GOT.mem.X`: the address of data X,
// `GOT.func.X`: a table slot for function X) once every module is instantiated, and then
// runs `__wasm_apply_data_relocs` and `__wasm_call_ctors` of each module, libraries first.
// Symbols resolve to the first module that exports them, the executable first.
import { readFileSync } from 'node:fs';

const PAGE = 65536;
const STACK_SIZE = PAGE;

function readDylink(module) {
  const [section] = WebAssembly.Module.customSections(module, 'dylink.0');
  if (!section) throw new Error('no dylink.0 section');
  const bytes = new Uint8Array(section);
  let at = 0;
  const uleb = () => {
    let result = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const info = { memSize: 0, memAlign: 0, tableSize: 0, tableAlign: 0, weakImports: new Set() };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = uleb();
    const end = at + size;
    if (id === 1) {
      info.memSize = uleb();
      info.memAlign = uleb();
      info.tableSize = uleb();
      info.tableAlign = uleb();
    } else if (id === 4) {
      const name = () => {
        const len = uleb();
        const s = new TextDecoder().decode(bytes.subarray(at, at + len));
        at += len;
        return s;
      };
      for (let n = uleb(); n > 0; n--) {
        const module = name();
        const field = name();
        uleb(); // flags
        info.weakImports.add(`${module}.${field}`);
      }
    }
    at = end;
  }
  return info;
}

const [mainPath, ...libPaths] = process.argv.slice(2);
const memory = new WebAssembly.Memory({ initial: 16 });
const table = new WebAssembly.Table({ initial: 0, element: 'anyfunc' });
const stackPointer = new WebAssembly.Global({ value: 'i32', mutable: true }, STACK_SIZE);
let heap = STACK_SIZE;

const host = {
  log_i32: (label, value) => console.log(`${label}: ${value}`),
};

// Load order: the executable first, so that its definitions win.
const modules = [mainPath, ...libPaths].map((path) => {
  const module = new WebAssembly.Module(readFileSync(path));
  const dylink = readDylink(module);
  const align = 2 ** dylink.memAlign;
  heap = Math.ceil(heap / align) * align;
  const memoryBase = heap;
  heap += dylink.memSize;
  const tableBase = table.length;
  table.grow(dylink.tableSize);
  return { path, module, dylink, memoryBase, tableBase, instance: null };
});
if (heap > memory.buffer.byteLength) memory.grow(Math.ceil((heap - memory.buffer.byteLength) / PAGE));

// Exports by name, the first module's winning.
const lookup = (name) => {
  for (const m of modules) {
    const value = m.instance?.exports[name];
    if (value !== undefined) return { value, owner: m };
  }
  return null;
};
const gotFixups = [];

for (const m of modules) {
  const imports = { env: {}, 'GOT.mem': {}, 'GOT.func': {} };
  for (const imp of WebAssembly.Module.imports(m.module)) {
    const key = `${imp.module}.${imp.name}`;
    let value;
    if (imp.module === 'env') {
      switch (imp.name) {
        case 'memory': value = memory; break;
        case '__indirect_function_table': value = table; break;
        case '__stack_pointer': value = stackPointer; break;
        case '__memory_base': value = new WebAssembly.Global({ value: 'i32' }, m.memoryBase); break;
        case '__table_base': value = new WebAssembly.Global({ value: 'i32' }, m.tableBase); break;
        default:
          if (imp.kind !== 'function') throw new Error(`${m.path}: cannot import ${key}`);
          if (host[imp.name]) {
            value = host[imp.name];
          } else {
            // Bound lazily: the definition may be in a module not instantiated yet.
            const weak = m.dylink.weakImports.has(key);
            value = (...args) => {
              const found = lookup(imp.name);
              if (!found) throw new Error(`${m.path}: ${weak ? 'weak ' : ''}function ${imp.name} is not defined`);
              return found.value(...args);
            };
          }
      }
    } else if (imp.module === 'GOT.mem' || imp.module === 'GOT.func') {
      value = new WebAssembly.Global({ value: 'i32', mutable: true }, 0);
      gotFixups.push({ module: m, kind: imp.module, name: imp.name, global: value, weak: m.dylink.weakImports.has(`env.${imp.name}`) });
    } else {
      throw new Error(`${m.path}: unexpected import ${key}`);
    }
    imports[imp.module][imp.name] = value;
  }
  m.instance = new WebAssembly.Instance(m.module, imports);
}

// GOT entries: data addresses are exported relative to the defining module's memory base;
// functions get a table slot (one per function, shared by every module asking).
const slots = new Map();
for (const fix of gotFixups) {
  const found = lookup(fix.name);
  if (!found) {
    if (!fix.weak) throw new Error(`${fix.module.path}: ${fix.kind}.${fix.name} is not defined`);
    continue; // a weak symbol nobody defines: address 0
  }
  if (fix.kind === 'GOT.mem') {
    fix.global.value = found.owner.memoryBase + found.value.value;
  } else {
    let slot = slots.get(found.value);
    if (slot === undefined) {
      slot = table.grow(1);
      table.set(slot, found.value);
      slots.set(found.value, slot);
    }
    fix.global.value = slot;
  }
}

// Data relocations and constructors: libraries before the executable.
for (const m of [...modules.slice(1), modules[0]]) {
  m.instance.exports.__wasm_apply_data_relocs?.();
  m.instance.exports.__wasm_call_ctors?.();
}
process.exitCode = modules[0].instance.exports.run();
