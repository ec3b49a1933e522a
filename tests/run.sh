#!/bin/bash
# tests/run.sh - the whole test suite; `make test` runs it.
#
# Every step counts checks as passed or failed; the last line is always
# "N passed, N failed" and the exit status is non-zero if anything failed.
# A step's full output goes to build/test-logs/<step>.log; its tail is shown
# when it fails. Steps, in order:
#   build        release build with gcc, warning-free         (1 check each)
#   unit         every tests/unit/*.sh (see tests/README.md)
#   cli          tests/cli/cli_test.py: the command line
#   lang         tests/lang/run.sh: every differential program vs python3.11
#   lang-gc-stress  the same under -X gc-stress (a collection every N allocations)
#   names        tools/names_check.py: every name dir() lists for builtins and each
#                builtin type under CPython exists (tests/names_known_missing.txt)
#   cpython-tests tests/conformance/run.py --check: CPython's own test modules of
#                tests/conformance/slice.txt under krait; each must finish and pass
#                at least the number of tests recorded there
#   conformance  tools/ast_conformance.py over every stdlib file (one check per file)
#   ast-objects  the same over the --slice files, computed by krait in Python with the
#                _ast node objects (ast.parse + ast.dump; tools/ast_objects_batch.py)
#   ast-roundtrip  tools/ast_roundtrip.py over the --slice files: compile(ast.parse(src))
#                makes the same code as compile(src)
#   syntax       tests/syntax_errors: small and generated malformed inputs
#   programs     tests/programs/run.sh: pytest, pip, json.tool, venv and http.server
#                run under krait, compared with the same under python3.11
#   clang        debug build with clang, warning-free
#   asan         ASan+UBSan build; unit tests, CLI tests, the differential programs,
#                malformed inputs and the conformance over every stdlib file under
#                the sanitizers
#   fuzz-regress the libFuzzer harness (clang) over its seed corpus, the
#                malformed inputs and every saved crash reproducer
# Environment: KRAIT_TEST_QUICK=1 runs both conformance steps over the
# --slice subset (~290 files) instead of every file; KRAIT_TEST_SKIP="asan clang unit fuzz"
# skips steps by name (for quick local runs; CI skips nothing).
set -u
cd "$(dirname "$0")/.."
PY=/usr/bin/python3.11
LOGS=build/test-logs
mkdir -p "$LOGS"
# Runs share build/release, build/asan and the logs: one at a time per checkout.
exec 9> build/.test-lock
if ! flock -n 9; then
    echo "waiting for another tests/run.sh in this checkout to finish..."
    flock 9
fi
rm -f "$LOGS"/*.log "$LOGS"/summary.txt
PASSED=0
FAILED=0
START=$SECONDS
# On a CI machine the two cores are ours; next to other engineers, build on one.
JOBS=1
if [ "${CI:-}" = true ]; then JOBS=2; fi

skipped() { [[ " ${KRAIT_TEST_SKIP:-} " == *" $1 "* ]]; }

# count LOG STATUS: add the step's checks to the totals. A step reports its
# checks with a final "N passed, N failed" line, or "label: N/M files
# identical"; a step with neither is one check, passed iff it exited 0.
# A step that reports only passes but exits non-zero gets one failure more.
count() {
    local log=$1 status=$2 p f line
    line=$(grep -E '^([a-z-]+: )?[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
    if [ -n "$line" ]; then
        line=${line#*: }
        p=${line%% passed*}
        f=${line#*, }; f=${f%% failed}
    else
        line=$(grep -E '^[a-z-]+: [0-9]+/[0-9]+ files identical$' "$log" | tail -1)
        if [ -n "$line" ]; then
            line=${line#*: }
            p=${line%%/*}
            f=${line#*/}; f=${f%% *}; f=$((f - p))
        elif [ "$status" = 0 ]; then
            p=1 f=0
        else
            p=0 f=1
        fi
    fi
    if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi
    STEP_P=$p STEP_F=$f
    PASSED=$((PASSED + p))
    FAILED=$((FAILED + f))
}

# step NAME CMD...: run one step, log it, count it, report it.
step() {
    local name=$1 log="$LOGS/$1.log" t0=$SECONDS status
    shift
    "$@" > "$log" 2>&1
    status=$?
    count "$log" "$status"
    printf '%-28s %5d passed %5d failed  %4ds\n' "$name" "$STEP_P" "$STEP_F" $((SECONDS - t0))
    if [ "$STEP_F" != 0 ]; then
        tail -n 25 "$log" | sed 's/^/    | /'
        FAILED_STEPS+=("$name")
    fi
}
FAILED_STEPS=()

