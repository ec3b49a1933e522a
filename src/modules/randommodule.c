// randommodule.c - the `_random` module: the Mersenne Twister (MT19937)
// generator that Lib/random.py's Random class subclasses.
//
// The generator, its seeding and the derived random()/getrandbits() are
// CPython's, word for word, so that a seeded random.Random gives the same
// sequence as under CPython:
// - seed(n) for an int: |n| cut into 32-bit words, least significant first,
//   fed to the reference init_by_array (an n of 0 is one word 0); seed()
//   without an argument takes 624 words from the OS; any other object is
//   seeded by its hash (random.py turns str/bytes into ints before).
// - random(): 53 bits from two outputs, (a >> 5) * 2**26 + (b >> 6), / 2**53.
// - getrandbits(k): k bits from ceil(k / 32) outputs, least significant word
//   first, the last one shifted right to keep its top bits.
// - getstate()/setstate(): the 624 words and the index, as a 625-tuple.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

enum { MT_N = 624, MT_M = 397 };

typedef struct RandomObject {
    Object header;
    int index;
    uint32_t state[MT_N];
} RandomObject;

static Type type_random;

static void init_genrand(RandomObject *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) {
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    }
    r->index = MT_N;
}

static void init_by_array(RandomObject *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) {
            j = 0;
        }
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
}

