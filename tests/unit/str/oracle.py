"""CPython 3.11's answers to str_test's cases (see tests/unit/str_test.c).

Usage: oracle.py cases < CASES     one output line per case line
       oracle.py fmt               the str_format_c cases, via PyUnicode_FromFormat
Run it under the same PYTHONHASHSEED as the driver."""
import ctypes
import operator
import sys


class X:
    pass


class N:
    def __index__(self):
        return 3


class R:
    def __radd__(self, other):
        return 'radd'

    def __rmul__(self, other):
        return 'rmul'


class NR:
    def __index__(self):
        return 2

    def __rmul__(self, other):
        return 'rmul'


class NI:
    def __index__(self):
        return 2

    def __rmul__(self, other):
        return NotImplemented


CLASSES = {c.__name__: c for c in (X, N, R, NR, NI)}


def value(tok):
    if tok == 'T':
        return True
    if tok == 'F':
        return False
    if tok == 'N':
        return None
    kind, text = tok[0], tok[2:]
    if kind == 'h':
        return CLASSES[text]()
    if kind == 'i':
        return int(text)
    if kind == 'f':
        return float(text)
    data = bytes.fromhex(text)
    return data.decode('utf-8', 'surrogatepass') if kind == 's' else data


def show(v):
    if isinstance(v, str) and len(v) > 200:
        return '<str len %d hash %d>' % (len(v), hash(v))
    if isinstance(v, bytes) and len(v) > 200:
        return '<bytes len %d hash %d>' % (len(v), hash(v))
    return repr(v)


def error(e):
    return '%s: %s' % (type(e).__name__, e)


def attempt(f):
    try:
        return show(f())
    except Exception as e:  # noqa: BLE001 - every exception is an answer
        return error(e)


def items(v):
    n = len(v)
    code = ord if isinstance(v, str) else int
    out = ['%d:' % n]
    out += [str(code(v[(k * 7919 + 13) % n])) for k in range(n)]
    out.append('|')
    out += [str(code(v[-k])) for k in range(1, n + 1)]
    line = ' '.join(out)
    if isinstance(v, str):
        line += ' | ' + ''.join('%d ' % ord(c) for c in reversed(v))
    return line


def case(line):
    tok = line.split()
    op = tok[0]
    if op == 'info':
        v = value(tok[1])
        out = '%d %s %s' % (len(v), show(repr(v)), show(str(v)))
        if isinstance(v, str):
            out += ' %d' % (str(v) is v)
        return out
    if op == 'items':
        return items(value(tok[1]))
    if op == 'getitem':
        v, k = value(tok[1]), value(tok[2])
        return attempt(lambda: v[k])
    if op in ('add', 'mul'):
        a, b = value(tok[1]), value(tok[2])
        f = operator.add if op == 'add' else operator.mul
        return attempt(lambda: f(a, b))
    if op == 'cmp':
        a, b = value(tok[1]), value(tok[2])
        ops = [operator.lt, operator.le, operator.eq, operator.ne, operator.gt, operator.ge]
        return ' '.join(attempt(lambda: f(a, b)) for f in ops)
    if op == 'contains':
        a, b = value(tok[1]), value(tok[2])
        return attempt(lambda: b in a)
    if op == 'find':
        return str(bytes.fromhex(tok[1][2:]).find(bytes.fromhex(tok[2][2:])))
    if op == 'hash':
        return str(hash(value(tok[1])))
    if op == 'hashflag':
        return str(sys.flags.hash_randomization)
    if op == 'slice':
        v = value(tok[1])
        start, stop, step = [None if t == 'N' else int(t) for t in tok[2:5]]
        return attempt(lambda: v[start:stop:step])
    if op == 'iter':
        v = value(tok[1])
        it = iter(v)
        out = [type(it).__name__] + [show(x) for x in it]
        if next(it, None) is not None:
            out.append('MORE')
        return ' '.join(out)
    if op == 'intern':
        a = value(tok[1])
        b = value(tok[1])
        ia, ib = sys.intern(a), sys.intern(b)
        ic = sys.intern(bytes.fromhex(tok[1][2:]).decode('utf-8', 'surrogatepass'))
        return '%s %s %s' % (ia is ib, ia is ic, ia == a)
    return 'unknown case ' + op


def fmt_cases():
    api = ctypes.pythonapi
    f = api.PyUnicode_FromFormat
    f.restype = ctypes.py_object
    c_int, c_uint, c_long, c_ulong = ctypes.c_int, ctypes.c_uint, ctypes.c_long, ctypes.c_ulong
    c_ll, c_ull = ctypes.c_longlong, ctypes.c_ulonglong
    c_ssize, c_size = ctypes.c_ssize_t, ctypes.c_size_t
    obj = ctypes.py_object
    s_abc, s_uni, s_quote = 'abc', '\xe9\u20ac\U0001f600', "it's"
    b_x = b"\x00\xffq'"
    out = [
        f(b'plain text'),
        f(b''),
        f(b'%d|%i|%u|%x', c_int(-42), c_int(17), c_uint(3000000000), c_uint(255)),
        f(b'%5d|%05d|%3d|%.3d', c_int(42), c_int(42), c_int(12345), c_int(7)),
        f(b'%ld|%lu|%lld|%llu', c_long(-1), c_ulong(18446744073709551615), c_ll(-2**63),
          c_ull(18446744073709551615)),
        f(b'%zd|%zu|%zi', c_ssize(-7), c_size(7), c_ssize(-2**63)),
        f(b'%s and %s', b'one', b'two'),
        f(b'[%.3s]', b'abcdef'),
        f(b'[%10s][%.2s]', b'right', b'left'),
        f(b'%s', 'caf\xe9 \u20ac'.encode()),
        f(b'%c%c%c', c_int(65), c_int(0xe9), c_int(0x1F600)),
        f(b'100%%'),
        f(b'%R', obj(s_abc)),
        f(b'%R|%S', obj(s_quote), obj(s_quote)),
        f(b'%R %S', obj(s_uni), obj(s_uni)),
        f(b'%R', obj(b_x)),
        f(b'%S', obj(b_x)),
        f(b'[%.2R][%.1S][%8S][%5R]', obj(s_abc), obj(s_uni), obj(s_abc), obj(s_abc)),
        f(b'%R %R', obj(-5), obj(123456789012345)),
        f(b'%S %R', obj(0), obj(s_abc)),
        f(b'%s/%d/%R/%s', b'mix', c_int(3), obj(s_uni), b'end'),
        f(b"name '%.200s' is not defined", b'spam'),
        f(b"'%.50s' object has no attribute '%U'", b'int', obj(s_abc)),
    ]
    out += [type(x).__name__ for x in ('abc', b'', 1, True)]
    out.append('%X|%o|%-5d|%+d|%#x|%x' % (255, 8, 42, 42, 255, 4096))
    out.append('[%-6s][%6s]' % (s_uni, type(s_abc).__name__))
    return out


def main():
    write = sys.stdout.buffer.write
    if sys.argv[1] == 'fmt':
        for r in fmt_cases():
            write(show(r).encode('utf-8', 'surrogatepass') + b'\n')
        return
    for line in sys.stdin.buffer.read().decode().splitlines():
        if line.strip():
            write(case(line).encode('utf-8', 'surrogatepass') + b'\n')


if __name__ == '__main__':
    main()
