TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump; sphinx of black quartz, judge my vow.")
def wrap(text, width):
    lines, cur = [], ""
    for word in text.split():
        while len(word) > width:
            if cur:
                lines.append(cur)
                cur = ""
            lines.append(word[:width])
            word = word[width:]
        if not cur:
            cur = word
        elif len(cur) + 1 + len(word) <= width:
            cur += " " + word
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(map(len, words))
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (spaces // gaps + (1 if i < spaces % gaps else 0))
    return out + words[-1]
for width in (30, 17):
    lines = wrap(TEXT, width)
    print(f"--- width {width}: {len(lines)} lines")
    for line in lines:
        print("|" + justify(line, width) + "|")
print(wrap("supercalifragilisticexpialidocious is long", 10))
print(wrap("", 10), wrap("   ", 5), wrap("a b c", 1))
def center_block(lines):
    w = max(map(len, lines))
    return [l.center(w, ".") for l in lines]
print(center_block(["a", "bbb", "ccccc"]))
def template(s, **values):
    out, i = [], 0
    while True:
        j = s.find("{{", i)
        if j < 0:
            out.append(s[i:])
            break
        k = s.find("}}", j)
        if k < 0:
            raise ValueError(f"unclosed tag at {j}")
        out.append(s[i:j])
        name = s[j + 2:k].strip()
        name, _, filt = name.partition("|")
        val = str(values.get(name.strip(), f"<{name.strip()}?>"))
        if filt.strip() == "upper":
            val = val.upper()
        out.append(val)
        i = k + 2
    return "".join(out)
print(template("Hello {{ name }}, you are {{age}} ({{ name | upper }}) {{missing}}", name="Ada", age=36))
try:
    template("oops {{ name", name="x")
except ValueError as e:
    print(type(e).__name__, e)
