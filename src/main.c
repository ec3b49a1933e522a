// main.c - the krait command line.
//
// The shape follows CPython's `python3.11`: `krait [option] ... [-c cmd | -m
// mod | file | -] [arg] ...`, the same short options (combinable, `-cCMD` and
// `-c CMD` both work, `-c`/`-m` end the option list), the same long options,
// the same usage errors and exit statuses (2 for a usage error). Every CPython
// flag is accepted; most have nothing to act on yet and are recorded only.
//
// Until the interpreter exists, running a program is refused with exit
// status 2, and the front end is reachable through krait-specific -X options:
//
//   -X dump-ast          parse the program (file, `-` or -c) and print
//                        ast.dump(tree, include_attributes=True)
//   -X dump-ast-batch    every positional argument is a file: print, for each,
//                        a line "@@ PATH" and one result line (the dump, or
//                        "!Class<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>
//                        end_offset<TAB>msg"); one process for a whole
//                        conformance run
//   -X dump-tokens       print the token stream
//   -X parse-only        parse every positional argument as a file, print one
//                        summary line (the parse benchmark); -X parse-only=dump
//                        also dumps each tree (into memory) and times that too
//
// Errors are printed the way CPython's traceback module prints the exception
// that ast.parse raises (see print_syntax_error), except that the file name
// is the path given on the command line rather than ast.parse's default
// "<unknown>" -- the same thing `python3.11 FILE` shows for a bad FILE.
// Unknown -X names are accepted and ignored, as CPython does.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parse/ast_dump.h"
#include "compile/check.h"
#include "compile/compile.h"
#include "runtime/abstract.h"
#include "runtime/exceptions.h"
#include "runtime/runtime.h"
#include "runtime/str.h"
#include "runtime/tuple.h"
#include "runtime/type.h"
#include "parse/parser.h"
#include "runtime/arena.h"
#include "runtime/unicode.h"
#include "runtime/strbuf.h"
#include "vm/run.h"

#define KRAIT_VERSION KRAIT_VERSION_STRING
#define KRAIT_PYTHON_VERSION "3.11.2"

enum {
    EXIT_USAGE = 2,  // CPython's status for command-line errors
};

enum { PARSE_ONLY = 1, PARSE_ONLY_DUMP = 2 };  // Options.parse_only

// What the command line asked for.
typedef struct Options {
    const char *progname;
    const char *command;  // -c
    const char *module;   // -m
    const char *script;   // file or "-"
    int nargs;            // arguments after the program
    char **args;
    // CPython flags, counted where CPython counts repetitions.
    int bytes_warning, dont_write_bytecode, debug, ignore_environment, inspect, isolated;
    int optimize, safe_path, quiet, no_user_site, no_site, unbuffered, verbose;
    int skip_first_line, show_version, hash_randomization;
    // krait's front-end modes (-X).
    int dump_ast, dump_ast_batch, dump_tokens, parse_only, check, dis, compile_only, code_info;
    unsigned gc_stress;  // -X gc-stress[=N]: collect at every N-th allocation
    unsigned gc_stats;   // -X gc-stats: the heap's peak and the GC's time at exit
    int faulthandler;    // -X faulthandler
    int dev_mode;        // -X dev
    int warn_default_encoding;  // -X warn_default_encoding
    int utf8_mode;       // -X utf8[=0|1]: 1 or 0; -1 when not given
    // -X int_max_str_digits[=N]: the first one given (CPython reads the first);
    // its text after '=' (NULL when there was no '=').
    int int_max_str_digits_given;
    const char *int_max_str_digits;
    // -W options in order (sys.warnoptions after PYTHONWARNINGS's entries).
    const char **warnoptions;
    int nwarnoptions;
} Options;

static const char usage_line[] = "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static const char usage_text[] =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output (for experts only)\n"
    "-E     : ignore PYTHON* environment variables (such as PYTHONPATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-I     : isolate krait from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements\n"
    "-OO    : do -O changes and also discard docstrings\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-v     : verbose (trace import statements); can be given several times\n"
    "-V     : print the krait version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "-x     : skip first line of source, allowing use of non-Unix forms of #!cmd\n"
    "-X opt : set implementation-specific option (see --help-xoptions)\n"
    "--check-hash-based-pycs always|default|never:\n"
    "         control how krait invalidates hash-based .pyc files\n"
    "--help-xoptions : print help about implementation-specific -X options and exit\n"
    "--help-all      : print complete help information and exit\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "This krait has no interpreter yet: the options are accepted, but running a\n"
    "program is refused. The front end works through -X dump-ast and friends.\n";

static const char xoptions_text[] =
    "krait's implementation-specific options (others are accepted and ignored):\n"
    "\n"
    "-X dump-ast: parse the program (file, - or -c cmd) and print\n"
    "    ast.dump(ast.parse(source), include_attributes=True); a SyntaxError is\n"
    "    printed as CPython's traceback module shows it (with the real file name\n"
    "    instead of ast.parse's \"<unknown>\") and the exit status is 1\n"
    "\n"
    "-X dump-ast-batch: treat every argument as a file and print, for each, a\n"
    "    line \"@@ PATH\" followed by one result line: the dump, or\n"
    "    \"!Class<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset<TAB>msg\"\n"
    "\n"
    "-X dump-tokens: print the program's tokens, one per line\n"
    "\n"
    "-X dis: compile the program (file, - or -c cmd) and disassemble every code\n"
    "    object, nested ones too\n"
    "\n"
    "-X compile-only: treat every argument as a file and compile it; print one\n"
    "    line per file that fails (\"PATH: Class: message\") and a summary line\n"
    "\n"
    "-X code-info: treat every argument as a file and compile it; print a line\n"
    "    \"@@ PATH\", then one line per code object (its names, counts and flags)\n"
    "\n"
    "-X parse-only: treat every argument as a file, read them all into memory,\n"
    "    parse each one and print a single summary line (files, failures,\n"
    "    bytes, seconds); used by bench/parse_stdlib.py. -X parse-only=dump also\n"
    "    runs ast_dump on each tree (kept in memory, its size reported)\n";

