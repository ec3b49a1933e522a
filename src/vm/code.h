// code.h - code objects and interpreter frames (plan of record for issue 3).
//
// The compiler (src/compile/compiler.c) produces Code, the interpreter
// (src/vm/interp.c) runs Frames; src/vm/code.c holds the code type.
//
// A Code is immutable except for its instruction words, which the
// specializer rewrites in place (quickening) and whose cache words it owns.
//
// Frame slots ("registers"), in order:
//     [0, nparams)                  parameters (positional, then *args, kw-only, **kwargs)
//     [nparams, nlocals)            other local variables
//     [nlocals, nlocals + ncells)   cells for variables captured by inner functions: the
//                                   interpreter puts a new cell in each at entry, holding
//                                   the argument's value for a captured parameter
//     [.., + nfrees)                free variables: the closure's cells, copied at entry
//     [.., + nconstregs)            constant registers: constants the code's first
//                                   instructions load, read as operands by loops
//     [.., nslots)                  temporaries, allocated by the compiler like registers
// Which slots may hold a live value depends on the pc: locals, cells, free
// variables and constant registers always; temporaries only while the
// expression or statement that uses them runs (code_live_slots).
// Every slot holds a Value or 0 ("unbound"), so the collector scans frames
// precisely as plain Value arrays.
//
// Calls between Python functions do not recurse on the C stack: frames live
// on a contiguous per-thread VM stack, and CALL pushes one and continues the
// dispatch loop. Generators own a heap copy of their frame.
#ifndef KRAIT_CODE_H
#define KRAIT_CODE_H

#include <stdint.h>
#include <stdio.h>

#include "../runtime/object.h"
#include "opcodes.h"

enum CodeFlags {  // the CPython co_flags values, so that inspect.CO_* agree
    CODE_OPTIMIZED = 0x0001,
    CODE_NEWLOCALS = 0x0002,
    CODE_VARARGS = 0x0004,
    CODE_VARKEYWORDS = 0x0008,
    CODE_NESTED = 0x0010,
    CODE_GENERATOR = 0x0020,
    CODE_NOFREE = 0x0040,
    CODE_COROUTINE = 0x0080,
    CODE_ITERABLE_COROUTINE = 0x0100,
    CODE_ASYNC_GENERATOR = 0x0200,
};

// One protected range of the zero-cost exception table: an exception raised
// by an instruction in [start, end) jumps to `handler` with the exception
// object in slot `exc_slot`. Entries are sorted by start and never overlap:
// the compiler labels each instruction with its innermost handler only, so
// nesting shows as adjacent ranges (code_find_handler is a binary search).
typedef struct ExceptionRange {
    uint32_t start, end, handler;
    uint16_t exc_slot;
    uint16_t depth;       // nesting depth (innermost ranges have the largest), for dis
} ExceptionRange;

typedef struct Code {
    Object header;
    Instr *instrs;            // instructions and their cache words
    uint32_t ninstrs;
    uint32_t flags;           // CodeFlags
    uint16_t argcount, posonlyargcount, kwonlyargcount;
    uint16_t nlocals, ncells, nfrees, nslots;
    Value consts;             // tuple; a function's K[0] is its docstring or None
    Value names;              // tuple of interned str: globals, attributes, imports
    Value varnames;           // tuple: the names of slots [0, nlocals)
    Value cellvars, freevars; // tuples of names
    Value name, qualname, filename;  // str
    int32_t firstlineno;
    // Bumped by whatever changes a field above once the code exists
    // (_imp._fix_co_filename): see GcStampFunc.
    uint32_t gc_stamp;
    // pc -> source position, compressed (line, end line, column, end column
    // per instruction run); decoded by code_position().
    uint8_t *linetable;
    uint32_t nlinetable;
    // pc -> how many leading slots may be live there (runs of equal counts).
    uint8_t *livetable;
    uint32_t nlivetable;
    ExceptionRange *exceptions;
    uint32_t nexceptions;
    // JIT and specialization bookkeeping
    uint16_t warmup;          // counts calls until quickening
    // How a call binds its arguments (interp.c, filled on the first call):
    // CODE_CALL_UNKNOWN, CODE_CALL_GENERAL, or n + 1 when a call with exactly
    // n positional arguments and no keywords just copies them into slots
    // 0..n-1 (no *args, **kwargs, keyword-only parameters or cells; not a
    // generator or coroutine; free variables are copied from the closure).
    uint16_t call_argc;
    void *jit;                // compiled traces rooted in this code, if any
    // The line of each instruction word (-1: none), made when a trace
    // function first needs it (code_line_at); malloc'ed, or NULL.
    int32_t *lines;
} Code;

typedef struct Frame Frame;
struct Frame {
    Code *code;
    Frame *back;              // the caller's frame
    const Instr *pc;          // the instruction executing (or that suspended / called out)
    Value func;               // the function object (closures, defaults), or 0 for module code
    Value globals, builtins;  // dicts
    Value locals;             // mapping for module/class bodies and exec(); 0 in functions
    Value frame_object;       // the Python-visible frame, materialized on demand, or 0
    Value sent;               // generator frames: value passed to YIELDFROM / last yielded
    uint32_t flags;           // FRAME_* (vm/interp_internal.h)
    uint32_t nslots;
    Value slots[];            // code->nslots Values
};

enum { CODE_CALL_UNKNOWN = 0, CODE_CALL_GENERAL = 0xffff };

// The source position of the instruction at `pc_index`.
typedef struct SourcePos {
    int32_t lineno, end_lineno, col, end_col;  // -1 when unknown
} SourcePos;

extern Type type_code;

// Decode the line table (src/vm/code.c). pc_index counts instruction words
// (cache words included; they share their op's position).
SourcePos code_position(const Code *code, uint32_t pc_index);
// Its line alone, from a table decoded once per code object (for line
// tracing, which asks at every instruction); -1 when unknown, -2 when out
// of memory (MemoryError set).
int32_t code_line_at(Code *code, uint32_t pc_index);
// Build a line table from one position per instruction word (the compiler):
// malloc'ed, *out_len bytes; NULL when out of memory.
uint8_t *code_encode_linetable(const SourcePos *pos, uint32_t n, int32_t firstlineno,
                               uint32_t *out_len);
// Print the instructions in a readable form (krait -X dis).
void code_disassemble(const Code *code, FILE *out);

// How many leading slots of a frame running `code` may hold live values while
// the instruction at pc_index executes (or is suspended or calling out): the
// locals, cells, free variables, constant registers and the temporaries in
// use there. Slots past it are dead: a collector need not trace them, and
// may clear them. pc_index counts words, as for code_position.
uint32_t code_live_slots(const Code *code, uint32_t pc_index);
// Build a live-slots table from one count per instruction word (the
// compiler): malloc'ed, *out_len bytes; NULL when out of memory.
uint8_t *code_encode_livetable(const uint32_t *live, uint32_t n, uint32_t *out_len);

// The handler for an exception raised at pc_index, or NULL.
const ExceptionRange *code_find_handler(const Code *code, uint32_t pc_index);

#endif
