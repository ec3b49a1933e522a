# Socket timeouts: blocking, non-blocking and timed modes, the descriptor's
# O_NONBLOCK flag under each, the default timeout, and timeouts that expire.
import os, socket, time
a, b = socket.socketpair()
def mode(s):
    return s.gettimeout(), s.getblocking(), os.get_blocking(s.fileno()), s.timeout
print(mode(a))
a.settimeout(0.5); print(mode(a))
a.settimeout(0); print(mode(a))
a.setblocking(True); print(mode(a))
a.setblocking(False); print(mode(a))
a.settimeout(None); print(mode(a))
a.settimeout(2); print(mode(a), type(a.gettimeout()).__name__)
for bad in (-1, -0.5, "1", float("nan")):
    try:
        a.settimeout(bad)
    except Exception as e:
        print(type(e).__name__, e)
a.settimeout(0.1)
t = time.monotonic()
try:
    a.sendall(b"x" * 20_000_000)
except TimeoutError as e:
    print("sendall", type(e).__name__, e, isinstance(e, OSError), e.errno)
print(time.monotonic() - t >= 0.09)
b.settimeout(0.0)
n = 0
while True:
    try:
        chunk = b.recv(1 << 20)
    except BlockingIOError as e:
        print("drained", e.errno, n > 0)
        break
    n += len(chunk)
b.settimeout(0.05)
try:
    b.recv_into(bytearray(4))
except socket.timeout as e:
    print("recv_into", e)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(1.5)
c = socket.socket()
print(mode(c)[:2], socket.getdefaulttimeout())
srv = socket.create_server(("127.0.0.1", 0))
print(srv.gettimeout())
cl = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
print("accepted", conn.gettimeout())
socket.setdefaulttimeout(None)
srv.settimeout(3)
cl2 = socket.create_connection(srv.getsockname())
conn2, _ = srv.accept()
print("accepted", conn2.gettimeout(), conn2.getblocking())
for s in (a, b, c, srv, cl, conn, cl2, conn2):
    s.close()
