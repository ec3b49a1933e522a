// sre.h - the regular expression engine behind the `_sre` module: the
// opcode set re._compiler emits (ORDER OPCODES: re/_constants.py), the
// matching state, and the two entry points sremodule.c calls.
//
// The engine knows nothing of Python objects: it reads a subject of 1-byte
// (bytes, ASCII str) or 4-byte (any other str, decoded) characters and a
// code array of 32-bit words, and reports positions. sre_engine.c's opening
// comment explains how it backtracks without recursing on the C stack.
#ifndef KRAIT_SRE_H
#define KRAIT_SRE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define SRE_MAGIC 20220615
#define SRE_MAXREPEAT 0xFFFFFFFFu
#define SRE_MAXGROUPS 0x3FFFFFFF

// ORDER OPCODES (re/_constants.py OPCODES)
enum SreOp {
    SRE_OP_FAILURE, SRE_OP_SUCCESS, SRE_OP_ANY, SRE_OP_ANY_ALL, SRE_OP_ASSERT, SRE_OP_ASSERT_NOT,
    SRE_OP_AT, SRE_OP_BRANCH, SRE_OP_CATEGORY, SRE_OP_CHARSET, SRE_OP_BIGCHARSET,
    SRE_OP_GROUPREF, SRE_OP_GROUPREF_EXISTS, SRE_OP_IN, SRE_OP_INFO, SRE_OP_JUMP, SRE_OP_LITERAL,
    SRE_OP_MARK, SRE_OP_MAX_UNTIL, SRE_OP_MIN_UNTIL, SRE_OP_NOT_LITERAL, SRE_OP_NEGATE,
    SRE_OP_RANGE, SRE_OP_REPEAT, SRE_OP_REPEAT_ONE, SRE_OP_SUBPATTERN, SRE_OP_MIN_REPEAT_ONE,
    SRE_OP_ATOMIC_GROUP, SRE_OP_POSSESSIVE_REPEAT, SRE_OP_POSSESSIVE_REPEAT_ONE,
    SRE_OP_GROUPREF_IGNORE, SRE_OP_IN_IGNORE, SRE_OP_LITERAL_IGNORE, SRE_OP_NOT_LITERAL_IGNORE,
    SRE_OP_GROUPREF_LOC_IGNORE, SRE_OP_IN_LOC_IGNORE, SRE_OP_LITERAL_LOC_IGNORE,
    SRE_OP_NOT_LITERAL_LOC_IGNORE, SRE_OP_GROUPREF_UNI_IGNORE, SRE_OP_IN_UNI_IGNORE,
    SRE_OP_LITERAL_UNI_IGNORE, SRE_OP_NOT_LITERAL_UNI_IGNORE, SRE_OP_RANGE_UNI_IGNORE,
    SRE_OP_COUNT_
};

// ORDER ATCODES
enum SreAt {
    SRE_AT_BEGINNING, SRE_AT_BEGINNING_LINE, SRE_AT_BEGINNING_STRING, SRE_AT_BOUNDARY,
    SRE_AT_NON_BOUNDARY, SRE_AT_END, SRE_AT_END_LINE, SRE_AT_END_STRING, SRE_AT_LOC_BOUNDARY,
    SRE_AT_LOC_NON_BOUNDARY, SRE_AT_UNI_BOUNDARY, SRE_AT_UNI_NON_BOUNDARY
};

// ORDER CHCODES
enum SreCategory {
    SRE_CAT_DIGIT, SRE_CAT_NOT_DIGIT, SRE_CAT_SPACE, SRE_CAT_NOT_SPACE, SRE_CAT_WORD,
    SRE_CAT_NOT_WORD, SRE_CAT_LINEBREAK, SRE_CAT_NOT_LINEBREAK, SRE_CAT_LOC_WORD,
    SRE_CAT_LOC_NOT_WORD, SRE_CAT_UNI_DIGIT, SRE_CAT_UNI_NOT_DIGIT, SRE_CAT_UNI_SPACE,
    SRE_CAT_UNI_NOT_SPACE, SRE_CAT_UNI_WORD, SRE_CAT_UNI_NOT_WORD, SRE_CAT_UNI_LINEBREAK,
    SRE_CAT_UNI_NOT_LINEBREAK
};

