// selectmodule.c - the `select` module: select(), poll objects and epoll
// objects, for selectors (DefaultSelector is EpollSelector on Linux),
// subprocess (communicate() waits on its pipes) and socket timeouts.
//
// All three wait with ppoll(), whose timespec keeps CPython's rounding
// (a timeout is rounded away from zero to the unit of the call: the
// microsecond for select, the millisecond for poll and epoll). A wait
// interrupted by a signal runs the Python handlers; if one raises, the
// exception propagates, else the wait resumes with the time that is left
// (PEP 475). select() still refuses descriptors >= FD_SETSIZE, as
// CPython's does, although ppoll could take them.
//
// A poll object keeps its registrations in a malloc'ed array in
// registration order (CPython's dict order, which poll() reports in);
// re-registering a descriptor changes its mask in place.
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

// ---- descriptors and timeouts (shared with _socket and fcntl through modules.h) --------------

int modules_fileno(Value v, int *fd) {
    int64_t x;
    if (int_check(v)) {
        if (int_to_i64(v, &x) < 0 || x > INT_MAX || x < INT_MIN) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    } else {
        Value meth = obj_getattr_opt(v, str_intern_cstr("fileno"));
        if (!meth) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "argument must be an int, or have a fileno() method.");
            }
            return -1;
        }
        Value r = obj_call0(meth);
        if (!r) {
            return -1;
        }
        if (!int_check(r)) {
            err_format(&exc_TypeError, "fileno() returned a non-integer");
            return -1;
        }
        if (int_to_i64(r, &x) < 0 || x > INT_MAX || x < INT_MIN) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
            return -1;
        }
    }
    if (x < 0) {
        err_format(&exc_ValueError, "file descriptor cannot be a negative integer (%d)", (int)x);
        return -1;
    }
    *fd = (int)x;
    return 0;
}

int64_t modules_monotonic_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

