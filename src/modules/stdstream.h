// stdstream.h - the text streams behind sys.stdin, sys.stdout and
// sys.stderr until the io module exists: UTF-8 text over a file
// descriptor, buffered the way CPython buffers its standard streams.
#ifndef KRAIT_STDSTREAM_H
#define KRAIT_STDSTREAM_H

#include "../runtime/object.h"

extern Type type_stdstream;
extern Type type_unsupported_operation;  // io.UnsupportedOperation

// Ready the types (once, before the first stdstream_new). 0 or -1.
int stdstream_init_types(void);

// How a stream buffers its output (CPython's create_stdio):
enum StdStreamBuffering {
    STDSTREAM_BLOCK,       // flushed when 8 KiB are pending (stdout to a pipe or file)
    STDSTREAM_LINE,        // flushed after each write containing a newline (stdout to a
                           // terminal; stderr always)
    STDSTREAM_UNBUFFERED,  // -u / PYTHONUNBUFFERED: written through at every write, and
                           // .buffer is the raw file (_io.FileIO)
};

// A stream over `fd`, readable or writable, named `name` ("<stdout>"),
// with the error handler `errors` ("strict", "surrogateescape",
// "backslashreplace"). 0 on error.
Value stdstream_new(int fd, const char *name, int writable, const char *errors,
                    enum StdStreamBuffering buffering);

// stream.write(text): the number of code points written, or 0 with an
// exception (TypeError for a non-str, UnicodeEncodeError, OSError).
Value stdstream_write(Value stream, Value text);

// Write out what is pending. 0, or -1 with OSError set.
int stdstream_flush(Value stream);

#endif
