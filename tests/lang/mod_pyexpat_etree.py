# xml.etree.ElementTree and xml.dom.minidom parsing through pyexpat:
# namespaces, attributes, text and tails, comments/PIs, iterparse,
# entities, errors with their positions.
import xml.etree.ElementTree as ET
import xml.dom.minidom as minidom
import io

doc = '''<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<root xmlns="http://example.com/ns" xmlns:x="http://example.com/x" version="2">
  <item id="1" x:flag="yes">First &amp; best</item>
  <item id="2"><![CDATA[<raw> & data]]></item>
  <?target some data?>
  <x:other>tail test<child/>after child</x:other>
  <empty/>
  <uni>ünïcødé ✓ &#x263A;</uni>
</root>
'''
root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
for el in root.iter():
    print(repr(el.tag), sorted(el.attrib.items()), repr(el.text), repr(el.tail))
print(ET.tostring(root, encoding='unicode')[:200])
ns = {'n': 'http://example.com/ns', 'x': 'http://example.com/x'}
print([e.get('id') for e in root.findall('n:item', ns)], root.find('x:other', ns).text, root.findtext('n:uni', namespaces=ns))

tree = ET.parse(io.BytesIO(doc.encode()))
print(tree.getroot().tag, [e.tag for e in tree.iter()][:4])
events = [(ev, getattr(getattr(el, 'tag', el), '__name__', getattr(el, 'tag', el))) for ev, el in ET.iterparse(io.BytesIO(doc.encode()), events=('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi'))]
print(events[:8], len(events))

parser = ET.XMLPullParser(events=('start', 'end'))
for i in range(0, len(doc), 7):
    parser.feed(doc[i:i + 7])
print(len(list(parser.read_events())))
parser.close()

tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
p = ET.XMLParser(target=tb)
p.feed('<a><!--c--><?pi x?><b>t</b></a>')
r = p.close()
print([(getattr(c.tag, '__name__', c.tag), c.text) for c in r])

for bad in ['<a><b></a>', '<a>', 'no xml', '<a x="1" x="2"/>', '<a>&undefined;</a>', '<a></a><b/>', '']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print('ParseError', e, e.code, e.position)

d = minidom.parseString(doc)
print(d.documentElement.tagName, d.documentElement.getAttribute('version'), d.documentElement.namespaceURI)
items = d.getElementsByTagName('item')
print([(i.getAttribute('id'), i.firstChild.data, i.firstChild.nodeType) for i in items])
print(d.documentElement.toxml()[:150])
print(minidom.parseString('<!DOCTYPE r [<!ENTITY e "ent value">]><r a="1">&e;<s/></r>').toprettyxml(indent=' '))
try:
    minidom.parseString('<a><b></a>')
except Exception as e:
    print(type(e).__name__, e)

# (xml.sax needs urllib, which needs _socket: not here yet.)
import plistlib
pl = plistlib.dumps({'a': 1, 'b': [True, 2.5, 'x'], 'c': {'d': b'\x00\x01'}})
print(plistlib.loads(pl))
