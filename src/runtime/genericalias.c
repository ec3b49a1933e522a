// genericalias.c - the objects of typing syntax that the language itself
// makes: types.GenericAlias (`list[int]`, from the builtins'
// __class_getitem__) and types.UnionType (`int | None`, from type.__or__).
// Annotations are evaluated when a function is defined, so `def f(x: list[int]
// | None)` needs both at run time; the typing module builds on them.
//
// As CPython's genericaliasobject.c and unionobject.c: an alias forwards
// attribute access to its origin (except its own attributes), calls the
// origin, substitutes type variables (anything with __typing_subst__) through
// __getitem__, and refuses isinstance(); a union flattens and deduplicates its
// arguments, and isinstance()/issubclass() test against each of them.
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "gc.h"
#include "list.h"
#include "str.h"
#include "strbuf.h"
#include "tuple.h"
#include "type_internal.h"
#include "../vm/vm.h"

typedef struct GenericAliasObject {
    Object header;
    Value origin;
    Value args;         // tuple
    Value parameters;   // tuple, computed lazily (0 until then)
    int starred;        // *tuple[int]
} GenericAliasObject;

typedef struct UnionObject {
    Object header;
    Value args;         // tuple of the members, flattened and deduplicated
    Value parameters;   // 0 until computed
} UnionObject;

extern Type type_generic_alias, type_union;

static GenericAliasObject *ga(Value v) {
    return (GenericAliasObject *)val_ptr(v);
}

static UnionObject *un(Value v) {
    return (UnionObject *)val_ptr(v);
}

static int is_ga(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_generic_alias);
}

static int is_union(Value v) {
    return val_is_ptr(v) && type_of(v) == &type_union;
}

static Value name_of(const char *s) {
    return str_intern_cstr(s);
}

// ---- repr of the arguments ----------------------------------------------------------
// A class shows as its qualified name (without "builtins."), an alias as its
// repr, Ellipsis as "...", anything else as repr().
static int repr_item(StrBuf *sb, Value p) {
    if (p == VAL_ELLIPSIS) {
        sb_puts(sb, "...");
        return 0;
    }
    if (type_check(p) || is_ga(p)) {
        if (is_ga(p)) {
            return repr_append(sb, p);
        }
        Value qual = obj_getattr_opt(p, NAME(__qualname__));
        Value mod = qual ? obj_getattr_opt(p, NAME(__module__)) : 0;
        if (err_occurred()) {
            return -1;
        }
        if (qual && val_is_str(qual)) {
            if (mod && val_is_str(mod) && !str_equal(mod, NAME(builtins))) {
                sb_puts(sb, str_obj(mod)->data);
                sb_putc(sb, '.');
            }
            sb_puts(sb, str_obj(qual)->data);
            return 0;
        }
    }
    return repr_append(sb, p);
}

static Value finish(StrBuf *sb) {
    Value r = str_from_utf8(sb->data ? sb->data : "", sb->len);
    sb_free(sb);
    return r;
}

// ---- parameters: the type variables among the arguments -----------------------------
// As CPython, "type variable" means any non-class object with an attribute
// __typing_subst__ (TypeVar, ParamSpec, TypeVarTuple, and their unpacked
// forms), and the attributes are looked up on the object, not its type.

// obj.<name>, or 0 without an error when it has none; 0 with an error when
// the lookup failed otherwise.
static Value attr_opt(Value obj, const char *name) {
    Value key = name_of(name);
    return key ? obj_getattr_opt(obj, key) : 0;
}

static int add_unique(Value list, Value v) {
    ListObject *l = list_obj(list);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == v) {
            return 0;
        }
    }
    return list_append(list, v);
}

