// modules.h - the builtin modules written in C: their init functions, the
// registry the import system asks, and the start-up entry points main()
// calls.
//
// Start-up order (main.c): runtime_init(), then builtins_init() (its dict
// becomes vm_builtins), then sys_init(). At exit: sys_flush_std_streams().
#ifndef KRAIT_MODULES_H
#define KRAIT_MODULES_H

#include <semaphore.h>
#include <signal.h>
#include <stddef.h>

#include "../parse/tokenizer.h"
#include "../runtime/object.h"

// ---- the registry --------------------------------------------------------------

// A builtin module: its name and the function that creates it (called once;
// the import system stores the result in sys.modules).
typedef Value (*ModuleInitFunc)(void);
typedef struct BuiltinModule {
    const char *name;
    ModuleInitFunc init;
} BuiltinModule;

// The builtin module `name`, or NULL.
const BuiltinModule *modules_find_builtin(const char *name);
// Every builtin module, sorted by name, ending with {NULL, NULL}
// (sys.builtin_module_names).
extern const BuiltinModule modules_builtin_table[];

// The modules built as shared objects (the Makefile's DYNLOAD list) live in
// lib-dynload beside the krait executable, as CPython's lib-dynload: their
// libraries (OpenSSL, SQLite, ncurses, libffi...) are mapped only when one of
// them is first imported. importlib's PathFinder finds them there by the
// suffix _imp.extension_suffixes() gives (EXT_SUFFIX), and
// _imp.create_dynamic dlopen()s the file and calls its exported
// krait_init_<module name>, which MODULE_DYNLOAD_INIT defines over the
// module's init function. They call back into the executable, which exports
// the symbols they use (the Makefile's dynamic list).
#define EXT_SUFFIX ".krait311-x86_64-linux-gnu.so"
#define MODULE_DYNLOAD_INIT(name, init)      \
    Value krait_init_##name(void);           \
    Value krait_init_##name(void) {          \
        return init();                       \
    }

// The lib-dynload directory of this krait (sys.c): beside the executable
// (/proc/self/exe, so that a venv's bin/python symlink finds it), or for a
// venv made with copies, beside its pyvenv.cfg `home`; when neither exists,
// the one beside the executable still (its modules are then not found, a
// ModuleNotFoundError). "" only when /proc/self/exe cannot be read.
const char *sys_dynload_dir(void);

// The module `name` from sys.modules, else created by its builtin init and
// stored in sys.modules. 0 with ModuleNotFoundError if there is no such
// builtin module (no exception is set when `quiet`: the caller tries other
// finders).
Value modules_import_builtin(Value name, int quiet);

// ---- the other builtin modules, one file each ----------------------------------------

