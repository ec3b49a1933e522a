# csv: reader and writer round trips under the quoting modes and dialect
# options, multi-line fields, DictReader/DictWriter and Sniffer.
import csv, io

rows = [
    ['plain', 'with,comma', 'with "quote"', 'multi\nline', '', ' lead', 'tail ', 'ünïcødé', 'cr\rhere'],
    [1, 2.5, None, True, -0.0, 10**20],
    [],
    [''],
    ['', ''],
    ['a\\b', "it's", '\t'],
]
for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    for kw in ({}, {'delimiter': ';'}, {'quotechar': "'"}, {'lineterminator': '\n'}, {'doublequote': False, 'escapechar': '\\'}):
        out = io.StringIO()
        w = csv.writer(out, quoting=quoting, **kw)
        for r in rows:
            w.writerow(r)
        text = out.getvalue()
        try:
            back = list(csv.reader(io.StringIO(text, newline=''), quoting=quoting, **kw))
        except Exception as e:
            back = '%s: %s' % (type(e).__name__, e)
        print(quoting, sorted(kw.items()), repr(text))
        print('   ', back)

out = io.StringIO()
w = csv.writer(out, quoting=csv.QUOTE_NONE, escapechar='\\')
w.writerows([['a,b', 'c"d', 'e\\f', 'g\nh'], ['x']])
print(repr(out.getvalue()))
print(list(csv.reader(io.StringIO(out.getvalue()), quoting=csv.QUOTE_NONE, escapechar='\\')))

# Reading details.
data = 'a, b,  "c"\r\n"multi\r\nline",x\r\n\r\n"q""uote","e\\,sc"\r\nlast,"unterminated'
r = csv.reader(io.StringIO(data, newline=''), skipinitialspace=True, escapechar='\\')
for row in r:
    print(r.line_num, row)
print(list(csv.reader(['a,b', 'c'], delimiter='\t')), list(csv.reader(['"a"x,b'])), list(csv.reader(['x"y"z,1'])))
print(list(csv.reader(['1, 2,"3"'], quoting=csv.QUOTE_NONNUMERIC, skipinitialspace=True)))
print(list(csv.reader(['a|b|c'], csv.excel, delimiter='|')))

# Registered dialects.
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_ALL)
class Semi(csv.Dialect):
    delimiter = ';'; quotechar = '"'; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
csv.register_dialect('semi', Semi)
for name in ('pipes', 'semi', 'excel-tab', 'unix'):
    out = io.StringIO()
    csv.writer(out, name).writerow(['a', 'b c', 'd;e|f'])
    d = csv.get_dialect(name)
    print(name, repr(out.getvalue()), d.delimiter, d.quoting, repr(d.lineterminator))
print(sorted(csv.list_dialects()))
csv.unregister_dialect('pipes')
try:
    csv.get_dialect('pipes')
except csv.Error as e:
    print('Error', e)
try:
    class Bad(csv.Dialect):
        delimiter = ''
    Bad()
except csv.Error as e:
    print('Error', e)

# DictReader and DictWriter.
out = io.StringIO()
dw = csv.DictWriter(out, fieldnames=['name', 'age', 'city'], extrasaction='ignore', restval='?')
dw.writeheader()
dw.writerows([{'name': 'Ann', 'age': 31, 'city': 'Oslo'}, {'name': 'Bob', 'extra': 1}, {'age': 5, 'city': 'New, York'}])
print(repr(out.getvalue()))
for rec in csv.DictReader(io.StringIO(out.getvalue())):
    print(rec)
dr = csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='more', restval='none')
print(list(dr), dr.fieldnames, dr.line_num)
try:
    csv.DictWriter(io.StringIO(), ['a']).writerow({'b': 1})
except ValueError as e:
    print('ValueError', e)

# Sniffer.
sample = 'id;name;score\n1;"Smith, J";3.5\n2;Doe;4\n3;"O\'Neil";5\n'
s = csv.Sniffer()
d = s.sniff(sample)
print(d.delimiter, repr(d.quotechar), d.doublequote, d.skipinitialspace, s.has_header(sample))
print(list(csv.reader(io.StringIO(sample), d)))
big = ['x' * 20]
csv.field_size_limit(10)
try:
    list(csv.reader(big))
except csv.Error as e:
    print('Error', e)
csv.field_size_limit(131072)
