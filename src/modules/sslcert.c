// sslcert.c - certificates as _ssl shows them: getpeercert()'s dict and
// _test_decode_cert, in CPython's _decode_certificate format:
//   subject, issuer    tuples of RDNs, each a tuple of (long name, value)
//                      pairs (several in a multi-valued RDN)
//   version            X.509 version (3 for v3)
//   serialNumber       upper-case hex
//   notBefore/After    "Aug 29 14:23:15 2018 GMT" (ASN1_TIME_print)
//   subjectAltName     (kind, value) pairs, when present
//   OCSP, caIssuers    URIs of the authority information access extension
//   crlDistributionPoints  the full-name URIs of the CRL distribution points
// and _ssl.Certificate, the objects get_verified_chain() and
// get_unverified_chain() return (get_info() is that dict, public_bytes()
// PEM text or DER bytes).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "../runtime/abstract.h"
#include "../runtime/args.h"
#include "../runtime/bytes.h"
#include "../runtime/codecs.h"
#include "../runtime/dict.h"
#include "../runtime/exceptions.h"
#include "../runtime/int.h"
#include "../runtime/list.h"
#include "../runtime/str.h"
#include "../runtime/tuple.h"
#include "../runtime/gc.h"
#include "../runtime/list.h"
#include "../runtime/type.h"
#include "ssl.h"

// The text a memory BIO holds, as str; the BIO is freed.
static Value bio_text(BIO *bio) {
    char *data;
    long n = BIO_get_mem_data(bio, &data);
    Value r = codec_decode(0, data, n > 0 ? (size_t)n : 0, "utf-8", "replace");
    BIO_free(bio);
    return r;
}

// One (name, value) attribute: the object's long name (or its dotted
// text) and the value as UTF-8 text.
static Value attribute_pair(ASN1_OBJECT *name, ASN1_STRING *value) {
    char buf[256];
    int n = OBJ_obj2txt(buf, sizeof(buf), name, 0);
    if (n < 0) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    Value key = codec_decode(0, buf, (size_t)(n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1),
                             "utf-8", "strict");
    if (!key) {
        return 0;
    }
    unsigned char *utf8;
    int len = ASN1_STRING_to_UTF8(&utf8, value);
    if (len < 0) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    Value v = codec_decode(0, (const char *)utf8, (size_t)len, "utf-8", "strict");
    OPENSSL_free(utf8);
    return v ? tuple_pack2(key, v) : 0;
}

// A distinguished name: RDNs in order, entries of one multi-valued RDN
// (the same "set" number) grouped together.
static Value name_tuple(const X509_NAME *xname) {
    Value dn = list_new(0), rdn = list_new(0);
    if (!dn || !rdn) {
        return 0;
    }
    int last_set = -1;
    int count = X509_NAME_entry_count(xname);
    for (int i = 0; i < count; i++) {
        const X509_NAME_ENTRY *entry = X509_NAME_get_entry(xname, i);
        int set = X509_NAME_ENTRY_set(entry);
        if (set != last_set && list_obj(rdn)->len > 0) {
            Value t = tuple_from_list(rdn);
            rdn = list_new(0);
            if (!t || !rdn || list_append(dn, t) < 0) {
                return 0;
            }
        }
        last_set = set;
        Value pair = attribute_pair(X509_NAME_ENTRY_get_object(entry),
                                    X509_NAME_ENTRY_get_data(entry));
        if (!pair || list_append(rdn, pair) < 0) {
            return 0;
        }
    }
    if (list_obj(rdn)->len > 0) {
        Value t = tuple_from_list(rdn);
        if (!t || list_append(dn, t) < 0) {
            return 0;
        }
    }
    return tuple_from_list(dn);
}

static Value text_value(const unsigned char *p, int len) {
    return codec_decode(0, (const char *)p, len > 0 ? (size_t)len : 0, "utf-8", "strict");
}

static Value pair_cstr(const char *kind, Value value) {
    Value k = str_from_cstr(kind);
    return k && value ? tuple_pack2(k, value) : 0;
}

