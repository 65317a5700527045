"""The shared receipt actions (counter_app/ui/receipts.py) on a bare page: the PDF is made once
per receipt number, a save writes an owner-only PDF (``.pdf`` added) and is audited, a missing
printer is said in red and not audited."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from counter_app.ui.receipts import ReceiptActions
from counter_app.ui.theme import BAD


@dataclass(frozen=True)
class Outcome:
    receipt_no: str


@dataclass
class Record:
    outcome: Outcome | None = None


@dataclass
class FakeWizard:
    record: Record = field(default_factory=Record)
    made: int = 0
    outputs: list[tuple[str, str]] = field(default_factory=list)

    def documents(self) -> bytes:
        self.made += 1
        return b"%PDF-1.4 receipt " + self.record.outcome.receipt_no.encode()  # type: ignore[union-attr]

    def record_document_output(self, receipt_no: str, how: str) -> None:
        self.outputs.append((receipt_no, how))


class Page(ReceiptActions[Any]):
    def __init__(self, wizard: FakeWizard) -> None:
        super().__init__()
        self.fake = wizard
        self.printer_name = ""
        self.find_printer = lambda _name: None
        self.label = QLabel()

    @property
    def wf(self) -> FakeWizard:
        return self.fake

    def receipt_status_label(self) -> QLabel:
        return self.label


def settle(qtbot, page: Page) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=5000)


def test_save_is_owner_only_audited_and_made_once(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wf = FakeWizard(Record(Outcome("R-0001")))
    page = Page(wf)
    qtbot.addWidget(page)
    page.receipt_action("save", tmp_path / "one")
    settle(qtbot, page)
    target = tmp_path / "one.pdf"
    assert target.read_bytes() == b"%PDF-1.4 receipt R-0001"
    if sys.platform != "win32":
        assert target.stat().st_mode & 0o777 == 0o600
    assert page.label.text() == f"业务回执已保存为 {target}"
    assert wf.outputs == [("R-0001", "save_pdf")]

    page.receipt_action("save", tmp_path / "two.PDF")
    settle(qtbot, page)
    assert (tmp_path / "two.PDF").exists()
    assert wf.made == 1  # the same receipt number: the kept PDF is reused
    assert wf.outputs == [("R-0001", "save_pdf"), ("R-0001", "save_pdf")]


def test_no_printer_is_said_and_not_audited(qtbot) -> None:  # type: ignore[no-untyped-def]
    wf = FakeWizard(Record(Outcome("R-0002")))
    page = Page(wf)
    qtbot.addWidget(page)
    page.receipt_action("print")
    settle(qtbot, page)
    assert page.label.text().startswith("本机没有可用的打印机，回执未打印。")
    assert f"color: {BAD}" in page.label.styleSheet()
    assert wf.outputs == []


@pytest.mark.parametrize("action", ["print", "save", "preview"])
def test_nothing_happens_before_the_outcome(qtbot, action: str) -> None:  # type: ignore[no-untyped-def]
    wf = FakeWizard()
    page = Page(wf)
    qtbot.addWidget(page)
    page.receipt_action(action)
    settle(qtbot, page)
    assert wf.made == 0 and wf.outputs == [] and page.label.text() == ""
