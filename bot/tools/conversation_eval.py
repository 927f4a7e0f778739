"""Sends annotated conversations (tests/conversations_*.yml) to a running bot over REST and
judges its replies (bot/tools/conversation_judge.py): the share of conversations fully right,
by category, and each miss with the reply it got.

    python -m bot.tools.conversation_eval tests/conversations_dev.yml --url http://localhost:5005
"""
from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import Callable, Iterable, List

import requests
import yaml

from bot.tools.conversation_judge import ConversationVerdict, Judge, read_conversations, summary
from knowledge.store import default_store

Send = Callable[[str, str], List[dict]]


def rest_sender(base_url: str) -> Send:
    def send(sender: str, message: str) -> List[dict]:
        response = requests.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                                 timeout=60)
        response.raise_for_status()
        return response.json()
    return send


def load_set(path: Path) -> List[dict]:
    return read_conversations(yaml.safe_load(path.read_text(encoding="utf-8")))


def run(conversations: Iterable[dict], send: Send, judge: Judge, prefix: str) -> List[ConversationVerdict]:
    """Each conversation in a conversation of its own, turn by turn."""
    verdicts = []
    for conversation in conversations:
        sender = f"{prefix}-{conversation['id']}-{uuid.uuid4().hex[:8]}"
        turns = []
        for turn in conversation["turns"]:
            messages = send(sender, turn["text"])
            turns.append(judge.judge_turn(turn["text"], messages, turn["expectations"],
                                          ordered=conversation["category"] == "several_asks"))
        verdicts.append(ConversationVerdict(conversation["id"], conversation["category"], turns))
    return verdicts


def misses(verdicts: Iterable[ConversationVerdict]) -> List[dict]:
    return [
        {"id": verdict.id, "category": verdict.category,
         "turns": [{"text": turn.text, "problems": turn.problems, "reply": [line[:300] for line in turn.reply]}
                   for turn in verdict.turns]}
        for verdict in verdicts if not verdict.right
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--url", required=True, help="the Rasa server's base URL")
    parser.add_argument("--out", type=Path, default=Path("results") / "conversations.json")
    arguments = parser.parse_args(argv)
    judge = Judge(default_store())
    send = rest_sender(arguments.url.rstrip("/"))
    report = {}
    every: List[ConversationVerdict] = []
    for path in arguments.sets:
        verdicts = run(load_set(path), send, judge, path.stem)
        every.extend(verdicts)
        report[path.name] = summary(verdicts)
        print(path.name, json.dumps(report[path.name], ensure_ascii=False))
    report["all"] = summary(every)
    report["misses"] = misses(every)
    arguments.out.parent.mkdir(parents=True, exist_ok=True)
    arguments.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print("all", json.dumps(report["all"], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