# build MODE BUILDDIR CC: a build is a check, and so is its being warning-free.
# A failed build removes the binary, so that no later step tests a stale one.
build() {
    if ! make -j"$JOBS" MODE="$1" BUILD="$2" CC="$3"; then
        rm -f "$2/krait"
        return 1
    fi
    if grep -E 'warning:' "$LOGS/build-$1-$3.log" > /dev/null; then
        echo "the build printed warnings"
        return 1
    fi
}

# Run every tests/unit/*.sh; each builds its own driver under build/.
unit_tests() {
    local t status total_p=0 total_f=0 p f line
    for t in tests/unit/*.sh; do
        [ -e "$t" ] || continue
        echo "== $t"
        local out
        out=$(bash "$t" 2>&1)
        status=$?
        echo "$out" | tail -n 40
        line=$(echo "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -1)
        if [ -n "$line" ]; then
            p=${line%% passed*}
            f=${line#*, }; f=${f%% failed}
        elif [ $status = 0 ]; then
            p=1 f=0
        else
            p=0 f=1
        fi
        if [ $status != 0 ] && [ "$f" = 0 ]; then f=1; fi
        if [ "$f" != 0 ]; then echo "FAILED: $t (status $status)"; fi
        total_p=$((total_p + p))
        total_f=$((total_f + f))
    done
    echo "$total_p passed, $total_f failed"
    [ "$total_f" = 0 ]
}

large_cases() {
    rm -rf build/test-cases && $PY tests/syntax_errors/make_large_cases.py build/test-cases
}

conformance_args=(--full)
if [ "${KRAIT_TEST_QUICK:-0}" = 1 ]; then conformance_args=(--slice); fi

echo "krait test suite ($(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores)"

step build-release-gcc build release build/release gcc
ln -sfn release/krait build/krait
if ! skipped unit; then
    step unit unit_tests
fi
step cli $PY tests/cli/cli_test.py build/release/krait
step lang bash tests/lang/run.sh -j "$JOBS"
step lang-gc-stress bash tests/lang/run.sh -j "$JOBS" --gc-stress
step names $PY tools/names_check.py --krait build/release/krait
step cpython-tests $PY tests/conformance/run.py --check -j "$JOBS" --timeout 300 \
    --krait build/release/krait
step conformance $PY tools/ast_conformance.py "${conformance_args[@]}" \
    --krait build/release/krait
step ast-objects $PY tools/ast_conformance.py --objects --slice --label ast-objects \
    --krait build/release/krait
step ast-roundtrip bash -c "build/release/krait tools/ast_roundtrip.py \
    \$($PY tools/ast_conformance.py --slice --list)"
step generate-large-cases large_cases
step syntax-errors $PY tools/ast_conformance.py --render --label syntax-errors \
    --krait build/release/krait tests/syntax_errors/cases build/test-cases
step programs bash tests/programs/run.sh build/release/krait

if ! skipped clang; then
    step build-debug-clang build debug build/debug-clang clang
fi

if ! skipped asan; then
    step build-asan-gcc build asan build/asan gcc
    export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=99
    export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=98
    step unit-asan env SAN=1 bash -c "$(declare -f unit_tests); unit_tests"
    step cli-asan $PY tests/cli/cli_test.py build/asan/krait
    # The collector scans the C stack: ASan's fake stack frames would hide pointers.
    step lang-asan env KRAIT=build/asan/krait \
        ASAN_OPTIONS=detect_leaks=0:detect_stack_use_after_return=0:abort_on_error=0:exitcode=99 \
        bash tests/lang/run.sh -j "$JOBS"
    step syntax-errors-asan $PY tools/ast_conformance.py --render --label syntax-errors-asan \
        --krait build/asan/krait --timeout 600 tests/syntax_errors/cases build/test-cases
    step conformance-asan $PY tools/ast_conformance.py "${conformance_args[@]}" \
        --label conformance-asan \
        --krait build/asan/krait --timeout 600
fi

if ! skipped fuzz; then
    # fuzz.mk sets its own sanitizer options (its UBSan suppressions)
    step fuzz-regress env -u ASAN_OPTIONS -u UBSAN_OPTIONS make -j"$JOBS" fuzz-regress
fi

echo "total time $((SECONDS - START))s; logs in $LOGS/"
# Repeat what went wrong at the end, where a reader of the last lines sees it:
# each failed step's failure lines, and every FLAKY program.
for name in "${FAILED_STEPS[@]}"; do
    echo "failed: $name"
    grep -E '^(FAIL|FAILED|ERROR|Error)|: error|Segmentation|Abort' "$LOGS/$name.log" | head -n 10 | cut -c1-200 |
        sed 's/^/    /'
done
grep -h '^FLAKY' "$LOGS"/*.log 2>/dev/null | cut -c1-200
echo "$PASSED passed, $FAILED failed" | tee "$LOGS/summary.txt"
[ "$FAILED" = 0 ]
