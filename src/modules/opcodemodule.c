// opcodemodule.c - the `_opcode` module: stack_effect() for CPython 3.11's
// bytecode, which dis.stack_effect() calls, and get_specialization_stats().
//
// krait's own bytecode is register-based and shares nothing with
// CPython's (DESIGN.md section 7): the opcode numbers here are CPython
// 3.11's, as the stdlib's opcode.py defines them (and the compiler's
// pseudo-instructions, numbered below zero), so that dis.stack_effect
// answers for CPython bytecode numbers exactly as CPython does. The
// effects follow what each 3.11 instruction pops and pushes; where a
// jump changes the effect, `jump` picks the branch (1 taken, 0 not, -1
// either: the larger).
#include <stdint.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// CPython 3.11's opcode numbers (Lib/opcode.py) that stack_effect knows.
// Opcodes from HAVE_ARGUMENT (90) on take an argument.
enum {
    OP_CACHE = 0, OP_POP_TOP = 1, OP_PUSH_NULL = 2, OP_NOP = 9, OP_UNARY_POSITIVE = 10,
    OP_UNARY_NEGATIVE = 11, OP_UNARY_NOT = 12, OP_UNARY_INVERT = 15, OP_BINARY_SUBSCR = 25,
    OP_GET_LEN = 30, OP_MATCH_MAPPING = 31, OP_MATCH_SEQUENCE = 32, OP_MATCH_KEYS = 33,
    OP_PUSH_EXC_INFO = 35, OP_CHECK_EXC_MATCH = 36, OP_CHECK_EG_MATCH = 37,
    OP_WITH_EXCEPT_START = 49, OP_GET_AITER = 50, OP_GET_ANEXT = 51,
    OP_BEFORE_ASYNC_WITH = 52, OP_BEFORE_WITH = 53, OP_END_ASYNC_FOR = 54,
    OP_STORE_SUBSCR = 60, OP_DELETE_SUBSCR = 61, OP_GET_ITER = 68,
    OP_GET_YIELD_FROM_ITER = 69, OP_PRINT_EXPR = 70, OP_LOAD_BUILD_CLASS = 71,
    OP_LOAD_ASSERTION_ERROR = 74, OP_RETURN_GENERATOR = 75, OP_LIST_TO_TUPLE = 82,
    OP_RETURN_VALUE = 83, OP_IMPORT_STAR = 84, OP_SETUP_ANNOTATIONS = 85, OP_YIELD_VALUE = 86,
    OP_ASYNC_GEN_WRAP = 87, OP_PREP_RERAISE_STAR = 88, OP_POP_EXCEPT = 89,
    OP_HAVE_ARGUMENT = 90,
    OP_STORE_NAME = 90, OP_DELETE_NAME = 91, OP_UNPACK_SEQUENCE = 92, OP_FOR_ITER = 93,
    OP_UNPACK_EX = 94, OP_STORE_ATTR = 95, OP_DELETE_ATTR = 96, OP_STORE_GLOBAL = 97,
    OP_DELETE_GLOBAL = 98, OP_SWAP = 99, OP_LOAD_CONST = 100, OP_LOAD_NAME = 101,
    OP_BUILD_TUPLE = 102, OP_BUILD_LIST = 103, OP_BUILD_SET = 104, OP_BUILD_MAP = 105,
    OP_LOAD_ATTR = 106, OP_COMPARE_OP = 107, OP_IMPORT_NAME = 108, OP_IMPORT_FROM = 109,
    OP_JUMP_FORWARD = 110, OP_JUMP_IF_FALSE_OR_POP = 111, OP_JUMP_IF_TRUE_OR_POP = 112,
    OP_POP_JUMP_FORWARD_IF_FALSE = 114, OP_POP_JUMP_FORWARD_IF_TRUE = 115,
    OP_LOAD_GLOBAL = 116, OP_IS_OP = 117, OP_CONTAINS_OP = 118, OP_RERAISE = 119,
    OP_COPY = 120, OP_BINARY_OP = 122, OP_SEND = 123, OP_LOAD_FAST = 124, OP_STORE_FAST = 125,
    OP_DELETE_FAST = 126, OP_POP_JUMP_FORWARD_IF_NOT_NONE = 128,
    OP_POP_JUMP_FORWARD_IF_NONE = 129, OP_RAISE_VARARGS = 130, OP_GET_AWAITABLE = 131,
    OP_MAKE_FUNCTION = 132, OP_BUILD_SLICE = 133, OP_JUMP_BACKWARD_NO_INTERRUPT = 134,
    OP_MAKE_CELL = 135, OP_LOAD_CLOSURE = 136, OP_LOAD_DEREF = 137, OP_STORE_DEREF = 138,
    OP_DELETE_DEREF = 139, OP_JUMP_BACKWARD = 140, OP_CALL_FUNCTION_EX = 142,
    OP_EXTENDED_ARG = 144, OP_LIST_APPEND = 145, OP_SET_ADD = 146, OP_MAP_ADD = 147,
    OP_LOAD_CLASSDEREF = 148, OP_COPY_FREE_VARS = 149, OP_RESUME = 151, OP_MATCH_CLASS = 152,
    OP_FORMAT_VALUE = 155, OP_BUILD_CONST_KEY_MAP = 156, OP_BUILD_STRING = 157,
    OP_LOAD_METHOD = 160, OP_LIST_EXTEND = 162, OP_SET_UPDATE = 163, OP_DICT_MERGE = 164,
    OP_DICT_UPDATE = 165, OP_PRECALL = 166, OP_CALL = 171, OP_KW_NAMES = 172,
    OP_POP_JUMP_BACKWARD_IF_NOT_NONE = 173, OP_POP_JUMP_BACKWARD_IF_NONE = 174,
    OP_POP_JUMP_BACKWARD_IF_FALSE = 175, OP_POP_JUMP_BACKWARD_IF_TRUE = 176,
    // the 3.11 compiler's pseudo-instructions, replaced before code is emitted
    OP_SETUP_FINALLY = -1, OP_SETUP_CLEANUP = -2, OP_SETUP_WITH = -3, OP_POP_BLOCK = -4,
    OP_JUMP = -5, OP_JUMP_NO_INTERRUPT = -6, OP_POP_JUMP_IF_FALSE = -7,
    OP_POP_JUMP_IF_TRUE = -8, OP_POP_JUMP_IF_NONE = -9, OP_POP_JUMP_IF_NOT_NONE = -10,
};

