"""What `msa-tui doctor` checks: server, versions, keyring, terminal, settings, folders.

Plain Python (httpx for the server, never Textual: its version is read from the
package metadata). Nothing personal is gathered: no NIR, token or e-mail; the
server URL is shown without any user:password part.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

OK, WARNING, FAILURE, INFO = "ok", "warning", "failure", "info"
HEALTH_PATH = "/api/v1/health"
TIMEOUT_S = 5.0
ALT_KEYS_NOTE = ("Ctrl+→ et Ctrl+← peuvent ne pas traverser GNU screen, tmux ou SSH : "
                 "utilisez les touches de secours affichées en bas de l'écran, "
                 "ou Tab jusqu'aux boutons « Suivant » / « Précédent » puis Entrée.")


@dataclass
class Check:
    section: str
    label: str
    status: str
    detail: str
    data: dict[str, Any] = field(default_factory=dict)
    """Machine-readable facts for --json (never personal data)."""


def public_url(url: str) -> str:
    """`url` without any user:password@ part."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    netloc = host + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, "", ""))


# --- server -------------------------------------------------------------------------------


def server_checks(url: str, *, demo: bool = False) -> list[Check]:
    import httpx

    section = "Serveur"
    shown = public_url(url)
    checks = [Check(section, "Adresse", INFO, shown + (" (démonstration locale)" if demo else ""),
                    {"url": shown, "demo": demo})]
    started = time.perf_counter()
    try:
        response = httpx.get(url + HEALTH_PATH, timeout=TIMEOUT_S)
    except httpx.HTTPError as exc:
        checks.append(Check(section, "Réponse", FAILURE,
                            f"le serveur ne répond pas ({type(exc).__name__}) à {shown}{HEALTH_PATH}.",
                            {"answers": False, "error": type(exc).__name__}))
        if url.startswith("https://"):
            checks.append(tls_check(url))
        return checks
    latency_ms = round((time.perf_counter() - started) * 1000)
    answers = response.status_code == 200
    checks.append(Check(
        section, "Réponse", OK if answers else FAILURE,
        f"le serveur répond en {latency_ms} ms." if answers
        else f"le serveur répond {response.status_code} à {HEALTH_PATH} au lieu de 200.",
        {"answers": answers, "status_code": response.status_code, "latency_ms": latency_ms},
    ))
    if url.startswith("https://"):
        checks.append(tls_check(url))
    else:
        from urllib.parse import urlsplit

        from .commands_cli.web import is_loopback

        local = is_loopback(urlsplit(url).hostname or "")
        checks.append(Check(section, "Chiffrement", INFO if local else WARNING,
                            "http:// sur cette machine." if local
                            else "http:// sans chiffrement vers une autre machine.", {"tls": False}))
    checks.append(api_version_check(url, response))
    return checks


def tls_check(url: str) -> Check:
    """Connect with the usual verification and read the certificate's subject and expiry."""
    import socket
    import ssl
    from datetime import UTC, datetime
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    context = ssl.create_default_context()
    try:
        import certifi  # what httpx verifies with

        context.load_verify_locations(certifi.where())
    except ImportError:
        pass
    try:
        with socket.create_connection((host, port), timeout=TIMEOUT_S) as raw, \
                context.wrap_socket(raw, server_hostname=host) as tls:
            cert = tls.getpeercert() or {}
    except (OSError, ssl.SSLError) as exc:
        return Check("Serveur", "Certificat TLS", FAILURE, f"vérification impossible : {exc}.",
                     {"tls": True, "verified": False})
    # getpeercert() types every value as any of its shapes; these two keys have one shape each.
    rdns = cast("tuple[tuple[tuple[str, str], ...], ...]", cert.get("subject", ()))
    subject = ", ".join(f"{k}={v}" for rdn in rdns for k, v in rdn)
    expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(cast(str, cert["notAfter"])), UTC)
    days = (expires - datetime.now(UTC)).days
    status = OK if days > 14 else WARNING
    return Check("Serveur", "Certificat TLS", status,
                 f"{subject} ; expire le {expires:%d/%m/%Y} (dans {days} jours).",
                 {"tls": True, "verified": True, "subject": subject, "expires": expires.isoformat()})


