// sre_engine.c - the backtracking matcher that runs re._compiler's code.
//
// The code is SRE's: a flat array of 32-bit words, an opcode followed by its
// operands, where structure is expressed by forward skips (`<BRANCH> <skip>
// alt <JUMP> ... 0`, `<REPEAT> <skip> <min> <max> item <MAX_UNTIL> tail`).
// Which text a group captures, which alternative wins, how lastindex moves
// when a repeat backtracks: all of it is observable, so the matcher keeps
// SRE's exact search order and its bookkeeping of marks (the lastmark /
// MARK_PUSH discipline below).
//
// SRE's matcher is naturally recursive: trying an alternative, one more
// iteration of a repeat, or a lookaround "calls" the matcher on a
// sub-pattern and looks at the answer. A hostile pattern nests those calls
// as deep as the subject is long, so they never recurse on the C stack:
// each call pushes a frame (SreFrame: the caller's position, pc and saved
// marks) on a growable array and jumps to `entrance`; a return pops it and
// resumes the caller at the label its `jump` field names. Saved marks and
// a repeat's saved last position go on a second stack (data_stack), pushed
// and popped in the same nesting. Repeat contexts (REPEAT ... UNTIL) live in
// a pool indexed by number and are chained through `prev`.
//
// _sre.compile does not validate the code as CPython's does. Instead every
// code word is read through code_at(), which yields FAILURE beyond the end,
// skips only move forward, and a MARK beyond the pattern's groups or an
// UNTIL without its REPEAT stops the match with SRE_ERROR_ILLEGAL: code
// handed to _sre.compile by hand can give odd answers or a RuntimeError,
// but never read or write outside its arrays.
//
// sre_search enters the matcher only where a match may start: it works out
// once per pattern (search_plan) what the code's beginning demands (INFO's
// literal prefix or first-character set, a leading assertion such as \b,
// the characters the first item can match through groups, alternatives
// and optional repeats) and skips the positions that fail it; each such
// test gives the answer the matcher's first ops would. A compiled pattern
// keeps these answers, and its sets' answers for ASCII characters, in an
// SreCache shared by all its searches.
#include "sre.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/unicode.h"
#include "modules.h"

struct SreFrame {
    ssize_t count;
    ssize_t ptr;
    size_t pc;
    ssize_t lastmark, lastindex;
    ssize_t rep;       // the repeat context this frame works on
    uint32_t chr;
    int toplevel;
    int jump;          // where the caller resumes (JUMP_*)
};

struct SreRepeat {
    ssize_t count;
    size_t pc;         // the REPEAT's operands: <skip> <min> <max> item
    ssize_t last_ptr;  // zero-width protection: where the last iteration began
    ssize_t prev;      // the enclosing repeat, or the next free one
};

// ---- characters ---------------------------------------------------------------------------------

static inline uint32_t ch_at(const SreState *st, ssize_t i) {
    return st->charsize == 1 ? ((const uint8_t *)st->data)[i] : ((const uint32_t *)st->data)[i];
}

static inline uint32_t code_at(const uint32_t *code, size_t n, size_t i) {
    return i < n ? code[i] : SRE_OP_FAILURE;
}

