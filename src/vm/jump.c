// jump.c - assigning frame.f_lineno from a trace function: a jump within
// the running code object (CPython 3.11's frame_setlineno).
//
// CPython decides whether a jump is allowed from its value stack: it
// computes, for every instruction, the kinds of the values on the stack
// there (an iterator of a `for`, the exception an `except` block saved, an
// object, a NULL), and allows a jump when the target's stack is a prefix of
// the current one; the values above it are popped. A jump into a `for` body
// would leave no iterator, into an `except` block no exception: the error
// names what is missing ("incompatible stacks" for the others).
//
// krait has registers, not a stack, but the compiler allocates temporaries
// like a stack, and what a stack entry means maps onto a temporary that
// holds a value some later instruction reads: the iterator of a `for`
// (read by FORITER at the loop head), the exit method of a `with` (read by
// the exit call), the exception an `except` block saved (read by
// POPEXCEPT), the parts of an expression spread over lines. So here a
// frame's "stack" at an instruction is the list of its temporaries that are
// live there (a backward liveness analysis over the bytecode, exception
// edges included), each with the kind of value the instructions that wrote
// it leave (a forward analysis): the stack of CPython, in slot order. The
// constant registers are always set and are left out.
//
// A target's live temporaries must all be live here, each holding a kind of
// value it can take (CPython compares the kinds of a stack prefix only: two
// blocks of the same shape in different slots are not interchangeable
// here, and a with's exit method cannot stand for a loop's iterator).
// The others are popped, innermost first: an `except` block's saved
// exception becomes the handled one again, as POPEXCEPT does; iterators,
// exit methods, a caught exception are dropped.
//
// One thing CPython checks at run time and krait does not: a fast local
// read without CHECKBOUND, where the compiler knew it was bound. When a jump
// may reach such a read with the local unbound (it jumped over the
// assignment), the frame is guarded: the interpreter's hook checks the
// reads of each of its instructions until it leaves, and raises CPython's
// UnboundLocalError where a read finds the local unbound.
#include <stdlib.h>
#include <string.h>

#include "../runtime/exceptions.h"
#include "../runtime/int.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "interp_internal.h"

// The kinds of stack entries: CPython's, with its Except split in two: the
// exception a handler caught (KIND_CAUGHT, put in its slot by the exception
// table) and the one PUSHEXCINFO saved (KIND_EXCEPT), which popping makes
// the handled exception again. (CPython's order on the stack, saved below
// caught, makes its pops restore the saved one last; krait's slots are in
// the other order.)
enum { KIND_NONE = 0, KIND_OBJECT, KIND_NULL, KIND_ITERATOR, KIND_EXCEPT, KIND_CAUGHT };

enum { NO_SLOT = 0xffffffffu };

typedef struct Operands {
    Opcode op;                // the generic op
    uint32_t rlo[4], rhi[4];  // slots read: ranges [lo, hi)
    int nr;
    uint32_t wlo[2], whi[2];  // slots written
    int nw;
    uint8_t wkind[2];         // the kind each written range gets
    uint32_t checked;         // a local CHECKBOUND/DELFAST/JUMPIFBOUND tests
    uint32_t unbinds;         // a slot CLEAR/DELFAST leaves unbound
    bool falls;               // goes on with the next instruction
    int32_t target;           // jump target (word index), or -1
} Operands;

static void rd(Operands *o, uint32_t lo, uint32_t n) {
    if (n) {
        o->rlo[o->nr] = lo;
        o->rhi[o->nr++] = lo + n;
    }
}

static void wr(Operands *o, uint32_t lo, uint32_t n, uint8_t kind) {
    if (n) {
        o->wlo[o->nw] = lo;
        o->whi[o->nw] = lo + n;
        o->wkind[o->nw++] = kind;
    }
}

