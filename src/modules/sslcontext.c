// sslcontext.c - _ssl._SSLContext, the configuration ssl.SSLContext
// subclasses: one SSL_CTX (protocol, options, verification, certificates,
// ciphers, ALPN, callbacks) from which each connection's SSL is made
// (_wrap_socket, _wrap_bio, in sslsocket.c).
//
// A new context gets CPython 3.11's defaults (as Debian builds it): the
// OpenSSL cipher list, OP_ALL without DONT_INSERT_EMPTY_FRAGMENTS plus
// NO_SSLv3, NO_COMPRESSION, CIPHER_SERVER_PREFERENCE and
// IGNORE_UNEXPECTED_EOF, X509_V_FLAG_TRUSTED_FIRST, no partial
// wildcards, and for PROTOCOL_TLS_CLIENT check_hostname with CERT_REQUIRED.
//
// Callbacks (password, SNI, message, key log) run Python code while an
// OpenSSL call is in progress; an exception they raise is kept on the
// _SSLSocket and chained to the SSLError of the call (ssl_raise_call), or
// reported as unraisable where CPython does.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

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
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/type.h"
#include "../runtime/weakref.h"
#include "modules.h"
#include "ssl.h"

#define FN(name) static Value name(Value self, const Value *args, size_t nargs, Value kwnames)

static SslContext *ctx_of(Value v) { return (SslContext *)val_ptr(v); }

// An int argument that must fit a C long (CPython's "l" format).
static int long_arg(Value v, int64_t *out) {
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
    return i ? int_to_i64(i, out) : -1;
}

// An int as an unsigned 64-bit value (PyLong_AsUnsignedLongLong).
static int u64_arg(Value v, uint64_t *out) {
    int64_t x;
    if (int_to_i64(v, &x) == 0) {
        if (x < 0) {
            err_format(&exc_OverflowError, "can't convert negative int to unsigned");
            return -1;
        }
        *out = (uint64_t)x;
        return 0;
    }
    err_clear();
    IntObject *big = (IntObject *)val_ptr(v);
    if (big->size != 1) {
        err_format(&exc_OverflowError, big->size < 0 ? "can't convert negative int to unsigned"
                                                     : "int too big to convert");
        return -1;
    }
    *out = big->limbs[0];
    return 0;
}

static int is_callable(Value v) { return type_of(v)->call != NULL; }

// ---- creation -----------------------------------------------------------------------------

static int set_verify_mode(SslContext *c, int64_t mode) {
    int m;
    switch (mode) {
    case 0:
        m = SSL_VERIFY_NONE;
        break;
    case 1:
        m = SSL_VERIFY_PEER;
        break;
    case 2:
        m = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
        break;
    default:
        err_format(&exc_ValueError, "invalid value for verify_mode");
        return -1;
    }
    SSL_CTX_set_verify(c->ctx, m, SSL_CTX_get_verify_callback(c->ctx));
    return 0;
}

static Value context_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    if (args_no_keywords("_SSLContext", kwnames) < 0 ||
        args_check_positional("_SSLContext", nargs, 1, 1) < 0) {
        return 0;
    }
    int64_t proto;
    if (long_arg(args[0], &proto) < 0) {
        return 0;
    }
    const SSL_METHOD *method = NULL;
    const char *deprecated = NULL;
    switch (proto) {
    case SSL_PY_PROTOCOL_TLSv1:
        deprecated = "ssl.PROTOCOL_TLSv1 is deprecated";
        method = TLS_method();
        break;
    case SSL_PY_PROTOCOL_TLSv1_1:
        deprecated = "ssl.PROTOCOL_TLSv1_1 is deprecated";
        method = TLS_method();
        break;
    case SSL_PY_PROTOCOL_TLSv1_2:
        deprecated = "ssl.PROTOCOL_TLSv1_2 is deprecated";
        method = TLS_method();
        break;
    case SSL_PY_PROTOCOL_TLS:
        deprecated = "ssl.PROTOCOL_TLS is deprecated";
        method = TLS_method();
        break;
    case SSL_PY_PROTOCOL_TLS_CLIENT:
        method = TLS_client_method();
        break;
    case SSL_PY_PROTOCOL_TLS_SERVER:
        method = TLS_server_method();
        break;
    }
    if (deprecated && err_warn(&exc_DeprecationWarning, 2, "%s", deprecated) < 0) {
        return 0;
    }
    if (!method) {
        return err_format(&exc_ValueError, "invalid or unsupported protocol version %d", (int)proto);
    }
    SSL_CTX *ctx = SSL_CTX_new(method);
    if (!ctx) {
        return ssl_raise_openssl(NULL, SSL_LINE_CONTEXT_NEW);
    }
    // The fixed-version protocols are TLS_method pinned to one version.
    int pin = proto == SSL_PY_PROTOCOL_TLSv1     ? TLS1_VERSION
              : proto == SSL_PY_PROTOCOL_TLSv1_1 ? TLS1_1_VERSION
              : proto == SSL_PY_PROTOCOL_TLSv1_2 ? TLS1_2_VERSION
                                                 : 0;
    if (pin) {
        SSL_CTX_set_min_proto_version(ctx, pin);
        SSL_CTX_set_max_proto_version(ctx, pin);
    }
    Type *t = type_ptr(type);
    SslContext *c = (SslContext *)gc_alloc(t, t->basic_size);
    if (!c) {
        SSL_CTX_free(ctx);
        return 0;
    }
    c->ctx = ctx;
    c->protocol = (int)proto;
    c->hostflags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    SSL_CTX_set_app_data(ctx, c);
    if (proto == SSL_PY_PROTOCOL_TLS_CLIENT) {
        c->check_hostname = 1;
        set_verify_mode(c, 2);
    } else {
        set_verify_mode(c, 0);
    }
    uint64_t options = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv3 |
                       SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE |
                       SSL_OP_IGNORE_UNEXPECTED_EOF;
    SSL_CTX_set_options(ctx, options);
    SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
    static const char sid_ctx[] = "Python";
    SSL_CTX_set_session_id_context(ctx, (const unsigned char *)sid_ctx, sizeof(sid_ctx));
    X509_VERIFY_PARAM *params = SSL_CTX_get0_param(ctx);
    X509_VERIFY_PARAM_set_flags(params, X509_V_FLAG_TRUSTED_FIRST);
    X509_VERIFY_PARAM_set_hostflags(params, c->hostflags);
    SSL_CTX_set_post_handshake_auth(ctx, 0);
    return val_from_ptr(c);
}