uint32_t sre_lower_ascii(uint32_t ch) {
    return ch < 128 && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

uint32_t sre_upper_ascii(uint32_t ch) {
    return ch < 128 && ch >= 'a' && ch <= 'z' ? ch - 32 : ch;
}

// CPython's simple case mapping is the first code point of the full one.
uint32_t sre_lower_unicode(uint32_t ch) {
    if (ch < 128) {
        return sre_lower_ascii(ch);
    }
    uint32_t out[UNI_MAX_CASE_EXPANSION];
    return uni_case_map(ch, UNI_CASE_LOWER, out) > 0 ? out[0] : ch;
}

uint32_t sre_upper_unicode(uint32_t ch) {
    if (ch < 128) {
        return sre_upper_ascii(ch);
    }
    uint32_t out[UNI_MAX_CASE_EXPANSION];
    return uni_case_map(ch, UNI_CASE_UPPER, out) > 0 ? out[0] : ch;
}

// The "C" locale's tolower/toupper/isalnum: krait never calls setlocale.
static uint32_t lower_locale(uint32_t ch) {
    return sre_lower_ascii(ch);
}
static uint32_t upper_locale(uint32_t ch) {
    return sre_upper_ascii(ch);
}

// The classes of the ASCII characters, one bit each, for the fast paths.
enum { CL_DIGIT = 1, CL_SPACE = 2, CL_WORD = 4, CL_UNI_SPACE = 8, CL_UNI_LINEBREAK = 16 };
static const uint8_t ascii_class[128] = {
    ['\t'] = CL_SPACE | CL_UNI_SPACE,
    ['\n'] = CL_SPACE | CL_UNI_SPACE | CL_UNI_LINEBREAK,
    ['\v'] = CL_SPACE | CL_UNI_SPACE | CL_UNI_LINEBREAK,
    ['\f'] = CL_SPACE | CL_UNI_SPACE | CL_UNI_LINEBREAK,
    ['\r'] = CL_SPACE | CL_UNI_SPACE | CL_UNI_LINEBREAK,
    [0x1c] = CL_UNI_SPACE | CL_UNI_LINEBREAK,
    [0x1d] = CL_UNI_SPACE | CL_UNI_LINEBREAK,
    [0x1e] = CL_UNI_SPACE | CL_UNI_LINEBREAK,
    [0x1f] = CL_UNI_SPACE,
    [' '] = CL_SPACE | CL_UNI_SPACE,
    ['0' ... '9'] = CL_DIGIT | CL_WORD,
    ['A' ... 'Z'] = CL_WORD,
    ['a' ... 'z'] = CL_WORD,
    ['_'] = CL_WORD,
};

static inline int is_ascii_digit(uint32_t ch) {
    return ch < 128 && (ascii_class[ch] & CL_DIGIT);
}
static inline int is_ascii_space(uint32_t ch) {
    return ch < 128 && (ascii_class[ch] & CL_SPACE);
}
static inline int is_ascii_word(uint32_t ch) {
    return ch < 128 && (ascii_class[ch] & CL_WORD);
}
static inline int is_uni_word(uint32_t ch) {
    if (ch < 128) {
        return (ascii_class[ch] & CL_WORD) != 0;
    }
    return (uni_ctype(ch) & (UNI_ALPHA | UNI_DECIMAL | UNI_DIGIT | UNI_NUMERIC)) != 0;
}
static inline int is_uni_digit(uint32_t ch) {
    return ch < 128 ? (ascii_class[ch] & CL_DIGIT) != 0 : (uni_ctype(ch) & UNI_DECIMAL) != 0;
}
static inline int is_uni_space(uint32_t ch) {
    return ch < 128 ? (ascii_class[ch] & CL_UNI_SPACE) != 0 : (uni_ctype(ch) & UNI_SPACE) != 0;
}
static inline int is_uni_linebreak(uint32_t ch) {
    return ch < 128 ? (ascii_class[ch] & CL_UNI_LINEBREAK) != 0
                    : (uni_ctype(ch) & UNI_LINEBREAK) != 0;
}

static inline int in_category(uint32_t cat, uint32_t ch) {
    switch (cat) {
    case SRE_CAT_DIGIT: return is_ascii_digit(ch);
    case SRE_CAT_NOT_DIGIT: return !is_ascii_digit(ch);
    case SRE_CAT_SPACE: return is_ascii_space(ch);
    case SRE_CAT_NOT_SPACE: return !is_ascii_space(ch);
    case SRE_CAT_WORD: return is_ascii_word(ch);
    case SRE_CAT_NOT_WORD: return !is_ascii_word(ch);
    case SRE_CAT_LINEBREAK: return ch == '\n';
    case SRE_CAT_NOT_LINEBREAK: return ch != '\n';
    case SRE_CAT_LOC_WORD: return is_ascii_word(ch);
    case SRE_CAT_LOC_NOT_WORD: return !is_ascii_word(ch);
    case SRE_CAT_UNI_DIGIT: return is_uni_digit(ch);
    case SRE_CAT_UNI_NOT_DIGIT: return !is_uni_digit(ch);
    case SRE_CAT_UNI_SPACE: return is_uni_space(ch);
    case SRE_CAT_UNI_NOT_SPACE: return !is_uni_space(ch);
    case SRE_CAT_UNI_WORD: return is_uni_word(ch);
    case SRE_CAT_UNI_NOT_WORD: return !is_uni_word(ch);
    case SRE_CAT_UNI_LINEBREAK: return is_uni_linebreak(ch);
    case SRE_CAT_UNI_NOT_LINEBREAK: return !is_uni_linebreak(ch);
    }
    return 0;
}

// Is ch in the set starting at code[pc] (ended by FAILURE)?
static int in_charset(const uint32_t *code, size_t n, size_t pc, uint32_t ch) {
    int ok = 1;
    for (;;) {
        switch (code_at(code, n, pc++)) {
        case SRE_OP_FAILURE:
            return !ok;
        case SRE_OP_LITERAL:
            if (ch == code_at(code, n, pc)) {
                return ok;
            }
            pc++;
            break;
        case SRE_OP_CATEGORY:
            if (in_category(code_at(code, n, pc), ch)) {
                return ok;
            }
            pc++;
            break;
        case SRE_OP_CHARSET:
            if (ch < 256 && (code_at(code, n, pc + ch / 32) & (1u << (ch & 31)))) {
                return ok;
            }
            pc += 8;
            break;
        case SRE_OP_RANGE:
            if (code_at(code, n, pc) <= ch && ch <= code_at(code, n, pc + 1)) {
                return ok;
            }
            pc += 2;
            break;
        case SRE_OP_RANGE_UNI_IGNORE: {
            // ch is already lower-cased
            uint32_t lo = code_at(code, n, pc), hi = code_at(code, n, pc + 1);
            if (lo <= ch && ch <= hi) {
                return ok;
            }
            uint32_t up = sre_upper_unicode(ch);
            if (lo <= up && up <= hi) {
                return ok;
            }
            pc += 2;
            break;
        }
        case SRE_OP_NEGATE:
            ok = !ok;
            break;
        case SRE_OP_BIGCHARSET: {
            // <BIGCHARSET> <count> <256 block numbers, 4 per word> <count blocks of 8 words>
            uint32_t count = code_at(code, n, pc++);
            if (ch < 0x10000) {
                uint32_t hi = ch >> 8;
                uint32_t block = (code_at(code, n, pc + hi / 4) >> ((hi & 3) * 8)) & 0xFF;
                size_t w = pc + 64 + (size_t)block * 8 + (ch & 255) / 32;
                if (code_at(code, n, w) & (1u << (ch & 31))) {
                    return ok;
                }
            }
            pc += 64 + (size_t)count * 8;
            break;
        }
        default:
            return 0;
        }
    }
}

// in_charset through the state's cache of ASCII answers: a set tested on
// every character of a subject ([\w.-]+) walks its items once per
// character value instead of once per character.
static inline int in_set(SreState *st, const uint32_t *code, size_t n, size_t pc, uint32_t ch) {
    if (ch >= 128) {
        return in_charset(code, n, pc, ch);
    }
    SreSetCache *c = &st->cache->sets[pc % SRE_SET_CACHE];
    uint64_t bit = UINT64_C(1) << (ch & 63);
    unsigned w = ch >> 6;
    if (c->key == pc + 1) {
        if (c->known[w] & bit) {
            return (c->member[w] & bit) != 0;
        }
    } else {
        c->key = pc + 1;
        c->known[0] = c->known[1] = c->member[0] = c->member[1] = 0;
    }
    int r = in_charset(code, n, pc, ch);
    c->known[w] |= bit;
    if (r) {
        c->member[w] |= bit;
    }
    return r;
}

// From p, the first position before end whose character's membership in
// the set at pc is not `want` (or end): the set's cached answers are read
// in a tight loop, in_set fills in the rest.
#define SCAN_CACHED(T) do { \
        const T *s_ = st->data; \
        while (p < end && s_[p] < 128) { \
            uint32_t ch_ = s_[p]; \
            if (!(c->known[ch_ >> 6] & (c->member[ch_ >> 6] ^ flip) & \
                  (UINT64_C(1) << (ch_ & 63)))) { \
                break; \
            } \
            p++; \
        } \
    } while (0)
static ssize_t scan_set(SreState *st, const uint32_t *code, size_t n, size_t pc, ssize_t p,
                        ssize_t end, int want) {
    SreSetCache *c = &st->cache->sets[pc % SRE_SET_CACHE];
    uint64_t flip = want ? 0 : ~UINT64_C(0);
    for (;;) {
        if (c->key == pc + 1) {
            if (st->charsize == 1) {
                SCAN_CACHED(uint8_t);
            } else {
                SCAN_CACHED(uint32_t);
            }
        }
        if (p >= end || in_set(st, code, n, pc, ch_at(st, p)) != want) {
            return p;
        }
        p++;
    }
}

static int in_charset_loc_ignore(const uint32_t *code, size_t n, size_t pc, uint32_t ch) {
    uint32_t lo = lower_locale(ch);
    if (in_charset(code, n, pc, lo)) {
        return 1;
    }
    uint32_t up = upper_locale(ch);
    return up != lo && in_charset(code, n, pc, up);
}

static int char_loc_ignore(uint32_t pattern, uint32_t ch) {
    return ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern;
}

static int at_position(const SreState *st, ssize_t ptr, uint32_t at) {
    int before, here;
    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == 0;
    case SRE_AT_BEGINNING_LINE:
        return ptr == 0 || ch_at(st, ptr - 1) == '\n';
    case SRE_AT_END:
        return ptr == st->end || (st->end - ptr == 1 && ch_at(st, ptr) == '\n');
    case SRE_AT_END_LINE:
        // past endpos (pos > endpos) CPython reads the subject's next character
        return ptr == st->end || (ptr < st->length && ch_at(st, ptr) == '\n');
    case SRE_AT_END_STRING:
        return ptr == st->end;
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
        if (st->end == 0) {
            return 0;
        }
        before = ptr > 0 && is_ascii_word(ch_at(st, ptr - 1));
        here = ptr < st->end && is_ascii_word(ch_at(st, ptr));
        return (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY) ? before != here
                                                                    : before == here;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
        if (st->end == 0) {
            return 0;
        }
        before = ptr > 0 && is_uni_word(ch_at(st, ptr - 1));
        here = ptr < st->end && is_uni_word(ch_at(st, ptr));
        return at == SRE_AT_UNI_BOUNDARY ? before != here : before == here;
    }
    return 0;
}

