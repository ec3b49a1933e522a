import signal, select, os, time
r, w = os.pipe()
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t = time.monotonic()
print(select.select([r], [], [], 0.3), hits, time.monotonic() - t > 0.25)
class Stop(Exception): pass
def h(s, f): raise Stop("from handler")
signal.signal(signal.SIGALRM, h)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.select([r], [], [])
except Stop as e:
    print("Stop", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.poll().poll()
except Stop as e:
    print("Stop", e)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    select.epoll().poll()
except Stop as e:
    print("Stop", e)
