// symtablemodule.c - the `_symtable` module behind the stdlib's `symtable`.
//
//   symtable(source, filename, mode)   the symbol table of a module, as a
//                                      tree of "symtable entry" objects
//
// The table is the compiler's own (src/compile/symtable.c), built the way
// CPython's symtable() builds it: the __future__ prefix is read first, reads
// of __debug__ count as uses (SYMTABLE_UNOPTIMIZED), and the code
// generator's checks do not run. Its flag and scope numbers are CPython's,
// so an entry's `symbols` maps each name to flags | scope << SCOPE_OFF as
// CPython's does. The entries are made eagerly, once: the arena the table
// lives in is freed before symtable() returns.
#include <stdint.h>
#include <string.h>

#include "../compile/check.h"
#include "../compile/compile.h"
#include "../compile/symtable.h"
#include "../parse/parser.h"
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

// Where the scope sits in a symbol's value (CPython's SCOPE_OFFSET).
enum { ENTRY_SCOPE_OFF = 11, ENTRY_SCOPE_MASK = 0xf };

typedef struct SymtableEntryObject {
    Object header;
    Value id;        // int, unique among the entries of one table
    Value name;      // str: "top", the def/class name, "lambda", "listcomp"...
    Value type;      // int: 0 function, 1 class, 2 module
    Value lineno;    // int
    Value nested;    // int 0/1
    Value symbols;   // dict: name -> flags | scope << SCOPE_OFF
    Value varnames;  // list: the parameters
    Value children;  // list of entries
} SymtableEntryObject;

static void entry_trace(Object *o, GcTracer *t) {
    SymtableEntryObject *e = (SymtableEntryObject *)o;
    gc_trace_value(t, e->id);
    gc_trace_value(t, e->name);
    gc_trace_value(t, e->type);
    gc_trace_value(t, e->lineno);
    gc_trace_value(t, e->nested);
    gc_trace_value(t, e->symbols);
    gc_trace_value(t, e->varnames);
    gc_trace_value(t, e->children);
}

static Value entry_repr(Value self) {
    SymtableEntryObject *e = (SymtableEntryObject *)val_ptr(self);
    return str_format_c("<symtable entry %U(%R), line %R>", e->name, e->id, e->lineno);
}

