"""End to end: `msa-tui web --demo` in a real headless Chromium, a demo member logs in by keys.

The page draws the terminal with xterm.js on a canvas, so its text is not in the
DOM. A script injected before the page's own (through the DevTools protocol)
catches the xterm Terminal object as textual-serve's page stores it, and the
test reads the terminal's buffer: exactly the characters the browser shows.

Selenium drives Debian's chromium through the system chromedriver, given by path:
Selenium Manager is never asked for (SE_OFFLINE as well), nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.support.members import DEMO_NIR, DEMO_PASSWORD

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = "/usr/bin/chromedriver"
selenium = pytest.importorskip("selenium", reason="selenium is not installed (the test extra)")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(CHROMIUM is None or not Path(CHROMEDRIVER).exists(),
                       reason="chromium and chromium-driver are not installed"),
]

DEADLINE_S = 60.0
NIR, PASSWORD = DEMO_NIR, DEMO_PASSWORD

# Object.prototype gets a one-shot setter for "terminal": the page's `this.terminal = new
# Terminal(...)` lands in it; the value becomes the object's own property as usual, and the
# first one that looks like an xterm Terminal is kept on window for the test to read.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  get() { return undefined; },
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    if (value && typeof value === "object" && "buffer" in value && !window.__msaTerminal) {
      window.__msaTerminal = value;
    }
  },
});
"""
READ_SCREEN = """
const term = window.__msaTerminal;
if (!term) { return null; }
const buffer = term.buffer.active;
const lines = [];
for (let y = 0; y < term.rows; y++) {
  const line = buffer.getLine(buffer.viewportY + y);
  lines.push(line ? line.translateToString(true) : "");
}
return lines.join("\\n");
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + DEADLINE_S
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise AssertionError(f"msa-tui web exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"msa-tui web never listened on {port}")


@pytest.fixture
def web_app(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    env = {
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
    }
    (tmp_path / "home").mkdir()
    log = (tmp_path / "web.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "msa_tui", "web", "--demo", "--port", str(port)],
                            env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_listening(port, proc)
        yield f"http://127.0.0.1:{port}/"
    finally:
        # The whole group: the server and the app processes it started for the tabs.
        try:
            os.killpg(proc.pid, 15)
            proc.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(proc.pid, 9)
            proc.wait()
        log.close()


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    monkeypatch.setenv("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=fr-FR"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(DEADLINE_S)
    driver.set_script_timeout(10)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
    try:
        yield driver
    finally:
        driver.quit()


def wait_for_text(driver, *texts: str) -> str:
    end = time.monotonic() + DEADLINE_S
    screen = ""
    while time.monotonic() < end:
        screen = driver.execute_script(READ_SCREEN) or ""
        if all(text in screen for text in texts):
            return screen
        time.sleep(0.25)
    raise AssertionError(f"never saw {texts!r} in the browser; last screen:\n{screen}")


def wait_for_any(driver, *texts: str) -> str:
    end = time.monotonic() + DEADLINE_S
    screen = ""
    while time.monotonic() < end:
        screen = driver.execute_script(READ_SCREEN) or ""
        if any(text in screen for text in texts):
            return screen
        time.sleep(0.25)
    raise AssertionError(f"never saw any of {texts!r} in the browser; last screen:\n{screen}")


def test_demo_member_logs_in_from_the_browser(web_app: str, browser) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.get(web_app)
    screen = wait_for_text(browser, "Se connecter", "○ Déconnecté")
    assert "Pierre Martin" in screen  # the demo accounts panel
    # Keys go to whatever has the browser's focus, as a person's keyboard would: the
    # terminal's (xterm gives it to its hidden textarea).
    browser.execute_script("window.__msaTerminal.focus();")
    assert browser.switch_to.active_element == browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
    ActionChains(browser).send_keys(NIR).perform()
    wait_for_text(browser, NIR, "Numéro complet.")
    ActionChains(browser).send_keys(Keys.TAB).perform()
    ActionChains(browser).send_keys(PASSWORD[0]).perform()
    # Where the first letter went: the password field, or (focus did not move) the NIR field.
    wait_for_any(browser, "•", f"« {PASSWORD[0]} » refusé")
    ActionChains(browser).send_keys(PASSWORD[1:]).perform()
    wait_for_text(browser, "•" * len(PASSWORD))  # the password field, masked, holds every key
    ActionChains(browser).send_keys(Keys.ENTER).perform()
    screen = wait_for_text(browser, "● Connecté", "Pierre Martin")
    assert "Se connecter" not in screen
