#!/bin/bash
# Exception objects (tests/unit/exceptions_test.c) against CPython 3.11
# (tests/unit/exceptions/oracle.py): one check per output line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" exceptions_test
