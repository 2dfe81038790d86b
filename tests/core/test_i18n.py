"""The label catalogue: French in, English out when asked and known."""

from __future__ import annotations

import tomllib

import pytest

from msa_tui.core import i18n
from msa_tui.core.i18n import _

COMMON = ["Se connecter", "Mot de passe", "Identifiant", "S'inscrire", "Mot de passe oublié", "Connecté",
          "Déconnecté", "Mon espace privé", "Se déconnecter", "Retour", "Suivant", "Annuler", "Valider",
          "Envoyer", "Réessayer", "Aide"]


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")
    i18n._catalogues.clear()


def test_french_is_the_default_and_identity():
    assert i18n.get_language() == "fr"
    assert _("Se connecter") == "Se connecter"
    assert _("Texte inconnu") == "Texte inconnu"


def test_english_translates_known_labels():
    i18n.set_language("en")
    assert _("Se connecter") == "Log in"
    assert _("Mot de passe") == "Password"


def test_english_falls_back_to_french_when_unknown():
    i18n.set_language("en")
    assert _("Une phrase que personne n'a traduite") == "Une phrase que personne n'a traduite"


def test_common_labels_are_translated():
    assert i18n.missing("en", COMMON) == []


def test_locale_forms_are_accepted():
    i18n.set_language("en_GB.UTF-8")
    assert i18n.get_language() == "en"
    i18n.set_language("FR")
    assert i18n.get_language() == "fr"


def test_unknown_language_is_refused_in_french():
    with pytest.raises(ValueError, match="non prise en charge"):
        i18n.set_language("de")
    assert i18n.get_language() == "fr"


def test_catalogue_is_valid_toml_with_string_values():
    with (i18n.LOCALE_DIR / "en.toml").open("rb") as handle:
        data = tomllib.load(handle)  # also refuses duplicate keys
    assert data and all(isinstance(v, str) and v for v in data.values())


def test_catalogue_placeholders_match():
    import string

    with (i18n.LOCALE_DIR / "en.toml").open("rb") as handle:
        data = tomllib.load(handle)
    names = lambda text: sorted(f for _, f, _, _ in string.Formatter().parse(text) if f)  # noqa: E731
    assert [k for k, v in data.items() if names(k) != names(v)] == []


def test_broken_catalogue_leaves_french(monkeypatch, tmp_path, caplog):
    (tmp_path / "en.toml").write_text('"Se connecter" = "Log in"\n"Se connecter" = "Sign in"\n', encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._catalogues.clear()
    i18n.set_language("en")
    assert _("Se connecter") == "Se connecter"
    assert "unreadable" in caplog.text
