# http.server in a forked child (krait runs one thread) answering
# http.client in the parent over loopback.
import http.client, http.server, json, os, tempfile

class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        out = json.dumps({"got": body.decode(), "path": self.path}).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

site = tempfile.mkdtemp()
with open(os.path.join(site, "page.html"), "w") as f:
    f.write("<h1>krait</h1>\n")
os.mkdir(os.path.join(site, "sub"))
server = http.server.HTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=site))
port = server.server_address[1]
N = 5
pid = os.fork()
if pid == 0:
    try:
        for _ in range(N):
            server.handle_request()
    finally:
        os._exit(0)
server.server_close()

c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
c.request("GET", "/page.html")
r = c.getresponse()
print(r.status, r.reason, r.getheader("Content-Type"), r.getheader("Content-Length"), r.read())
c.close()
c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
c.request("POST", "/submit?x=1", body=b"hello", headers={"Content-Type": "text/plain"})
r = c.getresponse()
print(r.status, r.getheader("Content-Type"), json.loads(r.read()))
c.close()
def get(path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    c.close()
    return r, body
r, body = get("/page.html")
print(r.status, r.version, body)
r, body = get("/missing")
print(r.status, r.reason, b"404" in body)
r, body = get("/")
print(r.status, b"page.html" in body, b"sub/" in body)
print("server exit", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
