// stringmodule.c - the `_string` module: the two str.format parsers that
// string.Formatter exposes to Python.
//
//   formatter_parser(s)            iterates (literal, field_name, spec,
//                                  conversion) tuples over a template
//   formatter_field_name_split(n)  splits "a.b[0]" into ('a', an iterator
//                                  of (is_attribute, key) pairs)
//
// Both follow CPython 3.11's Objects/stringlib/unicode_format.h step by
// step, lazily: an error shows when the iterator reaches it, after the
// items before it. The syntax characters are ASCII, so the scan walks the
// UTF-8 bytes; pieces are cut at byte offsets, which are always character
// boundaries.
#include <stdint.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/unicode.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// An iterator over a str from byte `pos` to `end`.
typedef struct FormatIterObject {
    Object header;
    Value str;
    size_t pos, end;
} FormatIterObject;

static void format_iter_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((FormatIterObject *)o)->str);
}

static Value format_iter_new(Type *t, Value s, size_t pos, size_t end) {
    FormatIterObject *it = (FormatIterObject *)gc_alloc(t, sizeof(FormatIterObject));
    if (!it) {
        return 0;
    }
    it->str = s;
    it->pos = pos;
    it->end = end;
    return val_from_ptr(it);
}

static Value format_iter_self(Value self) {
    return self;
}

static const char *text_of(Value s) {
    return str_obj(s)->data;
}

