#!/usr/bin/python3.11
"""Write the malformed-input cases that are too big to keep in git into DIR.

Each is a pathological input (100000-deep nesting, a million-digit literal,
a megabyte string...) on which krait must give CPython's answer -- usually an
error -- without crashing, hanging or blowing its stack. Like the small cases
in cases/, the expected answer is never stored: the harness asks CPython.

usage: make_large_cases.py DIR
"""
import os
import sys

N = 100_000


def cases():
    yield 'deep_unary_minus_100000', 'x = ' + '-' * N + '1\n'
    yield 'deep_not_100000', 'x = ' + 'not ' * N + 'x\n'
    yield 'deep_invert_100000', 'x = ' + '~' * N + 'x\n'
    yield 'deep_binop_100000', 'x = 1' + '+1' * N + '\n'
    yield 'deep_power_100000', 'x = 2' + '**2' * N + '\n'
    yield 'deep_boolop_100000_ok', 'x = a' + ' or a' * N + '\n'
    yield 'deep_compare_100000_ok', 'x = a' + '<a' * N + '\n'
    yield 'deep_attribute_chain_100000', 'x = a' + '.b' * N + '\n'
    yield 'deep_call_chain_100000', 'x = f' + '()' * N + '\n'
    yield 'deep_subscript_chain_100000', 'x = a' + '[0]' * N + '\n'
    yield 'deep_lambda_100000', 'x = ' + 'lambda:' * N + '1\n'
    yield 'deep_ternary_100000', 'x = ' + 'a if b else ' * N + 'c\n'
    yield 'deep_await_paren_100000', 'async def f():\n    return ' + 'await (' * N + 'x' + ')' * N + '\n'
    yield 'deep_parens_100000', 'x = ' + '(' * N + ')' * N + '\n'
    yield 'deep_starred_assign_100000', '*' * N + 'a = b\n'
    yield 'deep_fstring_specs', "x = f'{a:{b:{c:{d}}}}'\n"
    yield 'deep_string_concat_100000_ok', 'x = (' + "'a' " * N + ')\n'
    yield 'deep_elif_chain_1000_ok', 'if a: pass\n' + 'elif a: pass\n' * 1000
    yield 'deep_elif_chain_10000', 'if a: pass\n' + 'elif a: pass\n' * 10_000
    yield 'deep_decorators_10000_ok', '@d\n' * 10_000 + 'def f(): pass\n'
    yield 'deep_indented_blocks_99_ok', ''.join(' ' * i + 'if 1:\n' for i in range(99)) + ' ' * 99 + 'x = ' + '-' * 1000 + '1\n'
    yield 'huge_int_1000000_digits', 'x = ' + '7' * 1_000_000 + '\n'
    yield 'huge_int_4300_digits_times_100_ok', ('x = ' + '7' * 4300 + '\n') * 100
    yield 'huge_hex_5000_digits_ok', 'x = 0x' + 'f' * 5000 + '\n'
    yield 'huge_float_1000000_digits_ok', 'x = 0.' + '3' * 1_000_000 + '\n'
    yield 'huge_string_1MB_ok', 'x = "' + 'ab\\n\u00e9' * 250_000 + '"\n'
    yield 'huge_bytes_1MB_ok', "x = b'" + '\\x00a' * 200_000 + "'\n"
    yield 'huge_line_list_100000_ok', 'x = [' + '1, ' * N + ']\n'
    yield 'huge_many_lines_50000_ok', 'x = 1\n' * 50_000
    yield 'huge_identifier_100000_ok', 'a' * N + ' = 1\n'
    yield 'huge_unterminated_string_1MB', 'x = "' + 'a' * 1_000_000 + '\n'
    yield 'huge_comment_1MB_ok', '#' + 'c' * 1_000_000 + '\nx = 1\n'
    # (20000: CPython's f-string parsing is quadratic in the field count too)
    yield 'huge_fstring_20000_fields_ok', "x = f'" + '{a}' * 20_000 + "'\n"


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, text in cases():
        with open(os.path.join(out, name + '.py'), 'w', encoding='utf-8') as f:
            f.write(text)


if __name__ == '__main__':
    main()
