// excprint.c - the report of an uncaught exception, as CPython 3.11's
// pythonrun.c writes it (the C implementation behind the default
// sys.excepthook, whose output differs in places from traceback.py's).
//
// An exception is printed after the exceptions it was raised from: its
// __cause__, or else its __context__ unless suppressed, each followed by
// the sentence that links them; an exception already printed is not
// printed again (that also stops cycles). Then its traceback, the
// SyntaxError location if any, "module.Qualname: str", and its notes.
//
// An exception group is drawn as a box around its exceptions, each printed
// in full (chain included) one level deeper:
//
//     + Exception Group Traceback (most recent call last):
//     |   File "x.py", line 3, in <module>
//     | ExceptionGroup: msg (2 sub-exceptions)
//     +-+---------------- 1 ----------------
//       | ValueError: a
//       +---------------- 2 ----------------
//       | TypeError: b
//       +------------------------------------
//
// Depth d (0 outside any group) indents by 2*d spaces followed by "| " (the
// "margin"). CPython writes the margin at a few fixed points - before each
// traceback entry, the message, each line of a note, the chaining sentences
// - and not before the continuation lines of a multi-line message, the
// SyntaxError source lines or "[Previous line repeated]": this file copies
// those points exactly. Groups deeper than 10 print "... (max_group_depth is
// 10)", and past 15 exceptions a box ends with "and N more exceptions".
//
// A box's closing line is owed by its last exception; if that exception is
// itself a group, the inner box's closing line serves both (need_close).
// Printing a chained exception must not consume the closing line the
// exception it belongs to still owes, so print_chained saves the flag.
#include "excprint.h"

#include <stdlib.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/exceptions.h"
#include "../runtime/int.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"

enum {
    MAX_GROUP_WIDTH = 15,
    MAX_GROUP_DEPTH = 10,
    MAX_NESTING = 1000,  // chains and groups nested deeper are cut off
};

typedef struct PrintCtx {
    StrBuf *out;
    ExcPrintFrames print_frames;
    int group_depth;      // 0 outside groups
    int need_close;       // the current box's closing line is still owed
    int nesting;          // recursion guard
    const Object **seen;  // exceptions printed (or being printed)
    size_t nseen, capseen;
} PrintCtx;

static int is_exception(Value v) {
    return val_is_ptr(v) && (val_ptr(v)->type->flags & TYPE_EXC_SUBCLASS);
}

static void put_str(StrBuf *out, Value s) { sb_put(out, str_obj(s)->data, str_obj(s)->nbytes); }

// ---- margins ---------------------------------------------------------------------------

static void write_indent(PrintCtx *c) {
    for (int i = 0; i < c->group_depth; i++) {
        sb_puts(c->out, "  ");
    }
}

// The current margin as a C string (for the traceback printer).
static const char *margin_str(PrintCtx *c, char *buf, size_t size) {
    size_t n = 0;
    for (int i = 0; i < c->group_depth && n + 4 < size; i++) {
        buf[n++] = ' ';
        buf[n++] = ' ';
    }
    if (c->group_depth) {
        buf[n++] = '|';
        buf[n++] = ' ';
    }
    buf[n] = 0;
    return buf;
}

static void write_margin(PrintCtx *c) {
    write_indent(c);
    if (c->group_depth) {
        sb_puts(c->out, "| ");
    }
}

// ---- the parts of one exception -----------------------------------------------------------

static void print_traceback(PrintCtx *c, Value exc) {
    Value tb = ((ExceptionObject *)val_ptr(exc))->traceback;
    if (!tb || tb == VAL_NONE) {
        return;
    }
    const char *header = "Traceback (most recent call last):\n";
    int top_group = 0;
    if (exc_group_check(exc)) {
        header = "Exception Group Traceback (most recent call last):\n";
        top_group = c->group_depth == 1;
    }
    write_indent(c);
    if (top_group) {
        sb_puts(c->out, "+ ");
    } else if (c->group_depth) {
        sb_puts(c->out, "| ");
    }
    sb_puts(c->out, header);
    if (c->print_frames) {
        char margin[2 * MAX_GROUP_DEPTH + 8];
        c->print_frames(c->out, tb, margin_str(c, margin, sizeof margin));
    }
}

