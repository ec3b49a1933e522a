// sslsocket.c - _ssl._SSLSocket: one TLS connection (an OpenSSL SSL), made
// by _SSLContext._wrap_socket over a socket (ssl.SSLSocket) or by
// _wrap_bio over two MemoryBIOs (ssl.SSLObject, asyncio's sslproto).
//
// Over a socket, OpenSSL reads and writes the descriptor itself and the
// socket's timeout decides what a call that cannot go on does (CPython's
// PySSL_select), as in socketmodule.c:
//   timeout None  the descriptor blocks: the call waits in the kernel
//                 with the GIL released;
//   timeout 0     SSLWantReadError / SSLWantWriteError at once;
//   timeout > 0   poll() for the direction OpenSSL asks for until the
//                 deadline, then TimeoutError("The read operation timed out").
// Over MemoryBIOs nothing blocks: a call that needs more input raises
// SSLWantReadError and the caller moves bytes between the BIOs.
//
// While OpenSSL runs with the GIL released, callbacks (SNI, message, key
// log) take it back around their Python code (ssl_callback_enter/leave):
// `released` holds the state vm_gil_release gave.
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/comp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/buffer.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/float.h"
#include "../runtime/gc.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/weakref.h"
#include "../vm/vm.h"
#include "modules.h"
#include "ssl.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static SslSocket *sock_of(Value v) { return (SslSocket *)val_ptr(v); }

// ---- callbacks and the GIL -----------------------------------------------------------------

SslSocket *ssl_socket_of(const SSL *ssl) {
    return ssl ? SSL_get_app_data(ssl) : NULL;
}

void ssl_callback_enter(SslSocket *s) {
    if (s->released) {
        vm_gil_acquire(s->released);
    }
}

void ssl_callback_leave(SslSocket *s) {
    if (s->released) {
        s->released = vm_gil_release();
    }
}

void ssl_callback_failed(SslSocket *s) {
    Value exc = err_fetch();
    if (exc && !s->callback_exc) {
        s->callback_exc = exc;
    }
}

// Raise the exception a callback raised during the last call, if any:
// as the context of a pending exception, else by itself. 0, or -1 when
// there was one.
static int chain_callback_exc(SslSocket *s) {
    Value cb = s->callback_exc;
    if (!cb) {
        return 0;
    }
    s->callback_exc = 0;
    if (err_occurred()) {
        Value exc = err_fetch();
        obj_setattr(exc, str_intern_cstr("__context__"), cb);
        err_set_value(exc);
    } else {
        err_set_value(cb);
    }
    return -1;
}

// Run one OpenSSL call on s: with the GIL released over a socket (it may
// block), recording SSL_get_error and errno for ssl_raise_call.
#define SSL_RUN(s, ret, failed_if, call)                                  \
    do {                                                                  \
        int errno_;                                                       \
        if ((s)->sock) {                                                  \
            (s)->released = vm_gil_release();                             \
        }                                                                 \
        errno = 0;                                                        \
        (ret) = (call);                                                   \
        errno_ = errno;                                                   \
        (s)->err_ssl = (failed_if) ? SSL_get_error((s)->ssl, (ret)) : SSL_ERROR_NONE; \
        if ((s)->sock) {                                                  \
            struct VmThread *t_ = (s)->released;                          \
            (s)->released = NULL;                                         \
            vm_gil_acquire(t_);                                           \
        }                                                                 \
        (s)->err_errno = (failed_if) ? errno_ : 0;                        \
    } while (0)

// ---- the socket's timeout ------------------------------------------------------------------

enum { WAIT_OK, WAIT_NONBLOCKING, WAIT_BLOCKING, WAIT_TIMED_OUT, WAIT_CLOSED, WAIT_ERROR };

// The timeout of the underlying socket in seconds (< 0: blocking), 0 for
// MemoryBIOs. -1 on error: the exception is pending (*ok = 0).
static double socket_timeout(SslSocket *s, int *ok) {
    *ok = 1;
    if (!s->sock) {
        return 0;
    }
    Value t = obj_call_method(s->sock, "gettimeout", NULL, 0);
    if (!t) {
        *ok = 0;
        return -1;
    }
    if (t == VAL_NONE) {
        return -1;
    }
    double d;
    if (float_as_c_double(t, &d) < 0) {
        *ok = 0;
        return -1;
    }
    return d;
}

static int socket_fd(SslSocket *s) {
    Value v = obj_call_method(s->sock, "fileno", NULL, 0);
    int64_t fd;
    if (!v || !int_check(v) || int_to_i64(v, &fd) < 0) {
        err_clear();
        return -1;
    }
    return (int)fd;
}

