// queuemodule.c - the `_queue` module: SimpleQueue, the unbounded FIFO
// queue.py re-exports, and the Empty exception queue.Queue raises too.
//
// The items sit in a list from index `head` on: get() advances head and
// clears the slot, put() appends, and the consumed prefix is cut off once
// it is more than half of the list, so both stay O(1) amortized.
//
// A get() on an empty queue waits for a put() from another thread, as
// CPython's: the queue holds a semaphore that is taken ("locked") while a
// getter found it empty, and put() releases it. The waiter runs without
// the GIL (threadmodule.c's thread_acquire_timed).
#include <errno.h>
#include <semaphore.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/genericalias.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct SimpleQueueObject {
    Object header;
    Value items;     // a list; the queue is items[head:]
    size_t head;
    sem_t sem;       // 0 while `locked`: a getter waits for it
    int locked;
} SimpleQueueObject;

static Type type_simplequeue;
static Value queue_empty;  // the _queue.Empty class

static SimpleQueueObject *sq(Value v) {
    return (SimpleQueueObject *)val_ptr(v);
}

static void simplequeue_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((SimpleQueueObject *)o)->items);
}

static Value simplequeue_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    // As CPython's: arguments are refused unless a subclass's __init__ takes them.
    Type *t = type_ptr(type);
    if (t == &type_simplequeue || t->init == type_simplequeue.init) {
        if (nargs) {
            return err_format(&exc_TypeError, "SimpleQueue() takes no positional arguments");
        }
        if (args_nkw(kwnames)) {
            return err_format(&exc_TypeError, "SimpleQueue() takes no keyword arguments");
        }
    }
    Value items = list_new(0);
    SimpleQueueObject *q = items ? (SimpleQueueObject *)gc_alloc(t, t->basic_size) : NULL;
    if (!q) {
        return 0;
    }
    q->items = items;
    sem_init(&q->sem, 0, 1);
    return val_from_ptr(q);
}

static size_t simplequeue_size(Value self) {
    return list_obj(sq(self)->items)->len - sq(self)->head;
}

static Value simplequeue_put_item(Value self, Value item) {
    SimpleQueueObject *q = sq(self);
    if (list_append(q->items, item) < 0) {
        return 0;
    }
    if (q->locked) {
        q->locked = 0;
        sem_post(&q->sem);  // wake a getter
    }
    return VAL_NONE;
}

