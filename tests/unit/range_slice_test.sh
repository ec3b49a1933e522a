#!/bin/bash
# The slice and range types and sequence slicing (tests/unit/range_slice_test.c)
# against CPython 3.11 (tests/unit/range_slice/oracle.py): one check per output line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" range_slice_test