// A SyntaxError's source line and carets (CPython's print_error_text):
// offsets are 1-based and count bytes of the UTF-8 text.
static void print_error_text(PrintCtx *c, int64_t offset, int64_t end_offset, Value text) {
    int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    const char *s = str_obj(text)->data;
    offset--;
    while (*s == ' ' || *s == '\t' || *s == '\f') {
        s++;
        offset--;
    }
    int64_t len = (int64_t)strlen(s);
    if (len > 0 && s[len - 1] == '\n') {
        len--;
    }
    if (offset > len) {
        offset = len;
    }
    // the line holding the offset, when the text has several
    for (;;) {
        const char *nl = strchr(s, '\n');
        if (!nl || nl - s >= offset) {
            break;
        }
        int64_t skip = nl - s + 1;
        s += skip;
        len -= skip;
        offset -= skip;
    }
    sb_puts(c->out, "    ");
    sb_puts(c->out, s);
    if (s[len] != '\n') {
        sb_putc(c->out, '\n');
    }
    if (offset < 0) {
        return;
    }
    sb_puts(c->out, "    ");
    while (--offset >= 0) {
        sb_putc(c->out, ' ');
    }
    for (int64_t i = 0; i < carets; i++) {
        sb_putc(c->out, '^');
    }
    sb_putc(c->out, '\n');
}

// An attribute as a C integer: 0 if absent or not an int (an error is
// cleared), 1 with *out set, and None as -1 when none_ok.
static int int_attr(Value exc, const char *name, int none_ok, int64_t *out) {
    Value v = obj_getattr_cstr(exc, name);
    if (v && none_ok && v == VAL_NONE) {
        *out = -1;
        return 1;
    }
    if (!v || !int_check(v) || int_to_i64(v, out) < 0) {
        err_clear();
        return 0;
    }
    return 1;
}

// For a SyntaxError (anything with print_file_and_line): the
// "  File ..., line N" line and the source text, and *value becomes its
// msg, which the message line shows instead of str(exc).
static void print_file_and_line(PrintCtx *c, Value *value) {
    Value exc = *value;
    if (!obj_getattr_opt(exc, str_intern_cstr("print_file_and_line"))) {
        err_clear();
        return;
    }
    Value msg = obj_getattr_cstr(exc, "msg");
    Value filename = msg ? obj_getattr_cstr(exc, "filename") : 0;
    int64_t lineno, offset, end_lineno = -1, end_offset = -1;
    if (!filename || !int_attr(exc, "lineno", 0, &lineno) ||
        !int_attr(exc, "offset", 1, &offset)) {
        err_clear();
        return;
    }
    if (type_of(exc) == &exc_SyntaxError && (!int_attr(exc, "end_lineno", 1, &end_lineno) ||
                                             !int_attr(exc, "end_offset", 1, &end_offset))) {
        return;
    }
    Value text = obj_getattr_cstr(exc, "text");
    if (!text) {
        err_clear();
        return;
    }
    Value fs = filename == VAL_NONE ? str_from_cstr("<string>") : obj_str(filename);
    if (!fs) {
        err_clear();
        return;
    }
    *value = msg;
    write_margin(c);
    sb_puts(c->out, "  File \"");
    put_str(c->out, fs);
    sb_printf(c->out, "\", line %lld\n", (long long)lineno);
    if (text == VAL_NONE) {
        return;
    }
    if (!val_is_str(text)) {
        return;  // CPython fails to print the rest here; stop at the location
    }
    int64_t size = (int64_t)str_obj(text)->nbytes;
    if (end_lineno > lineno) {
        end_offset = size;  // several lines: underline to the end of the first
    }
    if (end_offset > size + 1) {
        end_offset = size + 1;
    }
    print_error_text(c, offset, end_offset, text);
}

