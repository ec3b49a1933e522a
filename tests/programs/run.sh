#!/bin/bash
# tests/programs/run.sh - real programs nobody here wrote, run under krait
# and compared with CPython 3.11 (/usr/bin/python3.11) doing the same:
#   pytest      `-m pytest` on the small project pyproj/ (a package with
#               doctests, a conftest.py fixture, tmp_path, parametrize,
#               pytest.raises, capsys, monkeypatch, caplog, skip/xfail, and
#               failing tests whose rewritten assertion messages are part of
#               the output); the whole report, timings and addresses normalised
#   pip         `-m pip --version`, `-m pip list`
#   json.tool   on a file, on stdin, with options, on invalid input
#   venv        `-m venv DIR` (pip installed by ensurepip, i.e. pip running
#               under krait): DIR/bin/python is krait, sys.prefix is DIR and
#               DIR's site-packages is on sys.path; DIR/bin/python -m pip
#               --version and list
#   http.server a file, a 404 and a directory listing served to curl by
#               http.server.HTTPServer (one request at a time); `-m http.server`
#               (ThreadingHTTPServer) only once krait has threads
# Each comparison is a check; the last line is "N passed, N failed".
# Usage: tests/programs/run.sh [KRAIT]   (default build/release/krait);
# KRAIT_PROGRAMS_KEEP=1 keeps the outputs (the temporary directory).
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
KRAIT=$(realpath "${1:-${KRAIT:-build/release/krait}}")
PY=/usr/bin/python3.11
HERE=$ROOT/tests/programs
TMP=$(mktemp -d "${TMPDIR:-/tmp}/krait-programs.XXXXXX")
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2> /dev/null; fi
    if [ -z "${KRAIT_PROGRAMS_KEEP:-}" ]; then rm -rf "$TMP"; else echo "outputs kept in $TMP"; fi
}
trap cleanup EXIT
# No bytecode next to the sources (pytest's rewritten modules included).
export PYTHONDONTWRITEBYTECODE=1
unset PYTHONPATH PYTHONHOME PYTHONSTARTUP