Value array_module_init(void);      // array (arraymodule.c)
Value mmap_module_init(void);       // mmap (mmapmodule.c)
Value ast_module_init(void);        // _ast (astmodule.c)
Value asyncio_module_init(void);    // _asyncio (asynciomodule.c)
Value atexit_module_init(void);     // atexit (atexitmodule.c)
Value binascii_module_init(void);   // binascii (binasciimodule.c)
Value abc_module_init(void);        // _abc (abcmodule.c)
Value bisect_module_init(void);     // _bisect (bisectmodule.c)
Value bz2_module_init(void);        // _bz2 (bz2module.c)
Value blake2_module_init(void);     // _blake2 (blake2module.c, hashobject.c)
Value cmath_module_init(void);      // cmath (cmathmodule.c)
Value codecs_module_init(void);      // _codecs (codecsmodule.c)
Value collections_module_init(void);  // _collections (collectionsmodule.c)
Value contextvars_module_init(void);  // _contextvars (contextvarsmodule.c)
Value csv_module_init(void);        // _csv (csvmodule.c)
Value curses_module_init(void);     // _curses (cursesmodule.c)
Value curses_panel_module_init(void);  // _curses_panel (cursespanelmodule.c)
Value ctypes_module_init(void);     // _ctypes (ctypesmodule.c, ctypes_*.c)
Value errno_module_init(void);      // errno (errnomodule.c)
Value fcntl_module_init(void);      // fcntl (fcntlmodule.c)
Value functools_module_init(void);  // _functools (functoolsmodule.c)
Value gcmodule_init(void);          // gc (gcmodule.c)
Value grp_module_init(void);        // grp (grpmodule.c)
Value heapq_module_init(void);      // _heapq (heapqmodule.c)
Value pwd_module_init(void);        // pwd (pwdmodule.c)
Value queue_module_init(void);      // _queue (queuemodule.c)
Value pickle_module_init(void);     // _pickle (picklemodule.c)
Value random_module_init(void);     // _random (randommodule.c)
Value imp_module_init(void);        // _imp (impmodule.c)
Value io_module_init(void);         // _io (iomodule.c and the io*.c files)
Value itertools_module_init(void);  // itertools (itertoolsmodule.c)
Value json_module_init(void);       // _json (jsonmodule.c)
Value marshal_module_init(void);    // marshal (marshalmodule.c)
Value locale_module_init(void);     // _locale (localemodule.c)
Value lzma_module_init(void);       // _lzma (lzmamodule.c)
// marshal.dumps(v) (version 4) and marshal.loads of n bytes, for C callers
// (the import system's code cache); 0 with an exception on failure.
Value marshal_dump_value(Value v);
Value marshal_load_value(const void *data, size_t n);
Value math_module_init(void);       // math (mathmodule.c)
Value md5_module_init(void);        // _md5 (md5module.c, hashobject.c)
Value opcode_module_init(void);     // _opcode (opcodemodule.c)
Value operator_module_init(void);   // _operator (operatormodule.c)
Value posix_module_init(void);      // posix (posixmodule.c)
Value posixsubprocess_module_init(void);  // _posixsubprocess (posixsubprocessmodule.c)
Value resource_module_init(void);   // resource (resourcemodule.c)
Value select_module_init(void);     // select (selectmodule.c)
Value stat_module_init(void);       // _stat (statmodule.c)
Value syslog_module_init(void);     // syslog (syslogmodule.c)
Value pyexpat_module_init(void);    // pyexpat (pyexpatmodule.c)
Value sqlite3_module_init(void);    // _sqlite3 (sqlite3module.c)
Value ssl_module_init(void);        // _ssl (sslmodule.c and the ssl*.c files, over OpenSSL)
Value sha1_module_init(void);       // _sha1 (sha1module.c, hashobject.c)
Value sha256_module_init(void);     // _sha256 (sha256module.c, hashobject.c)
Value sha3_module_init(void);       // _sha3 (sha3module.c, hashobject.c)
Value sha512_module_init(void);     // _sha512 (sha512module.c)
Value socket_module_init(void);     // _socket (socketmodule.c)
Value faulthandler_module_init(void);  // faulthandler (faulthandlermodule.c)
Value signal_module_init(void);     // _signal (signalmodule.c)
Value sre_module_init(void);        // _sre (sremodule.c, sre_engine.c)
Value string_module_init(void);     // _string (stringmodule.c)
Value symtable_module_init(void);   // _symtable (symtablemodule.c)
Value crypt_module_init(void);      // _crypt (cryptmodule.c)
Value lsprof_module_init(void);     // _lsprof (lsprofmodule.c)
Value tracemalloc_module_init(void); // _tracemalloc (tracemallocmodule.c)
Value struct_module_init(void);     // _struct (structmodule.c)
Value termios_module_init(void);    // termios (termiosmodule.c)
Value thread_module_init(void);     // _thread (threadmodule.c)
Value timemodule_init(void);        // time (timemodule.c)
Value unicodedata_module_init(void);  // unicodedata (unicodedatamodule.c)
Value warnings_module_init(void);   // _warnings (warningsmodule.c)
Value weakref_module_init(void);    // _weakref (weakrefmodule.c)
Value zlib_module_init(void);       // zlib (zlibmodule.c, over libz)

// _io.open, which builtins.open is (iomodule.c). 0 with an exception if
// _io cannot be created.
Value io_open_function(void);