#define ENTRY_MEMBER(field, doc) \
    {#field, MEMBER_VALUE_RO, offsetof(SymtableEntryObject, field), doc}

static const MemberDef entry_members[] = {
    ENTRY_MEMBER(id, NULL),
    ENTRY_MEMBER(name, NULL),
    ENTRY_MEMBER(symbols, NULL),
    ENTRY_MEMBER(varnames, NULL),
    ENTRY_MEMBER(children, NULL),
    ENTRY_MEMBER(nested, NULL),
    ENTRY_MEMBER(type, NULL),
    ENTRY_MEMBER(lineno, NULL),
    {NULL, 0, 0, NULL},
};

Type type_symtable_entry = {
    .header = {&type_type},
    .name = "symtable entry",
    .basic_size = sizeof(SymtableEntryObject),
    .trace = entry_trace,
    .repr = entry_repr,
    .members = entry_members,
};

// The entry of block b and, recursively, of its children. *next_id numbers
// the entries in the order CPython's walk creates them (parents first).
static Value entry_new(const SymBlock *b, int64_t *next_id) {
    SymtableEntryObject *e =
        (SymtableEntryObject *)gc_alloc(&type_symtable_entry, sizeof(SymtableEntryObject));
    if (!e) {
        return 0;
    }
    Value self = val_from_ptr(e);
    e->id = int_from_i64((*next_id)++);
    e->type = int_from_i64(b->kind);
    e->lineno = int_from_i64(b->lineno);
    e->nested = int_from_i64(b->nested);
    if (!(e->name = str_from_cstr(b->name)) || !(e->symbols = dict_new()) ||
        !(e->varnames = list_new(0)) || !(e->children = list_new(0))) {
        return 0;
    }
    for (int i = 0; i < b->nsyms; i++) {
        const Symbol *s = &b->syms[i];
        Value name = str_intern_cstr(s->name);
        Value v = int_from_i64((int64_t)s->flags | (int64_t)s->scope << ENTRY_SCOPE_OFF);
        if (!name || !v || dict_set(e->symbols, name, v) < 0) {
            return 0;
        }
    }
    for (int i = 0; i < b->nparams; i++) {
        Value name = str_intern_cstr(b->params[i]);
        if (!name || list_append(e->varnames, name) < 0) {
            return 0;
        }
    }
    for (int i = 0; i < b->nchildren; i++) {
        Value child = entry_new(b->children[i], next_id);
        if (!child || list_append(e->children, child) < 0) {
            return 0;
        }
    }
    return self;
}

// symtable(source, filename, startstr, /): CPython checks the arguments
// the old way, with its own messages.
static Value symtable_symtable(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_symtable.symtable", kwnames) < 0 ||
        args_check_positional("symtable", nargs, 3, 3) < 0) {
        return 0;
    }
    const Value *a = args;
    const char *text;
    size_t len;
    TokenizerMode tokmode;
    if (compile_source_arg(a[0], "symtable", &text, &len, &tokmode, "string or bytes object") <
        0) {
        return 0;
    }
    Value filename = compile_filename_arg(a[1]);
    if (!filename) {
        return 0;
    }
    if (!val_is_str(a[2])) {
        return err_format(&exc_TypeError, "symtable() argument 3 must be str, not %s",
                          obj_type_name(a[2]));
    }
    const char *start = str_obj(a[2])->data;
    ParseMode mode;
    if (strcmp(start, "exec") == 0) {
        mode = PARSE_FILE;
    } else if (strcmp(start, "eval") == 0) {
        mode = PARSE_EVAL;
    } else if (strcmp(start, "single") == 0) {
        mode = PARSE_SINGLE;
    } else {
        return err_format(&exc_ValueError, "symtable() arg 3 must be 'exec' or 'eval' or 'single'");
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Value result = 0;
    SymTable *st = NULL;
    int features, last_future;
    Node *mod = parse_source(&arena, text, len, tokmode, mode, &err);
    if (mod && future_parse(mod, &features, &last_future, &err) == 0) {
        st = symtable_build(&arena, mod, features | SYMTABLE_UNOPTIMIZED, &err);
    }
    if (!st) {
        compile_raise_syntax_error(&err, filename);
    } else {
        int64_t next_id = 1;
        result = entry_new(symtable_top(st), &next_id);
    }
    arena_free(&arena);
    return result;
}

static const MethodDef symtable_functions[] = {
    {"symtable", symtable_symtable, METH_DEFAULT,
     "Return symbol and scope dictionaries used internally by compiler."},
    {NULL, NULL, 0, NULL},
};

Value symtable_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_symtable_entry) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_symtable");
    if (!m || module_add_functions(m, symtable_functions) < 0) {
        return 0;
    }
    static const struct {
        const char *name;
        int value;
    } constants[] = {
        {"USE", SYM_USE},
        {"DEF_GLOBAL", SYM_DEF_GLOBAL},
        {"DEF_NONLOCAL", SYM_DEF_NONLOCAL},
        {"DEF_LOCAL", SYM_DEF_LOCAL},
        {"DEF_PARAM", SYM_DEF_PARAM},
        {"DEF_FREE", SYM_DEF_FREE},
        {"DEF_FREE_CLASS", SYM_DEF_FREE_CLASS},
        {"DEF_IMPORT", SYM_DEF_IMPORT},
        {"DEF_BOUND", SYM_DEF_BOUND},
        {"DEF_ANNOT", SYM_DEF_ANNOT},
        {"TYPE_FUNCTION", BLOCK_FUNCTION},
        {"TYPE_CLASS", BLOCK_CLASS},
        {"TYPE_MODULE", BLOCK_MODULE},
        {"LOCAL", SCOPE_LOCAL},
        {"GLOBAL_EXPLICIT", SCOPE_GLOBAL_EXPLICIT},
        {"GLOBAL_IMPLICIT", SCOPE_GLOBAL_IMPLICIT},
        {"FREE", SCOPE_FREE},
        {"CELL", SCOPE_CELL},
        {"SCOPE_OFF", ENTRY_SCOPE_OFF},
        {"SCOPE_MASK", ENTRY_SCOPE_MASK},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++) {
        if (module_add(m, constants[i].name, int_from_i64(constants[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
