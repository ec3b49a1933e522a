# print(): sep, end, file, flush, and sys.stdout replaced by the program.
import sys


class Recorder:
    def __init__(self):
        self.parts = []
        self.flushes = 0

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.flushes += 1


print(1, 2, 3)
print('a', 'b', sep='-')
print('a', 'b', sep=None, end=None)
print('x', 'y', sep='', end='!\n')
print()
print('no newline', end='')
print(' -- continued')
print([1, 'two', None], {'k': (3,)}, 4.5, True)
print('é€😀')

r = Recorder()
print('to', 'recorder', sep='|', end='#', file=r)
print(file=r)
print('flushed', file=r, flush=True)
print('not flushed', file=r, flush=0)
print(r.parts, r.flushes)


class Shouty:
    def __str__(self):
        return 'SHOUT'

    def __repr__(self):
        return 'shout()'


print(Shouty(), [Shouty()])

saved = sys.stdout
sys.stdout = r
print('captured')
sys.stdout = saved
print(r.parts[-2:])

sys.stdout = None
print('dropped silently')
sys.stdout = saved
print('stdout back')

for kwargs in ({'sep': 1}, {'end': 2}, {'file': 3}, {'foo': 4}):
    try:
        print('x', **kwargs)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


class NoFlush:
    def write(self, s):
        return len(s)


try:
    print('x', file=NoFlush(), flush=True)
except AttributeError as e:
    print('AttributeError', e)


class BadStr:
    def __str__(self):
        raise ValueError('no str for you')


try:
    print('before', BadStr(), 'after')
except ValueError as e:
    print('ValueError', e)

print(sys.stdout.write('direct write\n'))
sys.stdout.writelines(['l1\n', 'l2\n'])
try:
    sys.stdout.write(5)
except TypeError as e:
    print('TypeError', e)
print(sys.stdout.encoding, sys.stdout.closed, sys.stdout.writable(), sys.stdout.readable())
print(repr(sys.stdout), repr(sys.stdin))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
