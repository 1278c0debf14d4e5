"""The one static HTTP server: ``make serve``, and the tests and benchmarks that need a built site
over HTTP (the search index is fetched, which file:// does not allow). Quiet (no request log)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


class Handler(http.server.SimpleHTTPRequestHandler):
    """Files of the folder as they are; a test subclasses it for another server's behaviour."""

    # Keep-alive and no Nagle delay, like a production web server; without them every small
    # file waits for a delayed ACK (40–200 ms) and the server, not the engine, is measured.
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path, host: str = "127.0.0.1", port: int = 0,
          handler: type[Handler] = Handler) -> Iterator[str]:
    """Serve ``folder`` (port 0: a free one) until the block ends; yields the base URL ending in
    '/'. Each request opens its file by path, so a site swapped in whole is served at once."""
    server = http.server.ThreadingHTTPServer(
        (host, port), functools.partial(handler, directory=str(Path(folder).resolve())))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
