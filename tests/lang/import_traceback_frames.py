# The traceback of an error raised while importing: importlib's own frames
# are removed as CPython removes them (all of them for an ImportError; the
# run that ends in _call_with_frames_removed for an error in the module).
import os
import sys
import tempfile

tmp = tempfile.mkdtemp()
sys.path.insert(0, tmp)
files = {
    'tb_divides.py': 'x = 1\ny = x / 0\n',
    'tb_outer.py': 'import tb_inner\n',
    'tb_inner.py': 'def f():\n    raise KeyError("inner")\nf()\n',
    'tb_missing.py': 'import tb_no_such_module_xyz\n',
    'tb_fromerr.py': 'from tb_divides_ok import nothing_here\n',
    'tb_divides_ok.py': 'something = 1\n',
    'tb_syntax.py': 'def (:\n',
}
for name, body in files.items():
    with open(os.path.join(tmp, name), 'w') as f:
        f.write(body)


def entries(tb):
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        out.append((os.path.basename(code.co_filename), code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


for stmt in ['import tb_divides', 'import tb_outer', 'import tb_missing',
             'import tb_fromerr', 'import tb_syntax', 'import tb_no_such_top',
             'from tb_divides_ok import missing_name', '__import__("tb_divides")',
             'import importlib; importlib.import_module("tb_outer")']:
    try:
        exec(stmt)
    except BaseException as e:
        print(stmt, '->', type(e).__name__, str(e).replace(tmp, 'TMP'))
        for entry in entries(e.__traceback__):
            print('   ', entry)
    for mod in ('tb_divides', 'tb_outer', 'tb_inner'):
        sys.modules.pop(mod, None)