enum { FVS_MASK = 0x4, FVS_HAVE_SPEC = 0x4 };  // FORMAT_VALUE: a format spec is on the stack

#define STACK_EFFECT_INVALID INT32_MAX

// What instruction `op` with argument `arg` does to the stack depth.
static int opcode_stack_effect(int op, int arg, int jump) {
    switch (op) {
    case OP_NOP: case OP_EXTENDED_ARG: case OP_RESUME: case OP_CACHE:
    case OP_UNARY_POSITIVE: case OP_UNARY_NEGATIVE: case OP_UNARY_NOT: case OP_UNARY_INVERT:
    case OP_GET_AITER: case OP_GET_ITER: case OP_GET_YIELD_FROM_ITER: case OP_GET_AWAITABLE:
    case OP_RETURN_GENERATOR: case OP_LIST_TO_TUPLE: case OP_SETUP_ANNOTATIONS:
    case OP_YIELD_VALUE: case OP_ASYNC_GEN_WRAP: case OP_CHECK_EXC_MATCH:
    case OP_CHECK_EG_MATCH: case OP_DELETE_NAME: case OP_DELETE_GLOBAL: case OP_DELETE_FAST:
    case OP_DELETE_DEREF: case OP_SWAP: case OP_LOAD_ATTR: case OP_JUMP_FORWARD:
    case OP_JUMP_BACKWARD: case OP_JUMP_BACKWARD_NO_INTERRUPT: case OP_MAKE_CELL:
    case OP_COPY_FREE_VARS: case OP_KW_NAMES: case OP_POP_BLOCK: case OP_JUMP:
    case OP_JUMP_NO_INTERRUPT:
        return 0;
    case OP_PUSH_NULL: case OP_GET_LEN: case OP_MATCH_MAPPING: case OP_MATCH_SEQUENCE:
    case OP_MATCH_KEYS: case OP_PUSH_EXC_INFO: case OP_WITH_EXCEPT_START: case OP_GET_ANEXT:
    case OP_BEFORE_ASYNC_WITH: case OP_BEFORE_WITH: case OP_LOAD_BUILD_CLASS:
    case OP_LOAD_ASSERTION_ERROR: case OP_LOAD_CONST: case OP_LOAD_NAME: case OP_IMPORT_FROM:
    case OP_COPY: case OP_LOAD_FAST: case OP_LOAD_CLOSURE: case OP_LOAD_DEREF:
    case OP_LOAD_CLASSDEREF: case OP_LOAD_METHOD:
        return 1;
    case OP_POP_TOP: case OP_BINARY_SUBSCR: case OP_PRINT_EXPR: case OP_RETURN_VALUE:
    case OP_IMPORT_STAR: case OP_PREP_RERAISE_STAR: case OP_POP_EXCEPT: case OP_STORE_NAME:
    case OP_DELETE_ATTR: case OP_STORE_GLOBAL: case OP_COMPARE_OP: case OP_IMPORT_NAME:
    case OP_IS_OP: case OP_CONTAINS_OP: case OP_RERAISE: case OP_BINARY_OP: case OP_STORE_FAST:
    case OP_STORE_DEREF: case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
    case OP_SET_UPDATE: case OP_DICT_MERGE: case OP_DICT_UPDATE: case OP_CALL:
    case OP_POP_JUMP_FORWARD_IF_FALSE: case OP_POP_JUMP_FORWARD_IF_TRUE:
    case OP_POP_JUMP_FORWARD_IF_NONE: case OP_POP_JUMP_FORWARD_IF_NOT_NONE:
    case OP_POP_JUMP_BACKWARD_IF_FALSE: case OP_POP_JUMP_BACKWARD_IF_TRUE:
    case OP_POP_JUMP_BACKWARD_IF_NONE: case OP_POP_JUMP_BACKWARD_IF_NOT_NONE:
    case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
    case OP_POP_JUMP_IF_NOT_NONE:
        return -1;
    case OP_END_ASYNC_FOR: case OP_DELETE_SUBSCR: case OP_STORE_ATTR: case OP_MAP_ADD:
    case OP_MATCH_CLASS:
        return -2;
    case OP_STORE_SUBSCR:
        return -3;
    case OP_UNPACK_SEQUENCE:
        return arg - 1;
    case OP_UNPACK_EX:  // the counts before and after the starred target
        return (arg & 0xff) + (arg >> 8);
    case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET: case OP_BUILD_STRING:
        return 1 - arg;
    case OP_BUILD_MAP:
        return 1 - 2 * arg;
    case OP_BUILD_CONST_KEY_MAP: case OP_RAISE_VARARGS: case OP_PRECALL:
        return -arg;
    case OP_LOAD_GLOBAL:  // the low bit asks for a NULL below the global
        return (arg & 1) + 1;
    case OP_MAKE_FUNCTION:  // one item per flag: defaults, kwdefaults, annotations, closure
        return -((arg & 1) != 0) - ((arg & 2) != 0) - ((arg & 4) != 0) - ((arg & 8) != 0);
    case OP_BUILD_SLICE:
        return arg == 3 ? -2 : -1;
    case OP_CALL_FUNCTION_EX:
        return -2 - ((arg & 1) != 0);
    case OP_FORMAT_VALUE:
        return (arg & FVS_MASK) == FVS_HAVE_SPEC ? -1 : 0;
    case OP_FOR_ITER:  // exhausted: the iterator is popped; else the next item pushed
        return jump > 0 ? -1 : 1;
    case OP_SEND:
        return jump > 0 ? -1 : 0;
    case OP_JUMP_IF_TRUE_OR_POP: case OP_JUMP_IF_FALSE_OR_POP:
        return jump ? 0 : -1;
    case OP_SETUP_FINALLY: case OP_SETUP_WITH:  // the handler gets the exception
        return jump ? 1 : 0;
    case OP_SETUP_CLEANUP:  // the handler gets the last instruction and the exception
        return jump ? 2 : 0;
    default:
        return STACK_EFFECT_INVALID;
    }
}

