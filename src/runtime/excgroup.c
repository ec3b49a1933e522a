// excgroup.c - exception groups (PEP 654): BaseExceptionGroup and
// ExceptionGroup, and the two operations behind `except*`.
//
// A group is an exception holding a message and a non-empty tuple of
// exceptions, which may be groups again: a tree whose leaves are plain
// exceptions. Everything else is about cutting that tree.
//
// split(condition) walks the tree once and returns (match, rest): a node
// that satisfies the condition is kept whole, a leaf that does not goes to
// the rest, and a group that does not is rebuilt on each side from the
// parts of its children, through its own derive() (so subclasses choose the
// class of the parts). The rebuilt groups keep the original's __traceback__,
// __cause__, __context__ and a copy of __notes__: they stand for the same
// raise. A condition that matches the whole group returns the group itself;
// an empty side is None.
//
// `try: ... except* T:` runs every clause on the part of the exception that
// matches it (exc_group_match), collects what the clauses raised or
// re-raised, and then exc_group_prep_reraise decides what propagates. A
// bare `raise` in a clause re-raises that clause's part, which carries the
// original's traceback/cause/context unchanged - that is how a
// re-raise is told from a new exception. The re-raised leaves are put back
// in the shape of the original tree (a split of the original keeping exactly
// those leaves, compared by identity), and new exceptions become siblings
// of that tree in a new ExceptionGroup("", [...]).
//
// Behaviour and messages follow CPython 3.11 (Objects/exceptions.c and
// ceval.c's exception_group_match); 3.11 accepts only Python functions as
// split/subgroup predicates.
#include "excgroup.h"

#include <stdlib.h>

#include "abstract.h"
#include "dict.h"
#include "gc.h"
#include "genericalias.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/vm.h"

#define EG(v) ((ExceptionGroupObject *)val_ptr(v))
#define EXC(v) ((ExceptionObject *)val_ptr(v))

// Fields of exceptions may hold 0 for None; so do empty sides of a split.
static inline Value or_none(Value v) { return v ? v : VAL_NONE; }

static int is_exception(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_EXC_SUBCLASS);
}

static int is_exception_class(Value v) {
    return val_is_ptr(v) && (type_of(v)->flags & TYPE_TYPE_SUBCLASS) &&
           (((Type *)val_ptr(v))->flags & TYPE_EXC_SUBCLASS);
}

int exc_group_check(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &exc_BaseExceptionGroup);
}

// CPython's PySequence_Check: indexable, and not a mapping.
static int is_sequence(Value v) {
    Type *t = type_of(v);
    return t->getitem && !(t->flags & TYPE_DICT_SUBCLASS);
}


// ---- the object -------------------------------------------------------------------

void excgroup_trace(Object *o, GcTracer *t) {
    exc_BaseException.trace(o, t);
    ExceptionGroupObject *eg = (ExceptionGroupObject *)o;
    gc_trace_value(t, eg->msg);
    gc_trace_value(t, eg->excs);
}

// The exceptions of a group as a tuple; an instance made without
// BaseExceptionGroup.__new__ (BaseException.__new__(ExceptionGroup)) has
// none.
static TupleObject *eg_excs(Value eg) {
    static TupleObject empty = {{&type_tuple}, 0};
    Value excs = EG(eg)->excs;
    return tuple_check(excs) ? tuple_obj(excs) : &empty;
}