// Append the items of tuple t to list.
static int list_add_tuple(Value list, Value t) {
    for (size_t i = 0; i < tuple_obj(t)->len; i++) {
        if (list_append(list, tuple_obj(t)->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// CPython's _Py_make_parameters.
static Value make_parameters(Value args) {
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    TupleObject *a = tuple_obj(args);
    for (size_t i = 0; i < a->len; i++) {
        Value t = a->items[i];
        if (type_check(t)) {
            continue;
        }
        Value subst = attr_opt(t, "__typing_subst__");
        if (!subst && err_occurred()) {
            return 0;
        }
        if (subst) {
            if (add_unique(list, t) < 0) {
                return 0;
            }
            continue;
        }
        Value sub = attr_opt(t, "__parameters__");
        if (!sub && err_occurred()) {
            return 0;
        }
        if (sub && tuple_check(sub)) {
            for (size_t k = 0; k < tuple_obj(sub)->len; k++) {
                if (add_unique(list, tuple_obj(sub)->items[k]) < 0) {
                    return 0;
                }
            }
        }
    }
    return tuple_from_list(list);
}

// The index of v (by identity) in tuple t, or -1.
static int64_t tuple_index_of(Value t, Value v) {
    for (size_t i = 0; i < tuple_obj(t)->len; i++) {
        if (tuple_obj(t)->items[i] == v) {
            return (int64_t)i;
        }
    }
    return -1;
}

// The arguments of an unpacked tuple type (*tuple[int, str] -> (int, str)),
// or 0 (with an error if the lookup failed).
static Value unpacked_tuple_args(Value arg) {
    if (is_ga(arg) && ga(arg)->starred && ga(arg)->origin == val_from_ptr(&type_tuple)) {
        return ga(arg)->args;
    }
    Value r = attr_opt(arg, "__typing_unpacked_tuple_args__");
    return r == VAL_NONE ? 0 : r;
}

// The subscript as a tuple in which unpacked tuple types of fixed length are
// spliced in: (int, *tuple[str, bytes]) -> (int, str, bytes).
static Value unpack_args(Value item) {
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    int is_tuple = tuple_check(item);
    size_t n = is_tuple ? tuple_obj(item)->len : 1;
    for (size_t i = 0; i < n; i++) {
        Value a = is_tuple ? tuple_obj(item)->items[i] : item;
        if (!type_check(a)) {
            Value sub = unpacked_tuple_args(a);
            if (sub && tuple_check(sub) &&
                !(tuple_obj(sub)->len &&
                  tuple_obj(sub)->items[tuple_obj(sub)->len - 1] == VAL_ELLIPSIS)) {
                if (list_add_tuple(list, sub) < 0) {
                    return 0;
                }
                continue;
            }
            if (err_occurred()) {
                return 0;
            }
        }
        if (list_append(list, a) < 0) {
            return 0;
        }
    }
    return tuple_from_list(list);
}

// An argument that is not itself a type variable but may contain some
// (list[T], Callable[P, T]): subscripted with the values of its parameters
// (CPython's subs_tvars). A TypeVarTuple's value (a tuple) is spliced in.
static Value subs_tvars(Value obj, Value params, Value items) {
    Value subparams = attr_opt(obj, "__parameters__");
    if (!subparams) {
        return err_occurred() ? 0 : obj;
    }
    if (!tuple_check(subparams) || tuple_obj(subparams)->len == 0) {
        return obj;
    }
    Value subargs = list_new(0);
    if (!subargs) {
        return 0;
    }
    for (size_t i = 0; i < tuple_obj(subparams)->len; i++) {
        Value arg = tuple_obj(subparams)->items[i];
        int64_t k = tuple_index_of(params, arg);
        if (k >= 0) {
            Value param = tuple_obj(params)->items[k];
            arg = tuple_obj(items)->items[k];
            // a TypeVarTuple is the parameter kind that is iterable
            if (type_lookup(type_of(param), NAME(__iter__)) && tuple_check(arg)) {
                if (list_add_tuple(subargs, arg) < 0) {
                    return 0;
                }
                continue;
            }
        }
        if (list_append(subargs, arg) < 0) {
            return 0;
        }
    }
    Value t = tuple_from_list(subargs);
    return t ? obj_getitem(obj, t) : 0;
}

// Substitute `params` -> the subscript `item` in every argument (CPython's
// _Py_subs_parameters): each parameter's __typing_prepare_subst__ may first
// rewrite the subscript (a TypeVarTuple gathers its share into one tuple, a
// ParamSpec turns its share into a list), then a type variable is replaced
// by what its __typing_subst__ makes of its value (which checks it), an
// unpacked TypeVarTuple by the items of its value, and any other argument by
// itself subscripted with its parameters' values.
static Value subs_parameters(Value self, Value args, Value params, Value item) {
    TupleObject *p = tuple_obj(params);
    if (p->len == 0) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "%s is not a generic class", str_obj(r)->data) : 0;
    }
    item = unpack_args(item);
    if (!item) {
        return 0;
    }
    for (size_t i = 0; i < p->len; i++) {
        Value prepare = attr_opt(p->items[i], "__typing_prepare_subst__");
        if (!prepare) {
            if (err_occurred()) {
                return 0;
            }
            continue;
        }
        if (prepare == VAL_NONE) {
            continue;
        }
        Value call_args[2] = {self, item};
        if (!tuple_check(item) && !(call_args[1] = tuple_from(&item, 1))) {
            return 0;
        }
        item = obj_call(prepare, call_args, 2, 0);
        if (!item) {
            return 0;
        }
    }
    Value items = tuple_check(item) ? item : tuple_from(&item, 1);
    if (!items) {
        return 0;
    }
    TupleObject *it = tuple_obj(items);
    if (it->len != p->len) {
        Value r = obj_repr(self);
        return r ? err_format(&exc_TypeError, "Too %s arguments for %s; actual %zu, expected %zu",
                              it->len > p->len ? "many" : "few", str_obj(r)->data, it->len, p->len)
                 : 0;
    }
    Value out = list_new(0);
    if (!out) {
        return 0;
    }
    TupleObject *a = tuple_obj(args);
    for (size_t i = 0; i < a->len; i++) {
        Value arg = a->items[i];
        if (type_check(arg)) {
            if (list_append(out, arg) < 0) {
                return 0;
            }
            continue;
        }
        int unpack = 0;
        Value flag = attr_opt(arg, "__typing_is_unpacked_typevartuple__");
        if (flag && (unpack = obj_truthy(flag)) < 0) {
            return 0;
        }
        if (!flag && err_occurred()) {
            return 0;
        }
        Value subst = attr_opt(arg, "__typing_subst__");
        if (!subst && err_occurred()) {
            return 0;
        }
        if (subst) {
            int64_t k = tuple_index_of(params, arg);
            if (k < 0) {
                return err_format(&exc_SystemError, "type variable not among the parameters");
            }
            arg = obj_call(subst, &it->items[k], 1, 0);
        } else {
            arg = subs_tvars(arg, params, items);
        }
        if (!arg) {
            return 0;
        }
        if (unpack) {
            if (!tuple_check(arg)) {
                return err_format(&exc_TypeError, "an unpacked TypeVarTuple must be replaced by a tuple");
            }
            if (list_add_tuple(out, arg) < 0) {
                return 0;
            }
        } else if (list_append(out, arg) < 0) {
            return 0;
        }
    }
    return tuple_from_list(out);
}

// ---- GenericAlias ---------------------------------------------------------------------

static void ga_trace(Object *o, GcTracer *t) {
    GenericAliasObject *g = (GenericAliasObject *)o;
    gc_trace_value(t, g->origin);
    gc_trace_value(t, g->args);
    gc_trace_value(t, g->parameters);
}

// A GenericAlias of type t: types.GenericAlias or a subclass, whose
// instances are larger (their attributes follow the alias's fields).
static Value generic_alias_alloc(Type *t, Value origin, Value args) {
    if (!tuple_check(args)) {
        args = tuple_from(&args, 1);
        if (!args) {
            return 0;
        }
    }
    GenericAliasObject *g = (GenericAliasObject *)gc_alloc(t, t->basic_size);
    if (!g) {
        return 0;
    }
    g->origin = origin;
    g->args = args;
    return val_from_ptr(g);
}

Value generic_alias_new(Value origin, Value args) {
    return generic_alias_alloc(&type_generic_alias, origin, args);
}

static Value ga_tp_new(Value callable, const Value *args, size_t nargs, Value kwnames) {
    if (kwnames && tuple_obj(kwnames)->len) {
        return err_format(&exc_TypeError, "GenericAlias() takes no keyword arguments");
    }
    if (nargs != 2) {
        return err_format(&exc_TypeError, "GenericAlias expected 2 arguments, got %zu", nargs);
    }
    return generic_alias_alloc(type_ptr(callable), args[0], args[1]);
}

static Value ga_repr(Value self) {
    GenericAliasObject *g = ga(self);
    StrBuf sb;
    sb_init(&sb);
    if (g->starred) {
        sb_putc(&sb, '*');
    }
    if (repr_item(&sb, g->origin) < 0) {
        sb_free(&sb);
        return 0;
    }
    sb_putc(&sb, '[');
    TupleObject *a = tuple_obj(g->args);
    if (a->len == 0) {
        sb_puts(&sb, "()");
    }
    for (size_t i = 0; i < a->len; i++) {
        if (i) {
            sb_puts(&sb, ", ");
        }
        if (repr_item(&sb, a->items[i]) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    sb_putc(&sb, ']');
    return finish(&sb);
}

// Attributes the alias answers itself; everything else comes from the origin.
static const char *const ga_own_attrs[] = {
    "__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
    "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__",
    "__copy__", "__deepcopy__", NULL,
};

static Value ga_getattr(Value self, Value name) {
    if (val_is_str(name)) {
        for (int i = 0; ga_own_attrs[i]; i++) {
            if (strcmp(str_obj(name)->data, ga_own_attrs[i]) == 0) {
                return object_generic_getattr(self, name);
            }
        }
        return obj_getattr(ga(self)->origin, name);
    }
    return object_generic_getattr(self, name);
}

static Value ga_call(Value self, const Value *args, size_t nargs, Value kwnames) {
    Value obj = obj_call(ga(self)->origin, args, nargs, kwnames);
    if (!obj) {
        return 0;
    }
    static Value orig_class;
    if (!orig_class && !(orig_class = name_of("__orig_class__"))) {
        return 0;
    }
    if (obj_setattr(obj, orig_class, self) < 0) {
        if (!err_matches(&exc_AttributeError) && !err_matches(&exc_TypeError)) {
            return 0;
        }
        err_clear();
    }
    return obj;
}

static Value ga_parameters(Value self) {
    GenericAliasObject *g = ga(self);
    if (!g->parameters) {
        g->parameters = make_parameters(g->args);
    }
    return g->parameters;
}

static Value ga_getitem(Value self, Value item) {
    Value params = ga_parameters(self);
    if (!params) {
        return 0;
    }
    Value args = subs_parameters(self, ga(self)->args, params, item);
    if (!args) {
        return 0;
    }
    Value r = generic_alias_new(ga(self)->origin, args);
    if (r) {
        ga(r)->starred = ga(self)->starred;
    }
    return r;
}

static Value ga_richcompare(Value a, Value b, CompareOp op) {
    if (!is_ga(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    if (ga(a)->starred != ga(b)->starred) {
        return val_bool(op == CMP_NE);
    }
    int eq = obj_richcompare_bool(ga(a)->origin, ga(b)->origin, CMP_EQ);
    if (eq > 0) {
        eq = obj_richcompare_bool(ga(a)->args, ga(b)->args, CMP_EQ);
    }
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t ga_hash(Value self) {
    int64_t h0 = obj_hash(ga(self)->origin);
    if (h0 == -1) {
        return -1;
    }
    int64_t h1 = obj_hash(ga(self)->args);
    if (h1 == -1) {
        return -1;
    }
    int64_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static Value ga_m_mro_entries(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__mro_entries__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return tuple_from(&ga(self)->origin, 1);
}

static Value ga_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "isinstance() argument 2 cannot be a parameterized generic");
}

static Value ga_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "issubclass() argument 2 cannot be a parameterized generic");
}

static Value ga_m_dir(Value self, const Value *args, size_t nargs, Value kwnames) {
    // dir(origin): its type's __dir__ (a class's comes from its metaclass), sorted
    Value method = obj_lookup_special(ga(self)->origin, NAME(__dir__));
    if (!method) {
        return err_occurred() ? 0 : err_format(&exc_TypeError, "object does not provide __dir__");
    }
    Value d = obj_call(method, NULL, 0, 0);
    Value l = d ? list_from_iterable(d) : 0;
    if (!l || list_sort(l, 0, 0) < 0) {
        return 0;
    }
    for (int i = 0; l && ga_own_attrs[i]; i++) {
        Value n = name_of(ga_own_attrs[i]);
        int has = n ? obj_contains(l, n) : -1;
        if (has < 0 || (!has && list_append(l, n) < 0)) {
            return 0;
        }
    }
    return l;
}

// Pickling: GenericAlias(origin, args); a starred alias, which has no
// constructor argument for that, is rebuilt as next(iter(alias)).
static Value ga_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    GenericAliasObject *g = ga(self);
    if (g->starred) {
        Value plain = generic_alias_new(g->origin, g->args);
        Value it = plain ? obj_iter(plain) : 0;
        if (!it) {
            return 0;
        }
        Value next = vm_builtins ? dict_get_cstr(vm_builtins, "next") : 0;
        if (!next) {
            return err_occurred() ? 0 : err_format(&exc_AttributeError, "next");
        }
        Value call_args = tuple_from(&it, 1);
        Value items[2] = {next, call_args};
        return call_args ? tuple_from(items, 2) : 0;
    }
    Value ctor_args[2] = {g->origin, g->args};
    Value t = tuple_from(ctor_args, 2);
    Value items[2] = {val_from_ptr(type_of(self)), t};
    return t ? tuple_from(items, 2) : 0;
}

static Value ga_get_origin(Value self) { return ga(self)->origin; }
static Value ga_get_args(Value self) { return ga(self)->args; }
static Value ga_get_parameters(Value self) { return ga_parameters(self); }
static Value ga_get_unpacked(Value self) { return val_bool(ga(self)->starred); }

static Value ga_get_unpacked_tuple_args(Value self) {
    GenericAliasObject *g = ga(self);
    if (g->starred && g->origin == val_from_ptr(&type_tuple)) {
        return g->args;
    }
    return VAL_NONE;
}

// iter(tuple[int]) yields *tuple[int] once (PEP 646): a generic_alias_iterator
// holds the alias until then (0 after). It pickles as iter(alias), never as
// the starred alias (which itself pickles as next(iter(alias))).
typedef struct GaIterObject {
    Object header;
    Value alias;
} GaIterObject;

Type type_generic_alias_iterator;

static void ga_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((GaIterObject *)o)->alias);
}

static Value ga_iter(Value self) {
    GaIterObject *it = (GaIterObject *)gc_alloc(&type_generic_alias_iterator, sizeof(GaIterObject));
    if (!it) {
        return 0;
    }
    it->alias = self;
    return val_from_ptr(it);
}

static Value ga_iter_self(Value self) {
    return self;
}

static Value ga_iter_next(Value self) {
    GaIterObject *it = (GaIterObject *)val_ptr(self);
    if (!it->alias) {
        return 0;
    }
    Value starred = generic_alias_new(ga(it->alias)->origin, ga(it->alias)->args);
    if (!starred) {
        return 0;
    }
    ga(starred)->starred = 1;
    it->alias = 0;
    return starred;
}

static Value ga_iter_m_reduce(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__reduce__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value iter = vm_builtins ? dict_get_cstr(vm_builtins, "iter") : 0;
    if (!iter) {
        return err_occurred() ? 0 : err_format(&exc_AttributeError, "iter");
    }
    GaIterObject *it = (GaIterObject *)val_ptr(self);
    Value arg = it->alias ? it->alias : tuple_new(0);
    Value call_args = arg ? tuple_from(&arg, 1) : 0;
    return call_args ? tuple_pack2(iter, call_args) : 0;
}

static const MethodDef ga_iter_methods[] = {
    {"__reduce__", ga_iter_m_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_generic_alias_iterator = {
    .header = {&type_type},
    .name = "generic_alias_iterator",
    .basic_size = sizeof(GaIterObject),
    .base = &type_object,
    .trace = ga_iter_trace,
    .iter = ga_iter_self,
    .iternext = ga_iter_next,
    .methods = ga_iter_methods,
};

static Value union_or(Value a, Value b);

static const MethodDef ga_methods[] = {
    {"__mro_entries__", ga_m_mro_entries, METH_DEFAULT, NULL},
    {"__instancecheck__", ga_m_instancecheck, METH_DEFAULT, NULL},
    {"__subclasscheck__", ga_m_subclasscheck, METH_DEFAULT, NULL},
    {"__dir__", ga_m_dir, METH_DEFAULT, NULL},
    {"__reduce__", ga_m_reduce, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef ga_getset[] = {
    {"__origin__", ga_get_origin, NULL, NULL},
    {"__args__", ga_get_args, NULL, NULL},
    {"__parameters__", ga_get_parameters, NULL, "Type variables in the GenericAlias."},
    {"__unpacked__", ga_get_unpacked, NULL, NULL},
    {"__typing_unpacked_tuple_args__", ga_get_unpacked_tuple_args, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_generic_alias = {
    .header = {&type_type},
    .name = "types.GenericAlias",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(GenericAliasObject),
    .base = &type_object,
    .trace = ga_trace,
    .repr = ga_repr,
    .hash = ga_hash,
    .richcompare = ga_richcompare,
    .getattr = ga_getattr,
    .call = ga_call,
    .getitem = ga_getitem,
    .iter = ga_iter,
    .new_ = ga_tp_new,
    .binop = {[BINOP_OR] = union_or},
    .methods = ga_methods,
    .getset = ga_getset,
};

// The builtins' __class_getitem__: cls[args] is GenericAlias(cls, args).
static Value class_getitem(Value cls, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(cls, args[0]);
}

static const MethodDef class_getitem_def = {
    "__class_getitem__", class_getitem, METH_CLASS, "See PEP 585",
};

// ---- UnionType --------------------------------------------------------------------------

static void union_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((UnionObject *)o)->args);
    gc_trace_value(t, ((UnionObject *)o)->parameters);
}

static int is_unionable(Value v) {
    return v == VAL_NONE || type_check(v) || is_ga(v) || is_union(v);
}

// Append v's members (a union's arguments, None as NoneType) to list, once each.
static int union_collect(Value list, Value v) {
    if (is_union(v)) {
        TupleObject *a = tuple_obj(un(v)->args);
        for (size_t i = 0; i < a->len; i++) {
            if (union_collect(list, a->items[i]) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (v == VAL_NONE) {
        extern Type type_none;
        v = val_from_ptr(&type_none);
    }
    ListObject *l = list_obj(list);
    for (size_t i = 0; i < l->len; i++) {
        Value x = l->items[i];
        if (x == v) {
            return 0;
        }
        // Aliases compare by value (list[int] | list[int]).
        if (is_ga(x) && is_ga(v)) {
            int eq = obj_richcompare_bool(x, v, CMP_EQ);
            if (eq) {
                return eq < 0 ? -1 : 0;
            }
        }
    }
    return list_append(list, v);
}

static Value make_union(Value a, Value b) {
    Value list = list_new(0);
    if (!list || union_collect(list, a) < 0 || union_collect(list, b) < 0) {
        return 0;
    }
    ListObject *l = list_obj(list);
    if (l->len == 1) {
        return l->items[0];
    }
    Value args = tuple_from_list(list);
    UnionObject *u = args ? (UnionObject *)gc_alloc(&type_union, sizeof(UnionObject)) : NULL;
    if (!u) {
        return 0;
    }
    u->args = args;
    return val_from_ptr(u);
}

// type.__or__ / __ror__, and the same for aliases and unions.
static Value union_or(Value a, Value b) {
    if (!is_unionable(a) || !is_unionable(b)) {
        return VAL_NOTIMPLEMENTED;
    }
    return make_union(a, b);
}

Value type_or(Value a, Value b) {
    return union_or(a, b);
}

static Value union_repr(Value self) {
    StrBuf sb;
    sb_init(&sb);
    TupleObject *a = tuple_obj(un(self)->args);
    extern Type type_none;
    for (size_t i = 0; i < a->len; i++) {
        if (i) {
            sb_puts(&sb, " | ");
        }
        if (a->items[i] == val_from_ptr(&type_none)) {
            sb_puts(&sb, "None");
        } else if (repr_item(&sb, a->items[i]) < 0) {
            sb_free(&sb);
            return 0;
        }
    }
    return finish(&sb);
}

static Value union_richcompare(Value a, Value b, CompareOp op) {
    if (!is_union(b) || (op != CMP_EQ && op != CMP_NE)) {
        return VAL_NOTIMPLEMENTED;
    }
    extern Value frozenset_new(Value iterable);
    Value sa = frozenset_new(un(a)->args), sb = sa ? frozenset_new(un(b)->args) : 0;
    if (!sb) {
        return 0;
    }
    return obj_richcompare(sa, sb, op);
}

static int64_t union_hash(Value self) {
    extern Value frozenset_new(Value iterable);
    Value s = frozenset_new(un(self)->args);
    return s ? obj_hash(s) : -1;
}

// As CPython (for the typing module): an instance's __module__ is its type's.
static Value union_getattr(Value self, Value name) {
    if (val_is_str(name) && str_equal(name, NAME(__module__))) {
        return obj_getattr(val_from_ptr(type_of(self)), name);
    }
    return object_generic_getattr(self, name);
}

// isinstance(x, int | str): the members in order, as for a tuple (a
// parameterized alias among them raises when it is reached).
static Value union_check(Value self, Value arg, int subclass) {
    TupleObject *a = tuple_obj(un(self)->args);
    for (size_t i = 0; i < a->len; i++) {
        int r = subclass ? obj_issubclass(arg, a->items[i]) : obj_isinstance(arg, a->items[i]);
        if (r) {
            return r < 0 ? 0 : VAL_TRUE;
        }
    }
    return VAL_FALSE;
}

static Value union_m_instancecheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__instancecheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return union_check(self, args[0], 0);
}

static Value union_m_subclasscheck(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("__subclasscheck__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return union_check(self, args[0], 1);
}

static Value union_getitem(Value self, Value item) {
    UnionObject *u = un(self);
    if (!u->parameters && !(u->parameters = make_parameters(u->args))) {
        return 0;
    }
    Value args = subs_parameters(self, u->args, u->parameters, item);
    if (!args) {
        return 0;
    }
    TupleObject *a = tuple_obj(args);
    Value r = a->len ? a->items[0] : VAL_NONE;
    for (size_t i = 1; i < a->len && r; i++) {
        r = obj_binop(r, a->items[i], BINOP_OR);
    }
    return r;
}

static Value union_get_args(Value self) { return un(self)->args; }

static Value union_get_parameters(Value self) {
    UnionObject *u = un(self);
    if (!u->parameters) {
        u->parameters = make_parameters(u->args);
    }
    return u->parameters;
}

static const MethodDef union_methods[] = {
    {"__instancecheck__", union_m_instancecheck, METH_DEFAULT, NULL},
    {"__subclasscheck__", union_m_subclasscheck, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef union_getset[] = {
    {"__args__", union_get_args, NULL, NULL},
    {"__parameters__", union_get_parameters, NULL, "Type variables in the types.UnionType."},
    {NULL, NULL, NULL, NULL},
};

Type type_union = {
    .header = {&type_type},
    .name = "types.UnionType",
    .basic_size = sizeof(UnionObject),
    .base = &type_object,
    .trace = union_trace,
    .repr = union_repr,
    .hash = union_hash,
    .richcompare = union_richcompare,
    .getattr = union_getattr,
    .getitem = union_getitem,
    .binop = {[BINOP_OR] = union_or},
    .methods = union_methods,
    .getset = union_getset,
};

// ---- installing __class_getitem__ on the builtins -------------------------------------

int generic_alias_install(Type *const *types, size_t n) {
    Value name = name_of("__class_getitem__");
    if (!name) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        Value d = descr_new(&type_classmethod_descriptor, types[i], &class_getitem_def);
        if (!d || dict_set(types[i]->dict, name, d) < 0) {
            return -1;
        }
        type_modified(types[i]);
    }
    return 0;
}
