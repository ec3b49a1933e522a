// suggestions.c - "Did you mean" for uncaught AttributeError and NameError,
// as CPython 3.11's traceback printer offers them (Python/suggestions.c):
// the candidate closest to the missing name by an edit distance in which a
// case-only change costs 1 and any other edit 2, within a budget that grows
// with the lengths; names and candidates over 40 bytes, and candidate lists
// of 750 or more, are not considered.
//
// AttributeError: the candidates are dir(obj) of the exception's obj.
// NameError: the local variable names of the innermost traceback frame's
// code, then its globals, then its builtins.
#include <stdint.h>
#include <string.h>

#include "abstract.h"
#include "dict.h"
#include "exceptions.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

enum { MAX_CANDIDATES = 750, MAX_NAME = 40, MOVE_COST = 2, CASE_COST = 1 };

static size_t change_cost(char a, char b) {
    if (a == b) {
        return 0;
    }
    if ((a & 31) != (b & 31)) {
        return MOVE_COST;  // cannot be the same letter in another case
    }
    if (a >= 'A' && a <= 'Z') {
        a = (char)(a + ('a' - 'A'));
    }
    if (b >= 'A' && b <= 'Z') {
        b = (char)(b + ('a' - 'A'));
    }
    return a == b ? CASE_COST : MOVE_COST;
}

// The edit distance of a[0..na) and b[0..nb), or anything above `budget`
// as soon as the answer is known to exceed it. One row of the matrix.
static size_t edit_distance(const char *a, size_t na, const char *b, size_t nb, size_t budget) {
    while (na && nb && a[0] == b[0]) {  // a common prefix costs nothing
        a++, b++, na--, nb--;
    }
    while (na && nb && a[na - 1] == b[nb - 1]) {  // nor does a common suffix
        na--, nb--;
    }
    if (!na || !nb) {
        return (na + nb) * MOVE_COST;
    }
    if (na > MAX_NAME || nb > MAX_NAME) {
        return budget + 1;
    }
    if (nb < na) {  // let a be the shorter one: the row runs along it
        const char *t = a;
        a = b;
        b = t;
        size_t tn = na;
        na = nb;
        nb = tn;
    }
    if ((nb - na) * MOVE_COST > budget) {
        return budget + 1;
    }
    // row[i]: the cost of b[0..j) against a[0..i], one row per character of b.
    size_t row[MAX_NAME];
    for (size_t i = 0; i < na; i++) {
        row[i] = (i + 1) * MOVE_COST;
    }
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * MOVE_COST;       // b[0..j) against ""
        size_t left = (j + 1) * MOVE_COST;  // b[0..j] against ""
        size_t best = SIZE_MAX;
        for (size_t i = 0; i < na; i++) {
            size_t up = row[i];
            size_t sub = diag + change_cost(b[j], a[i]);
            size_t ins = (left < up ? left : up) + MOVE_COST;
            size_t cur = sub < ins ? sub : ins;
            diag = up;
            row[i] = left = cur;
            if (cur < best) {
                best = cur;
            }
        }
        if (best > budget) {
            return budget + 1;  // every path already costs too much
        }
    }
    return row[na - 1];
}

// The candidate in `names` (a list of str) closest to `name`, or 0.
static Value closest(Value names, Value name) {
    ListObject *l = list_obj(names);
    if (l->len >= MAX_CANDIDATES) {
        return 0;
    }
    size_t nlen = str_obj(name)->nbytes;
    if (nlen > MAX_NAME) {
        return 0;
    }
    Value best = 0;
    size_t best_distance = SIZE_MAX;
    for (size_t i = 0; i < l->len; i++) {
        Value item = l->items[i];
        if (!val_is_str(item) || str_equal(item, name)) {
            continue;
        }
        size_t ilen = str_obj(item)->nbytes;
        if (ilen > MAX_NAME) {
            continue;
        }
        size_t budget = (nlen + ilen + 3) * MOVE_COST / 6;
        if (best_distance - 1 < budget) {
            budget = best_distance - 1;
        }
        size_t d = edit_distance(str_obj(name)->data, nlen, str_obj(item)->data, ilen, budget);
        if (d > budget) {
            continue;
        }
        if (!best || d < best_distance) {
            best = item;
            best_distance = d;
        }
    }
    return best;
}

static Value attr(Value v, const char *name) {
    return obj_getattr_opt(v, str_intern_cstr(name));
}

static Value as_list(Value v) {
    return v ? list_from_iterable(v) : 0;
}

static Value for_attribute_error(Value exc) {
    Value name = attr(exc, "name"), obj = name ? attr(exc, "obj") : 0;
    if (!name || !obj || !val_is_str(name)) {
        return 0;
    }
    Value dir = obj_call_method(obj, "__dir__", NULL, 0);
    Value names = as_list(dir);
    if (!names || list_sort(names, 0, 0) < 0) {
        return 0;
    }
    return closest(names, name);
}

static Value for_name_error(Value exc) {
    Value name = attr(exc, "name");
    Value tb = name && type_of(name) == &type_str ? attr(exc, "__traceback__") : 0;
    if (!tb || tb == VAL_NONE) {
        return 0;
    }
    for (;;) {
        Value next = attr(tb, "tb_next");
        if (!next || next == VAL_NONE) {
            break;
        }
        tb = next;
    }
    Value frame = attr(tb, "tb_frame");
    Value code = frame ? attr(frame, "f_code") : 0;
    Value varnames = code ? attr(code, "co_varnames") : 0;
    Value found = varnames ? closest(as_list(varnames), name) : 0;
    if (!found && frame && !err_occurred()) {
        Value globals = attr(frame, "f_globals");
        found = globals ? closest(as_list(globals), name) : 0;
    }
    if (!found && frame && !err_occurred()) {
        Value builtins = attr(frame, "f_builtins");
        found = builtins ? closest(as_list(builtins), name) : 0;
    }
    return found;
}

Value exc_suggestion(Value exc) {
    Type *t = type_of(exc);
    Value r = 0;
    if (t == &exc_AttributeError) {
        r = for_attribute_error(exc);
    } else if (t == &exc_NameError) {
        r = for_name_error(exc);
    }
    err_clear();  // a failing dir() or attribute only means no suggestion
    return r;
}
