// unpickler.c - the `_pickle` module's Unpickler: pickle.Unpickler, load
// and loads (with the memo proxy UnpicklerMemoProxy). picklemodule.c's
// opening comment describes the design; pickle.h what the files share.
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/memoryview.h"
#include "../runtime/module.h"
#include "../runtime/set.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/import.h"
#include "../vm/vm.h"
#include "modules.h"
#include "pickle.h"


#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- the Unpickler object ----------------------------------------------------------------------

typedef struct UnpicklerObject {
    Object header;
    Value *stack;
    size_t stack_len, stack_cap;
    size_t fence;             // the top mark, or 0
    int mark_set;
    size_t *marks;
    size_t num_marks, marks_cap;
    Value *memo;
    size_t memo_size, memo_len;
    Value pers_func;
    Value read, readline, readinto, peek, buffers;
    Value input_obj;          // what `input` points into
    Buffer window;            // an open window on input_obj (loads of a bytes-like), or obj 0
    const char *input;
    size_t input_len, next_read;
    char *line;               // the last line read
    size_t line_cap;
    char *encoding, *errors;  // malloc'ed when owns_*, else static defaults
    int owns_encoding, owns_errors;
    int proto, fix_imports;
} UnpicklerObject;

static void unpickler_free_encoding(UnpicklerObject *u) {
    if (u->owns_encoding) {
        free(u->encoding);
    }
    if (u->owns_errors) {
        free(u->errors);
    }
    u->encoding = u->errors = NULL;
    u->owns_encoding = u->owns_errors = 0;
}

static void unpickler_trace(Object *o, GcTracer *t) {
    UnpicklerObject *u = (UnpicklerObject *)o;
    if (u->stack) {
        gc_trace_values(t, u->stack, u->stack_len);
    }
    if (u->memo) {
        for (size_t i = 0; i < u->memo_size; i++) {
            if (u->memo[i]) {
                gc_trace_value(t, u->memo[i]);
            }
        }
    }
    gc_trace_value(t, u->pers_func);
    gc_trace_value(t, u->read);
    gc_trace_value(t, u->readline);
    gc_trace_value(t, u->readinto);
    gc_trace_value(t, u->peek);
    gc_trace_value(t, u->buffers);
    gc_trace_value(t, u->input_obj);
    gc_trace_value(t, u->window.obj);
}

static void unpickler_release_input(UnpicklerObject *u) {
    if (u->window.obj) {
        buffer_release(&u->window);
    }
    u->input_obj = 0;
    u->input = NULL;
    u->input_len = u->next_read = 0;
}

static void unpickler_free(Object *o) {
    UnpicklerObject *u = (UnpicklerObject *)o;
    free(u->stack);
    free(u->marks);
    free(u->memo);
    free(u->line);
    unpickler_free_encoding(u);
    u->stack = NULL;
    u->marks = NULL;
    u->memo = NULL;
    u->line = NULL;
}

static inline UnpicklerObject *UP(Value v) {
    return (UnpicklerObject *)val_ptr(v);
}

static int bad_readline(void) {
    RAISE(pickle_UnpicklingError, "pickle data was truncated");
    return -1;
}

// Make the bytes-like `data` the input (a file read's result).
static int64_t set_input(UnpicklerObject *u, Value data) {
    unpickler_release_input(u);
    Buffer w;
    if (buffer_get_bytes_like(data, &w) < 0) {
        return -1;
    }
    u->window = w;
    u->input_obj = data;
    u->input = w.buf;
    u->input_len = (size_t)w.len;
    u->next_read = 0;
    return w.len;
}

// Read n bytes from the file into the input (the old input is dropped).
static int64_t read_from_file(UnpicklerObject *u, int64_t n) {
    Value data;
    if (n < 0) {
        data = obj_call0(u->readline);
    } else {
        data = obj_call1(u->read, int_from_i64(n));
    }
    if (!data) {
        return -1;
    }
    return set_input(u, data);
}

static int read_slow(UnpicklerObject *u, const char **s, size_t n) {
    if (u->next_read > SIZE_MAX / 2 - n) {
        RAISE(pickle_UnpicklingError, "read would overflow (invalid bytecode)");
        return -1;
    }
    if (!u->read) {
        return bad_readline();
    }
    if (n > INT64_MAX) {
        return bad_readline();
    }
    int64_t got = read_from_file(u, (int64_t)n);
    if (got < 0) {
        return -1;
    }
    if ((size_t)got < n) {
        return bad_readline();
    }
    *s = u->input;
    u->next_read = n;
    return 0;
}

static inline int up_read(UnpicklerObject *u, const char **s, size_t n) {
    if (n <= u->input_len - u->next_read) {
        *s = u->input + u->next_read;
        u->next_read += n;
        return 0;
    }
    return read_slow(u, s, n);
}

static int64_t copy_line(UnpicklerObject *u, const char *p, size_t len, char **out) {
    if (len + 1 > u->line_cap) {
        char *l = realloc(u->line, len + 1);
        if (!l) {
            err_no_memory();
            return -1;
        }
        u->line = l;
        u->line_cap = len + 1;
    }
    memcpy(u->line, p, len);
    u->line[len] = 0;
    *out = u->line;
    return (int64_t)len;
}

// A line, its '\n' included; the length, or -1.
static int64_t up_readline(UnpicklerObject *u, char **out) {
    for (size_t i = u->next_read; i < u->input_len; i++) {
        if (u->input[i] == '\n') {
            const char *start = u->input + u->next_read;
            size_t n = i - u->next_read + 1;
            u->next_read = i + 1;
            return copy_line(u, start, n, out);
        }
    }
    if (!u->read) {
        return bad_readline();
    }
    int64_t n = read_from_file(u, -1);
    if (n < 0) {
        return -1;
    }
    if (n == 0 || u->input[n - 1] != '\n') {
        return bad_readline();
    }
    u->next_read = (size_t)n;
    return copy_line(u, u->input, (size_t)n, out);
}

static int stack_underflow(UnpicklerObject *u) {
    RAISE(pickle_UnpicklingError,
          u->mark_set ? "unexpected MARK found" : "unpickling stack underflow");
    return -1;
}

static int push_slow(UnpicklerObject *u, Value v) {
    if (u->stack_len == u->stack_cap) {
        size_t cap = u->stack_cap + (u->stack_cap >> 3) + 8;
        Value *s = realloc(u->stack, cap * sizeof *s);
        if (!s) {
            err_no_memory();
            return -1;
        }
        u->stack = s;
        u->stack_cap = cap;
    }
    u->stack[u->stack_len++] = v;
    return 0;
}

