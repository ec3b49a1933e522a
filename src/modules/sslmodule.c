// sslmodule.c - the `_ssl` module over OpenSSL 3 (Debian libssl-dev), which
// Lib/ssl.py builds SSLContext, SSLSocket and SSLObject on: the module's
// constants, its exception classes and the messages they carry, MemoryBIO,
// SSLSession, and the small functions (RAND_*, txt2obj, nid2obj,
// get_default_verify_paths, _test_decode_cert).
//
// The module is spread over four files, one concern each: this one,
// sslcontext.c (_SSLContext: the configuration an SSL_CTX holds),
// sslsocket.c (_SSLSocket: one connection, over a socket or over two
// MemoryBIOs) and sslcert.c (certificates as getpeercert()'s dicts).
// ssl.h is what they share.
//
// Errors follow CPython's _ssl.c word for word, because programs print
// them: SSLError(errno, "[LIB: REASON] text (_ssl.c:LINE)") with `library`
// and `reason` attributes, the names coming from OpenSSL's headers
// (tools/gen_ssl_errors.py), and SSLCertVerificationError adding
// verify_code and verify_message. str() of an SSLError is its strerror.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/rand.h>
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
#include "../runtime/module.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "modules.h"
#include "ssl.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

typedef struct SslLibName {
    int code;
    const char *name;
} SslLibName;
typedef struct SslReasonName {
    int lib, reason;
    const char *name;
} SslReasonName;
#include "ssl_errors.h"

Value ssl_exc_error, ssl_exc_zero_return, ssl_exc_want_read, ssl_exc_want_write, ssl_exc_syscall,
    ssl_exc_eof, ssl_exc_cert_verification;

// ---- the exception classes ---------------------------------------------------------------

// SSLError's str() is its strerror when that is a str, else str(args)
// (CPython's SSLError_str).
static Value sslerror_str(Value self) {
    Value strerror = obj_getattr_cstr(self, "strerror");
    if (!strerror) {
        return 0;
    }
    if (val_is_str(strerror)) {
        return strerror;
    }
    Value args = obj_getattr_cstr(self, "args");
    return args ? obj_str(args) : 0;
}

static Type ssl_type_error = {
    .header = {&type_type},
    .name = "ssl.SSLError",
    .flags = TYPE_BASETYPE | TYPE_EXC_SUBCLASS,
    .base = &exc_OSError,
    .str = sslerror_str,
};

static Value new_exception(const char *name, Value bases, const char *doc) {
    Value ns = dict_new();
    if (!ns || dict_set_cstr(ns, "__module__", str_from_cstr("ssl")) < 0 ||
        dict_set_cstr(ns, "__doc__", str_from_cstr(doc)) < 0) {
        return 0;
    }
    Value args3[3] = {str_from_cstr(name), bases, ns};
    return bases && args3[0] ? obj_call(val_from_ptr(&type_type), args3, 3, 0) : 0;
}

static int make_exceptions(void) {
    if (type_ready(&ssl_type_error) < 0) {
        return -1;
    }
    Value doc = str_from_cstr("An error occurred in the SSL implementation.");
    if (!doc || dict_set_cstr(ssl_type_error.dict, "__doc__", doc) < 0) {
        return -1;
    }
    type_modified(&ssl_type_error);
    ssl_exc_error = val_from_ptr(&ssl_type_error);
    Value one = tuple_from(&ssl_exc_error, 1);
    if (!one) {
        return -1;
    }
    ssl_exc_zero_return = new_exception("SSLZeroReturnError", one, "SSL/TLS session closed cleanly.");
    ssl_exc_want_read = new_exception(
        "SSLWantReadError", one,
        "Non-blocking SSL socket needs to read more data\nbefore the requested operation can be completed.");
    ssl_exc_want_write = new_exception(
        "SSLWantWriteError", one,
        "Non-blocking SSL socket needs to write more data\nbefore the requested operation can be completed.");
    ssl_exc_syscall = new_exception("SSLSyscallError", one, "System error when attempting SSL operation.");
    ssl_exc_eof = new_exception("SSLEOFError", one, "SSL/TLS connection terminated abruptly.");
    Value two = tuple_pack2(ssl_exc_error, val_from_ptr(&exc_ValueError));
    ssl_exc_cert_verification = two ? new_exception("SSLCertVerificationError", two,
                                                    "A certificate could not be verified.")
                                    : 0;
    return ssl_exc_zero_return && ssl_exc_want_read && ssl_exc_want_write && ssl_exc_syscall &&
                   ssl_exc_eof && ssl_exc_cert_verification
               ? 0
               : -1;
}

// ---- raising them --------------------------------------------------------------------------

static const char *lib_name(int lib) {
    for (const SslLibName *l = ssl_lib_names; l->name; l++) {
        if (l->code == lib) {
            return l->name;
        }
    }
    return NULL;
}

static const char *reason_name(int lib, int reason) {
    for (const SslReasonName *r = ssl_reason_names; r->name; r++) {
        if (r->lib == lib && r->reason == reason) {
            return r->name;
        }
    }
    return NULL;
}

