def risky(n):
    errors = []
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(f"bad value {i}")
            if i % 3 == 1:
                raise KeyError(f"k{i}")
        except Exception as e:
            errors.append(e)
    if errors:
        raise ExceptionGroup(f"{len(errors)} failures", errors)

try:
    risky(6)
except* ValueError as g:
    print("values:", [str(e) for e in g.exceptions])
except* KeyError as g:
    print("keys:", [str(e) for e in g.exceptions])

# nested groups flattened by except*
try:
    raise ExceptionGroup("top", [
        ExceptionGroup("mid", [ValueError("deep 1"), TypeError("deep 2")]),
        ValueError("shallow"),
    ])
except* ValueError as g:
    print(repr(g))
except* TypeError as g:
    print(repr(g))

# an unhandled part is re-raised as a group
try:
    try:
        raise ExceptionGroup("mixed", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as rest:
    print("rest:", repr(rest))

# raising a new exception from an except* clause chains it
try:
    try:
        raise ExceptionGroup("orig", [ValueError("v")])
    except* ValueError as g:
        raise RuntimeError("converted") from g
except ExceptionGroup as eg:
    print(repr(eg), repr(eg.exceptions[0].__cause__))
# exceptions of the same group with a traceback each
eg = ExceptionGroup("g", [ValueError("a"), ValueError("b")])
print(eg.exceptions[0] is eg.exceptions[0], len(eg.exceptions), eg.message, repr(eg.args[1]))
def handler_count():
    caught = 0
    try:
        raise ExceptionGroup("many", [ValueError(i) for i in range(5)])
    except* ValueError as g:
        caught = len(g.exceptions)
    return caught
print(handler_count())