// What the instruction at word `pc` reads, writes and where it goes.
static void decode(const Code *co, uint32_t pc, Operands *o) {
    Instr ins = co->instrs[pc];
    Opcode op = (Opcode)opcode_generic[instr_op(ins)];
    unsigned a = instr_a(ins), b = instr_b(ins), c = instr_c(ins), x = instr_x(ins);
    memset(o, 0, sizeof *o);
    o->op = op;
    o->checked = o->unbinds = NO_SLOT;
    o->falls = true;
    o->target = -1;
    uint32_t next = pc + 1 + opcode_cache_words[op];
    switch (op) {
    case OP_NOP: case OP_LOOPHEADER: case OP_DELGLOBAL: case OP_DELNAME:
    case OP_SETUPANNOTATIONS:
        break;
    case OP_MOVE:
        rd(o, b, 1);
        wr(o, a, 1, KIND_OBJECT);  // (the kind of b: see kinds_step)
        break;
    case OP_LOADK: case OP_LOADNONE: case OP_LOADGLOBAL: case OP_LOADNAME:
    case OP_LOADBUILDCLASS: case OP_LOADASSERTIONERROR:
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_CLEAR:
        o->unbinds = a;
        break;
    case OP_CHECKBOUND:
        o->checked = a;
        break;
    case OP_DELFAST:
        o->checked = a;
        o->unbinds = a;
        break;
    case OP_STOREGLOBAL: case OP_STORENAME: case OP_DELATTR: case OP_RETURN:
    case OP_RERAISE: case OP_POPEXCEPT: case OP_IMPORTSTAR: case OP_PRINTEXPR:
    case OP_ENDASYNCFOR: case OP_DELDEREF:
        rd(o, a, 1);
        break;
    case OP_LOADDEREF: case OP_LOADCLASSDEREF: case OP_GETATTR: case OP_UNARY: case OP_TRUTH:
    case OP_LISTTOTUPLE: case OP_GETITER: case OP_GETYIELDFROMITER: case OP_YIELDFROM:
    case OP_GETAWAITABLE: case OP_GETAITER: case OP_GETANEXT: case OP_ASYNCGENWRAP:
    case OP_IMPORTNAME: case OP_IMPORTFROM: case OP_MATCHMAPPING: case OP_MATCHSEQUENCE:
    case OP_GETLEN: case OP_YIELD:
        rd(o, b, 1);
        wr(o, a, 1, op == OP_GETITER || op == OP_GETAITER ? KIND_ITERATOR : KIND_OBJECT);
        if (op == OP_GETITER && (x == GETITER_LOOP || x == GETITER_PASSED)) {
            wr(o, a + 2, 2, KIND_ITERATOR);  // the state of a loop without iterator
        }
        break;
    case OP_STOREDEREF: case OP_SETATTR: case OP_DELITEM: case OP_LISTAPPEND:
    case OP_LISTEXTEND: case OP_SETADD: case OP_SETUPDATE: case OP_DICTUPDATE:
        rd(o, a, 1);
        rd(o, b, 1);
        break;
    case OP_LOADMETHOD:
        rd(o, b, 1);
        wr(o, a, 1, KIND_OBJECT);
        wr(o, a + 1, 1, KIND_NULL);  // the self, or 0
        break;
    case OP_GETITEM: case OP_BINOP: case OP_INPLACE: case OP_COMPARE: case OP_CHECKEXCMATCH:
    case OP_PREPRERAISESTAR: case OP_WITHEXCEPTSTART: case OP_MATCHKEYS:
    case OP_COPYDICTWITHOUTKEYS:
        rd(o, b, 1);
        rd(o, c, 1);
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_SETITEM: case OP_MAPADD: case OP_DICTMERGE:
        rd(o, a, 1);
        rd(o, b, 1);
        rd(o, c, 1);
        break;
    case OP_GETSLICE:
        rd(o, b, 1);
        rd(o, c, x);
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_SETSLICE:
        rd(o, a, 1);
        rd(o, b, x);
        rd(o, c, 1);
        break;
    case OP_CHECKEGMATCH:
        rd(o, b, 1);
        rd(o, c, 1);
        wr(o, a, 2, KIND_OBJECT);
        break;
    case OP_JUMP:
        o->falls = false;
        o->target = (int32_t)next + instr_offset(ins);
        break;
    case OP_JUMPIFTRUE: case OP_JUMPIFFALSE: case OP_JUMPIFNONE: case OP_JUMPIFNOTNONE:
        rd(o, a, 1);
        o->target = (int32_t)next + instr_offset(ins);
        break;
    case OP_RANGELOOP:
        rd(o, a + 4, 1 + x);
        wr(o, a, 1, KIND_ITERATOR);
        wr(o, a + 2, 2, KIND_ITERATOR);
        o->target = (int32_t)next + instr_offset(ins);
        break;
    case OP_JUMPIFBOUND:
        o->checked = a;
        o->target = (int32_t)next + instr_offset(ins);
        break;
    case OP_FORITER:
        rd(o, a, 1);
        rd(o, a + 2, 2);
        wr(o, a + 1, 1, KIND_OBJECT);
        o->target = (int32_t)next + instr_offset(ins);
        break;
    case OP_BUILDTUPLE: case OP_BUILDLIST: case OP_BUILDSET: case OP_BUILDSTRING:
    case OP_BUILDSLICE:
        rd(o, b, c);
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_BUILDMAP:
        rd(o, b, 2 * c);
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_FORMAT:
        rd(o, b, 1);
        if (x & 4) {
            rd(o, c, 1);
        }
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_UNPACK: case OP_UNPACKEX:
        rd(o, b, 1);
        wr(o, a, c, KIND_OBJECT);
        break;
    case OP_CALL:
        rd(o, b, c + 1 + (x & 1));
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_CALLMETHOD:
        rd(o, b, c + 2 + (x & 1));
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_CALLEX:
        rd(o, b, 2 + (x & 1));
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_MAKEFUNCTION:
        rd(o, c, (unsigned)__builtin_popcount(x & 15));
        wr(o, a, 1, KIND_OBJECT);
        break;
    case OP_RAISE:
        if (x >= 1) {
            rd(o, a, 1);
        }
        if (x == 2) {
            rd(o, b, 1);
        }
        o->falls = false;
        break;
    case OP_PUSHEXCINFO:
        rd(o, a, 1);
        wr(o, b, 1, KIND_EXCEPT);
        break;
    case OP_BEFOREWITH: case OP_BEFOREASYNCWITH:
        rd(o, b, 1);
        wr(o, a, 2, KIND_OBJECT);
        break;
    case OP_MATCHCLASS:
        rd(o, b, 3);
        wr(o, a, 1, KIND_OBJECT);
        break;
    default:
        break;
    }
    if (op == OP_RETURN || op == OP_RERAISE) {
        o->falls = false;
    }
}

