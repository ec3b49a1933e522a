"""python3.11's pure-Python tokenize, printed in tok_test's `tokens` format.

COMMENT, NL and ENCODING are dropped; operators get their exact type;
columns become UTF-8 byte offsets; INDENT/DEDENT/ENDMARKER print no
position and NEWLINE only its line (the C tokenizer's positions for those
differ by design). Usage: oracle_tokens.py FILE...
"""
import io
import sys
import tokenize
from token import tok_name


def esc(s):
    out = []
    for ch in s:
        if ch in '\\"':
            out.append('\\' + ch)
        elif ch == '\n':
            out.append('\\n')
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append('\\x%02x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def dump(path, write):
    data = open(path, 'rb').read()
    enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    text = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=None).read()
    if text.startswith('\ufeff'):
        text = text[1:]
    lines = io.StringIO(text, newline=None).readlines()

    def bcol(row, col):
        if row - 1 < len(lines):
            return len(lines[row - 1][:col].encode('utf-8', 'surrogatepass'))
        return col

    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        t = tok.exact_type
        name = tok_name[t]
        if name in ('COMMENT', 'NL', 'ENCODING'):
            continue
        if name in ('INDENT', 'DEDENT', 'ENDMARKER'):
            write(name + '\n')
        elif name == 'NEWLINE':
            write('NEWLINE %d\n' % tok.start[0])
        else:
            (r0, c0), (r1, c1) = tok.start, tok.end
            write('%s %s %d,%d-%d,%d\n' % (name, esc(tok.string), r0, bcol(r0, c0), r1,
                                           bcol(r1, c1)))


def main():
    files = sys.argv[1:]
    out = sys.stdout
    for f in files:
        if len(files) > 1:
            out.write('== %s\n' % f)
        try:
            dump(f, out.write)
        except (SyntaxError, tokenize.TokenError, IndentationError) as e:
            out.write('PYTHON-TOKENIZE-ERROR %s\n' % e)


main()
