#!/bin/bash
# Build tests/unit/containers_test.c against tuple.c, list.c, dict.c, set.c
# (with the collector and the error state), run its scenarios, and compare
# them section by section with tests/unit/containers/oracle.py run by
# /usr/bin/python3.11 with PYTHONHASHSEED=0. The driver runs twice: plainly,
# and with a collection every 7 allocations (a missed trace shows up as a
# wrong result, or under SAN=1 as a use-after-free).
#   tests/unit/containers_test.sh
#   containers_test bench N     sort timings (see the .c)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/containers_test).
set -uo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
# The objects are the main build's (build/release, or build/asan under
# SAN=1): one build of the runtime for all the unit tests.
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
    export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0
else
    FLAGS="$FLAGS -O2"
fi
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
# Every object but main's, linked through an archive; the driver's weak
# stand-ins give way to the real definitions.
SRCS=$(ls src/*/*.c)
OBJS=$(for f in $SRCS; do f=${f#src/}; echo "$BUILD/obj/${f%.c}.o"; done)
if ! make -s MODE=$MODE BUILD="$BUILD" CC="$CC" $OBJS >&2 ||
   ! { rm -f "$BUILD/libkrait.a" && ar rcs "$BUILD/libkrait.a" $OBJS; } ||
   ! $CC $FLAGS -I"$BUILD/gen" -o "$BUILD/containers_test" tests/unit/containers_test.c \
        "$BUILD/libkrait.a" $(make -s print-libs); then
    echo "0 passed, 1 failed"
    exit 1
fi
PYTHONHASHSEED=0 /usr/bin/python3.11 tests/unit/containers/oracle.py > "$BUILD/oracle.txt" || {
    echo "oracle failed"; echo "0 passed, 1 failed"; exit 1; }
pass=0
fail=0
for mode in plain stress; do
    arg=""
    if [ $mode = stress ]; then arg=7; fi
    "$BUILD/containers_test" $arg > "$BUILD/$mode.txt" 2> "$BUILD/$mode.err"
    status=$?
    out=$(/usr/bin/python3.11 tests/unit/containers/compare.py "$BUILD/oracle.txt" "$BUILD/$mode.txt" "containers-$mode")
    echo "$out"
    line=$(echo "$out" | tail -1)
    line=${line#*: }
    p=${line%% passed*}
    f=${line#*, }; f=${f%% failed}
    if [ "$status" != 0 ]; then
        echo "FAIL containers-$mode: exit status $status"
        head -20 "$BUILD/$mode.err"
        f=$((f + 1))
    fi
    pass=$((pass + p))
    fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
