// bytes_methods.h - the methods bytes and bytearray share (bytes_methods.c),
// written once over the receiver's (data, len) and returning a result of
// the receiver's kind: bytes for bytes, bytearray for bytearray.
#ifndef KRAIT_BYTES_METHODS_H
#define KRAIT_BYTES_METHODS_H

#include "object.h"
#include "type.h"

// The entries both types' method tables start with (bytes.c and
// bytearray.c add their own and the terminator).
#define BM_DECLARE_(name, fn, flags, doc) \
    Value fn(Value self, const Value *args, size_t nargs, Value kwnames);
#define BM_ENTRY_(name, fn, flags, doc) {name, fn, flags, doc},

#define BYTES_SHARED_METHODS(_)                                                              \
    _("capitalize", bm_capitalize, METH_DEFAULT, "B.capitalize() -> copy of B")             \
    _("center", bm_center, METH_DEFAULT,                                                     \
      "center($self, width, fillchar=b' ', /)\n--\n\n"                                       \
      "Return a centered string of length width.")                                           \
    _("count", bm_count, METH_DEFAULT, "Return the number of non-overlapping occurrences.") \
    _("decode", bm_decode, METH_DEFAULT,                                                     \
      "decode($self, /, encoding='utf-8', errors='strict')\n--\n\n"                          \
      "Decode the bytes using the registered codec.")                                        \
    _("endswith", bm_endswith, METH_DEFAULT, "Return True if B ends with the suffix.")     \
    _("expandtabs", bm_expandtabs, METH_DEFAULT,                                             \
      "expandtabs($self, /, tabsize=8)\n--\n\n"                                              \
      "Expand tabs to spaces.")                                                              \
    _("find", bm_find, METH_DEFAULT, "Return the lowest index where sub is found.")        \
    _("fromhex", bm_fromhex, METH_CLASS,                                                     \
      "fromhex($type, string, /)\n--\n\n"                                                    \
      "Create from a string of hexadecimal numbers.")                                        \
    _("hex", bm_hex, METH_DEFAULT,                                                           \
      "hex($self, /, sep=<unrepresentable>, bytes_per_sep=1)\n--\n\n"                        \
      "Create a string of hexadecimal numbers.")                                             \
    _("index", bm_index, METH_DEFAULT, "Like find() but raise ValueError when not found.") \
    _("isalnum", bm_isalnum, METH_DEFAULT, "B.isalnum() -> bool")                          \
    _("isalpha", bm_isalpha, METH_DEFAULT, "B.isalpha() -> bool")                          \
    _("isascii", bm_isascii, METH_DEFAULT, "B.isascii() -> bool")                          \
    _("isdigit", bm_isdigit, METH_DEFAULT, "B.isdigit() -> bool")                          \
    _("islower", bm_islower, METH_DEFAULT, "B.islower() -> bool")                          \
    _("isspace", bm_isspace, METH_DEFAULT, "B.isspace() -> bool")                          \
    _("istitle", bm_istitle, METH_DEFAULT, "B.istitle() -> bool")                          \
    _("isupper", bm_isupper, METH_DEFAULT, "B.isupper() -> bool")                          \
    _("join", bm_join, METH_DEFAULT,                                                         \
      "join($self, iterable_of_bytes, /)\n--\n\n"                                            \
      "Concatenate any number of bytes-like objects.")                                       \
    _("ljust", bm_ljust, METH_DEFAULT,                                                       \
      "ljust($self, width, fillchar=b' ', /)\n--\n\n"                                        \
      "Return a left-justified string of length width.")                                     \
    _("lower", bm_lower, METH_DEFAULT, "B.lower() -> copy of B")                           \
    _("lstrip", bm_lstrip, METH_DEFAULT,                                                     \
      "lstrip($self, bytes=None, /)\n--\n\n"                                                 \
      "Strip leading bytes contained in the argument.")                                      \
    _("maketrans", bm_maketrans, METH_STATIC,                                                \
      "maketrans(frm, to, /)\n--\n\nReturn a translation table.")                            \
    _("partition", bm_partition, METH_DEFAULT,                                               \
      "partition($self, sep, /)\n--\n\n"                                                     \
      "Partition using the given separator.")                                                \
    _("removeprefix", bm_removeprefix, METH_DEFAULT,                                         \
      "removeprefix($self, prefix, /)\n--\n\n"                                               \
      "Remove a prefix if present.")                                                         \
    _("removesuffix", bm_removesuffix, METH_DEFAULT,                                         \
      "removesuffix($self, suffix, /)\n--\n\n"                                               \
      "Remove a suffix if present.")                                                         \
    _("replace", bm_replace, METH_DEFAULT,                                                   \
      "replace($self, old, new, count=-1, /)\n--\n\n"                                        \
      "Replace occurrences of old by new.")                                                  \
    _("rfind", bm_rfind, METH_DEFAULT, "Return the highest index where sub is found.")     \
    _("rindex", bm_rindex, METH_DEFAULT, "Like rfind() but raise ValueError.")             \
    _("rjust", bm_rjust, METH_DEFAULT,                                                       \
      "rjust($self, width, fillchar=b' ', /)\n--\n\n"                                        \
      "Return a right-justified string of length width.")                                    \
    _("rpartition", bm_rpartition, METH_DEFAULT,                                             \
      "rpartition($self, sep, /)\n--\n\n"                                                    \
      "Partition from the end.")                                                             \
    _("rsplit", bm_rsplit, METH_DEFAULT,                                                     \
      "rsplit($self, /, sep=None, maxsplit=-1)\n--\n\n"                                      \
      "Split from the end.")                                                                 \
    _("rstrip", bm_rstrip, METH_DEFAULT,                                                     \
      "rstrip($self, bytes=None, /)\n--\n\n"                                                 \
      "Strip trailing bytes contained in the argument.")                                     \
    _("split", bm_split, METH_DEFAULT,                                                       \
      "split($self, /, sep=None, maxsplit=-1)\n--\n\n"                                       \
      "Return a list of the sections.")                                                      \
    _("splitlines", bm_splitlines, METH_DEFAULT,                                             \
      "splitlines($self, /, keepends=False)\n--\n\n"                                         \
      "Return a list of the lines.")                                                         \
    _("startswith", bm_startswith, METH_DEFAULT, "Return True if B starts with prefix.")   \
    _("strip", bm_strip, METH_DEFAULT,                                                       \
      "strip($self, bytes=None, /)\n--\n\n"                                                  \
      "Strip leading and trailing bytes.")                                                   \
    _("swapcase", bm_swapcase, METH_DEFAULT, "B.swapcase() -> copy of B")                  \
    _("title", bm_title, METH_DEFAULT, "B.title() -> copy of B")                           \
    _("translate", bm_translate, METH_DEFAULT,                                               \
      "translate($self, table, /, delete=b'')\n--\n\n"                                       \
      "Return a copy mapped through table.")                                                 \
    _("upper", bm_upper, METH_DEFAULT, "B.upper() -> copy of B")                           \
    _("zfill", bm_zfill, METH_DEFAULT,                                                       \
      "zfill($self, width, /)\n--\n\n"                                                       \
      "Pad a numeric string with zeros on the left.")

BYTES_SHARED_METHODS(BM_DECLARE_)

// The bytes of a bytes or bytearray receiver.
void bm_self(Value self, const char **p, size_t *n);
// A new object of self's kind (bytes or bytearray) holding p[0..n).
Value bm_new(Value self, const char *p, size_t n);
// The exact bytes of x: x itself if it is an exact bytes, a copy of a
// buffer's bytes (strided memoryviews included), or the ints of an
// iterable, with bytes()'s messages ("cannot convert 'X' object to
// bytes", "bytes must be in range(0, 256)"). No __bytes__, no integer size.
Value bm_bytes_from_object(Value x);
// The bytes of the buffer or iterable of ints x appended to a malloc'ed
// growing array: 0, or -1 with bytearray's messages ("can't extend
// bytearray with int", "byte must be in range(0, 256)").
int bm_ints_from_iterable(Value x, char **data, size_t *len, const char *rangemsg);
// A byte value argument (an int in range(256)): 0 or -1 with "byte must be
// in range(0, 256)" or the __index__ TypeError.
int bm_byte_arg(Value v, int *out);

#endif
