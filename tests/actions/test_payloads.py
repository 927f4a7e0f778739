"""Button payloads: every one a knowledge base can produce fits Telegram's 64 bytes, or the
action server refuses the knowledge base at start-up, naming the sheet and the field."""
import shutil

import pytest

from actions.payloads import MAX_CHECKED_PAGE, MAX_PAYLOAD_BYTES, ask_payload, check_buttons_fit, family_payload
from actions.rendering import OTHER_FAMILY
from knowledge.loader import DEFAULT_JOBS_DIR, KnowledgeError
from knowledge.store import KnowledgeStore
from knowledge.topics import Topic, sheet_holds
from tests.expected import GESTIONNAIRE, OPERATEUR

LONG_ID = "operateur_de_back_office_et_de_tout"
LONG_FAMILY = "Traitements des opérations courantes et de leurs suites"


def every_payload(store):
    for sheet in store.jobs:
        yield ask_payload(sheet)
        yield from (ask_payload(sheet, topic) for topic in Topic if sheet_holds(sheet, topic))
        yield family_payload(sheet.family or OTHER_FAMILY, MAX_CHECKED_PAGE)


def test_the_real_and_the_synthetic_sheets_pass_the_check(synthetic_store):
    for store in (KnowledgeStore.from_directory(DEFAULT_JOBS_DIR), synthetic_store):
        check_buttons_fit(store, OTHER_FAMILY)
        assert max(len(payload.encode()) for payload in every_payload(store)) <= MAX_PAYLOAD_BYTES


def copied_jobs(tmp_path):
    jobs = tmp_path / "jobs"
    shutil.copytree(DEFAULT_JOBS_DIR, jobs)
    return jobs


def test_a_sheet_whose_id_makes_a_button_too_long_is_refused(tmp_path):
    jobs = copied_jobs(tmp_path)
    sheet = jobs / f"{OPERATEUR}.yml"
    (jobs / f"{LONG_ID}.yml").write_text(
        sheet.read_text(encoding="utf-8").replace(f"id: {OPERATEUR}", f"id: {LONG_ID}"), encoding="utf-8")
    sheet.unlink()
    with pytest.raises(KnowledgeError) as refused:
        check_buttons_fit(KnowledgeStore.from_directory(jobs), OTHER_FAMILY)
    assert str(refused.value) == (
        f"fiche « {LONG_ID} » : id : trop long de 12 octet(s) : le bouton "
        f"« /ask{{\"job\":\"{LONG_ID}\",\"topic\":\"age_distribution\"}} » dépasse les 64 octets que Telegram accepte"
    )


def test_a_sheet_whose_family_makes_a_button_too_long_is_refused(tmp_path):
    jobs = copied_jobs(tmp_path)
    sheet = jobs / f"{GESTIONNAIRE}.yml"
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(
        "family: Traitements des opérations", f"family: {LONG_FAMILY}"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as refused:
        check_buttons_fit(KnowledgeStore.from_directory(jobs), OTHER_FAMILY)
    assert str(refused.value).startswith(f"fiche « {GESTIONNAIRE} » : family : « {LONG_FAMILY} » trop long de ")
