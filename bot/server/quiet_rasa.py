"""``rasa`` with a quiet terminal, as ``make run`` and ``make shell`` start it.

    python -m bot.server.quiet_rasa shell --endpoints endpoints.yml
    python -m bot.server.quiet_rasa run actions --port 5055

Sanic, which Rasa and its SDK import, asks Python to show every deprecation warning once,
over any ``PYTHONWARNINGS``: a screen of other libraries' upkeep notices (pyparsing,
matplotlib, pkg_resources, SQLAlchemy) before the conversation, and Rasa logs at INFO.
Unless ``BACKOFFICE_VERBOSE=1``, those notices are hidden and Rasa logs its warnings and
errors only (``--quiet``); Rasa's own warnings to its users still show.
"""
from __future__ import annotations

import os
import sys
import warnings
from typing import Any, List, Mapping

VERBOSE_ENV = "BACKOFFICE_VERBOSE"
QUIET_FLAG = "--quiet"


def quiet_unless_verbose(arguments: List[str], environ: Mapping[str, str]) -> List[str]:
    """``arguments`` of ``rasa``, quiet unless ``environ`` asks for every log."""
    if environ.get(VERBOSE_ENV) == "1":
        return arguments
    import rasa.utils.common
    import sanic  # noqa: F401  (its import adds the filter that the next ones go before)

    _hide_upkeep_notices()
    rasa_filters = rasa.utils.common._filter_warnings

    def filter_warnings(*args: Any, **kwargs: Any) -> None:
        rasa_filters(*args, **kwargs)
        # Rasa shows each UserWarning once; pyparsing's deprecations are UserWarnings too.
        _hide_upkeep_notices()

    rasa.utils.common._filter_warnings = filter_warnings
    return arguments if QUIET_FLAG in arguments else [*arguments, QUIET_FLAG]


def _hide_upkeep_notices() -> None:
    warnings.simplefilter("ignore", DeprecationWarning)
    warnings.simplefilter("ignore", PendingDeprecationWarning)


def start_rasa(arguments: List[str]) -> None:
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", *arguments]
    rasa_main()


if __name__ == "__main__":
    start_rasa(quiet_unless_verbose(sys.argv[1:], os.environ))