// ---- small utilities ---------------------------------------------------

static void usage_error(const Options *o, const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fprintf(stderr, usage_line, o->progname);
    fprintf(stderr, "Try `%s -h' for more information.\n", o->progname);
}

// Read a whole file ("-" is stdin) into a malloc'd, NUL-terminated buffer.
// Returns NULL with errno set.
static char *read_file(const char *path, size_t *len_out) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (len < cap) {
            if (ferror(f)) {
                int saved = errno ? errno : EIO;
                free(buf);
                buf = NULL;
                errno = saved;
            }
            break;
        }
        cap *= 2;
        char *bigger = realloc(buf, cap + 1);
        if (!bigger) {
            free(buf);
            errno = ENOMEM;
        }
        buf = bigger;
    }
    if (f != stdin) {
        fclose(f);
    }
    if (buf) {
        buf[len] = '\0';
        *len_out = len;
    }
    return buf;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

// ---- SyntaxError display -------------------------------------------------

static const char *error_class_name(const SyntaxErrorInfo *e) {
    switch (e->kind) {
    case SE_INDENTATION:
        return "IndentationError";
    case SE_TAB:
        return "TabError";
    case SE_MEMORY:
        return "MemoryError";
    case SE_RECURSION:
        return "RecursionError";
    case SE_UNICODE_DECODE:
        return "UnicodeDecodeError";
    case SE_SYNTAX:
        break;
    }
    return "SyntaxError";
}

// Length of the UTF-8 character at s (n bytes available), always >= 1. An
// invalid sequence counts as one character covering its maximal valid
// prefix, which is what Python's "replace" error handler turns into one
// U+FFFD. *valid tells which case it was.
static size_t utf8_char_len(const unsigned char *s, size_t n, int *valid) {
    unsigned char c = s[0];
    size_t need;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    *valid = 1;
    if (c < 0x80) {
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        need = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 3;
        // Strict UTF-8, as Python decodes the source line for display: an
        // encoded surrogate (ED A0..BF ..) is three invalid bytes.
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        *valid = 0;
        return 1;
    }
    size_t i = 1;
    for (; i < need && i < n; i++) {
        unsigned char b = s[i];
        if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
            break;
        }
    }
    if (i < need) {
        *valid = 0;
    }
    return i;
}

// Python's str.isspace() for the character at s.
static int char_is_space(const unsigned char *s, size_t len) {
    if (len == 1) {
        unsigned char c = s[0];
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    uint32_t cp;
    if (len == 2) {
        cp = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    } else if (len == 3) {
        cp = ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    } else {
        return 0;
    }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Write s[0..n) with invalid UTF-8 replaced by U+FFFD.
static void put_text(FILE *out, const char *s, size_t n) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        int valid;
        size_t k = utf8_char_len(u + i, n - i, &valid);
        if (valid) {
            fwrite(s + i, 1, k, out);
        } else {
            fputs("\xEF\xBF\xBD", out);
        }
        i += k;
    }
}

// Print the error the way Python 3.11's traceback.TracebackException shows a
// SyntaxError (format_exception_only): the location line, then the source
// line with leading spaces/form feeds stripped and a caret line under the
// offending characters (offsets count characters), then "Class: msg".
static void print_syntax_error(FILE *out, const char *filename, const SyntaxErrorInfo *e) {
    if (e->kind == SE_MEMORY || e->kind == SE_RECURSION || e->kind == SE_UNICODE_DECODE) {
        // Not SyntaxErrors: traceback shows just "Class" or "Class: msg".
        fprintf(out, "%s%s%s\n", error_class_name(e), e->msg[0] ? ": " : "", e->msg);
        return;
    }
    fprintf(out, "  File \"%s\", line %d\n", filename, e->lineno);
    if (e->text) {
        const char *text = e->text;
        size_t rlen = strlen(text);
        while (rlen > 0 && text[rlen - 1] == '\n') {
            rlen--;
        }
        size_t skip = 0;
        while (skip < rlen && (text[skip] == ' ' || text[skip] == '\n' || text[skip] == '\f')) {
            skip++;
        }
        const char *ltext = text + skip;
        size_t llen = rlen - skip;
        fputs("    ", out);
        put_text(out, ltext, llen);
        fputc('\n', out);

        // Every stripped character is one byte, so `skip` counts characters.
        long offset = e->offset;
        long end_offset = e->end_offset != 0 ? e->end_offset : offset;
        if (offset == end_offset || end_offset == -1) {
            end_offset = offset + 1;
        }
        long colno = offset - 1 - (long)skip;
        long end_colno = end_offset - 1 - (long)skip;
        if (colno >= 0) {
            fputs("    ", out);
            const unsigned char *u = (const unsigned char *)ltext;
            size_t i = 0;
            for (long c = 0; c < colno && i < llen; c++) {
                int valid;
                size_t k = utf8_char_len(u + i, llen - i, &valid);
                if (valid && char_is_space(u + i, k)) {
                    fwrite(ltext + i, 1, k, out);
                } else {
                    fputc(' ', out);
                }
                i += k;
            }
            for (long c = colno; c < end_colno; c++) {
                fputc('^', out);
            }
            fputc('\n', out);
        }
    }
    fprintf(out, "%s: %s\n", error_class_name(e), e->msg[0] ? e->msg : "<no detail available>");
}

