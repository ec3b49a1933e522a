// cursesmodule.c - the `_curses` module over ncursesw: terminfo queries
// (setupterm, tigetstr, tparm...), the screen (initscr, endwin, the input
// modes, colors, the mouse) and the `_curses.window` type, for the stdlib's
// `curses` package.
//
// The module keeps CPython's three "must call X() first" states: setupterm
// (terminfo loaded), initscr (a screen exists) and start_color; functions
// that need one raise _curses.error before touching ncurses, which would
// crash or exit() instead. A C function that reports ERR becomes
// `_curses.error("<name>() returned ERR")`, a NULL WINDOW "curses function
// returned NULL".
//
// Characters: an int is a chtype (a character with attributes), bytes of
// length 1 its byte; a str of length 1 goes through the wide-character
// functions (add_wch, ins_wch...) where ncurses has them, and otherwise is
// encoded with the window's `encoding` (nl_langinfo(CODESET) by default, as
// in CPython). Strings are written with the wide functions when they are
// str and the narrow ones when bytes.
//
// Window objects own their WINDOW and delwin() it when freed (never stdscr);
// a window that has subwindows is kept by ncurses (delwin refuses it).
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#define NCURSES_WIDECHAR 1  // the wide-character functions (add_wch, get_wch...)
#include <curses.h>
#include <term.h>
#undef lines
#undef columns

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/structseq.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "curses.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value curses_module;   // _curses
static Value curses_error;    // _curses.error
static bool setupterm_called, initscr_called, start_color_called;
static char screen_encoding[64] = "utf-8";   // the initial screen's, for unctrl/ungetch

typedef struct WindowObject {
    Object header;
    WINDOW *win;
    Value encoding;   // str
} WindowObject;

static Type type_window;

static WindowObject *wo(Value v) {
    return (WindowObject *)val_ptr(v);
}

// ---- errors ------------------------------------------------------------------------

static Type *error_type(void) {
    return (Type *)val_ptr(curses_error);
}

// None if code is not ERR, else _curses.error naming the C function.
static Value check_err(int code, const char *fname) {
    if (code != ERR) {
        return VAL_NONE;
    }
    if (fname) {
        return err_format(error_type(), "%s() returned ERR", fname);
    }
    return err_format(error_type(), "curses function returned ERR");
}

static int need_setupterm(void) {
    if (!setupterm_called) {
        err_format(error_type(), "must call (at least) setupterm() first");
        return -1;
    }
    return 0;
}

static int need_initscr(void) {
    if (!initscr_called) {
        err_format(error_type(), "must call initscr() first");
        return -1;
    }
    return 0;
}

static int need_color(void) {
    if (need_initscr() < 0) {
        return -1;
    }
    if (!start_color_called) {
        err_format(error_type(), "must call start_color() first");
        return -1;
    }
    return 0;
}

// ---- argument conversion -----------------------------------------------------------

// Argument Clinic's / PyArg_Parse's 'i' and 'l'.
static int arg_long(Value v, long *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &x) < 0) {
        return -1;
    }
    *out = (long)x;
    return 0;
}

