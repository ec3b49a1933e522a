# _string.formatter_parser and formatter_field_name_split (string.Formatter).
import _string


def tr(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", r)


def parse(s):
    return list(_string.formatter_parser(s))


def split(s):
    first, rest = _string.formatter_field_name_split(s)
    return first, list(rest)


for s in ["a{0!r:>{w}}b{{c}}{x.y[z]}", "", "plain", "{}", "x{0:}y{:}", "}}", "{{", "{{}}",
          "{0!r}{1!s:x}{2:{3}}\u00e9{\u00e9}", "a{0[a]!r}", "{0:{a:{b}}}", "{a.}", "{0[}]}",
          "{a[:]}", "{!r}", "{:}", "{0!a:}", "{0!\u00e9}", "tail{0}end"]:
    tr(repr(s), lambda: parse(s))
for s in ["a{", "a}", "{!}", "{0!rr}", "{0:", "{0[}", "a{0!", "a{0!r", "{a{b}", "{0:{",
          "x}y", "{0}}"]:
    tr(repr(s), lambda: parse(s))
it = _string.formatter_parser("ab{0}cd}")
print(type(it).__name__, next(it))
tr("after error", lambda: next(it))
tr("exhausted", lambda: next(it))
tr("parser int", lambda: parse(1))
tr("parser no arg", lambda: _string.formatter_parser())

for s in ["a.b[0][x].c", "0.b[0][x].c", "", "a", "12", "a[0]", "a[ 1]", "-1.x", "\u0661\u0662",
          "a]x", "x[a.b]", "x[a[b]"]:
    tr(repr(s), lambda: split(s))
for s in ["a.", "a[", "a[]", "a.b.", "a[0]b", "99999999999999999999999", "a[99999999999999999999999]"]:
    tr(repr(s), lambda: split(s))
first, rest = _string.formatter_field_name_split("a.b[0]x")
print(first, type(rest).__name__, next(rest), next(rest))
tr("after error", lambda: next(rest))
tr("split int", lambda: _string.formatter_field_name_split(1))
