# An uncaught exception group with nested groups, chained members and
# tracebacks is printed in boxes (only the last stderr line is compared; the
# parts are checked on stdout).


def leaf(n):
    raise ValueError(f"leaf {n}")


def collect():
    errors = []
    for n in range(3):
        try:
            leaf(n)
        except ValueError as e:
            errors.append(e)
    try:
        try:
            raise KeyError("first")
        except KeyError as k:
            raise TypeError("second") from k
    except TypeError as t:
        errors.append(t)
    return errors


def main():
    errors = collect()
    inner = ExceptionGroup("inner", errors[:2])
    group = ExceptionGroup("outer", [inner, errors[2], errors[3]])
    print(str(group), repr(group.exceptions[0]), len(group.exceptions))
    print([type(e).__name__ for e in group.exceptions])
    print(repr(group.exceptions[2].__cause__))
    raise group


main()