// put(item, block=True, timeout=None): never blocks; block and timeout are
// accepted for compatibility with queue.Queue, and ignored.
FN(simplequeue_put) {
    static const char *const names[] = {"item", "block", "timeout", NULL};
    static const ArgSpec spec = {"put", 0, names, 1, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return simplequeue_put_item(self, a[0]);
}

FN(simplequeue_put_nowait) {
    static const char *const names[] = {"item", NULL};
    static const ArgSpec spec = {"put_nowait", 0, names, 1, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    return simplequeue_put_item(self, a[0]);
}

static Value simplequeue_pop(Value self) {
    SimpleQueueObject *q = sq(self);
    ListObject *l = list_obj(q->items);
    Value item = l->items[q->head];
    l->items[q->head] = VAL_NONE;
    q->head++;
    if (q->head == l->len) {
        list_clear(q->items);
        q->head = 0;
    } else if (q->head > 16 && q->head * 2 > l->len) {
        memmove(l->items, l->items + q->head, (l->len - q->head) * sizeof(Value));
        l->len -= q->head;
        q->head = 0;
    }
    return item;
}

static Value simplequeue_raise_empty(void) {
    Value exc = obj_call0(queue_empty);
    return exc ? err_set_value(exc) : 0;
}

// The seconds of a timeout (CPython's _PyTime_FromSecondsObject).
static int simplequeue_timeout(Value v, double *out) {
    if (float_check(v)) {
        *out = float_value(v);
        if (isnan(*out)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        Value i = obj_index(v);
        int64_t n;
        if (!i) {
            return -1;
        }
        if (int_to_i64(i, &n) < 0 || n > INT64_MAX / 1000000000 || n < -(INT64_MAX / 1000000000)) {
            err_clear();
            err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
            return -1;
        }
        *out = (double)n;
    }
    if (*out < 0) {
        err_format(&exc_ValueError, "'timeout' must be a non-negative number");
        return -1;
    }
    return 0;
}

FN(simplequeue_get) {
    static const char *const names[] = {"block", "timeout", NULL};
    static const ArgSpec spec = {"get", 0, names, 0, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int block = 1;
    if (a[0]) {
        block = obj_truthy(a[0]);
        if (block < 0) {
            return 0;
        }
    }
    double timeout = -1;
    if (block && a[1] && a[1] != VAL_NONE && simplequeue_timeout(a[1], &timeout) < 0) {
        return 0;
    }
    if (!block) {
        timeout = 0;
    }
    int64_t deadline = timeout > 0 ? modules_monotonic_ns() + (int64_t)(timeout * 1e9) : 0;
    SimpleQueueObject *q = sq(self);
    while (simplequeue_size(self) == 0) {
        int r = thread_acquire_timed(&q->sem, timeout);
        if (r < 0) {
            return 0;
        }
        if (r == 0) {
            return simplequeue_raise_empty();
        }
        q->locked = 1;
        if (timeout > 0) {
            timeout = (double)(deadline - modules_monotonic_ns()) / 1e9;
            if (timeout < 0) {
                timeout = 0;
            }
        }
    }
    Value item = simplequeue_pop(self);
    if (q->locked) {
        q->locked = 0;
        sem_post(&q->sem);
    }
    return item;
}

FN(simplequeue_get_nowait) {
    if (method_check_args("SimpleQueue.get_nowait", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return simplequeue_size(self) ? simplequeue_pop(self) : simplequeue_raise_empty();
}

FN(simplequeue_empty) {
    if (method_check_args("SimpleQueue.empty", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(simplequeue_size(self) == 0);
}

FN(simplequeue_qsize) {
    if (method_check_args("SimpleQueue.qsize", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return int_from_i64((int64_t)simplequeue_size(self));
}

FN(simplequeue_class_getitem) {
    if (method_check_args("SimpleQueue.__class_getitem__", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    return generic_alias_new(self, args[0]);
}

static const MethodDef simplequeue_methods[] = {
    {"empty", simplequeue_empty, METH_DEFAULT, "Return True if the queue is empty, False otherwise (not reliable!)."},
    {"get", simplequeue_get, METH_DEFAULT, "Remove and return an item from the queue."},
    {"get_nowait", simplequeue_get_nowait, METH_DEFAULT, "Remove and return an item from the queue without blocking."},
    {"put", simplequeue_put, METH_DEFAULT, "Put the item on the queue."},
    {"put_nowait", simplequeue_put_nowait, METH_DEFAULT, "Put an item into the queue without blocking."},
    {"qsize", simplequeue_qsize, METH_DEFAULT, "Return the approximate size of the queue (not reliable!)."},
    {"__class_getitem__", simplequeue_class_getitem, METH_CLASS, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

static Type type_simplequeue = {
    .header = {&type_type},
    .name = "_queue.SimpleQueue",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(SimpleQueueObject),
    .base = &type_object,
    .trace = simplequeue_trace,
    .new_ = simplequeue_tp_new,
    .methods = simplequeue_methods,
};

Value queue_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&type_simplequeue) < 0) {
        return 0;
    }
    gc_add_root(&queue_empty);
    Value bases = tuple_from((Value[]){val_from_ptr(&exc_Exception)}, 1);
    Value ns = bases ? dict_new() : 0;
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("_queue")) < 0 ||
        dict_set_cstr(ns, "__doc__", str_from_cstr("Exception raised by Queue.get(block=0)/get_nowait().")) < 0) {
        return 0;
    }
    queue_empty = type_new_class(&type_type, str_from_cstr("Empty"), bases, ns);
    Value m = queue_empty ? module_new_cstr("_queue") : 0;
    if (!m || module_add(m, "SimpleQueue", val_from_ptr(&type_simplequeue)) < 0 ||
        module_add(m, "Empty", queue_empty) < 0) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