// One general name of subjectAltName.
static Value general_name(GENERAL_NAME *name) {
    switch (name->type) {
    case GEN_DIRNAME: {
        Value dn = name_tuple(name->d.dirn);
        return pair_cstr("DirName", dn);
    }
    case GEN_EMAIL:
        return pair_cstr("email", text_value(ASN1_STRING_get0_data(name->d.rfc822Name),
                                             ASN1_STRING_length(name->d.rfc822Name)));
    case GEN_DNS:
        return pair_cstr("DNS", text_value(ASN1_STRING_get0_data(name->d.dNSName),
                                           ASN1_STRING_length(name->d.dNSName)));
    case GEN_URI:
        return pair_cstr("URI", text_value(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier),
                                           ASN1_STRING_length(name->d.uniformResourceIdentifier)));
    case GEN_RID: {
        char buf[2048];
        int n = i2t_ASN1_OBJECT(buf, sizeof(buf) - 1, name->d.rid);
        if (n < 0) {
            return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
        }
        buf[n < (int)sizeof(buf) ? n : (int)sizeof(buf) - 1] = 0;
        return pair_cstr("Registered ID", str_from_cstr(buf));
    }
    case GEN_IPADD: {
        const unsigned char *p = ASN1_STRING_get0_data(name->d.iPAddress);
        int len = ASN1_STRING_length(name->d.iPAddress);
        char buf[64];
        if (len == 4) {
            snprintf(buf, sizeof(buf), "%d.%d.%d.%d", p[0], p[1], p[2], p[3]);
        } else if (len == 16) {
            int at = 0;
            for (int i = 0; i < 8; i++) {
                at += snprintf(buf + at, sizeof(buf) - (size_t)at, i ? ":%X" : "%X",
                               (p[2 * i] << 8) | p[2 * i + 1]);
            }
        } else {
            return pair_cstr("IP Address", str_from_cstr("<invalid>"));
        }
        return pair_cstr("IP Address", str_from_cstr(buf));
    }
    default: {
        // othername, X400Name, EdiPartyName: OpenSSL's own printing,
        // "kind:value".
        BIO *bio = BIO_new(BIO_s_mem());
        if (!bio) {
            return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
        }
        GENERAL_NAME_print(bio, name);
        Value text = bio_text(bio);
        if (!text) {
            return 0;
        }
        const char *s = str_obj(text)->data;
        const char *colon = strchr(s, ':');
        if (!colon) {
            return err_format(&exc_ValueError, "Invalid value %.200s", s);
        }
        Value kind = str_from_utf8(s, (size_t)(colon - s));
        Value value = str_from_cstr(colon + 1);
        return kind && value ? tuple_pack2(kind, value) : 0;
    }
    }
}

static Value subject_alt_names(X509 *cert) {
    GENERAL_NAMES *names = X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (!names) {
        ERR_clear_error();
        return VAL_NONE;
    }
    Value list = list_new(0);
    for (int i = 0; list && i < sk_GENERAL_NAME_num(names); i++) {
        Value item = general_name(sk_GENERAL_NAME_value(names, i));
        if (!item || list_append(list, item) < 0) {
            list = 0;
        }
    }
    GENERAL_NAMES_free(names);
    return list ? tuple_from_list(list) : 0;
}

// The URIs of the authority information access entries of kind `nid`
// (OCSP or caIssuers), or None.
static Value aia_uris(X509 *cert, int nid) {
    AUTHORITY_INFO_ACCESS *info = X509_get_ext_d2i(cert, NID_info_access, NULL, NULL);
    if (!info) {
        ERR_clear_error();
        return VAL_NONE;
    }
    Value list = list_new(0);
    for (int i = 0; list && i < sk_ACCESS_DESCRIPTION_num(info); i++) {
        ACCESS_DESCRIPTION *ad = sk_ACCESS_DESCRIPTION_value(info, i);
        if (OBJ_obj2nid(ad->method) != nid || ad->location->type != GEN_URI) {
            continue;
        }
        ASN1_IA5STRING *uri = ad->location->d.uniformResourceIdentifier;
        Value v = text_value(ASN1_STRING_get0_data(uri), ASN1_STRING_length(uri));
        if (!v || list_append(list, v) < 0) {
            list = 0;
        }
    }
    AUTHORITY_INFO_ACCESS_free(info);
    if (!list) {
        return 0;
    }
    return list_obj(list)->len ? tuple_from_list(list) : VAL_NONE;
}

