// localemodule.c - the `_locale` module: the C library's locales for the
// stdlib's `locale` (which emulates the "C" locale when this module is
// missing): setlocale, localeconv, strcoll/strxfrm, nl_langinfo, the
// gettext family, getencoding, and locale.Error.
//
// CPython sets LC_CTYPE from the environment at start-up; krait does it
// the first time this module is created, so that everything a program can
// observe through `locale` agrees (C code elsewhere in krait does not
// depend on LC_CTYPE). Text from the C library is decoded as CPython's
// PyUnicode_DecodeLocale does: UTF-8 in UTF-8 mode or a UTF-8 locale,
// else through mbrtowc in the current locale, with undecodable bytes as
// surrogate escapes. Text given to the C library is UTF-8 without NULs.
//
// krait's own number parsing and formatting (strtod, printf) read the
// C library's LC_NUMERIC, where CPython's never do. So when a program
// sets a numeric locale other than "C", the process-wide locale gets it
// (setlocale queries, localeconv and nl_langinfo see it) while krait's
// thread runs in a copy whose LC_NUMERIC stays "C" (uselocale): float("1.5")
// and repr(1.5) keep their dot, as in CPython.
#include <errno.h>
#include <langinfo.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
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

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value locale_error;  // locale.Error

// The thread's locale while the global LC_NUMERIC is not "C": the global
// locale with LC_NUMERIC "C" (see the top of the file); 0 otherwise.
static locale_t locale_c_numeric;

// After the global locale changed: make the thread follow it, with "C" numbers.
static void locale_sync_thread(void) {
    const char *num = setlocale(LC_NUMERIC, NULL);
    locale_t old = locale_c_numeric;
    locale_c_numeric = 0;
    if (num && strcmp(num, "C") != 0 && strcmp(num, "POSIX") != 0) {
        locale_t dup = duplocale(LC_GLOBAL_LOCALE);
        locale_t l = dup ? newlocale(LC_NUMERIC_MASK, "C", dup) : (locale_t)0;
        if (!l && dup) {
            freelocale(dup);
        }
        locale_c_numeric = l;
    }
    uselocale(locale_c_numeric ? locale_c_numeric : LC_GLOBAL_LOCALE);
    if (old) {
        freelocale(old);
    }
}

// Run the C library in the global locale (for localeconv, nl_langinfo)
// until locale_global_end.
static locale_t locale_global_begin(void) {
    return locale_c_numeric ? uselocale(LC_GLOBAL_LOCALE) : (locale_t)0;
}

static void locale_global_end(locale_t prev) {
    if (prev) {
        uselocale(prev);
    }
}

// ---- conversions ----------------------------------------------------------------------

static bool locale_utf8_mode(void) {
    Value flags = sys_get_object("flags");
    Value mode = flags ? obj_getattr_cstr(flags, "utf8_mode") : 0;
    if (!mode) {
        err_clear();
        return false;
    }
    return val_is_smallint(mode) && val_smallint(mode) > 0;
}

// PyUnicode_DecodeLocale(s, "surrogateescape").
static Value locale_decode(const char *s) {
    size_t n = strlen(s);
    const char *codeset = nl_langinfo(CODESET);
    if (locale_utf8_mode() || (codeset && strcmp(codeset, "UTF-8") == 0)) {
        return codec_decode(0, s, n, "utf-8", "surrogateescape");
    }
    // Other locales: one code point per multibyte character, as UTF-32LE.
    uint32_t *cps = malloc((n + 1) * sizeof *cps);
    if (!cps) {
        return err_no_memory();
    }
    size_t k = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (size_t i = 0; i < n;) {
        wchar_t wc;
        size_t used = mbrtowc(&wc, s + i, n - i, &st);
        if (used == (size_t)-1 || used == (size_t)-2 || used == 0 ||
            (wc >= 0xd800 && wc <= 0xdfff)) {
            cps[k++] = 0xdc00 + (unsigned char)s[i];  // surrogateescape
            memset(&st, 0, sizeof st);
            i++;
        } else {
            cps[k++] = (uint32_t)wc;
            i += used;
        }
    }
    Value r = codec_decode(0, (const char *)cps, k * sizeof *cps, "utf-32-le", "surrogatepass");
    free(cps);
    return r;
}

