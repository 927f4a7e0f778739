"""Rasa's HTTP API without the routes that load, replace, train or unload a model.

With the versions Rasa 3.6 pins (skops 0.9.0, keras 2.12), loading a model file runs
code from that file. Rasa's API, even behind its token, would load one from a path, a
URL or a model server (``PUT /model``, ``POST /model/test/intents?model=…``), train one
(``POST /model/train``) or unload the running one (``DELETE /model``: every conversation
then fails). The bot serves the model it was started with and nothing else: these routes
answer 403, token or not; the conversation API (trackers, ``/model/parse``…) is unchanged.
"""
from __future__ import annotations

import functools
from http import HTTPStatus
from typing import Any, Callable, Optional

import rasa.server
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

# (method, route as Rasa declares it): matched on the route Sanic resolved, so that
# "/model/", "/mode%6c" or any other spelling of the path is refused alike.
CLOSED_ROUTES = frozenset({
    ("PUT", "model"),
    ("DELETE", "model"),
    ("POST", "model/train"),
    ("POST", "model/test/intents"),
    ("POST", "model/test/stories"),
})
REFUSAL = (
    "Cette route est fermée : ce serveur ne charge, n'entraîne ni ne décharge aucun modèle par son API. "
    "Le modèle se remplace sur la machine (`make train`, puis redémarrage)."
)


async def refuse_model_routes(request: Request) -> Optional[HTTPResponse]:
    route = request.route
    if route is not None and (request.method, route.path.strip("/")) in CLOSED_ROUTES:
        return response.json(
            {"status": "failure", "reason": "RouteClosed", "message": REFUSAL, "code": HTTPStatus.FORBIDDEN},
            status=HTTPStatus.FORBIDDEN,
        )
    return None


def without_model_routes(create_app: Callable[..., Sanic]) -> Callable[..., Sanic]:
    @functools.wraps(create_app)
    def create(*args: Any, **kwargs: Any) -> Sanic:
        app = create_app(*args, **kwargs)
        app.register_middleware(refuse_model_routes, "request")
        return app

    create.closes_model_routes = True  # type: ignore[attr-defined]
    return create


def install() -> None:
    """Every API app Rasa creates from now on refuses the model routes."""
    if not getattr(rasa.server.create_app, "closes_model_routes", False):
        rasa.server.create_app = without_model_routes(rasa.server.create_app)
