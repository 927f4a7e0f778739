"""``rasa run`` for this bot, with its security settings taken from the environment.

    python -m bot.server.rasa_run [options of rasa run: --port, --model, --endpoints…]

- Rasa's HTTP API (trackers, model, ``/model/parse``…) stays off unless
  ``BACKOFFICE_API_TOKEN`` (a token of at least 16 characters) or
  ``BACKOFFICE_JWT_SECRET`` (HS256) is set: never open without authentication.
  Passed here rather than on the command line, the secret does not show in ``ps``.
- Browsers may call Rasa only from the widget's origins (``BACKOFFICE_WIDGET_ORIGINS``,
  see ``bot.server.web.widget_origins``).
- Requests larger than ``MAX_REQUEST_BYTES`` are refused by the web server.
- The API never loads, trains or unloads a model (``bot.server.model_routes``).
- The terminal stays quiet unless ``BACKOFFICE_VERBOSE=1`` (``bot.server.quiet_rasa``).
"""
from __future__ import annotations

import os
import sys
from typing import List, Mapping

from bot.server.web import widget_origins

API_TOKEN_ENV = "BACKOFFICE_API_TOKEN"
JWT_SECRET_ENV = "BACKOFFICE_JWT_SECRET"
SHORTEST_SECRET = 16
# A question of the longest length the bot reads fits many times over; Sanic's default is
# 100 MB, read into memory before Rasa sees it.
MAX_REQUEST_BYTES = 1_000_000
REQUEST_MAX_SIZE_ENV = "SANIC_REQUEST_MAX_SIZE"
# Set only from the environment, so that they never show in a process list or a shell history.
FLAGS_FROM_ENVIRONMENT = ("--enable-api", "--auth-token", "--jwt-secret", "--cors")


class LaunchError(Exception):
    """A setting that would open the server wider than intended."""


def rasa_arguments(options: List[str], environ: Mapping[str, str]) -> List[str]:
    """The arguments of ``rasa`` for ``rasa run`` with ``options`` under ``environ``."""
    for option in options:
        if option.split("=")[0] in FLAGS_FROM_ENVIRONMENT:
            raise LaunchError(
                f"L'option {option.split('=')[0]} n'est pas acceptée ici : l'API se règle par "
                f"{API_TOKEN_ENV} ou {JWT_SECRET_ENV}, les origines par BACKOFFICE_WIDGET_ORIGINS."
            )
    return ["run", *options, *_api_arguments(environ), "--cors", *widget_origins(environ)]


def _api_arguments(environ: Mapping[str, str]) -> List[str]:
    token = environ.get(API_TOKEN_ENV, "")
    secret = environ.get(JWT_SECRET_ENV, "")
    for name, value in ((API_TOKEN_ENV, token), (JWT_SECRET_ENV, secret)):
        if value and len(value) < SHORTEST_SECRET:
            raise LaunchError(f"{name} est trop court : {SHORTEST_SECRET} caractères au moins.")
    if token:
        return ["--enable-api", "--auth-token", token]
    if secret:
        return ["--enable-api", "--jwt-secret", secret, "--jwt-method", "HS256"]
    return []


def main(options: List[str]) -> None:
    try:
        arguments = rasa_arguments(options, os.environ)
    except LaunchError as error:
        sys.exit(f"Rasa n'a pas été lancé : {error}")
    os.environ.setdefault(REQUEST_MAX_SIZE_ENV, str(MAX_REQUEST_BYTES))
    from bot.server.quiet_rasa import quiet_unless_verbose, start_rasa

    arguments = quiet_unless_verbose(arguments, os.environ)
    # Imported once the terminal is quiet: Rasa's server module prints notices as it loads.
    from bot.server import arrival_time, metrics, model_routes

    model_routes.install()
    arrival_time.install()
    if metrics.switched_on(os.environ):
        metrics.install()
    start_rasa(arguments)


if __name__ == "__main__":
    main(sys.argv[1:])
