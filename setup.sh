#!/bin/bash
# setup.sh - from a fresh Debian 12 machine to a running krait.
#   ./setup.sh bench   install what is missing (PyPy too), build krait, run the
#                      benchmark suite (bench/run: krait, CPython 3.11 and PyPy on the
#                      same programs, as ratios; writes bench/RESULTS.md and the chart)
#   ./setup.sh test    install what is missing, build and run the whole test suite
#                      (make test); the last line is "N passed, N failed"
set -uo pipefail
cd "$(dirname "$0")"

# Build tools, GMP (krait's big integers), zlib, libbz2, liblzma, expat, libcrypt, SQLite,
# ncurses, OpenSSL and libffi (the zlib, _bz2, _lzma, pyexpat, _crypt, _sqlite3, _curses,
# _ssl and _ctypes modules), and
# CPython 3.11 with its standard
# library and test suite: the oracle the tests compare with, and the data the
# parser is run on. pytest, pip, venv (ensurepip and its wheels) and curl: the
# real programs tests/programs/run.sh runs under krait.
PACKAGES="build-essential gcc clang make libgmp-dev zlib1g-dev libbz2-dev liblzma-dev libexpat1-dev libcrypt-dev libsqlite3-dev libncurses-dev libssl-dev libffi-dev python3.11 libpython3.11-stdlib libpython3.11-testsuite"
PACKAGES="$PACKAGES python3-pytest python3-pip python3.11-venv curl"

install_missing() {
    local missing=() p
    for p in $PACKAGES; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} = 0 ]; then
        return 0
    fi
    echo "setup: installing ${missing[*]}"
    local sudo=
    if [ "$(id -u)" != 0 ]; then sudo=sudo; fi
    $sudo apt-get update -q &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

case "${1:-}" in
bench)
    PACKAGES="$PACKAGES pypy3"
    install_missing || exit 1
    make MODE=release || exit 1
    exec bench/run "${@:2}"
    ;;
test)
    install_missing || { echo "0 passed, 1 failed"; exit 1; }
    make test
    status=$?
    # make adds its own error line after a failing suite: repeat the summary
    # so that the output still ends with it.
    if [ $status != 0 ] && [ -f build/test-logs/summary.txt ]; then
        cat build/test-logs/summary.txt
    elif [ $status != 0 ]; then
        echo "0 passed, 1 failed"
    fi
    exit $status
    ;;
*)
    echo "usage: ./setup.sh bench | test" >&2
    exit 2
    ;;
esac
