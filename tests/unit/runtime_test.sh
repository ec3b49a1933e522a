#!/bin/bash
# The object model end to end (tests/unit/runtime_test.c) against CPython 3.11
# (tests/unit/runtime/oracle.py): one check per output line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" runtime_test
