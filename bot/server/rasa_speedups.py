"""A speed-up for Rasa 3.6's server, measured with py-spy (docs/PERFORMANCE.md).

For every custom action, Rasa validates the action server's response with
``jsonschema.validate``, which first re-checks the schema itself against the JSON
Schema meta-schema: 54 % of the server's time in our profile. The same validation
is done here with a validator built once; invalid responses are still refused with
Rasa's own message. ``BACKOFFICE_RASA_SPEEDUPS=0`` leaves Rasa as it is (`make bench`
measures both).
"""
import os
from functools import lru_cache
from typing import Any, Dict, Text

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@lru_cache(maxsize=1)
def _response_validator():
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, make sure your response from the "
        f"Action endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


SWITCH_ENV = "BACKOFFICE_RASA_SPEEDUPS"


def install() -> None:
    if os.environ.get(SWITCH_ENV) != "0":
        RemoteAction._validate_action_result = _validate_action_result
