"""The page base that renders any business wizard (counter_app.workflows.kernel.Wizard).

Left, the list of steps (done ✓, current ▶, to do, changed since ✗); right, one screen per
step with its errors beside the fields; at the bottom 放弃 / what the system is doing /
上一步 / 下一步. Keyboard-first: PgDn or Ctrl+Enter goes on, PgUp goes back, Enter on a
focused button presses it, each screen adds its own function keys.

Rules this base enforces so no business has to remember them:
- widgets are touched only on the UI thread; a screen hands over plain values (``values()``)
  and the wizard call runs on the page's one worker (one call at a time, in order);
- while work for the current record runs the page is busy: navigation, new and discard are
  refused, and a result that arrives for a record no longer on screen is dropped;
- the navigation buttons keep their places (a hidden one keeps its space) and take a
  double-click as one click, so its second half never presses what the next step shows;
- what is typed but not confirmed is saved every few seconds (autosave);
- screens are built one at a time while the teller works on the first step, so opening
  a business is quick and no step's first visit waits for its screen.
"""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable, Mapping
from functools import partial
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.errors import CounterError, ValidationError
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named, shortcut
from counter_app.ui.widgets import PAGE_STYLE, Banner, BusyIndicator, FormGrid
from counter_app.workflows.kernel import StepInvalid, StepState, Wizard

log = logging.getLogger(__name__)

W = TypeVar("W", bound=Wizard[Any])

AUTOSAVE_MS = 3000
# the todo mark is a blank as wide as a CJK mark (chr: a blank is not a text to translate)
STEP_MARKS = {"done": "✓", "current": "▶", "todo": chr(0x3000), "error": "✗"}
STEP_COLOURS = {"done": "#1f6f43", "current": "#0b4f8a", "todo": "#9aa5b1", "error": "#c0392b"}
INTERNAL_ERROR_ZH = tr("系统内部错误，操作未完成。已录入的内容已保存，请重试；"
                     "如反复出现，请联系网点技术支持。")


def message_of(error: BaseException) -> str:
    if isinstance(error, CounterError):
        return tr(error.message_zh)
    return INTERNAL_ERROR_ZH


class NavButton(QPushButton):
    """A button whose double-click is one click: the second press of a double-click arrives
    after the step changed, and must not press what is there now."""

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()


def keep_place(widget: QWidget) -> None:
    """A hidden widget keeps its space, so its neighbours never move under the pointer."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)


class StepScreen(QWidget, Generic[W]):
    """One step's screen. Fills itself from the wizard (``load``, UI thread, reading the
    immutable record), hands back what was typed (``values``), shows errors beside fields."""

    key: str = ""
    title_zh: str = ""
    lead: str = ""

    def __init__(self, page: WizardPage[W]) -> None:
        super().__init__()
        self.setObjectName("StepView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.page = page
        self.root = QVBoxLayout(self)
        self.root.setContentsMargins(28, 20, 28, 16)
        self.root.setSpacing(12)
        self.title = named(QLabel(tr(self.title_zh)), "StepTitle")
        self.root.addWidget(self.title)
        if self.lead:
            self.root.addWidget(named(QLabel(self.lead, wordWrap=True), "StepLead"))
        self.grid: FormGrid | None = None

    @property
    def wf(self) -> W:
        wizard = self.page.wizard
        assert wizard is not None, "a screen is shown only with a wizard"
        return wizard

    def load(self) -> None:
        """Fill the widgets from the wizard's record."""

    def values(self) -> dict[str, str]:
        """What was typed, read on the UI thread and handed to the wizard as plain strings."""
        return {}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        if self.grid is not None:
            self.grid.show_errors(dict(errors))

    def entered(self) -> None:
        """The step became current (after ``load``)."""

    def prepare(self) -> None:
        """Built ahead while the teller works on an earlier step: load what the first visit
        would otherwise wait for (nothing that the teller would notice, e.g. no camera light)."""

    def first_focus(self) -> QWidget | None:
        return None

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        """Keys this step answers to (the page dispatches them to the current step)."""
        return {}


