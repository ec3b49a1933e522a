# Empty and read-only/writable buffers passed to socket, fcntl and select calls.
import socket, fcntl, os, select
a, b = socket.socketpair()
print(a.send(bytearray()), a.send(memoryview(b"")), a.sendall(bytearray()))
a.send(b"xy"); print(b.recv_into(bytearray(0)), b.recv(0))
r, w = os.pipe()
print(fcntl.fcntl(r, fcntl.F_GETFD, b""), fcntl.ioctl(r, 0x541B, bytearray(4)))
for bad in (bytearray(), memoryview(b"ab")):
    try:
        fcntl.fcntl(r, fcntl.F_GETFD, bad)
    except TypeError as e:
        print(e)
try:
    fcntl.fcntl(r, fcntl.F_GETFD, bytearray())
except TypeError as e:
    print(e)
print(select.poll().poll(0), select.select([], [], [], 0))
u = socket.socket(socket.AF_UNIX)
try:
    u.bind(bytearray())
except OSError as e:
    print(type(e).__name__)
print(socket.inet_ntop(socket.AF_INET, bytearray(4)))
try:
    socket.inet_ntop(socket.AF_INET, bytearray())
except ValueError as e:
    print(e)