// BaseExceptionGroup.__new__(cls, message, exceptions). The class may change:
// BaseExceptionGroup(...) of Exceptions only is an ExceptionGroup.
// args stays (message, exceptions) as given; `exceptions` becomes a tuple.
Value excgroup_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    Type *cls = (Type *)val_ptr(callable);
    if (nargs != 2) {
        return err_format(&exc_TypeError,
                          "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
                          nargs);
    }
    Value message = args[0];
    if (!val_is_str(message)) {
        return err_format(&exc_TypeError,
                          "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
                          obj_type_name(message));
    }
    if (!is_sequence(args[1])) {
        return err_format(&exc_TypeError, "second argument (exceptions) must be a sequence");
    }
    Value excs = tuple_from_iterable(args[1]);
    if (!excs) {
        return 0;
    }
    TupleObject *t = tuple_obj(excs);
    if (t->len == 0) {
        return err_format(&exc_ValueError,
                          "second argument (exceptions) must be a non-empty sequence");
    }
    int nested_base_exceptions = 0;
    for (size_t i = 0; i < t->len; i++) {
        if (!is_exception(t->items[i])) {
            return err_format(&exc_ValueError,
                              "Item %zu of second argument (exceptions) is not an exception", i);
        }
        if (!type_is_subtype(type_of(t->items[i]), &exc_Exception)) {
            nested_base_exceptions = 1;
        }
    }
    if (cls == &exc_ExceptionGroup) {
        if (nested_base_exceptions) {
            return err_format(&exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (cls == &exc_BaseExceptionGroup) {
        if (!nested_base_exceptions) {
            cls = &exc_ExceptionGroup;
        }
    } else if (nested_base_exceptions && type_is_subtype(cls, &exc_Exception)) {
        return err_format(&exc_TypeError, "Cannot nest BaseExceptions in '%s'", cls->name);
    }
    Value self = exc_BaseException.new_(val_from_ptr(cls), args, nargs, 0);
    if (!self) {
        return 0;
    }
    EG(self)->msg = message;
    EG(self)->excs = excs;
    return self;
}

// BaseExceptionGroup(msg, excs): the class the interpreter and derive() use.
static Value eg_create(Value msg, Value excs) {
    Value args[2] = {msg, excs};
    return obj_call(val_from_ptr(&exc_BaseExceptionGroup), args, 2, 0);
}

// "msg (1 sub-exception)", "msg (3 sub-exceptions)"
Value excgroup_str(Value self) {
    size_t n = eg_excs(self)->len;
    return str_format_c("%S (%zu sub-exception%s)", EG(self)->msg, n, n > 1 ? "s" : "");
}

// ---- splitting ---------------------------------------------------------------------

typedef enum MatcherKind {
    MATCH_BY_TYPE,       // an exception class or a tuple of them
    MATCH_BY_PREDICATE,  // a function called with each node
    MATCH_LEAF_IDS,      // leaves whose identity is in a set (prep_reraise)
} MatcherKind;

// A set of exception identities: sorted addresses.
typedef struct LeafSet {
    const Object **items;
    size_t len, cap;
} LeafSet;

typedef struct Matcher {
    MatcherKind kind;
    Value value;            // the class, tuple or function
    const LeafSet *leaves;  // MATCH_LEAF_IDS
} Matcher;

// CPython's PyErr_GivenExceptionMatches: exc (an instance) against a class
// or a tuple (nested tuples allowed) of classes; anything else by identity.
static int given_exception_matches(Value exc, Value match) {
    if (tuple_check(match)) {
        TupleObject *t = tuple_obj(match);
        for (size_t i = 0; i < t->len; i++) {
            if (given_exception_matches(exc, t->items[i])) {
                return 1;
            }
        }
        return 0;
    }
    if (is_exception_class(match)) {
        return type_is_subtype(type_of(exc), (Type *)val_ptr(match));
    }
    return exc == match;
}

static int matcher_init(Matcher *m, Value value) {
    m->value = value;
    m->leaves = NULL;
    if (func_check(value)) {  // 3.11's PyFunction_Check: no methods, builtins, callables
        m->kind = MATCH_BY_PREDICATE;
        return 0;
    }
    m->kind = MATCH_BY_TYPE;
    if (is_exception_class(value)) {
        return 0;
    }
    if (tuple_check_exact(value)) {
        TupleObject *t = tuple_obj(value);
        size_t i = 0;
        while (i < t->len && is_exception_class(t->items[i])) {
            i++;
        }
        if (i == t->len) {
            return 0;
        }
    }
    err_format(&exc_TypeError, "expected a function, exception type or tuple of exception types");
    return -1;
}

static int cmp_ptr(const void *a, const void *b) {
    const Object *x = *(const Object *const *)a, *y = *(const Object *const *)b;
    return x < y ? -1 : x > y;
}

static int leafset_contains(const LeafSet *s, Value v) {
    const Object *key = val_ptr(v);
    return s->len && bsearch(&key, s->items, s->len, sizeof *s->items, cmp_ptr) != NULL;
}

// 1 if exc satisfies the matcher, 0 if not, -1 on error.
static int matcher_check(const Matcher *m, Value exc) {
    switch (m->kind) {
    case MATCH_BY_TYPE:
        return given_exception_matches(exc, m->value);
    case MATCH_BY_PREDICATE: {
        Value r = obj_call1(m->value, exc);
        return r ? obj_truthy(r) : -1;
    }
    case MATCH_LEAF_IDS:
        return !exc_group_check(exc) && leafset_contains(m->leaves, exc);
    }
    return 0;
}

// A part of `orig` made of `excs` (a list of some of its children, or of
// their parts): orig.derive(excs) with orig's traceback, cause, context and
// a copy of its notes. *result is 0 when excs is empty.
static int eg_subset(Value orig, Value excs, Value *result) {
    *result = 0;
    if (list_obj(excs)->len == 0) {
        return 0;
    }
    Value eg = obj_call_method(orig, "derive", &excs, 1);
    if (!eg) {
        return -1;
    }
    if (!exc_group_check(eg)) {
        err_format(&exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return -1;
    }
    ExceptionObject *from = EXC(orig), *to = EXC(eg);
    if (from->traceback) {
        to->traceback = from->traceback;
    }
    to->context = or_none(from->context);
    to->cause = or_none(from->cause);
    to->suppress_context = 1;
    Value name = str_intern_cstr("__notes__");
    Value notes = obj_getattr_opt(orig, name);
    if (!notes) {
        if (err_occurred()) {
            return -1;
        }
    } else if (is_sequence(notes)) {
        // a copy: the parts get notes lists of their own
        Value copy = list_from_iterable(notes);
        if (!copy || obj_setattr(eg, name, copy) < 0) {
            return -1;
        }
    }  // notes that are not a sequence are a user error reported elsewhere
    *result = eg;
    return 0;
}

// Split exc by m into *match and *rest (0 for an empty side; *rest is left
// 0 without construct_rest).
static int split_recursive(Value exc, const Matcher *m, int construct_rest, Value *match,
                           Value *rest) {
    *match = 0;
    *rest = 0;
    int is_match = matcher_check(m, exc);
    if (is_match < 0) {
        return -1;
    }
    if (is_match) {
        *match = exc;
        return 0;
    }
    if (!exc_group_check(exc)) {
        if (construct_rest) {
            *rest = exc;
        }
        return 0;
    }
    // a group that does not match as a whole: split its children (the walk
    // recurses on the C stack, as deep as the groups nest)
    Value match_list = list_new(0);
    Value rest_list = construct_rest ? list_new(0) : 0;
    if (!match_list || (construct_rest && !rest_list)) {
        return -1;
    }
    TupleObject *children = eg_excs(exc);
    for (size_t i = 0; i < children->len; i++) {
        Value cm, cr;
        if (vm_enter_call(" in exceptiongroup_split_recursive") < 0) {
            return -1;
        }
        int r = split_recursive(children->items[i], m, construct_rest, &cm, &cr);
        vm_leave_call();
        if (r < 0) {
            return -1;
        }
        if (cm && list_append(match_list, cm) < 0) {
            return -1;
        }
        if (cr && list_append(rest_list, cr) < 0) {
            return -1;
        }
    }
    if (eg_subset(exc, match_list, match) < 0) {
        return -1;
    }
    if (construct_rest && eg_subset(exc, rest_list, rest) < 0) {
        *match = 0;
        return -1;
    }
    return 0;
}

// 3.11 parses these arguments with PyArg_UnpackTuple: "split expected 1
// argument, got 2".
static int one_argument(const char *name, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        err_format(&exc_TypeError, "BaseExceptionGroup.%s() takes no keyword arguments", name);
        return -1;
    }
    if (nargs != 1) {
        err_format(&exc_TypeError, "%s expected 1 argument, got %zu", name, nargs);
        return -1;
    }
    return 0;
}

static Value eg_m_split(Value self, const Value *args, size_t nargs, Value kwnames) {
    Matcher m;
    Value match, rest;
    if (one_argument("split", nargs, kwnames) < 0 || matcher_init(&m, args[0]) < 0 ||
        split_recursive(self, &m, 1, &match, &rest) < 0) {
        return 0;
    }
    return tuple_pack2(or_none(match), or_none(rest));
}

static Value eg_m_subgroup(Value self, const Value *args, size_t nargs, Value kwnames) {
    Matcher m;
    Value match, rest;
    if (one_argument("subgroup", nargs, kwnames) < 0 || matcher_init(&m, args[0]) < 0 ||
        split_recursive(self, &m, 0, &match, &rest) < 0) {
        return 0;
    }
    return or_none(match);
}

// derive(excs): a group like this one (the same message) of other
// exceptions. BaseExceptionGroup always; subclasses override it.
static Value eg_m_derive(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "BaseExceptionGroup.derive() takes no keyword arguments");
    }
    if (nargs != 1) {
        return err_format(&exc_TypeError, "function takes exactly 1 argument (%zu given)", nargs);
    }
    return eg_create(EG(self)->msg, args[0]);
}