// A str argument as UTF-8 without NULs (Argument Clinic's `str`): NULL with
// TypeError "<fname>() argument <pos> must be str, not int" (`pos` 0: one
// argument), "embedded null character", or UnicodeEncodeError.
static const char *locale_str_arg(Value v, const char *fname, int pos, bool none_ok) {
    if (none_ok && v == VAL_NONE) {
        return NULL;
    }
    if (!val_is_str(v)) {
        const char *what = none_ok ? "str or None" : "str";
        if (pos) {
            err_format(&exc_TypeError, "%s() argument %d must be %s, not %s", fname, pos, what,
                       v == VAL_NONE ? "None" : obj_type_name(v));
        } else {
            err_format(&exc_TypeError, "%s() argument must be %s, not %s", fname, what,
                       v == VAL_NONE ? "None" : obj_type_name(v));
        }
        return NULL;
    }
    Value b = codec_encode(v, "utf-8", "strict");
    if (!b) {
        return NULL;
    }
    if (strlen(bytes_data(b)) != bytes_len(b)) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return bytes_data(b);
}

// An int argument for a C int.
static int locale_int_arg(Value v, int *out) {
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &x) < 0 || x < INT_MIN || x > INT_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// A str as wchar_t[] (PyUnicode_AsWideCharString): malloc'd, NULL with
// ValueError on an embedded NUL.
static wchar_t *locale_wide(Value s) {
    size_t n = str_len(s);
    wchar_t *w = malloc((n + 1) * sizeof *w);
    if (!w) {
        err_no_memory();
        return NULL;
    }
    const unsigned char *p = (const unsigned char *)str_obj(s)->data;
    for (size_t i = 0; i < n; i++) {
        size_t used;
        w[i] = (wchar_t)str_decode_cp(p, &used);
        p += used;
        if (w[i] == 0) {
            free(w);
            err_format(&exc_ValueError, "embedded null character");
            return NULL;
        }
    }
    w[n] = 0;
    return w;
}

static Value locale_set_error(const char *msg) {
    Value exc = obj_call1(locale_error, str_from_cstr(msg));
    return exc ? err_set_value(exc) : 0;
}

// ---- the functions ------------------------------------------------------------------------

FN(locale_setlocale) {
    if (args_no_keywords("_locale.setlocale", kwnames) < 0 ||
        args_check_positional("setlocale", nargs, 1, 2) < 0) {
        return 0;
    }
    int category;
    if (locale_int_arg(args[0], &category) < 0) {
        return 0;
    }
    const char *loc = NULL;
    if (nargs == 2) {
        loc = locale_str_arg(args[1], "setlocale", 2, true);
        if (!loc && err_occurred()) {
            return 0;
        }
    }
    const char *r = setlocale(category, loc);
    if (!r) {
        return locale_set_error(loc ? "unsupported locale setting" : "locale query failed");
    }
    Value result = locale_decode(r);
    if (loc) {
        locale_sync_thread();
    }
    return result;
}

// A grouping string as a list: the sizes up to and including the 0 or
// CHAR_MAX that ends it; [] when it is empty.
static Value locale_grouping(const char *s) {
    Value l = list_new(0);
    if (!l || !*s) {
        return l;
    }
    for (size_t i = 0;; i++) {
        if (list_append(l, val_from_smallint(s[i])) < 0) {
            return 0;
        }
        if (s[i] == 0 || s[i] == CHAR_MAX) {
            return l;
        }
    }
}

