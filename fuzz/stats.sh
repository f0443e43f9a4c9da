#!/usr/bin/env bash
# Summarises the fuzzing logs in fuzz/logs/ (written by fuzz/run.sh, or by hand as
# <target>-<anything>.log): per target, the runs, total executions and seconds, the edge
# coverage at the start and end of the last run, and how long before the end of that run
# coverage last grew (a plateau shows as a long quiet time).
#   fuzz/stats.sh
set -euo pipefail
cd "$(dirname "$0")/logs"
python3 - <<'PY'
import glob, re, collections
runs = collections.defaultdict(list)
import os
for path in sorted(glob.glob('*.log'), key=os.path.getmtime):
    target = re.sub(r'-(\d+|\d{8}-\d{6})\.log$', '', path)
    text = open(path, errors='replace').read()
    execs = [int(m) for m in re.findall(r'^#(\d+)\s', text, re.M)]
    if not execs:
        continue
    done = re.search(r'Done (\d+) runs in (\d+) second', text)
    rates = [int(m) for m in re.findall(r'exec/s: (\d+)', text)]
    seconds = int(done.group(2)) if done else (execs[-1] // max(1, rates[-1]) if rates else 0)
    inited = re.search(r'INITED cov: (\d+)', text)
    covs = [(int(n), int(c)) for n, c in re.findall(r'^#(\d+)\s+\w+\s+cov: (\d+)', text, re.M)]
    last_growth = None
    for (n, c), (_, prev) in zip(covs[1:], covs):
        if c > prev:
            last_growth = n
    crashed = bool(re.search(r'(panicked at|ERROR: libFuzzer|SUMMARY: libFuzzer)', text))
    runs[target].append(dict(path=path, execs=int(done.group(1)) if done else execs[-1], seconds=seconds,
                             start=int(inited.group(1)) if inited else None, end=covs[-1][1] if covs else None,
                             last_growth=last_growth, rate=rates[-1] if rates else 0, crashed=crashed))
print(f"{'target':16} {'runs':>4} {'hours':>6} {'executions':>12}  coverage (last run)  quiet at the end of the last run")
for target, rs in sorted(runs.items()):
    last = rs[-1]
    quiet = '?'
    if last['last_growth'] is not None and last['rate']:
        quiet = f"{(last['execs'] - last['last_growth']) / last['rate'] / 60:.0f} min"
    crashes = sum(r['crashed'] for r in rs)
    print(f"{target:16} {len(rs):>4} {sum(r['seconds'] for r in rs)/3600:>6.2f} {sum(r['execs'] for r in rs):>12,}  "
          f"{last['start']} -> {last['end']:<8}  {quiet}" + (f"  ({crashes} run(s) stopped on a crash)" if crashes else ''))
PY
