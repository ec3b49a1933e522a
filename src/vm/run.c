// run.c - running a program: the runtime's start, the __main__ module, and
// the end of the process (SystemExit, uncaught exceptions, flushing).
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../compile/compile.h"
#include "../modules/modules.h"
#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/namespace.h"
#include "../runtime/runtime.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "import.h"
#include "interp_internal.h"
#include "run.h"

// sys.path[0]: the script's directory, the current directory for -m, or
// '' for -c and stdin. As CPython, it goes in after the site module ran
// (site makes the entries it finds absolute, '' would become the cwd).
static Value path0(const RunRequest *r) {
    Value first;
    if (r->kind == RUN_FILE) {
        const char *slash = strrchr(r->script, '/');
        if (slash) {
            first = str_from_utf8(r->script, (size_t)(slash - r->script));
            if (first && str_len(first) == 0) {
                first = str_from_cstr("/");
            }
        } else {
            first = str_empty();
        }
        // CPython makes the script directory absolute.
        if (first && str_obj(first)->data[0] != '/') {
            char cwd[4096];
            if (getcwd(cwd, sizeof cwd)) {
                first = str_len(first) ? str_format_c("%s/%s", cwd, str_obj(first)->data)
                                       : str_from_cstr(cwd);
            }
        }
    } else if (r->kind == RUN_MODULE) {
        // CPython puts the current directory itself first for -m.
        char cwd[4096];
        first = getcwd(cwd, sizeof cwd) ? str_from_cstr(cwd) : str_empty();
    } else {
        first = str_empty();
    }
    return first;
}

// sys.path before site: PYTHONPATH, then the standard library as Debian's
// CPython lists it (site adds the site-packages directories), with krait's
// own lib-dynload (modules.h) where CPython's is: the .so files of
// /usr/lib/python3.11/lib-dynload are CPython's, which krait cannot load.
static int init_path(const RunRequest *r) {
    Value path = sys_get_object("path");
    if (!path || !list_check(path)) {
        err_format(&exc_RuntimeError, "lost sys.path");
        return -1;
    }
    const char *pp = r->ignore_environment ? NULL : getenv("PYTHONPATH");
    while (pp && *pp) {
        const char *colon = strchr(pp, ':');
        size_t n = colon ? (size_t)(colon - pp) : strlen(pp);
        if (n) {
            Value e = str_from_utf8(pp, n);
            if (!e || list_append(path, e) < 0) {
                return -1;
            }
        }
        pp = colon ? colon + 1 : NULL;
    }
    const char *dynload = sys_dynload_dir();
    const char *const stdlib[] = {"/usr/lib/python311.zip", "/usr/lib/python3.11",
                                  dynload[0] ? dynload : "/usr/lib/python3.11/lib-dynload"};
    for (size_t i = 0; i < sizeof stdlib / sizeof *stdlib; i++) {
        Value dir = str_from_cstr(stdlib[i]);
        if (!dir || list_append(path, dir) < 0) {
            return -1;
        }
    }
    return 0;
}

// The exit status for an uncaught SystemExit (printing its message if it
// is not an int), as CPython's handle_system_exit.
static int system_exit_status(Value exc) {
    Value code = obj_getattr_cstr(exc, "code");
    if (!code) {
        err_clear();
        return 1;
    }
    if (code == VAL_NONE) {
        return 0;
    }
    if (int_check(code)) {
        // Any int, bools and int subclasses (an IntEnum) included; one too
        // large for a C long is -1, as PyLong_AsLong's error value.
        int64_t v;
        if (int_to_i64(code, &v) < 0) {
            err_clear();
            v = -1;
        }
        return (int)(v & 0xff);
    }
    Value s = obj_str(code);
    sys_flush_std_streams();
    if (s) {
        fwrite(str_obj(s)->data, 1, str_obj(s)->nbytes, stderr);
        fputc('\n', stderr);
    } else {
        err_clear();
    }
    return 1;
}

static bool exit_by_sigint;  // an uncaught KeyboardInterrupt was reported

int vm_report_exception(void) {
    Value exc = err_fetch();
    if (!exc) {
        return 0;
    }
    if (type_is_subtype(type_of(exc), &exc_SystemExit)) {
        return system_exit_status(exc);
    }
    sys_flush_std_streams();
    Value hook = sys_get_object("excepthook");
    if (hook) {
        Value tb = ((ExceptionObject *)val_ptr(exc))->traceback;
        Value args[3] = {val_from_ptr(type_of(exc)), exc, tb ? tb : VAL_NONE};
        if (!obj_call(hook, args, 3, 0)) {
            Value e2 = err_fetch();
            fputs("Error in sys.excepthook:\n", stderr);
            if (e2) {
                vm_print_exception(e2);
            }
            fputs("\nOriginal exception was:\n", stderr);
            vm_print_exception(exc);
        }
    } else {
        err_clear();
        fputs("sys.excepthook is missing\n", stderr);
        vm_print_exception(exc);
    }
    if (type_is_subtype(type_of(exc), &exc_KeyboardInterrupt)) {
        // As CPython: die of the signal (after atexit and the last
        // flushes, in exit_status), so that the parent sees why.
        exit_by_sigint = true;
        return 130;
    }
    return 1;
}