// A standard stream as CPython's create_stdio makes it: TextIOWrapper
// (utf-8, `errors`, newline "\n") over a BufferedWriter/Reader over
// FileIO(fd, closefd=False) named `name` ("<stdout>"); with `unbuffered`
// (-u) a writer's buffer is the FileIO itself and writes go through.
// 0 on error. (iomodule.c; sys.c makes sys.stdin/stdout/stderr with it.)
Value io_std_stream(int fd, const char *name, int writable, const char *errors,
                    int line_buffering, int unbuffered);

// TextIOWrapper.write(text) without the method lookup, for print()
// (textio.c). The number of code points written, or 0 with an exception.
extern Type type_textiowrapper;
Value textio_write_text(Value wrapper, Value text);

// A bytes-like argument's bytes (posixmodule.c), through the buffer
// protocol: for callers that are done with them before any Python code
// runs (the window is already closed). 0, or -1 with TypeError "a
// bytes-like object is required, not 'str'".
int modules_get_buffer(Value v, const char **data, size_t *len);

// Signals (signalmodule.c): the C handler sets signal_tripped; a safe
// point calls signal_check_pending(), which runs the Python handlers of
// the signals that arrived: 0, or -1 with the exception a handler raised.
// signal_tripped is also the interpreter's "look at the safe point" flag:
// another thread sets it to ask for the GIL (vm/thread.c); signals_pending
// says that signals did arrive. Handlers run in the main thread only.
extern volatile sig_atomic_t signal_tripped;
extern volatile sig_atomic_t signals_pending;
int signal_check_pending(void);
// _thread.interrupt_main: as if signal `signum` arrived, when it has a
// Python handler (else nothing happens, as CPython's PyErr_SetInterruptEx).
void signal_simulate(int signum);

// Release the lock _thread._set_sentinel returned (threadmodule.c): the
// thread that made it ends.
void thread_release_sentinel(Value lock);
// Take semaphore `sem` within `timeout` seconds (-1: forever, 0: no wait),
// the GIL released while waiting; a signal runs its handler (main thread)
// and the wait goes on unless it raised. 1 taken, 0 timed out, -1 error.
int thread_acquire_timed(sem_t *sem, double timeout);
// In the child after fork(): the import lock (_imp.acquire_lock) is freed
// when a thread that is gone held it (impmodule.c).
void imp_after_fork_child(void);

// PEP 475: a system call that a signal interrupts runs the Python
// handlers and is retried, unless a handler raised. After the loop, r < 0
// with err_occurred() means a handler's exception is pending.
#define RETRY_EINTR(r, call)                                        \
    do {                                                            \
        (r) = (call);                                               \
    } while ((r) < 0 && errno == EINTR && signal_check_pending() == 0)

// RETRY_EINTR for a call that may block: other threads run meanwhile (the
// GIL is released around each attempt), so `call` must not touch a Value
// or a heap object's fields (VM_BEGIN_ALLOW_THREADS, vm.h); errno is kept.
#define RETRY_EINTR_BLOCKING(r, call)                               \
    do {                                                            \
        int retry_errno_;                                           \
        VM_BEGIN_ALLOW_THREADS                                      \
        (r) = (call);                                               \
        retry_errno_ = errno;                                       \
        VM_END_ALLOW_THREADS                                        \
        errno = retry_errno_;                                       \
    } while ((r) < 0 && errno == EINTR && signal_check_pending() == 0)

// Shared by select, _socket and fcntl (selectmodule.c):
// modules_fileno is CPython's PyObject_AsFileDescriptor (an int, or an
// object with fileno(); "file descriptor cannot be a negative integer").
// modules_poll_wait is ppoll() for timeout_ns (-1: forever) that runs the
// signal handlers on EINTR and goes on waiting (PEP 475): the number of
// ready descriptors, or -1 with an exception.
struct pollfd;
int modules_fileno(Value v, int *fd);
int modules_poll_wait(struct pollfd *fds, size_t n, int64_t timeout_ns);
int64_t modules_monotonic_ns(void);

// A uid or gid argument as CPython's _Py_Uid_Converter (-1 is (uid_t)-1;
// TypeError "uid should be integer, not str"; OverflowError "uid is less
// than minimum"), and an id as a Python int ((uid_t)-1 is -1). pwdmodule.c.
int modules_id_arg(Value v, const char *what, uint32_t *out);
Value modules_id_value(uint32_t id);

