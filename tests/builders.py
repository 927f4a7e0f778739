"""Builders for trackers and dispatchers, so tests read like conversations."""
import asyncio
import sys
from typing import Any, Dict, Iterable, List, Optional, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.names import ENTITY_JOB, ENTITY_OTHER_JOB, ENTITY_RANK, ENTITY_TERM, ENTITY_TOPIC


def build_tracker(
    intent: Optional[str] = None,
    jobs: Iterable[str] = (),
    slots: Optional[Dict[str, Any]] = None,
    text: str = "",
    topics: Iterable[str] = (),
    terms: Iterable[str] = (),
    ranks: Iterable[str] = (),
    other_jobs: Iterable[str] = (),
    entities: Iterable[Dict[str, Any]] = (),
    channel: str = "rest",
    parse: Optional[Dict[str, Any]] = None,
    history: Iterable[Dict[str, Any]] = (),
) -> Tracker:
    """A tracker whose latest message has ``intent``, one entity per value given and the
    other parse data in ``parse`` (the topic classifier's ``topics``, ``language``…), after
    the events of ``history`` (see ``said``)."""
    entities = [
        *({"entity": ENTITY_JOB, "value": job} for job in jobs),
        *({"entity": ENTITY_TOPIC, "value": getattr(topic, "value", topic)} for topic in topics),
        *({"entity": ENTITY_TERM, "value": term} for term in terms),
        *({"entity": ENTITY_RANK, "value": rank} for rank in ranks),
        *({"entity": ENTITY_OTHER_JOB, "value": job} for job in other_jobs),
        *entities,
    ]
    return Tracker(
        sender_id="test-user",
        slots=dict(slots or {}),
        latest_message={
            "intent": {"name": intent, "confidence": 1.0}, "entities": entities, "text": text, **(parse or {}),
        },
        events=[*history, {"event": "user", "text": text, "input_channel": channel}],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


def said(question: str, answer: Iterable[str], intent: str = "ask", **slots: Any) -> List[Dict[str, Any]]:
    """The events of one exchange: the user's ``question`` (read as ``intent``), the ``slots``
    the answer set, and the bot's ``answer`` messages."""
    return [
        {"event": "user", "text": question, "parse_data": {"intent": {"name": intent, "confidence": 1.0}}},
        *({"event": "slot", "name": name, "value": value} for name, value in slots.items()),
        *({"event": "bot", "text": text} for text in answer),
    ]


def run_action(action: Action, tracker: Tracker) -> Tuple[List[Dict[str, Any]], Dict[str, Any]]:
    """Run ``action``: the messages it sent, and the slots it set (name → value)."""
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    slots = {event["name"]: event["value"] for event in events if event.get("event") == "slot"}
    return dispatcher.messages, slots


def texts(messages: List[Dict[str, Any]]) -> List[str]:
    return [message.get("text") or "" for message in messages]


def use_store(monkeypatch, store) -> None:
    """The actions read ``store`` instead of the real knowledge base (every ``actions`` module
    that imported ``STORE``)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("actions.") and hasattr(module, "STORE"):
            monkeypatch.setattr(module, "STORE", store)
