#!/bin/bash
# Exception groups and except* (tests/unit/excgroup_test.c) against CPython
# 3.11 (tests/unit/excgroup/oracle.py): one check per output line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" excgroup_test
