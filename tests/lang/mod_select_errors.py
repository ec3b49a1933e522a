import select, os
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
p = select.poll()
t(p.register, -1); t(p.register, 2**31); t(p.register, 'x'); t(p.register, 1, -1)
t(p.register, 1, 2**16); t(p.register, 1, 'a'); t(p.unregister, 1)
t(p.poll, 'x'); t(p.modify, 99, 1); t(p.unregister, 99)
t(select.select, [], [], [], -1); t(select.select, [], [], [], 'x'); t(select.select, 5, [], [])
t(select.select, [-1], [], []); t(select.select, ['x'], [], []); t(select.select, [1 << 20], [], [])
t(select.select, [], [], [], 0.0); t(select.select, [], [], []  , 0); t(select.select, [], [])
class Bad:
    def fileno(self): return "x"
class Boom:
    def fileno(self): raise KeyError("k")
t(select.select, [Bad()], [], []); t(select.select, [Boom()], [], [])
e = select.epoll()
t(e.poll, 1.0e-3); t(e.poll, 'x'); t(e.poll, 0.0, 0); t(e.poll, 0.0, -2)
t(e.register, -1); t(select.epoll, -5); t(select.epoll, flags=3); t(select.epoll, 0)
r, w = os.pipe()
e.register(r)
t(e.register, r)
t(e.modify, w, 1)
t(e.unregister, w)
e.close(); print(e.closed)
t(e.fileno); t(e.register, 0); t(e.poll); t(e.__enter__); print(e.close())
e2 = select.epoll.fromfd(os.dup(r)); print(type(e2).__name__, e2.closed); t(e2.poll, 0)
e2.close()
print(select.error is OSError, select.EPOLLET, select.POLLIN, select.EPOLLRDHUP, select.PIPE_BUF)
print(type(select.poll()).__name__, type(select.poll()).__module__)
t(type(select.poll()))
