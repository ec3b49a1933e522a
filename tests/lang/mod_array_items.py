# array: the item conversions of every typecode (range and type errors).
from array import array
import array as A
print(A.typecodes, dir(A))
for tc in A.typecodes:
    a = array(tc)
    print(tc, a.itemsize, repr(a))
    for v in [-2**63-1, -2**63, -2**31-1, -2**31, -2**15-1, -2**15, -129, -128, -1, 0, 127, 128, 255, 256, 2**15, 2**16, 2**31, 2**32, 2**63, 2**64, 1.5, 'a', 'ab', None, True]:
        try:
            a.append(v); r = a[-1]
        except Exception as e: r = '%s %s' % (type(e).__name__, e)
        print(' ', v if not isinstance(v, int) or abs(v) < 1000 else hex(v), r)
