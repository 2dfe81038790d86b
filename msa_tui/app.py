"""MsaApp: page routing by registry name, the member's session, inactivity logout, global keys.

Heavy modules (the API client, httpx, pydantic, keyring) are imported on first use so
that the login screen paints fast.
"""

from __future__ import annotations

import asyncio
import contextvars
import importlib
import logging
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, cast

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.reactive import var
from textual.screen import Screen

from .core.i18n import _
from .core.text import clean_text
from .widgets.status import PORTAL_NAME
from .widgets.safe import notify_plain
from .widgets.typeahead import Settled, TypeAhead

if TYPE_CHECKING:
    import httpx
    from textual.timer import Timer

    from .api.client import MsaClient
    from .api.models import Me, Procuration
    from .core.config import Config
    from .core.credentials import CredentialStore
    from .core.kiosk import Kiosk
    from .core.session import Session

log = logging.getLogger(__name__)

PAINTED_ENV = "MSA_TUI_EXIT_AFTER_PAINT"
SERVICES_DELAY_S = 0.25
"""perf4: what starts after the first frame (the demo server's imports, the log file) waits this much
more: on a busy machine it would compete with the terminal still drawing that frame; nobody types a
NIR this fast, and the first API call waits for the demo server anyway."""
"""Benchmarks: when set to a file path, the app writes the wall time of its first paint there and exits."""


