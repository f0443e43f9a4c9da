#!/usr/bin/env bash
# Keeps a grown corpus past the machine: minimises fuzz/corpus/<target>/ with libFuzzer's
# -merge=1 (the smallest set of inputs with the same coverage) into a fresh directory, and
# writes it as fuzz/saved/<target>.tar.xz, which is committed. fuzz/seed.sh unpacks these
# beside the generated seeds, so the next session's fuzz/run.sh resumes where this one stopped
# instead of climbing the same coverage again. The live corpus is copied first, so a fuzzer
# may still be running on it. The archive is byte-for-byte the same for the same inputs (names
# are libFuzzer's content hashes; sorted, zero times and owners).
#   fuzz/save.sh TARGET...    e.g. fuzz/save.sh link link_structured
set -euo pipefail
cd "$(dirname "$0")"
(($#)) || { echo "usage: fuzz/save.sh TARGET..." >&2; exit 2; }
mkdir -p saved
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in "$@"; do
    [[ -d corpus/$target ]] || { echo "save.sh: corpus/$target does not exist" >&2; exit 1; }
    cargo +nightly fuzz build "$target" >/dev/null 2>&1 || { echo "save.sh: cannot build $target" >&2; exit 1; }
    bin=target/x86_64-unknown-linux-gnu/release/$target
    mkdir "$work/$target"
    # From a snapshot: a running fuzzer deletes the inputs it reduces, which would end the
    # merge (and makes cp miss a few files, which is harmless: their reductions are there).
    cp -r "corpus/$target" "$work/$target.live" 2>/dev/null || true
    nice -n 10 "$bin" -merge=1 -rss_limit_mb=2048 -malloc_limit_mb=512 "$work/$target" "$work/$target.live" \
        >"$work/$target.log" 2>&1 || { tail -20 "$work/$target.log" >&2; exit 1; }
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work" -cf - "$target" \
        | xz -9e >"saved/$target.tar.xz"
    echo "save.sh: $target: $(ls "corpus/$target" | wc -l) inputs -> $(ls "$work/$target" | wc -l)," \
        "$(du -sh "$work/$target" | cut -f1) -> saved/$target.tar.xz $(du -h "saved/$target.tar.xz" | cut -f1)"
done
