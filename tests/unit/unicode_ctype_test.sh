#!/bin/bash
# str's case mappings and isX predicates for every assigned code point
# (tests/unit/unicode_ctype_test.c) against CPython 3.11
# (tests/unit/unicode_ctype/oracle.py): one check per 64 code points.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" unicode_ctype_test
