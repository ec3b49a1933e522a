// sremodule.c - the `_sre` module: re.Pattern, re.Match and the scanner
// over the matcher of sre_engine.c, as re/_compiler.py and re/__init__.py
// of CPython 3.11 use them.
//
// A subject is a str or a bytes-like object. The engine reads characters
// by index, so a str that is not ASCII is decoded once into a bytes object
// of 1-byte (all code points below 256) or 4-byte characters; the last one
// decoded is cached, since tokenizers call pattern.match(text, pos) over
// the same long text again and again. Groups are cut from the original
// object (str code point offsets go through its sparse index), so the
// decoded copy never escapes.
//
// Results follow CPython's _sre.c: which slices are exact objects, when a
// match may not be empty (must_advance after an empty match in finditer,
// sub, split), clamping of pos/endpos, and the messages of every error.
#include <stdio.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/int.h"
#include "../runtime/iterators.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/type_internal.h"
#include "../vm/import.h"
#include "modules.h"
#include "sre.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- objects -------------------------------------------------------------------------------------

typedef struct PatternObject {
    Object header;
    Value pattern;      // the source: str, bytes or None
    Value groupindex;   // dict name -> group number
    Value indexgroup;   // tuple group number -> name or None
    int64_t flags;
    int64_t groups;     // capturing groups (group 0 not counted)
    int isbytes;        // -1: pattern is None (matches either kind)
    SreCache cache;     // the engine's answers about the code's sets
    size_t codesize;
    uint32_t code[];
} PatternObject;

typedef struct MatchObject {
    Object header;
    Value string;
    Value pattern;      // the PatternObject
    Value regs;         // the tuple of spans, made on first use
    int64_t pos, endpos, lastindex;
    int64_t groups;     // including group 0
    int64_t marks[];    // 2 per group: start, end (-1, -1 when unmatched)
} MatchObject;

typedef struct ScannerObject {
    Object header;
    Value pattern;
    Value string;
    int64_t pos, endpos;  // as given, clamped at each call
    int64_t start;        // where the next attempt begins; -1 when exhausted
    int must_advance;
} ScannerObject;

static Type type_pattern, type_match, type_scanner;

static PatternObject *pat(Value v) {
    return (PatternObject *)val_ptr(v);
}
static MatchObject *mat(Value v) {
    return (MatchObject *)val_ptr(v);
}
static ScannerObject *scn(Value v) {
    return (ScannerObject *)val_ptr(v);
}

// ---- subjects --------------------------------------------------------------------------------------

typedef struct Subject {
    Value obj;
    int isbytes;
    const void *data;
    int charsize;
    int64_t len;
    Buffer view;
    int has_view;
    Value keep;   // the decoded characters of a non-ASCII str
} Subject;

static Value decode_cache_str, decode_cache_buf;
static int decode_cache_rooted;

// The characters of a non-ASCII str as a bytes object of 1- or 4-byte units.
static Value decode_str(Value s, int *charsize) {
    StrObject *so = str_obj(s);
    int wide = (so->flags & STR_WIDE2) != 0;
    *charsize = wide ? 4 : 1;
    if (decode_cache_str == s) {
        return decode_cache_buf;
    }
    BytesObject *b = bytes_alloc(so->len * (size_t)*charsize);
    if (!b) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)so->data;
    for (size_t i = 0; i < so->len; i++) {
        size_t k;
        uint32_t cp = str_decode_cp(p, &k);
        p += k;
        if (wide) {
            ((uint32_t *)b->data)[i] = cp;
        } else {
            ((uint8_t *)b->data)[i] = (uint8_t)cp;
        }
    }
    if (!decode_cache_rooted) {
        gc_add_root(&decode_cache_str);
        gc_add_root(&decode_cache_buf);
        decode_cache_rooted = 1;
    }
    decode_cache_str = s;
    decode_cache_buf = val_from_ptr(b);
    return decode_cache_buf;
}

// CPython's getstring: a str, or a bytes-like object. 0 or -1.
static int subject_get(Value v, Subject *s) {
    memset(s, 0, sizeof(*s));
    s->obj = v;
    if (val_is_str(v)) {
        StrObject *so = str_obj(v);
        s->len = (int64_t)so->len;
        if (so->flags & STR_ASCII) {
            s->data = so->data;
            s->charsize = 1;
            return 0;
        }
        s->keep = decode_str(v, &s->charsize);
        if (!s->keep) {
            return -1;
        }
        s->data = bytes_data(s->keep);
        return 0;
    }
    int r = val_is_ptr(v) ? buffer_get(v, &s->view, BUFFER_SIMPLE) : 0;
    if (r < 0) {
        return -1;
    }
    if (r == 0) {
        err_format(&exc_TypeError, "expected string or bytes-like object, got '%s'",
                   obj_type_name(v));
        return -1;
    }
    s->has_view = 1;
    s->isbytes = 1;
    s->data = s->view.buf;
    s->charsize = 1;
    s->len = s->view.len;
    return 0;
}

static void subject_release(Subject *s) {
    if (s->has_view) {
        buffer_release(&s->view);
        s->has_view = 0;
    }
}

// The subject must be of the pattern's kind.
static int subject_for(Value pattern, Value string, Subject *s) {
    if (subject_get(string, s) < 0) {
        return -1;
    }
    int isbytes = pat(pattern)->isbytes;
    if (isbytes >= 0 && isbytes != s->isbytes) {
        subject_release(s);
        err_format(&exc_TypeError, isbytes ? "cannot use a bytes pattern on a string-like object"
                                           : "cannot use a string pattern on a bytes-like object");
        return -1;
    }
    return 0;
}