// ---- the analysis ----------------------------------------------------------------------

typedef struct Analysis {
    const Code *co;
    uint32_t n;             // instruction words
    uint32_t temp_base;     // the first temporary (after the constant registers)
    uint32_t nconstregs;    // loaded by the first instructions
    uint32_t ntemps;
    uint32_t nlocals;
    uint32_t tw, lw;        // 64-bit words per temps / locals bit set
    bool *start;            // [n] an instruction starts at this word
    bool *reached;          // [n] the forward analysis reached it
    uint8_t *kinds;         // [n * ntemps] the kind each temporary holds before it runs
    uint64_t *live;         // [n * tw] temporaries live before it runs
    uint64_t *unsafe;       // [n * lw] locals an unchecked read may reach from it
} Analysis;

static uint32_t first_temp(const Code *co) {
    // The constant registers are loaded by the first instructions, which
    // carry no column (code.c, compiler.c).
    uint32_t base = (uint32_t)co->nlocals + co->ncells + co->nfrees, k = 0;
    while (k < co->ninstrs && instr_op(co->instrs[k]) == OP_LOADK &&
           instr_a(co->instrs[k]) == base + k && code_position(co, k).col == -1) {
        k++;
    }
    return base + k;
}

static void analysis_free(Analysis *an) {
    free(an->start);
    free(an->reached);
    free(an->kinds);
    free(an->live);
    free(an->unsafe);
}

static bool bit_get(const uint64_t *s, uint32_t i) {
    return (s[i / 64] >> (i % 64)) & 1;
}
static void bit_set(uint64_t *s, uint32_t i) {
    s[i / 64] |= (uint64_t)1 << (i % 64);
}
static void bit_clear(uint64_t *s, uint32_t i) {
    s[i / 64] &= ~((uint64_t)1 << (i % 64));
}

