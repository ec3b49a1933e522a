import socket, os, sys
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]
print(repr(srv.family), repr(srv.type), srv.proto, srv.gettimeout())
pid = os.fork()
if pid == 0:
    srv.close()
    c = socket.create_connection(("127.0.0.1", port), timeout=5)
    c.sendall(b"ping " * 1000)
    c.shutdown(socket.SHUT_WR)
    data = b""
    while chunk := c.recv(4096):
        data += chunk
    c.close()
    os._exit(0 if data == b"PONG" else 1)
conn, addr = srv.accept()
print(addr[0], type(conn).__name__, conn.getsockname()[1] == port)
f = conn.makefile("rb")
data = f.read()
print(len(data), data[:10])
f.close()
conn.sendall(b"PONG")
conn.close()
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
srv.settimeout(0.1)
try:
    srv.accept()
except TimeoutError as e:
    print(type(e).__name__, e, isinstance(e, socket.timeout))
srv.close()
print(srv)
u1, u2 = socket.socketpair()
print(u1.family, u2.type)
u1.send(b"abc"); print(u2.recv(10))
with u1, u2: pass
print(u1._closed, u1.fileno())
try:
    socket.create_connection(("127.0.0.1", port), timeout=1)
except OSError as e:
    print(type(e).__name__, e.errno)
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
d.bind(("127.0.0.1", 0))
d2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
d2.sendto(b"dgram", d.getsockname())
data, a = d.recvfrom(100); print(data, a[0], a[1] == d2.getsockname()[1])
b = bytearray(3); d2.sendto(b"xyzw", ("127.0.0.1", d.getsockname()[1])); print(d.recvfrom_into(b)[0], b)
d.close(); d2.close()
print([ (repr(f), repr(t)) for f, t, *_ in socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)])
print(socket.getfqdn("127.0.0.1") != "", socket.gethostname() == os.uname().nodename)
s6 = socket.socket(socket.AF_INET6); s6.bind(("::1", 0)); print(s6.getsockname()[0], len(s6.getsockname())); s6.close()
import tempfile
p = os.path.join(tempfile.mkdtemp(), "sock")
us = socket.socket(socket.AF_UNIX); us.bind(p); us.listen(); print(us.getsockname() == p)
uc = socket.socket(socket.AF_UNIX); uc.connect(p); c, a = us.accept(); print(repr(a)); uc.send(b"unix"); print(c.recv(10))
for x in (us, uc, c): x.close()
os.unlink(p)
ab = socket.socket(socket.AF_UNIX); ab.bind(b"\0krait-test-abstract"); print(ab.getsockname()); ab.close()
print(socket.socket().dup().__class__.__name__)
