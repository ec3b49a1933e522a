// code.c - code objects: the type, the line table, the exception table
// lookup, and the disassembler (krait -X dis).
//
// The line table maps every instruction word (cache words included) to a
// source position. Positions come in runs: consecutive words with the same
// position share one entry, and most runs are a few words long, so an entry
// is a handful of varint bytes:
//
//     varint  (words in the run) << 1 | has_position
//     if has_position:
//       svarint lineno - the previous entry's lineno (the first: co_firstlineno)
//       varint  end_lineno - lineno
//       varint  col + 1          (0: unknown)
//       varint  end_col + 1      (0: unknown)
//
// Decoding walks from the start: positions are needed for tracebacks and
// warnings, not on any fast path.
//
// Python code sees CPython 3.11's formats instead (co_linetable,
// co_exceptiontable, co_lnotab), computed from these tables on request,
// over krait's own code units: one unit per instruction word, the unit
// co_positions() counts and co_lines() gives 2 bytes, as CPython's 16-bit
// code units (section "CPython's tables" below).
#include "code.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/strbuf.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"

// ---- the opcode tables -----------------------------------------------------

const char *const opcode_names[OP__COUNT] = {
#define OPCODE_NAME_(name, fmt, cache) #name,
    OPCODES(OPCODE_NAME_)
#undef OPCODE_NAME_
#define SPECIALIZED_NAME_(name, generic) #name,
    SPECIALIZED_OPCODES(SPECIALIZED_NAME_)
#undef SPECIALIZED_NAME_
};

const uint8_t opcode_cache_words[OP__COUNT] = {
#define OPCODE_CACHE_(name, fmt, cache) cache,
    OPCODES(OPCODE_CACHE_)
#undef OPCODE_CACHE_
#define SPECIALIZED_CACHE_(name, generic) CACHE_##name,
    SPECIALIZED_OPCODES(SPECIALIZED_CACHE_)
#undef SPECIALIZED_CACHE_
};

const uint8_t opcode_generic[OP__COUNT] = {
#define OPCODE_GENERIC_(name, fmt, cache) OP_##name,
    OPCODES(OPCODE_GENERIC_)
#undef OPCODE_GENERIC_
#define SPECIALIZED_GENERIC_(name, generic) OP_##generic,
    SPECIALIZED_OPCODES(SPECIALIZED_GENERIC_)
#undef SPECIALIZED_GENERIC_
};

// The operand format of each generic op, as a string ("ABC", "AK", "J", "-"...).
#define OPCODE_FMT_(name, fmt, cache) #fmt,
static const char *const opcode_formats[OP__COUNT] = {OPCODES(OPCODE_FMT_)};
#undef OPCODE_FMT_

// ---- the line table ----------------------------------------------------------

static void lt_put_varint(StrBuf *b, uint64_t v) {
    while (v >= 0x80) {
        sb_putc(b, (char)(0x80 | (v & 0x7f)));
        v >>= 7;
    }
    sb_putc(b, (char)v);
}

static void lt_put_svarint(StrBuf *b, int64_t v) {
    lt_put_varint(b, v < 0 ? ((uint64_t)(-(v + 1)) << 1) | 1 : (uint64_t)v << 1);
}

static uint64_t lt_get_varint(const uint8_t **p, const uint8_t *end) {
    uint64_t v = 0;
    int shift = 0;
    while (*p < end) {
        uint8_t byte = *(*p)++;
        v |= (uint64_t)(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            break;
        }
        shift += 7;
    }
    return v;
}

static int64_t lt_get_svarint(const uint8_t **p, const uint8_t *end) {
    uint64_t v = lt_get_varint(p, end);
    return (v & 1) ? -(int64_t)(v >> 1) - 1 : (int64_t)(v >> 1);
}

// One run of the line table: `len` words at position `pos`.
typedef struct LtRun {
    const uint8_t *p, *end;
    int64_t line;
    uint64_t len;
    SourcePos pos;
} LtRun;

static void lt_start(LtRun *r, const Code *code) {
    r->p = code->linetable;
    r->end = r->p ? r->p + code->nlinetable : NULL;
    r->line = code->firstlineno;
}

// The next run, or 0 at the end of the table.
static int lt_next(LtRun *r) {
    if (!r->p || r->p >= r->end) {
        return 0;
    }
    uint64_t head = lt_get_varint(&r->p, r->end);
    r->len = head >> 1;
    r->pos = (SourcePos){-1, -1, -1, -1};
    if (head & 1) {
        r->line += lt_get_svarint(&r->p, r->end);
        r->pos.lineno = (int32_t)r->line;
        r->pos.end_lineno = (int32_t)(r->line + (int64_t)lt_get_varint(&r->p, r->end));
        r->pos.col = (int32_t)lt_get_varint(&r->p, r->end) - 1;
        r->pos.end_col = (int32_t)lt_get_varint(&r->p, r->end) - 1;
    }
    return 1;
}

static int same_pos(const SourcePos *a, const SourcePos *b) {
    return a->lineno == b->lineno && a->end_lineno == b->end_lineno && a->col == b->col &&
           a->end_col == b->end_col;
}

uint8_t *code_encode_linetable(const SourcePos *pos, uint32_t n, int32_t firstlineno,
                               uint32_t *out_len) {
    StrBuf b;
    sb_init(&b);
    int64_t prev_line = firstlineno;
    uint32_t i = 0;
    while (i < n) {
        uint32_t j = i + 1;
        while (j < n && same_pos(&pos[i], &pos[j])) {
            j++;
        }
        const SourcePos *p = &pos[i];
        int has = p->lineno >= 0;
        lt_put_varint(&b, ((uint64_t)(j - i) << 1) | (uint64_t)has);
        if (has) {
            lt_put_svarint(&b, (int64_t)p->lineno - prev_line);
            lt_put_varint(&b, p->end_lineno >= p->lineno ? (uint64_t)(p->end_lineno - p->lineno) : 0);
            lt_put_varint(&b, (uint64_t)(p->col + 1));
            lt_put_varint(&b, (uint64_t)(p->end_col + 1));
            prev_line = p->lineno;
        }
        i = j;
    }
    *out_len = (uint32_t)b.len;
    uint8_t *out = malloc(b.len ? b.len : 1);
    if (out && b.len) {
        memcpy(out, b.data, b.len);
    }
    sb_free(&b);
    return out;
}

