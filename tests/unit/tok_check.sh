#!/bin/sh
# Differential checks of the tokenizer and the Unicode database against
# python3.11. Usage: tests/unit/tok_check.sh [--stdlib | --build-only]
# Environment: CC (default gcc), SAN=1 (ASan/UBSan), B (build folder).
#   errors   tests/unit/tok/errors.txt: tokenizer errors vs ast.parse
#   unicode  every code point: category, printable, XID classes, NFKC
#   nfkc     random combining sequences vs unicodedata.normalize
#   stdlib   (--stdlib, ~1 min) token streams of every .py under
#            /usr/lib/python3.11 vs the tokenize module
set -u
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
SUF=; [ "${SAN:-0}" = 1 ] && SUF=-san
B=${B:-build/tok_test$SUF-$CC}
PY=/usr/bin/python3.11
T=$(mktemp -d /tmp/tok_check.XXXXXX)
trap 'rm -rf "$T"' EXIT

# Build the driver against the few sources it needs.
mkdir -p "$B/gen"
$PY tools/gen_unicode.py > "$B/gen/unicode.h" &&
$PY tools/gen_source_codecs.py > "$B/gen/source_codecs.h" || { echo "0 passed, 1 failed"; exit 1; }
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -I$B/gen -g"
if [ "${SAN:-0}" = 1 ]; then
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
$CC $FLAGS -o "$B/tok_test" tests/unit/tok_test.c src/parse/tokenizer.c \
    src/parse/codecs_source.c src/runtime/unicode.c src/runtime/arena.c src/runtime/strbuf.c ||
    { echo "0 passed, 1 failed"; exit 1; }
[ "${1:-}" = --build-only ] && exit 0

pass=0
fail=0
check() {  # name expected got
    if cmp -s "$2" "$3"; then
        echo "PASS $1"
        pass=$((pass + 1))
    else
        echo "FAIL $1"
        diff "$2" "$3" | head -20
        fail=$((fail + 1))
    fi
}

$PY tests/unit/tok/oracle_errors.py tests/unit/tok/errors.txt > "$T/err_exp"
"$B/tok_test" errors tests/unit/tok/errors.txt | sed 's/\[code\] //' > "$T/err_got"
check errors "$T/err_exp" "$T/err_got"

$PY tests/unit/tok/oracle_unicode.py > "$T/uni_exp"
"$B/tok_test" unicode > "$T/uni_got"
check unicode "$T/uni_exp" "$T/uni_got"

$PY tests/unit/tok/oracle_nfkc.py "$T/nfkc_in" "$T/nfkc_exp" 100000
"$B/tok_test" nfkc "$T/nfkc_in" > "$T/nfkc_got"
check nfkc "$T/nfkc_exp" "$T/nfkc_got"

if [ "${1:-}" = --stdlib ]; then
    find /usr/lib/python3.11 -name '*.py' | sort > "$T/files"
    xargs -n 5000 $PY tests/unit/tok/oracle_tokens.py < "$T/files" > "$T/tok_exp" 2>/dev/null
    xargs -n 5000 "$B/tok_test" tokens < "$T/files" > "$T/tok_got" 2>/dev/null
    # Files where python3.11 itself disagrees with its tokenize module, or
    # rejects the file, are listed with the reason in stdlib_known.txt.
    if $PY tests/unit/tok/compare_tokens.py "$T/tok_exp" "$T/tok_got" \
            tests/unit/tok/stdlib_known.txt; then
        echo "PASS stdlib"
        pass=$((pass + 1))
    else
        echo "FAIL stdlib"
        fail=$((fail + 1))
    fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