// The kinds after `pc` runs, from `in` into `out`.
static void kinds_step(const Analysis *an, const Operands *o, const uint8_t *in, uint8_t *out) {
    memcpy(out, in, an->ntemps);
    for (int k = 0; k < o->nw; k++) {
        for (uint32_t s = o->wlo[k]; s < o->whi[k]; s++) {
            if (s >= an->temp_base && s - an->temp_base < an->ntemps) {
                uint8_t kind = o->wkind[k];
                // MOVE keeps the kind of what it copies
                if (o->op == OP_MOVE && o->rlo[0] >= an->temp_base &&
                    o->rlo[0] - an->temp_base < an->ntemps) {
                    uint8_t src = in[o->rlo[0] - an->temp_base];
                    kind = src == KIND_NONE ? KIND_OBJECT : src;
                }
                out[s - an->temp_base] = kind;
            }
        }
    }
    if (o->unbinds != NO_SLOT && o->unbinds >= an->temp_base &&
        o->unbinds - an->temp_base < an->ntemps) {
        out[o->unbinds - an->temp_base] = KIND_NONE;
    }
}

// Forward: the kinds each temporary may hold (the first path to reach an
// instruction decides, as in CPython's mark_stacks).
static int analyse_kinds(Analysis *an) {
    uint32_t n = an->n, nt = an->ntemps;
    uint32_t *work = malloc(sizeof(uint32_t) * (n + 1));
    uint8_t *tmp = malloc(nt ? nt : 1);
    if (!work || !tmp) {
        free(work);
        free(tmp);
        return -1;
    }
    uint32_t top = 0;
    an->reached[0] = true;
    work[top++] = 0;
    Operands o;
    while (top) {
        uint32_t pc = work[--top];
        decode(an->co, pc, &o);
        const uint8_t *in = an->kinds + (size_t)pc * nt;
        // the exception edge: the state before pc, with the exception in its slot
        const ExceptionRange *h = code_find_handler(an->co, pc);
        uint32_t succ[3];
        int ns = 0;
        if (h && h->handler < n && !an->reached[h->handler]) {
            memcpy(tmp, in, nt);
            if (h->exc_slot >= an->temp_base && h->exc_slot - an->temp_base < nt) {
                tmp[h->exc_slot - an->temp_base] = KIND_CAUGHT;
            }
            memcpy(an->kinds + (size_t)h->handler * nt, tmp, nt);
            an->reached[h->handler] = true;
            work[top++] = h->handler;
        }
        kinds_step(an, &o, in, tmp);
        uint32_t next = pc + 1 + opcode_cache_words[instr_op(an->co->instrs[pc])];
        if (o.falls && next < n) {
            succ[ns++] = next;
        }
        if (o.target >= 0 && (uint32_t)o.target < n) {
            succ[ns++] = (uint32_t)o.target;
        }
        for (int k = 0; k < ns; k++) {
            if (!an->reached[succ[k]] && an->start[succ[k]]) {
                memcpy(an->kinds + (size_t)succ[k] * nt, tmp, nt);
                an->reached[succ[k]] = true;
                work[top++] = succ[k];
            }
        }
    }
    free(work);
    free(tmp);
    return 0;
}

