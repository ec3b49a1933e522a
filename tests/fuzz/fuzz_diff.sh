#!/bin/bash
# fuzz_diff.sh - differential check of the fuzzer's corpus against CPython 3.11.
#
#   tests/fuzz/fuzz_diff.sh FUZZER KRAIT OUTDIR CORPUS_DIR...
#
# The harness only proves "no crash"; this asks whether krait's answer on the
# same strange inputs is CPython's. It reduces the corpus to the inputs that
# cover distinct features (libFuzzer -merge), writes each plain-mode input
# (no \x01..\x06 mode prefix) as OUTDIR/<hash>.py, and runs
# tools/ast_conformance.py over them: dump or exception class, message, line
# and offset must be equal. Ends with "fuzz-diff: N/M files identical".
set -u
FUZZER=$1 KRAIT=$2 OUT=$3
shift 3
rm -rf "$OUT/min" "$OUT/py"
mkdir -p "$OUT/min" "$OUT/py"
"$FUZZER" -merge=1 -max_len=4096 -timeout=10 -rss_limit_mb=2048 "$OUT/min" "$@" \
    > "$OUT/merge.log" 2>&1 || { tail -20 "$OUT/merge.log"; exit 1; }
for f in "$OUT"/min/*; do
    first=$(head -c1 "$f" | od -An -tu1 | tr -d ' ')
    if [ -n "$first" ] && [ "$first" -ge 1 ] && [ "$first" -le 6 ]; then
        continue
    fi
    cp "$f" "$OUT/py/$(basename "$f").py"
done
exec /usr/bin/python3.11 tools/ast_conformance.py --label fuzz-diff --max-report 1000 \
    --krait "$KRAIT" "$OUT/py"