PASSED=0
FAILED=0
pass() { PASSED=$((PASSED + 1)); echo "ok    $1"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL  $1${2:+: $2}"; }

# same NAME KRAIT_FILE CPYTHON_FILE: one check, the files equal.
same() {
    if cmp -s "$2" "$3"; then
        pass "$1"
    else
        fail "$1" "krait's output (<) differs from CPython's (>)"
        diff "$2" "$3" | head -n 30 | sed 's/^/      /'
    fi
}

# run OUT CMD...: stdout and stderr to OUT, then the exit status as a last line.
run() {
    local out=$1
    shift
    timeout 120 "$@" > "$out" 2>&1
    echo "exit status $?" >> "$out"
}

# ---- pytest ------------------------------------------------------------------------
# Copied out of the tree, so that both runs see the same rootdir and leave nothing behind.
cp -r "$HERE/pyproj" "$TMP/pyproj"
normalise_pytest() {
    sed -E -e 's/ in [0-9]+\.[0-9]+s( |$)/ in N.NNs\1/' -e 's/0x[0-9a-f]+/0xADDR/g' "$1"
}
(cd "$TMP/pyproj" && run "$TMP/pytest.k" "$KRAIT" -m pytest)
(cd "$TMP/pyproj" && run "$TMP/pytest.c" "$PY" -m pytest)
normalise_pytest "$TMP/pytest.k" > "$TMP/pytest.kn"
normalise_pytest "$TMP/pytest.c" > "$TMP/pytest.cn"
same "pytest: the report of pyproj/" "$TMP/pytest.kn" "$TMP/pytest.cn"
# The messages only assertion rewriting produces (the values of the
# subexpressions, pytest's dict diff), asked of krait's report itself.
if grep -q '^E        +  where 32 = add(30, 2)$' "$TMP/pytest.k" &&
    grep -q "^E         {'b': 2} != {'b': 3}$" "$TMP/pytest.k" &&
    grep -q ' 8 failed, 22 passed, 1 skipped, 1 xfailed in ' "$TMP/pytest.k"; then
    pass "pytest: assertions rewritten (krait's report shows the subexpressions)"
else
    fail "pytest: assertions rewritten" "krait's report lacks the rewritten messages"
fi
(cd "$TMP/pyproj" && run "$TMP/pytest-k.k" "$KRAIT" -m pytest -q -k "add or zero or output" --tb=line)
(cd "$TMP/pyproj" && run "$TMP/pytest-k.c" "$PY" -m pytest -q -k "add or zero or output" --tb=line)
normalise_pytest "$TMP/pytest-k.k" > "$TMP/pytest-k.kn"
normalise_pytest "$TMP/pytest-k.c" > "$TMP/pytest-k.cn"
same "pytest: -q -k EXPR --tb=line" "$TMP/pytest-k.kn" "$TMP/pytest-k.cn"

# ---- pip ----------------------------------------------------------------------------
run "$TMP/pipv.k" "$KRAIT" -m pip --version
run "$TMP/pipv.c" "$PY" -m pip --version
same "pip --version" "$TMP/pipv.k" "$TMP/pipv.c"
run "$TMP/pipl.k" "$KRAIT" -m pip list
run "$TMP/pipl.c" "$PY" -m pip list
same "pip list" "$TMP/pipl.k" "$TMP/pipl.c"

# ---- json.tool ------------------------------------------------------------------------
json_case() {
    local name=$1 input=$2
    shift 2
    run "$TMP/json.k" "$KRAIT" -m json.tool "$@" < "$input"
    run "$TMP/json.c" "$PY" -m json.tool "$@" < "$input"
    same "json.tool $name" "$TMP/json.k" "$TMP/json.c"
}
printf '{"b": [1, 2, {"c": null}], "a": "\\u00e9\\t"}\n' > "$TMP/stdin.json"
printf '{"a": 1,\n "b": [1, 2,,]}\n' > "$TMP/bad.json"
printf '{"x": 1}\n[2, 3]\n"four"\n' > "$TMP/lines.json"
json_case "FILE" /dev/null "$HERE/data.json"
json_case "(stdin)" "$TMP/stdin.json"
json_case "--sort-keys --indent 2" "$TMP/stdin.json" --sort-keys --indent 2 "$HERE/data.json"
json_case "--compact --no-ensure-ascii" /dev/null --compact --no-ensure-ascii "$HERE/data.json"
json_case "--tab" /dev/null --tab "$HERE/data.json"
json_case "--json-lines" "$TMP/lines.json" --json-lines
json_case "FILE OUTFILE" /dev/null "$HERE/data.json" "$TMP/out.json"
json_case "invalid input" "$TMP/bad.json"

# ---- venv --------------------------------------------------------------------------------
# ensurepip installs pip and setuptools from the wheels Debian ships
# (python3-pip-whl), by running pip itself under the venv's interpreter.
run "$TMP/venv.k" "$KRAIT" -m venv "$TMP/kvenv"
run "$TMP/venv.c" "$PY" -m venv "$TMP/cvenv"
same "venv: creating DIR (with pip)" "$TMP/venv.k" "$TMP/venv.c"
if [ "$(realpath "$TMP/kvenv/bin/python")" = "$KRAIT" ]; then
    pass "venv: DIR/bin/python is krait"
else
    fail "venv: DIR/bin/python is krait" "it is $(realpath "$TMP/kvenv/bin/python")"
fi
run "$TMP/vinfo.k" "$TMP/kvenv/bin/python" "$HERE/venv_info.py" "$TMP/kvenv"
run "$TMP/vinfo.c" "$TMP/cvenv/bin/python" "$HERE/venv_info.py" "$TMP/cvenv"
same "venv: sys.prefix, sys.path, site of DIR/bin/python" "$TMP/vinfo.k" "$TMP/vinfo.c"
run "$TMP/vpipv.k" "$TMP/kvenv/bin/python" -m pip --version
run "$TMP/vpipv.c" "$TMP/cvenv/bin/python" -m pip --version
sed -i "s|$TMP/kvenv|VENV|" "$TMP/vpipv.k"
sed -i "s|$TMP/cvenv|VENV|" "$TMP/vpipv.c"
same "venv: DIR/bin/python -m pip --version" "$TMP/vpipv.k" "$TMP/vpipv.c"
run "$TMP/vpipl.k" "$TMP/kvenv/bin/python" -m pip list
run "$TMP/vpipl.c" "$TMP/cvenv/bin/python" -m pip list
same "venv: DIR/bin/python -m pip list" "$TMP/vpipl.k" "$TMP/vpipl.c"

# ---- http.server -------------------------------------------------------------------------
# serve.py handles exactly the requests below, then exits.
serve_and_fetch() {
    local out=$1 python=$2 port
    rm -f "$TMP/port"
    "$python" "$HERE/serve.py" "$HERE/site" 3 "$TMP/port" > "$out.server" 2>&1 &
    SERVER_PID=$!
    for _ in $(seq 100); do
        [ -s "$TMP/port" ] && break
        sleep 0.1
    done
    port=$(cat "$TMP/port" 2> /dev/null)
    {
        curl -s -i --max-time 10 "http://127.0.0.1:$port/hello.txt"
        curl -s -i --max-time 10 "http://127.0.0.1:$port/missing.txt"
        curl -s -i --max-time 10 "http://127.0.0.1:$port/"
    } | tr -d '\r' | sed -E -e 's/^Date: .*/Date: DATE/' > "$out"
    timeout 10 tail --pid="$SERVER_PID" -f /dev/null
    wait "$SERVER_PID"
    echo "server exit status $?" >> "$out"
    SERVER_PID=
    # the request log: client port and time normalised
    sed -E 's/\[[^]]*\]/[TIME]/' "$out.server" >> "$out"
}
serve_and_fetch "$TMP/http.k" "$KRAIT"
serve_and_fetch "$TMP/http.c" "$PY"
same "http.server: HTTPServer + SimpleHTTPRequestHandler to curl" "$TMP/http.k" "$TMP/http.c"
if grep -qx 'hello from a file served by http.server' "$TMP/http.k"; then
    pass "http.server: curl received the file from krait"
else
    fail "http.server: curl received the file from krait"
fi
# `-m http.server` serves with ThreadingHTTPServer (a thread per request).
if "$KRAIT" -c 'import _thread; _thread.start_new_thread(lambda: None, ())' 2> /dev/null; then
    port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd "$HERE/site" && exec "$KRAIT" -m http.server --bind 127.0.0.1 "$port" > "$TMP/mhttp.log" 2>&1) &
    SERVER_PID=$!
    body=
    for _ in $(seq 50); do
        body=$(curl -s --max-time 5 "http://127.0.0.1:$port/hello.txt") && break
        sleep 0.1
    done
    kill "$SERVER_PID" 2> /dev/null
    wait "$SERVER_PID" 2> /dev/null
    SERVER_PID=
    if [ "$body" = 'hello from a file served by http.server' ]; then
        pass "http.server: -m http.server --bind 127.0.0.1 PORT"
    else
        fail "http.server: -m http.server --bind 127.0.0.1 PORT" "$(tail -n 3 "$TMP/mhttp.log")"
    fi
else
    echo "skip  http.server: -m http.server (ThreadingHTTPServer) waits for _thread.start_new_thread"
fi

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
