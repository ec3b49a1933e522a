#!/bin/bash
# Build tests/unit/strings_test.c against src/parse/strings.c and the \N{}
# name table, then compare with /usr/bin/python3.11: the hand-written cases
# (tests/unit/strings/cases.txt, one check each), every Unicode name and alias
# plus near misses (one check), and 3000 random literal runs (one check).
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/strings_test).
set -euo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
BUILD=${BUILD:-build/strings_test}
PY=/usr/bin/python3.11
mkdir -p "$BUILD/gen"
if [ ! -f "$BUILD/gen/unicode_name_table.h" ] ||
   [ tools/gen_unicode_name_table.py -nt "$BUILD/gen/unicode_name_table.h" ]; then
    $PY tools/gen_unicode_name_table.py > "$BUILD/gen/unicode_name_table.h.tmp"
    mv "$BUILD/gen/unicode_name_table.h.tmp" "$BUILD/gen/unicode_name_table.h"
fi
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$BUILD/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
$CC $FLAGS -o "$BUILD/strings_test" tests/unit/strings_test.c src/parse/strings.c \
    src/runtime/unicode_names.c src/runtime/strbuf.c src/runtime/arena.c src/parse/ast.c
exec $PY tests/unit/strings/check.py "$BUILD/strings_test" "$BUILD"
