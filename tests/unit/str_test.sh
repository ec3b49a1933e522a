#!/bin/bash
# Build tests/unit/str_test.c against str.c, bytes.c and hash.c (with the
# collector, the exceptions and the reprs they use), then compare it with
# /usr/bin/python3.11 (tests/unit/str/check.py): construction, indexing at
# every position, comparisons, + and *, containment and substring search,
# slicing, iteration, interning, str_format_c, hash() under several
# PYTHONHASHSEED values, a collection-stress run. With STR_BENCH=1, also the
# speed of indexing, `in` and hashing next to CPython's ("perf:" lines).
#   tests/unit/str_test.sh [SCALE [SEED]]   (SCALE multiplies the random case
#                                            counts: default 1, 0.3 with SAN=1)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/str_test), STR_BENCH=1 for the timings.
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
# The objects are the main build's (build/release, or build/asan under SAN=1).
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
PY=/usr/bin/python3.11
SCALE=${1:-1}
SEED=${2:-1}
mkdir -p "$BUILD/gen"
if [ ! -f "$BUILD/gen/unicode.h" ] || [ tools/gen_unicode.py -nt "$BUILD/gen/unicode.h" ]; then
    $PY tools/gen_unicode.py > "$BUILD/gen/unicode.h.tmp"
    mv "$BUILD/gen/unicode.h.tmp" "$BUILD/gen/unicode.h"
fi
# No -DNDEBUG: gc.c's checks catch a traced pointer to a freed cell.
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    SCALE=${1:-0.3}
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
SRCS="src/runtime/str.c src/runtime/bytes.c src/runtime/hash.c src/runtime/gc.c
      src/runtime/error.c src/runtime/strbuf.c src/runtime/unicode.c"
# Whatever else those files come to need is taken from an archive of every
# object (built by the Makefile's rules), after them on the link line.
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
ALL=$(ls src/*/*.c)
OBJS=$(for f in $ALL; do f=${f#src/}; echo "$BUILD/obj/${f%.c}.o"; done)
make -s MODE=$MODE BUILD="$BUILD" CC="$CC" $OBJS >&2
rm -f "$BUILD/libkrait.a" && ar rcs "$BUILD/libkrait.a" $OBJS
$CC $FLAGS -o "$BUILD/str_test" tests/unit/str_test.c $SRCS "$BUILD/libkrait.a" $(make -s print-libs)
# str_test_alt: str.c's test knobs (the >= 4 GiB index layout, the search
# without SIMD or by two-way alone), chosen on its command line.
$CC $FLAGS -DSTR_TEST_KNOBS -o "$BUILD/str_test_alt" tests/unit/str_test.c $SRCS \
    "$BUILD/libkrait.a" $(make -s print-libs)
status=0
$PY tests/unit/str/check.py "$BUILD/str_test" "$SCALE" "$SEED" > "$BUILD/check.log" || status=$?
if [ "${STR_BENCH:-0}" = 1 ]; then
    "$BUILD/str_test" bench 1 || true
    $PY tests/unit/str/bench.py 1 || true
fi
cat "$BUILD/check.log"
exit $status
