def f1():
    try:
        return "try"
    finally:
        print("finally 1")

def f2():
    try:
        return "try"
    finally:
        return "finally"

def f3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("fin", i)
    else:
        print("else not reached")
    return i

def f4():
    x = 0
    while True:
        try:
            try:
                x += 1
                if x > 2:
                    return x
            finally:
                print("inner", x)
        finally:
            print("outer", x)

def f5():
    try:
        raise ValueError("v")
    except ValueError as e:
        try:
            return str(e)
        finally:
            print("nested finally")
    finally:
        print("outer finally")

def f6():
    try:
        1 / 0
    finally:
        return "swallowed"

def f7():
    for i in range(3):
        try:
            raise KeyError(i)
        except KeyError:
            continue
        finally:
            print("f7 fin", i)

def f8():
    try:
        try:
            raise ValueError("a")
        finally:
            print("f8 inner finally")
    except ValueError as e:
        print("caught", e)
    return "done"

print(f1(), f2(), f3(), f4(), f5(), f6(), f7(), f8())

def g():
    r = []
    for x in range(3):
        try:
            for y in range(3):
                try:
                    if y == 1:
                        break
                    r.append((x, y))
                finally:
                    r.append("i")
        finally:
            r.append("o")
    return r
print(g())

def h(n):
    try:
        if n:
            return n
    finally:
        n = n * 10
        print("h sees", n)
print(h(3), h(0))

def ret_value_kept():
    x = 1
    try:
        return x
    finally:
        x = 2
print(ret_value_kept())

def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        print(repr(e), repr(e.__context__))
exc_in_finally()
