#!/bin/sh
# Build the tokenizer/unicode test driver into $B (default build/tok).
set -e
cd "$(dirname "$0")/../.."
B=${B:-build/tok}
CC=${CC:-gcc}
mkdir -p "$B/gen"
[ -f "$B/gen/unicode_db.h" ] && [ "$B/gen/unicode_db.h" -nt tools/gen_unicode_db.py ] || /usr/bin/python3.11 tools/gen_unicode_db.py > "$B/gen/unicode_db.h"
[ -f "$B/gen/source_codecs.h" ] && [ "$B/gen/source_codecs.h" -nt tools/gen_source_codecs.py ] || /usr/bin/python3.11 tools/gen_source_codecs.py > "$B/gen/source_codecs.h"
$CC -std=gnu11 -Wall -Wextra -Wno-unused-parameter ${CFLAGS:--O2 -g} -Isrc -I"$B/gen" -o "$B/tok_test" \
    tests/unit/tok_test.c src/parse/tokenizer.c src/parse/codecs_source.c src/runtime/unicode.c \
    src/runtime/arena.c src/runtime/strbuf.c
