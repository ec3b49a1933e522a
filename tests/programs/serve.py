# serve.py DIR COUNT PORTFILE: serve DIR with http.server's
# SimpleHTTPRequestHandler on a free loopback port (written to PORTFILE once
# listening) for COUNT requests, one at a time (http.server.HTTPServer, no
# threads), then exit.
import functools
import http.server
import os
import sys

directory, count, portfile = sys.argv[1], int(sys.argv[2]), sys.argv[3]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
with http.server.HTTPServer(("127.0.0.1", 0), handler) as httpd:
    with open(portfile + ".tmp", "w") as f:
        f.write(str(httpd.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    for _ in range(count):
        httpd.handle_request()
print("served", count, "requests")