// Does the one-character item at code[pc] match the character ch? The
// items REPEAT_ONE and friends repeat.
static int unit_match_ch(SreState *st, const uint32_t *code, size_t n, size_t pc, uint32_t ch) {
    uint32_t arg = code_at(code, n, pc + 1);
    switch (code_at(code, n, pc)) {
    case SRE_OP_ANY: return ch != '\n';
    case SRE_OP_ANY_ALL: return 1;
    case SRE_OP_IN: return in_set(st, code, n, pc + 2, ch);
    case SRE_OP_IN_IGNORE: return in_set(st, code, n, pc + 2, sre_lower_ascii(ch));
    case SRE_OP_IN_UNI_IGNORE: return in_set(st, code, n, pc + 2, sre_lower_unicode(ch));
    case SRE_OP_IN_LOC_IGNORE: return in_charset_loc_ignore(code, n, pc + 2, ch);
    case SRE_OP_LITERAL: return ch == arg;
    case SRE_OP_LITERAL_IGNORE: return sre_lower_ascii(ch) == arg;
    case SRE_OP_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) == arg;
    case SRE_OP_LITERAL_LOC_IGNORE: return char_loc_ignore(arg, ch);
    case SRE_OP_NOT_LITERAL: return ch != arg;
    case SRE_OP_NOT_LITERAL_IGNORE: return sre_lower_ascii(ch) != arg;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE: return sre_lower_unicode(ch) != arg;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE: return !char_loc_ignore(arg, ch);
    case SRE_OP_CATEGORY: return in_category(arg, ch);
    }
    return 0;
}

// ... the character at ptr (ptr < end)?
static inline int unit_match(SreState *st, const uint32_t *code, size_t n, size_t pc,
                             ssize_t ptr) {
    return unit_match_ch(st, code, n, pc, ch_at(st, ptr));
}

// How many times (at most maxcount) the item at code[pc] repeats from ptr.
static ssize_t count_units(SreState *st, const uint32_t *code, size_t n, size_t pc,
                           ssize_t ptr, uint32_t maxcount) {
    ssize_t end = st->end;
    if (maxcount != SRE_MAXREPEAT && (ssize_t)maxcount < end - ptr) {
        end = ptr + (ssize_t)maxcount;
    }
    ssize_t p = ptr;
    uint32_t op = code_at(code, n, pc);
    if (op == SRE_OP_ANY_ALL) {
        return end - ptr;
    }
    if (st->charsize == 1 && op == SRE_OP_LITERAL) {
        const uint8_t *s = st->data;
        uint32_t c = code_at(code, n, pc + 1);
        while (p < end && s[p] == c) {
            p++;
        }
        return p - ptr;
    }
    if (op == SRE_OP_IN && code_at(code, n, pc + 2) == SRE_OP_CATEGORY &&
        code_at(code, n, pc + 4) == SRE_OP_FAILURE) {
        // a lone class (\w+, \s*): no set walk per character
        uint32_t cat = code_at(code, n, pc + 3);
        uint8_t mask = 0;
        int neg = 0;
        switch (cat) {
        case SRE_CAT_NOT_DIGIT: case SRE_CAT_UNI_NOT_DIGIT: neg = 1; // fall through
        case SRE_CAT_DIGIT: case SRE_CAT_UNI_DIGIT: mask = CL_DIGIT; break;
        case SRE_CAT_NOT_WORD: case SRE_CAT_LOC_NOT_WORD: case SRE_CAT_UNI_NOT_WORD: neg = 1;
            // fall through
        case SRE_CAT_WORD: case SRE_CAT_LOC_WORD: case SRE_CAT_UNI_WORD: mask = CL_WORD; break;
        case SRE_CAT_NOT_SPACE: neg = 1; // fall through
        case SRE_CAT_SPACE: mask = CL_SPACE; break;
        case SRE_CAT_UNI_NOT_SPACE: neg = 1; // fall through
        case SRE_CAT_UNI_SPACE: mask = CL_UNI_SPACE; break;
        }
        if (mask && st->charsize == 1) {
            // ASCII characters from the class table; the others one by one
            const uint8_t *s = st->data;
            for (;;) {
                while (p < end && s[p] < 128 && ((ascii_class[s[p]] & mask) != 0) != neg) {
                    p++;
                }
                if (p < end && s[p] >= 128 && in_category(cat, s[p])) {
                    p++;
                    continue;
                }
                return p - ptr;
            }
        }
        while (p < end && in_category(cat, ch_at(st, p))) {
            p++;
        }
        return p - ptr;
    }
    if (op == SRE_OP_IN) {
        return scan_set(st, code, n, pc + 2, p, end, 1) - ptr;
    }
    if (op == SRE_OP_ANY) {
        while (p < end && ch_at(st, p) != '\n') {
            p++;
        }
        return p - ptr;
    }
    while (p < end && unit_match(st, code, n, pc, p)) {
        p++;
    }
    return p - ptr;
}

// ---- the stacks ------------------------------------------------------------------------------------

static int grow(void **items, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) {
        return 0;
    }
    size_t ncap = *cap ? *cap * 2 : 64;
    while (ncap < need) {
        ncap *= 2;
    }
    void *p = realloc(*items, ncap * size);
    if (!p) {
        return -1;
    }
    *items = p;
    *cap = ncap;
    return 0;
}

static int data_push(SreState *st, const ssize_t *v, size_t k) {
    if (grow((void **)&st->data_stack, &st->capdata, st->ndata + k, sizeof(ssize_t)) < 0) {
        return -1;
    }
    memcpy(st->data_stack + st->ndata, v, k * sizeof(ssize_t));
    st->ndata += k;
    return 0;
}

static void data_pop(SreState *st, ssize_t *v, size_t k, int discard) {
    memcpy(v, st->data_stack + st->ndata - k, k * sizeof(ssize_t));
    if (discard) {
        st->ndata -= k;
    }
}

static ssize_t repeat_new(SreState *st) {
    ssize_t r = st->free_repeat;
    if (r >= 0) {
        st->free_repeat = st->repeats[r].prev;
        return r;
    }
    if (grow((void **)&st->repeats, &st->caprepeats, st->nrepeats + 1, sizeof(SreRepeat)) < 0) {
        return -1;
    }
    return (ssize_t)st->nrepeats++;
}

static void repeat_free(SreState *st, ssize_t r) {
    st->repeats[r].prev = st->free_repeat;
    st->free_repeat = r;
}

int sre_state_init(SreState *st, const void *data, int charsize, ssize_t len, ssize_t pos,
                   ssize_t endpos, ssize_t groups) {
    memset(st, 0, sizeof(*st));
    if (pos < 0) {
        pos = 0;
    } else if (pos > len) {
        pos = len;
    }
    if (endpos < 0) {
        endpos = 0;
    } else if (endpos > len) {
        endpos = len;
    }
    st->data = data;
    st->charsize = charsize;
    st->length = len;
    st->pos = pos;
    st->endpos = endpos;
    st->start = pos;
    st->end = endpos;
    st->nmark = 2 * groups;
    st->mark = malloc((size_t)(st->nmark + 2) * sizeof(ssize_t));
    if (!st->mark) {
        return -1;
    }
    st->repeat = st->free_repeat = -1;
    st->cache = &st->own_cache;
    sre_state_reset(st);
    return 0;
}

