TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness,
it was the spring of hope, it was the winter of despair."""

def words(text):
    out, cur = [], []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out

ws = words(TEXT)
print(len(ws), "words,", len(set(ws)), "distinct,", len(TEXT.splitlines()), "lines")
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for w, n in top:
    print(f"{w:>8} {n:2d} {'*' * n}")
lengths = {}
for w in ws:
    lengths.setdefault(len(w), []).append(w)
for n in sorted(lengths):
    uniq = sorted(set(lengths[n]))
    print(n, len(lengths[n]), uniq[:4])
print("longest:", max(ws, key=lambda w: (len(w), w)))
print("average length: %.3f" % (sum(map(len, ws)) / len(ws)))
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[a, b] = bigrams.get((a, b), 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
caps = [w for w in TEXT.replace(",", " ").replace(".", " ").split() if w[0].isupper()]
print(caps)
print(TEXT.count("it was"), TEXT.lower().count("it was"), TEXT.find("Light"), TEXT.rfind("of"))
vowels = sum(1 for ch in TEXT.lower() if ch in "aeiou")
print(vowels, round(vowels / sum(ch.isalpha() for ch in TEXT), 4))