const MethodDef excgroup_methods[] = {
    {"derive", eg_m_derive, METH_DEFAULT, NULL},
    {"split", eg_m_split, METH_DEFAULT, NULL},
    {"subgroup", eg_m_subgroup, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

const MemberDef excgroup_members[] = {
    {"message", MEMBER_VALUE_RO, offsetof(ExceptionGroupObject, msg), "exception message"},
    {"exceptions", MEMBER_VALUE_RO, offsetof(ExceptionGroupObject, excs), "nested exceptions"},
    {NULL, 0, 0, NULL},
};

// ---- except* --------------------------------------------------------------------------

// The handler types of `except* T`: exception classes, and no groups (a
// clause sees parts of a group, never a group as a whole).
static int check_except_star_type(Value match_type) {
    int is_group = 0;
    if (tuple_check(match_type)) {
        TupleObject *t = tuple_obj(match_type);
        for (size_t i = 0; i < t->len; i++) {
            if (!is_exception_class(t->items[i])) {
                goto not_exception;
            }
            is_group |= type_is_subtype((Type *)val_ptr(t->items[i]), &exc_BaseExceptionGroup);
        }
    } else {
        if (!is_exception_class(match_type)) {
            goto not_exception;
        }
        is_group = type_is_subtype((Type *)val_ptr(match_type), &exc_BaseExceptionGroup);
    }
    if (is_group) {
        err_format(&exc_TypeError,
                   "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
    }
    return 0;
not_exception:
    err_format(&exc_TypeError,
               "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

int exc_group_match(Value exc_value, Value match_type, Value *match, Value *rest) {
    *match = 0;
    *rest = 0;
    if (check_except_star_type(match_type) < 0) {
        return -1;
    }
    if (exc_value == VAL_NONE) {
        *match = VAL_NONE;
        *rest = VAL_NONE;
        return 0;
    }
    if (given_exception_matches(exc_value, match_type)) {
        if (exc_group_check(exc_value)) {
            *match = exc_value;
        } else {
            // a naked exception: the clause sees it wrapped in a group
            // (3.11.2 leaves the wrapper's traceback None)
            Value excs = tuple_from(&exc_value, 1);
            Value msg = excs ? str_empty() : 0;
            *match = msg ? eg_create(msg, excs) : 0;
            if (!*match) {
                return -1;
            }
        }
        *rest = VAL_NONE;
        return 0;
    }
    if (exc_group_check(exc_value)) {
        Value pair = obj_call_method(exc_value, "split", &match_type, 1);
        if (!pair) {
            return -1;
        }
        if (!tuple_check(pair) || tuple_obj(pair)->len != 2) {
            err_format(&exc_TypeError, "%s.split() must return a tuple of 2 items, not %s",
                       obj_type_name(exc_value), obj_type_name(pair));
            return -1;
        }
        *match = tuple_obj(pair)->items[0];
        *rest = tuple_obj(pair)->items[1];
        return 0;
    }
    *match = VAL_NONE;
    *rest = exc_value;
    return 0;
}

// ---- what an except* statement re-raises ---------------------------------------------

static int leafset_add(LeafSet *s, const Object *o) {
    if (s->len == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 16;
        const Object **items = realloc(s->items, cap * sizeof *items);
        if (!items) {
            err_no_memory();
            return -1;
        }
        s->items = items;
        s->cap = cap;
    }
    s->items[s->len++] = o;
    return 0;
}

static int collect_leaves(Value exc, LeafSet *s) {
    if (exc == VAL_NONE) {
        return 0;
    }
    if (!exc_group_check(exc)) {
        return leafset_add(s, val_ptr(exc));
    }
    TupleObject *children = eg_excs(exc);
    for (size_t i = 0; i < children->len; i++) {
        if (vm_enter_call(" in collect_exception_group_leaf_ids") < 0) {
            return -1;
        }
        int r = collect_leaves(children->items[i], s);
        vm_leave_call();
        if (r < 0) {
            return -1;
        }
    }
    return 0;
}

// *result = the part of group `eg` whose leaves are leaves of the
// exceptions in the list `keep`, in eg's own structure (0 if none).
static int eg_projection(Value eg, Value keep, Value *result) {
    LeafSet leaves = {NULL, 0, 0};
    ListObject *k = list_obj(keep);
    for (size_t i = 0; i < k->len; i++) {
        if (collect_leaves(k->items[i], &leaves) < 0) {
            free(leaves.items);
            return -1;
        }
    }
    if (leaves.len) {
        qsort(leaves.items, leaves.len, sizeof *leaves.items, cmp_ptr);
    }
    Matcher m = {MATCH_LEAF_IDS, 0, &leaves};
    Value rest;
    int r = split_recursive(eg, &m, 0, result, &rest);
    free(leaves.items);
    return r;
}

// Whether e carries orig's traceback, cause and context: a part of orig
// re-raised by a bare `raise` (or orig itself). Notes are not compared: the
// parts have copies, and CPython 3.11 compares a notes field it never sets.
static int same_metadata(Value e, Value orig) {
    ExceptionObject *a = EXC(e), *b = EXC(orig);
    return or_none(a->traceback) == or_none(b->traceback) &&
           or_none(a->cause) == or_none(b->cause) && or_none(a->context) == or_none(b->context);
}

Value exc_group_prep_reraise(Value orig, Value raised_list) {
    if (!is_exception(orig)) {
        return err_format(&exc_TypeError, "orig must be an exception instance");
    }
    if (!list_check(raised_list)) {
        return err_format(&exc_TypeError, "excs must be a list of exception instances");
    }
    ListObject *l = list_obj(raised_list);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] != VAL_NONE && !is_exception(l->items[i])) {
            return err_format(&exc_TypeError, "item %zu of excs is not an exception", i);
        }
    }
    if (l->len == 0) {
        return VAL_NONE;
    }
    if (!exc_group_check(orig)) {
        // A naked exception was caught and wrapped: only one clause ran, so
        // there is at most one exception to raise, and it comes first.
        return l->items[0];
    }
    Value raised = list_new(0), reraised = list_new(0);
    if (!raised || !reraised) {
        return 0;
    }
    for (size_t i = 0; i < l->len; i++) {
        Value e = l->items[i];
        if (e != VAL_NONE && list_append(same_metadata(e, orig) ? reraised : raised, e) < 0) {
            return 0;
        }
    }
    Value reraised_eg;
    if (eg_projection(orig, reraised, &reraised_eg) < 0) {
        return 0;
    }
    if (list_obj(raised)->len == 0) {
        return or_none(reraised_eg);
    }
    if (reraised_eg && list_append(raised, reraised_eg) < 0) {
        return 0;
    }
    // 3.11 wraps even a single new exception (3.12 stopped doing that)
    Value msg = str_empty();
    return msg ? eg_create(msg, raised) : 0;
}

// ---- ExceptionGroup's two bases, and ExceptionGroup[E] ----------------------------------

int excgroup_ready(void) {
    Type *t = &exc_ExceptionGroup;
    Value bases[2] = {val_from_ptr(&exc_BaseExceptionGroup), val_from_ptr(&exc_Exception)};
    Value mro[5] = {val_from_ptr(t), bases[0], bases[1], val_from_ptr(&exc_BaseException),
                    val_from_ptr(&type_object)};
    Value b = tuple_from(bases, 2);
    Value m = b ? tuple_from(mro, 5) : 0;
    if (!m) {
        return -1;
    }
    t->bases = b;
    t->mro = m;
    // CPython makes ExceptionGroup with PyErr_NewException: a heap type
    // whose dict starts with __module__ and a __weakref__ descriptor, and
    // whose instances (unlike other exceptions') may be weakly referenced.
    t->flags |= TYPE_HAS_WEAKREF;
    Value dict = dict_new();
    Value weak = dict ? descr_new(&type_getset_descriptor, t, &class_weakref_getset) : 0;
    Value module = weak ? str_intern_cstr("builtins") : 0;
    if (!module || dict_set_cstr(dict, "__module__", module) < 0 ||
        dict_set_cstr(dict, "__weakref__", weak) < 0 || dict_update(dict, t->dict) < 0) {
        return -1;
    }
    t->dict = dict;
    type_modified(t);
    // ExceptionGroup[E] (PEP 585)
    return generic_alias_install_type(&exc_BaseExceptionGroup);
}