// The process's exit: an uncaught KeyboardInterrupt ends it by SIGINT.
static int exit_status(int status) {
    if (exit_by_sigint) {
        fflush(NULL);
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}

static char *read_stream(FILE *fp, size_t *len) {
    StrBuf sb;
    sb_init(&sb);
    char buf[16384];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
        sb_put(&sb, buf, n);
    }
    if (!sb.data) {
        sb.data = strdup("");
    }
    *len = sb.len;
    return sb.data;
}

// Is this SyntaxError what a statement that is not finished yet raises?
static int incomplete_input(void) {
    const char *msg;
    Type *t = err_pending_type(&msg);
    Value v = err_pending_value();
    if (!t || !type_is_subtype(t, &exc_SyntaxError)) {
        return 0;
    }
    Value m = v ? obj_getattr_cstr(v, "msg") : 0;
    if (v && (!m || !val_is_str(m))) {
        err_clear();
        return 0;
    }
    const char *s = m ? str_obj(m)->data : msg;
    return strstr(s, "unexpected EOF") || strstr(s, "was never closed") ||
           strstr(s, "expected an indented block") || strstr(s, "unterminated triple-quoted");
}

static Value sys_prompt(const char *name, const char *dflt) {
    Value p = sys_get_object(name);
    if (p) {
        Value s = obj_str(p);
        if (s) {
            return s;
        }
        err_clear();
    }
    return str_from_cstr(dflt);
}

// The interactive loop: read a statement (more lines while it is not
// complete, and for a compound statement until an empty line), compile it
// in 'single' mode (expression values go to sys.displayhook), run it in
// __main__, report errors, repeat until end of input. Returns the exit
// status (SystemExit ends the loop).
static int interactive_loop(Value globals) {
    Value filename = str_from_cstr("<stdin>");
    StrBuf buf;
    sb_init(&buf);
    for (;;) {
        sys_flush_std_streams();
        Value prompt = sys_prompt(buf.len ? "ps2" : "ps1", buf.len ? "... " : ">>> ");
        if (prompt) {
            fputs(str_obj(prompt)->data, stderr);
            fflush(stderr);
        }
        char line[65536];
        if (!fgets(line, sizeof line, stdin)) {
            fputc('\n', stderr);
            break;
        }
        int blank = line[strspn(line, " \t\r\n")] == 0;
        if (!buf.len && blank) {
            continue;
        }
        sb_puts(&buf, line);
        // A compound statement goes on until an empty line.
        const char *first_end = memchr(buf.data, '\n', buf.len);
        size_t first_len = first_end ? (size_t)(first_end - buf.data) : buf.len;
        while (first_len && (buf.data[first_len - 1] == ' ' || buf.data[first_len - 1] == '\t' ||
                             buf.data[first_len - 1] == '\r')) {
            first_len--;
        }
        int compound = first_len && buf.data[first_len - 1] == ':';
        if (compound && !blank) {
            continue;
        }
        Code *code = compile_source(buf.data, buf.len, TOKMODE_STRING, filename, COMPILE_SINGLE,
                                    0, 0);
        if (!code) {
            if (!blank && incomplete_input()) {
                err_clear();
                continue;
            }
        }
        buf.len = 0;
        buf.data[0] = 0;
        if (!code || !vm_eval_code(code, globals, globals)) {
            if (err_matches(&exc_SystemExit)) {
                sb_free(&buf);
                return vm_report_exception();
            }
            vm_report_exception();
        }
    }
    sb_free(&buf);
    return 0;
}

// ---- -m module ----------------------------------------------------------------------------

// krait -m name: runpy._run_module_as_main(name, True), as CPython's
// pymain_run_module (runpy finds the module through importlib, sets up
// __main__ and sys.argv[0], and turns "not found" into SystemExit).
static int run_module(const RunRequest *r) {
    Value runpy = import_module_level(str_intern_cstr("runpy"), 0, VAL_NONE, 0);
    Value name = str_from_cstr(r->module);
    if (!runpy || !name) {
        if (runpy) {
            fprintf(stderr, "Could not import runpy module\n");
        }
        return vm_report_exception();
    }
    Value args[2] = {name, VAL_TRUE};
    if (!obj_call_method(runpy, "_run_module_as_main", args, 2)) {
        return vm_report_exception();
    }
    return 0;
}

