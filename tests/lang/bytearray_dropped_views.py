# A memoryview nobody holds any more no longer pins its bytearray's size
# (CPython frees it at once; krait collects dead views before refusing a
# resize). A view still held keeps refusing.

b = bytearray(b"abc")
memoryview(b)[0] = 65
b.append(33)
print(b)

def fill(buf):
    m = memoryview(buf).cast("B")
    m[:2] = b"xy"
    return 2

b2 = bytearray(5)
n = fill(b2)
del b2[n:]
print(b2)
for i in range(3):
    memoryview(b2)[0] = 48 + i
    b2.extend(b"-")
    b2 += b"+"
print(b2)
held = memoryview(b2)
memoryview(b2)[1] = 90
try:
    b2.pop()
except BufferError as e:
    print("BufferError", e)
print(b2, held.tobytes())
held.release()
print(b2.pop(), b2)
