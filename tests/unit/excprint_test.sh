#!/bin/bash
# The report of an uncaught exception (tests/unit/excprint_test.c: chains,
# notes, exception groups, SyntaxError locations) against CPython 3.11's
# default sys.excepthook (tests/unit/excprint/oracle.py): one check per line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" excprint_test