static int arg_int(Value v, int *out) {
    long x;
    if (arg_long(v, &x) < 0) {
        return -1;
    }
    if (x > INT_MAX) {
        err_format(&exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    if (x < INT_MIN) {
        err_format(&exc_OverflowError, "signed integer is less than minimum");
        return -1;
    }
    *out = (int)x;
    return 0;
}

// 'h': a C short.
static int arg_short(Value v, short *out) {
    long x;
    if (arg_long(v, &x) < 0) {
        return -1;
    }
    if (x > SHRT_MAX) {
        err_format(&exc_OverflowError, "signed short integer is greater than maximum");
        return -1;
    }
    if (x < SHRT_MIN) {
        err_format(&exc_OverflowError, "signed short integer is less than minimum");
        return -1;
    }
    *out = (short)x;
    return 0;
}

// The truth-value flags Argument Clinic reads as an int (cbreak(flag)...).
static int arg_flag(Value v, int *out) {
    return arg_int(v, out);
}

// A str argument as UTF-8 without NULs ('s').
static const char *arg_cstr(Value v, const char *fname, const char *what) {
    if (!val_is_str(v)) {
        err_format(&exc_TypeError, "%s() argument%s must be str, not %s", fname, what,
                   v == VAL_NONE ? "None" : obj_type_name(v));
        return NULL;
    }
    const char *s = str_obj(v)->data;
    if (strlen(s) != str_obj(v)->nbytes) {
        err_format(&exc_ValueError, "embedded null character");
        return NULL;
    }
    return s;
}

// A bytes-like argument as a NUL-free C string ('y').
static const char *arg_bytes(Value v) {
    if (!val_is_bytes(v)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%s'", obj_type_name(v));
        return NULL;
    }
    const char *s = bytes_data(v);
    if (strlen(s) != bytes_len(v)) {
        err_format(&exc_ValueError, "embedded null byte");
        return NULL;
    }
    return s;
}

static Value encoding_of(Value win) {
    return win ? wo(win)->encoding : 0;
}

static const char *encoding_cstr(Value win) {
    Value e = encoding_of(win);
    return e ? str_obj(e)->data : screen_encoding;
}

static Value wrong_char_type(Value v) {
    if (val_is_str(v)) {
        return err_format(&exc_TypeError,
                          "expect bytes or str of length 1, or int, got a str of length %zu",
                          str_len(v));
    }
    if (val_is_bytes(v)) {
        return err_format(&exc_TypeError,
                          "expect bytes or str of length 1, or int, got a bytes of length %zu",
                          bytes_len(v));
    }
    return err_format(&exc_TypeError, "expect bytes or str of length 1, or int, got %s",
                      obj_type_name(v));
}

// An int that must fit a C long (PyLong_AsLongAndOverflow).
static int char_long(Value v, long *out) {
    int64_t x;
    if (int_to_i64(v, &x) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "int doesn't fit in long");
        return -1;
    }
    *out = (long)x;
    return 0;
}

// CPython's PyCurses_ConvertToChtype: an int, bytes of length 1, or a str
// of length 1 (non-ASCII ones encoded in the window's encoding, which must
// give one byte).
static int to_chtype(Value win, Value v, chtype *out) {
    long value;
    if (int_check_exact(v)) {
        if (char_long(v, &value) < 0) {
            return -1;
        }
    } else if (val_is_bytes(v) && bytes_len(v) == 1) {
        value = (unsigned char)bytes_data(v)[0];
    } else if (val_is_str(v) && str_len(v) == 1) {
        size_t n;
        value = (long)str_decode_cp((const unsigned char *)str_obj(v)->data, &n);
        if (value > 128) {
            Value b = codec_encode(v, encoding_cstr(win), NULL);
            if (!b) {
                return -1;
            }
            value = bytes_len(b) == 1 ? (unsigned char)bytes_data(b)[0] : -1;
        }
    } else {
        wrong_char_type(v);
        return -1;
    }
    *out = (chtype)value;
    if ((long)*out != value) {
        err_format(&exc_OverflowError, "byte doesn't fit in chtype");
        return -1;
    }
    return 0;
}

// CPython's PyCurses_ConvertToCchar_t: 1 with a chtype in *ch, 2 with a
// wide character in *wch (a str), -1 on error.
static int to_cchar(Value v, chtype *ch, wchar_t *wch) {
    long value;
    if (val_is_str(v)) {
        if (str_len(v) != 1) {
            wrong_char_type(v);
            return -1;
        }
        size_t n;
        *wch = (wchar_t)str_decode_cp((const unsigned char *)str_obj(v)->data, &n);
        return 2;
    }
    if (val_is_bytes(v) && bytes_len(v) == 1) {
        value = (unsigned char)bytes_data(v)[0];
    } else if (int_check_exact(v)) {
        if (char_long(v, &value) < 0) {
            return -1;
        }
    } else {
        wrong_char_type(v);
        return -1;
    }
    *ch = (chtype)value;
    if ((long)*ch != value) {
        err_format(&exc_OverflowError, "byte doesn't fit in chtype");
        return -1;
    }
    return 1;
}

// A str as a malloc'd wide string (2), or bytes as their data (1); -1 on
// error. The caller frees *wide.
static int to_text(Value v, const char **narrow, wchar_t **wide) {
    *narrow = NULL;
    *wide = NULL;
    if (val_is_str(v)) {
        StrObject *s = str_obj(v);
        wchar_t *w = malloc((s->len + 1) * sizeof(wchar_t));
        if (!w) {
            err_no_memory();
            return -1;
        }
        const unsigned char *p = (const unsigned char *)s->data;
        for (size_t i = 0; i < s->len; i++) {
            size_t n;
            w[i] = (wchar_t)str_decode_cp(p, &n);
            if (w[i] == 0) {
                free(w);
                err_format(&exc_ValueError, "embedded null character");
                return -1;
            }
            p += n;
        }
        w[s->len] = 0;
        *wide = w;
        return 2;
    }
    if (val_is_bytes(v)) {
        if (strlen(bytes_data(v)) != bytes_len(v)) {
            err_format(&exc_ValueError, "embedded null byte");
            return -1;
        }
        *narrow = bytes_data(v);
        return 1;
    }
    err_format(&exc_TypeError, "expect bytes or str, got %s", obj_type_name(v));
    return -1;
}

// "name requires min to max arguments": Argument Clinic's optional groups.
static int group_count(const char *name, size_t nargs, Value kwnames, size_t min, size_t max) {
    char qual[80];
    snprintf(qual, sizeof qual, "_curses.window.%s", name);
    if (args_no_keywords(qual, kwnames) < 0) {
        return -1;
    }
    if (nargs < min || nargs > max) {
        err_format(&exc_TypeError, "%s requires %zu to %zu arguments", qual, min, max);
        return -1;
    }
    return 0;
}

// PyArg_ParseTuple("i...;message"): a count error says only `message`.
static int int_args_msg(const char *name, size_t nargs, Value kwnames, size_t n, const char *msg,
                        const Value *args, int *out) {
    if (args_no_keywords(name, kwnames) < 0) {
        return -1;
    }
    if (nargs != n) {
        err_format(&exc_TypeError, "%s", msg);
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (arg_int(args[i], &out[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

// A fixed number of int arguments, with _PyArg_CheckPositional's messages.
static int int_args(const char *name, size_t nargs, Value kwnames, size_t n, const Value *args,
                    int *out) {
    if (args_no_keywords(name, kwnames) < 0 || args_check_positional(name, nargs, n, n) < 0) {
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (arg_int(args[i], &out[i]) < 0) {
            return -1;
        }
    }
    return 0;
}

static int no_args(const char *qualname, size_t nargs, Value kwnames) {
    return method_check_args(qualname, nargs, kwnames, 0, 0);
}

static int one_arg(const char *qualname, size_t nargs, Value kwnames) {
    return method_check_args(qualname, nargs, kwnames, 1, 1);
}

// ---- window objects ------------------------------------------------------------------

static Value window_new(WINDOW *win, Value encoding) {
    if (!encoding) {
        const char *codeset = nl_langinfo(CODESET);
        encoding = str_from_cstr(codeset && codeset[0] ? codeset : "utf-8");
        if (!encoding) {
            return 0;
        }
    }
    WindowObject *w = (WindowObject *)gc_alloc(&type_window, sizeof(WindowObject));
    if (!w) {
        if (win != stdscr) {
            delwin(win);
        }
        return 0;
    }
    w->win = win;
    w->encoding = encoding;
    return val_from_ptr(w);
}

static void window_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((WindowObject *)o)->encoding);
}

static void window_free(Object *o) {
    WindowObject *w = (WindowObject *)o;
    if (w->win && w->win != stdscr) {
        delwin(w->win);
    }
    w->win = NULL;
}

bool curses_window_check(Value v) {
    return val_is_ptr(v) && type_of(v) == &type_window;
}

WINDOW *curses_window_win(Value v) {
    return wo(v)->win;
}

Type *curses_window_type(void) {
    return &type_window;
}

#define W (wo(self)->win)

// Methods that take no arguments and return check_err(f(win)).
#define WIN_NOARG_ERR(pyname, call, cname)                                  \
    FN(win_##pyname) {                                                      \
        if (no_args("window." #pyname, nargs, kwnames) < 0) {               \
            return 0;                                                       \
        }                                                                   \
        return check_err(call, cname);                                      \
    }
// Methods that take no arguments and return None whatever f returns.
#define WIN_NOARG_NONE(pyname, call)                                        \
    FN(win_##pyname) {                                                      \
        if (no_args("window." #pyname, nargs, kwnames) < 0) {               \
            return 0;                                                       \
        }                                                                   \
        call;                                                               \
        return VAL_NONE;                                                    \
    }
// One flag argument ("i;True(1) or False(0)").
#define WIN_FLAG(pyname, call, cname)                                       \
    FN(win_##pyname) {                                                      \
        int a[1];                                                           \
        if (int_args_msg(#pyname, nargs, kwnames, 1, "True(1) or False(0)", args, a) < 0) { \
            return 0;                                                       \
        }                                                                   \
        int flag = a[0];                                                    \
        (void)flag;                                                         \
        return check_err(call, cname);                                      \
    }
#define WIN_FLAG_NONE(pyname, call)                                         \
    FN(win_##pyname) {                                                      \
        int a[1];                                                           \
        if (int_args_msg(#pyname, nargs, kwnames, 1, "True(1) or False(0)", args, a) < 0) { \
            return 0;                                                       \
        }                                                                   \
        int flag = a[0];                                                    \
        call;                                                               \
        return VAL_NONE;                                                    \
    }

WIN_NOARG_ERR(clear, wclear(W), "wclear")
WIN_NOARG_ERR(clrtobot, wclrtobot(W), "wclrtobot")
WIN_NOARG_ERR(clrtoeol, wclrtoeol(W), "wclrtoeol")
WIN_NOARG_ERR(deleteln, wdeleteln(W), "wdeleteln")
WIN_NOARG_ERR(erase, werase(W), "werase")
WIN_NOARG_ERR(insertln, winsertln(W), "winsertln")
WIN_NOARG_ERR(redrawwin, redrawwin(W), "redrawwin")
WIN_NOARG_ERR(touchwin, touchwin(W), "touchwin")
WIN_NOARG_ERR(untouchwin, untouchwin(W), "untouchwin")
WIN_NOARG_ERR(standend, wstandend(W), "wstandend")
WIN_NOARG_ERR(standout, wstandout(W), "wstandout")
WIN_NOARG_NONE(cursyncup, wcursyncup(W))
WIN_NOARG_NONE(syncdown, wsyncdown(W))
WIN_NOARG_NONE(syncup, wsyncup(W))

WIN_FLAG(clearok, clearok(W, flag), "clearok")
WIN_FLAG(idlok, idlok(W, flag), "idlok")
WIN_FLAG(keypad, keypad(W, flag), "keypad")
WIN_FLAG(leaveok, leaveok(W, flag), "leaveok")
WIN_FLAG(nodelay, nodelay(W, flag), "nodelay")
WIN_FLAG(notimeout, notimeout(W, flag), "notimeout")
WIN_FLAG(scrollok, scrollok(W, flag), "scrollok")
WIN_FLAG_NONE(idcok, idcok(W, flag))
WIN_FLAG_NONE(immedok, immedok(W, flag))
WIN_FLAG(syncok, syncok(W, flag), "syncok")

FN(win_timeout) {
    int a[1];
    if (int_args_msg("timeout", nargs, kwnames, 1, "delay", args, a) < 0) {
        return 0;
    }
    wtimeout(W, a[0]);
    return VAL_NONE;
}

FN(win_insdelln) {
    int a[1];
    if (int_args_msg("insdelln", nargs, kwnames, 1, "nlines", args, a) < 0) {
        return 0;
    }
    return check_err(winsdelln(W, a[0]), "winsdelln");
}

FN(win_move) {
    int a[2];
    if (int_args_msg("move", nargs, kwnames, 2, "y,x", args, a) < 0) {
        return 0;
    }
    return check_err(wmove(W, a[0], a[1]), "wmove");
}

FN(win_mvwin) {
    int a[2];
    if (int_args_msg("mvwin", nargs, kwnames, 2, "y,x", args, a) < 0) {
        return 0;
    }
    return check_err(mvwin(W, a[0], a[1]), "mvwin");
}

FN(win_mvderwin) {
    int a[2];
    if (int_args_msg("mvderwin", nargs, kwnames, 2, "y,x", args, a) < 0) {
        return 0;
    }
    return check_err(mvderwin(W, a[0], a[1]), "mvderwin");
}

FN(win_resize) {
    int a[2];
    if (int_args_msg("resize", nargs, kwnames, 2, "lines,columns", args, a) < 0) {
        return 0;
    }
    return check_err(wresize(W, a[0], a[1]), "wresize");
}

FN(win_redrawln) {
    int a[2];
    if (int_args("redrawln", nargs, kwnames, 2, args, a) < 0) {
        return 0;
    }
    return check_err(wredrawln(W, a[0], a[1]), "wredrawln");
}

FN(win_setscrreg) {
    int a[2];
    if (int_args("setscrreg", nargs, kwnames, 2, args, a) < 0) {
        return 0;
    }
    return check_err(wsetscrreg(W, a[0], a[1]), "wsetscrreg");
}

static Value pair_of(int a, int b) {
    return tuple_from((Value[]){val_from_smallint(a), val_from_smallint(b)}, 2);
}

FN(win_getyx) {
    if (no_args("window.getyx", nargs, kwnames) < 0) {
        return 0;
    }
    return pair_of(getcury(W), getcurx(W));
}

FN(win_getbegyx) {
    if (no_args("window.getbegyx", nargs, kwnames) < 0) {
        return 0;
    }
    return pair_of(getbegy(W), getbegx(W));
}

FN(win_getmaxyx) {
    if (no_args("window.getmaxyx", nargs, kwnames) < 0) {
        return 0;
    }
    return pair_of(getmaxy(W), getmaxx(W));
}

FN(win_getparyx) {
    if (no_args("window.getparyx", nargs, kwnames) < 0) {
        return 0;
    }
    return pair_of(getpary(W), getparx(W));
}

FN(win_getbkgd) {
    if (no_args("window.getbkgd", nargs, kwnames) < 0) {
        return 0;
    }
    chtype c = getbkgd(W);
    if (c == (chtype)ERR) {
        return check_err(ERR, "getbkgd");
    }
    return int_from_i64((int64_t)c);
}

FN(win_is_wintouched) {
    if (no_args("window.is_wintouched", nargs, kwnames) < 0) {
        return 0;
    }
    return is_wintouched(W) ? VAL_TRUE : VAL_FALSE;
}

FN(win_is_linetouched) {
    int line;
    if (one_arg("window.is_linetouched", nargs, kwnames) < 0 || arg_int(args[0], &line) < 0) {
        return 0;
    }
    int r = is_linetouched(W, line);
    if (r == ERR) {
        return err_format(&exc_TypeError, "is_linetouched: line number outside of boundaries");
    }
    return r ? VAL_TRUE : VAL_FALSE;
}

static Value win_attr_op(Value self, const char *qual, size_t nargs, const Value *args,
                         Value kwnames, int op) {
    long attr;
    if (one_arg(qual, nargs, kwnames) < 0 || arg_long(args[0], &attr) < 0) {
        return 0;
    }
    switch (op) {
    case 0:
        return check_err(wattron(W, (attr_t)attr), "attron");
    case 1:
        return check_err(wattroff(W, (attr_t)attr), "attroff");
    default:
        return check_err(wattrset(W, (attr_t)attr), "wattrset");
    }
}

FN(win_attron) {
    return win_attr_op(self, "window.attron", nargs, args, kwnames, 0);
}

FN(win_attroff) {
    return win_attr_op(self, "window.attroff", nargs, args, kwnames, 1);
}

FN(win_attrset) {
    return win_attr_op(self, "window.attrset", nargs, args, kwnames, 2);
}

// bkgd(ch, attr=A_NORMAL), bkgdset, echochar: a character and an attribute.
static int char_attr_args(Value self, const char *name, const Value *args, size_t nargs,
                          Value kwnames, chtype *ch, long *attr) {
    if (args_no_keywords(name, kwnames) < 0 || args_check_positional(name, nargs, 1, 2) < 0 ||
        to_chtype(self, args[0], ch) < 0) {
        return -1;
    }
    *attr = A_NORMAL;
    if (nargs == 2 && arg_long(args[1], attr) < 0) {
        return -1;
    }
    return 0;
}

FN(win_bkgd) {
    chtype ch;
    long attr;
    if (char_attr_args(self, "bkgd", args, nargs, kwnames, &ch, &attr) < 0) {
        return 0;
    }
    return check_err(wbkgd(W, ch | (attr_t)attr), "bkgd");
}

FN(win_bkgdset) {
    chtype ch;
    long attr;
    if (char_attr_args(self, "bkgdset", args, nargs, kwnames, &ch, &attr) < 0) {
        return 0;
    }
    wbkgdset(W, ch | (attr_t)attr);
    return VAL_NONE;
}

FN(win_echochar) {
    chtype ch;
    long attr;
    if (char_attr_args(self, "echochar", args, nargs, kwnames, &ch, &attr) < 0) {
        return 0;
    }
    if (is_pad(W)) {
        return check_err(pechochar(W, ch | (attr_t)attr), "echochar");
    }
    return check_err(wechochar(W, ch | (attr_t)attr), "echochar");
}

// addch([y, x,] ch, [attr]) and insch: the groups by count.
static int yx_ch_attr(const char *name, Value self, const Value *args, size_t nargs,
                      Value kwnames, bool *have_yx, int *y, int *x, Value *ch, long *attr) {
    if (group_count(name, nargs, kwnames, 1, 4) < 0) {
        return -1;
    }
    *have_yx = nargs >= 3;
    size_t i = 0;
    if (*have_yx) {
        if (arg_int(args[0], y) < 0 || arg_int(args[1], x) < 0) {
            return -1;
        }
        i = 2;
    }
    *ch = args[i];
    *attr = A_NORMAL;
    if (nargs == 2 || nargs == 4) {
        if (arg_long(args[i + 1], attr) < 0) {
            return -1;
        }
    }
    return 0;
}

FN(win_addch) {
    bool yx;
    int y = 0, x = 0;
    Value chv;
    long attr;
    if (yx_ch_attr("addch", self, args, nargs, kwnames, &yx, &y, &x, &chv, &attr) < 0) {
        return 0;
    }
    chtype ch = 0;
    wchar_t wstr[2] = {0, 0};
    int kind = to_cchar(chv, &ch, &wstr[0]);
    if (kind < 0) {
        return 0;
    }
    int rtn;
    if (kind == 2) {
        cchar_t wc;
        setcchar(&wc, wstr, (attr_t)attr, PAIR_NUMBER(attr), NULL);
        rtn = yx ? mvwadd_wch(W, y, x, &wc) : wadd_wch(W, &wc);
        return check_err(rtn, "add_wch");
    }
    rtn = yx ? mvwaddch(W, y, x, ch | (attr_t)attr) : waddch(W, ch | (attr_t)attr);
    return check_err(rtn, "addch");
}

FN(win_insch) {
    bool yx;
    int y = 0, x = 0;
    Value chv;
    long attr;
    if (yx_ch_attr("insch", self, args, nargs, kwnames, &yx, &y, &x, &chv, &attr) < 0) {
        return 0;
    }
    chtype ch;
    if (to_chtype(self, chv, &ch) < 0) {
        return 0;
    }
    int rtn = yx ? mvwinsch(W, y, x, ch | (attr_t)attr) : winsch(W, ch | (attr_t)attr);
    return check_err(rtn, "insch");
}

// addstr/insstr ([y, x,] str, [attr]) and the n forms ([y, x,] str, n, [attr]).
typedef enum { TEXT_ADD, TEXT_INS } TextOp;

static Value win_text(Value self, const char *name, TextOp op, bool with_n, const Value *args,
                      size_t nargs, Value kwnames) {
    size_t base = with_n ? 2 : 1;
    if (group_count(name, nargs, kwnames, base, base + 3) < 0) {
        return 0;
    }
    bool yx = nargs >= base + 2;
    int y = 0, x = 0, n = -1;
    size_t i = 0;
    long attr = 0;
    if (yx) {
        if (arg_int(args[0], &y) < 0 || arg_int(args[1], &x) < 0) {
            return 0;
        }
        i = 2;
    }
    bool have_attr = (nargs - base) % 2 == 1;
    if ((with_n && arg_int(args[i + 1], &n) < 0) ||
        (have_attr && arg_long(args[i + base], &attr) < 0)) {
        return 0;
    }
    const char *narrow;
    wchar_t *wide;
    int kind = to_text(args[i], &narrow, &wide);
    if (kind < 0) {
        return 0;
    }
    attr_t saved = 0;
    short saved_pair = 0;
    if (have_attr) {
        wattr_get(W, &saved, &saved_pair, NULL);
        wattrset(W, (attr_t)attr);
    }
    int rtn = OK;
    const char *fname;
    if (yx) {
        rtn = wmove(W, y, x);
    }
    if (kind == 2) {
        if (op == TEXT_ADD) {
            fname = with_n ? "addnwstr" : "addwstr";
            if (rtn != ERR) {
                rtn = with_n ? waddnwstr(W, wide, n) : waddwstr(W, wide);
            }
        } else {
            fname = with_n ? "insn_wstr" : "ins_wstr";
            if (rtn != ERR) {
                rtn = with_n ? wins_nwstr(W, wide, n) : wins_wstr(W, wide);
            }
        }
        free(wide);
    } else {
        if (op == TEXT_ADD) {
            fname = with_n ? "addnstr" : "addstr";
            if (rtn != ERR) {
                rtn = with_n ? waddnstr(W, narrow, n) : waddstr(W, narrow);
            }
        } else {
            fname = with_n ? "insnstr" : "insstr";
            if (rtn != ERR) {
                rtn = with_n ? winsnstr(W, narrow, n) : winsstr(W, narrow);
            }
        }
    }
    if (have_attr) {
        wattrset(W, saved);
    }
    return check_err(rtn, fname);
}

FN(win_addstr) {
    return win_text(self, "addstr", TEXT_ADD, false, args, nargs, kwnames);
}

FN(win_addnstr) {
    return win_text(self, "addnstr", TEXT_ADD, true, args, nargs, kwnames);
}

FN(win_insstr) {
    return win_text(self, "insstr", TEXT_INS, false, args, nargs, kwnames);
}

FN(win_insnstr) {
    return win_text(self, "insnstr", TEXT_INS, true, args, nargs, kwnames);
}

// The optional (y, x) group of delch, getch, getkey, get_wch, inch.
static int opt_yx(const char *name, const Value *args, size_t nargs, Value kwnames, bool *yx,
                  int *y, int *x) {
    if (args_no_keywords(name, kwnames) < 0) {
        return -1;
    }
    if (nargs != 0 && nargs != 2) {
        err_format(&exc_TypeError, "_curses.window.%s requires 0 to 2 arguments", name);
        return -1;
    }
    *yx = nargs == 2;
    if (*yx && (arg_int(args[0], y) < 0 || arg_int(args[1], x) < 0)) {
        return -1;
    }
    return 0;
}

FN(win_delch) {
    bool yx;
    int y = 0, x = 0;
    if (opt_yx("delch", args, nargs, kwnames, &yx, &y, &x) < 0) {
        return 0;
    }
    return yx ? check_err(mvwdelch(W, y, x), "mvwdelch") : check_err(wdelch(W), "wdelch");
}

FN(win_inch) {
    bool yx;
    int y = 0, x = 0;
    if (opt_yx("inch", args, nargs, kwnames, &yx, &y, &x) < 0) {
        return 0;
    }
    chtype c = yx ? mvwinch(W, y, x) : winch(W);
    return int_from_u64((uint64_t)c);
}

FN(win_getch) {
    bool yx;
    int y = 0, x = 0;
    if (opt_yx("getch", args, nargs, kwnames, &yx, &y, &x) < 0) {
        return 0;
    }
    int c = yx ? mvwgetch(W, y, x) : wgetch(W);
    return int_from_i64(c);
}

static Value no_input(void) {
    return err_format(error_type(), "no input");
}

FN(win_getkey) {
    bool yx;
    int y = 0, x = 0;
    if (opt_yx("getkey", args, nargs, kwnames, &yx, &y, &x) < 0) {
        return 0;
    }
    int c = yx ? mvwgetch(W, y, x) : wgetch(W);
    if (c == ERR) {
        return no_input();
    }
    if (c <= 255) {
        if (c < 0) {
            c += 256;
        }
        return str_char((uint32_t)c);
    }
    const char *name = keyname(c);
    return str_from_cstr(name ? name : "");
}

FN(win_get_wch) {
    bool yx;
    int y = 0, x = 0;
    if (opt_yx("get_wch", args, nargs, kwnames, &yx, &y, &x) < 0) {
        return 0;
    }
    wint_t c;
    int kind = yx ? mvwget_wch(W, y, x, &c) : wget_wch(W, &c);
    if (kind == ERR) {
        return no_input();
    }
    if (kind == KEY_CODE_YES) {
        return int_from_i64((int64_t)c);
    }
    return str_char((uint32_t)c);
}

// getstr/instr: ([y, x,] [n]) with n at most 1023 (getstr) / 2047 (instr).
static Value win_read_text(Value self, bool get, const Value *args, size_t nargs,
                           Value kwnames) {
    const char *name = get ? "getstr" : "instr";
    int limit = get ? 1023 : 2047;
    if (args_no_keywords(name, kwnames) < 0) {
        return 0;
    }
    if (nargs > 3) {
        return err_format(&exc_TypeError, get ? "getstr requires 0 to 3 arguments"
                                              : "instr requires 0 or 3 arguments");
    }
    int a[3] = {0, 0, limit};
    for (size_t i = 0; i < nargs; i++) {
        if (arg_int(args[i], &a[i]) < 0) {
            return 0;
        }
    }
    int y = 0, x = 0, n = limit;
    bool yx = nargs >= 2;
    if (nargs == 1) {
        n = a[0];
    } else if (yx) {
        y = a[0];
        x = a[1];
        n = nargs == 3 ? a[2] : limit;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "'n' must be nonnegative");
    }
    if (n > limit) {
        n = limit;
    }
    char buf[2048];
    int rtn;
    if (get) {
        if (yx) {
            rtn = wmove(W, y, x) == ERR ? ERR : wgetnstr(W, buf, n);
        } else {
            rtn = wgetnstr(W, buf, n);
        }
    } else {
        rtn = yx ? mvwinnstr(W, y, x, buf, n) : winnstr(W, buf, n);
    }
    if (rtn == ERR) {
        buf[0] = 0;
    }
    return bytes_from(buf, strlen(buf));
}

FN(win_getstr) {
    return win_read_text(self, true, args, nargs, kwnames);
}

FN(win_instr) {
    return win_read_text(self, false, args, nargs, kwnames);
}

// hline/vline([y, x,] ch, n, [attr])
static Value win_line(Value self, bool horizontal, const Value *args, size_t nargs,
                      Value kwnames) {
    const char *name = horizontal ? "hline" : "vline";
    if (group_count(name, nargs, kwnames, 2, 5) < 0) {
        return 0;
    }
    bool yx = nargs >= 4;
    int y = 0, x = 0, n;
    size_t i = 0;
    if (yx) {
        if (arg_int(args[0], &y) < 0 || arg_int(args[1], &x) < 0) {
            return 0;
        }
        i = 2;
    }
    chtype ch;
    long attr = A_NORMAL;
    if (to_chtype(self, args[i], &ch) < 0 || arg_int(args[i + 1], &n) < 0) {
        return 0;
    }
    if (nargs == 3 || nargs == 5) {
        if (arg_long(args[i + 2], &attr) < 0) {
            return 0;
        }
    }
    if (yx && wmove(W, y, x) == ERR) {
        return check_err(ERR, "wmove");
    }
    int rtn = horizontal ? whline(W, ch | (attr_t)attr, n) : wvline(W, ch | (attr_t)attr, n);
    return check_err(rtn, name);
}

FN(win_hline) {
    return win_line(self, true, args, nargs, kwnames);
}

FN(win_vline) {
    return win_line(self, false, args, nargs, kwnames);
}

FN(win_border) {
    if (args_no_keywords("border", kwnames) < 0 ||
        args_check_positional("border", nargs, 0, 8) < 0) {
        return 0;
    }
    chtype ch[8] = {0};
    for (size_t i = 0; i < nargs; i++) {
        if (to_chtype(self, args[i], &ch[i]) < 0) {
            return 0;
        }
    }
    wborder(W, ch[0], ch[1], ch[2], ch[3], ch[4], ch[5], ch[6], ch[7]);
    return VAL_NONE;
}

FN(win_box) {
    if (args_no_keywords("_curses.window.box", kwnames) < 0) {
        return 0;
    }
    if (nargs != 0 && nargs != 2) {
        return err_format(&exc_TypeError, "_curses.window.box requires 0 to 2 arguments");
    }
    chtype v = 0, h = 0;
    if (nargs == 2 && (to_chtype(self, args[0], &v) < 0 || to_chtype(self, args[1], &h) < 0)) {
        return 0;
    }
    box(W, v, h);
    return VAL_NONE;
}

// chgat([y, x,] [n=-1,] attr)
FN(win_chgat) {
    if (args_no_keywords("chgat", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1 || nargs > 4) {
        return err_format(&exc_TypeError, "chgat requires 1 to 4 arguments");
    }
    int y = 0, x = 0, n = -1;
    long attr;
    const Value *a = args;
    if (nargs >= 3 && (arg_int(a[0], &y) < 0 || arg_int(a[1], &x) < 0)) {
        return 0;
    }
    if (nargs == 2 || nargs == 4) {
        if (arg_int(a[nargs - 2], &n) < 0) {
            return 0;
        }
    }
    if (arg_long(a[nargs - 1], &attr) < 0) {
        return 0;
    }
    short color = (short)PAIR_NUMBER(attr);
    attr_t at = (attr_t)attr & (attr_t)~A_COLOR;
    int rtn;
    if (nargs >= 3) {
        rtn = mvwchgat(W, y, x, n, at, color, NULL);
        touchline(W, y, 1);
    } else {
        getyx(W, y, x);
        rtn = wchgat(W, n, at, color, NULL);
        touchline(W, y, 1);
    }
    return check_err(rtn, "chgat");
}

FN(win_enclose) {
    int a[2];
    if (int_args("enclose", nargs, kwnames, 2, args, a) < 0) {
        return 0;
    }
    return wenclose(W, a[0], a[1]) ? VAL_TRUE : VAL_FALSE;
}

FN(win_scroll) {
    if (args_no_keywords("scroll", kwnames) < 0) {
        return 0;
    }
    if (nargs > 1) {
        return err_format(&exc_TypeError, "_curses.window.scroll requires 0 to 1 arguments");
    }
    int n = 1;
    if (nargs == 1) {
        if (arg_int(args[0], &n) < 0) {
            return 0;
        }
        return check_err(wscrl(W, n), "scroll");
    }
    return check_err(scroll(W), "scroll");
}

FN(win_touchline) {
    if (group_count("touchline", nargs, kwnames, 2, 3) < 0) {
        return 0;
    }
    int a[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++) {
        if (arg_int(args[i], &a[i]) < 0) {
            return 0;
        }
    }
    if (nargs == 3) {
        return check_err(wtouchln(W, a[0], a[1], a[2] ? 1 : 0), "touchline");
    }
    return check_err(touchline(W, a[0], a[1]), "touchline");
}

// refresh/noutrefresh: no arguments, or six for a pad.
static Value win_refresh_op(Value self, bool out, const Value *args, size_t nargs,
                            Value kwnames) {
    const char *name = out ? "noutrefresh" : "refresh";
    if (args_no_keywords(name, kwnames) < 0) {
        return 0;
    }
    if (nargs != 0 && nargs != 6) {
        return err_format(&exc_TypeError, "_curses.window.%s requires 0 to 6 arguments", name);
    }
    int a[6];
    for (size_t i = 0; i < nargs; i++) {
        if (arg_int(args[i], &a[i]) < 0) {
            return 0;
        }
    }
    if (is_pad(W)) {
        if (nargs == 0) {
            // (CPython words the two differently)
            return err_format(error_type(), out ? "noutrefresh() called for a pad requires 6 arguments"
                                                : "refresh() for a pad requires 6 arguments");
        }
        int rtn = out ? pnoutrefresh(W, a[0], a[1], a[2], a[3], a[4], a[5])
                      : prefresh(W, a[0], a[1], a[2], a[3], a[4], a[5]);
        return check_err(rtn, out ? "pnoutrefresh" : "prefresh");
    }
    if (nargs) {
        return err_format(&exc_TypeError, "%s() takes no arguments (6 given)", name);
    }
    return check_err(out ? wnoutrefresh(W) : wrefresh(W), out ? "wnoutrefresh" : "prefresh");
}

FN(win_refresh) {
    return win_refresh_op(self, false, args, nargs, kwnames);
}

FN(win_noutrefresh) {
    return win_refresh_op(self, true, args, nargs, kwnames);
}

// subwin/subpad/derwin ([nlines, ncols,] begin_y, begin_x)
static Value win_sub(Value self, const char *name, bool derived, const Value *args,
                     size_t nargs, Value kwnames) {
    if (args_no_keywords(name, kwnames) < 0) {
        return 0;
    }
    if (nargs != 2 && nargs != 4) {
        return err_format(&exc_TypeError, "_curses.window.%s requires 2 to 4 arguments", name);
    }
    int a[4] = {0, 0, 0, 0};
    int *p = nargs == 4 ? a : a + 2;
    for (size_t i = 0; i < nargs; i++) {
        if (arg_int(args[i], &p[i]) < 0) {
            return 0;
        }
    }
    WINDOW *win;
    if (derived) {
        win = derwin(W, a[0], a[1], a[2], a[3]);
    } else if (is_pad(W)) {
        win = subpad(W, a[0], a[1], a[2], a[3]);
    } else {
        win = subwin(W, a[0], a[1], a[2], a[3]);
    }
    if (!win) {
        return err_format(error_type(), "curses function returned NULL");
    }
    return window_new(win, wo(self)->encoding);
}

FN(win_subwin) {
    return win_sub(self, "subwin", false, args, nargs, kwnames);
}

FN(win_derwin) {
    return win_sub(self, "derwin", true, args, nargs, kwnames);
}

// overlay/overwrite(destwin, [sminrow, smincol, dminrow, dmincol, dmaxrow, dmaxcol])
static Value win_copy(Value self, bool overlay_, const Value *args, size_t nargs,
                      Value kwnames) {
    const char *name = overlay_ ? "overlay" : "overwrite";
    if (args_no_keywords(name, kwnames) < 0) {
        return 0;
    }
    if (nargs != 1 && nargs != 7) {
        return err_format(&exc_TypeError, "_curses.window.%s requires 1 to 7 arguments", name);
    }
    if (!curses_window_check(args[0])) {
        return err_format(&exc_TypeError, "%s() argument 1 must be _curses.window, not %s", name,
                          args[0] == VAL_NONE ? "None" : obj_type_name(args[0]));
    }
    WINDOW *dest = wo(args[0])->win;
    if (nargs == 7) {
        int a[6];
        for (size_t i = 0; i < 6; i++) {
            if (arg_int(args[i + 1], &a[i]) < 0) {
                return 0;
            }
        }
        return check_err(copywin(W, dest, a[0], a[1], a[2], a[3], a[4], a[5], overlay_),
                         "copywin");
    }
    return overlay_ ? check_err(overlay(W, dest), "overlay")
                    : check_err(overwrite(W, dest), "overwrite");
}

FN(win_overlay) {
    return win_copy(self, true, args, nargs, kwnames);
}

FN(win_overwrite) {
    return win_copy(self, false, args, nargs, kwnames);
}

// putwin(file): the window's dump, written to the file object.
FN(win_putwin) {
    if (one_arg("window.putwin", nargs, kwnames) < 0) {
        return 0;
    }
    Value write = obj_getattr_cstr(args[0], "write");
    if (!write) {
        return 0;
    }
    FILE *fp = tmpfile();
    if (!fp) {
        return err_from_errno(errno, 0, 0);
    }
    Value result = check_err(putwin(W, fp), "putwin");
    if (result) {
        fflush(fp);
        long size = ftell(fp);
        rewind(fp);
        char *buf = malloc(size > 0 ? (size_t)size : 1);
        size_t got = buf ? fread(buf, 1, (size_t)size, fp) : 0;
        Value data = buf ? bytes_from(buf, got) : 0;
        free(buf);
        if (!buf) {
            err_no_memory();
        }
        result = data ? obj_call(write, &data, 1, 0) : 0;
        if (result) {
            result = VAL_NONE;
        }
    }
    fclose(fp);
    return result;
}

static Value window_get_encoding(Value self) {
    return wo(self)->encoding;
}

static int window_set_encoding(Value self, Value value) {
    if (!value) {
        err_format(&exc_TypeError, "encoding may not be deleted");
        return -1;
    }
    if (!val_is_str(value)) {
        err_format(&exc_TypeError, "setting encoding to a non-string");
        return -1;
    }
    const char *s = str_obj(value)->data;
    for (const char *p = s; *p; p++) {
        if ((unsigned char)*p >= 0x80) {
            err_format(&exc_UnicodeEncodeError, "encoding must be ASCII");
            return -1;
        }
    }
    wo(self)->encoding = str_exact(value);
    return wo(self)->encoding ? 0 : -1;
}

static const MethodDef window_methods[] = {
    {"addch", win_addch, METH_DEFAULT,
     "addch([y, x,] ch, [attr=_curses.A_NORMAL])\nPaint character ch at (y, x) with attributes attr."},
    {"addnstr", win_addnstr, METH_DEFAULT,
     "addnstr([y, x,] str, n, [attr])\nPaint at most n characters of str at (y, x) with attributes attr."},
    {"addstr", win_addstr, METH_DEFAULT,
     "addstr([y, x,] str, [attr])\nPaint str at (y, x) with attributes attr."},
    {"attroff", win_attroff, METH_DEFAULT, NULL},
    {"attron", win_attron, METH_DEFAULT, NULL},
    {"attrset", win_attrset, METH_DEFAULT, NULL},
    {"bkgd", win_bkgd, METH_DEFAULT, NULL},
    {"bkgdset", win_bkgdset, METH_DEFAULT, NULL},
    {"border", win_border, METH_DEFAULT, NULL},
    {"box", win_box, METH_DEFAULT, NULL},
    {"chgat", win_chgat, METH_DEFAULT, NULL},
    {"clear", win_clear, METH_DEFAULT, NULL},
    {"clearok", win_clearok, METH_DEFAULT, NULL},
    {"clrtobot", win_clrtobot, METH_DEFAULT, NULL},
    {"clrtoeol", win_clrtoeol, METH_DEFAULT, NULL},
    {"cursyncup", win_cursyncup, METH_DEFAULT, NULL},
    {"delch", win_delch, METH_DEFAULT,
     "delch([y, x])\nDelete the character under the cursor."},
    {"deleteln", win_deleteln, METH_DEFAULT, NULL},
    {"derwin", win_derwin, METH_DEFAULT,
     "derwin([nlines=0, ncols=0,] begin_y, begin_x)\nA subwindow whose origin is relative to this window."},
    {"echochar", win_echochar, METH_DEFAULT, NULL},
    {"enclose", win_enclose, METH_DEFAULT, NULL},
    {"erase", win_erase, METH_DEFAULT, NULL},
    {"get_wch", win_get_wch, METH_DEFAULT,
     "get_wch([y, x])\nRead a wide character (a str), or a function key code (an int)."},
    {"getbegyx", win_getbegyx, METH_DEFAULT, NULL},
    {"getbkgd", win_getbkgd, METH_DEFAULT, NULL},
    {"getch", win_getch, METH_DEFAULT,
     "getch([y, x])\nRead a character (an int, -1 without input in no-delay mode)."},
    {"getkey", win_getkey, METH_DEFAULT,
     "getkey([y, x])\nRead a character, returned as a str (a key name for function keys)."},
    {"getmaxyx", win_getmaxyx, METH_DEFAULT, NULL},
    {"getparyx", win_getparyx, METH_DEFAULT, NULL},
    {"getstr", win_getstr, METH_DEFAULT, NULL},
    {"getyx", win_getyx, METH_DEFAULT, NULL},
    {"hline", win_hline, METH_DEFAULT,
     "hline([y, x,] ch, n, [attr=_curses.A_NORMAL])\nDraw a horizontal line of n characters ch."},
    {"idcok", win_idcok, METH_DEFAULT, NULL},
    {"idlok", win_idlok, METH_DEFAULT, NULL},
    {"immedok", win_immedok, METH_DEFAULT, NULL},
    {"inch", win_inch, METH_DEFAULT,
     "inch([y, x])\nThe character and attributes at the given position."},
    {"insch", win_insch, METH_DEFAULT,
     "insch([y, x,] ch, [attr=_curses.A_NORMAL])\nInsert character ch at (y, x) with attributes attr."},
    {"insdelln", win_insdelln, METH_DEFAULT, NULL},
    {"insertln", win_insertln, METH_DEFAULT, NULL},
    {"insnstr", win_insnstr, METH_DEFAULT,
     "insnstr([y, x,] str, n, [attr])\nInsert at most n characters of str before the cursor."},
    {"insstr", win_insstr, METH_DEFAULT,
     "insstr([y, x,] str, [attr])\nInsert str before the cursor."},
    {"instr", win_instr, METH_DEFAULT, NULL},
    {"is_linetouched", win_is_linetouched, METH_DEFAULT, NULL},
    {"is_wintouched", win_is_wintouched, METH_DEFAULT, NULL},
    {"keypad", win_keypad, METH_DEFAULT, NULL},
    {"leaveok", win_leaveok, METH_DEFAULT, NULL},
    {"move", win_move, METH_DEFAULT, NULL},
    {"mvderwin", win_mvderwin, METH_DEFAULT, NULL},
    {"mvwin", win_mvwin, METH_DEFAULT, NULL},
    {"nodelay", win_nodelay, METH_DEFAULT, NULL},
    {"notimeout", win_notimeout, METH_DEFAULT, NULL},
    {"noutrefresh", win_noutrefresh, METH_DEFAULT, NULL},
    {"overlay", win_overlay, METH_DEFAULT, NULL},
    {"overwrite", win_overwrite, METH_DEFAULT, NULL},
    {"putwin", win_putwin, METH_DEFAULT, NULL},
    {"redrawln", win_redrawln, METH_DEFAULT, NULL},
    {"redrawwin", win_redrawwin, METH_DEFAULT, NULL},
    {"refresh", win_refresh, METH_DEFAULT, NULL},
    {"resize", win_resize, METH_DEFAULT, NULL},
    {"scroll", win_scroll, METH_DEFAULT, NULL},
    {"scrollok", win_scrollok, METH_DEFAULT, NULL},
    {"setscrreg", win_setscrreg, METH_DEFAULT, NULL},
    {"standend", win_standend, METH_DEFAULT, NULL},
    {"standout", win_standout, METH_DEFAULT, NULL},
    {"subpad", win_subwin, METH_DEFAULT,
     "subwin([nlines=0, ncols=0,] begin_y, begin_x)\nA subwindow whose origin is on the screen."},
    {"subwin", win_subwin, METH_DEFAULT,
     "subwin([nlines=0, ncols=0,] begin_y, begin_x)\nA subwindow whose origin is on the screen."},
    {"syncdown", win_syncdown, METH_DEFAULT, NULL},
    {"syncok", win_syncok, METH_DEFAULT, NULL},
    {"syncup", win_syncup, METH_DEFAULT, NULL},
    {"timeout", win_timeout, METH_DEFAULT, NULL},
    {"touchline", win_touchline, METH_DEFAULT, NULL},
    {"touchwin", win_touchwin, METH_DEFAULT, NULL},
    {"untouchwin", win_untouchwin, METH_DEFAULT, NULL},
    {"vline", win_vline, METH_DEFAULT,
     "vline([y, x,] ch, n, [attr=_curses.A_NORMAL])\nDraw a vertical line of n characters ch."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef window_getset[] = {
    {"encoding", window_get_encoding, window_set_encoding, "the encoding used to convert text"},
    {NULL, NULL, NULL, NULL},
};

static Type type_window = {
    .header = {&type_type},
    .name = "_curses.window",
    .basic_size = sizeof(WindowObject),
    .base = &type_object,
    .trace = window_trace,
    .free = window_free,
    .methods = window_methods,
    .getset = window_getset,
};

#undef W

// ---- module functions ----------------------------------------------------------------

// Functions of no arguments that need initscr() and return check_err(f()).
#define MOD_NOARG_ERR(pyname, call, cname)                                  \
    FN(cm_##pyname) {                                                       \
        if (no_args("_curses." #pyname, nargs, kwnames) < 0 || need_initscr() < 0) { \
            return 0;                                                       \
        }                                                                   \
        return check_err(call, cname);                                      \
    }
// ... that return a bool.
#define MOD_NOARG_BOOL(pyname, call)                                        \
    FN(cm_##pyname) {                                                       \
        if (no_args("_curses." #pyname, nargs, kwnames) < 0 || need_initscr() < 0) { \
            return 0;                                                       \
        }                                                                   \
        return (call) ? VAL_TRUE : VAL_FALSE;                               \
    }
// ... that return an int.
#define MOD_NOARG_INT(pyname, call)                                         \
    FN(cm_##pyname) {                                                       \
        if (no_args("_curses." #pyname, nargs, kwnames) < 0 || need_initscr() < 0) { \
            return 0;                                                       \
        }                                                                   \
        return int_from_i64((int64_t)(call));                               \
    }
// flag=True functions: f() when true, the no- form when false.
#define MOD_FLAG(pyname, on, off)                                           \
    FN(cm_##pyname) {                                                       \
        int flag = 1;                                                       \
        if (args_no_keywords(#pyname, kwnames) < 0 ||                       \
            args_check_positional(#pyname, nargs, 0, 1) < 0 ||              \
            (nargs == 1 && arg_flag(args[0], &flag) < 0) || need_initscr() < 0) { \
            return 0;                                                       \
        }                                                                   \
        return flag ? check_err(on, #on) : check_err(off, #off);            \
    }

MOD_NOARG_INT(baudrate, baudrate())
MOD_NOARG_ERR(beep, beep(), "beep")
MOD_NOARG_BOOL(can_change_color, can_change_color())
MOD_NOARG_ERR(def_prog_mode, def_prog_mode(), "def_prog_mode")
MOD_NOARG_ERR(def_shell_mode, def_shell_mode(), "def_shell_mode")
MOD_NOARG_ERR(doupdate, doupdate(), "doupdate")
MOD_NOARG_ERR(flash, flash(), "flash")
MOD_NOARG_BOOL(has_colors, has_colors())
MOD_NOARG_BOOL(has_ic, has_ic())
MOD_NOARG_BOOL(has_il, has_il())
MOD_NOARG_BOOL(isendwin, isendwin())
MOD_NOARG_ERR(nocbreak, nocbreak(), "nocbreak")
MOD_NOARG_ERR(noecho, noecho(), "noecho")
MOD_NOARG_ERR(nonl, nonl(), "nonl")
MOD_NOARG_ERR(noraw, noraw(), "noraw")
MOD_NOARG_ERR(reset_prog_mode, reset_prog_mode(), "reset_prog_mode")
MOD_NOARG_ERR(reset_shell_mode, reset_shell_mode(), "reset_shell_mode")
MOD_NOARG_ERR(resetty, resetty(), "resetty")
MOD_NOARG_ERR(savetty, savetty(), "savetty")
MOD_NOARG_INT(termattrs, termattrs())
MOD_NOARG_ERR(use_default_colors, use_default_colors(), "use_default_colors")
MOD_FLAG(cbreak, cbreak(), nocbreak())
MOD_FLAG(echo, echo(), noecho())
MOD_FLAG(nl, nl(), nonl())
MOD_FLAG(raw, raw(), noraw())

FN(cm_endwin) {
    if (no_args("_curses.endwin", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    return check_err(endwin(), "endwin");
}

FN(cm_noqiflush) {
    if (no_args("_curses.noqiflush", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    noqiflush();
    return VAL_NONE;
}

FN(cm_qiflush) {
    int flag = 1;
    if (args_no_keywords("qiflush", kwnames) < 0 ||
        args_check_positional("qiflush", nargs, 0, 1) < 0 ||
        (nargs == 1 && arg_flag(args[0], &flag) < 0) || need_initscr() < 0) {
        return 0;
    }
    if (flag) {
        qiflush();
    } else {
        noqiflush();
    }
    return VAL_NONE;
}

FN(cm_filter) {
    if (no_args("_curses.filter", nargs, kwnames) < 0) {
        return 0;
    }
    filter();
    return VAL_NONE;
}

FN(cm_flushinp) {
    if (no_args("_curses.flushinp", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    flushinp();
    return VAL_NONE;
}

FN(cm_erasechar) {
    if (no_args("_curses.erasechar", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    char c = erasechar();
    return bytes_from(&c, 1);
}

FN(cm_killchar) {
    if (no_args("_curses.killchar", nargs, kwnames) < 0) {
        return 0;
    }
    char c = killchar();
    return bytes_from(&c, 1);
}

FN(cm_longname) {
    if (no_args("_curses.longname", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    const char *s = longname();
    if (!s) {
        return err_format(error_type(), "longname() returned NULL");
    }
    return bytes_from_cstr(s);
}

FN(cm_termname) {
    if (no_args("_curses.termname", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    const char *s = termname();
    if (!s) {
        return err_format(error_type(), "termname() returned NULL");
    }
    return bytes_from_cstr(s);
}

FN(cm_get_escdelay) {
    if (no_args("_curses.get_escdelay", nargs, kwnames) < 0) {
        return 0;
    }
    return int_from_i64(ESCDELAY);
}

FN(cm_set_escdelay) {
    int ms;
    if (one_arg("_curses.set_escdelay", nargs, kwnames) < 0 || arg_int(args[0], &ms) < 0) {
        return 0;
    }
    if (ms <= 0) {
        return err_format(&exc_ValueError, "ms must be > 0");
    }
    return check_err(set_escdelay(ms), "set_escdelay");
}

FN(cm_get_tabsize) {
    if (no_args("_curses.get_tabsize", nargs, kwnames) < 0) {
        return 0;
    }
    return int_from_i64(TABSIZE);
}

FN(cm_set_tabsize) {
    int size;
    if (one_arg("_curses.set_tabsize", nargs, kwnames) < 0 || arg_int(args[0], &size) < 0) {
        return 0;
    }
    if (size <= 0) {
        return err_format(&exc_ValueError, "size must be > 0");
    }
    return check_err(set_tabsize(size), "set_tabsize");
}

FN(cm_has_extended_color_support) {
    if (no_args("_curses.has_extended_color_support", nargs, kwnames) < 0) {
        return 0;
    }
    return VAL_TRUE;
}

// One int argument (a C int) with initscr() required.
static int one_int_initscr(const char *qual, const Value *args, size_t nargs, Value kwnames,
                           int *out) {
    if (one_arg(qual, nargs, kwnames) < 0 || arg_int(args[0], out) < 0 || need_initscr() < 0) {
        return -1;
    }
    return 0;
}

FN(cm_curs_set) {
    int v;
    if (one_int_initscr("_curses.curs_set", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    int old = curs_set(v);
    if (old == ERR) {
        return check_err(ERR, "curs_set");
    }
    return int_from_i64(old);
}

FN(cm_delay_output) {
    int v;
    if (one_int_initscr("_curses.delay_output", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return check_err(delay_output(v), "delay_output");
}

FN(cm_halfdelay) {
    int v;
    if (one_int_initscr("_curses.halfdelay", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    if (v < 0 || v > 255) {
        return err_format(&exc_OverflowError,
                          v < 0 ? "unsigned byte integer is less than minimum"
                                : "unsigned byte integer is greater than maximum");
    }
    return check_err(halfdelay(v), "halfdelay");
}

FN(cm_intrflush) {
    int v;
    if (one_int_initscr("_curses.intrflush", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return check_err(intrflush(NULL, v), "intrflush");
}

FN(cm_meta) {
    int v;
    if (one_int_initscr("_curses.meta", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return check_err(meta(stdscr, v), "meta");
}

FN(cm_napms) {
    int v;
    if (one_int_initscr("_curses.napms", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return int_from_i64(napms(v));
}

FN(cm_typeahead) {
    int v;
    if (one_int_initscr("_curses.typeahead", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return check_err(typeahead(v), "typeahead");
}

FN(cm_mouseinterval) {
    int v;
    if (one_int_initscr("_curses.mouseinterval", args, nargs, kwnames, &v) < 0) {
        return 0;
    }
    return check_err(mouseinterval(v), "mouseinterval");
}

FN(cm_mousemask) {
    long v;
    if (one_arg("_curses.mousemask", nargs, kwnames) < 0 || arg_long(args[0], &v) < 0 ||
        need_initscr() < 0) {
        return 0;
    }
    mmask_t old;
    mmask_t avail = mousemask((mmask_t)v, &old);
    return tuple_from((Value[]){int_from_u64(avail), int_from_u64(old)}, 2);
}

FN(cm_getmouse) {
    if (no_args("_curses.getmouse", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    MEVENT ev;
    if (getmouse(&ev) == ERR) {
        return check_err(ERR, "getmouse");
    }
    return tuple_from((Value[]){int_from_i64(ev.id), int_from_i64(ev.x), int_from_i64(ev.y),
                                int_from_i64(ev.z), int_from_u64(ev.bstate)}, 5);
}

FN(cm_ungetmouse) {
    if (args_no_keywords("ungetmouse", kwnames) < 0 ||
        args_check_positional("ungetmouse", nargs, 5, 5) < 0) {
        return 0;
    }
    short id;
    int xyz[3];
    long bstate;
    if (arg_short(args[0], &id) < 0 || arg_int(args[1], &xyz[0]) < 0 ||
        arg_int(args[2], &xyz[1]) < 0 || arg_int(args[3], &xyz[2]) < 0 ||
        arg_long(args[4], &bstate) < 0 || need_initscr() < 0) {
        return 0;
    }
    MEVENT ev = {.id = id, .x = xyz[0], .y = xyz[1], .z = xyz[2], .bstate = (mmask_t)bstate};
    return check_err(ungetmouse(&ev), "ungetmouse");
}

FN(cm_getsyx) {
    if (no_args("_curses.getsyx", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    int y = 0, x = 0;
    getsyx(y, x);
    return pair_of(y, x);
}

FN(cm_setsyx) {
    int a[2];
    if (int_args("setsyx", nargs, kwnames, 2, args, a) < 0 || need_initscr() < 0) {
        return 0;
    }
    setsyx(a[0], a[1]);
    return VAL_NONE;
}

// LINES and COLS of the module (and of the curses package, if imported).
static int update_lines_cols(void) {
    Value l = val_from_smallint(LINES), c = val_from_smallint(COLS);
    if (module_add(curses_module, "LINES", l) < 0 || module_add(curses_module, "COLS", c) < 0) {
        return -1;
    }
    Value modules = sys_get_object("modules");
    if (modules && dict_check(modules)) {
        Value pkg = dict_get_cstr(modules, "curses");
        if (pkg) {
            if (obj_setattr(pkg, str_intern_cstr("LINES"), l) < 0 ||
                obj_setattr(pkg, str_intern_cstr("COLS"), c) < 0) {
                return -1;
            }
        }
    }
    return 0;
}

FN(cm_update_lines_cols) {
    if (no_args("_curses.update_lines_cols", nargs, kwnames) < 0) {
        return 0;
    }
    return update_lines_cols() < 0 ? 0 : VAL_NONE;
}

static Value resize_op(const char *name, bool term, const Value *args, size_t nargs,
                       Value kwnames) {
    int a[2];
    if (int_args(name, nargs, kwnames, 2, args, a) < 0 || need_initscr() < 0) {
        return 0;
    }
    int rtn = term ? resizeterm(a[0], a[1]) : resize_term(a[0], a[1]);
    Value r = check_err(rtn, name);
    if (!r || update_lines_cols() < 0) {
        return 0;
    }
    return r;
}

FN(cm_resizeterm) {
    return resize_op("resizeterm", true, args, nargs, kwnames);
}

FN(cm_resize_term) {
    return resize_op("resize_term", false, args, nargs, kwnames);
}

FN(cm_is_term_resized) {
    int a[2];
    if (int_args("is_term_resized", nargs, kwnames, 2, args, a) < 0 || need_initscr() < 0) {
        return 0;
    }
    return is_term_resized(a[0], a[1]) ? VAL_TRUE : VAL_FALSE;
}

FN(cm_use_env) {
    int flag;
    if (one_arg("_curses.use_env", nargs, kwnames) < 0 || arg_flag(args[0], &flag) < 0) {
        return 0;
    }
    use_env(flag);
    return VAL_NONE;
}

FN(cm_has_key) {
    int key;
    if (one_int_initscr("_curses.has_key", args, nargs, kwnames, &key) < 0) {
        return 0;
    }
    return has_key(key) ? VAL_TRUE : VAL_FALSE;
}

FN(cm_keyname) {
    int key;
    if (one_int_initscr("_curses.keyname", args, nargs, kwnames, &key) < 0) {
        return 0;
    }
    if (key < 0) {
        return err_format(&exc_ValueError, "invalid key number");
    }
    const char *s = keyname(key);
    return bytes_from_cstr(s ? s : "");
}

FN(cm_unctrl) {
    if (one_arg("_curses.unctrl", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    chtype ch;
    if (to_chtype(0, args[0], &ch) < 0) {
        return 0;
    }
    const char *s = unctrl(ch);
    return bytes_from_cstr(s ? s : "");
}

FN(cm_ungetch) {
    if (one_arg("_curses.ungetch", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    chtype ch;
    if (to_chtype(0, args[0], &ch) < 0) {
        return 0;
    }
    return check_err(ungetch((int)ch), "ungetch");
}

FN(cm_unget_wch) {
    if (one_arg("_curses.unget_wch", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    Value v = args[0];
    wchar_t wc;
    if (val_is_str(v)) {
        if (str_len(v) != 1) {
            return err_format(&exc_TypeError, "expect str of length 1 or int, got a str of length %zu",
                              str_len(v));
        }
        size_t n;
        wc = (wchar_t)str_decode_cp((const unsigned char *)str_obj(v)->data, &n);
    } else if (int_check_exact(v)) {
        long value;
        if (char_long(v, &value) < 0) {
            return 0;
        }
        wc = (wchar_t)value;
        if ((long)wc != value) {
            return err_format(&exc_OverflowError, "character doesn't fit in wchar_t");
        }
    } else {
        return err_format(&exc_TypeError, "expect str of length 1 or int, got %s",
                          obj_type_name(v));
    }
    return check_err(unget_wch(wc), "unget_wch");
}

// ---- colors ------------------------------------------------------------------------

// An int argument as a C long, saturating: *overflow is 1 (or -1) when it
// is above LONG_MAX (below LONG_MIN), as PyLong_AsLongAndOverflow.
static int arg_long_saturating(Value v, long *out, int *overflow) {
    *overflow = 0;
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    Value i = obj_index(v);
    if (!i) {
        return -1;
    }
    int64_t x;
    if (int_to_i64(i, &x) < 0) {
        err_clear();
        Value zero = val_from_smallint(0);
        Value neg = obj_richcompare(i, zero, CMP_LT);
        if (!neg) {
            return -1;
        }
        *overflow = neg == VAL_TRUE ? -1 : 1;
        *out = neg == VAL_TRUE ? LONG_MIN : LONG_MAX;
        return 0;
    }
    *out = (long)x;
    return 0;
}

// A color number: 0..COLORS-1, or -1 (the default color) with allow_default.
static int color_arg_ex(Value v, int *out, bool allow_default) {
    long n;
    int overflow;
    if (arg_long_saturating(v, &n, &overflow) < 0) {
        return -1;
    }
    long min = allow_default ? -1 : 0;
    if (n < min) {
        err_format(&exc_ValueError, "Color number is less than %ld.", min);
        return -1;
    }
    if (n > COLORS - 1) {
        err_format(&exc_ValueError, "Color number is greater than COLORS-1 (%d).", COLORS - 1);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int color_arg(Value v, int *out) {
    return color_arg_ex(v, out, false);
}

// A color pair number: checked against COLOR_PAIRS only by the call.
static int pair_arg(Value v, int *out) {
    long n;
    int overflow;
    if (arg_long_saturating(v, &n, &overflow) < 0) {
        return -1;
    }
    if (n < 0) {
        err_format(&exc_ValueError, "Color pair is less than 0.");
        return -1;
    }
    if (n > INT_MAX) {
        err_format(&exc_ValueError, "Color pair is greater than maximum (%d).", INT_MAX);
        return -1;
    }
    *out = (int)n;
    return 0;
}

static int component_arg(Value v, int *out) {
    long n;
    if (arg_long(v, &n) < 0) {
        return -1;
    }
    if (n < 0) {
        err_format(&exc_ValueError, "Color component is less than 0.");
        return -1;
    }
    if (n > 1000) {
        err_format(&exc_ValueError, "Color component is greater than 1000.");
        return -1;
    }
    *out = (int)n;
    return 0;
}

FN(cm_start_color) {
    if (no_args("_curses.start_color", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    if (start_color() == ERR) {
        return err_format(error_type(), "start_color() returned ERR");
    }
    start_color_called = true;
    if (module_add(curses_module, "COLORS", val_from_smallint(COLORS)) < 0 ||
        module_add(curses_module, "COLOR_PAIRS", val_from_smallint(COLOR_PAIRS)) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(cm_color_content) {
    int c;
    if (one_arg("_curses.color_content", nargs, kwnames) < 0 || color_arg(args[0], &c) < 0 ||
        need_color() < 0) {
        return 0;
    }
    int r, g, b;
    if (extended_color_content(c, &r, &g, &b) == ERR) {
        return err_format(error_type(), "Argument 1 was out of range. Check value of COLORS.");
    }
    return tuple_from((Value[]){val_from_smallint(r), val_from_smallint(g), val_from_smallint(b)},
                      3);
}

FN(cm_init_color) {
    if (args_no_keywords("init_color", kwnames) < 0 ||
        args_check_positional("init_color", nargs, 4, 4) < 0) {
        return 0;
    }
    int c, rgb[3];
    if (color_arg(args[0], &c) < 0 || component_arg(args[1], &rgb[0]) < 0 ||
        component_arg(args[2], &rgb[1]) < 0 || component_arg(args[3], &rgb[2]) < 0 ||
        need_color() < 0) {
        return 0;
    }
    return check_err(init_extended_color(c, rgb[0], rgb[1], rgb[2]), "init_extended_color");
}

FN(cm_init_pair) {
    if (args_no_keywords("init_pair", kwnames) < 0 ||
        args_check_positional("init_pair", nargs, 3, 3) < 0) {
        return 0;
    }
    int p, fg, bg;
    if (pair_arg(args[0], &p) < 0 || color_arg_ex(args[1], &fg, true) < 0 ||
        color_arg_ex(args[2], &bg, true) < 0 || need_color() < 0) {
        return 0;
    }
    if (init_extended_pair(p, fg, bg) == ERR) {
        if (p >= COLOR_PAIRS) {
            return err_format(&exc_ValueError, "Color pair is greater than COLOR_PAIRS-1 (%d).",
                              COLOR_PAIRS - 1);
        }
        return check_err(ERR, "init_extended_pair");
    }
    return VAL_NONE;
}

FN(cm_pair_content) {
    int p;
    if (one_arg("_curses.pair_content", nargs, kwnames) < 0 || pair_arg(args[0], &p) < 0 ||
        need_color() < 0) {
        return 0;
    }
    int fg, bg;
    if (extended_pair_content(p, &fg, &bg) == ERR) {
        if (p >= COLOR_PAIRS) {
            return err_format(&exc_ValueError, "Color pair is greater than COLOR_PAIRS-1 (%d).",
                              COLOR_PAIRS - 1);
        }
        return err_format(error_type(),
                          "Argument 1 was out of range. (0..COLOR_PAIRS-1)");
    }
    return pair_of(fg, bg);
}

FN(cm_color_pair) {
    int n;
    if (one_int_initscr("_curses.color_pair", args, nargs, kwnames, &n) < 0 || need_color() < 0) {
        return 0;
    }
    return int_from_i64((int64_t)COLOR_PAIR(n));
}

FN(cm_pair_number) {
    int attr;
    if (one_int_initscr("_curses.pair_number", args, nargs, kwnames, &attr) < 0 ||
        need_color() < 0) {
        return 0;
    }
    return int_from_i64(PAIR_NUMBER(attr));
}

// ---- terminfo ------------------------------------------------------------------------

FN(cm_setupterm) {
    static const char *const names[] = {"term", "fd", NULL};
    ArgSpec spec = {"setupterm", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    const char *term = NULL;
    if (a[0] && a[0] != VAL_NONE) {
        if (!val_is_str(a[0])) {
            return err_format(&exc_TypeError,
                              "setupterm() argument 'term' must be str or None, not %s",
                              obj_type_name(a[0]));
        }
        term = arg_cstr(a[0], "setupterm", " 'term'");
        if (!term) {
            return 0;
        }
    }
    int fd = -1;
    if (a[1] && arg_int(a[1], &fd) < 0) {
        return 0;
    }
    if (fd == -1) {
        Value out = sys_get_object("stdout");
        if (!out || out == VAL_NONE) {
            return err_format(&exc_RuntimeError, "lost sys.stdout");
        }
        Value fileno = obj_call_method(out, "fileno", NULL, 0);
        if (!fileno || arg_int(fileno, &fd) < 0) {
            return 0;
        }
    }
    if (!setupterm_called) {
        int err = 0;
        if (setupterm((char *)term, fd, &err) == ERR) {
            return err_format(error_type(), "%s",
                              err == 0 ? "setupterm: could not find terminal"
                                       : "setupterm: could not find terminfo database");
        }
        setupterm_called = true;
    }
    return VAL_NONE;
}

static const char *capname_arg(const char *fname, const Value *args, size_t nargs,
                               Value kwnames) {
    char qual[32];
    snprintf(qual, sizeof qual, "_curses.%s", fname);
    if (one_arg(qual, nargs, kwnames) < 0) {
        return NULL;
    }
    if (!val_is_str(args[0])) {
        err_format(&exc_TypeError, "%s() argument must be str, not %s", fname,
                   args[0] == VAL_NONE ? "None" : obj_type_name(args[0]));
        return NULL;
    }
    const char *s = arg_cstr(args[0], fname, "");
    if (!s || need_setupterm() < 0) {
        return NULL;
    }
    return s;
}

FN(cm_tigetflag) {
    const char *cap = capname_arg("tigetflag", args, nargs, kwnames);
    return cap ? int_from_i64(tigetflag(cap)) : 0;
}

FN(cm_tigetnum) {
    const char *cap = capname_arg("tigetnum", args, nargs, kwnames);
    return cap ? int_from_i64(tigetnum(cap)) : 0;
}

FN(cm_tigetstr) {
    const char *cap = capname_arg("tigetstr", args, nargs, kwnames);
    if (!cap) {
        return 0;
    }
    const char *s = tigetstr(cap);
    if (!s || s == (char *)-1) {
        return VAL_NONE;
    }
    return bytes_from_cstr(s);
}

// Whether a terminfo format pops a string parameter (%s, %l, or printf-style
// %[:flags][width[.precision]]s): ncurses would take the int given for it as
// a pointer (CPython crashes there).
static bool tparm_uses_strings(const char *fmt) {
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            continue;
        }
        p++;
        if (*p == '%') {
            continue;
        }
        if (*p == 'l') {
            return true;
        }
        if (*p == ':') {
            p++;
        }
        while (*p && strchr("-+# 0123456789.", *p)) {
            p++;
        }
        if (*p == 's') {
            return true;
        }
        if (!*p) {
            break;
        }
    }
    return false;
}

FN(cm_tparm) {
    if (args_no_keywords("tparm", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1) {
        return err_format(&exc_TypeError, "tparm() takes at least 1 argument (0 given)");
    }
    if (nargs > 10) {
        return err_format(&exc_TypeError, "tparm() takes at most 10 arguments (%zu given)", nargs);
    }
    const char *fmt = arg_bytes(args[0]);
    if (!fmt) {
        return 0;
    }
    int p[9] = {0};
    for (size_t i = 1; i < nargs; i++) {
        if (arg_int(args[i], &p[i - 1]) < 0) {
            return 0;
        }
    }
    if (need_setupterm() < 0) {
        return 0;
    }
    if (tparm_uses_strings(fmt)) {
        return err_format(&exc_NotImplementedError,
                          "tparm() of a format with string parameters (%%s, %%l)");
    }
    const char *s = tiparm(fmt, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8]);
    if (!s) {
        return err_format(error_type(), "tparm() returned NULL");
    }
    return bytes_from_cstr(s);
}

FN(cm_putp) {
    if (one_arg("_curses.putp", nargs, kwnames) < 0) {
        return 0;
    }
    const char *s = arg_bytes(args[0]);
    if (!s) {
        return 0;
    }
    return check_err(putp(s), "putp");
}

// ---- the screen ----------------------------------------------------------------------

static int set_acs_constants(void) {
    static const struct {
        const char *name;
        unsigned char code;
    } acs[] = {
        {"ACS_ULCORNER", 'l'}, {"ACS_LLCORNER", 'm'}, {"ACS_URCORNER", 'k'},
        {"ACS_LRCORNER", 'j'}, {"ACS_LTEE", 't'},     {"ACS_RTEE", 'u'},
        {"ACS_BTEE", 'v'},     {"ACS_TTEE", 'w'},     {"ACS_HLINE", 'q'},
        {"ACS_VLINE", 'x'},    {"ACS_PLUS", 'n'},     {"ACS_S1", 'o'},
        {"ACS_S9", 's'},       {"ACS_DIAMOND", '`'},  {"ACS_CKBOARD", 'a'},
        {"ACS_DEGREE", 'f'},   {"ACS_PLMINUS", 'g'},  {"ACS_BULLET", '~'},
        {"ACS_LARROW", ','},   {"ACS_RARROW", '+'},   {"ACS_DARROW", '.'},
        {"ACS_UARROW", '-'},   {"ACS_BOARD", 'h'},    {"ACS_LANTERN", 'i'},
        {"ACS_BLOCK", '0'},    {"ACS_BSSB", 'l'},     {"ACS_SSBB", 'm'},
        {"ACS_BBSS", 'k'},     {"ACS_SBBS", 'j'},     {"ACS_SBSS", 'u'},
        {"ACS_SSSB", 't'},     {"ACS_SSBS", 'v'},     {"ACS_BSSS", 'w'},
        {"ACS_BSBS", 'q'},     {"ACS_SBSB", 'x'},     {"ACS_SSSS", 'n'},
        {"ACS_S3", 'p'},       {"ACS_S7", 'r'},       {"ACS_LEQUAL", 'y'},
        {"ACS_GEQUAL", 'z'},   {"ACS_PI", '{'},       {"ACS_NEQUAL", '|'},
        {"ACS_STERLING", '}'},
    };
    for (size_t i = 0; i < sizeof acs / sizeof acs[0]; i++) {
        if (module_add(curses_module, acs[i].name, int_from_u64(acs_map[acs[i].code])) < 0) {
            return -1;
        }
    }
    return 0;
}

FN(cm_initscr) {
    if (no_args("_curses.initscr", nargs, kwnames) < 0) {
        return 0;
    }
    if (initscr_called) {
        wrefresh(stdscr);
        return window_new(stdscr, 0);
    }
    WINDOW *win = initscr();
    if (!win) {
        return err_format(error_type(), "curses function returned NULL");
    }
    initscr_called = setupterm_called = true;
    if (set_acs_constants() < 0 || update_lines_cols() < 0) {
        return 0;
    }
    Value w = window_new(win, 0);
    if (w) {
        snprintf(screen_encoding, sizeof screen_encoding, "%s", str_obj(wo(w)->encoding)->data);
    }
    return w;
}

FN(cm_newwin) {
    if (args_no_keywords("newwin", kwnames) < 0) {
        return 0;
    }
    if (nargs != 2 && nargs != 4) {
        return err_format(&exc_TypeError, "_curses.newwin requires 2 to 4 arguments");
    }
    int a[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < nargs; i++) {
        if (arg_int(args[i], &a[i]) < 0) {
            return 0;
        }
    }
    if (need_initscr() < 0) {
        return 0;
    }
    WINDOW *win = newwin(a[0], a[1], a[2], a[3]);
    if (!win) {
        return err_format(error_type(), "curses function returned NULL");
    }
    return window_new(win, 0);
}

FN(cm_newpad) {
    int a[2];
    if (int_args("newpad", nargs, kwnames, 2, args, a) < 0 || need_initscr() < 0) {
        return 0;
    }
    WINDOW *win = newpad(a[0], a[1]);
    if (!win) {
        return err_format(error_type(), "curses function returned NULL");
    }
    return window_new(win, 0);
}

// getwin(file): a window from the dump putwin() wrote, read from the file.
FN(cm_getwin) {
    if (one_arg("_curses.getwin", nargs, kwnames) < 0 || need_initscr() < 0) {
        return 0;
    }
    Value data = obj_call_method(args[0], "read", NULL, 0);
    if (!data) {
        return 0;
    }
    if (!val_is_bytes(data)) {
        return err_format(&exc_TypeError, "f.read() returned %s instead of bytes",
                          obj_type_name(data));
    }
    FILE *fp = tmpfile();
    if (!fp) {
        return err_from_errno(errno, 0, 0);
    }
    fwrite(bytes_data(data), 1, bytes_len(data), fp);
    fflush(fp);
    rewind(fp);
    WINDOW *win = getwin(fp);
    fclose(fp);
    if (!win) {
        return err_format(error_type(), "curses function returned NULL");
    }
    return window_new(win, 0);
}

static const MethodDef curses_functions[] = {
    {"baudrate", cm_baudrate, METH_DEFAULT, NULL},
    {"beep", cm_beep, METH_DEFAULT, NULL},
    {"can_change_color", cm_can_change_color, METH_DEFAULT, NULL},
    {"cbreak", cm_cbreak, METH_DEFAULT, NULL},
    {"color_content", cm_color_content, METH_DEFAULT, NULL},
    {"color_pair", cm_color_pair, METH_DEFAULT, NULL},
    {"curs_set", cm_curs_set, METH_DEFAULT, NULL},
    {"def_prog_mode", cm_def_prog_mode, METH_DEFAULT, NULL},
    {"def_shell_mode", cm_def_shell_mode, METH_DEFAULT, NULL},
    {"delay_output", cm_delay_output, METH_DEFAULT, NULL},
    {"doupdate", cm_doupdate, METH_DEFAULT, NULL},
    {"echo", cm_echo, METH_DEFAULT, NULL},
    {"endwin", cm_endwin, METH_DEFAULT, NULL},
    {"erasechar", cm_erasechar, METH_DEFAULT, NULL},
    {"filter", cm_filter, METH_DEFAULT, NULL},
    {"flash", cm_flash, METH_DEFAULT, NULL},
    {"flushinp", cm_flushinp, METH_DEFAULT, NULL},
    {"get_escdelay", cm_get_escdelay, METH_DEFAULT, NULL},
    {"get_tabsize", cm_get_tabsize, METH_DEFAULT, NULL},
    {"getmouse", cm_getmouse, METH_DEFAULT, NULL},
    {"getsyx", cm_getsyx, METH_DEFAULT, NULL},
    {"getwin", cm_getwin, METH_DEFAULT, NULL},
    {"halfdelay", cm_halfdelay, METH_DEFAULT, NULL},
    {"has_colors", cm_has_colors, METH_DEFAULT, NULL},
    {"has_extended_color_support", cm_has_extended_color_support, METH_DEFAULT, NULL},
    {"has_ic", cm_has_ic, METH_DEFAULT, NULL},
    {"has_il", cm_has_il, METH_DEFAULT, NULL},
    {"has_key", cm_has_key, METH_DEFAULT, NULL},
    {"init_color", cm_init_color, METH_DEFAULT, NULL},
    {"init_pair", cm_init_pair, METH_DEFAULT, NULL},
    {"initscr", cm_initscr, METH_DEFAULT, NULL},
    {"intrflush", cm_intrflush, METH_DEFAULT, NULL},
    {"is_term_resized", cm_is_term_resized, METH_DEFAULT, NULL},
    {"isendwin", cm_isendwin, METH_DEFAULT, NULL},
    {"keyname", cm_keyname, METH_DEFAULT, NULL},
    {"killchar", cm_killchar, METH_DEFAULT, NULL},
    {"longname", cm_longname, METH_DEFAULT, NULL},
    {"meta", cm_meta, METH_DEFAULT, NULL},
    {"mouseinterval", cm_mouseinterval, METH_DEFAULT, NULL},
    {"mousemask", cm_mousemask, METH_DEFAULT, NULL},
    {"napms", cm_napms, METH_DEFAULT, NULL},
    {"newpad", cm_newpad, METH_DEFAULT, NULL},
    {"newwin", cm_newwin, METH_DEFAULT, NULL},
    {"nl", cm_nl, METH_DEFAULT, NULL},
    {"nocbreak", cm_nocbreak, METH_DEFAULT, NULL},
    {"noecho", cm_noecho, METH_DEFAULT, NULL},
    {"nonl", cm_nonl, METH_DEFAULT, NULL},
    {"noqiflush", cm_noqiflush, METH_DEFAULT, NULL},
    {"noraw", cm_noraw, METH_DEFAULT, NULL},
    {"pair_content", cm_pair_content, METH_DEFAULT, NULL},
    {"pair_number", cm_pair_number, METH_DEFAULT, NULL},
    {"putp", cm_putp, METH_DEFAULT, NULL},
    {"qiflush", cm_qiflush, METH_DEFAULT, NULL},
    {"raw", cm_raw, METH_DEFAULT, NULL},
    {"reset_prog_mode", cm_reset_prog_mode, METH_DEFAULT, NULL},
    {"reset_shell_mode", cm_reset_shell_mode, METH_DEFAULT, NULL},
    {"resetty", cm_resetty, METH_DEFAULT, NULL},
    {"resize_term", cm_resize_term, METH_DEFAULT, NULL},
    {"resizeterm", cm_resizeterm, METH_DEFAULT, NULL},
    {"savetty", cm_savetty, METH_DEFAULT, NULL},
    {"set_escdelay", cm_set_escdelay, METH_DEFAULT, NULL},
    {"set_tabsize", cm_set_tabsize, METH_DEFAULT, NULL},
    {"setsyx", cm_setsyx, METH_DEFAULT, NULL},
    {"setupterm", cm_setupterm, METH_DEFAULT, NULL},
    {"start_color", cm_start_color, METH_DEFAULT, NULL},
    {"termattrs", cm_termattrs, METH_DEFAULT, NULL},
    {"termname", cm_termname, METH_DEFAULT, NULL},
    {"tigetflag", cm_tigetflag, METH_DEFAULT, NULL},
    {"tigetnum", cm_tigetnum, METH_DEFAULT, NULL},
    {"tigetstr", cm_tigetstr, METH_DEFAULT, NULL},
    {"tparm", cm_tparm, METH_DEFAULT, NULL},
    {"typeahead", cm_typeahead, METH_DEFAULT, NULL},
    {"unctrl", cm_unctrl, METH_DEFAULT, NULL},
    {"unget_wch", cm_unget_wch, METH_DEFAULT, NULL},
    {"ungetch", cm_ungetch, METH_DEFAULT, NULL},
    {"ungetmouse", cm_ungetmouse, METH_DEFAULT, NULL},
    {"update_lines_cols", cm_update_lines_cols, METH_DEFAULT, NULL},
    {"use_default_colors", cm_use_default_colors, METH_DEFAULT, NULL},
    {"use_env", cm_use_env, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_ncurses_version;

static int add_constants(Value m) {
    static const struct {
        const char *name;
        int64_t value;
    } consts[] = {
        {"ERR", ERR}, {"OK", OK},
        {"A_ATTRIBUTES", A_ATTRIBUTES}, {"A_NORMAL", A_NORMAL}, {"A_STANDOUT", A_STANDOUT},
        {"A_UNDERLINE", A_UNDERLINE}, {"A_REVERSE", A_REVERSE}, {"A_BLINK", A_BLINK},
        {"A_DIM", A_DIM}, {"A_BOLD", A_BOLD}, {"A_ALTCHARSET", A_ALTCHARSET},
        {"A_INVIS", A_INVIS}, {"A_PROTECT", A_PROTECT}, {"A_CHARTEXT", A_CHARTEXT},
        {"A_COLOR", A_COLOR}, {"A_HORIZONTAL", A_HORIZONTAL}, {"A_LEFT", A_LEFT},
        {"A_LOW", A_LOW}, {"A_RIGHT", A_RIGHT}, {"A_TOP", A_TOP}, {"A_VERTICAL", A_VERTICAL},
        {"A_ITALIC", A_ITALIC},
        {"COLOR_BLACK", COLOR_BLACK}, {"COLOR_RED", COLOR_RED}, {"COLOR_GREEN", COLOR_GREEN},
        {"COLOR_YELLOW", COLOR_YELLOW}, {"COLOR_BLUE", COLOR_BLUE},
        {"COLOR_MAGENTA", COLOR_MAGENTA}, {"COLOR_CYAN", COLOR_CYAN},
        {"COLOR_WHITE", COLOR_WHITE},
        {"BUTTON1_PRESSED", BUTTON1_PRESSED}, {"BUTTON1_RELEASED", BUTTON1_RELEASED},
        {"BUTTON1_CLICKED", BUTTON1_CLICKED}, {"BUTTON1_DOUBLE_CLICKED", BUTTON1_DOUBLE_CLICKED},
        {"BUTTON1_TRIPLE_CLICKED", BUTTON1_TRIPLE_CLICKED},
        {"BUTTON2_PRESSED", BUTTON2_PRESSED}, {"BUTTON2_RELEASED", BUTTON2_RELEASED},
        {"BUTTON2_CLICKED", BUTTON2_CLICKED}, {"BUTTON2_DOUBLE_CLICKED", BUTTON2_DOUBLE_CLICKED},
        {"BUTTON2_TRIPLE_CLICKED", BUTTON2_TRIPLE_CLICKED},
        {"BUTTON3_PRESSED", BUTTON3_PRESSED}, {"BUTTON3_RELEASED", BUTTON3_RELEASED},
        {"BUTTON3_CLICKED", BUTTON3_CLICKED}, {"BUTTON3_DOUBLE_CLICKED", BUTTON3_DOUBLE_CLICKED},
        {"BUTTON3_TRIPLE_CLICKED", BUTTON3_TRIPLE_CLICKED},
        {"BUTTON4_PRESSED", BUTTON4_PRESSED}, {"BUTTON4_RELEASED", BUTTON4_RELEASED},
        {"BUTTON4_CLICKED", BUTTON4_CLICKED}, {"BUTTON4_DOUBLE_CLICKED", BUTTON4_DOUBLE_CLICKED},
        {"BUTTON4_TRIPLE_CLICKED", BUTTON4_TRIPLE_CLICKED},
        {"BUTTON5_PRESSED", BUTTON5_PRESSED}, {"BUTTON5_RELEASED", BUTTON5_RELEASED},
        {"BUTTON5_CLICKED", BUTTON5_CLICKED}, {"BUTTON5_DOUBLE_CLICKED", BUTTON5_DOUBLE_CLICKED},
        {"BUTTON5_TRIPLE_CLICKED", BUTTON5_TRIPLE_CLICKED},
        {"BUTTON_SHIFT", BUTTON_SHIFT}, {"BUTTON_CTRL", BUTTON_CTRL}, {"BUTTON_ALT", BUTTON_ALT},
        {"ALL_MOUSE_EVENTS", ALL_MOUSE_EVENTS},
        {"REPORT_MOUSE_POSITION", REPORT_MOUSE_POSITION},
        {"KEY_MIN", KEY_MIN}, {"KEY_MAX", KEY_MAX},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
        if (module_add(m, consts[i].name, int_from_i64(consts[i].value)) < 0) {
            return -1;
        }
    }
    // KEY_* from keyname(): "KEY_F(5)" becomes KEY_F5; unnamed codes are skipped.
    for (int key = KEY_MIN; key < KEY_MAX; key++) {
        const char *name = keyname(key);
        if (!name || strcmp(name, "UNKNOWN KEY") == 0) {
            continue;
        }
        char buf[64];
        size_t j = 0;
        for (const char *p = name; *p && j < sizeof buf - 1; p++) {
            if (*p != '(' && *p != ')') {
                buf[j++] = *p;
            }
        }
        buf[j] = 0;
        if (module_add(m, buf, int_from_i64(key)) < 0) {
            return -1;
        }
    }
    return 0;
}

Value curses_module_init(void) {
    if (curses_module) {
        return curses_module;
    }
    // ncursesw reads LC_CTYPE to know how to write wide characters; CPython
    // has set it from the environment at start-up.
    if (!locale_module_init() || type_ready(&type_window) < 0) {
        return 0;
    }
    gc_add_root(&curses_error);
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_curses")) < 0) {
        return 0;
    }
    curses_error = type_new_class(&type_type, str_from_cstr("error"), bases, ns);
    if (!curses_error) {
        return 0;
    }
    if (!type_ncurses_version.name) {
        static const char *const fields[] = {"major", "minor", "patch"};
        if (structseq_init_type(&type_ncurses_version, "curses.ncurses_version", fields, 3, 0) <
            0) {
            return 0;
        }
    }
    Value version = structseq_new(
        &type_ncurses_version, (Value[]){val_from_smallint(NCURSES_VERSION_MAJOR),
                                         val_from_smallint(NCURSES_VERSION_MINOR),
                                         val_from_smallint(NCURSES_VERSION_PATCH)});
    Value m = version ? module_new_cstr("_curses") : 0;
    Value v22 = m ? bytes_from_cstr("2.2") : 0;
    if (!v22 || module_add_functions(m, curses_functions) < 0 ||
        module_add(m, "error", curses_error) < 0 ||
        module_add(m, "window", val_from_ptr(&type_window)) < 0 ||
        module_add(m, "version", v22) < 0 || module_add(m, "__version__", v22) < 0 ||
        module_add(m, "ncurses_version", version) < 0 || add_constants(m) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&curses_module);
    curses_module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_curses, curses_module_init)
