#!/bin/bash
# str's methods, the format mini-language, str.format and % formatting
# (tests/unit/strmethods_test.c) against CPython 3.11: every line of
# tests/unit/strmethods/*.cases is a Python expression, evaluated by the
# driver on krait's runtime and by tests/unit/strmethods/oracle.py on
# CPython; one check per line.
# Environment: CC (default gcc), SAN=1 for ASan/UBSan, BUILD.
exec "$(dirname "$0")/lib/line_oracle.sh" strmethods_test
