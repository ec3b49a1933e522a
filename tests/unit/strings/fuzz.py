"""Random differential test of strings.c against python3.11.

Generates random string-literal runs (biased toward f-string corner cases),
keeps those that python3.11 tokenizes as STRING tokens only and whose result
the strings_test stub can reproduce (bare names in fields, or an error at the
token after the strings), and writes them as a cases file; the
comparison with python3.11 follows. Usage: fuzz.py DRIVER N SEED
"""
import ast
import io
import random
import subprocess
import sys
import tempfile
import tokenize

sys.path.insert(0, __import__('os').path.dirname(__file__))
import oracle  # noqa: E402

ALPHABET = ['{', '}', '{', '}', '!', ':', '=', 'r', 's', 'a', 'x', 'y', ' ', '\\', "'", '"',
            '#', '(', ')', '[', ']', 'N', '\n', 'é', '<', '>', 'u', '0', '7', 'U', '{{', '}}',
            '\\N{DIGIT ONE}', '\\x4', '\\u00e9', '{x}', '{y!r}', '{x:>{y}}', '{x=}', ' = ']


def random_token(rng):
    prefix = rng.choice(['', '', 'f', 'f', 'f', 'rf', 'fr', 'F', 'u', 'b', 'r', 'rb', 'Rb'])
    quote = rng.choice(['"', "'", '"""', "'''"])
    body = ''.join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 10)))
    if len(quote) == 1:
        body = body.replace('\n', '')
    return prefix + quote + body + quote


LITERALS = ['a', 'é', '\\n', '\\x41', '\\N{DIGIT ONE}', '{{', '}}', ' ', '\t', '\n', '\\\n',
            '\\u20ac', '\\q', '\\{', '€€', '\\\\', "\\'"]
BLANKS = ['', '', ' ', '  ', '\t', '\n', ' \n ', '\f']


def random_field(rng, level, multiline):
    def blank():
        b = rng.choice(BLANKS)
        return b if multiline else b.replace('\n', '')
    text = '{' + blank() + rng.choice(['x', 'y', 'abc', 'é']) + blank()
    if rng.random() < 0.3:
        text += '=' + blank()
    if rng.random() < 0.3:
        text += '!' + rng.choice('rsa')
    if rng.random() < 0.4:
        text += ':'
        for _ in range(rng.randint(0, 3)):
            if level == 0 and rng.random() < 0.5:
                text += random_field(rng, 1, multiline)
            else:
                text += rng.choice(['>', '10', '.3f', 'é', ' ', '\\x41'])
    return text + '}'


def structured_token(rng):
    quote = rng.choice(['"', '"""', "'''", "'"])
    multiline = len(quote) == 3
    body = ''
    for _ in range(rng.randint(0, 5)):
        if rng.random() < 0.5:
            lit = rng.choice(LITERALS)
            body += lit if multiline else lit.replace('\n', '')
        else:
            body += random_field(rng, 0, multiline)
    prefix = rng.choice(['f', 'f', 'F', 'rf', 'fR', '', 'u'])
    return prefix + quote + body + quote


def random_run(rng):
    parts = []
    for _ in range(rng.randint(1, 3)):
        parts.append(structured_token(rng) if rng.random() < 0.6 else random_token(rng))
    glue = rng.choice([' ', ' ', '\n', '\n  '])
    src = glue.join(parts)
    return '(' + src + ')' if '\n' in glue else src


def usable(src):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(src).readline)
                if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER,
                                  tokenize.COMMENT)]
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return False
    if not toks or any(t.type != tokenize.STRING for t in toks):
        return False
    out = oracle.run(src)
    if out.startswith('ERROR'):
        return '@' not in out
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return False
    for node in ast.walk(tree):
        if isinstance(node, ast.FormattedValue) and not isinstance(node.value, ast.Name):
            return False
    return True


def main():
    driver, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    rng = random.Random(seed)
    cases = []
    while len(cases) < n:
        src = random_run(rng)
        if '\n#---\n' not in src and usable(src):
            cases.append(src)
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False, encoding='utf-8') as f:
        f.write('\n#---\n'.join(cases))
        path = f.name
    expected = [oracle.run(c) for c in cases]
    got = subprocess.run([driver, 'cases', path], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    bad = 0
    for src, e, g in zip(cases, expected, got):
        if e != g:
            bad += 1
            if bad <= 10:
                print('CASE %r\n  python: %s\n  krait:  %s' % (src, e, g))
    print('fuzz: %d cases, %d mismatches' % (len(cases), bad))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