class _ContextCopyingExecutor(ThreadPoolExecutor):
    """The default thread pool, each job in a copy of the submitter's context (docs/benchmarks.md, « Memory »)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        return super().submit(contextvars.copy_context().run, fn, *args, **kwargs)


def _pages_provider() -> type:
    from .commands import PagesProvider

    return PagesProvider


class MsaApp(App[None]):
    """The terminal client of « Mon espace privé ».

    Public surface used by screens: `client`, `me`, `session`, `config`, `demo`, `credentials`,
    `open_page(name, **kwargs)`, `logout()`, `relogin()`, `logged_in(me, nir)`.
    The session's state and what of it is kept live in `session` (msa_tui.core.session).
    """

    TITLE = _(PORTAL_NAME)
    # The login screen is always the first one: its stylesheet is read with the app's, so that
    # pushing it does not re-parse every stylesheet before the first paint (LoginScreen keeps
    # its CSS_PATH; Textual sees the file is already loaded). Other screens' CSS loads with them.
    CSS_PATH = ["app.tcss", "screens/login.tcss"]
    COMMANDS = App.COMMANDS | {_pages_provider}
    BINDINGS = [
        Binding("f1", "help", _("Aide"), id="app.help", tooltip=_("Les touches de cet écran")),
        Binding(
            "ctrl+l", "logout", _("Déconnexion"), id="app.logout",
            tooltip=_("Se déconnecter et revenir à l'écran de connexion"),
        ),
        Binding(
            "ctrl+q", "quit", _("Quitter"), id="app.quit", priority=True,
            tooltip=_("Quitter msa-tui (après confirmation si vous êtes connecté)"),
        ),
        # Ctrl+Home: the browsers' "home page" is Alt+Home, which some terminals send as Escape
        # then Home; both are accepted. Priority: a table's own Ctrl+Home (top row) gives way.
        Binding(
            "ctrl+home,alt+home", "home", _("Accueil"), id="app.home", show=False, priority=True,
            tooltip=_("Revenir à « Mon espace privé » (ou à la connexion) depuis n'importe quelle page"),
        ),
        # Textual's own palette key, given an id and French words so that F1 lists it;
        # the footer leaves it out (widgets/footer.py) to keep room at 80 columns.
        Binding(
            "ctrl+p", "command_palette", _("Palette de commandes"), id="app.palette", show=False,
            priority=True, tooltip=_("Ouvrir une page ou lancer une commande par son nom"),
        ),
        # Procurations: offered only while acting for a principal (check_action).
        Binding(
            "f8", "stop_acting", _("Revenir à mon espace"), id="app.stop_acting", priority=True,
            tooltip=_("Cesser d'agir pour la personne qui vous a donné procuration"),
        ),
    ]

    me: var[Me | None] = var(None)
    """The member's profile while logged in; None means logged out. Widgets watch it;
    `session.me` follows it (watch_me)."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        server_url: str | None = None,
        transport: httpx.AsyncBaseTransport | Callable[[], httpx.AsyncBaseTransport] | None = None,
        demo: bool = False,
        demo_server: Any = None,
        credentials: CredentialStore | None = None,
        idle_clock: Callable[[], float] | None = None,
        client_kwargs: dict[str, Any] | None = None,
        setup_logs: bool = False,
        kiosk: Kiosk | None = None,
    ) -> None:
        from .colour_env import apply_colour_conventions, colour_off

        # Textual turns colour off when NO_COLOR exists at all: drop one that must not count
        # (empty, or FORCE_COLOR set). The NO_COLOR rules (focus by border shape and text
        # styles) are parsed only when they can apply.
        apply_colour_conventions()
        css_path = [*self.CSS_PATH, *(["nocolor.tcss"] if colour_off() else [])]
        super().__init__(css_path=css_path)
        from .core.config import Config
        from .core.idle import IdleTimer
        from .core.session import Session

        self.config: Config = config or Config()
        self.demo = demo
        self._demo_server = demo_server
        self._server_url = server_url or self.config.server_url
        self._transport = transport
        self._client_kwargs = client_kwargs or {}
        self._client: MsaClient | None = None
        self.session: Session = Session(
            credentials, stay_connected=bool(getattr(self.config, "stay_connected", False)),
            kiosk=bool(getattr(self.config, "kiosk", False)))
        if kiosk is None and getattr(self.config, "kiosk", False):
            from .core.kiosk import Kiosk, check_documents_dir

            kiosk = Kiosk(check_documents_dir(self.config.kiosk_documents_dir))
            kiosk.start()
        self.kiosk: Kiosk | None = kiosk
        """Kiosk mode (a shared desk): private downloads, drafts in memory; None otherwise."""
        self.idle = IdleTimer(
            self.config.idle_timeout_s, self.config.idle_warning_s,
            clock=idle_clock or time.monotonic,
        )
        self._idle_dialog: Screen[Any] | None = None
        self._type_ahead = TypeAhead(self, self._handle_key)
        self._idle_deadline: Timer | None = None
        self._relogin_future: asyncio.Future[bool] | None = None
        self._painted = False
        self._setup_logs = setup_logs

    # --- lazily built services ----------------------------------------------------

    @property
    def client(self) -> MsaClient:
        """The session's API client, built on first use (imports httpx and pydantic then)."""
        if self._client is None:
            from .api.client import MsaClient

            transport = self._transport
            if callable(transport):  # a factory: building the transport imports httpx
                transport = transport()
            self._client = MsaClient(
                self._server_url, transport=transport, on_tokens=self.session.tokens_changed,
                **self._client_kwargs,
            )
        return self._client

    # The session's parts under their old names (screens and tests use them).
    @property
    def credentials(self) -> CredentialStore:
        """Keyring access, built on first use (importing keyring is slow)."""
        return self.session.credentials

    @property
    def stay_connected(self) -> bool:
        return self.session.stay_connected

    @property
    def session_nir(self) -> str | None:
        return self.session.nir

    @property
    def constraints(self) -> Any:
        return self.session.constraints

    @constraints.setter
    def constraints(self, value: Any) -> None:
        self.session.constraints = value

    def watch_me(self, me: Me | None) -> None:
        # The profile page replaces `me` after an edit: the session holds the same one.
        # (Textual also calls this once from App.__init__, before ours has made the session.)
        if "session" in self.__dict__:
            self.session.me = me

    # --- lifecycle ----------------------------------------------------------------------

    def on_mount(self) -> None:
        keymap = getattr(self.config, "keymap", None)
        if keymap:
            from .screens.bindings import upgrade_keymap

            self.set_keymap(upgrade_keymap(keymap))
        from .themes import register_themes  # issue 9: the high-contrast theme

        register_themes(self)
        theme = getattr(self.config, "theme", None)
        if theme and theme != self.theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                notify_plain(self, _("Thème « {t} » inconnu : thème par défaut.").format(t=theme), severity="warning")
        # rss: Textual's thread workers set `active_worker` in the pool thread's own context, which
        # kept the last one (the login screen's keyring read, so that screen and its password field)
        # alive with the thread; each job now runs in a copy of its caller's context, as to_thread does.
        asyncio.get_running_loop().set_default_executor(_ContextCopyingExecutor(thread_name_prefix="asyncio"))
        # startup: pushed from the app's queue, once Textual's start-up batch is over. Pushed from here
        # directly, the login screen was laid out and rendered inside that batch, a frame Textual throws
        # away (no output while batching), then laid out and rendered again for the terminal.
        self.call_later(self.push_screen, self.make_page("login"))

    def first_screen_painted(self) -> None:
        """Called by the first screen once it is on show (benchmarks; the demo server starts then)."""
        if self._painted:
            return
        self._painted = True
        marker = os.environ.get(PAINTED_ENV)
        if marker:
            with open(marker, "w", encoding="utf-8") as handle:
                handle.write(repr(time.time()))
            self.exit()
            return
        self.after_first_frame(lambda: self.set_timer(SERVICES_DELAY_S, self._start_services))

    def _start_services(self) -> None:
        from .first_frame import release

        release()  # startup: what `msa-tui` held back until the login screen was on show (first_frame)
        if self._setup_logs:
            from .core.logs import setup_logging

            setup_logging()
            log.info("msa-tui started (demo=%s)", self.demo)
        if self._demo_server is not None:
            # The server's imports (FastAPI, uvicorn) start only once the login screen is on show.
            self._demo_server.start_background()

    def after_first_frame(self, callback: Callable[[], object], tries: int = 25) -> None:
        """Run `callback` once the frame on screen has reached the terminal.

        Textual hands its output to a writer thread: work started at once (imports on another
        thread, a slow import here) would hold the interpreter while that thread writes, and the
        person would see the screen later. So wait until its queue is empty, then one short tick.
        """
        writer = getattr(self._driver, "_writer_thread", None)
        queue = getattr(writer, "_queue", None)
        busy = queue is not None and queue.qsize() > 0
        if busy and tries > 0:
            self.set_timer(0.01, lambda: self.after_first_frame(callback, tries - 1))
        else:
            self.set_timer(0.01, callback)

    async def on_unmount(self) -> None:
        try:
            if self._client is not None:
                if self._client.logged_in and self.session.logout_on_exit:
                    await self._quiet_logout()
                await self._client.aclose()
        finally:
            if self.kiosk is not None:
                self.kiosk.close()

    async def on_event(self, event: events.Event) -> None:
        # Any key, click, scroll or paste counts as activity, except while the idle
        # warning is up: there only its own key keeps the session.
        if isinstance(event, (events.InputEvent, events.Paste)) and self._idle_dialog is None:
            self.idle.touch()
        if isinstance(event, events.Paste) and not event.is_forwarded:
            # Pasted text is outside text too: no escape sequence or bidi override into a field.
            event.text = clean_text(event.text, multiline=True)
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self._type_ahead.key(event)  # one key at a time, to the focus of that moment
            return
        await super().on_event(event)

    @property
    def about(self) -> str:
        """Version and server, for support (F1 and « À propos »); never the member's data."""
        from . import __version__

        server = self._server_url
        if self.demo:
            server = _("serveur de démonstration local")
        return _("msa-tui {version} — serveur : {server}").format(version=__version__, server=server)

    async def _handle_key(self, event: events.Key) -> None:
        await super().on_event(event)

    async def on_settled(self, message: Settled) -> None:
        await self._type_ahead.settled(message)

    # --- pages --------------------------------------------------------------------------

    def make_page(self, name: str, **kwargs: Any) -> Screen[Any]:
        """Build the screen registered under `name` (placeholder while not built yet)."""
        from .screens.registry import PAGES

        entry = PAGES[name]
        if entry.target is not None:
            module_name, _sep, class_name = entry.target.partition(":")
            try:
                cls = getattr(importlib.import_module(module_name), class_name)
            except (ImportError, AttributeError):
                # Pages are built in parallel: a missing one shows the placeholder, not a crash.
                log.warning("page %s not importable yet (%s)", name, entry.target, exc_info=True)
            else:
                return self._named(cls(**kwargs), name, kwargs)
        from .screens.placeholder import PlaceholderScreen

        return self._named(PlaceholderScreen(title=entry.title), name, kwargs)

    @staticmethod
    def _named(screen: Screen[Any], name: str, kwargs: dict[str, Any]) -> Screen[Any]:
        # Which page a screen is, so that `go_to` brings an open page forward instead of stacking it.
        screen._msa_page = (name, kwargs)  # type: ignore[attr-defined]
        return screen

    def page_allowed(self, name: str) -> bool:
        from .screens.registry import PAGES

        entry = PAGES[name]
        if self.me is None:
            return not entry.needs_login
        if self.session.acting is not None and not self.session.acting.allows_page(name):
            return False
        return entry.needs_login or name == "assistance"

    def _page_refused(self) -> None:
        acting = self.session.acting
        words = acting.page_refusal() if acting is not None else _("Connectez-vous pour accéder à cette page.")
        notify_plain(self, words, severity="warning")

    def open_page(self, name: str, **kwargs: Any) -> None:
        """Push the page registered under `name`; kwargs go to the screen's constructor."""
        if not self.page_allowed(name):
            self._page_refused()
            return
        self.push_screen(self.make_page(name, **kwargs))

    def go_to(self, name: str, **kwargs: Any) -> None:
        """Jump to a page (palette, home key): never a stack of pages to Escape through.

        The page already open (same name and arguments) comes forward, the pages above it
        closing; otherwise the pages above the first one (dashboard, or login when logged out)
        close and the page opens above it. One Escape then leads back to that first page.
        """
        if not self.page_allowed(name):
            self._page_refused()
            return
        stack = self.screen_stack
        keep = next((index for index, screen in enumerate(stack) if index >= 1
                     and getattr(screen, "_msa_page", None) == (name, kwargs)), None)
        if keep is None and len(stack) > 1 and getattr(stack[1], "_msa_page", (None,))[0] == name:
            keep = 1
        for _screen in range(len(stack) - 1 - (keep if keep is not None else 1)):
            self.pop_screen()
        if keep is None:
            self.push_screen(self.make_page(name, **kwargs))

    def action_home(self) -> None:
        """The home key: back to the first page (dashboard when logged in), closing the pages above."""
        stack = self.screen_stack
        for _screen in range(len(stack) - 2):
            self.pop_screen()

    # --- session ------------------------------------------------------------------------

    def logged_in(self, me: Me, nir: str, *, remember_nir: bool | None = None, resumed: bool = False) -> None:
        """Called by the login screen: the session starts on the dashboard.

        `remember_nir`: « Se souvenir de mon identifiant » as ticked (None: left as it was);
        `resumed`: with the tokens « Rester connecté » kept (see Session.start).
        """
        # rss: from the app's own loop, not inside the login worker's context: the dashboard's tasks
        # and timers would carry that context, so that worker (with the password it was given) and
        # the login screen would stay alive for the whole session.
        self.call_later(self._start_session, me, nir, remember_nir, resumed)

    def _start_session(self, me: Me, nir: str, remember_nir: bool | None, resumed: bool) -> None:
        if self.kiosk is not None:
            self.kiosk.member_arrived(me.id)
        self.session.start(me, nir, remember_nir=remember_nir, resumed=resumed)
        self.me = me
        self.idle.restart()
        self._arm_idle()
        self.switch_screen(self.make_page("dashboard"))

    async def _quiet_logout(self) -> None:
        from .api.errors import ApiError

        try:
            await self.client.logout()
        except ApiError:
            log.info("server logout failed; tokens forgotten locally")

    async def logout(self, notice: str | None = None, *, idle: bool = False) -> None:
        """End the session: revoke tokens, forget the member, back to a fresh login screen.

        Drafts stay on disk; nothing of the member stays on screen (shared terminals).
        Kiosk mode: the downloads are wiped; the drafts (in memory) stay only after an
        `idle` logout, for the same member's re-login.
        """
        if self._relogin_future is not None and not self._relogin_future.done():
            self._relogin_future.set_result(False)
        if self._client is not None:
            await self._quiet_logout()
        self.session.end()
        self.me = None
        self._idle_dialog = None
        while len(self.screen_stack) > 1:
            await self.pop_screen()  # pages keep what was typed as a draft when they unmount
        if self.kiosk is not None:
            self.kiosk.member_left(idle=idle)
        await self.push_screen(self.make_page("login", notice=notice))

    def start_logout(self, notice: str | None = None, *, idle: bool = False) -> None:
        """Log out from an app-level worker, so that it outlives the screen that asked."""
        self.run_worker(self.logout(notice, idle=idle), group="session", exclusive=True)

    async def relogin(self) -> bool:
        """The server ended the session: ask for the password again (re-login modal).

        True once logged in again (the caller replays its call); False when the member
        gave up, in which case the app logs out.
        """
        if self._relogin_future is not None and not self._relogin_future.done():
            return await asyncio.shield(self._relogin_future)
        if self.session_nir is None:
            return False
        from .screens.dialogs import ReloginDialog

        dialog = ReloginDialog(self.session_nir)
        self._relogin_future = dialog.answer
        self.push_screen(dialog)
        ok = await asyncio.shield(dialog.answer)
        if ok:
            self.idle.restart()
            self._arm_idle()
            if self.session.acting is not None:  # logged in again as themselves: their own space
                self.start_stop_acting()
        else:
            self.start_logout(_("Votre session a expiré. Veuillez vous reconnecter."))
        return ok

    # --- acting for a principal (procurations) ---------------------------------------------

    async def act_for(self, procuration: Procuration) -> None:
        """Into the principal's space: a delegated session, their profile and their dashboard.

        Raises the client's ApiError when refused (the procurations page says why)."""
        from .api.errors import ApiError
        from .core.procurations import start_acting

        own = self.me
        if own is None:
            return
        await self.client.act_for(procuration.id)
        try:
            principal = await self.client.me()
        except ApiError:
            await self.client.stop_acting()
            raise
        self.session.start_acting(start_acting(procuration, own), principal)
        self.me = principal
        self.run_worker(self._fresh_dashboard(), group="space", exclusive=True)

    async def stop_acting(self, notice: str | None = None) -> None:
        """Back to the member's own space (F8, the palette, or a procuration revoked: `notice` says why)."""
        acting = self.session.acting
        await self.client.stop_acting()
        own = self.session.stop_acting()
        if acting is None or own is None:
            return
        self.me = own
        told = notice or _("Vous n'agissez plus pour {name} : retour à votre espace.").format(
            name=acting.principal_name)
        notify_plain(self, told, severity="warning" if notice else "information", timeout=12)
        await self._fresh_dashboard()

    @work(group="space", exclusive=True)
    async def start_stop_acting(self, notice: str | None = None) -> None:
        """`stop_acting` in an app-level worker: it outlives the page that asked (which it closes). As a
        `work` method the coroutine is made when the worker runs: one replaced before then leaves none."""
        await self.stop_acting(notice)

    def action_stop_acting(self) -> None:
        self.start_stop_acting()

    async def _fresh_dashboard(self) -> None:
        """The pages above the first close (keeping what was typed as drafts); a new dashboard loads."""
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(self.make_page("dashboard"))

    def _arm_idle(self) -> None:
        """One timer at the next moment the idle state may change (warning, then expiry); no polling.

        Activity only moves the idle clock's last-activity time: when the timer fires early
        because of it, `check_inactivity` finds the session still active and arms it again.
        """
        if self._idle_deadline is not None:
            self._idle_deadline.stop()
            self._idle_deadline = None
        delay = self.idle.next_change_in()
        if self.me is None or delay is None:
            return
        # A floor so that a deadline reached a hair early never turns into a busy loop.
        self._idle_deadline = self.set_timer(max(delay, 0.05), self.check_inactivity, name="idle-deadline")

    def check_inactivity(self) -> None:
        """At the idle deadline: warn before the inactivity logout, then log out.

        (Not `check_idle`: that name is Textual's MessagePump hook that wakes the queue for
        `call_next`; overriding it left every `set_timer` callback waiting for the next key.)"""
        if self.me is None:
            return
        from .core.idle import IdleState

        state = self.idle.state()
        if state is IdleState.EXPIRED:
            minutes = max(1, round(self.config.idle_timeout_s / 60))
            self.start_logout(
                _("Vous avez été déconnecté après {n} min d'inactivité.").format(n=minutes), idle=True
            )
        elif state is IdleState.WARNING and self._idle_dialog is None:
            from .screens.dialogs import IdleWarningDialog

            self._idle_dialog = IdleWarningDialog(self.idle)
            self.push_screen(self._idle_dialog, self._idle_dialog_closed)
        if state is not IdleState.EXPIRED:
            self._arm_idle()

    def _idle_dialog_closed(self, _result: object) -> None:
        self._idle_dialog = None
        self._arm_idle()

    # --- actions ----------------------------------------------------------------------

    def get_system_commands(self, screen: Screen[Any]) -> Any:
        """Textual's own palette entries, in French (and only those that make sense here)."""
        from textual.app import SystemCommand

        yield SystemCommand(_("Aide"), _("Les touches de l'écran en cours (F1)"), self.action_help)
        if self.session.acting is not None:  # procurations: the way back, by name
            yield SystemCommand(_("Revenir à mon espace"), _("Cesser d'agir pour {name} (F8)").format(
                name=self.session.acting.principal_name), self.action_stop_acting)
        if not self.no_color:  # without colour every theme looks the same
            yield SystemCommand(_("Changer de thème"), _("Choisir les couleurs de l'interface"),
                                self.action_change_theme)
        yield SystemCommand(_("Quitter"), _("Quitter msa-tui (Ctrl+Q)"), self.action_quit)

    def action_command_palette(self) -> None:
        """Textual's palette, with a French prompt (its own reads "Search for commands…")."""
        from .commands import MsaCommandPalette

        # is_open takes an App[object] and App is invariant: any app will do, ours returns None.
        if self.use_command_palette and not MsaCommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(MsaCommandPalette(
                placeholder=_("Rechercher une page ou une commande…"), id="--command-palette"))

    def action_change_theme(self) -> None:
        """Textual's theme list, in French, where the theme chosen is saved (issue 9)."""
        from .commands import MsaCommandPalette
        from .themes import ThemeChoices

        self.push_screen(MsaCommandPalette(providers=[ThemeChoices], placeholder=_("Rechercher un thème…")))

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "logout":
            return self.me is not None
        if action == "stop_acting":
            return self.session.acting is not None
        if action == "home":
            # A dialog waits for its answer (re-login, idle warning, "abandon?"): Escape it first.
            # None (not False): disabled but still listed by F1, which is itself a dialog.
            from textual.screen import ModalScreen

            return None if isinstance(self.screen, ModalScreen) or len(self.screen_stack) <= 2 else True
        return True

    def action_logout(self) -> None:
        if self.me is None:
            return
        from .screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.start_logout(_("Vous êtes déconnecté."))

        self.push_screen(
            ConfirmDialog(_("Se déconnecter ?"), _("Se déconnecter"), id="confirm-logout"), answered
        )

    async def action_quit(self) -> None:
        if self.me is None:
            self.exit()
            return
        if self.kiosk is not None:  # a shared desk is left only from the login screen
            self.action_logout()
            return
        from .screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self.exit()

        self.push_screen(
            ConfirmDialog(
                _("Quitter msa-tui ?") if self.stay_connected
                else _("Quitter msa-tui ? Vous serez déconnecté."),
                _("Quitter"), id="confirm-quit",
            ),
            answered,
        )
