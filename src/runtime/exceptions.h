// exceptions.h - the builtin exception hierarchy (Python 3.11), one list.
//
// Every exception type is a static Type named exc_<Name>; error.c defines
// them and their instance layout. `err_format(&exc_TypeError, ...)` raises.
#ifndef KRAIT_EXCEPTIONS_H
#define KRAIT_EXCEPTIONS_H

#include "object.h"

// _(Name, Base) in an order where every base precedes its subclasses.
// ORDER EXCEPTIONS.
#define EXCEPTION_TYPES(_)                                            \
    _(BaseException, object)                                          \
    _(BaseExceptionGroup, BaseException)                              \
    _(GeneratorExit, BaseException)                                   \
    _(KeyboardInterrupt, BaseException)                               \
    _(SystemExit, BaseException)                                      \
    _(Exception, BaseException)                                       \
    _(ArithmeticError, Exception)                                     \
    _(FloatingPointError, ArithmeticError)                            \
    _(OverflowError, ArithmeticError)                                 \
    _(ZeroDivisionError, ArithmeticError)                             \
    _(AssertionError, Exception)                                      \
    _(AttributeError, Exception)                                      \
    _(BufferError, Exception)                                         \
    _(EOFError, Exception)                                            \
    _(ExceptionGroup, BaseExceptionGroup) /* and Exception */         \
    _(ImportError, Exception)                                         \
    _(ModuleNotFoundError, ImportError)                               \
    _(LookupError, Exception)                                         \
    _(IndexError, LookupError)                                        \
    _(KeyError, LookupError)                                          \
    _(MemoryError, Exception)                                         \
    _(NameError, Exception)                                           \
    _(UnboundLocalError, NameError)                                   \
    _(OSError, Exception)                                             \
    _(BlockingIOError, OSError)                                       \
    _(ChildProcessError, OSError)                                     \
    _(ConnectionError, OSError)                                       \
    _(BrokenPipeError, ConnectionError)                               \
    _(ConnectionAbortedError, ConnectionError)                        \
    _(ConnectionRefusedError, ConnectionError)                        \
    _(ConnectionResetError, ConnectionError)                          \
    _(FileExistsError, OSError)                                       \
    _(FileNotFoundError, OSError)                                     \
    _(InterruptedError, OSError)                                      \
    _(IsADirectoryError, OSError)                                     \
    _(NotADirectoryError, OSError)                                    \
    _(PermissionError, OSError)                                       \
    _(ProcessLookupError, OSError)                                    \
    _(TimeoutError, OSError)                                          \
    _(ReferenceError, Exception)                                      \
    _(RuntimeError, Exception)                                        \
    _(NotImplementedError, RuntimeError)                              \
    _(RecursionError, RuntimeError)                                   \
    _(StopAsyncIteration, Exception)                                  \
    _(StopIteration, Exception)                                       \
    _(SyntaxError, Exception)                                         \
    _(IndentationError, SyntaxError)                                  \
    _(TabError, IndentationError)                                     \
    _(SystemError, Exception)                                         \
    _(TypeError, Exception)                                           \
    _(ValueError, Exception)                                          \
    _(UnicodeError, ValueError)                                       \
    _(UnicodeDecodeError, UnicodeError)                               \
    _(UnicodeEncodeError, UnicodeError)                               \
    _(UnicodeTranslateError, UnicodeError)                            \
    _(Warning, Exception)                                             \
    _(BytesWarning, Warning)                                          \
    _(DeprecationWarning, Warning)                                    \
    _(EncodingWarning, Warning)                                       \
    _(FutureWarning, Warning)                                         \
    _(ImportWarning, Warning)                                         \
    _(PendingDeprecationWarning, Warning)                             \
    _(ResourceWarning, Warning)                                       \
    _(RuntimeWarning, Warning)                                        \
    _(SyntaxWarning, Warning)                                         \
    _(UnicodeWarning, Warning)                                        \
    _(UserWarning, Warning)

// The instance layout shared by every builtin exception (subclasses with
// extra fields - OSError, SyntaxError, StopIteration... - extend it in
// error.c). Code that allocates one directly (dict.c's KeyError) must set
// args, and traceback/cause/context to None; 0 in those reads as None.
typedef struct ExceptionObject {
    Object header;
    Value args;              // tuple
    Value traceback;         // traceback or None
    Value cause, context;    // exceptions or None
    int suppress_context;
    // The interpreter's note of the instruction (index) at which this
    // exception last entered a handler, for a cleanup handler's re-raise
    // to restore as its frame's last instruction (CPython's pushed lasti).
    int32_t handler_lasti;
    Value dict;              // instance attributes of user subclasses, or 0
} ExceptionObject;

