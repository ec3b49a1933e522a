#!/bin/bash
# tests/lang/run.sh - the differential language tests.
#
#   tests/lang/run.sh [--gc-stress] [-j N] [FILTER]
#
# Every tests/lang/*.py (helper modules live in tests/lang/lib/, in app_*/
# packages, or have a leading underscore, and are not run) is run twice from
# the tests/lang directory: by /usr/bin/python3.11 (the oracle) and by
# $KRAIT (default build/release/krait), each with a timeout. A program passes
# when stdout, the exit status and the last line of stderr are equal.
# One line is printed per failure, with a hint of the first difference (a
# failure is run again once: see FLAKY below); the last line is
# `lang: N passed, N failed`, and the exit status is 1 if any program failed.
#
# Options:
#   --gc-stress  run krait with `-X gc-stress=101` (a collection at every 7th allocation;
#                timeout 60 s instead of 10 s)
#   -j N         run N programs at once (default 2)
#   FILTER       only programs whose file name contains FILTER
#
# CPython's answers are cached under build/lang-expected/, keyed by a hash of
# the program, of every helper module and of the oracle's version, so a rerun
# only runs krait. krait's outputs of the last run are kept under
# build/lang-results/ (NAME.out, NAME.err, NAME.status) for inspection.
set -u
PY=/usr/bin/python3.11
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

KRAIT=${KRAIT:-$ROOT/build/release/krait}
case $KRAIT in
    /*) ;;
    *) KRAIT=$PWD/$KRAIT ;;
esac

JOBS=2
FILTER=
GC_STRESS=0
while [ $# -gt 0 ]; do
    case $1 in
        --gc-stress) GC_STRESS=1 ;;
        -j) shift; JOBS=${1:?-j needs a number} ;;
        -j*) JOBS=${1#-j} ;;
        -h|--help) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
        *) FILTER=$1 ;;
    esac
    shift
done

if [ ! -x "$KRAIT" ]; then
    echo "run.sh: no krait at $KRAIT (build it with make, or set KRAIT)" >&2
    exit 2
fi

KRAIT_ARGS=()
TIMEOUT=10
if [ "$GC_STRESS" = 1 ]; then
    KRAIT_ARGS=(-X gc-stress=101)
    TIMEOUT=60
fi

CACHE=$ROOT/build/lang-expected
RESULTS=$ROOT/build/lang-results
mkdir -p "$CACHE"
rm -rf "$RESULTS"
mkdir -p "$RESULTS/verdicts"

# The helpers: everything under tests/lang that is not a program to run.
# Their contents go into every cache key, since any program may import them.
HELPERS_HASH=$(
    cd "$HERE" &&
    {
        $PY -VV
        find . -name __pycache__ -prune -o -type f -name '*.py' -print | LC_ALL=C sort |
        while read -r f; do
            case $f in
                ./_*) ;;
                ./*/*) ;;
                *) continue ;;
            esac
            echo "== $f"
            cat "$f"
        done
    } | sha256sum | cut -c1-64
)

# first_line_diff EXPECTED_FILE GOT_FILE: "line N: expected «..» got «..»"
first_line_diff() {
    local n
    n=$(diff <(cat "$1"; echo '<EOF>') <(cat "$2"; echo '<EOF>') | head -1 |
        sed -E 's/^([0-9]+).*/\1/')
    [ -n "$n" ] || n=1
    local e g
    e=$(sed -n "${n}p" "$1" | cut -c1-70)
    g=$(sed -n "${n}p" "$2" | cut -c1-70)
    [ "$n" -gt "$(wc -l < "$1")" ] && e='<EOF>'
    [ "$n" -gt "$(wc -l < "$2")" ] && g='<EOF>'
    echo "stdout line $n: expected «$e» got «$g»"
}

describe_status() {
    case $1 in
        124) echo "$1 (timeout)" ;;
        134) echo "$1 (SIGABRT)" ;;
        136) echo "$1 (SIGFPE)" ;;
        137) echo "$1 (SIGKILL)" ;;
        139) echo "$1 (SIGSEGV)" ;;
        *) echo "$1" ;;
    esac
}

