"""The application business in the main window's work area.

Left, the visible list of steps (done ✓, current, to do); right, one screen per step with
its errors beside the fields; at the bottom, 上一步 / 下一步 and what the system is doing.
Keyboard-first: Enter moves through the fields, PgDn / Ctrl+Enter goes on, PgUp goes back,
each step has its own function keys (shown on its buttons).

The page hosts a :class:`ApplicationWorkflow` and renders its current step. All workflow
calls run through a one-thread :class:`Ops` (off the UI thread, one at a time, so the
workflow is never touched by two threads); the page records how long each one made the
teller wait (``waits``), which the tour and the benchmark report.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from counter_app.central.errors import CentralRefusal
from counter_app.devices.photo import FrameSource
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.store.applications import DraftSummary
from counter_app.ui.application.documents import DocumentPreview, document_printer, paint_pdf
from counter_app.ui.application.photo import PhotoView
from counter_app.ui.application.steps import (
    ApplicantView,
    DeliveryView,
    DoneView,
    EligibilityView,
    GuardianView,
    IdentifyView,
    ImportDialogs,
    MaterialsView,
    ReviewView,
    StepView,
)
from counter_app.ui.application.widgets import PAGE_STYLE, Banner
from counter_app.ui.ops import Ops
from counter_app.workflows.application import (
    ApplicationContext,
    ApplicationWorkflow,
    Documents,
    Step,
    StepInvalid,
    warm_up,
)

log = logging.getLogger(__name__)

GLOBAL_KEYS = ("F2", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "Ctrl+A", "Ctrl+N",
               "Alt+1", "Alt+2")
AUTOSAVE_MS = 3000
AUTOSAVED = (Step.MATERIALS, Step.APPLICANT, Step.GUARDIAN, Step.DELIVERY)
DISCARD_REASONS = ("申请人放弃办理", "材料不全，改日再办", "录入有误，重新办理", "其他原因")


def message_of(error: BaseException) -> str:
    if isinstance(error, CounterError):
        return error.message_zh
    return "系统内部错误，操作未完成。已录入的内容已保存，请重试；如反复出现，请联系网点技术支持。"


class DraftsView(QWidget):
    """Unfinished applications of this teller, offered again (after a crash, a lock, a restart)."""

    sig_resume = Signal(str)
    sig_discard = Signal(str)
    sig_new = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("StepView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 20, 28, 16)
        lay.addWidget(QLabel("未完成的申领", objectName="StepTitle"))
        lay.addWidget(QLabel("以下申领尚未提交，已录入的内容均已保存。请选择继续办理，或放弃后新建。",
                             objectName="StepLead", wordWrap=True))
        self.list = QListWidget(objectName="DraftList")
        self.list.setStyleSheet("QListWidget { font-size: 15px; background: white; }"
                                "QListWidget::item { padding: 10px; }")
        self.list.itemActivated.connect(lambda item: self.sig_resume.emit(item.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.resume_button = QPushButton("继续办理 (Enter)", objectName="Primary")
        self.resume_button.clicked.connect(self._resume)
        self.discard_button = QPushButton("放弃所选")
        self.discard_button.clicked.connect(self._discard)
        self.new_button = QPushButton("新建申领 (Ctrl+N)")
        self.new_button.clicked.connect(self.sig_new.emit)
        for b in (self.resume_button, self.discard_button, self.new_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def show_drafts(self, drafts: list[DraftSummary]) -> None:
        self.list.clear()
        for d in drafts:
            local = d.updated_at.replace(tzinfo=dt.UTC).astimezone(CHINA_TIME)
            item = QListWidgetItem(f"{d.label}　　最后保存于 {local:%m-%d %H:%M}")
            item.setData(Qt.ItemDataRole.UserRole, d.draft_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setFocus()

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _resume(self) -> None:
        if (draft := self._selected()) is not None:
            self.sig_resume.emit(draft)

    def _discard(self) -> None:
        if (draft := self._selected()) is not None:
            self.sig_discard.emit(draft)


class ApplicationPage(QWidget):
    sig_route = Signal(str)  # a catalog business key: the person must be served there
    sig_waited = Signal(str, float)  # what the teller waited for, seconds
    sig_accepted = Signal()  # an application was accepted (the outbox may have grown)

    def __init__(self, ctx: ApplicationContext, camera_factory: Callable[[], FrameSource], *,
                 printer_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ApplicationPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(PAGE_STYLE)
        self.ctx = ctx
        self.printer_name = printer_name
        self.ops = Ops(self, max_threads=1)  # the workflow is used by one thread at a time
        self.wf: ApplicationWorkflow | None = None
        self.docs: Documents | None = None
        self.busy = False
        self.waits: list[tuple[str, float]] = []
        self.saved_paths: list[Path] = []

        root = QHBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        side = QFrame()
        side.setStyleSheet("background: white;")
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 12, 0, 0)
        heading = QLabel("社保卡申领", objectName="SideTitle")
        heading.setStyleSheet("font-size: 16px; font-weight: bold; padding: 4px 14px;")
        side_lay.addWidget(heading)
        self.who = QLabel("", objectName="Hint")
        self.who.setStyleSheet("padding: 0 14px 8px 14px;")
        side_lay.addWidget(self.who)
        self.step_list = QListWidget(objectName="StepList")
        self.step_list.setFixedWidth(200)
        self.step_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.step_list.itemClicked.connect(self._step_clicked)
        side_lay.addWidget(self.step_list, 1)
        root.addWidget(side)

        main = QVBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        self.banner = Banner(self, "Page")
        banner_holder = QVBoxLayout()
        banner_holder.setContentsMargins(28, 14, 28, 0)
        banner_holder.addWidget(self.banner)
        main.addLayout(banner_holder)
        self.stack = QStackedWidget()
        self.drafts = DraftsView()
        self.drafts.sig_resume.connect(self.resume)
        self.drafts.sig_discard.connect(self._discard_draft)
        self.drafts.sig_new.connect(self.new_application)
        self.stack.addWidget(self.drafts)
        self.views: dict[Step, StepView] = {}
        self.scrolls: dict[Step, QScrollArea] = {}
        photo = PhotoView(self, camera_factory)
        for view in (IdentifyView(self), EligibilityView(self), MaterialsView(self),
                     ApplicantView(self), GuardianView(self), DeliveryView(self), photo,
                     ReviewView(self), DoneView(self)):
            self.views[view.step] = view
            scroll = QScrollArea(objectName="StepScroll")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(view)
            self.stack.addWidget(scroll)
            self.scrolls[view.step] = scroll
        self.photo_view = photo
        eligibility = self.views[Step.ELIGIBILITY]
        assert isinstance(eligibility, EligibilityView)
        eligibility.sig_route.connect(self.sig_route.emit)
        done = self.views[Step.DONE]
        assert isinstance(done, DoneView)
        done.sig_new.connect(self.new_application)
        main.addWidget(self.stack, 1)

        nav = QFrame(objectName="NavBar")
        nav_lay = QHBoxLayout(nav)
        nav_lay.setContentsMargins(20, 10, 20, 10)
        self.discard_button = QPushButton("放弃本笔", objectName="DiscardButton")
        self.discard_button.clicked.connect(self.discard)
        nav_lay.addWidget(self.discard_button)
        self.busy_label = QLabel("", objectName="BusyLabel")
        nav_lay.addWidget(self.busy_label, 1)
        self.back_button = QPushButton("上一步 (PgUp)", objectName="BackButton")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton("下一步 (PgDn)", objectName="Primary")
        self.next_button.setMinimumWidth(160)
        self.next_button.clicked.connect(self.go_next)
        nav_lay.addWidget(self.back_button)
        nav_lay.addWidget(self.next_button)
        main.addWidget(nav)
        root.addLayout(main, 1)

        # what is typed but not yet confirmed with 下一步 is saved every few seconds, so an
        # idle lock followed by a crash or a power cut loses nothing either
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        self._autosaved: dict[str, str] | None = None
        self._warm = False

        for key, action in (("PgDown", self.go_next), ("Ctrl+Return", self.go_next),
                            ("Ctrl+Enter", self.go_next), ("PgUp", self.go_back)):
            QShortcut(QKeySequence(key), self, activated=action)
        for key in GLOBAL_KEYS:
            QShortcut(QKeySequence(key), self, activated=lambda k=key: self._step_key(k))

    # -- background work ------------------------------------------------------------------------
    def run(self, fn: Callable[[], Any], on_ok: Callable[[Any], None] | None = None,
            on_fail: Callable[[BaseException], None] | None = None, *, busy: str = "处理中…") -> None:
        """Run a workflow call off the UI thread; the page is busy (buttons off) meanwhile."""
        self._set_busy(busy)
        started = time.perf_counter()

        def ok(result: Any) -> None:
            self._finished(busy, started)
            if on_ok is not None:
                on_ok(result)

        def fail(error: BaseException) -> None:
            self._finished(busy, started)
            if not isinstance(error, CounterError):
                log.error("application step failed: %s", type(error).__name__)
            if on_fail is not None:
                on_fail(error)
            else:
                self.banner.show_message(message_of(error), "bad")

        self.ops.run(fn, ok, fail)

    def _finished(self, what: str, started: float) -> None:
        waited = time.perf_counter() - started
        self.waits.append((what, waited))
        self.sig_waited.emit(what, waited)
        self._set_busy(None)

    def _set_busy(self, text: str | None) -> None:
        self.busy = text is not None
        self.busy_label.setText(f"⏳ {text}" if text else "")
        for b in (self.next_button, self.back_button, self.discard_button):
            b.setEnabled(not self.busy)
        if not self.busy:
            self._update_nav()

    @staticmethod
    def message_of(error: BaseException) -> str:
        return message_of(error)

    def autosave(self) -> None:
        """Save what is typed in the current step (no validation, no waiting)."""
        view, wf = self.current_view(), self.wf
        if view is None or wf is None or self.busy or view.step not in AUTOSAVED:
            return
        values = view.values()
        if values == self._autosaved:
            return
        self._autosaved = values
        self.ops.run(lambda: view.commit(values), None, lambda _e: None)

    # -- starting -------------------------------------------------------------------------------
    def open(self) -> None:
        """Shown from the menu: offer unfinished drafts, or start a new application."""
        if self.wf is not None:
            return
        if not self._warm:
            self._warm = True
            spec, store = self.ctx.photo_spec, self.ctx.store
            self.ops.run(lambda: warm_up(spec), None, lambda _e: None)
            # applications the sync worker has sent since: take the central's ids
            self.ops.run(store.refresh_from_outbox, None, lambda _e: None)

        def got(drafts: list[DraftSummary]) -> None:
            if drafts:
                self.drafts.show_drafts(drafts)
                self.stack.setCurrentWidget(self.drafts)
                self.step_list.clear()
                self.who.setText("")
                self._update_nav()
            else:
                self.new_application()

        self.run(lambda: self.ctx.store.open_drafts(self.ctx.teller), got, busy="正在查找未完成的申领…")

    def new_application(self) -> None:
        self.photo_view.close_camera()
        self.docs = None
        self.banner.clear()
        self.wf = ApplicationWorkflow(self.ctx)
        for view in self.views.values():
            view.show_errors({})
        self.render()

    def resume(self, draft_id: str) -> None:
        def done(wf: ApplicationWorkflow) -> None:
            self.wf = wf
            self.docs = None
            self.banner.show_message("已恢复未完成的申领，之前录入的内容均已保留。", "info")
            self.render()

        self.run(lambda: ApplicationWorkflow.resume(self.ctx, draft_id), done, busy="正在恢复草稿…")

    def _discard_draft(self, draft_id: str) -> None:
        reason = self._ask_discard_reason()
        if reason:
            self.run(lambda: self.ctx.store.discard_draft(draft_id, actor=self.ctx.teller, reason=reason),
                     lambda _r: self.open(), busy="正在放弃草稿…")

    def _ask_discard_reason(self) -> str:
        reason, ok = QInputDialog.getItem(self, "放弃本笔申领", "放弃原因（记入审计日志）：",
                                          list(DISCARD_REASONS), 0, False)
        return reason if ok else ""

    def discard(self) -> None:
        wf = self.wf
        if wf is None or self.busy:
            return
        reason = self._ask_discard_reason()
        if not reason:
            return

        def done(_r: Any) -> None:
            self.wf = None
            self.open()

        self.run(lambda: wf.discard(reason), done, busy="正在放弃本笔…")

    # -- rendering -------------------------------------------------------------------------------
    def current_view(self) -> StepView | None:
        if self.wf is None or self.stack.currentWidget() is self.drafts:
            return None
        return self.views[self.wf.step]

    def after_change(self) -> None:
        """Something in the current step changed (a card read, a check done): refresh around it."""
        self._render_side()
        self._update_nav()

    def _render_side(self) -> None:
        wf = self.wf
        if wf is None:
            return
        self.step_list.clear()
        for index, (step, title, state) in enumerate(wf.step_states(), start=1):
            mark = {"done": "✓", "current": "▶", "todo": "　"}[state]
            item = QListWidgetItem(f"{mark}  {index}. {title}")
            item.setData(Qt.ItemDataRole.UserRole, step.value)
            item.setForeground(QColor({"done": "#1f6f43", "current": "#0b4f8a",
                                       "todo": "#9aa5b1"}[state]))
            if state == "todo":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.step_list.addItem(item)
            if state == "current":
                self.step_list.setCurrentItem(item)
        name = wf.state["applicant"].get("name")
        self.who.setText(f"申请人：{name}" if name else "申请人：尚未识别")

    def render(self) -> None:
        wf = self.wf
        if wf is None:
            return
        view = self.views[wf.step]
        self._render_side()
        self.stack.setCurrentWidget(self.scrolls[wf.step])
        view.load()
        field_error = wf.state["submission"].get("field_error")
        if field_error and field_error.get("step") == wf.step.value:
            view.show_errors({field_error["field"]: field_error["message"]})
        self._update_nav()
        view.entered()
        focus = view.first_focus()
        if focus is not None:
            focus.setFocus()

    def _update_nav(self) -> None:
        wf = self.wf
        on_step = wf is not None and self.stack.currentWidget() is not self.drafts
        step = wf.step if wf is not None else None
        self.back_button.setVisible(on_step and step not in (Step.IDENTIFY, Step.DONE))
        self.next_button.setVisible(on_step and step not in (Step.REVIEW, Step.DONE))
        self.discard_button.setVisible(on_step and step is not Step.DONE)
        if step is Step.ELIGIBILITY and wf is not None:
            self.next_button.setEnabled(not self.busy and not wf.validate(Step.ELIGIBILITY))

    def _step_clicked(self, item: QListWidgetItem) -> None:
        if self.wf is None or self.busy:
            return
        target = Step(item.data(Qt.ItemDataRole.UserRole))
        view = self.current_view()
        values = view.values() if view else {}
        wf = self.wf

        def work() -> Any:
            if view is not None:
                view.commit(values)
            return wf.goto(target)

        self.run(work, lambda _s: self.render(), busy="正在保存…")

    def _step_key(self, key: str) -> None:
        view = self.current_view()
        if view is None:
            if key == "Ctrl+N":
                self.new_application()
            return
        action = view.shortcuts().get(key)
        if action is not None and not self.busy:
            action()

    # -- navigation -------------------------------------------------------------------------------
    def go_next(self) -> None:
        wf, view = self.wf, self.current_view()
        if wf is None or view is None or self.busy:
            return
        if wf.step is Step.REVIEW:
            self.submit()
            return
        if wf.step is Step.DONE:
            return
        values = view.values()

        def work() -> Step:
            view.commit(values)
            return wf.next()

        def failed(error: BaseException) -> None:
            if isinstance(error, StepInvalid):
                view.show_errors(error.errors)
                self.banner.clear()
            elif isinstance(error, ValidationError):  # e.g. a mistyped ID number
                view.show_errors({error.field: error.message_zh})
            else:
                self.banner.show_message(message_of(error), "bad")

        self.banner.clear()
        self.run(work, lambda _s: self.render(), failed, busy="正在检查并保存…")

    def go_back(self) -> None:
        wf, view = self.wf, self.current_view()
        if wf is None or view is None or self.busy or wf.step in (Step.IDENTIFY, Step.DONE):
            return
        values = view.values()

        def work() -> Step:
            view.commit(values)  # kept as typed, even when not yet valid
            return wf.back()

        self.banner.clear()
        self.run(work, lambda _s: self.render(), busy="正在保存…")

    def submit(self) -> None:
        wf = self.wf
        if wf is None or self.busy or wf.step is not Step.REVIEW:
            return

        def done(_outcome: Any) -> None:
            self.banner.clear()
            self.render()
            self.sig_accepted.emit()
            self.prepare_documents()

        def failed(error: BaseException) -> None:
            self.render()  # the workflow may have moved to the step to fix
            view = self.current_view()
            if isinstance(error, StepInvalid) and view is not None:
                view.show_errors(error.errors)
                self.banner.show_message("提交前还需修改：" + next(iter(error.errors.values())), "warn")
            elif isinstance(error, CentralRefusal):
                self.banner.show_message(f"中心系统未受理：{error.message_zh}（{error.code}）"
                                         "已录入的内容全部保留，请修改后重新提交。", "bad")
            else:
                self.banner.show_message(message_of(error) + " 已录入的内容全部保留，可重新提交。", "bad")

        self.run(wf.submit, done, failed, busy="正在提交申领…")

    # -- documents -------------------------------------------------------------------------------
    def prepare_documents(self, then: Callable[[Documents], None] | None = None) -> None:
        wf = self.wf
        if wf is None:
            return
        if self.docs is not None:
            if then is not None:
                then(self.docs)
            return

        def done(docs: Documents) -> None:
            self.docs = docs
            if then is not None:
                then(docs)

        self.run(wf.documents, done, busy="正在生成登记表和回执…")

    def document_action(self, kind: str, action: str) -> None:
        title = {"form": "申领登记表", "receipt": "业务回执"}[kind]

        def with_docs(docs: Documents) -> None:
            pdf = docs.form_pdf if kind == "form" else docs.receipt_pdf
            if action == "preview":
                self.preview(title, kind, pdf)
            elif action == "print":
                self.print_document(title, kind, pdf)
            else:
                self.save_document(title, kind, pdf)

        self.prepare_documents(with_docs)

    def preview(self, title: str, kind: str, pdf: bytes) -> DocumentPreview:
        dialog = DocumentPreview(
            title, pdf, self, on_print=lambda: self.print_document(title, kind, pdf),
            on_save=lambda: self.save_document(title, kind, pdf))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.last_preview = dialog
        return dialog

    def _status(self, text: str, ok: bool = True) -> None:
        done = self.views[Step.DONE]
        assert isinstance(done, DoneView)
        done.print_status.setStyleSheet(f"color: {'#1f8a4c' if ok else '#c0392b'}; font-size: 14px;")
        done.print_status.setText(text)

    def print_document(self, title: str, kind: str, pdf: bytes) -> None:
        printer = document_printer(self.printer_name)
        if printer is None:
            self._status(f"本机没有可用的打印机，{title}未打印。请“另存为PDF”后到可打印的电脑打印，"
                         "或联系网点技术支持检查打印机。", ok=False)
            return
        printer.setDocName(f"{title} {self.docs.application_no if self.docs else ''}")
        try:
            pages = paint_pdf(pdf, printer)
        except CounterError as error:
            self._status(error.message_zh, ok=False)
            return
        self._status(f"{title}已发送到打印机“{printer.printerName()}”（{pages} 页）。")
        self._audit_print(kind, "print")

    def save_document(self, title: str, kind: str, pdf: bytes, path: Path | None = None) -> None:
        if path is None:
            number = self.docs.application_no if self.docs else "application"
            chosen = ImportDialogs.save_pdf(self, f"{title}-{number}.pdf")
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

        def write() -> Path:
            target.write_bytes(pdf)
            return target

        def done(saved: Path) -> None:
            self.saved_paths.append(saved)
            self._status(f"{title}已保存为 {saved}")
            self._audit_print(kind, "save_pdf")

        self.run(write, done, lambda e: self._status(f"保存失败：{type(e).__name__}，请换一个位置。",
                                                     ok=False), busy="正在保存PDF…")

    def _audit_print(self, kind: str, how: str) -> None:
        number = self.docs.application_no if self.docs else ""
        self.run(lambda: self.ctx.store.audit(self.ctx.teller, "application.document_output",
                                              application_no=number, document=kind, how=how),
                 busy="正在记录…")

    def close_page(self) -> None:
        self.autosave_timer.stop()
        self.photo_view.close_camera()
        self.ops.wait(5000)

    def closeEvent(self, event: Any) -> None:
        self.close_page()
        super().closeEvent(event)


def close_dialogs(page: ApplicationPage) -> None:
    for dialog in page.findChildren(QDialog):
        dialog.close()
