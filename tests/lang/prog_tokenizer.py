# A tokenizer for a Python-like language, with INDENT/DEDENT tokens, as a generator.
KEYWORDS = {"def", "return", "if", "else", "while", "for", "in", "and", "or", "not"}
OPS = sorted(["==", "!=", "<=", ">=", "**", "//", "->", "+", "-", "*", "/", "%", "<", ">", "=", "(", ")",
              "[", "]", ":", ",", "."], key=len, reverse=True)

class TokenError(Exception):
    pass

def tokenize(src):
    indents = [0]
    depth = 0
    for lineno, line in enumerate(src.splitlines(), 1):
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if depth == 0:
            width = len(line) - len(stripped)
            if width > indents[-1]:
                indents.append(width)
                yield ("INDENT", width, lineno)
            while width < indents[-1]:
                indents.pop()
                yield ("DEDENT", "", lineno)
            if width != indents[-1]:
                raise TokenError(f"line {lineno}: inconsistent dedent")
        i = len(line) - len(stripped)
        while i < len(line):
            c = line[i]
            if c == " ":
                i += 1
            elif c == "#":
                break
            elif c.isdigit():
                j = i
                while j < len(line) and (line[j].isdigit() or line[j] in "._"):
                    j += 1
                text = line[i:j].replace("_", "")
                yield ("NUMBER", float(text) if "." in text else int(text), lineno)
                i = j
            elif c.isalpha() or c == "_":
                j = i
                while j < len(line) and (line[j].isalnum() or line[j] == "_"):
                    j += 1
                word = line[i:j]
                yield ("KEYWORD" if word in KEYWORDS else "NAME", word, lineno)
                i = j
            elif c in "'\"":
                j = line.find(c, i + 1)
                if j < 0:
                    raise TokenError(f"line {lineno}: unterminated string")
                yield ("STRING", line[i + 1:j], lineno)
                i = j + 1
            else:
                for op in OPS:
                    if line.startswith(op, i):
                        if op in "([":
                            depth += 1
                        elif op in ")]":
                            depth -= 1
                        yield ("OP", op, lineno)
                        i += len(op)
                        break
                else:
                    raise TokenError(f"line {lineno}: unexpected {c!r}")
        if depth == 0:
            yield ("NEWLINE", "", lineno)
    while len(indents) > 1:
        indents.pop()
        yield ("DEDENT", "", lineno)
    yield ("EOF", "", lineno)

SRC = '''
def fib(n) -> int:
    # iterative
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a

if fib(10) == 55 and not False:
    print("ok", [1, 2,
                 3], 1_000.5 // 2 ** 3)
else:
    print('bad')
'''
counts = {}
for kind, value, line in tokenize(SRC):
    counts[kind] = counts.get(kind, 0) + 1
    if kind in ("INDENT", "DEDENT", "KEYWORD", "STRING", "NUMBER"):
        print(line, kind, repr(value))
print(sorted(counts.items()))
for bad in ("x = 'open\n", "if x:\n        a\n    b\n", "a $ b\n"):
    try:
        list(tokenize(bad))
    except TokenError as e:
        print(type(e).__name__, e)