// The one-line form used by -X dump-ast-batch.
static void put_error_record(StrBuf *out, const char *cls, const SyntaxErrorInfo *e) {
    if (e && e->kind == SE_UNICODE_DECODE) {
        sb_printf(out, "!%s\t\t\t\t\t", cls);  // not a SyntaxError: no location
    } else if (e) {
        sb_printf(out, "!%s\t%d\t%d\t%d\t%d\t", cls, e->lineno, e->offset, e->end_lineno,
                  e->end_offset);
    } else {
        sb_printf(out, "!%s\t\t\t\t\t", cls);
    }
    const char *msg = e ? e->msg : "source code string cannot contain null bytes";
    for (const char *p = msg; *p; p++) {
        if (*p == '\n') {
            sb_puts(out, "\\n");
        } else if (*p == '\\') {
            sb_puts(out, "\\\\");
        } else {
            sb_putc(out, *p);
        }
    }
    sb_putc(out, '\n');
}

// ast.parse(bytes) goes through compile(), which refuses a source containing
// NUL before the tokenizer sees it -- a ValueError, not a SyntaxError.
static const char null_bytes_msg[] = "source code string cannot contain null bytes";

static int has_null_byte(const char *buf, size_t len) {
    return memchr(buf, '\0', len) != NULL;
}

// ---- the -X modes --------------------------------------------------------

// Source of the program named on the command line; NULL after reporting.
static char *program_source(const Options *o, size_t *len, const char **filename,
                            TokenizerMode *mode) {
    if (o->command) {
        *len = strlen(o->command);
        *filename = "<string>";
        *mode = TOKMODE_STRING;
        char *copy = malloc(*len + 1);
        if (copy) {
            memcpy(copy, o->command, *len + 1);
        }
        return copy;
    }
    const char *path = o->script ? o->script : "-";
    *filename = strcmp(path, "-") == 0 ? "<stdin>" : path;
    *mode = TOKMODE_FILE;
    char *buf = read_file(path, len);
    if (!buf) {
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o->progname, path, errno,
                strerror(errno));
    }
    return buf;
}

static int run_dump_ast(const Options *o) {
    size_t len;
    const char *filename;
    TokenizerMode mode;
    char *src = program_source(o, &len, &filename, &mode);
    if (!src) {
        return EXIT_USAGE;
    }
    if (has_null_byte(src, len)) {
        fprintf(stderr, "ValueError: %s\n", null_bytes_msg);
        free(src);
        return 1;
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = parse_like_ast_parse(&arena, src, len, mode, PARSE_FILE, &err);
    int status = 0;
    if (tree) {
        StrBuf out;
        sb_init(&out);
        ast_dump(&out, tree, 1);
        sb_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
        sb_free(&out);
    } else {
        fflush(stdout);
        print_syntax_error(stderr, filename, &err);
        status = 1;
    }
    arena_free(&arena);
    free(src);
    return status;
}

// The text of line `lineno` (1-based) of src, NUL-terminated in the arena.
static const char *source_line(Arena *arena, const char *src, size_t len, int lineno) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            return NULL;
        }
        p = nl + 1;
    }
    if (p >= end) {
        return NULL;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return arena_strndup(arena, p, nl ? (size_t)(nl - p) + 1 : (size_t)(end - p));
}

