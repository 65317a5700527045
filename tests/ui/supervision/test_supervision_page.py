"""主管管理 driven as a supervisor would, offscreen: dead letters retried and discarded (reason
required, a wrong password refused), the audit log searched with the chain's state and a
tampered chain's break, a session left open force-closed; only supervisors see the page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from counter_app.ui.ops import Ops
from counter_app.ui.supervision import TABS, SupervisionEnv, SupervisionPage
from counter_app.ui.supervision.audit_log import AuditLogTab
from counter_app.ui.supervision.dead_letters import DeadLettersTab
from counter_app.ui.supervision.sessions import SessionsTab
from counter_app.workflows.supervision import parse_query
from tests.ui.test_shell import close, start, type_login
from tests.unit.supervision.helpers import (
    SUPER_PASSWORD,
    SUPERVISOR,
    TELLER,
    TELLER_PASSWORD,
    code,
    dead_letters,
    tamper,
)


@pytest.fixture
def ops() -> Iterator[Ops]:
    made = Ops()
    yield made
    made.shutdown()


def page_for(qtbot, services, ops: Ops) -> SupervisionPage:  # type: ignore[no-untyped-def]
    page = SupervisionPage(SupervisionEnv(services, SUPERVISOR, ops))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    return page


def authorise(qtbot, fields, password: str, ahead: int = 0) -> None:  # type: ignore[no-untyped-def]
    fields.password.clear()
    qtbot.keyClicks(fields.password, password)
    fields.otp.clear()
    qtbot.keyClicks(fields.otp, code(SUPERVISOR, ahead))


def button(tab, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
    found = tab.findChild(QPushButton, name)
    assert found is not None, name
    return found


def idle(tab) -> bool:  # type: ignore[no-untyped-def]
    return not tab.busy


def test_a_dead_letter_retried_and_one_discarded(qtbot, make_services, ops) -> None:
    services = make_services()
    first, second = dead_letters(services, ("persons.data_change", "CHANGE_NEEDS_PROOF"),
                                 ("cards.loss", "CARD_IS_LOST"))
    page = page_for(qtbot, services, ops)
    page.open()
    tab = page.tab("dead_letters")
    assert isinstance(tab, DeadLettersTab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 2 and idle(tab), timeout=10000)
    assert tab.table.item(0, 0).text() == f"#{first}"
    assert tab.table.item(0, 1).text() == "参保信息变更" and tab.table.item(0, 2).text() == "CHANGE_NEEDS_PROOF"
    assert "证明" in tab.table.item(0, 3).text()
    assert tab.fields.user.text() == SUPERVISOR  # the signed-in supervisor, pre-filled

    authorise(qtbot, tab.fields, SUPER_PASSWORD)
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)  # no reason typed
    qtbot.waitUntil(lambda: "理由" in tab.message.text() and idle(tab), timeout=10000)
    assert tab.table.rowCount() == 2 and tab.fields.password.text() == ""

    tab.reason.setText("申请人已补齐公安证明")  # typed through the input method
    authorise(qtbot, tab.fields, "not-the-password-1")
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "不正确" in tab.message.text() and idle(tab), timeout=10000)
    assert tab.table.rowCount() == 2

    authorise(qtbot, tab.fields, SUPER_PASSWORD)
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已改为重新上传" in tab.message.text() and tab.table.rowCount() == 1
                    and idle(tab), timeout=10000)
    assert tab.table.item(0, 0).text() == f"#{second}" and tab.reason.text() == ""

    tab.decision.setCurrentIndex(tab.decision.findData("discard"))
    tab.reason.setText("中心已挂失，无需再报")
    authorise(qtbot, tab.fields, SUPER_PASSWORD, ahead=1)  # a code is accepted only once
    qtbot.mouseClick(tab.decide_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已作废" in tab.message.text() and tab.table.rowCount() == 0
                    and idle(tab), timeout=10000)
    assert "没有异常件" in tab.summary.text() and not tab.decide_button.isEnabled()
    assert services.sync.repo.counts() == {"pending": 1, "discarded": 1}
    actions = [r.action for r in services.audit_log_viewer().search(
        parse_query(teller=SUPERVISOR, action="outbox")).rows]
    assert sorted(actions) == ["outbox.dead_letter_discard", "outbox.dead_letter_retry"]


def test_audit_search_shows_the_chain_state_and_a_break(qtbot, make_services, ops) -> None:
    services = make_services()
    page = page_for(qtbot, services, ops)
    tab = page.show_tab("audit")
    assert isinstance(tab, AuditLogTab)
    qtbot.waitUntil(lambda: tab.chain is not None and idle(tab), timeout=15000)
    assert tab.chain_label.property("state") == "ok" and "已校验至第" in tab.chain_label.text()
    assert tab.table.rowCount() > 0

    tab.text.setText("开始营业")  # the Chinese name of session.opened, typed through the IME
    qtbot.keyClick(tab.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: idle(tab) and tab.result is not None and tab.result.total == 1,
                    timeout=10000)
    assert tab.table.item(0, 2).text() == TELLER and tab.table.item(0, 3).text() == "开始营业"
    tab.text.clear()
    tab.since.setText("2026/11/01")
    qtbot.mouseClick(button(tab, "AuditSearch"), Qt.MouseButton.LeftButton)
    assert "格式不正确" in tab.message.text()
    tab.since.clear()

    tamper(services.store.path, 2)
    qtbot.mouseClick(button(tab, "VerifyAuditChain"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.chain_label.property("state") == "broken" and idle(tab),
                    timeout=15000)
    assert "审计链断裂" in tab.chain_label.text() and "自第 2 条起" in tab.chain_label.text()


def test_a_session_left_open_is_force_closed(qtbot, make_services, ops) -> None:
    services = make_services()  # T0301's day is open
    page = page_for(qtbot, services, ops)
    tab = page.show_tab("sessions")
    assert isinstance(tab, SessionsTab)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 1 and idle(tab), timeout=10000)
    assert tab.table.item(0, 0).text() == TELLER and "分钟" in tab.table.item(0, 4).text()
    tab.reason.setText("柜员已下班未日终")
    authorise(qtbot, tab.fields, SUPER_PASSWORD)
    qtbot.mouseClick(tab.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "强制结束" in tab.message.text() and tab.table.rowCount() == 0
                    and idle(tab), timeout=10000)
    assert SUPERVISOR in tab.message.text() and "没有未结束的会话" in tab.summary.text()
    assert not services.session_desk(TELLER).ready()


def test_only_supervisors_see_the_page(qtbot, make_services) -> None:
    services = make_services()
    app = start(qtbot, services)
    type_login(qtbot, app, TELLER, TELLER_PASSWORD)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)
    assert "supervision" not in [k for k, _ in app.main.menu_keys()]
    assert app.main.supervision_page() is None
    close(app)

    app = start(qtbot, services)
    type_login(qtbot, app, SUPERVISOR, SUPER_PASSWORD)
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)
    assert ("supervision", True) in app.main.menu_keys()
    app.main.route_to("supervision")
    page = app.main.day_pages["supervision"]
    assert isinstance(page, SupervisionPage) and app.main.work_area.currentWidget() is page
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [t.title_zh for t in TABS]
    tab = page.tab("dead_letters")
    qtbot.waitUntil(lambda: idle(tab) and "没有异常件" in tab.summary.text(), timeout=10000)
    close(app)
