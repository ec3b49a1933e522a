class EventBus:
    def __init__(self):
        self.handlers = {}
        self.log = []
    def on(self, event, priority=0):
        def register(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), fn))
            return fn
        return register
    def emit(self, event, **payload):
        handlers = sorted(self.handlers.get(event, []), key=lambda t: (-t[0], t[1]))
        results = []
        for _, _, fn in handlers:
            try:
                r = fn(**payload)
            except StopPropagation as s:
                self.log.append(f"{event}: stopped by {fn.__name__} ({s})")
                break
            except Exception as e:
                self.log.append(f"{event}: {fn.__name__} failed with {type(e).__name__}: {e}")
                continue
            results.append(r)
        return results

class StopPropagation(Exception):
    pass

bus = EventBus()

@bus.on("login")
def greet(user, **_):
    return f"welcome {user}"

@bus.on("login", priority=10)
def audit(user, ip="?"):
    return f"audit {user}@{ip}"

@bus.on("login", priority=5)
def block_banned(user, **_):
    if user == "mallory":
        raise StopPropagation("banned user")
    return "ok"

@bus.on("logout")
def bye(user):
    return f"bye {user}"

@bus.on("logout")
def broken(user):
    return 1 / 0

print(bus.emit("login", user="alice", ip="10.0.0.1"))
print(bus.emit("login", user="mallory"))
print(bus.emit("logout", user="alice"))
print(bus.emit("unknown"))
try:
    bus.emit("logout", user="bob", extra=1)
except TypeError:
    pass
print(bus.emit("logout", user="bob", extra=1))
print("\n".join(bus.log))
print({e: [h[2].__name__ for h in hs] for e, hs in bus.handlers.items()})
