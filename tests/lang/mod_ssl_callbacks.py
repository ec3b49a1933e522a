# _ssl's callbacks over MemoryBIO connections: sni_callback (seeing the
# server name, switching the connection's context, failing with an alert,
# raising), _msg_callback's record trace, keylog_filename, password
# callbacks, and session resumption with SSLSession.
import os
import ssl
import sys
import tempfile

TEST_DIR = "/usr/lib/python3.11/test"
KEYCERT = os.path.join(TEST_DIR, "keycert.pem")
KEYCERT2 = os.path.join(TEST_DIR, "keycert2.pem")   # CN fakehostname


def handshake(client, server, cin, cout, sin, sout):
    done = [False, False]
    for _ in range(10):
        for i, obj in enumerate((client, server)):
            if not done[i]:
                try:
                    obj.do_handshake()
                    done[i] = True
                except ssl.SSLWantReadError:
                    pass
        sin.write(cout.read())
        cin.write(sout.read())
        if all(done):
            return True
    return False


def pair(cctx, sctx, hostname, session=None):
    cin, cout, sin, sout = (ssl.MemoryBIO() for _ in range(4))
    client = cctx.wrap_bio(cin, cout, server_hostname=hostname, session=session)
    server = sctx.wrap_bio(sin, sout, server_side=True)
    return client, server, cin, cout, sin, sout


sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(KEYCERT)
other = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
other.load_cert_chain(KEYCERT2)
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(KEYCERT)
cctx.load_verify_locations(KEYCERT2)

# -- SNI: the callback sees the name and may switch to another context
seen = []


def sni(sslobj, name, ctx):
    seen.append((type(sslobj).__name__, name, ctx is sctx))
    if name == "fakehostname":
        sslobj.context = other


sctx.sni_callback = sni
for host in ("localhost", "fakehostname"):
    c, s, *bios = pair(cctx, sctx, host)
    print(host, handshake(c, s, *bios), c.getpeercert()["subject"][-1], s.context is other)
print("seen", seen)

# an IP address sends no SNI: the callback gets None
cip = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cip.check_hostname = False
cip.verify_mode = ssl.CERT_NONE
seen.clear()
c, s, *bios = pair(cip, sctx, "127.0.0.1")
print("ip", handshake(c, s, *bios), seen)


# a callback returning an alert number fails the handshake
def refuse(sslobj, name, ctx):
    return ssl.AlertDescription.ALERT_DESCRIPTION_ACCESS_DENIED


sctx.sni_callback = refuse
c, s, *bios = pair(cctx, sctx, "localhost")
try:
    handshake(c, s, *bios)
except ssl.SSLError as e:
    print("refused", type(e).__name__, e.reason, e.library)


# a callback that raises: reported as unraisable, the handshake fails
def broken(sslobj, name, ctx):
    raise ZeroDivisionError("in sni")


caught = []
sys.unraisablehook = lambda u: caught.append((type(u.exc_value).__name__, str(u.exc_value)))
sctx.sni_callback = broken
c, s, *bios = pair(cctx, sctx, "localhost")
try:
    handshake(c, s, *bios)
except ssl.SSLError as e:
    print("broken", type(e).__name__, e.reason)
print("unraisable", caught)
sys.unraisablehook = sys.__unraisablehook__
sctx.sni_callback = None

# -- the message callback: a trace of the handshake's messages
trace = []


def msg_cb(conn, direction, version, content_type, msg_type, data):
    trace.append((conn is c_obj[0], direction, int(version), int(content_type), int(msg_type), len(data) > 0))


cctx._msg_callback = msg_cb
c_obj = [None]
c, s, *bios = pair(cctx, sctx, "localhost")
c_obj[0] = c
print("with msg callback", handshake(c, s, *bios))
print("handshake messages")
for t in trace:
    if t[3] == 22:
        print("  ", t)
print("content types", sorted({t[3] for t in trace}))
print("callback object", cctx._msg_callback is msg_cb)
cctx._msg_callback = None


def msg_raises(*args):
    raise ValueError("msg callback failed")


cctx._msg_callback = msg_raises
c, s, *bios = pair(cctx, sctx, "localhost")
try:
    c.do_handshake()
except ssl.SSLWantReadError as e:
    print("want read, context", type(e.__context__).__name__, e.__context__)
try:
    handshake(c, s, *bios)
except ValueError as e:
    print("msg callback raised", e)
cctx._msg_callback = None
try:
    cctx._msg_callback = 5
except TypeError as e:
    print("TypeError", e)

# -- key log
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "keys.log")
    cctx.keylog_filename = path
    print("keylog_filename set", cctx.keylog_filename == path)
    c, s, *bios = pair(cctx, sctx, "localhost")
    handshake(c, s, *bios)
    cctx.keylog_filename = None
    with open(path) as f:
        lines = f.read().splitlines()
    print("keylog header", lines[0])
    print("keylog labels", sorted({line.split()[0] for line in lines[1:]}))
    try:
        cctx.keylog_filename = os.path.join(d, "no", "such", "dir")
    except OSError as e:
        print(type(e).__name__, e.errno)
try:
    cctx.keylog_filename = 5
except TypeError as e:
    print("TypeError", e)

# -- sessions: resume with the first connection's session (TLS 1.2)
c12 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
c12.load_verify_locations(KEYCERT)
c12.maximum_version = ssl.TLSVersion.TLSv1_2
c, s, *bios = pair(c12, sctx, "localhost")
print("first", handshake(c, s, *bios), c.version(), c.session_reused)
sess = c.session
print("session", sess.has_ticket, sess == c.session, sess != c.session)
c2, s2, *bios2 = pair(c12, sctx, "localhost", session=sess)
print("second", handshake(c2, s2, *bios2), c2.session_reused, s2.session_reused)
print("same session id", c2.session.id == sess.id)
print("stats", {k: v for k, v in sctx.session_stats().items() if v})
try:
    c2._sslobj.session = sess
except ValueError as e:
    print("ValueError", e)
try:
    s2._sslobj.session = sess
except ValueError as e:
    print("ValueError", e)
c3 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
x = c3.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="localhost")
try:
    x.session = sess
except ValueError as e:
    print("ValueError", e)
