"""Print what CPython 3.11 builds for each case of a strings_test cases file,
in the neutral one-line format that tests/unit/strings_test.c prints.

Cases are separated by lines "#---". Each case is a run of adjacent string
literals (optionally in parentheses). Only bare names are expected inside
replacement fields; any other expression prints as Name(?) at its start.
Errors print as "ERROR msg" when CPython locates them at the token after the
strings (the C driver cannot know that token), else with "@line:offset".
"""
import ast
import io
import sys
import tokenize


def node_str(n):
    pos = '@%d:%d-%d:%d' % (n.lineno, n.col_offset, n.end_lineno, n.end_col_offset)
    if isinstance(n, ast.Constant):
        if isinstance(n.value, bytes):
            return "Constant%s(b'%s' kind=%s)" % (pos, n.value.hex(), n.kind)
        return "Constant%s('%s' kind=%s)" % (
            pos, n.value.encode('utf-8', 'surrogatepass').hex(), n.kind)
    if isinstance(n, ast.JoinedStr):
        return 'JoinedStr%s[%s]' % (pos, ', '.join(node_str(v) for v in n.values))
    if isinstance(n, ast.FormattedValue):
        spec = node_str(n.format_spec) if n.format_spec else 'None'
        v = n.value
        value = node_str(v) if isinstance(v, ast.Name) else 'Name@%d:%d-%d:%d(?)' % (
            v.lineno, v.col_offset, v.lineno, v.col_offset)
        return 'FormattedValue%s(%s conv=%d spec=%s)' % (pos, value, n.conversion, spec)
    if isinstance(n, ast.Name):
        return 'Name%s(%s)' % (pos, n.id)
    raise TypeError(n)


def token_after_strings(src):
    src = src.decode('utf-8', 'surrogateescape')
    toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
            if t.type not in (tokenize.NL, tokenize.COMMENT)]
    last = max(i for i, t in enumerate(toks) if t.type == tokenize.STRING)
    return toks[last + 1]


def run(src):
    if isinstance(src, str):
        src = src.encode('utf-8')
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        try:
            t = token_after_strings(src)
            # ast.parse(bytes) reports byte offsets
            lines = src.decode('utf-8', 'surrogateescape').splitlines(True) + ['']
            line = lines[t.start[0] - 1]
            byte_col = len(line[:t.start[1]].encode('utf-8', 'surrogateescape'))
            if (e.lineno, e.offset) == (t.start[0], byte_col + 1):
                return 'ERROR %s' % e.msg
        except (tokenize.TokenError, ValueError, SyntaxError):
            pass
        return 'ERROR %s @%s:%s' % (e.msg, e.lineno, e.offset)
    return node_str(tree.body[0].value)


def main():
    with open(sys.argv[1], 'rb') as f:
        text = f.read()
    for case in text.split(b'\n#---\n'):
        print(run(case))


if __name__ == '__main__':
    main()