// Run the os.register_at_fork hooks (posixmodule.c): which 0 = before
// (last registered first), 1 = after in the child, 2 = after in the
// parent. Errors are reported as unraisable.
void posix_run_fork_hooks(int which);

// Run the atexit callbacks (last registered first; errors reported as
// unraisable) and forget them: run.c calls it when the program ends.
void atexit_run_callbacks(void);

// ---- builtins ---------------------------------------------------------------------

// Create the builtins module (once; later calls return the same module).
Value builtins_init(void);

// The source argument of compile() and friends: a str as UTF-8
// (TOKMODE_STRING) or bytes as they are (TOKMODE_FILE: a coding declaration
// applies); otherwise TypeError "<what>() arg 1 must be a <accepted>".
// Null bytes are a ValueError. 0, or -1 with the exception set.
int compile_source_arg(Value source, const char *what, const char **text, size_t *len,
                       TokenizerMode *mode, const char *accepted);

// A filename argument as compile() takes it: str, bytes (decoded) or
// os.PathLike; the str, or 0 with TypeError.
Value compile_filename_arg(Value v);

// ---- sys ------------------------------------------------------------------------------

// What the command line and the environment say, for sys.flags, sys.argv,
// sys.path and the standard streams. Zero-initialized means CPython's
// defaults (sys_init fills what is left 0/NULL).
typedef struct SysConfig {
    int argc;                 // sys.argv (argv[0] is the script, '-c', '-m' or '')
    char **argv;
    int orig_argc;            // sys.orig_argv: the whole command line
    char **orig_argv;
    const char *executable;   // sys.executable (NULL: found from /proc/self/exe)
    const char *const *path;  // sys.path entries, NULL-terminated (NULL: none yet)
    int debug, inspect, interactive, optimize, dont_write_bytecode, no_user_site, no_site;
    int ignore_environment, verbose, bytes_warning, quiet, isolated, dev_mode, utf8_mode;
    int warn_default_encoding, safe_path, int_max_str_digits;  // -1: default
    int unbuffered;           // -u / PYTHONUNBUFFERED: stdout written through
    const char *const *warnoptions;  // sys.warnoptions: PYTHONWARNINGS's entries, then
    int nwarnoptions;                // these -W options
    const char *env_warnings;        // PYTHONWARNINGS (comma-separated), or NULL
} SysConfig;

// Create the sys module and the standard streams (once). `config` may be
// NULL (a test program: no arguments).
Value sys_init(const SysConfig *config);

// sys.<name> (the sys module's dict entry), or 0 without an exception when
// it is missing (or sys does not exist yet). For print(), input()...
Value sys_get_object(const char *name);

// Flush sys.stdout and sys.stderr (whatever they are now), then the
// original standard streams. 0, or -1 when one failed (the caller exits
// with status 120, as CPython does): a stdout failure (a broken pipe) has
// been reported through sys.unraisablehook, a stderr one dropped. Leaves
// no exception pending.
int sys_flush_std_streams(void);

// The traceback printer sys.excepthook uses (the interpreter installs it):
// prints `exc` with its traceback, CPython's format, to sys.stderr. While it
// is NULL, excepthook prints "Type: message" only.
extern void (*sys_print_exception)(Value exc);

// Report an exception that cannot be raised (in a finalizer, while
// flushing at exit...) through sys.unraisablehook: by default
// "Exception ignored in: <repr(object)>" (or "<err_msg>: <repr(object)>"),
// then the exception, on sys.stderr. `err_msg` and `object` may be NULL / 0.
// Leaves no exception pending.
void sys_write_unraisable(Value exc, const char *err_msg, Value object);

// The asyncio hooks of sys.set_asyncgen_hooks (None when unset), for the
// interpreter's async generators.
Value sys_asyncgen_firstiter(void);
Value sys_asyncgen_finalizer(void);

// sys.flags.optimize, for compile()'s default (-O, -OO).
int sys_optimize_level(void);

#endif
