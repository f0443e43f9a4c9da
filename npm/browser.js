// The browser (and Web Worker, bundler, Deno) entry point: call `await init()` once
// before anything else. Without an argument it fetches pkg/weld_bg.wasm relative to this
// package (`new URL(..., import.meta.url)`, which bundlers understand); or pass a URL, the
// bytes, a Response or a compiled WebAssembly.Module.
import initBindings, { initSync as initBindingsSync } from './pkg/weld.js';
import { markReady } from './api.js';

export { link, wasmLd, Linker, version, demangle, memoryUsage, whyLive, __crashForTesting } from './api.js';

export async function init(input) {
  await initBindings(input === undefined ? undefined : { module_or_path: input });
  markReady();
}

/** Synchronous init from the .wasm bytes or a compiled WebAssembly.Module (e.g. in a worker). */
export function initSync(input) {
  if (input === undefined) throw new TypeError('initSync needs the weld_bg.wasm bytes or a WebAssembly.Module');
  initBindingsSync({ module: input });
  markReady();
}
