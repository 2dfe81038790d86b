"""The app's launch flags read without argparse agree with the parser: same values when it answers,
and no answer (argparse decides) whenever the parser would refuse, print help or run a command."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from msa_tui.cli import build_parser
from msa_tui.commands_cli import LISTED
from msa_tui.launch_args import SWITCHES, VALUED, launch_args

FLAGS_WITH_VALUE = list(VALUED)
COMMAND_NAMES = [name for name, _help in LISTED.values()]


def argparse_says(argv: list[str]) -> dict | None:
    """vars() of what the real parser gives, or None when it exits (an error, help or --version)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(build_parser().parse_args(argv))
        except SystemExit:
            return None


def check_agrees(argv: list[str]) -> None:
    fast = launch_args(argv)
    parsed = argparse_says(argv)
    if fast is not None:
        assert parsed is not None, f"argparse refuses {argv!r}"
        assert vars(fast) == parsed
        # Same types too (a Path where argparse gives a Path, True rather than 1…).
        assert {k: type(v) for k, v in vars(fast).items()} == {k: type(v) for k, v in parsed.items()}


values = st.one_of(
    st.sampled_from(["fr", "en", "de", "FR", "", " ", "a b", "x=y", "=", "http://127.0.0.1:9", "~/msa.toml",
                     "-1", "-x", "--demo", "--", "été", "日本"]),
    st.text(max_size=12),
)
odd_words = st.sampled_from([
    "-h", "--help", "--version", "--", "-", "--dem", "--serv", "--server=", "--lang=", "--demo=", "--demo=1",
    "--kiosk=yes", "-q=1", "-qq", "-Q", "--Demo", "--json=true", "--data_dir", "--ca", "--conf", "--la",
    "-qh", "--quiet=", "", " ", "demo", "app", *COMMAND_NAMES,
])


@st.composite
def flag_words(draw) -> list[str]:
    """One flag in one of the spellings argparse may be given (its value separate, joined by '=', or missing)."""
    if draw(st.booleans()):
        return [draw(st.sampled_from(list(SWITCHES)))]
    flag = draw(st.sampled_from(FLAGS_WITH_VALUE))
    form = draw(st.sampled_from(["separate", "equals", "missing"]))
    value = draw(values)
    return {"separate": [flag, value], "equals": [f"{flag}={value}"], "missing": [flag]}[form]


argv_lists = st.lists(st.one_of(flag_words(), flag_words(), flag_words(), odd_words.map(lambda w: [w]),
                                values.map(lambda w: [w])), max_size=7).map(lambda groups: sum(groups, []))


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv_lists)
def test_whatever_the_fast_path_answers_argparse_answers_the_same(argv):
    check_agrees(argv)


# The launch flags the app understands, each given once with a value argparse takes as it is.
@st.composite
def launch_lines(draw) -> list[str]:
    chosen = draw(st.permutations([*SWITCHES.keys(), *VALUED.keys()]))
    draw_count = draw(st.integers(min_value=0, max_value=len(chosen)))
    argv: list[str] = []
    seen: set[str] = set()
    for flag in chosen[:draw_count]:
        dest = SWITCHES.get(flag) or VALUED[flag][0]
        if dest in seen:  # --quiet and -q are one flag
            continue
        seen.add(dest)
        if flag in SWITCHES:
            argv.append(flag)
            continue
        value = draw(st.sampled_from(["fr", "en"])) if flag == "--lang" else draw(
            st.text(max_size=10).filter(lambda text: not text.startswith("-")))
        argv += [f"{flag}={value}"] if draw(st.booleans()) else [flag, value]
    return argv


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(launch_lines())
def test_every_plain_launch_line_takes_the_fast_path(argv):
    assert launch_args(argv) is not None, argv
    check_agrees(argv)


def test_plain_launch_lines():
    assert vars(launch_args([])) == {
        "demo": False, "server": None, "ca_bundle": None, "config": None, "lang": None, "kiosk": None,
        "data_dir": None, "json": False, "quiet": False, "command": None,
    }
    args = launch_args(["--server", "http://127.0.0.1:9", "--lang=en", "--config", "a b/msa.toml", "--kiosk",
                        "--data-dir=/tmp/données", "--ca-bundle", "ca=1.pem", "-q", "--demo", "--json"])
    assert args is not None
    assert (args.server, args.lang, args.config, args.kiosk, args.data_dir, args.ca_bundle) == (
        "http://127.0.0.1:9", "en", Path("a b/msa.toml"), True, Path("/tmp/données"), "ca=1.pem")
    assert (args.quiet, args.demo, args.json, args.command) == (True, True, True, None)
    assert launch_args(["--server="]).server == ""


@pytest.mark.parametrize("argv", [
    ["-h"], ["--help"], ["--version"], ["--demo", "--help"], ["doctor"], ["--demo", "payments", "list"],
    ["--dem"], ["--serv", "x"], ["--server"], ["--server", "--demo"], ["--server", "-1"], ["--lang", "de"],
    ["--lang=FR"], ["--server=--"], ["--server=-x"], ["--demo", "--demo"], ["--quiet", "-q"],
    ["--server", "a", "--server=b"], ["--"], ["--demo=1"], ["-q=1"], ["-qq"], ["extra"], [""],
])
def test_anything_else_is_left_to_argparse(argv):
    assert launch_args(argv) is None
    check_agrees(argv)
