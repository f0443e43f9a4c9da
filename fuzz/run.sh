#!/usr/bin/env bash
# Long fuzzing runs, one target after another, each resuming its corpus in fuzz/corpus/<target>/
# (make it first with fuzz/seed.sh). Logs go to fuzz/logs/<target>-<timestamp>.log, and one
# line per run (executions, coverage, corpus size, exit status) is appended to the committed
# fuzz/campaign.log, so the record outlives the git-ignored corpora and logs; a crash leaves
# its input in fuzz/artifacts/<target>/.
#   fuzz/run.sh SECONDS TARGET...     e.g. fuzz/run.sh 3600 link link_structured
# Runs at low priority so that builds on the same machine keep their cores.
set -uo pipefail
cd "$(dirname "$0")"
seconds=${1:?usage: fuzz/run.sh SECONDS TARGET...}
shift
(($#)) || { echo "usage: fuzz/run.sh SECONDS TARGET..." >&2; exit 2; }
mkdir -p logs
status=0
for target in "$@"; do
    mkdir -p "corpus/$target" "artifacts/$target"
    log="logs/$target-$(date +%Y%m%d-%H%M%S).log"
    echo "fuzz/run.sh: $target for ${seconds}s, log $log"
    # The words of the target's input format (fuzz/dicts/), for the targets that read one.
    dict=()
    case $target in
        link)
            # Its `#ARGS` parts are command lines: both dictionaries.
            cat dicts/objects.dict dicts/args.dict >logs/link.dict
            dict=(-dict=logs/link.dict)
            ;;
        parse_object | parse_archive) dict=(-dict=dicts/objects.dict) ;;
        args) dict=(-dict=dicts/args.dict) ;;
    esac
    nice -n 19 cargo +nightly fuzz run "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=512 \
        "${dict[@]}" -print_final_stats=1 >"$log" 2>&1
    rc=$?
    ((rc == 0)) || status=1
    last=$(grep -E '^#[0-9]+' "$log" | tail -1)
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$')
    echo "$(date -u +%FT%TZ) $target ${seconds}s rc=$rc runs=${runs:-?} ${last#*	}" >>campaign.log
    tail -1 campaign.log
done
exit $status
