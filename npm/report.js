// Helpers over the link report: plain JS, no wasm, so a page can import them on its own
// (the playground does) without loading the linker.

/**
 * Why a symbol of a link report is live: `path` lists the symbols whose references keep it,
 * its direct referrer first, and `root` says why the last one is kept (`entry point`,
 * `exported`, ...). Pure JS over `report.symbols` (`liveBy`, `liveRoot`).
 */
export function whyLive(report, symbol) {
  const list = report.symbols;
  let s = typeof symbol === 'number' ? list[symbol] : symbol;
  if (!s) throw new TypeError('whyLive: no such symbol in the report');
  const path = [];
  const seen = new Set([s]);
  for (let next = list[s.liveBy]; s.liveBy != null && next && !seen.has(next); next = list[s.liveBy]) {
    seen.add(next);
    path.push(next);
    s = next;
  }
  return { path, root: s.liveRoot ?? null };
}
