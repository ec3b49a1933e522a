// opcodes.h - krait's register bytecode: the one list every table comes from.
//
// The contract between the compiler (src/compile/compiler.c) and the
// interpreter (src/vm/interp.c). Change an op's meaning only in both.
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
// its signed 32-bit word offset, relative to the next instruction (the word after the jump's cache words),
// in B:C.
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
//   ABN   registers A, B; name index C J     jump offset in B:C (A a register or unused)
//   A     one register                 -     none
// "Slot" and "register" are the same thing: an index into frame->slots.
// Reading a slot that holds 0 (unbound) is only allowed in CHECKBOUND,
// DELFAST and the ops that say so: the compiler emits CHECKBOUND before a
// local is read unless it knows the local is bound.
//
// Conventions the compiler and the interpreter share:
//  - Exceptions are zero-cost: Code.exceptions maps pc ranges to handlers.
//    When an instruction in [start, end) raises, the interpreter normalizes
//    the exception, adds a traceback entry for this frame (only when the
//    exception arrives in the frame: raised by an instruction of it, or
//    propagated from a callee; RERAISE adds none), stores the exception
//    object in slot exc_slot and jumps to handler. A handler for `except`
//    or `finally` starts with PUSHEXCINFO exc, saved and ends with
//    POPEXCEPT saved (on every path, including a cleanup range that does
//    POPEXCEPT saved; RERAISE new_exc). `finally` bodies and with-exits are
//    duplicated on the normal path, before return/break/continue, as
//    CPython does.
//  - Calls: a call's callable and arguments sit in consecutive slots.
//    Keyword arguments follow the positional ones, and X bit 0 set means the
//    slot right after the last argument holds the kwnames tuple (LOADK).
//  - Generators: calling a function whose code has CODE_GENERATOR,
//    CODE_COROUTINE or CODE_ASYNC_GENERATOR builds the generator object and
//    does not run the body; no instruction is emitted for it.
//  - Comprehensions are nested functions called with the outermost
//    iterator (slot 0, named ".0"), as in CPython 3.11.
// _(NAME, format, cache words)
#define OPCODES(_)                                                                  \
    /* moves and constants */                                                       \
    _(NOP, -, 0)                                                                    \
    _(MOVE, AB, 0)              /* A = B */                                         \
    _(LOADK, AK, 0)             /* A = K[B] */                                      \
    _(LOADNONE, A, 0)           /* A = None */                                      \
    _(CLEAR, A, 0)              /* A = 0 (unbound; drops a temporary's reference) */ \
    _(CHECKBOUND, AN, 0)        /* UnboundLocalError(names[B]) if A unbound */      \
    _(DELFAST, AN, 0)           /* unbind A; UnboundLocalError(names[B]) if unbound */ \
    /* globals, names, cells */                                                     \
    _(LOADGLOBAL, AN, 3)        /* A = globals/builtins[names[B]] or NameError; cache: \
                                   globals version, builtins version, value */          \
    _(STOREGLOBAL, AN, 0)       /* globals[names[B]] = A */                         \
    _(DELGLOBAL, AN, 0)                                                             \
    _(LOADNAME, AN, 0)          /* locals mapping, then globals, then builtins */   \
    _(STORENAME, AN, 0)         /* locals[names[B]] = A */                          \
    _(DELNAME, AN, 0)                                                               \
    _(LOADDEREF, ABN, 0)        /* A = contents of the cell in slot B; if empty     \
                                   NameError/UnboundLocalError for names[C]: X=1 free var */ \
    _(STOREDEREF, AB, 0)        /* contents of the cell in slot A = B */            \
    _(DELDEREF, AN, 0)          /* empty the cell in slot A (names[B] for the error) */ \
    _(LOADCLASSDEREF, ABN, 0)   /* class body: locals[names[C]], else cell B */     \
    /* attributes */                                                                \
    _(GETATTR, ABN, 3)          /* A = B.names[C]; cache: type version, shape, index */ \
    _(SETATTR, ABN, 3)          /* A.names[C] = B */                                \
    _(DELATTR, AN, 0)           /* del A.names[B] */                                \
    _(LOADMETHOD, ABN, 3)       /* A, A+1 = B.names[C] as (function, B) when the    \
                                   attribute is a plain function/method descriptor on \
                                   the type, else (bound attribute, 0). B may be A+1: \
                                   read it before writing A, A+1 */                  \
    /* subscripts */                                                                \
    _(GETITEM, ABC, 1)          /* A = B[C] */                                      \
    _(SETITEM, ABC, 1)          /* A[B] = C */                                      \
    _(DELITEM, AB, 0)           /* del A[B] */                                      \
    _(GETSLICE, ABC, 0)         /* A = B[slice(C, C+1[, C+2])], X parts (2 or 3):  \
                                   BUILDSLICE and GETITEM in one, with no slice   \
                                   object made for a list, tuple, str or bytes */ \
    _(SETSLICE, ABC, 0)         /* A[slice(B, B+1[, B+2])] = C, X parts; no slice \
                                   object made for a list */                      \
    /* operators */                                                                 \
    _(BINOP, ABC, 1)            /* A = B X C, X a BinOp (runtime/object.h) */       \
    _(INPLACE, ABC, 1)          /* A = B X= C */                                    \
    _(UNARY, AB, 0)             /* A = X B: 0 neg, 1 pos, 2 invert, 3 not */        \
    _(COMPARE, ABC, 1)          /* A = B X C: X a CompareOp (0..5), 6 is, 7 is not, \
                                   8 in, 9 not in */                                \
    _(TRUTH, AB, 0)             /* A = bool(B) */                                   \
    /* control flow */                                                              \
    _(JUMP, J, 0)                                                                   \
    _(JUMPIFTRUE, J, 0)         /* if truth(A) */                                   \
    _(JUMPIFFALSE, J, 0)                                                            \
    _(JUMPIFNONE, J, 0)                                                             \
    _(JUMPIFNOTNONE, J, 0)                                                          \
    _(JUMPIFBOUND, J, 0)        /* if slot A is not 0 */                            \
    _(LOOPHEADER, -, 1)         /* a loop back-edge target: hot counter for the JIT */ \
    /* building */                                                                  \
    _(BUILDTUPLE, ABC, 0)       /* A = (slots B .. B+C-1) */                        \
    _(BUILDLIST, ABC, 0)                                                            \
    _(BUILDSET, ABC, 0)                                                             \
    _(BUILDMAP, ABC, 0)         /* A = {B: B+1, B+2: B+3, ...} from C pairs */      \
    _(BUILDSTRING, ABC, 0)      /* A = ''.join(slots B .. B+C-1), all str */        \
    _(BUILDSLICE, ABC, 0)       /* A = slice(B, B+1) (C=2) or slice(B, B+1, B+2) (C=3) */ \
    _(FORMAT, ABC, 0)           /* A = format(conv(B), spec): X = 0 none, 1 str,    \
                                   2 repr, 3 ascii, bit 2 set: spec in slot C, else '' */ \
    _(LISTAPPEND, AB, 0)        /* A.append(B) */                                   \
    _(LISTEXTEND, AB, 0)        /* A.extend(B) ("Value after * must be an iterable") */ \
    _(LISTTOTUPLE, AB, 0)       /* A = tuple(list B) */                             \
    _(SETADD, AB, 0)                                                                \
    _(SETUPDATE, AB, 0)                                                             \
    _(MAPADD, ABC, 0)           /* A[B] = C */                                      \
    _(DICTUPDATE, AB, 0)        /* A.update(B) for {**B} */                         \
    _(DICTMERGE, ABC, 0)        /* as DICTUPDATE for f(**B): duplicate keys and     \
                                   non-mappings raise TypeError naming function C */ \
    _(UNPACK, ABC, 1)           /* slots A .. A+C-1 = B, exactly C items */         \
    _(UNPACKEX, ABC, 0)         /* A .. A+C-1 = B with a starred target: X items    \
                                   before it, the list at A+X, C-X-1 after */       \
    /* calls */                                                                     \
    _(CALL, ABC, 2)             /* A = B(B+1 .. B+C); X bit 0: kwnames in B+C+1;   \
                                   bit 1: a generator or coroutine it makes is owned \
                                   by the yield from / await that follows */         \
    _(CALLMETHOD, ABC, 2)       /* after LOADMETHOD B: A = B(B+1, B+2 .. B+C+1) if  \
                                   B+1 is not 0, else B(B+2 .. B+C+1); C counts the \
                                   explicit arguments; X bit 0: kwnames in B+C+2 */ \
    _(CALLEX, ABC, 0)           /* A = B(*B+1, **B+2): B+2 a dict if X=1. B+1 is a   \
                                   tuple, or for f(*x) alone the value x itself: make \
                                   it a tuple, TypeError "F() argument after * must   \
                                   be an iterable, not T" if it is not iterable */   \
    _(RETURN, A, 0)                                                                 \
    _(MAKEFUNCTION, ABC, 0)     /* A = function(code K[B]). X flags: 1 defaults     \
                                   tuple, 2 kwdefaults dict, 4 annotations tuple    \
                                   (name, value, name, value...), 8 closure tuple   \
                                   of cells; the present ones in C, C+1, ... */     \
    _(LOADBUILDCLASS, A, 0)     /* A = builtins.__build_class__ */                  \
    /* iteration */                                                                 \
    _(GETITER, AB, 0)           /* A = iter(B); X: GetIterMode below */             \
    _(FORITER, J, 1)            /* A+1 = next(A), or jump when exhausted; A a list, \
                                   tuple or range: A+1 = A[A+2], A+2 += 1; A a      \
                                   small int: see RANGELOOP */                      \
    _(RANGELOOP, J, 0)          /* `for ... in range(...)`: if A+4 is the builtin   \
                                   range and its X arguments A+5.. are small ints:  \
                                   A = step, A+2 = start, A+3 = stop (FORITER steps \
                                   A+2 by A to A+3) and jump to the loop head; else \
                                   fall through to the CALL and GETITER */          \
    /* exceptions */                                                                \
    _(RAISE, AB, 0)             /* X=0: re-raise the handled exception; X=1 raise A; \
                                   X=2 raise A from B */                            \
    _(RERAISE, A, 0)            /* raise the exception in A again, no new traceback entry */ \
    _(PUSHEXCINFO, AB, 0)       /* B = the handled exception (None if none); the    \
                                   handled exception = A */                         \
    _(POPEXCEPT, A, 0)          /* the handled exception = A (None: none) */        \
    _(CHECKEXCMATCH, ABC, 0)    /* A = bool(B matches C, a class or tuple); TypeError \
                                   if C holds a non-BaseException class */          \
    _(CHECKEGMATCH, ABC, 0)     /* except*: split group B by C: A = match or None,  \
                                   A+1 = the rest: B itself when nothing matched (B \
                                   None: both None), None when all of it matched.   \
                                   A match becomes the handled exception. TypeError \
                                   as CHECKEXCMATCH for a bad C */                  \
    _(PREPRERAISESTAR, ABC, 0)  /* except*: A = what to raise at the end of the     \
                                   handlers, from original B and list C of raised   \
                                   and unhandled groups (None if nothing) */        \
    _(LOADASSERTIONERROR, A, 0)                                                     \
    /* with */                                                                      \
    _(BEFOREWITH, AB, 0)        /* A = B.__enter__(); A+1 = bound B.__exit__ */     \
    _(BEFOREASYNCWITH, AB, 0)   /* A = B.__aenter__() (awaitable); A+1 = __aexit__ */ \
    _(WITHEXCEPTSTART, ABC, 0)  /* A = B(type(C), C, C.__traceback__) */            \
    /* generators and coroutines */                                                 \
    _(YIELD, AB, 0)             /* yield B; the value sent in arrives in A */       \
    _(GETYIELDFROMITER, AB, 0)  /* A = iter(B) unless B is a generator/coroutine; \
                                   X=1: `yield from f(...)`, B = 0 after */         \
    _(YIELDFROM, AB, 0)         /* A = the result of delegating to B (yield from /  \
                                   await): the frame yields what B yields; resuming \
                                   re-executes this op, which passes on send/throw. \
                                   X=1: B came from a marked call (CALL X bit 1):   \
                                   its memory is given back at the end (gen.c) */   \
    _(GETAWAITABLE, AB, 0)      /* A = B.__await__() (B itself for coroutines); X:  \
                                   0 await, 1 after __aenter__, 2 after __aexit__,  \
                                   GETAWAITABLE_MOVE `await f(...)`: B = 0 after */ \
    _(GETAITER, AB, 0)                                                              \
    _(GETANEXT, AB, 0)          /* A = awaitable of B.__anext__() */                \
    _(ENDASYNCFOR, A, 0)        /* async for's handler around GETANEXT/YIELDFROM: if \
                                   the exception in A is a StopAsyncIteration, the  \
                                   loop is over (go on with the next instruction);   \
                                   else raise A again, as RERAISE */                \
    _(ASYNCGENWRAP, AB, 0)      /* A = B wrapped as an async generator's yielded value */ \
    /* imports and module-level */                                                  \
    _(IMPORTNAME, ABN, 0)       /* A = __import__(names[C], globals, locals, fromlist \
                                   B (tuple or None), level X) */                   \
    _(IMPORTFROM, ABN, 0)       /* A = B.names[C] or ImportError */                 \
    _(IMPORTSTAR, A, 0)         /* from module A import * into the locals */        \
    _(SETUPANNOTATIONS, -, 0)   /* locals['__annotations__'] = {} unless present */ \
    _(PRINTEXPR, A, 0)          /* interactive mode: sys.displayhook(A) */          \
    /* pattern matching (CPython 3.11's semantics) */                               \
    _(MATCHCLASS, ABC, 0)       /* A = tuple of attributes or None: subject B,      \
                                   class B+1, kw names tuple B+2, X positional */   \
    _(MATCHMAPPING, AB, 0)      /* A = bool(B is a mapping) */                      \
    _(MATCHSEQUENCE, AB, 0)     /* A = bool(B is a sequence for match) */           \
    _(MATCHKEYS, ABC, 0)        /* A = tuple of B[k] for k in tuple C, or None */   \
    _(GETLEN, AB, 0)            /* A = len(B) */                                    \
    _(COPYDICTWITHOUTKEYS, ABC, 0) /* A = dict(B) without the keys in tuple C */

