"""The label catalogue: French is the source language, English comes from `locale/en.toml`."""

from __future__ import annotations

from pathlib import Path

from ..api.lazy_log import LazyLogger

SUPPORTED = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
LOCALE_DIR = Path(__file__).parent.parent / "locale"

log = LazyLogger(__name__)  # logging is loaded only for a record that goes somewhere

_language = DEFAULT_LANGUAGE
_catalogues: dict[str, dict[str, str]] = {}


def normalize_language(code: str) -> str:
    """"en_GB.UTF-8" → "en"; ValueError naming the supported languages otherwise."""
    short = code.strip().lower().replace("-", "_").split("_")[0].split(".")[0]
    if short not in SUPPORTED:
        raise ValueError(f"Langue « {code} » non prise en charge : choisissez fr ou en.")
    return short


def set_language(code: str) -> None:
    """Switch every later `_()` to `code` ("fr" or "en", locale forms accepted)."""
    global _language
    _language = normalize_language(code)
    if _language != "fr":
        _catalogue(_language)  # load now, not on the first keystroke


def get_language() -> str:
    return _language


def _catalogue(language: str) -> dict[str, str]:
    cached = _catalogues.get(language)
    if cached is not None:
        return cached
    import tomllib

    path = LOCALE_DIR / f"{language}.toml"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        # Several people add lines to the catalogue; a broken file must leave the
        # app usable in French rather than crash it.
        log.error("Catalogue %s unreadable, falling back to French: %s", path, exc)
        data = {}
    table = {key: value for key, value in data.items() if isinstance(value, str)}
    _catalogues[language] = table
    return table


def _(french_text: str) -> str:
    """The label in the current language: French source text, or its translation when known."""
    if _language == "fr":
        return french_text
    return _catalogue(_language).get(french_text, french_text)


def missing(language: str, texts: list[str]) -> list[str]:
    """Those of `texts` that `language` has no translation for (for tests and catalogue work)."""
    if language == "fr":
        return []
    table = _catalogue(normalize_language(language))
    return [text for text in texts if text not in table]