// Backward: the temporaries live before each instruction (read later on
// some path before being written), and the locals an unchecked read may
// reach before they are bound or checked. Iterated to a fixed point.
static void analyse_liveness(Analysis *an) {
    uint32_t n = an->n, tw = an->tw, lw = an->lw;
    uint64_t out_t[tw ? tw : 1], out_l[lw ? lw : 1];
    Operands o;
    bool changed = true;
    while (changed) {
        changed = false;
        for (uint32_t p = n; p-- > 0;) {
            if (!an->start[p]) {
                continue;
            }
            decode(an->co, p, &o);
            memset(out_t, 0, sizeof out_t);
            memset(out_l, 0, sizeof out_l);
            uint32_t next = p + 1 + opcode_cache_words[instr_op(an->co->instrs[p])];
            uint32_t succ[2];
            int ns = 0;
            if (o.falls && next < n) {
                succ[ns++] = next;
            }
            if (o.target >= 0 && (uint32_t)o.target < n) {
                succ[ns++] = (uint32_t)o.target;
            }
            for (int k = 0; k < ns; k++) {
                for (uint32_t w = 0; w < tw; w++) {
                    out_t[w] |= an->live[(size_t)succ[k] * tw + w];
                }
                for (uint32_t w = 0; w < lw; w++) {
                    out_l[w] |= an->unsafe[(size_t)succ[k] * lw + w];
                }
            }
            // writes kill (they happen only on the normal paths)
            for (int k = 0; k < o.nw; k++) {
                for (uint32_t s = o.wlo[k]; s < o.whi[k]; s++) {
                    if (s >= an->temp_base && s - an->temp_base < an->ntemps) {
                        bit_clear(out_t, s - an->temp_base);
                    } else if (s < an->nlocals) {
                        bit_clear(out_l, s);
                    }
                }
            }
            if (o.checked != NO_SLOT && o.checked < an->nlocals) {
                bit_clear(out_l, o.checked);
            }
            if (o.unbinds != NO_SLOT && o.unbinds < an->nlocals) {
                bit_clear(out_l, o.unbinds);
            }
            const ExceptionRange *h = code_find_handler(an->co, p);
            if (h && h->handler < n) {
                // the edge writes the exception's slot: live at the handler,
                // not before p
                bool exc_temp = h->exc_slot >= an->temp_base &&
                                h->exc_slot - an->temp_base < an->ntemps;
                bool was_live = exc_temp && bit_get(out_t, h->exc_slot - an->temp_base);
                for (uint32_t w = 0; w < tw; w++) {
                    out_t[w] |= an->live[(size_t)h->handler * tw + w];
                }
                if (exc_temp && !was_live) {
                    bit_clear(out_t, h->exc_slot - an->temp_base);
                }
                for (uint32_t w = 0; w < lw; w++) {
                    out_l[w] |= an->unsafe[(size_t)h->handler * lw + w];
                }
            }
            for (int k = 0; k < o.nr; k++) {
                for (uint32_t s = o.rlo[k]; s < o.rhi[k]; s++) {
                    if (s >= an->temp_base && s - an->temp_base < an->ntemps) {
                        bit_set(out_t, s - an->temp_base);
                    } else if (s < an->nlocals) {
                        bit_set(out_l, s);
                    }
                }
            }
            uint64_t *lt = an->live + (size_t)p * tw, *ll = an->unsafe + (size_t)p * lw;
            if (memcmp(lt, out_t, sizeof(uint64_t) * tw) != 0 ||
                memcmp(ll, out_l, sizeof(uint64_t) * lw) != 0) {
                memcpy(lt, out_t, sizeof(uint64_t) * tw);
                memcpy(ll, out_l, sizeof(uint64_t) * lw);
                changed = true;
            }
        }
    }
}

static int analyse(Analysis *an, const Code *co) {
    memset(an, 0, sizeof *an);
    an->co = co;
    an->n = co->ninstrs;
    an->temp_base = first_temp(co);
    an->nconstregs = an->temp_base - ((uint32_t)co->nlocals + co->ncells + co->nfrees);
    an->ntemps = co->nslots > an->temp_base ? co->nslots - an->temp_base : 0;
    an->nlocals = co->nlocals;
    an->tw = (an->ntemps + 63) / 64;
    an->lw = (an->nlocals + 63) / 64;
    size_t n = an->n ? an->n : 1;
    an->start = calloc(n, 1);
    an->reached = calloc(n, 1);
    an->kinds = calloc(n * (an->ntemps ? an->ntemps : 1), 1);
    an->live = calloc(n * (an->tw ? an->tw : 1), sizeof(uint64_t));
    an->unsafe = calloc(n * (an->lw ? an->lw : 1), sizeof(uint64_t));
    if (!an->start || !an->reached || !an->kinds || !an->live || !an->unsafe) {
        analysis_free(an);
        err_no_memory();
        return -1;
    }
    for (uint32_t pc = 0; pc < an->n;) {
        an->start[pc] = true;
        Opcode op = instr_op(co->instrs[pc]);
        pc += 1 + (op < OP__COUNT ? opcode_cache_words[op] : 0);
    }
    if (an->n && analyse_kinds(an) < 0) {
        analysis_free(an);
        err_no_memory();
        return -1;
    }
    analyse_liveness(an);
    return 0;
}