Value ssl_raise(SslSocket *sock, Value type, int ssl_errno, const char *errstr, int line,
                unsigned long code) {
    const char *lib = NULL, *reason = NULL;
    if (code != 0) {
        lib = lib_name(ERR_GET_LIB(code));
        reason = reason_name(ERR_GET_LIB(code), ERR_GET_REASON(code));
        if (!errstr) {
            errstr = ERR_reason_error_string(code);
        }
    }
    if (!errstr) {
        errstr = "unknown error";
    }
    Value verify_code = 0, verify_msg = 0;
    if (sock && type == ssl_exc_cert_verification) {
        long vc = SSL_get_verify_result(sock->ssl);
        verify_code = int_from_i64(vc);
        Value host = sock->server_hostname ? sock->server_hostname : VAL_NONE;
        if (vc == X509_V_ERR_HOSTNAME_MISMATCH || vc == X509_V_ERR_IP_ADDRESS_MISMATCH) {
            Value hs = obj_str(host);
            if (!hs) {
                return 0;
            }
            char buf[512];
            snprintf(buf, sizeof(buf), "%s mismatch, certificate is not valid for '%s'.",
                     vc == X509_V_ERR_HOSTNAME_MISMATCH ? "Hostname" : "IP address",
                     str_obj(hs)->data);
            verify_msg = str_from_cstr(buf);
        } else {
            const char *s = X509_verify_cert_error_string(vc);
            verify_msg = s ? str_from_cstr(s) : VAL_NONE;
        }
        if (!verify_code || !verify_msg) {
            return 0;
        }
    }
    size_t cap = strlen(errstr) + 256 + (verify_msg && val_is_str(verify_msg) ? str_obj(verify_msg)->nbytes : 0);
    char *msg = malloc(cap);
    if (!msg) {
        return err_no_memory();
    }
    if (verify_msg && reason && lib) {
        Value vs = obj_str(verify_msg);
        if (!vs) {
            free(msg);
            return 0;
        }
        snprintf(msg, cap, "[%s: %s] %s: %s (_ssl.c:%d)", lib, reason, errstr, str_obj(vs)->data,
                 line);
    } else if (reason && lib) {
        snprintf(msg, cap, "[%s: %s] %s (_ssl.c:%d)", lib, reason, errstr, line);
    } else if (lib) {
        snprintf(msg, cap, "[%s] %s (_ssl.c:%d)", lib, errstr, line);
    } else {
        snprintf(msg, cap, "%s (_ssl.c:%d)", errstr, line);
    }
    Value a[2] = {int_from_i64(ERR_GET_REASON((unsigned long)(unsigned int)ssl_errno)), 0};
    a[1] = codec_decode(0, msg, strlen(msg), "utf-8", "replace");
    free(msg);
    if (!a[1]) {
        return 0;
    }
    Value exc = obj_call(type, a, 2, 0);
    if (!exc || obj_setattr(exc, str_intern_cstr("reason"), reason ? str_from_cstr(reason) : VAL_NONE) < 0 ||
        obj_setattr(exc, str_intern_cstr("library"), lib ? str_from_cstr(lib) : VAL_NONE) < 0) {
        return 0;
    }
    if (verify_code && (obj_setattr(exc, str_intern_cstr("verify_code"), verify_code) < 0 ||
                        obj_setattr(exc, str_intern_cstr("verify_message"), verify_msg) < 0)) {
        return 0;
    }
    return err_set_value(exc);
}

Value ssl_raise_openssl(const char *errstr, int line) {
    unsigned long code = errstr ? 0 : ERR_peek_last_error();
    ssl_raise(NULL, ssl_exc_error, (int)code, errstr, line, code);
    ERR_clear_error();
    return 0;
}

Value ssl_raise_plain(const char *msg) {
    Value s = str_from_cstr(msg);
    Value exc = s ? obj_call(ssl_exc_error, &s, 1, 0) : 0;
    return exc ? err_set_value(exc) : 0;
}

