"""Bindings: every one has an id and a tooltip; shared actions have one id everywhere; old ids still remap."""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil

import pytest
from textual.binding import Binding
from textual.dom import DOMNode

import msa_tui.screens
import msa_tui.widgets
from msa_tui.app import MsaApp
from msa_tui.core.config import Config
from msa_tui.screens.bindings import BACK_ID, OLD_IDS, RETRY_ID, RETRY_KEY, SHARED_ACTIONS, upgrade_keymap
from tests.support.ui import login, make_app, wait_for, wait_screen


def _nodes_with_bindings() -> list[type[DOMNode]]:
    """The app and every screen or widget class msa_tui defines that declares its own BINDINGS."""
    classes: dict[str, type[DOMNode]] = {"MsaApp": MsaApp}
    for package in (msa_tui.screens, msa_tui.widgets):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for _name, cls in inspect.getmembers(module, inspect.isclass):
                if issubclass(cls, DOMNode) and cls.__module__ == info.name and "BINDINGS" in cls.__dict__:
                    classes[f"{cls.__module__}.{cls.__qualname__}"] = cls
    return list(classes.values())


NODES = _nodes_with_bindings()


def test_the_walk_finds_the_pages():
    names = {cls.__name__ for cls in NODES}
    assert {"MsaApp", "PageScreen", "DashboardScreen", "SendDocumentScreen", "DashboardBlock"} <= names


@pytest.mark.parametrize("node", NODES, ids=lambda cls: cls.__name__)
def test_every_binding_has_an_id_and_a_tooltip(node):
    for binding in node.__dict__["BINDINGS"]:
        assert isinstance(binding, Binding), f"{node.__name__}: {binding!r} is a bare tuple"
        assert binding.id, f"{node.__name__}: {binding.key} → {binding.action} has no id"
        assert binding.tooltip, f"{node.__name__}: {binding.id} has no tooltip"


@pytest.mark.parametrize("node", NODES, ids=lambda cls: cls.__name__)
def test_shared_actions_keep_their_one_id(node):
    for binding in node.__dict__["BINDINGS"]:
        assert binding.action != "app.pop_screen", f"{node.__name__}: Back must go through the page's guard"
        if binding.action in SHARED_ACTIONS:
            assert binding.id == SHARED_ACTIONS[binding.action], f"{node.__name__}: {binding.id}"
        if binding.id == RETRY_ID:
            assert binding.key == RETRY_KEY and binding.action == "reload"
        if binding.id == BACK_ID:
            assert binding.action == "back"
        assert binding.id not in OLD_IDS, f"{node.__name__}: {binding.id} is an old id"


def test_old_ids_become_the_shared_ones_with_a_warning(caplog):
    with caplog.at_level(logging.WARNING, logger="msa_tui"):
        keymap = upgrade_keymap({"profile.back": "f9", "messages.retry": "f6", "login.toggle_password": "f8"})
    assert keymap == {BACK_ID: "f9", RETRY_ID: "f6", "login.toggle_password": "f8"}
    assert "profile.back" in caplog.text and BACK_ID in caplog.text
    # Both given: the new id wins.
    assert upgrade_keymap({BACK_ID: "f2", "profile.back": "f9"}) == {BACK_ID: "f2"}


async def test_an_old_back_id_in_keymap_still_remaps_back(server_app):
    config = Config(server_url="http://testserver", keymap={"profile.back": "f9"})
    app = make_app(server_app, config=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await pilot.press("1")
        await wait_screen(pilot, "ProfileScreen")
        await pilot.press("f9")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "DashboardScreen")


def test_page_bindings_keeps_the_order_and_adds_the_shared_keys():
    from msa_tui.screens.bindings import page_bindings

    bindings = page_bindings(("n", "new", "Nouveau", "things.new", "Créer une chose"),
                             retry="Recharger vos choses", back="Revenir sans rien créer")
    assert [(b.key, b.action, b.id) for b in bindings if isinstance(b, Binding)] == [
        ("n", "new", "things.new"), (RETRY_KEY, "reload", RETRY_ID), ("escape", "back", BACK_ID)]
    assert [b.tooltip for b in bindings if isinstance(b, Binding)] == [
        "Créer une chose", "Recharger vos choses", "Revenir sans rien créer"]
    assert page_bindings() == []
