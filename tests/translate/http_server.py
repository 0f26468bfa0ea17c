"""Local HTTP server for the translation tests: prints its port, then serves
fixed routes until stdin closes. Both the Python original and its C#
translation talk to it, so their output can be compared."""
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROUTES = {
    "/": (200, "text/plain", "hello from the test server"),
    "/url1": (200, "text/plain", "response one"),
    "/url2": (200, "text/plain", "response two"),
    "/url3": (200, "text/plain", "response three"),
    "/json": (200, "application/json", json.dumps({"name": "asynctranslate", "version": 1, "tags": ["async", "csharp"]})),
    "/numbers": (200, "application/json", json.dumps([3, 1, 4, 1, 5, 9, 2, 6])),
    "/missing": (404, "text/plain", "not found"),
}


class Handler(BaseHTTPRequestHandler):
    def _send(self, status, ctype, body):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = self.path.split("?")[0]
        if path.startswith("/item/"):
            self._send(200, "text/plain", "item " + path[len("/item/"):])
            return
        self._send(*ROUTES.get(path, (404, "text/plain", "not found")))

    def _body(self):
        # HttpClient streams JSON with chunked encoding; aiohttp sends a length.
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return data.decode()
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()

    def do_POST(self):
        body = self._body()
        self._send(200, "application/json", json.dumps({"received": json.loads(body) if body else None}))

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
print(server.server_address[1], flush=True)
sys.stdin.read()
server.shutdown()