def api_version_check(url: str, health: Any) -> Check:
    """The API's version: from /health when it says, else the OpenAPI document if published."""
    import httpx

    version = None
    try:
        body = health.json()
        version = body.get("version") if isinstance(body, dict) else None
        if version is None:
            document = httpx.get(url + "/openapi.json", timeout=TIMEOUT_S)
            if document.status_code == 200:
                version = document.json().get("info", {}).get("version")
    except (ValueError, httpx.HTTPError, AttributeError):
        version = None
    return Check("Serveur", "Version de l'API", INFO, str(version) if version else "non publiée par le serveur.",
                 {"api_version": version})


# --- versions, keyring ------------------------------------------------------------------


def version_checks() -> list[Check]:
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__

    def installed(name: str) -> str | None:
        try:
            return version(name)
        except PackageNotFoundError:
            return None

    python = sys.version.split()[0]
    textual = installed("textual")
    checks = [
        Check("Versions", "msa-tui", INFO, __version__, {"version": __version__}),
        Check("Versions", "Python", OK if sys.version_info >= (3, 11) else FAILURE, python, {"version": python}),
        Check("Versions", "Textual", OK if textual else FAILURE, textual or "absent", {"version": textual}),
    ]
    serve = installed("textual-serve")
    checks.append(Check("Versions", "textual-serve (msa-tui web)", INFO if serve else WARNING,
                        serve or "absent : msa-tui web ne fonctionnera pas.", {"version": serve}))
    return checks


def keyring_check() -> Check:
    """Which keyring backend, and whether a harmless read works (nothing is written)."""
    from .core.credentials import CredentialStore

    try:
        import keyring

        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
    except Exception as exc:  # noqa: BLE001 - any failure is the diagnosis
        return Check("Trousseau", "Trousseau", WARNING, f"indisponible ({type(exc).__name__}).",
                     {"backend": None, "works": False})
    works = CredentialStore(backend).available
    if works:
        return Check("Trousseau", "Trousseau", OK, f"{name} fonctionne.", {"backend": name, "works": True})
    return Check("Trousseau", "Trousseau", WARNING,
                 f"{name} inutilisable : « Rester connecté » et « Se souvenir de mon identifiant » "
                 "garderont les informations en mémoire seulement.", {"backend": name, "works": False})


# --- terminal -------------------------------------------------------------------------------


def colour_depth(env: Mapping[str, str]) -> str:
    term = env.get("TERM", "")
    if env.get("COLORTERM", "").lower() in ("truecolor", "24bit"):
        return "16 millions de couleurs"
    if "256color" in term:
        return "256 couleurs"
    if term in ("", "dumb"):
        return "aucune couleur annoncée"
    return "16 couleurs"


def terminal_checks(env: Mapping[str, str] = os.environ) -> list[Check]:
    import shutil

    from .colour_env import colour_off

    section = "Terminal"
    term = env.get("TERM", "")
    size = shutil.get_terminal_size((0, 0))  # (0, 0): not a terminal (piped output)
    small = 0 < size.columns < 80 or 0 < size.lines < 24
    no_color, force_color = env.get("NO_COLOR"), env.get("FORCE_COLOR")
    off = colour_off(env)
    colours = "désactivées" if off else colour_depth(env)
    why = []
    if no_color is not None:
        why.append(f"NO_COLOR={no_color!r}" + ("" if no_color else " (vide : ne compte pas)"))
    if force_color is not None:
        why.append(f"FORCE_COLOR={force_color!r}" + (" (force les couleurs)" if force_color else " (vide)"))
    return [
        Check(section, "TERM", OK if term and term != "dumb" else WARNING, term or "non défini",
              {"term": term or None}),
        Check(section, "Couleurs", INFO, colours + (f" ({', '.join(why)})" if why else ""),
              {"colour": not off, "depth": colour_depth(env), "NO_COLOR": no_color, "FORCE_COLOR": force_color}),
        Check(section, "Taille", WARNING if small else INFO,
              "inconnue (la sortie n'est pas un terminal)" if not size.columns else
              f"{size.columns}×{size.lines}" + (" : l'application est prévue pour 80×24 au moins."
                                                  if small else ""),
              {"columns": size.columns, "lines": size.lines}),
        Check(section, "Touches", INFO, ALT_KEYS_NOTE, {}),
    ]


