// numbers_test.c - the driver behind numbers_test.sh: runs a list of
// operations on ints, bools, floats and complexes through the types' slots
// and prints each result, for tests/unit/numbers/numbers_oracle.py to compare
// with CPython 3.11.
//
//   numbers_test run CASES [hex]   execute the case file, one result line per case
//   numbers_test bench [SCALE]     timings of the fast paths and big multiplication
// NUMBERS_GC_STRESS=N in the environment collects at every N-th allocation.
//
// CASES holds operands, then operations on them (by index), one per line:
//   o i DECIMAL | o f FLOAT_HEX | o c FLOAT_HEX FLOAT_HEX | o b 0|1
//   o s DECIMAL (an instance of the int subclass S, stored un-normalized)
//   x OP I [J [K]]
// A result prints as "TYPE REPR", "error TYPE: MESSAGE", "hash N", or
// "str TEXT" (repr/str); with `hex`, ints print in hexadecimal (fuzzing:
// CPython's decimal conversion is quadratic).
//
// The type dispatch of abstract.c (operand order, reflected operands,
// NotImplemented, the TypeError messages) is emulated here in a few lines,
// so that a failure points at the number types themselves; the rest of the
// runtime is linked and started with runtime_init.
#include <gmp.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "runtime/runtime.h"
#include "runtime/complex.h"
#include "runtime/exceptions.h"
#include "runtime/float.h"
#include "runtime/gc.h"
#include "runtime/int.h"
#include "runtime/str.h"
#include "runtime/type.h"

const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    // No leak check: objects alive at exit (and the tables they own) are
    // reclaimed by the collector, which does not run a final collection.
    return "detect_stack_use_after_return=0:detect_leaks=0";
}

// type_ready's inheritance: slots a type leaves NULL come from its base.
static void inherit_slots(Type *t) {
    Type *b = t->base;
#define INHERIT(slot)          \
    if (!t->slot) {            \
        t->slot = b->slot;     \
    }
    INHERIT(repr) INHERIT(str) INHERIT(hash) INHERIT(richcompare) INHERIT(bool_)
    INHERIT(pow3) INHERIT(neg) INHERIT(pos) INHERIT(abs) INHERIT(invert) INHERIT(index)
    INHERIT(to_int) INHERIT(to_float)
#undef INHERIT
    for (int i = 0; i < BINOP__COUNT; i++) {
        if (!t->binop[i]) {
            t->binop[i] = b->binop[i];
        }
    }
}

// ---- the dispatch of abstract.c, reduced to numbers ----------------------------------------

static const char *const binop_symbols[] = {
#define BINOP_SYM_(name, dunder, rdunder, idunder, sym) sym,
    BINOPS(BINOP_SYM_)
#undef BINOP_SYM_
};

static Value binop(Value a, Value b, int op) {
    Type *ta = type_of(a), *tb = type_of(b);
    BinaryFunc fa = ta->binop[op], fb = ta != tb ? tb->binop[op] : NULL;
    if (fb == fa) {
        fb = NULL;
    }
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Value r = fb(a, b);
            if (r != VAL_NOTIMPLEMENTED) {
                return r;
            }
            fb = NULL;
        }
        Value r = fa(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (fb) {
        Value r = fb(a, b);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                      op == BINOP_POW ? "** or pow()" : binop_symbols[op], ta->name, tb->name);
}

