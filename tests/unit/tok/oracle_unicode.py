"""Per-code-point Unicode properties from python3.11, in tok_test's
`unicode` format: cp category printable xid_start xid_continue [nfkc]."""
import sys
import unicodedata

out = []
for cp in range(0x110000):
    ch = chr(cp)
    line = '%X %s %d %d %d' % (cp, unicodedata.category(ch), ch.isprintable(), ch.isidentifier(),
                              ('a' + ch).isidentifier())
    n = unicodedata.normalize('NFKC', ch)
    if n != ch:
        line += ' ' + ','.join('%X' % ord(c) for c in n)
    out.append(line)
sys.stdout.write('\n'.join(out) + '\n')
