// The Node entry point: the module is compiled and instantiated on import (synchronously,
// from the .wasm file next to this one), so nothing needs setting up.
import { readFileSync } from 'node:fs';
import { initSync as initBindings } from './pkg/weld.js';
import { markReady } from './api.js';

initBindings({ module: readFileSync(new URL('./pkg/weld_bg.wasm', import.meta.url)) });
markReady();

export { link, wasmLd, Linker, version, demangle, memoryUsage, whyLive, __crashForTesting } from './api.js';

/** Already done on import; kept so code shared with browsers can call it. */
export async function init() {}

/** Already done on import. */
export function initSync() {}
