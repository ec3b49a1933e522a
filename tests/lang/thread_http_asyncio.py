# socketserver.ThreadingMixIn (http.server.ThreadingHTTPServer) serving
# several client threads at once, and asyncio's run_in_executor and
# getaddrinfo, which run in a thread pool.
import http.server, threading, urllib.request, socketserver, socket
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("hello " + self.path).encode()
        self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers()
        self.wfile.write(body)
    def log_message(self, *a): pass
srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
t = threading.Thread(target=srv.serve_forever, daemon=True); t.start()
port = srv.server_address[1]
res = []
def get(i):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/p{i}") as r:
        res.append(r.read().decode())
ts = [threading.Thread(target=get, args=(i,)) for i in range(5)]
for x in ts: x.start()
for x in ts: x.join()
print(sorted(res))
srv.shutdown(); srv.server_close()
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, sum, [1,2,3])
    info = await loop.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM)
    return r, info[0][4]
print(asyncio.run(main()))
