def ret_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(ret_overrides())

def ret_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(ret_swallows_exception())

def finally_runs_on_return():
    log = []
    def inner():
        try:
            log.append("try")
            return "value"
        finally:
            log.append("finally")
    r = inner()
    return r, log
print(finally_runs_on_return())

def return_value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_evaluated_before_finally())

def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "broke at " + str(i)
print(break_in_finally())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError("dropped")
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())

def break_from_try():
    log = []
    for i in range(5):
        try:
            if i == 2:
                break
            log.append(i)
        finally:
            log.append("f" + str(i))
    return log
print(break_from_try())

def continue_from_try():
    log = []
    i = 0
    while i < 3:
        i += 1
        try:
            continue
        finally:
            log.append(i)
    return log
print(continue_from_try())

def nested_finally():
    log = []
    try:
        try:
            return "inner"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
        print(log)
print(nested_finally())

def finally_exception_replaces():
    try:
        try:
            raise KeyError("first")
        finally:
            raise ValueError("second")
    except Exception as e:
        return type(e).__name__, str(e), type(e.__context__).__name__
print(finally_exception_replaces())

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = generator_finally()
print(next(g))
g.close()
print("closed")

def try_else():
    log = []
    for fail in (False, True):
        try:
            if fail:
                raise ValueError
        except ValueError:
            log.append("except")
        else:
            log.append("else")
        finally:
            log.append("finally")
    return log
print(try_else())

def else_return():
    try:
        pass
    except Exception:
        return "except"
    else:
        return "else"
    finally:
        print("finally before else's return completes")
print(else_return())
