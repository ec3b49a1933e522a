"""Expected tokenizer results for errors.txt, from python3.11's ast.parse.

Each line of the input is the body of a Python bytes literal. Errors that
CPython's *parser* reports (not its tokenizer) are printed as OK: the
tokenizer alone must accept those inputs.
"""
import ast
import sys
import warnings

PARSER_MESSAGES = ('invalid syntax', 'expected', 'unexpected indent', 'Missing parentheses',
                   'cannot assign', 'invalid decimal literal', 'f-string', '(unicode error)',
                   'unterminated string literal', 'unexpected unindent', 'Generator expression',
                   'positional argument', 'did you forget', 'invalid character in identifier',
                   'assignment expression', 'Did you mean', 'bytes can only contain')
# Messages that look like parser ones but which the tokenizer raises itself.
TOKENIZER_FORMS = ('invalid decimal literal', 'unterminated string literal',
                   '(unicode error) \'utf-8\' codec')


def is_parser_error(e, src):
    msg = e.msg
    if msg.startswith('(unicode error)'):
        return e.end_offset != -1  # the tokenizer's identifier errors have end -1
    if msg in ('invalid decimal literal',) or msg.startswith('unterminated string literal'):
        return False
    return msg.startswith(PARSER_MESSAGES)


def unescape(line):
    # Same rules as tok_test.c: \xNN \n \t \r \0, and \X for any other X.
    out = bytearray()
    b = line.encode('latin-1')
    i = 0
    while i < len(b):
        c = b[i]
        if c == 0x5C and i + 1 < len(b):
            e = chr(b[i + 1])
            if e == 'x':
                out.append(int(b[i + 2:i + 4], 16))
                i += 4
                continue
            out.append({'n': 10, 't': 9, 'r': 13, '0': 0}.get(e, b[i + 1]))
            i += 2
            continue
        out.append(c)
        i += 1
    return bytes(out)


warnings.simplefilter('ignore')
for line in open(sys.argv[1], encoding='latin-1'):
    line = line.rstrip('\n')
    if not line:
        continue
    src = unescape(line)
    try:
        ast.parse(src)
        res = 'OK'
    except SyntaxError as e:
        if is_parser_error(e, src):
            res = 'OK'
        else:
            end = '%s %s' % (e.end_lineno, e.end_offset)
            res = '%s %s | %s %s %s' % (type(e).__name__, e.msg, e.lineno, e.offset, end)
    except ValueError as e:
        res = 'SyntaxError %s | 0 -1 None None' % e
    print('%s => %s' % (line, res))