// -X check: what compile(source, file, 'exec') reports - the parser's
// errors and those of the symbol table and compiler (duplicate arguments,
// 'return' outside function, nonlocal at module level, ...). Silent and
// status 0 when the module compiles.
static int run_check(const Options *o) {
    size_t len;
    const char *filename;
    TokenizerMode mode;
    char *src = program_source(o, &len, &filename, &mode);
    if (!src) {
        return EXIT_USAGE;
    }
    if (has_null_byte(src, len)) {
        fprintf(stderr, "ValueError: %s\n", null_bytes_msg);
        free(src);
        return 1;
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = parse_source(&arena, src, len, mode, PARSE_FILE, &err);
    int status = 0;
    if (!tree || compile_check(&arena, tree, 0, 0, NULL, &err) < 0) {
        // Like CPython's traceback, show the line only when it can be read
        // back from a real file as UTF-8 (not for -c or stdin).
        if (!err.text && err.lineno > 0 && err.kind != SE_MEMORY && err.kind != SE_RECURSION &&
            filename[0] != '<') {
            const char *line = source_line(&arena, src, len, err.lineno);
            size_t n = line ? strlen(line) : 0;
            for (size_t i = 0; line && i < n;) {
                uint32_t cp;
                int k = utf8_decode(line + i, n - i, &cp, 0);
                if (!k) {
                    line = NULL;
                    break;
                }
                i += (size_t)k;
            }
            err.text = line;
        }
        fflush(stdout);
        print_syntax_error(stderr, filename, &err);
        status = 1;
    }
    arena_free(&arena);
    free(src);
    return status;
}

// One file of a batch; the output goes through `out` so that a whole record
// is written at once.
static void batch_one(const char *path, StrBuf *out) {
    sb_printf(out, "@@ %s\n", path);
    size_t len;
    char *src = read_file(path, &len);
    if (!src) {
        SyntaxErrorInfo e;
        memset(&e, 0, sizeof e);
        snprintf(e.msg, sizeof e.msg, "[Errno %d] %s", errno, strerror(errno));
        put_error_record(out, "OSError", &e);
        return;
    }
    if (has_null_byte(src, len)) {
        put_error_record(out, "ValueError", NULL);
        free(src);
        return;
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    Node *tree = parse_like_ast_parse(&arena, src, len, TOKMODE_FILE, PARSE_FILE, &err);
    if (tree) {
        ast_dump(out, tree, 1);
        sb_putc(out, '\n');
    } else {
        put_error_record(out, error_class_name(&err), &err);
    }
    arena_free(&arena);
    free(src);
}

static int run_dump_ast_batch(const Options *o) {
    StrBuf out;
    sb_init(&out);
    for (int i = 0; i < o->nargs; i++) {
        out.len = 0;
        batch_one(o->args[i], &out);
        fwrite(out.data, 1, out.len, stdout);
        // Flushed per file so that a reader can tell which file killed us.
        fflush(stdout);
    }
    sb_free(&out);
    return fflush(stdout) == 0 ? 0 : 1;
}

// Python-ish repr of a token's text: single quotes, escapes for control
// characters, UTF-8 passed through.
static void put_token_text(StrBuf *out, const char *s, const char *end) {
    sb_putc(out, '\'');
    for (; s < end; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '\n':
            sb_puts(out, "\\n");
            break;
        case '\r':
            sb_puts(out, "\\r");
            break;
        case '\t':
            sb_puts(out, "\\t");
            break;
        case '\\':
            sb_puts(out, "\\\\");
            break;
        case '\'':
            sb_puts(out, "\\'");
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                sb_printf(out, "\\x%02x", c);
            } else {
                sb_putc(out, (char)c);
            }
        }
    }
    sb_putc(out, '\'');
}

static int run_dump_tokens(const Options *o) {
    size_t len;
    const char *filename;
    TokenizerMode mode;
    char *src = program_source(o, &len, &filename, &mode);
    if (!src) {
        return EXIT_USAGE;
    }
    Arena arena;
    arena_init(&arena);
    SyntaxErrorInfo err;
    memset(&err, 0, sizeof err);
    int status = 0;
    StrBuf out;
    sb_init(&out);
    Tokenizer *t = tok_new(&arena, src, len, mode, &err);
    if (!t) {
        status = 1;
    }
    while (t) {
        Token tok;
        if (tok_next(t, &tok) < 0) {
            err = *tok_error(t);
            status = 1;
            break;
        }
        out.len = 0;
        char pos[64];
        snprintf(pos, sizeof pos, "%d,%d-%d,%d:", tok.lineno, tok.col_offset, tok.end_lineno,
                 tok.end_col_offset);
        const char *name = tok.type < T__COUNT ? token_names[tok.type] : "?";
        sb_printf(&out, "%-20s%-15s", pos, name);
        put_token_text(&out, tok.start, tok.end);
        if (tok.kw != KW_NONE) {
            sb_puts(&out, "  (keyword)");
        }
        sb_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
        if (tok.type == T_ENDMARKER) {
            break;
        }
    }
    sb_free(&out);
    if (status) {
        fflush(stdout);
        print_syntax_error(stderr, filename, &err);
    }
    arena_free(&arena);
    free(src);
    return status;
}

// ---- the compiler's -X modes --------------------------------------------------

// "Class: str(exception)" for the pending exception, and for a SyntaxError
// the repr of (msg, lineno, offset, text, end_lineno, end_offset).
static void print_pending_exception(FILE *out, const char *prefix) {
    Value exc = err_fetch();
    if (!exc) {
        fprintf(out, "%s<no exception>\n", prefix);
        return;
    }
    Value text = obj_str(exc);
    if (!text) {
        err_clear();
    }
    fprintf(out, "%s%s: %s", prefix, type_of(exc)->name,
            text && val_is_str(text) ? str_obj(text)->data : "<str() failed>");
    if (type_is_subtype(type_of(exc), &exc_SyntaxError)) {
        static const char *const fields[] = {"msg", "lineno", "offset", "text", "end_lineno",
                                             "end_offset"};
        Value items[6];
        for (int i = 0; i < 6; i++) {
            items[i] = obj_getattr_cstr(exc, fields[i]);
            if (!items[i]) {
                err_clear();
                items[i] = VAL_NONE;
            }
        }
        Value t = tuple_from(items, 6);
        Value r = t ? obj_repr(t) : 0;
        if (r) {
            fprintf(out, " %s", str_obj(r)->data);
        } else {
            err_clear();
        }
    }
    fputc('\n', out);
}

// -X dis: compile the program and print every code object.
__attribute__((noinline)) static int run_dis(const Options *o) {
    size_t len;
    const char *filename;
    TokenizerMode mode;
    char *src = program_source(o, &len, &filename, &mode);
    if (!src) {
        return EXIT_USAGE;
    }
    if (has_null_byte(src, len)) {
        fprintf(stderr, "ValueError: %s\n", null_bytes_msg);
        free(src);
        return 1;
    }
    int status = 0;
    Value fn = str_from_cstr(filename);
    Code *co = fn ? compile_source(src, len, mode, fn, COMPILE_EXEC, 0, o->optimize) : NULL;
    if (co) {
        code_disassemble(co, stdout);
    } else {
        fflush(stdout);
        print_pending_exception(stderr, "");
        status = 1;
    }
    free(src);
    return status;
}

