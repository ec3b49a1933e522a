// complex.c - Python's complex: its repr and the complex type.
//
// A complex is two doubles in a ComplexObject. The arithmetic follows
// CPython's formulas operation by operation, because results must agree bit
// for bit, NaNs and infinities included: the schoolbook product, Smith's
// division (scale by the larger component of the divisor), and for powers
// repeated squaring when the exponent is an integer of at most 100 in
// magnitude, the polar form otherwise. An int or float operand is first
// converted to (x, 0); floor division and modulo do not exist (no slots, so
// the operators raise TypeError).
//
// complex(real, imag) follows CPython's complex_new: __complex__ first, each
// part through __float__/__index__, parts that are themselves complex
// combined as real + imag*1j; complex(text) parses in numparse.c.
#include "complex.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>

#include "abstract.h"
#include "args.h"
#include "exceptions.h"
#include "format.h"
#include "float.h"
#include "gc.h"
#include "int.h"
#include "list.h"
#include "numparse.h"
#include "str.h"
#include "tuple.h"

void complex_repr(StrBuf *out, double real, double imag) {
    // A real part of +0.0 (not -0.0, not NaN) is left out, and so are the
    // parentheses; otherwise the imaginary part always carries its sign.
    if (real == 0 && !signbit(real)) {
        float_format_repr(out, imag, 0);
        sb_putc(out, 'j');
        return;
    }
    sb_putc(out, '(');
    float_format_repr(out, real, 0);
    float_format_repr(out, imag, FLOAT_FMT_SIGN);
    sb_puts(out, "j)");
}

// ---- the arithmetic on (real, imag) pairs --------------------------------------

typedef struct Cx {
    double re, im;
} Cx;

static inline Cx cx_mul(Cx a, Cx b) {
    return (Cx){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

// a / b, dividing numerator and denominator by the larger of |b.re|, |b.im|
// first (Smith's method). Sets errno to EDOM when b is 0, as CPython's
// _Py_c_quot does.
static Cx cx_div(Cx a, Cx b) {
    double abs_re = fabs(b.re), abs_im = fabs(b.im);
    if (abs_re >= abs_im) {
        if (abs_re == 0.0) {
            errno = EDOM;
            return (Cx){0.0, 0.0};
        }
        double ratio = b.im / b.re;
        double denom = b.re + b.im * ratio;
        return (Cx){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_im >= abs_re) {
        double ratio = b.re / b.im;
        double denom = b.re * ratio + b.im;
        return (Cx){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (Cx){NAN, NAN};  // a NaN component in b
}

// x ** n for 0 <= n, by squaring (bits of n from the bottom).
static Cx cx_pow_unsigned(Cx x, long n) {
    Cx r = {1.0, 0.0}, p = x;
    for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask) {
            r = cx_mul(r, p);
        }
        p = cx_mul(p, p);
    }
    return r;
}

// a ** b in polar form. errno: EDOM for 0 to a negative or complex power,
// and whatever libm's functions report (cos(inf) gives EDOM, which CPython
// then reports as the same ZeroDivisionError).
static Cx cx_pow_polar(Cx a, Cx b) {
    if (b.re == 0.0 && b.im == 0.0) {
        return (Cx){1.0, 0.0};
    }
    if (a.re == 0.0 && a.im == 0.0) {
        if (b.im != 0.0 || b.re < 0.0) {
            errno = EDOM;
        }
        return (Cx){0.0, 0.0};
    }
    double vabs = hypot(a.re, a.im);
    double len = pow(vabs, b.re);
    double at = atan2(a.im, a.re);
    double phase = at * b.re;
    if (b.im != 0.0) {
        len /= exp(at * b.im);
        phase += b.im * log(vabs);
    }
    return (Cx){len * cos(phase), len * sin(phase)};
}

Value complex_pow_parts(double ar, double ai, double br, double bi) {
    Cx a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    if (b.im == 0.0 && b.re == floor(b.re) && fabs(b.re) <= 100.0) {
        long n = (long)b.re;
        if (n > 0) {
            p = cx_pow_unsigned(a, n);
        } else {
            p = cx_div((Cx){1.0, 0.0}, cx_pow_unsigned(a, -n));
        }
    } else {
        p = cx_pow_polar(a, b);
    }
    // CPython's _Py_ADJUST_ERANGE2: an infinite part is an overflow; a range
    // error with finite parts was an underflow, which is fine.
    if (isinf(p.re) || isinf(p.im)) {
        if (errno == 0) {
            errno = ERANGE;
        }
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        return err_format(&exc_ZeroDivisionError, "0.0 to a negative or complex power");
    }
    if (errno == ERANGE) {
        return err_format(&exc_OverflowError, "complex exponentiation");
    }
    return complex_new(p.re, p.im);
}

// ---- the complex type ---------------------------------------------------------------

Value complex_new(double real, double imag) {
    ComplexObject *c = (ComplexObject *)gc_alloc(&type_complex, sizeof(ComplexObject));
    if (!c) {
        return 0;
    }
    c->real = real;
    c->imag = imag;
    return val_from_ptr(c);
}

// An operand of a complex operator: 1 with *out set, 0 for NotImplemented,
// -1 with OverflowError (an int too large for a float).
static int complex_operand(Value v, Cx *out) {
    if (complex_check(v)) {
        *out = (Cx){complex_obj(v)->real, complex_obj(v)->imag};
        return 1;
    }
    out->im = 0.0;
    if (float_check(v)) {
        out->re = float_value(v);
        return 1;
    }
    if (int_check(v)) {
        return int_as_double(v, &out->re) < 0 ? -1 : 1;
    }
    return 0;
}

#define COMPLEX_OPERANDS(a, b, x, y)                    \
    do {                                                \
        int ok_ = complex_operand(a, &(x));             \
        if (ok_ > 0) {                                  \
            ok_ = complex_operand(b, &(y));             \
        }                                               \
        if (ok_ <= 0) {                                 \
            return ok_ < 0 ? 0 : VAL_NOTIMPLEMENTED;    \
        }                                               \
    } while (0)

static Value complex_add(Value a, Value b) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    return complex_new(x.re + y.re, x.im + y.im);
}

static Value complex_sub(Value a, Value b) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    return complex_new(x.re - y.re, x.im - y.im);
}

static Value complex_mul(Value a, Value b) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    Cx p = cx_mul(x, y);
    return complex_new(p.re, p.im);
}

