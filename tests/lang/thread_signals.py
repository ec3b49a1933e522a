# Signals with threads: Python handlers run in the main thread only; a
# signal interrupts the main thread's wait on a lock (the handler runs, and
# an exception it raises comes out of acquire; otherwise the wait goes on);
# signal.signal refuses other threads; _thread.interrupt_main.
import _thread
import os
import signal
import threading
import time

ran_in = []


def handler(signum, frame):
    ran_in.append(threading.current_thread() is threading.main_thread())


signal.signal(signal.SIGUSR1, handler)


def send_from_thread():
    os.kill(os.getpid(), signal.SIGUSR1)


t = threading.Thread(target=send_from_thread)
t.start()
t.join()
for _ in range(100):
    if ran_in:
        break
    time.sleep(0.01)
print("handler ran in main thread:", ran_in)

# a handler that does not raise: the wait goes on until the release
lock = threading.Lock()
lock.acquire()
ran_in.clear()


def signal_then_release():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGUSR1)
    time.sleep(0.05)
    lock.release()


t = threading.Thread(target=signal_then_release)
t.start()
print("acquired:", lock.acquire(timeout=10), "handler calls:", ran_in)
t.join()
lock.release()

# SIGINT (default handler): KeyboardInterrupt comes out of acquire
held = threading.Lock()
held.acquire()


def interrupt():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)


t = threading.Thread(target=interrupt)
t.start()
try:
    held.acquire()
    print("acquired?!")
except KeyboardInterrupt:
    print("KeyboardInterrupt out of acquire")
t.join()

# the same out of an RLock and a Condition wait
rl = threading.RLock()
owner_ready = threading.Event()
finish = threading.Event()


def own():
    with rl:
        owner_ready.set()
        finish.wait(10)


o = threading.Thread(target=own)
o.start()
owner_ready.wait(10)
t = threading.Thread(target=interrupt)
t.start()
try:
    rl.acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt out of RLock.acquire")
t.join()
finish.set()
o.join()

errors = []


def try_signal():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        errors.append(str(e))


t = threading.Thread(target=try_signal)
t.start()
t.join()
print(errors)

# interrupt_main from a thread: KeyboardInterrupt in the main thread
t = threading.Thread(target=_thread.interrupt_main)
try:
    t.start()
    t.join()
    for _ in range(1000):
        time.sleep(0.001)
    print("not interrupted?!")
except KeyboardInterrupt:
    print("KeyboardInterrupt from interrupt_main")
t.join()
