"""The application business in the main window's work area: the page base
(:class:`~counter_app.ui.wizard_page.WizardPage`) rendering an :class:`ApplicationWorkflow`,
plus what only this business has: the drafts list, submission and the printed documents.

All workflow calls run on the page's one worker; the page records how long each one made
the teller wait (``sig_waited``), which the tour and the benchmark report. The page talks to the
business only through :class:`ApplicationDesk` and the workflow, never to the store.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.photo import FrameSource
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.private_files import write_private
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
)
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.qt import named
from counter_app.ui.wizard_page import WizardPage, message_of
from counter_app.workflows.application import (
    STEP_TITLES_ZH,
    ApplicationDesk,
    ApplicationWorkflow,
    Documents,
    DraftSummary,
    Step,
    StepInvalid,
)
from counter_app.workflows.errors import CentralRefusal

log = logging.getLogger(__name__)

DISCARD_REASONS = (tr("申请人放弃办理"), tr("材料不全，改日再办"), tr("录入有误，重新办理"), tr("其他原因"))


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
        lay.addWidget(named(QLabel(tr("未完成的申领")), "StepTitle"))
        lay.addWidget(named(QLabel(tr("以下申领尚未提交，已录入的内容均已保存。请选择继续办理，或放弃后新建。"),
                                   wordWrap=True), "StepLead"))
        self.list = named(QListWidget(), "DraftList")
        self.list.setStyleSheet("QListWidget { font-size: 15px; background: white; }"
                                "QListWidget::item { padding: 10px; }")
        self.list.itemActivated.connect(lambda item: self.sig_resume.emit(item.data(Qt.ItemDataRole.UserRole)))
        lay.addWidget(self.list, 1)
        row = QHBoxLayout()
        self.resume_button = named(QPushButton(tr("继续办理 (Enter)")), "Primary")
        self.resume_button.clicked.connect(self._resume)
        self.discard_button = QPushButton(tr("放弃所选"))
        self.discard_button.clicked.connect(self._discard)
        self.new_button = QPushButton(tr("新建申领 (Ctrl+N)"))
        self.new_button.clicked.connect(self.sig_new.emit)
        for b in (self.resume_button, self.discard_button, self.new_button):
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)

    def show_drafts(self, drafts: list[DraftSummary]) -> None:
        self.list.clear()
        for d in drafts:
            local = d.updated_at.replace(tzinfo=dt.UTC).astimezone(CHINA_TIME)
            item = QListWidgetItem(tr("{0}　　最后保存于 {1:%m-%d %H:%M}").format(_draft_label(d), local))
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


class ApplicationPage(WizardPage[ApplicationWorkflow]):
    sig_route = Signal(str)  # a catalog business key: the person must be served there
    sig_accepted = Signal()  # an application was accepted (the outbox may have grown)
    sig_issue = Signal(str)  # an accepted instant application: make its card now

    title_zh = tr("社保卡申领")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyView, Step.ELIGIBILITY: EligibilityView,
        Step.MATERIALS: MaterialsView, Step.APPLICANT: ApplicantView,
        Step.GUARDIAN: GuardianView, Step.DELIVERY: DeliveryView,
        Step.PHOTO: lambda page: PhotoView(page, page.camera_factory),
        Step.REVIEW: ReviewView, Step.DONE: DoneView,
    }
    autosaved_steps = frozenset({Step.MATERIALS, Step.APPLICANT, Step.GUARDIAN, Step.DELIVERY})
    global_keys = ("F2", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12", "Ctrl+A", "Ctrl+N",
                   "Alt+1", "Alt+2")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.REVIEW, Step.DONE})

    def __init__(self, desk: ApplicationDesk, camera_factory: Callable[[], FrameSource], *,
                 printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.camera_factory = camera_factory
        self.printer_name = printer_name
        self.find_printer = find_printer  # the profile's printer, or the system default
        self.docs: Documents | None = None
        self._warm = False
        self.drafts = DraftsView()
        self.drafts.sig_resume.connect(self.resume)
        self.drafts.sig_discard.connect(self._discard_draft)
        self.drafts.sig_new.connect(self.new_application)
        self.stack.addWidget(self.drafts)

    message_of = staticmethod(message_of)

    @property
    def photo_view(self) -> PhotoView | None:
        view = self.built.get(Step.PHOTO)
        return view if isinstance(view, PhotoView) else None

    @property
    def wf(self) -> ApplicationWorkflow | None:
        """The application on screen."""
        return self.wizard

    @property
    def views(self) -> Mapping[str, Any]:
        """The screens by step, each built on first use (the tour and tests fill widgets)."""
        return _Screens(self)

    # -- starting -------------------------------------------------------------------------------
    def open(self) -> None:
        """Shown from the menu: offer unfinished drafts, or start a new application."""
        if self.wizard is not None:
            return
        if not self._warm:
            self._warm = True
            self.ops.run(self.desk.prepare, None,
                         lambda e: log.warning("warm-up failed: %s", type(e).__name__))

        def got(drafts: list[DraftSummary]) -> None:
            if drafts:
                self.drafts.show_drafts(drafts)
                self.stack.setCurrentWidget(self.drafts)
                self.side.clear()
                self.update_nav()
            else:
                self.new_application()

        self.run(self.desk.open_drafts, got, busy=tr("正在查找未完成的申领…"))

    def _refuse_while_busy(self) -> bool:
        if self.busy:
            self.banner.show_message(tr("系统正在处理本笔业务，请稍候完成后再操作。"), "warn")
        return self.busy

    def new_application(self) -> None:
        if self._refuse_while_busy():
            return
        # the camera stays open for the next applicant: opening one takes the screen a
        # tenth of a second (device enumeration), and the page closes it when it closes
        self.docs = None
        self.banner.clear()
        self.show_wizard(self.desk.new())
        self.show_step()

    def resume(self, draft_id: str) -> None:
        if self._refuse_while_busy():
            return

        def done(wf: ApplicationWorkflow) -> None:
            self.docs = None
            self.show_wizard(wf)
            self.banner.show_message(tr("已恢复未完成的申领，之前录入的内容均已保留。"), "info")
            self.show_step()

        self.run(lambda: self.desk.resume(draft_id), done, busy=tr("正在恢复草稿…"))

    def _discard_draft(self, draft_id: str) -> None:
        reason = self._ask_discard_reason()
        if reason and not self._refuse_while_busy():
            self.run(lambda: self.desk.discard_draft(draft_id, reason), lambda _r: self.open(),
                     busy=tr("正在放弃草稿…"))

    def _ask_discard_reason(self) -> str:
        reason, ok = QInputDialog.getItem(self, tr("放弃本笔申领"), tr("放弃原因（记入审计日志）："),
                                          list(DISCARD_REASONS), 0, False)
        return reason if ok else ""

    def discard(self) -> None:
        wf = self.wizard
        if wf is None or self._refuse_while_busy():
            return
        reason = self._ask_discard_reason()
        if not reason:
            return

        def done(_r: Any) -> None:
            self.show_wizard(None)
            self.open()

        self.run(lambda: wf.discard(reason), done, busy=tr("正在放弃本笔…"))

    def _close_camera(self) -> None:
        if self.photo_view is not None:
            self.photo_view.close_camera()

    # -- rendering hooks ---------------------------------------------------------------------------
    def screen_built(self, screen: Any) -> None:
        if isinstance(screen, EligibilityView):
            screen.sig_route.connect(self.sig_route.emit)
        elif isinstance(screen, DoneView):
            screen.sig_new.connect(self.new_application)
            # at an instant branch the card is made now: hand the application to issuance
            self.issue_button = QPushButton(tr("当场制卡 (F12)"))
            self.issue_button.setObjectName("Primary")
            self.issue_button.setMinimumWidth(180)
            self.issue_button.clicked.connect(self._issue_now)
            screen.keys["F12"] = self.issue_button.click
            for i in range(screen.root.count()):  # beside 办理下一笔
                item = screen.root.itemAt(i)
                row = item.layout() if item is not None else None
                if row is not None and row.indexOf(screen.new_button) >= 0:
                    assert isinstance(row, QHBoxLayout)
                    row.insertWidget(row.indexOf(screen.new_button), self.issue_button)

    def who_text(self) -> str:
        wf = self.wizard
        name = wf.record.applicant.name if wf is not None else ""
        return tr("申请人：{0}").format(name) if name else tr("申请人：尚未识别")

    def _issue_now(self) -> None:
        wf = self.wizard
        if wf is not None and not self.busy and wf.record.submission.application_no:
            self.sig_issue.emit(wf.record.submission.application_no)

    def after_load(self, screen: Any) -> None:
        wf = self.wizard
        if isinstance(screen, DoneView) and wf is not None:
            sub = wf.record.submission
            self.issue_button.setVisible(wf.making_mode == "INSTANT" and bool(
                sub.central_application_id) and not sub.deferred)
        field_error = wf.record.submission.field_error if wf is not None else None
        if field_error is not None and wf is not None and field_error.step == wf.current:
            screen.show_errors({field_error.field: tr(field_error.message)})

    def can_discard(self) -> bool:
        return self.wizard is not None and self.wizard.step is not Step.DONE

    def next_allowed(self) -> bool:
        wf = self.wizard
        return not (wf is not None and wf.step is Step.ELIGIBILITY and wf.validate(Step.ELIGIBILITY))

    def step_key(self, key: str) -> None:
        if self.current_screen() is None:
            if key == "Ctrl+N" and self.stack.currentWidget() is self.drafts:
                self.new_application()
            return
        super().step_key(key)

    # -- submission -------------------------------------------------------------------------------
    def go_next(self) -> None:
        wf = self.wizard
        if wf is not None and wf.step is Step.REVIEW:
            self.submit()
            return
        super().go_next()

    def submit(self) -> None:
        wf = self.wizard
        if wf is None or self.busy or wf.step is not Step.REVIEW:
            return

        def done(_outcome: Any) -> None:
            self.banner.clear()
            self.show_step()
            self.sig_accepted.emit()
            self.prepare_documents()

        def failed(error: BaseException) -> None:
            self.show_step()  # the workflow may have moved to the step to fix
            screen = self.current_screen()
            if isinstance(error, StepInvalid) and screen is not None:
                screen.show_errors(tr_values(error.errors))
                self.banner.show_message(tr("提交前还需修改：") + tr(next(iter(error.errors.values()))), "warn")
            elif isinstance(error, CentralRefusal):
                self.banner.show_message(tr("中心系统未受理：{0}（{1}）"
                                         "已录入的内容全部保留，请修改后重新提交。").format(
                                                 tr(error.message_zh), error.code), "bad")
            else:
                self.banner.show_message(message_of(error) + tr(" 已录入的内容全部保留，可重新提交。"), "bad")

        review = self.step_screen(Step.REVIEW)
        values = review.values() if isinstance(review, ReviewView) else {}

        def job() -> Any:
            errors = wf.apply(Step.REVIEW, values) if values else {}  # how the fee is paid
            if errors:
                raise StepInvalid(errors)
            return wf.submit()

        self.run(job, done, failed, busy=tr("正在提交申领…"))

    # -- the fee receipt (工本费收据) ---------------------------------------------------------------
    def fee_receipt_action(self, action: str, path: Path | None = None) -> None:
        """Preview or save the fee receipt, or record the fee again after a failure."""
        wf = self.wizard
        if wf is None or self.busy or wf.step is not Step.DONE:
            return
        if action == "retry":
            def refused(error: BaseException) -> None:
                self.show_step()
                self._status(message_of(error), ok=False)

            self.run(wf.retry_fee, lambda _fee: self.show_step(), refused, busy=tr("正在登记收费…"))
            return
        number = wf.record.fee.receipt_no

        def act(pdf: bytes) -> None:
            if action == "preview":
                dialog = DocumentPreview(tr("工本费收据"), pdf, self,
                                         on_print=lambda: self.fee_receipt_action("print"),
                                         on_save=lambda: self.fee_receipt_action("save"))
                dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                dialog.open()
                return
            if action == "print":
                printer = self.find_printer(self.printer_name)
                if printer is None:
                    self._status(tr("本机没有可用的打印机，工本费收据未打印。请“另存为PDF”后到可打印的电脑打印。"),
                                 ok=False)
                    return
                printer.setDocName(f"{tr('工本费收据')} {number}")
                pages = paint_pdf(pdf, printer)
                self._status(tr("工本费收据已发送到打印机“{0}”（{1} 页）。").format(printer.printerName(), pages))
                return
            target = path
            if target is None:
                chosen = ImportDialogs.save_pdf(self, f"{tr('工本费收据')}-{number}.pdf")
                if not chosen:
                    return
                target = Path(chosen)
            saved = write_private(target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf"), pdf)
            self._status(tr("{0}已保存为 {1}").format(tr("工本费收据"), saved))

        self.run(wf.fee_receipt, act, lambda e: self._status(message_of(e), ok=False),
                 busy=tr("正在生成收据…"))

    # -- documents -------------------------------------------------------------------------------
    def prepare_documents(self, then: Callable[[Documents], None] | None = None) -> None:
        """The documents of the application on screen (made once, bound to its draft)."""
        wf = self.wizard
        if wf is None or self.busy:
            return
        if self.docs is not None and self.docs.draft_id == wf.draft_id:
            if then is not None:
                then(self.docs)
            return

        def done(docs: Documents) -> None:
            if self.wizard is None or docs.draft_id != self.wizard.draft_id:
                return  # made for an application no longer on screen
            self.docs = docs
            if then is not None:
                then(docs)

        self.run(wf.documents, done, busy=tr("正在生成登记表和回执…"))

    def document_action(self, kind: str, action: str) -> None:
        def with_docs(docs: Documents) -> None:
            if action == "preview":
                self.preview(docs, kind)
            elif action == "print":
                self.print_document(docs, kind)
            else:
                self.save_document(docs, kind)

        self.prepare_documents(with_docs)

    def preview(self, docs: Documents, kind: str) -> DocumentPreview:
        dialog = DocumentPreview(
            tr(DOCUMENT_TITLES[kind]), _pdf(docs, kind), self,
            on_print=lambda: self.print_document(docs, kind),
            on_save=lambda: self.save_document(docs, kind))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _status(self, text: str, ok: bool = True) -> None:
        done = self.step_screen(Step.DONE)
        assert isinstance(done, DoneView)
        done.print_status.setStyleSheet(f"color: {'#1f8a4c' if ok else '#c0392b'}; font-size: 14px;")
        done.print_status.setText(tr(text))

    def print_document(self, docs: Documents, kind: str) -> None:
        title = tr(DOCUMENT_TITLES[kind])
        printer = self.find_printer(self.printer_name)
        if printer is None:
            self._status(tr("本机没有可用的打印机，{0}未打印。请“另存为PDF”后到可打印的电脑打印，"
                         "或联系网点技术支持检查打印机。").format(title), ok=False)
            return
        printer.setDocName(f"{title} {docs.application_no}")
        try:
            pages = paint_pdf(_pdf(docs, kind), printer)
        except CounterError as error:
            self._status(tr(error.message_zh), ok=False)
            return
        self._status(tr("{0}已发送到打印机“{1}”（{2} 页）。").format(title, printer.printerName(), pages))
        self._audit_output(docs, kind, "print")

    def save_document(self, docs: Documents, kind: str, path: Path | None = None) -> None:
        title = tr(DOCUMENT_TITLES[kind])
        if path is None:
            chosen = ImportDialogs.save_pdf(self, f"{title}-{docs.application_no}.pdf")
            if not chosen:
                return
            path = Path(chosen)
        target = path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
        pdf = _pdf(docs, kind)

        def write() -> Path:
            return write_private(target, pdf)  # personal data: this account only

        def done(saved: Path) -> None:
            self._status(tr("{0}已保存为 {1}").format(title, saved))
            self._audit_output(docs, kind, "save_pdf")

        def failed(error: BaseException) -> None:
            reason = tr("磁盘已满") if isinstance(error, OSError) and error.errno == 28 else type(error).__name__
            self._status(tr("{0}保存失败（{1}），请换一个位置或联系网点技术支持。").format(title, reason), ok=False)

        self.run(write, done, failed, busy=tr("正在保存PDF…"))

    def _audit_output(self, docs: Documents, kind: str, how: str) -> None:
        wf = self.wizard
        if wf is not None and wf.draft_id == docs.draft_id:
            self.run(lambda: wf.record_document_output(docs.application_no, kind, how),
                     busy=tr("正在记录…"))

    def close_page(self) -> None:
        self._close_camera()
        super().close_page()


DOCUMENT_TITLES = {"form": tr("申领登记表"), "receipt": tr("业务回执")}


class _Screens(Mapping[str, Any]):
    def __init__(self, page: ApplicationPage) -> None:
        self.page = page

    def __getitem__(self, key: str) -> Any:
        if key not in self.page.screens:
            raise KeyError(key)
        return self.page.step_screen(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.page.screens)

    def __len__(self) -> int:
        return len(self.page.screens)


def _pdf(docs: Documents, kind: str) -> bytes:
    return docs.form_pdf if kind == "form" else docs.receipt_pdf


def close_dialogs(page: ApplicationPage) -> None:
    for dialog in page.findChildren(QDialog):
        dialog.close()


def _draft_label(draft: DraftSummary) -> str:
    """"who · step" in the UI's language: the stored label is joined in Chinese, so the step's
    title comes from the draft's step again (the masked name stays as typed)."""
    who, _sep, _title = draft.label.partition(" · ")
    step = next((s for s in Step if s.value == draft.step), None)
    if step is None or step not in STEP_TITLES_ZH:
        return tr(draft.label)
    return tr("{0} · {1}").format(tr(who), tr(STEP_TITLES_ZH[step]))
