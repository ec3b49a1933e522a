# Invalid escapes in f-strings: "\{" warns when scanned, and each literal
# part between fields warns for its own first invalid escape (CPython
# decodes the parts one by one).
import warnings
for src in [r"f'\{6*7}'", r"f'\d{1}'", r"'\d'", r"f'{1}\d'", r"f'\{'", r"rf'\{6*7}'", r"b'\d'", r"f'\N{DIGIT ONE}{2}'", r"f'\{{x'", r"f'ab\{{1}}'"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            v = eval(src)
            print(src, repr(v), [(x.category.__name__, str(x.message)) for x in w])
        except SyntaxError as e:
            print(src, 'SyntaxError', e.msg, [(x.category.__name__, str(x.message)) for x in w])
for src in [r"f'\d{1}\d'", r"f'\d\w{1}'", r"'\d\w'", r"f'{1}\d{2}\w'", r"f'\{6*7}\{1}'", r"f'\d' f'\w'", r"'\d' '\w'"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        v = eval(src)
        print(src, repr(v), [(str(x.message)) for x in w])
