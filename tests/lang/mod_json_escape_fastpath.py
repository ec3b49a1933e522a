# json string escaping: strings with nothing to escape are quoted in one copy;
# the rest (quotes, controls, DEL, non-ASCII with and without ensure_ascii)
# go through the escaper.
import json
for s in ['abc', '', 'a"b', 'tab\t', 'é', '日本語', '\x7f', 'x\x7fy', '\U0001F600', 'plain words here', '\\', '\x00\x1f', 'é"']:
    print(json.dumps(s), json.dumps(s, ensure_ascii=False), json.dumps({s: [s]}, indent=1, sort_keys=True), json.dumps({s: s}, ensure_ascii=False, indent=0))
from json import encoder
print(encoder.c_encode_basestring_ascii('x\x7f'), encoder.c_encode_basestring('x\x7fé'))
class S(str): pass
print(encoder.c_encode_basestring_ascii(S('sub')), type(encoder.c_encode_basestring_ascii(S('sub'))).__name__)
