// curses.h - what _curses_panel (cursespanelmodule.c) needs from _curses
// (cursesmodule.c): the window type, to accept windows and to wrap the
// WINDOW of a panel.
#ifndef KRAIT_CURSES_H
#define KRAIT_CURSES_H

#define NCURSES_WIDECHAR 1  // the wide-character functions (add_wch, get_wch...)
#include <curses.h>

#include "../runtime/object.h"

// Whether v is a _curses.window.
bool curses_window_check(Value v);
// The WINDOW of a _curses.window.
WINDOW *curses_window_win(Value v);
// The _curses.window type (for "must be _curses.window, not X" messages).
Type *curses_window_type(void);

#endif
