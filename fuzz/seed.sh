#!/usr/bin/env bash
# Regenerates the fuzz corpora in fuzz/corpus/<target>/ (git-ignored) from real inputs:
# the small C/C++ files in fuzz/seeds/ compiled with clang-19 at -O0, -O2 and -g, a no_std
# Rust file compiled by rustc for both wasm targets (objects and an rlib), a few members of
# wasi-libc, and small archives of them. Also rewrites fuzz/fixtures/ (the
# committed inputs the `args` target embeds). Needs clang-19, llvm-ar-19, llvm-nm-19, llvm-mc-19 and wasm-ld-19.
# Then it adds the corpora saved by fuzz/save.sh (fuzz/saved/<target>.tar.xz), so runs resume.
#   fuzz/seed.sh            regenerate everything (replaces fuzz/corpus/<target>/)
set -euo pipefail
cd "$(dirname "$0")"
for tool in clang-19 llvm-ar-19 llvm-nm-19 llvm-mc-19 wasm-ld-19; do
    command -v "$tool" >/dev/null || { echo "seed.sh: $tool is missing; apt-get install clang-19 llvm-19" >&2; exit 1; }
done
for target in wasm32-unknown-unknown wasm32-wasip1; do
    rustup target list --installed | grep -qx "$target" || { echo "seed.sh: rustup target add $target" >&2; exit 1; }
