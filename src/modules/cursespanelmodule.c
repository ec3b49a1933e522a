// cursespanelmodule.c - the `_curses_panel` module over ncurses' panel
// library: stacked windows (new_panel, top_panel, bottom_panel,
// update_panels) and the `_curses_panel.panel` type.
//
// ncurses answers "which panel is above this one" with a PANEL *, and the
// module must give back the Python object that owns it: every panel object
// is kept in a GC-rooted list (`panels`), searched by PANEL *. Being in the
// list keeps a panel (and its window) alive for the rest of the run, so a
// PANEL never outlives its object and the window under a PANEL is never
// deleted; CPython instead deletes the panel when its last reference goes.
#include "curses.h"  // before panel.h: the wide-character curses.h
#include <panel.h>
#include <string.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "curses.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static Value panel_error;   // _curses_panel.error
static Value panels;        // list of every panel object

typedef struct PanelObject {
    Object header;
    PANEL *pan;
    Value window;    // the _curses.window it shows
    Value userptr;   // set_userptr()'s object, or 0
} PanelObject;

static Type type_panel;

static PanelObject *po(Value v) {
    return (PanelObject *)val_ptr(v);
}

static Value check_err(int code, const char *fname) {
    if (code != ERR) {
        return VAL_NONE;
    }
    return err_format((Type *)val_ptr(panel_error), "%s() returned ERR", fname);
}

// The object owning pan, or None.
static Value panel_find(PANEL *pan) {
    if (!pan) {
        return VAL_NONE;
    }
    ListObject *l = list_obj(panels);
    for (size_t i = 0; i < l->len; i++) {
        if (po(l->items[i])->pan == pan) {
            return l->items[i];
        }
    }
    return VAL_NONE;
}

static void panel_trace(Object *o, GcTracer *t) {
    PanelObject *p = (PanelObject *)o;
    gc_trace_value(t, p->window);
    gc_trace_value(t, p->userptr);
}

static int no_args(const char *qual, size_t nargs, Value kwnames) {
    return method_check_args(qual, nargs, kwnames, 0, 0);
}

static Value window_arg(const char *fname, Value v) {
    if (!curses_window_check(v)) {
        return err_format(&exc_TypeError, "%s() argument must be _curses.window, not %s", fname,
                          v == VAL_NONE ? "None" : obj_type_name(v));
    }
    return v;
}

FN(pm_new_panel) {
    if (method_check_args("_curses_panel.new_panel", nargs, kwnames, 1, 1) < 0 ||
        !window_arg("new_panel", args[0])) {
        return 0;
    }
    PANEL *pan = new_panel(curses_window_win(args[0]));
    if (!pan) {
        return err_format((Type *)val_ptr(panel_error), "curses function returned NULL");
    }
    PanelObject *p = (PanelObject *)gc_alloc(&type_panel, sizeof(PanelObject));
    if (!p) {
        del_panel(pan);
        return 0;
    }
    p->pan = pan;
    p->window = args[0];
    p->userptr = 0;
    Value v = val_from_ptr(p);
    if (list_append(panels, v) < 0) {
        return 0;
    }
    return v;
}

FN(pm_top_panel) {
    if (no_args("_curses_panel.top_panel", nargs, kwnames) < 0) {
        return 0;
    }
    return panel_find(panel_below(NULL));
}

FN(pm_bottom_panel) {
    if (no_args("_curses_panel.bottom_panel", nargs, kwnames) < 0) {
        return 0;
    }
    return panel_find(panel_above(NULL));
}

FN(pm_update_panels) {
    if (no_args("_curses_panel.update_panels", nargs, kwnames) < 0) {
        return 0;
    }
    update_panels();
    return VAL_NONE;
}

#define P (po(self)->pan)

FN(panel_above_) {
    if (no_args("panel.above", nargs, kwnames) < 0) {
        return 0;
    }
    return panel_find(panel_above(P));
}

FN(panel_below_) {
    if (no_args("panel.below", nargs, kwnames) < 0) {
        return 0;
    }
    return panel_find(panel_below(P));
}

FN(panel_bottom_) {
    if (no_args("panel.bottom", nargs, kwnames) < 0) {
        return 0;
    }
    return check_err(bottom_panel(P), "bottom");
}

FN(panel_top_) {
    if (no_args("panel.top", nargs, kwnames) < 0) {
        return 0;
    }
    return check_err(top_panel(P), "top");
}

FN(panel_hide_) {
    if (no_args("panel.hide", nargs, kwnames) < 0) {
        return 0;
    }
    return check_err(hide_panel(P), "hide");
}