// Start the interpreter: the runtime, sys, importlib, site, sys.path[0]
// and __main__. Returns __main__'s globals, or 0 with the exit status in
// *status (the error reported). A function of its own, so that the values
// it leaves in dead stack slots go when vm_run_main scrubs its frame away
// (the collector scans the stack conservatively: a stale word that points
// where a program's object later lives would keep that object alive).
__attribute__((noinline)) static Value start_interpreter(const RunRequest *r, void *stack_base,
                                                         int *status) {
    *status = 1;
    const char *error = NULL;
    if (runtime_init(stack_base, r->ignore_environment ? NULL : getenv("PYTHONHASHSEED"),
                     &error) < 0) {
        fprintf(stderr, "Fatal Python error: %s\n", error ? error : "runtime_init failed");
        return 0;
    }
    if (r->gc_stress) {
        gc_set_stress(r->gc_stress);
    }
    if (r->gc_stats) {
        gc_report_at_exit();
    }
    Value builtins = builtins_init();
    if (!builtins) {
        vm_report_exception();
        return 0;
    }
    vm_builtins = module_dict(builtins);
    SysConfig config;
    memset(&config, 0, sizeof config);
    config.argc = r->argc;
    config.argv = r->argv;
    config.orig_argc = r->orig_argc;
    config.orig_argv = r->orig_argv;
    config.optimize = r->optimize;
    config.inspect = r->inspect;
    config.quiet = r->quiet;
    config.ignore_environment = r->ignore_environment;
    config.unbuffered = r->unbuffered;
    config.int_max_str_digits = r->int_max_str_digits;
    config.debug = r->debug;
    config.interactive = r->interactive;
    config.dont_write_bytecode = r->dont_write_bytecode;
    config.no_user_site = r->no_user_site;
    config.no_site = r->no_site;
    config.verbose = r->verbose;
    config.bytes_warning = r->bytes_warning;
    config.isolated = r->isolated;
    config.dev_mode = r->dev_mode;
    config.utf8_mode = r->utf8_mode;
    config.warn_default_encoding = r->warn_default_encoding;
    config.safe_path = r->safe_path;
    config.warnoptions = r->warnoptions;
    config.nwarnoptions = r->nwarnoptions;
    config.env_warnings = r->env_warnings;
    if (r->int_max_str_digits >= 0) {
        int_max_str_digits = r->int_max_str_digits;
    }
    sys_print_exception = vm_print_exception;
    if (!sys_init(&config) || init_path(r) < 0) {
        vm_report_exception();
        return 0;
    }
    // As CPython at start-up: the signal module's handlers, so that Ctrl-C
    // is a KeyboardInterrupt (checked at loop headers).
    Value signame = str_from_cstr("_signal");
    if (!signame || !modules_import_builtin(signame, 0)) {
        vm_report_exception();
        return 0;
    }
    if (r->faulthandler) {
        Value fh = modules_import_builtin(str_from_cstr("faulthandler"), 0);
        if (!fh || !obj_call_method(fh, "enable", NULL, 0)) {
            vm_report_exception();
            return 0;
        }
    }
    // importlib, then the site module unless -S (as CPython: a failure is fatal).
    if (import_install(r->ignore_environment) < 0) {
        fprintf(stderr, "Fatal Python error: cannot start the import system\n");
        vm_report_exception();
        return 0;
    }
    if (!r->no_site && !import_module_level(str_intern_cstr("site"), 0, VAL_NONE, 0)) {
        fprintf(stderr, "Fatal Python error: init_import_site: Failed to import the site module\n");
        vm_report_exception();
        return 0;
    }
    Value path = sys_get_object("path");
    Value first = r->safe_path ? 0 : path0(r);
    if (!r->safe_path && (!first || !path || !list_check(path) || list_insert(path, 0, first) < 0)) {
        vm_report_exception();
        return 0;
    }
    Value main_mod = module_new_cstr("__main__");
    Value modules = sys_modules_dict();
    Value builtin_importer = import_main_loader(NULL);
    if (!main_mod || !modules || !builtin_importer ||
        dict_set_cstr(modules, "__main__", main_mod) < 0 ||
        dict_set_cstr(module_dict(main_mod), "__builtins__", builtins) < 0 ||
        dict_set_cstr(module_dict(main_mod), "__loader__", builtin_importer) < 0) {
        vm_report_exception();
        return 0;
    }
    return module_dict(main_mod);
}

