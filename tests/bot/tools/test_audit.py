"""The audit summary never reports an audit it could not make as clean."""
from bot.tools.audit import summary


def report(*dependencies):
    return {"dependencies": list(dependencies), "fixes": []}


def test_advisories_are_listed_with_their_fix():
    lines = summary(report(
        {"name": "aiohttp", "version": "3.9.5",
         "vulns": [{"id": "GHSA-8495-4g3g-x7pr", "fix_versions": ["3.10.11"], "aliases": [], "description": ""}]},
        {"name": "rasa", "version": "3.6.21", "vulns": []},
    ))
    assert lines == ["2 paquets audités sur 2, 1 avis de sécurité.",
                     "  aiohttp 3.9.5 : GHSA-8495-4g3g-x7pr (corrigé en 3.10.11)"]


def test_packages_that_could_not_be_audited_make_the_audit_incomplete():
    lines = summary(report({"name": "sanic", "skip_reason": "Dependency not found on PyPI"},
                           {"name": "rasa", "version": "3.6.21", "vulns": []}))
    assert lines[0] == "1 paquet audité sur 2, 0 avis de sécurité."
    assert lines[1].startswith("Audit incomplet : 1 paquet non audité, par exemple")