SourcePos code_position(const Code *code, uint32_t pc_index) {
    LtRun r;
    lt_start(&r, code);
    uint64_t at = 0;
    while (lt_next(&r)) {
        if (pc_index < at + r.len) {
            return r.pos;
        }
        at += r.len;
    }
    return (SourcePos){-1, -1, -1, -1};
}

int32_t code_line_at(Code *code, uint32_t pc_index) {
    if (pc_index >= code->ninstrs) {
        return -1;
    }
    if (!code->lines) {
        int32_t *lines = malloc(code->ninstrs * sizeof(int32_t));
        if (!lines) {
            err_no_memory();
            return -2;
        }
        // the runs of the line table, decoded as code_position does; the
        // constant registers' loads that open a function carry its def line
        // without a column (the line of a frame that has not started), but
        // are no line of its body: -1 here
        const uint8_t *p = code->linetable, *end = p ? p + code->nlinetable : NULL;
        int64_t line = code->firstlineno;
        uint32_t at = 0;
        bool prologue = true;
        while (p && p < end && at < code->ninstrs) {
            uint64_t head = lt_get_varint(&p, end);
            uint64_t len = head >> 1;
            int32_t here = -1;
            if (head & 1) {
                line += lt_get_svarint(&p, end);
                here = (int32_t)line;
                (void)lt_get_varint(&p, end);  // end line, column, end column
                int64_t col = (int64_t)lt_get_varint(&p, end) - 1;
                (void)lt_get_varint(&p, end);
                if (prologue && col < 0 && here == code->firstlineno) {
                    here = -1;
                } else {
                    prologue = false;
                }
            }
            for (uint64_t k = 0; k < len && at < code->ninstrs; k++) {
                lines[at++] = here;
            }
        }
        while (at < code->ninstrs) {
            lines[at++] = -1;
        }
        code->lines = lines;
    }
    return code->lines[pc_index];
}

// ---- the live-slots table: runs of (words, count) as two varints ----------------

uint8_t *code_encode_livetable(const uint32_t *live, uint32_t n, uint32_t *out_len) {
    StrBuf b;
    sb_init(&b);
    uint32_t i = 0;
    while (i < n) {
        uint32_t j = i + 1;
        while (j < n && live[j] == live[i]) {
            j++;
        }
        lt_put_varint(&b, j - i);
        lt_put_varint(&b, live[i]);
        i = j;
    }
    *out_len = (uint32_t)b.len;
    uint8_t *out = malloc(b.len ? b.len : 1);
    if (out && b.len) {
        memcpy(out, b.data, b.len);
    }
    sb_free(&b);
    return out;
}

uint32_t code_live_slots(const Code *code, uint32_t pc_index) {
    const uint8_t *p = code->livetable, *end = p ? p + code->nlivetable : NULL;
    uint32_t at = 0;
    while (p && p < end) {
        uint64_t len = lt_get_varint(&p, end);
        uint64_t count = lt_get_varint(&p, end);
        if (pc_index < at + len) {
            return count < code->nslots ? (uint32_t)count : code->nslots;
        }
        at += (uint32_t)len;
    }
    return code->nslots;  // no table, or a pc past the end: assume everything
}

// ---- the exception table -----------------------------------------------------

const ExceptionRange *code_find_handler(const Code *code, uint32_t pc_index) {
    // Ranges do not overlap and are sorted: the last one starting at or
    // before pc_index is the only candidate.
    uint32_t lo = 0, hi = code->nexceptions;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (code->exceptions[mid].start <= pc_index) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0) {
        return NULL;
    }
    const ExceptionRange *r = &code->exceptions[lo - 1];
    return pc_index < r->end ? r : NULL;
}

// ---- CPython's tables ------------------------------------------------------------
// co_linetable is CPython 3.11's location table (its Objects/locations.md)
// over krait's units: entries of 1 to 8 units, each a byte 1CCCCLLL (form C,
// L + 1 units), then by form:
//     0-9    the line stays; a byte: column C * 8 + bits 4-6, end column
//            the column + bits 0-3
//     10-12  the line grows by C - 10; two bytes: column, end column
//     13     the line grows by an svarint; no columns, the end line is the line
//     14     the line grows by an svarint; varints: end line - line,
//            column + 1, end column + 1 (0: None)
//     15     no position
// Varints are 6-bit groups, the lowest first, 0x40 set on all but the last;
// an svarint is (magnitude << 1 | sign). The form is chosen as CPython's
// assembler chooses it, except that a position with only one of its columns
// known takes the long form, which keeps both: the table always decodes to
// co_positions(). Lines are counted from co_firstlineno, as krait's own.
//
// co_exceptiontable is CPython's exception table over the same units: per
// range, varints of 6-bit groups, the highest first (0x40: more follow),
// the first byte of a range marked 0x80: start, length, handler, and
// depth << 1 | lasti. krait's handler finds the exception in a register,
// not on a stack: `depth` is that register (exc_slot), lasti is 0.

static Code *code_of(Value v) { return (Code *)val_ptr(v); }

static void loc_varint(StrBuf *b, uint64_t v) {
    while (v >= 64) {
        sb_putc(b, (char)(0x40 | (v & 63)));
        v >>= 6;
    }
    sb_putc(b, (char)v);
}

static void loc_svarint(StrBuf *b, int64_t v) {
    loc_varint(b, v < 0 ? ((uint64_t)-v << 1) | 1 : (uint64_t)v << 1);
}

