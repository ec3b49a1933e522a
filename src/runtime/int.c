// int.c - Python's int. For now: decimal repr and parsing digits into limbs.
//
// Conversions between bases go through GMP's mpn_get_str / mpn_set_str, which
// are subquadratic (divide and conquer over powers of the base), unlike
// CPython's quadratic ones. Only the mpn layer is used, so every result lands
// in a buffer krait allocated; GMP's own scratch allocations use its default
// allocator, which krait never replaces (mp_set_memory_functions is
// process-global).
#include "int.h"

#include <gmp.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "krait's limbs are GMP's limbs: a 64-bit GMP without nails is required");

void int_repr_i64(StrBuf *out, int64_t v) {
    sb_printf(out, "%" PRId64, v);
}

void int_repr_limbs(StrBuf *out, const uint64_t *limbs, int n, int negative) {
    while (n > 0 && limbs[n - 1] == 0) {
        n--;
    }
    if (n == 0) {
        sb_putc(out, '0');
        return;
    }
    if (negative) {
        sb_putc(out, '-');
    }
    if (n == 1) {
        sb_printf(out, "%" PRIu64, limbs[0]);
        return;
    }
    // mpn_get_str clobbers its input, so it works on a copy. 64 bits are
    // fewer than 19.3 decimal digits; GMP wants one spare byte.
    mp_limb_t *scratch = malloc((size_t)n * sizeof(mp_limb_t));
    if (!scratch) {
        sb_puts(out, "<out of memory>");
        return;
    }
    memcpy(scratch, limbs, (size_t)n * sizeof(mp_limb_t));
    size_t bound = (size_t)n * 20 + 1;
    sb_reserve(out, bound);
    unsigned char *dst = (unsigned char *)out->data + out->len;
    size_t len = mpn_get_str(dst, 10, scratch, (mp_size_t)n);
    free(scratch);
    size_t skip = 0;
    while (skip + 1 < len && dst[skip] == 0) {
        skip++;
    }
    for (size_t i = skip; i < len; i++) {
        dst[i - skip] = (unsigned char)('0' + dst[i]);
    }
    out->len += len - skip;
    out->data[out->len] = 0;
}

size_t int_limbs_for_digits(size_t ndigits, int base) {
    // Each digit carries at most log2(base) <= 6 bits (base <= 64).
    int bits = 1;
    while ((1 << bits) < base) {
        bits++;
    }
    return ndigits * (size_t)bits / 64 + 2;
}

size_t int_limbs_from_digits(uint64_t *limbs, const unsigned char *digits, size_t n, int base) {
    while (n > 0 && digits[0] == 0) {
        digits++;
        n--;
    }
    if (n == 0) {
        return 0;
    }
    mp_size_t got = mpn_set_str((mp_limb_t *)limbs, digits, n, base);
    while (got > 0 && limbs[got - 1] == 0) {
        got--;
    }
    return (size_t)got;
}