void sre_state_fini(SreState *st) {
    free(st->mark);
    free(st->frames);
    free(st->data_stack);
    free(st->repeats);
    st->mark = NULL;
    st->frames = NULL;
    st->data_stack = NULL;
    st->repeats = NULL;
}

void sre_state_reset(SreState *st) {
    st->lastmark = -1;
    st->lastindex = -1;
    st->repeat = -1;
}

// ---- the matcher -------------------------------------------------------------------------------------

enum {
    JUMP_NONE, JUMP_MAX_UNTIL_1, JUMP_MAX_UNTIL_2, JUMP_MAX_UNTIL_3, JUMP_MIN_UNTIL_1,
    JUMP_MIN_UNTIL_2, JUMP_MIN_UNTIL_3, JUMP_REPEAT, JUMP_REPEAT_ONE_1, JUMP_REPEAT_ONE_2,
    JUMP_REPEAT_ONE_3, JUMP_MIN_REPEAT_ONE, JUMP_BRANCH, JUMP_ASSERT, JUMP_ASSERT_NOT,
    JUMP_POSS_REPEAT_1, JUMP_POSS_REPEAT_2, JUMP_ATOMIC_GROUP
};

#define OP(i) code_at(code, n, (i))
#define F (st->frames[fp])
#define REP (st->repeats[F.rep])

#define RETURN_FAILURE do { ret = 0; goto leave; } while (0)
#define RETURN_SUCCESS do { ret = 1; goto leave; } while (0)
#define RETURN_ERROR(e) do { ret = (e); goto fail; } while (0)

#define LASTMARK_SAVE() do { F.lastmark = st->lastmark; F.lastindex = st->lastindex; } while (0)
#define LASTMARK_RESTORE() do { st->lastmark = F.lastmark; st->lastindex = F.lastindex; } while (0)

#define MARK_PUSH(lm) do { \
        if ((lm) >= 0 && data_push(st, st->mark, (size_t)(lm) + 1) < 0) { \
            RETURN_ERROR(SRE_ERROR_MEMORY); \
        } \
    } while (0)
#define MARK_POP(lm) do { if ((lm) >= 0) data_pop(st, st->mark, (size_t)(lm) + 1, 1); } while (0)
#define MARK_POP_KEEP(lm) do { if ((lm) >= 0) data_pop(st, st->mark, (size_t)(lm) + 1, 0); } while (0)
#define MARK_POP_DISCARD(lm) do { if ((lm) >= 0) st->ndata -= (size_t)(lm) + 1; } while (0)

// "Call" the matcher on code at `next` from st->ptr; resume at `label` with
// the answer in ret.
// (Every loop of the matcher goes through here, so this is where it
// looks for signals.)
#define DO_JUMPX(id, label, next, tl) \
    if ((++sigcount & 0xfff) == 0 && signal_tripped && signal_check_pending() < 0) { \
        RETURN_ERROR(SRE_ERROR_INTERRUPTED); \
    } \
    next_pc = (next); \
    F.pc = pc; \
    F.ptr = ptr; \
    if (grow((void **)&st->frames, &st->capframes, st->nframes + 1, sizeof(SreFrame)) < 0) { \
        RETURN_ERROR(SRE_ERROR_MEMORY); \
    } \
    { \
        int tl_ = (tl); \
        fp = st->nframes++; \
        F.jump = (id); \
        F.toplevel = tl_; \
    } \
    pc = next_pc; \
    goto entrance; \
    label: \
    pc = F.pc; \
    ptr = F.ptr;
#define DO_JUMP(id, label, next) DO_JUMPX(id, label, next, F.toplevel)
#define DO_JUMP0(id, label, next) DO_JUMPX(id, label, next, 0)

