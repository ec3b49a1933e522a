#!/bin/bash
# The compiler over real code: krait compiles every .py file of CPython's
# standard library (a slice of it under SAN=1) and the compile-time error
# cases of tests/compile/, and must fail exactly where CPython 3.11's
# compile() fails, with the same exception, message and SyntaxError fields
# (-X compile-only), and otherwise produce the same code objects: names,
# qualified names, first lines, flags, argument counts, co_varnames,
# co_cellvars, co_freevars and docstrings (-X code-info). One check per file.
# (What the compiled code does is checked by tests/lang.)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
set -uo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
if [ "${SAN:-0}" = 1 ]; then MODE=asan; else MODE=release; fi
# The objects are the main build's (build/release, or build/asan under
# SAN=1): one build of the runtime for all the unit tests.
BUILD=${BUILD:-build/$([ "${SAN:-0}" = 1 ] && echo asan || echo release)$([ "$CC" = gcc ] || echo "-$CC")}
export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=0
if ! make -s MODE=$MODE BUILD="$BUILD" CC="$CC" "$BUILD/krait" >&2; then
    echo "0 passed, 1 failed"
    exit 1
fi
LIST="$BUILD/compile-files.txt"
{
    if [ "${SAN:-0}" = 1 ]; then
        find /usr/lib/python3.11 -name '*.py' | sort | awk 'NR % 16 == 0'
    else
        find /usr/lib/python3.11 -name '*.py' | sort
    fi
    ls tests/compile/*.py
} > "$LIST"
/usr/bin/python3.11 tests/unit/compile/oracle.py < "$LIST" | sort > "$BUILD/expected.txt"
/usr/bin/python3.11 tests/unit/compile/code_info.py < "$LIST" > "$BUILD/expected-code.txt"
# krait reports each failure on one line; a crash loses the lines of the
# files after it, which then count as failures.
xargs "$BUILD/krait" -X compile-only < "$LIST" > "$BUILD/actual-raw.txt" 2> "$BUILD/stderr.txt"
status=$?
xargs "$BUILD/krait" -X code-info < "$LIST" > "$BUILD/actual-code.txt" 2>> "$BUILD/stderr.txt"
grep -v '^compile-only: ' "$BUILD/actual-raw.txt" | sort > "$BUILD/actual.txt"
if ! grep -q '^compile-only: ' "$BUILD/actual-raw.txt"; then
    echo "krait crashed (exit status $status); stderr:"
    tail -5 "$BUILD/stderr.txt"
fi
/usr/bin/python3.11 tests/unit/compile/compare.py "$BUILD/expected.txt" "$BUILD/actual.txt" \
    "$BUILD/expected-code.txt" "$BUILD/actual-code.txt" "$LIST"
