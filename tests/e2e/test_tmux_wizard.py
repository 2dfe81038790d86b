"""Issue 9: the send-document wizard can be completed in tmux without Ctrl+arrows.

The real `msa-tui --demo` at 80x24, NO_COLOR, driven only by Alt+N / Alt+P (tmux "M-n" / "M-p") and
plain keys, from the login form to the receipt. tmux (like GNU screen or some SSH clients) may
swallow Ctrl+arrows; the Pilot tests send Textual's own key names, so only this one proves the
Alt keys survive a real terminal's escape sequences.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.support.images import png
from tests.support.members import PASSWORD, PIERRE
from tests.support.tmux import Tmux, app_command, isolated_env, wait_until

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]

CTRL_ARROWS = {"C-Right", "C-Left", "C-Up", "C-Down"}
MOTIF = "Changement d'adresse"


class Keys:
    """The pane, driven by keys that a terminal without Ctrl+arrows still delivers."""

    def __init__(self, tmux: Tmux) -> None:
        self.tmux = tmux

    def press(self, *keys: str) -> None:
        assert not CTRL_ARROWS & set(keys), f"this test must not use Ctrl+arrows: {keys}"
        self.tmux.keys(*keys)

    def type(self, text: str) -> None:
        self.tmux.keys(text, literal=True)

    def until(self, condition, what: str) -> str:
        """Waits (deadline) for `condition(screen)`; the last screen is in the failure."""
        screen = ""

        def holds() -> bool:
            nonlocal screen
            screen = self.tmux.screen()
            return bool(condition(screen))

        assert wait_until(holds), f"never saw {what}; last screen:\n{screen}"
        return screen

    def step(self, k: int, *texts: str) -> str:
        return self.tmux.wait_for(f"Étape {k}/7", *texts)


@pytest.fixture
def keys(tmp_path: Path):
    env = isolated_env(tmp_path)
    # The picker opens in ~/Documents: the one real file to attach waits there.
    documents = Path(env["HOME"]) / "Documents"
    documents.mkdir()
    (documents / "justificatif.png").write_bytes(png(1))
    tmux = Tmux()
    tmux.start(app_command(env, "--demo"), size=(80, 24))
    try:
        yield Keys(tmux)
    finally:
        tmux.kill_server()


def test_the_wizard_completes_with_alt_n_and_alt_p_only(keys: Keys):
    t = keys.tmux
    t.wait_for("Se connecter", "○ Déconnecté")
    keys.type(PIERRE)
    keys.press("Tab")
    keys.type(PASSWORD)
    keys.press("Enter")
    t.wait_for("● Connecté", "Pierre Martin", "C : Contact & échanges")

    # Contact & échanges, then E (Envoyer un document).
    keys.press("c")
    t.wait_for("Envoyer un document (E)")
    keys.press("e")

    # 1. The object: the radio set has the focus (its thick border), Enter picks the first one.
    keys.step(1, "┃ ( ) Prestations familiales")
    keys.press("Enter")
    t.wait_for("(•) Prestations familiales")
    keys.press("M-n")
    keys.step(2, "Objet : Prestations familiales", "Alt+P Préc.")
    # Alt+P goes back without losing the choice, Alt+N comes forward again.
    keys.press("M-p")
    keys.step(1, "(•) Prestations familiales")
    keys.press("M-n")
    keys.step(2, "d'autres documents")

    # 2. → 3. The count stays at one document.
    keys.press("M-n")
    keys.step(3, "De 1 à 5 documents.")
    keys.press("M-n")

    # 4. Nature (third option of the list: Down from the blank line twice), person, motif.
    keys.step(4, "┃  Nature du document")
    keys.press("Enter")
    t.wait_for("Bulletin de salaire")  # the list is open
    keys.press("Down", "Down", "Enter")
    keys.until(lambda s: "Justificatif de domicile" in s and "Bulletin de salaire" not in s,
               "the nature chosen and the list closed")
    keys.press("Tab", "Enter")
    t.wait_for("Anne Martin (conjoint·e)")
    keys.press("Down", "Enter")
    keys.until(lambda s: "Pierre Martin (vous-même)" in s and "Anne Martin" not in s,
               "the person chosen and the list closed")
    keys.press("Tab")
    keys.type(MOTIF)
    t.wait_for(MOTIF)
    keys.press("M-n")

    # 5. Files: the (focused) empty list, Tab to « Ajouter des fichiers », the picker in ~/Documents.
    keys.step(5, "┃ Aucun fichier.")
    keys.press("Tab", "Enter")
    t.wait_for("Fichiers du document 1", "[ ] justificatif.png")
    keys.press("Down")
    t.wait_for("› [ ] justificatif.png")
    keys.press("Space")
    t.wait_for("[x] justificatif.png")
    keys.press("C-a")
    keys.step(5, "1. justificatif.png", "1 fichier(s) ajouté(s) au document 1.")
    keys.press("M-n")

    # 6. The recap; the attestation (focused first) ticked with Space; Alt+N sends.
    keys.step(6, "Motif : " + MOTIF, "[ ] J'atteste", "Alt+N Envoyer")
    keys.press("Space")
    t.wait_for("[x] J'atteste")
    keys.press("M-n")

    # 7. On a loaded machine the send may outlast its deadline: the wizard says so and R retries it
    # (safe: the send carries its idempotency key), as a member would.
    retried = False

    def answered() -> bool:
        nonlocal retried
        screen = t.screen()
        lost = "Connexion perdue" in screen
        if lost and not retried:
            keys.press("r")
        retried = lost  # one R for each time the loss is shown
        return "Accusé de réception" in screen

    assert wait_until(answered), t.screen()
    # The receipt, with its reference; Alt+N (Terminer) closes the wizard.
    screen = keys.step(7, "Accusé de réception", "Alt+N Terminer")
    assert re.search(r"Référence : MSA-\d{4}-\d+", screen), screen
    keys.press("M-n")
    t.wait_for("Envoyer un document (E)", "Mes envois (V)")
