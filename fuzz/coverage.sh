#!/usr/bin/env bash
# What the fuzz corpora reach of the linker: each target's corpus is run once through a
# coverage-instrumented build (`cargo fuzz coverage`), the profiles are merged, and llvm-cov
# prints the line coverage of every file in src/ (the demanglers aside: the demangle targets
# are theirs). With FILE arguments (paths under src/) it prints those files' lines that no
# input ran instead, which is where seeds are missing.
#   fuzz/coverage.sh                      report for fuzz/corpus/<target>
#   CORPUS=dir fuzz/coverage.sh src/resolve.rs ...
# Needs `rustup component add llvm-tools-preview --toolchain nightly`.
set -euo pipefail
cd "$(dirname "$0")"
corpus=${CORPUS:-corpus}
targets=(link link_structured args parse_archive parse_object)
bin=$(rustc +nightly --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin
[[ -x $bin/llvm-cov ]] || { echo "coverage.sh: rustup component add llvm-tools-preview --toolchain nightly" >&2; exit 1; }
mkdir -p coverage
objects=()
for t in "${targets[@]}"; do
    [[ -d $corpus/$t ]] || { echo "coverage.sh: no corpus $corpus/$t (fuzz/seed.sh makes it)" >&2; exit 1; }
    nice cargo +nightly fuzz coverage "$t" "$corpus/$t" >"coverage/$t.log" 2>&1 ||
        { tail "coverage/$t.log"; exit 1; }
    objects+=(-object "target/x86_64-unknown-linux-gnu/coverage/x86_64-unknown-linux-gnu/release/$t")
done
"$bin/llvm-profdata" merge -o coverage/all.profdata "${targets[@]/#/coverage/}"/coverage.profdata
# The first -object is llvm-cov's positional binary.
show=("${objects[@]:1}" -instr-profile=coverage/all.profdata)
if (($#)); then
    for file in "$@"; do
        echo "== $file"
        "$bin/llvm-cov" show "${show[@]}" "$(cd .. && pwd)/$file" | grep -E '^ +[0-9]+\| +0\|' || true
    done
else
    "$bin/llvm-cov" report "${show[@]}" --ignore-filename-regex='(/\.cargo/|/rustc/|fuzz_targets|/demangle/)' |
        sed "s|$(cd .. && pwd)/src/||"
fi