// One entry of n (1..8) units at pos; *line is the line the entries before
// it reached.
static void loc_entry(StrBuf *b, const SourcePos *pos, unsigned n, int64_t *line) {
    char len = (char)(n - 1);
    if (pos->lineno < 0) {
        sb_putc(b, (char)(0x80 | 15 << 3) | len);
        return;
    }
    int64_t delta = pos->lineno - *line;
    int64_t col = pos->col, end_col = pos->end_col;
    int one_line = pos->end_lineno <= pos->lineno;
    *line = pos->lineno;
    if (col < 0 && end_col < 0 && one_line) {
        sb_putc(b, (char)(0x80 | 13 << 3) | len);
        loc_svarint(b, delta);
        return;
    }
    if (col >= 0 && end_col >= 0 && one_line) {
        if (delta == 0 && col < 80 && end_col >= col && end_col - col < 16) {
            sb_putc(b, (char)(0x80 | (col / 8) << 3) | len);
            sb_putc(b, (char)((col % 8) << 4 | (end_col - col)));
            return;
        }
        if (delta >= 0 && delta < 3 && col < 128 && end_col < 128) {
            sb_putc(b, (char)(0x80 | (10 + delta) << 3) | len);
            sb_putc(b, (char)col);
            sb_putc(b, (char)end_col);
            return;
        }
    }
    sb_putc(b, (char)(0x80 | 14 << 3) | len);
    loc_svarint(b, delta);
    loc_varint(b, one_line ? 0 : (uint64_t)(pos->end_lineno - pos->lineno));
    loc_varint(b, (uint64_t)(col + 1));
    loc_varint(b, (uint64_t)(end_col + 1));
}

static Value strbuf_to_bytes(StrBuf *b) {
    Value r = bytes_from(b->data, b->len);
    sb_free(b);
    return r;
}

static Value code_get_linetable(Value self) {
    Code *c = code_of(self);
    StrBuf b;
    sb_init(&b);
    LtRun r;
    lt_start(&r, c);
    int64_t line = c->firstlineno;
    for (uint64_t at = 0; at < c->ninstrs && lt_next(&r);) {
        uint64_t n = r.len < c->ninstrs - at ? r.len : c->ninstrs - at;
        at += n;
        for (; n > 0; n -= n > 8 ? 8 : n) {
            loc_entry(&b, &r.pos, n > 8 ? 8 : (unsigned)n, &line);
        }
    }
    return strbuf_to_bytes(&b);
}

// CPython's varints, for reading a location table given to replace(): 0
// when the table ends early.
static int loc_get_varint(const uint8_t **p, const uint8_t *end, uint64_t *out) {
    uint64_t v = 0;
    for (int shift = 0; *p < end && shift < 64; shift += 6) {
        uint8_t byte = *(*p)++;
        v |= (uint64_t)(byte & 63) << shift;
        if (!(byte & 0x40)) {
            *out = v;
            return 1;
        }
    }
    return 0;
}

static int loc_get_svarint(const uint8_t **p, const uint8_t *end, int64_t *out) {
    uint64_t v;
    if (!loc_get_varint(p, end, &v)) {
        return 0;
    }
    *out = (v & 1) ? -(int64_t)(v >> 1) : (int64_t)(v >> 1);
    return 1;
}

// A location table decoded into one position per unit, for at most n
// units: how many it covers (up to its end, or to a malformed entry).
static uint32_t loc_decode(const uint8_t *p, size_t size, int64_t firstlineno, SourcePos *out,
                           uint32_t n) {
    const uint8_t *end = p + size;
    int64_t line = firstlineno;
    uint32_t at = 0;
    while (p < end && at < n) {
        uint8_t head = *p++;
        unsigned form = (head >> 3) & 15, units = (head & 7) + 1;
        SourcePos pos = {-1, -1, -1, -1};
        uint64_t u1 = 0, u2 = 0, u3 = 0;
        int64_t delta = 0;
        int ok = head & 0x80;
        if (!ok) {
            break;
        } else if (form == 14) {
            ok = loc_get_svarint(&p, end, &delta) && loc_get_varint(&p, end, &u1) &&
                 loc_get_varint(&p, end, &u2) && loc_get_varint(&p, end, &u3);
            line += ok ? delta : 0;
            pos = (SourcePos){(int32_t)line, (int32_t)(line + (int64_t)u1), (int32_t)u2 - 1,
                              (int32_t)u3 - 1};
        } else if (form == 13) {
            ok = loc_get_svarint(&p, end, &delta);
            line += ok ? delta : 0;
            pos = (SourcePos){(int32_t)line, (int32_t)line, -1, -1};
        } else if (form >= 10 && form <= 12) {
            ok = end - p >= 2;
            line += form - 10;
            pos = (SourcePos){(int32_t)line, (int32_t)line, ok ? p[0] : -1, ok ? p[1] : -1};
            p += ok ? 2 : 0;
        } else if (form < 10) {
            ok = p < end;
            int32_t col = (int32_t)form * 8 + (ok ? (*p >> 4) & 7 : 0);
            pos = (SourcePos){(int32_t)line, (int32_t)line, col, col + (ok ? *p & 15 : 0)};
            p += ok ? 1 : 0;
        }
        if (!ok) {
            break;
        }
        for (unsigned k = 0; k < units && at < n; k++) {
            out[at++] = pos;
        }
    }
    return at;
}

// co_lnotab (deprecated), computed from the lines as CPython computes it:
// (bytes delta, line delta) pairs where the line changes, each delta split
// to fit a byte (an unsigned one, a signed one).
static Value code_get_lnotab(Value self) {
    Code *c = code_of(self);
    StrBuf b;
    sb_init(&b);
    LtRun r;
    lt_start(&r, c);
    int64_t line = c->firstlineno, offset = 0;
    uint64_t at = 0;
    while (at < c->ninstrs && lt_next(&r)) {
        if (r.len && r.pos.lineno >= 0 && r.pos.lineno != line) {
            int64_t bdelta = 2 * (int64_t)at - offset, ldelta = r.pos.lineno - line;
            for (; bdelta > 255; bdelta -= 255) {
                sb_putc(&b, (char)255);
                sb_putc(&b, 0);
            }
            for (; ldelta > 127; ldelta -= 127, bdelta = 0) {
                sb_putc(&b, (char)bdelta);
                sb_putc(&b, 127);
            }
            for (; ldelta < -128; ldelta += 128, bdelta = 0) {
                sb_putc(&b, (char)bdelta);
                sb_putc(&b, (char)-128);
            }
            sb_putc(&b, (char)bdelta);
            sb_putc(&b, (char)ldelta);
            offset = 2 * (int64_t)at;
            line = r.pos.lineno;
        }
        at += r.len;
    }
    return strbuf_to_bytes(&b);
}