static Value complex_truediv(Value a, Value b) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    errno = 0;
    Cx q = cx_div(x, y);
    if (errno == EDOM) {
        return err_format(&exc_ZeroDivisionError, "complex division by zero");
    }
    return complex_new(q.re, q.im);
}

static Value complex_pow(Value a, Value b) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    return complex_pow_parts(x.re, x.im, y.re, y.im);
}

static Value complex_pow3(Value a, Value b, Value mod) {
    Cx x, y;
    COMPLEX_OPERANDS(a, b, x, y);
    return err_format(&exc_ValueError, "complex modulo");
}

static Value complex_neg(Value a) {
    return complex_new(-complex_obj(a)->real, -complex_obj(a)->imag);
}

static Value complex_pos(Value a) {
    if (val_ptr(a)->type == &type_complex) {
        return a;
    }
    return complex_new(complex_obj(a)->real, complex_obj(a)->imag);
}

static Value complex_abs(Value a) {
    double re = complex_obj(a)->real, im = complex_obj(a)->imag;
    // C99: an infinite part makes the modulus infinite, even with a NaN.
    if (isinf(re) || isinf(im)) {
        return float_from_double(INFINITY);
    }
    if (isnan(re) || isnan(im)) {
        return float_from_double(NAN);
    }
    double r = hypot(re, im);
    if (isinf(r)) {
        return err_format(&exc_OverflowError, "absolute value too large");
    }
    return float_from_double(r);
}

static int complex_bool(Value a) {
    return complex_obj(a)->real != 0.0 || complex_obj(a)->imag != 0.0;
}

int64_t complex_hash(double real, double imag) {
    uint64_t h = (uint64_t)float_hash(real) + 1000003u * (uint64_t)float_hash(imag);
    return h == (uint64_t)-1 ? -2 : (int64_t)h;
}

static int64_t complex_hash_slot(Value v) {
    double re = complex_obj(v)->real, im = complex_obj(v)->imag;
    // A NaN part hashes by identity (as float's NaNs do in CPython 3.10+).
    uint64_t p = (uint64_t)v, id = (p >> 4) | (p << 60);
    uint64_t hr = isnan(re) ? id : (uint64_t)float_hash(re);
    uint64_t hi = isnan(im) ? id : (uint64_t)float_hash(im);
    if (hr == (uint64_t)-1) {
        hr = (uint64_t)-2;
    }
    if (hi == (uint64_t)-1) {
        hi = (uint64_t)-2;
    }
    uint64_t h = hr + 1000003u * hi;
    return h == (uint64_t)-1 ? -2 : (int64_t)h;
}

