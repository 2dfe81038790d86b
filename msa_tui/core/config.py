"""User settings: TOML file, then MSA_TUI_* environment variables, then command-line flags.

The file holds the `Config` field names as top-level keys (`server` is accepted
for `server_url`) and a `[keymap]` table of binding id = keys. Unknown keys are
refused rather than ignored: a typo silently ignored is a setting that never works.

Time limits follow RGAA 13.1: the inactivity logout must be announced at least
20 s ahead, so a smaller `idle_warning_s` is raised to 20 (not refused: the
user asked for *less* warning, we give the legal minimum). The timeout must be
at least 60 s and longer than the warning, else the file is refused.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

DEFAULT_SERVER = "http://127.0.0.1:8765"
CONFIG_FILE_NAME = "config.toml"
MIN_IDLE_WARNING_S = 20
MIN_IDLE_TIMEOUT_S = 60

ENV_VARS = {
    "MSA_TUI_SERVER": "server_url",
    "MSA_TUI_IDLE_TIMEOUT": "idle_timeout_s",
    "MSA_TUI_IDLE_WARNING": "idle_warning_s",
    "MSA_TUI_THEME": "theme",
    "MSA_TUI_LANG": "language",
    "MSA_TUI_KIOSK": "kiosk",
}
CONFIG_PATH_ENV = "MSA_TUI_CONFIG"
_ALIASES = {"server": "server_url"}


class ConfigError(Exception):
    """A setting that cannot be used; `message` is French and names the file (or variable) and key."""

    def __init__(self, message: str, *, source: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.key = key


@dataclass(frozen=True)
class Config:
    server_url: str = DEFAULT_SERVER
    idle_timeout_s: int = 900
    idle_warning_s: int = 60
    theme: str = "textual-dark"
    language: str = "fr"
    keymap: dict[str, str] = field(default_factory=dict)
    remember_nir: bool = False
    stay_connected: bool = False
    ca_bundle: str = ""
    """A PEM file of certificate authorities to trust (besides none: verification is always on)."""
    kiosk: bool = False
    """A shared desk: nothing of a member stays once they leave (msa_tui.core.kiosk)."""
    kiosk_documents_dir: str | None = None
    """Kiosk mode: the folder the file picker opens in (the scanner's output, a removable drive)."""
    print_command: str | None = None
    """Kiosk mode: the command that prints a file given as its last argument (e.g. "lp"); none: no printing."""
    path: Path | None = None
    """The file the settings were read from (None when none existed)."""
    sources: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Where each setting came from: "file", "env:MSA_TUI_…" or "flag"; absent means the default."""


_SETTINGS = {f.name for f in fields(Config)} - {"path", "sources"}
_INTS = {"idle_timeout_s", "idle_warning_s"}
_BOOLS = {"remember_nir", "stay_connected", "kiosk"}
_STRS = {"server_url", "theme", "language", "ca_bundle", "kiosk_documents_dir", "print_command"}
_TRUE_WORDS = {"1", "true", "yes", "oui", "on"}
_FALSE_WORDS = {"0", "false", "no", "non", "off"}


def default_config_path() -> Path:
    from . import paths

    return paths.config_path_dir() / CONFIG_FILE_NAME


def _where(source: str, key: str) -> str:
    return f"{source}, clé « {key} »"


def _check_value(key: str, value: Any, source: str) -> Any:
    """Type-check one value from the file, the environment (text) or a flag."""
    where = _where(source, key)
    from_text = isinstance(value, str) and source.startswith("variable")
    if key in _INTS:
        if from_text:
            try:
                value = int(value.strip())
            except ValueError:
                raise ConfigError(f"{where} : un nombre entier de secondes est attendu, pas « {value} ».",
                                  source=source, key=key) from None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where} : un nombre entier de secondes est attendu.", source=source, key=key)
        return value
    if key in _BOOLS:
        if from_text and value.strip().lower() in _TRUE_WORDS | _FALSE_WORDS:
            value = value.strip().lower() in _TRUE_WORDS
        if not isinstance(value, bool):
            raise ConfigError(f"{where} : true ou false est attendu.", source=source, key=key)
        return value
    if key in _STRS:
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where} : un texte non vide est attendu.", source=source, key=key)
        return value.strip()
    if key == "keymap":
        if not isinstance(value, Mapping):
            raise ConfigError(f"{where} : une table [keymap] « identifiant = \"touches\" » est attendue.",
                              source=source, key=key)
        for binding_id, keys in value.items():
            if not isinstance(keys, str) or not keys.strip():
                raise ConfigError(f"{_where(source, 'keymap.' + str(binding_id))} : des touches sont attendues, "
                                  "par exemple \"ctrl+o\".", source=source, key=f"keymap.{binding_id}")
        return {str(k): v.strip() for k, v in value.items()}
    raise AssertionError(key)


def _read_file(path: Path) -> dict[str, Any]:
    import tomllib

    source = f"Fichier de configuration {path}"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source} : ce n'est pas du TOML valide ({exc}).", source=str(path)) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{source} : le fichier doit être encodé en UTF-8.", source=str(path)) from None
    except OSError as exc:
        raise ConfigError(f"{source} : lecture impossible ({exc.strerror or exc}).", source=str(path)) from None
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _ALIASES.get(raw_key, raw_key)
        if key not in _SETTINGS:
            known = ", ".join(sorted(_SETTINGS))
            raise ConfigError(f"{_where(source, raw_key)} : clé inconnue. Clés possibles : {known}.",
                              source=str(path), key=raw_key)
        values[key] = _check_value(key, value, source)
    return values


def _finish(values: dict[str, Any], origins: dict[str, str]) -> dict[str, Any]:
    """Cross-checks once every layer is applied; `origins` says where each value came from."""
    from urllib.parse import urlsplit

    from .i18n import normalize_language

    def fail(key: str, text: str) -> ConfigError:
        origin = origins.get(key, "Valeur par défaut")
        return ConfigError(f"{_where(origin, key)} : {text}", source=origin, key=key)

    url = values["server_url"].rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise fail("server_url", f"« {values['server_url']} » n'est pas une adresse http:// ou https://.")
    values["server_url"] = url
    try:
        values["language"] = normalize_language(values["language"])
    except ValueError as exc:
        raise fail("language", str(exc)) from None
    if values["kiosk"]:
        from .kiosk import IDLE_TIMEOUT_S, IDLE_WARNING_S

        # A shared desk: the next member must not find the last one's session open for long.
        if "idle_timeout_s" not in origins:
            values["idle_timeout_s"] = IDLE_TIMEOUT_S
        if "idle_warning_s" not in origins:
            values["idle_warning_s"] = IDLE_WARNING_S
    if values["idle_timeout_s"] < MIN_IDLE_TIMEOUT_S:
        raise fail("idle_timeout_s", f"le délai d'inactivité doit être d'au moins {MIN_IDLE_TIMEOUT_S} secondes.")
    values["idle_warning_s"] = max(MIN_IDLE_WARNING_S, values["idle_warning_s"])
    if values["idle_warning_s"] >= values["idle_timeout_s"]:
        raise fail("idle_warning_s", "l'avertissement doit précéder la déconnexion : choisissez une durée "
                                     "inférieure au délai d'inactivité (idle_timeout_s).")
    return values


def load_config(path: Path | None = None, env: Mapping[str, str] = os.environ, **overrides: Any) -> Config:
    """Read the settings; raise `ConfigError` (French, names file and key) on anything unusable.

    `path` (the `--config` flag) > `MSA_TUI_CONFIG` > the platform config dir. An
    explicitly named file must exist; the default one may not. Overrides are
    Config field names (flags); a `None` override means "flag not given".
    """
    unknown = set(overrides) - _SETTINGS
    if unknown:
        raise TypeError(f"unknown config overrides: {sorted(unknown)}")
    explicit = path is not None or bool(env.get(CONFIG_PATH_ENV, "").strip())
    if path is None:
        path = Path(env[CONFIG_PATH_ENV].strip()).expanduser() if explicit else default_config_path()
    values: dict[str, Any] = {f.name: getattr(Config(), f.name) for f in fields(Config) if f.name in _SETTINGS}
    origins: dict[str, str] = {}
    kinds: dict[str, str] = {}
    found: Path | None = None
    if path.exists() or explicit:
        if not path.exists():
            raise ConfigError(f"Fichier de configuration {path} introuvable.", source=str(path))
        for key, value in _read_file(path).items():
            values[key] = value
            origins[key] = f"Fichier de configuration {path}"
            kinds[key] = "file"
        found = path
    for variable, key in ENV_VARS.items():
        raw = env.get(variable, "")
        if raw.strip():
            source = f"variable d'environnement {variable}"
            values[key] = _check_value(key, raw, source)
            origins[key] = source
            kinds[key] = f"env:{variable}"
    for key, value in overrides.items():
        if value is not None:
            source = "Option de la ligne de commande"
            values[key] = _check_value(key, value, source)
            origins[key] = source
            kinds[key] = "flag"
    return Config(**_finish(values, origins), path=found, sources=kinds)


def _toml_value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def save_settings(changes: Mapping[str, Any], path: Path | None = None) -> Path:
    """Write `changes` (Config field names) into the config file, keeping its other settings.

    Only what the user chose is written (never an environment or flag value),
    atomically, readable by the owner only. Comments in the file are not kept.
    """
    path = path or default_config_path()
    current = _read_file(path) if path.exists() else {}
    source = f"Fichier de configuration {path}"
    for key, value in changes.items():
        if key not in _SETTINGS:
            raise TypeError(f"unknown setting: {key}")
        current[key] = _check_value(key, value, source)
    lines = [f"{key} = {_toml_value(value)}" for key, value in current.items() if key != "keymap"]
    if current.get("keymap"):
        lines += ["", "[keymap]"] + [f"{_toml_value(k)} = {_toml_value(v)}" for k, v in current["keymap"].items()]
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    os.replace(temporary, path)
    return path