// CPython's PySSL_select: wait until the socket is ready for `writing`
// or reading, for at most `timeout` seconds (what is left of it).
static int wait_socket(SslSocket *s, int writing, double timeout, double sock_timeout) {
    if (!s->sock || timeout == 0) {
        return WAIT_NONBLOCKING;
    }
    if (timeout < 0) {
        return sock_timeout > 0 ? WAIT_TIMED_OUT : WAIT_BLOCKING;
    }
    int fd = socket_fd(s);
    if (fd < 0) {
        return WAIT_CLOSED;
    }
    struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
    int r = modules_poll_wait(&p, 1, (int64_t)(timeout * 1e9));
    if (r < 0) {
        return WAIT_ERROR;
    }
    return r == 0 ? WAIT_TIMED_OUT : WAIT_OK;
}

// Set up a call: the socket must still be open; the BIOs follow its
// blocking mode. Fills *timeout and *deadline (ns, when timeout > 0).
static int begin_call(SslSocket *s, double *timeout, int64_t *deadline) {
    int ok;
    *timeout = socket_timeout(s, &ok);
    if (!ok) {
        return -1;
    }
    if (s->sock) {
        int nonblocking = *timeout >= 0;
        BIO_set_nbio(SSL_get_rbio(s->ssl), nonblocking);
        BIO_set_nbio(SSL_get_wbio(s->ssl), nonblocking);
    }
    *deadline = *timeout > 0 ? modules_monotonic_ns() + (int64_t)(*timeout * 1e9) : 0;
    return 0;
}

static double time_left(double timeout, int64_t deadline) {
    if (timeout <= 0) {
        return timeout;
    }
    int64_t left = deadline - modules_monotonic_ns();
    return left > 0 ? (double)left / 1e9 : 0.0;
}

// Raise what a wait result means; 1 when the loop goes on, 0 when it
// stops without an exception (non-blocking), -1 with one.
static int wait_result(int state, const char *timeout_msg, const char *closed_msg) {
    switch (state) {
    case WAIT_OK:
    case WAIT_BLOCKING:
        return 1;
    case WAIT_NONBLOCKING:
        return 0;
    case WAIT_TIMED_OUT:
        err_format(&exc_TimeoutError, "%s", timeout_msg);
        return -1;
    case WAIT_CLOSED:
        ssl_raise_plain(closed_msg);
        return -1;
    default:
        return -1;
    }
}

// ---- creation ---------------------------------------------------------------------------------

// The server_hostname argument (CPython's "es" with "ascii"): a str without
// NUL, as ASCII bytes; None stays None.
static Value hostname_arg(Value v) {
    if (v == VAL_NONE) {
        return VAL_NONE;
    }
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError, "argument must be str, not %s", obj_type_name(v));
    }
    Value b = codec_encode(v, "ascii", "strict");
    if (b && memchr(bytes_data(b), 0, bytes_len(b))) {
        return err_format(&exc_TypeError, "argument must be encoded string without null bytes, not str");
    }
    return b;
}

static int configure_hostname(SslSocket *s, SslContext *ctx, const char *name) {
    size_t len = strlen(name);
    if (len == 0 || name[0] == '.') {
        err_format(&exc_ValueError,
                   "server_hostname cannot be an empty string or start with a leading dot.");
        return -1;
    }
    ASN1_OCTET_STRING *ip = a2i_IPADDRESS(name);
    if (!ip) {
        ERR_clear_error();
    }
    int rc = -1;
    s->server_hostname = codec_decode(0, name, len, "ascii", "strict");
    if (!s->server_hostname) {
        goto done;
    }
    // SNI for names only, not for IP addresses.
    if (!ip && !SSL_set_tlsext_host_name(s->ssl, name)) {
        ssl_raise_openssl(NULL, SSL_LINE_CONFIGURE_HOSTNAME);
        goto done;
    }
    if (ctx->check_hostname) {
        X509_VERIFY_PARAM *param = SSL_get0_param(s->ssl);
        int ok = ip ? X509_VERIFY_PARAM_set1_ip(param, ASN1_STRING_get0_data(ip), (size_t)ASN1_STRING_length(ip))
                    : X509_VERIFY_PARAM_set1_host(param, name, len);
        if (!ok) {
            ssl_raise_openssl(NULL, SSL_LINE_CONFIGURE_HOSTNAME);
            goto done;
        }
    }
    rc = 0;
done:
    if (ip) {
        ASN1_OCTET_STRING_free(ip);
    }
    return rc;
}

