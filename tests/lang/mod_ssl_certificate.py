# _ssl.Certificate: the verified and unverified chains of a connection
# (get_verified_chain/get_unverified_chain), Certificate.get_info(),
# public_bytes() in PEM and DER, equality, hashing and repr; the DER of
# getpeercert(True) against them; cipher details of get_ciphers().
import _ssl
import os
import ssl

TEST_DIR = "/usr/lib/python3.11/test"
SIGNED = os.path.join(TEST_DIR, "keycert3.pem")
CA = os.path.join(TEST_DIR, "pycacert.pem")


def connect(cctx, sctx):
    cin, cout, sin, sout = (ssl.MemoryBIO() for _ in range(4))
    client = cctx.wrap_bio(cin, cout, server_hostname="localhost")
    server = sctx.wrap_bio(sin, sout, server_side=True)
    for _ in range(10):
        for obj in (client, server):
            try:
                obj.do_handshake()
            except ssl.SSLWantReadError:
                pass
        sin.write(cout.read())
        cin.write(sout.read())
    return client, server


sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
sctx.load_cert_chain(SIGNED)
cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
cctx.load_verify_locations(CA)
client, server = connect(cctx, sctx)

verified = client._sslobj.get_verified_chain()
unverified = client._sslobj.get_unverified_chain()
print("verified", len(verified), [type(c).__name__ for c in verified])
print("unverified", len(unverified))
for cert in verified:
    info = cert.get_info()
    print(" ", repr(cert))
    print("   subject", info["subject"][-1], "issuer", info["issuer"][-1])
leaf = verified[0]
pem = leaf.public_bytes()
der = leaf.public_bytes(_ssl.ENCODING_DER)
print("pem", type(pem).__name__, pem.splitlines()[0], pem.endswith("-----END CERTIFICATE-----\n"))
print("der", type(der).__name__, der == client.getpeercert(True))
print("pem<->der", ssl.PEM_cert_to_DER_cert(pem) == der)
print("eq", leaf == unverified[0], leaf != verified[-1], leaf == "x", hash(leaf) == hash(unverified[0]))
try:
    leaf.public_bytes(5)
except ValueError as e:
    print("ValueError", e)
try:
    leaf.public_bytes("x")
except TypeError as e:
    print("TypeError", e)
print("server side chains", server._sslobj.get_verified_chain(), server._sslobj.get_unverified_chain())
try:
    _ssl.Certificate()
except TypeError as e:
    print("TypeError", e)

# no handshake yet: no chains
fresh = cctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname="localhost")
print("fresh", fresh._sslobj.get_verified_chain(), fresh._sslobj.get_unverified_chain())

# get_ciphers details
tls13 = [c for c in cctx.get_ciphers() if c["protocol"] == "TLSv1.3"]
for c in sorted(tls13, key=lambda c: c["name"]):
    print(c["name"], c["id"], c["strength_bits"], c["alg_bits"], c["aead"], c["symmetric"],
          c["digest"], c["kea"], c["auth"])
    print("  ", c["description"])
cctx.set_ciphers("ECDHE-RSA-AES128-GCM-SHA256")
tls12 = [c for c in cctx.get_ciphers() if c["protocol"] == "TLSv1.2"]
print("tls12", [(c["name"], c["kea"], c["auth"], c["digest"]) for c in tls12])
