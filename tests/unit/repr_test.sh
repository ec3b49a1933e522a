#!/bin/bash
# Build tests/unit/repr_test.c against the runtime reprs, literals.c and
# ast_dump.c, then compare everything with /usr/bin/python3.11.
#   tests/unit/repr_test.sh [NFLOATS]   (default 200000 random doubles, 50000 with SAN=1)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/repr_test). For big runs: repr_test.py BINARY NFLOATS SEED directly.
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
# The objects are the main build's (build/release, or build/asan under
# SAN=1): one build of the runtime for all the unit tests.
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
NFLOATS=${1:-200000}
if [ "${SAN:-0}" = 1 ]; then
    NFLOATS=${1:-50000}
fi
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
# (The driver stubs the parser hooks literals.c calls; the real parser now
# comes along through the runtime, so the link lets the stubs win.)
# Every object but main's through the Makefile's rules, linked through an
# archive: only what the driver needs is pulled in, however the runtime's
# files come to depend on each other.
SRCS=$(ls src/*/*.c)
OBJS=$(for f in $SRCS; do f=${f#src/}; echo "$BUILD/obj/${f%.c}.o"; done)
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
if ! make -s MODE=$MODE BUILD="$BUILD" CC="$CC" $OBJS >&2 ||
   ! { rm -f "$BUILD/libkrait.a" && ar rcs "$BUILD/libkrait.a" $OBJS; } ||
   ! $CC $FLAGS -o "$BUILD/repr_test" tests/unit/repr_test.c "$BUILD/libkrait.a" $(make -s print-libs) \
       -Wl,--allow-multiple-definition; then
    echo "0 passed, 1 failed"
    exit 1
fi
exec /usr/bin/python3.11 tests/unit/repr_test.py "$BUILD/repr_test" "$NFLOATS"