static int set_session(SslSocket *s, Value v);

Value ssl_socket_new(Value ctxv, Value sock, int server_side, Value server_hostname, Value owner,
                     Value session, Value inbio, Value outbio) {
    SslContext *ctx = (SslContext *)val_ptr(ctxv);
    Value host = hostname_arg(server_hostname);
    if (!host) {
        return 0;
    }
    if (server_side && ctx->protocol == SSL_PY_PROTOCOL_TLS_CLIENT) {
        return ssl_raise_openssl("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context",
                                 SSL_LINE_SERVER_ON_CLIENT);
    }
    if (!server_side && ctx->protocol == SSL_PY_PROTOCOL_TLS_SERVER) {
        return ssl_raise_openssl("Cannot create a client socket with a PROTOCOL_TLS_SERVER context",
                                 SSL_LINE_CLIENT_ON_SERVER);
    }
    int fd = -1;
    double timeout = 0;
    if (sock) {
        int ok;
        SslSocket probe = {.sock = sock};
        timeout = socket_timeout(&probe, &ok);
        if (!ok) {
            return 0;
        }
        fd = socket_fd(&probe);
    }
    SslSocket *s = (SslSocket *)gc_alloc(&ssl_type_socket, sizeof(SslSocket));
    if (!s) {
        return 0;
    }
    Value result = val_from_ptr(s);
    s->ctx = ctxv;
    s->orig_ctx = weakref_new_ref(ctxv, 0);
    if (!s->orig_ctx) {
        return 0;
    }
    s->server_side = server_side;
    ERR_clear_error();
    s->ssl = SSL_new(ctx->ctx);
    if (!s->ssl) {
        return ssl_raise_openssl(NULL, SSL_LINE_NEW_SOCKET);
    }
    SSL_set_app_data(s->ssl, s);
    if (sock) {
        SSL_set_fd(s->ssl, fd);
        s->sock = sock;
    } else {
        BIO *in = ((SslMemoryBio *)val_ptr(inbio))->bio, *out = ((SslMemoryBio *)val_ptr(outbio))->bio;
        // SSL_set_bio takes over one reference of each.
        BIO_up_ref(in);
        BIO_up_ref(out);
        SSL_set_bio(s->ssl, in, out);
        s->inbio = inbio;
        s->outbio = outbio;
    }
    SSL_set_mode(s->ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
    if (ctx->post_handshake_auth) {
        if (server_side) {
            // OpenSSL does not ignore SSL_VERIFY_POST_HANDSHAKE without
            // SSL_VERIFY_PEER (bpo-37428).
            int mode = SSL_get_verify_mode(s->ssl);
            if (mode & SSL_VERIFY_PEER) {
                SSL_set_verify(s->ssl, mode | SSL_VERIFY_POST_HANDSHAKE, SSL_get_verify_callback(s->ssl));
            }
        } else {
            SSL_set_post_handshake_auth(s->ssl, 1);
        }
    }
    if (host != VAL_NONE && configure_hostname(s, ctx, bytes_data(host)) < 0) {
        return 0;
    }
    if (sock && timeout >= 0) {
        BIO_set_nbio(SSL_get_rbio(s->ssl), 1);
        BIO_set_nbio(SSL_get_wbio(s->ssl), 1);
    }
    if (server_side) {
        SSL_set_accept_state(s->ssl);
    } else {
        SSL_set_connect_state(s->ssl);
    }
    if (owner != VAL_NONE) {
        s->owner = owner;
    }
    if (session != VAL_NONE && set_session(s, session) < 0) {
        return 0;
    }
    return result;
}

static void socket_trace(Object *o, GcTracer *t) {
    SslSocket *s = (SslSocket *)o;
    gc_trace_value(t, s->ctx);
    gc_trace_value(t, s->orig_ctx);
    gc_trace_value(t, s->sock);
    gc_trace_value(t, s->inbio);
    gc_trace_value(t, s->outbio);
    gc_trace_value(t, s->owner);
    gc_trace_value(t, s->server_hostname);
    gc_trace_value(t, s->callback_exc);
}

static void socket_free(Object *o) {
    SslSocket *s = (SslSocket *)o;
    if (s->ssl) {
        SSL_set_app_data(s->ssl, NULL);
        SSL_free(s->ssl);
        s->ssl = NULL;
    }
}

static Value socket_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_ssl._SSLSocket' instances");
}

// ---- the handshake, reading and writing --------------------------------------------------------

