# del in loops and functions, walrus in while loops and comprehensions
data = {"a": 1, "b": 2, "c": 3, "d": 4}
for k in [k for k in data if data[k] % 2]:
    del data[k]
print(data)
lst = list(range(10))
del lst[1::3]
print(lst)
del lst[-2:]
print(lst)
class Obj:
    pass
o = Obj()
o.a = o.b = 1
del o.a, o.b
print(vars(o))
def gen_chunks(s, n):
    i = 0
    while chunk := s[i:i + n]:
        yield chunk
        i += n
print(list(gen_chunks("abcdefgh", 3)))
values = [4, 8, 15, 16, 23, 42]
print([(v, r) for v in values if (r := v % 5) > 1])
if (m := max(values)) > 40 and (n := min(values)) < 5:
    print("range", m - n)
print([prev := 0] and [(prev := prev + v) for v in values])
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)
def first_long(words):
    if any(len(found := w) > 4 for w in words):
        return found
    return None
print(first_long(["hi", "hello", "hey", "greetings"]), first_long(["a"]))
x = 5
del x
x = "rebound after del"
print(x)
