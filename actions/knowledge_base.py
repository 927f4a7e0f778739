"""The knowledge store the actions read, loaded once when the action server starts.

A broken knowledge file stops the server here with a French message naming the
file and the field, instead of failing later on a user's question.
"""
from actions.payloads import check_buttons_fit
from actions.rendering import OTHER_FAMILY
from knowledge.loader import KnowledgeError
from knowledge.store import KnowledgeStore, default_store

STARTUP_ERROR = "Le serveur d'actions ne peut pas démarrer : base de connaissances invalide.\n{error}"


def load_store_or_exit() -> KnowledgeStore:
    try:
        store = default_store()
        check_buttons_fit(store, OTHER_FAMILY)
        return store
    except KnowledgeError as error:
        # SystemExit, not an exception: rasa_sdk would print a traceback for the latter.
        raise SystemExit(STARTUP_ERROR.format(error=error)) from None


STORE = load_store_or_exit()
