# sendmsg/recvmsg/recvmsg_into and socket.send_fds/recv_fds (SCM_RIGHTS).
# _socket exposes them only in a build with the array module, which
# socket.py imports for send_fds once sendmsg exists.
import socket, os
a, b = socket.socketpair()
def t(f, *x):
    try:
        print(repr(f(*x)))
    except Exception as e:
        print(type(e).__name__, e)
t(a.sendmsg, [b'ab', b'cd']); t(b.recvmsg, 10); t(a.sendmsg, 5); t(a.sendmsg, [5]); t(a.sendmsg, [b'x'], 5)
t(a.sendmsg, [b'x'], [5]); t(a.sendmsg, [b'x'], [(1, 2)]); t(a.sendmsg, [b'x'], [], 'a')
t(b.recvmsg, -1); t(b.recvmsg, 10, -1)
a.send(b'xy'); t(b.recvmsg, 1, 0); t(b.recvmsg, 1, 0, socket.MSG_DONTWAIT)
r, w = os.pipe()
print(socket.send_fds(a, [b'hi', b'!'], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 10, 2)
print(msg, len(fds), flags, addr)
os.write(fds[1], b'through passed fd'); print(os.read(r, 100))
for fd in fds + [r, w]:
    os.close(fd)
t(a.sendmsg, [b'x'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, b'abc')]); t(b.recvmsg, 10, 100)
buf = bytearray(3); buf2 = bytearray(5); a.send(b'12345678'); t(b.recvmsg_into, [buf, buf2]); print(buf, buf2)
t(b.recvmsg_into, [b'abc'])
d = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); d.bind(('127.0.0.1', 0))
e = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(e.sendmsg([b'dg', b'ram'], [], 0, d.getsockname())); m = d.recvmsg(10); print(m[0], m[1], m[2], m[3][0])
