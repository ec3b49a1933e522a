// ssl.h - what the files of the `_ssl` module share (sslmodule.c: the
// module, its errors, MemoryBIO and SSLSession; sslcontext.c: _SSLContext;
// sslsocket.c: _SSLSocket; sslcert.c: decoding certificates). Not for use
// outside them.
#ifndef KRAIT_SSL_H
#define KRAIT_SSL_H

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "../runtime/object.h"

// CPython's `enum py_ssl_error`: the errno of the SSLError instances.
enum {
    SSL_PY_ERROR_NONE = 0,
    SSL_PY_ERROR_SSL = 1,
    SSL_PY_ERROR_WANT_READ = 2,
    SSL_PY_ERROR_WANT_WRITE = 3,
    SSL_PY_ERROR_WANT_X509_LOOKUP = 4,
    SSL_PY_ERROR_SYSCALL = 5,
    SSL_PY_ERROR_ZERO_RETURN = 6,
    SSL_PY_ERROR_WANT_CONNECT = 7,
    SSL_PY_ERROR_EOF = 8,
    SSL_PY_ERROR_NO_SOCKET = 9,
    SSL_PY_ERROR_INVALID_ERROR_CODE = 10,
};

// CPython's `enum py_ssl_version` (the PROTOCOL_* constants).
enum {
    SSL_PY_PROTOCOL_TLS = 2,
    SSL_PY_PROTOCOL_TLSv1 = 3,
    SSL_PY_PROTOCOL_TLSv1_1 = 4,
    SSL_PY_PROTOCOL_TLSv1_2 = 5,
    SSL_PY_PROTOCOL_TLS_CLIENT = 16,
    SSL_PY_PROTOCOL_TLS_SERVER = 17,
};

// The messages of SSLError end with "(_ssl.c:LINE)", CPython's source line
// that raised them; programs that print or compare them see CPython 3.11's
// numbers (Debian's build), so each place that raises names the line of its
// counterpart. The ones marked "~" are errors no test provokes (allocation
// failures and the like): their numbers are near, not checked.
enum {
    SSL_LINE_HANDSHAKE = 992,
    SSL_LINE_CONFIGURE_HOSTNAME = 830,     // ~
    SSL_LINE_NEW_SOCKET = 733,             // ~
    SSL_LINE_SERVER_ON_CLIENT = 788,
    SSL_LINE_CLIENT_ON_SERVER = 795,
    SSL_LINE_WRITE = 2393,
    SSL_LINE_READ = 2546,
    SSL_LINE_SHUTDOWN_GONE = 2592,
    SSL_LINE_SHUTDOWN = 2672,
    SSL_LINE_POST_HANDSHAKE = 2747,
    SSL_LINE_SESSION = 2911,               // ~
    SSL_LINE_CONTEXT_NEW = 3087,           // ~
    SSL_LINE_CIPHERS = 3285,               // ~
    SSL_LINE_CERT_CHAIN = 3877,
    SSL_LINE_PRIVATE_KEY = 3898,
    SSL_LINE_CHECK_KEY = 3908,             // ~
    SSL_LINE_CADATA = 3992,
    SSL_LINE_CADATA_ADD = 4011,            // ~
    SSL_LINE_VERIFY_LOCATIONS = 4126,
    SSL_LINE_DH_PARAMS = 4174,
    SSL_LINE_DH_SET = 4178,                // ~
    SSL_LINE_DEFAULT_PATHS = 4339,         // ~
    SSL_LINE_ECDH_CURVE = 4349,
    SSL_LINE_MEMORY_BIO = 4830,            // ~
    SSL_LINE_OBJ = 5221,                   // ~
};

// ---- objects ----------------------------------------------------------------------------

typedef struct SslContext {
    Object header;
    SSL_CTX *ctx;
    int protocol;             // SSL_PY_PROTOCOL_*
    int check_hostname;
    int post_handshake_auth;
    unsigned int hostflags;
    Value sni_callback;       // 0 when unset
    Value msg_callback;       // 0 when unset
    Value keylog_filename;    // 0 when unset
    BIO *keylog_bio;
    unsigned char *alpn;      // malloc'd wire-format protocol list, or NULL
    unsigned int alpn_len;
} SslContext;

