"""The certificate's identity check with the person's own social security card (F3), read
through the real card layer (pcscd, vpcd, the card emulator) by the composition root's
adapter and checked at the reference central (``GET /v1/cards/{no}``): the person's own
current card is recorded as read (社保卡已读) in the record and the audit log; another
person's card, a card the central files under someone else, a replaced card and an empty
slot are said in Chinese, and the ID card alone still issues the certificate."""

from __future__ import annotations

import pytest

from central_sim.seed import card_no_with_check, id_with_check
from counter_app.bootstrap import CardLayerReader
from counter_app.central.client import HttpCentralClient
from counter_app.domain.errors import CounterError
from counter_app.workflows.certificate import CertificateContext, CertificateDesk, Step
from counter_app.workflows.queries import QueryContext, QueryDesk
from tests.fixtures.pcsc import EmulatorFixture
from tests.integration.certificate.test_certificate import BRANCH, LI_MING, Audit

CHEN_JING = id_with_check("33021119880715234")  # card NB000002? at CCB
SUN_QIANG = id_with_check("33028119750630567")  # old card NB000005? cancelled, NB000006? active


@pytest.fixture
def desk(client: HttpCentralClient, audit: Audit, emulator: EmulatorFixture) -> CertificateDesk:
    reader = CardLayerReader(emulator.card_reader, emulator.psam_reader, "330200")
    return CertificateDesk(CertificateContext(BRANCH, "ICBC-NB-0101", "C01", "t01", client, audit,
                                              card_reader=reader))


def test_own_card_is_recorded_and_the_certificate_says_so(desk: CertificateDesk,
                                                          audit: Audit) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    card = wf.read_card()  # the emulator's demo card: 李明, NB0000016, active at the central
    assert (card.card_no, card.card_state) == ("NB0000016", "ACTIVE")
    assert wf.record.card == card
    assert ("certificate.card_read", {"card_state": "ACTIVE"}) in audit.events
    wf.set_id_number(LI_MING.lower())  # the same person typed again keeps the card read
    assert wf.record.card == card
    wf.next()
    wf.apply(Step.OPTIONS, {"kind": "ALL", "months": "6"})
    issued = wf.issue()
    assert audit.events[-1] == ("certificate.issued", {
        "auth_code": issued.auth_code, "kind": "ALL", "months": 6, "id_source": "typed",
        "card_read": True})


def test_another_persons_card_is_refused(desk: CertificateDesk, audit: Audit,
                                         emulator: EmulatorFixture) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    assert wf.read_card().card_no == "NB0000016"
    # then another card is presented: refused, and the earlier read no longer counts
    emulator.insert_new_card(emulator.person(CHEN_JING, "陈静",
                                             card_number=card_no_with_check("NB000002")),
                             name="chen")
    with pytest.raises(CounterError) as other:
        wf.read_card()
    assert other.value.code == "CARD_OTHER_PERSON" and wf.record.card is None
    assert "不是本次核验人员本人的卡" in other.value.message_zh
    assert "交还" in other.value.message_zh and "凭身份证即可办理" in other.value.message_zh
    assert ("certificate.card_refused", {"code": "CARD_OTHER_PERSON"}) in audit.events
    # 陈静 herself, identified by her ID card number, has her card accepted
    wf.apply(Step.IDENTIFY, {"id_number": CHEN_JING})
    assert wf.read_card().card_no == card_no_with_check("NB000002")


def test_a_chip_naming_this_person_on_a_card_filed_under_another_is_refused(
        desk: CertificateDesk, emulator: EmulatorFixture) -> None:
    # a chip written with 李明's number on 陈静's card number: the central knows better
    emulator.insert_new_card(emulator.person(LI_MING, "李明",
                                             card_number=card_no_with_check("NB000002")),
                             name="forged")
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    with pytest.raises(CounterError) as other:
        wf.read_card()
    assert other.value.code == "CARD_OTHER_PERSON" and "中心系统登记" in other.value.message_zh
    assert wf.record.card is None


def test_a_replaced_card_is_not_the_current_one(desk: CertificateDesk,
                                                emulator: EmulatorFixture) -> None:
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": SUN_QIANG})
    emulator.insert_new_card(emulator.person(SUN_QIANG, "孙强",
                                             card_number=card_no_with_check("NB000005")),
                             name="old")
    with pytest.raises(CounterError) as old:
        wf.read_card()
    assert old.value.code == "CARD_NOT_CURRENT" and "注销" in old.value.message_zh
    assert "现用的社保卡" in old.value.message_zh and wf.record.card is None
    emulator.insert_new_card(emulator.person(SUN_QIANG, "孙强",
                                             card_number=card_no_with_check("NB000006")),
                             name="new")
    assert wf.read_card().card_no == card_no_with_check("NB000006")


def test_no_card_is_said_plainly_and_the_id_card_is_enough(desk: CertificateDesk, audit: Audit,
                                                           emulator: EmulatorFixture) -> None:
    emulator.remove()
    assert emulator.wait_removed()
    wf = desk.new()
    wf.apply(Step.IDENTIFY, {"id_number": LI_MING})
    with pytest.raises(CounterError) as none:
        wf.read_card()
    assert none.value.code == "CARD_NOT_READ" and "凭身份证即可继续办理" in none.value.message_zh
    assert not [a for a, _ in audit.events if a.startswith("certificate.card_")]
    assert wf.next() is Step.OPTIONS
    wf.apply(Step.OPTIONS, {"kind": "PENSION", "months": "6"})
    wf.issue()
    assert audit.events[-1][1]["card_read"] is False


def test_the_query_reads_the_persons_card_the_same_way(client: HttpCentralClient,
                                                        emulator: EmulatorFixture) -> None:
    audit = Audit()
    desk = QueryDesk(QueryContext(BRANCH, "ICBC-NB-0101", "ICBC", "C01", "t01", client, audit,
                                  card_reader=CardLayerReader(emulator.card_reader,
                                                              emulator.psam_reader, "330200")))
    wf = desk.new()
    wf.apply("identify", {"id_number": CHEN_JING})
    with pytest.raises(CounterError) as other:
        wf.read_card()  # the slot still holds 李明's demo card
    assert other.value.code == "CARD_OTHER_PERSON"
    assert ("query.card_refused", {"code": "CARD_OTHER_PERSON"}) in audit.events
    wf.apply("identify", {"id_number": LI_MING})
    assert wf.read_card().card_no == "NB0000016"
    wf.next()
    assert next(d for a, d in audit.events if a == "query.made")["card_read"] is True
