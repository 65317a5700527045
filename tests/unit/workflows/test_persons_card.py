"""The person's own card in a read-only business (``workflows/persons_card``), headless on a
fake central through the same port: each state the central may file the card in, the line
down, a refusal of the central, a reader that is missing or finds no card, the journal and
the audit log (never the card's number)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from counter_app.card.emulator.factory import card_data_for
from counter_app.central import api as A
from counter_app.central.errors import CentralRefusal, CentralTimeoutError, LineDownError
from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader
from counter_app.domain.errors import CounterError
from counter_app.printing import BranchInfo
from counter_app.workflows.certificate import CertificateContext, CertificateWorkflow, Step
from counter_app.workflows.persons_card import CURRENT_STATES

LI_MING = "330203198506122017"
NOW = dt.datetime(2026, 3, 10, 2, 0, tzinfo=dt.UTC)
BRANCH = BranchInfo("ICBC-NB-0101", "中国工商银行宁波分行营业部", "中国工商银行", True)


class FakeCentral:
    def __init__(self, state: str = "ACTIVE", holder: str = LI_MING) -> None:
        self.state, self.holder = state, holder
        self.error: Exception | None = None
        self.asked: list[str] = []

    def card_status(self, card_no: str) -> A.CardStatus:
        self.asked.append(card_no)
        if self.error is not None:
            raise self.error
        return A.CardStatus(card_no, self.holder, "ICBC", self.state, "NORMAL", "NORMAL", False,
                            None, None, None, False, None)


class Audit:
    def __init__(self) -> None:
        self.events: list[tuple[str, dict[str, Any]]] = []

    def __call__(self, actor: str, action: str, /, **detail: Any) -> None:
        self.events.append((action, detail))


def workflow(central: FakeCentral, reader: SimulatedSocialCardReader | None,
             audit: Audit) -> CertificateWorkflow:
    ctx = CertificateContext(BRANCH, "ICBC-NB-0101", "C01", "t01", central, audit,
                             card_reader=reader, clock=lambda: NOW)
    wf = CertificateWorkflow(ctx)
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    return wf


@pytest.mark.parametrize("state", ["ACTIVE", "PENDING_ACTIVATION"])
def test_the_persons_current_card_is_recorded_without_its_number_in_the_audit(state: str) -> None:
    audit, central = Audit(), FakeCentral(state)
    wf = workflow(central, SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), audit)
    card = wf.read_card()
    assert (card.card_no, card.card_state, card.read_at) == ("NB0000016", state, NOW.isoformat())
    assert wf.record.card == card and central.asked == ["NB0000016"]
    assert audit.events == [("certificate.card_read", {"card_state": state})]
    assert [j.event for j in wf.journal][-1] == "card_read"
    assert "NB0000016" not in repr(audit.events) + repr(wf.journal)


@pytest.mark.parametrize("state", ["SEALED", "VOID", "CANCELLED"])
def test_a_card_no_longer_in_use_is_not_the_current_one(state: str) -> None:
    assert state not in CURRENT_STATES
    audit = Audit()
    wf = workflow(FakeCentral(state), SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), audit)
    with pytest.raises(CounterError) as refused:
        wf.read_card()
    assert refused.value.code == "CARD_NOT_CURRENT" and wf.record.card is None
    assert audit.events == [("certificate.card_refused", {"code": "CARD_NOT_CURRENT"})]


def test_a_card_filed_under_another_person_is_refused() -> None:
    audit = Audit()
    other = "330205199003011232"
    wf = workflow(FakeCentral(holder=other), SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), audit)
    with pytest.raises(CounterError) as refused:
        wf.read_card()
    assert refused.value.code == "CARD_OTHER_PERSON" and "中心系统登记" in refused.value.message_zh
    assert audit.events == [("certificate.card_refused", {"code": "CARD_OTHER_PERSON"})]


def test_another_persons_chip_is_refused_before_the_central_is_asked() -> None:
    audit, central = Audit(), FakeCentral()
    other = card_data_for("330205199003011232", "张伟")
    wf = workflow(central, SimulatedSocialCardReader(other), audit)
    with pytest.raises(CounterError) as refused:
        wf.read_card()
    assert refused.value.code == "CARD_OTHER_PERSON" and central.asked == []
    assert "凭身份证即可办理" in refused.value.message_zh


def test_an_unknown_card_and_other_refusals_of_the_central() -> None:
    central = FakeCentral()
    wf = workflow(central, SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), Audit())
    central.error = CentralRefusal(404, "CARD_NOT_FOUND", "无此卡")
    with pytest.raises(CounterError) as unknown:
        wf.read_card()
    assert unknown.value.code == "CARD_UNKNOWN" and "凭身份证办理" in unknown.value.message_zh
    central.error = CentralRefusal(403, "BRANCH_BLOCKED", "网点已停用")
    with pytest.raises(CentralRefusal) as blocked:
        wf.read_card()
    assert blocked.value.code == "BRANCH_BLOCKED" and wf.record.card is None


@pytest.mark.parametrize("error", [LineDownError(), CentralTimeoutError()])
def test_the_line_down_leaves_the_card_unchecked_and_not_recorded(error: Exception) -> None:
    audit, central = Audit(), FakeCentral()
    wf = workflow(central, SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), audit)
    wf.read_card()
    central.error = error
    with pytest.raises(CounterError) as unchecked:
        wf.read_card()
    assert unchecked.value.code == "CARD_NOT_CHECKED" and "凭身份证办理" in unchecked.value.message_zh
    assert wf.record.card is None  # the earlier read no longer counts
    assert [a for a, _ in audit.events] == ["certificate.card_read"]


def test_no_card_and_no_reader_are_said_plainly_and_the_id_card_is_enough() -> None:
    audit = Audit()
    wf = workflow(FakeCentral(), SimulatedSocialCardReader(), audit)
    with pytest.raises(CounterError) as empty:
        wf.read_card()
    assert empty.value.code == "CARD_NOT_READ"
    assert "读卡器中没有社保卡" in empty.value.message_zh
    assert "凭身份证即可继续办理" in empty.value.message_zh
    wf = workflow(FakeCentral(), None, audit)
    with pytest.raises(CounterError) as missing:
        wf.read_card()
    assert missing.value.code == "CARD_NOT_READ" and "未配置社保卡读卡器" in missing.value.message_zh
    assert audit.events == []
    assert wf.next() is Step.OPTIONS  # the ID card alone goes on


def test_another_person_identified_drops_the_card_the_same_keeps_it() -> None:
    wf = workflow(FakeCentral(), SimulatedSocialCardReader(DEMO_CARDS[LI_MING]), Audit())
    wf.read_card()
    wf.set_id_number(LI_MING)
    assert wf.record.card is not None
    wf.set_id_number("330205199003011232")
    assert wf.record.card is None