# run_one PROG: run it under both, write "PASS" or "FAIL hint" to its verdict.
run_one() {
    local prog=$1 name=${1%.py} key exp got verdict
    key=$( { echo "$HELPERS_HASH"; cat "$HERE/$prog"; } | sha256sum | cut -c1-64)
    exp=$CACHE/$key
    if [ ! -f "$exp.status" ]; then
        local tmp
        tmp=$(mktemp -d "$CACHE/tmp.XXXXXX")
        (cd "$HERE" && PYTHONDONTWRITEBYTECODE=1 timeout 10 "$PY" "$prog" \
            < /dev/null > "$tmp/out" 2> "$tmp/err")
        echo $? > "$tmp/status"
        mv "$tmp/out" "$exp.out"
        mv "$tmp/err" "$exp.err"
        mv "$tmp/status" "$exp.status"
        rmdir "$tmp"
    fi
    got=$RESULTS/$name
    (cd "$HERE" && timeout "$TIMEOUT" "$KRAIT" "${KRAIT_ARGS[@]}" "$prog" \
        < /dev/null > "$got.out" 2> "$got.err")
    echo $? > "$got.status"

    local es gs el gl
    es=$(cat "$exp.status")
    gs=$(cat "$got.status")
    el=$(tail -n 1 "$exp.err")
    gl=$(tail -n 1 "$got.err")
    if [ "$es" = 124 ]; then
        verdict="FAIL $prog: python3.11 itself timed out (a broken test)"
    elif [ "$gs" = 124 ]; then
        verdict="FAIL $prog: timeout after ${TIMEOUT}s"
    elif ! cmp -s "$exp.out" "$got.out"; then
        verdict="FAIL $prog: $(first_line_diff "$exp.out" "$got.out")"
        if [ "$es" != "$gs" ]; then
            verdict="$verdict; exit status $(describe_status "$gs"), stderr «$(echo "$gl" | cut -c1-80)»"
        elif [ "$el" != "$gl" ]; then
            verdict="$verdict; stderr «$(echo "$gl" | cut -c1-80)»"
        fi
    elif [ "$es" != "$gs" ]; then
        verdict="FAIL $prog: exit status: expected $es got $(describe_status "$gs"); stderr «$(echo "$gl" | cut -c1-80)»"
    elif [ "$el" != "$gl" ]; then
        verdict="FAIL $prog: last stderr line: expected «$(echo "$el" | cut -c1-70)» got «$(echo "$gl" | cut -c1-70)»"
    else
        verdict="PASS $prog"
    fi
    echo "$verdict" > "$RESULTS/verdicts/$name"
}

export PY HERE KRAIT TIMEOUT CACHE RESULTS HELPERS_HASH
export KRAIT_ARGS_STR="${KRAIT_ARGS[*]}"
export -f run_one first_line_diff describe_status

PROGS=()
for f in "$HERE"/*.py; do
    b=$(basename "$f")
    case $b in _*) continue ;; esac
    if [ -n "$FILTER" ] && [[ $b != *"$FILTER"* ]]; then continue; fi
    PROGS+=("$b")
done
if [ ${#PROGS[@]} = 0 ]; then
    echo "run.sh: no program matches '$FILTER'" >&2
    echo "lang: 0 passed, 0 failed"
    exit 1
fi

# Bash cannot export arrays: the worker rebuilds KRAIT_ARGS from a string.
printf '%s\0' "${PROGS[@]}" |
    xargs -0 -n 1 -P "$JOBS" bash -c \
        'read -r -a KRAIT_ARGS <<< "$KRAIT_ARGS_STR"; run_one "$1"' run_one

# Known failures: programs that exercise what krait does not do yet, listed
# with the reason in known_failures.txt. A listed program that fails is
# reported as KNOWN and not counted as a failure; one that passes is
# reported as FIXED (remove it from the list). The list only shrinks.
KNOWN_FILE="$HERE/known_failures.txt"
is_known() {
    [ -f "$KNOWN_FILE" ] && grep -q "^$1\b" "$KNOWN_FILE"
}

# A program that fails is run once more, alone. One that passes then is
# counted as passed but reported as FLAKY with its first failure (the first
# run's outputs are kept as NAME.first.*): an intermittent failure is still a
# bug to chase, but it names itself instead of turning the whole run red.
for v in "$RESULTS"/verdicts/*; do
    name=$(basename "$v")
    grep -q '^PASS' "$v" && continue
    is_known "$name" && continue
    first=$(cat "$v")
    for ext in out err status; do
        mv "$RESULTS/$name.$ext" "$RESULTS/$name.first.$ext"
    done
    run_one "$name.py"
    if grep -q '^PASS' "$v"; then
        echo "FLAKY ${first#FAIL }" | tee -a "$RESULTS/flaky"
    fi
done

PASSED=0 FAILED=0 KNOWN=0
for v in "$RESULTS"/verdicts/*; do
    name=$(basename "$v")
    if grep -q '^PASS' "$v"; then
        PASSED=$((PASSED + 1))
        if is_known "$name"; then echo "FIXED $name: passes now, remove it from known_failures.txt"; fi
    elif is_known "$name"; then
        KNOWN=$((KNOWN + 1))
        sed 's/^FAIL/KNOWN/' "$v"
    else
        FAILED=$((FAILED + 1))
        cat "$v"
    fi
done | LC_ALL=C sort
for v in "$RESULTS"/verdicts/*; do
    name=$(basename "$v")
    if grep -q '^PASS' "$v"; then PASSED=$((PASSED + 1))
    elif is_known "$name"; then KNOWN=$((KNOWN + 1))
    else FAILED=$((FAILED + 1)); fi
done
echo "lang: $KNOWN known failures (tests/lang/known_failures.txt)"
if [ -f "$RESULTS/flaky" ]; then
    echo "lang: $(wc -l < "$RESULTS/flaky") flaky (failed once, passed when run again)"
fi
echo "lang: $PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
