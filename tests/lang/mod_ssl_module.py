# The _ssl module's surface: constants and flags, the exception classes and
# their str(), txt2obj/nid2obj, RAND_*, _test_decode_cert on Lib/test's
# certificates, get_default_verify_paths, and _SSLContext's attributes and
# methods with their errors for bad input.
import _ssl
import os
import ssl
import warnings

TEST_DIR = "/usr/lib/python3.11/test"


def attempt(label, fn):
    try:
        r = fn()
        print(label, "->", r)
    except Exception as e:
        print(label, "!", type(e).__name__, e)


# constants
for name in sorted(dir(_ssl)):
    v = getattr(_ssl, name)
    if name.startswith(("OP_", "PROTOCOL_", "CERT_", "VERIFY_", "ALERT_", "HAS_", "PROTO_",
                        "SSL_ERROR_", "HOSTFLAG_", "ENCODING_")):
        print(name, v)
print("_DEFAULT_CIPHERS", _ssl._DEFAULT_CIPHERS)
print("version info", type(_ssl.OPENSSL_VERSION_INFO).__name__, len(_ssl.OPENSSL_VERSION_INFO),
      _ssl.OPENSSL_VERSION.startswith("OpenSSL 3"),
      _ssl.OPENSSL_VERSION_NUMBER >> 28 == _ssl.OPENSSL_VERSION_INFO[0])
print("lib codes", _ssl.lib_codes_to_names[20], _ssl.err_codes_to_names[(20, 134)],
      _ssl.err_names_to_codes["CERTIFICATE_VERIFY_FAILED"])
print("Windows-only names", hasattr(_ssl, "enum_certificates"), hasattr(_ssl, "enum_crls"),
      hasattr(_ssl, "RAND_egd"))

# the exception classes
for cls in (ssl.SSLError, ssl.SSLZeroReturnError, ssl.SSLWantReadError, ssl.SSLWantWriteError,
            ssl.SSLSyscallError, ssl.SSLEOFError, ssl.SSLCertVerificationError):
    print(cls.__module__, cls.__name__, [b.__name__ for b in cls.__mro__[1:]])
print(str(ssl.SSLError(1, "text")), str(ssl.SSLError("just one")), str(ssl.SSLError()),
      str(ssl.SSLError(1, 2)), repr(ssl.SSLError(5, "x")))
e = ssl.SSLError(2, "msg")
print(e.errno, e.strerror, e.args)
print(ssl.SSLError.__doc__)
print(ssl.SSLCertVerificationError.__doc__)
print(ssl.CertificateError is ssl.SSLCertVerificationError)

# txt2obj / nid2obj
attempt("txt2obj oid", lambda: _ssl.txt2obj("1.3.6.1.5.5.7.3.1"))
attempt("txt2obj name", lambda: _ssl.txt2obj("serverAuth", name=True))
attempt("txt2obj name no", lambda: _ssl.txt2obj("serverAuth"))
attempt("txt2obj bad", lambda: _ssl.txt2obj("zzz", True))
attempt("txt2obj type", lambda: _ssl.txt2obj(5))
attempt("nid2obj", lambda: _ssl.nid2obj(129))
attempt("nid2obj 0", lambda: _ssl.nid2obj(0))
attempt("nid2obj neg", lambda: _ssl.nid2obj(-1))
attempt("nid2obj big", lambda: _ssl.nid2obj(100000))
attempt("Purpose", lambda: (ssl.Purpose.SERVER_AUTH.nid, ssl.Purpose.SERVER_AUTH.shortname,
                            ssl.Purpose.CLIENT_AUTH.oid))
attempt("_ASN1Object.fromname", lambda: ssl._ASN1Object.fromname("TLS Web Client Authentication"))

# RAND
attempt("RAND_bytes", lambda: len(_ssl.RAND_bytes(16)))
attempt("RAND_bytes 0", lambda: _ssl.RAND_bytes(0))
attempt("RAND_bytes neg", lambda: _ssl.RAND_bytes(-1))
attempt("RAND_bytes str", lambda: _ssl.RAND_bytes("a"))
attempt("RAND_status", lambda: _ssl.RAND_status())
attempt("RAND_add", lambda: _ssl.RAND_add(b"seed", 1.0))
attempt("RAND_add str", lambda: _ssl.RAND_add("seed", 0))
attempt("RAND_add bad", lambda: _ssl.RAND_add(5, 1.0))
attempt("RAND_add bad entropy", lambda: _ssl.RAND_add(b"x", "y"))

# certificates
for name in ("keycert.pem", "nullbytecert.pem", "talos-2019-0758.pem", "nokia.pem", "idnsans.pem",
             "allsans.pem"):
    d = _ssl._test_decode_cert(os.path.join(TEST_DIR, name))
    print(name)
    for k in sorted(d):
        print("   ", k, d[k])
