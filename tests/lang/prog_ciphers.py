def caesar(text, shift):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + shift) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + shift) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - 97
            out.append(caesar(ch, -shift if decrypt else shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)
def rle(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}" if j - i > 1 else s[i])
        i = j
    return "".join(out)
def unrle(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num or 1))
            num = ""
    return "".join(out)
msg = "Attack at Dawn, 10:00!"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3), caesar(msg, 26) == msg, caesar(msg, -29) == caesar(msg, -3))
v = vigenere(msg, "lemon")
print(v, vigenere(v, "lemon", decrypt=True))
for s in ("aaabccddddde", "abc", "", "zzzzzzzzzzzz", "aabbaa"):
    r = rle(s)
    print(repr(s), "->", repr(r), unrle(r) == s)
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
print("Hello, World!".translate(rot13), "Hello, World!".translate(rot13).translate(rot13))
freq = {}
for ch in caesar("the quick brown fox jumps over the lazy dog " * 3, 7):
    if ch.isalpha():
        freq[ch] = freq.get(ch, 0) + 1
best = max(sorted(freq), key=freq.get)
print(best, freq[best], "guessed shift", (ord(best) - ord("o")) % 26)
checksum = 0
for i, b in enumerate(msg.encode()):
    checksum = (checksum * 31 + b * (i + 1)) % 1000000007
print(checksum, hex(checksum), bin(checksum).count("1"))