static Value pow3(Value a, Value b, Value c) {
    Type *ta = type_of(a), *tb = type_of(b), *tc = type_of(c);
    TernaryFunc fa = ta->pow3, fb = ta != tb ? tb->pow3 : NULL, fc = tc->pow3;
    if (fb == fa) {
        fb = NULL;
    }
    if (fc == fa || fc == fb) {
        fc = NULL;
    }
    if (fa) {
        if (fb && type_is_subtype(tb, ta)) {
            Value r = fb(a, b, c);
            if (r != VAL_NOTIMPLEMENTED) {
                return r;
            }
            fb = NULL;
        }
        Value r = fa(a, b, c);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    TernaryFunc rest[2] = {fb, fc};
    for (int i = 0; i < 2; i++) {
        if (rest[i]) {
            Value r = rest[i](a, b, c);
            if (r != VAL_NOTIMPLEMENTED) {
                return r;
            }
        }
    }
    return err_format(&exc_TypeError, "unsupported operand type(s) for pow(): '%s', '%s', '%s'",
                      ta->name, tb->name, tc->name);
}

static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const CompareOp swapped[] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Value richcompare(Value a, Value b, CompareOp op) {
    Type *ta = type_of(a), *tb = type_of(b);
    bool reflected_first = ta != tb && type_is_subtype(tb, ta) && tb->richcompare;
    if (reflected_first) {
        Value r = tb->richcompare(b, a, swapped[op]);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (ta->richcompare) {
        Value r = ta->richcompare(a, b, op);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (!reflected_first && tb->richcompare) {
        Value r = tb->richcompare(b, a, swapped[op]);
        if (r != VAL_NOTIMPLEMENTED) {
            return r;
        }
    }
    if (op == CMP_EQ || op == CMP_NE) {
        return val_bool((a == b) == (op == CMP_EQ));
    }
    return err_format(&exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      compare_symbols[op], ta->name, tb->name);
}

static const char *const unary_symbols[] = {"-", "+", "abs()", "~"};

static Value unary(Value a, int which) {
    Type *t = type_of(a);
    UnaryFunc f = which == 0 ? t->neg : which == 1 ? t->pos : which == 2 ? t->abs : t->invert;
    if (!f) {
        if (which == 2) {
            return err_format(&exc_TypeError, "bad operand type for abs(): '%s'", t->name);
        }
        return err_format(&exc_TypeError, "bad operand type for unary %s: '%s'",
                          unary_symbols[which], t->name);
    }
    return f(a);
}

// ---- printing ------------------------------------------------------------------------------

static bool print_hex;

static void put_int(StrBuf *b, Value v) {
    if (!print_hex) {
        int64_t saved = int_max_str_digits;
        int_max_str_digits = 0;
        int_repr_value(b, v);
        int_max_str_digits = saved;
        return;
    }
    // hex(v): mpn_get_str in base 16 on a copy of the magnitude.
    Value a = type_int.abs(v);
    int neg = int_sign(v) < 0;
    sb_puts(b, neg ? "-0x" : "0x");
    if (val_is_smallint(a)) {
        sb_printf(b, "%" PRIx64, (uint64_t)val_smallint(a));
        return;
    }
    IntObject *o = (IntObject *)val_ptr(a);
    size_t n = (size_t)o->size;
    mp_limb_t *copy = malloc(n * sizeof(mp_limb_t));
    unsigned char *digits = malloc(n * 16 + 1);
    memcpy(copy, o->limbs, n * sizeof(mp_limb_t));
    size_t len = mpn_get_str(digits, 16, copy, (mp_size_t)n);
    size_t i = 0;
    while (i + 1 < len && digits[i] == 0) {
        i++;
    }
    for (; i < len; i++) {
        sb_putc(b, "0123456789abcdef"[digits[i]]);
    }
    free(copy);
    free(digits);
}

static void put_value(StrBuf *b, Value v) {
    Type *t = type_of(v);
    if (t == &type_bool) {
        sb_puts(b, v == VAL_TRUE ? "bool True" : "bool False");
    } else if (t == &type_int) {
        sb_puts(b, "int ");
        put_int(b, v);
    } else if (t == &type_float) {
        sb_puts(b, "float ");
        float_repr(b, float_value(v));
    } else if (t == &type_complex) {
        sb_puts(b, "complex ");
        complex_repr(b, complex_obj(v)->real, complex_obj(v)->imag);
    } else if (t == &type_str) {
        sb_puts(b, "str ");
        sb_puts(b, str_obj(v)->data);
    } else {
        sb_printf(b, "<%s>", t->name);
    }
}

static void put_result(StrBuf *b, Value v) {
    if (v) {
        put_value(b, v);
        return;
    }
    const char *msg;
    Type *t = err_pending_type(&msg);
    if (!t) {
        sb_puts(b, "<0 without an exception>");
        return;
    }
    sb_printf(b, "error %s: %s", t->name, msg);
    err_clear();
}

// ---- running a case file ------------------------------------------------------------------------

// An int subclass `S` (class S(int): pass) whose instances keep their value
// un-normalized, with two high zero limbs: int.c must read any IntObject.
static Type stand_in_int_subclass = {
    .header = {&type_type}, .name = "S", .flags = TYPE_INT_SUBCLASS, .base = &type_int};

static Value int_subclass_instance(Value v) {
    IntObject *o = (IntObject *)gc_alloc(&stand_in_int_subclass, sizeof(IntObject) + 8 * 8);
    int64_t i;
    if (int_to_i64(v, &i) == 0) {
        o->limbs[0] = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
        o->size = i < 0 ? -3 : 3;
    } else {
        IntObject *big = (IntObject *)val_ptr(v);
        err_clear();
        int64_t n = big->size < 0 ? -big->size : big->size;
        memcpy(o->limbs, big->limbs, (size_t)n * 8);
        o->size = big->size < 0 ? -(n + 2) : n + 2;
    }
    return val_from_ptr(o);
}

static Value parse_operand(char *line) {
    char kind = line[2];
    char *arg = line + 4;
    if (kind == 's') {
        line[2] = 'i';
        return int_subclass_instance(parse_operand(line));
    }
    if (kind == 'b') {
        return val_bool(arg[0] == '1');
    }
    if (kind == 'f') {
        return float_from_double(strtod(arg, NULL));
    }
    if (kind == 'c') {
        char *end;
        double re = strtod(arg, &end);
        double im = strtod(end, NULL);
        return complex_new(re, im);
    }
    bool neg = arg[0] == '-';
    if (neg) {
        arg++;
    }
    size_t n = strcspn(arg, "\n");
    unsigned char *digits = malloc(n + 1);
    for (size_t i = 0; i < n; i++) {
        digits[i] = (unsigned char)(arg[i] - '0');
    }
    uint64_t *limbs = calloc(int_limbs_for_digits(n, 10), sizeof(uint64_t));
    size_t nl = int_limbs_from_digits(limbs, digits, n, 10);
    Value v = int_from_limbs(limbs, nl, neg);
    free(digits);
    free(limbs);
    return v;
}

static Value run_op(const char *op, Value *x, int nargs) {
    static const char *const binops[] = {
#define BINOP_NAME_(name, dunder, rdunder, idunder, sym) #name,
        BINOPS(BINOP_NAME_)
#undef BINOP_NAME_
    };
    static const char *const compares[] = {"lt", "le", "eq", "ne", "gt", "ge"};
    static const char *const unaries[] = {"neg", "pos", "abs", "invert"};
    for (int i = 0; i < BINOP__COUNT; i++) {
        if (nargs == 2 && strcasecmp(op, binops[i]) == 0) {
            return binop(x[0], x[1], i);
        }
    }
    for (int i = 0; i < 6; i++) {
        if (nargs == 2 && strcmp(op, compares[i]) == 0) {
            return richcompare(x[0], x[1], (CompareOp)i);
        }
    }
    for (int i = 0; i < 4; i++) {
        if (strcmp(op, unaries[i]) == 0) {
            return unary(x[0], i);
        }
    }
    Type *t = type_of(x[0]);
    if (strcmp(op, "pow3") == 0) {
        return pow3(x[0], x[1], x[2]);
    }
    if (strcmp(op, "bool") == 0) {
        int r = t->bool_(x[0]);
        return r < 0 ? 0 : val_bool(r);
    }
    if (strcmp(op, "repr") == 0) {
        return t->repr(x[0]);
    }
    if (strcmp(op, "str") == 0) {
        return t->str(x[0]);
    }
    if (strcmp(op, "int") == 0) {
        if (!t->to_int) {
            return err_format(&exc_TypeError,
                              "int() argument must be a string, a bytes-like object or a real "
                              "number, not '%s'", t->name);
        }
        return t->to_int(x[0]);
    }
    if (strcmp(op, "float") == 0) {
        if (!t->to_float) {
            return err_format(&exc_TypeError,
                              "float() argument must be a string or a real number, not '%s'",
                              t->name);
        }
        return t->to_float(x[0]);
    }
    if (strcmp(op, "index") == 0) {
        if (!t->index) {
            return err_format(&exc_TypeError,
                              "'%s' object cannot be interpreted as an integer", t->name);
        }
        return t->index(x[0]);
    }
    return err_format(&exc_SystemError, "unknown operation %s", op);
}

static void put_hash(StrBuf *b, Value v) {
    Type *t = type_of(v);
    bool nan = (t == &type_float && isnan(float_value(v))) ||
               (t == &type_complex && (isnan(complex_obj(v)->real) || isnan(complex_obj(v)->imag)));
    int64_t h = t->hash(v);
    if (h == -1) {
        sb_puts(b, "hash -1 (error)");
    } else if (nan) {
        // By identity, as in CPython: only stability can be compared.
        sb_puts(b, t->hash(v) == h ? "hash <identity>" : "hash <unstable>");
    } else {
        sb_printf(b, "hash %" PRId64, h);
    }
}

// The operands live in a heap object the collector traces (malloc'ed memory
// is not scanned), reached from a registered root.
typedef struct OperandArray {
    Object header;
    size_t len;
    Value items[];
} OperandArray;

static void operand_array_trace(Object *o, GcTracer *t) {
    OperandArray *a = (OperandArray *)o;
    gc_trace_values(t, a->items, a->len);
}

static Type operand_array_type = {
    .header = {&type_type}, .name = "operands", .trace = operand_array_trace};
static Value operand_root;

static int run_cases(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return 2;
    }
    char *line = NULL;
    size_t linecap = 0, total = 0;
    while (getline(&line, &linecap, f) > 0) {
        total += line[0] == 'o';
    }
    rewind(f);
    OperandArray *operands = (OperandArray *)gc_alloc(
        &operand_array_type, sizeof(OperandArray) + (total + 1) * sizeof(Value));
    operand_root = val_from_ptr(operands);
    gc_add_root(&operand_root);
    StrBuf out;
    sb_init(&out);
    while (getline(&line, &linecap, f) > 0) {
        if (line[0] == 'o') {
            Value v = parse_operand(line);
            operands->items[operands->len++] = v;
            continue;
        }
        if (line[0] != 'x') {
            continue;
        }
        char op[16];
        int idx[3] = {0, 0, 0};
        int nargs = sscanf(line + 2, "%15s %d %d %d", op, &idx[0], &idx[1], &idx[2]) - 1;
        Value args[3];
        for (int i = 0; i < nargs; i++) {
            args[i] = operands->items[idx[i]];
        }
        out.len = 0;
        if (strcmp(op, "hash") == 0) {
            put_hash(&out, args[0]);
        } else {
            put_result(&out, run_op(op, args, nargs));
        }
        sb_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
    }
    sb_free(&out);
    free(line);
    fclose(f);
    return 0;
}

// ---- timings -----------------------------------------------------------------------------------

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int bench(double scale) {
    BinaryFunc add = type_int.binop[BINOP_ADD];
    BinaryFunc fmul = type_float.binop[BINOP_MUL];
    long n = (long)(50000000 * scale);
    // Calibration: a chain of dependent 1-cycle additions measures the clock.
    uint64_t c = 0;
    double t0 = now();
    for (long i = 0; i < n * 4; i++) {
        c += (uint64_t)i;
        __asm__ volatile("" : "+r"(c));
    }
    double cycle = (now() - t0) * 1e9 / (double)(n * 4);
    printf("perf: one cycle (dependent add chain) = %.3f ns\n", cycle);
    Value acc = val_from_smallint(0), one = val_from_smallint(1);
    t0 = now();
    for (long i = 0; i < n; i++) {
        acc = add(acc, one);
        __asm__ volatile("" : "+r"(acc));
    }
    double t1 = now();
    printf("perf: small int add (slot call, dependent chain): %.2f ns/op = %.1f cycles "
           "(result %" PRId64 ")\n", (t1 - t0) * 1e9 / (double)n, (t1 - t0) * 1e9 / (double)n / cycle,
           val_smallint(acc));
    Value x = float_from_double(1.0), k = float_from_double(1.0000001);
    t0 = now();
    for (long i = 0; i < n; i++) {
        x = fmul(x, k);
        __asm__ volatile("" : "+r"(x));
        if ((i & 1023) == 0) {
            x = float_from_double(1.0);
        }
    }
    t1 = now();
    printf("perf: float mul (slot call, flonums, dependent chain): %.2f ns/op = %.1f cycles\n",
           (t1 - t0) * 1e9 / (double)n, (t1 - t0) * 1e9 / (double)n / cycle);
    // Two 100000-digit numbers: 10**100000 - 1 and 7**118300 (about 99980 digits).
    BinaryFunc pw = type_int.binop[BINOP_POW], mul = type_int.binop[BINOP_MUL];
    Value a = type_int.binop[BINOP_SUB](pw(val_from_smallint(10), val_from_smallint(100000)), one);
    Value b = pw(val_from_smallint(7), val_from_smallint(118300));
    int reps = scale >= 1 ? 20 : 2;
    t0 = now();
    Value p = 0;
    for (int i = 0; i < reps; i++) {
        p = mul(a, b);
    }
    t1 = now();
    printf("perf: 100000-digit * 100000-digit multiply: %.3f ms (result hash %" PRId64 ")\n",
           (t1 - t0) * 1e3 / reps, int_hash(p));
    // p // b (200000 digits by 100000), 7 ** 1000000, pow(3, e, m) with
    // 2048-bit e and m, and repr of the 100000-digit a.
    BinaryFunc fdiv = type_int.binop[BINOP_FLOORDIV];
    t0 = now();
    Value q = 0;
    for (int i = 0; i < reps; i++) {
        q = fdiv(p, b);
    }
    t1 = now();
    printf("perf: 200000-digit // 100000-digit: %.3f ms (equal: %d)\n", (t1 - t0) * 1e3 / reps,
           int_compare(q, a) == 0);
    t0 = now();
    Value big = pw(val_from_smallint(7), val_from_smallint(1000000));
    t1 = now();
    printf("perf: 7 ** 1000000: %.3f ms (hash %" PRId64 ")\n", (t1 - t0) * 1e3, int_hash(big));
    BinaryFunc shl = type_int.binop[BINOP_LSHIFT];
    Value m = type_int.binop[BINOP_SUB](shl(one, val_from_smallint(2048)),
                                         val_from_smallint(159));  // 2**2048 - 159
    Value e = type_int.binop[BINOP_SUB](shl(one, val_from_smallint(2047)), val_from_smallint(1));
    t0 = now();
    Value r = 0;
    for (int i = 0; i < reps; i++) {
        r = int_pow3(val_from_smallint(3), e, m);
    }
    t1 = now();
    printf("perf: pow(3, 2**2047 - 1, 2**2048 - 159): %.3f ms (hash %" PRId64 ")\n",
           (t1 - t0) * 1e3 / reps, int_hash(r));
    StrBuf sb;
    sb_init(&sb);
    int64_t saved = int_max_str_digits;
    int_max_str_digits = 0;
    t0 = now();
    int_repr_value(&sb, a);
    t1 = now();
    int_max_str_digits = saved;
    printf("perf: repr of a 100000-digit int: %.3f ms (%zu digits)\n", (t1 - t0) * 1e3, sb.len);
    sb_free(&sb);
    return 0;
}

static int run(int argc, char **argv) {
    inherit_slots(&type_bool);
    inherit_slots(&stand_in_int_subclass);
    const char *stress = getenv("NUMBERS_GC_STRESS");  // collect every N allocations
    if (stress) {
        gc_set_stress((unsigned)atoi(stress));
    }
    if (argc >= 3 && strcmp(argv[1], "run") == 0) {
        print_hex = argc >= 4 && strcmp(argv[3], "hex") == 0;
        return run_cases(argv[2]);
    }
    if (argc >= 2 && strcmp(argv[1], "bench") == 0) {
        return bench(argc >= 3 ? atof(argv[2]) : 1.0);
    }
    fprintf(stderr, "usage: numbers_test run CASES [hex] | bench [SCALE]\n");
    return 2;
}

int main(int argc, char **argv) {
    int base;
    const char *error;
    if (runtime_init(&base, "0", &error) < 0) {
        fprintf(stderr, "runtime_init: %s\n", error);
        return 1;
    }
    return run(argc, argv);
}