// -X compile-only: compile every argument as a file; report the failures.
__attribute__((noinline)) static int run_compile_only(const Options *o) {
    int failures = 0;
    for (int i = 0; i < o->nargs; i++) {
        const char *path = o->args[i];
        size_t len;
        char *src = read_file(path, &len);
        if (!src) {
            printf("%s: OSError: [Errno %d] %s\n", path, errno, strerror(errno));
            failures++;
            continue;
        }
        if (has_null_byte(src, len)) {
            printf("%s: ValueError: %s\n", path, null_bytes_msg);
            failures++;
            free(src);
            continue;
        }
        Value fn = str_from_cstr(path);
        Code *co = fn ? compile_source(src, len, TOKMODE_FILE, fn, COMPILE_EXEC, 0, o->optimize)
                      : NULL;
        if (!co) {
            char prefix[4096];
            snprintf(prefix, sizeof prefix, "%s: ", path);
            print_pending_exception(stdout, prefix);
            failures++;
        }
        free(src);
        fflush(stdout);
    }
    printf("compile-only: %d files, %d failed\n", o->nargs, failures);
    return failures ? 1 : 0;
}

// One line per code object, nested ones after their parent: what
// tests/unit/compile/code_info.py prints for CPython's code objects.
static void put_code_info(const Code *co) {
    Value doc = VAL_NONE;
    const char *name = str_obj(co->name)->data;
    int comprehension = strcmp(name, "<listcomp>") == 0 || strcmp(name, "<setcomp>") == 0 ||
                        strcmp(name, "<dictcomp>") == 0 || strcmp(name, "<genexpr>") == 0;
    if ((co->flags & CODE_OPTIMIZED) && !comprehension && tuple_obj(co->consts)->len &&
        val_is_str(tuple_obj(co->consts)->items[0])) {
        doc = tuple_obj(co->consts)->items[0];
    }
    Value items[10] = {co->qualname, val_from_smallint(co->firstlineno),
                       val_from_smallint(co->flags), val_from_smallint(co->argcount),
                       val_from_smallint(co->posonlyargcount), val_from_smallint(co->kwonlyargcount),
                       co->varnames, co->cellvars, co->freevars, doc};
    Value t = tuple_from(items, 10);
    Value r = t ? obj_repr(t) : 0;
    if (!r) {
        err_clear();
        printf("<repr failed>\n");
    } else {
        printf("%s\n", str_obj(r)->data);
    }
    TupleObject *k = tuple_obj(co->consts);
    for (size_t i = 0; i < k->len; i++) {
        if (val_is_ptr(k->items[i]) && val_ptr(k->items[i])->type == &type_code) {
            put_code_info((const Code *)val_ptr(k->items[i]));
        }
    }
}

__attribute__((noinline)) static int run_code_info(const Options *o) {
    for (int i = 0; i < o->nargs; i++) {
        const char *path = o->args[i];
        printf("@@ %s\n", path);
        size_t len;
        char *src = read_file(path, &len);
        if (!src || has_null_byte(src, len)) {
            printf("!error\n");
            free(src);
            continue;
        }
        Value fn = str_from_cstr(path);
        Code *co = fn ? compile_source(src, len, TOKMODE_FILE, fn, COMPILE_EXEC, 0, o->optimize)
                      : NULL;
        if (co) {
            put_code_info(co);
        } else {
            err_clear();
            printf("!error\n");
        }
        free(src);
        fflush(stdout);
    }
    return 0;
}

// Read every file first, then time the parses alone (arena setup and release
// included: CPython's ast.parse pays for building and freeing its tree too).
static int run_parse_only(const Options *o) {
    int n = o->nargs;
    char **bufs = calloc(n ? n : 1, sizeof *bufs);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    if (!bufs || !lens) {
        fprintf(stderr, "%s: out of memory\n", o->progname);
        free(bufs);
        free(lens);
        return 1;
    }
    size_t total = 0;
    for (int i = 0; i < n; i++) {
        bufs[i] = read_file(o->args[i], &lens[i]);
        if (!bufs[i]) {
            fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", o->progname,
                    o->args[i], errno, strerror(errno));
            while (i-- > 0) {
                free(bufs[i]);
            }
            free(bufs);
            free(lens);
            return EXIT_USAGE;
        }
        total += lens[i];
    }
    int failures = 0;
    size_t dumped = 0;
    StrBuf dump;
    sb_init(&dump);
    double t0 = now_seconds();
    for (int i = 0; i < n; i++) {
        if (has_null_byte(bufs[i], lens[i])) {
            failures++;
            continue;
        }
        Arena arena;
        arena_init(&arena);
        SyntaxErrorInfo err;
        memset(&err, 0, sizeof err);
        Node *tree = parse_source(&arena, bufs[i], lens[i], TOKMODE_FILE, PARSE_FILE, &err);
        if (!tree) {
            failures++;
        } else if (o->parse_only == PARSE_ONLY_DUMP) {
            dump.len = 0;
            ast_dump(&dump, tree, 1);
            dumped += dump.len + 1;  // + the newline -X dump-ast would print
        }
        arena_free(&arena);
    }
    double elapsed = now_seconds() - t0;
    sb_free(&dump);
    printf("parse-only: %d files, %d failed, %zu bytes, %.6f seconds", n, failures, total,
           elapsed);
    if (o->parse_only == PARSE_ONLY_DUMP) {
        printf(", %zu dump bytes", dumped);
    }
    putchar('\n');
    for (int i = 0; i < n; i++) {
        free(bufs[i]);
    }
    free(bufs);
    free(lens);
    return 0;
}

