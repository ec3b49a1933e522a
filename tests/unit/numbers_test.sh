#!/bin/bash
# Build tests/unit/numbers_test.c against the number types (int.c, bool.c,
# float.c, complex.c), the collector and the error state, then compare its
# results with /usr/bin/python3.11 (tests/unit/numbers/numbers_oracle.py):
#   - the table: every operator on every pair of ~90 interesting operands,
#     the unary operations, pow(a, b, m) on triples, the int/str digit limit,
#     and correctly rounded int / int near ties, subnormals and overflow;
#   - fuzzing: NFUZZ random big-int operations (default 20000, 5000 with SAN=1),
#     then 2000 more with a collection at every 5th allocation;
#   - with BENCH=1: the timings of the fast paths and a 100000-digit multiply,
#     krait's slots next to CPython.
#   tests/unit/numbers_test.sh [NFUZZ [SEED]]
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/numbers_test).
set -uo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
# The objects are the main build's (build/release, or build/asan under
# SAN=1): one build of the runtime for all the unit tests.
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
PY=/usr/bin/python3.11
NFUZZ=${1:-20000}
SEED=${2:-$(date +%s)}
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -g"
if [ "${SAN:-0}" = 1 ]; then
    NFUZZ=${1:-5000}
    # No leak check (objects alive at exit are the collector's, which runs no
    # final collection), and no fake stacks (the conservative stack scan
    # cannot see them). This overrides the suite's own ASAN_OPTIONS.
    export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2 -DNDEBUG"
fi
mkdir -p "$BUILD"
# The number files first; whatever else they need comes from an archive of
# every object (built by the Makefile's rules).
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
ALL=$(ls src/*/*.c)
OBJS=$(for f in $ALL; do f=${f#src/}; echo "$BUILD/obj/${f%.c}.o"; done)
if ! make -s MODE=$MODE BUILD="$BUILD" CC="$CC" $OBJS >&2 ||
   ! { rm -f "$BUILD/libkrait.a" && ar rcs "$BUILD/libkrait.a" $OBJS; } ||
   ! $CC $FLAGS -I"$BUILD/gen" -o "$BUILD/numbers_test" tests/unit/numbers_test.c \
        src/runtime/int.c src/runtime/bool.c src/runtime/float.c src/runtime/complex.c \
        src/runtime/strbuf.c src/runtime/gc.c src/runtime/error.c "$BUILD/libkrait.a" $(make -s print-libs); then
    echo "0 passed, 1 failed"
    exit 1
fi
pass=0
fail=0
# oracle ARGS...: run one comparison and add its "N passed, N failed".
oracle() {
    local out line p f
    out=$($PY tests/unit/numbers/numbers_oracle.py "$BUILD/numbers_test" "$@" 2>&1)
    echo "$out" | grep -v '^ok '
    line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
    if [ -z "$line" ]; then
        fail=$((fail + 1))
        return
    fi
    p=${line%% passed*}
    f=${line#*, }; f=${f%% failed}
    pass=$((pass + p))
    fail=$((fail + f))
}
oracle table
oracle fuzz "$NFUZZ" "$SEED"
# Again with a collection at every 5th allocation: results must survive it.
NUMBERS_GC_STRESS=5 oracle fuzz 2000 "$SEED"
if [ "${BENCH:-0}" = 1 ]; then
    "$BUILD/numbers_test" bench
    $PY tests/unit/numbers/numbers_oracle.py "$BUILD/numbers_test" bench
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
