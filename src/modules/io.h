// io.h - what the files of the _io module share (iomodule.c, fileio.c,
// bufferedio.c, textio.c, bytesio.c, stringio.c): the base layout, the
// types, and the error helpers. Not used outside src/modules/io*.c.
//
// The classes follow CPython 3.11's _io: the abstract bases _IOBase,
// _RawIOBase, _BufferedIOBase and _TextIOBase (io.py derives io.IOBase...
// from them and registers the concrete classes with its ABCs), and the
// concrete FileIO, BufferedReader/Writer/Random/RWPair, TextIOWrapper,
// BytesIO and StringIO. Every instance starts with an IOObject: a __dict__
// (FileIO's `name`, open()'s `mode` live there, as in CPython) and the
// closed flag of _IOBase.close().
#ifndef KRAIT_IO_H
#define KRAIT_IO_H

#include "../runtime/buffer.h"
#include "../runtime/object.h"

enum { IO_DEFAULT_BUFFER_SIZE = 8192 };

typedef struct IOObject {
    Object header;
    Value dict;          // instance attributes, or 0
    int iobase_closed;   // _IOBase.close() ran (CPython's __IOBase_closed)
} IOObject;

extern Type type_iobase, type_rawiobase, type_bufferediobase, type_textiobase;
extern Type type_fileio, type_bytesio, type_stringio;
extern Type type_bufferedreader, type_bufferedwriter, type_bufferedrandom, type_bufferedrwpair;
extern Type type_textiowrapper, type_incrementalnewlinedecoder;
// io.UnsupportedOperation(OSError, ValueError): a class (io.py sets its
// __module__), made by the module's init. sys.stdout's streams
// (stdstream.c) still raise their own static type of that name.
extern Type *io_unsupported_operation;

// UnsupportedOperation(msg). Returns 0.
Value io_unsupported(const char *msg);
// ValueError "I/O operation on closed file." Returns 0.
Value io_closed_error(void);
// A size argument: None or absent is -1, else an int (CPython's
// _Py_convert_optional_to_ssize_t: "argument should be integer or None,
// not 'str'"). 0 or -1.
int io_size_arg(Value v, int64_t *out);
// Is obj closed (its `closed` attribute true)? 1, 0, or -1.
int io_is_closed(Value obj);
// The `name` of a type's method call on obj, as obj.name(*args).
Value io_call(Value obj, const char *name, const Value *args, size_t nargs);
// repr of an io object: "<_io.Type name='x' extra>" when it has a name
// attribute, else "<_io.Type extra>". `extra` may be NULL.
// CPython's Py_ReprEnter for the io types' reprs: -1 with RuntimeError
// "reentrant call inside T.__repr__" when self's repr is already being
// computed (or on error), else 0; then call repr_leave(self) when done.
int io_repr_enter(Value self);
Value io_repr_with_name(Value self, const char *extra);

// The readline of a buffered or raw binary stream given its read and
// peek: for BytesIO and the buffered types' fallbacks.
Value iobase_readline(Value self, int64_t limit);

// A writable buffer argument (readinto's bytearray or memoryview): 0 with
// the window open (the caller calls buffer_release), or -1 with CPython's
// TypeError "readinto() argument must be read-write bytes-like object, not
// bytes" (or the error of a released or read-only view).
int io_get_writable_buffer(Value v, Buffer *view);

// Fast paths between the layers, for exact types (no method lookup):
// whether a FileIO is closed; write data[0..len) to an initialized, writable
// BufferedWriter/BufferedRandom (the number written, or 0).
int fileio_is_closed(Value fileio);
// io_is_closed without attribute lookups when obj is a FileIO or a
// buffered object over one (bufferedio.c).
int io_closed_fast(Value obj);
// sys.flags.<name> as 0 or 1 (0 when sys or the flag is missing).
int io_sys_flag(const char *name);
// The ResourceWarning of an unclosed file being finalized: "unclosed file
// <repr of source>", as CPython's _dealloc_warn chain; a failure is
// reported as unraisable (for `owner`).
void io_resource_warning(Value source, Value owner);
// obj._dealloc_warn(source) when obj has that method (the raw stream or
// buffer under a finalized wrapper); errors are swallowed.
void io_dealloc_warn(Value obj, Value source);

Value bufferedio_write_data(Value buffered, const char *data, size_t len);

// The types' init functions, called once by the module (0 or -1).
int io_ready_types(void);

#endif