FN(sslsock_do_handshake) {
    if (method_check_args("_SSLSocket.do_handshake", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    double timeout, sock_timeout;
    int64_t deadline;
    if (begin_call(s, &timeout, &deadline) < 0) {
        return 0;
    }
    sock_timeout = timeout;
    int ret;
    for (;;) {
        SSL_RUN(s, ret, ret < 1, SSL_do_handshake(s->ssl));
        if (signal_check_pending() < 0) {
            return 0;
        }
        double left = time_left(timeout, deadline);
        int state;
        if (s->err_ssl == SSL_ERROR_WANT_READ) {
            state = wait_socket(s, 0, left, sock_timeout);
        } else if (s->err_ssl == SSL_ERROR_WANT_WRITE) {
            state = wait_socket(s, 1, left, sock_timeout);
        } else {
            break;
        }
        int go = wait_result(state, "_ssl.c:975: The handshake operation timed out",
                             "_ssl.c:979: Underlying socket has been closed.");
        if (go < 0) {
            return 0;
        }
        if (go == 0) {
            break;
        }
    }
    // A failed call raises its SSLError with the callback's exception as
    // context (even SSLWantReadError); a finished one raises the latter.
    if (ret < 1) {
        return ssl_raise_call(s, ret, SSL_LINE_HANDSHAKE);
    }
    if (chain_callback_exc(s) < 0) {
        return 0;
    }
    return VAL_NONE;
}

FN(sslsock_read) {
    if (args_no_keywords("_SSLSocket.read", kwnames) < 0) {
        return 0;
    }
    if (nargs < 1 || nargs > 2) {
        return err_format(&exc_TypeError, "_ssl._SSLSocket.read requires 1 to 2 arguments");
    }
    SslSocket *s = sock_of(self);
    int64_t len;
    if (float_check(args[0]) || (!int_check(args[0]) && !type_of(args[0])->index)) {
        return err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          obj_type_name(args[0]));
    }
    Value index = obj_index(args[0]);
    if (!index) {
        return 0;
    }
    if (int_to_i64(index, &len) < 0) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C ssize_t");
    }
    Buffer view = {0};
    int have_buffer = nargs == 2;
    if (!have_buffer && len < 0) {
        return err_format(&exc_ValueError, "size should not be negative");
    }
    if (have_buffer) {
        if (buffer_get(args[1], &view, BUFFER_WRITABLE) <= 0) {
            err_clear();
            return err_format(&exc_TypeError,
                              "read() argument 2 must be read-write bytes-like object, not %s",
                              obj_type_name(args[1]));
        }
        if (len <= 0 || len > view.len) {
            len = view.len;
        }
    }
    if (!have_buffer && len == 0) {
        return bytes_from("", 0);  // an empty read returns at once (bpo-42854)
    }
    Value result = 0;
    char *mem = have_buffer ? view.buf : malloc(len ? (size_t)len : 1);
    if (!mem) {
        return err_no_memory();
    }
    size_t count = 0;
    double timeout;
    int64_t deadline;
    if (have_buffer && len == 0) {
        result = int_from_i64(0);
        goto out;
    }
    if (begin_call(s, &timeout, &deadline) < 0) {
        goto out;
    }
    double sock_timeout = timeout;
    int ret;
    int zero_return = 0;
    for (;;) {
        SSL_RUN(s, ret, ret == 0, SSL_read_ex(s->ssl, mem, (size_t)len, &count));
        if (signal_check_pending() < 0) {
            goto out;
        }
        double left = time_left(timeout, deadline);
        int state;
        if (s->err_ssl == SSL_ERROR_WANT_READ) {
            state = wait_socket(s, 0, left, sock_timeout);
        } else if (s->err_ssl == SSL_ERROR_WANT_WRITE) {
            state = wait_socket(s, 1, left, sock_timeout);
        } else if (s->err_ssl == SSL_ERROR_ZERO_RETURN &&
                   SSL_get_shutdown(s->ssl) == SSL_RECEIVED_SHUTDOWN) {
            count = 0;
            zero_return = 1;
            break;
        } else {
            break;
        }
        int go = wait_result(state, "The read operation timed out",
                             "Underlying socket has been closed.");
        if (go < 0) {
            goto out;
        }
        if (go == 0) {
            break;
        }
    }
    if (!zero_return && ret == 0) {
        ssl_raise_call(s, ret, SSL_LINE_READ);
        goto out;
    }
    if (chain_callback_exc(s) < 0) {
        goto out;
    }
    result = have_buffer ? int_from_i64((int64_t)count) : bytes_from(mem, count);
out:
    if (have_buffer) {
        buffer_release(&view);
    } else {
        free(mem);
    }
    return result;
}