static inline int push(UnpicklerObject *u, Value v) {
    if (__builtin_expect(u->stack_len < u->stack_cap, 1)) {
        u->stack[u->stack_len++] = v;
        return 0;
    }
    return push_slow(u, v);
}

static Value pop(UnpicklerObject *u) {
    if (u->stack_len <= u->fence) {
        stack_underflow(u);
        return 0;
    }
    return u->stack[--u->stack_len];
}

static Value pop_tuple(UnpicklerObject *u, size_t start) {
    if (start < u->fence) {
        stack_underflow(u);
        return 0;
    }
    Value t = tuple_from(u->stack + start, u->stack_len - start);
    if (t) {
        u->stack_len = start;
    }
    return t;
}

static Value pop_list(UnpicklerObject *u, size_t start) {
    Value l = list_from(u->stack + start, u->stack_len - start);
    if (l) {
        u->stack_len = start;
    }
    return l;
}

static int64_t marker(UnpicklerObject *u) {
    if (u->num_marks < 1) {
        RAISE(pickle_UnpicklingError, "could not find MARK");
        return -1;
    }
    size_t mark = u->marks[--u->num_marks];
    u->mark_set = u->num_marks != 0;
    u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
    return (int64_t)mark;
}

static int memo_put_u(UnpicklerObject *u, size_t idx, Value v) {
    if (idx >= u->memo_size) {
        size_t ns = idx * 2 < 32 ? 32 : idx * 2;
        if (ns <= idx || ns > SIZE_MAX / sizeof(Value)) {
            err_no_memory();
            return -1;
        }
        Value *m = realloc(u->memo, ns * sizeof *m);
        if (!m) {
            err_no_memory();
            return -1;
        }
        memset(m + u->memo_size, 0, (ns - u->memo_size) * sizeof *m);
        u->memo = m;
        u->memo_size = ns;
    }
    if (!u->memo[idx]) {
        u->memo_len++;
    }
    u->memo[idx] = v;
    return 0;
}

static Value memo_get_u(UnpicklerObject *u, size_t idx) {
    return idx < u->memo_size ? u->memo[idx] : 0;
}

static void memo_clear_u(UnpicklerObject *u) {
    if (u->memo) {
        memset(u->memo, 0, u->memo_size * sizeof *u->memo);
    }
    u->memo_len = 0;
}

static size_t calc_binsize(const unsigned char *s, int n, int *overflow) {
    uint64_t x = 0;
    for (int i = 0; i < n; i++) {
        x |= (uint64_t)s[i] << (8 * i);
    }
    *overflow = x > INT64_MAX;
    return (size_t)x;
}

static int64_t calc_binint(const unsigned char *s, int n) {
    int64_t x = 0;
    for (int i = 0; i < n; i++) {
        x |= (int64_t)s[i] << (8 * i);
    }
    if (n == 4) {
        x = (int32_t)(uint32_t)x;
    }
    return x;
}

// int from little-endian two's complement bytes.
static Value int_from_twos(const unsigned char *d, size_t n) {
    if (n == 0) {
        return val_from_smallint(0);
    }
    int neg = (d[n - 1] & 0x80) != 0;
    size_t nl = (n + 7) / 8;
    uint64_t *l = calloc(nl, sizeof *l);
    if (!l) {
        return err_no_memory();
    }
    unsigned carry = 1;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = d[i];
        if (neg) {
            unsigned x = (unsigned)(unsigned char)~b + carry;
            b = (unsigned char)x;
            carry = x >> 8;
        }
        l[i / 8] |= (uint64_t)b << (8 * (i % 8));
    }
    Value v = int_from_limbs(l, nl, neg);
    free(l);
    return v;
}

static int utf8_is_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)s[i] >= 0x80) {
            return 0;
        }
    }
    return 1;
}

// Text of an int in INT/LONG/GET/PUT lines: int(s, base). Like CPython's
// PyLong_FromString, bytes that are not UTF-8 raise UnicodeDecodeError.
static Value int_from_line(const char *s, size_t len, int base) {
    Value t = utf8_is_ascii(s, len) ? str_from_utf8(s, len)
                                    : codec_decode(0, s, len, "utf-8", NULL);
    return t ? int_from_text(t, base) : 0;
}

// A FLOAT line as PyOS_string_to_double reads it: a decimal or inf/nan
// prefix (no whitespace, no hex); *end after it. 0 with ValueError when
// nothing converts.
static int parse_float_line(const char *s, double *out, const char **end) {
    const char *p = s;
    if (*p == '+' || *p == '-') {
        p++;
    }
    int ok = (*p >= '0' && *p <= '9') || (*p == '.' && p[1] >= '0' && p[1] <= '9') ||
             strncasecmp(p, "inf", 3) == 0 || strncasecmp(p, "nan", 3) == 0;
    char *e = NULL;
    if (ok) {
        if ((*p == '0') && (p[1] == 'x' || p[1] == 'X')) {
            *out = 0.0;
            *end = p + 1;
            return 0;
        }
        errno = 0;
        *out = strtod(s, &e);
        if (strncasecmp(p, "nan", 3) == 0) {
            e = (char *)p + 3;  // no "nan(chars)"
        }
    }
    if (!ok || e == s) {
        RAISE(val_from_ptr(&exc_ValueError), "could not convert string to float: '%s'", s);
        return -1;
    }
    if (errno == ERANGE && (*out > 1.0 || *out < -1.0)) {
        RAISE(val_from_ptr(&exc_OverflowError), "could not convert string to float: '%s'", s);
        return -1;
    }
    *end = e;
    return 0;
}

// CPython allocates a bytes/bytearray payload before reading it: a size
// that cannot be allocated is a MemoryError even in a truncated pickle.
static int check_payload_alloc(UnpicklerObject *u, size_t size, int bytearray) {
    if (size <= u->input_len - u->next_read) {
        return 0;
    }
    if (!bytearray && size > (size_t)INT64_MAX - 33) {
        RAISE(val_from_ptr(&exc_OverflowError), "byte string is too large");
        return -1;
    }
    void *m = size >= (size_t)INT64_MAX ? NULL : malloc(size + 1);
    if (!m) {
        err_no_memory();
        return -1;
    }
    free(m);
    return 0;
}

static Value decode_utf8_surrogatepass(const char *s, size_t n) {
    if (utf8_is_ascii(s, n)) {
        return n <= 1 ? str_from_utf8(s, n) : str_from_utf8_known(s, n, n, 0);
    }
    return codec_decode(0, s, n, "utf-8", "surrogatepass");
}

static Value decode_ascii(const char *s, size_t n) {
    if (utf8_is_ascii(s, n)) {
        return str_from_utf8(s, n);
    }
    return codec_decode(0, s, n, "ascii", "strict");
}