static Value crl_distribution_points(X509 *cert) {
    STACK_OF(DIST_POINT) *dps = X509_get_ext_d2i(cert, NID_crl_distribution_points, NULL, NULL);
    if (!dps) {
        ERR_clear_error();
        return VAL_NONE;
    }
    Value list = list_new(0);
    for (int i = 0; list && i < sk_DIST_POINT_num(dps); i++) {
        DIST_POINT *dp = sk_DIST_POINT_value(dps, i);
        if (!dp->distpoint || dp->distpoint->type != 0) {
            continue;
        }
        GENERAL_NAMES *gns = dp->distpoint->name.fullname;
        for (int j = 0; list && j < sk_GENERAL_NAME_num(gns); j++) {
            GENERAL_NAME *gn = sk_GENERAL_NAME_value(gns, j);
            if (gn->type != GEN_URI) {
                continue;
            }
            ASN1_IA5STRING *uri = gn->d.uniformResourceIdentifier;
            Value v = text_value(ASN1_STRING_get0_data(uri), ASN1_STRING_length(uri));
            if (!v || list_append(list, v) < 0) {
                list = 0;
            }
        }
    }
    sk_DIST_POINT_pop_free(dps, DIST_POINT_free);
    if (!list) {
        return 0;
    }
    return list_obj(list)->len ? tuple_from_list(list) : VAL_NONE;
}

static Value asn1_time_text(const ASN1_TIME *t) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    ASN1_TIME_print(bio, t);
    return bio_text(bio);
}

Value ssl_decode_certificate(X509 *cert) {
    Value d = dict_new();
    Value subject = name_tuple(X509_get_subject_name(cert));
    if (!d || !subject || dict_set_cstr(d, "subject", subject) < 0) {
        return 0;
    }
    Value issuer = name_tuple(X509_get_issuer_name(cert));
    if (!issuer || dict_set_cstr(d, "issuer", issuer) < 0 ||
        dict_set_cstr(d, "version", int_from_i64(X509_get_version(cert) + 1)) < 0) {
        return 0;
    }
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    i2a_ASN1_INTEGER(bio, X509_get0_serialNumber(cert));
    Value serial = bio_text(bio);
    Value before = serial ? asn1_time_text(X509_get0_notBefore(cert)) : 0;
    Value after = before ? asn1_time_text(X509_get0_notAfter(cert)) : 0;
    if (!after || dict_set_cstr(d, "serialNumber", serial) < 0 ||
        dict_set_cstr(d, "notBefore", before) < 0 || dict_set_cstr(d, "notAfter", after) < 0) {
        return 0;
    }
    Value san = subject_alt_names(cert);
    if (!san || (san != VAL_NONE && dict_set_cstr(d, "subjectAltName", san) < 0)) {
        return 0;
    }
    Value ocsp = aia_uris(cert, NID_ad_OCSP);
    if (!ocsp || (ocsp != VAL_NONE && dict_set_cstr(d, "OCSP", ocsp) < 0)) {
        return 0;
    }
    Value ca = aia_uris(cert, NID_ad_ca_issuers);
    if (!ca || (ca != VAL_NONE && dict_set_cstr(d, "caIssuers", ca) < 0)) {
        return 0;
    }
    Value crl = crl_distribution_points(cert);
    if (!crl || (crl != VAL_NONE && dict_set_cstr(d, "crlDistributionPoints", crl) < 0)) {
        return 0;
    }
    return d;
}

Value ssl_certificate_der(X509 *cert) {
    unsigned char *der = NULL;
    int len = i2d_X509(cert, &der);
    if (len < 0) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    Value r = bytes_from(der, (size_t)len);
    OPENSSL_free(der);
    return r;
}

// ---- _ssl.Certificate --------------------------------------------------------------------

typedef struct SslCertificate {
    Object header;
    X509 *cert;
    int64_t hash;   // -1 until computed
} SslCertificate;

static SslCertificate *cert_of(Value v) { return (SslCertificate *)val_ptr(v); }

