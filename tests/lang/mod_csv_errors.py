# _csv: Dialect validation, registry, reader/writer errors and edge cases.
import _csv, csv
print(sorted(dir(_csv)))
D = _csv.Dialect
for kw in [dict(delimiter=1), dict(delimiter='ab'), dict(delimiter=''), dict(quotechar=1), dict(quotechar=None), dict(quotechar=''), dict(escapechar=1), dict(escapechar='ab'),
           dict(lineterminator=1), dict(lineterminator=None), dict(quoting='a'), dict(quoting=9), dict(quoting=None), dict(quoting=3, quotechar=None), dict(doublequote=0), dict(strict=[1]),
           dict(delimiter=1, quoting=9), dict(quoting=9, delimiter=1), dict(x=1), dict(delimiter=None), dict(quoting=1.0), dict(lineterminator=''), dict(delimiter='\n'), dict(quotechar='\n'), dict(escapechar=None)]:
    try:
        d = D(**kw); print(kw, [d.delimiter, d.quotechar, d.escapechar, d.lineterminator, d.quoting, d.doublequote, d.skipinitialspace, d.strict])
    except Exception as e: print(kw, type(e).__name__, e)
d = D()
for f in [lambda: setattr(d, 'delimiter', ';'), lambda: D('nope'), lambda: D('excel').delimiter, lambda: D(csv.excel_tab).delimiter, lambda: D(d) is d, lambda: D(d, delimiter=';') is d, lambda: D(1).delimiter, lambda: D(1, 2),
          lambda: _csv.get_dialect('x'), lambda: _csv.unregister_dialect('x'), lambda: _csv.register_dialect(1), lambda: _csv.field_size_limit('a'), lambda: _csv.field_size_limit(), lambda: _csv.field_size_limit(10), lambda: _csv.field_size_limit(131072),
          lambda: _csv.reader(1), lambda: _csv.writer(1), lambda: _csv.reader(['a']).dialect.delimiter, lambda: list(_csv.reader([b'a'])), lambda: list(_csv.reader(['a\x00b'])), lambda: _csv.writer(type('W',(),{'write':lambda s, x: len(x)})()).writerow(1),
          lambda: _csv.writer(type('W',(),{'write':lambda s, x: x})()).writerow(['a', None, 1.5, '']), lambda: _csv.writer(type('W',(),{'write':lambda s, x: x})(), quoting=3).writerow(['']), lambda: _csv.writer(type('W',(),{'write':lambda s, x: x})(), quoting=3).writerow(['a,b']),
          lambda: _csv.writer(type('W',(),{'write':lambda s, x: x})(), lineterminator='\n').writerow(['a\rb', 'c\nd']), lambda: _csv.QUOTE_NONE, lambda: _csv.__version__, lambda: _csv.Error.__mro__, lambda: _csv.reader([]).line_num,
          lambda: list(_csv.reader(['a,"b'], strict=True)), lambda: list(_csv.reader(['a,"b'])), lambda: list(_csv.reader(['"a"b,c'], strict=True)), lambda: list(_csv.reader(['a\rb'])), lambda: list(_csv.reader(['a', 'b\n', '\n', 'c'])),
          lambda: list(_csv.reader(['1,"2",,x'], quoting=_csv.QUOTE_NONNUMERIC)), lambda: type(_csv.reader([])), lambda: type(_csv.writer(type('W',(),{'write':1})())), lambda: _csv.reader([], 'excel', 1), lambda: _csv.list_dialects()]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
