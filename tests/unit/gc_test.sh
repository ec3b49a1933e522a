#!/bin/bash
# Build tests/unit/gc_test.c against src/runtime/gc.c and run it twice:
#   gc_test              -DNDEBUG, as `make` builds krait: every test, then
#                        the allocation benchmarks ("perf:" lines)
#   gc_test_checked      gc.c's debug checks on (a traced pointer to a free
#                        cell aborts) and the mark stack capped at 64 entries
#                        (-DGC_MARK_STACK_LIMIT=64), so that every test also
#                        runs through the mark-stack overflow recovery
#   tests/unit/gc_test.sh [SCALE]   (SCALE multiplies the big tests; default
#                                    1, 0.2 with SAN=1)
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD (default
# build/gc_test). The driver defines its own err_no_memory stand-in and
# ASan options (detect_stack_use_after_return=0: the conservative stack scan
# cannot see ASan's fake stack frames).
set -uo pipefail
cd "$(dirname "$0")/../.."
CC=${CC:-gcc}
BUILD=${BUILD:-build/gc_test}
SCALE=${1:-1}
FLAGS="-std=gnu11 -Wall -Wextra -Wno-unused-parameter -Werror -Isrc -g"
if [ "${SAN:-0}" = 1 ]; then
    SCALE=${1:-0.2}
    FLAGS="$FLAGS -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
else
    FLAGS="$FLAGS -O2"
fi
mkdir -p "$BUILD"
pass=0
fail=0
# run NAME ARGS...: run one driver, add its "gc_test: N passed, N failed".
run() {
    local out line p f status
    out=$("$@" 2>&1)
    status=$?
    echo "$out"
    line=$(echo "$out" | grep -E '^gc_test: [0-9]+ passed, [0-9]+ failed$' | tail -1)
    if [ -z "$line" ]; then
        echo "FAIL $1 crashed or did not finish (status $status)"
        fail=$((fail + 1))
        return
    fi
    line=${line#gc_test: }
    p=${line%% passed*}
    f=${line#*, }; f=${f%% failed}
    pass=$((pass + p))
    fail=$((fail + f))
    if [ "$status" != 0 ] && [ "$f" = 0 ]; then fail=$((fail + 1)); fi
}
if $CC $FLAGS -DNDEBUG -o "$BUILD/gc_test" tests/unit/gc_test.c src/runtime/gc.c &&
   $CC $FLAGS -DGC_MARK_STACK_LIMIT=64 -o "$BUILD/gc_test_checked" tests/unit/gc_test.c \
       src/runtime/gc.c; then
    run "$BUILD/gc_test" full "$SCALE"
    run "$BUILD/gc_test_checked" quick "$SCALE"
else
    fail=$((fail + 1))
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
