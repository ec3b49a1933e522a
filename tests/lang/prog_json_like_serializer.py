# A JSON encoder and decoder written by hand (no json module).
def encode(v, indent=None, level=0):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = "," if indent is None else ","
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        if v != v or v in (float("inf"), float("-inf")):
            raise ValueError(f"cannot encode {v!r}")
        return repr(v)
    if isinstance(v, str):
        out = ['"']
        for ch in v:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ord(ch) < 0x20 or ord(ch) > 0x7e:
                out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else
                           "\\u%04x\\u%04x" % (0xd800 + ((ord(ch) - 0x10000) >> 10), 0xdc00 + ((ord(ch) - 0x10000) & 0x3ff)))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        return "[" + sep.join(pad + encode(x, indent, level + 1) for x in v) + end + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = []
        for k, x in v.items():
            if not isinstance(k, str):
                raise TypeError(f"keys must be str, not {type(k).__name__}")
            items.append(pad + encode(k) + (": " if indent is not None else ":") + encode(x, indent, level + 1))
        return "{" + sep.join(items) + end + "}"
    raise TypeError(f"Object of type {type(v).__name__} is not serializable")

class Decoder:
    def __init__(self, text):
        self.s, self.i = text, 0
    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \n\t\r":
            self.i += 1
    def value(self):
        self.ws()
        ch = self.s[self.i:self.i + 1]
        if ch == "{":
            self.i += 1
            out = {}
            self.ws()
            if self.s[self.i] == "}":
                self.i += 1
                return out
            while True:
                self.ws()
                k = self.value()
                self.ws()
                self.expect(":")
                out[k] = self.value()
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return out
                self.expect(",")
        if ch == "[":
            self.i += 1
            out = []
            self.ws()
            if self.s[self.i] == "]":
                self.i += 1
                return out
            while True:
                out.append(self.value())
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return out
                self.expect(",")
        if ch == '"':
            self.i += 1
            buf = []
            while self.s[self.i] != '"':
                c = self.s[self.i]
                if c == "\\":
                    nxt = self.s[self.i + 1]
                    if nxt == "u":
                        buf.append(chr(int(self.s[self.i + 2:self.i + 6], 16)))
                        self.i += 6
                        continue
                    buf.append({"n": "\n", '"': '"', "\\": "\\", "t": "\t"}[nxt])
                    self.i += 2
                    continue
                buf.append(c)
                self.i += 1
            self.i += 1
            # join surrogate pairs written as two \u escapes
            out, k = [], 0
            while k < len(buf):
                c = buf[k]
                if 0xd800 <= ord(c) < 0xdc00 and k + 1 < len(buf) and 0xdc00 <= ord(buf[k + 1]) < 0xe000:
                    out.append(chr(0x10000 + ((ord(c) - 0xd800) << 10) + (ord(buf[k + 1]) - 0xdc00)))
                    k += 2
                else:
                    out.append(c)
                    k += 1
            return "".join(out)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
        start = self.i
        while self.i < len(self.s) and self.s[self.i] in "+-0123456789.eE":
            self.i += 1
        num = self.s[start:self.i]
        if not num:
            raise ValueError(f"unexpected {ch!r} at {start}")
        return float(num) if any(c in num for c in ".eE") else int(num)
    def expect(self, c):
        if self.s[self.i] != c:
            raise ValueError(f"expected {c!r} at {self.i}, got {self.s[self.i]!r}")
        self.i += 1

data = {"name": "krait", "version": [0, 1], "fast": True, "jit": None, "ratio": 2.5,
        "notes": "line1\nline2 \"quoted\" café 🐍", "nested": {"empty": [], "obj": {}, "n": -12}}
s = encode(data)
print(s)
print(encode(data, indent=2))
back = Decoder(s).value()
print(back == data, back["notes"])
for bad in ({1: 2}, {"x": {1, 2}}, float("nan")):
    try:
        encode(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    Decoder('{"a" 1}').value()
except ValueError as e:
    print(type(e).__name__, e)
print(Decoder("[1, 2.5, -3e2, true, null, \"x\"]").value())