#define SRE_INFO_PREFIX 1
#define SRE_INFO_LITERAL 2
#define SRE_INFO_CHARSET 4

// Engine results: 1 match, 0 no match, < 0 an error.
#define SRE_ERROR_ILLEGAL (-1)     // code the engine cannot run (RuntimeError)
#define SRE_ERROR_MEMORY (-2)      // MemoryError
#define SRE_ERROR_INTERRUPTED (-3) // a signal handler raised: its exception is set

typedef struct SreFrame SreFrame;
typedef struct SreRepeat SreRepeat;

// What a character set answered for ASCII characters, filled as they are
// asked about: `known` has a bit per character already tested, `member` its
// answer. Keyed by the set's position in the code (key = pc + 1; 0: empty).
#define SRE_SET_CACHE 8
typedef struct SreSetCache {
    size_t key;
    uint64_t known[2], member[2];
} SreSetCache;

// What sre_search works out from the code's beginning (sre_engine.c's
// search_plan): where the body starts, what to check before entering the
// matcher and where the matcher may begin.
typedef struct SrePlan {
    uint32_t min, first_lit, at_code;
    size_t charset, prefix_len, body, first, skip;
    uint8_t ready, has_lit, anchored, at_filter, first_filter, skip_run;
} SrePlan;

// The answers depend only on the code, so a compiled pattern keeps one
// SreCache for all its searches (all zero: empty).
typedef struct SreCache {
    SreSetCache sets[SRE_SET_CACHE];  // direct-mapped by the set's pc
    SreSetCache first;  // sre_search's answers of which characters may begin a match
    SrePlan plan;
} SreCache;

// One match attempt's state. Positions are character indices into the
// subject, which starts at index 0 (`^` and lookbehind see the text before
// `start`); `end` is the end of the searched slice (endpos).
typedef struct SreState {
    const void *data;     // the characters
    int charsize;         // 1 or 4
    ssize_t length;       // characters in the subject
    ssize_t start, end;   // where this attempt begins; the end of the subject slice
    ssize_t pos, endpos;  // the slice the caller asked for (pos <= endpos)
    ssize_t ptr;          // after a match: its end
    int match_all;        // fullmatch: must end at `end`
    int must_advance;     // the match may not be empty at `start` (finditer, sub)
    // capture marks: mark[2g], mark[2g+1] are group g+1's bounds, -1 when unset
    ssize_t *mark;
    ssize_t nmark;        // room in mark[]
    ssize_t lastmark, lastindex;
    // the engine's stacks, kept across attempts to save allocations
    SreFrame *frames;
    size_t nframes, capframes;
    ssize_t *data_stack;
    size_t ndata, capdata;
    SreRepeat *repeats;
    size_t nrepeats, caprepeats;
    ssize_t repeat, free_repeat;  // current repeat context, free list (indices or -1)
    SreCache *cache;      // the pattern's, or own_cache
    SreCache own_cache;
} SreState;

// Set up st for a subject of `len` characters and a pattern with `groups`
// groups, searching [pos, endpos) (clamped as CPython does). 0, or -1 with
// MemoryError. st->cache may then be pointed at the pattern's SreCache,
// which must outlive st.
int sre_state_init(SreState *st, const void *data, int charsize, ssize_t len, ssize_t pos,
                   ssize_t endpos, ssize_t groups);
void sre_state_fini(SreState *st);
// Forget the marks of a previous attempt.
void sre_state_reset(SreState *st);

// Match at st->start (anchored) / search from st->start, over code[0..n).
ssize_t sre_match(SreState *st, const uint32_t *code, size_t n);
ssize_t sre_search(SreState *st, const uint32_t *code, size_t n);

// The case helpers of _sre (and of the engine).
uint32_t sre_lower_ascii(uint32_t ch);
uint32_t sre_upper_ascii(uint32_t ch);
uint32_t sre_lower_unicode(uint32_t ch);
uint32_t sre_upper_unicode(uint32_t ch);

#endif