static uint32_t genrand_uint32(RandomObject *r) {
    uint32_t *mt = r->state;
    if (r->index >= MT_N) {
        int k;
        for (k = 0; k < MT_N - MT_M; k++) {
            uint32_t y = (mt[k] & 0x80000000u) | (mt[k + 1] & 0x7fffffffu);
            mt[k] = mt[k + MT_M] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
        }
        for (; k < MT_N - 1; k++) {
            uint32_t y = (mt[k] & 0x80000000u) | (mt[k + 1] & 0x7fffffffu);
            mt[k] = mt[k + (MT_M - MT_N)] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
        }
        uint32_t y = (mt[MT_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

// Seed from an int's magnitude: its 32-bit words, least significant first.
static int seed_from_int(RandomObject *r, Value n) {
    uint32_t small[2] = {0, 0};
    uint32_t *key = small;
    size_t len = 1;
    if (!val_is_smallint(n) && !int_check_exact(n)) {
        n = int_exact(n);  // a bool or an int subclass: its plain value
        if (!n) {
            return -1;
        }
    }
    if (val_is_smallint(n)) {
        int64_t v = val_smallint(n);
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        small[0] = (uint32_t)m;
        small[1] = (uint32_t)(m >> 32);
        len = small[1] ? 2 : 1;
    } else {
        IntObject *o = (IntObject *)val_ptr(n);
        size_t nl = (size_t)(o->size < 0 ? -o->size : o->size);
        key = calloc(2 * nl + 1, sizeof *key);
        if (!key) {
            err_no_memory();
            return -1;
        }
        for (size_t i = 0; i < nl; i++) {
            key[2 * i] = (uint32_t)o->limbs[i];
            key[2 * i + 1] = (uint32_t)(o->limbs[i] >> 32);
        }
        len = 2 * nl;
        while (len > 1 && key[len - 1] == 0) {
            len--;
        }
    }
    init_by_array(r, key, len);
    if (key != small) {
        free(key);
    }
    return 0;
}

static int random_seed(RandomObject *r, Value arg) {
    if (!arg || arg == VAL_NONE) {
        uint32_t key[MT_N];
        size_t got = 0;
        while (got < sizeof key) {
            ssize_t k = getrandom((char *)key + got, sizeof key - got, 0);
            if (k <= 0) {
                break;
            }
            got += (size_t)k;
        }
        if (got < sizeof key) {
            // No OS randomness: the time and the process, as CPython falls back.
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            uint32_t k2[4] = {(uint32_t)ts.tv_sec, (uint32_t)ts.tv_nsec, (uint32_t)getpid(),
                              (uint32_t)((uintptr_t)r >> 4)};
            init_by_array(r, k2, 4);
            return 0;
        }
        init_by_array(r, key, MT_N);
        return 0;
    }
    if (int_check(arg)) {
        return seed_from_int(r, arg);
    }
    int64_t h = obj_hash(arg);
    if (h == -1 && err_occurred()) {
        return -1;
    }
    // CPython seeds from (size_t)hash: a negative hash as its two's complement
    Value n = int_from_u64((uint64_t)h);
    return n ? seed_from_int(r, n) : -1;
}

// Random.__new__ makes an unseeded generator; __init__ seeds it (random.py's
// subclass seeds through its own __init__ and seed()).
static Value random_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    RandomObject *r = (RandomObject *)gc_alloc(t, t->basic_size);
    return r ? val_from_ptr(r) : 0;
}

static Value random_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_of(self);
    if ((t == &type_random || t->init == type_random.init) && kwnames &&
        tuple_obj(kwnames)->len > 0) {
        return err_format(&exc_TypeError, "Random() takes no keyword arguments");
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "Random() requires 0 or 1 argument");
    }
    return random_seed((RandomObject *)val_ptr(self), nargs ? args[0] : 0) < 0 ? 0 : VAL_NONE;
}

static inline RandomObject *RND(Value v) { return (RandomObject *)val_ptr(v); }

FN(random_m_seed) {
    if (method_check_args("Random.seed", nargs, kwnames, 0, 1) < 0 ||
        random_seed(RND(self), nargs ? args[0] : 0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(random_m_random) {
    if (method_check_args("Random.random", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RandomObject *r = RND(self);
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

FN(random_m_getrandbits) {
    if (method_check_args("Random.getrandbits", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t k;
    Value kv = obj_index(args[0]);
    if (!kv) {
        return 0;
    }
    if (int_to_i64(kv, &k) < 0 || k > INT32_MAX || k < INT32_MIN) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    if (k < 0) {
        return err_format(&exc_ValueError, "number of bits must be non-negative");
    }
    RandomObject *r = RND(self);
    if (k == 0) {
        return val_from_smallint(0);
    }
    if (k <= 32) {
        return int_from_u64(genrand_uint32(r) >> (32 - k));
    }
    size_t words = (size_t)((k - 1) / 32 + 1);
    size_t limbs = (words + 1) / 2;
    uint64_t *l = calloc(limbs, sizeof *l);
    if (!l) {
        return err_no_memory();
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = genrand_uint32(r);
        if (k < 32) {
            w >>= 32 - k;
        }
        l[i / 2] |= (uint64_t)w << (32 * (i % 2));
    }
    Value v = int_from_limbs(l, limbs, 0);
    free(l);
    return v;
}

FN(random_m_getstate) {
    if (method_check_args("Random.getstate", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    RandomObject *r = RND(self);
    Value l = list_new(MT_N + 1);
    if (!l) {
        return 0;
    }
    for (int i = 0; i < MT_N; i++) {
        if (list_append(l, int_from_u64(r->state[i])) < 0) {
            return 0;
        }
    }
    if (list_append(l, val_from_smallint(r->index)) < 0) {
        return 0;
    }
    return tuple_from(list_obj(l)->items, MT_N + 1);
}

// An element of a state tuple: an unsigned long (TypeError, OverflowError
// as CPython's PyLong_AsUnsignedLong).
static int state_word(Value v, uint64_t *out) {
    if (!int_check(v)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (!val_is_smallint(v) && !int_check_exact(v) && !(v = int_exact(v))) {
        return -1;
    }
    if (int_sign(v) < 0) {
        err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
        return -1;
    }
    if (val_is_smallint(v)) {
        *out = (uint64_t)val_smallint(v);
        return 0;
    }
    IntObject *o = (IntObject *)val_ptr(v);
    if (o->size > 1) {
        err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = o->limbs[0];
    return 0;
}

FN(random_m_setstate) {
    if (method_check_args("Random.setstate", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value state = args[0];
    if (!tuple_check(state)) {
        return err_format(&exc_TypeError, "state vector must be a tuple");
    }
    if (tuple_obj(state)->len != MT_N + 1) {
        return err_format(&exc_ValueError, "state vector is the wrong size");
    }
    uint32_t words[MT_N];
    for (int i = 0; i < MT_N; i++) {
        uint64_t w;
        if (state_word(tuple_obj(state)->items[i], &w) < 0) {
            return 0;
        }
        words[i] = (uint32_t)w;  // CPython keeps the low 32 bits of a wider value
    }
    Value iv = tuple_obj(state)->items[MT_N];
    int64_t index;
    if (!int_check(iv)) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(iv));
    }
    if (int_to_i64(iv, &index) < 0) {
        return 0;
    }
    if (index < 0 || index > MT_N) {
        return err_format(&exc_ValueError, "invalid state");
    }
    RandomObject *r = RND(self);
    memcpy(r->state, words, sizeof words);
    r->index = (int)index;
    return VAL_NONE;
}

static const MethodDef random_methods[] = {
    {"random", random_m_random, METH_DEFAULT, "random() -> x in the interval [0, 1)."},
    {"seed", random_m_seed, METH_DEFAULT, "seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier."},
    {"getstate", random_m_getstate, METH_DEFAULT, "getstate() -> tuple containing the current state."},
    {"setstate", random_m_setstate, METH_DEFAULT, "setstate(state) -> None.  Restores generator state."},
    {"getrandbits", random_m_getrandbits, METH_DEFAULT, "getrandbits(k) -> x.  Generates an int with k random bits."},
    {NULL, NULL, 0, NULL},
};

static Type type_random = {
    .header = {&type_type},
    .name = "_random.Random",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(RandomObject),
    .base = &type_object,
    .new_ = random_tp_new,
    .init = random_tp_init,
    .methods = random_methods,
};

Value random_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_random) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_random");
    if (!m || module_add(m, "Random", val_from_ptr(&type_random)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Module implements the Mersenne Twister random "
                                               "number generator.")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