static void exc_item(StrBuf *b, uint64_t v, char mark) {
    int shift = 0;
    while (shift < 60 && (v >> (shift + 6))) {
        shift += 6;
    }
    for (; shift > 0; shift -= 6) {
        sb_putc(b, (char)(mark | 0x40 | ((v >> shift) & 63)));
        mark = 0;
    }
    sb_putc(b, (char)(mark | (v & 63)));
}

static Value code_get_exceptiontable(Value self) {
    Code *c = code_of(self);
    StrBuf b;
    sb_init(&b);
    for (uint32_t i = 0; i < c->nexceptions; i++) {
        const ExceptionRange *e = &c->exceptions[i];
        exc_item(&b, e->start, (char)0x80);
        exc_item(&b, e->end - e->start, 0);
        exc_item(&b, e->handler, 0);
        exc_item(&b, (uint64_t)e->exc_slot << 1, 0);
    }
    return strbuf_to_bytes(&b);
}

// ---- the type ------------------------------------------------------------------

static void code_trace(Object *o, GcTracer *t) {
    Code *c = (Code *)o;
    gc_trace_value(t, c->consts);
    gc_trace_value(t, c->names);
    gc_trace_value(t, c->varnames);
    gc_trace_value(t, c->cellvars);
    gc_trace_value(t, c->freevars);
    gc_trace_value(t, c->name);
    gc_trace_value(t, c->qualname);
    gc_trace_value(t, c->filename);
}

static uint64_t code_gc_stamp(const Object *o) {
    return ((const Code *)o)->gc_stamp;
}

static void code_free(Object *o) {
    Code *c = (Code *)o;
    free(c->instrs);
    free(c->linetable);
    free(c->livetable);
    free(c->exceptions);
    free(c->lines);
    c->lines = NULL;
    c->instrs = NULL;
    c->linetable = NULL;
    c->livetable = NULL;
    c->exceptions = NULL;
}

static Value code_repr(Value self) {
    Code *c = code_of(self);
    const char *name = val_is_str(c->name) ? str_obj(c->name)->data : "???";
    if (val_is_str(c->filename)) {
        return str_format_c("<code object %s at %p, file \"%s\", line %d>", name, (void *)c,
                            str_obj(c->filename)->data, (int)c->firstlineno);
    }
    return str_format_c("<code object %s at %p, file ???, line %d>", name, (void *)c,
                        (int)c->firstlineno);
}

static Value code_get_argcount(Value self) { return val_from_smallint(code_of(self)->argcount); }
static Value code_get_posonlyargcount(Value self) {
    return val_from_smallint(code_of(self)->posonlyargcount);
}
static Value code_get_kwonlyargcount(Value self) {
    return val_from_smallint(code_of(self)->kwonlyargcount);
}
static Value code_get_nlocals(Value self) { return val_from_smallint(code_of(self)->nlocals); }
static Value code_get_flags(Value self) { return val_from_smallint(code_of(self)->flags); }
static Value code_get_firstlineno(Value self) {
    return val_from_smallint(code_of(self)->firstlineno);
}
static Value code_get_stacksize(Value self) { return val_from_smallint(code_of(self)->nslots); }

// The instruction words as bytes (little-endian): krait's bytecode, not
// CPython's, as the compiler made it: specialized forms read as their
// generic op, cache words as 0.
static Value code_get_code(Value self) {
    Code *c = code_of(self);
    Instr *words = malloc(c->ninstrs ? c->ninstrs * sizeof(Instr) : 1);
    if (!words) {
        return err_no_memory();
    }
    for (uint32_t pc = 0; pc < c->ninstrs;) {
        Instr in = c->instrs[pc];
        Opcode op = instr_op(in);
        unsigned ncache = op < OP__COUNT ? opcode_cache_words[op] : 0;
        words[pc] = op < OP__COUNT ? (in & ~(Instr)0xff) | opcode_generic[op] : in;
        for (unsigned k = 1; k <= ncache && pc + k < c->ninstrs; k++) {
            words[pc + k] = 0;
        }
        pc += 1 + ncache;
    }
    Value r = bytes_from(words, (size_t)c->ninstrs * sizeof(Instr));
    free(words);
    return r;
}

// The instruction words as they run now: specialized forms and the
// contents of their cache words included.
static Value code_get_code_adaptive(Value self) {
    Code *c = code_of(self);
    return bytes_from(c->instrs, (size_t)c->ninstrs * sizeof(Instr));
}

// _varname_from_oparg(i): the name of slot i, an operand of krait's
// instructions: a local, then a cell, then a free variable (a captured
// parameter has a slot of each kind, unlike CPython's one).
static Value code_m_varname_from_oparg(Value self, const Value *args, size_t nargs,
                                       Value kwnames) {
    static const char *const names[] = {"oparg", NULL};
    static const ArgSpec spec = {"_varname_from_oparg", 0, names, 1, 1, 0};
    Value a[1];
    int64_t i;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int r = obj_as_int64(a[0], &i);
    if (r < 0 && !err_matches(&exc_OverflowError)) {
        return 0;
    }
    if (r < 0 || i < INT32_MIN || i > INT32_MAX) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    }
    Code *c = code_of(self);
    Value kinds[3] = {c->varnames, c->cellvars, c->freevars};
    for (int k = 0; k < 3 && i >= 0; k++) {
        TupleObject *t = tuple_obj(kinds[k]);
        if ((uint64_t)i < t->len) {
            return t->items[i];
        }
        i -= (int64_t)t->len;
    }
    return err_format(&exc_IndexError, "tuple index out of range");
}

static Value code_position_tuple(const SourcePos *p) {
    Value items[4];
    items[0] = p->lineno >= 0 ? val_from_smallint(p->lineno) : VAL_NONE;
    items[1] = p->end_lineno >= 0 ? val_from_smallint(p->end_lineno) : VAL_NONE;
    items[2] = p->col >= 0 ? val_from_smallint(p->col) : VAL_NONE;
    items[3] = p->end_col >= 0 ? val_from_smallint(p->end_col) : VAL_NONE;
    return tuple_from(items, 4);
}

