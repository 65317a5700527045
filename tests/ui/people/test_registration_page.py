"""The registration page driven as a teller would (keyboard and buttons), offscreen, against
the real reference central: the materials ticked, the ID card read, the employer found by its
credit code, a base one fen past the central's upper bound refused beside the field with the
bounds named, then accepted at the bound; the receipt saved as PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.ui.registration.page import (
    ContributionScreen,
    DoneScreen,
    EmployerScreen,
    IdentifyScreen,
    KindScreen,
    RegistrationPage,
)
from counter_app.workflows.registration import Kind, RegistrationDesk, Step
from tests.integration.people.conftest import EMPLOYER, ZHENG_LI, Counter, renewed

pytestmark = pytest.mark.central


def at(qtbot, page: RegistrationPage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy
                    and page.ops.pending == 0, timeout=15000)


def test_employee_registration_through_the_page(qtbot, counter: Counter,  # type: ignore[no-untyped-def]
                                                tmp_path: Path) -> None:
    page = RegistrationPage(RegistrationDesk(counter.ctx))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    page.open()
    at(qtbot, page, Step.KIND)
    kind = page.view(Step.KIND)
    assert isinstance(kind, KindScreen)
    qtbot.mouseClick(kind.kinds[Kind.EMPLOYEE], Qt.MouseButton.LeftButton)
    assert kind.frames[Kind.EMPLOYEE].isVisible() and not kind.frames[Kind.FLEXIBLE].isVisible()
    kind.boxes[(Kind.EMPLOYEE, "id_card")].setChecked(True)
    page.go_next()  # two materials not ticked: named, the step stays
    qtbot.waitUntil(lambda: "尚未核验" in kind.error.text(), timeout=10000)
    assert page.wf is not None and page.wf.step is Step.KIND
    assert "劳动合同" in kind.error.text()
    for key in ("employment", "credit_code"):
        kind.boxes[(Kind.EMPLOYEE, key)].setChecked(True)
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    at(qtbot, page, Step.IDENTIFY)
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyScreen)
    counter.id_reader.place(renewed(ZHENG_LI))
    page.step_key("F2")
    qtbot.waitUntil(lambda: "已读取身份证" in identify.who.text(), timeout=10000)
    assert identify.name.text() == "郑丽" and identify.name.isReadOnly()
    qtbot.keyClicks(identify.phone, "13905746688")
    page.go_next()
    at(qtbot, page, Step.EMPLOYER)
    employer = page.view(Step.EMPLOYER)
    assert isinstance(employer, EmployerScreen)
    qtbot.keyClicks(employer.code, EMPLOYER[:-1] + ("0" if EMPLOYER[-1] != "0" else "1"))
    page.step_key("F5")  # a wrong check character: refused on the counter, beside the field
    qtbot.waitUntil(lambda: "校验位" in employer.grid.errors["credit_code"].text(), timeout=10000)
    employer.code.setText(EMPLOYER.lower())
    page.step_key("F5")
    qtbot.waitUntil(lambda: "宁波甬港智能制造有限公司" in employer.info.text(), timeout=10000)
    page.go_next()
    at(qtbot, page, Step.CONTRIBUTION)
    contribution = page.view(Step.CONTRIBUTION)
    assert isinstance(contribution, ContributionScreen)
    qtbot.waitUntil(lambda: "22,311.00" in contribution.bounds.text(), timeout=10000)
    assert all(b.isEnabled() and b.isChecked() for b in contribution.boxes.values())
    qtbot.keyClicks(contribution.base, "22311.01")
    page.go_next()
    qtbot.waitUntil(lambda: "4,462.00元至22,311.00元" in contribution.grid.errors["base"].text(),
                    timeout=10000)
    contribution.base.setText("22311")
    page.go_next()
    at(qtbot, page, Step.CONFIRM)
    assert "22,311.00 元" in page.view(Step.CONFIRM).summary.text()
    page.step_key("F9")
    at(qtbot, page, Step.DONE)
    done = page.view(Step.DONE)
    assert isinstance(done, DoneScreen)
    assert "参保登记已完成" in done.result.text()
    target = tmp_path / "registration.pdf"
    page.receipt_action("save", target)
    qtbot.waitUntil(lambda: target.exists() and "已保存" in done.print_status.text(), timeout=15000)
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "职工参保登记" in text and "22,311.00" in text and ZHENG_LI not in text
    assert (target.stat().st_mode & 0o077) == 0  # owner only
    page.step_key("Ctrl+N")
    at(qtbot, page, Step.KIND)
    page.close_page()
