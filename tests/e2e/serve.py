#!/usr/bin/env python3
"""Test-page server for the end-to-end tests: 127.0.0.1 only, records every request it gets.

    python3 tests/e2e/serve.py [--port N] [--log FILE] [--root DIR] [--extra DIR]
                               [--max-seconds S] [--exit-on-stdin-eof]

Prints "serving http://127.0.0.1:PORT" on standard output once it listens (port 0, the default,
picks a free port). Routes:

  /NAME            a file of --root (default: tests/e2e/pages/), no CSP
  /csp/NAME        the same file with "Content-Security-Policy: default-src 'self'; script-src 'self'"
  /extra/NAME      a file of --extra (the benchmark serves pages prepared at run time from there)
  /favicon.ico     204, so that browsers do not log a missing icon

The browsers in the tests also use this server as their HTTP proxy for every host but 127.0.0.1:
a request for another host (absolute-form target, or CONNECT for https/wss) is recorded and
answered 502 at once, so nothing reaches the network and nothing waits on it.

Every request is appended to --log as one JSON object per line (written and flushed before the
response): time, method, target, host, path, whether it was proxied, the status, and the headers
that tell who asked (Referer, Origin, User-Agent, Sec-Fetch-*). The tests read this log.

The server stops by itself after --max-seconds (default 1200), or when its standard input closes
if --exit-on-stdin-eof is given (the tests start it that way, so it never outlives them).
"""
import argparse
import http.server
import json
import os
import pathlib
import sys
import threading
import time
import urllib.parse

STRICT_CSP = "default-src 'self'; script-src 'self'"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
}
LOGGED_HEADERS = ("referer", "origin", "user-agent", "sec-fetch-site", "sec-fetch-mode", "sec-fetch-dest",
                  "content-type", "content-length")


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "claimlens-e2e"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the JSON log is the record
        pass

    def record(self, status, proxied, host, path):
        entry = {
            "t": time.time(),
            "method": self.command,
            "target": self.path,
            "host": host,
            "path": path,
            "proxied": proxied,
            "status": status,
            "headers": {k: self.headers[k] for k in LOGGED_HEADERS if self.headers.get(k) is not None},
        }
        line = json.dumps(entry, ensure_ascii=False)
        with self.server.log_lock:
            self.server.log_file.write(line + "\n")
            self.server.log_file.flush()

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def handle_any(self):
        own = {f"127.0.0.1:{self.server.server_port}", f"localhost:{self.server.server_port}"}
        if self.command == "CONNECT":
            self.record(502, True, self.path, "")
            self.reply(502, b"blocked by the ClaimLens test server\n", [("Connection", "close")])
            self.close_connection = True
            return
        target = self.path
        host = self.headers.get("Host", "")
        if "://" in target:
            u = urllib.parse.urlsplit(target)
            host, path = u.netloc, u.path or "/"
        else:
            path = urllib.parse.urlsplit(target).path
        if host not in own:
            self.record(502, True, host, path)
            self.reply(502, b"blocked by the ClaimLens test server\n", [("Connection", "close")])
            self.close_connection = True
            return
        if self.command not in ("GET", "HEAD"):
            self.record(405, False, host, path)
            self.reply(405)
            return
        if path == "/favicon.ico":
            self.record(204, False, host, path)
            self.reply(204)
            return
        csp = None
        base = self.server.root
        rel = urllib.parse.unquote(path.lstrip("/"))
        if rel.startswith("csp/"):
            rel, csp = rel[4:], STRICT_CSP
        elif rel.startswith("extra/") and self.server.extra:
            rel, base = rel[6:], self.server.extra
        file = (base / rel).resolve()
        if rel == "" or base not in file.parents or not file.is_file():
            self.record(404, False, host, path)
            self.reply(404, b"not found\n")
            return
        body = file.read_bytes()
        headers = [("Content-Type", TYPES.get(file.suffix.lower(), "application/octet-stream"))]
        if csp:
            headers.append(("Content-Security-Policy", csp))
        self.record(200, False, host, path)
        self.reply(200, body, headers)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = do_CONNECT = handle_any


def main():
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("--root", default=str(here / "pages"))
    ap.add_argument("--extra", default=None)
    ap.add_argument("--max-seconds", type=float, default=1200)
    ap.add_argument("--exit-on-stdin-eof", action="store_true")
    args = ap.parse_args()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.root = pathlib.Path(args.root).resolve()
    server.extra = pathlib.Path(args.extra).resolve() if args.extra else None
    server.log_file = open(args.log, "a", encoding="utf-8")
    server.log_lock = threading.Lock()

    def stop_after(seconds):
        time.sleep(seconds)
        os._exit(0)

    threading.Thread(target=stop_after, args=(args.max_seconds,), daemon=True).start()
    if args.exit_on_stdin_eof:
        def watch_stdin():
            while sys.stdin.buffer.read(4096):
                pass
            os._exit(0)
        threading.Thread(target=watch_stdin, daemon=True).start()

    print(f"serving http://127.0.0.1:{server.server_port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
