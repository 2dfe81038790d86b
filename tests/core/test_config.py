"""Settings: file, then environment, then flags; bad input gives a French message, not a traceback."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from msa_tui.core.config import Config, ConfigError, load_config, save_settings


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_when_no_file(isolated_dirs):
    config = load_config(env={})
    assert config == Config()
    assert config.server_url == "http://127.0.0.1:8765"
    assert (config.idle_timeout_s, config.idle_warning_s) == (900, 60)
    assert config.language == "fr" and config.keymap == {} and config.path is None
    assert not config.remember_nir and not config.stay_connected


def test_reads_default_file(isolated_dirs, tmp_path):
    from msa_tui.core import paths

    target = write(paths.config_dir() / "config.toml", """
server_url = "https://msa.example/"
idle_timeout_s = 600
idle_warning_s = 45
theme = "textual-light"
language = "en"
remember_nir = true
stay_connected = true

[keymap]
"app.logout" = "ctrl+o"
""")
    config = load_config(env={})
    assert config.server_url == "https://msa.example"  # trailing slash dropped
    assert (config.idle_timeout_s, config.idle_warning_s) == (600, 45)
    assert config.theme == "textual-light" and config.language == "en"
    assert config.remember_nir and config.stay_connected
    assert config.keymap == {"app.logout": "ctrl+o"}
    assert config.path == target


def test_server_alias(tmp_path):
    config = load_config(write(tmp_path / "c.toml", 'server = "http://localhost:9000"\n'), env={})
    assert config.server_url == "http://localhost:9000"


def test_environment_overrides_file_and_flags_override_environment(tmp_path):
    path = write(tmp_path / "c.toml", 'server_url = "http://file:1"\ntheme = "a"\nidle_timeout_s = 300\n')
    env = {"MSA_TUI_SERVER": "http://env:2", "MSA_TUI_THEME": "b", "MSA_TUI_IDLE_TIMEOUT": " 120 ",
           "MSA_TUI_IDLE_WARNING": "30", "MSA_TUI_LANG": "en_US.UTF-8"}
    config = load_config(path, env=env)
    assert (config.server_url, config.theme, config.idle_timeout_s, config.idle_warning_s, config.language) == (
        "http://env:2", "b", 120, 30, "en")
    config = load_config(path, env=env, server_url="http://flag:3", language=None, theme="c")
    assert (config.server_url, config.theme, config.language) == ("http://flag:3", "c", "en")


def test_empty_environment_values_are_ignored(tmp_path):
    assert load_config(env={"MSA_TUI_SERVER": "", "MSA_TUI_CONFIG": "  "}).server_url == Config().server_url


def test_config_path_from_environment(tmp_path):
    path = write(tmp_path / "elsewhere.toml", 'theme = "from-env-path"\n')
    assert load_config(env={"MSA_TUI_CONFIG": str(path)}).theme == "from-env-path"


def test_explicit_missing_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="introuvable") as info:
        load_config(tmp_path / "absent.toml", env={})
    assert "absent.toml" in info.value.message
    with pytest.raises(ConfigError, match="introuvable"):
        load_config(env={"MSA_TUI_CONFIG": str(tmp_path / "nope.toml")})


def test_bad_toml_names_the_file(tmp_path):
    path = write(tmp_path / "c.toml", "server_url = \n")
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    assert str(path) in info.value.message and "TOML" in info.value.message


def test_not_utf8(tmp_path):
    path = tmp_path / "c.toml"
    path.write_bytes(b'theme = "\xe9t\xe9"\n')
    with pytest.raises(ConfigError, match="TOML|UTF-8"):
        load_config(path, env={})


def test_unreadable_path(tmp_path):
    with pytest.raises(ConfigError, match="lecture impossible"):
        load_config(tmp_path, env={})  # a directory


@pytest.mark.parametrize(("text", "key"), [
    ('idle_timeout_s = "long"', "idle_timeout_s"),
    ("idle_timeout_s = 12.5", "idle_timeout_s"),
    ("idle_timeout_s = true", "idle_timeout_s"),
    ('remember_nir = "oui"', "remember_nir"),
    ("theme = 3", "theme"),
    ('theme = "  "', "theme"),
    ('keymap = "ctrl+o"', "keymap"),
    ("[keymap]\n\"app.logout\" = 3", "keymap.app.logout"),
    ('serveur = "http://x"', "serveur"),
    ('server_url = "ftp://x"', "server_url"),
    ('server_url = "127.0.0.1:8765"', "server_url"),
    ('language = "de"', "language"),
    ("idle_timeout_s = 10", "idle_timeout_s"),
    ("idle_timeout_s = 100\nidle_warning_s = 100", "idle_warning_s"),
])
def test_bad_values_name_file_and_key(tmp_path, text, key):
    path = write(tmp_path / "c.toml", text + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    assert info.value.key == key
    assert f"« {key} »" in info.value.message
    assert str(path) in info.value.message


def test_bad_environment_names_the_variable():
    with pytest.raises(ConfigError) as info:
        load_config(env={"MSA_TUI_IDLE_TIMEOUT": "quinze minutes"})
    assert "MSA_TUI_IDLE_TIMEOUT" in info.value.message and "quinze minutes" in info.value.message
    with pytest.raises(ConfigError, match="MSA_TUI_SERVER"):
        load_config(env={"MSA_TUI_SERVER": "pas une adresse"})


def test_bad_flag_is_reported():
    with pytest.raises(ConfigError, match="ligne de commande"):
        load_config(env={}, server_url="nulle-part")


def test_unknown_override_is_a_programming_error():
    with pytest.raises(TypeError):
        load_config(env={}, colour="blue")


def test_idle_warning_is_raised_to_twenty_seconds(tmp_path):
    config = load_config(write(tmp_path / "c.toml", "idle_warning_s = 5\n"), env={})
    assert config.idle_warning_s == 20
    assert load_config(env={"MSA_TUI_IDLE_WARNING": "0"}).idle_warning_s == 20


def test_save_settings_keeps_other_settings(tmp_path):
    path = write(tmp_path / "c.toml", 'theme = "t"\n[keymap]\n"app.help" = "f1"\n')
    save_settings({"remember_nir": True, "server_url": "http://a \"quoted\" é"}, path)
    text = path.read_text(encoding="utf-8")
    assert "remember_nir = true" in text
    import tomllib

    data = tomllib.loads(text)
    assert data["theme"] == "t" and data["keymap"] == {"app.help": "f1"}
    assert data["server_url"] == 'http://a "quoted" é'
    assert load_config(path, env={}, server_url="http://ok").remember_nir is True
    if sys.platform != "win32":
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_save_settings_creates_default_file(isolated_dirs):
    path = save_settings({"stay_connected": True})
    assert load_config(env={}).stay_connected and load_config(env={}).path == path


def test_save_settings_refuses_bad_values(tmp_path):
    with pytest.raises(ConfigError):
        save_settings({"remember_nir": "yes"}, tmp_path / "c.toml")
    with pytest.raises(TypeError):
        save_settings({"nope": 1}, tmp_path / "c.toml")
    assert not (tmp_path / "c.toml").exists()
