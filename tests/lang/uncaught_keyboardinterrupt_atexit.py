import atexit
atexit.register(lambda: print("atexit ran", flush=True))
print("start", flush=True)
raise KeyboardInterrupt
