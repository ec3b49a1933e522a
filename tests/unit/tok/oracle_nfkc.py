"""Random strings rich in combining marks, composites and Hangul jamo, with
their NFKC from python3.11. Usage: oracle_nfkc.py INPUT_OUT EXPECTED_OUT [N]"""
import random
import sys
import unicodedata

random.seed(3131)
pool = []
for cp in range(0x110000):
    if 0xD800 <= cp < 0xE000 or cp in (10, 13, 0x85, 0x2028, 0x2029, 0x1C, 0x1D, 0x1E):
        continue
    ch = chr(cp)
    if unicodedata.combining(ch) or unicodedata.decomposition(ch) or 0x1100 <= cp < 0x1200:
        pool.append(ch)
pool += [chr(c) for c in range(0x41, 0x7B)] + [chr(0xAC00), chr(0xAC01), chr(0xD7A3)]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 200000
with open(sys.argv[1], 'w', encoding='utf-8') as fin, \
        open(sys.argv[2], 'w', encoding='utf-8') as fexp:
    for _ in range(n):
        s = ''.join(random.choice(pool) for _ in range(random.randint(1, 8)))
        s = s.replace('\n', '')
        fin.write(s + '\n')
        fexp.write(unicodedata.normalize('NFKC', s) + '\n')
