#!/bin/bash
# Build tests/unit/repr_test.c against the runtime reprs, literals.c and
# ast_dump.c, then compare everything with /usr/bin/python3.11.
#   tests/unit/repr_test.sh [NFLOATS]   (default 200000 random doubles, 50000 with SAN=1)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/repr_test). For big runs: repr_test.py BINARY NFLOATS SEED directly.
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
BUILD=${BUILD:-build/repr_test}
NFLOATS=${1:-200000}
if [ "${SAN:-0}" = 1 ]; then
    NFLOATS=${1:-50000}
fi
mkdir -p "$BUILD/gen"
if [ ! -f "$BUILD/gen/unicode.h" ] || [ tools/gen_unicode.py -nt "$BUILD/gen/unicode.h" ]; then
    /usr/bin/python3.11 tools/gen_unicode.py > "$BUILD/gen/unicode.h.tmp"
    mv "$BUILD/gen/unicode.h.tmp" "$BUILD/gen/unicode.h"
fi
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
$CC $FLAGS -o "$BUILD/repr_test" tests/unit/repr_test.c \
    src/runtime/float.c src/runtime/complex.c src/runtime/int.c src/runtime/str.c \
    src/runtime/bytes.c src/runtime/strbuf.c src/runtime/arena.c src/runtime/unicode.c \
    src/parse/literals.c src/parse/ast_dump.c src/parse/ast.c -lgmp -lm
exec /usr/bin/python3.11 tests/unit/repr_test.py "$BUILD/repr_test" "$NFLOATS"