// string[a:b] as _sre's getslice: an exact str or bytes.
static Value subject_slice(const Subject *s, int64_t a, int64_t b) {
    if (b < a) {
        b = a;
    }
    if (s->isbytes) {
        if (bytes_check_exact(s->obj) && a == 0 && b == s->len) {
            return s->obj;
        }
        return bytes_from((const char *)s->data + a, (size_t)(b - a));
    }
    Value str = s->obj;
    if (str_obj(str)->flags & STR_ASCII) {
        return str_substr_bytes(str, (size_t)a, (size_t)b);
    }
    return str_substr_bytes(str, str_offset_of(str, (size_t)a), str_offset_of(str, (size_t)b));
}

// Slice of an object that may have changed size since the match (bytearray).
static Value string_slice(Value string, int64_t a, int64_t b) {
    Subject s;
    if (subject_get(string, &s) < 0) {
        return 0;
    }
    if (a > s.len) {
        a = s.len;
    }
    if (b > s.len) {
        b = s.len;
    }
    Value r = subject_slice(&s, a, b);
    subject_release(&s);
    return r;
}

// ---- running the engine -------------------------------------------------------------------------------

static Value engine_error(ssize_t status) {
    if (status == SRE_ERROR_MEMORY) {
        return err_no_memory();
    }
    if (status == SRE_ERROR_INTERRUPTED) {
        return 0;
    }
    return err_format(&exc_RuntimeError, "internal error in regular expression engine");
}

static int state_begin(SreState *st, Value pattern, const Subject *s, int64_t pos,
                       int64_t endpos) {
    if (sre_state_init(st, s->data, s->charsize, s->len, pos, endpos, pat(pattern)->groups) < 0) {
        err_no_memory();
        return -1;
    }
    st->cache = &pat(pattern)->cache;
    return 0;
}

static ssize_t run(SreState *st, Value pattern, int search) {
    PatternObject *p = pat(pattern);
    sre_state_reset(st);
    st->ptr = st->start;
    ssize_t status = search ? sre_search(st, p->code, p->codesize)
                            : sre_match(st, p->code, p->codesize);
    if (status < 0) {
        engine_error(status);
    }
    return status;
}

// A Match for the successful attempt in st.
static Value match_new(Value pattern, Value string, const SreState *st) {
    int64_t groups = pat(pattern)->groups + 1;
    MatchObject *m = (MatchObject *)gc_alloc_data(
        &type_match, sizeof(MatchObject) + (size_t)groups * 2 * sizeof(int64_t),
        offsetof(MatchObject, marks));
    if (!m) {
        return 0;
    }
    m->string = string;
    m->pattern = pattern;
    m->regs = 0;
    m->pos = st->pos;
    m->endpos = st->endpos;
    m->lastindex = st->lastindex;
    m->groups = groups;
    m->marks[0] = st->start;
    m->marks[1] = st->ptr;
    for (int64_t i = 1; i < groups; i++) {
        ssize_t j = 2 * (i - 1);
        if (j + 1 <= st->lastmark && st->mark[j] >= 0 && st->mark[j + 1] >= 0) {
            m->marks[2 * i] = st->mark[j];
            m->marks[2 * i + 1] = st->mark[j + 1];
            if (m->marks[2 * i] > m->marks[2 * i + 1]) {
                return err_format(&exc_SystemError,
                                  "The span of capturing group is wrong, please report a bug for "
                                  "the re module.");
            }
        } else {
            m->marks[2 * i] = m->marks[2 * i + 1] = -1;
        }
    }
    return val_from_ptr(m);
}

// Group g (1-based) of the attempt in st, as split/findall take it: None
// (or '' with `empty`) when it did not match.
static Value state_group(const SreState *st, const Subject *s, int64_t g, int empty) {
    ssize_t j = 2 * (g - 1);
    if (j >= st->lastmark || st->mark[j] < 0 || st->mark[j + 1] < 0) {
        return empty ? subject_slice(s, 0, 0) : VAL_NONE;
    }
    if (st->mark[j] > st->mark[j + 1]) {
        return err_format(&exc_SystemError,
                          "The span of capturing group is wrong, please report a bug for the re "
                          "module.");
    }
    return subject_slice(s, st->mark[j], st->mark[j + 1]);
}

// ---- Pattern ---------------------------------------------------------------------------------------

static void pattern_trace(Object *o, GcTracer *t) {
    PatternObject *p = (PatternObject *)o;
    gc_trace_value(t, p->pattern);
    gc_trace_value(t, p->groupindex);
    gc_trace_value(t, p->indexgroup);
}

// pos, endpos, count, maxsplit: C ssize_t arguments (ints or __index__).
static int index_arg(Value v, int64_t dflt, int64_t *out) {
    if (!v) {
        *out = dflt;
        return 0;
    }
    return obj_as_int64(v, out);
}

static int string_pos_args(const char *fname, const Value *args, size_t nargs, Value kwnames,
                           Value *string, int64_t *pos, int64_t *endpos) {
    static const char *const names[] = {"string", "pos", "endpos", NULL};
    ArgSpec spec = {fname, 0, names, 1, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || index_arg(a[1], 0, pos) < 0 ||
        index_arg(a[2], INT64_MAX, endpos) < 0) {
        return -1;
    }
    *string = a[0];
    return 0;
}