// Match from st->ptr by the code from pc0 on (0, or a point sre_search
// knows the code before it to have matched from st->start).
static ssize_t sre_run(SreState *st, const uint32_t *code, size_t n, int toplevel, size_t pc0) {
    ssize_t end = st->end;
    ssize_t ret = 0;
    size_t pc = pc0, next_pc;
    ssize_t ptr;
    unsigned sigcount = 0;
    size_t fp;
    st->nframes = 0;
    st->ndata = 0;
    st->nrepeats = 0;
    st->free_repeat = -1;
    st->repeat = -1;
    if (grow((void **)&st->frames, &st->capframes, 1, sizeof(SreFrame)) < 0) {
        return SRE_ERROR_MEMORY;
    }
    fp = st->nframes++;
    F.jump = JUMP_NONE;
    F.toplevel = toplevel;

entrance:
    ptr = st->ptr;
    if (OP(pc) == SRE_OP_INFO) {
        // <INFO> <skip> <flags> <min> ...
        uint32_t min = OP(pc + 3);
        if (min && (size_t)(end - ptr) < min) {
            RETURN_FAILURE;
        }
        pc += OP(pc + 1) + 1;
    }

    for (;;) {
        uint32_t op = OP(pc++);
        switch (op) {
        case SRE_OP_MARK: {
            uint32_t i = OP(pc);
            if ((ssize_t)i >= st->nmark) {
                RETURN_ERROR(SRE_ERROR_ILLEGAL);
            }
            if (i & 1) {
                st->lastindex = i / 2 + 1;
            }
            if ((ssize_t)i > st->lastmark) {
                // marks between the old lastmark and i were never set
                for (ssize_t j = st->lastmark + 1; j < (ssize_t)i; j++) {
                    st->mark[j] = -1;
                }
                st->lastmark = i;
            }
            st->mark[i] = ptr;
            pc++;
            break;
        }
        case SRE_OP_LITERAL:
            if (ptr >= end || ch_at(st, ptr) != OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || ch_at(st, ptr) == OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_SUCCESS:
            if (F.toplevel && ((st->match_all && ptr != st->end) ||
                               (st->must_advance && ptr == st->start))) {
                RETURN_FAILURE;
            }
            st->ptr = ptr;
            RETURN_SUCCESS;
        case SRE_OP_AT:
            if (!at_position(st, ptr, OP(pc))) {
                RETURN_FAILURE;
            }
            pc++;
            break;
        case SRE_OP_CATEGORY:
            if (ptr >= end || !in_category(OP(pc), ch_at(st, ptr))) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_ANY:
            if (ptr >= end || ch_at(st, ptr) == '\n') {
                RETURN_FAILURE;
            }
            ptr++;
            break;
        case SRE_OP_ANY_ALL:
            if (ptr >= end) {
                RETURN_FAILURE;
            }
            ptr++;
            break;
        case SRE_OP_IN:
            if (ptr >= end || !in_set(st, code, n, pc + 1, ch_at(st, ptr))) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            ptr++;
            break;
        case SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(ch_at(st, ptr)) != OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(ch_at(st, ptr)) != OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !char_loc_ignore(OP(pc), ch_at(st, ptr))) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(ch_at(st, ptr)) == OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(ch_at(st, ptr)) == OP(pc)) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || char_loc_ignore(OP(pc), ch_at(st, ptr))) {
                RETURN_FAILURE;
            }
            pc++;
            ptr++;
            break;
        case SRE_OP_IN_IGNORE:
            if (ptr >= end || !in_set(st, code, n, pc + 1, sre_lower_ascii(ch_at(st, ptr)))) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            ptr++;
            break;
        case SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !in_set(st, code, n, pc + 1, sre_lower_unicode(ch_at(st, ptr)))) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            ptr++;
            break;
        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !in_charset_loc_ignore(code, n, pc + 1, ch_at(st, ptr))) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            ptr++;
            break;
        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            pc += OP(pc);
            break;

        case SRE_OP_BRANCH:
            // <BRANCH> <skip> alternative <JUMP> ... <0>
            LASTMARK_SAVE();
            if (st->repeat >= 0) {
                MARK_PUSH(F.lastmark);
            }
            for (; OP(pc); pc += OP(pc)) {
                if (OP(pc + 1) == SRE_OP_LITERAL && (ptr >= end || ch_at(st, ptr) != OP(pc + 2))) {
                    continue;
                }
                if (OP(pc + 1) == SRE_OP_IN &&
                    (ptr >= end || !in_set(st, code, n, pc + 3, ch_at(st, ptr)))) {
                    continue;
                }
                st->ptr = ptr;
                DO_JUMP(JUMP_BRANCH, jump_branch, pc + 1);
                if (ret) {
                    if (st->repeat >= 0) {
                        MARK_POP_DISCARD(F.lastmark);
                    }
                    RETURN_SUCCESS;
                }
                if (st->repeat >= 0) {
                    MARK_POP_KEEP(F.lastmark);
                }
                LASTMARK_RESTORE();
            }
            if (st->repeat >= 0) {
                MARK_POP_DISCARD(F.lastmark);
            }
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE:
            // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: a greedy
            // repeat of a one-character item, backtracking one at a time.
            if ((ssize_t)OP(pc + 1) > end - ptr) {
                RETURN_FAILURE;
            }
            F.count = count_units(st, code, n, pc + 3, ptr, OP(pc + 2));
            ptr += F.count;
            if (F.count < (ssize_t)OP(pc + 1)) {
                RETURN_FAILURE;
            }
            if (OP(pc + OP(pc)) == SRE_OP_SUCCESS && ptr == st->end &&
                !(F.toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) {
                MARK_PUSH(F.lastmark);
            }
            if (OP(pc + OP(pc)) == SRE_OP_LITERAL &&
                !unit_match_ch(st, code, n, pc + 3, OP(pc + OP(pc) + 1))) {
                // the tail starts with a literal the item never matches
                // ([\w.]+@): every character the repeat took differs from
                // it, so the tail can only begin where the repeat stopped
                if (ptr < end && ch_at(st, ptr) == OP(pc + OP(pc) + 1)) {
                    st->ptr = ptr;
                    DO_JUMP(JUMP_REPEAT_ONE_3, jump_repeat_one_3, pc + OP(pc));
                    if (ret) {
                        if (st->repeat >= 0) {
                            MARK_POP_DISCARD(F.lastmark);
                        }
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) {
                        MARK_POP_KEEP(F.lastmark);
                    }
                    LASTMARK_RESTORE();
                }
            } else if (OP(pc + OP(pc)) == SRE_OP_LITERAL) {
                // the tail starts with a literal: only try where it is
                F.chr = OP(pc + OP(pc) + 1);
                for (;;) {
                    while (F.count >= (ssize_t)OP(pc + 1) &&
                           (ptr >= end || ch_at(st, ptr) != F.chr)) {
                        ptr--;
                        F.count--;
                    }
                    if (F.count < (ssize_t)OP(pc + 1)) {
                        break;
                    }
                    st->ptr = ptr;
                    DO_JUMP(JUMP_REPEAT_ONE_1, jump_repeat_one_1, pc + OP(pc));
                    if (ret) {
                        if (st->repeat >= 0) {
                            MARK_POP_DISCARD(F.lastmark);
                        }
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) {
                        MARK_POP_KEEP(F.lastmark);
                    }
                    LASTMARK_RESTORE();
                    ptr--;
                    F.count--;
                }
            } else {
                while (F.count >= (ssize_t)OP(pc + 1)) {
                    st->ptr = ptr;
                    DO_JUMP(JUMP_REPEAT_ONE_2, jump_repeat_one_2, pc + OP(pc));
                    if (ret) {
                        if (st->repeat >= 0) {
                            MARK_POP_DISCARD(F.lastmark);
                        }
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) {
                        MARK_POP_KEEP(F.lastmark);
                    }
                    LASTMARK_RESTORE();
                    ptr--;
                    F.count--;
                }
            }
            if (st->repeat >= 0) {
                MARK_POP_DISCARD(F.lastmark);
            }
            RETURN_FAILURE;

        case SRE_OP_MIN_REPEAT_ONE:
            // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
            if ((ssize_t)OP(pc + 1) > end - ptr) {
                RETURN_FAILURE;
            }
            if (OP(pc + 1) == 0) {
                F.count = 0;
            } else {
                ssize_t c = count_units(st, code, n, pc + 3, ptr, OP(pc + 1));
                if (c < (ssize_t)OP(pc + 1)) {
                    RETURN_FAILURE;
                }
                F.count = c;
                ptr += c;
            }
            if (OP(pc + OP(pc)) == SRE_OP_SUCCESS &&
                !(F.toplevel && ((st->match_all && ptr != st->end) ||
                                 (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) {
                MARK_PUSH(F.lastmark);
            }
            while (OP(pc + 2) == SRE_MAXREPEAT || F.count <= (ssize_t)OP(pc + 2)) {
                st->ptr = ptr;
                DO_JUMP(JUMP_MIN_REPEAT_ONE, jump_min_repeat_one, pc + OP(pc));
                if (ret) {
                    if (st->repeat >= 0) {
                        MARK_POP_DISCARD(F.lastmark);
                    }
                    RETURN_SUCCESS;
                }
                if (st->repeat >= 0) {
                    MARK_POP_KEEP(F.lastmark);
                }
                LASTMARK_RESTORE();
                if (ptr >= end || !unit_match(st, code, n, pc + 3, ptr)) {
                    break;
                }
                ptr++;
                F.count++;
            }
            if (st->repeat >= 0) {
                MARK_POP_DISCARD(F.lastmark);
            }
            RETURN_FAILURE;

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            // <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
            if ((ssize_t)OP(pc + 1) > end - ptr) {
                RETURN_FAILURE;
            }
            F.count = count_units(st, code, n, pc + 3, ptr, OP(pc + 2));
            ptr += F.count;
            if (F.count < (ssize_t)OP(pc + 1)) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            if (OP(pc) == SRE_OP_SUCCESS && ptr == st->end &&
                !(F.toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            break;

        case SRE_OP_REPEAT: {
            // <REPEAT> <skip> <min> <max> item <UNTIL> tail: the UNTIL does the work
            ssize_t r = repeat_new(st);
            if (r < 0) {
                RETURN_ERROR(SRE_ERROR_MEMORY);
            }
            st->repeats[r].count = -1;
            st->repeats[r].pc = pc;
            st->repeats[r].prev = st->repeat;
            st->repeats[r].last_ptr = -1;
            st->repeat = r;
            F.rep = r;
            st->ptr = ptr;
            DO_JUMP(JUMP_REPEAT, jump_repeat, pc + OP(pc));
            st->repeat = REP.prev;
            repeat_free(st, F.rep);
            if (ret) {
                RETURN_SUCCESS;
            }
            RETURN_FAILURE;
        }

        case SRE_OP_MAX_UNTIL:
            // greedy: try one more item, then the tail
            F.rep = st->repeat;
            if (F.rep < 0) {
                RETURN_ERROR(SRE_ERROR_ILLEGAL);
            }
            st->ptr = ptr;
            F.count = REP.count + 1;
            if (F.count < (ssize_t)OP(REP.pc + 1)) {
                // not enough items yet
                REP.count = F.count;
                DO_JUMP(JUMP_MAX_UNTIL_1, jump_max_until_1, REP.pc + 3);
                if (ret) {
                    RETURN_SUCCESS;
                }
                REP.count = F.count - 1;
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            if ((F.count < (ssize_t)OP(REP.pc + 2) || OP(REP.pc + 2) == SRE_MAXREPEAT) &&
                st->ptr != REP.last_ptr) {
                // enough items, but take another if it matches
                REP.count = F.count;
                LASTMARK_SAVE();
                MARK_PUSH(F.lastmark);
                if (data_push(st, &REP.last_ptr, 1) < 0) {
                    RETURN_ERROR(SRE_ERROR_MEMORY);
                }
                REP.last_ptr = st->ptr;
                DO_JUMP(JUMP_MAX_UNTIL_2, jump_max_until_2, REP.pc + 3);
                data_pop(st, &REP.last_ptr, 1, 1);
                if (ret) {
                    MARK_POP_DISCARD(F.lastmark);
                    RETURN_SUCCESS;
                }
                MARK_POP(F.lastmark);
                LASTMARK_RESTORE();
                REP.count = F.count - 1;
                st->ptr = ptr;
            }
            // no more items here: the tail must match
            st->repeat = REP.prev;
            DO_JUMP(JUMP_MAX_UNTIL_3, jump_max_until_3, pc);
            st->repeat = F.rep;
            if (ret) {
                RETURN_SUCCESS;
            }
            st->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_MIN_UNTIL: {
            // lazy: try the tail, then one more item
            F.rep = st->repeat;
            if (F.rep < 0) {
                RETURN_ERROR(SRE_ERROR_ILLEGAL);
            }
            st->ptr = ptr;
            F.count = REP.count + 1;
            if (F.count < (ssize_t)OP(REP.pc + 1)) {
                REP.count = F.count;
                DO_JUMP(JUMP_MIN_UNTIL_1, jump_min_until_1, REP.pc + 3);
                if (ret) {
                    RETURN_SUCCESS;
                }
                REP.count = F.count - 1;
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            st->repeat = REP.prev;
            LASTMARK_SAVE();
            if (st->repeat >= 0) {
                MARK_PUSH(F.lastmark);
            }
            DO_JUMP(JUMP_MIN_UNTIL_2, jump_min_until_2, pc);
            {
                ssize_t repeat_of_tail = st->repeat;
                st->repeat = F.rep;
                if (ret) {
                    if (repeat_of_tail >= 0) {
                        MARK_POP_DISCARD(F.lastmark);
                    }
                    RETURN_SUCCESS;
                }
                if (repeat_of_tail >= 0) {
                    MARK_POP(F.lastmark);
                }
            }
            LASTMARK_RESTORE();
            st->ptr = ptr;
            if ((F.count >= (ssize_t)OP(REP.pc + 2) && OP(REP.pc + 2) != SRE_MAXREPEAT) ||
                st->ptr == REP.last_ptr) {
                RETURN_FAILURE;
            }
            REP.count = F.count;
            if (data_push(st, &REP.last_ptr, 1) < 0) {
                RETURN_ERROR(SRE_ERROR_MEMORY);
            }
            REP.last_ptr = st->ptr;
            DO_JUMP(JUMP_MIN_UNTIL_3, jump_min_until_3, REP.pc + 3);
            data_pop(st, &REP.last_ptr, 1, 1);
            if (ret) {
                RETURN_SUCCESS;
            }
            REP.count = F.count - 1;
            st->ptr = ptr;
            RETURN_FAILURE;
        }

        case SRE_OP_POSSESSIVE_REPEAT:
            // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
            st->ptr = ptr;
            F.count = 0;
            while (F.count < (ssize_t)OP(pc + 1)) {
                DO_JUMP0(JUMP_POSS_REPEAT_1, jump_poss_repeat_1, pc + 3);
                if (!ret) {
                    st->ptr = ptr;
                    RETURN_FAILURE;
                }
                F.count++;
            }
            // ptr now holds where the previous iteration began (-1: none yet)
            ptr = -1;
            while ((F.count < (ssize_t)OP(pc + 2) || OP(pc + 2) == SRE_MAXREPEAT) &&
                   st->ptr != ptr) {
                LASTMARK_SAVE();
                MARK_PUSH(F.lastmark);
                ptr = st->ptr;
                DO_JUMP0(JUMP_POSS_REPEAT_2, jump_poss_repeat_2, pc + 3);
                if (ret) {
                    MARK_POP_DISCARD(F.lastmark);
                    F.count++;
                } else {
                    MARK_POP(F.lastmark);
                    LASTMARK_RESTORE();
                    st->ptr = ptr;
                    break;
                }
            }
            pc += OP(pc) + 1;
            ptr = st->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
            st->ptr = ptr;
            DO_JUMP0(JUMP_ATOMIC_GROUP, jump_atomic_group, pc + 1);
            if (!ret) {
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            pc += OP(pc);
            ptr = st->ptr;
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            ssize_t g = (ssize_t)OP(pc) * 2;
            if (g >= st->lastmark) {
                RETURN_FAILURE;
            }
            ssize_t p = st->mark[g], e = st->mark[g + 1];
            if (p < 0 || e < 0 || e < p) {
                RETURN_FAILURE;
            }
            for (; p < e; p++, ptr++) {
                if (ptr >= end) {
                    RETURN_FAILURE;
                }
                uint32_t a = ch_at(st, ptr), b = ch_at(st, p);
                if (op == SRE_OP_GROUPREF_IGNORE) {
                    a = sre_lower_ascii(a);
                    b = sre_lower_ascii(b);
                } else if (op == SRE_OP_GROUPREF_UNI_IGNORE) {
                    a = sre_lower_unicode(a);
                    b = sre_lower_unicode(b);
                } else if (op == SRE_OP_GROUPREF_LOC_IGNORE) {
                    a = lower_locale(a);
                    b = lower_locale(b);
                }
                if (a != b) {
                    RETURN_FAILURE;
                }
            }
            pc++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            // <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
            ssize_t g = (ssize_t)OP(pc) * 2;
            if (g >= st->lastmark || st->mark[g] < 0 || st->mark[g + 1] < 0 ||
                st->mark[g + 1] < st->mark[g]) {
                pc += OP(pc + 1);
            } else {
                pc += 2;
            }
            break;
        }

        case SRE_OP_ASSERT:
            // <ASSERT> <skip> <back> pattern
            if (ptr < (ssize_t)OP(pc + 1)) {
                RETURN_FAILURE;
            }
            st->ptr = ptr - (ssize_t)OP(pc + 1);
            DO_JUMP0(JUMP_ASSERT, jump_assert, pc + 2);
            if (!ret) {
                RETURN_FAILURE;
            }
            pc += OP(pc);
            break;

        case SRE_OP_ASSERT_NOT:
            if (ptr >= (ssize_t)OP(pc + 1)) {
                st->ptr = ptr - (ssize_t)OP(pc + 1);
                LASTMARK_SAVE();
                if (st->repeat >= 0) {
                    MARK_PUSH(F.lastmark);
                }
                DO_JUMP0(JUMP_ASSERT_NOT, jump_assert_not, pc + 2);
                if (ret) {
                    if (st->repeat >= 0) {
                        MARK_POP_DISCARD(F.lastmark);
                    }
                    RETURN_FAILURE;
                }
                if (st->repeat >= 0) {
                    MARK_POP(F.lastmark);
                }
                LASTMARK_RESTORE();
            }
            pc += OP(pc);
            break;

        case SRE_OP_FAILURE:
            RETURN_FAILURE;

        default:
            RETURN_ERROR(SRE_ERROR_ILLEGAL);
        }
    }

leave: {
    int jump = F.jump;
    st->nframes--;
    if (st->nframes == 0) {
        return ret;
    }
    fp = st->nframes - 1;
    switch (jump) {
    case JUMP_MAX_UNTIL_1: goto jump_max_until_1;
    case JUMP_MAX_UNTIL_2: goto jump_max_until_2;
    case JUMP_MAX_UNTIL_3: goto jump_max_until_3;
    case JUMP_MIN_UNTIL_1: goto jump_min_until_1;
    case JUMP_MIN_UNTIL_2: goto jump_min_until_2;
    case JUMP_MIN_UNTIL_3: goto jump_min_until_3;
    case JUMP_REPEAT: goto jump_repeat;
    case JUMP_REPEAT_ONE_1: goto jump_repeat_one_1;
    case JUMP_REPEAT_ONE_2: goto jump_repeat_one_2;
    case JUMP_REPEAT_ONE_3: goto jump_repeat_one_3;
    case JUMP_MIN_REPEAT_ONE: goto jump_min_repeat_one;
    case JUMP_BRANCH: goto jump_branch;
    case JUMP_ASSERT: goto jump_assert;
    case JUMP_ASSERT_NOT: goto jump_assert_not;
    case JUMP_POSS_REPEAT_1: goto jump_poss_repeat_1;
    case JUMP_POSS_REPEAT_2: goto jump_poss_repeat_2;
    case JUMP_ATOMIC_GROUP: goto jump_atomic_group;
    }
    return SRE_ERROR_ILLEGAL;
}
fail:
    st->nframes = 0;
    return ret;
}

ssize_t sre_match(SreState *st, const uint32_t *code, size_t n) {
    st->ptr = st->start;
    return sre_run(st, code, n, 1, 0);
}

// Could a match of the code at pc begin with the character ch? 0 only when
// every way through the code fails on ch before anything else happens (a
// one-character item, a repeat of one taken at least once, alternatives
// that all do); 1 when it may, or when the code is not that simple.
static int may_start(SreState *st, const uint32_t *code, size_t n, size_t pc, uint32_t ch,
                     int depth) {
    for (int steps = 0; steps < 8; steps++) {
        switch (OP(pc)) {
        case SRE_OP_MARK:
            pc += 2;
            break;
        case SRE_OP_ANY: case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE: case SRE_OP_LITERAL: case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL:
        case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_CATEGORY:
            return unit_match_ch(st, code, n, pc, ch);
        case SRE_OP_REPEAT_ONE: case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE:
            // <op> <skip> <min> <max> item <SUCCESS> tail
            if (unit_match_ch(st, code, n, pc + 4, ch)) {
                return 1;
            }
            if (OP(pc + 2) > 0) {
                return 0;
            }
            if (OP(pc + 1) == 0) {
                return 1;
            }
            pc += OP(pc + 1) + 1;
            break;
        case SRE_OP_BRANCH:
            // <BRANCH> <skip> alternative <JUMP> ... <0>
            if (depth >= 4) {
                return 1;
            }
            for (pc++; OP(pc); pc += OP(pc)) {
                if (may_start(st, code, n, pc + 1, ch, depth + 1)) {
                    return 1;
                }
            }
            return 0;
        default:
            return 1;
        }
    }
    return 1;
}

// may_start through the cache's `first`, the cache of its ASCII answers.
static inline int may_start_cached(SreState *st, const uint32_t *code, size_t n, size_t pc,
                                   uint32_t ch) {
    if (ch >= 128) {
        return may_start(st, code, n, pc, ch, 0);
    }
    SreSetCache *c = &st->cache->first;
    uint64_t bit = UINT64_C(1) << (ch & 63);
    unsigned w = ch >> 6;
    if (c->key == pc + 1) {
        if (c->known[w] & bit) {
            return (c->member[w] & bit) != 0;
        }
    } else {
        c->key = pc + 1;
        c->known[0] = c->known[1] = c->member[0] = c->member[1] = 0;
    }
    int r = may_start(st, code, n, pc, ch, 0);
    c->known[w] |= bit;
    if (r) {
        c->member[w] |= bit;
    }
    return r;
}

// From p, the first position before end whose character may begin a match
// of the code at pc (or end).
static ssize_t scan_first(SreState *st, const uint32_t *code, size_t n, size_t pc, ssize_t p,
                          ssize_t end) {
    SreSetCache *c = &st->cache->first;
    uint64_t flip = ~UINT64_C(0);
    for (;;) {
        if (c->key == pc + 1) {
            if (st->charsize == 1) {
                SCAN_CACHED(uint8_t);
            } else {
                SCAN_CACHED(uint32_t);
            }
        }
        if (p >= end || may_start_cached(st, code, n, pc, ch_at(st, p))) {
            return p;
        }
        p++;
    }
}

// The first position from ptr on (up to end) where the assertion `at`
// holds, or end + 1. A word boundary is found by classifying each
// character once.
static ssize_t scan_at(const SreState *st, ssize_t ptr, uint32_t at) {
    ssize_t end = st->end;
    if (ptr < end && (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY ||
                      at == SRE_AT_UNI_BOUNDARY)) {
        // (at_position's answer: neither side of a boundary may be past end)
        int uni = at == SRE_AT_UNI_BOUNDARY;
        int before = ptr > 0 && (uni ? is_uni_word(ch_at(st, ptr - 1))
                                     : is_ascii_word(ch_at(st, ptr - 1)));
        if (st->charsize == 1 && uni) {
            const uint8_t *s = st->data;
            for (; ptr < end; ptr++) {
                int here = s[ptr] < 128 ? (ascii_class[s[ptr]] & CL_WORD) != 0
                                        : is_uni_word(s[ptr]);
                if (here != before) {
                    return ptr;
                }
            }
        } else {
            for (; ptr < end; ptr++) {
                uint32_t ch = ch_at(st, ptr);
                int here = uni ? is_uni_word(ch) : is_ascii_word(ch);
                if (here != before) {
                    return ptr;
                }
            }
        }
        return before ? end : end + 1;
    }
    if (at == SRE_AT_BEGINNING_LINE && ptr > 0 && ptr <= end) {
        // after the next newline at or after ptr - 1
        ssize_t i = ptr - 1;
        if (st->charsize == 1) {
            const uint8_t *s = st->data;
            const uint8_t *hit = memchr(s + i, '\n', (size_t)(end - i));
            i = hit ? hit - s : end;
        } else {
            while (i < end && ch_at(st, i) != '\n') {
                i++;
            }
        }
        return i + 1;
    }
    while (ptr <= end && !at_position(st, ptr, at)) {
        ptr++;
    }
    return ptr;
}

// How sre_search goes about the code: what the code's beginning lets it
// check before entering the matcher (worked out once per pattern).
static void search_plan(SreState *st, const uint32_t *code, size_t n, SrePlan *pl) {
    // INFO's minimum length, literal prefix or first-character set only
    // let us skip starting positions that cannot match
    uint32_t first_lit = 0, min = 0;
    size_t charset = 0, prefix_len = 0;
    int has_lit = 0;
    if (OP(0) == SRE_OP_INFO) {
        // <INFO> <skip> <flags> <min> <max> [<prefix_len> <prefix_skip> prefix... | charset]
        uint32_t flags = OP(2);
        min = OP(3);
        if (flags & SRE_INFO_PREFIX) {
            has_lit = OP(5) > 0;
            first_lit = OP(7);
            prefix_len = OP(5);
        } else if (flags & SRE_INFO_CHARSET) {
            charset = 5;
        }
    }
    size_t body = OP(0) == SRE_OP_INFO ? (size_t)OP(1) + 1 : 0;
    int anchored = OP(body) == SRE_OP_AT &&
                   (OP(body + 1) == SRE_AT_BEGINNING || OP(body + 1) == SRE_AT_BEGINNING_STRING);
    // A pattern that begins with another assertion (\b, ^ under MULTILINE)
    // cannot match where the assertion fails: such positions are skipped
    // here, without entering the matcher (at_position reads only the
    // subject, so the answer is the one the matcher's first op would give).
    int at_filter = !anchored && !has_lit && !charset && OP(body) == SRE_OP_AT;
    uint32_t at_code = OP(body + 1);
    // Likewise where what follows cannot begin with the character there
    // (may_start): fail(?:ed|ure) under IGNORECASE, which gets no literal
    // prefix, or \b(?:25[0-5]|2[0-4]\d|1?\d?\d) only at digits.
    size_t first = at_filter ? body + 2 : body;
    int first_filter = 0;
    if (!anchored && !has_lit && !charset) {
        switch (OP(first)) {
        case SRE_OP_ANY: case SRE_OP_IN: case SRE_OP_IN_IGNORE: case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE: case SRE_OP_LITERAL: case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE: case SRE_OP_LITERAL_LOC_IGNORE: case SRE_OP_NOT_LITERAL:
        case SRE_OP_NOT_LITERAL_IGNORE: case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE: case SRE_OP_CATEGORY: case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE: case SRE_OP_POSSESSIVE_REPEAT_ONE: case SRE_OP_BRANCH:
        case SRE_OP_MARK:
            first_filter = 1;
            break;
        }
    }
    // A pattern that begins with an unbounded greedy repeat of an item
    // (\b[\w.-]+@, \w+\s): an attempt at p that fails took the item up to
    // some q and tried the tail at the positions in [p + min, q] (all of
    // them fail). An attempt at any p' in (p, q] would take the item up to
    // the same q and try the tail at positions among those, with no marks
    // set before it, so it fails too: the next attempt is at q + 1. (At q
    // itself a repeat with min > 0 fails at once; with min 0 the tail at q
    // was tried from p, where only an empty match at p was refused.)
    int skip_run = first_filter &&
                   (OP(first) == SRE_OP_REPEAT_ONE || OP(first) == SRE_OP_POSSESSIVE_REPEAT_ONE) &&
                   OP(first + 3) == SRE_MAXREPEAT && OP(first + 1) > 0;
    // The matcher may begin after what the search has checked already: the
    // assertion, or the literals of the prefix (skip of them).
    size_t skip = 0;
    while (skip < prefix_len && OP(body + 2 * skip) == SRE_OP_LITERAL &&
           OP(body + 2 * skip + 1) == OP(7 + skip)) {
        skip++;
    }
    pl->min = min;
    pl->first_lit = first_lit;
    pl->at_code = at_code;
    pl->charset = charset;
    pl->prefix_len = prefix_len;
    pl->body = body;
    pl->first = first;
    pl->skip = skip;
    pl->has_lit = (uint8_t)has_lit;
    pl->anchored = (uint8_t)anchored;
    pl->at_filter = (uint8_t)at_filter;
    pl->first_filter = (uint8_t)first_filter;
    pl->skip_run = (uint8_t)skip_run;
    pl->ready = 1;
}

ssize_t sre_search(SreState *st, const uint32_t *code, size_t n) {
    ssize_t ptr = st->start, end = st->end;
    if (ptr > end) {
        return 0;
    }
    SrePlan *pl = &st->cache->plan;
    if (!pl->ready) {
        search_plan(st, code, n, pl);
    }
    uint32_t min = pl->min, first_lit = pl->first_lit, at_code = pl->at_code;
    size_t charset = pl->charset, prefix_len = pl->prefix_len, body = pl->body;
    size_t first = pl->first, skip = pl->skip;
    int has_lit = pl->has_lit, anchored = pl->anchored, at_filter = pl->at_filter;
    int first_filter = pl->first_filter, skip_run = pl->skip_run;
    if (min && (size_t)(end - ptr) < min) {
        return 0;
    }
    ssize_t origin = ptr;
    int tried = 0;
    for (;;) {
        if (tried) {
            if (ptr >= end || anchored) {
                return 0;
            }
            ptr++;
        }
        if (has_lit) {
            for (;;) {
                if (st->charsize == 1) {
                    const uint8_t *s = st->data;
                    const uint8_t *hit = first_lit < 256 && ptr < end
                                             ? memchr(s + ptr, (int)first_lit, (size_t)(end - ptr))
                                             : NULL;
                    ptr = hit ? hit - s : end;
                } else {
                    while (ptr < end && ch_at(st, ptr) != first_lit) {
                        ptr++;
                    }
                }
                if (ptr >= end) {
                    return 0;
                }
                // the rest of the prefix must follow too
                size_t k = 1;
                while (k < prefix_len && ptr + (ssize_t)k < end &&
                       ch_at(st, ptr + (ssize_t)k) == OP(7 + k)) {
                    k++;
                }
                if (k == prefix_len) {
                    break;
                }
                ptr++;
            }
        } else if (charset) {
            ptr = scan_set(st, code, n, charset, ptr, end, 0);
            if (ptr >= end) {
                return 0;
            }
        } else if (at_filter || first_filter) {
            for (;;) {
                if (at_filter) {
                    ptr = scan_at(st, ptr, at_code);
                    if (ptr > end) {
                        return 0;
                    }
                }
                if (!first_filter || ptr >= end) {
                    break;
                }
                if (at_filter) {
                    if (may_start_cached(st, code, n, first, ch_at(st, ptr))) {
                        break;
                    }
                    ptr++;
                } else {
                    ptr = scan_first(st, code, n, first, ptr, end);
                    break;
                }
            }
        }
        if (tried) {
            sre_state_reset(st);
        }
        if (min && (size_t)(end - ptr) < min) {
            return 0;
        }
        st->start = st->ptr = ptr;
        size_t pc0 = 0;
        if (at_filter) {
            pc0 = body + 2;
        } else if (has_lit) {
            pc0 = body + 2 * skip;
            st->ptr = ptr + (ssize_t)skip;
        }
        // only the attempt at the caller's start is "toplevel" (must_advance)
        ssize_t status = sre_run(st, code, n, ptr == origin, pc0);
        if (status != 0) {
            return status;
        }
        if (skip_run && ptr < end) {
            ptr += count_units(st, code, n, first + 4, ptr, SRE_MAXREPEAT);
        }
        tried = 1;
    }
}