done
LIBC=/usr/lib/wasm32-wasi/libc.a
[[ -f $LIBC ]] || { echo "seed.sh: $LIBC is missing; apt-get install wasi-libc" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=${CORPUS:-corpus}  # CORPUS=dir writes elsewhere (keeps a grown corpus)
rm -rf "$corpus"/{parse_object,parse_archive,link,args,link_structured,demangle,demangle_llvm}
# link_structured builds its objects from the fuzz bytes: it has no seeds, only a saved corpus.
mkdir -p "$corpus"/{parse_object,parse_archive,link,args,link_structured,demangle,demangle_llvm} fixtures

# ---- objects ----
cc() { clang-19 --target=wasm32-wasi "$@"; }
for opt in O0 O2 g; do
    flags=(-$opt); [[ $opt == g ]] && flags=(-O1 -g)
    for src in main.c lib1.c lib2.c layout.c; do
        cc "${flags[@]}" -c "seeds/$src" -o "$work/${src%.c}-$opt.o"
    done
    for src in cxx cxx2; do
        cc "${flags[@]}" -fno-exceptions -nostdinc++ -c seeds/$src.cpp -o "$work/$src-$opt.o"
    done
    cc "${flags[@]}" -matomics -mbulk-memory -c seeds/tls.c -o "$work/tls-$opt.o"
    cc "${flags[@]}" -c seeds/wrap.c -o "$work/wrap-$opt.o"
done
# Tags and tables defined in objects: C++ exceptions as wasm exceptions (the weak tag
# __cpp_exception, in two objects), a table of externrefs (reference-types).
for opt in O0 O2; do
    cc -$opt -fwasm-exceptions -nostdinc++ -c seeds/eh.cpp -o "$work/eh-$opt.o"
    cc -$opt -fwasm-exceptions -nostdinc++ -DGUARDED=guarded_again -c seeds/eh.cpp -o "$work/eh2-$opt.o"
    cc -$opt -mreference-types -c seeds/reftab.c -o "$work/reftab-$opt.o"
done
# Tags, tables and globals as tests/threads.rs writes them in assembly: defined ones, imported
# (undefined) ones, and objects that disagree about their types or kinds.
for s in eh_tags eh_catcher eh_dispatch eh_mismatch globals globals_use globals_clash; do
    llvm-mc-19 -triple=wasm32 -mattr=+exception-handling,+reference-types -filetype=obj \
        "../tests/threads/$s.s" -o "$work/$s.o"
done
# An object without reference types (its table import has no symbol), and one defining the
# reserved __indirect_function_table.
llvm-mc-19 -triple=wasm32 -filetype=obj seeds/legacy_table.s -o "$work/legacy_table.o"
llvm-mc-19 -triple=wasm32 -mattr=+reference-types -filetype=obj seeds/reserved_table.s -o "$work/reserved_table.o"
# Position-independent objects (GOT relocations, relative addresses), for -pie and -shared.
for opt in O0 O2; do
    for src in main.c lib1.c lib2.c layout.c; do
        cc -$opt -fPIC -fvisibility=default -c "seeds/$src" -o "$work/pic-${src%.c}-$opt.o"
    done
done
cc -O2 -fPIC -fvisibility=default -mextended-const -matomics -mbulk-memory -c seeds/tls.c -o "$work/pic-tls-O2.o"
# A shared library, to be linked against (its exports become symbols).
wasm-ld-19 --experimental-pic -shared "$work/pic-lib1-O2.o" -o "$work/libpic.so"
# wasm64 (memory64) objects; the seeds include no headers, so no wasm64 libc is needed.
for opt in O0 O2; do
    for src in main.c lib1.c lib2.c; do
        clang-19 --target=wasm64 -$opt -c "seeds/$src" -o "$work/w64-${src%.c}-$opt.o"
    done
done
# rustc objects: one codegen unit each so the object has a known name; `g` carries DWARF.
rs() { rustc --edition 2021 --crate-type=rlib -C codegen-units=1 -C panic=abort --crate-name rustlib "$@" seeds/rustlib.rs; }
for target in wasm32-unknown-unknown wasm32-wasip1; do
    short=${target#wasm32-}
    rs --target "$target" -C opt-level=0 --emit=obj -o "$work/rust-$short-O0.o"
    rs --target "$target" -C opt-level=2 --emit=obj -o "$work/rust-$short-O2.o"
    rs --target "$target" -C opt-level=1 -g --emit=obj -o "$work/rust-$short-g.o"
done
mkdir "$work/rlib"
rs --target wasm32-wasip1 -C opt-level=2 --emit=link --out-dir "$work/rlib"
cp "$work/rlib/librustlib.rlib" "$work/librustlib.a"
# A few wasi-libc members: tiny leaf functions, stdio, the crt entry point.
members=(strlen.o memcpy.o atoi.o printf.o puts.o exit.o)
(cd "$work" && llvm-ar-19 x "$LIBC" "${members[@]}")
cp /usr/lib/wasm32-wasi/crt1-command.o "$work/"
for o in "$work"/*.o "$work"/libpic.so; do cp "$o" "$corpus/parse_object/"; done

# ---- archives ----
(cd "$work" && llvm-ar-19 rc --format=gnu libz.a lib1-O2.o lib2-O2.o \
    && llvm-ar-19 rc --format=bsd libz-bsd.a lib1-O0.o lib2-g.o \
    && llvm-ar-19 rc --format=gnu libmini.a "${members[@]}" \
    && cp lib1-O0.o a_rather_long_member_name_for_the_string_table.o \
    && llvm-ar-19 rc --format=gnu liblong.a a_rather_long_member_name_for_the_string_table.o lib2-O0.o \
    && llvm-ar-19 rc --format=gnu libglob.a globals.o)
cp "$work"/lib*.a "$corpus/parse_archive/"

# ---- link: 8 option bytes, then inputs separated by the marker (see fuzz_targets/link.rs) ----
sep=$'\n--weld-input--\n'
n=0
link_seed() { # link_seed OPTIONBYTES(hex) FILE...
    local head=$1; shift
    local out="$corpus/link/seed-$((n++))"
    printf "$(sed 's/../\\x&/g' <<<"$head")" >"$out"
    local first=1
    for f in "$@"; do
        ((first)) || printf '%s' "$sep" >>"$out"
        first=0
        cat "$work/$f" >>"$out"
    done
}
for opt in O0 O2 g; do
    link_seed 0000000000000000 main-$opt.o libz.a
    link_seed 2000000002000000 main-$opt.o lib1-$opt.o lib2-$opt.o
    link_seed 0800000000000000 cxx-$opt.o
    link_seed 0a00000000000000 tls-$opt.o
done
link_seed 0200000000000000 crt1-command.o main-O2.o libz.a libmini.a
link_seed 2100040001000000 main-g.o libz-bsd.a
link_seed 0000000080e0e0e0 main-O0.o lib1-O2.o libz.a
link_seed 0400000001000000 lib1-O0.o lib2-O0.o
# The same C++ COMDATs in two objects: without GC (bit 0; everything exported, bit 3), the
# unused copies are written too; with -r (bits 16+17), also beside TLS.
link_seed 0900000000000000 cxx-O0.o cxx-O2.o
link_seed 0000030000000000 cxx-O0.o cxx-g.o tls-O0.o
# Two files sharing COMDAT groups (at -O0 the inline functions stay): the second file's copies
# are dropped, its symbols in them resolved to the first's; with GC and the report, without
# GC, and with -r.
link_seed 0000000001000000 cxx-O0.o cxx2-O0.o
link_seed 0900000000000000 cxx-O0.o cxx2-O0.o
link_seed 0000030000000000 cxx2-O0.o cxx-O0.o
# The linker-defined symbols, everything exported (bit 3): with --emit-relocs (bits 12+20)
# and the report, --stack-first (bit 9), -r, and (position-independent) -pie, importing
# what a PIE cannot define (the stack bounds, __global_base) dynamically (bits 4+7).
link_seed 0800000000000000 layout-O0.o
link_seed 0810100001000000 layout-O2.o
link_seed 0802000000000000 layout-g.o
link_seed 0000030000000000 layout-O2.o
link_seed 9822000000000000 pic-layout-O2.o
# rustc objects: everything exported (bit 3), with and without GC; the rlib as an archive.
link_seed 0800000000000000 rust-unknown-unknown-O2.o
link_seed 0900000000000000 rust-unknown-unknown-g.o
link_seed 0800000000000000 rust-wasip1-O0.o main-O2.o libz.a
link_seed 2800000000000000 main-O0.o librustlib.a
link_seed 0000010000000000 main-O2.o libz.a
# Dynamic linking: -shared (bits 14+15) and -pie (bits 9+13), undefined symbols imported
# dynamically (the top bits of byte 0), everything of default visibility exported (bit 4),
# -Bsymbolic (bit 18).
link_seed 90c0000000000000 pic-main-O0.o pic-lib1-O0.o pic-lib2-O0.o
link_seed 90c0040000000000 pic-main-O2.o pic-lib1-O2.o
link_seed 9022000000000000 pic-main-O2.o pic-lib2-O2.o libz.a
link_seed 90c0000000000000 pic-tls-O2.o pic-lib1-O2.o
link_seed 8000000000000000 pic-main-O0.o lib1-O0.o
link_seed 9022000000000000 pic-main-O2.o libpic.so pic-lib2-O2.o
# A stub library: host_log matched by its import name, the weak `maybe`, a missing dependency.
printf '#STUB\nhost_log: classify, greet\nmaybe: add\n\nunused: nothing,\n' >"$work/host.stub"
link_seed 0000000000000000 main-O2.o host.stub libz.a
link_seed 2000000000000000 main-O0.o libz.a host.stub
# wasm64 (option bit 8), without and with GC.
link_seed 0101000000000000 w64-main-O0.o w64-lib1-O0.o w64-lib2-O0.o
link_seed 2001000000000000 w64-main-O2.o w64-lib1-O2.o w64-lib2-O2.o

# Tags and tables: everything exported (bit 3), kept without GC (bit 0), -r (bits 16+17),
# all collected and the report's texts on (byte 4 bit 0: --print-gc-sections among them).
link_seed 0800000000000000 eh-O2.o eh2-O0.o reftab-O2.o
link_seed 0900000000000000 eh-O0.o reftab-O0.o eh2-O2.o
link_seed 0000030000000000 eh-O2.o eh2-O2.o reftab-O0.o
link_seed 2000000001000000 eh-O0.o eh2-O0.o reftab-O2.o
link_seed 0800000000000000 eh_tags.o eh_catcher.o eh_dispatch.o
link_seed 0000000001000000 eh_catcher.o eh_dispatch.o eh_tags.o
link_seed 0800000000000000 eh_tags.o eh_mismatch.o
link_seed 2000000000000000 eh_catcher.o
link_seed 0000030000000000 eh_catcher.o eh_tags.o
# Globals, a table and a tag defined in objects (tests/threads/globals*.s): used through an
# archive member, with GC reports, -r and -shared (a weak global imported anyway), and the
# object that disagrees with every one of them.
link_seed 0800000000000000 globals_use.o globals.o
link_seed 0000000001000000 globals_use.o libglob.a
link_seed 0000030000000000 globals.o globals_use.o
link_seed 90c0000000000000 globals.o globals_use.o
link_seed 0900000000000000 globals.o globals_clash.o
link_seed 0000000000000000 globals_clash.o libglob.a globals_use.o
# The table of code without reference types: first among defined tables, and in conflict
# with an imported one (everything exported, undefined symbols allowed); the reserved table.
link_seed 2800000000000000 legacy_table.o eh_catcher.o
link_seed 2800000000000000 legacy_table.o eh_tags.o globals.o
link_seed 2900000000000000 eh_tags.o eh_catcher.o eh_dispatch.o legacy_table.o
link_seed 2800000000000000 reserved_table.o main-O2.o
# More options than the bits hold, as command-line lines in an `#ARGS` part (inputs.rs): --wrap
# (main.c calls add, wrap.c defines __wrap_add over __real_add), the entry, named exports.
printf '#ARGS\n--wrap=add\n--wrap=maybe\n--export=classify\n' >"$work/args-wrap"
printf '#ARGS\n--wrap=add\n--entry=main\n--export-if-defined=greet\n--export-memory=mem\n' >"$work/args-entry"
printf '#ARGS\n--keep-section=.debug_info\n--features=mutable-globals,sign-ext\n--no-check-features\n-z\nstack-size=4096\n' >"$work/args-misc"
for opt in O0 O2 g; do
    link_seed 0000000000000000 main-$opt.o wrap-$opt.o libz.a args-wrap
done
link_seed 0800000000000000 main-O0.o wrap-O2.o lib1-O0.o lib2-O0.o args-entry
link_seed 0000030000000000 main-O2.o wrap-O2.o args-wrap
link_seed 0900000000000000 main-g.o libz.a args-misc
# wrap.c's weak reference to counter, alone (libz.a's member stays out) and before main.c's.
link_seed 2800000000000000 wrap-O2.o libz.a
link_seed 0000000001000000 wrap-O0.o main-O0.o libz.a
# ---- args: NUL-separated arguments, then \0\0 and the contents of file `x` ----
args_seed() { # args_seed NAME CONTENTS-OF-x ARG...
    local out="$corpus/args/$1" x=$2; shift 2
    printf '%s\0' "$@" >"$out"
    printf '\0%s' "$x" >>"$out"
}
args_seed plain "" a.o -o out.wasm --no-entry
args_seed archive "" a.o libz.a --no-entry --export=main -o o.wasm
args_seed lib "" a.o -L. -lz --entry=main --gc-sections --strip-all
args_seed whole "" --whole-archive libz.a --no-whole-archive a.o --no-entry --export-all
args_seed rsp "a.o libz.a --no-entry '--export=main' \"-o\" out.wasm" @x
args_seed rsp-win "a.o \"lib z.a\" --no-entry" --rsp-quoting=windows @x
args_seed memory "" a.o libz.a --no-entry --import-memory=env,mem --initial-memory=131072 --max-memory=262144 -z stack-size=8192 --global-base=2048
args_seed table "" a.o libz.a --no-entry --import-table --growable-table --table-base=5 --export-table
args_seed undef $'add\n# comment\nmaybe\n' a.o --no-entry --allow-undefined-file=x --unresolved-symbols=ignore-all
args_seed flavor "" -flavor wasm a.o libz.a --no-entry -Map=m.txt --print-gc-sections --verbose --trace
args_seed buildid "" a.o libz.a --no-entry --build-id=0xdeadbeef --compress-relocations -O2
args_seed version "" --version
args_seed help "" --help
args_seed bad "" a.o --frobnicate -z bogus --error-limit=1 --fatal-warnings
args_seed shared "" a.o libz.a --experimental-pic -shared --unresolved-symbols=import-dynamic -Bsymbolic
args_seed pie "" a.o libz.a --experimental-pic -pie --no-entry --export-dynamic --import-memory
args_seed import-dynamic "" a.o libz.a --no-entry --unresolved-symbols=import-dynamic
args_seed stub $'#STUB\nhost_log: add, greet\nmaybe:\n' a.o x libz.a --no-entry --why-extract=- --trace-symbol=host_log
args_seed reproduce "" --reproduce=r.tar a.o libz.a --no-entry -L. -lz -o out/x.wasm --export=main
{ printf '%s\0' x libz.a --no-entry; printf '\0'; cat "$work/main-O0.o"; } >"$corpus/args/object-x"
# A thin archive naming the embedded a.o (members are read from the archive's directory).
mkdir "$work/thin" && cp "$work/main-O2.o" "$work/thin/a.o"
(cd "$work/thin" && llvm-ar-19 rc --thin x a.o)
{ printf '%s\0' x libz.a --no-entry --export=main; printf '\0'; cat "$work/thin/x"; } >"$corpus/args/thin-x"
{ printf '%s\0' --whole-archive x --no-whole-archive --no-entry; printf '\0'; cat "$work/thin/x"; } >"$corpus/args/thin-whole"

# ---- demangle: the C++ symbol names of the seeds (the target adds `_Z`/`_R` prefixes) ----
i=0
for sym in $(llvm-nm-19 --just-symbol-name "$work"/cxx-*.o | grep '^_Z' | sort -u); do
    printf '%s' "${sym#_Z}" >"$corpus/demangle/cxx-$((i++))"
done
printf '%s' 'NvCs1234_7mycrate3foo' >"$corpus/demangle/rust-v0"
printf '%s' 'N4core3fmt5write17h0123456789abcdefE' >"$corpus/demangle/rust-legacy"
cp "$corpus"/demangle/* "$corpus/demangle_llvm/"

# ---- fixtures embedded by fuzz_targets/args.rs ----
cp "$work/main-O2.o" fixtures/a.o
cp "$work/libz.a" fixtures/libz.a

# ---- corpora grown in earlier sessions (fuzz/save.sh), beside the seeds ----
for saved in saved/*.tar.xz; do
    [[ -e $saved ]] || continue
    tar -xJf "$saved" -C "$corpus"
done

for t in parse_object parse_archive link args link_structured demangle demangle_llvm; do
    echo "seed.sh: $t: $(ls "$corpus/$t" | wc -l) inputs, $(du -sh "$corpus/$t" | cut -f1)"
done