// A timeout object in seconds (float or int) as nanoseconds rounded away
// from zero to a multiple of `unit_ns`. -1 with TypeError `type_msg` for
// other types; OverflowError when it does not fit.
static int seconds_ns(Value v, int64_t unit_ns, const char *type_msg, int64_t *out) {
    double d;
    if (float_check(v)) {
        d = float_value(v);
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else if (int_check(v) || type_of(v)->index) {
        Value i = obj_index(v);
        int64_t n;
        if (!i || int_to_i64(i, &n) < 0 || n > INT64_MAX / 1000000000 ||
            n < -(INT64_MAX / 1000000000)) {
            if (i) {
                err_clear();
                err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            }
            return -1;
        }
        *out = n * 1000000000;
        return 0;
    } else {
        err_format(&exc_TypeError, "%s", type_msg);
        return -1;
    }
    double ns = d * 1e9 / (double)unit_ns;
    ns = ns < 0 ? floor(ns) : ceil(ns);
    if (fabs(ns) * (double)unit_ns >= 9.2e18) {
        err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    *out = (int64_t)ns * unit_ns;
    return 0;
}

// ppoll() until something is ready or `timeout_ns` (-1: forever) passes,
// retrying after signals whose handlers did not raise. The count of ready
// descriptors, or -1 with an exception.
int modules_poll_wait(struct pollfd *fds, size_t n, int64_t timeout_ns) {
    int64_t deadline = timeout_ns >= 0 ? modules_monotonic_ns() + timeout_ns : 0;
    for (;;) {
        struct timespec ts, *tsp = NULL;
        if (timeout_ns >= 0) {
            ts.tv_sec = timeout_ns / 1000000000;
            ts.tv_nsec = timeout_ns % 1000000000;
            tsp = &ts;
        }
        int r;
        VM_BEGIN_ALLOW_THREADS
        r = ppoll(fds, n, tsp, NULL);
        VM_END_ALLOW_THREADS
        if (r >= 0) {
            return r;
        }
        if (errno != EINTR) {
            err_from_errno(errno, 0, 0);
            return -1;
        }
        if (signal_check_pending() < 0) {
            return -1;
        }
        if (timeout_ns >= 0) {
            timeout_ns = deadline - modules_monotonic_ns();
            if (timeout_ns < 0) {
                timeout_ns = 0;
            }
        }
    }
}

// ---- select() ----------------------------------------------------------------------------

// The items of one of select()'s three lists and their descriptors.
typedef struct FdList {
    Value items;  // a tuple
    int *fds;
} FdList;

static int fd_list(Value seq, FdList *out) {
    out->fds = NULL;
    if (!list_check(seq) && !tuple_check(seq)) {
        Value it = obj_iter(seq);
        if (!it) {
            err_clear();
            err_format(&exc_TypeError, "arguments 1-3 must be sequences");
            return -1;
        }
    }
    out->items = tuple_from_iterable(seq);
    if (!out->items) {
        return -1;
    }
    size_t n = tuple_obj(out->items)->len;
    out->fds = calloc(n + 1, sizeof(int));
    if (!out->fds) {
        err_no_memory();
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        if (modules_fileno(tuple_obj(out->items)->items[i], &out->fds[i]) < 0) {
            return -1;
        }
        if (out->fds[i] >= FD_SETSIZE) {
            err_format(&exc_ValueError, "filedescriptor out of range in select()");
            return -1;
        }
    }
    return 0;
}

FN(select_select) {
    if (args_check_positional("select", nargs, 3, 4) < 0 ||
        args_no_keywords("select", kwnames) < 0) {
        return 0;
    }
    int64_t timeout_ns = -1;
    if (nargs == 4 && args[3] != VAL_NONE) {
        if (seconds_ns(args[3], 1000, "timeout must be a float or None", &timeout_ns) < 0) {
            return 0;
        }
        if (timeout_ns < 0) {
            return err_format(&exc_ValueError, "timeout must be non-negative");
        }
    }
    FdList lists[3] = {{0, NULL}, {0, NULL}, {0, NULL}};
    Value result = 0;
    struct pollfd *pfds = NULL;
    for (int k = 0; k < 3; k++) {
        if (fd_list(args[k], &lists[k]) < 0) {
            goto done;
        }
    }
    static const short wanted[3] = {POLLIN, POLLOUT, POLLPRI};
    size_t total = 0;
    for (int k = 0; k < 3; k++) {
        total += tuple_obj(lists[k].items)->len;
    }
    pfds = calloc(total + 1, sizeof(struct pollfd));
    if (!pfds) {
        err_no_memory();
        goto done;
    }
    size_t at = 0;
    for (int k = 0; k < 3; k++) {
        for (size_t i = 0; i < tuple_obj(lists[k].items)->len; i++, at++) {
            pfds[at].fd = lists[k].fds[i];
            pfds[at].events = wanted[k];
        }
    }
    if (modules_poll_wait(pfds, total, timeout_ns) < 0) {
        goto done;
    }
    // A descriptor poll() calls invalid is what select() calls EBADF.
    for (size_t i = 0; i < total; i++) {
        if (pfds[i].revents & POLLNVAL) {
            err_from_errno(EBADF, 0, 0);
            goto done;
        }
    }
    Value out[3];
    at = 0;
    for (int k = 0; k < 3; k++) {
        out[k] = list_new(0);
        if (!out[k]) {
            goto done;
        }
        // select() reports readable for hang-up and errors too.
        short ready = k == 0 ? POLLIN | POLLHUP | POLLERR : k == 1 ? POLLOUT | POLLERR : POLLPRI;
        for (size_t i = 0; i < tuple_obj(lists[k].items)->len; i++, at++) {
            if ((pfds[at].revents & ready) &&
                list_append(out[k], tuple_obj(lists[k].items)->items[i]) < 0) {
                goto done;
            }
        }
    }
    result = tuple_from(out, 3);
done:
    for (int k = 0; k < 3; k++) {
        free(lists[k].fds);
    }
    free(pfds);
    return result;
}

// ---- poll objects ------------------------------------------------------------------------

typedef struct PollObject {
    Object header;
    struct pollfd *fds;  // malloc'ed, registration order
    size_t n, cap;
    int polling;         // poll() is running (a handler called poll() again)
} PollObject;

static Type type_poll;

static void poll_free(Object *o) {
    free(((PollObject *)o)->fds);
}

// An eventmask argument: a C unsigned short.
static int event_mask(Value v, unsigned *out) {
    if (!int_check(v)) {
        if (float_check(v) || !type_of(v)->index) {
            err_format(&exc_TypeError, "an integer is required");
            return -1;
        }
        v = obj_index(v);
        if (!v) {
            return -1;
        }
    }
    int64_t x;
    if (int_to_i64(v, &x) < 0) {
        err_clear();
        x = int_sign(v) < 0 ? -1 : 0x10000;
    }
    if (x < 0) {
        err_format(&exc_ValueError, "value must be positive");
        return -1;
    }
    if (x > 0xFFFF) {
        err_format(&exc_OverflowError, "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned)x;
    return 0;
}

static ssize_t poll_find(PollObject *p, int fd) {
    for (size_t i = 0; i < p->n; i++) {
        if (p->fds[i].fd == fd) {
            return (ssize_t)i;
        }
    }
    return -1;
}

static Value poll_set(PollObject *p, int fd, unsigned mask, int must_exist) {
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        if (must_exist) {
            return err_from_errno(ENOENT, 0, 0);
        }
        if (p->n == p->cap) {
            size_t cap = p->cap ? p->cap * 2 : 8;
            struct pollfd *fds = realloc(p->fds, cap * sizeof(struct pollfd));
            if (!fds) {
                return err_no_memory();
            }
            p->fds = fds;
            p->cap = cap;
        }
        i = (ssize_t)p->n++;
        p->fds[i].fd = fd;
    }
    p->fds[i].events = (short)mask;
    return VAL_NONE;
}

FN(poll_register) {
    if (args_check_positional("register", nargs, 1, 2) < 0 ||
        args_no_keywords("register", kwnames) < 0) {
        return 0;
    }
    int fd;
    unsigned mask = POLLIN | POLLPRI | POLLOUT;
    if (modules_fileno(args[0], &fd) < 0 || (nargs == 2 && event_mask(args[1], &mask) < 0)) {
        return 0;
    }
    return poll_set((PollObject *)val_ptr(self), fd, mask, 0);
}

FN(poll_modify) {
    if (args_check_positional("modify", nargs, 2, 2) < 0 ||
        args_no_keywords("modify", kwnames) < 0) {
        return 0;
    }
    int fd;
    unsigned mask;
    if (modules_fileno(args[0], &fd) < 0 || event_mask(args[1], &mask) < 0) {
        return 0;
    }
    return poll_set((PollObject *)val_ptr(self), fd, mask, 1);
}

FN(poll_unregister) {
    if (method_check_args("unregister", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    PollObject *p = (PollObject *)val_ptr(self);
    int fd;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    ssize_t i = poll_find(p, fd);
    if (i < 0) {
        return err_set_value(obj_call1(val_from_ptr(&exc_KeyError), args[0]));
    }
    memmove(&p->fds[i], &p->fds[i + 1], (p->n - (size_t)i - 1) * sizeof(struct pollfd));
    p->n--;
    return VAL_NONE;
}

// The (fd, events) list of the descriptors with events.
static Value events_list(const struct pollfd *fds, size_t n) {
    Value l = list_new(0);
    for (size_t i = 0; l && i < n; i++) {
        if (fds[i].revents) {
            Value t = tuple_pack2(val_from_smallint(fds[i].fd),
                                  val_from_smallint(fds[i].revents & 0xFFFF));
            if (!t || list_append(l, t) < 0) {
                return 0;
            }
        }
    }
    return l;
}

FN(poll_poll) {
    if (args_check_positional("poll", nargs, 0, 1) < 0 || args_no_keywords("poll", kwnames) < 0) {
        return 0;
    }
    PollObject *p = (PollObject *)val_ptr(self);
    int64_t timeout_ns = -1;
    if (nargs == 1 && args[0] != VAL_NONE) {
        // Milliseconds (an int or a float), rounded up; negative waits forever.
        double ms;
        if (float_check(args[0])) {
            ms = float_value(args[0]);
            if (isnan(ms)) {
                return err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            }
        } else if (int_check(args[0]) || type_of(args[0])->index) {
            Value i = obj_index(args[0]);
            int64_t x;
            if (!i) {
                return 0;
            }
            if (int_to_i64(i, &x) < 0) {
                err_clear();
                return err_format(&exc_OverflowError, "timeout is too large");
            }
            ms = (double)x;
        } else {
            return err_format(&exc_TypeError, "timeout must be an integer or None");
        }
        ms = ms < 0 ? floor(ms) : ceil(ms);
        if (fabs(ms) > (double)INT_MAX) {
            return err_format(&exc_OverflowError, "timeout is too large");
        }
        timeout_ns = ms < 0 ? -1 : (int64_t)ms * 1000000;
    }
    if (p->polling) {
        return err_format(&exc_RuntimeError, "concurrent poll() invocation");
    }
    size_t n = p->n;
    struct pollfd *fds = calloc(n + 1, sizeof(struct pollfd));
    if (!fds) {
        return err_no_memory();
    }
    if (n > 0) {
        memcpy(fds, p->fds, n * sizeof(struct pollfd));
    }
    p->polling = 1;
    int r = modules_poll_wait(fds, n, timeout_ns);
    p->polling = 0;
    Value result = r < 0 ? 0 : events_list(fds, n);
    free(fds);
    return result;
}

static const MethodDef poll_methods[] = {
    {"register", poll_register, METH_DEFAULT, "Register a file descriptor with the polling object."},
    {"modify", poll_modify, METH_DEFAULT, "Modify an already registered file descriptor."},
    {"unregister", poll_unregister, METH_DEFAULT, "Remove a file descriptor being tracked."},
    {"poll", poll_poll, METH_DEFAULT, "Polls the set of registered file descriptors."},
    {NULL, NULL, 0, NULL},
};

static Value poll_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create 'select.poll' instances");
}

static Type type_poll = {
    .header = {&type_type},
    .name = "select.poll",
    .basic_size = sizeof(PollObject),
    .base = &type_object,
    .free = poll_free,
    .new_ = poll_tp_new,
    .methods = poll_methods,
};

FN(select_poll) {
    if (method_check_args("poll", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    PollObject *p = (PollObject *)gc_alloc(&type_poll, sizeof(PollObject));
    return p ? val_from_ptr(p) : 0;
}

// ---- epoll objects -----------------------------------------------------------------------

typedef struct EpollObject {
    Object header;
    int fd;  // -1 once closed
} EpollObject;

static Type type_epoll;

static void epoll_free(Object *o) {
    EpollObject *e = (EpollObject *)o;
    if (e->fd >= 0) {
        close(e->fd);
        e->fd = -1;
    }
}

static EpollObject *epoll_open(Value self) {
    EpollObject *e = (EpollObject *)val_ptr(self);
    if (e->fd < 0) {
        err_format(&exc_ValueError, "I/O operation on closed epoll object");
        return NULL;
    }
    return e;
}

static Value epoll_wrap(Type *t, int fd) {
    EpollObject *e = (EpollObject *)gc_alloc(t, t->basic_size);
    if (!e) {
        close(fd);
        return 0;
    }
    e->fd = fd;
    return val_from_ptr(e);
}

static Value epoll_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"sizehint", "flags", NULL};
    ArgSpec spec = {"epoll", 0, names, 0, 2, 0};
    Value a[2];
    int sizehint = -1, flags = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t x;
    if (a[0]) {
        if (float_check(a[0]) || obj_as_int64(a[0], &x) < 0) {
            return float_check(a[0]) ? err_format(&exc_TypeError,
                                                  "'float' object cannot be interpreted as an integer")
                                     : 0;
        }
        sizehint = x > INT_MAX ? INT_MAX : x < INT_MIN ? INT_MIN : (int)x;
    }
    if (a[1]) {
        if (float_check(a[1]) || obj_as_int64(a[1], &x) < 0) {
            return float_check(a[1]) ? err_format(&exc_TypeError,
                                                  "'float' object cannot be interpreted as an integer")
                                     : 0;
        }
        flags = x > INT_MAX ? INT_MAX : (int)x;
    }
    if (sizehint == -1) {
        sizehint = FD_SETSIZE - 1;
    } else if (sizehint <= 0) {
        return err_format(&exc_ValueError, "negative sizehint");
    }
    if (flags && flags != EPOLL_CLOEXEC) {
        return err_format(&exc_OSError, "invalid flags");
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return epoll_wrap(type_ptr(type), fd);
}

FN(epoll_close) {
    if (method_check_args("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    EpollObject *e = (EpollObject *)val_ptr(self);
    if (e->fd >= 0) {
        int fd = e->fd;
        e->fd = -1;
        if (close(fd) < 0) {
            return err_from_errno(errno, 0, 0);
        }
    }
    return VAL_NONE;
}

static Value epoll_get_closed(Value self) {
    return val_bool(((EpollObject *)val_ptr(self))->fd < 0);
}

FN(epoll_fileno) {
    if (method_check_args("fileno", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    EpollObject *e = epoll_open(self);
    return e ? val_from_smallint(e->fd) : 0;
}

FN(epoll_fromfd) {
    if (method_check_args("fromfd", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    if (modules_fileno(args[0], &fd) < 0) {
        return 0;
    }
    return epoll_wrap(type_ptr(self), fd);
}

static Value epoll_ctl_call(Value self, int op, Value fdobj, unsigned mask) {
    int fd;
    if (modules_fileno(fdobj, &fd) < 0) {
        return 0;
    }
    EpollObject *e = epoll_open(self);
    if (!e) {
        return 0;
    }
    struct epoll_event ev = {.events = mask, .data.fd = fd};
    if (epoll_ctl(e->fd, op, fd, &ev) < 0) {
        return err_from_errno(errno, 0, 0);
    }
    return VAL_NONE;
}

static int epoll_mask(Value v, unsigned *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
        return -1;
    }
    *out = (unsigned)x;
    return 0;
}

FN(epoll_register) {
    static const char *const names[] = {"fd", "eventmask", NULL};
    ArgSpec spec = {"register", 0, names, 1, 2, 0};
    Value a[2];
    unsigned mask = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || (a[1] && epoll_mask(a[1], &mask) < 0)) {
        return 0;
    }
    return epoll_ctl_call(self, EPOLL_CTL_ADD, a[0], mask);
}

FN(epoll_modify) {
    static const char *const names[] = {"fd", "eventmask", NULL};
    ArgSpec spec = {"modify", 0, names, 2, 2, 0};
    Value a[2];
    unsigned mask;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || epoll_mask(a[1], &mask) < 0) {
        return 0;
    }
    return epoll_ctl_call(self, EPOLL_CTL_MOD, a[0], mask);
}

FN(epoll_unregister) {
    static const char *const names[] = {"fd", NULL};
    ArgSpec spec = {"unregister", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return epoll_ctl_call(self, EPOLL_CTL_DEL, a[0], 0);
}

FN(epoll_poll) {
    static const char *const names[] = {"timeout", "maxevents", NULL};
    ArgSpec spec = {"poll", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t timeout_ns = -1;
    if (a[0] && a[0] != VAL_NONE) {
        if (seconds_ns(a[0], 1000000, "timeout must be an integer or None", &timeout_ns) < 0) {
            return 0;
        }
        if (timeout_ns / 1000000 > INT_MAX || timeout_ns / 1000000 < INT_MIN) {
            return err_format(&exc_OverflowError, "timeout is too large");
        }
        if (timeout_ns < 0) {
            timeout_ns = -1;
        }
    }
    int maxevents = -1;
    if (a[1]) {
        int64_t x;
        if (float_check(a[1])) {
            return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        }
        if (obj_as_int64(a[1], &x) < 0) {
            return 0;
        }
        maxevents = x > INT_MAX ? INT_MAX : x < INT_MIN ? INT_MIN : (int)x;
    }
    if (maxevents == -1) {
        maxevents = FD_SETSIZE - 1;
    } else if (maxevents < 1) {
        return err_format(&exc_ValueError, "maxevents must be greater than 0, got %d", maxevents);
    }
    EpollObject *e = epoll_open(self);
    if (!e) {
        return 0;
    }
    struct epoll_event *evs = calloc((size_t)maxevents, sizeof(struct epoll_event));
    if (!evs) {
        return err_no_memory();
    }
    int64_t deadline = timeout_ns >= 0 ? modules_monotonic_ns() + timeout_ns : 0;
    int r;
    for (;;) {
        int ms = timeout_ns < 0 ? -1 : (int)((timeout_ns + 999999) / 1000000);
        int efd = e->fd;
        VM_BEGIN_ALLOW_THREADS
        r = epoll_wait(efd, evs, maxevents, ms);
        VM_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR) {
            break;
        }
        if (signal_check_pending() < 0) {
            free(evs);
            return 0;
        }
        if (timeout_ns >= 0) {
            timeout_ns = deadline - modules_monotonic_ns();
            if (timeout_ns < 0) {
                timeout_ns = 0;
            }
        }
    }
    if (r < 0) {
        free(evs);
        return err_from_errno(errno, 0, 0);
    }
    Value l = list_new((size_t)r);
    for (int i = 0; l && i < r; i++) {
        Value t = tuple_pack2(val_from_smallint(evs[i].data.fd), int_from_u64(evs[i].events));
        if (!t || list_append(l, t) < 0) {
            l = 0;
        }
    }
    free(evs);
    return l;
}

FN(epoll_enter) {
    if (method_check_args("__enter__", nargs, kwnames, 0, 0) < 0 || !epoll_open(self)) {
        return 0;
    }
    return self;
}

FN(epoll_exit) {
    return epoll_close(self, args, 0, 0);
}

static const MethodDef epoll_methods[] = {
    {"close", epoll_close, METH_DEFAULT, "Close the epoll control file descriptor."},
    {"fileno", epoll_fileno, METH_DEFAULT, "Return the epoll control file descriptor."},
    {"fromfd", epoll_fromfd, METH_CLASS, "Create an epoll object from a given control fd."},
    {"register", epoll_register, METH_DEFAULT, "Registers a new fd or raises an OSError if the fd is already registered."},
    {"modify", epoll_modify, METH_DEFAULT, "Modify event mask for a registered file descriptor."},
    {"unregister", epoll_unregister, METH_DEFAULT, "Remove a registered file descriptor from the epoll object."},
    {"poll", epoll_poll, METH_DEFAULT, "Wait for events on the epoll file descriptor."},
    {"__enter__", epoll_enter, METH_DEFAULT, NULL},
    {"__exit__", epoll_exit, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, "True if the epoll handler is closed"},
    {NULL, NULL, NULL, NULL},
};

static Type type_epoll = {
    .header = {&type_type},
    .name = "select.epoll",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(EpollObject),
    .base = &type_object,
    .free = epoll_free,
    .new_ = epoll_tp_new,
    .methods = epoll_methods,
    .getset = epoll_getset,
};

// ---- the module --------------------------------------------------------------------------

static const MethodDef select_functions[] = {
    {"select", select_select, METH_DEFAULT, "Wait until one or more file descriptors are ready for some kind of I/O."},
    {"poll", select_poll, METH_DEFAULT, "Returns a polling object."},
    {NULL, NULL, 0, NULL},
};

Value select_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    static const struct {
        const char *name;
        long value;
    } constants[] = {
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT}, {"POLLERR", POLLERR},
        {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL}, {"POLLRDNORM", POLLRDNORM},
        {"POLLRDBAND", POLLRDBAND}, {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND},
        {"POLLMSG", POLLMSG}, {"POLLRDHUP", POLLRDHUP},
        {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
        {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", (long)(unsigned)EPOLLET},
        {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
        {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM}, {"EPOLLRDBAND", EPOLLRDBAND},
        {"EPOLLWRNORM", EPOLLWRNORM}, {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
        {"EPOLL_CLOEXEC", EPOLL_CLOEXEC}, {"PIPE_BUF", PIPE_BUF},
    };
    if (type_ready(&type_poll) < 0 || type_ready(&type_epoll) < 0) {
        return 0;
    }
    Value m = module_new_cstr("select");
    if (!m || module_add_functions(m, select_functions) < 0 ||
        module_add(m, "epoll", val_from_ptr(&type_epoll)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0 ||
        module_add(m, "__doc__", str_from_cstr("This module supports asynchronous I/O on multiple "
                                               "file descriptors.")) < 0) {
        return 0;
    }
    for (size_t i = 0; i < sizeof(constants) / sizeof(constants[0]); i++) {
        if (module_add(m, constants[i].name, int_from_i64(constants[i].value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
