#!/usr/bin/env bash
# Differential replay of a fuzz corpus: every input of `link` or `link_structured` is written
# out as files and a command line (WELD_FUZZ_EXPORT, `fuzz_targets/inputs.rs`), then linked by
# wasm-ld-19 and by weld's CLI. Where both succeed the outputs must be byte-identical; where
# one fails and the other does not, that is a difference too. wasm-ld crashing (it aborts on
# some hostile inputs) is counted and skipped.
#   fuzz/differential.sh TARGET [CORPUS_DIR]     default CORPUS_DIR: fuzz/corpus/TARGET
# Differing cases are kept in fuzz/differential/<kind>/<input hash>-<profile>/ (git-ignored),
# each with the inputs, `command` (the options and `@inputs`), and each linker's output and
# messages in ref/ and out/.
set -uo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/differential.sh TARGET [CORPUS_DIR]}
corpus=${2:-corpus/$target}
case $target in link | link_structured) ;; *) echo "differential.sh: link or link_structured" >&2; exit 2 ;; esac
[[ -d $corpus ]] || { echo "differential.sh: no corpus $corpus (fuzz/seed.sh makes it)" >&2; exit 2; }
wasm_ld=$(command -v wasm-ld-19) || { echo "differential.sh: wasm-ld-19 is missing" >&2; exit 1; }

(cd .. && cargo build --release --quiet --bin weld) || exit 1
weld=$(cd .. && pwd)/target/release/weld
cargo +nightly fuzz build "$target" >/dev/null 2>&1 || { echo "differential.sh: cargo fuzz build $target failed" >&2; exit 1; }
fuzzer=target/x86_64-unknown-linux-gnu/release/$target

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
WELD_FUZZ_EXPORT=$work/in "$fuzzer" -runs=0 "$corpus" >"$work/export.log" 2>&1 ||
    { tail "$work/export.log"; exit 1; }
out=differential
rm -rf "$out"
# Each input is linked under a few command lines: the options its fuzz bytes chose, and three
# fixed ones that let most inputs link (the chosen options often conflict), so that resolution,
# GC, layout and relocation of hostile objects are compared, not only option checking.
profiles=(
    "fuzz:@options"
    "exports:--no-entry --export-all --allow-undefined"
    "gc:--no-entry --export=f --export=g --export-if-defined=main --unresolved-symbols=ignore-all"
    "reloc:-r"
)
declare -A count
for dir in "$work"/in/*/; do
    dir=${dir%/}
    for profile in "${profiles[@]}"; do
        name=${profile%%:*}
        read -r -a options <<<"${profile#*:}"
        # The output's file name is the name section's module name: the same for both.
        rm -rf "$dir/ref" "$dir/out" && mkdir -p "$dir/ref" "$dir/out"
        (cd "$dir" && timeout 20 "$wasm_ld" "${options[@]}" @inputs -o ref/a.wasm >ref/log.txt 2>&1)
        ref=$?
        (cd "$dir" && timeout 20 "$weld" "${options[@]}" @inputs -o out/a.wasm >out/log.txt 2>&1)
        ours=$?
        if ((ref > 1)); then
            kind=ref-crash
        elif ((ours > 1)); then
            kind=weld-crash
        elif ((ref == 0 && ours == 0)); then
            # (Neither writes a module for `--version` or `-v` alone.)
            if cmp -s "$dir/ref/a.wasm" "$dir/out/a.wasm" || [[ ! -e $dir/ref/a.wasm && ! -e $dir/out/a.wasm ]]; then
                kind=same
            else
                kind=bytes-differ
            fi
        elif ((ref == 0)); then
            kind=weld-rejects
        elif ((ours == 0)); then
            kind=weld-accepts
        else
            kind=both-reject
        fi
        count[$kind]=$((${count[$kind]:-0} + 1))
        case $kind in
            same | both-reject | ref-crash) ;;
            *)
                keep=$out/$kind/$(basename "$dir")-$name
                mkdir -p "$keep" && cp -r "$dir"/. "$keep/"
                echo "${profile#*:} @inputs" >"$keep/command"
                ;;
        esac
    done
done
status=0
for kind in same both-reject ref-crash bytes-differ weld-rejects weld-accepts weld-crash; do
    printf '%-13s %s\n' "$kind" "${count[$kind]:-0}"
    case $kind in same | both-reject | ref-crash) ;; *) ((${count[$kind]:-0})) && status=1 ;; esac
done
((status)) && echo "differing cases kept in fuzz/$out/"
exit $status
