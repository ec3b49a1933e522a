// compile.h - source or AST -> code objects (src/compile/compiler.c).
//
// The compiler walks the checked AST with the symbol table and emits the
// register bytecode of src/vm/opcodes.h: one Code per module, function,
// lambda, comprehension and class body, nested Codes as constants.
#ifndef KRAIT_COMPILE_H
#define KRAIT_COMPILE_H

#include "../parse/parser.h"
#include "../runtime/arena.h"
#include "../vm/code.h"
#include "symtable.h"

typedef enum CompileMode {
    COMPILE_EXEC,    // a module / exec(): Module
    COMPILE_EVAL,    // eval(): Expression; the code returns the value
    COMPILE_SINGLE,  // interactive: Interactive; expression statements call PRINTEXPR
} CompileMode;

// Compile a tree that compile_check() accepted, with its symbol table.
// `filename` is a str. Returns the Code, or NULL with an exception pending
// (SyntaxError for the few errors only code generation finds, such as "too
// many statically nested blocks", MemoryError, RecursionError).
Code *compile_tree(Arena *arena, Node *mod, SymTable *st, Value filename, CompileMode mode,
                   int flags, int optimize);

// Parse, check and compile: what builtins.compile() does for source text.
// `tokmode` TOKMODE_FILE for file bytes (coding declarations honoured),
// TOKMODE_STRING for text. Returns the Code, or NULL with the SyntaxError
// (an exception object with CPython's fields) pending.
Code *compile_source(const char *src, size_t len, TokenizerMode tokmode, Value filename,
                     CompileMode mode, int flags, int optimize);

// Issue the front end's warnings (err->warnings) through the warnings
// module, in source order. A warning that a filter turns into an error
// becomes a SyntaxError at the warning's location with its message, as in
// CPython. `src` (may be NULL: a tree made from ast objects) supplies the
// error's text. 0, or -1 with the exception pending.
int compile_issue_warnings(Arena *arena, const SyntaxErrorInfo *err, Value filename,
                           const char *src, size_t len, TokenizerMode tokmode);

// Turn a front-end error report into the pending exception (SyntaxError,
// IndentationError, TabError, RecursionError, MemoryError...).
void compile_raise_syntax_error(const SyntaxErrorInfo *err, Value filename);

#endif
