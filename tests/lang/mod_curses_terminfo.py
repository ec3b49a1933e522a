# _curses without a screen: terminfo queries after setupterm() on a
# pseudo-terminal, the constants, and the errors of functions that need
# setupterm(), initscr() or start_color() first.
import os
import _curses

def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except Exception as e:
        print(label, type(e).__name__, e)

print(type(_curses.error).__name__, _curses.error.__module__, issubclass(_curses.error, Exception))
print(_curses.version, _curses.__version__, type(_curses.ncurses_version).__name__)
print(_curses.window.__name__, _curses.window.__module__)
for name in ["A_BOLD", "A_REVERSE", "A_COLOR", "A_CHARTEXT", "A_NORMAL", "COLOR_RED", "COLOR_WHITE",
             "KEY_MIN", "KEY_MAX", "KEY_F5", "KEY_F63", "KEY_UP", "KEY_BACKSPACE", "KEY_RESIZE",
             "KEY_MOUSE", "BUTTON1_CLICKED", "ALL_MOUSE_EVENTS", "ERR", "OK"]:
    print(name, getattr(_curses, name))
print(sorted(n for n in dir(_curses) if n.startswith("KEY_"))[:12])
print(len([n for n in dir(_curses) if n.startswith("KEY_")]))
print(hasattr(_curses, "ACS_HLINE"), hasattr(_curses, "LINES"), hasattr(_curses, "COLORS"))

# before setupterm()
show("tigetstr", _curses.tigetstr, "cup")
show("tigetnum", _curses.tigetnum, "colors")
show("tparm", _curses.tparm, b"x")
show("putp", _curses.putp, b"")
# before initscr()
for f in ["baudrate", "beep", "endwin", "isendwin", "has_colors", "start_color", "doupdate",
          "noecho", "nocbreak", "termname", "longname", "getsyx", "erasechar"]:
    show(f, getattr(_curses, f))
show("cbreak", _curses.cbreak, 1)
show("curs_set", _curses.curs_set, 0)
show("keyname", _curses.keyname, 65)
show("newwin", _curses.newwin, 1, 1)
show("newpad", _curses.newpad, 1, 1)
show("color_pair", _curses.color_pair, 1)
show("napms", _curses.napms, 1)
show("unctrl", _curses.unctrl, "a")
show("killchar type", lambda: type(_curses.killchar()).__name__)
show("get_tabsize", _curses.get_tabsize)
show("has_extended_color_support", _curses.has_extended_color_support)
# argument errors
show("baudrate(1)", _curses.baudrate, 1)
show("curs_set()", _curses.curs_set)
show("cbreak(1, 2)", _curses.cbreak, 1, 2)
show("newwin()", _curses.newwin)
show("newwin(1, 2, 3)", _curses.newwin, 1, 2, 3)
show("newpad(1)", _curses.newpad, 1)
show("init_pair(1)", _curses.init_pair, 1)
show("init_color()", _curses.init_color)
show("color_content(-1)", _curses.color_content, -1)
show("color_content(5)", _curses.color_content, 5)
show("color_content(1.5)", _curses.color_content, 1.5)
show("pair_content(-1)", _curses.pair_content, -1)
show("pair_content(2**31)", _curses.pair_content, 2**31)
show("pair_content(7)", _curses.pair_content, 7)
show("init_pair(-1, 0, 0)", _curses.init_pair, -1, 0, 0)
show("init_pair(1, 99, 0)", _curses.init_pair, 1, 99, 0)
show("set_tabsize(0)", _curses.set_tabsize, 0)
show("set_escdelay(-1)", _curses.set_escdelay, -1)
show("setupterm(1)", _curses.setupterm, 1)
show("setupterm(term=b'x')", lambda: _curses.setupterm(term=b"x"))
show("setupterm(bad=1)", lambda: _curses.setupterm(bad=1))
show("tigetstr(1)", _curses.tigetstr, 1)
show("tigetnum()", _curses.tigetnum)
show("tparm()", _curses.tparm)
show("tparm('x')", _curses.tparm, "x")
show("putp(1)", _curses.putp, 1)

master, slave = os.openpty()
_curses.setupterm(term="xterm", fd=slave)
show("setupterm again", _curses.setupterm, "xterm", slave)
for cap in ["cup", "clear", "bold", "smul", "setaf", "kf5", "el", "nosuchcap"]:
    show("tigetstr " + cap, _curses.tigetstr, cap)
for cap in ["colors", "cols", "lines", "it", "nosuchcap"]:
    show("tigetnum " + cap, _curses.tigetnum, cap)
for cap in ["am", "km", "xenl", "nosuchcap", "cup"]:
    show("tigetflag " + cap, _curses.tigetflag, cap)
cup = _curses.tigetstr("cup")
show("tparm cup", _curses.tparm, cup, 5, 10)
show("tparm cup 0 0", _curses.tparm, cup)
show("tparm setaf", _curses.tparm, _curses.tigetstr("setaf"), 3)
show("tparm setaf 200", _curses.tparm, _curses.tigetstr("setaf"), 200)
show("tparm sgr", _curses.tparm, _curses.tigetstr("sgr"), 1, 0, 0, 1, 0, 0, 0, 0, 0)
show("tparm too many", _curses.tparm, cup, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
show("tparm str arg", _curses.tparm, cup, "a")
show("tparm null", _curses.tparm, b"a\0b")
show("tigetstr null", _curses.tigetstr, "c\0p")
show("tigetstr str sub", _curses.tigetstr, "\xe9")
os.close(master)
os.close(slave)