static Value find_class(UnpicklerObject *u, Value module_name, Value global_name) {
    return obj_call_method(val_from_ptr(u), "find_class", (Value[]){module_name, global_name}, 2);
}

static Value instantiate(Value cls, Value args) {
    if (tuple_obj(args)->len == 0 && type_check(cls)) {
        Value f = obj_getattr_opt(cls, pickle_id_getinitargs);
        if (!f) {
            if (err_occurred()) {
                return 0;
            }
            return obj_call_method(cls, "__new__", &cls, 1);
        }
    }
    return obj_call_tuple_dict(cls, args, 0);
}

static int load_extension(UnpicklerObject *u, int nbytes) {
    const char *s;
    if (up_read(u, &s, (size_t)nbytes) < 0) {
        return -1;
    }
    int64_t code = calc_binint((const unsigned char *)s, nbytes);
    if (code <= 0) {
        RAISE(pickle_UnpicklingError, "EXT specifies code <= 0");
        return -1;
    }
    Value py_code = int_from_i64(code);
    Value obj = dict_get(pickle_extension_cache, py_code);
    if (obj) {
        return push(u, obj);
    }
    if (err_occurred()) {
        return -1;
    }
    Value pair = dict_get(pickle_inverted_registry, py_code);
    if (!pair) {
        if (!err_occurred()) {
            RAISE(val_from_ptr(&exc_ValueError), "unregistered extension code %lld",
                  (long long)code);
        }
        return -1;
    }
    if (!tuple_check(pair) || tuple_obj(pair)->len != 2 ||
        !val_is_str(tuple_obj(pair)->items[0]) || !val_is_str(tuple_obj(pair)->items[1])) {
        RAISE(val_from_ptr(&exc_ValueError), "_inverted_registry[%lld] isn't a 2-tuple of strings",
              (long long)code);
        return -1;
    }
    obj = find_class(u, tuple_obj(pair)->items[0], tuple_obj(pair)->items[1]);
    if (!obj || dict_set(pickle_extension_cache, py_code, obj) < 0) {
        return -1;
    }
    return push(u, obj);
}

static int do_append(UnpicklerObject *u, size_t x) {
    size_t len = u->stack_len;
    if (x > len || x <= u->fence) {
        return stack_underflow(u);
    }
    if (len == x) {
        return 0;
    }
    Value list = u->stack[x - 1];
    if (list_check_exact(list)) {
        int r = list_append_array(list_obj(list), u->stack + x, len - x);
        u->stack_len = x;
        return r;
    }
    Value extend = obj_getattr_opt(list, pickle_id_extend);
    if (!extend && err_occurred()) {
        return -1;
    }
    if (extend) {
        Value slice = pop_list(u, x);
        return slice && obj_call1(extend, slice) ? 0 : -1;
    }
    Value append = obj_getattr(list, pickle_id_append);
    if (!append) {
        return -1;
    }
    for (size_t i = x; i < len; i++) {
        if (!obj_call1(append, u->stack[i])) {
            u->stack_len = x;
            return -1;
        }
    }
    u->stack_len = x;
    return 0;
}

static int do_setitems(UnpicklerObject *u, int64_t xs) {
    size_t len = u->stack_len;
    if (xs < 0 || (size_t)xs > len || (size_t)xs <= u->fence) {
        return stack_underflow(u);
    }
    size_t x = (size_t)xs;
    if (len == x) {
        return 0;
    }
    if ((len - x) % 2 != 0) {
        RAISE(pickle_UnpicklingError, "odd number of items for SETITEMS");
        return -1;
    }
    Value d = u->stack[x - 1];
    int status = 0;
    for (size_t i = x + 1; i < len; i += 2) {
        if (obj_setitem(d, u->stack[i - 1], u->stack[i]) < 0) {
            status = -1;
            break;
        }
    }
    u->stack_len = x;
    return status;
}

static int load_additems(UnpicklerObject *u) {
    int64_t m = marker(u);
    if (m < 0) {
        return -1;
    }
    size_t mark = (size_t)m, len = u->stack_len;
    if (mark > len || mark <= u->fence) {
        return stack_underflow(u);
    }
    if (len == mark) {
        return 0;
    }
    Value set = u->stack[mark - 1];
    if (set_check_any(set) && !frozenset_check_exact(set)) {
        for (size_t i = mark; i < len; i++) {
            if (set_add(set, u->stack[i]) < 0) {
                u->stack_len = mark;
                return -1;
            }
        }
        u->stack_len = mark;
        return 0;
    }
    Value add = obj_getattr(set, pickle_id_add);
    if (!add) {
        return -1;
    }
    for (size_t i = mark; i < len; i++) {
        if (!obj_call1(add, u->stack[i])) {
            u->stack_len = mark;
            return -1;
        }
    }
    u->stack_len = mark;
    return 0;
}