// "module.Qualname" of an exception's class; builtins and __main__ are
// left out.
static void print_type_name(PrintCtx *c, Type *t) {
    const char *name = t->name;
    if (!(t->flags & TYPE_HEAP)) {
        const char *dot = strrchr(name, '.');
        if (dot) {
            if (strncmp(name, "builtins.", 9) != 0) {
                sb_put(c->out, name, (size_t)(dot - name + 1));
            }
            name = dot + 1;
        }
        sb_puts(c->out, name);
        return;
    }
    Value mod = obj_getattr_opt(val_from_ptr(t), str_intern_cstr("__module__"));
    if (mod && val_is_str(mod)) {
        const char *m = str_obj(mod)->data;
        if (strcmp(m, "builtins") != 0 && strcmp(m, "__main__") != 0) {
            put_str(c->out, mod);
            sb_putc(c->out, '.');
        }
    }
    Value qual = obj_getattr_opt(val_from_ptr(t), str_intern_cstr("__qualname__"));
    err_clear();
    if (qual && val_is_str(qual)) {
        put_str(c->out, qual);
    } else {
        sb_puts(c->out, name);
    }
}

static void print_message(PrintCtx *c, Type *t, Value value) {
    write_margin(c);
    print_type_name(c, t);
    if (value == VAL_NONE) {
        return;
    }
    Value s = obj_str(value);
    if (!s) {
        err_clear();
        sb_puts(c->out, ": <exception str() failed>");
    } else if (str_obj(s)->nbytes) {
        sb_puts(c->out, ": ");
        put_str(c->out, s);
    }
}

// Length of the line starting at s (up to n bytes), line break included,
// for str.splitlines(keepends=True): \n \r \r\n \v \f \x1c \x1d \x1e U+0085
// U+2028 U+2029.
static size_t line_length(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\r') {
            return i + 1 < n && s[i + 1] == '\n' ? i + 2 : i + 1;
        }
        if (ch == '\n' || ch == '\v' || ch == '\f' || (ch >= 0x1c && ch <= 0x1e)) {
            return i + 1;
        }
        if (ch == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0x85) {
            return i + 2;
        }
        if (ch == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0xa8 || (unsigned char)s[i + 2] == 0xa9)) {
            return i + 3;
        }
    }
    return n;
}

// __notes__: each note's lines after the margin, a newline after each note.
// 3.11 writes the repr of notes that are not a sequence without a newline.
static void print_notes(PrintCtx *c, Value notes) {
    Type *nt = type_of(notes);
    if (!nt->getitem || (nt->flags & TYPE_DICT_SUBCLASS)) {
        write_margin(c);
        Value r = obj_repr(notes);
        if (r) {
            put_str(c->out, r);
        } else {
            err_clear();
            sb_puts(c->out, "<__notes__ repr() failed>");
        }
        return;
    }
    int64_t n = obj_len(notes);
    for (int64_t i = 0; i < n; i++) {
        Value index = int_from_i64(i);
        Value note = index ? obj_getitem(notes, index) : 0;
        Value s = note ? obj_str(note) : 0;
        if (!note) {
            break;  // CPython gives up on the report here
        }
        if (!s) {
            err_clear();
            sb_puts(c->out, "<note str() failed>");
        } else {
            const char *p = str_obj(s)->data;
            size_t left = str_obj(s)->nbytes;
            while (left) {
                size_t len = line_length(p, left);
                write_margin(c);
                sb_put(c->out, p, len);
                p += len;
                left -= len;
            }
        }
        sb_putc(c->out, '\n');
    }
    err_clear();
}

// One exception without its chain: traceback, location, message, notes.
static void print_exception(PrintCtx *c, Value exc) {
    print_traceback(c, exc);
    Value notes = obj_getattr_opt(exc, str_intern_cstr("__notes__"));
    err_clear();
    Value value = exc;
    print_file_and_line(c, &value);
    print_message(c, type_of(exc), value);
    Value suggestion = exc_suggestion(exc);
    if (suggestion) {
        sb_puts(c->out, ". Did you mean: '");
        put_str(c->out, suggestion);
        sb_puts(c->out, "'?");
    }
    sb_putc(c->out, '\n');
    if (notes) {
        print_notes(c, notes);
    }
}

// ---- chains and groups -----------------------------------------------------------------

static void print_recursive(PrintCtx *c, Value exc);

static int seen_contains(PrintCtx *c, Value exc) {
    for (size_t i = 0; i < c->nseen; i++) {
        if (c->seen[i] == val_ptr(exc)) {
            return 1;
        }
    }
    return 0;
}

