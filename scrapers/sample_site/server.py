"""Serve the sample site (pages/ as files, faults from routes.yaml) on loopback.

    with start_sample_site() as site:
        requests.get(site.base_url + "/zwgk/ghjh/index.html")
        site.requests_for("/robots.txt")   # what the server saw
"""
from __future__ import annotations

import email.utils
import hashlib
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
VERSIONS = HERE / "versions"
ROUTES_FILE = HERE / "routes.yaml"
MANIFEST_FILE = HERE / "manifest.yaml"


@dataclass
class SeenRequest:
    at: float
    method: str
    host: str
    path: str
    status: int
    headers: dict


def load_routes() -> dict:
    return yaml.safe_load(ROUTES_FILE.read_text(encoding="utf-8"))


def load_manifest() -> dict:
    return yaml.safe_load(MANIFEST_FILE.read_text(encoding="utf-8"))


class _Handler(BaseHTTPRequestHandler):
    server_version = "SampleTRS/1.0"
    site: "SampleSite"

    def log_message(self, fmt, *args):  # keep test output clean; requests are kept in site.seen
        pass

    def do_HEAD(self):
        self._serve(head=True)

    def do_GET(self):
        self._serve(head=False)

    def _route(self, path: str) -> dict:
        cfg = self.site.routes
        route = {k: v for k, v in (cfg.get("defaults") or {}).items()}
        for prefix, extra in (cfg.get("prefixes") or {}).items():
            if path.startswith(prefix):
                route.update(extra)
        route.update((cfg.get("routes") or {}).get(path) or {})
        return route

    def _send(self, status: int, body: bytes = b"", headers: dict | None = None, head: bool = False):
        headers = dict(headers or {})
        headers.setdefault("Content-Length", str(len(body)))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        if body and not head:
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up (size cap): fine
                pass
        self.site._seen(self, status)

    def _serve(self, head: bool):
        path = unquote(urlsplit(self.path).path)
        if path.endswith("/"):
            path += "index.html"
        route = self._route(path)
        count = self.site._count(path)  # 1 for the first request of this path since start/reset
        host = self.headers.get("Host", "")
        port = self.server.server_address[1]

        delay = route.get("delay")
        if delay and count <= int(delay.get("times", 1)):
            time.sleep(float(delay["seconds"]))
        fail = route.get("fail")
        if fail and count <= int(fail.get("times", 1)):
            extra = {"Content-Type": "text/html; charset=utf-8"}
            if route.get("retry_after") is not None:
                extra["Retry-After"] = str(route["retry_after"])
            body = f"<html><body><h1>{fail['status']}</h1></body></html>".encode()
            return self._send(int(fail["status"]), body, extra, head)
        if route.get("redirect"):
            r = route["redirect"]
            location = r["location"].format(host=host.split(":")[0], port=port)
            return self._send(int(r.get("status", 302)), b"", {"Location": location}, head)
        if route.get("status") and int(route["status"]) >= 400:
            return self._send(int(route["status"]), b"<html><body>not found</body></html>",
                              {"Content-Type": "text/html"}, head)

        file = PAGES / path.lstrip("/")
        last_modified = route.get("last_modified")
        v2 = route.get("version2_after_first_fetch")
        if v2 and self.site._served(path) >= 1:
            file = VERSIONS / v2
            last_modified = route.get("last_modified_v2", last_modified)
        try:
            file.resolve().relative_to(HERE)
            body = file.read_bytes()
        except (OSError, ValueError):
            return self._send(404, b"<html><body>404 not found</body></html>", {"Content-Type": "text/html"}, head)
        pad = route.get("pad_to_bytes")
        if pad and len(body) < int(pad):
            filler = b"<!-- " + b"x" * (int(pad) - len(body) - 9) + b" -->"
            body = body.replace(b"</body>", filler + b"</body>", 1) if b"</body>" in body else body + filler

        headers = {"Content-Type": route.get("content_type") or "text/html"}
        if route.get("conditional", True):
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers["ETag"] = etag
            if last_modified:
                headers["Last-Modified"] = last_modified
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if (inm and etag in [t.strip() for t in inm.split(",")]) or (
                    not inm and ims and last_modified and _not_after(last_modified, ims)):
                return self._send(304, b"", {k: v for k, v in headers.items() if k != "Content-Type"}, head)
        self.site._mark_served(path)
        return self._send(200, body, headers, head)


def _not_after(last_modified: str, since: str) -> bool:
    try:
        return email.utils.parsedate_to_datetime(last_modified) <= email.utils.parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False


class SampleSite:
    """A running sample site. Use as a context manager, or call stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.routes = load_routes()
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}
        self._served_counts: dict[str, int] = {}
        self.seen: list[SeenRequest] = []
        handler = type("Handler", (_Handler,), {"site": self})
        self._httpd = ThreadingHTTPServer((host, port), handler)
        self._httpd.daemon_threads = True
        self.host, self.port = self._httpd.server_address[:2]
        self.base_url = f"http://{self.host}:{self.port}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="sample-site", daemon=True)
        self._thread.start()

    def _count(self, path: str) -> int:
        with self._lock:
            self._counts[path] = self._counts.get(path, 0) + 1
            return self._counts[path]

    def _served(self, path: str) -> int:
        with self._lock:
            return self._served_counts.get(path, 0)

    def _mark_served(self, path: str) -> None:
        with self._lock:
            self._served_counts[path] = self._served_counts.get(path, 0) + 1

    def _seen(self, handler: _Handler, status: int) -> None:
        req = SeenRequest(time.monotonic(), handler.command, handler.headers.get("Host", ""),
                          unquote(urlsplit(handler.path).path), status, dict(handler.headers.items()))
        with self._lock:
            self.seen.append(req)

    def requests_for(self, path: str) -> list[SeenRequest]:
        with self._lock:
            return [r for r in self.seen if r.path == path]

    def reset(self) -> None:
        """Forget what was served: faults replay from their first request, the changed page is v1 again."""
        with self._lock:
            self._counts.clear()
            self._served_counts.clear()
            self.seen.clear()

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> "SampleSite":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_sample_site(host: str = "127.0.0.1", port: int = 0) -> SampleSite:
    return SampleSite(host, port)