static int load_build(UnpicklerObject *u) {
    if (u->stack_len < 2 || u->stack_len - 2 < u->fence) {
        return stack_underflow(u);
    }
    Value state = pop(u);
    if (!state) {
        return -1;
    }
    Value inst = u->stack[u->stack_len - 1];
    Value setstate = obj_getattr_opt(inst, pickle_id_setstate);
    if (!setstate && err_occurred()) {
        return -1;
    }
    if (setstate) {
        return obj_call1(setstate, state) ? 0 : -1;
    }
    Value slotstate = 0;
    if (tuple_check(state) && tuple_obj(state)->len == 2) {
        slotstate = tuple_obj(state)->items[1];
        state = tuple_obj(state)->items[0];
    }
    if (state != VAL_NONE) {
        if (!dict_check(state)) {
            RAISE(pickle_UnpicklingError, "state is not a dictionary");
            return -1;
        }
        Value d = obj_getattr(inst, pickle_id_dict);
        if (!d) {
            return -1;
        }
        size_t pos = 0;
        Value k, v;
        while (dict_next(state, &pos, &k, &v)) {
            if (val_is_str(k) && type_of(k) == &type_str) {
                k = str_intern(k);
            }
            if (obj_setitem(d, k, v) < 0) {
                return -1;
            }
        }
    }
    if (slotstate) {
        if (!dict_check(slotstate)) {
            RAISE(pickle_UnpicklingError, "slot state is not a dictionary");
            return -1;
        }
        size_t pos = 0;
        Value k, v;
        while (dict_next(slotstate, &pos, &k, &v)) {
            if (!val_is_str(k)) {
                RAISE(val_from_ptr(&exc_TypeError), "attribute name must be string, not '%s'",
                      obj_type_name(k));
                return -1;
            }
            if (obj_setattr(inst, str_intern(k), v) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

static int load_newobj(UnpicklerObject *u, int use_kwargs) {
    Value kwargs = 0;
    if (use_kwargs && !(kwargs = pop(u))) {
        return -1;
    }
    Value args = pop(u);
    if (!args) {
        return -1;
    }
    Value cls = pop(u);
    if (!cls) {
        return -1;
    }
    const char *op = use_kwargs ? "NEWOBJ_EX" : "NEWOBJ";
    if (!type_check(cls)) {
        RAISE(pickle_UnpicklingError, "%s class argument must be a type, not %s", op,
              obj_type_name(cls));
        return -1;
    }
    if (!type_ptr(cls)->new_) {
        RAISE(pickle_UnpicklingError, "%s class argument '%s' doesn't have __new__", op,
              type_ptr(cls)->name);
        return -1;
    }
    if (!tuple_check(args)) {
        RAISE(pickle_UnpicklingError, "%s args argument must be a tuple, not %s", op,
              obj_type_name(args));
        return -1;
    }
    if (use_kwargs && !dict_check(kwargs)) {
        RAISE(pickle_UnpicklingError, "%s kwargs argument must be a dict, not %s", op,
              obj_type_name(kwargs));
        return -1;
    }
    // cls.__new__(cls, *args, **kwargs)
    Value newf = obj_getattr(cls, pickle_id_new);
    if (!newf) {
        return -1;
    }
    size_t n = tuple_obj(args)->len;
    Value full = tuple_new(n + 1);
    if (!full) {
        return -1;
    }
    tuple_obj(full)->items[0] = cls;
    for (size_t i = 0; i < n; i++) {
        tuple_obj(full)->items[i + 1] = tuple_obj(args)->items[i];
    }
    Value obj = obj_call_tuple_dict(newf, full, kwargs);
    return obj ? push(u, obj) : -1;
}

static Value load_string_value(UnpicklerObject *u, const char *s, size_t n, int escaped) {
    Value bytes;
    if (escaped) {
        Value codecs = pickle_import(pickle_id__codecs);
        Value raw = codecs ? bytes_from(s, n) : 0;
        Value r = raw ? obj_call_method(codecs, "escape_decode", &raw, 1) : 0;
        if (!r) {
            return 0;
        }
        bytes = tuple_obj(r)->items[0];
    } else {
        bytes = bytes_from(s, n);
    }
    if (!bytes || strcmp(u->encoding, "bytes") == 0) {
        return bytes;
    }
    return codec_decode(bytes, bytes_data(bytes), bytes_len(bytes), u->encoding, u->errors);
}

static Value load(UnpicklerObject *u) {
    u->num_marks = 0;
    u->mark_set = 0;
    u->fence = 0;
    u->proto = 0;
    u->stack_len = 0;
    const char *s;
    char *line;
    int64_t len;
    for (;;) {
        if (up_read(u, &s, 1) < 0) {
            if (err_matches(type_ptr(pickle_UnpicklingError))) {
                err_clear();
                err_format(&exc_EOFError, "Ran out of input");
            }
            return 0;
        }
        unsigned char op = (unsigned char)s[0];
        int r = 0;
        switch (op) {
        case PK_NONE:
            r = push(u, VAL_NONE);
            break;
        case PK_NEWTRUE:
            r = push(u, VAL_TRUE);
            break;
        case PK_NEWFALSE:
            r = push(u, VAL_FALSE);
            break;
        case PK_BININT:
        case PK_BININT1:
        case PK_BININT2: {
            int n = op == PK_BININT ? 4 : op == PK_BININT1 ? 1 : 2;
            r = up_read(u, &s, (size_t)n);
            if (r == 0) {
                r = push(u, int_from_i64(calc_binint((const unsigned char *)s, n)));
            }
            break;
        }
        case PK_INT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            errno = 0;
            char *end;
            long x = strtol(line, &end, 0);
            Value v;
            if (errno || (*end != '\n' && *end != 0)) {
                v = int_from_line(line, (size_t)len, 0);
                if (!v) {
                    err_clear();
                    RAISE(val_from_ptr(&exc_ValueError), "could not convert string to int");
                    return 0;
                }
            } else if (len == 3 && (x == 0 || x == 1)) {
                v = val_bool(x);
            } else {
                v = int_from_i64(x);
            }
            r = push(u, v);
            break;
        }
        case PK_LONG: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            if (line[len - 2] == 'L') {
                line[len - 2] = 0;
                len = len - 2;
            }
            Value v = int_from_line(line, strlen(line), 0);
            if (!v && err_matches(&exc_ValueError) && !err_matches(&exc_UnicodeError)) {
                // PyLong_FromString names the base its prefix chose
                const char *q = line;
                while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '\f' ||
                       *q == '\v') {
                    q++;
                }
                if (*q == '+' || *q == '-') {
                    q++;
                }
                int base = 10;
                if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
                    base = 16;
                } else if (q[0] == '0' && (q[1] == 'o' || q[1] == 'O')) {
                    base = 8;
                } else if (q[0] == '0' && (q[1] == 'b' || q[1] == 'B')) {
                    base = 2;
                }
                err_clear();
                Value text = str_from_utf8(line, strlen(line));
                return text ? RAISE(val_from_ptr(&exc_ValueError),
                                    "invalid literal for int() with base %d: %.200R", base, text)
                            : 0;
            }
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_LONG1:
        case PK_LONG4: {
            int n = op == PK_LONG1 ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int64_t size = calc_binint((const unsigned char *)s, n);
            if (size < 0) {
                RAISE(pickle_UnpicklingError, "LONG pickle has negative byte count");
                return 0;
            }
            if (up_read(u, &s, (size_t)size) < 0) {
                return 0;
            }
            Value v = int_from_twos((const unsigned char *)s, (size_t)size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_FLOAT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            double d;
            const char *end;
            if (parse_float_line(line, &d, &end) < 0) {
                return 0;
            }
            if (*end != '\n' && *end != 0) {
                return RAISE(val_from_ptr(&exc_ValueError), "could not convert string to float");
            }
            r = push(u, float_from_double(d));
            break;
        }
        case PK_BINFLOAT: {
            if (up_read(u, &s, 8) < 0) {
                return 0;
            }
            uint64_t bits = 0;
            for (int i = 0; i < 8; i++) {
                bits = (bits << 8) | (unsigned char)s[i];
            }
            double d;
            memcpy(&d, &bits, 8);
            r = push(u, float_from_double(d));
            break;
        }
        case PK_SHORT_BINBYTES:
        case PK_BINBYTES:
        case PK_BINBYTES8:
        case PK_BYTEARRAY8: {
            int n = op == PK_SHORT_BINBYTES ? 1 : op == PK_BINBYTES ? 4 : 8;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (ovf) {
                RAISE(val_from_ptr(&exc_OverflowError),
                      "%s exceeds system's maximum size of %lld bytes",
                      op == PK_BYTEARRAY8 ? "BYTEARRAY8" : "BINBYTES", (long long)INT64_MAX);
                return 0;
            }
            if (check_payload_alloc(u, size, op == PK_BYTEARRAY8) < 0 || up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = op == PK_BYTEARRAY8 ? bytearray_from(s, size) : bytes_from(s, size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_NEXT_BUFFER: {
            if (!u->buffers) {
                RAISE(pickle_UnpicklingError,
                      "pickle stream refers to out-of-band data but no *buffers* argument was "
                      "given");
                return 0;
            }
            Value b = obj_next(u->buffers);
            if (!b) {
                if (!err_occurred()) {
                    RAISE(pickle_UnpicklingError, "not enough out-of-band buffers");
                }
                return 0;
            }
            r = push(u, b);
            break;
        }
        case PK_READONLY_BUFFER: {
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            Value obj = u->stack[u->stack_len - 1];
            Value view = obj_call1(val_from_ptr(&type_memoryview), obj);
            if (!view) {
                return 0;
            }
            if (!memoryview_obj(view)->view.readonly) {
                memoryview_obj(view)->view.readonly = 1;
                u->stack[u->stack_len - 1] = view;
            }
            break;
        }
        case PK_SHORT_BINSTRING:
        case PK_BINSTRING: {
            int n = op == PK_SHORT_BINSTRING ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = load_string_value(u, s, size, 0);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_STRING: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            len--;
            if (len >= 2 && line[0] == line[len - 1] && (line[0] == '\'' || line[0] == '"')) {
                Value v = load_string_value(u, line + 1, (size_t)len - 2, 1);
                r = v ? push(u, v) : -1;
            } else {
                RAISE(pickle_UnpicklingError, "the STRING opcode argument must be quoted");
                return 0;
            }
            break;
        }
        case PK_UNICODE: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 1) {
                bad_readline();
                return 0;
            }
            Value v = codec_decode(0, line, (size_t)len - 1, "raw_unicode_escape", NULL);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_SHORT_BINUNICODE:
        case PK_BINUNICODE:
        case PK_BINUNICODE8: {
            int n = op == PK_SHORT_BINUNICODE ? 1 : op == PK_BINUNICODE ? 4 : 8;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            size_t size = calc_binsize((const unsigned char *)s, n, &ovf);
            if (ovf) {
                RAISE(val_from_ptr(&exc_OverflowError),
                      "BINUNICODE exceeds system's maximum size of %lld bytes",
                      (long long)INT64_MAX);
                return 0;
            }
            if (up_read(u, &s, size) < 0) {
                return 0;
            }
            Value v = decode_utf8_surrogatepass(s, size);
            r = v ? push(u, v) : -1;
            break;
        }
        case PK_EMPTY_TUPLE:
        case PK_TUPLE1:
        case PK_TUPLE2:
        case PK_TUPLE3: {
            size_t n = op == PK_EMPTY_TUPLE ? 0 : (size_t)(op - PK_TUPLE1 + 1);
            if (u->stack_len < n) {
                stack_underflow(u);
                return 0;
            }
            Value t = pop_tuple(u, u->stack_len - n);
            r = t ? push(u, t) : -1;
            break;
        }
        case PK_TUPLE: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value t = pop_tuple(u, (size_t)m);
            r = t ? push(u, t) : -1;
            break;
        }
        case PK_EMPTY_LIST: {
            Value l = list_new(0);
            r = l ? push(u, l) : -1;
            break;
        }
        case PK_LIST: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value l = pop_list(u, (size_t)m);
            r = l ? push(u, l) : -1;
            break;
        }
        case PK_EMPTY_DICT: {
            Value d = dict_new();
            r = d ? push(u, d) : -1;
            break;
        }
        case PK_DICT: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            size_t i = (size_t)m, j = u->stack_len;
            Value d = dict_new();
            if (!d) {
                return 0;
            }
            if ((j - i) % 2 != 0) {
                RAISE(pickle_UnpicklingError, "odd number of items for DICT");
                return 0;
            }
            for (size_t k = i + 1; k < j; k += 2) {
                if (dict_setitem(d, u->stack[k - 1], u->stack[k]) < 0) {
                    return 0;
                }
            }
            u->stack_len = i;
            r = push(u, d);
            break;
        }
        case PK_EMPTY_SET: {
            Value st = set_new(0);
            r = st ? push(u, st) : -1;
            break;
        }
        case PK_ADDITEMS:
            r = load_additems(u);
            break;
        case PK_FROZENSET: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            Value items = pop_tuple(u, (size_t)m);
            Value fs = items ? frozenset_new(items) : 0;
            r = fs ? push(u, fs) : -1;
            break;
        }
        case PK_OBJ: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if (u->stack_len - (size_t)m < 1) {
                stack_underflow(u);
                return 0;
            }
            Value a = pop_tuple(u, (size_t)m + 1);
            Value cls = a ? pop(u) : 0;
            Value obj = cls ? instantiate(cls, a) : 0;
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_INST: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value module_name = decode_ascii(line, (size_t)len - 1);
            if (!module_name) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value class_name = decode_ascii(line, (size_t)len - 1);
            Value cls = class_name ? find_class(u, module_name, class_name) : 0;
            Value a = cls ? pop_tuple(u, (size_t)m) : 0;
            Value obj = a ? instantiate(cls, a) : 0;
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_NEWOBJ:
            r = load_newobj(u, 0);
            break;
        case PK_NEWOBJ_EX:
            r = load_newobj(u, 1);
            break;
        case PK_GLOBAL: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value module_name = codec_decode(0, line, (size_t)len - 1, "utf-8", NULL);
            if (!module_name) {
                return 0;
            }
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            Value global_name = codec_decode(0, line, (size_t)len - 1, "utf-8", NULL);
            Value g = global_name ? find_class(u, module_name, global_name) : 0;
            r = g ? push(u, g) : -1;
            break;
        }
        case PK_STACK_GLOBAL: {
            Value gn = pop(u);
            Value mn = gn ? pop(u) : 0;
            if (!mn || type_of(mn) != &type_str || type_of(gn) != &type_str) {
                err_clear();
                RAISE(pickle_UnpicklingError, "STACK_GLOBAL requires str");
                return 0;
            }
            Value g = find_class(u, mn, gn);
            r = g ? push(u, g) : -1;
            break;
        }
        case PK_APPEND:
            if (u->stack_len < 1 || u->stack_len - 1 <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = do_append(u, u->stack_len - 1);
            break;
        case PK_APPENDS: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            r = do_append(u, (size_t)m);
            break;
        }
        case PK_SETITEM:
            r = do_setitems(u, (int64_t)u->stack_len - 2);
            break;
        case PK_SETITEMS: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            r = do_setitems(u, m);
            break;
        }
        case PK_BUILD:
            r = load_build(u);
            break;
        case PK_DUP:
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = push(u, u->stack[u->stack_len - 1]);
            break;
        case PK_GET:
        case PK_BINGET:
        case PK_LONG_BINGET: {
            size_t idx;
            if (op == PK_GET) {
                if ((len = up_readline(u, &line)) < 0) {
                    return 0;
                }
                if (len < 2) {
                    bad_readline();
                    return 0;
                }
                Value key = int_from_line(line, (size_t)len, 10);
                if (!key) {
                    return 0;
                }
                int64_t k;
                if (int_to_i64(key, &k) < 0) {
                    return 0;
                }
                idx = (size_t)k;
                Value v = k >= 0 ? memo_get_u(u, idx) : 0;
                if (!v) {
                    RAISE(pickle_UnpicklingError, "Memo value not found at index %lld",
                          (long long)k);
                    return 0;
                }
                r = push(u, v);
                break;
            }
            int n = op == PK_BINGET ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            int ovf;
            idx = calc_binsize((const unsigned char *)s, n, &ovf);
            Value v = memo_get_u(u, idx);
            if (!v) {
                RAISE(pickle_UnpicklingError, "Memo value not found at index %zu", idx);
                return 0;
            }
            r = push(u, v);
            break;
        }
        case PK_MARK: {
            if (u->num_marks >= u->marks_cap) {
                size_t cap = (u->num_marks << 1) + 20;
                size_t *m = realloc(u->marks, cap * sizeof *m);
                if (!m) {
                    err_no_memory();
                    return 0;
                }
                u->marks = m;
                u->marks_cap = cap;
            }
            u->mark_set = 1;
            u->marks[u->num_marks++] = u->fence = u->stack_len;
            break;
        }
        case PK_PUT: {
            if ((len = up_readline(u, &line)) < 0) {
                return 0;
            }
            if (len < 2) {
                bad_readline();
                return 0;
            }
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            Value key = int_from_line(line, (size_t)len, 10);
            if (!key) {
                return 0;
            }
            int64_t k;
            if (int_to_i64(key, &k) < 0) {
                return 0;
            }
            if (k < 0) {
                RAISE(val_from_ptr(&exc_ValueError), "negative PUT argument");
                return 0;
            }
            r = memo_put_u(u, (size_t)k, u->stack[u->stack_len - 1]);
            break;
        }
        case PK_BINPUT:
        case PK_LONG_BINPUT: {
            int n = op == PK_BINPUT ? 1 : 4;
            if (up_read(u, &s, (size_t)n) < 0) {
                return 0;
            }
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            int ovf;
            size_t idx = calc_binsize((const unsigned char *)s, n, &ovf);
            r = memo_put_u(u, idx, u->stack[u->stack_len - 1]);
            break;
        }
        case PK_MEMOIZE:
            if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            }
            r = memo_put_u(u, u->memo_len, u->stack[u->stack_len - 1]);
            break;
        case PK_POP:
            if (u->num_marks > 0 && u->marks[u->num_marks - 1] == u->stack_len) {
                u->num_marks--;
                u->mark_set = u->num_marks != 0;
                u->fence = u->num_marks ? u->marks[u->num_marks - 1] : 0;
            } else if (u->stack_len <= u->fence) {
                stack_underflow(u);
                return 0;
            } else {
                u->stack_len--;
            }
            break;
        case PK_POP_MARK: {
            int64_t m = marker(u);
            if (m < 0) {
                return 0;
            }
            if ((size_t)m < u->stack_len) {
                u->stack_len = (size_t)m;
            }
            break;
        }
        case PK_PERSID:
        case PK_BINPERSID: {
            if (!u->pers_func) {
                RAISE(pickle_UnpicklingError,
                      "A load persistent id instruction was encountered,\n"
                      "but no persistent_load function was specified.");
                return 0;
            }
            Value pid;
            if (op == PK_PERSID) {
                if ((len = up_readline(u, &line)) < 0) {
                    return 0;
                }
                if (len < 1) {
                    bad_readline();
                    return 0;
                }
                pid = decode_ascii(line, (size_t)len - 1);
                if (!pid) {
                    if (err_matches(&exc_UnicodeDecodeError)) {
                        err_clear();
                        RAISE(pickle_UnpicklingError,
                              "persistent IDs in protocol 0 must be ASCII strings");
                    }
                    return 0;
                }
            } else if (!(pid = pop(u))) {
                return 0;
            }
            Value obj = obj_call1(u->pers_func, pid);
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_REDUCE: {
            Value argtup = pop(u);
            Value callable = argtup ? pop(u) : 0;
            if (!callable) {
                return 0;
            }
            if (!tuple_check(argtup)) {
                return RAISE(val_from_ptr(&exc_TypeError), "argument list must be a tuple");
            }
            Value obj = obj_call_tuple_dict(callable, argtup, 0);
            r = obj ? push(u, obj) : -1;
            break;
        }
        case PK_PROTO: {
            if (up_read(u, &s, 1) < 0) {
                return 0;
            }
            int i = (unsigned char)s[0];
            if (i > HIGHEST_PROTOCOL) {
                return RAISE(val_from_ptr(&exc_ValueError), "unsupported pickle protocol: %d", i);
            }
            u->proto = i;
            break;
        }
        case PK_FRAME: {
            if (up_read(u, &s, 8) < 0) {
                return 0;
            }
            int ovf;
            size_t flen = calc_binsize((const unsigned char *)s, 8, &ovf);
            if (ovf) {
                return RAISE(val_from_ptr(&exc_OverflowError),
                             "FRAME length exceeds system's maximum of %lld bytes",
                             (long long)INT64_MAX);
            }
            if (up_read(u, &s, flen) < 0) {
                return 0;
            }
            u->next_read -= flen;
            break;
        }
        case PK_EXT1:
            r = load_extension(u, 1);
            break;
        case PK_EXT2:
            r = load_extension(u, 2);
            break;
        case PK_EXT4:
            r = load_extension(u, 4);
            break;
        case PK_STOP:
            return pop(u);
        default:
            if (op >= 0x20 && op <= 0x7e && op != '\'' && op != '\\') {
                return RAISE(pickle_UnpicklingError, "invalid load key, '%c'.", (int)op);
            }
            return RAISE(pickle_UnpicklingError, "invalid load key, '\\x%02x'.", (unsigned)op);
        }
        if (r < 0) {
            return 0;
        }
    }
}

