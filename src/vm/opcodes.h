// opcodes.h - krait's register bytecode: the one list every table comes from.
//
// STATUS: the plan of record for the compiler and interpreter (issue 3);
// nothing executes it yet. Change it freely while those land, but keep the
// encoding rules below.
//
// Encoding. An instruction is one 64-bit word:
//
//     63      56 55           40 39           24 23            8 7       0
//     +---------+---------------+---------------+---------------+---------+
//     |    X    |       C       |       B       |       A       |   op    |
//     +---------+---------------+---------------+---------------+---------+
//
// A, B, C are 16-bit operands: frame slots ("registers": locals first, then
// cells and free variables, then temporaries), constant indexes, name
// indexes or counts, as the op's format says. X is an 8-bit sub-operation
// (which binary operator, which comparison, which conversion). A jump keeps
// its signed 32-bit word offset, relative to the next instruction, in B:C.
// 16 bits of registers and constants per code object is a limit CPython code
// never meets in practice; the compiler reports "too many ..." past it.
// Words instead of CPython's 16-bit units: no EXTENDED_ARG, one load per
// dispatch, and operands decode with shifts.
//
// Inline caches (quickening, DESIGN.md section 7): an op with cache words N
// is followed by N words the specializer owns (type version, shape, slot
// index, dict version...). The interpreter skips them; the generic op and
// its specialized forms share the same N so that rewriting an op in place
// never moves code. Specialized forms are listed with their generic op.
//
// ORDER OPCODES: the interpreter's computed-goto table and the
// disassembler's names are generated from this list.
#ifndef KRAIT_OPCODES_H
#define KRAIT_OPCODES_H

#include <stdint.h>

typedef uint64_t Instr;

