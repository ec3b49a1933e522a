def watcher():
    me = yield
    while True:
        print("running flag inside:", me.gi_running)
        try:
            next(me)
        except ValueError as e:
            print("reentrant next:", type(e).__name__, e)
        try:
            me.send(None)
        except ValueError as e:
            print("reentrant send:", e)
        yield "done"
w = watcher()
next(w)
print(w.send(w))
print("running flag outside:", w.gi_running)
def closer():
    me = yield
    try:
        me.close()
    except ValueError as e:
        print("reentrant close:", e)
    yield
c = closer()
next(c)
c.send(c)
def thrower():
    me = yield
    try:
        me.throw(KeyError)
    except ValueError as e:
        print("reentrant throw:", e)
    yield
t = thrower()
next(t)
t.send(t)
print("ok")
