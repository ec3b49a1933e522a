# asyncio over select.epoll and _socket: an echo server and clients in one
# event loop (one thread), streams, a subprocess and a UDP endpoint.
import asyncio, sys

async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()

async def client(port, words):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    out = []
    for w in words:
        writer.write(w.encode() + b"\n")
        await writer.drain()
        out.append(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return out

class Udp(asyncio.DatagramProtocol):
    def connection_made(self, transport):
        self.transport = transport
    def datagram_received(self, data, addr):
        self.transport.sendto(data[::-1], addr)

class UdpClient(asyncio.DatagramProtocol):
    def __init__(self, done):
        self.done = done
    def datagram_received(self, data, addr):
        self.done.set_result(data)

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    results = await asyncio.gather(client(port, ["a", "b"]), client(port, ["c"]), client(port, ["dd", "ee", "ff"]))
    print(results)
    server.close()
    await server.wait_closed()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-c", "import sys; print(sys.stdin.read()[::-1])",
                                                stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate(b"olleh")
    print(out, proc.returncode)
    loop = asyncio.get_running_loop()
    transport, _ = await loop.create_datagram_endpoint(Udp, local_addr=("127.0.0.1", 0))
    addr = transport.get_extra_info("sockname")
    done = loop.create_future()
    ct, _ = await loop.create_datagram_endpoint(lambda: UdpClient(done), remote_addr=addr)
    ct.sendto(b"datagram")
    print(await asyncio.wait_for(done, 5))
    ct.close(); transport.close()
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.05)
    except asyncio.TimeoutError:
        print("timeout")
    print(type(loop).__name__, type(loop._selector).__name__)

asyncio.set_child_watcher(asyncio.SafeChildWatcher())  # the default one starts a thread
asyncio.run(main())