// The stack at pc: its live temporaries (indexes) and their kinds, in slot
// order; returns the depth.
static uint32_t stack_at(const Analysis *an, uint32_t pc, uint32_t *slots, uint8_t *kinds) {
    uint32_t d = 0;
    for (uint32_t t = 0; t < an->ntemps; t++) {
        if (bit_get(an->live + (size_t)pc * an->tw, t)) {
            uint8_t k = an->kinds[(size_t)pc * an->ntemps + t];
            slots[d] = t;
            kinds[d++] = k == KIND_NONE ? KIND_OBJECT : k;
        }
    }
    return d;
}

// CPython's compatible_kind: can a `from` value stand where `to` is expected?
static bool compatible_kind(uint8_t from, uint8_t to) {
    if (to == KIND_OBJECT) {
        return from != KIND_NULL;
    }
    if (to == KIND_NULL) {
        return true;
    }
    return from == to;
}

static const char *explain_incompatible(uint8_t top) {
    switch (top) {
    case KIND_EXCEPT:
    case KIND_CAUGHT:
        return "can't jump into an 'except' block as there's no exception";
    case KIND_ITERATOR:
        return "can't jump into the body of a for loop";
    default:
        return "incompatible stacks";
    }
}

// ---- the jump ----------------------------------------------------------------------------

// Each instruction word that starts a new line (the first of a run of
// words with a line other than the last line seen), or -1: CPython's
// marklines.
static int32_t *mark_lines(Code *co) {
    int32_t *lines = malloc(sizeof(int32_t) * (co->ninstrs ? co->ninstrs : 1));
    if (!lines) {
        err_no_memory();
        return NULL;
    }
    int32_t last = -1;
    for (uint32_t pc = 0; pc < co->ninstrs; pc++) {
        lines[pc] = -1;
        int32_t line = code_line_at(co, pc);
        if (line == -2) {
            free(lines);
            return NULL;
        }
        if (line != -1 && line != last) {
            lines[pc] = line;
            last = line;
        }
    }
    return lines;
}