Value ssl_certificate_new(X509 *cert) {
    SslCertificate *c = (SslCertificate *)gc_alloc(&ssl_type_certificate, sizeof(SslCertificate));
    if (!c) {
        return 0;
    }
    X509_up_ref(cert);
    c->cert = cert;
    c->hash = -1;
    return val_from_ptr(c);
}

static void certificate_free(Object *o) {
    SslCertificate *c = (SslCertificate *)o;
    if (c->cert) {
        X509_free(c->cert);
        c->cert = NULL;
    }
}

static Value certificate_tp_new(Value type, const Value *args, size_t nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot create '_ssl.Certificate' instances");
}

static Value certificate_repr(Value self) {
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    X509_NAME_print_ex(bio, X509_get_subject_name(cert_of(self)->cert), 0, XN_FLAG_RFC2253);
    Value subject = bio_text(bio);
    if (!subject) {
        return 0;
    }
    size_t n = str_obj(subject)->nbytes + 32;
    char *buf = malloc(n);
    if (!buf) {
        return err_no_memory();
    }
    snprintf(buf, n, "<_ssl.Certificate '%s'>", str_obj(subject)->data);
    Value r = str_from_utf8(buf, strlen(buf));
    free(buf);
    return r;
}

static int64_t certificate_hash(Value self) {
    SslCertificate *c = cert_of(self);
    if (c->hash == -1) {
        uint64_t h = (uint64_t)X509_subject_name_hash(c->cert);
        c->hash = (int64_t)(h & 0x7fffffffffffffffULL);
        if (c->hash == -1) {
            c->hash = -2;
        }
    }
    return c->hash;
}

static Value certificate_richcompare(Value a, Value b, CompareOp op) {
    if ((op != CMP_EQ && op != CMP_NE) || type_of(b) != &ssl_type_certificate) {
        return VAL_NOTIMPLEMENTED;
    }
    int eq = X509_cmp(cert_of(a)->cert, cert_of(b)->cert) == 0;
    return val_bool(op == CMP_EQ ? eq : !eq);
}

static Value certificate_public_bytes(Value self, const Value *args, size_t nargs, Value kwnames) {
    static const char *const names[] = {"format", NULL};
    ArgSpec spec = {"public_bytes", 0, names, 0, 1, 0};
    Value a[1];
    if (args_unpack(&spec, args, nargs, kwnames, a) < 0) {
        return 0;
    }
    int64_t format = 1;  // ENCODING_PEM
    if (a[0] && (!int_check(a[0]) || int_to_i64(a[0], &format) < 0)) {
        if (!err_occurred()) {
            err_format(&exc_TypeError, "'%s' object cannot be interpreted as an integer",
                       obj_type_name(a[0]));
        }
        return 0;
    }
    if (format == 2) {  // ENCODING_DER
        return ssl_certificate_der(cert_of(self)->cert);
    }
    if (format != 1) {
        return err_format(&exc_ValueError, "Unsupported format");
    }
    BIO *bio = BIO_new(BIO_s_mem());
    if (!bio) {
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    if (!PEM_write_bio_X509(bio, cert_of(self)->cert)) {
        BIO_free(bio);
        return ssl_raise_openssl(NULL, SSL_LINE_OBJ);
    }
    return bio_text(bio);
}

static Value certificate_get_info(Value self, const Value *args, size_t nargs, Value kwnames) {
    if (method_check_args("Certificate.get_info", nargs, kwnames, 0, 0) < 0) {
        return 0;
    }
    return ssl_decode_certificate(cert_of(self)->cert);
}

static const MethodDef certificate_methods[] = {
    {"public_bytes", certificate_public_bytes, METH_DEFAULT, NULL},
    {"get_info", certificate_get_info, METH_DEFAULT, NULL},
    {NULL, NULL, 0, NULL},
};

Type ssl_type_certificate = {
    .header = {&type_type},
    .name = "_ssl.Certificate",
    .basic_size = sizeof(SslCertificate),
    .base = &type_object,
    .free = certificate_free,
    .new_ = certificate_tp_new,
    .repr = certificate_repr,
    .hash = certificate_hash,
    .richcompare = certificate_richcompare,
    .methods = certificate_methods,
};