// 0, or -1 when out of memory (then nothing more is chained, which errs
// on the side of printing less, as CPython does).
static int seen_add(PrintCtx *c, Value exc) {
    if (c->nseen == c->capseen) {
        size_t cap = c->capseen ? 2 * c->capseen : 16;
        const Object **items = realloc(c->seen, cap * sizeof *items);
        if (!items) {
            return -1;
        }
        c->seen = items;
        c->capseen = cap;
    }
    c->seen[c->nseen++] = val_ptr(exc);
    return 0;
}

static void print_chained(PrintCtx *c, Value exc, const char *message) {
    int need_close = c->need_close;
    print_recursive(c, exc);
    c->need_close = need_close;
    write_margin(c);
    sb_putc(c->out, '\n');
    write_margin(c);
    sb_puts(c->out, message);
    write_margin(c);
    sb_putc(c->out, '\n');
}

static void print_cause_and_context(PrintCtx *c, Value exc) {
    if (seen_add(c, exc) < 0) {
        return;
    }
    ExceptionObject *e = (ExceptionObject *)val_ptr(exc);
    if (e->cause && e->cause != VAL_NONE) {
        if (!seen_contains(c, e->cause)) {
            print_chained(c, e->cause,
                          "The above exception was the direct cause of the following "
                          "exception:\n");
        }
        return;
    }
    if (e->suppress_context) {
        return;
    }
    if (e->context && e->context != VAL_NONE && !seen_contains(c, e->context)) {
        print_chained(c, e->context,
                      "During handling of the above exception, another exception "
                      "occurred:\n");
    }
}

static void print_group(PrintCtx *c, Value exc) {
    if (c->group_depth > MAX_GROUP_DEPTH) {
        write_margin(c);
        sb_printf(c->out, "... (max_group_depth is %d)\n", MAX_GROUP_DEPTH);
        return;
    }
    if (c->group_depth == 0) {
        c->group_depth++;
    }
    print_exception(c, exc);
    Value excs = ((ExceptionGroupObject *)val_ptr(exc))->excs;
    size_t total = tuple_check(excs) ? tuple_obj(excs)->len : 0;
    size_t n = total <= MAX_GROUP_WIDTH ? total : MAX_GROUP_WIDTH + 1;
    c->need_close = 0;
    for (size_t i = 0; i < n; i++) {
        int last = i == n - 1;
        if (last) {
            c->need_close = 1;  // unless a nested box closes for both
        }
        int truncated = i >= MAX_GROUP_WIDTH;
        write_indent(c);
        sb_puts(c->out, i == 0 ? "+-" : "  ");
        if (truncated) {
            sb_puts(c->out, "+---------------- ... ----------------\n");
        } else {
            sb_printf(c->out, "+---------------- %zu ----------------\n", i + 1);
        }
        c->group_depth++;
        if (!truncated) {
            print_recursive(c, tuple_obj(excs)->items[i]);
        } else {
            size_t more = total - MAX_GROUP_WIDTH;
            write_margin(c);
            sb_printf(c->out, "and %zu more exception%s\n", more, more > 1 ? "s" : "");
        }
        if (last && c->need_close) {
            write_indent(c);
            sb_puts(c->out, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->group_depth--;
    }
    if (c->group_depth == 1) {
        c->group_depth--;
    }
}

static void print_recursive(PrintCtx *c, Value exc) {
    if (c->nesting >= MAX_NESTING) {
        return;
    }
    c->nesting++;
    if (!is_exception(exc)) {
        sb_printf(c->out, "TypeError: print_exception(): Exception expected for value, %s found\n",
                  obj_type_name(exc));
    } else {
        print_cause_and_context(c, exc);
        if (exc_group_check(exc)) {
            print_group(c, exc);
        } else {
            print_exception(c, exc);
        }
    }
    c->nesting--;
}

void exc_print(StrBuf *out, Value exc, ExcPrintFrames print_frames) {
    PrintCtx c = {out, print_frames, 0, 0, 0, NULL, 0, 0};
    print_recursive(&c, exc);
    free(c.seen);
    err_clear();
}