// CPython's get_integer on s[start:end): its value if it is all decimal
// digits (any script), -1 if not (or empty), -2 with ValueError when it
// does not fit.
static int64_t decimal_value(Value s, size_t start, size_t end) {
    if (start >= end) {
        return -1;
    }
    const unsigned char *p = (const unsigned char *)text_of(s);
    int64_t acc = 0;
    for (size_t i = start; i < end;) {
        size_t n;
        int d = uni_decimal(str_decode_cp(p + i, &n));
        if (d < 0) {
            return -1;
        }
        if (acc > (INT64_MAX - d) / 10) {
            err_format(&exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        acc = acc * 10 + d;
        i += n;
    }
    return acc;
}

// ---- formatter_parser -------------------------------------------------------------------

static Type type_formatter_iter;

// Parse one field after its '{' (CPython's parse_field), advancing *pos.
// Fills the name span, spec span and conversion (a str, or None). 0 or -1.
static int parse_field(Value s, size_t *pos, size_t end, size_t name[2], size_t spec[2],
                       Value *conversion) {
    const char *t = text_of(s);
    size_t i = *pos;
    char c = 0;
    *conversion = VAL_NONE;
    spec[0] = spec[1] = 0;
    name[0] = i;
    while (i < end) {
        c = t[i++];
        if (c == '{') {
            err_format(&exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (c == '[') {
            while (i < end && t[i] != ']') {
                i++;
            }
            continue;
        }
        if (c == '}' || c == ':' || c == '!') {
            break;
        }
    }
    name[1] = i > name[0] ? i - 1 : i;
    if (c == '!' || c == ':') {
        if (c == '!') {
            if (i >= end) {
                err_format(&exc_ValueError,
                           "end of string while looking for conversion specifier");
                return -1;
            }
            size_t n;
            uint32_t cp = str_decode_cp((const unsigned char *)t + i, &n);
            *conversion = str_char(cp);
            if (!*conversion) {
                return -1;
            }
            i += n;
            if (i < end) {
                c = t[i++];
                if (c == '}') {
                    *pos = i;
                    return 0;
                }
                if (c != ':') {
                    err_format(&exc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        spec[0] = i;
        int count = 1;
        while (i < end) {
            c = t[i++];
            if (c == '{') {
                count++;
            } else if (c == '}' && --count == 0) {
                spec[1] = i - 1;
                *pos = i;
                return 0;
            }
        }
        err_format(&exc_ValueError, "unmatched '{' in format spec");
        return -1;
    }
    if (c != '}') {
        err_format(&exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *pos = i;
    return 0;
}

static Value formatter_iter_next(Value self) {
    FormatIterObject *it = (FormatIterObject *)val_ptr(self);
    Value s = it->str;
    const char *t = text_of(s);
    size_t end = it->end;
    if (it->pos >= end) {
        return 0;
    }
    size_t start = it->pos, i = it->pos;
    char c = 0;
    int markup = 0;
    while (i < end) {
        c = t[i++];
        if (c == '{' || c == '}') {
            markup = 1;
            break;
        }
    }
    int at_end = i >= end;
    size_t lit_end = i;
    if (c == '}' && markup && (at_end || t[i] != '}')) {
        it->pos = end;
        return err_format(&exc_ValueError, "Single '}' encountered in format string");
    }
    if (at_end && c == '{' && markup) {
        it->pos = end;
        return err_format(&exc_ValueError, "Single '{' encountered in format string");
    }
    if (!at_end && markup) {
        if (t[i] == c) {
            i++;          // an escaped {{ or }}: the literal keeps one
            markup = 0;
        } else {
            lit_end--;
        }
    }
    Value literal = str_substr_bytes(s, start, lit_end);
    if (!literal) {
        return 0;
    }
    Value name = VAL_NONE, spec = VAL_NONE, conversion = VAL_NONE;
    if (markup) {
        size_t nspan[2], sspan[2];
        if (parse_field(s, &i, end, nspan, sspan, &conversion) < 0) {
            it->pos = end;
            return 0;
        }
        name = str_substr_bytes(s, nspan[0], nspan[1]);
        spec = name ? str_substr_bytes(s, sspan[0], sspan[1] > sspan[0] ? sspan[1] : sspan[0])
                    : 0;
        if (!spec) {
            return 0;
        }
    }
    it->pos = i;
    Value items[4] = {literal, name, spec, conversion};
    return tuple_from(items, 4);
}

static Type type_formatter_iter = {
    .header = {&type_type},
    .name = "formatteriterator",
    .basic_size = sizeof(FormatIterObject),
    .base = &type_object,
    .trace = format_iter_trace,
    .iter = format_iter_self,
    .iternext = formatter_iter_next,
};

static int str_arg(Value v) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "expected str, got %s", obj_type_name(v));
        return -1;
    }
    return 0;
}

FN(string_formatter_parser) {
    if (method_check_args("_string.formatter_parser", nargs, kwnames, 1, 1) < 0 || str_arg(args[0]) < 0) {
        return 0;
    }
    Value s = str_exact(args[0]);
    return s ? format_iter_new(&type_formatter_iter, s, 0, str_obj(s)->nbytes) : 0;
}

// ---- formatter_field_name_split ------------------------------------------------------------

static Type type_fieldname_iter;

// The next (is_attribute, key): ".name" or "[key]" (a key of digits is an int).
static Value fieldname_iter_next(Value self) {
    FormatIterObject *it = (FormatIterObject *)val_ptr(self);
    Value s = it->str;
    const char *t = text_of(s);
    size_t end = it->end, i = it->pos;
    if (i >= end) {
        return 0;
    }
    char c = t[i++];
    size_t nstart = i, nend;
    int is_attr;
    if (c == '.') {
        is_attr = 1;
        while (i < end && t[i] != '[' && t[i] != '.') {
            i++;
        }
        nend = i;
    } else if (c == '[') {
        is_attr = 0;
        while (i < end && t[i] != ']') {
            i++;
        }
        if (i >= end) {
            it->pos = end;
            return err_format(&exc_ValueError, "Missing ']' in format string");
        }
        nend = i++;
    } else {
        it->pos = end;
        return err_format(&exc_ValueError,
                          "Only '.' or '[' may follow ']' in format field specifier");
    }
    if (nstart == nend) {
        it->pos = end;
        return err_format(&exc_ValueError, "Empty attribute in format string");
    }
    it->pos = i;
    Value key;
    int64_t idx = is_attr ? -1 : decimal_value(s, nstart, nend);
    if (idx == -2) {
        return 0;
    }
    key = idx >= 0 ? int_from_i64(idx) : str_substr_bytes(s, nstart, nend);
    return key ? tuple_pack2(val_bool(is_attr), key) : 0;
}

static Type type_fieldname_iter = {
    .header = {&type_type},
    .name = "fieldnameiterator",
    .basic_size = sizeof(FormatIterObject),
    .base = &type_object,
    .trace = format_iter_trace,
    .iter = format_iter_self,
    .iternext = fieldname_iter_next,
};

FN(string_formatter_field_name_split) {
    if (method_check_args("_string.formatter_field_name_split", nargs, kwnames, 1, 1) < 0 ||
        str_arg(args[0]) < 0) {
        return 0;
    }
    Value s = str_exact(args[0]);
    if (!s) {
        return 0;
    }
    const char *t = text_of(s);
    size_t end = str_obj(s)->nbytes, i = 0;
    while (i < end && t[i] != '[' && t[i] != '.') {
        i++;
    }
    int64_t idx = decimal_value(s, 0, i);
    if (idx == -2) {
        return 0;
    }
    Value first = idx >= 0 ? int_from_i64(idx) : str_substr_bytes(s, 0, i);
    Value rest = first ? format_iter_new(&type_fieldname_iter, s, i, end) : 0;
    return rest ? tuple_pack2(first, rest) : 0;
}

static const MethodDef string_functions[] = {
    {"formatter_parser", string_formatter_parser, METH_DEFAULT,
     "parse the argument as a format string"},
    {"formatter_field_name_split", string_formatter_field_name_split, METH_DEFAULT,
     "split the argument as a field name"},
    {NULL, NULL, 0, NULL},
};

Value string_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_formatter_iter) < 0 || type_ready(&type_fieldname_iter) < 0) {
        return 0;
    }
    Value m = module_new_cstr("_string");
    if (!m || module_add_functions(m, string_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("string helper module")) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
