// unicode_ctype.c - the character types behind str's isX methods and case
// mapping (declared in unicode.h). The tables are generated from python3.11
// by tools/gen_unicode_ctype.py, whose docstring describes their layout;
// this file only reads them. They live apart from unicode.c so that the
// front end's tests, which link unicode.c alone, need not generate them.
#include "unicode.h"

#define KRAIT_UNICODE_CTYPE_TABLES
#include "unicode_ctype.h"

// ORDER CTYPE_FLAGS: unicode.h's names for the generator's bits.
_Static_assert(UNI_ALPHA == CT_ALPHA && UNI_DECIMAL == CT_DECIMAL && UNI_DIGIT == CT_DIGIT &&
                   UNI_NUMERIC == CT_NUMERIC && UNI_LOWER == CT_LOWER && UNI_UPPER == CT_UPPER &&
                   UNI_TITLE == CT_TITLE && UNI_CASED == CT_CASED &&
                   UNI_CASE_IGNORABLE == CT_CASE_IGNORABLE && UNI_SPACE == CT_SPACE &&
                   UNI_LINEBREAK == CT_LINEBREAK,
               "unicode.h's UNI_* flags must match tools/gen_unicode_ctype.py");
_Static_assert(UNI_MAX_CASE_EXPANSION == CTYPE_MAX_EXPANSION, "case expansion bound");

static inline const CtypeRecord *ctype_record(uint32_t cp) {
    if (cp >= 0x110000) {
        return &CTYPE_RECORDS[0];  // the record of no properties
    }
    unsigned block = CTYPE_INDEX1[cp >> CTYPE_SHIFT];
    return &CTYPE_RECORDS[CTYPE_INDEX2[(block << CTYPE_SHIFT) + (cp & ((1u << CTYPE_SHIFT) - 1))]];
}

unsigned uni_ctype(uint32_t cp) {
    return ctype_record(cp)->flags & (CT_EXT_FIRST - 1);
}

int uni_decimal(uint32_t cp) {
    return ctype_record(cp)->decimal;
}

int uni_digit(uint32_t cp) {
    return ctype_record(cp)->digit;
}

int uni_case_map(uint32_t cp, UniCase which, uint32_t *out) {
    const CtypeRecord *r = ctype_record(cp);
    int32_t v;
    unsigned ext;
    switch (which) {
    case UNI_CASE_LOWER: v = r->lower; ext = CT_LOWER_EXT; break;
    case UNI_CASE_UPPER: v = r->upper; ext = CT_UPPER_EXT; break;
    case UNI_CASE_TITLE: v = r->title; ext = CT_TITLE_EXT; break;
    default: v = r->fold; ext = CT_FOLD_EXT; break;
    }
    if (!(r->flags & ext)) {
        out[0] = (uint32_t)((int32_t)cp + v);
        return 1;
    }
    int n = v >> 24;
    const uint32_t *p = &CTYPE_EXT[v & 0xFFFFFF];
    for (int i = 0; i < n; i++) {
        out[i] = p[i];
    }
    return n;
}