int vm_frame_jump(Frame *f, Value lineno_value, bool suspended, uint32_t *new_pc) {
    Code *co = f->code;
    int64_t requested;
    if (int_to_i64(lineno_value, &requested) < 0 || requested > INT32_MAX ||
        requested < INT32_MIN) {
        err_clear();
        err_format(&exc_ValueError, "lineno out of range");
        return -1;
    }
    if (requested < co->firstlineno) {
        err_format(&exc_ValueError, "line %d comes before the current code block",
                   (int)requested);
        return -1;
    }
    int32_t *lines = mark_lines(co);
    if (!lines) {
        return -1;
    }
    // the first line with code not before the one asked for
    int32_t line = -1;
    for (uint32_t pc = 0; pc < co->ninstrs; pc++) {
        if (lines[pc] >= requested && (line < 0 || lines[pc] < line)) {
            line = lines[pc];
        }
    }
    if (line < 0) {
        free(lines);
        err_format(&exc_ValueError, "line %d comes after the current code block",
                   (int)requested);
        return -1;
    }
    Analysis an;
    if (analyse(&an, co) < 0) {
        free(lines);
        return -1;
    }
    uint32_t nt = an.ntemps ? an.ntemps : 1;
    uint32_t *from_slots = malloc(sizeof(uint32_t) * nt), *to_slots = malloc(sizeof(uint32_t) * nt);
    uint8_t *from_kinds = malloc(nt), *to_kinds = malloc(nt);
    int result = -1;
    if (!from_slots || !to_slots || !from_kinds || !to_kinds) {
        err_no_memory();
        goto done;
    }
    uint32_t at = (uint32_t)(f->pc - co->instrs);
    bool from_known = at < an.n && an.reached[at] && at >= an.nconstregs;
    uint32_t from_depth = from_known ? stack_at(&an, at, from_slots, from_kinds) : 0;
    if (suspended && from_known) {
        // the value the yield hands out is gone
        Instr y = co->instrs[at];
        uint32_t k = 0;
        for (uint32_t j = 0; j < from_depth; j++) {
            if (an.temp_base + from_slots[j] != instr_b(y)) {
                from_slots[k] = from_slots[j];
                from_kinds[k++] = from_kinds[j];
            }
        }
        from_depth = k;
    }
    const char *msg = "cannot find bytecode for specified line";
    int err = -1;
    int32_t best = -1;
    int32_t best_depth = -1;
    for (uint32_t pc = 0; pc < an.n; pc++) {
        if (lines[pc] != line) {
            continue;
        }
        bool ok = false;
        uint32_t to_depth = 0;
        if (from_known && an.reached[pc]) {
            // every temporary live at the target is live here, with a value
            // of a kind it can take (both lists are in slot order)
            to_depth = stack_at(&an, pc, to_slots, to_kinds);
            ok = true;
            uint32_t j = 0;
            for (uint32_t k = 0; ok && k < to_depth; k++) {
                while (j < from_depth && from_slots[j] < to_slots[k]) {
                    j++;
                }
                ok = j < from_depth && from_slots[j] == to_slots[k] &&
                     compatible_kind(from_kinds[j], to_kinds[k]);
            }
        }
        if (ok) {
            err = 0;
            if ((int32_t)to_depth > best_depth) {
                best_depth = (int32_t)to_depth;
                best = (int32_t)pc;
            }
        } else if (err < 0) {
            if (!from_known) {
                msg = "can't jump from unreachable code";
            } else if (!an.reached[pc]) {
                msg = "can't jump into an exception handler, or code may be unreachable";
                err = 1;
            } else {
                msg = explain_incompatible(to_depth ? to_kinds[to_depth - 1] : KIND_OBJECT);
                err = 1;
            }
        }
    }
    if (err) {
        err_format(&exc_ValueError, "%s", msg);
        goto done;
    }
    // A fast local the target may read unchecked, unbound: the hook checks
    // the frame's reads from now on.
    for (uint32_t l = 0; l < an.nlocals; l++) {
        if (!f->slots[l] && bit_get(an.unsafe + (size_t)best * an.lw, l)) {
            vm_trace_guard_frame(f);
            break;
        }
    }
    // Pop what the target does not keep, innermost first.
    uint32_t keep_depth = stack_at(&an, (uint32_t)best, to_slots, to_kinds);
    for (uint32_t k = from_depth; k-- > 0;) {
        bool kept = false;
        for (uint32_t j = 0; j < keep_depth && !kept; j++) {
            kept = to_slots[j] == from_slots[k];
        }
        if (kept) {
            continue;
        }
        Value *slot = &f->slots[an.temp_base + from_slots[k]];
        if (from_kinds[k] == KIND_EXCEPT) {
            vm_thread.handled = *slot == VAL_NONE ? 0 : *slot;
            if (f->flags >= FRAME_HANDLER_ONE) {
                f->flags -= FRAME_HANDLER_ONE;
            }
        }
        *slot = 0;
    }
    *new_pc = (uint32_t)best;
    result = 0;
done:
    free(from_slots);
    free(to_slots);
    free(from_kinds);
    free(to_kinds);
    free(lines);
    analysis_free(&an);
    return result;
}

int vm_jump_guard_check(Frame *f, const Instr *pc) {
    Code *co = f->code;
    Operands o;
    decode(co, (uint32_t)(pc - co->instrs), &o);
    for (int k = 0; k < o.nr; k++) {
        for (uint32_t s = o.rlo[k]; s < o.rhi[k] && s < co->nlocals; s++) {
            if (!f->slots[s]) {
                Value name = tuple_obj(co->varnames)->items[s];
                err_format(&exc_UnboundLocalError,
                           "cannot access local variable '%s' where it is not associated with a value",
                           str_obj(name)->data);
                return -1;
            }
        }
    }
    return 0;
}
