"""How `make run` starts Rasa: the HTTP API never open without a secret, browsers only
from the widget's origins, secrets never on the command line."""
import pytest

from bot.server.rasa_run import API_TOKEN_ENV, JWT_SECRET_ENV, LaunchError, rasa_arguments
from bot.server.web import PORT_ENV, WIDGET_ORIGINS_ENV, widget_origins

OPTIONS = ["--port", "5005", "--endpoints", "endpoints.yml"]
TOKEN = "a-token-of-32-characters-exactly"


def test_without_secret_the_api_stays_off():
    arguments = rasa_arguments(OPTIONS, {})
    assert arguments[:5] == ["run", *OPTIONS]
    assert "--enable-api" not in arguments


def test_a_token_from_the_environment_switches_the_api_on_with_it():
    arguments = rasa_arguments(OPTIONS, {API_TOKEN_ENV: TOKEN})
    assert arguments[arguments.index("--enable-api") + 1:][:2] == ["--auth-token", TOKEN]


def test_a_jwt_secret_from_the_environment_switches_the_api_on_with_it():
    arguments = rasa_arguments(OPTIONS, {JWT_SECRET_ENV: TOKEN})
    assert "--enable-api" in arguments
    assert arguments[arguments.index("--jwt-secret") + 1] == TOKEN


@pytest.mark.parametrize("variable", [API_TOKEN_ENV, JWT_SECRET_ENV])
def test_a_short_secret_is_refused(variable):
    with pytest.raises(LaunchError, match=f"{variable} est trop court : 16 caractères au moins"):
        rasa_arguments(OPTIONS, {variable: "1234"})


@pytest.mark.parametrize("option", ["--enable-api", "--auth-token", "--jwt-secret=x", "--cors"])
def test_api_and_origin_options_are_only_taken_from_the_environment(option):
    with pytest.raises(LaunchError, match="n'est pas acceptée ici"):
        rasa_arguments([*OPTIONS, option], {})


def test_browsers_are_answered_from_the_chat_page_on_this_machine_by_default():
    arguments = rasa_arguments(OPTIONS, {PORT_ENV: "8123"})
    assert arguments[arguments.index("--cors") + 1:] == ["http://localhost:8123", "http://127.0.0.1:8123"]


def test_the_widget_origins_can_be_configured():
    environ = {WIDGET_ORIGINS_ENV: "https://emploi.example.fr  https://intranet.banque.example"}
    assert widget_origins(environ) == ["https://emploi.example.fr", "https://intranet.banque.example"]
