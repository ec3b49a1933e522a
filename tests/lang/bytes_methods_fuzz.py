# Random calls of the shared bytes/bytearray methods with random receivers and
# arguments (a fixed LCG), both receiver types side by side.
state = 12345
def rnd(n):
    global state
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state % n
alphabet = b"ab ,\t\nA1-+\x00\xff"
def rbytes():
    return bytes(alphabet[rnd(len(alphabet))] for _ in range(rnd(7)))
def rarg():
    k = rnd(12)
    if k < 5: return rbytes()
    if k == 5: return rnd(300) - 20
    if k == 6: return None
    if k == 7: return bytearray(rbytes())
    if k == 8: return -rnd(10)
    if k == 9: return "s"
    if k == 10: return (rbytes(), rbytes())
    return rnd(10)
names = ["count","find","rfind","index","rindex","startswith","endswith","split","rsplit","splitlines",
 "partition","rpartition","replace","strip","lstrip","rstrip","removeprefix","removesuffix","center",
 "ljust","rjust","zfill","expandtabs","translate","hex","join","title","capitalize","swapcase","istitle","isspace","isalnum"]
for i in range(2500):
    name = names[rnd(len(names))]
    s = rbytes()
    args = tuple(rarg() for _ in range(rnd(4)))
    if name == "join":
        args = ([rbytes() for _ in range(rnd(4))],)
    out = []
    for t in (bytes, bytearray):
        try:
            out.append(repr(getattr(t(s), name)(*args)))
        except Exception as e:
            out.append(type(e).__name__ + ":" + str(e))
    print(i, name, repr(s), repr(args), out[0], out[1])
