// builtins.c - the builtins module: the builtin functions, and the names of
// the builtin types, exceptions and constants.
//
// Every function parses its arguments the way CPython 3.11's does, because
// the family of the TypeError message for a bad call depends on it (see
// runtime/args.h): METH_O functions say "len() takes exactly one argument
// (2 given)", positional-only ones "getattr expected at least 2 arguments,
// got 1", Argument Clinic ones "round() missing required argument 'number'
// (pos 1)".
//
// The functions that need the caller's frame (globals, locals, vars, dir,
// eval, exec, compile's inherited flags) ask vm_current_frame(): a builtin
// called from Python code runs without a frame of its own, so the innermost
// frame is its caller's.
//
// Not here yet, because their types do not exist: bytearray, memoryview,
// property, staticmethod, classmethod, super; breakpoint (pdb), help, exit,
// quit, copyright, credits and license (the site module adds the last six).
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules.h"
#include "../vm/import.h"
#include "stdstream.h"

#include "../compile/check.h"
#include "../compile/compile.h"
#include "astmodule.h"
#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytearray.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/memoryview.h"
#include "../runtime/complex.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/format.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/iterators.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/range.h"
#include "../runtime/set.h"
#include "../runtime/slice.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "../vm/vm.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value builtins_module;

static Value type_value(Type *t) {
    return val_from_ptr(t);
}

static int is_class(Value v) {
    return val_is_ptr(v) && type_is_subtype(type_of(v), &type_type);
}

// The special method `name` of v's type, bound to v; 0 without an
// exception when the type has none (CPython's _PyObject_LookupSpecial).
static Value lookup_special(Value v, const char *name) {
    Value key = str_intern_cstr(name);
    if (!key) {
        return 0;
    }
    Type *t = type_of(v);
    Value attr = type_lookup(t, key);
    if (!attr) {
        return 0;
    }
    DescrGetFunc get = type_of(attr)->descr_get;
    return get ? get(attr, v, val_from_ptr(t)) : attr;
}

// An attribute name argument: a str, else "attribute name must be string, not 'int'".
static int check_attr_name(Value name) {
    if (!val_is_str(name)) {
        err_format(&exc_TypeError, "attribute name must be string, not '%s'",
                   obj_type_name(name));
        return -1;
    }
    return 0;
}