// The specialized forms (quickening, src/vm/specialize.h): only the
// interpreter writes them, over an instruction of their generic op, whose
// operands and cache words they share. _(NAME, generic op)
#define SPECIALIZED_OPCODES(_)                                                      \
    _(GETATTR_SLOT, GETATTR)       /* an instance attribute in a shape slot */      \
    _(GETATTR_CLASSVAL, GETATTR)   /* a class attribute that is a plain value */    \
    _(GETATTR_MODULE, GETATTR)     /* a module global */                            \
    _(GETATTR_TYPEVAL, GETATTR)    /* Cls.name: a plain value, function or          \
                                      staticmethod's function of a class */         \
    _(GETATTR_MEMBER, GETATTR)     /* a __slots__ member (a field at an offset) */  \
    _(SETATTR_SLOT, SETATTR)       /* store into an existing shape slot */          \
    _(SETATTR_MEMBER, SETATTR)     /* store into a __slots__ member */              \
    _(SETATTR_ADD, SETATTR)        /* add an attribute: a known shape transition */ \
    _(LOADMETHOD_TYPE, LOADMETHOD) /* a function/method descriptor of the class */  \
    _(LOADMETHOD_MODULE, LOADMETHOD) /* mod.f(...): a module global, no self */     \
    _(LOADMETHOD_TYPEVAL, LOADMETHOD) /* Cls.f(...): as GETATTR_TYPEVAL, no self */ \
    _(LOADMETHOD_SLOT, LOADMETHOD) /* o.f(...) where f is an instance attribute in \
                                      a shape slot (a stored bound method): as     \
                                      GETATTR_SLOT, no self */                     \
    _(BINOP_ADD_INT, BINOP)        /* small int + small int (overflow: generic) */  \
    _(BINOP_SUB_INT, BINOP)                                                         \
    _(BINOP_ADD_FLOAT, BINOP)      /* floats, or a float and a small int */         \
    _(BINOP_SUB_FLOAT, BINOP)                                                       \
    _(BINOP_MUL_FLOAT, BINOP)                                                       \
    _(BINOP_DIV_FLOAT, BINOP)      /* true division (by zero: generic) */           \
    _(INPLACE_ADD_INT, INPLACE)    /* as the BINOP forms: ints and floats have no   \
                                      in-place slots */                             \
    _(INPLACE_SUB_INT, INPLACE)                                                     \
    _(INPLACE_ADD_FLOAT, INPLACE)                                                   \
    _(INPLACE_SUB_FLOAT, INPLACE)                                                   \
    _(INPLACE_MUL_FLOAT, INPLACE)

