#!/bin/bash
# The symbol table and the compile-time checks against CPython 3.11
# (src/compile/symtable.c, src/compile/check.c). Three comparisons, each
# over tests/compile/*.py and over every .py of /usr/lib/python3.11:
#   check  compile_check()'s verdict vs compile(): class, message, line,
#          offset, end line, end offset (or no error)
#   dump   every scope's symbols (flags and scope) and children vs _symtable
#   code   per function/class: arguments, cellvars, freevars, generator and
#          coroutine flags vs the code objects compile() makes
# One check per file and comparison. Known differences: symtable_known.txt.
# Environment: CC (default gcc), SAN=1 (ASan/UBSan build), B (build folder).
# About a minute either way (the CPython side dominates).
set -u
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
PY=/usr/bin/python3.11
if [ "${SAN:-0}" = 1 ]; then
    MODE=asan SUF=-san
else
    MODE=release SUF=
fi
# The main build's objects (build/release or build/asan): one runtime build for all unit tests.
B=${B:-build/$MODE$([ "$CC" = gcc ] || echo "-$CC")}

# Every object but main's through the Makefile's rules, linked through an
# archive: only what the driver needs is pulled in.
SRCS=$(ls src/*/*.c)
OBJS=$(for f in $SRCS; do f=${f#src/}; echo "$B/obj/${f%.c}.o"; done)
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$B/gen -g"
if [ "$MODE" = asan ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
if ! make -s MODE=$MODE BUILD="$B" CC="$CC" $OBJS >&2 ||
   ! { rm -f "$B/libsymtab.a" && ar rcs "$B/libsymtab.a" $OBJS; } ||
   ! $CC $FLAGS -o "$B/symtable_test" tests/unit/symtable_test.c "$B/libsymtab.a" $(make -s print-libs); then
    echo "0 passed, 1 failed"
    exit 1
fi

pass=0
fail=0
for mode in check dump code; do
    for set in cases stdlib; do
        if [ $set = stdlib ]; then
            args=/usr/lib/python3.11
        else
            args=tests/compile
        fi
        out=$($PY tests/unit/symtable_compare.py "$B/symtable_test" $mode --label "$mode-$set" \
              --known tests/unit/symtable_known.txt $args)
        echo "$out" | grep -v '^KNOWN' | tail -n 30
        line=$(echo "$out" | grep -E '^[a-z-]+: [0-9]+/[0-9]+ files identical$' | tail -1)
        if [ -z "$line" ]; then
            fail=$((fail + 1))
            continue
        fi
        n=${line#*: }; n=${n%%/*}
        m=${line#*/}; m=${m%% *}
        pass=$((pass + n))
        fail=$((fail + m - n))
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