// co_positions(): one (lineno, end_lineno, col, end_col) per instruction
// word, as CPython yields one per 16-bit code unit (so that traceback's
// `positions[tb_lasti // 2]` works when tb_lasti is 2 * the word index).
static Value code_m_positions(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("code.co_positions", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Code *c = code_of(self);
    Value list = list_new(c->ninstrs);
    if (!list) {
        return 0;
    }
    // the words the line table covers (all of them, but for a table that
    // replace() was given)
    LtRun r;
    lt_start(&r, c);
    for (uint64_t at = 0; at < c->ninstrs && lt_next(&r);) {
        uint64_t n = r.len < c->ninstrs - at ? r.len : c->ninstrs - at;
        Value t = n ? code_position_tuple(&r.pos) : VAL_NONE;
        for (uint64_t k = 0; k < n; k++) {
            if (!t || list_append(list, t) < 0) {
                return 0;
            }
        }
        at += n;
    }
    return obj_iter(list);
}

// co_lines(): (start, end, lineno) byte ranges, 2 bytes per word (see above),
// a range per line (CPython's may split one line's range in several).
static Value code_m_lines(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("code.co_lines", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    Code *c = code_of(self);
    Value list = list_new(0);
    if (!list) {
        return 0;
    }
    LtRun r;
    lt_start(&r, c);
    uint64_t start = 0, at = 0;
    int64_t line = INT64_MIN;  // none open yet
    for (;;) {
        int more = at < c->ninstrs && lt_next(&r);
        uint64_t n = !more ? 0 : r.len < c->ninstrs - at ? r.len : c->ninstrs - at;
        if (more && (n == 0 || r.pos.lineno == line)) {
            at += n;
            continue;
        }
        if (line != INT64_MIN) {
            Value items[3] = {val_from_smallint(2 * (int64_t)start),
                              val_from_smallint(2 * (int64_t)at),
                              line >= 0 ? val_from_smallint(line) : VAL_NONE};
            Value t = tuple_from(items, 3);
            if (!t || list_append(list, t) < 0) {
                return 0;
            }
        }
        if (!more) {
            break;
        }
        start = at;
        line = r.pos.lineno;
        at += n;
    }
    return obj_iter(list);
}

// code.replace(**changes): a copy with some fields replaced. krait's bytecode
// is its own, so only what does not change the meaning of the instructions
// may differ: names, filename, first line, the positions (co_linetable, in
// CPython's format over krait's units), flags that do not decide how the
// code runs (CO_ITERABLE_COROUTINE for types.coroutine, CO_NESTED...), and
// tuples of the same length. Any other field must keep its value; a new one
// raises NotImplementedError naming it.
static const char *const replace_names[] = {
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals", "co_stacksize",
    "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames",
    "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable",
    "co_exceptiontable", NULL};
enum {
    R_ARGCOUNT, R_POSONLY, R_KWONLY, R_NLOCALS, R_STACKSIZE, R_FLAGS, R_FIRSTLINENO, R_CODE,
    R_CONSTS, R_NAMES, R_VARNAMES, R_FREEVARS, R_CELLVARS, R_FILENAME, R_NAME, R_QUALNAME,
    R_LINETABLE, R_EXCEPTIONTABLE, R__COUNT
};

static int replace_type_error(int i, const char *want, Value got) {
    err_format(&exc_TypeError, "replace() argument '%s' must be %s, not %s", replace_names[i],
               want, got == VAL_NONE ? "None" : obj_type_name(got));
    return -1;
}

// A field that krait cannot change: the new value must equal the current one.
static int replace_must_equal(int i, Value given, Value current) {
    if (!current) {
        return -1;
    }
    int eq = obj_richcompare_bool(given, current, CMP_EQ);
    if (eq < 0) {
        return -1;
    }
    if (!eq) {
        err_format(&exc_NotImplementedError,
                   "code.replace(%s=...): krait cannot change this field of its bytecode",
                   replace_names[i]);
        return -1;
    }
    return 0;
}

static int replace_tuple(int i, Value given, Value current, int of_str, Value *out) {
    if (!tuple_check(given) || type_of(given) != &type_tuple) {
        return replace_type_error(i, "tuple", given);
    }
    if (of_str) {
        for (size_t k = 0; k < tuple_obj(given)->len; k++) {
            if (!val_is_str(tuple_obj(given)->items[k])) {
                err_format(&exc_SystemError, "non-string found in code slot");
                return -1;
            }
        }
    }
    if (tuple_obj(given)->len != tuple_obj(current)->len) {
        err_format(&exc_NotImplementedError,
                   "code.replace(%s=...): krait cannot change the length of this tuple",
                   replace_names[i]);
        return -1;
    }
    *out = given;
    return 0;
}

static Value code_m_replace(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const ArgSpec spec = {"replace", 0, replace_names, 0, 0, 0};
    Value a[R__COUNT];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Code *c = code_of(self);
    Value consts = c->consts, names = c->names, varnames = c->varnames;
    Value freevars = c->freevars, cellvars = c->cellvars;
    Value name = c->name, qualname = c->qualname, filename = c->filename;
    int64_t flags = c->flags, firstlineno = c->firstlineno;
    static const int int_fields[] = {R_ARGCOUNT, R_POSONLY, R_KWONLY, R_NLOCALS, R_STACKSIZE,
                                     R_FLAGS, R_FIRSTLINENO};
    for (size_t k = 0; k < sizeof int_fields / sizeof *int_fields; k++) {
        int i = int_fields[k];
        if (!a[i]) {
            continue;
        }
        int64_t v;
        if (obj_as_int64(a[i], &v) < 0) {
            return 0;
        }
        if (v < INT32_MIN || v > INT32_MAX) {
            return err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
        if (i == R_FLAGS) {
            // The flags the interpreter runs by must stay as compiled.
            const int64_t fixed = CODE_OPTIMIZED | CODE_NEWLOCALS | CODE_VARARGS |
                                  CODE_VARKEYWORDS | CODE_GENERATOR | CODE_COROUTINE |
                                  CODE_ASYNC_GENERATOR;
            if ((v ^ c->flags) & fixed) {
                return err_format(&exc_NotImplementedError,
                                  "code.replace(co_flags=...): krait cannot change the flags "
                                  "0x%x of compiled code", (unsigned)((v ^ c->flags) & fixed));
            }
            flags = v;
        } else if (i == R_FIRSTLINENO) {
            firstlineno = v;
        } else {
            Value cur = i == R_ARGCOUNT   ? code_get_argcount(self)
                        : i == R_POSONLY  ? code_get_posonlyargcount(self)
                        : i == R_KWONLY   ? code_get_kwonlyargcount(self)
                        : i == R_NLOCALS  ? code_get_nlocals(self)
                                          : code_get_stacksize(self);
            if (replace_must_equal(i, a[i], cur) < 0) {
                return 0;
            }
        }
    }
    static const int bytes_fields[] = {R_CODE, R_LINETABLE, R_EXCEPTIONTABLE};
    for (size_t k = 0; k < sizeof bytes_fields / sizeof *bytes_fields; k++) {
        int i = bytes_fields[k];
        if (!a[i]) {
            continue;
        }
        if (type_of(a[i]) != &type_bytes) {
            replace_type_error(i, "bytes", a[i]);
            return 0;
        }
        if (i == R_LINETABLE) {
            continue;  // any table: decoded below
        }
        Value cur = obj_getattr_cstr(self, replace_names[i]);
        if (replace_must_equal(i, a[i], cur) < 0) {
            return 0;
        }
    }
    if ((a[R_CONSTS] && replace_tuple(R_CONSTS, a[R_CONSTS], c->consts, 0, &consts) < 0) ||
        (a[R_NAMES] && replace_tuple(R_NAMES, a[R_NAMES], c->names, 1, &names) < 0) ||
        (a[R_VARNAMES] && replace_tuple(R_VARNAMES, a[R_VARNAMES], c->varnames, 1, &varnames) < 0) ||
        (a[R_FREEVARS] && replace_tuple(R_FREEVARS, a[R_FREEVARS], c->freevars, 1, &freevars) < 0) ||
        (a[R_CELLVARS] && replace_tuple(R_CELLVARS, a[R_CELLVARS], c->cellvars, 1, &cellvars) < 0)) {
        return 0;
    }
    static const int str_fields[] = {R_FILENAME, R_NAME, R_QUALNAME};
    Value *str_out[] = {&filename, &name, &qualname};
    for (size_t k = 0; k < 3; k++) {
        int i = str_fields[k];
        if (a[i]) {
            if (!val_is_str(a[i])) {
                replace_type_error(i, "str", a[i]);
                return 0;
            }
            *str_out[k] = a[i];
        }
    }
    Code *n = (Code *)gc_alloc(&type_code, sizeof(Code));
    if (!n) {
        return 0;
    }
    Object header = n->header;
    *n = *c;
    n->header = header;
    n->instrs = NULL;
    n->linetable = n->livetable = NULL;
    n->exceptions = NULL;
    n->lines = NULL;
    n->jit = NULL;
    n->warmup = 0;
    n->call_argc = CODE_CALL_UNKNOWN;
    n->instrs = malloc(c->ninstrs ? c->ninstrs * sizeof(Instr) : 1);
    n->linetable = malloc(c->nlinetable ? c->nlinetable : 1);
    n->livetable = malloc(c->nlivetable ? c->nlivetable : 1);
    n->exceptions = malloc(c->nexceptions ? c->nexceptions * sizeof(ExceptionRange) : 1);
    if (!n->instrs || !n->linetable || !n->livetable || !n->exceptions) {
        return err_no_memory();
    }
    // An empty table may be NULL: memcpy from NULL is undefined even for 0 bytes.
    if (c->ninstrs) {
        memcpy(n->instrs, c->instrs, c->ninstrs * sizeof(Instr));
    }
    if (c->nlinetable) {
        memcpy(n->linetable, c->linetable, c->nlinetable);
    }
    if (c->nlivetable) {
        memcpy(n->livetable, c->livetable, c->nlivetable);
    }
    if (c->nexceptions) {
        memcpy(n->exceptions, c->exceptions, c->nexceptions * sizeof(ExceptionRange));
    }
    n->flags = (uint32_t)flags;
    n->firstlineno = (int32_t)firstlineno;
    if (a[R_LINETABLE]) {
        // The positions it gives the units it covers (lines counted from
        // the new first line, as CPython's), kept in krait's own table;
        // the words past its end have no position, nor a range in co_lines.
        SourcePos *pos = malloc(c->ninstrs ? c->ninstrs * sizeof(SourcePos) : 1);
        if (!pos) {
            return err_no_memory();
        }
        uint32_t covered =
            loc_decode((const uint8_t *)bytes_data(a[R_LINETABLE]), bytes_len(a[R_LINETABLE]),
                       firstlineno, pos, c->ninstrs);
        uint32_t len;
        uint8_t *table = code_encode_linetable(pos, covered, (int32_t)firstlineno, &len);
        free(pos);
        if (!table) {
            return err_no_memory();
        }
        free(n->linetable);
        n->linetable = table;
        n->nlinetable = len;
    }
    n->consts = consts;
    n->names = names;
    n->varnames = varnames;
    n->freevars = freevars;
    n->cellvars = cellvars;
    n->name = name;
    n->qualname = qualname;
    n->filename = filename;
    return val_from_ptr(n);
}

static const MethodDef code_methods[] = {
    {"co_positions", code_m_positions, METH_DEFAULT, NULL},
    {"co_lines", code_m_lines, METH_DEFAULT, NULL},
    {"_varname_from_oparg", code_m_varname_from_oparg, METH_DEFAULT,
     "_varname_from_oparg($self, /, oparg)\n--\n\n"
     "(internal-only) Return the local variable name for the given oparg."},
    {"replace", code_m_replace, METH_DEFAULT,
     "replace($self, /, *, co_argcount=-1, co_posonlyargcount=-1,\n"
     "        co_kwonlyargcount=-1, co_nlocals=-1, co_stacksize=-1,\n"
     "        co_flags=-1, co_firstlineno=-1, co_code=None, co_consts=None,\n"
     "        co_names=None, co_varnames=None, co_freevars=None,\n"
     "        co_cellvars=None, co_filename=None, co_name=None,\n"
     "        co_qualname=None, co_linetable=None, co_exceptiontable=None)\n--\n\n"
     "Return a copy of the code object with new values for the specified fields."},
    {NULL, NULL, 0, NULL},
};

static const MemberDef code_members[] = {
    {"co_consts", MEMBER_VALUE_RO, offsetof(Code, consts), NULL},
    {"co_names", MEMBER_VALUE_RO, offsetof(Code, names), NULL},
    {"co_varnames", MEMBER_VALUE_RO, offsetof(Code, varnames), NULL},
    {"co_cellvars", MEMBER_VALUE_RO, offsetof(Code, cellvars), NULL},
    {"co_freevars", MEMBER_VALUE_RO, offsetof(Code, freevars), NULL},
    {"co_name", MEMBER_VALUE_RO, offsetof(Code, name), NULL},
    {"co_qualname", MEMBER_VALUE_RO, offsetof(Code, qualname), NULL},
    {"co_filename", MEMBER_VALUE_RO, offsetof(Code, filename), NULL},
    {NULL, 0, 0, NULL},
};

static const GetSetDef code_getset[] = {
    {"co_argcount", code_get_argcount, NULL, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL},
    {"co_stacksize", code_get_stacksize, NULL, NULL},
    {"co_code", code_get_code, NULL, NULL},
    {"_co_code_adaptive", code_get_code_adaptive, NULL, NULL},
    {"co_linetable", code_get_linetable, NULL, NULL},
    {"co_lnotab", code_get_lnotab, NULL, NULL},
    {"co_exceptiontable", code_get_exceptiontable, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

// Code objects are equal when they would run the same: same names, counts,
// flags, instructions (unspecialized), constants, names and positions.
static int code_equal(Value a, Value b) {
    Code *x = code_of(a), *y = code_of(b);
    if (x == y) {
        return 1;
    }
    if (x->ninstrs != y->ninstrs || x->flags != y->flags || x->argcount != y->argcount ||
        x->posonlyargcount != y->posonlyargcount || x->kwonlyargcount != y->kwonlyargcount ||
        x->nlocals != y->nlocals || x->ncells != y->ncells || x->nfrees != y->nfrees ||
        x->firstlineno != y->firstlineno || x->nlinetable != y->nlinetable ||
        x->nexceptions != y->nexceptions ||
        (x->nlinetable && memcmp(x->linetable, y->linetable, x->nlinetable) != 0) ||
        (x->nexceptions &&
         memcmp(x->exceptions, y->exceptions, x->nexceptions * sizeof(ExceptionRange)) != 0)) {
        return 0;
    }
    Value fields[][2] = {{x->name, y->name}, {x->qualname, y->qualname},
                         {x->names, y->names}, {x->varnames, y->varnames},
                         {x->cellvars, y->cellvars}, {x->freevars, y->freevars},
                         {x->consts, y->consts}};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        int eq = obj_richcompare_bool(fields[i][0], fields[i][1], CMP_EQ);
        if (eq <= 0) {
            return eq;
        }
    }
    Value cx = code_get_code(a), cy = cx ? code_get_code(b) : 0;
    if (!cy) {
        return -1;
    }
    return obj_richcompare_bool(cx, cy, CMP_EQ);
}

static Value code_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &type_code) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq = code_equal(a, b);
    if (eq < 0) {
        return 0;
    }
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static int64_t code_hash(Value v) {
    Code *c = code_of(v);
    Value items[5] = {c->name, c->names, c->varnames,
                      val_from_smallint(c->argcount), val_from_smallint(c->flags)};
    Value t = tuple_from(items, 5);
    int64_t h = t ? obj_hash(t) : -1;
    return h == -1 ? -1 : h ^ (int64_t)c->ninstrs ^ ((int64_t)c->firstlineno << 7);
}

Type type_code = {
    .header = {&type_type},
    .name = "code",
    .flags = TYPE_IMMUTABLE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(Code),
    .base = &type_object,
    .trace = code_trace,
    .gc_stamp = code_gc_stamp,
    .free = code_free,
    .repr = code_repr,
    .richcompare = code_richcompare,
    .hash = code_hash,
    .methods = code_methods,
    .members = code_members,
    .getset = code_getset,
};

// ---- the disassembler ------------------------------------------------------------

static const char *const binop_symbols[] = {
#define BINOP_SYM_(name, dunder, rdunder, idunder, sym) sym,
    BINOPS(BINOP_SYM_)
#undef BINOP_SYM_
};
static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">=",
                                              "is", "is not", "in", "not in"};
static const char *const unary_symbols[] = {"-", "+", "~", "not"};

static const char *tuple_str_at(Value tuple, unsigned i) {
    if (!tuple_check(tuple) || i >= tuple_obj(tuple)->len) {
        return "?";
    }
    Value s = tuple_obj(tuple)->items[i];
    return val_is_str(s) ? str_obj(s)->data : "?";
}

// A slot as `name` (local), `&name` (cell), `^name` (free) or `tN` (temporary).
static void dis_slot(StrBuf *b, const Code *c, unsigned slot) {
    if (slot < c->nlocals) {
        sb_puts(b, tuple_str_at(c->varnames, slot));
    } else if (slot < (unsigned)c->nlocals + c->ncells) {
        sb_printf(b, "&%s", tuple_str_at(c->cellvars, slot - c->nlocals));
    } else if (slot < (unsigned)c->nlocals + c->ncells + c->nfrees) {
        sb_printf(b, "^%s", tuple_str_at(c->freevars, slot - c->nlocals - c->ncells));
    } else {
        sb_printf(b, "t%u", slot - c->nlocals - c->ncells - c->nfrees);
    }
}

// repr() of a constant, shortened; nested code objects by name.
static void dis_const(StrBuf *b, const Code *c, unsigned k) {
    if (!tuple_check(c->consts) || k >= tuple_obj(c->consts)->len) {
        sb_puts(b, "?");
        return;
    }
    Value v = tuple_obj(c->consts)->items[k];
    if (val_is_ptr(v) && val_ptr(v)->type == &type_code) {
        Value name = ((Code *)val_ptr(v))->name;
        sb_printf(b, "<code %s>", val_is_str(name) ? str_obj(name)->data : "?");
        return;
    }
    Value r = obj_repr(v);
    if (!r) {
        err_clear();
        sb_puts(b, "<repr failed>");
        return;
    }
    StrObject *s = str_obj(r);
    if (s->nbytes > 60) {
        sb_put(b, s->data, 57);
        sb_puts(b, "...");
    } else {
        sb_put(b, s->data, s->nbytes);
    }
}

// Whether operand C of an ABC op is a slot (else a count or flag).
static int abc_c_is_slot(Opcode op, unsigned x) {
    switch (op) {
    case OP_GETITEM: case OP_SETITEM: case OP_BINOP: case OP_INPLACE: case OP_COMPARE:
    case OP_GETSLICE: case OP_SETSLICE: case OP_MAPADD: case OP_DICTMERGE: case OP_CHECKEXCMATCH: case OP_CHECKEGMATCH:
    case OP_PREPRERAISESTAR: case OP_WITHEXCEPTSTART: case OP_MATCHKEYS:
    case OP_COPYDICTWITHOUTKEYS:
        return 1;
    case OP_FORMAT:
        return (x & 4) != 0;
    default:
        return 0;
    }
}

static void dis_instr(StrBuf *b, const Code *c, uint32_t pc) {
    Instr in = c->instrs[pc];
    Opcode op = instr_op(in);
    if (op >= OP__COUNT) {
        sb_printf(b, "<bad opcode %u>", (unsigned)op);
        return;
    }
    sb_printf(b, "%-18s", opcode_names[op]);
    op = (Opcode)opcode_generic[op];  // a specialized form reads as its generic op
    const char *fmt = opcode_formats[op];
    unsigned a = instr_a(in), bb = instr_b(in), cc = instr_c(in), x = instr_x(in);
    if (strcmp(fmt, "J") == 0) {
        uint32_t target = pc + 1 + opcode_cache_words[op] + (uint32_t)instr_offset(in);
        if (op != OP_JUMP) {
            dis_slot(b, c, a);
            sb_puts(b, ", ");
        }
        sb_printf(b, "-> %u", target);
    } else if (strcmp(fmt, "A") == 0) {
        dis_slot(b, c, a);
    } else if (strcmp(fmt, "AB") == 0) {
        dis_slot(b, c, a);
        sb_puts(b, ", ");
        dis_slot(b, c, bb);
    } else if (strcmp(fmt, "AK") == 0) {
        dis_slot(b, c, a);
        sb_printf(b, ", K%u (", bb);
        dis_const(b, c, bb);
        sb_putc(b, ')');
    } else if (strcmp(fmt, "AN") == 0) {
        dis_slot(b, c, a);
        sb_printf(b, ", %s", tuple_str_at(c->names, bb));
    } else if (strcmp(fmt, "ABN") == 0) {
        dis_slot(b, c, a);
        sb_puts(b, ", ");
        dis_slot(b, c, bb);
        sb_printf(b, ", %s", tuple_str_at(c->names, cc));
    } else if (strcmp(fmt, "ABC") == 0) {
        dis_slot(b, c, a);
        sb_puts(b, ", ");
        if (op == OP_MAKEFUNCTION) {
            sb_printf(b, "K%u (", bb);
            dis_const(b, c, bb);
            sb_puts(b, "), ");
            dis_slot(b, c, cc);
        } else {
            dis_slot(b, c, bb);
            sb_puts(b, ", ");
            if (abc_c_is_slot(op, x)) {
                dis_slot(b, c, cc);
            } else {
                sb_printf(b, "%u", cc);
            }
        }
    }
    // The sub-operation, spelled out where it has a meaning.
    if ((op == OP_BINOP || op == OP_INPLACE) && x < BINOP__COUNT) {
        sb_printf(b, "  (%s%s)", binop_symbols[x], op == OP_INPLACE ? "=" : "");
    } else if (op == OP_COMPARE && x < 10) {
        sb_printf(b, "  (%s)", compare_symbols[x]);
    } else if (op == OP_UNARY && x < 4) {
        sb_printf(b, "  (%s)", unary_symbols[x]);
    } else if (x) {
        sb_printf(b, "  x=%u", x);
    }
}

static void dis_one(const Code *c, FILE *out) {
    StrBuf b;
    sb_init(&b);
    sb_printf(&b, "Disassembly of <code object %s, file \"%s\", line %d>:\n",
              val_is_str(c->qualname) ? str_obj(c->qualname)->data : "?",
              val_is_str(c->filename) ? str_obj(c->filename)->data : "?", (int)c->firstlineno);
    sb_printf(&b, "  flags=0x%x argcount=%u posonly=%u kwonly=%u nlocals=%u ncells=%u nfrees=%u "
                  "nslots=%u\n",
              c->flags, c->argcount, c->posonlyargcount, c->kwonlyargcount, c->nlocals, c->ncells,
              c->nfrees, c->nslots);
    int32_t last_line = INT32_MIN;
    for (uint32_t pc = 0; pc < c->ninstrs;) {
        SourcePos p = code_position(c, pc);
        if (p.lineno != last_line) {
            sb_printf(&b, "%5d ", (int)p.lineno);
            last_line = p.lineno;
        } else {
            sb_puts(&b, "      ");
        }
        const ExceptionRange *h = code_find_handler(c, pc);
        sb_printf(&b, "%5u%s ", pc, h ? "*" : " ");
        dis_instr(&b, c, pc);
        sb_putc(&b, '\n');
        Opcode op = instr_op(c->instrs[pc]);
        pc += 1 + (op < OP__COUNT ? opcode_cache_words[op] : 0);
    }
    if (c->nexceptions) {
        sb_puts(&b, "  exception table:\n");
        for (uint32_t i = 0; i < c->nexceptions; i++) {
            const ExceptionRange *r = &c->exceptions[i];
            sb_printf(&b, "    %u to %u -> %u [", r->start, r->end, r->handler);
            dis_slot(&b, c, r->exc_slot);
            sb_printf(&b, "] depth %u\n", r->depth);
        }
    }
    sb_putc(&b, '\n');
    fwrite(b.data, 1, b.len, out);
    sb_free(&b);
}

void code_disassemble(const Code *code, FILE *out) {
    dis_one(code, out);
    if (!tuple_check(code->consts)) {
        return;
    }
    TupleObject *k = tuple_obj(code->consts);
    for (size_t i = 0; i < k->len; i++) {
        Value v = k->items[i];
        if (val_is_ptr(v) && val_ptr(v)->type == &type_code) {
            code_disassemble((const Code *)val_ptr(v), out);
        }
    }
}