attempt("decode missing", lambda: _ssl._test_decode_cert(os.path.join(TEST_DIR, "nope.pem")))
attempt("decode not a cert", lambda: _ssl._test_decode_cert(os.path.join(TEST_DIR, "ssl_key.pem")))
attempt("decode type", lambda: _ssl._test_decode_cert(5))
paths = _ssl.get_default_verify_paths()
print("verify paths", paths[0], paths[2], [type(p).__name__ for p in paths])
print("DefaultVerifyPaths", type(ssl.get_default_verify_paths()).__name__)

# contexts
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    ssl.SSLContext(ssl.PROTOCOL_TLS)
    ssl.SSLContext(ssl.PROTOCOL_TLSv1_2)
    print("warnings", [str(x.message) for x in w])
attempt("bad protocol", lambda: _ssl._SSLContext(99))
attempt("protocol type", lambda: _ssl._SSLContext("x"))
for proto in (ssl.PROTOCOL_TLS_CLIENT, ssl.PROTOCOL_TLS_SERVER):
    c = ssl.SSLContext(proto)
    print(c.protocol, c.verify_mode, c.check_hostname, c.verify_flags, c.minimum_version,
          c.maximum_version, c.options, c.post_handshake_auth, c.security_level,
          c.hostname_checks_common_name, c.num_tickets, c.keylog_filename, c.sni_callback)
    print("  session_stats", c.session_stats())
    print("  ciphers", len(c.get_ciphers()) > 10, sorted(c.get_ciphers()[0]))

c = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt("verify_mode NONE with check_hostname", lambda: setattr(c, "verify_mode", ssl.CERT_NONE))
c.check_hostname = False
c.verify_mode = ssl.CERT_OPTIONAL
print("verify_mode", c.verify_mode)
attempt("verify_mode 7", lambda: setattr(c, "verify_mode", 7))
attempt("verify_mode str", lambda: setattr(c, "verify_mode", "x"))
c.check_hostname = True
print("check_hostname raises verify_mode", c.verify_mode)
c.verify_flags = ssl.VERIFY_X509_STRICT | ssl.VERIFY_CRL_CHECK_LEAF
print("verify_flags", c.verify_flags)
c.options |= ssl.OP_NO_TICKET
print("options has NO_TICKET", bool(c.options & ssl.OP_NO_TICKET))
c.options &= ~ssl.OP_NO_TICKET
print("options cleared", bool(c.options & ssl.OP_NO_TICKET))
attempt("options str", lambda: setattr(c, "options", "x"))
c.minimum_version = ssl.TLSVersion.TLSv1_2
c.maximum_version = ssl.TLSVersion.TLSv1_3
print("versions", c.minimum_version, c.maximum_version)
c.minimum_version = ssl.TLSVersion.MINIMUM_SUPPORTED
c.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
print("versions", c.minimum_version, c.maximum_version)
attempt("bad version", lambda: setattr(c, "minimum_version", 42))
c.hostname_checks_common_name = True
print("host flags", c._host_flags, c.hostname_checks_common_name)
attempt("num_tickets on client", lambda: setattr(c, "num_tickets", 1))
s = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
s.num_tickets = 0
print("num_tickets", s.num_tickets)
attempt("num_tickets neg", lambda: setattr(s, "num_tickets", -1))
attempt("sni on client", lambda: setattr(c, "sni_callback", print))
attempt("sni not callable", lambda: setattr(s, "sni_callback", 5))
s.sni_callback = print
print("sni set", s.sni_callback is print)
s.sni_callback = None
c.post_handshake_auth = True
print("pha", c.post_handshake_auth)
for name in ("check_hostname", "verify_mode", "_host_flags", "post_handshake_auth", "_msg_callback"):
    attempt("delete " + name, lambda: delattr(c._sslctx if hasattr(c, "_sslctx") else _ssl._SSLContext(ssl.PROTOCOL_TLS_SERVER), name))
for name, value in [("verify_flags", "x"), ("_host_flags", "x"), ("minimum_version", "x"),
                    ("verify_mode", 1.5), ("options", 1.5), ("_host_flags", -1), ("options", -1),
                    ("verify_flags", -1), ("options", 2 ** 64), ("_host_flags", 2 ** 64)]:
    raw = _ssl._SSLContext(ssl.PROTOCOL_TLS_SERVER)
    attempt("set %s=%r" % (name, value), lambda: setattr(raw, name, value) or getattr(raw, name))