static void context_trace(Object *o, GcTracer *t) {
    SslContext *c = (SslContext *)o;
    gc_trace_value(t, c->sni_callback);
    gc_trace_value(t, c->msg_callback);
    gc_trace_value(t, c->keylog_filename);
}

static void context_free(Object *o) {
    SslContext *c = (SslContext *)o;
    if (c->keylog_bio) {
        BIO_free_all(c->keylog_bio);
        c->keylog_bio = NULL;
    }
    if (c->ctx) {
        SSL_CTX_set_app_data(c->ctx, NULL);
        SSL_CTX_free(c->ctx);
        c->ctx = NULL;
    }
    free(c->alpn);
    c->alpn = NULL;
}

// ---- ciphers and ALPN -------------------------------------------------------------------

static Value str_arg(Value v, const char *fname) {
    if (!val_is_str(v)) {
        return err_format(&exc_TypeError, "%s() argument must be str, not %s", fname,
                          obj_type_name(v));
    }
    if (memchr(str_obj(v)->data, 0, str_obj(v)->nbytes)) {
        return err_format(&exc_ValueError, "embedded null character");
    }
    return v;
}

FN(context_set_ciphers) {
    if (method_check_args("_SSLContext.set_ciphers", nargs, kwnames, 1, 1) < 0 ||
        !str_arg(args[0], "set_ciphers")) {
        return 0;
    }
    if (!SSL_CTX_set_cipher_list(ctx_of(self)->ctx, str_obj(args[0])->data)) {
        ERR_clear_error();
        return ssl_raise_plain("No cipher can be selected.");
    }
    return VAL_NONE;
}

static Value cipher_dict(const SSL_CIPHER *cipher) {
    char buf[512];
    SSL_CIPHER_description(cipher, buf, sizeof(buf));
    size_t len = strlen(buf);
    if (len > 1 && buf[len - 1] == '\n') {
        buf[len - 1] = 0;
    }
    int alg_bits;
    int strength = SSL_CIPHER_get_bits(cipher, &alg_bits);
    int nids[4] = {SSL_CIPHER_get_cipher_nid(cipher), SSL_CIPHER_get_digest_nid(cipher),
                   SSL_CIPHER_get_kx_nid(cipher), SSL_CIPHER_get_auth_nid(cipher)};
    static const char *const nid_keys[4] = {"symmetric", "digest", "kea", "auth"};
    Value d = dict_new();
    const char *name = SSL_CIPHER_get_name(cipher), *proto = SSL_CIPHER_get_version(cipher);
    if (!d || dict_set_cstr(d, "id", int_from_i64((int64_t)SSL_CIPHER_get_id(cipher))) < 0 ||
        dict_set_cstr(d, "name", name ? str_from_cstr(name) : VAL_NONE) < 0 ||
        dict_set_cstr(d, "protocol", proto ? str_from_cstr(proto) : VAL_NONE) < 0 ||
        dict_set_cstr(d, "description", str_from_cstr(buf)) < 0 ||
        dict_set_cstr(d, "strength_bits", int_from_i64(strength)) < 0 ||
        dict_set_cstr(d, "alg_bits", int_from_i64(alg_bits)) < 0 ||
        dict_set_cstr(d, "aead", val_bool(SSL_CIPHER_is_aead(cipher))) < 0) {
        return 0;
    }
    for (int i = 0; i < 4; i++) {
        const char *ln = nids[i] != NID_undef ? OBJ_nid2ln(nids[i]) : NULL;
        if (dict_set_cstr(d, nid_keys[i], ln ? str_from_cstr(ln) : VAL_NONE) < 0) {
            return 0;
        }
    }
    return d;
}