// Operand formats:
//   ABC   three registers / counts     AB    two registers
//   AK    register, constant index B   AN    register, name index B
//   ABN   registers A, B; name index C J     jump offset in B:C (A unused or a register)
//   A     one register                 -     none
// _(NAME, format, cache words)
#define OPCODES(_)                                                                  \
    /* moves and constants */                                                       \
    _(NOP, -, 0)                                                                    \
    _(MOVE, AB, 0)              /* A = B */                                         \
    _(LOADK, AK, 0)             /* A = K[B] */                                      \
    _(LOADNONE, A, 0)                                                               \
    _(CHECKBOUND, AN, 0)        /* raise UnboundLocalError(names[B]) if A unbound */ \
    _(DELFAST, AN, 0)           /* unbind A (raising if already unbound) */         \
    /* globals, names, cells */                                                     \
    _(LOADGLOBAL, AN, 2)        /* A = globals/builtins[names[B]]; cache: versions */ \
    _(STOREGLOBAL, AN, 0)       /* globals[names[B]] = A */                         \
    _(DELGLOBAL, AN, 0)                                                             \
    _(LOADNAME, AN, 0)          /* locals dict, then globals, then builtins */      \
    _(STORENAME, AN, 0)                                                             \
    _(DELNAME, AN, 0)                                                               \
    _(MAKECELL, A, 0)           /* slot A = cell(slot A) at function entry */       \
    _(LOADDEREF, AB, 0)         /* A = cell B's contents (UnboundLocal/NameError) */ \
    _(STOREDEREF, AB, 0)        /* cell A's contents = B */                         \
    _(DELDEREF, A, 0)                                                               \
    _(LOADCLASSDEREF, ABN, 0)   /* class body: locals dict, else cell B */          \
    /* attributes */                                                                \
    _(GETATTR, ABN, 3)          /* A = B.names[C]; cache: type version, shape, index */ \
    _(SETATTR, ABN, 3)          /* A.names[C] = B */                                \
    _(DELATTR, ABN, 0)          /* del A.names[C] (B unused) */                     \
    _(LOADMETHOD, ABN, 3)       /* A = B.names[C] as (function, self) in A, A+1 */  \
    _(LOADSUPERATTR, ABN, 2)    /* super().names[C] for zero-arg super in methods */ \
    /* subscripts */                                                                \
    _(GETITEM, ABC, 1)          /* A = B[C] */                                      \
    _(SETITEM, ABC, 1)          /* A[B] = C */                                      \
    _(DELITEM, AB, 0)           /* del A[B] */                                      \
    _(GETSLICE, ABC, 0)         /* A = B[C:C+1] (C, C+1 hold start, stop) */        \
    _(SETSLICE, ABC, 0)         /* A[B:B+1] = C */                                  \
    /* operators */                                                                 \
    _(BINOP, ABC, 1)            /* A = B X C, X a BinOp (runtime/object.h) */       \
    _(INPLACE, ABC, 1)          /* A = B X= C */                                    \
    _(UNARY, AB, 0)             /* A = X B: 0 neg, 1 pos, 2 invert, 3 not */        \
    _(COMPARE, ABC, 1)          /* A = B X C, X a CompareOp or IS/ISNOT/IN/NOTIN */ \
    /* control flow */                                                              \
    _(JUMP, J, 0)                                                                   \
    _(JUMPIFTRUE, J, 0)         /* if truth(A) */                                   \
    _(JUMPIFFALSE, J, 0)                                                            \
    _(JUMPIFNONE, J, 0)                                                             \
    _(JUMPIFNOTNONE, J, 0)                                                          \
    _(LOOPHEADER, -, 1)         /* a loop back-edge target: hot counter for the JIT */ \
    /* building */                                                                  \
    _(BUILDTUPLE, ABC, 0)       /* A = (slots B .. B+C-1) */                        \
    _(BUILDLIST, ABC, 0)                                                            \
    _(BUILDSET, ABC, 0)                                                             \
    _(BUILDMAP, ABC, 0)         /* A = {B: B+1, ...} from C pairs */                \
    _(BUILDCONSTKEYMAP, ABC, 0) /* keys: the constant tuple K[X...]; values B.. */  \
    _(BUILDSTRING, ABC, 0)      /* A = ''.join(slots B .. B+C-1) */                 \
    _(BUILDSLICE, ABC, 0)       /* A = slice(B, B+1[, B+2]); C = 2 or 3 */          \
    _(FORMAT, ABC, 0)           /* A = format(B, C or ''), X = conversion */        \
    _(LISTAPPEND, AB, 0)        /* A.append(B) */                                   \
    _(LISTEXTEND, AB, 0)                                                            \
    _(LISTTOTUPLE, AB, 0)                                                           \
    _(SETADD, AB, 0)                                                                \
    _(SETUPDATE, AB, 0)                                                             \
    _(MAPADD, ABC, 0)           /* A[B] = C */                                      \
    _(DICTUPDATE, AB, 0)                                                            \
    _(DICTMERGE, AB, 0)         /* for **kwargs in calls: duplicate keys raise */   \
    _(UNPACK, ABC, 1)           /* slots A .. A+C-1 = B, exactly C items */         \
    _(UNPACKEX, ABC, 0)         /* starred: X before, C - X - 1 after */            \
    /* calls */                                                                     \
    _(CALL, ABC, 2)             /* A = B(B+1 .. B+C) */                             \
    _(CALLKW, ABC, 2)           /* as CALL; K[X-indexed] kwnames tuple closes args */ \
    _(CALLMETHOD, ABC, 2)       /* A = B(B+1 = self or unbound, B+2 ...) */         \
    _(CALLEX, ABC, 0)           /* A = B(*B+1, **B+2 or none) */                    \
    _(RETURN, A, 0)                                                                 \
    _(MAKEFUNCTION, ABC, 0)     /* A = function(K[B]); X flags: defaults, kwdefaults, \
                                   annotations, closure in C, C+1, ... */           \
    _(LOADBUILDCLASS, A, 0)                                                         \
    /* iteration */                                                                 \
    _(GETITER, AB, 0)                                                               \
    _(FORITER, J, 1)            /* A+1 = next(A) or jump when exhausted */          \
    /* exceptions (zero-cost: the code's exception table maps pc ranges) */         \
    _(RAISE, AB, 0)             /* raise A [from B]; X says which are present */    \
    _(RERAISE, A, 0)                                                                \
    _(PUSHEXCINFO, AB, 0)       /* A = exception being handled; save previous in B */ \
    _(POPEXCEPT, A, 0)          /* restore the previous exc_info from A */          \
    _(CHECKEXCMATCH, ABC, 0)    /* A = isinstance-match(B exception, C type(s)) */  \
    _(CHECKEGMATCH, ABC, 0)     /* except*: split group B by C into A, A+1 */       \
    _(PREPRERAISESTAR, ABC, 0)                                                      \
    _(LOADASSERTIONERROR, A, 0)                                                     \
    /* with */                                                                      \
    _(BEFOREWITH, AB, 0)        /* A = B.__enter__(); A+1 = bound __exit__ */       \
    _(BEFOREASYNCWITH, AB, 0)                                                       \
    _(WITHEXCEPTSTART, ABC, 0)  /* A = exit(type, value, tb) of exception B */      \
    /* generators and coroutines */                                                 \
    _(RETURNGENERATOR, -, 0)    /* function entry: turn this frame into a generator */ \
    _(YIELD, AB, 0)             /* yield B; the value sent in arrives in A */       \
    _(GETYIELDFROMITER, AB, 0)                                                      \
    _(SEND, J, 0)               /* delegate to A+1 with value A; jump when done */  \
    _(GETAWAITABLE, AB, 0)                                                          \
    _(GETAITER, AB, 0)                                                              \
    _(GETANEXT, AB, 0)                                                              \
    _(ENDASYNCFOR, A, 0)                                                            \
    /* imports and module-level */                                                  \
    _(IMPORTNAME, ABN, 0)       /* A = __import__(names[C], fromlist B, level X) */ \
    _(IMPORTFROM, ABN, 0)       /* A = B.names[C] or ImportError */                 \
    _(IMPORTSTAR, A, 0)                                                             \
    _(SETUPANNOTATIONS, -, 0)                                                       \
    _(PRINTEXPR, A, 0)          /* interactive mode: sys.displayhook(A) */          \
    /* pattern matching */                                                          \
    _(MATCHCLASS, ABC, 0)                                                           \
    _(MATCHMAPPING, AB, 0)                                                          \
    _(MATCHSEQUENCE, AB, 0)                                                         \
    _(MATCHKEYS, ABC, 0)                                                            \
    _(GETLEN, AB, 0)                                                                \
    _(COPYDICTWITHOUTKEYS, ABC, 0)

