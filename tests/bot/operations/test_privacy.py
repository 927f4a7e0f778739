import os
import stat

import pytest

from bot.operations.privacy import KEY_ENV, mask_personal_data, pseudonym, pseudonym_key


@pytest.mark.parametrize("typed, shown", [
    ("écrivez-moi à jean.dupont@gmail.com svp", "écrivez-moi à [adresse e-mail] svp"),
    ("mon mail c'est marie-claire.durand+emploi@orange.fr", "mon mail c'est [adresse e-mail]"),
    ("rappelez moi au 06 12 34 56 78", "rappelez moi au [téléphone]"),
    ("0612345678 ou 06.12.34.56.78", "[téléphone] ou [téléphone]"),
    ("+33 6 12 34 56 78", "[téléphone]"),
    ("0033612345678 ou +33 (0)1 23 45 67 89", "[téléphone] ou [téléphone]"),
    ("mon iban FR76 3000 6000 0112 3456 7890 189", "mon iban [IBAN]"),
    ("fr7630006000011234567890189", "[IBAN]"),
    ("numero secu 1 85 05 78 006 084 36", "numero secu [numéro]"),
    ("ma carte 4970 1012 3456 7890", "ma carte [numéro]"),
])
def test_personal_data_is_masked(typed, shown):
    assert mask_personal_data(typed) == shown


@pytest.mark.parametrize("question", [
    "salaire d'un opérateur back-office en 2024 ?",
    "1 766 € brut par mois, c'est le salaire d'embauche ?",
    "35 000 € par an avec un bac+2",
    "le code rome C1302 c'est quoi",
    "42 % de CDI et 2 000 demandeurs d'emploi",
])
def test_job_questions_keep_their_figures(question):
    assert mask_personal_data(question) == question


def test_the_pseudonym_key_is_kept_private_and_stable(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    key_file = tmp_path / "var" / "pseudonym.key"
    key = pseudonym_key(key_file)
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert pseudonym_key(key_file) == key
    assert pseudonym("telegram-123", key) == pseudonym("telegram-123", pseudonym_key(key_file))
    assert pseudonym("telegram-123", key) != pseudonym("telegram-124", key)
    assert "123" not in pseudonym("telegram-123", key)


def test_the_environment_key_wins(tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "clé d'exploitation")
    assert pseudonym_key(tmp_path / "absent.key") == "clé d'exploitation".encode()
    assert not (tmp_path / "absent.key").exists()
