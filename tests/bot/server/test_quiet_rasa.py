"""`make run` and `make shell` keep the terminal for the conversation: other libraries'
deprecation notices hidden, Rasa at warnings and errors, everything with BACKOFFICE_VERBOSE=1."""
import logging
import warnings

import rasa.utils.common
from pyparsing.warnings import PyparsingDeprecationWarning

from bot.server.quiet_rasa import VERBOSE_ENV, quiet_unless_verbose


def test_quiet_by_default_hides_upkeep_notices_but_not_rasas_warnings(monkeypatch):
    monkeypatch.setattr(rasa.utils.common, "_filter_warnings", rasa.utils.common._filter_warnings)
    with warnings.catch_warnings(record=True) as shown:
        assert quiet_unless_verbose(["shell", "--endpoints", "endpoints.yml"], {}) == [
            "shell", "--endpoints", "endpoints.yml", "--quiet",
        ]
        # What Rasa does as it starts, then what libraries say as they load.
        rasa.utils.common._filter_warnings(log_level=logging.WARNING)
        warnings.warn("'setParseAction' deprecated - use 'set_parse_action'", PyparsingDeprecationWarning)
        warnings.warn("pkg_resources is deprecated as an API", DeprecationWarning)
        warnings.warn("Slot 'job' is not used in any story or rule.", UserWarning)
    assert [str(warning.message) for warning in shown] == ["Slot 'job' is not used in any story or rule."]


def test_verbose_changes_nothing():
    assert quiet_unless_verbose(["run", "actions"], {VERBOSE_ENV: "1"}) == ["run", "actions"]
