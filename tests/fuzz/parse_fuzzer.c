// parse_fuzzer.c - libFuzzer harness for the tokenizer, the parser and the AST dump.
//
// Every input is run through the front end exactly as `krait -X dump-ast`
// would run it, with a fresh Arena each time: parse_like_ast_parse() (or
// parse_source() in the other modes), then ast_dump() of the tree on success.
// A crash, a sanitizer report, a hang (-timeout) or one of the invariant
// checks below failing is a bug: bad input must only ever produce a
// SyntaxError.
//
// Choosing the mode. Seeds are plain Python files and most inputs should stay
// plain Python, so the mode is NOT taken from every input's first byte (that
// would eat the first character of every seed). Instead an input that starts
// with one of the control bytes \x01..\x06, which never begin a real Python
// file, has that byte stripped and selects another mode; any other input is
// parsed as file bytes in 'exec' mode. The fuzzer finds these prefixes by
// itself (they are also in the dictionary and in a few seeds):
//
//   (none)  TOKMODE_FILE   PARSE_FILE       the file path (BOM, coding cookie), through
//                                           parse_like_ast_parse() as -X dump-ast does
//   \x01    TOKMODE_STRING PARSE_EVAL       eval() of a str
//   \x02    TOKMODE_STRING PARSE_FILE       exec() of a str
//   \x03    TOKMODE_STRING PARSE_SINGLE     interactive statement
//   \x04    TOKMODE_STRING PARSE_FUNC_TYPE  a "(int) -> str" type comment
//   \x05    tokenizer only, TOKMODE_FILE    every token up to ENDMARKER or error
//   \x06    tokenizer only, TOKMODE_STRING
//
// TOKMODE_STRING stands for a Python str, which is always valid UTF-8 (the
// tokenizer relies on that and does not re-validate it). So a string-mode
// input that is not strict UTF-8 is run in the corresponding file mode
// instead: a violated precondition is not a finding.
//
// Invariants checked beyond "no crash": a failed parse always describes its
// error (err.set, a NUL-terminated message, a readable err.text), and the
// tokenizer terminates within a number of tokens proportional to the input.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/ast_dump.h"
#include "parse/parser.h"
#include "parse/tokenizer.h"
#include "runtime/arena.h"
#include "runtime/strbuf.h"

// Abort with a message libFuzzer shows next to the crash reproducer.
static void fuzz_fail(const char *what, const uint8_t *data, size_t size) {
    fprintf(stderr, "parse_fuzzer: invariant violated: %s (input %zu bytes)\n", what, size);
    abort();
}

// Read every byte of the error record, so that ASan notices a dangling or
// unterminated `text` and a bad message; return the total length so the
// compiler cannot drop the reads.
static size_t touch_error(const SyntaxErrorInfo *err, const uint8_t *data, size_t size) {
    if (!err->set) {
        fuzz_fail("parse failed without recording an error", data, size);
    }
    if (memchr(err->msg, 0, sizeof err->msg) == NULL) {
        fuzz_fail("error message is not NUL-terminated", data, size);
    }
    size_t n = strlen(err->msg);
    if (err->text) {
        n += strlen(err->text);
    }
    return n;
}

// Strict UTF-8 as Python's str.encode() produces it: no overlong forms, no
// surrogates, nothing above U+10FFFF. Written here rather than taken from the
// runtime so that the harness does not trust the code it tests.
static int valid_utf8(const uint8_t *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint8_t c = s[i];
        size_t k;
        uint32_t cp, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xe0) == 0xc0) {
            k = 1, cp = c & 0x1f, min = 0x80;
        } else if ((c & 0xf0) == 0xe0) {
            k = 2, cp = c & 0x0f, min = 0x800;
        } else if ((c & 0xf8) == 0xf0) {
            k = 3, cp = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i <= k) {
            return 0;
        }
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80) {
                return 0;
            }
            cp = (cp << 6) | (s[i + j] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return 0;
        }
        i += k + 1;
    }
    return 1;
}

static void fuzz_tokenizer(const uint8_t *data, size_t size, TokenizerMode tokmode) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Tokenizer *t = tok_new(&arena, (const char *)data, size, tokmode, &err);
    if (t) {
        // Each token consumes at least one byte except NEWLINE/INDENT/DEDENT
        // and ENDMARKER, and those are bounded by lines and indent levels.
        size_t limit = 4 * size + 1000;
        size_t count = 0;
        Token tok;
        for (;;) {
            if (tok_next(t, &tok) < 0) {
                touch_error(tok_error(t), data, size);
                break;
            }
            if (tok.type >= T__COUNT) {
                fuzz_fail("token type out of range", data, size);
            }
            if (tok.end < tok.start) {
                fuzz_fail("token ends before it starts", data, size);
            }
            if (tok.type == T_ENDMARKER) {
                break;
            }
            if (++count > limit) {
                fuzz_fail("tokenizer does not reach ENDMARKER", data, size);
            }
        }
    } else {
        touch_error(&err, data, size);
    }
    arena_free(&arena);
}

// like_ast_parse: go through parse_like_ast_parse() (parse_source() plus
// ast.parse's depth check), the path of `krait -X dump-ast`; otherwise call
// parse_source() alone, so that ast_dump() also sees trees of any depth.
static void fuzz_parser(const uint8_t *data, size_t size, TokenizerMode tokmode,
                        ParseMode mode, int like_ast_parse) {
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = like_ast_parse
                     ? parse_like_ast_parse(&arena, (const char *)data, size, tokmode, mode, &err)
                     : parse_source(&arena, (const char *)data, size, tokmode, mode, &err);
    if (tree) {
        StrBuf out;
        sb_init(&out);
        ast_dump(&out, tree, 1);
        if (out.len == 0 || out.data == NULL) {
            fuzz_fail("ast_dump produced nothing", data, size);
        }
        sb_free(&out);
    } else {
        touch_error(&err, data, size);
    }
    arena_free(&arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 0 && data[0] >= 1 && data[0] <= 6) {
        uint8_t sel = data[0];
        data++;
        size--;
        if (sel != 5 && !valid_utf8(data, size)) {
            sel = sel == 6 ? 5 : 0;
        }
        switch (sel) {
        case 0: fuzz_parser(data, size, TOKMODE_FILE, PARSE_FILE, 0); break;
        case 1: fuzz_parser(data, size, TOKMODE_STRING, PARSE_EVAL, 0); break;
        case 2: fuzz_parser(data, size, TOKMODE_STRING, PARSE_FILE, 0); break;
        case 3: fuzz_parser(data, size, TOKMODE_STRING, PARSE_SINGLE, 0); break;
        case 4: fuzz_parser(data, size, TOKMODE_STRING, PARSE_FUNC_TYPE, 0); break;
        case 5: fuzz_tokenizer(data, size, TOKMODE_FILE); break;
        default: fuzz_tokenizer(data, size, TOKMODE_STRING); break;
        }
        return 0;
    }
    fuzz_parser(data, size, TOKMODE_FILE, PARSE_FILE, 1);
    return 0;
}