// ---- option parsing ------------------------------------------------------

// The -X options krait acts on; anything else is accepted and ignored.
static void apply_xoption(Options *o, const char *x) {
    if (strcmp(x, "dump-ast") == 0) {
        o->dump_ast = 1;
    } else if (strcmp(x, "check") == 0) {
        o->check = 1;
    } else if (strcmp(x, "dump-ast-batch") == 0) {
        o->dump_ast_batch = 1;
    } else if (strcmp(x, "dis") == 0) {
        o->dis = 1;
    } else if (strcmp(x, "compile-only") == 0) {
        o->compile_only = 1;
    } else if (strcmp(x, "code-info") == 0) {
        o->code_info = 1;
    } else if (strcmp(x, "dump-tokens") == 0) {
        o->dump_tokens = 1;
    } else if (strcmp(x, "parse-only") == 0) {
        o->parse_only = PARSE_ONLY;
    } else if (strcmp(x, "parse-only=dump") == 0) {
        o->parse_only = PARSE_ONLY_DUMP;
    } else if ((strncmp(x, "int_max_str_digits", 18) == 0 && (x[18] == '=' || x[18] == 0))) {
        if (!o->int_max_str_digits_given) {
            o->int_max_str_digits_given = 1;
            o->int_max_str_digits = x[18] == '=' ? x + 19 : NULL;
        }
    } else if (strcmp(x, "faulthandler") == 0) {
        o->faulthandler = 1;
    } else if (strcmp(x, "dev") == 0) {
        o->dev_mode = 1;
    } else if (strcmp(x, "warn_default_encoding") == 0) {
        o->warn_default_encoding = 1;
    } else if (strcmp(x, "utf8") == 0 || strcmp(x, "utf8=1") == 0) {
        o->utf8_mode = 1;
    } else if (strcmp(x, "utf8=0") == 0) {
        o->utf8_mode = 0;
    } else if (strcmp(x, "gc-stats") == 0) {
        o->gc_stats = 1;
    } else if (strcmp(x, "gc-stress") == 0) {
        o->gc_stress = 1;
    } else if (strncmp(x, "gc-stress=", 10) == 0) {
        long n = strtol(x + 10, NULL, 10);
        o->gc_stress = n > 0 ? (unsigned)n : 1;
    }
}

// Parse argv like CPython's getopt: returns -1 to go on, else an exit status.
static int parse_command_line(Options *o, int argc, char **argv) {
    static const char with_arg[] = "cmWX";
    static const char flags[] = "bBdEhiIOPqRsSuvVx?";
    int i = 1;
    while (i < argc) {
        const char *a = argv[i];
        if (a[0] != '-' || a[1] == '\0') {
            break;  // the script, or "-" for stdin
        }
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (a[1] == '-') {
            const char *name = a + 2;
            if (strcmp(name, "version") == 0) {
                o->show_version++;
            } else if (strcmp(name, "help") == 0) {
                fprintf(stdout, usage_line, o->progname);
                fputs(usage_text, stdout);
                return 0;
            } else if (strcmp(name, "help-xoptions") == 0) {
                fputs(xoptions_text, stdout);
                return 0;
            } else if (strcmp(name, "help-all") == 0) {
                fprintf(stdout, usage_line, o->progname);
                fputs(usage_text, stdout);
                fputc('\n', stdout);
                fputs(xoptions_text, stdout);
                return 0;
            } else if (strcmp(name, "help-env") == 0) {
                fputs("krait reads no environment variables yet.\n", stdout);
                return 0;
            } else if (strcmp(name, "check-hash-based-pycs") == 0) {
                if (i + 1 >= argc) {
                    // (sic: CPython says "options" for long options)
                    usage_error(o, "Argument expected for the %s options", a);
                    return EXIT_USAGE;
                }
                const char *v = argv[++i];
                if (strcmp(v, "always") && strcmp(v, "default") && strcmp(v, "never")) {
                    fprintf(stderr, "--check-hash-based-pycs must be one of 'default', "
                                    "'always', or 'never'\n");
                    return EXIT_USAGE;
                }
            } else {
                usage_error(o, "unknown option %s", a);
                return EXIT_USAGE;
            }
            i++;
            continue;
        }
        // A cluster of short options: -BEs, -cCMD, -Wdefault, -Xdump-ast ...
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (strchr(with_arg, c)) {
                const char *arg;
                if (p[1]) {
                    arg = p + 1;
                } else if (i + 1 < argc) {
                    arg = argv[++i];
                } else {
                    char opt[3] = {'-', c, '\0'};
                    usage_error(o, "Argument expected for the %s option", opt);
                    return EXIT_USAGE;
                }
                if (c == 'c') {
                    o->command = arg;
                } else if (c == 'm') {
                    o->module = arg;
                } else if (c == 'X') {
                    apply_xoption(o, arg);
                } else if (c == 'W') {
                    o->warnoptions[o->nwarnoptions++] = arg;
                }
                if (c == 'c' || c == 'm') {
                    o->nargs = argc - i - 1;
                    o->args = argv + i + 1;
                    return -1;
                }
                break;
            }
            if (!strchr(flags, c)) {
                char opt[3] = {'-', c, '\0'};
                usage_error(o, "Unknown option: %s", opt);
                return EXIT_USAGE;
            }
            switch (c) {
            case 'b': o->bytes_warning++; break;
            case 'B': o->dont_write_bytecode = 1; break;
            case 'd': o->debug++; break;
            case 'E': o->ignore_environment = 1; break;
            case 'i': o->inspect++; break;
            case 'I': o->isolated = 1; o->ignore_environment = 1; o->no_user_site = 1; break;
            case 'O': o->optimize++; break;
            case 'P': o->safe_path = 1; break;
            case 'q': o->quiet = 1; break;
            case 'R': o->hash_randomization = 1; break;
            case 's': o->no_user_site = 1; break;
            case 'S': o->no_site = 1; break;
            case 'u': o->unbuffered = 1; break;
            case 'v': o->verbose++; break;
            case 'V': o->show_version++; break;
            case 'x': o->skip_first_line = 1; break;
            case 'h':
            case '?':
                fprintf(stdout, usage_line, o->progname);
                fputs(usage_text, stdout);
                return 0;
            }
        }
        i++;
    }
    if (i < argc) {
        o->script = argv[i];
        i++;
    }
    o->nargs = argc - i;
    o->args = argv + i;
    return -1;
}

