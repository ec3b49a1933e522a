// args.c - argument parsing with CPython's messages (see args.h).
//
// args_unpack follows the order of checks of CPython 3.11's
// _PyArg_UnpackKeywords, because which error a bad call gets depends on it:
// too many arguments in total, then too many positional ones, then too few
// positional-only ones, then each parameter in order (a missing required
// one is reported by name and position), then keywords that name a
// parameter already filled by position, then unknown keywords.
#include "args.h"

#include <string.h>

#include "exceptions.h"
#include "str.h"

// Whether the keyword str `kw` spells `name`.
static int kw_is(Value kw, const char *name) {
    StrObject *s = str_obj(kw);
    return strlen(name) == s->nbytes && memcmp(s->data, name, s->nbytes) == 0;
}

// The value passed for keyword `name`, or 0.
static Value find_keyword(Value kwnames, const Value *kwvalues, const char *name) {
    TupleObject *kw = tuple_obj(kwnames);
    for (size_t i = 0; i < kw->len; i++) {
        if (kw_is(kw->items[i], name)) {
            return kwvalues[i];
        }
    }
    return 0;
}

static int unexpected_keyword(const char *fname, Value kwnames, const char *const *names) {
    TupleObject *kw = tuple_obj(kwnames);
    for (size_t i = 0; i < kw->len; i++) {
        int known = 0;
        for (const char *const *n = names; n && *n && !known; n++) {
            known = kw_is(kw->items[i], *n);
        }
        if (!known) {
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       str_obj(kw->items[i])->data, fname);
            return -1;
        }
    }
    return 0;
}

int args_unpack(const ArgSpec *spec, const Value *args, size_t nargs, Value kwnames, Value *out) {
    const char *fname = spec->fname;
    int nnames = 0;
    while (spec->names && spec->names[nnames]) {
        nnames++;
    }
    int posonly = spec->nposonly;
    int maxargs = posonly + nnames;
    int minposonly = posonly < spec->minpos ? posonly : spec->minpos;
    int reqlimit = spec->minkw ? spec->maxpos + spec->minkw : spec->minpos;
    size_t nkw = args_nkw(kwnames);
    const Value *kwvalues = args + nargs;

    if (nargs + nkw > (size_t)maxargs) {
        err_format(&exc_TypeError, "%s() takes at most %d %sargument%s (%zu given)", fname,
                   maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkw);
        return -1;
    }
    if (nargs > (size_t)spec->maxpos) {
        if (spec->maxpos == 0) {
            err_format(&exc_TypeError, "%s() takes no positional arguments", fname);
        } else {
            err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)",
                       fname, spec->minpos < spec->maxpos ? "at most" : "exactly", spec->maxpos,
                       spec->maxpos == 1 ? "" : "s", nargs);
        }
        return -1;
    }
    if (nargs < (size_t)minposonly) {
        err_format(&exc_TypeError, "%s() takes %s %d positional argument%s (%zu given)", fname,
                   minposonly < spec->maxpos ? "at least" : "exactly", minposonly,
                   minposonly == 1 ? "" : "s", nargs);
        return -1;
    }
    for (int i = 0; i < maxargs; i++) {
        out[i] = (size_t)i < nargs ? args[i] : 0;
    }
    size_t kwleft = nkw;
    for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        Value v = 0;
        if (kwleft) {
            v = find_keyword(kwnames, kwvalues, spec->names[i - posonly]);
        } else if (i >= reqlimit) {
            break;
        }
        out[i] = v;
        if (v) {
            kwleft--;
        } else if (i < spec->minpos || (spec->maxpos <= i && i < reqlimit)) {
            err_format(&exc_TypeError, "%s() missing required argument '%s' (pos %d)", fname,
                       spec->names[i - posonly], i + 1);
            return -1;
        }
    }
    if (kwleft) {
        for (int i = posonly; (size_t)i < nargs; i++) {
            if (find_keyword(kwnames, kwvalues, spec->names[i - posonly])) {
                err_format(&exc_TypeError,
                           "argument for %s() given by name ('%s') and position (%d)", fname,
                           spec->names[i - posonly], i + 1);
                return -1;
            }
        }
        return unexpected_keyword(fname, kwnames, spec->names);
    }
    return 0;
}

int args_kwonly(const char *fname, const Value *kwvalues, Value kwnames, const char *const *names,
                int check_count, Value *out) {
    size_t nkw = args_nkw(kwnames);
    size_t nnames = 0;
    while (names[nnames]) {
        nnames++;
    }
    if (check_count && nkw > nnames) {
        err_format(&exc_TypeError, "%s() takes at most %zu keyword argument%s (%zu given)", fname,
                   nnames, nnames == 1 ? "" : "s", nkw);
        return -1;
    }
    for (size_t i = 0; i < nkw; i++) {
        Value kw = tuple_obj(kwnames)->items[i];
        int k = 0;
        while (names[k] && !kw_is(kw, names[k])) {
            k++;
        }
        if (!names[k]) {
            err_format(&exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                       str_obj(kw)->data, fname);
            return -1;
        }
        out[k] = kwvalues[i];
    }
    return 0;
}

int args_no_keywords(const char *fname, Value kwnames) {
    if (args_nkw(kwnames)) {
        err_format(&exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int args_check_positional(const char *fname, size_t nargs, size_t min, size_t max) {
    if (nargs < min) {
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        err_format(&exc_TypeError, "%s expected %s%zu argument%s, got %zu", fname,
                   min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}
