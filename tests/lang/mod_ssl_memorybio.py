# _ssl over MemoryBIO pairs (what asyncio's sslproto drives): a TLS
# handshake between a client and a server SSLObject, data both ways,
# getpeercert's dict, the negotiated parameters, sessions, unwrap, and the
# errors a MemoryBIO connection raises (SSLWantReadError, verification).
import os
import ssl

TEST_DIR = "/usr/lib/python3.11/test"
KEYCERT = os.path.join(TEST_DIR, "keycert.pem")
SIGNED = os.path.join(TEST_DIR, "keycert3.pem")
CA = os.path.join(TEST_DIR, "pycacert.pem")


def pump(client, server, cin, cout, sin, sout, rounds=10):
    # Move bytes until both handshakes are done; returns the exception of
    # a side that failed, else None.
    done = [False, False]
    for _ in range(rounds):
        for i, obj in enumerate((client, server)):
            if done[i]:
                continue
            try:
                obj.do_handshake()
                done[i] = True
            except ssl.SSLWantReadError:
                pass
        sin.write(cout.read())
        cin.write(sout.read())
        if all(done):
            return None
    return "not finished"


def pair(cctx, sctx, hostname="localhost", session=None):
    cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
    client = cctx.wrap_bio(cin, cout, server_hostname=hostname, session=session)
    server = sctx.wrap_bio(sin, sout, server_side=True)
    return client, server, cin, cout, sin, sout


def show_error(e):
    print(" ", type(e).__name__, "errno", e.errno)
    print("  library", e.library, "reason", e.reason)
    if isinstance(e, ssl.SSLCertVerificationError):
        print("  verify", e.verify_code, e.verify_message)
    print("  str", str(e))


# -- MemoryBIO by itself
bio = ssl.MemoryBIO()
print("pending", bio.pending, "eof", bio.eof)
print("write", bio.write(b"hello"), bio.write(bytearray(b" world")), bio.write(memoryview(b"!")))
print("pending", bio.pending)
print("read", bio.read(5), bio.read(), bio.read())
bio.write_eof()
print("eof", bio.eof)
try:
    bio.write(b"x")
except ssl.SSLError as e:
    print(type(e).__name__, e)
for bad in ("text", 5, None):
    try:
        ssl.MemoryBIO().write(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    ssl.MemoryBIO(1)
except TypeError as e:
    print("TypeError", e)

# -- a server with keycert.pem, a client that trusts it
sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(KEYCERT)
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(KEYCERT)
print("cert_store_stats", cctx.cert_store_stats())

client, server, cin, cout, sin, sout = pair(cctx, sctx)
print("before handshake", client.version(), client.cipher() is None, client.server_side,
      server.server_side, client.server_hostname, server.server_hostname)
try:
    client.getpeercert()
except ValueError as e:
    print("ValueError", e)
try:
    client.read(5)
except ssl.SSLWantReadError as e:
    show_error(e)
print("pump", pump(client, server, cin, cout, sin, sout))
print("version", client.version(), server.version())
name, proto, bits = client.cipher()
print("cipher", proto, bits, server.cipher() == client.cipher())
print("compression", client.compression())
print("alpn", client.selected_alpn_protocol())
peer = client.getpeercert()
for key in sorted(peer):
    print("  ", key, peer[key])
der = client.getpeercert(True)
print("der", type(der).__name__, len(der) > 500, ssl.DER_cert_to_PEM_cert(der).startswith("-----BEGIN CERTIFICATE-----"))
print("server sees no client cert", server.getpeercert())
print("channel binding", len(client.get_channel_binding()), client.get_channel_binding() == server.get_channel_binding())
try:
    client.get_channel_binding("tls-server-end-point")
except ValueError as e:
    print("ValueError", e)
print("shared ciphers", type(server.shared_ciphers()).__name__, client.shared_ciphers() is None)

# data both ways, in pieces
print("write", client.write(b"ping " * 3))
sin.write(cout.read())
print("server pending before read", server.pending())
print("server read", server.read(4), server.read(100))
print("server write", server.write(b"pong"))
cin.write(sout.read())
buf = bytearray(10)
print("client read_into", client.read(10, buf), bytes(buf))
try:
    client.read(-1)
except ValueError as e:
    print("ValueError", e)

# session of the client (TLS 1.3 tickets arrive after the handshake)
sess = client.session
print("session", type(sess).__name__, sess.has_ticket, sess.timeout > 0, len(sess.id))
print("session_reused", client.session_reused)

# clean shutdown (unwrap) both ways
try:
    client.unwrap()
except ssl.SSLWantReadError as e:
    print("client unwrap wants read")
sin.write(cout.read())
try:
    server.read(10)
except ssl.SSLZeroReturnError as e:
    show_error(e)
try:
    server.unwrap()
    print("server unwrapped")
except ssl.SSLError as e:
    show_error(e)
cin.write(sout.read())
client.unwrap()
print("client unwrapped")

# -- verification errors
other = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)   # trusts nothing
client, server, *bios = pair(other, sctx)
try:
    pump(client, server, *bios)
