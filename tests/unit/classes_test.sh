#!/bin/bash
# Classes end to end (tests/unit/classes_test.c) against CPython 3.11
# (tests/unit/classes/oracle.py): MRO, shapes, __slots__, dunder slots,
# property/staticmethod/classmethod, super, metaclasses; one check per line,
# once plainly and once collecting at every 3rd allocation.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
dir="$(dirname "$0")"
pass=0
fail=0
for stress in "" 3; do
    out=$(env ${stress:+CLASSES_GC_STRESS=$stress} "$dir/lib/line_oracle.sh" classes_test)
    status=$?
    echo "$out" | sed '$d'
    last=$(echo "$out" | tail -1)
    echo "classes${stress:+-stress}: $last"
    p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
    f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
    pass=$((pass + ${p:-0}))
    fail=$((fail + ${f:-1}))
    [ "$status" = 0 ] || [ "${f:-1}" != 0 ] || fail=$((fail + 1))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
