"""Python's own ThreadingHTTPServer, as small services use it: HTTP/1.0, so every answer closes its
connection, a listen backlog of 5 (socketserver's default), a thread per connection.

    python3 closing_server.py LANES [PORT [BACKLOG]]

GET /work?ms=D holds one of LANES permits while it sleeps D ms (50 without ms): its lanes are
LANES by construction. BACKLOG is the listen backlog (5 without it). Prints "listening on http://127.0.0.1:PORT" when ready.
"""

import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

LANES = threading.Semaphore(int(sys.argv[1]))


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the default: one answer per connection

    def do_GET(self):
        query = parse_qs(urlparse(self.path).query)
        ms = int(query.get("ms", ["50"])[0])
        with LANES:
            time.sleep(ms / 1000)
        body = b'{"slept":%d}' % ms
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


ThreadingHTTPServer.request_queue_size = int(sys.argv[3]) if len(sys.argv) > 3 else 5
server = ThreadingHTTPServer(("127.0.0.1", int(sys.argv[2]) if len(sys.argv) > 2 else 0), Handler)
server.daemon_threads = True
print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
server.serve_forever()
