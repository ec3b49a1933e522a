import unicodedata, random
random.seed(1)
out=[]
def check(name):
    try:
        v = eval('"\\N{' + name + '}"')
        out.append((name, ord(v)))
    except SyntaxError:
        out.append((name, -1))
allnames=[]
for cp in range(0x110000):
    n = unicodedata.name(chr(cp), None)
    if n: allnames.append(n); out.append((n, cp))
for n in random.sample(allnames, 3000):
    check(n.lower()); check(n.title()); check(n + ' '); check(n[:-1]); check(n + 'A'); check(n.replace(' ', '-', 1)); check(n.replace(' ', '  ', 1))
for n in ['', ' ', '-', 'A', 'NULL', 'null', 'Null', 'BOM', 'bom', 'ZWNBSP', 'LINE FEED', 'LF', 'KEYCAP DIGIT ONE', 'HANGUL SYLLABLE', 'HANGUL SYLLABLE ', 'HANGUL SYLLABLE GAX', 'HANGUL SYLLABLE NGA', 'HANGUL SYLLABLE A',
          'CJK UNIFIED IDEOGRAPH-', 'CJK UNIFIED IDEOGRAPH-004E00', 'CJK UNIFIED IDEOGRAPH-4e00', 'CJK UNIFIED IDEOGRAPH-2A6E0', 'CJK UNIFIED IDEOGRAPH-3134A', 'CJK UNIFIED IDEOGRAPH-3134B', 'TIBETAN MARK TSA -PHRU', 'TIBETAN MARK TSA-PHRU', 'TIBETAN MARK TSA  -PHRU', 'LATIN SMALL LETTER A\\']:
    check(n)
import itertools
L=["G","GG","N","D","DD","R","M","B","BB","S","SS","","J","JJ","C","K","T","P","H","X","NG"]
V=["A","AE","YA","YAE","EO","E","YEO","YE","O","WA","WAE","OE","YO","U","WEO","WE","WI","YU","EU","YI","I",""]
T=["","G","GG","GS","N","NJ","NH","D","L","LG","LM","LB","LS","LT","LP","LH","M","B","BS","S","SS","NG","J","C","K","T","P","H"]
for l in L:
    for v in V:
        for t in random.sample(T, 6):
            check('HANGUL SYLLABLE ' + l + v + t)
# aliases via capsule
import ctypes
get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
get_pointer.restype = ctypes.c_void_p
get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
ptr = get_pointer(unicodedata._ucnhash_CAPI, b'unicodedata._ucnhash_CAPI')
fns = (ctypes.c_void_p * 2).from_address(ptr)
getname = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_uint32, ctypes.c_char_p, ctypes.c_int, ctypes.c_int)(fns[0])
buf = ctypes.create_string_buffer(256)
for pua in range(0xF0000, 0xF0400):
    if getname(pua, buf, 256, 1):
        a = buf.value.decode(); check(a); check(a.lower())
for name, cp in out:
    print(f"{name}\t{cp}")
