"""A small threaded HTTP server on 127.0.0.1 with fault injection, the base of the fake networks.

Faults are queued per route and consumed one by one, so a test says exactly what happens to the
next request: ``drop-before`` (close without reading the request: nothing happened), ``pass`` (no fault this time), ``drop-after``
(do the work, then close without answering: the client cannot know), ``hang-after`` (do the work,
then answer only after ``hang`` seconds: a client timeout), ``status:500``, ``429:<seconds>``.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes
    fields: dict[str, list[str]] = field(default_factory=dict)  # form/multipart text fields
    files: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)  # name -> (filename, mime, data)
    json: Any = None
    raw_query: str = ""  # as sent (parse_qs drops valueless keys such as S3's "?delete")


@dataclass
class Response:
    status: int
    body: Any = None  # dict/list -> JSON; bytes as is
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[Request, "re.Match[str]"], Response]


def parse_body(headers: dict[str, str], body: bytes) -> tuple[dict[str, list[str]], dict[str, tuple[str, str, bytes]], Any]:
    """Form fields, files and JSON from a request body (urlencoded, multipart or JSON)."""
    kind = headers.get("content-type", "")
    fields: dict[str, list[str]] = {}
    files: dict[str, tuple[str, str, bytes]] = {}
    data: Any = None
    if kind.startswith("application/json") and body:
        data = json.loads(body)
    elif kind.startswith("application/x-www-form-urlencoded"):
        fields = parse_qs(body.decode(), keep_blank_values=True)
    elif kind.startswith("multipart/form-data"):
        message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + kind.encode() + b"\r\n\r\n" + body)
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            filename = part.get_filename()
            payload = part.get_payload(decode=True) or b""
            if filename is not None:
                files[str(name)] = (filename, part.get_content_type(), payload)
            else:
                fields.setdefault(str(name), []).append(payload.decode())
    return fields, files, data


class FakeServer:
    """Start with ``start()`` (or as a context manager); ``url`` is ``http://127.0.0.1:<port>``."""

    hang = 3.0
    latency = 0.0  # seconds every answer takes (widens the window a crash test can hit)

    def __init__(self) -> None:
        self.routes: list[tuple[str, re.Pattern[str], Route]] = []
        self.faults: dict[str, deque[str]] = defaultdict(deque)
        self.requests: list[Request] = []
        self.lock = threading.RLock()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # ---- set-up ------------------------------------------------------------------------------

    def route(self, method: str, pattern: str, handler: Route) -> None:
        self.routes.append((method, re.compile(f"^{pattern}$"), handler))

    def inject(self, route_pattern: str, *faults: str) -> None:
        """Queue faults for requests whose path matches ``route_pattern`` (a regex, searched)."""
        with self.lock:
            self.faults[route_pattern].extend(faults)

    def start(self) -> FakeServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body are written separately: without this, Nagle's algorithm and the
            # client's delayed ACK add 40 ms to every answer.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:
                return

            def _handle(self) -> None:
                server._serve(self)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: Any, client_address: Any) -> None:
                # A client killed or timed out mid-answer is part of the tests, not an error.
                return

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    # ---- serving -----------------------------------------------------------------------------

    def _next_fault(self, path: str) -> str | None:
        with self.lock:
            for pattern, queue in self.faults.items():
                if queue and re.search(pattern, path):
                    fault = queue.popleft()
                    return None if fault == "pass" else fault
        return None

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        split = urlsplit(handler.path)
        fault = self._next_fault(split.path)
        if fault == "drop-before":
            _drop(handler)
            return
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        headers = {key.lower(): value for key, value in handler.headers.items()}
        fields, files, data = parse_body(headers, body)
        request = Request(handler.command, split.path, parse_qs(split.query), headers, body, fields, files, data,
                          split.query)
        if fault and fault.startswith("status:"):
            response = self.error_response(int(fault.split(":")[1]), "injected failure")
        elif fault and fault.startswith("429:"):
            response = self.rate_limited(float(fault.split(":")[1]))
        else:
            with self.lock:
                self.requests.append(request)
            response = self._dispatch(request)
        if self.latency:  # after the work: a client killed now never hears of what was done
            time.sleep(self.latency)
        if fault == "drop-after":
            _drop(handler)
            return
        if fault == "hang-after":
            time.sleep(self.hang)
        self._write(handler, response)

    def _dispatch(self, request: Request) -> Response:
        for method, pattern, route in self.routes:
            match = pattern.match(request.path)
            if match and method == request.method:
                return route(request, match)
        return self.error_response(404, "Record not found")

    def error_response(self, status: int, message: str) -> Response:
        return Response(status, {"error": message})

    def rate_limited(self, seconds: float) -> Response:
        return Response(429, {"error": "Too many requests"}, {"Retry-After": str(int(seconds))})

    def _write(self, handler: BaseHTTPRequestHandler, response: Response) -> None:
        if isinstance(response.body, bytes):
            payload, kind = response.body, "application/octet-stream"
        else:
            payload, kind = json.dumps(response.body).encode(), "application/json; charset=utf-8"
        try:
            handler.send_response(response.status)
            handler.send_header("Content-Type", kind)
            handler.send_header("Content-Length", str(len(payload)))
            for key, value in response.headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            handler.wfile.write(payload)
            handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass


def _drop(handler: BaseHTTPRequestHandler) -> None:
    """Close the connection at once, without an answer (RST where the OS allows)."""
    handler.close_connection = True
    try:
        handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        handler.connection.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