typedef struct SslSocket {
    Object header;
    SSL *ssl;
    Value ctx;                // the SslContext
    Value orig_ctx;           // a weakref to the one it was made with (OpenSSL may still
                              // call its SNI callback after a switch), or 0
    Value sock;               // the socket object, or 0 over MemoryBIOs
    Value inbio, outbio;      // the MemoryBIOs, or 0
    Value owner;              // 0 when unset
    Value server_hostname;    // str, or 0
    Value callback_exc;       // an exception a callback raised during the last call, or 0
    int server_side;
    int shutdown_seen_zero;
    int err_ssl;              // SSL_get_error of the last call
    int err_errno;            // errno after it
    struct VmThread *released;  // the GIL's saved state while an OpenSSL call runs
} SslSocket;

typedef struct SslMemoryBio {
    Object header;
    BIO *bio;
    int eof_written;
} SslMemoryBio;

typedef struct SslSession {
    Object header;
    SSL_SESSION *session;
    Value ctx;
} SslSession;

extern Type ssl_type_context, ssl_type_socket, ssl_type_memory_bio, ssl_type_session;

// The exception classes (sslmodule.c).
extern Value ssl_exc_error, ssl_exc_zero_return, ssl_exc_want_read, ssl_exc_want_write,
    ssl_exc_syscall, ssl_exc_eof, ssl_exc_cert_verification;

// ---- errors (sslmodule.c) ------------------------------------------------------------------

// CPython's fill_and_set_sslerror: raise `type`(reason of ssl_errno, message)
// with the library/reason attributes of OpenSSL error `code` (0: none),
// verify_code/verify_message when `type` is SSLCertVerificationError and
// `sock` is given. Returns 0.
Value ssl_raise(SslSocket *sock, Value type, int ssl_errno, const char *errstr, int line,
                unsigned long code);
// CPython's _setSSLError: SSLError from OpenSSL's last queued error (errstr
// NULL) or with `errstr`; the error queue is cleared. Returns 0.
Value ssl_raise_openssl(const char *errstr, int line);
// CPython's PySSL_SetError for the result `ret` of an SSL_* call on `s`
// (whose err_ssl/err_errno were recorded after it). Returns 0.
Value ssl_raise_call(SslSocket *s, int ret, int line);
// SSLError(message) without errno, as PyErr_SetString.
Value ssl_raise_plain(const char *msg);

// ---- shared helpers (sslmodule.c) --------------------------------------------------------

// A filesystem path argument (str, bytes or os.PathLike) as bytes, or 0
// with `type_error_msg` as TypeError when it is none of these.
Value ssl_path_bytes(Value v, const char *type_error_msg);
// The ASN.1 object `obj` as CPython's _asn1obj2py: (nid, sn, ln, oid); with
// `no_name` the dotted text is used for the oid.
Value ssl_asn1obj_tuple(const ASN1_OBJECT *obj, int no_name);

// ---- certificates (sslcert.c) ------------------------------------------------------------

// getpeercert()'s dict for `cert`, as CPython's _decode_certificate.
Value ssl_decode_certificate(X509 *cert);
// The DER encoding of `cert` as bytes.
Value ssl_certificate_der(X509 *cert);
// A new _ssl.Certificate holding a reference of `cert` (get_verified_chain).
extern Type ssl_type_certificate;
Value ssl_certificate_new(X509 *cert);

// The message callback (sslcontext.c), for a connection moved to another
// context.
void ssl_context_msg_cb(int write_p, int version, int content_type, const void *buf, size_t len,
                        SSL *ssl, void *arg);

// ---- sockets (sslsocket.c) ----------------------------------------------------------------

// _SSLContext._wrap_socket / _wrap_bio: a new _SSLSocket over socket `sock`
// or over the MemoryBIOs `inbio`/`outbio`.
Value ssl_socket_new(Value ctx, Value sock, int server_side, Value server_hostname, Value owner,
                     Value session, Value inbio, Value outbio);
int ssl_socket_init_type(void);

// The _SSLSocket a callback runs for (SSL app data), and the GIL around a
// callback: OpenSSL calls back while the calling thread released the GIL.
SslSocket *ssl_socket_of(const SSL *ssl);
void ssl_callback_enter(SslSocket *s);
void ssl_callback_leave(SslSocket *s);
// Keep the exception a callback raised (taken from the pending state) to
// be raised when the OpenSSL call returns.
void ssl_callback_failed(SslSocket *s);

#endif
