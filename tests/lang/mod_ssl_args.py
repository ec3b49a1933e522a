# Argument errors of _ssl's functions and methods: counts, keywords, types,
# with CPython's messages (qualified names, Argument Clinic's wording).
import ssl, _ssl
c=ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
o=c.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname='x')._sslobj
b=ssl.MemoryBIO()
calls = [
 lambda: o.version(1), lambda: o.cipher(1), lambda: o.do_handshake(1), lambda: o.pending(1),
 lambda: o.write(), lambda: o.write(b'', b''), lambda: o.shutdown(1), lambda: o.compression(1),
 lambda: c.get_ciphers(1), lambda: c.session_stats(1), lambda: c.set_ciphers(),
 lambda: c.load_verify_locations(1, 2, 3, 4), lambda: c.load_cert_chain(certfile=None),
 lambda: c.get_ca_certs(1, 2), lambda: c.set_default_verify_paths(1), lambda: c.cert_store_stats(1),
 lambda: c._wrap_bio(b, b), lambda: c._wrap_socket(), lambda: c._wrap_bio(b, b, False, None, 5),
 lambda: b.write_eof(1), lambda: b.read(1, 2), lambda: b.write(), lambda: b.read('x'),
 lambda: _ssl.RAND_status(1), lambda: _ssl.RAND_bytes(), lambda: _ssl.nid2obj(), lambda: _ssl.txt2obj(),
 lambda: _ssl.RAND_add(b'x'), lambda: _ssl.get_default_verify_paths(1), lambda: _ssl._test_decode_cert(),
 lambda: c.load_dh_params(), lambda: c.set_ecdh_curve(), lambda: c._set_alpn_protocols(),
 lambda: o.get_channel_binding('tls-unique', 1), lambda: o.verify_client_post_handshake(1),
 lambda: o.selected_alpn_protocol(1), lambda: o.shared_ciphers(1),
]
for i, f in enumerate(calls):
    try: print(i, f())
    except Exception as e: print(i, type(e).__name__, e)
for args in [(), (1,2,3), ('x',), (5, b'abc'), (1.5,), (2**70,)]:
  try: o.read(*args)
  except Exception as e: print(args, type(e).__name__, e)
try: o.read(size=5)
except Exception as e: print(type(e).__name__, e)
for a in [5, 'a\x00b']:
  try: o.get_channel_binding(a)
  except Exception as e: print(type(e).__name__, e)
try: o.write('x')
except Exception as e: print(type(e).__name__, e)
try: o.getpeercert(1,2)
except Exception as e: print(type(e).__name__, e)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    r = ssl.RAND_pseudo_bytes(3)
    print(len(r[0]), r[1], [(x.category.__name__, str(x.message)) for x in w])
