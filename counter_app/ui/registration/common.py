"""What the registration and data-change pages share: the page shell (new case, submit on the
confirm step, the receipt's preview / print / save as an owner-only PDF) and the receipt
screen. Both wizards have ``submit()``, ``documents()``, ``record.outcome`` and a done step.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QWidget

from counter_app.printing import mask_id_number
from counter_app.ui import receipts
from counter_app.ui.application.documents import document_printer
from counter_app.ui.i18n import tr, tr_values
from counter_app.ui.identify_screen import IdCardScreen
from counter_app.ui.receipts import ReceiptActions
from counter_app.ui.theme import MUTED, OK
from counter_app.ui.wizard_page import message_of
from counter_app.workflows.errors import CentralRefusal, NewWorkRefused, StepInvalid
from counter_app.workflows.identity_step import Identity

log = logging.getLogger(__name__)

DELIVERY_POLL_MS = 2000


class Desk(Protocol):
    @property
    def id_reader_name(self) -> str | None: ...
    def new(self) -> Any: ...


def identity_html(ident: Identity) -> str:
    if ident.source == "reader":
        return tr("<span style='color:{0}; font-weight:bold'>✓ 已读取身份证</span>　"
                "{1}　{2}").format(OK, html.escape(ident.name), mask_id_number(ident.id_number))
    if ident.id_number:
        return tr("<span style='color:{0}'>手工录入的号码 {1}，"
                "请核对本人身份证原件。</span>").format(MUTED, mask_id_number(ident.id_number))
    return ""


class PersonIdentifyScreen(IdCardScreen[Any]):
    """The identify step of a person's business (registration, data change)."""

    def id_reader_name(self) -> str | None:
        page = self.page
        assert isinstance(page, PersonOpsPage)
        return page.desk.id_reader_name

    def who_html(self) -> str:
        return identity_html(self.wf.record.identity)

    def read_job(self) -> Any:
        return self.wf.read_id_card()


class ReceiptScreen(receipts.ReceiptScreen[Any]):
    """The last step: the result (a pending one says it is not yet at the central)."""

    def load(self) -> None:
        outcome = self.wf.record.outcome
        if outcome is None:
            return
        self.number.setText(tr("业务编号　{0}").format(outcome.receipt_no))
        kind = "warn" if outcome.status == "pending" else "ok"
        extra = (tr("<br>回执上印有“待上传”标记：请告知本人，上传中心后生效。") if kind == "warn" else "")
        self.result.show_message(html.escape(tr(outcome.message)) + extra, kind)
        self.print_status.setText("")


class PersonOpsPage(ReceiptActions[Any]):
    """The shell both pages share; subclasses set the screens and the step keys."""

    sig_accepted = Signal()  # work was accepted (the outbox may have grown)
    sig_route = Signal(str)  # go to another business (e.g. replacement)

    confirm_step = "confirm"
    done_step = "done"
    first_step = ""
    submit_busy = tr("正在提交…")

    def __init__(self, desk: Desk, *, printer_name: str = "",
                 find_printer: Callable[[str], QPrinter | None] = document_printer,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.printer_name = printer_name
        self.find_printer = find_printer
        self.receipt: tuple[str, bytes] | None = None
        # while the receipt screen shows work queued offline, ask the outbox now and then
        # whether it has reached the central, and say so
        self.delivery_timer = QTimer(self)
        self.delivery_timer.setInterval(DELIVERY_POLL_MS)
        self.delivery_timer.timeout.connect(self._check_delivery)

    @property
    def wf(self) -> Any:
        return self.wizard

    def view(self, step: str) -> Any:
        return self.step_screen(step)

    def open(self) -> None:
        if self.wizard is None:
            self.new_case()

    def new_case(self) -> None:
        if self.busy:
            return
        self.receipt = None
        self.banner.clear()
        self.show_wizard(self.desk.new())
        self.show_step()

    def discard(self) -> None:
        """Nothing was sent: the case is dropped."""
        if not self.busy:
            self.new_case()

    def can_discard(self) -> bool:
        return self.wizard is not None and self.wizard.current != self.done_step

    def show_step(self) -> None:
        super().show_step()
        wf = self.wizard
        pending = (wf is not None and wf.current == self.done_step and wf.record.outcome is not None
                   and wf.record.outcome.status == "pending")
        if pending:
            self.delivery_timer.start()
        else:
            self.delivery_timer.stop()

    def _check_delivery(self) -> None:
        wf, generation = self.wizard, self.generation
        if wf is None or self.busy or wf.current != self.done_step:
            self.delivery_timer.stop()
            return

        def done(delivered: bool) -> None:
            if delivered and generation == self.generation:
                self.delivery_timer.stop()
                screen = self.step_screen(self.done_step)
                assert isinstance(screen, ReceiptScreen)
                screen.result.show_message(tr("已送达中心系统并生效（专线恢复后自动上传）。"), "ok")

        # quietly on the page's worker: the teller is not made to wait for it
        self.ops.run(wf.delivered, done, lambda e: log.warning("delivery check: %s", type(e).__name__))

    def close_page(self) -> None:
        self.delivery_timer.stop()
        super().close_page()

    def screen_built(self, screen: Any) -> None:
        if isinstance(screen, ReceiptScreen):
            screen.sig_new.connect(self.new_case)

    def submit(self) -> None:
        wf, screen = self.wizard, self.current_screen()
        if wf is None or screen is None or self.busy or wf.current != self.confirm_step:
            return

        def done(_outcome: Any) -> None:
            self.banner.clear()
            self.show_step()
            self.sig_accepted.emit()

        def failed(error: BaseException) -> None:
            self.show_step()
            current = self.current_screen()
            if isinstance(error, StepInvalid) and current is not None:
                current.show_errors(tr_values(error.errors))
                self.banner.show_message(next(iter(error.errors.values()), ""), "bad")
            elif isinstance(error, CentralRefusal):
                self.banner.show_message(tr("中心系统未受理：{0}（{1}）").format(tr(error.message_zh), error.code),
                                         "bad")
            elif isinstance(error, NewWorkRefused):
                self.banner.show_message(tr(error.message_zh), "bad")
            else:
                self.banner.show_message(message_of(error), "bad")

        self.run(wf.submit, done, failed, busy=self.submit_busy)

    def receipt_status_label(self) -> QLabel:
        done = self.step_screen(self.done_step)
        assert isinstance(done, ReceiptScreen)
        return done.print_status
