// vm_pending.c - TEMPORARY: weak stand-ins for the interpreter's and the
// compiler's entry points (src/vm/vm.h, src/compile/compile.h) while those
// are being written, so that the modules link and their C tests run. Each
// raises NotImplementedError naming what is missing; the real definitions
// (strong symbols) replace them at link time. Delete this file once
// src/vm/ and src/compile/compiler.c define everything below.
#include "../compile/compile.h"
#include "../runtime/exceptions.h"
#include "../runtime/type.h"
#include "../vm/vm.h"

#define WEAK __attribute__((weak))

WEAK ThreadState vm_thread = {.recursion_limit = 1000};
WEAK Value vm_builtins;

WEAK Type type_function = {.header = {&type_type}, .name = "function"};
WEAK Type type_cell = {.header = {&type_type}, .name = "cell"};
WEAK Type type_code = {.header = {&type_type}, .name = "code"};

WEAK Frame *vm_current_frame(void) {
    return vm_thread.frame;
}

WEAK Value vm_eval_code(Code *code, Value globals, Value locals) {
    return err_format(&exc_NotImplementedError, "running code: the interpreter");
}

WEAK Value vm_run_class_body(Value func, Value ns) {
    return err_format(&exc_NotImplementedError, "class bodies: the interpreter");
}

WEAK Code *compile_source(const char *src, size_t len, TokenizerMode tokmode, Value filename,
                          CompileMode mode, int flags, int optimize) {
    err_format(&exc_NotImplementedError, "compile(): the compiler");
    return NULL;
}
