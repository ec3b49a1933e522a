// run.c - running a program: the runtime's start, the __main__ module, and
// the end of the process (SystemExit, uncaught exceptions, flushing).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../compile/compile.h"
#include "../modules/modules.h"
#include "../runtime/abstract.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/runtime.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "import.h"
#include "interp_internal.h"
#include "run.h"

// sys.path: the script's directory (or '' for -c and stdin), PYTHONPATH,
// then the standard library.
static int init_path(const RunRequest *r) {
    Value path = vm_sys_path;
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
    } else {
        first = str_empty();
    }
    if (!first || list_append(path, first) < 0) {
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
    Value stdlib = str_from_cstr("/usr/lib/python3.11");
    return stdlib && list_append(path, stdlib) == 0 ? 0 : -1;
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
    if (val_is_smallint(code)) {
        return (int)(val_smallint(code) & 0xff);
    }
    if (type_of(code) == &type_bool) {
        return code == VAL_TRUE;
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

int vm_report_exception(void) {
    Value exc = err_fetch();
    if (!exc) {
        return 0;
    }
    if (type_is_subtype(type_of(exc), &exc_SystemExit)) {
        return system_exit_status(exc);
    }
    sys_flush_std_streams();
    Value hook = sys_get_attr("excepthook");
    if (hook && hook != sys_get_attr("__excepthook__")) {
        Value tb = ((ExceptionObject *)val_ptr(exc))->traceback;
        Value args[3] = {val_from_ptr(type_of(exc)), exc, tb ? tb : VAL_NONE};
        if (obj_call(hook, args, 3, 0)) {
            return 1;
        }
        Value e2 = err_fetch();
        fputs("Error in sys.excepthook:\n", stderr);
        if (e2) {
            vm_print_exception(e2);
        }
        fputs("\nOriginal exception was:\n", stderr);
    }
    err_clear();
    vm_print_exception(exc);
    return 1;
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

__attribute__((noinline)) int vm_run_main(const RunRequest *r, void *stack_base) {
    const char *error = NULL;
    if (runtime_init(stack_base, r->ignore_environment ? NULL : getenv("PYTHONHASHSEED"),
                     &error) < 0) {
        fprintf(stderr, "Fatal Python error: %s\n", error ? error : "runtime_init failed");
        return 1;
    }
    if (r->gc_stress) {
        gc_set_stress(r->gc_stress);
    }
    import_init();
    Value builtins = builtins_init();
    if (!builtins) {
        vm_report_exception();
        return 1;
    }
    vm_builtins = module_dict(builtins);
    if (!sys_init(r->argc, r->argv, r->unbuffered) || init_path(r) < 0) {
        vm_report_exception();
        return 1;
    }
    Value main_mod = module_new_cstr("__main__");
    if (!main_mod || dict_set_cstr(vm_modules, "__main__", main_mod) < 0 ||
        dict_set_cstr(module_dict(main_mod), "__builtins__", builtins) < 0) {
        vm_report_exception();
        return 1;
    }
    Value globals = module_dict(main_mod);
    char *src;
    size_t len;
    const char *filename;
    TokenizerMode mode = TOKMODE_FILE;
    if (r->kind == RUN_COMMAND) {
        src = strdup(r->command);
        len = strlen(src);
        filename = "<string>";
        mode = TOKMODE_STRING;
    } else if (r->kind == RUN_STDIN) {
        src = read_stream(stdin, &len);
        filename = "<stdin>";
    } else {
        FILE *fp = fopen(r->script, "rb");
        if (!fp) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", r->progname, r->script,
                    2, "No such file or directory");
            return 2;
        }
        src = read_stream(fp, &len);
        fclose(fp);
        filename = r->script;
        if (dict_set_cstr(globals, "__file__", str_from_cstr(r->script)) < 0) {
            free(src);
            return vm_report_exception();
        }
    }
    Value fname = str_from_cstr(filename);
    Code *code = fname ? compile_source(src, len, mode, fname, COMPILE_EXEC, 0, r->optimize) : NULL;
    free(src);
    int status = 0;
    if (!code || !vm_eval_code(code, globals, globals)) {
        status = vm_report_exception();
    }
    if (sys_flush_std_streams() < 0 && status == 0) {
        status = 120;
    }
    return status;
}
