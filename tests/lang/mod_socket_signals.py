# Socket calls interrupted by signals: a handler that returns lets the call
# go on (PEP 475), one that raises ends it with its exception.
import signal, socket, time
a, b = socket.socketpair()
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
a.settimeout(0.3)
t = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print("timeout", e, hits, time.monotonic() - t > 0.25)
class Stop(Exception):
    pass
def h(s, f):
    raise Stop("handler")
signal.signal(signal.SIGALRM, h)
a.settimeout(None)
for call in (lambda: a.recv(10), lambda: a.recv_into(bytearray(5)), lambda: a.recvfrom(10)):
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        call()
    except Stop as e:
        print("Stop", e)
srv = socket.create_server(("127.0.0.1", 0))
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    srv.accept()
except Stop as e:
    print("Stop", e)
signal.setitimer(signal.ITIMER_REAL, 0)
b2 = socket.create_connection(srv.getsockname())
c, _ = srv.accept()
c.sendall(b"x" * 100000)
got = 0
while got < 100000:
    got += len(b2.recv(65536))
print(got, hits)
for s in (a, b, srv, b2, c):
    s.close()
