// socketmodule.c - the `_socket` module: the socket type that Lib/socket.py
// subclasses, name resolution, byte-order and address conversions, for
// socket, socketserver, http.client/server, urllib, smtplib, ftplib...
//
// A socket object holds its descriptor (-1 once closed or detached), its
// family, type and protocol, and its timeout in seconds as CPython keeps
// it (`sock_timeout`):
//   < 0   blocking: the descriptor is blocking and calls wait in the kernel;
//   == 0  non-blocking: calls fail with BlockingIOError at once;
//   > 0   the descriptor is non-blocking and each call first waits with
//         poll() for at most the time that is left (socket_call), then
//         raises TimeoutError("timed out").
// A call interrupted by a signal runs the Python handlers and resumes
// (PEP 475), as in select (modules_poll_wait).
//
// The blocking calls (the socket calls, connect, getaddrinfo, getnameinfo)
// run with the GIL released (VM_BEGIN_ALLOW_THREADS, vm/vm.h).
//
// Addresses: AF_INET (host, port), AF_INET6 (host, port[, flowinfo[,
// scope_id]]) and AF_UNIX (a path: str, bytes or PathLike; a name in
// Linux's abstract namespace comes back as bytes). Other families raise
// OSError "getsockaddrarg: bad family" as CPython does for families it
// does not know. sendmsg/recvmsg/recvmsg_into carry ancillary data
// (SCM_RIGHTS descriptors for socket.send_fds/recv_fds); sendmsg_afalg is
// absent.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <linux/can.h>
#include <linux/can/bcm.h>
#include <linux/can/j1939.h>
#include <linux/can/raw.h>
#include <linux/if_alg.h>
#include <linux/netlink.h>
#include <linux/qrtr.h>
#include <linux/tipc.h>
#include <linux/vm_sockets.h>
#include <net/if.h>
#include <netpacket/packet.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytearray.h"
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
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../vm/vm.h"
#include "modules.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct SocketObject {
    Object header;
    int fd;
    int family, type, proto;
    double timeout;  // seconds; < 0 blocking (see the opening comment)
} SocketObject;

static Type type_socket;
static Value socket_herror, socket_gaierror;
static double default_timeout = -1.0;

static SocketObject *sock_of(Value v) {
    return (SocketObject *)val_ptr(v);
}

// ---- errors --------------------------------------------------------------------------------

static Value raise_errno(int err) {
    return err_from_errno(err, 0, 0);
}