// stack_effect(opcode, oparg=None, /, *, jump=None)
FN(opcode_stack_effect_fn) {
    static const char *const names[] = {"jump", NULL};
    ArgSpec spec = {"stack_effect", 2, names, 1, 2, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value opv = obj_index(a[0]);
    int64_t op;
    if (!opv) {
        return 0;
    }
    if (int_to_i64(opv, &op) < 0 || op > INT32_MAX || op < INT32_MIN) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    Value oparg = a[1] ? a[1] : VAL_NONE;
    int arg = 0;
    if (op >= OP_HAVE_ARGUMENT) {
        if (oparg == VAL_NONE) {
            return err_format(&exc_ValueError,
                              "stack_effect: opcode requires oparg but oparg was not specified");
        }
        // CPython truncates a C long to int here: oparg 2**32 + 5 is 5
        Value iv = obj_index(oparg);
        int64_t x;
        if (!iv || int_to_i64(iv, &x) < 0) {
            return 0;
        }
        arg = (int)(int32_t)(uint32_t)(uint64_t)x;
    } else if (oparg != VAL_NONE) {
        return err_format(&exc_ValueError,
                          "stack_effect: opcode does not permit oparg but oparg was specified");
    }
    int jump;
    Value j = a[2] ? a[2] : VAL_NONE;
    if (j == VAL_NONE) {
        jump = -1;
    } else if (j == VAL_TRUE) {
        jump = 1;
    } else if (j == VAL_FALSE) {
        jump = 0;
    } else {
        return err_format(&exc_ValueError, "stack_effect: jump must be False, True or None");
    }
    int effect = opcode_stack_effect((int)op, arg, jump);
    if (effect == STACK_EFFECT_INVALID) {
        return err_format(&exc_ValueError, "invalid opcode or oparg");
    }
    return int_from_i64(effect);
}

// Specialization statistics exist only in CPython builds with Py_STATS.
FN(opcode_get_specialization_stats) {
    if (method_check_args("_opcode.get_specialization_stats", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

static const MethodDef opcode_functions[] = {
    {"stack_effect", opcode_stack_effect_fn, METH_DEFAULT, "Compute the stack effect of the opcode."},
    {"get_specialization_stats", opcode_get_specialization_stats, METH_DEFAULT,
     "Return the specialization stats"},
    {NULL, NULL, 0, NULL},
};

Value opcode_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Value m = module_new_cstr("_opcode");
    if (!m || module_add_functions(m, opcode_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Opcode support module.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
