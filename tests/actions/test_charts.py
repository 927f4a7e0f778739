"""Charts go with the salary and age answers on the chat page, never on text channels."""
import pytest

from actions.routing import ActionAnswer
from actions.charts import CHARTS_URL_ENV
from knowledge.topics import Topic
from tests.builders import build_tracker, run_action
from tests.expected import GESTIONNAIRE, OPERATEUR


def ask(topic, job, channel):
    return run_action(ActionAnswer(), build_tracker("ask", jobs=[job], topics=[topic], channel=channel))[0]


@pytest.mark.parametrize("topic", [Topic.SALARY, Topic.AGE_DISTRIBUTION])
def test_the_chat_page_gets_the_chart_after_the_figures(monkeypatch, topic):
    monkeypatch.setenv(CHARTS_URL_ENV, "http://pages.test/charts/")
    text, image = ask(topic, OPERATEUR, "socketio")
    assert text["text"].startswith("Opérateur")
    assert image["image"] == f"http://pages.test/charts/{OPERATEUR}-{topic.value}.png"


@pytest.mark.parametrize("channel", ["rest", "cmdline", "telegram", "slack", None])
def test_text_channels_get_the_text_only(channel):
    messages = ask(Topic.SALARY, OPERATEUR, channel)
    assert len(messages) == 1 and not messages[0].get("image")


def test_no_chart_without_figures_to_draw():
    messages = ask(Topic.TRAINING, OPERATEUR, "socketio") + ask(Topic.SALARY, GESTIONNAIRE, "socketio")
    assert not any(message.get("image") for message in messages)