except ssl.SSLCertVerificationError as e:
    show_error(e)
    print("  is ValueError", isinstance(e, ValueError))
client, server, *bios = pair(cctx, sctx, hostname="example.org")
try:
    pump(client, server, *bios)
except ssl.SSLCertVerificationError as e:
    show_error(e)
client, server, *bios = pair(cctx, sctx, hostname="127.0.0.1")
try:
    pump(client, server, *bios)
except ssl.SSLCertVerificationError as e:
    show_error(e)

# -- a CA-signed server certificate, checked against the CA, with ALPN
sctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx2.load_cert_chain(SIGNED)
sctx2.set_alpn_protocols(["h2", "http/1.1"])
cctx2 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx2.load_verify_locations(cafile=CA)
cctx2.set_alpn_protocols(["http/1.1", "spdy"])
client, server, *bios = pair(cctx2, sctx2)
print("pump", pump(client, server, *bios))
print("alpn", client.selected_alpn_protocol(), server.selected_alpn_protocol())
peer = client.getpeercert()
print("subject", peer["subject"])
print("issuer", peer["issuer"])
print("OCSP", peer.get("OCSP"), "caIssuers", peer.get("caIssuers"))
print("crl", peer.get("crlDistributionPoints"))
print("ca certs", [c["subject"] for c in cctx2.get_ca_certs()])
print("ca certs der", [type(c).__name__ for c in cctx2.get_ca_certs(True)])

# CERT_NONE on the client: getpeercert() is an empty dict
c3 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
c3.check_hostname = False
c3.verify_mode = ssl.CERT_NONE
client, server, *bios = pair(c3, sctx)
print("pump", pump(client, server, *bios))
print("CERT_NONE peercert", client.getpeercert(), len(client.getpeercert(True)) > 0)

# a client certificate required by the server
sctx4 = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx4.load_cert_chain(SIGNED)
sctx4.verify_mode = ssl.CERT_REQUIRED
sctx4.load_verify_locations(CA)
client, server, *bios = pair(cctx2, sctx4)
try:
    print("pump", pump(client, server, *bios))
    client.read(1)
except ssl.SSLError as e:
    print(" ", type(e).__name__, e.library, e.reason)
cctx5 = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx5.load_verify_locations(CA)
cctx5.load_cert_chain(SIGNED)
client, server, *bios = pair(cctx5, sctx4)
print("pump", pump(client, server, *bios))
print("server sees", server.getpeercert()["subject"][-1])

# -- errors after the handshake: post-handshake auth on the wrong side or
# without the extension, writing after shutdown, EOF on the BIO
client, server, cin, cout, sin, sout = pair(cctx, sctx)
pump(client, server, cin, cout, sin, sout)
for label, obj in (("client", client), ("server", server)):
    try:
        obj._sslobj.verify_client_post_handshake()
    except ssl.SSLError as e:
        print("pha", label, e.reason, str(e))
try:
    client.unwrap()
except ssl.SSLWantReadError:
    pass
try:
    client.write(b"x")
except ssl.SSLError as e:
    show_error(e)
sin.write_eof()
print("server read at BIO EOF", server.read(5))
client, server, cin, cout, sin, sout = pair(cctx, sctx)
pump(client, server, cin, cout, sin, sout)
server.write(b"abc")
try:
    server.unwrap()
except ssl.SSLWantReadError:
    pass
cin.write(sout.read())
print("client reads", client.read(5), client.read(5), client.write(b"still"))
