#!/bin/sh
# Unit tests for strings.c and unicode_names.c against python3.11.
# Usage: tests/unit/strings/run.sh [OUTDIR]   (default /tmp/krait-strings-test)
set -e
PY=/usr/bin/python3.11
OUT=${1:-/tmp/krait-strings-test}
HERE=$(dirname "$0")
ROOT=$HERE/../../..
CC=${CC:-gcc}
mkdir -p "$OUT/gen"
$PY "$ROOT/tools/gen_unicode_name_table.py" > "$OUT/gen/unicode_name_table.h"
$CC -std=gnu11 -Wall -Wextra -Wno-unused-parameter -O1 -g \
    -fsanitize=address,undefined -fno-sanitize-recover=undefined \
    -I"$ROOT/src" -I"$OUT/gen" -o "$OUT/strings_test" \
    "$ROOT/tests/unit/strings_test.c" "$ROOT/src/parse/strings.c" \
    "$ROOT/src/runtime/unicode_names.c" "$ROOT/src/runtime/strbuf.c" \
    "$ROOT/src/runtime/arena.c" "$ROOT/src/parse/ast.c"
status=0
$PY "$HERE/oracle.py" "$HERE/cases.txt" > "$OUT/expected.txt"
"$OUT/strings_test" cases "$HERE/cases.txt" > "$OUT/got.txt"
if diff "$OUT/expected.txt" "$OUT/got.txt" > "$OUT/diff.txt"; then
    echo "strings: $(wc -l < "$OUT/expected.txt") cases OK"
else
    echo "strings: MISMATCH (expected vs got):"; cat "$OUT/diff.txt"; status=1
fi
$PY "$HERE/names.py" > "$OUT/names.txt"
"$OUT/strings_test" names < "$OUT/names.txt" || status=1
exit $status
