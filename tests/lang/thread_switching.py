# Switching: two threads that each need the other to progress (ping-pong
# through busy-waiting on a shared variable, no blocking call), a thread
# spinning while the main thread waits on a lock, sleep releasing the GIL,
# and sys.setswitchinterval.
import sys
import threading
import time

turn = [0]
log = []


def player(me, other, rounds):
    for r in range(rounds):
        while turn[0] != me:
            pass  # spin: only the GIL hand-over lets the other thread move
        log.append((me, r))
        turn[0] = other


a = threading.Thread(target=player, args=(0, 1, 20))
b = threading.Thread(target=player, args=(1, 0, 20))
a.start()
b.start()
a.join()
b.join()
print(len(log), log[:4], log == [(i % 2, i // 2) for i in range(40)])

# a spinner cannot starve the main thread
stop = False
spins = [0]


def spinner():
    while not stop:
        spins[0] += 1


t = threading.Thread(target=spinner)
t.start()
x = 0
for i in range(10000):
    x += i
stop = True
t.join()
print("main progressed:", x, spins[0] > 0)

# sleeping threads overlap
start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("sleeps overlapped:", time.monotonic() - start < 0.8)

print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
turn[0] = 0
log.clear()
a = threading.Thread(target=player, args=(0, 1, 10))
b = threading.Thread(target=player, args=(1, 0, 10))
a.start()
b.start()
a.join()
b.join()
print(len(log))
sys.setswitchinterval(0.005)