// The int/str conversion limit from PYTHONINTMAXSTRDIGITS and -X
// int_max_str_digits=N (which wins): CPython's rules (an int, 0 or at least
// 640) and its fatal error for anything else. -1 when neither is given; -2
// after printing the error.
static int int_max_str_digits_option(const Options *o, int ignore_environment) {
    const char *env = ignore_environment ? NULL : getenv("PYTHONINTMAXSTRDIGITS");
    const char *sources[2] = {env && *env ? env : NULL,
                              o->int_max_str_digits_given ? o->int_max_str_digits : NULL};
    const char *names[2] = {"PYTHONINTMAXSTRDIGITS", "-X int_max_str_digits"};
    int given[2] = {sources[0] != NULL, o->int_max_str_digits_given};
    int limit = -1;
    for (int i = 0; i < 2; i++) {
        if (!given[i]) {
            continue;
        }
        const char *text = sources[i];
        char *end = NULL;
        errno = 0;
        long v = text ? strtol(text, &end, 10) : -1;
        if (!text || *end || errno == ERANGE || v < 0 || v > INT32_MAX || (v > 0 && v < 640)) {
            fprintf(stderr,
                    "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; "
                    "must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n",
                    names[i]);
            return -2;
        }
        limit = (int)v;
    }
    return limit;
}

// A PYTHON* flag variable, as CPython reads them: set and non-empty means
// at least 1, a number means that many (the larger of it and *value wins).
static void env_flag(int ignore_environment, const char *name, int *value) {
    const char *v = ignore_environment ? NULL : getenv(name);
    if (!v || !*v) {
        return;
    }
    int n = atoi(v);
    if (n < 1) {
        n = 1;
    }
    if (n > *value) {
        *value = n;
    }
}

