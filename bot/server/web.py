"""The chat page: serves ``web/`` (the page, the rasa-webchat bundle installed by the
Makefile, the charts) and ``/config.js``, which tells the page where Rasa listens.

    python -m bot.server.web [--port 8080] [--rasa-url http://localhost:5005]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import List, Mapping, Optional

WEB_DIR = Path(__file__).resolve().parents[2] / "web"
WIDGET = WEB_DIR / "vendor" / "rasa-webchat.js"
PORT_ENV = "BACKOFFICE_WEB_PORT"
RASA_URL_ENV = "BACKOFFICE_RASA_URL"
DEFAULT_PORT = 8080
WIDGET_ORIGINS_ENV = "BACKOFFICE_WIDGET_ORIGINS"


def widget_origins(environ: Mapping[str, str]) -> List[str]:
    """The origins of the pages allowed to talk to Rasa from a browser (CORS, socket.io):
    ``BACKOFFICE_WIDGET_ORIGINS`` (space-separated), by default this page on this machine."""
    configured = environ.get(WIDGET_ORIGINS_ENV, "").split()
    if configured:
        return configured
    port = environ.get(PORT_ENV) or DEFAULT_PORT
    return [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]


class PageHandler(SimpleHTTPRequestHandler):
    """Static files of ``web/``, plus ``/config.js``; no directory listings."""

    def __init__(self, *args, rasa_url: Optional[str], **kwargs) -> None:
        self.rasa_url = rasa_url
        super().__init__(*args, directory=str(WEB_DIR), **kwargs)

    def do_GET(self) -> None:
        if self.path.split("?")[0] == "/config.js":
            body = f"window.BACKOFFICE_CONFIG = {json.dumps({'socketUrl': self.rasa_url})};\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/javascript; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def list_directory(self, path):
        self.send_error(404, "Introuvable")
        return None

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        sys.stderr.write(f"page web : {format % args}\n")


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get(PORT_ENV) or DEFAULT_PORT))
    parser.add_argument("--rasa-url", default=os.environ.get(RASA_URL_ENV) or None,
                        help="adresse du serveur Rasa vue du navigateur (par défaut : même hôte, port 5005)")
    args = parser.parse_args(argv)
    if not WIDGET.exists():
        print(f"{WIDGET} manque : lancez `make web` (installé depuis npm par le Makefile).", file=sys.stderr)
        return 1
    server = ThreadingHTTPServer(("0.0.0.0", args.port), partial(PageHandler, rasa_url=args.rasa_url))
    print(f"Page de discussion : http://localhost:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
