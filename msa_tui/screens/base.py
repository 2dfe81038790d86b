"""PageScreen: the base of every portal page (header, body, footer, the one way to call the server,
and the one error path for its workers)."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Container
from textual.screen import Screen
from textual.widgets import Button, Static
from textual.worker import Worker, WorkerState

from ..core.i18n import _
from ..widgets.footer import MsaFooter
from ..widgets.status import PortalHeader
from .bindings import back_binding
from ..widgets.safe import notify_plain

if TYPE_CHECKING:
    from ..api.client import MsaClient
    from ..app import MsaApp

T = TypeVar("T")
log = logging.getLogger(__name__)

UNEXPECTED = "Une erreur inattendue est survenue ; elle est notée dans le journal de msa-tui."


class CallAbandoned(Exception):
    """The server ended the session and the member gave up logging in again.

    The app is already logging out: callers let it propagate, and the page's worker
    handler drops it without a word (there is nothing left to tell on this page).
    """


class AlreadyShown(Exception):
    """A worker's failure is already on screen (e.g. a form's refusals under their fields): nothing more to say."""


class PageScreen(Screen):
    """A portal page: subclasses override `compose_body()`; `compose()` adds the shared chrome.

    `PAGE_TITLE` (French) is shown in the header beside the portal name; the page's stylesheet is
    `<module>.tcss` beside it when there is one (or `CSS_PATH`).
    """

    PAGE_TITLE: str = ""
    BINDINGS = [back_binding()]
    FAILURE_LINES: ClassVar[dict[str, str]] = {}
    """Worker group → the message line (a Static) where that worker's failure is told, e.g. a form's
    error line for its submit worker. Workers not listed fail into the LoadPanel or a notification."""
    BUTTON_ACTIONS: ClassVar[dict[str, str]] = {}
    """Button id → the action it runs, the one its key runs too, e.g. `{"reply-send": "send"}`
    (instead of a handler per button that calls `action_send`)."""
    BODY_CONTAINER: ClassVar[bool] = True
    """The page's widgets go in a `#body` container; False puts them on the screen itself, whose
    stylesheet then lays them out (one widget fewer: the login screen, whose first frame is timed)."""
    _styled_once = False
    """Set at the page's first resume (see `_on_screen_resume`)."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # A page's stylesheet is named after its module (appointments.py → appointments.tcss) unless the
        # class names its own; Textual reads CSS_PATH relative to the class's file.
        if "CSS_PATH" not in cls.__dict__:
            sheet = Path(inspect.getfile(cls)).with_suffix(".tcss")
            if sheet.exists():
                cls.CSS_PATH = sheet.name

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler (Screen._on_screen_resume). On the first resume, right after
        # the page was pushed, every widget of the page was styled as it mounted (its stylesheet was
        # already loaded); Textual would style the whole page again. Only the screen node itself was
        # styled before its stylesheet was read: that one is styled here. Later resumes (a page above
        # it closed, the theme may have changed meanwhile) restyle everything, as Textual does.
        if not self._styled_once:
            self._styled_once = True
            if event.refresh_styles:
                event.refresh_styles = False
                self.app.stylesheet.apply(self)

    def compose(self) -> ComposeResult:
        yield PortalHeader(_(self.PAGE_TITLE) if self.PAGE_TITLE else "")
        if self.BODY_CONTAINER:
            with Container(id="body"):
                yield from self.compose_body()
        else:
            yield from self.compose_body()
        yield MsaFooter()

    def compose_body(self) -> ComposeResult:
        """The page's own widgets (override)."""
        yield from ()

    def _is_first_page(self) -> bool:
        # The login screen or the dashboard sits right above Textual's default screen.
        stack = self.app.screen_stack
        return len(stack) <= 2 or stack[1] is self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self._is_first_page()
        return True

    def action_back(self) -> None:
        if not self._is_first_page() and self.app.screen is self:
            self.app.pop_screen()

    def button_action(self, button_id: str) -> str | None:
        """The action a button of this page runs (from `BUTTON_ACTIONS`), if any."""
        return self.BUTTON_ACTIONS.get(button_id)

    @on(Button.Pressed)
    async def _run_button_action(self, event: Button.Pressed) -> None:
        action = self.button_action(event.button.id or "")
        if action is not None:
            await self.run_action(action)

    # --- the app, typed -----------------------------------------------------------------

    @property
    def msa_app(self) -> MsaApp:
        """The running MsaApp (pages only ever run inside it)."""
        return cast("MsaApp", self.app)

    @property
    def api(self) -> MsaClient:
        """The session's client (created on first use)."""
        return self.msa_app.client

    # --- the one way to call the server --------------------------------------------------

    async def call(self, factory: Callable[[], Awaitable[T]], failed: str | None = None) -> T:
        """Run one API call with the shared failure handling; returns its result or raises.

        `factory` builds a fresh awaitable each time (it is called again to replay the call
        after a re-login). SessionExpired → re-login modal, then replay; `CallAbandoned` if
        the member gives up (the app logs out). ProcurationEnded (acting for someone who revoked
        the procuration) → back to the member's own space, `CallAbandoned`. NetworkDown / ServerUnavailable → the member
        is told in a notification, then the same error is raised, worded `failed` (what did
        not happen, in the caller's words) when given. Any other ApiError is raised as is.
        """
        from ..api.errors import NetworkDown, ProcurationEnded, ServerUnavailable, SessionExpired

        while True:
            try:
                return await factory()
            except ProcurationEnded as error:
                if self.msa_app.session.acting is None:
                    raise  # not acting yet (the procurations page tried to): that page says why
                # Acting for someone whose procuration was just revoked: told, and back to one's own space.
                self.msa_app.start_stop_acting(error.message)
                raise CallAbandoned() from None
            except SessionExpired:
                if not await self.msa_app.relogin():
                    raise CallAbandoned() from None
            except (NetworkDown, ServerUnavailable) as error:
                notify_plain(self, error.message, title=_("Service indisponible"), severity="error")
                if failed is None:
                    raise
                raise type(error)(failed, error.problem) from error

    # --- the one error path for workers --------------------------------------------------

    @on(Worker.StateChanged)
    def _worker_ended(self, event: Worker.StateChanged) -> None:
        """A worker of this page ended in error: say so in French, log bugs, keep the page usable.

        Every worker of a page runs with `exit_on_error=False` because this handler is here.
        """
        if event.state is not WorkerState.ERROR or event.worker.node is not self or not self.is_mounted:
            return  # not ours, or the page is already gone (logout, Échap): nobody to tell
        from ..api.errors import ApiError, NetworkDown, ServerUnavailable

        error = event.worker.error
        if isinstance(error, (CallAbandoned, AlreadyShown)):
            return
        if isinstance(error, ApiError):
            log.info("%s: worker %s refused: %s", type(self).__name__, event.worker.name, error.message)
            # `call` already notified an unreachable server; a page without a panel says no more.
            told = isinstance(error, (NetworkDown, ServerUnavailable))
            self.show_failure(error.message, event.worker, already_told=told)
            return
        log.error("%s: unexpected error in worker %s", type(self).__name__, event.worker.name,
                  exc_info=error)
        self.show_failure(_(UNEXPECTED), event.worker)

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        """Where a failed worker's French message goes: its line in `FAILURE_LINES`, else the page's
        LoadPanel (with Réessayer) when it has one, else a notification. Pages may override it."""
        # Imported here, not at the top: the login screen (the first frame, issue 12) never needs them.
        from ..widgets.form_field import show_line
        from ..widgets.load_panel import LoadPanel

        line = self.FAILURE_LINES.get(worker.group)
        if line is not None:
            show_line(self.query_one(line, Static), message, announce=True)
            return
        panels = self.query(LoadPanel)
        if panels:
            panels.first().failed(message)
            self.refresh_bindings()
        elif not already_told:
            notify_plain(self, message, title=_("Erreur"), severity="error")