FN(sslsock_write) {
    if (method_check_args("_SSLSocket.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    Value result = 0;
    if (view.len > INT_MAX) {
        err_format(&exc_OverflowError, "string longer than %d bytes", INT_MAX);
        goto out;
    }
    double timeout;
    int64_t deadline;
    if (begin_call(s, &timeout, &deadline) < 0) {
        goto out;
    }
    double sock_timeout = timeout;
    int first = wait_result(wait_socket(s, 1, timeout, sock_timeout), "The write operation timed out",
                             "Underlying socket has been closed.");
    if (first < 0) {
        goto out;
    }
    size_t count = 0;
    int ret;
    for (;;) {
        SSL_RUN(s, ret, ret == 0, SSL_write_ex(s->ssl, view.buf, (size_t)view.len, &count));
        if (signal_check_pending() < 0) {
            goto out;
        }
        double left = time_left(timeout, deadline);
        int state;
        if (s->err_ssl == SSL_ERROR_WANT_READ) {
            state = wait_socket(s, 0, left, sock_timeout);
        } else if (s->err_ssl == SSL_ERROR_WANT_WRITE) {
            state = wait_socket(s, 1, left, sock_timeout);
        } else {
            break;
        }
        int go = wait_result(state, "The write operation timed out",
                             "Underlying socket has been closed.");
        if (go < 0) {
            goto out;
        }
        if (go == 0) {
            break;
        }
    }
    if (ret == 0) {
        ssl_raise_call(s, ret, SSL_LINE_WRITE);
        goto out;
    }
    if (chain_callback_exc(s) < 0) {
        goto out;
    }
    result = int_from_i64((int64_t)count);
out:
    buffer_release(&view);
    return result;
}

FN(sslsock_pending) {
    if (method_check_args("_SSLSocket.pending", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    int count;
    SSL_RUN(s, count, count < 0, SSL_pending(s->ssl));
    if (count < 0) {
        return ssl_raise_call(s, count, SSL_LINE_READ);
    }
    return int_from_i64(count);
}

FN(sslsock_shutdown) {
    if (method_check_args("_SSLSocket.shutdown", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    if (s->sock && socket_fd(s) < 0) {
        return ssl_raise(NULL, ssl_exc_error, SSL_PY_ERROR_NO_SOCKET, "Underlying socket connection gone",
                         SSL_LINE_SHUTDOWN_GONE, 0);
    }
    double timeout;
    int64_t deadline;
    if (begin_call(s, &timeout, &deadline) < 0) {
        return 0;
    }
    double sock_timeout = timeout;
    int ret, zeros = 0;
    for (;;) {
        if (s->shutdown_seen_zero) {
            // No read-ahead, so that unwrap() leaves the clear text that
            // follows the TLS shutdown in the socket.
            SSL_set_read_ahead(s->ssl, 0);
        }
        SSL_RUN(s, ret, ret < 0, SSL_shutdown(s->ssl));
        if (ret > 0) {
            break;
        }
        if (ret == 0) {
            if (++zeros > 1) {
                break;
            }
            s->shutdown_seen_zero = 1;
            continue;
        }
        double left = time_left(timeout, deadline);
        int state;
        if (s->err_ssl == SSL_ERROR_WANT_READ) {
            state = wait_socket(s, 0, left, sock_timeout);
        } else if (s->err_ssl == SSL_ERROR_WANT_WRITE) {
            state = wait_socket(s, 1, left, sock_timeout);
        } else {
            break;
        }
        if (state == WAIT_TIMED_OUT) {
            return err_format(&exc_TimeoutError, "%s",
                              s->err_ssl == SSL_ERROR_WANT_READ ? "The read operation timed out"
                                                                : "The write operation timed out");
        }
        if (state == WAIT_ERROR) {
            return 0;
        }
        if (state != WAIT_OK) {
            break;
        }
    }
    if (ret < 0) {
        return ssl_raise_call(s, ret, SSL_LINE_SHUTDOWN);
    }
    if (chain_callback_exc(s) < 0) {
        return 0;
    }
    return s->sock ? s->sock : VAL_NONE;
}

// ---- what the connection negotiated ---------------------------------------------------------

FN(sslsock_getpeercert) {
    if (args_no_keywords("getpeercert", kwnames) < 0 ||
        args_check_positional("getpeercert", nargs, 0, 1) < 0) {
        return 0;
    }
    int binary = 0;
    if (nargs && (binary = obj_truthy(args[0])) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    if (!SSL_is_init_finished(s->ssl)) {
        return err_format(&exc_ValueError, "handshake not done yet");
    }
    X509 *peer = SSL_get1_peer_certificate(s->ssl);
    if (!peer) {
        return VAL_NONE;
    }
    Value r;
    if (binary) {
        r = ssl_certificate_der(peer);
    } else if ((SSL_CTX_get_verify_mode(SSL_get_SSL_CTX(s->ssl)) & SSL_VERIFY_PEER) == 0) {
        r = dict_new();
    } else {
        r = ssl_decode_certificate(peer);
    }
    X509_free(peer);
    return r;
}

static Value cipher_tuple(const SSL_CIPHER *c) {
    const char *name = SSL_CIPHER_get_name(c), *proto = SSL_CIPHER_get_version(c);
    Value items[3] = {name ? str_from_cstr(name) : VAL_NONE, proto ? str_from_cstr(proto) : VAL_NONE,
                      int_from_i64(SSL_CIPHER_get_bits(c, NULL))};
    return items[0] && items[1] ? tuple_from(items, 3) : 0;
}

FN(sslsock_cipher) {
    if (method_check_args("_SSLSocket.cipher", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const SSL_CIPHER *c = SSL_get_current_cipher(sock_of(self)->ssl);
    return c ? cipher_tuple(c) : VAL_NONE;
}

// As Debian's CPython 3.11 build: the ciphers of the connection's cipher
// list (SSL_get_ciphers), before and after the handshake, on both sides.
FN(sslsock_shared_ciphers) {
    if (method_check_args("_SSLSocket.shared_ciphers", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    STACK_OF(SSL_CIPHER) *ciphers = SSL_get_ciphers(sock_of(self)->ssl);
    if (!ciphers) {
        return VAL_NONE;
    }
    Value list = list_new(0);
    for (int i = 0; list && i < sk_SSL_CIPHER_num(ciphers); i++) {
        Value t = cipher_tuple(sk_SSL_CIPHER_value(ciphers, i));
        if (!t || list_append(list, t) < 0) {
            return 0;
        }
    }
    return list;
}

FN(sslsock_version) {
    if (method_check_args("_SSLSocket.version", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SSL *ssl = sock_of(self)->ssl;
    if (!ssl || !SSL_is_init_finished(ssl)) {
        return VAL_NONE;
    }
    const char *v = SSL_get_version(ssl);
    return strcmp(v, "unknown") == 0 ? VAL_NONE : str_from_cstr(v);
}

FN(sslsock_selected_alpn_protocol) {
    if (method_check_args("_SSLSocket.selected_alpn_protocol", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const unsigned char *out;
    unsigned int len;
    SSL_get0_alpn_selected(sock_of(self)->ssl, &out, &len);
    if (!out) {
        return VAL_NONE;
    }
    return codec_decode(0, (const char *)out, len, "utf-8", "strict");
}

FN(sslsock_compression) {
    if (method_check_args("_SSLSocket.compression", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SSL *ssl = sock_of(self)->ssl;
    if (!ssl) {
        return VAL_NONE;
    }
    const COMP_METHOD *m = SSL_get_current_compression(ssl);
    if (!m || COMP_get_type(m) == NID_undef) {
        return VAL_NONE;
    }
    const char *name = OBJ_nid2sn(COMP_get_type(m));
    return name ? str_from_cstr(name) : VAL_NONE;
}

FN(sslsock_get_channel_binding) {
    static const char *const names[] = {"cb_type", NULL};
    ArgSpec spec = {"get_channel_binding", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    const char *type = "tls-unique";
    if (a[0]) {
        if (!val_is_str(a[0])) {
            return err_format(&exc_TypeError,
                              "get_channel_binding() argument 'cb_type' must be str, not %s",
                              obj_type_name(a[0]));
        }
        type = str_obj(a[0])->data;
        if (memchr(type, 0, str_obj(a[0])->nbytes)) {
            return err_format(&exc_ValueError, "embedded null character");
        }
    }
    SslSocket *s = sock_of(self);
    if (strcmp(type, "tls-unique") != 0) {
        return err_format(&exc_ValueError, "'%s' channel binding type not implemented", type);
    }
    char buf[64];
    size_t len;
    // The first Finished message of the connection: ours when we are the
    // client of a new session or the server of a resumed one.
    if (SSL_session_reused(s->ssl) ^ !s->server_side) {
        len = SSL_get_finished(s->ssl, buf, sizeof(buf));
    } else {
        len = SSL_get_peer_finished(s->ssl, buf, sizeof(buf));
    }
    return len == 0 ? VAL_NONE : bytes_from(buf, len);
}

FN(sslsock_verify_client_post_handshake) {
    if (method_check_args("_SSLSocket.verify_client_post_handshake", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (SSL_verify_client_post_handshake(sock_of(self)->ssl) == 0) {
        return ssl_raise_openssl(NULL, SSL_LINE_POST_HANDSHAKE);
    }
    return VAL_NONE;
}

static Value chain_list(STACK_OF(X509) *chain) {
    Value list = list_new(0);
    for (int i = 0; list && i < sk_X509_num(chain); i++) {
        Value c = ssl_certificate_new(sk_X509_value(chain, i));
        if (!c || list_append(list, c) < 0) {
            return 0;
        }
    }
    return list;
}

FN(sslsock_get_verified_chain) {
    if (method_check_args("_SSLSocket.get_verified_chain", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    STACK_OF(X509) *chain = SSL_get0_verified_chain(sock_of(self)->ssl);
    return chain ? chain_list(chain) : VAL_NONE;
}

FN(sslsock_get_unverified_chain) {
    if (method_check_args("_SSLSocket.get_unverified_chain", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SslSocket *s = sock_of(self);
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(s->ssl);
    if (!chain) {
        return VAL_NONE;
    }
    Value list = chain_list(chain);
    if (list && s->server_side) {
        // A server's chain leaves out the peer's own certificate.
        X509 *peer = SSL_get1_peer_certificate(s->ssl);
        Value p = peer ? ssl_certificate_new(peer) : VAL_NONE;
        if (peer) {
            X509_free(peer);
        }
        if (!p || list_insert(list, 0, p) < 0) {
            return 0;
        }
    }
    return list;
}

// ---- attributes ----------------------------------------------------------------------------

static Value get_context(Value self) { return sock_of(self)->ctx; }

static int set_context(Value self, Value v) {
    if (!v || !type_is_subtype(type_of(v), &ssl_type_context)) {
        err_format(&exc_TypeError, "The value must be a SSLContext");
        return -1;
    }
    SslSocket *s = sock_of(self);
    SslContext *c = (SslContext *)val_ptr(v);
    s->ctx = v;
    SSL_set_SSL_CTX(s->ssl, c->ctx);
    if (!c->msg_callback) {
        SSL_set_msg_callback(s->ssl, NULL);
    } else {
        SSL_set_msg_callback(s->ssl, ssl_context_msg_cb);
    }
    return 0;
}

static Value get_server_side(Value self) { return val_bool(sock_of(self)->server_side); }

static Value get_server_hostname(Value self) {
    SslSocket *s = sock_of(self);
    return s->server_hostname ? s->server_hostname : VAL_NONE;
}

static Value get_owner(Value self) {
    SslSocket *s = sock_of(self);
    return s->owner ? s->owner : VAL_NONE;
}

static int set_owner(Value self, Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    if (!(type_of(v)->flags & TYPE_HAS_WEAKREF)) {
        err_format(&exc_TypeError, "cannot create weak reference to '%s' object", obj_type_name(v));
        return -1;
    }
    sock_of(self)->owner = v == VAL_NONE ? 0 : v;
    return 0;
}

// A copy of `session` through its DER encoding, as CPython does with
// OpenSSL 1.1 and later (a workaround for openssl/openssl#1550): a session
// that cannot be encoded yet (a handshake in progress) is a ValueError.
static SSL_SESSION *session_dup(SSL_SESSION *session) {
    if (!session) {
        err_format(&exc_ValueError, "Invalid session");
        return NULL;
    }
    int len = i2d_SSL_SESSION(session, NULL);
    if (len <= 0 || len > 0xFF00) {
        err_format(&exc_ValueError, "i2d() failed.");
        return NULL;
    }
    unsigned char *der = malloc((size_t)len), *p = der;
    if (!der) {
        err_no_memory();
        return NULL;
    }
    SSL_SESSION *copy = NULL;
    if (!i2d_SSL_SESSION(session, &p)) {
        err_format(&exc_ValueError, "i2d() failed.");
    } else {
        const unsigned char *q = der;
        copy = d2i_SSL_SESSION(NULL, &q, len);
        if (!copy) {
            ssl_raise_openssl(NULL, SSL_LINE_SESSION);
        }
    }
    free(der);
    return copy;
}

static Value get_session(Value self) {
    SslSocket *s = sock_of(self);
    SSL_SESSION *current = SSL_get0_session(s->ssl);
    if (!current) {
        return VAL_NONE;
    }
    SSL_SESSION *session = session_dup(current);
    if (!session) {
        return 0;
    }
    SslSession *o = (SslSession *)gc_alloc(&ssl_type_session, sizeof(SslSession));
    if (!o) {
        SSL_SESSION_free(session);
        return 0;
    }
    o->session = session;
    o->ctx = s->ctx;
    return val_from_ptr(o);
}

static int set_session(SslSocket *s, Value v) {
    if (!v || type_of(v) != &ssl_type_session) {
        err_format(&exc_TypeError, "Value is not a SSLSession.");
        return -1;
    }
    SslSession *o = (SslSession *)val_ptr(v);
    if (((SslContext *)val_ptr(s->ctx))->ctx != ((SslContext *)val_ptr(o->ctx))->ctx) {
        err_format(&exc_ValueError, "Session refers to a different SSLContext.");
        return -1;
    }
    if (s->server_side) {
        err_format(&exc_ValueError, "Cannot set session for server-side SSLSocket.");
        return -1;
    }
    if (SSL_is_init_finished(s->ssl)) {
        err_format(&exc_ValueError, "Cannot set session after handshake.");
        return -1;
    }
    SSL_SESSION *copy = session_dup(o->session);
    if (!copy) {
        return -1;
    }
    int ok = SSL_set_session(s->ssl, copy);
    SSL_SESSION_free(copy);  // SSL_set_session took its own reference
    if (!ok) {
        ssl_raise_openssl(NULL, SSL_LINE_SESSION);
        return -1;
    }
    return 0;
}

static int set_session_attr(Value self, Value v) { return set_session(sock_of(self), v); }

static Value get_session_reused(Value self) {
    return val_bool(SSL_session_reused(sock_of(self)->ssl));
}

static const MethodDef socket_methods[] = {
    {"do_handshake", sslsock_do_handshake, METH_DEFAULT, NULL},
    {"read", sslsock_read, METH_DEFAULT, "read(size, [buffer])\nRead up to size bytes from the SSL socket."},
    {"write", sslsock_write, METH_DEFAULT,
     "Writes the bytes-like object b into the SSL object.\n\nReturns the number of bytes written."},
    {"pending", sslsock_pending, METH_DEFAULT, "Returns the number of already decrypted bytes available for read, pending on the connection."},
    {"getpeercert", sslsock_getpeercert, METH_DEFAULT, NULL},
    {"get_channel_binding", sslsock_get_channel_binding, METH_DEFAULT, NULL},
    {"cipher", sslsock_cipher, METH_DEFAULT, NULL},
    {"shared_ciphers", sslsock_shared_ciphers, METH_DEFAULT, NULL},
    {"version", sslsock_version, METH_DEFAULT, NULL},
    {"selected_alpn_protocol", sslsock_selected_alpn_protocol, METH_DEFAULT, NULL},
    {"compression", sslsock_compression, METH_DEFAULT, NULL},
    {"shutdown", sslsock_shutdown, METH_DEFAULT, "Does the SSL shutdown handshake with the remote end."},
    {"verify_client_post_handshake", sslsock_verify_client_post_handshake, METH_DEFAULT,
     "Initiate TLS 1.3 post-handshake authentication"},
    {"get_verified_chain", sslsock_get_verified_chain, METH_DEFAULT, NULL},
    {"get_unverified_chain", sslsock_get_unverified_chain, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef socket_getset[] = {
    {"context", get_context, set_context,
     "_setter_context(ctx)\n\nThis changes the context associated with the SSLSocket. This is typically\nused from within a callback function set by the sni_callback\non the SSLContext to change the certificate information associated with the\nSSLSocket before the cryptographic exchange handshake messages\n"},
    {"server_side", get_server_side, NULL, "Whether this is a server-side socket."},
    {"server_hostname", get_server_hostname, NULL, "The currently set server hostname (for SNI)."},
    {"owner", get_owner, set_owner, "The Python-level owner of this object.Passed as \"self\" in servername callback."},
    {"session", get_session, set_session_attr, "_setter_session(session)\nGet / set SSLSession."},
    {"session_reused", get_session_reused, NULL, "Was the client session reused during handshake?"},
    {NULL, NULL, NULL, NULL},
};

Type ssl_type_socket = {
    .header = {&type_type},
    .name = "_ssl._SSLSocket",
    .basic_size = sizeof(SslSocket),
    .base = &type_object,
    .trace = socket_trace,
    .free = socket_free,
    .new_ = socket_tp_new,
    .methods = socket_methods,
    .getset = socket_getset,
};

int ssl_socket_init_type(void) {
    return type_ready(&ssl_type_socket) < 0 || type_ready(&ssl_type_certificate) < 0 ? -1 : 0;
}