Value ssl_raise_call(SslSocket *s, int ret, int line) {
    Value type = ssl_exc_error;
    const char *errstr = NULL;
    int p = SSL_PY_ERROR_NONE;
    unsigned long e = ERR_peek_last_error();
    if (s->ssl) {
        switch (s->err_ssl) {
        case SSL_ERROR_ZERO_RETURN:
            errstr = "TLS/SSL connection has been closed (EOF)";
            type = ssl_exc_zero_return;
            p = SSL_PY_ERROR_ZERO_RETURN;
            break;
        case SSL_ERROR_WANT_READ:
            errstr = "The operation did not complete (read)";
            type = ssl_exc_want_read;
            p = SSL_PY_ERROR_WANT_READ;
            break;
        case SSL_ERROR_WANT_WRITE:
            errstr = "The operation did not complete (write)";
            type = ssl_exc_want_write;
            p = SSL_PY_ERROR_WANT_WRITE;
            break;
        case SSL_ERROR_WANT_X509_LOOKUP:
            errstr = "The operation did not complete (X509 lookup)";
            p = SSL_PY_ERROR_WANT_X509_LOOKUP;
            break;
        case SSL_ERROR_WANT_CONNECT:
            errstr = "The operation did not complete (connect)";
            p = SSL_PY_ERROR_WANT_CONNECT;
            break;
        case SSL_ERROR_SYSCALL:
            if (e == 0) {
                if (ret == 0) {
                    p = SSL_PY_ERROR_EOF;
                    type = ssl_exc_eof;
                    errstr = "EOF occurred in violation of protocol";
                } else if (s->sock && ret == -1) {
                    ERR_clear_error();
                    if (s->err_errno) {
                        err_from_errno(s->err_errno, 0, 0);
                        goto chain;
                    }
                    p = SSL_PY_ERROR_EOF;
                    type = ssl_exc_eof;
                    errstr = "EOF occurred in violation of protocol";
                } else {
                    p = SSL_PY_ERROR_SYSCALL;
                    type = ssl_exc_syscall;
                    errstr = "Some I/O error occurred";
                }
            } else {
                if (ERR_GET_LIB(e) == ERR_LIB_SSL &&
                    ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
                    type = ssl_exc_cert_verification;
                }
                p = SSL_PY_ERROR_SYSCALL;
            }
            break;
        case SSL_ERROR_SSL:
            p = SSL_PY_ERROR_SSL;
            if (e == 0) {
                errstr = "A failure in the SSL library occurred";
            }
            if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED) {
                type = ssl_exc_cert_verification;
            }
            // OpenSSL 3 reports a transport EOF as this reason, where 1.1
            // gave SSL_ERROR_SYSCALL with ret 0.
            if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
                p = SSL_PY_ERROR_EOF;
                type = ssl_exc_eof;
                errstr = "EOF occurred in violation of protocol";
            }
            break;
        default:
            p = SSL_PY_ERROR_INVALID_ERROR_CODE;
            errstr = "Invalid error code";
        }
    }
    ssl_raise(s, type, p, errstr, line, e);
    ERR_clear_error();
chain:
    // An exception a callback raised is the context of the SSLError.
    if (s->callback_exc) {
        Value cb = s->callback_exc;
        s->callback_exc = 0;
        Value exc = err_fetch();
        if (exc) {
            obj_setattr(exc, str_intern_cstr("__context__"), cb);
            err_set_value(exc);
        }
    }
    return 0;
}

// ---- shared helpers --------------------------------------------------------------------------

Value ssl_path_bytes(Value v, const char *type_error_msg) {
    if (!val_is_str(v) && !val_is_bytes(v)) {
        Value fspath = obj_lookup_special(v, str_intern_cstr("__fspath__"));
        if (!fspath) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "%s", type_error_msg);
            }
            return 0;
        }
        v = obj_call0(fspath);
        if (!v) {
            return 0;
        }
        if (!val_is_str(v) && !val_is_bytes(v)) {
            return err_format(&exc_TypeError, "%s", type_error_msg);
        }
    }
    Value b = val_is_str(v) ? codec_encode(v, "utf-8", "surrogateescape") : v;
    if (b && memchr(bytes_data(b), 0, bytes_len(b))) {
        return err_format(&exc_ValueError, "embedded null byte");
    }
    return b;
}

Value ssl_asn1obj_tuple(const ASN1_OBJECT *obj, int no_name) {
    int nid = OBJ_obj2nid(obj);
    if (nid == NID_undef) {
        return err_format(&exc_ValueError, "Unknown object");
    }
    char buf[256];
    int n = OBJ_obj2txt(buf, sizeof(buf), obj, no_name);
    if (n < 0) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    Value oid = n < (int)sizeof(buf) ? str_from_cstr(buf) : 0;
    if (!oid) {
        char *big = malloc((size_t)n + 1);
        if (!big) {
            return err_no_memory();
        }
        OBJ_obj2txt(big, n + 1, obj, no_name);
        oid = str_from_cstr(big);
        free(big);
    }
    const char *sn = OBJ_nid2sn(nid), *ln = OBJ_nid2ln(nid);
    Value items[4] = {int_from_i64(nid), sn ? str_from_cstr(sn) : VAL_NONE,
                      ln ? str_from_cstr(ln) : VAL_NONE, oid};
    return items[1] && items[2] && oid ? tuple_from(items, 4) : 0;
}

// ---- MemoryBIO ---------------------------------------------------------------------------

static int c_int_arg(Value v, int *out);

static SslMemoryBio *bio_of(Value v) { return (SslMemoryBio *)val_ptr(v); }

static Value memory_bio_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (nargs) {
        return err_format(&exc_TypeError, "MemoryBIO() takes no positional arguments");
    }
    if (args_no_keywords("MemoryBIO", kwnames) < 0) {
        return 0;
    }
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return ssl_raise_openssl("Failed to allocate BIO", SSL_LINE_MEMORY_BIO);
    }
    // A read from an empty BIO means "no data yet" (retry), not EOF.
    BIO_set_retry_read(bio);
    BIO_set_mem_eof_return(bio, -1);
    Type *t = type_ptr(type);
    SslMemoryBio *m = (SslMemoryBio *)gc_alloc(t, t->basic_size);
    if (!m) {
        BIO_free(bio);
        return 0;
    }
    m->bio = bio;
    return val_from_ptr(m);
}