static Value raise_with(Value cls, int code, const char *msg) {
    Value a[2] = {int_from_i64(code), str_from_cstr(msg)};
    Value exc = a[1] ? obj_call(cls, a, 2, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

static Value raise_gai(int code) {
    if (code == EAI_SYSTEM) {
        return raise_errno(errno);
    }
    return raise_with(socket_gaierror, code, gai_strerror(code));
}

static Value raise_timeout(void) {
    return err_format(&exc_TimeoutError, "timed out");
}

// ---- integer arguments ---------------------------------------------------------------------

static int c_int(Value v, int *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
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

static int ssize_arg(Value v, int64_t *out) {
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    return obj_as_int64(v, out);
}

// ---- timeouts -------------------------------------------------------------------------------

// A timeout argument: None (-1, blocking) or a non-negative number.
static int timeout_arg(Value v, double *out) {
    if (v == VAL_NONE) {
        *out = -1.0;
        return 0;
    }
    double d;
    if (float_check(v)) {
        d = float_value(v);
        if (isnan(d)) {
            err_format(&exc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
    } else {
        if (!int_check(v) && !type_of(v)->index) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(v));
            return -1;
        }
        int64_t x;
        if (obj_as_int64(v, &x) < 0) {
            return -1;
        }
        d = (double)x;
    }
    if (d < 0) {
        err_format(&exc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = d;
    return 0;
}

static Value timeout_value(double t) {
    return t < 0 ? VAL_NONE : float_from_double(t);
}

// The descriptor is non-blocking exactly when there is a timeout.
static int set_fd_blocking(int fd, int blocking) {
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) {
        return -1;
    }
    int want = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    return want == flags ? 0 : fcntl(fd, F_SETFL, want);
}

static int apply_timeout(SocketObject *s, double t) {
    s->timeout = t;
    if (s->fd >= 0 && set_fd_blocking(s->fd, t < 0) < 0) {
        raise_errno(errno);
        return -1;
    }
    return 0;
}

// ---- the call loop --------------------------------------------------------------------------

// One attempt of a socket call: >= 0 on success (a count, or 0), -1 with
// errno set.
typedef ssize_t (*SockFunc)(SocketObject *s, void *ctx);

// Run `fn` under the socket's timeout: wait for readiness (`writing`
// picks POLLOUT) while there is a timeout, retry after EINTR once the
// signal handlers ran, retry after EAGAIN while time is left. The result
// of fn, or -1 with an exception.
static ssize_t socket_call(SocketObject *s, int writing, SockFunc fn, void *ctx) {
    if (s->fd < 0) {
        raise_errno(EBADF);
        return -1;
    }
    int has_timeout = s->timeout > 0;
    int64_t deadline = has_timeout ? modules_monotonic_ns() + (int64_t)(s->timeout * 1e9) : 0;
    for (;;) {
        if (has_timeout) {
            int64_t left = deadline - modules_monotonic_ns();
            if (left < 0) {
                left = 0;
            }
            struct pollfd p = {.fd = s->fd, .events = writing ? POLLOUT : POLLIN};
            int r = modules_poll_wait(&p, 1, left);
            if (r < 0) {
                return -1;
            }
            if (r == 0) {
                raise_timeout();
                return -1;
            }
        }
        ssize_t r;
        for (;;) {
            VM_BEGIN_ALLOW_THREADS
            r = fn(s, ctx);
            VM_END_ALLOW_THREADS
            if (r >= 0) {
                return r;
            }
            if (errno != EINTR) {
                break;
            }
            if (signal_check_pending() < 0) {
                return -1;
            }
        }
        if (has_timeout && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            continue;
        }
        raise_errno(errno);
        return -1;
    }
}

// ---- addresses ------------------------------------------------------------------------------

typedef union SockAddr {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} SockAddr;

// A host name argument as C text: str (IDNA for non-ASCII is not done:
// such names raise UnicodeError as the "ascii" codec would), bytes or
// bytearray.
static Value host_text(Value v) {
    if (val_is_str(v)) {
        if (!(str_obj(v)->flags & STR_ASCII)) {
            return codec_encode(v, "idna", "strict");
        }
        return bytes_from(str_obj(v)->data, str_obj(v)->nbytes);
    }
    if (val_is_bytes(v)) {
        return v;
    }
    if (bytearray_check(v)) {
        Buffer view;
        if (buffer_get_bytes_like(v, &view) < 0) {
            return 0;
        }
        Value b = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        return b;
    }
    return err_format(&exc_TypeError, "str, bytes or bytearray expected, not %s",
                      obj_type_name(v));
}

// CPython's setipaddr: '' is the wildcard address, '<broadcast>' the
// broadcast one, a numeric address is parsed, anything else resolved.
static int set_ip_addr(const char *name, SockAddr *addr, int family) {
    memset(addr, 0, sizeof(*addr));
    if (name[0] == '\0') {
        struct addrinfo hints = {.ai_family = family, .ai_socktype = SOCK_DGRAM,
                                 .ai_flags = AI_PASSIVE};
        struct addrinfo *res;
        int err = getaddrinfo(NULL, "0", &hints, &res);
        if (err) {
            raise_gai(err);
            return -1;
        }
        memcpy(addr, res->ai_addr, res->ai_addrlen < sizeof(*addr) ? res->ai_addrlen : sizeof(*addr));
        freeaddrinfo(res);
        return 0;
    }
    if (strcmp(name, "<broadcast>") == 0 || strcmp(name, "255.255.255.255") == 0) {
        if (family != AF_INET && family != AF_UNSPEC) {
            err_format(&exc_OSError, "address family mismatched");
            return -1;
        }
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_addr.s_addr = INADDR_BROADCAST;
        return 0;
    }
    if ((family == AF_INET || family == AF_UNSPEC) &&
        inet_pton(AF_INET, name, &addr->in4.sin_addr) == 1) {
        addr->in4.sin_family = AF_INET;
        return 0;
    }
    if ((family == AF_INET6 || family == AF_UNSPEC) &&
        inet_pton(AF_INET6, name, &addr->in6.sin6_addr) == 1) {
        addr->in6.sin6_family = AF_INET6;
        return 0;
    }
    struct addrinfo hints = {.ai_family = family};
    struct addrinfo *res;
    int err = getaddrinfo(name, NULL, &hints, &res);
    if (err) {
        raise_gai(err);
        return -1;
    }
    memcpy(addr, res->ai_addr, res->ai_addrlen < sizeof(*addr) ? res->ai_addrlen : sizeof(*addr));
    freeaddrinfo(res);
    return 0;
}

static int port_arg(Value v, const char *caller, int *port) {
    int p;
    if (c_int(v, &p) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
        }
        return -1;
    }
    if (p < 0 || p > 0xFFFF) {
        err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *port = p;
    return 0;
}

// CPython's getsockaddrarg: the address object `v` for a socket of
// `family`, into *addr / *len. `caller` names the method in messages.
static int sockaddr_arg(int family, Value v, SockAddr *addr, socklen_t *len, const char *caller) {
    memset(addr, 0, sizeof(*addr));
    switch (family) {
    case AF_UNIX: {
        Value path = v;
        if (val_is_str(v) || (!val_is_bytes(v) && obj_lookup_special(v, str_intern_cstr("__fspath__")))) {
            if (!val_is_str(v)) {
                path = obj_call0(obj_lookup_special(v, str_intern_cstr("__fspath__")));
                if (!path) {
                    return -1;
                }
            }
            if (val_is_str(path)) {
                path = codec_encode(path, "utf-8", "surrogateescape");
                if (!path) {
                    return -1;
                }
            }
        }
        Buffer view;
        if (buffer_get_bytes_like(path, &view) < 0) {
            return -1;
        }
        size_t n = (size_t)view.len;
        if (n >= sizeof(addr->un.sun_path) + (n > 0 && ((char *)view.buf)[0] == 0)) {
            buffer_release(&view);
            err_format(&exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        addr->un.sun_family = AF_UNIX;
        if (n > 0) {
            memcpy(addr->un.sun_path, view.buf, n);
        }
        buffer_release(&view);
        // An abstract name has no terminating NUL in its length.
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + (n > 0 && addr->un.sun_path[0] != 0));
        if (n == 0) {
            *len = (socklen_t)offsetof(struct sockaddr_un, sun_path);
        }
        return 0;
    }
    case AF_INET:
    case AF_INET6: {
        const char *fam = family == AF_INET ? "AF_INET" : "AF_INET6";
        if (!tuple_check(v)) {
            err_format(&exc_TypeError, "%s(): %s address must be tuple, not %s", caller, fam,
                       obj_type_name(v));
            return -1;
        }
        TupleObject *t = tuple_obj(v);
        if (family == AF_INET && t->len != 2) {
            err_format(&exc_TypeError, "AF_INET address must be a pair (host, port)");
            return -1;
        }
        if (family == AF_INET6 && (t->len < 2 || t->len > 4)) {
            err_format(&exc_TypeError, "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return -1;
        }
        Value host = host_text(t->items[0]);
        int port;
        if (!host || port_arg(t->items[1], caller, &port) < 0) {
            return -1;
        }
        if (memchr(bytes_data(host), 0, bytes_len(host))) {
            err_format(&exc_TypeError, "host name must not contain null character");
            return -1;
        }
        if (set_ip_addr(bytes_data(host), addr, family) < 0) {
            return -1;
        }
        if (family == AF_INET) {
            addr->in4.sin_family = AF_INET;
            addr->in4.sin_port = htons((uint16_t)port);
            *len = sizeof(addr->in4);
            return 0;
        }
        int64_t flowinfo = 0, scope = 0;
        if (t->len > 2 && ssize_arg(t->items[2], &flowinfo) < 0) {
            return -1;
        }
        if (t->len > 3 && ssize_arg(t->items[3], &scope) < 0) {
            return -1;
        }
        if (flowinfo < 0 || flowinfo > 0xfffff) {
            err_format(&exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
            return -1;
        }
        addr->in6.sin6_family = AF_INET6;
        addr->in6.sin6_port = htons((uint16_t)port);
        addr->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        addr->in6.sin6_scope_id = (uint32_t)scope;
        *len = sizeof(addr->in6);
        return 0;
    }
    default:
        err_format(&exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

static Value ip_text(const struct sockaddr *sa) {
    char buf[INET6_ADDRSTRLEN];
    const void *src = sa->sa_family == AF_INET ? (const void *)&((const struct sockaddr_in *)sa)->sin_addr
                                               : (const void *)&((const struct sockaddr_in6 *)sa)->sin6_addr;
    if (!inet_ntop(sa->sa_family, src, buf, sizeof(buf))) {
        return raise_errno(errno);
    }
    return str_from_cstr(buf);
}

// CPython's makesockaddr: the Python form of a socket address.
static Value sockaddr_value(const SockAddr *addr, socklen_t len) {
    if (len == 0) {
        return VAL_NONE;
    }
    switch (addr->sa.sa_family) {
    case AF_INET: {
        Value ip = ip_text(&addr->sa);
        return ip ? tuple_pack2(ip, val_from_smallint(ntohs(addr->in4.sin_port))) : 0;
    }
    case AF_INET6: {
        Value items[4] = {ip_text(&addr->sa), val_from_smallint(ntohs(addr->in6.sin6_port)),
                          int_from_u64(ntohl(addr->in6.sin6_flowinfo)),
                          int_from_u64(addr->in6.sin6_scope_id)};
        return items[0] ? tuple_from(items, 4) : 0;
    }
    case AF_UNIX: {
        size_t n = len > offsetof(struct sockaddr_un, sun_path)
                       ? (size_t)len - offsetof(struct sockaddr_un, sun_path)
                       : 0;
        if (n > 0 && addr->un.sun_path[0] == 0) {
            return bytes_from(addr->un.sun_path, n);
        }
        size_t k = strnlen(addr->un.sun_path, n);
        return codec_decode(0, addr->un.sun_path, k, "utf-8", "surrogateescape");
    }
    default: {
        Value data = bytes_from(addr->sa.sa_data, sizeof(addr->sa.sa_data));
        return data ? tuple_pack2(val_from_smallint(addr->sa.sa_family), data) : 0;
    }
    }
}

// ---- creating sockets ---------------------------------------------------------------------

static Value socket_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    Type *t = type_ptr(type);
    SocketObject *s = (SocketObject *)gc_alloc(t, t->basic_size);
    if (!s) {
        return 0;
    }
    s->fd = -1;
    s->family = AF_INET;
    s->type = SOCK_STREAM;
    s->timeout = -1.0;
    return val_from_ptr(s);
}

// Set the family, type (without the creation flags) and timeout of a
// socket that got its descriptor `fd`.
static int socket_setup(SocketObject *s, int fd, int family, int type, int proto) {
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    if (type & SOCK_NONBLOCK) {
        s->timeout = 0.0;
        return 0;
    }
    return apply_timeout(s, default_timeout);
}

static Value socket_tp_init(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"family", "type", "proto", "fileno", NULL};
    ArgSpec spec = {"socket", 0, names, 0, 4, 0};
    Value a[4];
    int family = -1, type = -1, proto = -1;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || (a[0] && c_int(a[0], &family) < 0) ||
        (a[1] && c_int(a[1], &type) < 0) || (a[2] && c_int(a[2], &proto) < 0)) {
        return 0;
    }
    SocketObject *s = sock_of(self);
    if (a[3] && a[3] != VAL_NONE) {
        if (float_check(a[3])) {
            return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        }
        int64_t x;
        if (!int_check(a[3]) && !type_of(a[3])->index) {
            return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                              obj_type_name(a[3]));
        }
        if (obj_as_int64(a[3], &x) < 0) {
            return 0;
        }
        if (x < 0) {
            return err_format(&exc_ValueError, "negative file descriptor");
        }
        if (x > INT_MAX) {
            return err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
        int fd = (int)x;
        socklen_t len = sizeof(int);
        if (family == -1) {
            SockAddr addr;
            socklen_t alen = sizeof(addr);
            memset(&addr, 0, sizeof(addr));
            if (getsockname(fd, &addr.sa, &alen) < 0) {
                return raise_errno(errno);
            }
            family = addr.sa.sa_family;
        }
        if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len) < 0) {
            return raise_errno(errno);
        }
        len = sizeof(int);
        if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0) {
            return raise_errno(errno);
        }
        if (socket_setup(s, fd, family, type, proto) < 0) {
            return 0;
        }
        // A descriptor handed over keeps its own blocking mode when no
        // default timeout applies.
        if (default_timeout < 0) {
            int flags = fcntl(fd, F_GETFL);
            if (flags >= 0 && (flags & O_NONBLOCK)) {
                s->timeout = 0.0;
            }
        }
        return VAL_NONE;
    }
    if (family == -1) {
        family = AF_INET;
    }
    if (type == -1) {
        type = SOCK_STREAM;
    }
    if (proto == -1) {
        proto = 0;
    }
    int fd = socket(family, type | SOCK_CLOEXEC, proto);
    if (fd < 0) {
        return raise_errno(errno);
    }
    if (s->fd >= 0) {
        close(s->fd);  // __init__ called again
    }
    if (socket_setup(s, fd, family, type, proto) < 0) {
        return 0;
    }
    return VAL_NONE;
}

// A new _socket.socket for an accepted or paired descriptor.
static Value socket_from_fd(int fd, int family, int type, int proto) {
    SocketObject *s = (SocketObject *)val_ptr(socket_tp_new(val_from_ptr(&type_socket), NULL, 0, 0));
    if (!s) {
        close(fd);
        return 0;
    }
    if (socket_setup(s, fd, family, type, proto) < 0) {
        return 0;
    }
    return val_from_ptr(s);
}

static void socket_free(Object *o) {
    SocketObject *s = (SocketObject *)o;
    if (s->fd >= 0) {
        close(s->fd);
        s->fd = -1;
    }
}

static Value socket_repr(Value self) {
    SocketObject *s = sock_of(self);
    return str_format_c("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family,
                        s->type, s->proto);
}

// ---- methods: connection set-up ------------------------------------------------------------

FN(sock_bind) {
    if (method_check_args("bind", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    SocketObject *s = sock_of(self);
    SockAddr addr;
    socklen_t len;
    if (sockaddr_arg(s->family, args[0], &addr, &len, "bind") < 0) {
        return 0;
    }
    if (bind(s->fd, &addr.sa, len) < 0) {
        return raise_errno(errno);
    }
    return VAL_NONE;
}

FN(sock_listen) {
    if (method_check_args("listen", nargs, kwnames, 0, 1) < 0) {
        return 0;
    }
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (nargs == 1 && c_int(args[0], &backlog) < 0) {
        return 0;
    }
    if (backlog < 0) {
        backlog = 0;
    }
    if (listen(sock_of(self)->fd, backlog) < 0) {
        return raise_errno(errno);
    }
    return VAL_NONE;
}

typedef struct AcceptCtx {
    SockAddr addr;
    socklen_t len;
} AcceptCtx;

static ssize_t do_accept(SocketObject *s, void *ctx) {
    AcceptCtx *a = ctx;
    a->len = sizeof(a->addr);
    return accept4(s->fd, &a->addr.sa, &a->len, SOCK_CLOEXEC);
}

FN(sock_accept) {
    if (method_check_args("_accept", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    AcceptCtx a;
    memset(&a, 0, sizeof(a));
    ssize_t fd = socket_call(sock_of(self), 0, do_accept, &a);
    if (fd < 0) {
        return 0;
    }
    Value addr = sockaddr_value(&a.addr, a.len);
    if (!addr) {
        close((int)fd);
        return 0;
    }
    return tuple_pack2(val_from_smallint(fd), addr);
}

// connect(): a non-blocking connect in progress is waited for with poll,
// then its result read from SO_ERROR. Returns 0 or an errno; -1 when an
// exception (a signal handler's, a timeout) is already set.
static int do_connect(SocketObject *s, Value address, const char *caller, int raise) {
    SockAddr addr;
    socklen_t len;
    if (sockaddr_arg(s->family, address, &addr, &len, caller) < 0) {
        return -1;
    }
    if (s->fd < 0) {
        return EBADF;
    }
    int r, fd = s->fd;
    VM_BEGIN_ALLOW_THREADS
    r = connect(fd, &addr.sa, len);
    VM_END_ALLOW_THREADS
    int err = r < 0 ? errno : 0;
    if (err == EINTR) {
        if (signal_check_pending() < 0) {
            return -1;
        }
        if (s->timeout == 0) {
            return err;
        }
        err = EINPROGRESS;  // the connection goes on: wait for it below
    }
    if (err == EINPROGRESS && s->timeout != 0) {
        int64_t left = s->timeout > 0 ? (int64_t)(s->timeout * 1e9) : -1;
        struct pollfd p = {.fd = s->fd, .events = POLLOUT};
        int n = modules_poll_wait(&p, 1, left);
        if (n < 0) {
            return -1;
        }
        if (n == 0) {
            if (raise) {
                raise_timeout();
                return -1;
            }
            return EWOULDBLOCK;
        }
        socklen_t elen = sizeof(err);
        if (getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) {
            err = errno;
        }
    }
    return err;
}

FN(sock_connect) {
    if (method_check_args("connect", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int err = do_connect(sock_of(self), args[0], "connect", 1);
    if (err < 0) {
        return 0;
    }
    return err ? raise_errno(err) : VAL_NONE;
}

FN(sock_connect_ex) {
    if (method_check_args("connect_ex", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int err = do_connect(sock_of(self), args[0], "connect_ex", 0);
    return err < 0 ? 0 : val_from_smallint(err);
}

FN(sock_shutdown) {
    if (method_check_args("shutdown", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int how;
    if (c_int(args[0], &how) < 0) {
        return 0;
    }
    if (shutdown(sock_of(self)->fd, how) < 0) {
        return raise_errno(errno);
    }
    return VAL_NONE;
}

FN(sock_close) {
    if (method_check_args("close", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SocketObject *s = sock_of(self);
    if (s->fd >= 0) {
        int fd = s->fd;
        s->fd = -1;
        // A reset connection is closed all the same (CPython ignores it).
        if (close(fd) < 0 && errno != ECONNRESET) {
            return raise_errno(errno);
        }
    }
    return VAL_NONE;
}

FN(sock_detach) {
    if (method_check_args("detach", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SocketObject *s = sock_of(self);
    int fd = s->fd;
    s->fd = -1;
    return val_from_smallint(fd);
}

FN(sock_fileno) {
    if (method_check_args("fileno", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_from_smallint(sock_of(self)->fd);
}

static Value sock_name(Value self, int peer, const char *fname, size_t nargs, Value kwnames) {
    if (method_check_args(fname, nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SockAddr addr;
    memset(&addr, 0, sizeof(addr));
    socklen_t len = sizeof(addr);
    int r = peer ? getpeername(sock_of(self)->fd, &addr.sa, &len)
                 : getsockname(sock_of(self)->fd, &addr.sa, &len);
    if (r < 0) {
        return raise_errno(errno);
    }
    return sockaddr_value(&addr, len);
}

FN(sock_getsockname) { return sock_name(self, 0, "getsockname", nargs, kwnames); }
FN(sock_getpeername) { return sock_name(self, 1, "getpeername", nargs, kwnames); }

// ---- methods: options and timeouts ---------------------------------------------------------

FN(sock_setsockopt) {
    if (method_check_args("setsockopt", nargs, kwnames, 3, 4) < 0) {
        return 0;
    }
    int level, opt;
    if (c_int(args[0], &level) < 0 || c_int(args[1], &opt) < 0) {
        return 0;
    }
    int r;
    if (nargs == 4) {
        // setsockopt(level, opt, None, optlen)
        unsigned optlen;
        int64_t x;
        if (args[2] != VAL_NONE) {
            return err_format(&exc_TypeError, "setsockopt() takes exactly 4 arguments (3 given)");
        }
        if (ssize_arg(args[3], &x) < 0) {
            return 0;
        }
        optlen = (unsigned)x;
        r = setsockopt(sock_of(self)->fd, level, opt, NULL, optlen);
    } else if (int_check(args[2])) {
        int v;
        if (c_int(args[2], &v) < 0) {
            return 0;
        }
        r = setsockopt(sock_of(self)->fd, level, opt, &v, sizeof(v));
    } else {
        Buffer view;
        if (buffer_get_bytes_like(args[2], &view) < 0) {
            return 0;
        }
        r = setsockopt(sock_of(self)->fd, level, opt, view.buf, (socklen_t)view.len);
        buffer_release(&view);
    }
    if (r < 0) {
        return raise_errno(errno);
    }
    return VAL_NONE;
}

FN(sock_getsockopt) {
    if (method_check_args("getsockopt", nargs, kwnames, 2, 3) < 0) {
        return 0;
    }
    int level, opt, buflen = 0;
    if (c_int(args[0], &level) < 0 || c_int(args[1], &opt) < 0 ||
        (nargs == 3 && c_int(args[2], &buflen) < 0)) {
        return 0;
    }
    if (nargs == 2) {
        int v = 0;
        socklen_t len = sizeof(v);
        if (getsockopt(sock_of(self)->fd, level, opt, &v, &len) < 0) {
            return raise_errno(errno);
        }
        return int_from_i64(v);
    }
    if (buflen <= 0 || buflen > 1024) {
        return err_format(&exc_OSError, "getsockopt buflen out of range");
    }
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(sock_of(self)->fd, level, opt, buf, &len) < 0) {
        return raise_errno(errno);
    }
    return bytes_from(buf, len);
}

FN(sock_settimeout) {
    if (method_check_args("settimeout", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double t;
    if (timeout_arg(args[0], &t) < 0 || apply_timeout(sock_of(self), t) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(sock_gettimeout) {
    if (method_check_args("gettimeout", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return timeout_value(sock_of(self)->timeout);
}

FN(sock_setblocking) {
    if (method_check_args("setblocking", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int b = obj_truthy(args[0]);
    if (b < 0 || apply_timeout(sock_of(self), b ? -1.0 : 0.0) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(sock_getblocking) {
    if (method_check_args("getblocking", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(sock_of(self)->timeout != 0);
}

// ---- methods: data -------------------------------------------------------------------------

typedef struct IoCtx {
    char *buf;
    size_t len;
    int flags;
    SockAddr addr;
    socklen_t addrlen;
} IoCtx;

static ssize_t do_recv(SocketObject *s, void *ctx) {
    IoCtx *c = ctx;
    return recv(s->fd, c->buf, c->len, c->flags);
}

static ssize_t do_recvfrom(SocketObject *s, void *ctx) {
    IoCtx *c = ctx;
    c->addrlen = sizeof(c->addr);
    return recvfrom(s->fd, c->buf, c->len, c->flags, &c->addr.sa, &c->addrlen);
}

static ssize_t do_send(SocketObject *s, void *ctx) {
    IoCtx *c = ctx;
    return send(s->fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
}

static ssize_t do_sendto(SocketObject *s, void *ctx) {
    IoCtx *c = ctx;
    return sendto(s->fd, c->buf, c->len, c->flags | MSG_NOSIGNAL, &c->addr.sa, c->addrlen);
}

static int recv_size(Value v, const char *fname, size_t *out) {
    int64_t n;
    if (ssize_arg(v, &n) < 0) {
        return -1;
    }
    if (n < 0) {
        err_format(&exc_ValueError, "negative buffersize in %s", fname);
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

static int flags_arg(const Value *args, size_t nargs, size_t at, int *flags) {
    *flags = 0;
    return nargs > at ? c_int(args[at], flags) : 0;
}

// recv(bufsize[, flags]) and recvfrom(bufsize[, flags]).
static Value recv_common(Value self, const Value *args, size_t nargs, Value kwnames, int from) {
    const char *fname = from ? "recvfrom" : "recv";
    if (method_check_args(fname, nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    IoCtx c;
    memset(&c, 0, sizeof(c));
    if (recv_size(args[0], fname, &c.len) < 0 || flags_arg(args, nargs, 1, &c.flags) < 0) {
        return 0;
    }
    BytesObject *b = bytes_alloc(c.len);
    if (!b) {
        return 0;
    }
    c.buf = b->data;
    ssize_t n = socket_call(sock_of(self), 0, from ? do_recvfrom : do_recv, &c);
    if (n < 0) {
        return 0;
    }
    Value data = bytes_from(b->data, (size_t)n);
    if (!data || !from) {
        return data;
    }
    Value addr = sockaddr_value(&c.addr, c.addrlen);
    return addr ? tuple_pack2(data, addr) : 0;
}

FN(sock_recv) { return recv_common(self, args, nargs, kwnames, 0); }
FN(sock_recvfrom) { return recv_common(self, args, nargs, kwnames, 1); }

// recv_into(buffer[, nbytes[, flags]]) and recvfrom_into(...).
static Value recv_into_common(Value self, const Value *args, size_t nargs, Value kwnames, int from) {
    static const char *const names[] = {"buffer", "nbytes", "flags", NULL};
    ArgSpec spec = {from ? "recvfrom_into" : "recv_into", 0, names, 1, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    IoCtx c;
    memset(&c, 0, sizeof(c));
    int64_t want = 0;
    if ((a[1] && ssize_arg(a[1], &want) < 0) || (a[2] && c_int(a[2], &c.flags) < 0)) {
        return 0;
    }
    Buffer view;
    if (buffer_get(a[0], &view, BUFFER_WRITABLE) <= 0) {
        if (!err_occurred() || err_matches(&exc_BufferError)) {
            err_clear();
            err_format(&exc_TypeError, "%s() argument 1 must be read-write bytes-like object, not %s",
                       spec.fname, obj_type_name(a[0]));
        }
        return 0;
    }
    if (want < 0) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "negative buffersize in %s", spec.fname);
    }
    if (want == 0) {
        want = view.len;
    } else if (want > view.len) {
        buffer_release(&view);
        return err_format(&exc_ValueError, "buffer too small for requested bytes");
    }
    // Receive into a private buffer, then copy: the caller's object may be
    // resized by a signal handler while we wait.
    char *tmp = malloc((size_t)want + 1);
    buffer_release(&view);
    if (!tmp) {
        return err_no_memory();
    }
    c.buf = tmp;
    c.len = (size_t)want;
    ssize_t n = socket_call(sock_of(self), 0, from ? do_recvfrom : do_recv, &c);
    if (n >= 0) {
        if (buffer_get(a[0], &view, BUFFER_WRITABLE) <= 0 || view.len < n) {
            if (!err_occurred()) {
                err_format(&exc_ValueError, "buffer too small for requested bytes");
            }
            n = -1;
        } else {
            if ((size_t)n > 0) {
                memcpy(view.buf, tmp, (size_t)n);
            }
            buffer_release(&view);
        }
    }
    free(tmp);
    if (n < 0) {
        return 0;
    }
    if (!from) {
        return int_from_i64(n);
    }
    Value addr = sockaddr_value(&c.addr, c.addrlen);
    return addr ? tuple_pack2(int_from_i64(n), addr) : 0;
}

FN(sock_recv_into) { return recv_into_common(self, args, nargs, kwnames, 0); }
FN(sock_recvfrom_into) { return recv_into_common(self, args, nargs, kwnames, 1); }

// The data of send-like calls, copied so that it stays put while the call
// waits (and Python code may run in signal handlers).
static char *data_copy(Value v, size_t *len) {
    Buffer view;
    if (buffer_get_bytes_like(v, &view) < 0) {
        return NULL;
    }
    char *p = malloc((size_t)view.len + 1);
    if (!p) {
        buffer_release(&view);
        err_no_memory();
        return NULL;
    }
    if ((size_t)view.len > 0) {
        memcpy(p, view.buf, (size_t)view.len);
    }
    *len = (size_t)view.len;
    buffer_release(&view);
    return p;
}

FN(sock_send) {
    if (method_check_args("send", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    IoCtx c;
    memset(&c, 0, sizeof(c));
    if (!(c.buf = data_copy(args[0], &c.len))) {
        return 0;
    }
    if (flags_arg(args, nargs, 1, &c.flags) < 0) {
        free(c.buf);
        return 0;
    }
    ssize_t n = socket_call(sock_of(self), 1, do_send, &c);
    free(c.buf);
    return n < 0 ? 0 : int_from_i64(n);
}

FN(sock_sendall) {
    if (method_check_args("sendall", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    IoCtx c;
    memset(&c, 0, sizeof(c));
    char *data = data_copy(args[0], &c.len);
    if (!data) {
        return 0;
    }
    if (flags_arg(args, nargs, 1, &c.flags) < 0) {
        free(data);
        return 0;
    }
    SocketObject *s = sock_of(self);
    size_t left = c.len;
    c.buf = data;
    while (left > 0) {
        c.len = left;
        ssize_t n = socket_call(s, 1, do_send, &c);
        if (n < 0) {
            free(data);
            return 0;
        }
        c.buf += n;
        left -= (size_t)n;
        if (signal_check_pending() < 0) {
            free(data);
            return 0;
        }
    }
    free(data);
    return VAL_NONE;
}

FN(sock_sendto) {
    if (method_check_args("sendto", nargs, kwnames, 2, 3) < 0) {
        return 0;
    }
    IoCtx c;
    memset(&c, 0, sizeof(c));
    Value address = args[nargs - 1];
    if (nargs == 3 && c_int(args[1], &c.flags) < 0) {
        return 0;
    }
    if (sockaddr_arg(sock_of(self)->family, address, &c.addr, &c.addrlen, "sendto") < 0) {
        return 0;
    }
    if (!(c.buf = data_copy(args[0], &c.len))) {
        return 0;
    }
    ssize_t n = socket_call(sock_of(self), 1, do_sendto, &c);
    free(c.buf);
    return n < 0 ? 0 : int_from_i64(n);
}

// ---- methods: messages with ancillary data ------------------------------------------------

typedef struct MsgCtx {
    struct msghdr msg;
    int flags;
} MsgCtx;

static ssize_t do_sendmsg(SocketObject *s, void *ctx) {
    MsgCtx *c = ctx;
    return sendmsg(s->fd, &c->msg, c->flags | MSG_NOSIGNAL);
}

static ssize_t do_recvmsg(SocketObject *s, void *ctx) {
    MsgCtx *c = ctx;
    return recvmsg(s->fd, &c->msg, c->flags);
}

// The items of an iterable argument as a tuple, or TypeError "<fname>()
// argument N must be an iterable".
static Value iterable_items(Value v, const char *fname, int argn) {
    Value it = obj_iter(v);
    if (!it) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "%s() argument %d must be an iterable", fname, argn);
        }
        return 0;
    }
    return tuple_from_iterable(v);
}

// sendmsg(buffers[, ancdata[, flags[, address]]]) -> bytes sent. The data
// and the control messages are copied into one malloc'ed block first.
FN(sock_sendmsg) {
    if (method_check_args("sendmsg", nargs, kwnames, 1, 4) < 0) {
        return 0;
    }
    SocketObject *s = sock_of(self);
    Value bufs = iterable_items(args[0], "sendmsg", 1);
    Value anc = nargs > 1 ? iterable_items(args[1], "sendmsg", 2) : tuple_new(0);
    if (!bufs || !anc) {
        return 0;
    }
    MsgCtx c;
    memset(&c, 0, sizeof(c));
    if (nargs > 2 && c_int(args[2], &c.flags) < 0) {
        return 0;
    }
    SockAddr addr;
    socklen_t addrlen = 0;
    if (nargs > 3 && args[3] != VAL_NONE &&
        sockaddr_arg(s->family, args[3], &addr, &addrlen, "sendmsg") < 0) {
        return 0;
    }
    size_t nbufs = tuple_obj(bufs)->len, nanc = tuple_obj(anc)->len;
    // Check the control messages and size everything before copying.
    int *levels = calloc(nanc + 1, sizeof(int) * 2);
    Value datas = list_new(nanc);  // the control data, copied (a list: the GC sees it)
    Value result = 0;
    struct iovec *iov = calloc(nbufs + 1, sizeof(struct iovec));
    char *control = NULL;
    size_t controllen = 0;
    if (!levels || !iov) {
        err_no_memory();
        goto done;
    }
    if (!datas) {
        goto done;
    }
    for (size_t i = 0; i < nanc; i++) {
        Value item = tuple_obj(anc)->items[i];
        if (!tuple_check(item) && !list_check(item)) {
            err_format(&exc_TypeError,
                       "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %s",
                       obj_type_name(item));
            goto done;
        }
        Value t = tuple_from_iterable(item);
        if (!t) {
            goto done;
        }
        if (tuple_obj(t)->len != 3) {
            err_format(&exc_TypeError,
                       "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %zu",
                       tuple_obj(t)->len);
            goto done;
        }
        if (c_int(tuple_obj(t)->items[0], &levels[2 * i]) < 0 ||
            c_int(tuple_obj(t)->items[1], &levels[2 * i + 1]) < 0) {
            goto done;
        }
        const char *d;
        size_t n;
        if (modules_get_buffer(tuple_obj(t)->items[2], &d, &n) < 0) {
            goto done;
        }
        Value copy = bytes_from(d, n);
        if (!copy || list_append(datas, copy) < 0) {
            goto done;
        }
        controllen += CMSG_SPACE(n);
    }
    for (size_t i = 0; i < nbufs; i++) {
        size_t n;
        char *p = data_copy(tuple_obj(bufs)->items[i], &n);
        if (!p) {
            goto done;
        }
        iov[i].iov_base = p;
        iov[i].iov_len = n;
    }
    if (controllen > 0) {
        control = calloc(1, controllen);
        if (!control) {
            err_no_memory();
            goto done;
        }
    }
    c.msg.msg_iov = iov;
    c.msg.msg_iovlen = nbufs;
    c.msg.msg_control = control;
    c.msg.msg_controllen = controllen;
    if (addrlen > 0) {
        c.msg.msg_name = &addr;
        c.msg.msg_namelen = addrlen;
    }
    struct cmsghdr *cm = controllen ? CMSG_FIRSTHDR(&c.msg) : NULL;
    for (size_t i = 0; i < nanc && cm; i++, cm = CMSG_NXTHDR(&c.msg, cm)) {
        Value data = list_obj(datas)->items[i];
        size_t n = bytes_len(data);
        cm->cmsg_level = levels[2 * i];
        cm->cmsg_type = levels[2 * i + 1];
        cm->cmsg_len = CMSG_LEN(n);
        memcpy(CMSG_DATA(cm), bytes_data(data), n);
    }
    ssize_t r = socket_call(s, 1, do_sendmsg, &c);
    result = r < 0 ? 0 : int_from_i64(r);
done:
    if (iov) {
        for (size_t i = 0; i < nbufs; i++) {
            free(iov[i].iov_base);
        }
    }
    free(iov);
    free(control);
    free(levels);
    gc_keep_alive(datas);
    return result;
}

// The (data-or-count, ancdata, msg_flags, address) result of recvmsg and
// recvmsg_into, from a finished receive.
static Value recvmsg_result(Value first, MsgCtx *c, SockAddr *addr) {
    Value anc = list_new(0);
    if (!anc) {
        return 0;
    }
    if (c->msg.msg_controllen > 0) {
        for (struct cmsghdr *cm = CMSG_FIRSTHDR(&c->msg); cm; cm = CMSG_NXTHDR(&c->msg, cm)) {
            size_t n = cm->cmsg_len >= CMSG_LEN(0) ? cm->cmsg_len - CMSG_LEN(0) : 0;
            // A truncated last message keeps the part that arrived.
            size_t room = (size_t)((char *)c->msg.msg_control + c->msg.msg_controllen -
                                   (char *)CMSG_DATA(cm));
            if (n > room) {
                n = room;
            }
            Value items[3] = {int_from_i64(cm->cmsg_level), int_from_i64(cm->cmsg_type),
                              bytes_from((const char *)CMSG_DATA(cm), n)};
            Value t = items[2] ? tuple_from(items, 3) : 0;
            if (!t || list_append(anc, t) < 0) {
                return 0;
            }
        }
    }
    Value a = sockaddr_value(addr, c->msg.msg_namelen);
    if (!a) {
        return 0;
    }
    Value items[4] = {first, anc, int_from_i64(c->msg.msg_flags), a};
    return tuple_from(items, 4);
}

static int ancbuf_arg(const Value *args, size_t nargs, size_t at, const char *fname,
                      size_t *out) {
    *out = 0;
    if (nargs <= at) {
        return 0;
    }
    int64_t n;
    if (ssize_arg(args[at], &n) < 0) {
        return -1;
    }
    if (n < 0 || n > (1 << 24)) {
        err_format(&exc_ValueError, "invalid ancillary data buffer length");
        return -1;
    }
    *out = (size_t)n;
    return 0;
}

FN(sock_recvmsg) {
    if (method_check_args("recvmsg", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    int64_t bufsize;
    size_t ancsize;
    MsgCtx c;
    memset(&c, 0, sizeof(c));
    if (ssize_arg(args[0], &bufsize) < 0) {
        return 0;
    }
    if (bufsize < 0) {
        return err_format(&exc_ValueError, "negative buffer size in recvmsg()");
    }
    if (ancbuf_arg(args, nargs, 1, "recvmsg", &ancsize) < 0 ||
        (nargs > 2 && c_int(args[2], &c.flags) < 0)) {
        return 0;
    }
    char *data = malloc((size_t)bufsize + 1);
    char *control = ancsize ? calloc(1, ancsize) : NULL;
    if (!data || (ancsize && !control)) {
        free(data);
        free(control);
        return err_no_memory();
    }
    SockAddr addr;
    memset(&addr, 0, sizeof(addr));
    struct iovec iov = {data, (size_t)bufsize};
    c.msg.msg_name = &addr;
    c.msg.msg_namelen = sizeof(addr);
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    c.msg.msg_control = control;
    c.msg.msg_controllen = ancsize;
    ssize_t n = socket_call(sock_of(self), 0, do_recvmsg, &c);
    Value result = 0;
    if (n >= 0) {
        Value d = bytes_from(data, (size_t)n);
        result = d ? recvmsg_result(d, &c, &addr) : 0;
    }
    free(data);
    free(control);
    return result;
}

FN(sock_recvmsg_into) {
    if (method_check_args("recvmsg_into", nargs, kwnames, 1, 3) < 0) {
        return 0;
    }
    Value bufs = iterable_items(args[0], "recvmsg_into", 1);
    size_t ancsize;
    MsgCtx c;
    memset(&c, 0, sizeof(c));
    if (!bufs || ancbuf_arg(args, nargs, 1, "recvmsg_into", &ancsize) < 0 ||
        (nargs > 2 && c_int(args[2], &c.flags) < 0)) {
        return 0;
    }
    size_t nbufs = tuple_obj(bufs)->len, total = 0;
    for (size_t i = 0; i < nbufs; i++) {
        Buffer view;
        if (buffer_get(tuple_obj(bufs)->items[i], &view, BUFFER_WRITABLE) <= 0) {
            err_clear();
            return err_format(&exc_TypeError, "recvmsg_into() argument 1 must be an iterable of "
                                              "single-segment read-write buffers");
        }
        total += (size_t)view.len;
        buffer_release(&view);
    }
    // Receive into one private block, then scatter it into the buffers.
    char *data = malloc(total + 1);
    char *control = ancsize ? calloc(1, ancsize) : NULL;
    if (!data || (ancsize && !control)) {
        free(data);
        free(control);
        return err_no_memory();
    }
    SockAddr addr;
    memset(&addr, 0, sizeof(addr));
    struct iovec iov = {data, total};
    c.msg.msg_name = &addr;
    c.msg.msg_namelen = sizeof(addr);
    c.msg.msg_iov = &iov;
    c.msg.msg_iovlen = 1;
    c.msg.msg_control = control;
    c.msg.msg_controllen = ancsize;
    ssize_t n = socket_call(sock_of(self), 0, do_recvmsg, &c);
    Value result = 0;
    if (n >= 0) {
        size_t at = 0;
        for (size_t i = 0; i < nbufs && at < (size_t)n; i++) {
            Buffer view;
            if (buffer_get(tuple_obj(bufs)->items[i], &view, BUFFER_WRITABLE) <= 0) {
                break;
            }
            size_t k = (size_t)view.len < (size_t)n - at ? (size_t)view.len : (size_t)n - at;
            if (k > 0) {
                memcpy(view.buf, data + at, k);
            }
            at += k;
            buffer_release(&view);
        }
        result = err_occurred() ? 0 : recvmsg_result(int_from_i64(n), &c, &addr);
    }
    free(data);
    free(control);
    return result;
}

// ---- attributes ----------------------------------------------------------------------------

static Value sock_get_family(Value self) { return val_from_smallint(sock_of(self)->family); }
static Value sock_get_type(Value self) { return val_from_smallint(sock_of(self)->type); }
static Value sock_get_proto(Value self) { return val_from_smallint(sock_of(self)->proto); }
static Value sock_get_timeout(Value self) { return timeout_value(sock_of(self)->timeout); }

// The first SOCKET_NMSG_METHODS entries are the message calls: socket.py
// imports `array` for send_fds/recv_fds when _socket.socket has sendmsg,
// so they are only exposed when this build has the array module.
enum { SOCKET_NMSG_METHODS = 3 };
static const MethodDef socket_methods[] = {
    {"recvmsg", sock_recvmsg, METH_DEFAULT, "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", sock_recvmsg_into, METH_DEFAULT, "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"sendmsg", sock_sendmsg, METH_DEFAULT, "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"_accept", sock_accept, METH_DEFAULT, "_accept() -> (integer, address info)"},
    {"bind", sock_bind, METH_DEFAULT, "bind(address)"},
    {"close", sock_close, METH_DEFAULT, "close()"},
    {"connect", sock_connect, METH_DEFAULT, "connect(address)"},
    {"connect_ex", sock_connect_ex, METH_DEFAULT, "connect_ex(address) -> errno"},
    {"detach", sock_detach, METH_DEFAULT, "detach()"},
    {"fileno", sock_fileno, METH_DEFAULT, "fileno() -> integer"},
    {"getblocking", sock_getblocking, METH_DEFAULT, "getblocking()"},
    {"getpeername", sock_getpeername, METH_DEFAULT, "getpeername() -> address info"},
    {"getsockname", sock_getsockname, METH_DEFAULT, "getsockname() -> address info"},
    {"getsockopt", sock_getsockopt, METH_DEFAULT, "getsockopt(level, option[, buffersize]) -> value"},
    {"gettimeout", sock_gettimeout, METH_DEFAULT, "gettimeout() -> timeout"},
    {"listen", sock_listen, METH_DEFAULT, "listen([backlog])"},
    {"recv", sock_recv, METH_DEFAULT, "recv(buffersize[, flags]) -> data"},
    {"recv_into", sock_recv_into, METH_DEFAULT, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read"},
    {"recvfrom", sock_recvfrom, METH_DEFAULT, "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", sock_recvfrom_into, METH_DEFAULT, "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)"},
    {"send", sock_send, METH_DEFAULT, "send(data[, flags]) -> count"},
    {"sendall", sock_sendall, METH_DEFAULT, "sendall(data[, flags])"},
    {"sendto", sock_sendto, METH_DEFAULT, "sendto(data[, flags], address) -> count"},
    {"setblocking", sock_setblocking, METH_DEFAULT, "setblocking(flag)"},
    {"setsockopt", sock_setsockopt, METH_DEFAULT, "setsockopt(level, option, value: int)"},
    {"settimeout", sock_settimeout, METH_DEFAULT, "settimeout(timeout)"},
    {"shutdown", sock_shutdown, METH_DEFAULT, "shutdown(flag)"},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef socket_getset[] = {
    {"family", sock_get_family, NULL, "the socket family"},
    {"type", sock_get_type, NULL, "the socket type"},
    {"proto", sock_get_proto, NULL, "the socket protocol"},
    {"timeout", sock_get_timeout, NULL, "the socket timeout"},
    {NULL, NULL, NULL, NULL},
};

static Type type_socket = {
    .header = {&type_type},
    .name = "_socket.socket",
    .flags = TYPE_BASETYPE,
    .basic_size = sizeof(SocketObject),
    .base = &type_object,
    .free = socket_free,
    .repr = socket_repr,
    .new_ = socket_tp_new,
    .init = socket_tp_init,
    .methods = socket_methods,
    .getset = socket_getset,
};

// ---- module functions: descriptors and timeouts -------------------------------------------

FN(socket_dup) {
    if (method_check_args("dup", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    if (c_int(args[0], &fd) < 0) {
        return 0;
    }
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return r < 0 ? raise_errno(errno) : val_from_smallint(r);
}

FN(socket_close) {
    if (method_check_args("close", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int fd;
    if (c_int(args[0], &fd) < 0) {
        return 0;
    }
    if (close(fd) < 0 && errno != ECONNRESET) {
        return raise_errno(errno);
    }
    return VAL_NONE;
}

FN(socket_getdefaulttimeout) {
    if (method_check_args("getdefaulttimeout", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return timeout_value(default_timeout);
}

FN(socket_setdefaulttimeout) {
    if (method_check_args("setdefaulttimeout", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    double t;
    if (timeout_arg(args[0], &t) < 0) {
        return 0;
    }
    default_timeout = t;
    return VAL_NONE;
}

FN(socket_socketpair) {
    static const char *const names[] = {"family", "type", "proto", NULL};
    ArgSpec spec = {"socketpair", 3, names + 3, 0, 3, 0};
    Value a[3];
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0 || (a[0] && c_int(a[0], &family) < 0) ||
        (a[1] && c_int(a[1], &type) < 0) || (a[2] && c_int(a[2], &proto) < 0)) {
        return 0;
    }
    int sv[2];
    if (socketpair(family, type | SOCK_CLOEXEC, proto, sv) < 0) {
        return raise_errno(errno);
    }
    Value s0 = socket_from_fd(sv[0], family, type, proto);
    if (!s0) {
        close(sv[1]);
        return 0;
    }
    Value s1 = socket_from_fd(sv[1], family, type, proto);
    return s1 ? tuple_pack2(s0, s1) : 0;
}

// ---- module functions: names and addresses -------------------------------------------------

FN(socket_gethostname) {
    if (method_check_args("gethostname", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    char buf[1025];
    if (gethostname(buf, sizeof(buf) - 1) < 0) {
        return raise_errno(errno);
    }
    buf[sizeof(buf) - 1] = 0;
    return codec_decode(0, buf, strlen(buf), "utf-8", "surrogateescape");
}

// A host argument of gethostbyname & co: str (IDNA) or bytes, no NUL.
static Value host_arg(Value v, const char *fname) {
    if (!val_is_str(v) && !val_is_bytes(v) && !bytearray_check(v)) {
        return err_format(&exc_TypeError, "%s() argument 1 must be str, bytes or bytearray, not %s",
                          fname, obj_type_name(v));
    }
    Value b = host_text(v);
    if (b && memchr(bytes_data(b), 0, bytes_len(b))) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    return b;
}

FN(socket_gethostbyname) {
    if (method_check_args("gethostbyname", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value host = host_arg(args[0], "gethostbyname");
    SockAddr addr;
    if (!host || set_ip_addr(bytes_data(host), &addr, AF_INET) < 0) {
        return 0;
    }
    return ip_text(&addr.sa);
}

// (hostname, aliases, addresses) from a hostent, as gethostbyname_ex and
// gethostbyaddr return it.
static Value hostent_value(struct hostent *h) {
    Value aliases = list_new(0), addrs = list_new(0);
    if (!aliases || !addrs) {
        return 0;
    }
    for (char **p = h->h_aliases; p && *p; p++) {
        Value s = str_from_cstr(*p);
        if (!s || list_append(aliases, s) < 0) {
            return 0;
        }
    }
    for (char **p = h->h_addr_list; p && *p; p++) {
        char buf[INET6_ADDRSTRLEN];
        if (!inet_ntop(h->h_addrtype, *p, buf, sizeof(buf))) {
            continue;
        }
        Value s = str_from_cstr(buf);
        if (!s || list_append(addrs, s) < 0) {
            return 0;
        }
    }
    Value items[3] = {str_from_cstr(h->h_name), aliases, addrs};
    return items[0] ? tuple_from(items, 3) : 0;
}

static Value raise_h_errno(int code) {
    if (code == HOST_NOT_FOUND || code == TRY_AGAIN || code == NO_RECOVERY || code == NO_DATA) {
        return raise_with(socket_herror, code, hstrerror(code));
    }
    return raise_with(socket_herror, code, hstrerror(code));
}

FN(socket_gethostbyname_ex) {
    if (method_check_args("gethostbyname_ex", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value host = host_arg(args[0], "gethostbyname_ex");
    SockAddr addr;
    if (!host || set_ip_addr(bytes_data(host), &addr, AF_INET) < 0) {
        return 0;
    }
    struct hostent he, *res = NULL;
    char buf[16384];
    int herr = 0;
    gethostbyname_r(bytes_data(host), &he, buf, sizeof(buf), &res, &herr);
    if (!res) {
        return raise_h_errno(herr);
    }
    return hostent_value(res);
}

FN(socket_gethostbyaddr) {
    if (method_check_args("gethostbyaddr", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value host = host_arg(args[0], "gethostbyaddr");
    SockAddr addr;
    if (!host || set_ip_addr(bytes_data(host), &addr, AF_UNSPEC) < 0) {
        return 0;
    }
    const void *ap = addr.sa.sa_family == AF_INET6 ? (const void *)&addr.in6.sin6_addr
                                                    : (const void *)&addr.in4.sin_addr;
    socklen_t alen = addr.sa.sa_family == AF_INET6 ? sizeof(addr.in6.sin6_addr)
                                                    : sizeof(addr.in4.sin_addr);
    struct hostent he, *res = NULL;
    char buf[16384];
    int herr = 0;
    gethostbyaddr_r(ap, alen, addr.sa.sa_family, &he, buf, sizeof(buf), &res, &herr);
    if (!res) {
        return raise_h_errno(herr);
    }
    return hostent_value(res);
}

FN(socket_getaddrinfo) {
    static const char *const names[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    ArgSpec spec = {"getaddrinfo", 0, names, 2, 6, 0};
    Value a[6];
    int opts[4] = {0, 0, 0, 0};
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 4; i++) {
        if (a[2 + i] && c_int(a[2 + i], &opts[i]) < 0) {
            return 0;
        }
    }
    Value host = 0, port = 0;
    if (a[0] == VAL_NONE) {
        host = 0;
    } else if (val_is_str(a[0]) || val_is_bytes(a[0])) {
        host = host_text(a[0]);
        if (!host) {
            return 0;
        }
    } else {
        return err_format(&exc_TypeError, "getaddrinfo() argument 1 must be string or None");
    }
    char portbuf[32];
    const char *portp = NULL;
    if (int_check(a[1])) {
        int64_t p;
        if (int_to_i64(a[1], &p) < 0) {
            return 0;
        }
        snprintf(portbuf, sizeof(portbuf), "%ld", (long)p);
        portp = portbuf;
    } else if (val_is_str(a[1])) {
        port = codec_encode(a[1], "utf-8", "strict");
        if (!port) {
            return 0;
        }
        portp = bytes_data(port);
    } else if (val_is_bytes(a[1])) {
        portp = bytes_data(a[1]);
    } else if (a[1] != VAL_NONE) {
        return err_format(&exc_OSError, "Int or String expected");
    }
    struct addrinfo hints = {.ai_family = opts[0], .ai_socktype = opts[1], .ai_protocol = opts[2],
                             .ai_flags = opts[3]};
    struct addrinfo *res = NULL;
    const char *hostp = host ? bytes_data(host) : NULL;
    int err;
    VM_BEGIN_ALLOW_THREADS
    err = getaddrinfo(hostp, portp, &hints, &res);
    VM_END_ALLOW_THREADS
    gc_keep_alive(host);  // their bytes were read without the GIL
    gc_keep_alive(port);
    gc_keep_alive(a[1]);
    if (err) {
        return raise_gai(err);
    }
    Value out = list_new(0);
    for (struct addrinfo *p = res; out && p; p = p->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof(sa));
        memcpy(&sa, p->ai_addr, p->ai_addrlen < sizeof(sa) ? p->ai_addrlen : sizeof(sa));
        Value items[5] = {val_from_smallint(p->ai_family), val_from_smallint(p->ai_socktype),
                          val_from_smallint(p->ai_protocol),
                          str_from_cstr(p->ai_canonname ? p->ai_canonname : ""),
                          sockaddr_value(&sa, p->ai_addrlen)};
        Value t = items[3] && items[4] ? tuple_from(items, 5) : 0;
        if (!t || list_append(out, t) < 0) {
            out = 0;
        }
    }
    freeaddrinfo(res);
    return out;
}

FN(socket_getnameinfo) {
    if (method_check_args("getnameinfo", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    if (!tuple_check(args[0])) {
        return err_format(&exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    }
    int flags;
    if (c_int(args[1], &flags) < 0) {
        return 0;
    }
    TupleObject *t = tuple_obj(args[0]);
    if (t->len < 2 || t->len > 4) {
        return err_format(&exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    }
    if (!val_is_str(t->items[0])) {
        return err_format(&exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    }
    int port;
    int64_t flowinfo = 0, scope = 0;
    if (c_int(t->items[1], &port) < 0 || (t->len > 2 && ssize_arg(t->items[2], &flowinfo) < 0) ||
        (t->len > 3 && ssize_arg(t->items[3], &scope) < 0)) {
        return 0;
    }
    if (flowinfo < 0 || flowinfo > 0xfffff) {
        return err_format(&exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    }
    char portbuf[16];
    snprintf(portbuf, sizeof(portbuf), "%d", port);
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_DGRAM,
                             .ai_flags = AI_NUMERICHOST};
    struct addrinfo *res;
    int err = getaddrinfo(str_obj(t->items[0])->data, portbuf, &hints, &res);
    if (err) {
        return raise_gai(err);
    }
    if (res->ai_next) {
        freeaddrinfo(res);
        return err_format(&exc_OSError, "sockaddr resolved to multiple addresses");
    }
    SockAddr sa;
    memset(&sa, 0, sizeof(sa));
    memcpy(&sa, res->ai_addr, res->ai_addrlen < sizeof(sa) ? res->ai_addrlen : sizeof(sa));
    socklen_t salen = res->ai_addrlen;
    freeaddrinfo(res);
    if (sa.sa.sa_family == AF_INET) {
        if (t->len != 2) {
            return err_format(&exc_OSError, "IPv4 sockaddr must be 2 tuple");
        }
    } else if (sa.sa.sa_family == AF_INET6) {
        sa.in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        sa.in6.sin6_scope_id = (uint32_t)scope;
    }
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    VM_BEGIN_ALLOW_THREADS
    err = getnameinfo(&sa.sa, salen, host, sizeof(host), serv, sizeof(serv), flags);
    VM_END_ALLOW_THREADS
    if (err) {
        return raise_gai(err);
    }
    Value h = str_from_cstr(host), s = str_from_cstr(serv);
    return h && s ? tuple_pack2(h, s) : 0;
}

static Value str_arg_text(Value v, const char *fname, int argn, Value *keep) {
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argn,
                          obj_type_name(v));
    }
    *keep = v;
    return v;
}

FN(socket_getservbyname) {
    if (method_check_args("getservbyname", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    Value k1 = 0, k2 = 0;
    if (!str_arg_text(args[0], "getservbyname", 1, &k1) ||
        (nargs == 2 && !str_arg_text(args[1], "getservbyname", 2, &k2))) {
        return 0;
    }
    struct servent *sp = getservbyname(str_obj(k1)->data, k2 ? str_obj(k2)->data : NULL);
    if (!sp) {
        return err_format(&exc_OSError, "service/proto not found");
    }
    return val_from_smallint(ntohs((uint16_t)sp->s_port));
}

FN(socket_getservbyport) {
    if (method_check_args("getservbyport", nargs, kwnames, 1, 2) < 0) {
        return 0;
    }
    int port;
    Value k2 = 0;
    if (c_int(args[0], &port) < 0 || (nargs == 2 && !str_arg_text(args[1], "getservbyport", 2, &k2))) {
        return 0;
    }
    if (port < 0 || port > 0xffff) {
        return err_format(&exc_OverflowError, "getservbyport: port must be 0-65535.");
    }
    struct servent *sp = getservbyport(htons((uint16_t)port), k2 ? str_obj(k2)->data : NULL);
    if (!sp) {
        return err_format(&exc_OSError, "port/proto not found");
    }
    return str_from_cstr(sp->s_name);
}

FN(socket_getprotobyname) {
    if (method_check_args("getprotobyname", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value k = 0;
    if (!str_arg_text(args[0], "getprotobyname", 1, &k)) {
        return 0;
    }
    struct protoent *p = getprotobyname(str_obj(k)->data);
    if (!p) {
        return err_format(&exc_OSError, "protocol not found");
    }
    return val_from_smallint(p->p_proto);
}

// ---- module functions: network interfaces ---------------------------------------------------

FN(socket_if_nameindex) {
    if (method_check_args("if_nameindex", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    struct if_nameindex *ni = if_nameindex();
    if (!ni) {
        return raise_errno(errno);
    }
    Value l = list_new(0);
    for (struct if_nameindex *p = ni; l && p->if_index != 0; p++) {
        Value name = codec_decode(0, p->if_name, strlen(p->if_name), "utf-8", "surrogateescape");
        Value t = name ? tuple_pack2(int_from_u64(p->if_index), name) : 0;
        if (!t || list_append(l, t) < 0) {
            l = 0;
        }
    }
    if_freenameindex(ni);
    return l;
}

FN(socket_if_nametoindex) {
    if (method_check_args("if_nametoindex", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value name = args[0];
    if (val_is_str(name)) {
        name = codec_encode(name, "utf-8", "surrogateescape");
    } else if (!val_is_bytes(name)) {
        Value fspath = obj_lookup_special(name, str_intern_cstr("__fspath__"));
        if (!fspath) {
            return err_occurred() ? 0
                                  : err_format(&exc_TypeError,
                                               "expected str, bytes or os.PathLike object, not %s",
                                               obj_type_name(name));
        }
        name = obj_call0(fspath);
        if (name && val_is_str(name)) {
            name = codec_encode(name, "utf-8", "surrogateescape");
        }
    }
    if (!name) {
        return 0;
    }
    if (!val_is_bytes(name) || memchr(bytes_data(name), 0, bytes_len(name))) {
        return err_format(val_is_bytes(name) ? &exc_ValueError : &exc_TypeError,
                          val_is_bytes(name) ? "embedded null byte" : "expected str or bytes");
    }
    unsigned idx = if_nametoindex(bytes_data(name));
    if (idx == 0) {
        return err_format(&exc_OSError, "no interface with this name");
    }
    return int_from_u64(idx);
}

FN(socket_if_indextoname) {
    if (method_check_args("if_indextoname", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    if (!int_check(v)) {
        return err_format(&exc_TypeError, "an integer is required");
    }
    int64_t x;
    if (obj_as_int64(v, &x) < 0) {
        return 0;
    }
    if (x < 0) {
        return err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
    }
    if (x > (int64_t)UINT32_MAX) {
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    char name[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)x, name)) {
        return raise_errno(errno);
    }
    return codec_decode(0, name, strlen(name), "utf-8", "surrogateescape");
}

// ---- module functions: conversions ---------------------------------------------------------

static Value byte_order(const Value *args, size_t nargs, Value kwnames, const char *fname, int bits) {
    if (method_check_args(fname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value v = args[0];
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(v));
    }
    v = obj_index(v);
    if (!v) {
        return 0;
    }
    int64_t x;
    int sign = int_sign(v);
    if (int_to_i64(v, &x) < 0) {
        err_clear();
        x = sign < 0 ? -1 : INT64_MAX;
    }
    if (bits == 16) {
        if (x < 0) {
            return err_format(&exc_OverflowError,
                              "%s: can't convert negative Python int to C 16-bit unsigned integer",
                              fname);
        }
        if (x > 0xFFFF) {
            return err_format(&exc_OverflowError,
                              "%s: Python int too large to convert to C 16-bit unsigned integer",
                              fname);
        }
        uint16_t r = fname[0] == 'h' ? htons((uint16_t)x) : ntohs((uint16_t)x);
        return val_from_smallint(r);
    }
    if (x < 0) {
        return err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
    }
    if (x > 0xFFFFFFFFLL) {
        return err_format(&exc_OverflowError, "int larger than 32 bits");
    }
    uint32_t r = fname[0] == 'h' ? htonl((uint32_t)x) : ntohl((uint32_t)x);
    return int_from_u64(r);
}

FN(socket_htons) { return byte_order(args, nargs, kwnames, "htons", 16); }
FN(socket_ntohs) { return byte_order(args, nargs, kwnames, "ntohs", 16); }
FN(socket_htonl) { return byte_order(args, nargs, kwnames, "htonl", 32); }
FN(socket_ntohl) { return byte_order(args, nargs, kwnames, "ntohl", 32); }

static Value str_only(Value v, const char *fname, int argn) {
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError, "%s() argument %d must be str, not %s", fname, argn,
                          obj_type_name(v));
    }
    if (memchr(str_obj(v)->data, 0, str_obj(v)->nbytes)) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    return v;
}

FN(socket_inet_aton) {
    if (method_check_args("inet_aton", nargs, kwnames, 1, 1) < 0 ||
        !str_only(args[0], "inet_aton", 1)) {
        return 0;
    }
    struct in_addr a;
    if (inet_aton(str_obj(args[0])->data, &a) == 0) {
        return err_format(&exc_OSError, "illegal IP address string passed to inet_aton");
    }
    return bytes_from((const char *)&a, 4);
}

FN(socket_inet_ntoa) {
    if (method_check_args("inet_ntoa", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    if (view.len != 4) {
        buffer_release(&view);
        return err_format(&exc_OSError, "packed IP wrong length for inet_ntoa");
    }
    struct in_addr a;
    memcpy(&a, view.buf, 4);
    buffer_release(&view);
    return str_from_cstr(inet_ntoa(a));
}

FN(socket_inet_pton) {
    if (method_check_args("inet_pton", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    int af;
    if (c_int(args[0], &af) < 0 || !str_only(args[1], "inet_pton", 2)) {
        return 0;
    }
    unsigned char buf[16];
    int r = inet_pton(af, str_obj(args[1])->data, buf);
    if (r < 0) {
        return raise_errno(errno);
    }
    if (r == 0) {
        return err_format(&exc_OSError, "illegal IP address string passed to inet_pton");
    }
    return bytes_from((const char *)buf, af == AF_INET ? 4 : 16);
}

FN(socket_inet_ntop) {
    if (method_check_args("inet_ntop", nargs, kwnames, 2, 2) < 0) {
        return 0;
    }
    int af;
    if (c_int(args[0], &af) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[1], &view) < 0) {
        return 0;
    }
    unsigned char packed[16];
    size_t n = (size_t)view.len;
    if (n <= sizeof(packed)) {
        if (n > 0) {
            memcpy(packed, view.buf, n);
        }
    }
    buffer_release(&view);
    if (af == AF_INET || af == AF_INET6) {
        if (n != (af == AF_INET ? 4u : 16u)) {
            return err_format(&exc_ValueError, "invalid length of packed IP address string");
        }
    } else {
        return err_format(&exc_ValueError, "unknown address family %d", af);
    }
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, packed, buf, sizeof(buf))) {
        return raise_errno(errno);
    }
    return str_from_cstr(buf);
}

static Value cmsg_size(const Value *args, size_t nargs, Value kwnames, const char *fname, int space) {
    if (method_check_args(fname, nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int64_t n;
    if (ssize_arg(args[0], &n) < 0) {
        return 0;
    }
    if (n < 0 || (uint64_t)n > (uint64_t)INT_MAX - CMSG_SPACE(0)) {
        return err_format(&exc_OverflowError, "%s() argument out of range", fname);
    }
    return int_from_i64(space ? (int64_t)CMSG_SPACE((size_t)n) : (int64_t)CMSG_LEN((size_t)n));
}

FN(socket_CMSG_LEN) { return cmsg_size(args, nargs, kwnames, "CMSG_LEN", 0); }
FN(socket_CMSG_SPACE) { return cmsg_size(args, nargs, kwnames, "CMSG_SPACE", 1); }

// ---- the module ------------------------------------------------------------------------------

static const MethodDef socket_functions[] = {
    {"CMSG_LEN", socket_CMSG_LEN, METH_DEFAULT, NULL},
    {"CMSG_SPACE", socket_CMSG_SPACE, METH_DEFAULT, NULL},
    {"close", socket_close, METH_DEFAULT, "close(integer) -> None"},
    {"dup", socket_dup, METH_DEFAULT, "dup(integer) -> integer"},
    {"getaddrinfo", socket_getaddrinfo, METH_DEFAULT, NULL},
    {"getdefaulttimeout", socket_getdefaulttimeout, METH_DEFAULT, NULL},
    {"gethostbyaddr", socket_gethostbyaddr, METH_DEFAULT, NULL},
    {"gethostbyname", socket_gethostbyname, METH_DEFAULT, NULL},
    {"gethostbyname_ex", socket_gethostbyname_ex, METH_DEFAULT, NULL},
    {"gethostname", socket_gethostname, METH_DEFAULT, NULL},
    {"getnameinfo", socket_getnameinfo, METH_DEFAULT, NULL},
    {"getprotobyname", socket_getprotobyname, METH_DEFAULT, NULL},
    {"getservbyname", socket_getservbyname, METH_DEFAULT, NULL},
    {"getservbyport", socket_getservbyport, METH_DEFAULT, NULL},
    {"htonl", socket_htonl, METH_DEFAULT, NULL},
    {"htons", socket_htons, METH_DEFAULT, NULL},
    {"if_indextoname", socket_if_indextoname, METH_DEFAULT, NULL},
    {"if_nameindex", socket_if_nameindex, METH_DEFAULT, NULL},
    {"if_nametoindex", socket_if_nametoindex, METH_DEFAULT, NULL},
    {"inet_aton", socket_inet_aton, METH_DEFAULT, NULL},
    {"inet_ntoa", socket_inet_ntoa, METH_DEFAULT, NULL},
    {"inet_ntop", socket_inet_ntop, METH_DEFAULT, NULL},
    {"inet_pton", socket_inet_pton, METH_DEFAULT, NULL},
    {"ntohl", socket_ntohl, METH_DEFAULT, NULL},
    {"ntohs", socket_ntohs, METH_DEFAULT, NULL},
    {"setdefaulttimeout", socket_setdefaulttimeout, METH_DEFAULT, NULL},
    {"socketpair", socket_socketpair, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

typedef struct SocketConst {
    const char *name;
    long long value;
} SocketConst;

// Every integer constant of CPython's _socket that this system's headers
// define.
static const SocketConst socket_constants[] = {
#include "socketmodule_constants.inc"
    // The ones the headers give as enum members, and CPython's fallbacks.
    {"AF_DECnet", AF_DECnet},
    {"IPPORT_USERRESERVED", IPPORT_USERRESERVED},
    {"TIPC_NODE_SCOPE", TIPC_NODE_SCOPE},
    {"TIPC_CLUSTER_SCOPE", TIPC_CLUSTER_SCOPE},
    {"UDPLITE_SEND_CSCOV", 10},
    {"UDPLITE_RECV_CSCOV", 11},
    {"ALG_OP_SIGN", 2},
    {"ALG_OP_VERIFY", 3},
    {"ALG_SET_PUBKEY", 6},
    {"CAN_RAW_FILTER", CAN_RAW_FILTER},
    {"CAN_RAW_LOOPBACK", CAN_RAW_LOOPBACK},
    {"CAN_RAW_RECV_OWN_MSGS", CAN_RAW_RECV_OWN_MSGS},
    {"CAN_RAW_FD_FRAMES", CAN_RAW_FD_FRAMES},
    {"CAN_RAW_JOIN_FILTERS", CAN_RAW_JOIN_FILTERS},
    {"CAN_BCM_TX_SETUP", TX_SETUP},
    {"CAN_BCM_TX_DELETE", TX_DELETE},
    {"CAN_BCM_TX_READ", TX_READ},
    {"CAN_BCM_TX_SEND", TX_SEND},
    {"CAN_BCM_RX_SETUP", RX_SETUP},
    {"CAN_BCM_RX_DELETE", RX_DELETE},
    {"CAN_BCM_RX_READ", RX_READ},
    {"CAN_BCM_TX_STATUS", TX_STATUS},
    {"CAN_BCM_TX_EXPIRED", TX_EXPIRED},
    {"CAN_BCM_RX_STATUS", RX_STATUS},
    {"CAN_BCM_RX_TIMEOUT", RX_TIMEOUT},
    {"CAN_BCM_RX_CHANGED", RX_CHANGED},
    {"CAN_BCM_SETTIMER", SETTIMER},
    {"CAN_BCM_STARTTIMER", STARTTIMER},
    {"CAN_BCM_TX_COUNTEVT", TX_COUNTEVT},
    {"CAN_BCM_TX_ANNOUNCE", TX_ANNOUNCE},
    {"CAN_BCM_TX_CP_CAN_ID", TX_CP_CAN_ID},
    {"CAN_BCM_RX_FILTER_ID", RX_FILTER_ID},
    {"CAN_BCM_RX_CHECK_DLC", RX_CHECK_DLC},
    {"CAN_BCM_RX_NO_AUTOTIMER", RX_NO_AUTOTIMER},
    {"CAN_BCM_RX_ANNOUNCE_RESUME", RX_ANNOUNCE_RESUME},
    {"CAN_BCM_TX_RESET_MULTI_IDX", TX_RESET_MULTI_IDX},
    {"CAN_BCM_RX_RTR_FRAME", RX_RTR_FRAME},
    {"CAN_BCM_CAN_FD_FRAME", CAN_FD_FRAME},
    {"J1939_NO_ADDR", J1939_NO_ADDR},
    {"J1939_IDLE_ADDR", J1939_IDLE_ADDR},
    {"J1939_MAX_UNICAST_ADDR", J1939_MAX_UNICAST_ADDR},
    {"J1939_NO_NAME", (long long)J1939_NO_NAME},
    {"J1939_PGN_REQUEST", J1939_PGN_REQUEST},
    {"J1939_PGN_ADDRESS_CLAIMED", J1939_PGN_ADDRESS_CLAIMED},
    {"J1939_PGN_ADDRESS_COMMANDED", J1939_PGN_ADDRESS_COMMANDED},
    {"J1939_PGN_PDU1_MAX", J1939_PGN_PDU1_MAX},
    {"J1939_PGN_MAX", J1939_PGN_MAX},
    {"J1939_NO_PGN", J1939_NO_PGN},
    {"J1939_FILTER_MAX", J1939_FILTER_MAX},
    {"SO_J1939_FILTER", SO_J1939_FILTER},
    {"SO_J1939_PROMISC", SO_J1939_PROMISC},
    {"SO_J1939_SEND_PRIO", SO_J1939_SEND_PRIO},
    {"SO_J1939_ERRQUEUE", SO_J1939_ERRQUEUE},
    {"SCM_J1939_DEST_ADDR", SCM_J1939_DEST_ADDR},
    {"SCM_J1939_DEST_NAME", SCM_J1939_DEST_NAME},
    {"SCM_J1939_PRIO", SCM_J1939_PRIO},
    {"SCM_J1939_ERRQUEUE", SCM_J1939_ERRQUEUE},
    {"J1939_NLA_PAD", J1939_NLA_PAD},
    {"J1939_NLA_BYTES_ACKED", J1939_NLA_BYTES_ACKED},
    {"J1939_EE_INFO_NONE", J1939_EE_INFO_NONE},
    {"J1939_EE_INFO_TX_ABORT", J1939_EE_INFO_TX_ABORT},
    {NULL, 0},
};

static Value new_exception(const char *name, Type *base) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("socket")) < 0) {
        return 0;
    }
    Value bases = tuple_from((Value[]){val_from_ptr(base)}, 1);
    Value args3[3] = {str_from_cstr(name), bases, ns};
    return bases && args3[0] ? obj_call(val_from_ptr(&type_type), args3, 3, 0) : 0;
}

Value socket_module_init(void) {
    static Value module;  // created once: a re-import gets the same module
    if (module) {
        return module;
    }
    if (!modules_find_builtin("array")) {
        type_socket.methods = socket_methods + SOCKET_NMSG_METHODS;
    }
    if (type_ready(&type_socket) < 0) {
        return 0;
    }
    gc_add_root(&socket_herror);
    gc_add_root(&socket_gaierror);
    socket_herror = new_exception("herror", &exc_OSError);
    socket_gaierror = socket_herror ? new_exception("gaierror", &exc_OSError) : 0;
    Value m = socket_gaierror ? module_new_cstr("_socket") : 0;
    if (!m || module_add_functions(m, socket_functions) < 0 ||
        module_add(m, "socket", val_from_ptr(&type_socket)) < 0 ||
        module_add(m, "SocketType", val_from_ptr(&type_socket)) < 0 ||
        module_add(m, "error", val_from_ptr(&exc_OSError)) < 0 ||
        module_add(m, "timeout", val_from_ptr(&exc_TimeoutError)) < 0 ||
        module_add(m, "herror", socket_herror) < 0 ||
        module_add(m, "gaierror", socket_gaierror) < 0 ||
        module_add(m, "has_ipv6", VAL_TRUE) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Implementation module for socket operations.")) < 0) {
        return 0;
    }
    for (const SocketConst *c = socket_constants; c->name; c++) {
        if (module_add(m, c->name, int_from_i64(c->value)) < 0) {
            return 0;
        }
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}
