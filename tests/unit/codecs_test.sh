#!/bin/bash
# Build tests/unit/codecs_test.c against src/parse/codecs_source.c and
# compare every source encoding with /usr/bin/python3.11
# (tests/unit/codecs/check.py): names and aliases, the Unicode codecs on
# random input, every one- and two-byte sequence of each CJK codec, and the
# stateful ones on random escape sequences. One check per group. If the
# krait binary exists (KRAIT, default build/release/krait, build/asan/krait
# with SAN=1), one more check runs source files in every encoding through it
# against ast.parse (tests/unit/codecs/e2e.py).
# Usage: tests/unit/codecs_test.sh [--full]
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/codecs_test[-san]-CC), KRAIT.
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
SUF=; [ "${SAN:-0}" = 1 ] && SUF=-san
BUILD=${BUILD:-build/codecs_test$SUF-$(basename "$CC")}
PY=/usr/bin/python3.11
mkdir -p "$BUILD/gen"
for g in source_codecs unicode unicode_name_table; do
    if [ ! -f "$BUILD/gen/$g.h" ] || [ "tools/gen_$g.py" -nt "$BUILD/gen/$g.h" ]; then
        $PY "tools/gen_$g.py" > "$BUILD/gen/$g.h.tmp"
        mv "$BUILD/gen/$g.h.tmp" "$BUILD/gen/$g.h"
    fi
done
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
$CC $FLAGS -o "$BUILD/codecs_test" tests/unit/codecs_test.c src/parse/codecs_source.c \
    src/runtime/unicode_names.c src/runtime/unicode.c src/runtime/strbuf.c
if [ "${SAN:-0}" = 1 ]; then KRAIT=${KRAIT:-build/asan/krait}; else KRAIT=${KRAIT:-build/release/krait}; fi
E2E=()
if [ -x "$KRAIT" ]; then
    E2E=(--e2e "$KRAIT" "$BUILD/e2e")
else
    echo "SKIP end-to-end: no krait binary at $KRAIT"
fi
exec $PY tests/unit/codecs/check.py "$BUILD/codecs_test" "$@" "${E2E[@]}"