static Value complex_repr_slot(Value v) {
    StrBuf b;
    sb_init(&b);
    complex_repr(&b, complex_obj(v)->real, complex_obj(v)->imag);
    Value r = str_from_utf8(b.data, b.len);
    sb_free(&b);
    return r;
}

// Only == and != exist. Against an int, a complex with a zero imaginary part
// compares its real part exactly (as float == int does).
static Value complex_richcompare(Value a, Value b, CompareOp op) {
    if (op != CMP_EQ && op != CMP_NE) {
        return VAL_NOTIMPLEMENTED;
    }
    double re = complex_obj(a)->real, im = complex_obj(a)->imag;
    bool equal;
    if (int_check(b)) {
        equal = im == 0.0 && int_compare_double(b, re) == 0;
    } else if (float_check(b)) {
        equal = re == float_value(b) && im == 0.0;
    } else if (complex_check(b)) {
        equal = re == complex_obj(b)->real && im == complex_obj(b)->imag;
    } else {
        return VAL_NOTIMPLEMENTED;
    }
    return val_bool(equal == (op == CMP_EQ));
}

// ---- complex(): the constructor -------------------------------------------------------------

static Value complex_subtype_new(Type *t, double real, double imag) {
    if (t == &type_complex) {
        return complex_new(real, imag);
    }
    ComplexObject *c = (ComplexObject *)gc_alloc(t, t->basic_size);
    if (!c || ((t->flags & TYPE_HAS_FINALIZER) && gc_register_finalizer(&c->header) < 0)) {
        return 0;
    }
    c->real = real;
    c->imag = imag;
    return val_from_ptr(c);
}

// complex(text)
static Value complex_from_text(Type *t, Value x) {
    StrObject *so = str_obj(x);
    double re, im;
    int rc;
    if (so->flags & STR_ASCII) {
        rc = num_parse_complex(so->data, so->nbytes, x, &re, &im);
    } else {
        StrBuf b;
        sb_init(&b);
        num_str_to_ascii(x, &b);
        rc = num_parse_complex(b.data ? b.data : "", b.len, x, &re, &im);
        sb_free(&b);
    }
    return rc < 0 ? 0 : complex_subtype_new(t, re, im);
}

// x.__complex__() if x's type has it: a complex, 0 without an exception when
// there is none, 0 with one on error.
static Value complex_special(Value x) {
    Value name = str_intern_cstr("__complex__");
    Value m = name ? obj_lookup_special(x, name) : 0;
    if (!m) {
        return 0;
    }
    Value r = obj_call0(m);
    if (r && !complex_check(r)) {
        return err_format(&exc_TypeError, "__complex__ returned non-complex (type %s)",
                          obj_type_name(r));
    }
    if (r && type_of(r) != &type_complex &&
        err_warn(&exc_DeprecationWarning, 1,
                 "__complex__ returned non-complex (type %s).  The ability to return an instance "
                 "of a strict subclass of complex is deprecated, and may be removed in a future "
                 "version of Python.", obj_type_name(r)) < 0) {
        return 0;
    }
    return r;
}

// Whether x can be a part of complex(): a number with __float__ or __index__, or a complex.
static bool complex_part_ok(Value x) {
    Type *t = type_of(x);
    return t->to_float || t->index || complex_check(x);
}

// The double of a real part (CPython's PyNumber_Float).
static int complex_part_double(Value x, double *out) {
    Value f = float_from_object(x);
    if (!f) {
        return -1;
    }
    *out = float_value(f);
    return 0;
}