FN(context_get_ciphers) {
    if (method_check_args("_SSLContext.get_ciphers", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SSL *ssl = SSL_new(ctx_of(self)->ctx);
    if (!ssl) {
        return ssl_raise_openssl(NULL, SSL_LINE_CIPHERS);
    }
    STACK_OF(SSL_CIPHER) *ciphers = SSL_get_ciphers(ssl);
    Value list = list_new(0);
    for (int i = 0; list && i < sk_SSL_CIPHER_num(ciphers); i++) {
        Value d = cipher_dict(sk_SSL_CIPHER_value(ciphers, i));
        if (!d || list_append(list, d) < 0) {
            list = 0;
        }
    }
    SSL_free(ssl);
    return list;
}

// The server's ALPN choice: the first of the client's protocols that the
// context lists (OpenSSL's SSL_select_next_proto, preferring ours).
static int alpn_select_cb(SSL *ssl, const unsigned char **out, unsigned char *outlen,
                          const unsigned char *client, unsigned int client_len, void *arg) {
    SslContext *c = arg;
    const unsigned char *ours = c->alpn ? c->alpn : (const unsigned char *)"";
    unsigned int ours_len = c->alpn ? c->alpn_len : 0;
    int r = SSL_select_next_proto((unsigned char **)out, outlen, ours, ours_len, client, client_len);
    return r == OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_NOACK;
}

FN(context_set_alpn_protocols) {
    if (method_check_args("_SSLContext._set_alpn_protocols", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Buffer view;
    if (buffer_get_bytes_like(args[0], &view) < 0) {
        return 0;
    }
    SslContext *c = ctx_of(self);
    if (view.len > UINT_MAX) {
        buffer_release(&view);
        return err_format(&exc_OverflowError, "protocols longer than %u bytes", UINT_MAX);
    }
    unsigned char *copy = malloc(view.len ? (size_t)view.len : 1);
    if (!copy) {
        buffer_release(&view);
        return err_no_memory();
    }
    memcpy(copy, view.buf, (size_t)view.len);
    free(c->alpn);
    c->alpn = copy;
    c->alpn_len = (unsigned int)view.len;
    buffer_release(&view);
    if (SSL_CTX_set_alpn_protos(c->ctx, c->alpn, c->alpn_len)) {
        return err_no_memory();
    }
    SSL_CTX_set_alpn_select_cb(c->ctx, alpn_select_cb, c);
    return VAL_NONE;
}

// ---- certificates and keys ---------------------------------------------------------------------

// The password of load_cert_chain: given (str, bytes, bytearray) or a
// callable asked when OpenSSL needs it.
typedef struct PasswordInfo {
    Value callable;     // or 0
    Value password;     // bytes, or 0
    int error;          // the callable failed: its exception is pending
} PasswordInfo;

static Value password_bytes(Value v, const char *type_error) {
    if (val_is_str(v)) {
        return codec_encode(v, "utf-8", "strict");
    }
    if (val_is_bytes(v)) {
        return v;
    }
    if (bytearray_check(v)) {
        Buffer view;
        if (buffer_get(v, &view, BUFFER_SIMPLE) <= 0) {
            return 0;
        }
        Value b = bytes_from(view.buf, (size_t)view.len);
        buffer_release(&view);
        return b;
    }
    return err_format(&exc_TypeError, "%s", type_error);
}

static int password_cb(char *buf, int size, int rwflag, void *userdata) {
    PasswordInfo *pw = userdata;
    if (pw->error) {
        return -1;
    }
    if (pw->callable) {
        Value r = obj_call0(pw->callable);
        if (!r) {
            pw->error = 1;
            return -1;
        }
        pw->password = password_bytes(r, "password callback must return a string");
        if (!pw->password) {
            pw->error = 1;
            return -1;
        }
    }
    if (!pw->password) {
        return 0;
    }
    size_t len = bytes_len(pw->password);
    if (len > INT_MAX) {
        err_format(&exc_OverflowError, "password cannot be longer than %d bytes", INT_MAX);
        pw->error = 1;
        return -1;
    }
    if ((int)len > size) {
        err_format(&exc_ValueError, "password cannot be longer than %d bytes", size);
        pw->error = 1;
        return -1;
    }
    memcpy(buf, bytes_data(pw->password), len);
    return (int)len;
}

FN(context_load_cert_chain) {
    static const char *const names[] = {"certfile", "keyfile", "password", NULL};
    ArgSpec spec = {"load_cert_chain", 0, names, 1, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    SslContext *c = ctx_of(self);
    Value certfile = ssl_path_bytes(a[0], "certfile should be a valid filesystem path");
    if (!certfile) {
        return 0;
    }
    Value keyfile = 0;
    if (a[1] && a[1] != VAL_NONE) {
        keyfile = ssl_path_bytes(a[1], "keyfile should be a valid filesystem path");
        if (!keyfile) {
            return 0;
        }
    }
    PasswordInfo pw = {0, 0, 0};
    pem_password_cb *orig_cb = SSL_CTX_get_default_passwd_cb(c->ctx);
    void *orig_data = SSL_CTX_get_default_passwd_cb_userdata(c->ctx);
    if (a[2] && a[2] != VAL_NONE) {
        if (is_callable(a[2])) {
            pw.callable = a[2];
        } else {
            pw.password = password_bytes(a[2], "password should be a string or callable");
            if (!pw.password) {
                return 0;
            }
            if (bytes_len(pw.password) > INT_MAX) {
                return err_format(&exc_OverflowError, "password cannot be longer than %d bytes",
                                  INT_MAX);
            }
        }
        SSL_CTX_set_default_passwd_cb(c->ctx, password_cb);
        SSL_CTX_set_default_passwd_cb_userdata(c->ctx, &pw);
    }
    Value result = 0;
    errno = 0;
    int r = SSL_CTX_use_certificate_chain_file(c->ctx, bytes_data(certfile));
    if (r != 1) {
        if (pw.error) {
            ERR_clear_error();
        } else if (errno != 0) {
            err_from_errno(errno, 0, 0);
            ERR_clear_error();
        } else {
            ssl_raise_openssl(NULL, SSL_LINE_CERT_CHAIN);
        }
        goto done;
    }
    errno = 0;
    r = SSL_CTX_use_PrivateKey_file(c->ctx, bytes_data(keyfile ? keyfile : certfile),
                                    SSL_FILETYPE_PEM);
    if (r != 1) {
        if (pw.error) {
            ERR_clear_error();
        } else if (errno != 0) {
            err_from_errno(errno, 0, 0);
            ERR_clear_error();
        } else {
            ssl_raise_openssl(NULL, SSL_LINE_PRIVATE_KEY);
        }
        goto done;
    }
    if (SSL_CTX_check_private_key(c->ctx) != 1) {
        ssl_raise_openssl(NULL, SSL_LINE_CHECK_KEY);
        goto done;
    }
    result = VAL_NONE;
done:
    SSL_CTX_set_default_passwd_cb(c->ctx, orig_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, orig_data);
    return result;
}

// Add the certificates of cadata (PEM text or DER bytes) to the store.
static int add_ca_certs(SslContext *c, const char *data, size_t len, int filetype) {
    if (len == 0) {
        err_format(&exc_ValueError, "Empty certificate data");
        return -1;
    }
    if (len > INT_MAX) {
        err_format(&exc_OverflowError, "Certificate data is too long.");
        return -1;
    }
    BIO *bio = BIO_new_mem_buf(data, (int)len);
    if (!bio) {
        ssl_raise_openssl("Can't allocate buffer", SSL_LINE_CADATA);
        return -1;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(c->ctx);
    int loaded = 0;
    for (;;) {
        X509 *cert = filetype == SSL_FILETYPE_ASN1
                         ? d2i_X509_bio(bio, NULL)
                         : PEM_read_bio_X509(bio, NULL, SSL_CTX_get_default_passwd_cb(c->ctx),
                                             SSL_CTX_get_default_passwd_cb_userdata(c->ctx));
        if (!cert) {
            break;
        }
        int r = X509_STORE_add_cert(store, cert);
        X509_free(cert);
        if (!r) {
            unsigned long e = ERR_peek_last_error();
            if (ERR_GET_LIB(e) == ERR_LIB_X509 && ERR_GET_REASON(e) == X509_R_CERT_ALREADY_IN_HASH_TABLE) {
                ERR_clear_error();
            } else {
                break;
            }
        }
        loaded++;
    }
    BIO_free(bio);
    unsigned long e = ERR_peek_last_error();
    if (loaded == 0) {
        ssl_raise_openssl(filetype == SSL_FILETYPE_PEM
                              ? "no start line: cadata does not contain a certificate"
                              : "not enough data: cadata does not contain a certificate",
                          SSL_LINE_CADATA);
        return -1;
    }
    if ((filetype == SSL_FILETYPE_ASN1 && ERR_GET_LIB(e) == ERR_LIB_ASN1 &&
         ERR_GET_REASON(e) == ASN1_R_HEADER_TOO_LONG) ||
        (filetype == SSL_FILETYPE_PEM && ERR_GET_LIB(e) == ERR_LIB_PEM &&
         ERR_GET_REASON(e) == PEM_R_NO_START_LINE)) {
        ERR_clear_error();
        return 0;
    }
    if (e != 0) {
        ssl_raise_openssl(NULL, SSL_LINE_CADATA_ADD);
        return -1;
    }
    return 0;
}

FN(context_load_verify_locations) {
    static const char *const names[] = {"cafile", "capath", "cadata", NULL};
    ArgSpec spec = {"load_verify_locations", 0, names, 0, 3, 0};
    Value a[3];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 3; i++) {
        if (a[i] == VAL_NONE) {
            a[i] = 0;
        }
    }
    if (!a[0] && !a[1] && !a[2]) {
        return err_format(&exc_TypeError, "cafile, capath and cadata cannot be all omitted");
    }
    SslContext *c = ctx_of(self);
    Value cafile = 0, capath = 0;
    if (a[0] && !(cafile = ssl_path_bytes(a[0], "cafile should be a valid filesystem path"))) {
        return 0;
    }
    if (a[1] && !(capath = ssl_path_bytes(a[1], "capath should be a valid filesystem path"))) {
        return 0;
    }
    if (a[2]) {
        int r;
        if (val_is_str(a[2])) {
            Value ascii = codec_encode(a[2], "ascii", "strict");
            if (!ascii) {
                if (err_matches(&exc_UnicodeEncodeError)) {
                    err_clear();
                    return err_format(&exc_TypeError,
                                      "cadata should be an ASCII string or a bytes-like object");
                }
                return 0;
            }
            r = add_ca_certs(c, bytes_data(ascii), bytes_len(ascii), SSL_FILETYPE_PEM);
        } else {
            Buffer view;
            int got = buffer_get(a[2], &view, BUFFER_SIMPLE);
            if (got < 0) {
                return 0;
            }
            if (got == 0) {
                return err_format(&exc_TypeError,
                                  "cadata should be an ASCII string or a bytes-like object");
            }
            Value copy = bytes_from(view.buf, (size_t)view.len);
            buffer_release(&view);
            if (!copy) {
                return 0;
            }
            r = add_ca_certs(c, bytes_data(copy), bytes_len(copy), SSL_FILETYPE_ASN1);
        }
        if (r < 0) {
            return 0;
        }
    }
    if (cafile || capath) {
        errno = 0;
        int r = SSL_CTX_load_verify_locations(c->ctx, cafile ? bytes_data(cafile) : NULL,
                                              capath ? bytes_data(capath) : NULL);
        if (r != 1) {
            if (errno != 0) {
                err_from_errno(errno, 0, 0);
                ERR_clear_error();
                return 0;
            }
            return ssl_raise_openssl(NULL, SSL_LINE_VERIFY_LOCATIONS);
        }
    }
    return VAL_NONE;
}

FN(context_load_dh_params) {
    if (method_check_args("_SSLContext.load_dh_params", nargs, kwnames, 1, 1) < 0) {
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
    FILE *f = fopen(bytes_data(path), "rb");
    if (!f) {
        return err_from_errno(errno, args[0], 0);
    }
    errno = 0;
    // PEM_read_DHparams as CPython (its errors are the ones programs see);
    // deprecated in OpenSSL 3 in favour of the decoders.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    DH *dh = PEM_read_DHparams(f, NULL, NULL, NULL);
    int saved = errno;
    fclose(f);
    if (!dh) {
        if (saved != 0) {
            ERR_clear_error();
            return err_from_errno(saved, args[0], 0);
        }
        return ssl_raise_openssl(NULL, SSL_LINE_DH_PARAMS);
    }
    int ok = SSL_CTX_set_tmp_dh(ctx_of(self)->ctx, dh);
    DH_free(dh);
#pragma GCC diagnostic pop
    if (!ok) {
        return ssl_raise_openssl(NULL, SSL_LINE_DH_SET);
    }
    return VAL_NONE;
}

FN(context_set_default_verify_paths) {
    if (method_check_args("_SSLContext.set_default_verify_paths", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    if (!SSL_CTX_set_default_verify_paths(ctx_of(self)->ctx)) {
        return ssl_raise_openssl(NULL, SSL_LINE_DEFAULT_PATHS);
    }
    return VAL_NONE;
}

FN(context_set_ecdh_curve) {
    if (method_check_args("_SSLContext.set_ecdh_curve", nargs, kwnames, 1, 1) < 0) {
        return 0;
    }
    Value name = ssl_path_bytes(args[0], "expected str, bytes or os.PathLike object");
    if (!name) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                       obj_type_name(args[0]));
        }
        return 0;
    }
    int nid = OBJ_sn2nid(bytes_data(name));
    if (nid == 0) {
        Value r = obj_repr(args[0]);
        return r ? err_format(&exc_ValueError, "unknown elliptic curve name %s", str_obj(r)->data) : 0;
    }
    // Through an EC_KEY as Debian's CPython 3.11 (deprecated in OpenSSL 3,
    // but only it refuses the curves that are not EC groups, X448, with
    // CPython's error).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    EC_KEY *key = EC_KEY_new_by_curve_name(nid);
    if (!key) {
        return ssl_raise_openssl(NULL, SSL_LINE_ECDH_CURVE);
    }
    SSL_CTX_set_tmp_ecdh(ctx_of(self)->ctx, key);
    EC_KEY_free(key);
#pragma GCC diagnostic pop
    return VAL_NONE;
}

// ---- statistics and the certificate store ------------------------------------------------------

FN(context_session_stats) {
    if (method_check_args("_SSLContext.session_stats", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    SSL_CTX *ctx = ctx_of(self)->ctx;
    struct {
        const char *key;
        long value;
    } stats[] = {
        {"number", SSL_CTX_sess_number(ctx)},
        {"connect", SSL_CTX_sess_connect(ctx)},
        {"connect_good", SSL_CTX_sess_connect_good(ctx)},
        {"connect_renegotiate", SSL_CTX_sess_connect_renegotiate(ctx)},
        {"accept", SSL_CTX_sess_accept(ctx)},
        {"accept_good", SSL_CTX_sess_accept_good(ctx)},
        {"accept_renegotiate", SSL_CTX_sess_accept_renegotiate(ctx)},
        {"hits", SSL_CTX_sess_hits(ctx)},
        {"misses", SSL_CTX_sess_misses(ctx)},
        {"timeouts", SSL_CTX_sess_timeouts(ctx)},
        {"cache_full", SSL_CTX_sess_cache_full(ctx)},
    };
    Value d = dict_new();
    for (size_t i = 0; d && i < sizeof(stats) / sizeof(stats[0]); i++) {
        if (dict_set_cstr(d, stats[i].key, int_from_i64(stats[i].value)) < 0) {
            return 0;
        }
    }
    return d;
}

FN(context_cert_store_stats) {
    if (method_check_args("_SSLContext.cert_store_stats", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ctx_of(self)->ctx);
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    int x509 = 0, crl = 0, ca = 0;
    for (int i = 0; i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *obj = sk_X509_OBJECT_value(objs, i);
        switch (X509_OBJECT_get_type(obj)) {
        case X509_LU_X509:
            x509++;
            if (X509_check_ca(X509_OBJECT_get0_X509(obj))) {
                ca++;
            }
            break;
        case X509_LU_CRL:
            crl++;
            break;
        default:
            break;
        }
    }
    Value d = dict_new();
    if (!d || dict_set_cstr(d, "x509", int_from_i64(x509)) < 0 ||
        dict_set_cstr(d, "crl", int_from_i64(crl)) < 0 ||
        dict_set_cstr(d, "x509_ca", int_from_i64(ca)) < 0) {
        return 0;
    }
    return d;
}

FN(context_get_ca_certs) {
    static const char *const names[] = {"binary_form", NULL};
    ArgSpec spec = {"get_ca_certs", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int binary = 0;
    if (a[0] && (binary = obj_truthy(a[0])) < 0) {
        return 0;
    }
    X509_STORE *store = SSL_CTX_get_cert_store(ctx_of(self)->ctx);
    STACK_OF(X509_OBJECT) *objs = X509_STORE_get0_objects(store);
    Value list = list_new(0);
    for (int i = 0; list && i < sk_X509_OBJECT_num(objs); i++) {
        X509_OBJECT *obj = sk_X509_OBJECT_value(objs, i);
        if (X509_OBJECT_get_type(obj) != X509_LU_X509) {
            continue;
        }
        X509 *cert = X509_OBJECT_get0_X509(obj);
        if (!X509_check_ca(cert)) {
            continue;
        }
        Value item = binary ? ssl_certificate_der(cert) : ssl_decode_certificate(cert);
        if (!item || list_append(list, item) < 0) {
            return 0;
        }
    }
    return list;
}

// ---- wrapping -------------------------------------------------------------------------------

static int server_side_arg(Value v, int *out) {
    int64_t x;
    if (long_arg(v, &x) < 0) {
        return -1;
    }
    *out = x != 0;
    return 0;
}

FN(context_wrap_socket) {
    static const char *const names[] = {"sock", "server_side", "server_hostname", "owner", "session", NULL};
    ArgSpec spec = {"_wrap_socket", 0, names, 2, 3, 0};
    Value a[5];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    Value socket_mod = modules_import_builtin(str_from_cstr("_socket"), 0);
    Value socket_type = socket_mod ? obj_getattr_cstr(socket_mod, "socket") : 0;
    if (!socket_type) {
        return 0;
    }
    if (!type_is_subtype(type_of(a[0]), type_ptr(socket_type))) {
        return err_format(&exc_TypeError, "_wrap_socket() argument 'sock' must be _socket.socket, not %s",
                          obj_type_name(a[0]));
    }
    int server_side;
    if (server_side_arg(a[1], &server_side) < 0) {
        return 0;
    }
    return ssl_socket_new(self, a[0], server_side, a[2] ? a[2] : VAL_NONE,
                          a[3] ? a[3] : VAL_NONE, a[4] ? a[4] : VAL_NONE, 0, 0);
}

FN(context_wrap_bio) {
    static const char *const names[] = {"incoming", "outgoing", "server_side", "server_hostname",
                                        "owner", "session", NULL};
    ArgSpec spec = {"_wrap_bio", 0, names, 3, 4, 0};
    Value a[6];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    for (int i = 0; i < 2; i++) {
        if (!type_is_subtype(type_of(a[i]), &ssl_type_memory_bio)) {
            return err_format(&exc_TypeError, "_wrap_bio() argument '%s' must be _ssl.MemoryBIO, not %s",
                              names[i], obj_type_name(a[i]));
        }
    }
    int server_side;
    if (server_side_arg(a[2], &server_side) < 0) {
        return 0;
    }
    return ssl_socket_new(self, 0, server_side, a[3] ? a[3] : VAL_NONE, a[4] ? a[4] : VAL_NONE,
                          a[5] ? a[5] : VAL_NONE, a[0], a[1]);
}

// ---- attributes ----------------------------------------------------------------------------

static Value get_protocol(Value self) { return int_from_i64(ctx_of(self)->protocol); }

static Value get_verify_mode(Value self) {
    int m = SSL_CTX_get_verify_mode(ctx_of(self)->ctx) &
            (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT);
    switch (m) {
    case SSL_VERIFY_NONE:
        return int_from_i64(0);
    case SSL_VERIFY_PEER:
        return int_from_i64(1);
    case SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT:
        return int_from_i64(2);
    }
    return ssl_raise_plain("invalid return value from SSL_CTX_get_verify_mode");
}

// Deleting an attribute: CPython's setters parse NULL with PyArg_Parse,
// which says this; the few that check first say "cannot delete attribute".
static int no_delete(Value v) {
    if (!v) {
        err_format(&exc_TypeError, "function takes at least one argument");
        return -1;
    }
    return 0;
}

static int no_delete_attr(Value v) {
    if (!v) {
        err_format(&exc_AttributeError, "cannot delete attribute");
        return -1;
    }
    return 0;
}

// The low 64 bits of an int (CPython's "k" format, PyLong_AsUnsignedLongMask).
static int mask_arg(Value v, uint64_t *out) {
    Value low = obj_binop(v, int_from_u64(UINT64_MAX), BINOP_AND);
    return low ? u64_arg(low, out) : -1;
}

static int set_verify_mode_attr(Value self, Value v) {
    int64_t mode;
    if (no_delete(v) < 0 || long_arg(v, &mode) < 0) {
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (mode == 0 && c->check_hostname) {
        err_format(&exc_ValueError,
                   "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        return -1;
    }
    return set_verify_mode(c, mode);
}

static Value get_verify_flags(Value self) {
    X509_VERIFY_PARAM *p = SSL_CTX_get0_param(ctx_of(self)->ctx);
    return int_from_u64((uint64_t)X509_VERIFY_PARAM_get_flags(p));
}

static int set_verify_flags(Value self, Value v) {
    uint64_t flags;
    if (no_delete(v) < 0) {
        return -1;
    }
    if (!int_check(v)) {
        err_format(&exc_TypeError, "argument must be int, not %s", obj_type_name(v));
        return -1;
    }
    if (mask_arg(v, &flags) < 0) {
        return -1;
    }
    X509_VERIFY_PARAM *p = SSL_CTX_get0_param(ctx_of(self)->ctx);
    unsigned long now = X509_VERIFY_PARAM_get_flags(p);
    unsigned long clear = now & ~(unsigned long)flags, set = ~now & (unsigned long)flags;
    if ((clear && !X509_VERIFY_PARAM_clear_flags(p, clear)) ||
        (set && !X509_VERIFY_PARAM_set_flags(p, set))) {
        ssl_raise_openssl(NULL, SSL_LINE_CONTEXT_NEW);
        return -1;
    }
    return 0;
}

// Options go in and out as a C long, as CPython's.
static Value get_options(Value self) {
    return int_from_i64((int64_t)SSL_CTX_get_options(ctx_of(self)->ctx));
}

static int set_options(Value self, Value v) {
    int64_t signed_want;
    if (no_delete(v) < 0 || long_arg(v, &signed_want) < 0) {
        return -1;
    }
    uint64_t want = (uint64_t)signed_want;
    SSL_CTX *ctx = ctx_of(self)->ctx;
    uint64_t now = SSL_CTX_get_options(ctx);
    uint64_t no_versions = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 |
                           SSL_OP_NO_TLSv1_2 | SSL_OP_NO_TLSv1_3;
    if ((want & no_versions) != (now & no_versions) &&
        err_warn(&exc_DeprecationWarning, 2, "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated") < 0) {
        return -1;
    }
    uint64_t clear = now & ~want, set = ~now & want;
    if (clear) {
        SSL_CTX_clear_options(ctx, clear);
    }
    if (set) {
        SSL_CTX_set_options(ctx, set);
    }
    return 0;
}

static Value get_check_hostname(Value self) { return val_bool(ctx_of(self)->check_hostname); }

static int set_check_hostname(Value self, Value v) {
    if (no_delete(v) < 0) {
        return -1;
    }
    int on = obj_truthy(v);
    if (on < 0) {
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (on && SSL_CTX_get_verify_mode(c->ctx) == SSL_VERIFY_NONE && set_verify_mode(c, 2) < 0) {
        return -1;
    }
    c->check_hostname = on;
    return 0;
}

static Value get_host_flags(Value self) { return int_from_i64(ctx_of(self)->hostflags); }

static int set_host_flags(Value self, Value v) {
    if (no_delete(v) < 0) {
        return -1;
    }
    if (float_check(v) || (!int_check(v) && !type_of(v)->index)) {
        err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                   obj_type_name(v));
        return -1;
    }
    Value i = obj_index(v);
    uint64_t flags;
    if (!i || mask_arg(i, &flags) < 0) {
        return -1;
    }
    SslContext *c = ctx_of(self);
    X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(c->ctx), (unsigned int)flags);
    c->hostflags = (unsigned int)flags;
    return 0;
}

static Value version_value(int v, int fallback) {
    return int_from_i64(v == 0 ? fallback : v);
}

static Value get_minimum_version(Value self) {
    return version_value((int)SSL_CTX_get_min_proto_version(ctx_of(self)->ctx), -2);
}

static Value get_maximum_version(Value self) {
    return version_value((int)SSL_CTX_get_max_proto_version(ctx_of(self)->ctx), -1);
}

static int set_version(Value self, Value arg, int maximum) {
    int64_t v;
    if (no_delete(arg) < 0 || long_arg(arg, &v) < 0) {
        return -1;
    }
    if (v > INT_MAX) {
        err_format(&exc_OverflowError, "Option is too long");
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (c->protocol != SSL_PY_PROTOCOL_TLS && c->protocol != SSL_PY_PROTOCOL_TLS_CLIENT &&
        c->protocol != SSL_PY_PROTOCOL_TLS_SERVER) {
        err_format(&exc_ValueError,
                   "The context's protocol doesn't support modification of highest and lowest version.");
        return -1;
    }
    const char *deprecated = NULL;
    switch (v) {
    case SSL3_VERSION:
        deprecated = "ssl.TLSVersion.SSLv3 is deprecated";
        break;
    case TLS1_VERSION:
        deprecated = "ssl.TLSVersion.TLSv1 is deprecated";
        break;
    case TLS1_1_VERSION:
        deprecated = "ssl.TLSVersion.TLSv1_1 is deprecated";
        break;
    case -2:
    case -1:
    case TLS1_2_VERSION:
    case TLS1_3_VERSION:
        break;
    default:
        err_format(&exc_ValueError, "Unsupported TLS/SSL version 0x%x", (unsigned)v);
        return -1;
    }
    if (deprecated && err_warn(&exc_DeprecationWarning, 2, "%s", deprecated) < 0) {
        return -1;
    }
    int r;
    if (!maximum) {
        v = v == -2 ? 0 : v == -1 ? TLS1_3_VERSION : v;
        r = SSL_CTX_set_min_proto_version(c->ctx, (int)v);
    } else {
        v = v == -1 ? 0 : v == -2 ? SSL3_VERSION : v;
        r = SSL_CTX_set_max_proto_version(c->ctx, (int)v);
    }
    if (r == 0) {
        err_format(&exc_ValueError, "Unsupported protocol version 0x%x", (unsigned)v);
        return -1;
    }
    return 0;
}

static int set_minimum_version(Value self, Value v) { return set_version(self, v, 0); }
static int set_maximum_version(Value self, Value v) { return set_version(self, v, 1); }

static Value get_security_level(Value self) {
    return int_from_i64(SSL_CTX_get_security_level(ctx_of(self)->ctx));
}

static Value get_num_tickets(Value self) {
    return int_from_i64((int64_t)SSL_CTX_get_num_tickets(ctx_of(self)->ctx));
}

static int set_num_tickets(Value self, Value v) {
    int64_t n;
    if (no_delete(v) < 0 || long_arg(v, &n) < 0) {
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (n < 0) {
        err_format(&exc_ValueError, "value must be non-negative");
        return -1;
    }
    if (c->protocol != SSL_PY_PROTOCOL_TLS_SERVER) {
        err_format(&exc_ValueError, "SSLContext is not a server context.");
        return -1;
    }
    if (SSL_CTX_set_num_tickets(c->ctx, (size_t)n) != 1) {
        err_format(&exc_ValueError, "failed to set num tickets.");
        return -1;
    }
    return 0;
}

static Value get_post_handshake_auth(Value self) {
    return val_bool(ctx_of(self)->post_handshake_auth);
}

static int set_post_handshake_auth(Value self, Value v) {
    if (no_delete_attr(v) < 0) {
        return -1;
    }
    int on = obj_truthy(v);
    if (on < 0) {
        return -1;
    }
    ctx_of(self)->post_handshake_auth = on;
    return 0;
}

// The object a callback is given for the connection: its owner (the
// ssl.SSLSocket / SSLObject), else the socket, else the _SSLSocket.
static Value callback_subject(SslSocket *s) {
    return s->owner ? s->owner : s->sock ? s->sock : val_from_ptr(s);
}

static int servername_cb(SSL *ssl, int *alert, void *arg) {
    SslSocket *s = ssl_socket_of(ssl);
    if (!s) {
        return SSL_TLSEXT_ERR_OK;
    }
    ssl_callback_enter(s);
    // The context whose SSL_CTX this callback was set on (`arg`): the
    // connection's, or the one it started with if that still lives (the
    // application may drop it once the callback switched contexts).
    SslContext *c = ctx_of(s->ctx);
    if (c->ctx != arg) {
        Value orig = s->orig_ctx ? weakref_referent(s->orig_ctx) : VAL_NONE;
        c = orig != VAL_NONE && ctx_of(orig)->ctx == arg ? ctx_of(orig) : NULL;
    }
    Value keep = c ? val_from_ptr(c) : 0;
    if (!c || !c->sni_callback) {
        ssl_callback_leave(s);
        return SSL_TLSEXT_ERR_OK;
    }
    int ret = SSL_TLSEXT_ERR_OK;
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    Value a[3] = {callback_subject(s), VAL_NONE, val_from_ptr(c)};
    Value result = 0;
    if (name) {
        a[1] = codec_decode(0, name, strlen(name), "ascii", "strict");
    }
    Value cb = c->sni_callback;
    if (a[1]) {
        result = obj_call(cb, a, 3, 0);
    }
    if (!result) {
        err_write_unraisable(cb);
        *alert = SSL_AD_HANDSHAKE_FAILURE;
        ret = SSL_TLSEXT_ERR_ALERT_FATAL;
    } else if (result != VAL_NONE) {
        int64_t al = SSL_AD_INTERNAL_ERROR;
        if (!int_check(result) || obj_as_int64(result, &al) < 0) {
            if (!err_occurred()) {
                err_format(&exc_TypeError, "an integer is required");
            }
            err_write_unraisable(result);
            al = SSL_AD_INTERNAL_ERROR;
        }
        *alert = (int)al;
        ret = SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    gc_keep_alive(keep);
    ssl_callback_leave(s);
    return ret;
}

static Value get_sni_callback(Value self) {
    SslContext *c = ctx_of(self);
    return c->sni_callback ? c->sni_callback : VAL_NONE;
}

static int set_sni_callback(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "not a callable object");
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (c->protocol == SSL_PY_PROTOCOL_TLS_CLIENT) {
        err_format(&exc_ValueError, "sni_callback cannot be set on TLS_CLIENT context");
        return -1;
    }
    if (v == VAL_NONE) {
        c->sni_callback = 0;
        SSL_CTX_set_tlsext_servername_callback(c->ctx, NULL);
        return 0;
    }
    if (!is_callable(v)) {
        SSL_CTX_set_tlsext_servername_callback(c->ctx, NULL);
        err_format(&exc_TypeError, "not a callable object");
        return -1;
    }
    c->sni_callback = v;
    SSL_CTX_set_tlsext_servername_callback(c->ctx, servername_cb);
    SSL_CTX_set_tlsext_servername_arg(c->ctx, c->ctx);
    return 0;
}

void ssl_context_msg_cb(int write_p, int version, int content_type, const void *buf, size_t len,
                   SSL *ssl, void *arg) {
    SslSocket *s = ssl_socket_of(ssl);
    if (!s) {
        return;
    }
    ssl_callback_enter(s);
    SslContext *c = ctx_of(s->ctx);
    if (!c->msg_callback) {
        ssl_callback_leave(s);
        return;
    }
    const unsigned char *p = buf;
    int msg_type;
    switch (content_type) {
    case SSL3_RT_CHANGE_CIPHER_SPEC:
        msg_type = SSL3_MT_CHANGE_CIPHER_SPEC;
        break;
    case SSL3_RT_ALERT:
        msg_type = len > 1 ? p[1] : -1;
        break;
    case SSL3_RT_HANDSHAKE:
        msg_type = len > 0 ? p[0] : -1;
        break;
    case SSL3_RT_HEADER:
        if (len > 2) {
            version = (p[1] << 8) | p[2];
        }
        msg_type = len > 0 ? p[0] : -1;
        break;
    case SSL3_RT_INNER_CONTENT_TYPE:
        msg_type = len > 0 ? p[0] : -1;
        break;
    default:
        msg_type = -1;
        break;
    }
    Value a[6] = {callback_subject(s), str_from_cstr(write_p ? "write" : "read"),
                  int_from_i64(version), int_from_i64(content_type), int_from_i64(msg_type),
                  bytes_from(buf, len)};
    Value r = a[1] && a[5] ? obj_call(c->msg_callback, a, 6, 0) : 0;
    if (!r) {
        ssl_callback_failed(s);
    }
    ssl_callback_leave(s);
}

static Value get_msg_callback(Value self) {
    SslContext *c = ctx_of(self);
    return c->msg_callback ? c->msg_callback : VAL_NONE;
}

static int set_msg_callback(Value self, Value v) {
    if (!v) {
        err_format(&exc_TypeError, "not a callable object");
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (v == VAL_NONE) {
        c->msg_callback = 0;
        SSL_CTX_set_msg_callback(c->ctx, NULL);
        return 0;
    }
    if (!is_callable(v)) {
        SSL_CTX_set_msg_callback(c->ctx, NULL);
        err_format(&exc_TypeError, "not a callable object");
        return -1;
    }
    c->msg_callback = v;
    SSL_CTX_set_msg_callback(c->ctx, ssl_context_msg_cb);
    return 0;
}

static void keylog_cb(const SSL *ssl, const char *line) {
    SslSocket *s = ssl_socket_of(ssl);
    if (!s) {
        return;
    }
    // Under the GIL: another thread may be closing the file.
    ssl_callback_enter(s);
    SslContext *c = ctx_of(s->ctx);
    if (c->keylog_bio) {
        BIO_printf(c->keylog_bio, "%s\n", line);
        BIO_flush(c->keylog_bio);
    }
    ssl_callback_leave(s);
}

static Value get_keylog_filename(Value self) {
    SslContext *c = ctx_of(self);
    return c->keylog_filename ? c->keylog_filename : VAL_NONE;
}

static int set_keylog_filename(Value self, Value v) {
    if (no_delete_attr(v) < 0) {
        return -1;
    }
    SslContext *c = ctx_of(self);
    if (c->keylog_bio) {
        BIO_free_all(c->keylog_bio);
        c->keylog_bio = NULL;
    }
    c->keylog_filename = 0;
    if (v == VAL_NONE) {
        SSL_CTX_set_keylog_callback(c->ctx, NULL);
        return 0;
    }
    Value path = ssl_path_bytes(v, "expected str, bytes or os.PathLike object");
    if (!path) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                       obj_type_name(v));
        }
        return -1;
    }
    FILE *f = fopen(bytes_data(path), "a");
    if (!f) {
        err_from_errno(errno, v, 0);
        return -1;
    }
    c->keylog_bio = BIO_new_fp(f, BIO_CLOSE | BIO_FP_TEXT);
    if (!c->keylog_bio) {
        fclose(f);
        ssl_raise_plain("Can't malloc memory for keylog file");
        return -1;
    }
    // A header for seekable, empty files (not pipes).
    if (BIO_tell(c->keylog_bio) == 0) {
        BIO_puts(c->keylog_bio, "# TLS secrets log file, generated by OpenSSL / Python\n");
        BIO_flush(c->keylog_bio);
    }
    c->keylog_filename = v;
    SSL_CTX_set_keylog_callback(c->ctx, keylog_cb);
    return 0;
}

static const MethodDef context_methods[] = {
    {"_set_alpn_protocols", context_set_alpn_protocols, METH_DEFAULT, NULL},
    {"set_ciphers", context_set_ciphers, METH_DEFAULT, NULL},
    {"get_ciphers", context_get_ciphers, METH_DEFAULT, NULL},
    {"load_cert_chain", context_load_cert_chain, METH_DEFAULT, NULL},
    {"load_dh_params", context_load_dh_params, METH_DEFAULT, NULL},
    {"load_verify_locations", context_load_verify_locations, METH_DEFAULT, NULL},
    {"session_stats", context_session_stats, METH_DEFAULT, NULL},
    {"set_default_verify_paths", context_set_default_verify_paths, METH_DEFAULT, NULL},
    {"set_ecdh_curve", context_set_ecdh_curve, METH_DEFAULT, NULL},
    {"cert_store_stats", context_cert_store_stats, METH_DEFAULT,
     "Returns quantities of loaded X.509 certificates.\n\nX.509 certificates with a CA extension and certificate revocation lists\ninside the context's cert store.\n\nNOTE: Certificates in a capath directory aren't loaded unless they have\nbeen used at least once."},
    {"get_ca_certs", context_get_ca_certs, METH_DEFAULT,
     "Returns a list of dicts with information of loaded CA certs.\n\nIf the optional argument is True, returns a DER-encoded copy of the CA\ncertificate.\n\nNOTE: Certificates in a capath directory aren't loaded unless they have\nbeen used at least once."},
    {"_wrap_socket", context_wrap_socket, METH_DEFAULT, NULL},
    {"_wrap_bio", context_wrap_bio, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef context_getset[] = {
    {"check_hostname", get_check_hostname, set_check_hostname, NULL},
    {"_host_flags", get_host_flags, set_host_flags, NULL},
    {"minimum_version", get_minimum_version, set_minimum_version, NULL},
    {"maximum_version", get_maximum_version, set_maximum_version, NULL},
    {"keylog_filename", get_keylog_filename, set_keylog_filename, NULL},
    {"_msg_callback", get_msg_callback, set_msg_callback, NULL},
    {"sni_callback", get_sni_callback, set_sni_callback,
     "Set a callback that will be called when a server name is provided by the SSL/TLS client in the SNI extension.\n\nIf the argument is None then the callback is disabled. The method is called\nwith the SSLSocket, the server name as a string, and the SSLContext object.\nSee RFC 6066 for details of the SNI extension."},
    {"num_tickets", get_num_tickets, set_num_tickets, "Control the number of TLSv1.3 session tickets"},
    {"options", get_options, set_options, NULL},
    {"post_handshake_auth", get_post_handshake_auth, set_post_handshake_auth, NULL},
    {"protocol", get_protocol, NULL, NULL},
    {"security_level", get_security_level, NULL, "The current security level"},
    {"verify_flags", get_verify_flags, set_verify_flags, NULL},
    {"verify_mode", get_verify_mode, set_verify_mode_attr, NULL},
    {NULL, NULL, NULL, NULL},
};

Type ssl_type_context = {
    .header = {&type_type},
    .name = "_ssl._SSLContext",
    .flags = TYPE_BASETYPE | TYPE_HAS_WEAKREF,
    .basic_size = sizeof(SslContext),
    .base = &type_object,
    .trace = context_trace,
    .free = context_free,
    .new_ = context_new,
    .methods = context_methods,
    .getset = context_getset,
};
