import socket
def t(f, *x):
    try:
        print(repr(f(*x)))
    except Exception as e:
        print(type(e).__name__, e)
print(socket.if_nameindex()[:1], socket.if_nametoindex('lo'), socket.if_nametoindex(b'lo'), socket.if_indextoname(1))
t(socket.if_nametoindex, 'nosuch'); t(socket.if_indextoname, 9999); t(socket.if_indextoname, -1)
t(socket.if_nametoindex, 5); t(socket.if_indextoname, 'a'); t(socket.if_nametoindex, 'a\0b')
print(all(socket.if_indextoname(i) == n for i, n in socket.if_nameindex()))