__attribute__((noinline)) int vm_run_main(const RunRequest *r, void *stack_base) {
    int start_status;
    Value globals = start_interpreter(r, stack_base, &start_status);
    if (!globals) {
        return start_status;
    }
    gc_scrub_stack();
    gc_seal_startup(val_ptr(globals));
    char *src;
    size_t len;
    const char *filename;
    TokenizerMode mode = TOKMODE_FILE;
    if (r->kind == RUN_STDIN && (r->inspect || isatty(0))) {
        src = NULL;
        len = 0;
        filename = "<stdin>";
    } else if (r->kind == RUN_COMMAND) {
        src = strdup(r->command);
        len = strlen(src);
        filename = "<string>";
        mode = TOKMODE_STRING;
    } else if (r->kind == RUN_STDIN) {
        src = read_stream(stdin, &len);
        filename = "<stdin>";
    } else if (r->kind == RUN_MODULE) {
        int status = run_module(r);
        if (status == 0 && (r->inspect || (!r->ignore_environment && getenv("PYTHONINSPECT") &&
                                           *getenv("PYTHONINSPECT")))) {
            status = interactive_loop(globals);
        }
        vm_threads_shutdown();  // join the non-daemon threads (threading._shutdown)
        atexit_run_callbacks();
        vm_threads_finalize();  // from here on the main thread keeps the GIL
        gc_run_exit_finalizers(globals);
        if (sys_flush_std_streams() < 0 && status == 0) {
            status = 120;
        }
        return exit_status(status);
    } else {
        FILE *fp = fopen(r->script, "rb");
        if (!fp) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", r->progname, r->script,
                    2, "No such file or directory");
            return 2;
        }
        src = read_stream(fp, &len);
        fclose(fp);
        // As CPython 3.9+: the script's path is made absolute (joined to the
        // current directory, not normalized) for __file__ and its code.
        static char abs_script[8192];
        char cwd[4096];
        if (r->script[0] != '/' && getcwd(cwd, sizeof cwd) &&
            (size_t)snprintf(abs_script, sizeof abs_script, "%s/%s", cwd, r->script) <
                sizeof abs_script) {
            filename = abs_script;
        } else {
            filename = r->script;
        }
        Value loader = import_main_loader(filename);
        if (!loader || dict_set_cstr(globals, "__file__", str_from_cstr(filename)) < 0 ||
            dict_set_cstr(globals, "__cached__", VAL_NONE) < 0 ||
            dict_set_cstr(globals, "__loader__", loader) < 0) {
            free(src);
            return vm_report_exception();
        }
    }
    if (r->kind == RUN_STDIN && (r->inspect || isatty(0))) {
        free(src);
        if (!r->quiet) {
            fprintf(stderr, "krait %s (Python 3.11 compatible)\n"
                            "Type \"help\", \"copyright\", \"credits\" or \"license\" for "
                            "more information.\n", KRAIT_VERSION_STRING);
        }
        int status = interactive_loop(globals);
        vm_threads_shutdown();  // join the non-daemon threads (threading._shutdown)
        atexit_run_callbacks();
        vm_threads_finalize();  // from here on the main thread keeps the GIL
        gc_run_exit_finalizers(globals);
        sys_flush_std_streams();
        return status;
    }
    Value fname = str_from_cstr(filename);
    int bad_line;
    unsigned char bad_byte;
    Code *code = NULL;
    if (mode == TOKMODE_FILE && tok_script_non_utf8(src, len, &bad_line, &bad_byte)) {
        err_format(&exc_SyntaxError,
                   "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, but no encoding "
                   "declared; see https://peps.python.org/pep-0263/ for details",
                   bad_byte, filename, bad_line);
    } else if (fname) {
        code = compile_source(src, len, mode, fname, COMPILE_EXEC, 0, r->optimize);
    }
    free(src);
    int status = 0;
    if (!code || !vm_eval_code(code, globals, globals)) {
        int system_exit = err_matches(&exc_SystemExit);
        status = vm_report_exception();
        if (system_exit) {
            vm_threads_shutdown();  // join the non-daemon threads (threading._shutdown)
            atexit_run_callbacks();
            vm_threads_finalize();  // from here on the main thread keeps the GIL
            gc_run_exit_finalizers(globals);
            sys_flush_std_streams();
            return exit_status(status);
        }
    }
    if (r->inspect || (!r->ignore_environment && getenv("PYTHONINSPECT") &&
                       *getenv("PYTHONINSPECT"))) {
        status = interactive_loop(globals);
    }
    vm_threads_shutdown();  // join the non-daemon threads (threading._shutdown)
    atexit_run_callbacks();
    vm_threads_finalize();  // from here on the main thread keeps the GIL
    gc_run_exit_finalizers(globals);
    if (sys_flush_std_streams() < 0 && status == 0) {
        status = 120;
    }
    return exit_status(status);
}