static void memory_bio_free(Object *o) {
    SslMemoryBio *m = (SslMemoryBio *)o;
    if (m->bio) {
        BIO_free(m->bio);
        m->bio = NULL;
    }
}

static Value memory_bio_pending(Value self) {
    return int_from_i64((int64_t)BIO_ctrl_pending(bio_of(self)->bio));
}

static Value memory_bio_eof(Value self) {
    SslMemoryBio *m = bio_of(self);
    return val_bool(BIO_ctrl_pending(m->bio) == 0 && m->eof_written);
}

FN(memory_bio_read) {
    if (args_no_keywords("MemoryBIO.read", kwnames) < 0 ||
        args_check_positional("read", nargs, 0, 1) < 0) {
        return 0;
    }
    Value a[1] = {nargs ? args[0] : 0};
    SslMemoryBio *m = bio_of(self);
    int64_t len = -1;
    if (a[0]) {
        if (float_check(a[0])) {
            return err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        }
        int n;
        if (c_int_arg(a[0], &n) < 0) {
            return 0;
        }
        len = n;
    }
    int64_t avail = (int64_t)BIO_ctrl_pending(m->bio);
    if (len < 0 || len > avail) {
        len = avail;
    }
    if (len == 0) {
        return bytes_from("", 0);
    }
    char *buf = malloc((size_t)len);
    if (!buf) {
        return err_no_memory();
    }
    int n = BIO_read(m->bio, buf, (int)len);
    if (n < 0) {
        free(buf);
        return ssl_raise_openssl(NULL, SSL_LINE_MEMORY_BIO);
    }
    Value r = bytes_from(buf, (size_t)n);
    free(buf);
    return r;
}