static int set_encoding(UnpicklerObject *u, Value enc, Value errs) {
    const char *e = "ASCII", *r = "strict";
    if (enc) {
        if (!val_is_str(enc)) {
            RAISE(val_from_ptr(&exc_TypeError), "argument 'encoding' must be str, not %s",
                  obj_type_name(enc));
            return -1;
        }
        e = str_obj(enc)->data;
    }
    if (errs) {
        if (!val_is_str(errs)) {
            RAISE(val_from_ptr(&exc_TypeError), "argument 'errors' must be str, not %s",
                  obj_type_name(errs));
            return -1;
        }
        r = str_obj(errs)->data;
    }
    unpickler_free_encoding(u);
    u->encoding = enc ? strdup(e) : (char *)"ASCII";
    u->errors = errs ? strdup(r) : (char *)"strict";
    u->owns_encoding = enc != 0;
    u->owns_errors = errs != 0;
    if (!u->encoding || !u->errors) {
        err_no_memory();
        return -1;
    }
    return 0;
}

static int set_buffers(UnpicklerObject *u, Value buffers) {
    if (!buffers || buffers == VAL_NONE) {
        u->buffers = 0;
        return 0;
    }
    u->buffers = obj_iter(buffers);
    return u->buffers ? 0 : -1;
}