// Decode a field of LC_MONETARY or LC_NUMERIC with LC_CTYPE switched to
// that category's locale when they differ and the text is not ASCII (what
// CPython does, so that a monetary symbol of another encoding decodes).
static Value locale_decode_in(const char *s, int category) {
    bool ascii = true;
    for (const char *p = s; *p; p++) {
        ascii = ascii && (unsigned char)*p < 128;
    }
    const char *cur = ascii ? NULL : setlocale(LC_CTYPE, NULL);
    const char *want = cur ? setlocale(category, NULL) : NULL;
    if (!cur || !want || strcmp(cur, want) == 0) {
        return locale_decode(s);
    }
    char *saved = strdup(cur), *text = strdup(s);
    if (!saved || !text) {
        free(saved);
        free(text);
        return err_no_memory();
    }
    setlocale(LC_CTYPE, want);
    Value r = locale_decode(text);
    setlocale(LC_CTYPE, saved);
    free(saved);
    free(text);
    return r;
}

static Value locale_fill_conv(Value d, const struct lconv *lc);

FN(locale_localeconv) {
    if (method_check_args("_locale.localeconv", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Value d = dict_new();
    if (!d) {
        return 0;
    }
    locale_t prev = locale_global_begin();
    Value r = locale_fill_conv(d, localeconv());
    locale_global_end(prev);
    return r;
}

// localeconv()'s dict from the C library's struct, d filled in place.
static Value locale_fill_conv(Value d, const struct lconv *lc) {
    struct {
        const char *name;
        const char *value;
        int category;
    } strs[] = {
        {"int_curr_symbol", lc->int_curr_symbol, LC_MONETARY},
        {"currency_symbol", lc->currency_symbol, LC_MONETARY},
        {"mon_decimal_point", lc->mon_decimal_point, LC_MONETARY},
        {"mon_thousands_sep", lc->mon_thousands_sep, LC_MONETARY},
        {"mon_grouping", NULL, 0},
        {"positive_sign", lc->positive_sign, LC_CTYPE},
        {"negative_sign", lc->negative_sign, LC_CTYPE},
    };
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++) {
        Value v = strs[i].value ? locale_decode_in(strs[i].value, strs[i].category)
                                : locale_grouping(lc->mon_grouping);
        if (!v || dict_set_cstr(d, strs[i].name, v) < 0) {
            return 0;
        }
    }
    struct {
        const char *name;
        char value;
    } ints[] = {
        {"int_frac_digits", lc->int_frac_digits}, {"frac_digits", lc->frac_digits},
        {"p_cs_precedes", lc->p_cs_precedes},     {"p_sep_by_space", lc->p_sep_by_space},
        {"n_cs_precedes", lc->n_cs_precedes},     {"n_sep_by_space", lc->n_sep_by_space},
        {"p_sign_posn", lc->p_sign_posn},         {"n_sign_posn", lc->n_sign_posn},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (dict_set_cstr(d, ints[i].name, val_from_smallint(ints[i].value)) < 0) {
            return 0;
        }
    }
    Value dp = locale_decode_in(lc->decimal_point, LC_NUMERIC);
    Value ts = dp ? locale_decode_in(lc->thousands_sep, LC_NUMERIC) : 0;
    Value grouping = ts ? locale_grouping(lc->grouping) : 0;
    if (!grouping || dict_set_cstr(d, "decimal_point", dp) < 0 ||
        dict_set_cstr(d, "thousands_sep", ts) < 0 || dict_set_cstr(d, "grouping", grouping) < 0) {
        return 0;
    }
    return d;
}

static Value locale_str_only(Value v, const char *fname, int pos) {
    if (!val_is_str(v)) {
        if (pos) {
            return err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, pos,
                              v == VAL_NONE ? "None" : obj_type_name(v));
        }
        return err_format(&exc_TypeError, "%s() argument must be str, not %s", fname,
                          v == VAL_NONE ? "None" : obj_type_name(v));
    }
    return v;
}

FN(locale_strcoll) {
    if (args_no_keywords("_locale.strcoll", kwnames) < 0 ||
        args_check_positional("strcoll", nargs, 2, 2) < 0 ||
        !locale_str_only(args[0], "strcoll", 1) || !locale_str_only(args[1], "strcoll", 2)) {
        return 0;
    }
    wchar_t *a = locale_wide(args[0]);
    wchar_t *b = a ? locale_wide(args[1]) : NULL;
    if (!b) {
        free(a);
        return 0;
    }
    int r = wcscoll(a, b);
    free(a);
    free(b);
    return val_from_smallint(r);
}