FN(panel_show_) {
    if (no_args("panel.show", nargs, kwnames) < 0) {
        return 0;
    }
    return check_err(show_panel(P), "show");
}

FN(panel_hidden_) {
    if (no_args("panel.hidden", nargs, kwnames) < 0) {
        return 0;
    }
    return panel_hidden(P) ? VAL_TRUE : VAL_FALSE;
}

FN(panel_move_) {
    if (args_no_keywords("move", kwnames) < 0 || args_check_positional("move", nargs, 2, 2) < 0) {
        return 0;
    }
    int64_t yx[2];
    for (int i = 0; i < 2; i++) {
        if (!int_check(args[i]) && !type_of(args[i])->index) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              obj_type_name(args[i]));
        }
        if (obj_as_int64(args[i], &yx[i]) < 0) {
            return 0;
        }
        if (yx[i] > INT32_MAX || yx[i] < INT32_MIN) {
            return err_format(&exc_OverflowError, yx[i] > 0
                                                      ? "signed integer is greater than maximum"
                                                      : "signed integer is less than minimum");
        }
    }
    return check_err(move_panel(P, (int)yx[0], (int)yx[1]), "move_panel");
}

FN(panel_replace_) {
    if (method_check_args("panel.replace", nargs, kwnames, 1, 1) < 0 ||
        !window_arg("replace", args[0])) {
        return 0;
    }
    if (replace_panel(P, curses_window_win(args[0])) == ERR) {
        return err_format((Type *)val_ptr(panel_error), "replace_panel() returned ERR");
    }
    po(self)->window = args[0];
    return VAL_NONE;
}

FN(panel_set_userptr_) {
    if (method_check_args("panel.set_userptr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    po(self)->userptr = args[0];
    return VAL_NONE;
}

FN(panel_userptr_) {
    if (no_args("panel.userptr", nargs, kwnames) < 0) {
        return 0;
    }
    if (!po(self)->userptr) {
        return err_format((Type *)val_ptr(panel_error), "no userptr set");
    }
    return po(self)->userptr;
}

FN(panel_window_) {
    if (no_args("panel.window", nargs, kwnames) < 0) {
        return 0;
    }
    return po(self)->window;
}

#undef P

static const MethodDef panel_methods[] = {
    {"above", panel_above_, METH_DEFAULT, NULL},
    {"below", panel_below_, METH_DEFAULT, NULL},
    {"bottom", panel_bottom_, METH_DEFAULT, NULL},
    {"hidden", panel_hidden_, METH_DEFAULT, NULL},
    {"hide", panel_hide_, METH_DEFAULT, NULL},
    {"move", panel_move_, METH_DEFAULT, NULL},
    {"replace", panel_replace_, METH_DEFAULT, NULL},
    {"set_userptr", panel_set_userptr_, METH_DEFAULT, NULL},
    {"show", panel_show_, METH_DEFAULT, NULL},
    {"top", panel_top_, METH_DEFAULT, NULL},
    {"userptr", panel_userptr_, METH_DEFAULT, NULL},
    {"window", panel_window_, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static Type type_panel = {
    .header = {&type_type},
    .name = "_curses_panel.panel",
    .basic_size = sizeof(PanelObject),
    .base = &type_object,
    .trace = panel_trace,
    .methods = panel_methods,
};

static const MethodDef panel_functions[] = {
    {"bottom_panel", pm_bottom_panel, METH_DEFAULT, NULL},
    {"new_panel", pm_new_panel, METH_DEFAULT, NULL},
    {"top_panel", pm_top_panel, METH_DEFAULT, NULL},
    {"update_panels", pm_update_panels, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Value curses_panel_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    // _curses_panel's windows come from _curses: make sure it is set up.
    if (!curses_module_init() || type_ready(&type_panel) < 0) {
        return 0;
    }
    gc_add_root(&panel_error);
    gc_add_root(&panels);
    panels = list_new(0);
    Value bases = panels ? tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1) : 0;
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_curses_panel")) < 0) {
        return 0;
    }
    panel_error = type_new_class(&type_type, str_from_cstr("error"), bases, ns);
    Value m = panel_error ? module_new_cstr("_curses_panel") : 0;
    Value v21 = m ? bytes_from_cstr("2.1") : 0;
    if (!v21 || module_add_functions(m, panel_functions) < 0 ||
        module_add(m, "error", panel_error) < 0 ||
        module_add(m, "panel", val_from_ptr(&type_panel)) < 0 ||
        module_add(m, "version", v21) < 0 || module_add(m, "__version__", v21) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_curses_panel, curses_panel_module_init)
