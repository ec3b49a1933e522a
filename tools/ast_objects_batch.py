"""Run under krait by `tools/ast_conformance.py --objects`: for each file
named on the command line, print `@@ PATH` and then one line, what
`krait -X dump-ast-batch` prints for it -- but computed in Python, with
ast.dump(ast.parse(source), include_attributes=True), so that the node
objects of the _ast module and compile(..., PyCF_ONLY_AST) are what is
checked -- or, for a rejected file, the error record
`!Class<TAB>lineno<TAB>offset<TAB>end_lineno<TAB>end_offset<TAB>message`.
"""
import ast
import sys
import warnings


def escape(msg):
    return msg.replace('\\', '\\\\').replace('\n', '\\n')


def record(path):
    try:
        with open(path, 'rb') as f:
            src = f.read()
    except OSError as e:
        return f'!OSError\t\t\t\t\t{escape(str(e))}'
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        loc = [e.lineno, e.offset, e.end_lineno, e.end_offset]
        loc = '\t'.join('' if v is None else str(v) for v in loc)
        return f'!{type(e).__name__}\t{loc}\t{escape(str(e.msg))}'
    except (ValueError, MemoryError, RecursionError) as e:
        return f'!{type(e).__name__}\t\t\t\t\t{escape(str(e))}'
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(20000)
    try:
        return ast.dump(tree, include_attributes=True)
    finally:
        sys.setrecursionlimit(limit)


def main():
    warnings.simplefilter('ignore')
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)
    out = sys.stdout
    for path in sys.argv[1:]:
        rec = record(path)
        out.write(f'@@ {path}\n{rec}\n')
        out.flush()


main()