FN(locale_strxfrm) {
    if (method_check_args("_locale.strxfrm", nargs, kwnames, 1, 1) < 0 ||
        !locale_str_only(args[0], "strxfrm", 0)) {
        return 0;
    }
    wchar_t *s = locale_wide(args[0]);
    if (!s) {
        return 0;
    }
    size_t cap = wcslen(s) + 1;
    wchar_t *buf = malloc(cap * sizeof *buf);
    if (!buf) {
        free(s);
        return err_no_memory();
    }
    errno = 0;
    size_t n = wcsxfrm(buf, s, cap);
    if (n >= cap && (!errno || errno == ERANGE)) {
        cap = n + 1;
        wchar_t *bigger = realloc(buf, cap * sizeof *buf);
        if (!bigger) {
            free(buf);
            free(s);
            return err_no_memory();
        }
        buf = bigger;
        errno = 0;
        n = wcsxfrm(buf, s, cap);
    }
    Value r;
    if (errno && errno != ERANGE) {
        r = err_from_errno(errno, 0, 0);
    } else {
        // wchar_t is UTF-32 on the platforms krait builds for
        uint32_t *cps = malloc((n + 1) * sizeof *cps);
        if (!cps) {
            r = err_no_memory();
        } else {
            for (size_t i = 0; i < n; i++) {
                cps[i] = (uint32_t)buf[i];
            }
            r = codec_decode(0, (const char *)cps, n * sizeof *cps, "utf-32-le", "surrogatepass");
            free(cps);
        }
    }
    free(buf);
    free(s);
    return r;
}

// The nl_langinfo keys CPython exposes (YESSTR and NOSTR are deprecated in
// glibc and left out, as in CPython).
#define LANGINFO_KEYS(X)                                                                   \
    X(DAY_1) X(DAY_2) X(DAY_3) X(DAY_4) X(DAY_5) X(DAY_6) X(DAY_7)                         \
    X(ABDAY_1) X(ABDAY_2) X(ABDAY_3) X(ABDAY_4) X(ABDAY_5) X(ABDAY_6) X(ABDAY_7)           \
    X(MON_1) X(MON_2) X(MON_3) X(MON_4) X(MON_5) X(MON_6) X(MON_7) X(MON_8) X(MON_9)       \
    X(MON_10) X(MON_11) X(MON_12)                                                          \
    X(ABMON_1) X(ABMON_2) X(ABMON_3) X(ABMON_4) X(ABMON_5) X(ABMON_6) X(ABMON_7)           \
    X(ABMON_8) X(ABMON_9) X(ABMON_10) X(ABMON_11) X(ABMON_12)                              \
    X(RADIXCHAR) X(THOUSEP) X(CRNCYSTR) X(D_T_FMT) X(D_FMT) X(T_FMT) X(AM_STR) X(PM_STR)   \
    X(CODESET) X(T_FMT_AMPM) X(ERA) X(ERA_D_FMT) X(ERA_D_T_FMT) X(ERA_T_FMT)               \
    X(ALT_DIGITS) X(YESEXPR) X(NOEXPR) X(_DATE_FMT)

static const struct {
    const char *name;
    int key;
} langinfo_keys[] = {
#define LANGINFO_ENTRY(k) {#k, k},
    LANGINFO_KEYS(LANGINFO_ENTRY)
#undef LANGINFO_ENTRY
};

FN(locale_nl_langinfo) {
    int key;
    if (method_check_args("_locale.nl_langinfo", nargs, kwnames, 1, 1) < 0 ||
        locale_int_arg(args[0], &key) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof langinfo_keys / sizeof langinfo_keys[0]; i++) {
        if (langinfo_keys[i].key == key) {
            locale_t prev = locale_global_begin();
            const char *r = nl_langinfo((nl_item)key);
            Value v = locale_decode(r ? r : "");  // glibc's ERA may be NULL
            locale_global_end(prev);
            return v;
        }
    }
    return err_format(&exc_ValueError, "unsupported langinfo constant");
}

