#!/bin/bash
# tests/unit/lib/line_oracle.sh NAME: build tests/unit/NAME.c against an
# archive of every object but main's, run it, and compare its output line by
# line with tests/unit/NAME/oracle.py run by CPython 3.11 (PYTHONHASHSEED=0):
# one check per line. The runtime tests (runtime, exceptions, range_slice)
# are thin wrappers around it.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
set -uo pipefail
NAME=$1
cd "$(dirname "$0")/../../.."
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
   ! $CC $FLAGS -o "$BUILD/$NAME" "tests/unit/$NAME.c" "$BUILD/libkrait.a" $(make -s print-libs); then
    echo "0 passed, 1 failed"
    exit 1
fi
PYTHONHASHSEED=0 /usr/bin/python3.11 "tests/unit/${NAME%_test}/oracle.py" > "$BUILD/expected.txt"
"$BUILD/$NAME" > "$BUILD/actual.txt"
status=$?
pass=0
fail=0
while IFS= read -r exp && IFS= read -r got <&3; do
    if [ "$exp" = "$got" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL"
        echo "  cpython: $exp"
        echo "  krait:   $got"
    fi
done < "$BUILD/expected.txt" 3< "$BUILD/actual.txt"
nexp=$(wc -l < "$BUILD/expected.txt")
ngot=$(wc -l < "$BUILD/actual.txt")
if [ "$nexp" != "$ngot" ] || [ "$status" != 0 ]; then
    echo "FAIL: $ngot lines (want $nexp), exit status $status"
    fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