// A C int argument (CPython's _PyLong_AsInt): OverflowError when it does not fit.
static int as_c_int(Value v, int *out) {
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t x;
    if (int_to_i64(i, &x) < 0 || x < -2147483648LL || x > 2147483647LL) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// ---- the caller's frame --------------------------------------------------------------

static Value frame_globals(void) {
    Frame *f = vm_current_frame();
    return f ? f->globals : 0;
}

static Value current_locals(void) {
    Frame *f = vm_current_frame();
    return f ? vm_frame_locals(f) : 0;
}

FN(bi_globals) {
    if (method_check_args("globals", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value g = frame_globals();
    return g ? g : VAL_NONE;
}

FN(bi_locals) {
    if (method_check_args("locals", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value l = current_locals();
    return l ? l : (err_occurred() ? 0 : VAL_NONE);
}

FN(bi_vars) {
    if (method_check_args("vars", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    if (nargs == 0) {
        Value l = current_locals();
        return l ? l : (err_occurred() ? 0 : VAL_NONE);
    }
    Value d = obj_getattr_opt(args[0], str_intern_cstr("__dict__"));
    if (!d && !err_occurred()) {
        return err_format(&exc_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}

// ---- dir ---------------------------------------------------------------------------------

// Add the keys of v.__dict__ (if it has one that is a dict) to the set-like dict `names`.
static int merge_dict_attr(Value names, Value v) {
    Value d = obj_getattr_opt(v, str_intern_cstr("__dict__"));
    if (!d) {
        return err_occurred() ? -1 : 0;
    }
    if (!dict_check(d)) {
        return 0;
    }
    return dict_merge(names, d, 1);
}

// The attributes of a class and its bases (CPython's merge_class_dict):
// the namespaces along the MRO of a type; __dict__ and __bases__ of other
// class-like objects.
static int merge_class_dict(Value names, Value cls) {
    if (is_class(cls)) {
        TupleObject *mro = tuple_obj(((Type *)val_ptr(cls))->mro);
        for (size_t i = 0; i < mro->len; i++) {
            Type *t = (Type *)val_ptr(mro->items[i]);
            if (t->dict && dict_merge(names, t->dict, 1) < 0) {
                return -1;
            }
        }
        return 0;
    }
    if (merge_dict_attr(names, cls) < 0) {
        return -1;
    }
    Value bases = obj_getattr_opt(cls, str_intern_cstr("__bases__"));
    if (!bases) {
        return err_occurred() ? -1 : 0;
    }
    if (!tuple_check(bases)) {
        return 0;
    }
    for (size_t i = 0; i < tuple_obj(bases)->len; i++) {
        if (merge_class_dict(names, tuple_obj(bases)->items[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// object.__dir__ and type.__dir__ for objects whose type has no __dir__.
static Value default_dir(Value v) {
    Value names = dict_new();
    if (!names) {
        return 0;
    }
    if (module_check(v)) {
        Value d = module_dict(v);
        if (dict_merge(names, d, 1) < 0) {
            return 0;
        }
    } else if (type_is_subtype(type_of(v), &type_type)) {
        if (merge_class_dict(names, v) < 0) {
            return 0;
        }
    } else {
        if (merge_dict_attr(names, v) < 0 ||
            merge_class_dict(names, val_from_ptr(type_of(v))) < 0) {
            return 0;
        }
    }
    return dict_keys(names);
}

FN(bi_dir) {
    if (args_no_keywords("dir", kwnames) < 0 || method_check_args("dir", nargs, 0, 0, 1) < 0) {
        return 0;
    }
    Value names;
    if (nargs == 0) {
        Value l = current_locals();
        if (!l) {
            return err_occurred() ? 0 : list_new(0);
        }
        Value keys = obj_call_method(l, "keys", NULL, 0);
        names = keys ? list_from_iterable(keys) : 0;
    } else {
        Value method = lookup_special(args[0], "__dir__");
        if (method) {
            Value r = obj_call0(method);
            names = r ? list_from_iterable(r) : 0;
        } else if (err_occurred()) {
            return 0;
        } else {
            names = default_dir(args[0]);
        }
    }
    if (!names || list_sort(names, 0, 0) < 0) {
        return 0;
    }
    return names;
}

// ---- numbers ---------------------------------------------------------------------------

FN(bi_abs) {
    if (method_check_args("abs", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return obj_abs(args[0]);
}

// The text of an int in base 2, 8 or 16 with CPython's prefix and sign.
static Value int_to_base(Value v, int bits) {
    static const char digits[] = "0123456789abcdef";
    const char *prefix = bits == 1 ? "0b" : bits == 3 ? "0o" : "0x";
    int negative;
    const uint64_t *limbs;
    size_t n;
    uint64_t small;
    if (val_is_smallint(v)) {
        int64_t x = val_smallint(v);
        negative = x < 0;
        small = negative ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        limbs = &small;
        n = small ? 1 : 0;
    } else if (v == VAL_TRUE || v == VAL_FALSE) {
        negative = 0;
        small = v == VAL_TRUE;
        limbs = &small;
        n = small;
    } else {
        IntObject *io = (IntObject *)val_ptr(v);
        negative = io->size < 0;
        n = (size_t)(io->size < 0 ? -io->size : io->size);
        limbs = io->limbs;
    }
    while (n > 0 && limbs[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        return str_format_c("%s0", prefix);
    }
    // Digits from the least significant end, then reversed.
    size_t total_bits = n * 64;
    size_t ndigits = (total_bits + (size_t)bits - 1) / (size_t)bits;
    char *buf = malloc(ndigits + 4);
    if (!buf) {
        return err_no_memory();
    }
    size_t len = 0;
    for (size_t pos = 0; pos < total_bits; pos += (size_t)bits) {
        size_t limb = pos / 64, off = pos % 64;
        uint64_t d = limbs[limb] >> off;
        if (off + (size_t)bits > 64 && limb + 1 < n) {
            d |= limbs[limb + 1] << (64 - off);
        }
        buf[len++] = digits[d & ((1u << bits) - 1)];
    }
    while (len > 1 && buf[len - 1] == '0') {
        len--;
    }
    StrBuf sb;
    sb_init(&sb);
    if (negative) {
        sb_putc(&sb, '-');
    }
    sb_puts(&sb, prefix);
    for (size_t i = len; i-- > 0;) {
        sb_putc(&sb, buf[i]);
    }
    free(buf);
    Value r = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return r;
}

static Value base_conversion(const char *name, const Value *args, size_t nargs, Value kwnames,
                             int bits) {
    if (method_check_args(name, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value i = obj_index(args[0]);
    return i ? int_to_base(i, bits) : 0;
}

FN(bi_bin) { return base_conversion("bin", args, nargs, kwnames, 1); }
FN(bi_oct) { return base_conversion("oct", args, nargs, kwnames, 3); }
FN(bi_hex) { return base_conversion("hex", args, nargs, kwnames, 4); }

// A float operand of divmod: its double, or -1 with OverflowError.
static int numeric_double(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        return 0;
    }
    return int_as_double(v, out);
}

// Call v's special method `name` with `other`: NotImplemented when v's
// type has none.
static Value call_binary_special(Value v, const char *name, Value other) {
    Value m = lookup_special(v, name);
    if (!m) {
        return err_occurred() ? 0 : VAL_NOTIMPLEMENTED;
    }
    return obj_call1(m, other);
}

FN(bi_divmod) {
    if (method_check_args("divmod", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    Value a = args[0], b = args[1];
    Type *ta = type_of(a), *tb = type_of(b);
    // The binary operator rule with the dunders (int and float have no
    // __divmod__ entries yet: their arithmetic follows below).
    int reflected_first = ta != tb && type_is_subtype(tb, ta);
    if (reflected_first) {
        Value r = call_binary_special(b, "__rdivmod__", a);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    Value r = call_binary_special(a, "__divmod__", b);
    if (r != VAL_NOTIMPLEMENTED) {
        return r;
    }
    if (ta != tb && !reflected_first) {
        r = call_binary_special(b, "__rdivmod__", a);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (int_check(a) && int_check(b)) {
        Value q, m;
        if (int_divmod(a, b, &q, &m) < 0) {
            return 0;
        }
        return tuple_pack2(q, m);
    }
    if ((float_check(a) || int_check(a)) && (float_check(b) || int_check(b))) {
        double x, y, q, m;
        if (numeric_double(a, &x) < 0 || numeric_double(b, &y) < 0) {
            return 0;
        }
        if (y == 0.0) {
            return err_format(&exc_ZeroDivisionError, "float divmod()");
        }
        float_divmod_doubles(x, y, &q, &m);
        Value fq = float_from_double(q), fm = float_from_double(m);
        return fq && fm ? tuple_pack2(fq, fm) : 0;
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'",
                      ta->name, tb->name);
}

static const char *const pow_names[] = {"base", "exp", "mod", NULL};
static const ArgSpec pow_spec = {"pow", 0, pow_names, 2, 3, 0};

FN(bi_pow) {
    Value a[3];
    if (args_unpack(&pow_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!a[2] || a[2] == VAL_NONE) {
        return obj_binop(a[0], a[1], BINOP_POW);
    }
    return obj_pow3(a[0], a[1], a[2]);
}

// int.__round__(ndigits) for ndigits < 0: round half to even at 10**-ndigits.
static Value int_round_negative(Value v, Value ndigits) {
    Value exponent = obj_neg(ndigits);
    Value p = exponent ? obj_binop(val_from_smallint(10), exponent, BINOP_POW) : 0;
    Value q, r;
    if (!p || int_divmod(v, p, &q, &r) < 0) {
        return 0;
    }
    Value twice = obj_binop(r, val_from_smallint(2), BINOP_MUL);
    if (!twice) {
        return 0;
    }
    int c = int_compare(twice, p);
    int odd = 0;
    if (c == 0) {
        Value low = obj_binop(q, val_from_smallint(1), BINOP_AND);
        if (!low) {
            return 0;
        }
        odd = low != val_from_smallint(0);
    }
    if (c > 0 || odd) {
        q = obj_binop(q, val_from_smallint(1), BINOP_ADD);
        if (!q) {
            return 0;
        }
    }
    return obj_binop(q, p, BINOP_MUL);
}

static Value int_round(Value v, Value ndigits) {
    if (!ndigits) {
        return int_exact(v);
    }
    Value n = obj_index(ndigits);
    if (!n) {
        return 0;
    }
    if (int_sign(n) >= 0) {
        return int_exact(v);
    }
    return int_round_negative(v, n);
}

// float.__round__() without ndigits: the nearest int, ties to even.
static Value float_round_int(double x) {
    double r = round(x);
    if (fabs(x - r) == 0.5) {
        r = 2.0 * round(x / 2.0);
    }
    return int_from_double(r);
}

// float.__round__(ndigits): x rounded to ndigits decimal places (ties to
// even on the exact binary value), as CPython's double_round computes it
// through correctly rounded decimal digits.
static Value float_round(double x, int64_t ndigits) {
    // Beyond these, x is already exact / rounds to zero (CPython's bounds).
    enum { NDIGITS_MAX = 323, NDIGITS_MIN = -308 };
    if (ndigits > NDIGITS_MAX || x == 0.0 || !isfinite(x)) {
        return float_from_double(x);
    }
    if (ndigits < NDIGITS_MIN) {
        return float_from_double(0.0 * x);
    }
    double result;
    if (ndigits >= 0) {
        // glibc's printf rounds the exact binary value, ties to even.
        char buf[720];
        snprintf(buf, sizeof buf, "%.*f", (int)ndigits, x);
        result = strtod(buf, NULL);
    } else {
        // Round |x| / 10**m to an integer, ties to even, using the integer
        // part exactly and the fraction only to break ties.
        double whole = trunc(fabs(x));
        int fraction = fabs(x) != whole;
        Value n = int_from_double(whole);
        Value p = n ? obj_binop(val_from_smallint(10), int_from_i64(-ndigits), BINOP_POW) : 0;
        Value q, r;
        if (!p || int_divmod(n, p, &q, &r) < 0) {
            return 0;
        }
        Value twice = obj_binop(r, val_from_smallint(2), BINOP_MUL);
        if (!twice) {
            return 0;
        }
        int c = int_compare(twice, p);
        int up = c > 0;
        if (c == 0) {
            Value low = obj_binop(q, val_from_smallint(1), BINOP_AND);
            if (!low) {
                return 0;
            }
            up = fraction || low != val_from_smallint(0);
        }
        if (up && !(q = obj_binop(q, val_from_smallint(1), BINOP_ADD))) {
            return 0;
        }
        Value rounded = obj_binop(q, p, BINOP_MUL);
        if (!rounded) {
            return 0;
        }
        int overflow;
        result = int_to_double(rounded, &overflow);
        result = copysign(result, x);
    }
    if (!isfinite(result)) {
        return err_format(&exc_OverflowError, "rounded value too large to represent");
    }
    return float_from_double(result);
}

static const char *const round_names[] = {"number", "ndigits", NULL};
static const ArgSpec round_spec = {"round", 0, round_names, 1, 2, 0};

FN(bi_round) {
    Value a[2];
    if (args_unpack(&round_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value number = a[0], ndigits = a[1] == VAL_NONE ? 0 : a[1];
    Value method = lookup_special(number, "__round__");
    if (method) {
        return ndigits ? obj_call1(method, ndigits) : obj_call0(method);
    }
    if (err_occurred()) {
        return 0;
    }
    if (int_check(number)) {
        return int_round(number, ndigits);
    }
    if (float_check(number)) {
        double x = float_value(number);
        if (!ndigits) {
            return float_round_int(x);
        }
        int64_t n;
        if (obj_as_index(ndigits, &n, 1) < 0) {
            return 0;
        }
        return float_round(x, n);
    }
    return err_format(&exc_TypeError, "type %s doesn't define __round__ method",
                      obj_type_name(number));
}

static const char *const sum_names[] = {"start", NULL};
static const ArgSpec sum_spec = {"sum", 1, sum_names, 1, 2, 0};

// sum(iterable, /, start=0): CPython 3.11's order of additions, with its
// fast paths (exact ints added in C until they overflow; floats added as
// doubles, ints converted when they fit) and the generic + for the rest.
FN(bi_sum) {
    Value a[2];
    if (args_unpack(&sum_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value result = a[1] ? a[1] : val_from_smallint(0);
    if (val_is_str(result)) {
        return err_format(&exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (val_is_bytes(result)) {
        return err_format(&exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (bytearray_check(result)) {
        return err_format(&exc_TypeError,
                          "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    Value it = obj_iter(a[0]);
    if (!it) {
        return 0;
    }
    // Exact ints (and bools) while the total fits a small int; the first
    // item that does not fit is added to the total the general way.
    if (val_is_smallint(result)) {
        int64_t acc = val_smallint(result);
        for (;;) {
            Value item = obj_next(it);
            if (!item) {
                return err_occurred() ? 0 : int_from_i64(acc);
            }
            int64_t x = -1, s;
            int is_int = val_is_smallint(item) || item == VAL_TRUE || item == VAL_FALSE;
            if (is_int) {
                x = val_is_smallint(item) ? val_smallint(item) : item == VAL_TRUE;
            }
            if (is_int && !__builtin_add_overflow(acc, x, &s) && smallint_fits(s)) {
                acc = s;
                continue;
            }
            result = obj_binop(int_from_i64(acc), item, BINOP_ADD);
            if (!result) {
                return 0;
            }
            break;
        }
    }
    // Exact floats, adding exact floats and ints that fit 64 bits as doubles.
    if (val_is_flonum(result) || type_of(result) == &type_float) {
        double acc = float_value(result);
        for (;;) {
            Value item = obj_next(it);
            if (!item) {
                return err_occurred() ? 0 : float_from_double(acc);
            }
            if (val_is_flonum(item) || type_of(item) == &type_float) {
                acc += float_value(item);
                continue;
            }
            if (int_check(item)) {
                int64_t x;
                if (int_to_i64(item, &x) == 0) {
                    acc += (double)x;
                    continue;
                }
                err_clear();
            }
            Value total = float_from_double(acc);
            result = total ? obj_binop(total, item, BINOP_ADD) : 0;
            if (!result) {
                return 0;
            }
            break;
        }
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : result;
        }
        result = obj_binop(result, item, BINOP_ADD);
        if (!result) {
            return 0;
        }
    }
}

// ---- min and max -----------------------------------------------------------------------

static const char *const minmax_names[] = {"key", "default", NULL};

static Value min_max(const char *name, const Value *args, size_t nargs, Value kwnames,
                     CompareOp op) {
    if (nargs == 0) {
        return err_format(&exc_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    Value kw[2] = {0, 0};
    if (args_kwonly(name, args + nargs, kwnames, minmax_names, 1, kw) < 0) {
        return 0;
    }
    Value key = kw[0] == VAL_NONE ? 0 : kw[0], dflt = kw[1];
    if (dflt && nargs > 1) {
        return err_format(&exc_TypeError,
                          "Cannot specify a default for %s() with multiple positional arguments",
                          name);
    }
    Value it = nargs > 1 ? obj_iter(tuple_from(args, nargs)) : obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    Value best = 0, best_key = 0;
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            if (err_occurred()) {
                return 0;
            }
            break;
        }
        Value k = key ? obj_call1(key, item) : item;
        if (!k) {
            return 0;
        }
        if (!best) {
            best = item;
            best_key = k;
            continue;
        }
        int c = obj_richcompare_bool(k, best_key, op);
        if (c < 0) {
            return 0;
        }
        if (c) {
            best = item;
            best_key = k;
        }
    }
    if (!best) {
        if (dflt) {
            return dflt;
        }
        return err_format(&exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

FN(bi_min) { return min_max("min", args, nargs, kwnames, CMP_LT); }
FN(bi_max) { return min_max("max", args, nargs, kwnames, CMP_GT); }

// ---- iteration ----------------------------------------------------------------------------

FN(bi_all) {
    if (method_check_args("all", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : VAL_TRUE;
        }
        int t = obj_truthy(item);
        if (t <= 0) {
            return t < 0 ? 0 : VAL_FALSE;
        }
    }
}

FN(bi_any) {
    if (method_check_args("any", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value it = obj_iter(args[0]);
    if (!it) {
        return 0;
    }
    for (;;) {
        Value item = obj_next(it);
        if (!item) {
            return err_occurred() ? 0 : VAL_FALSE;
        }
        int t = obj_truthy(item);
        if (t != 0) {
            return t < 0 ? 0 : VAL_TRUE;
        }
    }
}

FN(bi_iter) {
    if (args_no_keywords("iter", kwnames) < 0 || method_check_args("iter", nargs, 0, 1, 2) < 0) {
        return 0;
    }
    if (nargs == 1) {
        return obj_iter(args[0]);
    }
    if (!type_of(args[0])->call) {
        return err_format(&exc_TypeError, "iter(v, w): v must be callable");
    }
    return callable_iterator_new(args[0], args[1]);
}

FN(bi_next) {
    if (args_no_keywords("next", kwnames) < 0 || method_check_args("next", nargs, 0, 1, 2) < 0) {
        return 0;
    }
    Type *t = type_of(args[0]);
    if (!t->iternext) {
        return err_format(&exc_TypeError, "'%s' object is not an iterator", t->name);
    }
    // A class's __next__ is called directly: its StopIteration, value
    // included, must reach the caller (the iternext slot drops it).
    Value r;
    Value method = (t->flags & TYPE_HEAP) ? lookup_special(args[0], "__next__") : 0;
    if (method) {
        r = obj_call0(method);
    } else if (err_occurred()) {
        return 0;
    } else {
        r = t->iternext(args[0]);
    }
    if (r) {
        return r;
    }
    if (nargs == 2) {
        if (err_occurred()) {
            if (!err_matches(&exc_StopIteration)) {
                return 0;
            }
            err_clear();
        }
        return args[1];
    }
    if (!err_occurred()) {
        err_set_value(val_from_ptr(&exc_StopIteration));
    }
    return 0;
}

FN(bi_aiter) {
    if (method_check_args("aiter", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value method = lookup_special(args[0], "__aiter__");
    if (!method) {
        return err_occurred() ? 0
                              : err_format(&exc_TypeError, "'%s' object is not an async iterable",
                                           obj_type_name(args[0]));
    }
    Value it = obj_call0(method);
    if (!it) {
        return 0;
    }
    Value probe = type_lookup(type_of(it), str_intern_cstr("__anext__"));
    if (!probe) {
        return err_occurred() ? 0
                              : err_format(&exc_TypeError,
                                           "aiter() returned not an async iterator of type '%s'",
                                           obj_type_name(it));
    }
    return it;
}

FN(bi_anext) {
    if (args_no_keywords("anext", kwnames) < 0 ||
        method_check_args("anext", nargs, 0, 1, 2) < 0) {
        return 0;
    }
    Value method = lookup_special(args[0], "__anext__");
    if (!method) {
        return err_occurred() ? 0
                              : err_format(&exc_TypeError, "'%s' object is not an async iterator",
                                           obj_type_name(args[0]));
    }
    if (nargs == 2) {
        return err_format(&exc_NotImplementedError, "anext() with a default value");
    }
    return obj_call0(method);
}

FN(bi_len) {
    if (method_check_args("len", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t n = obj_len(args[0]);
    return n < 0 ? 0 : int_from_i64(n);
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, sorted by
// list.sort (whose keyword errors name sort()).
FN(bi_sorted) {
    if (args_check_positional("sorted", nargs, 1, 1) < 0) {
        return 0;
    }
    Value l = list_from_iterable(args[0]);
    if (!l) {
        return 0;
    }
    if (!list_m_sort(l, args + 1, 0, kwnames)) {
        return 0;
    }
    return l;
}

// ---- objects ---------------------------------------------------------------------------

FN(bi_callable) {
    if (method_check_args("callable", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return val_bool(type_of(args[0])->call != NULL);
}

FN(bi_hash) {
    if (method_check_args("hash", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t h = obj_hash(args[0]);
    return h == -1 ? 0 : int_from_i64(h);
}

// id(): a heap object's address; an immediate's bits (odd for small ints,
// ...10 for flonums), which no address can equal.
FN(bi_id) {
    if (method_check_args("id", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return int_from_u64(args[0]);
}

FN(bi_repr) {
    if (method_check_args("repr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return obj_repr(args[0]);
}

// repr() with every non-ASCII code point escaped (\xNN, \uNNNN, \UNNNNNNNN).
static Value ascii_of(Value v) {
    Value r = obj_repr(v);
    if (!r) {
        return 0;
    }
    StrObject *s = str_obj(r);
    if (s->flags & STR_ASCII) {
        return r;
    }
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < s->nbytes;) {
        uint32_t cp;
        int n = utf8_decode(s->data + i, s->nbytes - i, &cp, 1);
        if (n <= 0) {
            cp = (unsigned char)s->data[i];
            n = 1;
        }
        if (cp < 0x80) {
            sb_putc(&sb, (char)cp);
        } else if (cp < 0x100) {
            sb_printf(&sb, "\\x%02x", (unsigned)cp);
        } else if (cp < 0x10000) {
            sb_printf(&sb, "\\u%04x", (unsigned)cp);
        } else {
            sb_printf(&sb, "\\U%08x", (unsigned)cp);
        }
        i += (size_t)n;
    }
    Value out = str_from_utf8(sb.data, sb.len);
    sb_free(&sb);
    return out;
}

FN(bi_ascii) {
    if (method_check_args("ascii", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return ascii_of(args[0]);
}

FN(bi_format) {
    if (args_no_keywords("format", kwnames) < 0 ||
        method_check_args("format", nargs, 0, 1, 2) < 0) {
        return 0;
    }
    Value spec = nargs > 1 ? args[1] : str_empty();
    if (!val_is_str(spec)) {
        return err_format(&exc_TypeError, "format() argument 2 must be str, not %s",
                          spec == VAL_NONE ? "None" : obj_type_name(spec));
    }
    return obj_format(args[0], spec);
}

FN(bi_chr) {
    if (method_check_args("chr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int i;
    if (as_c_int(args[0], &i) < 0) {
        return 0;
    }
    if (i < 0 || i > 0x10FFFF) {
        return err_format(&exc_ValueError, "chr() arg not in range(0x110000)");
    }
    return str_char((uint32_t)i);
}

FN(bi_ord) {
    if (method_check_args("ord", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value c = args[0];
    if (val_is_str(c)) {
        if (str_len(c) != 1) {
            return err_format(&exc_TypeError,
                              "ord() expected a character, but string of length %zu found",
                              str_len(c));
        }
        return val_from_smallint(str_getitem_cp(c, 0));
    }
    if (val_is_bytes(c)) {
        if (bytes_len(c) != 1) {
            return err_format(&exc_TypeError,
                              "ord() expected a character, but string of length %zu found",
                              bytes_len(c));
        }
        return val_from_smallint((unsigned char)bytes_data(c)[0]);
    }
    if (bytearray_check(c)) {
        ByteArrayObject *b = bytearray_obj(c);
        if (b->len != 1) {
            return err_format(&exc_TypeError,
                              "ord() expected a character, but string of length %zu found",
                              b->len);
        }
        return val_from_smallint((unsigned char)b->data[0]);
    }
    return err_format(&exc_TypeError, "ord() expected string of length 1, but %s found",
                      obj_type_name(c));
}

// ---- attributes ----------------------------------------------------------------------------

FN(bi_getattr) {
    if (args_no_keywords("getattr", kwnames) < 0 ||
        method_check_args("getattr", nargs, 0, 2, 3) < 0 || check_attr_name(args[1]) < 0) {
        return 0;
    }
    if (nargs == 2) {
        return obj_getattr(args[0], args[1]);
    }
    Value v = obj_getattr_opt(args[0], args[1]);
    return v ? v : (err_occurred() ? 0 : args[2]);
}

FN(bi_hasattr) {
    if (args_no_keywords("hasattr", kwnames) < 0 ||
        method_check_args("hasattr", nargs, 0, 2, 2) < 0 || check_attr_name(args[1]) < 0) {
        return 0;
    }
    int r = obj_hasattr(args[0], args[1]);
    return r < 0 ? 0 : val_bool(r);
}

FN(bi_setattr) {
    if (args_no_keywords("setattr", kwnames) < 0 ||
        method_check_args("setattr", nargs, 0, 3, 3) < 0 || check_attr_name(args[1]) < 0) {
        return 0;
    }
    Value name = type_of(args[1]) == &type_str ? str_intern(args[1]) : args[1];
    if (!name || obj_setattr(args[0], name, args[2]) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(bi_delattr) {
    if (args_no_keywords("delattr", kwnames) < 0 ||
        method_check_args("delattr", nargs, 0, 2, 2) < 0 || check_attr_name(args[1]) < 0) {
        return 0;
    }
    Value name = type_of(args[1]) == &type_str ? str_intern(args[1]) : args[1];
    if (!name || obj_setattr(args[0], name, 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// ---- isinstance and issubclass --------------------------------------------------------------

FN(bi_isinstance) {
    if (args_no_keywords("isinstance", kwnames) < 0 ||
        method_check_args("isinstance", nargs, 0, 2, 2) < 0) {
        return 0;
    }
    int r = obj_isinstance(args[0], args[1]);
    return r < 0 ? 0 : val_bool(r);
}

FN(bi_issubclass) {
    if (args_no_keywords("issubclass", kwnames) < 0 ||
        method_check_args("issubclass", nargs, 0, 2, 2) < 0) {
        return 0;
    }
    int r = obj_issubclass(args[0], args[1]);  // __subclasscheck__, unions, class-likes
    return r < 0 ? 0 : val_bool(r);
}

// ---- print and input ---------------------------------------------------------------------

// file.write(text), straight to the C stream when it is one.
static int file_write(Value file, Value text) {
    if (type_of(file) == &type_stdstream) {
        return stdstream_write(file, text) ? 0 : -1;
    }
    if (type_of(file) == &type_textiowrapper) {
        return textio_write_text(file, text) ? 0 : -1;
    }
    Value r = obj_call_method(file, "write", &text, 1);
    return r ? 0 : -1;
}

static const char *const print_names[] = {"sep", "end", "file", "flush", NULL};

FN(bi_print) {
    Value kw[4] = {0, 0, 0, 0};
    if (args_kwonly("print", args + nargs, kwnames, print_names, 0, kw) < 0) {
        return 0;
    }
    Value sep = kw[0], end = kw[1], file = kw[2], flush = kw[3];
    if (!file || file == VAL_NONE) {
        file = sys_get_object("stdout");
        if (!file) {
            return err_format(&exc_RuntimeError, "lost sys.stdout");
        }
        if (file == VAL_NONE) {
            return VAL_NONE;
        }
    }
    if (sep == VAL_NONE) {
        sep = 0;
    } else if (sep && !val_is_str(sep)) {
        return err_format(&exc_TypeError, "sep must be None or a string, not %s",
                          obj_type_name(sep));
    }
    if (end == VAL_NONE) {
        end = 0;
    } else if (end && !val_is_str(end)) {
        return err_format(&exc_TypeError, "end must be None or a string, not %s",
                          obj_type_name(end));
    }
    for (size_t i = 0; i < nargs; i++) {
        if (i > 0 && file_write(file, sep ? sep : str_intern_cstr(" ")) < 0) {
            return 0;
        }
        Value s = obj_str(args[i]);
        if (!s || file_write(file, s) < 0) {
            return 0;
        }
    }
    if (file_write(file, end ? end : str_intern_cstr("\n")) < 0) {
        return 0;
    }
    if (flush) {
        int f = obj_truthy(flush);
        if (f < 0 || (f && !obj_call_method(file, "flush", NULL, 0))) {
            return 0;
        }
    }
    return VAL_NONE;
}

// Call stream.flush(), ignoring errors (input() does so).
static void flush_quietly(Value stream) {
    if (stream && stream != VAL_NONE && !obj_call_method(stream, "flush", NULL, 0)) {
        err_clear();
    }
}

FN(bi_input) {
    if (args_no_keywords("input", kwnames) < 0 ||
        method_check_args("input", nargs, 0, 0, 1) < 0) {
        return 0;
    }
    Value fin = sys_get_object("stdin");
    Value fout = sys_get_object("stdout");
    Value ferr = sys_get_object("stderr");
    if (!fin || fin == VAL_NONE) {
        return err_format(&exc_RuntimeError, "input(): lost sys.stdin");
    }
    if (!fout || fout == VAL_NONE) {
        return err_format(&exc_RuntimeError, "input(): lost sys.stdout");
    }
    if (!ferr || ferr == VAL_NONE) {
        return err_format(&exc_RuntimeError, "input(): lost sys.stderr");
    }
    flush_quietly(ferr);
    if (nargs == 1) {
        Value prompt = obj_str(args[0]);
        if (!prompt || file_write(fout, prompt) < 0) {
            return 0;
        }
    }
    flush_quietly(fout);
    Value line = obj_call_method(fin, "readline", NULL, 0);
    if (!line) {
        return 0;
    }
    if (!val_is_str(line)) {
        return err_format(&exc_TypeError, "object.readline() returned non-string");
    }
    size_t n = str_len(line);
    if (n == 0) {
        return err_format(&exc_EOFError, "EOF when reading a line");
    }
    if (str_getitem_cp(line, n - 1) == '\n') {
        return str_slice(line, 0, (int64_t)n - 1, 1);
    }
    return line;
}

// breakpoint(*args, **kws): sys.breakpointhook(*args, **kws).
FN(bi_breakpoint) {
    Value hook = sys_get_object("breakpointhook");
    if (!hook) {
        return err_format(&exc_RuntimeError, "lost sys.breakpointhook");
    }
    return obj_call(hook, args, nargs, kwnames);
}

// ---- compile, exec, eval -------------------------------------------------------------------

// The compiler flags compile() accepts (CPython's PyCF_MASK,
// PyCF_MASK_OBSOLETE and PyCF_COMPILE_MASK).
enum {
    PYCF_FUTURE_MASK = 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 |
                       0x1000000,
    PYCF_OBSOLETE_MASK = 0x10,
    PYCF_DONT_IMPLY_DEDENT = 0x200,
    PYCF_ONLY_AST = 0x400,
    PYCF_TYPE_COMMENTS = 0x1000,
    PYCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000,
    PYCF_ALLOW_INCOMPLETE_INPUT = 0x4000,
    PYCF_COMPILE_MASK = PYCF_ONLY_AST | PYCF_ALLOW_TOP_LEVEL_AWAIT | PYCF_TYPE_COMMENTS |
                        PYCF_DONT_IMPLY_DEDENT | PYCF_ALLOW_INCOMPLETE_INPUT,
};

// Whether the str holds a lone surrogate (which has no UTF-8 form).
static int str_surrogate_at(Value s, size_t *cp_index) {
    StrObject *str = str_obj(s);
    const unsigned char *p = (const unsigned char *)str->data;
    for (size_t i = 0; i + 2 < str->nbytes; i++) {
        if (p[i] == 0xED && p[i + 1] >= 0xA0) {
            *cp_index = utf8_count(str->data, i);
            return 1;
        }
    }
    return 0;
}

// The bytes of a source argument (see modules.h).
int compile_source_arg(Value source, const char *what, const char **text, size_t *len,
                       TokenizerMode *mode, const char *accepted) {
    if (val_is_str(source)) {
        size_t at;
        if (str_surrogate_at(source, &at)) {
            Value args[5] = {str_intern_cstr("utf-8"), source, int_from_i64((int64_t)at),
                             int_from_i64((int64_t)at + 1),
                             str_from_cstr("surrogates not allowed")};
            Value exc = obj_call(val_from_ptr(&exc_UnicodeEncodeError), args, 5, 0);
            if (exc) {
                err_set_value(exc);
            }
            return -1;
        }
        *text = str_obj(source)->data;
        *len = str_obj(source)->nbytes;
        *mode = TOKMODE_STRING;
    } else if (val_is_bytes(source)) {
        *text = bytes_data(source);
        *len = bytes_len(source);
        *mode = TOKMODE_FILE;
    } else if (buffer_check(source)) {
        // bytearray, memoryview...: parsed from a bytes copy, which the
        // pointer into it keeps alive (the stack scan is conservative)
        Buffer view;
        if (buffer_get_bytes_like(source, &view) < 0) {
            return -1;
        }
        Value copy = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        if (!copy) {
            return -1;
        }
        *text = bytes_data(copy);
        *len = bytes_len(copy);
        *mode = TOKMODE_FILE;
    } else {
        err_format(&exc_TypeError, "%s() arg 1 must be a %s", what, accepted);
        return -1;
    }
    if (memchr(*text, '\0', *len)) {
        err_format(&exc_ValueError, "source code string cannot contain null bytes");
        return -1;
    }
    return 0;
}

// The future-feature flags of the calling code, which compile() inherits.
static int inherited_flags(void) {
    Frame *f = vm_current_frame();
    return f ? (int)(f->code->flags & PYCF_FUTURE_MASK) : 0;
}

// A filename argument: str, bytes (decoded) or os.PathLike.
Value compile_filename_arg(Value v) {
    if (val_is_str(v)) {
        if (memchr(str_obj(v)->data, '\0', str_obj(v)->nbytes)) {
            return err_format(&exc_ValueError, "embedded null character");
        }
        return v;
    }
    if (!val_is_bytes(v) && buffer_check(v)) {
        // other buffers still work in 3.11, deprecated
        if (err_warn(&exc_DeprecationWarning, 1,
                     "path should be string, bytes, or os.PathLike, not %s",
                     obj_type_name(v)) < 0) {
            return 0;
        }
        Buffer view;
        if (buffer_get_bytes_like(v, &view) < 0) {
            return 0;
        }
        Value copy = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        return copy ? compile_filename_arg(copy) : 0;
    }
    if (val_is_bytes(v)) {
        if (memchr(bytes_data(v), '\0', bytes_len(v))) {
            return err_format(&exc_ValueError, "embedded null character");
        }
        // the filesystem encoding: UTF-8, undecodable bytes as surrogates
        return codec_decode(v, bytes_data(v), bytes_len(v), "utf-8", "surrogateescape");
    }
    Value fspath = lookup_special(v, "__fspath__");
    if (fspath) {
        Value r = obj_call0(fspath);
        if (r && !val_is_str(r) && !val_is_bytes(r)) {
            return err_format(&exc_TypeError,
                              "expected %s.__fspath__() to return str or bytes, not %s",
                              obj_type_name(v), obj_type_name(r));
        }
        return r ? compile_filename_arg(r) : 0;
    }
    if (err_occurred()) {
        return 0;
    }
    return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                      obj_type_name(v));
}

// compile()'s mode 'func_type', which only exists with PyCF_ONLY_AST.
enum { COMPILE_FUNC_TYPE_AST = COMPILE_SINGLE + 1 };

// compile(..., PyCF_ONLY_AST): parse as ast.parse does and return the tree
// as ast node objects.
static Value compile_to_ast(const char *text, size_t len, TokenizerMode tokmode, Value filename,
                            int mode, int flags, int feature_version) {
    ParseMode pmode = mode == COMPILE_EVAL     ? PARSE_EVAL
                      : mode == COMPILE_SINGLE ? PARSE_SINGLE
                      : mode == COMPILE_EXEC   ? PARSE_FILE
                                               : PARSE_FUNC_TYPE;
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Value result = 0;
    Node *tree = parse_for_ast(&arena, text, len, tokmode, pmode, (flags & PYCF_TYPE_COMMENTS) != 0,
                               feature_version, &err);
    if (compile_issue_warnings(&arena, &err, filename, text, len, tokmode) < 0) {
        // a warning turned into an error: the exception is pending
    } else if (!tree) {
        compile_raise_syntax_error(&err, filename);
    } else {
        result = ast_tree_to_object(tree);
    }
    arena_free(&arena);
    return result;
}

// compile() of an ast.AST object: convert and validate the tree (_ast),
// then check and compile it as compile_source does a parsed one.
static Value compile_ast_object(Value obj, Value filename, int mode, int flags, int optimize) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Value keep = 0;
    Code *co = NULL;
    SymTable *st = NULL;
    Node *tree = ast_object_to_tree(&arena, obj, mode, &keep);
    if (tree) {
        int checked = compile_check(&arena, tree, flags, optimize, &st, &err);
        if (compile_issue_warnings(&arena, &err, filename, NULL, 0, TOKMODE_STRING) < 0) {
            // a warning turned into an error: the exception is pending
        } else if (checked < 0) {
            compile_raise_syntax_error(&err, filename);
        } else {
            co = compile_tree(&arena, tree, st, filename, (CompileMode)mode, flags, optimize);
        }
    }
    gc_keep_alive(keep);
    arena_free(&arena);
    return co ? val_from_ptr(co) : 0;
}

static const char *const compile_names[] = {"source",       "filename", "mode",
                                            "flags",        "dont_inherit", "optimize",
                                            "_feature_version", NULL};
static const ArgSpec compile_spec = {"compile", 0, compile_names, 3, 6, 0};

FN(bi_compile) {
    Value a[7];
    if (args_unpack(&compile_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value filename = compile_filename_arg(a[1]);
    if (!filename) {
        return 0;
    }
    if (!val_is_str(a[2])) {
        return err_format(&exc_TypeError, "compile() argument 'mode' must be str, not %s",
                          obj_type_name(a[2]));
    }
    int flags = 0, optimize = -1, dont_inherit = 0;
    if ((a[3] && as_c_int(a[3], &flags) < 0) || (a[5] && as_c_int(a[5], &optimize) < 0)) {
        return 0;
    }
    if (a[4] && (dont_inherit = obj_truthy(a[4])) < 0) {
        return 0;
    }
    int feature_version = -1;  // the latest; applies only with PyCF_ONLY_AST
    if (a[6] && as_c_int(a[6], &feature_version) < 0) {
        return 0;
    }
    if (flags & ~(PYCF_FUTURE_MASK | PYCF_OBSOLETE_MASK | PYCF_COMPILE_MASK)) {
        return err_format(&exc_ValueError, "compile(): unrecognised flags");
    }
    if (optimize < -1 || optimize > 2) {
        return err_format(&exc_ValueError, "compile(): invalid optimize value");
    }
    if (!dont_inherit) {
        flags |= inherited_flags();
    }
    const char *mode_text = str_obj(a[2])->data;
    int mode;  // a CompileMode, or COMPILE_FUNC_TYPE_AST
    if (strcmp(mode_text, "exec") == 0) {
        mode = COMPILE_EXEC;
    } else if (strcmp(mode_text, "eval") == 0) {
        mode = COMPILE_EVAL;
    } else if (strcmp(mode_text, "single") == 0) {
        mode = COMPILE_SINGLE;
    } else if (strcmp(mode_text, "func_type") == 0) {
        if (!(flags & PYCF_ONLY_AST)) {
            return err_format(&exc_ValueError,
                              "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
        }
        mode = COMPILE_FUNC_TYPE_AST;
    } else {
        return err_format(&exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    const char *text;
    size_t len;
    TokenizerMode tokmode;
    if (val_is_ptr(a[0]) && type_is_subtype(type_of(a[0]), &type_ast)) {
        if (flags & PYCF_ONLY_AST) {
            return a[0];
        }
        if (optimize == -1) {
            optimize = sys_optimize_level();
        }
        return compile_ast_object(a[0], filename, mode, flags, optimize);
    }
    if (compile_source_arg(a[0], "compile", &text, &len, &tokmode, "string, bytes or AST object") < 0) {
        return 0;
    }
    if (flags & PYCF_ONLY_AST) {
        return compile_to_ast(text, len, tokmode, filename, mode, flags, feature_version);
    }
    if (optimize == -1) {
        optimize = sys_optimize_level();
    }
    Code *code = compile_source(text, len, tokmode, filename, (CompileMode)mode, flags, optimize);
    return code ? val_from_ptr(code) : 0;
}

static int is_code(Value v) {
    return val_is_ptr(v) && val_ptr(v)->type == &type_code;
}

// Whether v supports the mapping protocol (CPython's PyMapping_Check).
static int is_mapping(Value v) {
    return type_of(v)->getitem != NULL;
}

// globals['__builtins__'] = the builtins dict, unless present.
static int ensure_builtins(Value globals) {
    Value key = str_intern_cstr("__builtins__");
    int has = dict_contains(globals, key);
    if (has != 0) {
        return has < 0 ? -1 : 0;
    }
    Frame *f = vm_current_frame();
    Value b = f && f->builtins ? f->builtins : vm_builtins;
    if (!b) {
        b = module_dict(builtins_init());
    }
    return dict_set(globals, key, b);
}

// Resolve exec()/eval()'s globals and locals (None: the caller's).
static int namespaces(Value *globals, Value *locals) {
    if (*globals == VAL_NONE) {
        *globals = frame_globals();
        if (*locals == VAL_NONE) {
            Value l = current_locals();
            if (!l && err_occurred()) {
                return -1;
            }
            *locals = l;
        }
        if (!*globals || !*locals) {
            err_format(&exc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
    } else if (*locals == VAL_NONE) {
        *locals = *globals;
    }
    return ensure_builtins(*globals);
}

FN(bi_eval) {
    if (args_no_keywords("eval", kwnames) < 0 || method_check_args("eval", nargs, 0, 1, 3) < 0) {
        return 0;
    }
    Value source = args[0];
    Value globals = nargs > 1 ? args[1] : VAL_NONE;
    Value locals = nargs > 2 ? args[2] : VAL_NONE;
    if (locals != VAL_NONE && !is_mapping(locals)) {
        return err_format(&exc_TypeError, "locals must be a mapping");
    }
    if (globals != VAL_NONE && !dict_check(globals)) {
        return err_format(&exc_TypeError, "%s",
                          is_mapping(globals)
                              ? "globals must be a real dict; try eval(expr, {}, mapping)"
                              : "globals must be a dict");
    }
    if (namespaces(&globals, &locals) < 0) {
        return 0;
    }
    Code *code;
    if (is_code(source)) {
        code = (Code *)val_ptr(source);
        if (code->nfrees > 0) {
            return err_format(&exc_TypeError,
                              "code object passed to eval() may not contain free variables");
        }
    } else {
        const char *text;
        size_t len;
        TokenizerMode tokmode;
        if (compile_source_arg(source, "eval", &text, &len, &tokmode,
                        "string, bytes or code object") < 0) {
            return 0;
        }
        while (len > 0 && (*text == ' ' || *text == '\t')) {
            text++;
            len--;
        }
        code = compile_source(text, len, tokmode, str_intern_cstr("<string>"), COMPILE_EVAL,
                              inherited_flags(), sys_optimize_level());
        if (!code) {
            return 0;
        }
    }
    return vm_eval_code(code, globals, locals);
}

static const char *const exec_names[] = {"closure", NULL};
static const ArgSpec exec_spec = {"exec", 3, exec_names, 1, 3, 0};

FN(bi_exec) {
    Value a[4];
    if (args_unpack(&exec_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value source = a[0];
    Value globals = a[1] ? a[1] : VAL_NONE;
    Value locals = a[2] ? a[2] : VAL_NONE;
    Value closure = a[3] == VAL_NONE ? 0 : a[3];
    if (globals != VAL_NONE && !dict_check(globals)) {
        return err_format(&exc_TypeError, "exec() globals must be a dict, not %s",
                          obj_type_name(globals));
    }
    if (locals != VAL_NONE && !is_mapping(locals)) {
        return err_format(&exc_TypeError, "locals must be a mapping or None, not %s",
                          obj_type_name(locals));
    }
    if (namespaces(&globals, &locals) < 0) {
        return 0;
    }
    Code *code;
    if (is_code(source)) {
        code = (Code *)val_ptr(source);
        if (!closure) {
            if (code->nfrees > 0) {
                return err_format(&exc_TypeError,
                                  "code object requires a closure of exactly length %u",
                                  (unsigned)code->nfrees);
            }
        } else {
            int ok = tuple_check_exact(closure) && tuple_obj(closure)->len == code->nfrees;
            for (size_t i = 0; ok && i < code->nfrees; i++) {
                Value c = tuple_obj(closure)->items[i];
                ok = val_is_ptr(c) && val_ptr(c)->type == &type_cell;
            }
            if (!ok) {
                if (code->nfrees == 0) {
                    return err_format(&exc_TypeError,
                                      "cannot use a closure with this code object");
                }
                return err_format(&exc_TypeError,
                                  "code object requires a closure of exactly length %u",
                                  (unsigned)code->nfrees);
            }
        }
    } else {
        if (closure) {
            return err_format(&exc_TypeError,
                              "closure can only be used when source is a code object");
        }
        const char *text;
        size_t len;
        TokenizerMode tokmode;
        if (compile_source_arg(source, "exec", &text, &len, &tokmode,
                        "string, bytes or code object") < 0) {
            return 0;
        }
        code = compile_source(text, len, tokmode, str_intern_cstr("<string>"), COMPILE_EXEC,
                              inherited_flags(), sys_optimize_level());
        if (!code) {
            return 0;
        }
    }
    Value r = vm_eval_code_closure(code, globals, locals, closure);
    return r ? VAL_NONE : 0;
}

// ---- __build_class__ ---------------------------------------------------------------------

// PEP 560: replace each base that is not a class but has __mro_entries__
// by the tuple it returns. The original tuple when nothing changed.
static Value update_bases(Value bases) {
    TupleObject *b = tuple_obj(bases);
    Value result = 0;  // a list, once something changed
    for (size_t i = 0; i < b->len; i++) {
        Value base = b->items[i];
        Value meth = 0;
        if (!is_class(base)) {
            meth = obj_getattr_opt(base, str_intern_cstr("__mro_entries__"));
            if (!meth && err_occurred()) {
                return 0;
            }
        }
        if (!meth) {
            if (result && list_append(result, base) < 0) {
                return 0;
            }
            continue;
        }
        Value entries = obj_call1(meth, bases);
        if (!entries) {
            return 0;
        }
        if (!tuple_check(entries)) {
            return err_format(&exc_TypeError, "__mro_entries__ must return a tuple");
        }
        if (!result) {
            result = list_from(b->items, i);
            if (!result) {
                return 0;
            }
        }
        if (list_extend(result, entries) < 0) {
            return 0;
        }
    }
    if (!result) {
        return bases;
    }
    return tuple_from_list(result);
}

// The most derived metaclass among meta and the bases' types
// ("metaclass conflict" when they are unrelated).
static Type *calculate_metaclass(Type *meta, Value bases) {
    Type *winner = meta;
    TupleObject *b = tuple_obj(bases);
    for (size_t i = 0; i < b->len; i++) {
        Type *t = type_of(b->items[i]);
        if (type_is_subtype(winner, t)) {
            continue;
        }
        if (type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        err_format(&exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                   "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

// __build_class__(func, name, /, *bases, metaclass=?, **kwds): CPython's
// algorithm. The class body `func` runs with the namespace from
// metaclass.__prepare__ as its locals; the body returns the __class__ cell
// (when methods use super() or __class__), which must end up holding the
// new class.
FN(bi_build_class) {
    if (nargs < 2) {
        return err_format(&exc_TypeError, "__build_class__: not enough arguments");
    }
    Value func = args[0], name = args[1];
    if (!func_check(func)) {
        return err_format(&exc_TypeError, "__build_class__: func must be a function");
    }
    if (!val_is_str(name)) {
        return err_format(&exc_TypeError, "__build_class__: name is not a string");
    }
    Value orig_bases = tuple_from(args + 2, nargs - 2);
    Value bases = orig_bases ? update_bases(orig_bases) : 0;
    if (!bases) {
        return 0;
    }
    // The keywords other than metaclass=, passed on to __prepare__ and the metaclass.
    size_t nkw = args_nkw(kwnames);
    Value meta = 0;
    Value kwd_values = tuple_new(nkw), kwd_names = tuple_new(nkw);
    if (!kwd_values || !kwd_names) {
        return 0;
    }
    size_t nkept = 0;
    for (size_t i = 0; i < nkw; i++) {
        Value kw = tuple_obj(kwnames)->items[i];
        if (strcmp(str_obj(kw)->data, "metaclass") == 0) {
            meta = args[nargs + i];
            continue;
        }
        tuple_obj(kwd_names)->items[nkept] = kw;
        tuple_obj(kwd_values)->items[nkept] = args[nargs + i];
        nkept++;
    }
    Value kept_names = nkept ? tuple_from(tuple_obj(kwd_names)->items, nkept) : 0;
    int is_meta_class;
    if (!meta) {
        TupleObject *b = tuple_obj(bases);
        meta = b->len == 0 ? type_value(&type_type) : val_from_ptr(type_of(b->items[0]));
        is_meta_class = 1;
    } else {
        is_meta_class = is_class(meta);
    }
    if (is_meta_class) {
        Type *winner = calculate_metaclass((Type *)val_ptr(meta), bases);
        if (!winner) {
            return 0;
        }
        meta = val_from_ptr(winner);
    }
    // The namespace: meta.__prepare__(name, bases, **kwds), or a dict.
    Value ns;
    Value prepare = obj_getattr_opt(meta, str_intern_cstr("__prepare__"));
    // The arguments (name, bases, [ns,] *kept keyword values) in a tuple,
    // which keeps them visible to the collector.
    Value call_args = tuple_new(3 + nkept);
    if (!call_args) {
        return 0;
    }
    Value *ca = tuple_obj(call_args)->items;
    ca[0] = name;
    ca[1] = bases;
    if (prepare) {
        memcpy(ca + 2, tuple_obj(kwd_values)->items, nkept * sizeof(Value));
        ns = obj_call(prepare, ca, 2, kept_names);
        if (!ns) {
            return 0;
        }
        if (!is_mapping(ns)) {
            return err_format(&exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                              is_meta_class ? ((Type *)val_ptr(meta))->name : "<metaclass>",
                              obj_type_name(ns));
        }
    } else {
        if (err_occurred()) {
            return 0;
        }
        ns = dict_new();
        if (!ns) {
            return 0;
        }
    }
    Value cell = vm_run_class_body(func, ns);
    if (!cell) {
        return 0;
    }
    if (bases != orig_bases &&
        obj_setitem(ns, str_intern_cstr("__orig_bases__"), orig_bases) < 0) {
        return 0;
    }
    ca[2] = ns;
    memcpy(ca + 3, tuple_obj(kwd_values)->items, nkept * sizeof(Value));
    Value cls = obj_call(meta, ca, 3, kept_names);
    if (!cls) {
        return 0;
    }
    if (is_class(cls) && val_is_ptr(cell) && val_ptr(cell)->type == &type_cell) {
        Value cell_cls = ((CellObject *)val_ptr(cell))->value;
        if (cell_cls != cls) {
            Value msg = cell_cls ? str_format_c("__class__ set to %R defining %R as %R",
                                                cell_cls, name, cls)
                                 : str_format_c("__class__ not set defining %R as %R. Was "
                                                "__classcell__ propagated to type.__new__?",
                                                name, cls);
            if (!msg) {
                return 0;
            }
            return err_format(cell_cls ? &exc_TypeError : &exc_RuntimeError, "%s",
                              str_obj(msg)->data);
        }
    }
    return cls;
}

// ---- __import__ -------------------------------------------------------------------------

static const char *const import_names[] = {"name", "globals", "locals", "fromlist", "level",
                                           NULL};
static const ArgSpec import_spec = {"__import__", 0, import_names, 1, 5, 0};

FN(bi_import) {
    Value a[5];
    if (args_unpack(&import_spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int level = 0;
    if (a[4] && as_c_int(a[4], &level) < 0) {
        return 0;
    }
    // The import system proper (src/vm/import.c): importlib behind a fast path.
    return import_module_level(a[0], a[1] ? a[1] : 0, a[3] ? a[3] : VAL_NONE, level);
}

// ---- the module -------------------------------------------------------------------------

static const MethodDef builtin_functions[] = {
    {"__build_class__", bi_build_class, METH_DEFAULT,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
     "Internal helper function used by the class statement."},
    {"__import__", bi_import, METH_DEFAULT,
     "__import__($module, /, name, globals=None, locals=None, fromlist=(),\n"
     "           level=0)\n--\n\n"
     "Import a module."},
    {"abs", bi_abs, METH_DEFAULT,
     "abs($module, x, /)\n--\n\n"
     "Return the absolute value of the argument."},
    {"aiter", bi_aiter, METH_DEFAULT,
     "aiter($module, async_iterable, /)\n--\n\n"
     "Return an AsyncIterator for an AsyncIterable object."},
    {"all", bi_all, METH_DEFAULT,
     "all($module, iterable, /)\n--\n\n"
     "Return True if bool(x) is True for all values x in the iterable."},
    {"anext", bi_anext, METH_DEFAULT,
     "anext($module, aiterator, default=<unrepresentable>, /)\n--\n\n"
     "Return the next item from the async iterator."},
    {"any", bi_any, METH_DEFAULT,
     "any($module, iterable, /)\n--\n\n"
     "Return True if bool(x) is True for any x in the iterable."},
    {"ascii", bi_ascii, METH_DEFAULT,
     "ascii($module, obj, /)\n--\n\n"
     "Return an ASCII-only representation of an object."},
    {"bin", bi_bin, METH_DEFAULT,
     "bin($module, number, /)\n--\n\n"
     "Return the binary representation of an integer."},
    {"breakpoint", bi_breakpoint, METH_DEFAULT, "Call sys.breakpointhook(*args, **kws)."},
    {"callable", bi_callable, METH_DEFAULT,
     "callable($module, obj, /)\n--\n\n"
     "Return whether the object is callable."},
    {"chr", bi_chr, METH_DEFAULT,
     "chr($module, i, /)\n--\n\n"
     "Return a Unicode string of one character with ordinal i."},
    {"compile", bi_compile, METH_DEFAULT,
     "compile($module, /, source, filename, mode, flags=0,\n"
     "        dont_inherit=False, optimize=-1, *, _feature_version=-1)\n--\n\n"
     "Compile source into a code object."},
    {"delattr", bi_delattr, METH_DEFAULT,
     "delattr($module, obj, name, /)\n--\n\n"
     "Deletes the named attribute from the given object."},
    {"dir", bi_dir, METH_DEFAULT, "Show attributes of an object."},
    {"divmod", bi_divmod, METH_DEFAULT,
     "divmod($module, x, y, /)\n--\n\n"
     "Return the tuple (x//y, x%y)."},
    {"eval", bi_eval, METH_DEFAULT,
     "eval($module, source, globals=None, locals=None, /)\n--\n\n"
     "Evaluate the given source in the context of globals and locals."},
    {"exec", bi_exec, METH_DEFAULT,
     "exec($module, source, globals=None, locals=None, /, *, closure=None)\n--\n\n"
     "Execute the given source in the context of globals and locals."},
    {"format", bi_format, METH_DEFAULT,
     "format($module, value, format_spec='', /)\n--\n\n"
     "Return value.__format__(format_spec)"},
    {"getattr", bi_getattr, METH_DEFAULT, "Get a named attribute from an object."},
    {"globals", bi_globals, METH_DEFAULT,
     "globals($module, /)\n--\n\n"
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", bi_hasattr, METH_DEFAULT,
     "hasattr($module, obj, name, /)\n--\n\n"
     "Return whether the object has an attribute with the given name."},
    {"hash", bi_hash, METH_DEFAULT,
     "hash($module, obj, /)\n--\n\n"
     "Return the hash value for the given object."},
    {"hex", bi_hex, METH_DEFAULT,
     "hex($module, number, /)\n--\n\n"
     "Return the hexadecimal representation of an integer."},
    {"id", bi_id, METH_DEFAULT,
     "id($module, obj, /)\n--\n\n"
     "Return the identity of an object."},
    {"input", bi_input, METH_DEFAULT,
     "input($module, prompt='', /)\n--\n\n"
     "Read a string from standard input."},
    {"isinstance", bi_isinstance, METH_DEFAULT,
     "isinstance($module, obj, class_or_tuple, /)\n--\n\n"
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", bi_issubclass, METH_DEFAULT,
     "issubclass($module, cls, class_or_tuple, /)\n--\n\n"
     "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", bi_iter, METH_DEFAULT, "Get an iterator from an object."},
    {"len", bi_len, METH_DEFAULT,
     "len($module, obj, /)\n--\n\n"
     "Return the number of items in a container."},
    {"locals", bi_locals, METH_DEFAULT,
     "locals($module, /)\n--\n\n"
     "Return a dictionary containing the current scope's local variables."},
    {"max", bi_max, METH_DEFAULT,
     "max(iterable, *[, default=obj, key=func]) -> value\n"
     "max(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Return the largest item of one iterable argument (or default when it is\n"
     "empty), or the largest of two or more arguments."},
    {"min", bi_min, METH_DEFAULT,
     "min(iterable, *[, default=obj, key=func]) -> value\n"
     "min(arg1, arg2, *args, *[, key=func]) -> value\n\n"
     "Return the smallest item of one iterable argument (or default when it is\n"
     "empty), or the smallest of two or more arguments."},
    {"next", bi_next, METH_DEFAULT, "Return the next item from the iterator."},
    {"oct", bi_oct, METH_DEFAULT,
     "oct($module, number, /)\n--\n\n"
     "Return the octal representation of an integer."},
    {"ord", bi_ord, METH_DEFAULT,
     "ord($module, c, /)\n--\n\n"
     "Return the Unicode code point for a one-character string."},
    {"pow", bi_pow, METH_DEFAULT,
     "pow($module, /, base, exp, mod=None)\n--\n\n"
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", bi_print, METH_DEFAULT,
     "print($module, /, *args, sep=' ', end='\\n', file=None, flush=False)\n--\n\n"
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", bi_repr, METH_DEFAULT,
     "repr($module, obj, /)\n--\n\n"
     "Return the canonical string representation of the object."},
    {"round", bi_round, METH_DEFAULT,
     "round($module, /, number, ndigits=None)\n--\n\n"
     "Round a number to a given precision in decimal digits."},
    {"setattr", bi_setattr, METH_DEFAULT,
     "setattr($module, obj, name, value, /)\n--\n\n"
     "Sets the named attribute on the given object to the specified value."},
    {"sorted", bi_sorted, METH_DEFAULT,
     "sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n"
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", bi_sum, METH_DEFAULT,
     "sum($module, iterable, /, start=0)\n--\n\n"
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", bi_vars, METH_DEFAULT, "Show vars."},
    {NULL, NULL, 0, NULL},
};

extern Type type_property, type_classmethod, type_staticmethod, type_super;

// The builtin types by their Python names.
static const struct {
    const char *name;
    Type *type;
} builtin_type_names[] = {
    {"bool", &type_bool},         {"bytes", &type_bytes},       {"complex", &type_complex},
    {"dict", &type_dict},         {"enumerate", &type_enumerate}, {"filter", &type_filter},
    {"float", &type_float},       {"frozenset", &type_frozenset}, {"int", &type_int},
    {"list", &type_list},         {"map", &type_map},           {"object", &type_object},
    {"range", &type_range},       {"reversed", &type_reversed}, {"set", &type_set},
    {"slice", &type_slice},       {"str", &type_str},           {"tuple", &type_tuple},
    {"type", &type_type},         {"zip", &type_zip},
    {"property", &type_property}, {"classmethod", &type_classmethod},
    {"staticmethod", &type_staticmethod}, {"super", &type_super},
    {"bytearray", &type_bytearray}, {"memoryview", &type_memoryview},
};

static const char builtins_doc[] =
    "Built-in functions, exceptions, and other objects.\n\n"
    "Noteworthy: None is the `nil' object; Ellipsis represents `...' in slices.";

Value builtins_init(void) {
    if (builtins_module) {
        return builtins_module;
    }
    gc_add_root(&builtins_module);
    Value m = module_new_cstr("builtins");
    if (!m) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    if (module_add(m, "__doc__", str_from_cstr(builtins_doc)) < 0 ||
        module_add(m, "__package__", str_empty()) < 0 ||
        module_add_functions(m, builtin_functions) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof builtin_type_names / sizeof builtin_type_names[0]; i++) {
        if (module_add(m, builtin_type_names[i].name, type_value(builtin_type_names[i].type)) <
            0) {
            return 0;
        }
    }
#define ADD_EXCEPTION_(name, base)                                   \
    if (module_add(m, #name, type_value(&exc_##name)) < 0) {         \
        return 0;                                                    \
    }
    EXCEPTION_TYPES(ADD_EXCEPTION_)
#undef ADD_EXCEPTION_
    if (module_add(m, "EnvironmentError", type_value(&exc_OSError)) < 0 ||
        module_add(m, "IOError", type_value(&exc_OSError)) < 0 ||
        module_add(m, "None", VAL_NONE) < 0 || module_add(m, "Ellipsis", VAL_ELLIPSIS) < 0 ||
        module_add(m, "NotImplemented", VAL_NOTIMPLEMENTED) < 0 ||
        module_add(m, "False", VAL_FALSE) < 0 || module_add(m, "True", VAL_TRUE) < 0 ||
        module_add(m, "__debug__", val_bool(sys_optimize_level() == 0)) < 0) {
        return 0;
    }
    // open is _io.open, as in CPython.
    Value open_fn = io_open_function();
    if (!open_fn || module_add(m, "open", open_fn) < 0) {
        return 0;
    }
    builtins_module = m;
    return m;
}
