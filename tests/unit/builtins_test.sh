#!/bin/bash
# The builtins and sys modules called from C (tests/unit/builtins_test.c
# evaluates tests/unit/builtins/cases.py) against CPython 3.11
# (tests/unit/builtins/oracle.py): one check per output line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
# breakpoint() calls the hook PYTHONBREAKPOINT names (pdb by default).
export PYTHONBREAKPOINT=sys.getrecursionlimit
exec "$(dirname "$0")/lib/line_oracle.sh" builtins_test
