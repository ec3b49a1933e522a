#!/usr/bin/python3.11
"""deep_inputs.py - write deep and wide inputs that libFuzzer's -max_len=4096 cannot reach.

    /usr/bin/python3.11 tests/fuzz/deep_inputs.py OUTDIR

writes OUTDIR/<construct>_<n>.py for n in 1000, 5000, 30000, 100000: long
chains of unary operators, lambdas, conditional expressions, attribute /
call / subscript chains, binary and boolean operators, comparisons, elif
chains, decorators, assignments, string concatenations, huge argument lists,
match alternatives, and brackets nested up to the tokenizer's limit. CPython
answers some with an AST, some with SyntaxError, RecursionError or
MemoryError; krait must answer every one without overflowing the C stack,
hanging or tripping a sanitizer. `make fuzz-deep` runs them through the
harness (tests/fuzz/README.md).
"""
import os
import sys

SIZES = (1000, 5000, 30000, 100000)


def cap(n, limit):
    return min(n, limit)


# name -> function(n) -> source text
PATTERNS = {
    'not': lambda n: 'not ' * n + 'x\n',
    'neg': lambda n: '-' * n + 'x\n',
    'tilde': lambda n: '~' * n + 'x\n',
    'await': lambda n: 'async def f():\n    ' + 'await ' * n + 'x\n',
    'yield': lambda n: 'def f():\n    ' + 'yield ' * n + 'x\n',
    'lambda': lambda n: 'lambda:' * n + 'x\n',
    'lambda_default': lambda n: 'lambda a=' * n + '1' + ':1' * n + '\n',
    'ternary': lambda n: 'a if b else ' * n + 'c\n',
    'power': lambda n: 'x' + '**x' * n + '\n',
    'attr': lambda n: 'x' + '.a' * n + '\n',
    'call': lambda n: 'x' + '()' * n + '\n',
    'subscript': lambda n: 'x' + '[0]' * n + '\n',
    'binop': lambda n: 'x' + '+x' * n + '\n',
    'compare': lambda n: 'x' + '<x' * n + '\n',
    'boolop': lambda n: 'x' + ' and x' * n + '\n',
    'star': lambda n: '*' * n + 'x,\n',
    'assign': lambda n: 'x = ' * n + '1\n',
    'semicolons': lambda n: 'x;' * n + '\n',
    'elif': lambda n: 'if x: pass\n' + 'elif x: pass\n' * n,
    'decorators': lambda n: '@d\n' * n + 'def f(): pass\n',
    'strcat': lambda n: '"a" ' * n + '\n',
    'fstrcat': lambda n: 'f"{a}" ' * n + '\n',
    'fstring_nested': lambda n: 'f"{' * cap(n, 50) + 'x' + '}"' * cap(n, 50) + '\n',
    'args': lambda n: 'f(' + ','.join(['a'] * n) + ')\n',
    'kwargs': lambda n: 'f(' + ','.join('a%d=1' % i for i in range(n)) + ')\n',
    'match_or': lambda n: 'match x:\n    case ' + '|'.join(['1'] * n) + ': pass\n',
    'match_nested': lambda n: 'match x:\n    case ' + '[' * 199 + '1' + ']' * 199 + ': pass\n',
    'comprehension': lambda n: '[x ' + 'for x in y ' * n + ']\n',
    'with_items': lambda n: 'with ' + ', '.join(['a'] * n) + ': pass\n',
    'import_dotted': lambda n: 'import ' + '.'.join(['a'] * n) + '\n',
    'parens_199': lambda n: '(' * 199 + 'x' + ')' * 199 + '\n',
    'parens_199_error': lambda n: '(' * 199 + 'x $' + ')' * 199 + '\n',
    'parens_200': lambda n: '(' * 200 + 'x' + ')' * 200 + '\n',
    'mixed_brackets_error': lambda n: 'x = ' + '([{' * 66 + '()' + '}])' * 57 + '}]!' + '}])' * 8 + '\n',
    'walrus_nested': lambda n: '(a := ' * 199 + '1' + ')' * 199 + '\n',
    'unary_in_parens': lambda n: '-(' * 199 + 'x' + ')' * 199 + '\n',
    'genexp_nested': lambda n: 'f' + '(x for x in ' * 99 + 'y' + ')' * 99 + '\n',
    'indent_100': lambda n: ''.join(' ' * i + 'if x:\n' for i in range(100)) + ' ' * 100 + 'pass\n',
    'dedent_garbage': lambda n: 'if x:\n' + '        y\n' * 3 + '    z\n',
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    written = set()
    for name, make in PATTERNS.items():
        for n in SIZES:
            text = make(n)
            if text in written:
                continue  # a size-independent pattern: write it once
            written.add(text)
            with open(os.path.join(out, '%s_%d.py' % (name, n)), 'w') as f:
                f.write(text)
    print('%d files in %s' % (len(written), out))


if __name__ == '__main__':
    main()