static Value pattern_match_common(Value self, const char *fname, const Value *args, size_t nargs,
                                  Value kwnames, int mode) {
    Value string;
    int64_t pos, endpos;
    if (string_pos_args(fname, args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return 0;
    }
    Subject s;
    if (subject_for(self, string, &s) < 0) {
        return 0;
    }
    SreState st;
    if (state_begin(&st, self, &s, pos, endpos) < 0) {
        subject_release(&s);
        return 0;
    }
    st.match_all = mode == 2;
    ssize_t status = run(&st, self, mode == 1);
    Value r = status < 0 ? 0 : status == 0 ? VAL_NONE : match_new(self, string, &st);
    sre_state_fini(&st);
    subject_release(&s);
    return r;
}

FN(pattern_match) {
    return pattern_match_common(self, "match", args, nargs, kwnames, 0);
}
FN(pattern_search) {
    return pattern_match_common(self, "search", args, nargs, kwnames, 1);
}
FN(pattern_fullmatch) {
    return pattern_match_common(self, "fullmatch", args, nargs, kwnames, 2);
}

FN(pattern_findall) {
    Value string;
    int64_t pos, endpos;
    if (string_pos_args("findall", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return 0;
    }
    Subject s;
    if (subject_for(self, string, &s) < 0) {
        return 0;
    }
    SreState st;
    if (state_begin(&st, self, &s, pos, endpos) < 0) {
        subject_release(&s);
        return 0;
    }
    Value list = list_new(0);
    int64_t groups = pat(self)->groups;
    while (list && st.start <= st.end) {
        ssize_t status = run(&st, self, 1);
        if (status <= 0) {
            if (status < 0) {
                list = 0;
            }
            break;
        }
        Value item;
        if (groups == 0) {
            item = subject_slice(&s, st.start, st.ptr);
        } else if (groups == 1) {
            item = state_group(&st, &s, 1, 1);
        } else {
            item = tuple_new((size_t)groups);
            for (int64_t i = 0; item && i < groups; i++) {
                Value g = state_group(&st, &s, i + 1, 1);
                if (!g) {
                    item = 0;
                    break;
                }
                tuple_obj(item)->items[i] = g;
            }
        }
        if (!item || list_append(list, item) < 0) {
            list = 0;
            break;
        }
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    sre_state_fini(&st);
    subject_release(&s);
    return list;
}

FN(pattern_split) {
    static const char *const names[] = {"string", "maxsplit", NULL};
    static const ArgSpec spec = {"split", 0, names, 1, 2, 0};
    Value a[2];
    int64_t maxsplit = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || index_arg(a[1], 0, &maxsplit) < 0) {
        return 0;
    }
    Subject s;
    if (subject_for(self, a[0], &s) < 0) {
        return 0;
    }
    SreState st;
    if (state_begin(&st, self, &s, 0, INT64_MAX) < 0) {
        subject_release(&s);
        return 0;
    }
    Value list = list_new(0);
    int64_t groups = pat(self)->groups, n = 0;
    ssize_t last = st.start;
    while (list && (!maxsplit || n < maxsplit)) {
        ssize_t status = run(&st, self, 1);
        if (status <= 0) {
            if (status < 0) {
                list = 0;
            }
            break;
        }
        Value item = subject_slice(&s, last, st.start);
        if (!item || list_append(list, item) < 0) {
            list = 0;
            break;
        }
        for (int64_t i = 0; i < groups; i++) {
            item = state_group(&st, &s, i + 1, 0);
            if (!item || list_append(list, item) < 0) {
                list = 0;
                break;
            }
        }
        n++;
        st.must_advance = st.ptr == st.start;
        last = st.start = st.ptr;
    }
    if (list) {
        Value item = subject_slice(&s, last, st.endpos);
        if (!item || list_append(list, item) < 0) {
            list = 0;
        }
    }
    sre_state_fini(&st);
    subject_release(&s);
    return list;
}

static Value call_re_function(const char *name, Value a, Value b, Value c) {
    Value re = str_intern_cstr("re");
    Value mod = re ? import_module_level(re, 0, VAL_NONE, 0) : 0;
    if (!mod) {
        return 0;
    }
    Value f = obj_getattr_cstr(mod, name);
    if (!f) {
        return 0;
    }
    Value argv[3] = {a, b, c};
    return obj_call(f, argv, c ? 3 : 2, 0);
}

// ''.join(pieces) or b''.join(pieces) (bytes for any bytes-like subject).
static Value join_pieces(Value list, Value string) {
    Value joiner = val_is_str(string) ? str_empty() : bytes_from("", 0);
    if (!joiner) {
        return 0;
    }
    if (list_obj(list)->len == 0) {
        return joiner;
    }
    return obj_call_method(joiner, "join", &list, 1);
}

static Value pattern_subx(Value self, Value repl, Value string, int64_t count, int subn) {
    Value filter = repl;
    int callable = type_of(repl)->call != NULL;
    if (!callable) {
        int literal = 0;
        Subject ts;
        if (subject_get(repl, &ts) == 0) {
            literal = 1;
            for (int64_t i = 0; i < ts.len; i++) {
                uint32_t c = ts.charsize == 1 ? ((const uint8_t *)ts.data)[i]
                                              : ((const uint32_t *)ts.data)[i];
                if (c == '\\') {
                    literal = 0;
                    break;
                }
            }
            subject_release(&ts);
        } else {
            err_clear();
        }
        if (!literal) {
            filter = call_re_function("_subx", self, repl, 0);
            if (!filter) {
                return 0;
            }
            callable = type_of(filter)->call != NULL;
        }
    }
    Subject s;
    if (subject_for(self, string, &s) < 0) {
        return 0;
    }
    SreState st;
    if (state_begin(&st, self, &s, 0, INT64_MAX) < 0) {
        subject_release(&s);
        return 0;
    }
    Value list = list_new(0);
    int64_t n = 0;
    ssize_t i = 0;
    while (list && (!count || n < count)) {
        ssize_t status = run(&st, self, 1);
        if (status <= 0) {
            if (status < 0) {
                list = 0;
            }
            break;
        }
        ssize_t b = st.start, e = st.ptr;
        if (i < b) {
            Value item = subject_slice(&s, i, b);
            if (!item || list_append(list, item) < 0) {
                list = 0;
                break;
            }
        }
        if (callable) {
            Value m = match_new(self, string, &st);
            if (!m) {
                list = 0;
                break;
            }
            // the view stays open over the call, so a bytearray subject
            // cannot be resized under the engine (BufferError, as CPython)
            Value item = obj_call1(filter, m);
            if (!item) {
                list = 0;
                break;
            }
            if (item != VAL_NONE && list_append(list, item) < 0) {
                list = 0;
                break;
            }
        } else if (list_append(list, filter) < 0) {
            list = 0;
            break;
        }
        i = e;
        n++;
        st.must_advance = st.ptr == st.start;
        st.start = st.ptr;
    }
    if (list && i < st.endpos) {
        Value item = subject_slice(&s, i, st.endpos);
        if (!item || list_append(list, item) < 0) {
            list = 0;
        }
    }
    sre_state_fini(&st);
    subject_release(&s);
    if (!list) {
        return 0;
    }
    Value r = join_pieces(list, string);
    if (!r || !subn) {
        return r;
    }
    return tuple_pack2(r, int_from_i64(n));
}

static Value pattern_sub_common(Value self, const char *fname, const Value *args, size_t nargs,
                                Value kwnames, int subn) {
    static const char *const names[] = {"repl", "string", "count", NULL};
    ArgSpec spec = {fname, 0, names, 2, 3, 0};
    Value a[3];
    int64_t count = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || index_arg(a[2], 0, &count) < 0) {
        return 0;
    }
    return pattern_subx(self, a[0], a[1], count, subn);
}

FN(pattern_sub) {
    return pattern_sub_common(self, "sub", args, nargs, kwnames, 0);
}
FN(pattern_subn) {
    return pattern_sub_common(self, "subn", args, nargs, kwnames, 1);
}

static Value scanner_new(Value pattern, Value string, int64_t pos, int64_t endpos) {
    Subject s;
    if (subject_for(pattern, string, &s) < 0) {
        return 0;
    }
    subject_release(&s);
    ScannerObject *sc = (ScannerObject *)gc_alloc(&type_scanner, sizeof(ScannerObject));
    if (!sc) {
        return 0;
    }
    sc->pattern = pattern;
    sc->string = string;
    if (pos < 0) {
        pos = 0;
    } else if (pos > s.len) {
        pos = s.len;
    }
    sc->pos = pos;
    sc->endpos = endpos;
    sc->start = pos;
    sc->must_advance = 0;
    return val_from_ptr(sc);
}

FN(pattern_scanner) {
    Value string;
    int64_t pos, endpos;
    if (string_pos_args("scanner", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return 0;
    }
    return scanner_new(self, string, pos, endpos);
}

FN(pattern_finditer) {
    Value string;
    int64_t pos, endpos;
    if (string_pos_args("finditer", args, nargs, kwnames, &string, &pos, &endpos) < 0) {
        return 0;
    }
    Value sc = scanner_new(self, string, pos, endpos);
    Value search = sc ? obj_getattr_cstr(sc, "search") : 0;
    return search ? callable_iterator_new(search, VAL_NONE) : 0;
}

FN(pattern_copy) {
    if (method_check_args("Pattern.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return self;
}

FN(pattern_deepcopy) {
    if (method_check_args("Pattern.__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return self;
}

static Value pattern_get_groupindex(Value self) {
    Value d = pat(self)->groupindex;
    if (!d || !dict_check(d) || dict_len(d) == 0) {
        return dict_new();   // CPython keeps no empty groupindex: a fresh dict
    }
    return mappingproxy_new(d);
}

static const struct {
    const char *name;
    int64_t value;
} flag_names[] = {
    {"re.TEMPLATE", 1}, {"re.IGNORECASE", 2}, {"re.LOCALE", 4}, {"re.MULTILINE", 8},
    {"re.DOTALL", 16}, {"re.UNICODE", 32}, {"re.VERBOSE", 64}, {"re.DEBUG", 128},
    {"re.ASCII", 256},
};

static Value pattern_repr(Value self) {
    PatternObject *p = pat(self);
    Value r = obj_repr(p->pattern);
    if (!r) {
        return 0;
    }
    if (str_len(r) > 200) {
        r = str_slice(r, 0, 200, 1);
        if (!r) {
            return 0;
        }
    }
    int64_t flags = p->flags;
    // the default: unicode for a str pattern
    if (p->isbytes == 0 && (flags & (4 | 32 | 256)) == 32) {
        flags &= ~(int64_t)32;
    }
    if (flags == 0) {
        return str_format_c("re.compile(%U)", r);
    }
    StrBuf sb;
    sb_init(&sb);
    int first = 1;
    for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
        if (flags & flag_names[i].value) {
            if (!first) {
                sb_put(&sb, "|", 1);
            }
            sb_put(&sb, flag_names[i].name, strlen(flag_names[i].name));
            first = 0;
            flags &= ~flag_names[i].value;
        }
    }
    if (flags) {
        char buf[40];
        int k = snprintf(buf, sizeof buf, "%s0x%llx", first ? "" : "|", (unsigned long long)flags);
        sb_put(&sb, buf, (size_t)k);
    }
    Value fs = str_from_strbuf(&sb);
    return fs ? str_format_c("re.compile(%U, %U)", r, fs) : 0;
}

static Value pattern_richcompare(Value a, Value b, CompareOp op) {
    if (op != CMP_EQ && op != CMP_NE) {
        return VAL_NOTIMPLEMENTED;
    }
    if (type_of(b) != &type_pattern) {
        return VAL_NOTIMPLEMENTED;
    }
    PatternObject *x = pat(a), *y = pat(b);
    int eq = 1;
    if (a != b) {
        eq = x->flags == y->flags && x->isbytes == y->isbytes && x->codesize == y->codesize &&
             memcmp(x->code, y->code, x->codesize * sizeof(uint32_t)) == 0;
        if (eq) {
            int r = obj_richcompare_bool(x->pattern, y->pattern, CMP_EQ);
            if (r < 0) {
                return 0;
            }
            eq = r;
        }
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t pattern_hash(Value self) {
    PatternObject *p = pat(self);
    int64_t h = obj_hash(p->pattern);
    if (h == -1) {
        return -1;
    }
    uint64_t h2 = 1469598103934665603ull;
    for (size_t i = 0; i < p->codesize; i++) {
        h2 = (h2 ^ p->code[i]) * 1099511628211ull;
    }
    h ^= (int64_t)(h2 >> 1);
    h ^= p->flags;
    h ^= p->isbytes;
    h ^= (int64_t)p->codesize;
    return h == -1 ? -2 : h;
}

static Value no_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '%s' instances", type_ptr(type)->name);
}

static const MethodDef pattern_methods[] = {
    {"match", pattern_match, METH_DEFAULT,
     "Matches zero or more characters at the beginning of the string."},
    {"fullmatch", pattern_fullmatch, METH_DEFAULT,
     "Matches against all of the string."},
    {"search", pattern_search, METH_DEFAULT,
     "Scan through string looking for a match, and return a corresponding match object "
     "instance.\n\nReturn None if no position in the string matches."},
    {"sub", pattern_sub, METH_DEFAULT,
     "Return the string obtained by replacing the leftmost non-overlapping occurrences of "
     "pattern in string by the replacement repl."},
    {"subn", pattern_subn, METH_DEFAULT,
     "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost "
     "non-overlapping occurrences of pattern with the replacement repl."},
    {"findall", pattern_findall, METH_DEFAULT,
     "Return a list of all non-overlapping matches of pattern in string."},
    {"split", pattern_split, METH_DEFAULT,
     "Split string by the occurrences of pattern."},
    {"finditer", pattern_finditer, METH_DEFAULT,
     "Return an iterator over all non-overlapping matches for the RE pattern in string.\n\n"
     "For each match, the iterator returns a match object."},
    {"scanner", pattern_scanner, METH_DEFAULT, NULL},
    {"__copy__", pattern_copy, METH_DEFAULT, NULL},
    {"__deepcopy__", pattern_deepcopy, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef pattern_members[] = {
    {"pattern", MEMBER_VALUE_RO, offsetof(PatternObject, pattern),
     "The pattern string from which the RE object was compiled."},
    {"flags", MEMBER_INT64_RO, offsetof(PatternObject, flags), "The regex matching flags."},
    {"groups", MEMBER_INT64_RO, offsetof(PatternObject, groups),
     "The number of capturing groups in the pattern."},
    {NULL, 0, 0, NULL},
};

static const GetSetDef pattern_getset[] = {
    {"groupindex", pattern_get_groupindex, NULL,
     "A dictionary mapping group names to group numbers."},
    {NULL, NULL, NULL, NULL},
};

static Type type_pattern = {
    .header = {&type_type},
    .name = "re.Pattern",
    .flags = TYPE_HAS_WEAKREF,
    .basic_size = sizeof(PatternObject),
    .base = &type_object,
    .trace = pattern_trace,
    .new_ = no_new,
    .repr = pattern_repr,
    .hash = pattern_hash,
    .richcompare = pattern_richcompare,
    .methods = pattern_methods,
    .members = pattern_members,
    .getset = pattern_getset,
};

// ---- Match --------------------------------------------------------------------------------------------

static void match_trace(Object *o, GcTracer *t) {
    MatchObject *m = (MatchObject *)o;
    gc_trace_value(t, m->string);
    gc_trace_value(t, m->pattern);
    gc_trace_value(t, m->regs);
}

// The group number `index` names (an int or a group name), or -1 with
// IndexError "no such group".
static int64_t match_index(Value self, Value index) {
    MatchObject *m = mat(self);
    int64_t i = -1;
    if (int_check(index) || (type_of(index)->index && !val_is_str(index))) {
        if (obj_as_index(index, &i, 1) < 0) {
            return -1;
        }
    } else {
        // CPython keeps no groupindex when it is empty: no lookup, no TypeError
        Value gi = pat(m->pattern)->groupindex;
        if (gi && dict_check(gi) && dict_len(gi) > 0) {
            Value v = dict_get(gi, index);
            if (!v && err_occurred()) {
                return -1;
            }
            if (v && int_check(v) && obj_as_index(v, &i, 1) < 0) {
                return -1;
            }
        }
    }
    if (i < 0 || i >= m->groups) {
        err_format(&exc_IndexError, "no such group");
        return -1;
    }
    return i;
}

static Value match_group_at(Value self, int64_t i, Value dflt) {
    MatchObject *m = mat(self);
    if (m->marks[2 * i] < 0) {
        return dflt;
    }
    return string_slice(m->string, m->marks[2 * i], m->marks[2 * i + 1]);
}

static Value match_group_of(Value self, Value index, Value dflt) {
    int64_t i = match_index(self, index);
    return i < 0 ? 0 : match_group_at(self, i, dflt);
}

FN(match_group) {
    if (args_no_keywords("group", kwnames) < 0) {
        return 0;
    }
    if (nargs == 0) {
        return match_group_at(self, 0, VAL_NONE);
    }
    if (nargs == 1) {
        return match_group_of(self, args[0], VAL_NONE);
    }
    Value t = tuple_new(nargs);
    for (size_t k = 0; t && k < nargs; k++) {
        Value g = match_group_of(self, args[k], VAL_NONE);
        if (!g) {
            return 0;
        }
        tuple_obj(t)->items[k] = g;
    }
    return t;
}

static Value match_getitem(Value self, Value key) {
    return match_group_of(self, key, VAL_NONE);
}

FN(match_groups) {
    static const char *const names[] = {"default", NULL};
    static const ArgSpec spec = {"groups", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value dflt = a[0] ? a[0] : VAL_NONE;
    MatchObject *m = mat(self);
    Value t = tuple_new((size_t)(m->groups - 1));
    for (int64_t i = 1; t && i < m->groups; i++) {
        Value g = match_group_at(self, i, dflt);
        if (!g) {
            return 0;
        }
        tuple_obj(t)->items[i - 1] = g;
    }
    return t;
}

FN(match_groupdict) {
    static const char *const names[] = {"default", NULL};
    static const ArgSpec spec = {"groupdict", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value dflt = a[0] ? a[0] : VAL_NONE;
    Value d = dict_new();
    Value gi = pat(mat(self)->pattern)->groupindex;
    if (!d || !gi || !dict_check(gi)) {
        return d;
    }
    size_t pos = 0;
    Value key, value;
    while (dict_next(gi, &pos, &key, &value)) {
        Value g = match_group_of(self, key, dflt);
        if (!g || dict_set(d, key, g) < 0) {
            return 0;
        }
    }
    return d;
}

static int span_arg(const char *fname, Value self, const Value *args, size_t nargs,
                    Value kwnames, int64_t *i) {
    if (args_no_keywords(fname, kwnames) < 0 || args_check_positional(fname, nargs, 0, 1) < 0) {
        return -1;
    }
    *i = nargs ? match_index(self, args[0]) : 0;
    return *i < 0 ? -1 : 0;
}

FN(match_start) {
    int64_t i;
    if (span_arg("start", self, args, nargs, kwnames, &i) < 0) {
        return 0;
    }
    return int_from_i64(mat(self)->marks[2 * i]);
}

FN(match_end) {
    int64_t i;
    if (span_arg("end", self, args, nargs, kwnames, &i) < 0) {
        return 0;
    }
    return int_from_i64(mat(self)->marks[2 * i + 1]);
}

static Value span_tuple(Value self, int64_t i) {
    return tuple_pack2(int_from_i64(mat(self)->marks[2 * i]),
                       int_from_i64(mat(self)->marks[2 * i + 1]));
}

FN(match_span) {
    int64_t i;
    if (span_arg("span", self, args, nargs, kwnames, &i) < 0) {
        return 0;
    }
    return span_tuple(self, i);
}

FN(match_expand) {
    static const char *const names[] = {"template", NULL};
    static const ArgSpec spec = {"expand", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return call_re_function("_expand", mat(self)->pattern, self, a[0]);
}

FN(match_copy) {
    if (method_check_args("Match.__copy__", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return self;
}

FN(match_deepcopy) {
    if (method_check_args("Match.__deepcopy__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return self;
}

static Value match_get_regs(Value self) {
    MatchObject *m = mat(self);
    if (m->regs) {
        return m->regs;
    }
    Value t = tuple_new((size_t)m->groups);
    for (int64_t i = 0; t && i < m->groups; i++) {
        Value sp = span_tuple(self, i);
        if (!sp) {
            return 0;
        }
        tuple_obj(t)->items[i] = sp;
    }
    m->regs = t;
    return t;
}

static Value match_get_lastindex(Value self) {
    int64_t li = mat(self)->lastindex;
    return li >= 0 ? int_from_i64(li) : VAL_NONE;
}

static Value match_get_lastgroup(Value self) {
    MatchObject *m = mat(self);
    Value ig = pat(m->pattern)->indexgroup;
    if (m->lastindex < 0 || !ig || !tuple_check(ig) ||
        (size_t)m->lastindex >= tuple_obj(ig)->len) {
        return VAL_NONE;
    }
    return tuple_obj(ig)->items[m->lastindex];
}

static Value match_repr(Value self) {
    Value g = match_group_at(self, 0, VAL_NONE);
    Value r = g ? obj_repr(g) : 0;
    if (!r) {
        return 0;
    }
    if (str_len(r) > 50) {
        r = str_slice(r, 0, 50, 1);
        if (!r) {
            return 0;
        }
    }
    MatchObject *m = mat(self);
    return str_format_c("<re.Match object; span=(%lld, %lld), match=%U>", (long long)m->marks[0],
                        (long long)m->marks[1], r);
}

static const MethodDef match_methods[] = {
    {"group", match_group, METH_DEFAULT,
     "group([group1, ...]) -> str or tuple.\n    Return subgroup(s) of the match by indices or "
     "names.\n    For 0 returns the entire match."},
    {"start", match_start, METH_DEFAULT, "Return index of the start of the substring matched by group."},
    {"end", match_end, METH_DEFAULT, "Return index of the end of the substring matched by group."},
    {"span", match_span, METH_DEFAULT, "For match object m, return the 2-tuple (m.start(group), m.end(group))."},
    {"groups", match_groups, METH_DEFAULT, "Return a tuple containing all the subgroups of the match, from 1."},
    {"groupdict", match_groupdict, METH_DEFAULT, "Return a dictionary containing all the named subgroups of the match, keyed by the subgroup name."},
    {"expand", match_expand, METH_DEFAULT, "Return the string obtained by doing backslash substitution on the string template, as done by the sub() method."},
    {"__copy__", match_copy, METH_DEFAULT, NULL},
    {"__deepcopy__", match_deepcopy, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef match_members[] = {
    {"string", MEMBER_VALUE_RO, offsetof(MatchObject, string), "The string passed to match() or search()."},
    {"re", MEMBER_VALUE_RO, offsetof(MatchObject, pattern), "The regular expression object."},
    {"pos", MEMBER_INT64_RO, offsetof(MatchObject, pos), "The index into the string at which the RE engine started looking for a match."},
    {"endpos", MEMBER_INT64_RO, offsetof(MatchObject, endpos), "The index into the string beyond which the RE engine will not go."},
    {NULL, 0, 0, NULL},
};

static const GetSetDef match_getset[] = {
    {"lastindex", match_get_lastindex, NULL, "The integer index of the last matched capturing group."},
    {"lastgroup", match_get_lastgroup, NULL, "The name of the last matched capturing group."},
    {"regs", match_get_regs, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static Type type_match = {
    .header = {&type_type},
    .name = "re.Match",
    .basic_size = sizeof(MatchObject),
    .base = &type_object,
    .trace = match_trace,
    .new_ = no_new,
    .repr = match_repr,
    .getitem = match_getitem,
    .methods = match_methods,
    .members = match_members,
    .getset = match_getset,
};

// ---- Scanner -----------------------------------------------------------------------------------------

static void scanner_trace(Object *o, GcTracer *t) {
    ScannerObject *s = (ScannerObject *)o;
    gc_trace_value(t, s->pattern);
    gc_trace_value(t, s->string);
}

static Value scanner_next(Value self, int search) {
    ScannerObject *sc = scn(self);
    if (sc->start < 0) {
        return VAL_NONE;
    }
    Subject s;
    if (subject_for(sc->pattern, sc->string, &s) < 0) {
        return 0;
    }
    SreState st;
    if (state_begin(&st, sc->pattern, &s, sc->pos, sc->endpos) < 0) {
        subject_release(&s);
        return 0;
    }
    st.start = sc->start > s.len ? s.len : sc->start;
    st.must_advance = sc->must_advance;
    ssize_t status = st.start > st.end && search ? 0 : run(&st, sc->pattern, search);
    Value r = status < 0 ? 0 : status == 0 ? VAL_NONE : match_new(sc->pattern, sc->string, &st);
    if (status == 0) {
        sc->start = -1;
    } else if (status > 0) {
        sc->must_advance = st.ptr == st.start;
        sc->start = st.ptr;
    }
    sre_state_fini(&st);
    subject_release(&s);
    return r;
}

FN(scanner_match) {
    if (method_check_args("SRE_Scanner.match", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return scanner_next(self, 0);
}

FN(scanner_search) {
    if (method_check_args("SRE_Scanner.search", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return scanner_next(self, 1);
}

static const MethodDef scanner_methods[] = {
    {"match", scanner_match, METH_DEFAULT, NULL},
    {"search", scanner_search, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const MemberDef scanner_members[] = {
    {"pattern", MEMBER_VALUE_RO, offsetof(ScannerObject, pattern), NULL},
    {NULL, 0, 0, NULL},
};

static Type type_scanner = {
    .header = {&type_type},
    .name = "_sre.SRE_Scanner",
    .basic_size = sizeof(ScannerObject),
    .base = &type_object,
    .trace = scanner_trace,
    .new_ = no_new,
    .methods = scanner_methods,
    .members = scanner_members,
};

// ---- the module ------------------------------------------------------------------------------------------

FN(sre_compile) {
    static const char *const names[] = {"pattern", "flags", "code", "groups", "groupindex",
                                        "indexgroup", NULL};
    static const ArgSpec spec = {"compile", 0, names, 6, 6, 0};
    Value a[6];
    int64_t flags, groups;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (obj_as_int64(a[1], &flags) < 0) {
        return 0;
    }
    if (!list_check(a[2])) {
        return err_format(&exc_TypeError, "compile() argument 'code' must be list, not %s",
                          obj_type_name(a[2]));
    }
    if (obj_as_int64(a[3], &groups) < 0) {
        return 0;
    }
    if (!dict_check(a[4])) {
        return err_format(&exc_TypeError, "compile() argument 'groupindex' must be dict, not %s",
                          obj_type_name(a[4]));
    }
    if (!tuple_check(a[5])) {
        return err_format(&exc_TypeError, "compile() argument 'indexgroup' must be tuple, not %s",
                          obj_type_name(a[5]));
    }
    if (groups < 0 || groups > SRE_MAXGROUPS) {
        return err_format(&exc_RuntimeError, "invalid SRE code");
    }
    size_t n = list_obj(a[2])->len;
    PatternObject *p = (PatternObject *)gc_alloc_data(
        &type_pattern, sizeof(PatternObject) + n * sizeof(uint32_t), offsetof(PatternObject, code));
    if (!p) {
        return 0;
    }
    p->pattern = a[0];
    p->groupindex = a[4];
    p->indexgroup = a[5];
    p->flags = flags;
    p->groups = groups;
    p->codesize = n;
    for (size_t i = 0; i < n && i < list_obj(a[2])->len; i++) {
        Value c = list_obj(a[2])->items[i];
        int64_t v;
        // any failure to make a code word is reported as this OverflowError
        if (!int_check(c) || obj_as_index(c, &v, 1) < 0 || v < 0 || v > (int64_t)UINT32_MAX) {
            err_clear();
            return err_format(&exc_OverflowError, "regular expression code size limit exceeded");
        }
        p->code[i] = (uint32_t)v;
    }
    if (a[0] == VAL_NONE) {
        p->isbytes = -1;
    } else if (val_is_str(a[0])) {
        p->isbytes = 0;
    } else {
        Subject s;
        if (subject_get(a[0], &s) < 0) {
            return 0;
        }
        subject_release(&s);
        p->isbytes = 1;
    }
    return val_from_ptr(p);
}

static int char_arg(const char *fname, const Value *args, size_t nargs, Value kwnames,
                    uint32_t *ch) {
    if (method_check_args(fname, nargs, kwnames, 1, 1) < 0) {
        return -1;
    }
    int64_t v;
    int r = obj_as_int64(args[0], &v);
    if (r < 0 && !err_matches(&exc_OverflowError)) {
        return -1;
    }
    if (r < 0 || v < INT32_MIN || v > INT32_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *ch = (uint32_t)v;
    return 0;
}

FN(sre_getcodesize) {
    if (method_check_args("getcodesize", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64(4);
}

FN(sre_ascii_iscased) {
    uint32_t ch;
    if (char_arg("_sre.ascii_iscased", args, nargs, kwnames, &ch) < 0) {
        return 0;
    }
    return val_bool(ch < 128 && ((ch | 32) - 'a') < 26);
}

FN(sre_unicode_iscased) {
    uint32_t ch;
    if (char_arg("_sre.unicode_iscased", args, nargs, kwnames, &ch) < 0) {
        return 0;
    }
    if (ch > 0x10FFFF) {
        return VAL_FALSE;
    }
    return val_bool(ch != sre_lower_unicode(ch) || ch != sre_upper_unicode(ch));
}

FN(sre_ascii_tolower) {
    uint32_t ch;
    if (char_arg("_sre.ascii_tolower", args, nargs, kwnames, &ch) < 0) {
        return 0;
    }
    return int_from_i64((int32_t)sre_lower_ascii(ch));
}

FN(sre_unicode_tolower) {
    uint32_t ch;
    if (char_arg("_sre.unicode_tolower", args, nargs, kwnames, &ch) < 0) {
        return 0;
    }
    return int_from_i64((int32_t)(ch > 0x10FFFF ? ch : sre_lower_unicode(ch)));
}

static const MethodDef sre_functions[] = {
    {"compile", sre_compile, METH_DEFAULT, NULL},
    {"getcodesize", sre_getcodesize, METH_DEFAULT, NULL},
    {"ascii_iscased", sre_ascii_iscased, METH_DEFAULT, NULL},
    {"unicode_iscased", sre_unicode_iscased, METH_DEFAULT, NULL},
    {"ascii_tolower", sre_ascii_tolower, METH_DEFAULT, NULL},
    {"unicode_tolower", sre_unicode_tolower, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value sre_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    Type *generic[] = {&type_pattern, &type_match};
    if (type_ready(&type_pattern) < 0 || type_ready(&type_match) < 0 ||
        type_ready(&type_scanner) < 0 || generic_alias_install(generic, 2) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_sre");
    if (!m || module_add_functions(m, sre_functions) < 0 ||
        module_add(m, "MAGIC", int_from_i64(SRE_MAGIC)) < 0 ||
        module_add(m, "CODESIZE", int_from_i64(4)) < 0 ||
        module_add(m, "MAXREPEAT", int_from_i64(SRE_MAXREPEAT)) < 0 ||
        module_add(m, "MAXGROUPS", int_from_i64(SRE_MAXGROUPS)) < 0 ||
        module_add(m, "copyright", str_from_cstr(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret "
                                                 "Labs AB ")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
