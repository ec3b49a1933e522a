"""str_format: building text with f-strings, str.format and % formatting.

Renders a report of ROWS generated records three ways per record: an
f-string with width, alignment, grouping and float precision, the same line
through str.format with nested width fields, and a printf-style line with
zero padding, signs and hex. Then joins everything. The format
mini-language for str, int and float, str.format's field parsing, %
formatting, and int/float to text conversion, on ASCII and non-ASCII text.

Check: the total length of the report and a checksum of it (the sum of the
code points of every 97th character) must equal fixed values computed once
from the same data by slicing and arithmetic the benchmark does not time;
and the three renderings of a sample of records are parsed back and
compared with the records.
"""
from _harness import main, expect

ROWS = 5000
NAMES = ['alpha', 'beta', 'gamma', 'delta', 'épsilon', 'zeta', 'ēta', 'thêta', 'iota', 'kappa']


def records():
    state = 2024
    out = []
    for i in range(ROWS):
        state = (state * 1103515245 + 12345) % 2147483648
        qty = (state >> 8) % 100000 - 20000
        price = ((state >> 4) % 1000003) / 100.0
        ratio = ((state >> 12) % 10007) / 10007.0
        out.append((i, NAMES[(state >> 16) % len(NAMES)], qty, price, ratio))
    return out


RECORDS = records()


def render(rows):
    parts = []
    width = 12
    for i, name, qty, price, ratio in rows:
        parts.append(f"{i:06d} {name:<10}|{qty:>+10,}|{price:12.2f}|{ratio:8.3%}|{i:#x}")
        parts.append("{0:>{w}} {1:^9} {2:_} {3:.4e} {4!r}".format(name, qty, price, ratio, i,
                                                                  w=width))
        parts.append("%-8s %05d %+.3f %x %s" % (name, i, price, qty & 0xFFFF, ratio > 0.5))
    return "\n".join(parts)


def checksum(text):
    return len(text), sum(ord(c) for c in text[::97])


EXPECTED = checksum(render(RECORDS))


def run():
    return render(RECORDS)


def check(text):
    expect(checksum(text) == EXPECTED, 'checksum %r, want %r', checksum(text), EXPECTED)
    lines = text.split("\n")
    expect(len(lines) == 3 * ROWS, '%d lines', len(lines))
    for k in range(0, ROWS, 997):
        i, name, qty, price, ratio = RECORDS[k]
        f_line, fmt_line, pct_line = lines[3 * k:3 * k + 3]
        expect(int(f_line[:6]) == i and f_line[7:17].rstrip() == name, 'f-string line %r', f_line)
        expect(int(f_line.split('|')[1].replace(',', '')) == qty, 'qty in %r', f_line)
        expect(fmt_line.split()[0] == name and int(fmt_line.split()[1]) == qty, 'format line %r',
               fmt_line)
        expect(pct_line.split()[0] == name and int(pct_line.split()[1]) == i, '%% line %r', pct_line)


if __name__ == '__main__':
    main('str_format', run, check)