# --- settings, folders ----------------------------------------------------------------------


def source_text(kind: str | None) -> str:
    if kind is None:
        return "valeur par défaut"
    if kind == "file":
        return "fichier"
    if kind.startswith("env:"):
        return f"variable {kind[4:]}"
    return "option de la ligne de commande"


def settings_checks(config: Any, error: str | None = None) -> list[Check]:
    from dataclasses import fields

    section = "Configuration"
    checks = []
    if error:
        checks.append(Check(section, "Fichier", FAILURE, error, {"error": error}))
    else:
        checks.append(Check(section, "Fichier", INFO, str(config.path) if config.path else
                            "aucun (valeurs par défaut)", {"path": str(config.path) if config.path else None}))
    sources = getattr(config, "sources", {}) or {}
    for item in fields(config):
        if item.name in ("path", "sources"):
            continue
        value = getattr(config, item.name)
        if item.name == "server_url":
            value = public_url(value)
        if isinstance(value, dict):
            shown = ", ".join(f"{k}={v}" for k, v in value.items()) or "(vide)"
        else:
            shown = value
        kind = sources.get(item.name)
        checks.append(Check(section, item.name, INFO, f"{shown} ({source_text(kind)})",
                            {"value": value, "source": (kind or "default").split(":")[0],
                             "variable": kind[4:] if kind and kind.startswith("env:") else None}))
    return checks


def folder_check(label: str, path: Path, *, private: bool) -> Check:
    data: dict[str, Any] = {"path": str(path)}
    if not path.exists():
        return Check("Dossiers", label, INFO, f"{path} (absent : créé au besoin)", {**data, "exists": False})
    mode = path.stat().st_mode & 0o777
    writable = os.access(path, os.W_OK)
    data.update(exists=True, mode=f"{mode:03o}", writable=writable)
    if not writable:
        return Check("Dossiers", label, FAILURE, f"{path} ({mode:03o}) : écriture impossible.", data)
    if private and mode & 0o077:
        return Check("Dossiers", label, WARNING,
                     f"{path} ({mode:03o}) : lisible par d'autres comptes (700 attendu).", data)
    return Check("Dossiers", label, OK, f"{path} ({mode:03o})", data)


def folder_checks() -> list[Check]:
    # platformdirs directly: core.paths would create the folders, a diagnosis must not.
    import platformdirs

    from .core.logs import LOG_FILE_NAME
    from .core.paths import APP_NAME

    log_dir = platformdirs.user_log_path(APP_NAME, appauthor=False)
    checks = [
        folder_check("Configuration", platformdirs.user_config_path(APP_NAME, appauthor=False), private=True),
        folder_check("État (brouillons)", platformdirs.user_state_path(APP_NAME, appauthor=False), private=True),
        folder_check("Journal", log_dir, private=True),
        folder_check("Téléchargements", platformdirs.user_downloads_path(), private=False),
    ]
    log_file = log_dir / LOG_FILE_NAME
    checks.append(Check("Dossiers", "Fichier journal", INFO,
                        f"{log_file}" + ("" if log_file.exists() else " (pas encore créé)"),
                        {"path": str(log_file), "exists": log_file.exists()}))
    return checks


def all_checks(config: Any, *, server_url: str, demo: bool = False, config_error: str | None = None,
               env: Mapping[str, str] = os.environ) -> list[Check]:
    return [
        *server_checks(server_url, demo=demo),
        *version_checks(),
        keyring_check(),
        *terminal_checks(env),
        *settings_checks(config, config_error),
        *folder_checks(),
    ]