FN(locale_gettext) {
    if (method_check_args("_locale.gettext", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    const char *msg = locale_str_arg(args[0], "gettext", 0, false);
    return msg ? locale_decode(gettext(msg)) : 0;
}

FN(locale_dgettext) {
    if (args_no_keywords("_locale.dgettext", kwnames) < 0 ||
        args_check_positional("dgettext", nargs, 2, 2) < 0) {
        return 0;
    }
    const char *domain = locale_str_arg(args[0], "dgettext", 1, true);
    if (!domain && err_occurred()) {
        return 0;
    }
    const char *msg = locale_str_arg(args[1], "dgettext", 2, false);
    return msg ? locale_decode(dgettext(domain, msg)) : 0;
}

FN(locale_dcgettext) {
    if (args_no_keywords("_locale.dcgettext", kwnames) < 0 ||
        args_check_positional("dcgettext", nargs, 3, 3) < 0) {
        return 0;
    }
    const char *domain = locale_str_arg(args[0], "dcgettext", 1, true);
    if (!domain && err_occurred()) {
        return 0;
    }
    const char *msg = locale_str_arg(args[1], "dcgettext", 2, false);
    int category;
    if (!msg || locale_int_arg(args[2], &category) < 0) {
        return 0;
    }
    return locale_decode(dcgettext(domain, msg, category));
}

FN(locale_textdomain) {
    if (method_check_args("_locale.textdomain", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    const char *domain = locale_str_arg(args[0], "textdomain", 0, true);
    if (!domain && err_occurred()) {
        return 0;
    }
    const char *r = textdomain(domain);
    return r ? locale_decode(r) : err_from_errno(errno, 0, 0);
}

// A directory for bindtextdomain, as os.fsencode would make it.
static Value locale_fs_bytes(Value v) {
    if (val_is_str(v)) {
        return codec_encode(v, "utf-8", "surrogateescape");
    }
    if (val_is_bytes(v)) {
        return v;
    }
    Value m = obj_lookup_special(v, str_intern_cstr("__fspath__"));
    if (m) {
        Value p = obj_call0(m);
        if (!p) {
            return 0;
        }
        if (val_is_str(p) || val_is_bytes(p)) {
            return locale_fs_bytes(p);
        }
        return err_format(&exc_TypeError,
                          "expected %s.__fspath__() to return str or bytes, not %s",
                          obj_type_name(v), obj_type_name(p));
    }
    if (err_occurred()) {
        return 0;
    }
    return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                      obj_type_name(v));
}

FN(locale_bindtextdomain) {
    if (args_no_keywords("_locale.bindtextdomain", kwnames) < 0 ||
        args_check_positional("bindtextdomain", nargs, 2, 2) < 0) {
        return 0;
    }
    const char *domain = locale_str_arg(args[0], "bindtextdomain", 1, false);
    if (!domain) {
        return 0;
    }
    if (!*domain) {
        return locale_set_error("domain must be a non-empty string");
    }
    const char *dir = NULL;
    if (args[1] != VAL_NONE) {
        Value b = locale_fs_bytes(args[1]);
        if (!b) {
            return 0;
        }
        if (strlen(bytes_data(b)) != bytes_len(b)) {
            return err_format(&exc_ValueError, "embedded null byte");
        }
        dir = bytes_data(b);
    }
    const char *r = bindtextdomain(domain, dir);
    return r ? locale_decode(r) : err_from_errno(errno, 0, 0);
}

FN(locale_bind_textdomain_codeset) {
    if (args_no_keywords("_locale.bind_textdomain_codeset", kwnames) < 0 ||
        args_check_positional("bind_textdomain_codeset", nargs, 2, 2) < 0) {
        return 0;
    }
    const char *domain = locale_str_arg(args[0], "bind_textdomain_codeset", 1, false);
    if (!domain) {
        return 0;
    }
    const char *codeset = locale_str_arg(args[1], "bind_textdomain_codeset", 2, true);
    if (!codeset && err_occurred()) {
        return 0;
    }
    const char *r = bind_textdomain_codeset(domain, codeset);
    return r ? locale_decode(r) : VAL_NONE;
}

// The locale's encoding: "utf-8" in UTF-8 mode, else LC_CTYPE's codeset as
// the C library names it ("UTF-8", "ANSI_X3.4-1968"), "utf-8" if it has none.
FN(locale_getencoding) {
    if (method_check_args("_locale.getencoding", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (locale_utf8_mode()) {
        return str_from_cstr("utf-8");
    }
    const char *codeset = nl_langinfo(CODESET);
    return codeset && *codeset ? locale_decode(codeset) : str_from_cstr("utf-8");
}

static const MethodDef locale_functions[] = {
    {"setlocale", locale_setlocale, METH_DEFAULT, "Activates/queries locale processing."},
    {"localeconv", locale_localeconv, METH_DEFAULT,
     "Returns numeric and monetary locale-specific parameters."},
    {"strcoll", locale_strcoll, METH_DEFAULT, "Compares two strings according to the locale."},
    {"strxfrm", locale_strxfrm, METH_DEFAULT,
     "Return a string that can be used as a key for locale-aware comparisons."},
    {"nl_langinfo", locale_nl_langinfo, METH_DEFAULT,
     "Return the value for the locale information associated with key."},
    {"gettext", locale_gettext, METH_DEFAULT,
     "gettext(msg) -> string\n\nReturn translation of msg."},
    {"dgettext", locale_dgettext, METH_DEFAULT,
     "dgettext(domain, msg) -> string\n\nReturn translation of msg in domain."},
    {"dcgettext", locale_dcgettext, METH_DEFAULT,
     "Return translation of msg in domain and category."},
    {"textdomain", locale_textdomain, METH_DEFAULT,
     "Set the C library's textdmain to domain, returning the new domain."},
    {"bindtextdomain", locale_bindtextdomain, METH_DEFAULT,
     "Bind the C library's domain to dir."},
    {"bind_textdomain_codeset", locale_bind_textdomain_codeset, METH_DEFAULT,
     "Bind the C library's domain to codeset."},
    {"getencoding", locale_getencoding, METH_DEFAULT, "Get the current locale encoding."},
    {NULL, NULL, 0, NULL},
};

Value locale_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    // CPython does this at start-up (see the top of the file).
    setlocale(LC_CTYPE, "");
    if (!locale_error) {
        Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
        Value ns = bases ? dict_new() : 0;
        if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("locale")) < 0) {
            return 0;
        }
        Value err = type_new_class(&type_type, str_from_cstr("Error"), bases, ns);
        if (!err) {
            return 0;
        }
        locale_error = err;
        gc_add_root(&locale_error);
    }
    Value m = module_new_cstr("_locale");
    if (!m || module_add_functions(m, locale_functions) < 0 ||
        module_add(m, "Error", locale_error) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Support for POSIX locales.")) < 0) {
        return 0;
    }
    struct {
        const char *name;
        int value;
    } ints[] = {
        {"LC_CTYPE", LC_CTYPE},       {"LC_TIME", LC_TIME},       {"LC_COLLATE", LC_COLLATE},
        {"LC_MONETARY", LC_MONETARY}, {"LC_MESSAGES", LC_MESSAGES}, {"LC_NUMERIC", LC_NUMERIC},
        {"LC_ALL", LC_ALL},           {"CHAR_MAX", CHAR_MAX},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
        if (module_add(m, ints[i].name, val_from_smallint(ints[i].value)) < 0) {
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof langinfo_keys / sizeof langinfo_keys[0]; i++) {
        if (module_add(m, langinfo_keys[i].name, val_from_smallint(langinfo_keys[i].key)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
