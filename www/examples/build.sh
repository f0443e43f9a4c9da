#!/usr/bin/env bash
# Builds the playground's bundled examples from the C and C++ sources in src/ into out/ (git-ignored):
#   out/lib/      crt1-command.o, crt1-reactor.o, and a subset of wasi-libc's libc.a holding
#                 only the members the examples use (they need nothing from compiler-rt's
#                 builtins archive, which clang also passes; build.sh checks that)
#   out/<id>/     each example's objects and archives
#   out/ref/      each example linked by wasm-ld-19 (what weld must reproduce byte for byte)
#   out/sizes.txt the size of every file, to keep the page light
# Needs clang-19, lld-19 (wasm-ld-19), llvm-19 (llvm-ar-19) and wasi-libc.
# The list of examples the page shows, with their inputs and options, is examples.json.
set -euo pipefail
cd "$(dirname "$0")"

CC=${CC:-clang-19}
AR=${AR:-llvm-ar-19}
LD=${LD:-wasm-ld-19}
sysroot=/usr/lib/wasm32-wasi
for tool in "$CC" "$AR" "$LD"; do
    command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (apt-get install clang-19 lld-19 llvm-19 wasi-libc libclang-rt-19-dev-wasm32)" >&2; exit 1; }
done
builtins=$("$CC" --target=wasm32-wasi -print-libgcc-file-name)
[[ -f $sysroot/libc.a && -f $builtins ]] || { echo "build.sh: wasi-libc or compiler-rt builtins for wasm32 missing (apt-get install wasi-libc libclang-rt-19-dev-wasm32)" >&2; exit 1; }

rm -rf out
mkdir -p out/lib out/ref out/full
cc() { "$CC" --target=wasm32-wasi -O2 -c "$@"; }

# ---- the examples' objects ----
mkdir -p out/hello out/weak out/ctors out/archive out/reactor out/undefined out/cpp
cc src/hello/hello.c -o out/hello/hello.o
for f in main defaults custom; do cc "src/weak/$f.c" -o "out/weak/$f.o"; done
for f in main plugin; do cc "src/ctors/$f.c" -o "out/ctors/$f.o"; done
mkdir -p out/archive/members
for f in circle square triangle hexagon; do cc "src/archive/$f.c" -o "out/archive/members/$f.o"; done
cc src/archive/main.c -o out/archive/main.o
(cd out/archive/members && "$AR" rcs ../libshapes.a circle.o square.o triangle.o hexagon.o)
rm -r out/archive/members
cc src/reactor/reactor.c -o out/reactor/reactor.o
for f in main report; do cc "src/undefined/$f.c" -o "out/undefined/$f.o"; done
# C++ without libc++ or libc++abi: no exceptions, RTTI or thread-safe static guards to call into.
for f in main shapes; do cc -fno-exceptions -fno-rtti -fno-threadsafe-statics "src/cpp/$f.cc" -o "out/cpp/$f.o"; done

# ---- the link lines clang's driver would use (the page passes the same inputs and options) ----
# link ID OUTPUT LIBDIR CRT [OPTIONS...] -- OBJECTS...: run wasm-ld-19 in out/ID so that every
# input is named as in the page (hello.o, libc.a, libc.a(printf.o), ...).
link() {
    local id=$1 output=$2 libdir=$3 crt=$4
    shift 4
    local opts=()
    while [[ $1 != -- ]]; do opts+=("$1"); shift; done
    shift
    (
        cd "out/$id"
        local libs=(libc.a) rc=0
        [[ $libdir == lib ]] || libs+=(libclang_rt.builtins-wasm32.a)
        for f in "${libs[@]}"; do cp "../$libdir/$f" .; done
        cp "../lib/$crt" .
        "$LD" -m wasm32 "$crt" "${opts[@]}" "$@" "${libs[@]}" -o "$output" --trace || rc=$?
        rm "${libs[@]}" "$crt"
        return "$rc"
    )
}
link_all() {  # link_all LIBDIR OUTDIR: link every example that links; prints the --trace lines
    local libdir=$1 outdir=$2
    link hello "../$outdir/hello.wasm" "$libdir" crt1-command.o -- hello.o
    link weak "../$outdir/weak.wasm" "$libdir" crt1-command.o -- main.o defaults.o custom.o
    link ctors "../$outdir/ctors.wasm" "$libdir" crt1-command.o -- main.o plugin.o
    link archive "../$outdir/archive.wasm" "$libdir" crt1-command.o -- main.o libshapes.a
    link reactor "../$outdir/reactor.wasm" "$libdir" crt1-reactor.o --entry _initialize --export=fib --export=gcd -- reactor.o
    link cpp "../$outdir/cpp.wasm" "$libdir" crt1-command.o -- main.o shapes.o
}

# ---- wasi-libc pieces: the start files, and archives of only the members the examples use ----
cp "$sysroot/crt1-command.o" "$sysroot/crt1-reactor.o" out/lib/
cp "$sysroot/libc.a" "$builtins" out/full/
link_all full full >out/full/trace.txt
subset() {  # subset ARCHIVE: keep the members named in the trace (every instance of a name
            # that occurs twice, as errno.o does in libc.a), in the archive's order
    local name=$1 files=() m i=0
    declare -A used=() seen=()
    while read -r m; do used[$m]=1; done < <(sed -n "s/^$name(\(.*\))\$/\1/p" out/full/trace.txt)
    mkdir -p out/full/x
    while read -r m; do
        i=$((i + 1))
        seen[$m]=$((${seen[$m]:-0} + 1))
        [[ -n ${used[$m]:-} ]] || continue
        mkdir -p "out/full/x/$i"
        (cd "out/full/x/$i" && "$AR" xN "${seen[$m]}" "../../$name" "$m")
        files+=("x/$i/$m")
    done < <("$AR" t "out/full/$name")
    (cd out/full && "$AR" qcs "../lib/$name" "${files[@]}")
    rm -r out/full/x
    echo "$name: ${#files[@]} of $i members"
}
subset libc.a
if grep -q '^libclang_rt' out/full/trace.txt; then
    echo "build.sh: an example now needs compiler-rt builtins; add the archive to out/lib and examples.json" >&2
    exit 1
fi

# ---- the reference outputs, linked against the subsets; they must match the full links ----
link_all lib ref >out/ref/trace.txt
for f in out/ref/*.wasm; do
    cmp "$f" "out/full/$(basename "$f")" || { echo "build.sh: $f differs when linked against the full libc" >&2; exit 1; }
done
rm -r out/full
# The failing example: check that it fails as the page expects.
if link undefined ../ref/undefined.wasm lib crt1-command.o -- main.o report.o >/dev/null 2>out/ref/undefined.txt; then
    echo "build.sh: the undefined example linked" >&2
    exit 1
fi

(cd out && find . -type f ! -name '*.txt' -printf '%8s  %p\n' | sort -k2 >sizes.txt)
echo "examples built in $(pwd)/out: $(du -sh --exclude=ref out | cut -f1) ($(awk '{s+=$1} END {print s}' out/sizes.txt) bytes, references included)"