typedef enum Opcode {
#define OPCODE_ENUM_(name, fmt, cache) OP_##name,
    OPCODES(OPCODE_ENUM_)
#undef OPCODE_ENUM_
    OP__COUNT
} Opcode;

_Static_assert(OP__COUNT <= 256, "opcodes must fit 8 bits");

// ---- encoding --------------------------------------------------------------

static inline Instr instr_abc(Opcode op, unsigned a, unsigned b, unsigned c, unsigned x) {
    return (Instr)op | ((Instr)(a & 0xffff) << 8) | ((Instr)(b & 0xffff) << 24) |
           ((Instr)(c & 0xffff) << 40) | ((Instr)(x & 0xff) << 56);
}
static inline Instr instr_jump(Opcode op, unsigned a, int32_t offset) {
    return (Instr)op | ((Instr)(a & 0xffff) << 8) | ((Instr)(uint32_t)offset << 24);
}
static inline Opcode instr_op(Instr i) { return (Opcode)(i & 0xff); }
static inline unsigned instr_a(Instr i) { return (unsigned)(i >> 8) & 0xffff; }
static inline unsigned instr_b(Instr i) { return (unsigned)(i >> 24) & 0xffff; }
static inline unsigned instr_c(Instr i) { return (unsigned)(i >> 40) & 0xffff; }
static inline unsigned instr_x(Instr i) { return (unsigned)(i >> 56); }
static inline int32_t instr_offset(Instr i) { return (int32_t)(uint32_t)(i >> 24); }

extern const char *const opcode_names[OP__COUNT];
extern const uint8_t opcode_cache_words[OP__COUNT];

#endif
