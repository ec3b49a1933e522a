// parser.h - source -> AST, the front end's public entry point.
#ifndef KRAIT_PARSER_H
#define KRAIT_PARSER_H

#include "ast.h"
#include "tokenizer.h"

typedef enum ParseMode {
    PARSE_FILE,    // 'exec': Module
    PARSE_EVAL,    // 'eval': Expression
    PARSE_SINGLE,  // 'single': Interactive
    PARSE_FUNC_TYPE,
    PARSE_FSTRING_EXPR,  // internal: the "(expr)" of an f-string replacement field
} ParseMode;

// Parse src[0..len) into an AST allocated in `arena`. `tokmode` says whether
// the input is raw file bytes (BOM and coding declaration honoured) or text
// already in UTF-8. On failure returns NULL and fills *err exactly as CPython
// 3.11's ast.parse would describe the SyntaxError.
Node *parse_source(Arena *arena, const char *src, size_t len, TokenizerMode tokmode,
                   ParseMode mode, SyntaxErrorInfo *err);

// The 3.x minor version whose grammar the parser implements.
enum { PARSE_LATEST_MINOR = 11 };

// parse_like_ast_parse with options: `type_comments` as compile()'s
// PyCF_TYPE_COMMENTS (type_comment fields and Module.type_ignores filled);
// `feature_version` as its _feature_version (a 3.x minor, -1 for the
// latest): syntax newer than that is a SyntaxError "... only supported in
// Python 3.N and greater".
Node *parse_for_ast(Arena *arena, const char *src, size_t len, TokenizerMode tokmode,
                    ParseMode mode, int type_comments, int feature_version,
                    SyntaxErrorInfo *err);

// parse_source, then what CPython's ast.parse adds: a RecursionError when the
// tree is too deep for its conversion to Python objects. -X dump-ast uses it.
Node *parse_like_ast_parse(Arena *arena, const char *src, size_t len, TokenizerMode tokmode,
                           ParseMode mode, SyntaxErrorInfo *err);

#endif
