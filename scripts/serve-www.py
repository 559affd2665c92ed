#!/usr/bin/env python3
"""Serves the demo page (dist/www) on 127.0.0.1 only: `make demo`, the tests and the benchmark.

    python3 scripts/serve-www.py [--root DIR] [--port N] [--log FILE]
                                 [--max-seconds S] [--exit-on-stdin-eof] [--quiet]

Prints "serving http://127.0.0.1:PORT/" once it listens (--port 0 picks a free port). Static files
only, GET and HEAD, with the MIME types the page needs (.wasm as application/wasm, so that the
browser compiles the module while it downloads). A request for any other host (a browser using
this server as its proxy, as the tests do, or a DNS-rebinding attempt) is recorded and refused
with 502, never forwarded. --log appends every request as one JSON line (the tests read it).
Ctrl-C (or SIGTERM) stops it cleanly.
"""
import argparse
import http.server
import json
import pathlib
import signal
import sys
import threading
import time
import urllib.parse

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".wasm": "application/wasm",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
}


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "claimlens-www"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            sys.stderr.write("%s %s\n" % (self.log_date_time_string(), fmt % args))

    def record(self, status, proxied, host, path):
        if self.server.log_file is None:
            return
        entry = {
            "t": time.time(), "method": self.command, "target": self.path, "host": host, "path": path,
            "proxied": proxied, "status": status,
            "headers": {k: v for k, v in self.headers.items() if k.lower() in ("referer", "origin", "sec-fetch-dest")},
        }
        with self.server.log_lock:
            self.server.log_file.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.server.log_file.flush()

    def reply(self, status, body=b"", content_type="text/plain; charset=utf-8", close=False):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def handle_any(self):
        port = self.server.server_port
        own = {f"127.0.0.1:{port}", f"localhost:{port}"}
        if self.command == "CONNECT":
            self.record(502, True, self.path, "")
            return self.reply(502, b"this server serves only the ClaimLens demo page\n", close=True)
        target = self.path
        host = self.headers.get("Host", "")
        if "://" in target:
            parts = urllib.parse.urlsplit(target)
            host, path = parts.netloc, parts.path or "/"
        else:
            path = urllib.parse.urlsplit(target).path
        if host not in own:
            self.record(502, True, host, path)
            return self.reply(502, b"this server serves only the ClaimLens demo page\n", close=True)
        if self.command not in ("GET", "HEAD"):
            self.record(405, False, host, path)
            return self.reply(405, b"method not allowed\n")
        rel = urllib.parse.unquote(path.lstrip("/"))
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        root = self.server.root
        file = (root / rel).resolve()
        if root not in file.parents or not file.is_file():
            self.record(404, False, host, path)
            return self.reply(404, b"not found\n")
        body = file.read_bytes()
        self.record(200, False, host, path)
        self.reply(200, body, TYPES.get(file.suffix.lower(), "application/octet-stream"))

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_CONNECT = handle_any


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", default=str(here.parent / "dist" / "www"))
    ap.add_argument("--port", type=int, default=8740)
    ap.add_argument("--log", default=None)
    ap.add_argument("--max-seconds", type=float, default=0, help="stop after this long (0: never)")
    ap.add_argument("--exit-on-stdin-eof", action="store_true")
    ap.add_argument("--quiet", action="store_true", help="do not print each request")
    args = ap.parse_args()

    root = pathlib.Path(args.root).resolve()
    if not (root / "index.html").is_file():
        sys.exit(f"serve-www: {root}/index.html not found: run `make www` first")
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    except OSError as e:
        sys.exit(f"serve-www: cannot listen on 127.0.0.1:{args.port}: {e.strerror} (choose another with --port, or `make demo DEMO_PORT=…`)")
    server.daemon_threads = True
    server.root = root
    server.quiet = args.quiet
    server.log_lock = threading.Lock()
    server.log_file = open(args.log, "a", encoding="utf-8") if args.log else None

    def stop(*_):
        # shutdown() waits for serve_forever() to return, so it must run on another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    if args.max_seconds > 0:
        timer = threading.Timer(args.max_seconds, stop)
        timer.daemon = True
        timer.start()
    if args.exit_on_stdin_eof:
        threading.Thread(target=lambda: (sys.stdin.read(), stop()), daemon=True).start()
    print(f"serving http://127.0.0.1:{server.server_port}/", flush=True)
    server.serve_forever()
    server.server_close()
    try:
        print("serve-www: stopped", flush=True)
    except OSError:  # whoever started us has closed our output already
        pass


if __name__ == "__main__":
    main()