static int set_input_stream(UnpicklerObject *u, Value file) {
    u->peek = obj_getattr_opt(file, pickle_id_peek);
    if (!u->peek && err_occurred()) {
        return -1;
    }
    u->readinto = obj_getattr_opt(file, pickle_id_readinto);
    if (!u->readinto && err_occurred()) {
        return -1;
    }
    u->read = obj_getattr_opt(file, pickle_id_read);
    if (!u->read && err_occurred()) {
        return -1;
    }
    u->readline = obj_getattr_opt(file, pickle_id_readline);
    if (!u->readline && err_occurred()) {
        return -1;
    }
    if (!u->readline || !u->read) {
        u->read = u->readline = u->readinto = u->peek = 0;
        RAISE(val_from_ptr(&exc_TypeError), "file must have 'read' and 'readline' attributes");
        return -1;
    }
    return 0;
}

static Value unpickler_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    UnpicklerObject *u = (UnpicklerObject *)gc_alloc(t, t->basic_size);
    return u ? val_from_ptr(u) : 0;
}

static Value unpickler_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"Unpickler", 0, names, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    if (u->read) {
        unpickler_release_input(u);
        u->read = u->readline = u->readinto = u->peek = u->buffers = u->pers_func = 0;
        u->stack_len = 0;
        memo_clear_u(u);
        u->num_marks = 0;
    }
    if (set_input_stream(u, a[0]) < 0 || set_encoding(u, a[2], a[3]) < 0 ||
        set_buffers(u, a[4]) < 0) {
        return 0;
    }
    int fix = bool_arg(a[1], 1);
    if (fix < 0) {
        return 0;
    }
    u->fix_imports = fix;
    Value pf = obj_getattr_opt(self, pickle_id_persistent_load);
    if (!pf && err_occurred()) {
        return 0;
    }
    u->pers_func = pf;
    memo_clear_u(u);
    u->proto = 0;
    return VAL_NONE;
}

