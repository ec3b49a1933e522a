# TLS under asyncio (sslproto: SSLObject over MemoryBIOs): an echo server
# with keycert.pem on loopback, a client with open_connection(ssl=...),
# the peer certificate and cipher through get_extra_info, start_tls on a
# plain connection, and a client that fails certificate verification.
import asyncio
import os
import ssl

TEST_DIR = "/usr/lib/python3.11/test"
KEYCERT = os.path.join(TEST_DIR, "keycert.pem")


def contexts():
    sctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    sctx.load_cert_chain(KEYCERT)
    cctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    cctx.load_verify_locations(KEYCERT)
    return sctx, cctx


async def echo(reader, writer):
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            writer.write(line.upper())
            await writer.drain()
    except (ssl.SSLError, ConnectionError):
        pass
    finally:
        writer.close()


async def main():
    sctx, cctx = contexts()
    server = await asyncio.start_server(echo, "127.0.0.1", 0, ssl=sctx)
    port = server.sockets[0].getsockname()[1]

    reader, writer = await asyncio.open_connection("127.0.0.1", port, ssl=cctx,
                                                   server_hostname="localhost")
    sslobj = writer.get_extra_info("ssl_object")
    print("ssl_object", type(sslobj).__name__, sslobj.version(), sslobj.server_hostname)
    print("peercert cn", writer.get_extra_info("peercert")["subject"][-1])
    print("cipher proto", writer.get_extra_info("cipher")[1])
    for msg in (b"hello\n", b"tls over asyncio\n", b"x" * 50000 + b"\n"):
        writer.write(msg)
        await writer.drain()
        got = await reader.readline()
        print("echo", len(got), got[:20])
    writer.close()
    await writer.wait_closed()

    # a client that does not trust the server
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=ssl.create_default_context(),
                                      server_hostname="localhost")
    except ssl.SSLCertVerificationError as e:
        print("verify failed", e.reason, e.verify_message)

    # wrong hostname
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=cctx, server_hostname="other.example")
    except ssl.SSLCertVerificationError as e:
        print("mismatch", e.verify_message)

    server.close()
    await server.wait_closed()

    # start_tls: a plain connection upgraded by both sides
    upgraded = asyncio.get_running_loop().create_future()

    async def plain_then_tls(reader, writer):
        line = await reader.readline()
        writer.write(b"GO\n")
        await writer.drain()
        await writer.start_tls(sctx)
        line2 = await reader.readline()
        upgraded.set_result((line, line2, writer.get_extra_info("ssl_object").version()))
        writer.write(b"secure " + line2)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(plain_then_tls, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"STARTTLS\n")
    await writer.drain()
    print("plain reply", await reader.readline())
    await writer.start_tls(cctx, server_hostname="localhost")
    writer.write(b"now encrypted\n")
    await writer.drain()
    print("tls reply", await reader.readline())
    print("server saw", await upgraded)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()


asyncio.run(main())
