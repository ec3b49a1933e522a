# A small expression evaluator written with match statements over tuples.
def evaluate(expr, env):
    match expr:
        case int() | float() as n:
            return n
        case str() as name:
            if name not in env:
                raise NameError(f"unbound {name}")
            return env[name]
        case ("neg", x):
            return -evaluate(x, env)
        case ("+" | "-" | "*" | "/" as op, left, right):
            a, b = evaluate(left, env), evaluate(right, env)
            match op:
                case "+": return a + b
                case "-": return a - b
                case "*": return a * b
                case "/":
                    if b == 0:
                        raise ZeroDivisionError("evaluator: divide by zero")
                    return a / b
        case ("let", str(name), value, body):
            return evaluate(body, {**env, name: evaluate(value, env)})
        case ("if", cond, then, otherwise):
            return evaluate(then if evaluate(cond, env) else otherwise, env)
        case ("call", ("lambda", [*params], body), [*args]) if len(params) == len(args):
            return evaluate(body, {**env, **dict(zip(params, (evaluate(a, env) for a in args)))})
        case ("call", _, _):
            raise TypeError("bad call")
        case {"op": op, "args": [*args]}:
            return evaluate((op, *args), env)
        case _:
            raise ValueError(f"cannot evaluate {expr!r}")

programs = [
    ("+", 1, ("*", 2, 3)),
    ("let", "x", 5, ("*", "x", "x")),
    ("if", ("-", 3, 3), 100, 200),
    ("call", ("lambda", ["a", "b"], ("-", "a", "b")), [10, 4]),
    ("call", ("lambda", ["a"], "a"), [1, 2]),
    {"op": "/", "args": [7, 2]},
    ("/", 1, 0),
    ("neg", ("+", "y", 1)),
    ("unknown", 1),
    ("let", "y", 2.5, ("neg", ("+", "y", 1))),
]
for p in programs:
    try:
        print(evaluate(p, {}))
    except Exception as e:
        print(type(e).__name__, e)