class StepSidebar(QFrame):
    """The business's title, the person served, and its steps (done ✓, current ▶, to do,
    changed since ✗); a click on a done step asks to go back there."""

    sig_clicked = Signal(str)  # step key

    def __init__(self, title_zh: str) -> None:
        super().__init__()
        self.setStyleSheet("background: white;")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 12, 0, 0)
        heading = named(QLabel(tr(title_zh)), "SideTitle")
        heading.setStyleSheet("font-size: 16px; font-weight: bold; padding: 4px 14px;")
        lay.addWidget(heading)
        self.who = named(QLabel("", wordWrap=True), "Hint")
        self.who.setStyleSheet("padding: 0 14px 8px 14px;")
        lay.addWidget(self.who)
        self.steps = named(QListWidget(), "StepList")
        self.steps.setFixedWidth(200)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.itemClicked.connect(
            lambda item: self.sig_clicked.emit(str(item.data(Qt.ItemDataRole.UserRole))))
        lay.addWidget(self.steps, 1)

    def show_steps(self, states: list[StepState], who: str) -> None:
        self.steps.clear()
        for index, s in enumerate(states, start=1):
            item = QListWidgetItem(f"{STEP_MARKS[s.state]}  {index}. {tr(s.title_zh)}")
            item.setData(Qt.ItemDataRole.UserRole, s.key)
            item.setForeground(QColor(STEP_COLOURS[s.state]))
            if s.state == "todo":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            if s.state == "error":
                item.setToolTip(tr("该步骤的内容需要修改"))
            self.steps.addItem(item)
            if s.state == "current":
                self.steps.setCurrentItem(item)
        self.who.setText(who)

    def clear(self) -> None:
        self.steps.clear()
        self.who.setText("")