// BaseExceptionGroup and below (excgroup.c): `message` and `exceptions`.
typedef struct ExceptionGroupObject {
    ExceptionObject base;
    Value msg;    // str
    Value excs;   // a non-empty tuple of exceptions
} ExceptionGroupObject;

// Is v an instance of BaseExceptionGroup?
int exc_group_check(Value v);

// `except* match_type` on exception exc_value (CPython 3.11's
// exception_group_match, with CHECK_EG_MATCH's checks of match_type first:
// TypeError for a non-exception class or a group class). Sets *match to
// the part of exc_value the clause handles and *rest to what remains:
//   exc_value matches as a whole:  the group itself, or a naked exception
//                                  wrapped in ExceptionGroup("", [exc]);
//                                  rest None
//   a group matching in part:      exc_value.split(match_type)
//   no match:                      match None, rest exc_value
//   exc_value None:                None, None
// Returns 0, or -1 with an exception (both outputs 0).
int exc_group_match(Value exc_value, Value match_type, Value *match, Value *rest);

// What propagates at the end of a try/except* statement (CPython 3.11's
// _PyExc_PrepReraiseStar): orig is the exception caught; raised_list the
// list of exceptions the clauses raised or re-raised, then the unhandled
// rest (None entries are skipped). Re-raised parts of orig (same traceback,
// cause and context) are put back in orig's structure; new exceptions
// (even a single one, as 3.11) come out in ExceptionGroup("", [new...,
// reraised]). A naked orig gives the first entry as it is. Returns None
// when nothing propagates, 0 on error.
Value exc_group_prep_reraise(Value orig, Value raised_list);

// The pending exception's parts without building an exception object:
// its type and, if it was raised from C with err_format, its message
// (valid until the next err_* call). Returns 0 if nothing is pending.
Type *err_pending_type(const char **msg);
// A bound builtin method's argument errors name the receiver's type, as
// CPython's (`True.bit_count` is "bool.bit_count()"): a pending TypeError
// whose message starts "<qualname>.<name>(" gets `owner` as the qualname.
void err_retarget_method(const char *name, const char *owner);
// The pending exception object, if one was set as an object (err_set_value),
// else 0.
Value err_pending_value(void);
// Build the pending exception's object now (type(message) for err_format,
// type() for a class), keeping it pending; returns it (0 if none pending).
// err_fetch is err_normalize + err_clear.
Value err_normalize(void);
// Give the pending AttributeError its name and obj attributes (the
// attribute that was missing and the object searched), or the pending
// NameError its name, unless they were set already: the traceback's "Did you
// mean" suggestions use them. Nothing happens for other exceptions; no
// object is built before the exception is fetched.
void err_attribute_context(Value obj, Value name);
void err_name_context(Value name);
// The "Did you mean" suggestion for an uncaught AttributeError or NameError
// (suggestions.c): the closest existing name (a str), or 0. Never raises.
Value exc_suggestion(Value exc);

// CPython's PyErr_WriteUnraisable: take the pending exception and report it
// on stderr as "Exception ignored in: <repr of obj>", then the exception
// with its traceback - for errors nobody can catch (__del__, weakref
// callbacks). With obj 0 (or None) that first line is left out, as
// CPython does. Nothing pending: does nothing.
void err_write_unraisable(Value obj);
// How err_write_unraisable prints the exception itself (traceback and the
// "Type: message" line): the interpreter installs its printer; until then
// only the last line is printed.
extern void (*err_print_exception_hook)(Value exc);
// Where err_write_unraisable sends the exception instead, once the sys
// module exists: sys.unraisablehook (src/modules/sys.c installs it).
extern void (*err_unraisable_hook)(Value exc, Value obj);

// Raise OSError(code, strerror(code)[, filename[, None, filename2]]) -
// which becomes FileNotFoundError for ENOENT and so on - as CPython's
// PyErr_SetFromErrnoWithFilenameObjects. filename and filename2 may be 0
// (left out). Always returns 0.
Value err_from_errno(int code, Value filename, Value filename2);

#define EXC_DECLARE_(name, base) extern Type exc_##name;
EXCEPTION_TYPES(EXC_DECLARE_)
#undef EXC_DECLARE_

#endif