FN(unpickler_m_load) {
    if (method_check_args("load", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    if (!u->read) {
        return RAISE(pickle_UnpicklingError, "Unpickler.__init__() was not called by %s.__init__()",
                     type_of(self)->name);
    }
    Value r = load(u);
    // what read() returned is consumed: give back its window (a bytearray
    // must not stay unresizable)
    unpickler_release_input(u);
    return r;
}

FN(unpickler_m_find_class) {
    if (method_check_args("find_class", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    Value module_name = args[0], global_name = args[1];
    if (u->proto < 3 && u->fix_imports) {
        Value key = tuple_pack2(module_name, global_name);
        if (!key) {
            return 0;
        }
        Value item = dict_get(pickle_name_2to3, key);
        if (item) {
            if (!tuple_check(item) || tuple_obj(item)->len != 2) {
                return RAISE(val_from_ptr(&exc_RuntimeError),
                             "_compat_pickle.NAME_MAPPING values should be 2-tuples, not %s",
                             obj_type_name(item));
            }
            module_name = tuple_obj(item)->items[0];
            global_name = tuple_obj(item)->items[1];
            if (!val_is_str(module_name) || !val_is_str(global_name)) {
                return RAISE(val_from_ptr(&exc_RuntimeError),
                             "_compat_pickle.NAME_MAPPING values should be pairs of str, not "
                             "(%s, %s)",
                             obj_type_name(module_name), obj_type_name(global_name));
            }
        } else if (err_occurred()) {
            return 0;
        } else {
            item = dict_get(pickle_import_2to3, module_name);
            if (item) {
                if (!val_is_str(item)) {
                    return RAISE(val_from_ptr(&exc_RuntimeError),
                                 "_compat_pickle.IMPORT_MAPPING values should be strings, not %s",
                                 obj_type_name(item));
                }
                module_name = item;
            } else if (err_occurred()) {
                return 0;
            }
        }
    }
    if (!val_is_str(module_name)) {
        return RAISE(val_from_ptr(&exc_TypeError), "module name must be str, not %s",
                     obj_type_name(module_name));
    }
    Value module = pickle_import(module_name);
    if (!module) {
        return 0;
    }
    if (!val_is_str(global_name)) {
        return RAISE(val_from_ptr(&exc_TypeError), "attribute name must be string, not '%s'",
                     obj_type_name(global_name));
    }
    return pickle_getattribute(module, global_name, u->proto >= 4);
}

FN(unpickler_m_sizeof) {
    if (method_check_args("__sizeof__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(self);
    size_t n = type_of(self)->basic_size + u->memo_size * sizeof(Value) +
               u->marks_cap * sizeof(size_t);
    if (u->line) {
        n += strlen(u->line) + 1;
    }
    if (u->encoding) {
        n += strlen(u->encoding) + 1;
    }
    if (u->errors) {
        n += strlen(u->errors) + 1;
    }
    return int_from_u64(n);
}

static Value unpickler_get_memo(Value self) {
    return pickle_memoproxy_new(&type_unpickler_memoproxy, self);
}

static int unpickler_set_memo(Value self, Value v) {
    UnpicklerObject *u = UP(self);
    if (!v) {
        RAISE(val_from_ptr(&exc_TypeError), "attribute deletion is not supported");
        return -1;
    }
    if (type_of(v) == &type_unpickler_memoproxy) {
        UnpicklerObject *src = UP(((MemoProxyObject *)val_ptr(v))->owner);
        if (src == u) {
            return 0;
        }
        size_t n = src->memo_size;
        Value *m = calloc(n ? n : 1, sizeof *m);
        if (!m) {
            err_no_memory();
            return -1;
        }
        if (n) {
            memcpy(m, src->memo, n * sizeof *m);
        }
        free(u->memo);
        u->memo = m;
        u->memo_size = n;
        u->memo_len = src->memo_len;
        return 0;
    }
    if (dict_check(v)) {
        // As CPython 3.11 does: the items go into the current memo, which is
        // then replaced by an empty one (so a dict empties the memo).
        size_t pos = 0;
        Value k, val;
        while (dict_next(v, &pos, &k, &val)) {
            if (!int_check(k)) {
                RAISE(val_from_ptr(&exc_TypeError), "memo key must be integers");
                return -1;
            }
            int64_t idx;
            if (int_to_i64(k, &idx) < 0) {
                return -1;
            }
            if (idx < 0) {
                RAISE(val_from_ptr(&exc_ValueError), "memo key must be positive integers.");
                return -1;
            }
            if (memo_put_u(u, (size_t)idx, val) < 0) {
                return -1;
            }
        }
        memo_clear_u(u);
        return 0;
    }
    RAISE(val_from_ptr(&exc_TypeError),
          "'memo' attribute must be an UnpicklerMemoProxy object or dict, not %s",
          obj_type_name(v));
    return -1;
}

static Value unpickler_get_persload(Value self) {
    UnpicklerObject *u = UP(self);
    if (!u->pers_func) {
        return err_format(&exc_AttributeError, "persistent_load");
    }
    return u->pers_func;
}

static int unpickler_set_persload(Value self, Value v) {
    return pickle_set_callable_attr(&UP(self)->pers_func, v, "persistent_load");
}

FN(ump_clear) {
    if (method_check_args("clear", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    memo_clear_u(UP(((MemoProxyObject *)val_ptr(self))->owner));
    return VAL_NONE;
}

FN(ump_copy) {
    if (method_check_args("copy", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    UnpicklerObject *u = UP(((MemoProxyObject *)val_ptr(self))->owner);
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    for (size_t i = 0; i < u->memo_size; i++) {
        if (u->memo[i] && dict_set(d, int_from_u64(i), u->memo[i]) < 0) {
            return 0;
        }
    }
    return d;
}

FN(ump_reduce) {
    Value c = ump_copy(self, args, nargs, kwnames);
    Value a = c ? tuple_from(&c, 1) : 0;
    return a ? tuple_pack2(val_from_ptr(&type_dict), a) : 0;
}

// ---- load and loads ----------------------------------------------------------------------------

// As dump/dumps do (pickler.c), load/loads reuse a spare Unpickler.
static Value spare_unpickler;
static int spare_unpickler_busy;

enum { SPARE_MEMO_MAX = 4096 };

static void module_unpickler_done(UnpicklerObject *u) {
    unpickler_release_input(u);
    u->stack_len = 0;
    u->num_marks = 0;
    u->read = u->readline = u->readinto = u->peek = u->buffers = 0;
    if (val_from_ptr(u) != spare_unpickler) {
        if (spare_unpickler) {
            return;
        }
        spare_unpickler = val_from_ptr(u);
    }
    spare_unpickler_busy = 0;
    if (u->memo_size > SPARE_MEMO_MAX) {
        free(u->memo);
        u->memo = NULL;
        u->memo_size = u->memo_len = 0;
    } else {
        memo_clear_u(u);
    }
    if (u->stack_cap > SPARE_MEMO_MAX) {
        free(u->stack);
        u->stack = NULL;
        u->stack_cap = 0;
    }
}

static UnpicklerObject *module_unpickler(Value *a) {
    UnpicklerObject *u;
    if (spare_unpickler && !spare_unpickler_busy) {
        u = UP(spare_unpickler);
        spare_unpickler_busy = 1;
    } else {
        u = (UnpicklerObject *)gc_alloc(&type_unpickler, sizeof(UnpicklerObject));
        if (!u) {
            return NULL;
        }
    }
    int fix = bool_arg(a[0], 1);
    if (fix < 0 || set_encoding(u, a[1], a[2]) < 0 || set_buffers(u, a[3]) < 0) {
        module_unpickler_done(u);
        return NULL;
    }
    u->fix_imports = fix;
    return u;
}

Value pickle_load(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"file", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"load", 0, names, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = module_unpickler(a + 1);
    if (!u) {
        return 0;
    }
    Value r = set_input_stream(u, a[0]) < 0 ? 0 : load(u);
    module_unpickler_done(u);
    return r;
}

Value pickle_loads(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"data", "fix_imports", "encoding", "errors", "buffers",
                                        NULL};
    static const ArgSpec spec = {"loads", 1, names + 1, 1, 1, 0};
    Value a[5] = {0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    UnpicklerObject *u = module_unpickler(a + 1);
    if (!u) {
        return 0;
    }
    Value r = set_input(u, a[0]) < 0 ? 0 : load(u);
    module_unpickler_done(u);
    return r;
}


// ---- types -------------------------------------------------------------------------------------

static const MethodDef unpickler_methods[] = {
    {"load", unpickler_m_load, METH_DEFAULT,
     "load($self, /)\n--\n\nLoad a pickle."},
    {"find_class", unpickler_m_find_class, METH_DEFAULT,
     "find_class($self, module_name, global_name, /)\n--\n\nReturn an object from a specified "
     "module."},
    {"__sizeof__", unpickler_m_sizeof, METH_DEFAULT, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef unpickler_getset[] = {
    {"memo", unpickler_get_memo, unpickler_set_memo, NULL},
    {"persistent_load", unpickler_get_persload, unpickler_set_persload, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_unpickler = {
    .header = {&type_type},
    .name = "_pickle.Unpickler",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(UnpicklerObject),
    .base = &type_object,
    .trace = unpickler_trace,
    .free = unpickler_free,
    .new_ = unpickler_tp_new,
    .init = unpickler_tp_init,
    .methods = unpickler_methods,
    .getset = unpickler_getset,
};

static const MethodDef ump_methods[] = {
    {"clear", ump_clear, METH_DEFAULT, "Remove all items from memo."},
    {"copy", ump_copy, METH_DEFAULT, "Copy the memo to a new object."},
    {"__reduce__", ump_reduce, METH_DEFAULT, "Implement pickling support."},
    {NULL, NULL, 0, NULL},
};

Type type_unpickler_memoproxy = {
    .header = {&type_type},
    .name = "_pickle.UnpicklerMemoProxy",
    .basic_size = sizeof(MemoProxyObject),
    .base = &type_object,
    .trace = pickle_memoproxy_trace,
    .hash = hash_unhashable,
    .methods = ump_methods,
};


int pickle_unpickler_ready(void) {
    gc_add_root(&spare_unpickler);
    return type_ready(&type_unpickler) < 0 || type_ready(&type_unpickler_memoproxy) < 0 ? -1 : 0;
}
