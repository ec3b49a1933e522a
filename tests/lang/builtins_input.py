# input(): the prompt goes to sys.stdout, the line comes from sys.stdin's
# readline(); EOF raises EOFError.
import sys


class Lines:
    def __init__(self, *lines):
        self.lines = list(lines)
        self.calls = 0

    def readline(self):
        self.calls += 1
        return self.lines.pop(0) if self.lines else ''


saved = sys.stdin
sys.stdin = Lines('first\n', 'second line\n', 'no newline', '\n')
print(repr(input()))
print(repr(input('prompt> ')))
print(repr(input(42)))
print(repr(input()))
try:
    input('last? ')
except EOFError as e:
    print('EOFError', e)
print('readline calls', sys.stdin.calls)


class Weird:
    def readline(self):
        return 5


sys.stdin = Weird()
try:
    input()
except TypeError as e:
    print('TypeError', e)

sys.stdin = None
try:
    input()
except RuntimeError as e:
    print('RuntimeError', e)
sys.stdin = saved

for args in ((1, 2),):
    try:
        input(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    input(prompt='x')
except TypeError as e:
    print('TypeError', e)
