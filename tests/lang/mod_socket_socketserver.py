# socketserver: an echo server in a forked child (krait runs one thread),
# clients in the parent; TCP, UDP, Unix streams and ForkingTCPServer.
import os, socket, socketserver, tempfile

class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())

class UdpEcho(socketserver.DatagramRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.read()[::-1])

def serve(server, n):
    pid = os.fork()
    if pid == 0:
        try:
            for _ in range(n):
                server.handle_request()
        finally:
            os._exit(0)
    server.server_close()
    return pid

def finish(pid):
    print("server exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

srv = socketserver.TCPServer(("127.0.0.1", 0), Echo)
addr = srv.server_address
pid = serve(srv, 2)
for words in (["hello", "world"], ["second", "client"]):
    with socket.create_connection(addr, timeout=10) as c:
        f = c.makefile("rwb")
        for w in words:
            f.write(w.encode() + b"\n")
            f.flush()
            print(f.readline())
        f.close()
finish(pid)

srv = socketserver.UDPServer(("127.0.0.1", 0), UdpEcho)
addr = srv.server_address
pid = serve(srv, 1)
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
    c.settimeout(10)
    c.sendto(b"datagram", addr)
    print(c.recvfrom(100)[0])
finish(pid)

path = os.path.join(tempfile.mkdtemp(), "echo.sock")
srv = socketserver.UnixStreamServer(path, Echo)
pid = serve(srv, 1)
with socket.socket(socket.AF_UNIX) as c:
    c.settimeout(10)
    c.connect(path)
    c.sendall(b"unix line\n")
    c.shutdown(socket.SHUT_WR)
    print(c.recv(100))
finish(pid)
os.unlink(path)

class Forking(socketserver.ForkingTCPServer):
    allow_reuse_address = True
srv = Forking(("127.0.0.1", 0), Echo)
addr = srv.server_address
pid = os.fork()
if pid == 0:
    try:
        srv.handle_request()
        srv.server_close()  # waits for the forked handler
    finally:
        os._exit(0)
srv.socket.close()
with socket.create_connection(addr, timeout=10) as c:
    c.sendall(b"forked\n")
    c.shutdown(socket.SHUT_WR)
    print(c.recv(100))
finish(pid)