class WizardPage(QWidget, Generic[W]):
    """Renders one wizard at a time; subclasses add the business's own actions."""

    sig_waited = Signal(str, float)  # what the teller waited for, seconds
    sig_completed = Signal(object)  # a wizard that reached its last step (branch statistics)

    title_zh = ""
    screens: ClassVar[Mapping[str, Callable[[Any], StepScreen[Any]]]] = {}
    autosaved_steps: frozenset[str] = frozenset()
    global_keys: tuple[str, ...] = ()
    # steps where 上一步 / 下一步 do not apply (the first step; steps left by their own button)
    no_back: frozenset[str] = frozenset()
    no_next: frozenset[str] = frozenset()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApplicationPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PAGE_STYLE)
        self.ops = Ops(self, max_threads=1)  # the wizard is used by one thread at a time
        self.wizard: W | None = None
        self.generation = 0  # bumps whenever another record comes on screen
        self.busy = False
        self.built: dict[str, StepScreen[W]] = {}
        self.scrolls: dict[str, QScrollArea] = {}
        self._autosaved: tuple[int, str, dict[str, str]] | None = None
        self._completed: weakref.WeakSet[Any] = weakref.WeakSet()

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.side = StepSidebar(self.title_zh)
        self.side.sig_clicked.connect(self._step_clicked)
        self.step_list, self.who = self.side.steps, self.side.who
        root.addWidget(self.side)
        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        self.banner = Banner(self, "Page")
        holder = QVBoxLayout()
        holder.setContentsMargins(28, 14, 28, 0)
        holder.addWidget(self.banner)
        main.addLayout(holder)
        self.stack = QStackedWidget()
        main.addWidget(self.stack, 1)
        main.addWidget(self._nav())
        root.addLayout(main, 1)

        # what is typed but not yet confirmed with 下一步 is saved every few seconds, so an
        # idle lock followed by a crash or a power cut loses nothing either
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self.ahead_timer = QTimer(self)  # owned, so it dies with the page
        self.ahead_timer.setSingleShot(True)
        self.ahead_timer.setInterval(0)
        self.ahead_timer.timeout.connect(self._build_ahead)
        for key, action in (("PgDown", self.go_next), ("Ctrl+Return", self.go_next),
                            ("Ctrl+Enter", self.go_next), ("PgUp", self.go_back)):
            shortcut(key, self, action)
        for key in self.global_keys:
            shortcut(key, self, partial(self.step_key, key))

    def _nav(self) -> QFrame:
        nav = named(QFrame(), "NavBar")
        lay = QHBoxLayout(nav)
        lay.setContentsMargins(20, 10, 20, 10)
        self.discard_button = NavButton(tr("放弃本笔"))
        self.discard_button.setObjectName("DiscardButton")
        self.discard_button.clicked.connect(self.discard)
        lay.addWidget(self.discard_button)
        self.busy_indicator = BusyIndicator(self)
        keep_place(self.busy_indicator)
        lay.addWidget(self.busy_indicator, 1)
        self.back_button = NavButton(tr("上一步 (PgUp)"))
        self.back_button.setObjectName("BackButton")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = NavButton(tr("下一步 (PgDn)"))
        self.next_button.setObjectName("Primary")
        self.next_button.setMinimumWidth(160)
        self.next_button.clicked.connect(self.go_next)
        for button in (self.discard_button, self.back_button, self.next_button):
            keep_place(button)
        lay.addWidget(self.back_button)
        lay.addWidget(self.next_button)
        return nav

    # -- background work ------------------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_ok: Callable[[Any], None] | None = None,
            on_fail: Callable[[BaseException], None] | None = None, *, busy: str = tr("处理中…")) -> None:
        """Run a wizard call off the UI thread; the page is busy (navigation off) meanwhile.
        The result is delivered only if the same record is still on screen."""
        self._set_busy(busy)
        started = time.perf_counter()
        generation = self.generation
        wizard = self.wizard
        if wizard is not None:
            wizard.touch()

        def finish() -> bool:
            waited = time.perf_counter() - started
            self.sig_waited.emit(busy, waited)
            self._set_busy(None)
            if wizard is not None:
                wizard.waited(waited)
                if wizard.finished_at is not None and wizard not in self._completed:
                    self._completed.add(wizard)  # reported once, whatever is run after
                    self.sig_completed.emit(wizard)
            if generation != self.generation:
                log.info("result for a record no longer on screen dropped (%s)", busy)
                return False
            return True

        def ok(result: Any) -> None:
            if finish() and on_ok is not None:
                on_ok(result)

        def fail(error: BaseException) -> None:
            if not isinstance(error, CounterError):
                log.error("%s failed: %s", self.title_zh or "step", type(error).__name__)
            if not finish():
                return
            if on_fail is not None:
                on_fail(error)
            else:
                self.banner.show_message(message_of(error), "bad")

        self.ops.run(fn, ok, fail)

    def _set_busy(self, text: str | None) -> None:
        self.busy = text is not None
        if text is None:
            self.busy_indicator.stop()
        else:
            self.busy_indicator.start(text)
        for b in (self.next_button, self.back_button, self.discard_button):
            b.setEnabled(not self.busy)
        if not self.busy:
            self.update_nav()

    def show_wizard(self, wizard: W | None) -> None:
        """Put another record on screen (results for the previous one are dropped)."""
        self.generation += 1
        self.wizard = wizard
        self._autosaved = None
        for screen in self.built.values():
            screen.show_errors({})

    # -- screens ----------------------------------------------------------------------------------
    def step_screen(self, key: str) -> StepScreen[W]:
        """The screen of a step, built the first time it is needed."""
        if key not in self.built:
            screen = self.screens[key](self)
            self.built[key] = screen
            self.screen_built(screen)
            scroll = named(QScrollArea(), "StepScroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(screen)
            self.stack.addWidget(scroll)
            self.scrolls[key] = scroll
        return self.built[key]

    def screen_built(self, screen: StepScreen[W]) -> None:
        """A hook for the business: connect a new screen's signals."""

    def current_screen(self) -> StepScreen[W] | None:
        wizard = self.wizard
        if wizard is None or self.stack.currentWidget() is not self.scrolls.get(wizard.current):
            return None
        return self.built[wizard.current]

    def show_step(self) -> None:
        wizard = self.wizard
        if wizard is None:
            return
        screen = self.step_screen(wizard.current)
        self.render_side()
        self.stack.setCurrentWidget(self.scrolls[wizard.current])
        screen.load()
        self.after_load(screen)
        self.update_nav()
        screen.entered()
        focus = screen.first_focus()
        if focus is not None:
            focus.setFocus()
        self.ahead_timer.start()

    def _build_ahead(self) -> None:
        """Build one screen not shown yet, then yield to the event loop and do the next: the
        first visit of each step then costs the teller nothing."""
        missing = [key for key in self.screens if key not in self.built]
        if missing and self.wizard is not None:
            self.step_screen(missing[0]).prepare()
            if len(missing) > 1:
                self.ahead_timer.start()

    def after_load(self, screen: StepScreen[W]) -> None:
        """A hook for the business: e.g. show a central refusal beside its field."""

    def who_text(self) -> str:
        """The person being served, for the side bar."""
        return ""

    def render_side(self) -> None:
        if self.wizard is not None:
            self.side.show_steps(self.wizard.step_states(), self.who_text())

    def after_change(self) -> None:
        """Something in the current step changed (a card read, a check done)."""
        self.render_side()
        self.update_nav()

    def update_nav(self) -> None:
        wizard, on_step = self.wizard, self.current_screen() is not None
        key = wizard.current if wizard is not None else ""
        self.back_button.setVisible(on_step and key not in self.no_back)
        self.next_button.setVisible(on_step and key not in self.no_next)
        self.discard_button.setVisible(on_step and self.can_discard())
        if on_step and wizard is not None and not self.busy:
            self.next_button.setEnabled(self.next_allowed())

    def can_discard(self) -> bool:
        return True

    def discard(self) -> None:
        """放弃本笔: the business drops its record."""
        raise NotImplementedError

    def next_allowed(self) -> bool:
        return True

    # -- keys ---------------------------------------------------------------------------------------
    def step_key(self, key: str) -> None:
        screen = self.current_screen()
        action = screen.shortcuts().get(key) if screen is not None else None
        if action is not None and not self.busy:
            action()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on a focused button presses it (Qt does this only inside dialogs)
        focused = self.focusWidget()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and isinstance(focused, QAbstractButton) and focused.isEnabled()
                and self.isAncestorOf(focused)):
            focused.click()
            return
        super().keyPressEvent(event)

    # -- navigation ---------------------------------------------------------------------------------
    def _commit_then(self, work: Callable[[W], Any], busy: str,
                     on_fail: Callable[[BaseException], None] | None = None) -> None:
        wizard, screen = self.wizard, self.current_screen()
        if wizard is None or screen is None or self.busy:
            return
        key, values = wizard.current, screen.values()

        def job() -> Any:
            wizard.apply(key, values)  # kept as typed, even when not yet valid
            return work(wizard)

        self.banner.clear()
        self.run(job, lambda _r: self.show_step(), on_fail, busy=busy)

    def go_next(self) -> None:
        wizard, screen = self.wizard, self.current_screen()
        if wizard is None or screen is None or self.busy or wizard.current in self.no_next:
            return
        gate = getattr(self.window(), "version_banner", None)  # the main window's, if any
        refusal = gate.refusal(self) if gate is not None and not wizard.history else None
        if refusal:  # below the minimum version: a new case goes no further (docs/updates.md)
            self.banner.show_message(refusal, "bad")
            return

        def failed(error: BaseException) -> None:
            if isinstance(error, StepInvalid):
                screen.show_errors(tr_values(error.errors))
                self.render_side()
            elif isinstance(error, ValidationError):  # e.g. a mistyped ID number
                screen.show_errors({error.field: tr(error.message_zh)})
            else:
                self.banner.show_message(message_of(error), "bad")

        self._commit_then(lambda w: w.next(), tr("正在检查并保存…"), failed)

    def go_back(self) -> None:
        wizard = self.wizard
        if wizard is None or wizard.current in self.no_back:
            return
        self._commit_then(lambda w: w.back(), tr("正在保存…"))

    def _step_clicked(self, target: str) -> None:
        self._commit_then(lambda w: w.goto(target), tr("正在保存…"))

    def open(self) -> None:
        """Chosen in the menu (every time); a business starts or resumes its work here."""

    def autosave(self) -> None:
        """Save what is typed in the current step (no validation, no waiting)."""
        wizard, screen = self.wizard, self.current_screen()
        if wizard is None or screen is None or self.busy or wizard.current not in self.autosaved_steps:
            return
        key, values = wizard.current, screen.values()
        if self._autosaved == (self.generation, key, values):
            return
        self._autosaved = (self.generation, key, values)
        self.ops.run(lambda: wizard.apply(key, values), None,
                     lambda e: log.warning("autosave failed: %s", type(e).__name__))

    def close_page(self) -> None:
        self.autosave_timer.stop()
        self.ahead_timer.stop()
        self.ops.shutdown(5000)

    def closeEvent(self, event: Any) -> None:
        self.close_page()
        super().closeEvent(event)

