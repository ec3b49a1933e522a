"""Run tests/unit/builtins/cases.py line by line in CPython 3.11, printing
what tests/unit/builtins_test.c prints for each line: repr(value) for an
expression, "ok" for an assignment, "Type: message" for an exception."""
import os
import sys

os.dup2(os.open("tests/unit/builtins/stdin.txt", os.O_RDONLY), 0)
sys.argv = ["builtins_test", "arg1"]
env = {"__builtins__": __builtins__}
with open("tests/unit/builtins/cases.py") as f:
    for line in f:
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        if os.environ.get("BUILTINS_TEST_ECHO"):
            print("case:", line)
        try:
            try:
                code = compile(line, "<case>", "eval")
            except SyntaxError:
                exec(compile(line, "<case>", "exec"), env)
                print("ok")
            else:
                print(repr(eval(code, env)))
        except BaseException as e:
            print(f"{type(e).__name__}: {e}")
