#!/bin/bash
# Build tests/unit/repr_test.c against the runtime reprs, literals.c and
# ast_dump.c, then compare everything with /usr/bin/python3.11.
#   tests/unit/repr_test.sh [NFLOATS]      (default 200000 random doubles)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/repr_test), KRAIT_UNICODE_C to use another unicode.c.
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
BUILD=${BUILD:-build/repr_test}
NFLOATS=${1:-200000}
mkdir -p "$BUILD/gen"
UNICODE_C=${KRAIT_UNICODE_C:-src/runtime/unicode.c}
if [ -f tools/gen_unicode.py ] && [ ! -f "$BUILD/gen/unicode.h" ]; then
    /usr/bin/python3.11 tools/gen_unicode.py > "$BUILD/gen/unicode.h"
fi
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
$CC $FLAGS -o "$BUILD/repr_test" tests/unit/repr_test.c \
    src/runtime/float.c src/runtime/complex.c src/runtime/int.c src/runtime/str.c \
    src/runtime/bytes.c src/runtime/strbuf.c src/runtime/arena.c "$UNICODE_C" \
    src/parse/literals.c src/parse/ast_dump.c src/parse/ast.c -lgmp -lm
exec /usr/bin/python3.11 tests/unit/repr_test.py "$BUILD/repr_test" "$NFLOATS"
