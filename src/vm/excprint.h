// excprint.h - printing an exception the way CPython 3.11's default
// sys.excepthook does (pythonrun.c): the chain of causes and contexts,
// exception groups in nested boxes, notes, SyntaxError locations.
#ifndef KRAIT_EXCPRINT_H
#define KRAIT_EXCPRINT_H

#include "../runtime/object.h"
#include "../runtime/strbuf.h"

// Prints the entries of traceback `tb` (not its header line): each "File"
// line, source line and caret line after `margin` ("" outside exception
// groups, else the group's indentation and "| "); the "[Previous line
// repeated N more times]" lines without it, as CPython 3.11 does.
typedef void (*ExcPrintFrames)(StrBuf *out, Value tb, const char *margin);

// Appends the report of exception `exc` to `out`. print_frames prints the
// tracebacks (NULL: they are left out). Errors while printing (a failing
// __str__, odd __notes__) are printed as CPython prints them, never raised.
void exc_print(StrBuf *out, Value exc, ExcPrintFrames print_frames);

#endif
