def loop_with_handlers():
    out = []
    for i in range(6):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            if i == 4:
                break
            out.append(i)
        except ValueError as e:
            out.append(f"v{e}")
            continue
        finally:
            out.append("f")
    return out
print(loop_with_handlers())

def return_from_except():
    try:
        raise KeyError
    except KeyError:
        return "from except"
    finally:
        print("finally after return in except")
print(return_from_except())

def break_in_except():
    for i in range(3):
        try:
            raise ValueError
        except ValueError:
            break
    return i
print(break_in_except())

def nested_loops_exceptions():
    found = []
    for a in range(3):
        for b in range(3):
            try:
                if b == 1:
                    continue
                if a == 2:
                    raise StopIteration
                found.append((a, b))
            except StopIteration:
                break
    return found
print(nested_loops_exceptions())

def exception_in_while_condition():
    items = [1, 2]
    try:
        while items.pop():
            pass
    except IndexError as e:
        return "while condition raised " + str(e)
print(exception_in_while_condition())

def generator_with_handlers():
    for i in range(4):
        try:
            if i == 2:
                raise RuntimeError("skip")
            yield i
        except RuntimeError:
            yield "handled"
        finally:
            pass
print(list(generator_with_handlers()))
# sys.exc_info is cleared after the handler
import sys
try:
    raise ValueError
except ValueError:
    pass
print(sys.exc_info())
def exc_info_in_finally():
    try:
        raise TypeError("t")
    finally:
        return sys.exc_info()[0].__name__
print(exc_info_in_finally())
