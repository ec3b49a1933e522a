// literals.c - NUMBER tokens -> constants (int, big int, float, imaginary).
//
// The tokenizer has already checked the literal's shape (digits of the right
// base, single underscores between digits, exponent syntax), so this file only
// computes values. Floats are read by glibc's strtod, which rounds correctly;
// we hand it "DIGITSeEXP" without a decimal point, so the C locale's radix
// character can never matter. Big ints become GMP limbs in the parser's arena.
//
// CPython 3.11 refuses decimal int literals of more digits than the
// int_max_str_digits limit (4300 unless sys.set_int_max_str_digits() changed
// it; CVE-2020-10735) with a SyntaxError that carries the ValueError's text;
// zero literals never reach that check, and floats and power-of-two bases are
// exempt.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/int.h"
#include "parser_internal.h"

static int literal_digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

static int literal_int(Parser *p, const Token *tok, const char *s, size_t len, int base,
                       ConstValue *out) {
    // Fast path: accumulate while it fits in 64 bits.
    uint64_t acc = 0;
    int overflow = 0;
    size_t ndigits = 0;
    for (size_t i = 0; i < len; i++) {
        int d = literal_digit_value(s[i]);
        if (d >= base) {
            continue;  // '_'
        }
        ndigits++;
        if (!overflow) {
            if (acc > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) {
                overflow = 1;
            } else {
                acc = acc * (uint64_t)base + (uint64_t)d;
            }
        }
    }
    if (!overflow && acc <= (uint64_t)INT64_MAX) {
        out->kind = CONST_INT;
        out->i = (int64_t)acc;
        return 0;
    }
    if (base == 10 && int_max_str_digits > 0 && ndigits > (size_t)int_max_str_digits) {
        parser_error_at(p, tok->lineno, -1, tok->end_lineno, -1,
                        "Exceeds the limit (%lld digits) for integer string conversion: value has "
                        "%zu digits; use sys.set_int_max_str_digits() to increase the limit - "
                        "Consider hexadecimal for huge integer literals to avoid decimal "
                        "conversion limits.",
                        (long long)int_max_str_digits, ndigits);
        return -1;
    }
    unsigned char *digits = malloc(ndigits);
    size_t room = int_limbs_for_digits(ndigits, base);
    uint64_t *limbs = arena_alloc(parser_arena(p), room * sizeof(uint64_t));
    if (!digits || !limbs) {
        free(digits);
        parser_error_at(p, tok->lineno, tok->col_offset, tok->end_lineno, tok->end_col_offset,
                        "out of memory");
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < len; i++) {
        int d = literal_digit_value(s[i]);
        if (d < base) {
            digits[k++] = (unsigned char)d;
        }
    }
    size_t n = int_limbs_from_digits(limbs, digits, k, base);
    free(digits);
    out->kind = CONST_BIGINT;
    out->big.limbs = limbs;
    out->big.n = (int)n;
    return 0;
}

// A decimal float literal (no 'j'): [digits][.digits][e[+-]digits], with
// underscores between digits.
static int literal_float(Parser *p, const Token *tok, const char *s, size_t len, double *out) {
    // Rewrite as "MANTISSAeEXP": mantissa digits without the point, exponent
    // lowered by the number of fraction digits.
    char small[128];
    char *buf = len + 32 <= sizeof small ? small : malloc(len + 32);
    if (!buf) {
        parser_error_at(p, tok->lineno, tok->col_offset, tok->end_lineno, tok->end_col_offset,
                        "out of memory");
        return -1;
    }
    size_t n = 0, i = 0;
    long long frac = 0;
    int in_frac = 0;
    for (; i < len && s[i] != 'e' && s[i] != 'E'; i++) {
        if (s[i] == '.') {
            in_frac = 1;
        } else if (s[i] != '_') {
            buf[n++] = s[i];
            frac += in_frac;
        }
    }
    if (n == 0) {
        buf[n++] = '0';  // unreachable for a valid token; keeps strtod happy
    }
    long long exp10 = 0;
    if (i < len) {
        i++;
        int neg = 0;
        if (i < len && (s[i] == '+' || s[i] == '-')) {
            neg = s[i] == '-';
            i++;
        }
        for (; i < len; i++) {
            if (s[i] >= '0' && s[i] <= '9' && exp10 < 1000000000) {
                exp10 = exp10 * 10 + (s[i] - '0');  // beyond 1e9 the result is inf or 0
            }
        }
        if (neg) {
            exp10 = -exp10;
        }
    }
    snprintf(buf + n, 32, "e%lld", exp10 - frac);
    *out = strtod(buf, NULL);
    if (buf != small) {
        free(buf);
    }
    return 0;
}

int number_literal(Parser *p, const Token *tok, ConstValue *out) {
    const char *s = tok->start;
    size_t len = (size_t)(tok->end - tok->start);
    if (len == 0) {
        parser_error_at(p, tok->lineno, tok->col_offset, tok->end_lineno, tok->end_col_offset,
                        "invalid number literal");
        return -1;
    }
    if (memchr(s, '_', len) && !parser_check_version(p, 6, "Underscores in numeric literals are")) {
        return -1;
    }
    if (s[len - 1] == 'j' || s[len - 1] == 'J') {
        out->kind = CONST_COMPLEX;
        return literal_float(p, tok, s, len - 1, &out->f);
    }
    if (len >= 2 && s[0] == '0') {
        switch (s[1]) {
        case 'x': case 'X':
            return literal_int(p, tok, s + 2, len - 2, 16, out);
        case 'o': case 'O':
            return literal_int(p, tok, s + 2, len - 2, 8, out);
        case 'b': case 'B':
            return literal_int(p, tok, s + 2, len - 2, 2, out);
        default:
            break;
        }
    }
    if (memchr(s, '.', len) || memchr(s, 'e', len) || memchr(s, 'E', len)) {
        out->kind = CONST_FLOAT;
        return literal_float(p, tok, s, len, &out->f);
    }
    return literal_int(p, tok, s, len, 10, out);
}