typedef enum Opcode {
#define OPCODE_ENUM_(name, fmt, cache) OP_##name,
    OPCODES(OPCODE_ENUM_)
#undef OPCODE_ENUM_
#define SPECIALIZED_ENUM_(name, generic) OP_##name,
    SPECIALIZED_OPCODES(SPECIALIZED_ENUM_)
#undef SPECIALIZED_ENUM_
    OP__COUNT
} Opcode;

_Static_assert(OP__COUNT <= 256, "opcodes must fit 8 bits");

// The cache words of each op as constants, CACHE_<NAME>; a specialized form
// has its generic op's.
// GETITER's X. A `for` loop (statement or comprehension) owns four slots:
// A the iterator, A+1 the item FORITER gives, A+2 and A+3 the state of a
// loop without an iterator object. An exact list, tuple or range of small
// ints is stepped in place: A is the sequence itself, and FORITER steps the
// index A+2 over it, as the sequence's iterator would (the length is read at
// each step). `range(...)` called with small ints is not even made
// (RANGELOOP): A is the step, a small int, A+2 the next value and A+3 the
// stop. iter() never returns an int or one of those three types (they are
// not iterators), so A's type tells the kinds of loop apart.
// GETAWAITABLE's X: 1 and 2 name `async with`'s __aenter__ / __aexit__ in
// errors; GETAWAITABLE_MOVE: `await f(...)`, B is cleared (mark_fresh_call).
enum { GETAWAITABLE_MOVE = 3 };

typedef enum GetIterMode {
    GETITER_PLAIN = 0,   // A = iter(B)
    GETITER_LOOP = 1,    // a loop's own: A = B in place (A+2 = 0), or iter(B)
    GETITER_PASS = 2,    // the iterable a list/set/dict comprehension is
                         // called with: B in place, or iter(B); A+2 untouched
    GETITER_PASSED = 3,  // the comprehension's loop over what its caller
                         // passed (".0"): A = B, A+2 = 0; no iter() call
} GetIterMode;

enum OpcodeCacheWords {
#define OPCODE_CACHE_CONST_(name, fmt, cache) CACHE_##name = cache,
    OPCODES(OPCODE_CACHE_CONST_)
#undef OPCODE_CACHE_CONST_
#define SPECIALIZED_CACHE_CONST_(name, generic) CACHE_##name = CACHE_##generic,
    SPECIALIZED_OPCODES(SPECIALIZED_CACHE_CONST_)
#undef SPECIALIZED_CACHE_CONST_
};

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
// The generic op of each op (itself for a generic one).
extern const uint8_t opcode_generic[OP__COUNT];

#endif
