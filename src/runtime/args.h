// args.h - parsing the arguments of C functions called from Python, with
// CPython 3.11's error messages.
//
// A C function receives CallFunc's vector: nargs positional values, then
// the values of the keywords named by `kwnames` (object.h). CPython words
// its argument errors in a few families, and programs (and tests) see the
// words, so each family has its helper here:
//
//   args_unpack      Argument Clinic functions with keywords (pow, round,
//                    compile, enumerate...): "pow() missing required
//                    argument 'exp' (pos 2)", "'foo' is an invalid keyword
//                    argument for round()", "argument for pow() given by
//                    name ('base') and position (1)", "sum() takes at most
//                    2 arguments (3 given)".
//   args_kwonly      keyword-only parameters after *args (print, min, max,
//                    zip): "'x' is an invalid keyword argument for print()".
//   method_check_args (list.h) covers METH_O / METH_NOARGS / positional-only
//                    functions: "len() takes exactly one argument (2 given)",
//                    "getattr expected at least 2 arguments, got 1".
#ifndef KRAIT_ARGS_H
#define KRAIT_ARGS_H

#include <stddef.h>

#include "object.h"
#include "tuple.h"

// A parameter list: `nposonly` positional-only parameters, then the named
// ones in `names` (NULL-terminated), of which the first maxpos - nposonly
// may also be given positionally and the rest are keyword-only.
// Parameters [0, minpos) are required, as are the first `minkw`
// keyword-only ones.
typedef struct ArgSpec {
    const char *fname;          // "pow": messages say "pow()"
    int nposonly;
    const char *const *names;   // the parameters that can be passed by keyword
    int minpos, maxpos;
    int minkw;
} ArgSpec;

// Match args/kwnames against spec into out[0 .. nposonly + len(names)):
// each given argument, 0 for an optional one not given. 0, or -1 with
// CPython's TypeError.
int args_unpack(const ArgSpec *spec, const Value *args, size_t nargs, Value kwnames, Value *out);

// Keyword-only parameters `names` (NULL-terminated) of a function that
// also takes *args: kwvalues are the keyword values (args + nargs), out[i]
// receives the value for names[i] or stays 0. An unknown keyword raises
// "'x' is an invalid keyword argument for <fname>()"; with `check_count`
// (the functions CPython parses with PyArg_ParseTupleAndKeywords: min, max,
// zip) too many keywords raise "<fname>() takes at most N keyword
// arguments (M given)" first.
int args_kwonly(const char *fname, const Value *kwvalues, Value kwnames, const char *const *names,
                int check_count, Value *out);

// CPython's _PyArg_CheckPositional: "<fname> expected 2 arguments, got 1",
// "... expected at least 1 argument, got 0", "... at most 2 arguments, got 3".
int args_check_positional(const char *fname, size_t nargs, size_t min, size_t max);

// The number of keyword arguments.
static inline size_t args_nkw(Value kwnames) {
    return kwnames ? tuple_obj(kwnames)->len : 0;
}

// "<fname>() takes no keyword arguments" when there are any. 0 or -1.
int args_no_keywords(const char *fname, Value kwnames);

#endif
