#!/bin/bash
# Weak references, finalizers and the collector's pending work
# (tests/unit/weakref_test.c) on the real runtime, twice: plainly, and with
# a collection at every 13th allocation (a missed trace or a stale weak
# table entry shows up as a wrong result, or under SAN=1 as a
# use-after-free). The unraisable reports on stderr are checked too.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
set -uo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
# The objects are the main build's (build/release, or build/asan under
# SAN=1): one build of the runtime for all the unit tests.
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0
else
    FLAGS="$FLAGS -O2"
fi
SRCS=$(ls src/*/*.c)
OBJS=$(for f in $SRCS; do f=${f#src/}; echo "$BUILD/obj/${f%.c}.o"; done)
if ! make -s MODE=$MODE BUILD="$BUILD" CC="$CC" $OBJS >&2 ||
   ! { rm -f "$BUILD/libkrait.a" && ar rcs "$BUILD/libkrait.a" $OBJS; } ||
   ! $CC $FLAGS -o "$BUILD/weakref_test" tests/unit/weakref_test.c "$BUILD/libkrait.a" \
        $(make -s print-libs); then
    echo "0 passed, 1 failed"
    exit 1
fi
pass=0
fail=0
for every in 0 13; do
    "$BUILD/weakref_test" $every > "$BUILD/out-$every.txt" 2> "$BUILD/err-$every.txt"
    status=$?
    grep -v '^PASS' "$BUILD/out-$every.txt"
    line=$(grep -E '^weakref_test: [0-9]+ passed, [0-9]+ failed$' "$BUILD/out-$every.txt" | tail -1)
    if [ -z "$line" ]; then
        echo "FAIL weakref_test $every: crashed or did not finish (status $status)"
        tail -20 "$BUILD/err-$every.txt"
        fail=$((fail + 1))
        continue
    fi
    line=${line#weakref_test: }
    p=${line%% passed*}
    f=${line#*, }; f=${f%% failed}
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$status" != 0 ] && [ "$f" = 0 ]; then fail=$((fail + 1)); fi
    # The two unraisable errors: a finalizer's and a callback's.
    if [ "$(grep -c '^Exception ignored in: ' "$BUILD/err-$every.txt")" = 2 ] &&
       grep -q '^ValueError: finalizer failed$' "$BUILD/err-$every.txt" &&
       grep -q '^ZeroDivisionError: division by zero$' "$BUILD/err-$every.txt"; then
        pass=$((pass + 1))
    else
        echo "FAIL weakref_test $every: unraisable reports on stderr:"
        head -20 "$BUILD/err-$every.txt"
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
