# pyexpat: every handler with its arguments, buffer_text, attribute modes,
# namespaces, intern, errors (ExpatError fields), exceptions in handlers,
# ParseFile and external entity parsers.
import pyexpat, io

DOC = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "root.dtd" [
  <!ELEMENT root (a|b)*>
  <!ELEMENT a (#PCDATA)>
  <!ELEMENT b EMPTY>
  <!ELEMENT c (a, b?, (a|b)+)>
  <!ATTLIST a id ID #REQUIRED kind (x|y) "x" note CDATA #IMPLIED>
  <!ENTITY ent "entity &#38;#38; text">
  <!ENTITY ext SYSTEM "ext.xml">
  <!ENTITY img SYSTEM "img.gif" NDATA gif>
  <!NOTATION gif PUBLIC "image/gif" "viewer">
]>
<root xmlns:p="urn:p"><!-- comment --><a id="i1">text &ent; more<![CDATA[ <cdata> ]]></a><?pi data here?>
<p:b p:attr="v" plain="w"/>&ext;</root>
'''

names = [n for n in dir(pyexpat.ParserCreate()) if n.endswith('Handler') or n == 'DefaultHandlerExpand']
def make(**kw):
    p = pyexpat.ParserCreate(**kw)
    log = []
    for n in names:
        if n in ('DefaultHandler', 'DefaultHandlerExpand'):
            continue
        def h(*args, _n=n):
            if _n == 'ExternalEntityRefHandler' and args[0]:
                # the order of the namespace bindings follows expat's salted hash
                args = ('\x0c'.join(sorted(args[0].split('\x0c'))),) + args[1:]
            log.append((_n[:-7] if _n.endswith('Handler') else _n,) + args)
            if _n in ('ExternalEntityRefHandler', 'NotStandaloneHandler'):
                return 1
        setattr(p, n, h)
    return p, log

for kw in ({}, {'namespace_separator': '|'}, {'namespace_separator': ''}):
    for buffer_text in (False, True):
        p, log = make(**kw)
        p.buffer_text = buffer_text
        p.ordered_attributes = buffer_text
        p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
        print(kw, buffer_text, p.Parse(DOC, True), p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
        for entry in log:
            print('  ', entry)

p = pyexpat.ParserCreate(namespace_separator=' ')
p.namespace_prefixes = True
got = []
p.StartElementHandler = lambda n, a: got.append((n, a))
p.Parse('<r xmlns:q="urn:q" xmlns="urn:d"><q:x q:k="1"/><y/></r>', True)
print(got, p.namespace_prefixes)

p = pyexpat.ParserCreate()
p.specified_attributes = True
got = []
p.StartElementHandler = lambda n, a: got.append((n, a))
p.Parse('<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r a="1"/>', True)
print(got)
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: got.append((n, a))
p.Parse('<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r a="1"/>', True)
print(got[-1])

# Default handlers see everything else, unexpanded or expanded.
for attr in ('DefaultHandler', 'DefaultHandlerExpand'):
    p = pyexpat.ParserCreate()
    out = []
    setattr(p, attr, out.append)
    p.Parse('<!DOCTYPE r [<!ENTITY e "E">]><r>&e;&amp;</r>', True)
    print(attr, out)

# buffer_text collects data up to buffer_size.
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.buffer_size = 10
print(p.buffer_text, p.buffer_size, p.buffer_used)
p.Parse('<r>' + 'abc&amp;' * 5 + 'x' * 30 + '</r>', True)
print(chunks)
p = pyexpat.ParserCreate()
chunks = []
p.CharacterDataHandler = chunks.append
p.buffer_text = True
p.Parse('<r>abc')
print(chunks, p.buffer_used)
p.Parse('def</r>', True)
print(chunks, p.buffer_used)

# intern
p = pyexpat.ParserCreate()
p.StartElementHandler = lambda n, a: None
p.Parse('<r a="1"><r a="2"/></r>', True)
print(sorted(p.intern))
p = pyexpat.ParserCreate(intern=None)
print(p.intern)

# Errors.
for text in ['<a><b></a>', '<a>', '<a x="1" x="2"/>', '<a>&nope;</a>', '<?xml version="1.0"?><a/><b/>', '<a>\x00</a>', b'<a>\xff</a>']:
    p = pyexpat.ParserCreate()
    try:
        p.Parse(text, True)
    except pyexpat.ExpatError as e:
        print(repr(str(e)), e.code, e.lineno, e.offset, pyexpat.errors.messages[e.code], p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
p = pyexpat.ParserCreate()
p.Parse('<a/>', True)
try:
    p.Parse('<b/>', True)
except pyexpat.ExpatError as e:
    print('again:', e)

# An exception in a handler stops the parse and propagates.
p = pyexpat.ParserCreate()
seen = []
def start(name, attrs):
    seen.append(name)
    if name == 'boom':
        raise KeyError(name)
p.StartElementHandler = start
try:
    p.Parse('<r><a/><boom/><after/></r>', True)
except KeyError as e:
    print('KeyError', e, seen)

# ParseFile, and a file whose read() misbehaves.
p = pyexpat.ParserCreate()
ends = []
p.EndElementHandler = ends.append
print(p.ParseFile(io.BytesIO(b'<r>' + b'<i/>' * 1000 + b'</r>')), len(ends))
class Bad:
    def read(self, n):
        return 'str'
for f in (Bad(), 1):
    try:
        pyexpat.ParserCreate().ParseFile(f)
    except TypeError as e:
        print('TypeError', e)

# External entities parsed by a child parser.
p = pyexpat.ParserCreate()
p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
out = []
p.StartElementHandler = lambda n, a: out.append(('start', n))
p.CharacterDataHandler = lambda d: out.append(('data', d))
def ext(context, base, system_id, public_id):
    child = p.ExternalEntityParserCreate(context)
    out.append(('ext', context, system_id))
    child.Parse(b'<inner>from ' + system_id.encode() + b'</inner>', True)
    return 1
p.ExternalEntityRefHandler = ext
p.SetBase('http://base/')
print(p.GetBase())
p.Parse('<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml">]><r>&e;</r>', True)
print(out)

# Attribute errors and misc.
p = pyexpat.ParserCreate()
for f in [lambda: setattr(p, 'buffer_size', 0), lambda: setattr(p, 'buffer_size', 'x'), lambda: setattr(p, 'ErrorCode', 1),
          lambda: p.Parse(1), lambda: pyexpat.ParserCreate(namespace_separator='ab'), lambda: pyexpat.ParserCreate(1),
          lambda: pyexpat.ParserCreate(intern=[]), lambda: pyexpat.xmlparser if hasattr(pyexpat, 'xmlparser') else 'no attr',
          lambda: type(p).__name__, lambda: pyexpat.ErrorString(3), lambda: pyexpat.errors.XML_ERROR_SYNTAX,
          lambda: pyexpat.model.XML_CTYPE_SEQ, lambda: pyexpat.version_info >= (2, 0, 0), lambda: p.GetInputContext(),
          lambda: pyexpat.ParserCreate(encoding='latin-1').Parse(b'<a>\xe9</a>', True), lambda: pyexpat.ParserCreate(encoding='nonexistent').Parse(b'<a/>', True)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
