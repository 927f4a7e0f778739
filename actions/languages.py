"""Messages written in another language than French: the bot answers in French and says so."""
from typing import Dict

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.french import typeset
from actions.names import FRENCH, PARSE_LANGUAGE

# How the note names the language the user wrote in; any other one is "une autre langue".
LANGUAGE_NAMES: Dict[str, str] = {
    "en": "en anglais", "es": "en espagnol", "de": "en allemand", "it": "en italien", "pt": "en portugais",
    "nl": "en néerlandais", "ar": "en arabe", "tr": "en turc", "pl": "en polonais", "ro": "en roumain",
    "ru": "en russe", "zh": "en chinois",
}


def language_note(language: str) -> str:
    written = LANGUAGE_NAMES.get(language, "dans une autre langue")
    return typeset(
        f"Vous m'écrivez {written} : je réponds seulement en français, à partir de fiches métiers "
        "en français."
    )


def say_language_note(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Before the reply, when the user did not write in French."""
    language = tracker.latest_message.get(PARSE_LANGUAGE)
    if isinstance(language, str) and language != FRENCH:
        dispatcher.utter_message(text=language_note(language))