// Run the program the options name. sys.argv is the script and what
// follows it ('-c' / '-' for a command / stdin, as CPython).
__attribute__((noinline)) static int run(const Options *o, int argc, char **argv) {
    char stack_base;
    RunRequest r;
    memset(&r, 0, sizeof r);
    r.progname = o->progname;
    r.ignore_environment = o->ignore_environment || o->isolated;
    r.optimize = o->optimize;
    r.unbuffered = o->unbuffered || (!r.ignore_environment && getenv("PYTHONUNBUFFERED") &&
                                     *getenv("PYTHONUNBUFFERED"));
    r.inspect = o->inspect;
    r.quiet = o->quiet;
    r.debug = o->debug;
    r.interactive = o->inspect;
    r.dont_write_bytecode = o->dont_write_bytecode;
    r.no_user_site = o->no_user_site || o->isolated;
    r.no_site = o->no_site;
    r.verbose = o->verbose;
    r.bytes_warning = o->bytes_warning;
    r.isolated = o->isolated;
    r.safe_path = o->safe_path || o->isolated;
    env_flag(r.ignore_environment, "PYTHONDEBUG", &r.debug);
    env_flag(r.ignore_environment, "PYTHONINSPECT", &r.inspect);
    env_flag(r.ignore_environment, "PYTHONOPTIMIZE", &r.optimize);
    env_flag(r.ignore_environment, "PYTHONDONTWRITEBYTECODE", &r.dont_write_bytecode);
    env_flag(r.ignore_environment, "PYTHONNOUSERSITE", &r.no_user_site);
    env_flag(r.ignore_environment, "PYTHONVERBOSE", &r.verbose);
    env_flag(r.ignore_environment, "PYTHONSAFEPATH", &r.safe_path);
    env_flag(r.ignore_environment, "PYTHONDEVMODE", &r.dev_mode);
    env_flag(r.ignore_environment, "PYTHONWARNDEFAULTENCODING", &r.warn_default_encoding);
    r.dont_write_bytecode = r.dont_write_bytecode != 0;
    r.no_user_site = r.no_user_site != 0;
    r.safe_path = r.safe_path != 0;
    r.dev_mode = r.dev_mode != 0 || o->dev_mode;
    r.warn_default_encoding = r.warn_default_encoding != 0 || o->warn_default_encoding;
    // UTF-8 mode: -X utf8 wins over PYTHONUTF8; neither: off (CPython turns
    // it on for the C and POSIX locales, which krait's streams treat alike).
    const char *utf8_env = r.ignore_environment ? NULL : getenv("PYTHONUTF8");
    r.utf8_mode = o->utf8_mode >= 0                 ? o->utf8_mode
                  : utf8_env && !strcmp(utf8_env, "1") ? 1
                                                       : 0;
    r.gc_stress = o->gc_stress;
    r.gc_stats = o->gc_stats;
    // faulthandler.enable() at start-up: -X faulthandler, PYTHONFAULTHANDLER, dev mode.
    const char *fh_env = r.ignore_environment ? NULL : getenv("PYTHONFAULTHANDLER");
    r.faulthandler = o->faulthandler || r.dev_mode || (fh_env && *fh_env);
    r.warnoptions = o->warnoptions;
    r.nwarnoptions = o->nwarnoptions;
    r.env_warnings = r.ignore_environment ? NULL : getenv("PYTHONWARNINGS");
    r.int_max_str_digits = int_max_str_digits_option(o, r.ignore_environment);
    if (r.int_max_str_digits == -2) {
        return 1;
    }
    r.orig_argc = argc;
    r.orig_argv = argv;
    char **args = o->args - 1;  // the slot before the first argument gets the program
    if (o->command) {
        r.kind = RUN_COMMAND;
        r.command = o->command;
        args[0] = "-c";
    } else if (o->module) {
        r.kind = RUN_MODULE;
        r.module = o->module;
        args[0] = "-m";  // run.c replaces it with the module's file, as runpy does
    } else if (o->script && strcmp(o->script, "-") != 0) {
        r.kind = RUN_FILE;
        r.script = o->script;
        args[0] = (char *)o->script;
    } else {
        r.kind = RUN_STDIN;
        args[0] = o->script ? "-" : "";
    }
    r.argc = o->nargs + 1;
    r.argv = args;
    return vm_run_main(&r, &stack_base);
}

// The -W options' array (see main).
const char **main_warnoptions;

int main(int argc, char **argv) {
    Options o;
    memset(&o, 0, sizeof o);
    o.utf8_mode = -1;
    o.progname = argc > 0 && argv[0] ? argv[0] : "krait";
    // At most one -W per argument. (Kept in a global: it lives as long as the
    // process, and LeakSanitizer must see it reachable.)
    main_warnoptions = o.warnoptions = calloc((size_t)argc + 1, sizeof(char *));
    if (!o.warnoptions) {
        fputs("krait: out of memory\n", stderr);
        return 1;
    }
    int status = parse_command_line(&o, argc, argv);
    if (status >= 0) {
        return status;
    }
    if (o.show_version) {
        printf("krait %s (Python %s compatible)\n", KRAIT_VERSION, KRAIT_PYTHON_VERSION);
        if (o.show_version > 1) {
#ifdef __VERSION__
            printf("[%s %s, built %s %s]\n",
#ifdef __clang__
                   "clang",
#else
                   "GCC",
#endif
                   __VERSION__, __DATE__, __TIME__);
#endif
        }
        return 0;
    }
    if (o.unbuffered) {
        setvbuf(stdout, NULL, _IONBF, 0);
    }
    if (o.parse_only || o.dump_ast_batch) {
        // Every positional argument names a file; the "script" is the first.
        if (o.command || o.module) {
            fprintf(stderr, "%s: -X %s takes files, not -c or -m\n", o.progname,
                    o.parse_only ? "parse-only" : "dump-ast-batch");
            return EXIT_USAGE;
        }
        if (o.script) {
            o.args--;
            o.nargs++;
        }
        return o.parse_only ? run_parse_only(&o) : run_dump_ast_batch(&o);
    }
    if (o.dis || o.compile_only || o.code_info) {
        if (o.module) {
            fprintf(stderr, "%s: -X %s does not take -m\n", o.progname,
                    o.dis ? "dis" : "compile-only");
            return EXIT_USAGE;
        }
        int stack_base;
        const char *error = NULL;
        if (runtime_init(&stack_base, NULL, &error) < 0) {
            fprintf(stderr, "%s: %s\n", o.progname, error ? error : "cannot start the runtime");
            return 1;
        }
        if (o.compile_only || o.code_info) {
            if (o.script) {
                o.args--;
                o.nargs++;
            }
            return o.code_info ? run_code_info(&o) : run_compile_only(&o);
        }
        return run_dis(&o);
    }
    if (o.check) {
        if (o.module) {
            fprintf(stderr, "%s: -X check needs a file, - or -c cmd, not -m\n", o.progname);
            return EXIT_USAGE;
        }
        return run_check(&o);
    }
    if (o.dump_ast || o.dump_tokens) {
        if (o.module) {
            fprintf(stderr, "%s: -X %s needs a file, - or -c cmd, not -m\n", o.progname,
                    o.dump_ast ? "dump-ast" : "dump-tokens");
            return EXIT_USAGE;
        }
        return o.dump_ast ? run_dump_ast(&o) : run_dump_tokens(&o);
    }
    return run(&o, argc, argv);
}
