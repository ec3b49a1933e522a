import pickle, copy, time, os, weakref
class MyStr(str):
    pass
s = MyStr("abc")
r = weakref.ref(s)
print(r() == "abc", type(r()).__name__)
class A:
    def meth(self, x):
        return x * 2
objs = [..., NotImplemented, A().meth, [].append, str.upper, dict.fromkeys, list.append,
        map(abs, [1, -2]), filter(None, [0, 1, 2]), time.gmtime(0), os.stat_result(range(10))]
for o in objs:
    print(type(o).__name__, end=": ")
    try:
        red = o.__reduce_ex__(2)
        print(type(red).__name__, end=" ")
        for proto in range(6):
            back = pickle.loads(pickle.dumps(o, proto))
        c = copy.copy(back)
        if type(o).__name__ in ("map", "filter"):
            print(list(back))
        elif type(o).__name__ == "method":
            print(back(21))
        else:
            print(back == o or back is o, repr(back)[:60].split(" at 0x")[0])
    except Exception as e:
        print(type(e).__name__, e)
st = time.localtime(0)
print(st.__reduce__()[1][1].keys() == {"tm_zone", "tm_gmtoff"}, pickle.loads(pickle.dumps(st)).tm_zone == st.tm_zone)
