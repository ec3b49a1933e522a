# _ssl over real sockets: a threaded TLS echo server on loopback with
# keycert.pem, clients in blocking mode, with a timeout and non-blocking;
# makefile(), sendall/recv, unwrap back to clear text, a server that never
# answers (the handshake times out), and a client that fails verification.
import os
import select
import socket
import ssl
import threading

TEST_DIR = "/usr/lib/python3.11/test"
KEYCERT = os.path.join(TEST_DIR, "keycert.pem")

sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(KEYCERT)
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(KEYCERT)

listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(5)
port = listener.getsockname()[1]
server_log = []


go_on = threading.Event()


def serve(n):
    for i in range(n):
        if i == 2:
            go_on.wait()   # the non-blocking client's first try finds no answer
        conn, _ = listener.accept()
        try:
            with sctx.wrap_socket(conn, server_side=True) as tls:
                server_log.append(("version", tls.version()))
                while True:
                    data = tls.recv(1024)
                    if not data:
                        break
                    if data == b"STARTTLS-OFF":
                        tls.sendall(b"OK")
                        plain = tls.unwrap()
                        server_log.append(("clear", plain.recv(100)))
                        plain.sendall(b"clear reply")
                        plain.close()
                        break
                    tls.sendall(data.upper())
        except (ssl.SSLError, OSError) as e:
            server_log.append(("server error", type(e).__name__, getattr(e, "reason", None)))


t = threading.Thread(target=serve, args=(5,))
t.start()

# 1. blocking client
with socket.create_connection(("127.0.0.1", port)) as raw:
    with cctx.wrap_socket(raw, server_hostname="localhost") as s:
        print("version", s.version(), "server_hostname", s.server_hostname)
        print("peer cn", s.getpeercert()["subject"][-1])
        print("cipher bits", s.cipher()[2])
        s.sendall(b"hello")
        print("echo", s.recv(100))
        f = s.makefile("rwb")
        f.write(b"line one\n")
        f.flush()
        print("makefile", f.readline())
        f.close()
        print("pending", s.pending())

# 2. a client with a timeout, and unwrap back to clear text
with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
    s = cctx.wrap_socket(raw, server_hostname="localhost")
    print("timeout", s.gettimeout())
    s.sendall(b"abc" * 1000)
    got = b""
    while len(got) < 3000:
        got += s.recv(4096)
    print("bulk", len(got), got[:6])
    s.sendall(b"STARTTLS-OFF")
    print("reply", s.recv(2))
    plain = s.unwrap()
    print("unwrapped", type(plain).__name__)
    plain.sendall(b"in the clear")
    print("clear", plain.recv(100))
    plain.close()

# 3. a non-blocking client: SSLWantReadError until the handshake is done
raw = socket.create_connection(("127.0.0.1", port))
raw.setblocking(False)
s = cctx.wrap_socket(raw, server_hostname="localhost", do_handshake_on_connect=False)
try:
    s.do_handshake()
except ssl.SSLWantReadError as e:
    print("first try", type(e).__name__, e.errno)
go_on.set()
while True:
    try:
        s.do_handshake()
        break
    except ssl.SSLWantReadError:
        select.select([s], [], [], 5)
    except ssl.SSLWantWriteError:
        select.select([], [s], [], 5)
print("nonblocking handshake", s.version())
s.sendall(b"nb")
while True:
    try:
        print("nonblocking echo", s.recv(10))
        break
    except ssl.SSLWantReadError:
        select.select([s], [], [], 5)
try:
    s.recv(10)
except ssl.SSLWantReadError as e:
    print("SSLWantReadError", e.errno)
s.close()

# 4. verification failure over a socket
with socket.create_connection(("127.0.0.1", port)) as raw:
    strict = ssl.create_default_context()
    try:
        strict.wrap_socket(raw, server_hostname="localhost")
    except ssl.SSLCertVerificationError as e:
        print("verify failed", e.verify_code, e.verify_message)

# 5. hostname mismatch over a socket
with socket.create_connection(("127.0.0.1", port)) as raw:
    try:
        cctx.wrap_socket(raw, server_hostname="wrong.example")
    except ssl.SSLCertVerificationError as e:
        print("mismatch", e.reason, e.verify_message)

t.join()
listener.close()
for entry in server_log:
    print("server", entry)

# 6. a server that accepts but never speaks TLS: the handshake times out
quiet = socket.socket()
quiet.bind(("127.0.0.1", 0))
quiet.listen(1)
with socket.create_connection(quiet.getsockname(), timeout=0.2) as raw:
    try:
        cctx.wrap_socket(raw, server_hostname="localhost")
    except TimeoutError as e:
        print(type(e).__name__, e)
quiet.close()

# 7. wrong types
for args, kw in [((object(),), {}), ((socket.socket(),), {"server_hostname": 5})]:
    try:
        cctx.wrap_socket(*args, **kw)
    except TypeError as e:
        print("TypeError", e)
    except AttributeError as e:
        print("AttributeError", e)
try:
    cctx._wrap_socket(object(), False)
except TypeError as e:
    print("TypeError", e)

# 8. a socket whose peer is gone, then closed under the SSL object
a, b = socket.socketpair()
w = cctx.wrap_socket(a, server_hostname="localhost", do_handshake_on_connect=False)
sslobj = w._sslobj
b.close()
for label, call in (("peer closed", sslobj.do_handshake), ):
    try:
        call()
    except OSError as e:
        print(label, type(e).__name__, e.errno)
w.close()
for label, call in (("closed handshake", sslobj.do_handshake), ("closed shutdown", sslobj.shutdown)):
    try:
        call()
    except OSError as e:
        print(label, type(e).__name__, e)

# 9. read and write timeouts against a TLS peer that neither writes nor reads
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(1)
held = []


def hold():
    conn, _ = listener.accept()
    held.append(sctx.wrap_socket(conn, server_side=True))


t = threading.Thread(target=hold)
t.start()
tls = cctx.wrap_socket(socket.create_connection(listener.getsockname()), server_hostname="localhost")
t.join()
tls.settimeout(0.2)
try:
    tls.recv(10)
except TimeoutError as e:
    print("read:", e)
try:
    while True:
        tls.send(b"x" * 65536)
except TimeoutError as e:
    print("write:", e)
tls.settimeout(0.0)
try:
    tls.recv(10)
except ssl.SSLWantReadError as e:
    print("non-blocking:", e)
tls.close()
held[0].close()
listener.close()

# 10. datagram sockets are refused
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
try:
    cctx.wrap_socket(udp, server_hostname="localhost")
except NotImplementedError as e:
    print("udp:", e)
udp.close()
