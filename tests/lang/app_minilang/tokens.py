from .errors import LexError

KEYWORDS = {
    "let", "fn", "return", "if", "else", "while", "for", "in", "break",
    "continue", "true", "false", "nil", "and", "or", "not", "try", "catch", "throw",
}

# Longest operators first, so that "==" wins over "=".
OPERATORS = ["==", "!=", "<=", ">=", "..", "+=", "-=", "+", "-", "*", "/", "%",
             "<", ">", "=", "(", ")", "{", "}", "[", "]", ",", ";", ":", "."]

ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


class Token:
    __slots__ = ("kind", "value", "line", "column")

    def __init__(self, kind, value, line, column):
        self.kind = kind          # "number", "string", "name", "keyword", "op", "eof"
        self.value = value
        self.line = line
        self.column = column

    def __repr__(self):
        return f"Token({self.kind}, {self.value!r}, {self.line}:{self.column})"

    def is_op(self, *ops):
        return self.kind == "op" and self.value in ops

    def is_keyword(self, *words):
        return self.kind == "keyword" and self.value in words


def tokenize(source):
    """Yield the tokens of `source`, then one "eof" token."""
    i = 0
    line, line_start = 1, 0
    n = len(source)
    while i < n:
        ch = source[i]
        col = i - line_start + 1
        if ch == "\n":
            line += 1
            i += 1
            line_start = i
            continue
        if ch in " \t\r":
            i += 1
            continue
        if ch == "#":
            while i < n and source[i] != "\n":
                i += 1
            continue
        if ch.isdigit():
            start = i
            while i < n and source[i].isdigit():
                i += 1
            is_float = False
            if i + 1 < n and source[i] == "." and source[i + 1].isdigit():
                is_float = True
                i += 1
                while i < n and source[i].isdigit():
                    i += 1
            text = source[start:i]
            yield Token("number", float(text) if is_float else int(text), line, col)
            continue
        if ch.isalpha() or ch == "_":
            start = i
            while i < n and (source[i].isalnum() or source[i] == "_"):
                i += 1
            word = source[start:i]
            yield Token("keyword" if word in KEYWORDS else "name", word, line, col)
            continue
        if ch == '"':
            i += 1
            chars = []
            while True:
                if i >= n or source[i] == "\n":
                    raise LexError("unterminated string", line, col)
                c = source[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\":
                    if i + 1 >= n or source[i + 1] not in ESCAPES:
                        bad = source[i + 1] if i + 1 < n else "end of input"
                        raise LexError(f"bad escape \\{bad}", line, i - line_start + 1)
                    chars.append(ESCAPES[source[i + 1]])
                    i += 2
                    continue
                chars.append(c)
                i += 1
            yield Token("string", "".join(chars), line, col)
            continue
        for op in OPERATORS:
            if source.startswith(op, i):
                yield Token("op", op, line, col)
                i += len(op)
                break
        else:
            raise LexError(f"unexpected character {ch!r}", line, col)
    yield Token("eof", None, line, i - line_start + 1)