FN(memory_bio_write) {
    if (method_check_args("MemoryBIO.write", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    SslMemoryBio *m = bio_of(self);
    Value r = 0;
    if (view.len > 2147483647) {
        err_format(&exc_OverflowError, "string longer than %d bytes", 2147483647);
    } else if (m->eof_written) {
        ssl_raise_plain("cannot write() after write_eof()");
        // CPython raises with PyErr_SetString on the SSLError class.
    } else {
        int n = BIO_write(m->bio, view.buf, (int)view.len);
        if (n < 0) {
            ssl_raise_openssl(NULL, SSL_LINE_MEMORY_BIO);
        } else {
            r = int_from_i64(n);
        }
    }
    buffer_release(&view);
    return r;
}

FN(memory_bio_write_eof) {
    if (method_check_args("MemoryBIO.write_eof", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SslMemoryBio *m = bio_of(self);
    m->eof_written = 1;
    // Once EOF is written, an empty read means EOF: no retry.
    BIO_clear_retry_flags(m->bio);
    BIO_set_mem_eof_return(m->bio, 0);
    return VAL_NONE;
}

static const MethodDef memory_bio_methods[] = {
    {"read", memory_bio_read, METH_DEFAULT, "Read up to size bytes from the memory BIO."},
    {"write", memory_bio_write, METH_DEFAULT, "Writes the bytes b into the memory BIO."},
    {"write_eof", memory_bio_write_eof, METH_DEFAULT, "Write an EOF marker to the memory BIO."},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef memory_bio_getset[] = {
    {"pending", memory_bio_pending, NULL, "The number of bytes pending in the memory BIO."},
    {"eof", memory_bio_eof, NULL, "Whether the memory BIO is at EOF."},
    {NULL, NULL, NULL, NULL},
};

Type ssl_type_memory_bio = {
    .header = {&type_type},
    .name = "_ssl.MemoryBIO",
    .basic_size = sizeof(SslMemoryBio),
    .base = &type_object,
    .free = memory_bio_free,
    .new_ = memory_bio_new,
    .methods = memory_bio_methods,
    .getset = memory_bio_getset,
};

// ---- SSLSession ----------------------------------------------------------------------------

static SslSession *session_of(Value v) { return (SslSession *)val_ptr(v); }

static Value session_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_ssl.SSLSession' instances");
}

static void session_trace(Object *o, GcTracer *t) {
    gc_trace_value(t, ((SslSession *)o)->ctx);
}

static void session_free(Object *o) {
    SslSession *s = (SslSession *)o;
    if (s->session) {
        SSL_SESSION_free(s->session);
        s->session = NULL;
    }
}

static Value session_richcompare(Value a, Value b, CompareOp op) {
    if (type_of(a) != &ssl_type_session || type_of(b) != &ssl_type_session) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq;
    if (a == b) {
        eq = 1;
    } else {
        unsigned int la, lb;
        const unsigned char *ia = SSL_SESSION_get_id(session_of(a)->session, &la);
        const unsigned char *ib = SSL_SESSION_get_id(session_of(b)->session, &lb);
        eq = la == lb && memcmp(ia, ib, la) == 0;
    }
    switch (op) {
    case CMP_EQ:
        return val_bool(eq);
    case CMP_NE:
        return val_bool(!eq);
    default:
        return VAL_NOTIMPLEMENTED;
    }
}

static Value session_get_time(Value self) {
    return int_from_i64((int64_t)SSL_SESSION_get_time(session_of(self)->session));
}
static Value session_get_timeout(Value self) {
    return int_from_i64((int64_t)SSL_SESSION_get_timeout(session_of(self)->session));
}
static Value session_get_ticket_lifetime_hint(Value self) {
    return int_from_i64((int64_t)SSL_SESSION_get_ticket_lifetime_hint(session_of(self)->session));
}
static Value session_get_id(Value self) {
    unsigned int len;
    const unsigned char *id = SSL_SESSION_get_id(session_of(self)->session, &len);
    return bytes_from(id, len);
}
static Value session_get_has_ticket(Value self) {
    return val_bool(SSL_SESSION_has_ticket(session_of(self)->session));
}

static const GetSetDef session_getset[] = {
    {"time", session_get_time, NULL, "Session creation time (seconds since epoch)."},
    {"timeout", session_get_timeout, NULL, "Session timeout (delta in seconds)."},
    {"ticket_lifetime_hint", session_get_ticket_lifetime_hint, NULL, "Ticket life time hint."},
    {"id", session_get_id, NULL, "Session id"},
    {"has_ticket", session_get_has_ticket, NULL, "Does the session contain a ticket?"},
    {NULL, NULL, NULL, NULL},
};

Type ssl_type_session = {
    .header = {&type_type},
    .name = "_ssl.SSLSession",
    .basic_size = sizeof(SslSession),
    .base = &type_object,
    .trace = session_trace,
    .free = session_free,
    .new_ = session_new,
    .richcompare = session_richcompare,
    .getset = session_getset,
};

// ---- module functions ----------------------------------------------------------------------

static int c_int_arg(Value v, int *out) {
    if (float_check(v)) {
        err_format(&exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    if (!int_check(v) && !type_of(v)->index) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    Value i = obj_index(v);
    int64_t x;
    if (!i) {
        return -1;
    }
    if (int_to_i64(i, &x) < 0 || x > 2147483647 || x < -2147483648LL) {
        err_clear();
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

FN(ssl_rand_bytes) {
    if (method_check_args("_ssl.RAND_bytes", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int n;
    if (c_int_arg(args[0], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "num must be positive");
    }
    unsigned char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) {
        return err_no_memory();
    }
    if (RAND_bytes(buf, n) != 1) {
        free(buf);
        unsigned long code = ERR_get_error();
        const char *msg = ERR_reason_error_string(code);
        Value a[2] = {int_from_i64((int64_t)code), str_from_cstr(msg ? msg : "unknown error")};
        Value exc = a[1] ? obj_call(ssl_exc_error, a, 2, 0) : 0;
        return exc ? err_set_value(exc) : 0;
    }
    Value r = bytes_from(buf, (size_t)n);
    free(buf);
    return r;
}

FN(ssl_rand_pseudo_bytes) {
    if (method_check_args("_ssl.RAND_pseudo_bytes", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    if (err_warn(&exc_DeprecationWarning, 1, "ssl.RAND_pseudo_bytes() is deprecated") < 0) {
        return 0;
    }
    int n;
    if (c_int_arg(args[0], &n) < 0) {
        return 0;
    }
    if (n < 0) {
        return err_format(&exc_ValueError, "num must be positive");
    }
    unsigned char *buf = malloc(n ? (size_t)n : 1);
    if (!buf) {
        return err_no_memory();
    }
    int ok = RAND_bytes(buf, n) == 1;
    Value b = bytes_from(buf, (size_t)n);
    free(buf);
    return b ? tuple_pack2(b, val_bool(ok)) : 0;
}

FN(ssl_rand_status) {
    if (method_check_args("_ssl.RAND_status", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return val_bool(RAND_status() == 1);
}

FN(ssl_rand_add) {
    if (args_no_keywords("RAND_add", kwnames) < 0 ||
        args_check_positional("RAND_add", nargs, 2, 2) < 0) {
        return 0;
    }
    Value keep = 0;
    const char *data;
    size_t len;
    if (val_is_str(args[0])) {
        keep = codec_encode(args[0], "utf-8", "strict");
        if (!keep) {
            return 0;
        }
        data = bytes_data(keep);
        len = bytes_len(keep);
    } else {
        Buffer view;
        if (buffer_get_bytes_like(args[0], &view) < 0) {
            return 0;
        }
        keep = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        if (!keep) {
            return 0;
        }
        data = bytes_data(keep);
        len = bytes_len(keep);
    }
    double entropy;
    if (!float_check(args[1]) && !int_check(args[1]) && !type_of(args[1])->to_float) {
        return err_format(&exc_TypeError, "must be real number, not %s", obj_type_name(args[1]));
    }
    if (float_as_c_double(args[1], &entropy) < 0) {
        return 0;
    }
    const char *p = data;
    while (len > 0) {
        int chunk = len > 2147483647 ? 2147483647 : (int)len;
        RAND_add(p, chunk, entropy);
        p += chunk;
        len -= (size_t)chunk;
    }
    return VAL_NONE;
}

FN(ssl_txt2obj) {
    static const char *const names[] = {"txt", "name", NULL};
    ArgSpec spec = {"txt2obj", 0, names, 1, 2, 0};
    Value a[2];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    if (!val_is_str(a[0])) {
        return err_format(&exc_TypeError, "txt2obj() argument 'txt' must be str, not %s",
                          obj_type_name(a[0]));
    }
    int name = 0;
    if (a[1]) {
        name = obj_truthy(a[1]);
        if (name < 0) {
            return 0;
        }
    }
    if (memchr(str_obj(a[0])->data, 0, str_obj(a[0])->nbytes)) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    ASN1_OBJECT *obj = OBJ_txt2obj(str_obj(a[0])->data, name ? 0 : 1);
    if (!obj) {
        ERR_clear_error();
        return err_format(&exc_ValueError, "unknown object '%.100s'", str_obj(a[0])->data);
    }
    Value r = ssl_asn1obj_tuple(obj, 1);
    ASN1_OBJECT_free(obj);
    return r;
}

FN(ssl_nid2obj) {
    if (method_check_args("_ssl.nid2obj", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    int nid;
    if (c_int_arg(args[0], &nid) < 0) {
        return 0;
    }
    if (nid < NID_undef) {
        return err_format(&exc_ValueError, "NID must be positive.");
    }
    ASN1_OBJECT *obj = OBJ_nid2obj(nid);
    if (!obj) {
        ERR_clear_error();
        return err_format(&exc_ValueError, "unknown NID %i", nid);
    }
    Value r = ssl_asn1obj_tuple(obj, 1);
    ASN1_OBJECT_free(obj);
    return r;
}

FN(ssl_get_default_verify_paths) {
    if (method_check_args("_ssl.get_default_verify_paths", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    const char *parts[4] = {X509_get_default_cert_file_env(), X509_get_default_cert_file(),
                            X509_get_default_cert_dir_env(), X509_get_default_cert_dir()};
    Value items[4];
    for (int i = 0; i < 4; i++) {
        items[i] = codec_decode(0, parts[i], strlen(parts[i]), "utf-8", "surrogateescape");
        if (!items[i]) {
            return 0;
        }
    }
    return tuple_from(items, 4);
}

FN(ssl_test_decode_cert) {
    if (method_check_args("_ssl._test_decode_cert", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value path = ssl_path_bytes(args[0], "expected str, bytes or os.PathLike object");
    if (!path) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                       obj_type_name(args[0]));
        }
        return 0;
    }
    BIO *bio = BIO_new(BIO_s_file());
    if (!bio) {
        return ssl_raise_plain("Can't malloc memory to read file");
    }
    if (BIO_read_filename(bio, bytes_data(path)) <= 0) {
        BIO_free(bio);
        ERR_clear_error();
        return ssl_raise_plain("Can't open file");
    }
    X509 *x = PEM_read_bio_X509(bio, NULL, NULL, NULL);
    BIO_free(bio);
    if (!x) {
        ERR_clear_error();
        return ssl_raise_plain("Error decoding PEM-encoded file");
    }
    Value r = ssl_decode_certificate(x);
    X509_free(x);
    return r;
}

static const MethodDef ssl_functions[] = {
    {"RAND_add", ssl_rand_add, METH_DEFAULT,
     "Mix string into the OpenSSL PRNG state.\n\nentropy (a float) is a lower bound on the entropy contained in\nstring.  See RFC 4086."},
    {"RAND_bytes", ssl_rand_bytes, METH_DEFAULT, "Generate n cryptographically strong pseudo-random bytes."},
    {"RAND_pseudo_bytes", ssl_rand_pseudo_bytes, METH_DEFAULT,
     "Generate n pseudo-random bytes.\n\nReturn a pair (bytes, is_cryptographic).  is_cryptographic is True\nif the bytes generated are cryptographically strong."},
    {"RAND_status", ssl_rand_status, METH_DEFAULT,
     "Returns True if the OpenSSL PRNG has been seeded with enough data and False if not.\n\nIt is necessary to seed the PRNG with RAND_add() on some platforms before\nusing the ssl() function."},
    {"txt2obj", ssl_txt2obj, METH_DEFAULT,
     "Lookup NID, short name, long name and OID of an ASN1_OBJECT.\n\nBy default objects are looked up by OID. With name=True short and\nlong name are also matched."},
    {"nid2obj", ssl_nid2obj, METH_DEFAULT, "Lookup NID, short name, long name and OID of an ASN1_OBJECT by NID."},
    {"get_default_verify_paths", ssl_get_default_verify_paths, METH_DEFAULT,
     "Return search paths and environment vars that are used by SSLContext's set_default_verify_paths() to load default CAs.\n\nThe values are 'cert_file_env', 'cert_file', 'cert_dir_env', 'cert_dir'."},
    {"_test_decode_cert", ssl_test_decode_cert, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

// ---- constants ---------------------------------------------------------------------------

typedef struct SslConst {
    const char *name;
    int64_t value;
} SslConst;

static const SslConst ssl_constants[] = {
    {"SSL_ERROR_ZERO_RETURN", SSL_PY_ERROR_ZERO_RETURN},
    {"SSL_ERROR_WANT_READ", SSL_PY_ERROR_WANT_READ},
    {"SSL_ERROR_WANT_WRITE", SSL_PY_ERROR_WANT_WRITE},
    {"SSL_ERROR_WANT_X509_LOOKUP", SSL_PY_ERROR_WANT_X509_LOOKUP},
    {"SSL_ERROR_SYSCALL", SSL_PY_ERROR_SYSCALL},
    {"SSL_ERROR_SSL", SSL_PY_ERROR_SSL},
    {"SSL_ERROR_WANT_CONNECT", SSL_PY_ERROR_WANT_CONNECT},
    {"SSL_ERROR_EOF", SSL_PY_ERROR_EOF},
    {"SSL_ERROR_INVALID_ERROR_CODE", SSL_PY_ERROR_INVALID_ERROR_CODE},
    {"CERT_NONE", 0},
    {"CERT_OPTIONAL", 1},
    {"CERT_REQUIRED", 2},
    {"VERIFY_DEFAULT", 0},
    {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
    {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
    {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT},
    {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
    {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
    {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
    {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
    {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
    {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
    {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
    {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
    {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
    {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
    {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
    {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
    {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
    {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
    {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
    {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
    {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
    {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
    {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
    {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
    {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
    {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
    {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
    {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
    {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
    {"PROTOCOL_SSLv23", SSL_PY_PROTOCOL_TLS},
    {"PROTOCOL_TLS", SSL_PY_PROTOCOL_TLS},
    {"PROTOCOL_TLS_CLIENT", SSL_PY_PROTOCOL_TLS_CLIENT},
    {"PROTOCOL_TLS_SERVER", SSL_PY_PROTOCOL_TLS_SERVER},
    {"PROTOCOL_TLSv1", SSL_PY_PROTOCOL_TLSv1},
    {"PROTOCOL_TLSv1_1", SSL_PY_PROTOCOL_TLSv1_1},
    {"PROTOCOL_TLSv1_2", SSL_PY_PROTOCOL_TLSv1_2},
    {"OP_ALL", SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS},
    {"OP_NO_SSLv2", 0},
    {"OP_NO_SSLv3", SSL_OP_NO_SSLv3},
    {"OP_NO_TLSv1", SSL_OP_NO_TLSv1},
    {"OP_NO_TLSv1_1", SSL_OP_NO_TLSv1_1},
    {"OP_NO_TLSv1_2", SSL_OP_NO_TLSv1_2},
    {"OP_NO_TLSv1_3", SSL_OP_NO_TLSv1_3},
    {"OP_CIPHER_SERVER_PREFERENCE", SSL_OP_CIPHER_SERVER_PREFERENCE},
    {"OP_SINGLE_DH_USE", 0},
    {"OP_NO_TICKET", SSL_OP_NO_TICKET},
    {"OP_SINGLE_ECDH_USE", 0},
    {"OP_NO_COMPRESSION", SSL_OP_NO_COMPRESSION},
    {"OP_ENABLE_MIDDLEBOX_COMPAT", SSL_OP_ENABLE_MIDDLEBOX_COMPAT},
    {"OP_NO_RENEGOTIATION", SSL_OP_NO_RENEGOTIATION},
    {"OP_IGNORE_UNEXPECTED_EOF", SSL_OP_IGNORE_UNEXPECTED_EOF},
    {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
    {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
    {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
    {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
    {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
    {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
    {"PROTO_MINIMUM_SUPPORTED", -2},
    {"PROTO_MAXIMUM_SUPPORTED", -1},
    {"PROTO_SSLv3", SSL3_VERSION},
    {"PROTO_TLSv1", TLS1_VERSION},
    {"PROTO_TLSv1_1", TLS1_1_VERSION},
    {"PROTO_TLSv1_2", TLS1_2_VERSION},
    {"PROTO_TLSv1_3", TLS1_3_VERSION},
    {"ENCODING_PEM", 1},
    {"ENCODING_DER", 2},
    {NULL, 0},
};

static const SslConst ssl_flags[] = {
    {"HAS_SNI", 1},
    {"HAS_TLS_UNIQUE", 1},
    {"HAS_ECDH", 1},
    {"HAS_NPN", 0},
    {"HAS_ALPN", 1},
    {"HAS_SSLv2", 0},
    {"HAS_SSLv3", 0},
    {"HAS_TLSv1", 1},
    {"HAS_TLSv1_1", 1},
    {"HAS_TLSv1_2", 1},
    {"HAS_TLSv1_3", 1},
    {NULL, 0},
};

// (major, minor, fix, patch, status) of an OpenSSL version number, as
// CPython's parse_openssl_version.
static Value version_info(unsigned long n) {
    unsigned long status = n & 0xF;
    n >>= 4;
    unsigned long patch = n & 0xFF;
    n >>= 8;
    unsigned long fix = n & 0xFF;
    n >>= 8;
    unsigned long minor = n & 0xFF;
    n >>= 8;
    unsigned long major = n & 0xFF;
    Value items[5] = {int_from_i64((int64_t)major), int_from_i64((int64_t)minor),
                      int_from_i64((int64_t)fix), int_from_i64((int64_t)patch),
                      int_from_i64((int64_t)status)};
    return tuple_from(items, 5);
}

static Value error_dicts(Value m) {
    Value err_codes = dict_new(), err_names = dict_new(), lib_codes = dict_new();
    if (!err_codes || !err_names || !lib_codes) {
        return 0;
    }
    for (const SslLibName *l = ssl_lib_names; l->name; l++) {
        if (dict_set(lib_codes, int_from_i64(l->code), str_from_cstr(l->name)) < 0) {
            return 0;
        }
    }
    for (const SslReasonName *r = ssl_reason_names; r->name; r++) {
        Value key = tuple_pack2(int_from_i64(r->lib), int_from_i64(r->reason));
        Value name = str_from_cstr(r->name);
        if (!key || !name || dict_set(err_codes, key, name) < 0 || dict_set(err_names, name, key) < 0) {
            return 0;
        }
    }
    if (module_add(m, "err_codes_to_names", err_codes) < 0 ||
        module_add(m, "err_names_to_codes", err_names) < 0 ||
        module_add(m, "lib_codes_to_names", lib_codes) < 0) {
        return 0;
    }
    return m;
}

Value ssl_module_init(void) {
    static Value module;
    if (module) {
        return module;
    }
    if (type_ready(&ssl_type_memory_bio) < 0 || type_ready(&ssl_type_session) < 0 ||
        type_ready(&ssl_type_context) < 0 || ssl_socket_init_type() < 0) {
        return 0;
    }
    Value *roots[] = {&ssl_exc_error, &ssl_exc_zero_return, &ssl_exc_want_read,
                      &ssl_exc_want_write, &ssl_exc_syscall, &ssl_exc_eof,
                      &ssl_exc_cert_verification};
    for (size_t i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
        gc_add_root(roots[i]);
    }
    if (make_exceptions() < 0) {
        return 0;
    }
    Value m = module_new_cstr("_ssl");
    if (!m || module_add_functions(m, ssl_functions) < 0 ||
        module_add(m, "__doc__", str_from_cstr("Implementation module for SSL socket operations.  "
                                               "See the socket module\nfor documentation.")) < 0 ||
        module_add(m, "_SSLContext", val_from_ptr(&ssl_type_context)) < 0 ||
        module_add(m, "_SSLSocket", val_from_ptr(&ssl_type_socket)) < 0 ||
        module_add(m, "MemoryBIO", val_from_ptr(&ssl_type_memory_bio)) < 0 ||
        module_add(m, "SSLSession", val_from_ptr(&ssl_type_session)) < 0 ||
        module_add(m, "Certificate", val_from_ptr(&ssl_type_certificate)) < 0 ||
        module_add(m, "SSLError", ssl_exc_error) < 0 ||
        module_add(m, "SSLZeroReturnError", ssl_exc_zero_return) < 0 ||
        module_add(m, "SSLWantReadError", ssl_exc_want_read) < 0 ||
        module_add(m, "SSLWantWriteError", ssl_exc_want_write) < 0 ||
        module_add(m, "SSLSyscallError", ssl_exc_syscall) < 0 ||
        module_add(m, "SSLEOFError", ssl_exc_eof) < 0 ||
        module_add(m, "SSLCertVerificationError", ssl_exc_cert_verification) < 0 ||
        module_add(m, "_DEFAULT_CIPHERS", str_from_cstr("ALL:!COMPLEMENTOFDEFAULT:!eNULL")) < 0) {
        return 0;
    }
    for (const SslConst *c = ssl_constants; c->name; c++) {
        if (module_add(m, c->name, int_from_i64(c->value)) < 0) {
            return 0;
        }
    }
    for (const SslConst *c = ssl_flags; c->name; c++) {
        if (module_add(m, c->name, val_bool((int)c->value)) < 0) {
            return 0;
        }
    }
    unsigned long runtime = OpenSSL_version_num();
    const char *text = OpenSSL_version(OPENSSL_VERSION);
    if (module_add(m, "OPENSSL_VERSION_NUMBER", int_from_i64((int64_t)runtime)) < 0 ||
        module_add(m, "OPENSSL_VERSION_INFO", version_info(runtime)) < 0 ||
        module_add(m, "OPENSSL_VERSION", str_from_cstr(text)) < 0 ||
        module_add(m, "_OPENSSL_API_VERSION", version_info(OPENSSL_VERSION_NUMBER)) < 0 ||
        !error_dicts(m)) {
        return 0;
    }
    module_obj(m)->builtin = 1;
    gc_add_root(&module);
    module = m;
    return m;
}

MODULE_DYNLOAD_INIT(_ssl, ssl_module_init)