// complex(real=0, imag=0): real + imag * 1j, either part possibly complex
// itself, or complex(text).
static Value complex_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"real", "imag", NULL};
    static const ArgSpec spec = {"complex", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Type *t = (Type *)val_ptr(type);
    Value r = a[0] ? a[0] : val_from_smallint(0), i = a[1];
    if (!i && t == &type_complex && val_is_ptr(r) && val_ptr(r)->type == &type_complex) {
        return r;
    }
    if (val_is_str(r)) {
        if (i) {
            return err_format(&exc_TypeError,
                              "complex() can't take second arg if first is a string");
        }
        return complex_from_text(t, r);
    }
    if (i && val_is_str(i)) {
        return err_format(&exc_TypeError, "complex() second arg can't be a string");
    }
    Value special = complex_special(r);
    if (special) {
        r = special;
    } else if (err_occurred()) {
        return 0;
    }
    if (!complex_part_ok(r)) {
        return err_format(&exc_TypeError,
                          "complex() first argument must be a string or a number, not '%s'",
                          obj_type_name(r));
    }
    if (i && !complex_part_ok(i)) {
        return err_format(&exc_TypeError, "complex() second argument must be a number, not '%s'",
                          obj_type_name(i));
    }
    // (cr.re + cr.im j) + (ci.re + ci.im j) * 1j
    double cr_re, cr_im = 0.0, ci_re = 0.0, ci_im = 0.0;
    bool cr_complex = complex_check(r), ci_complex = false;
    if (cr_complex) {
        cr_re = complex_obj(r)->real;
        cr_im = complex_obj(r)->imag;
    } else if (complex_part_double(r, &cr_re) < 0) {
        return 0;
    }
    if (!i) {
        ci_re = cr_im;
    } else if (complex_check(i)) {
        ci_re = complex_obj(i)->real;
        ci_im = complex_obj(i)->imag;
        ci_complex = true;
    } else if (complex_part_double(i, &ci_re) < 0) {
        return 0;
    }
    if (ci_complex) {
        cr_re -= ci_im;
    }
    if (cr_complex && i) {
        ci_re += cr_im;
    }
    return complex_subtype_new(t, cr_re, ci_re);
}

// ---- methods ------------------------------------------------------------------------------------

static Value complex_m_conjugate(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("complex.conjugate", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return complex_new(complex_obj(self)->real, -complex_obj(self)->imag);
}

static Value complex_m_complex(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("complex.__complex__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return complex_pos(self);
}

static Value complex_m_getnewargs(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("complex.__getnewargs__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value re = float_from_double(complex_obj(self)->real);
    Value im = re ? float_from_double(complex_obj(self)->imag) : 0;
    return im ? tuple_pack2(re, im) : 0;
}

static Value complex_m_sizeof(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("complex.__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    // CPython's PyComplexObject, and the __weakref__ slot a subclass adds.
    return val_from_smallint((type_of(self)->flags & TYPE_HAS_WEAKREF) ? 40 : 32);
}

static const MemberDef complex_members[] = {
    {"real", MEMBER_DOUBLE_RO, offsetof(ComplexObject, real), "the real part of a complex number"},
    {"imag", MEMBER_DOUBLE_RO, offsetof(ComplexObject, imag),
     "the imaginary part of a complex number"},
    {NULL, 0, 0, NULL},
};

static const MethodDef complex_methods[] = {
    {"conjugate", complex_m_conjugate, METH_DEFAULT,
     "conjugate($self, /)\n--\n\n"
     "Return the complex conjugate of its argument."},
    {"__complex__", complex_m_complex, METH_DEFAULT,
     "__complex__($self, /)\n--\n\n"
     "Convert this value to exact type complex."},
    {"__getnewargs__", complex_m_getnewargs, METH_DEFAULT, "__getnewargs__($self, /)\n--\n\n"},
    {"__format__", complex_m_format, METH_DEFAULT,
     "__format__($self, format_spec, /)\n--\n\n"
     "Convert to a string according to format_spec."},
    {"__sizeof__", complex_m_sizeof, METH_DEFAULT, "Size of object in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

Type type_complex = {
    .header = {&type_type},
    .name = "complex",
    .text_signature = "(real=0, imag=0)",
    .flags = TYPE_BASETYPE | TYPE_IMMUTABLE,
    .basic_size = sizeof(ComplexObject),
    .base = &type_object,
    .repr = complex_repr_slot,
    .hash = complex_hash_slot,
    .richcompare = complex_richcompare,
    .bool_ = complex_bool,
    .binop = {
        [BINOP_ADD] = complex_add,
        [BINOP_SUB] = complex_sub,
        [BINOP_MUL] = complex_mul,
        [BINOP_TRUEDIV] = complex_truediv,
        [BINOP_POW] = complex_pow,
    },
    .pow3 = complex_pow3,
    .neg = complex_neg,
    .pos = complex_pos,
    .abs = complex_abs,
    .new_ = complex_tp_new,
    .methods = complex_methods,
    .members = complex_members,
};
