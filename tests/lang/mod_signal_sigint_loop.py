# A SIGINT that arrives while Python code loops becomes KeyboardInterrupt at
# the next safe point, without the signal module being imported first; a
# Python handler installed with signal.signal runs there instead.
import os

i = 0
try:
    while True:
        i += 1
        if i == 100:
            os.kill(os.getpid(), 2)
        if i > 10**6:
            print("not delivered")
            break
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", type(e).__name__, 100 <= i < 1000)

import signal

got = []
signal.signal(signal.SIGINT, lambda signum, frame: got.append((signum, type(frame).__name__)))
for j in range(100000):
    if j == 10:
        signal.raise_signal(signal.SIGINT)
    if got:
        break
print(got, 10 <= j < 1000)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    for k in range(1000):
        if k == 5:
            os.kill(os.getpid(), signal.SIGINT)
    print("not delivered")
except KeyboardInterrupt:
    print("KeyboardInterrupt again")
