import os
log = []
os.register_at_fork(before=lambda: log.append("b1"), after_in_parent=lambda: log.append("p1"))
os.register_at_fork(before=lambda: log.append("b2"), after_in_child=lambda: log.append("c2"))
for bad in [{}, {"before": 1}, {"after_in_child": "x"}, {"nope": len}]:
    try: os.register_at_fork(**bad)
    except TypeError as e: print(e)
try: os.register_at_fork(len)
except TypeError as e: print(e)
pid = os.fork()
if pid == 0:
    print("child", log, flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent", log)