# methods and their errors
attempt("set_ciphers", lambda: c.set_ciphers("ECDHE+AESGCM"))
attempt("set_ciphers bad", lambda: c.set_ciphers("zzz"))
attempt("set_ciphers type", lambda: c.set_ciphers(5))
attempt("set_alpn", lambda: c.set_alpn_protocols(["h2", "http/1.1"]))
attempt("set_alpn bad", lambda: c.set_alpn_protocols(["x" * 300]))
attempt("set_ecdh_curve", lambda: c.set_ecdh_curve("prime256v1"))
attempt("set_ecdh_curve bad", lambda: c.set_ecdh_curve("foo"))
attempt("set_ecdh_curve type", lambda: c.set_ecdh_curve(5))
attempt("load_default_certs", lambda: c.load_default_certs() or "ok")
k = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
T = lambda n: os.path.join(TEST_DIR, n)
attempt("cert chain", lambda: k.load_cert_chain(T("keycert.pem")))
attempt("cert+key", lambda: k.load_cert_chain(T("ssl_cert.pem"), T("ssl_key.pem")))
attempt("cert missing", lambda: k.load_cert_chain(T("nope.pem")))
attempt("cert bad", lambda: k.load_cert_chain(T("badcert.pem")))
attempt("key bad", lambda: k.load_cert_chain(T("ssl_cert.pem"), T("badkey.pem")))
attempt("key mismatch", lambda: k.load_cert_chain(T("ssl_cert.pem"), T("pycakey.pem")))
attempt("cert type", lambda: k.load_cert_chain(5))
attempt("key type", lambda: k.load_cert_chain(T("keycert.pem"), 5))
attempt("no args", lambda: k.load_cert_chain())
attempt("pw str", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password="somepass"))
attempt("pw bytes", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=b"somepass"))
attempt("pw bytearray", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=bytearray(b"somepass")))
attempt("pw callable", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=lambda: "somepass"))
attempt("pw wrong", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password="bad"))
attempt("pw type", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=5))
attempt("pw cb type", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=lambda: 5))
attempt("pw too long", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=lambda: "x" * 2000))


def boom():
    raise KeyError("from callback")


attempt("pw cb raises", lambda: k.load_cert_chain(T("keycert.passwd.pem"), password=boom))
v = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
attempt("verify none", lambda: v.load_verify_locations())
attempt("verify cafile", lambda: v.load_verify_locations(cafile=T("pycacert.pem")))
attempt("verify capath", lambda: v.load_verify_locations(capath=TEST_DIR))
attempt("verify missing", lambda: v.load_verify_locations(T("nope.pem")))
attempt("verify bad", lambda: v.load_verify_locations(T("badcert.pem")))
attempt("verify type", lambda: v.load_verify_locations(5))
pem = open(T("keycert.pem")).read()
cert_pem = pem[pem.index("-----BEGIN CERTIFICATE-----"):]
attempt("cadata str", lambda: v.load_verify_locations(cadata=cert_pem))
attempt("cadata der", lambda: v.load_verify_locations(cadata=ssl.PEM_cert_to_DER_cert(cert_pem)))
attempt("cadata again", lambda: v.load_verify_locations(cadata=cert_pem + cert_pem))
attempt("cadata empty", lambda: v.load_verify_locations(cadata=b""))
attempt("cadata junk", lambda: v.load_verify_locations(cadata="junk"))
attempt("cadata nonascii", lambda: v.load_verify_locations(cadata="é"))
attempt("cadata type", lambda: v.load_verify_locations(cadata=5))
print("stats", v.cert_store_stats())
print("ca certs", len(v.get_ca_certs()))
attempt("dh params", lambda: k.load_dh_params(T("ffdh3072.pem")))
attempt("dh missing", lambda: k.load_dh_params(T("nope.pem")))
attempt("dh bad", lambda: k.load_dh_params(T("keycert.pem")))

# wrapping errors
attempt("server side on client ctx", lambda: v.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_side=True))
attempt("client on server ctx", lambda: k.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO()))
attempt("hostname needed", lambda: type(v.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO())).__name__)
attempt("hostname empty", lambda: v.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=""))
attempt("hostname dot", lambda: v.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=".x"))
attempt("bio type", lambda: v._wrap_bio(1, 2, False))
attempt("wrap args", lambda: v._wrap_bio())
o = v.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="localhost")
print("SSLObject", o.server_hostname, o.server_side, o.context is v, o.session, o.session_reused,
      o.version(), o.cipher(), o.pending())
attempt("context setter", lambda: setattr(o._sslobj, "context", 5))
o._sslobj.context = k
print("context now", o._sslobj.context is k)
attempt("session setter", lambda: setattr(o._sslobj, "session", 5))
attempt("instantiate SSLSession", lambda: _ssl.SSLSession())
for curve in ("ED25519", "X448", "prime192v1", "secp521r1", "RSA"):
    attempt("set_ecdh_curve " + curve, lambda: ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).set_ecdh_curve(curve))
