# _pickle: protocol 5 out-of-band buffers and pickle.PickleBuffer.
import pickle
import array


class ZeroCopyBytes(bytes):
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return type(self)._reconstruct, (pickle.PickleBuffer(self),), None
        return type(self)._reconstruct, (bytes(self),)

    @classmethod
    def _reconstruct(cls, obj):
        with memoryview(obj) as m:
            obj = m.obj
            if type(obj) is cls:
                return obj
            return cls(obj)


class ZeroCopyBytearray(bytearray):
    def __reduce_ex__(self, protocol):
        if protocol >= 5:
            return type(self)._reconstruct, (pickle.PickleBuffer(self),), None
        return type(self)._reconstruct, (bytes(self),)

    @classmethod
    def _reconstruct(cls, obj):
        with memoryview(obj) as m:
            obj = m.obj
            if type(obj) is cls:
                return obj
            return cls(obj)


print(pickle.PickleBuffer.__name__, pickle.PickleBuffer.__module__)
for proto in range(6):
    for v in (ZeroCopyBytes(b'abc'), ZeroCopyBytearray(b'xyz')):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, type(back).__name__, back, back is v, data[:60])

# out of band
for v in (ZeroCopyBytes(b'abcdef'), ZeroCopyBytearray(b'ghij')):
    bufs = []
    data = pickle.dumps(v, 5, buffer_callback=bufs.append)
    print(data, len(bufs), [bytes(b.raw()) for b in bufs])
    back = pickle.loads(data, buffers=bufs)
    print(type(back).__name__, back, back is v)
    back2 = pickle.loads(data, buffers=[memoryview(b'other!')])
    print(type(back2).__name__, back2)
    # a callback returning true keeps the buffer in band
    data2 = pickle.dumps(v, 5, buffer_callback=lambda b: True)
    print(data2)
    try:
        pickle.loads(data)
    except pickle.UnpicklingError as e:
        print('UnpicklingError', e)
    try:
        pickle.loads(data, buffers=[])
    except pickle.UnpicklingError as e:
        print('UnpicklingError', e)
    try:
        pickle.dumps(v, 4, buffer_callback=bufs.append)
    except ValueError as e:
        print('ValueError', e)


def failing_callback(b):
    raise ZeroDivisionError('no')


try:
    pickle.dumps(ZeroCopyBytes(b'x'), 5, buffer_callback=failing_callback)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e)

# PickleBuffer itself
pb = pickle.PickleBuffer(b'hello')
m = pb.raw()
print(m.tobytes(), m.readonly, m.format, m.nbytes, m.obj)
with memoryview(pb) as mv:
    print(mv.tobytes(), mv.obj)
print(pickle.dumps(pb, 5), pickle.dumps(pickle.PickleBuffer(bytearray(b'rw')), 5))
print(pickle.loads(pickle.dumps(pickle.PickleBuffer(bytearray(b'rw')), 5)))
try:
    pickle.dumps(pb, 4)
except pickle.PicklingError as e:
    print('PicklingError', e)
ba = bytearray(b'mutable')
pbw = pickle.PickleBuffer(ba)
w = pbw.raw()
w[0] = ord('M')
print(ba, w.readonly)
a = array.array('i', [1, 2, 3])
pa = pickle.PickleBuffer(a)
print(pa.raw().format, pa.raw().nbytes, memoryview(pa).format, memoryview(pa).tolist())
strided = pickle.PickleBuffer(memoryview(b'abcdef')[::2])
for f in (strided.raw, lambda: pickle.dumps(strided, 5)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
pb.release()
pb.release()
for f in (pb.raw, lambda: memoryview(pb), lambda: pickle.dumps(pb, 5)):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
for bad in ('str', 5, None):
    try:
        pickle.PickleBuffer(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    pickle.PickleBuffer()
except TypeError as e:
    print('TypeError')
try:
    class Sub(pickle.PickleBuffer):
        pass
except TypeError as e:
    print('TypeError', e)

# READONLY_BUFFER over a writable buffer gives a read-only view
data = pickle.dumps(ZeroCopyBytes(b'ro'), 5, buffer_callback=lambda b: False)
back = pickle.loads(data, buffers=[bytearray(b'RO')])
print(type(back).__name__, back)
