"""领卡启用 and 集中制卡 driven as a teller would, offscreen, against the reference central and a
real store, for the cases the issue names: an EMS card's tracking number in the 说明 column; a
batch with an extra card and two cards swapped between envelopes (the differences on screen and
on the 签收清单); a minor's card collected by the guardian (the wrong guardian refused, the PIN
keyed in the masked dialog when the counter has no pad); an employer collecting with its
letter on the receipt, unactivated, then the holder activating the card brought; an ID card
read and the wrong card refused; a card lost before collection refused; the uncollected cards with their
ages on screen and on the 未领卡清单."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from central_sim.seed import id_with_check
from counter_app.bootstrap import emulated_chip
from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import card_data_for, new_personalised
from counter_app.devices.pinpad import DemoPinPad, PinEntry
from counter_app.devices.sscard import SimulatedSocialCardReader
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.identity import card_number_check_char
from counter_app.ui.production.page import HandoutPage, ProductionPage
from counter_app.workflows.production import ProductionDesk
from counter_app.workflows.production.handout import Step as HStep
from counter_app.workflows.production.record import Step
from tests.integration.production.conftest import Branch
from tests.ui.pages import idle, show
from tests.ui.production.conftest import activate_and_set_pin

pytestmark = pytest.mark.central

MINOR, GUARDIAN = "330206201503091028", "330203198506122017"
STRANGER = id_with_check("33021219830817012")  # an adult, not the minor's guardian


def _pdf_text(path: Path) -> str:
    return "".join(p.extract_text() for p in PdfReader(str(path)).pages)


def _chip_card(tmp_path: Path, idn: str, name: str, card_no: str) -> Any:
    """The made card in the emulated chip the page's PIN step writes to."""
    EmulatedCard(new_personalised(card_data_for(idn, name, card_number=card_no)),
                 tmp_path / "card.json").save()
    return emulated_chip(tmp_path / "card.json")


def test_an_ems_card_shows_its_tracking_number_in_the_explanation(
        qtbot: Any, branch: Branch) -> None:
    app, name = branch.take(collection="EMS")
    branch.advance(2)  # made and handed to EMS before anyone opened 集中制卡
    branch.pull()
    ems = branch.client.application(app.application_id).ems_tracking_no
    assert ems
    page = show(qtbot, ProductionPage(branch.desk()))
    home = page.view(Step.CHOOSE)
    home.query.setText(name)
    page.search()
    idle(qtbot, page)
    assert home.results.rowCount() == 1
    assert home.results.item(0, 2).text() == "已寄出" and home.results.item(0, 4).text() == "EMS邮寄"
    assert f"邮件号 {ems}" in home.results.item(0, 5).text()


def test_a_batch_with_an_extra_card_and_two_swapped_cards(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    apps = [branch.take() for _ in range(3)]
    branch.advance(2)
    got = [branch.client.application(a.application_id) for a, _ in apps]
    batch_id = got[0].batch_id
    assert batch_id and {g.batch_id for g in got} == {batch_id}
    (a1, n1), (a2, n2), (a3, n3) = apps
    c1, c2, c3 = (g.card_no or "" for g in got)
    extra_no = "NB999999" + card_number_check_char("NB999999")
    reader = SimulatedSocialCardReader()
    page = show(qtbot, ProductionPage(branch.desk(card_reader=reader)))
    home = page.view(Step.CHOOSE)
    ids = [home.batches.item(i).data(Qt.ItemDataRole.UserRole) for i in range(home.batches.count())]
    home.batches.setCurrentRow(ids.index(batch_id))
    page.choose_batch()
    idle(qtbot, page)
    read = page.view(Step.READ)
    # card 1 in card 2's envelope and card 2 in card 1's; card 3 in its own; one card extra
    for envelope, idn, name, card_no in ((a2.application_id, a1.id_number, n1, c1),
                                         (a1.application_id, a2.id_number, n2, c2),
                                         (a3.application_id, a3.id_number, n3, c3),
                                         ("", GUARDIAN, "李明", extra_no)):
        reader.insert(card_data_for(idn, name, card_number=card_no))
        read.envelope.setText(envelope)
        page.step_key("F2")
        idle(qtbot, page)
    assert "已核对 3 张" in read.summary.text() and "差异 3 项" in read.summary.text()
    problems = [read.problems.item(i).text() for i in range(read.problems.count())]
    assert sorted(p[:2] for p in problems) == ["多卡", "错装", "错装"]
    assert any(f"申领 {a2.application_id} 的信封内装的是卡号 {c1}" in p for p in problems)
    assert any(f"申领 {a1.application_id} 的信封内装的是卡号 {c2}" in p for p in problems)
    assert any(extra_no in p and p.startswith("多卡") for p in problems)
    assert read.outstanding.count() == 0
    page.go_next()
    idle(qtbot, page)
    place = page.view(Step.PLACE)
    assert "签收入柜 3 张；上报差异 3 项" in place.summary.text()
    placed = sorted(place.differences.item(i).text()[:2] for i in range(place.differences.count()))
    assert placed == ["多卡", "错装", "错装"]
    place.box.setText("c03")
    page.confirm()
    idle(qtbot, page)
    assert page.wizard.current == Step.DONE
    pdf = tmp_path / "receipt.pdf"
    page.save_receipt(pdf)
    idle(qtbot, page)
    text = _pdf_text(pdf)
    assert "签收清单" in text and "C03-001" in text and "C03-003" in text
    assert text.count("已签收（错装已更正）") == 2 and "多卡，退回" in text and extra_no in text
    assert "缺卡" not in text
    batch, = (b for b in branch.client.batches(branch.profile.branch_code, state="RECEIVED")
              if b.batch_id == batch_id)
    assert sorted(d.kind for d in batch.differences) == ["EXTRA", "MISMATCHED", "MISMATCHED"]


def test_a_minors_card_collected_by_the_guardian_with_the_pin_in_the_masked_dialog(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    application_id, card_no, _, name = branch.received(id_number=MINOR, guardian=GUARDIAN)
    reader = SimulatedSocialCardReader(card_data_for(MINOR, name, card_number=card_no))
    ctx = branch.context(card_reader=reader)
    ctx.chip = _chip_card(tmp_path, MINOR, name, card_no)
    assert ctx.pin_pad is None  # no PIN pad at this counter: the masked dialog asks
    asked: list[Any] = []
    answers: list[tuple[PinEntry, PinEntry] | None] = [
        None, (PinEntry("802413"), PinEntry("802413"))]  # cancelled once, then keyed

    def ask_pins(parent: Any) -> tuple[PinEntry, PinEntry] | None:
        asked.append(parent)
        return answers.pop(0)

    hand = show(qtbot, HandoutPage(ProductionDesk(ctx), ask_pins=ask_pins))
    ident = hand.view(HStep.IDENTIFY)
    qtbot.mouseClick(ident.radios[next(k for k in ident.radios if k.value == "GUARDIAN")],
                     Qt.MouseButton.LeftButton)
    assert ident.holder.isEnabled() and ident.proof.isEnabled() and not ident.credit.isEnabled()
    # someone who is not the guardian the central has on record: refused, nothing found
    ident.id_number.setText(STRANGER)
    ident.holder.setText(MINOR)
    ident.proof.setChecked(True)
    hand.find_card()
    idle(qtbot, hand)
    assert "领卡人与中心登记的监护人不符" in hand.banner.text()
    assert hand.wizard.current == HStep.IDENTIFY and not hand.wizard.record.application_id
    # the guardian, the proof not yet seen: told beside the box
    ident.id_number.setText(GUARDIAN)
    ident.proof.setChecked(False)
    hand.find_card()
    idle(qtbot, hand)
    assert "监护关系证明" in ident.grid.errors["guardian_proof"].text()
    assert hand.wizard.current == HStep.IDENTIFY
    ident.proof.setChecked(True)
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD and "R-001" in hand.view(HStep.CARD).info.text()
    hand.read_card()
    idle(qtbot, hand)
    hand.activate()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.PIN
    assert "本机未连接密码键盘" in hand.view(HStep.PIN).pad.text()
    hand.set_pin()
    idle(qtbot, hand)
    assert "持卡人取消了设置密码" in hand.banner.text() and hand.wizard.current == HStep.PIN
    hand.set_pin()
    idle(qtbot, hand)
    assert asked == [hand, hand] and hand.wizard.current == HStep.DONE
    ctx.chip.verify_pin(PinEntry("802413"))  # the PIN keyed in the dialog is on the chip
    assert branch.client.application(application_id).state == "ACTIVATED"
    pdf = tmp_path / "handout.pdf"
    hand.save_receipt(pdf)
    idle(qtbot, hand)
    text = _pdf_text(pdf)
    assert "监护人代领" in text and "已查验监护关系证明" in text
    assert b"802413" not in branch.store.path.read_bytes()


def _employ(branch: Branch, idn: str, body17: str = "91330206MA2H00101") -> str:
    """The holder registered at the central as an employee of a seeded employer: its code."""
    from central_sim.people import credit_code_with_check
    from counter_app.central.people_api import RegistrationRequest

    code = credit_code_with_check(body17)
    branch.client.register_person(idn, RegistrationRequest(
        branch_code=branch.profile.branch_code, kind="EMPLOYEE", insurances=("PENSION",),
        base_fen=600000, start_month="202611", credit_code=code), idempotency_key=str(uuid.uuid4()))
    return code


def test_an_employer_collects_unactivated_then_the_holder_activates(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    from central_sim.people import credit_code_with_check

    application_id, card_no, idn, name = branch.received()
    employer = _employ(branch, idn)
    ctx = branch.context(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no)))
    ctx.chip = _chip_card(tmp_path, idn, name, card_no)
    ctx.pin_pad = DemoPinPad(timeout_s=5)
    hand = show(qtbot, HandoutPage(ProductionDesk(ctx)))
    ident = hand.view(HStep.IDENTIFY)
    qtbot.mouseClick(ident.radios[next(k for k in ident.radios if k.value == "EMPLOYER")],
                     Qt.MouseButton.LeftButton)
    assert ident.credit.isEnabled() and not ident.proof.isEnabled()
    ident.id_number.setText(GUARDIAN)  # the employer's clerk
    ident.holder.setText(idn)
    ident.credit.setText("91330200MA2AB3CD4E")  # a wrong check character
    ident.employer.setText("宁波甬港智能制造有限公司")
    ident.letter.setText("甬港人2026第12号")
    hand.find_card()
    idle(qtbot, hand)
    assert "校验位不符" in ident.grid.errors["credit_code"].text()
    assert hand.wizard.current == HStep.IDENTIFY
    ident.credit.setText(credit_code_with_check("91330205MA2H00202"))  # valid, another company
    hand.find_card()
    idle(qtbot, hand)
    assert "参保单位不符" in hand.banner.text() and hand.wizard.current == HStep.IDENTIFY
    ident.credit.setText(employer)
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD
    hand.read_card()
    idle(qtbot, hand)
    hand.activate()  # handed out only: no PIN step for the employer's clerk
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.DONE and HStep.PIN not in hand.wizard.step_keys()
    assert "未启用" in hand.view(HStep.DONE).result.text()
    assert branch.client.application(application_id).state == "ISSUED_NOT_ACTIVATED"
    pdf = tmp_path / "handout.pdf"
    hand.save_receipt(pdf)
    idle(qtbot, hand)
    text = _pdf_text(pdf)
    assert "单位代领" in text and employer in text and "甬港人2026第12号" in text
    assert "未启用" in text and "持卡人本人" in text
    # the holder comes with the card the employer took: 领卡启用 of a brought card
    hand.new_handout()
    idle(qtbot, hand)
    ident.id_number.setText(idn)
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD and hand.wizard.record.brought
    assert "持卡人带来的卡片" in hand.view(HStep.CARD).info.text()
    hand.read_card()
    idle(qtbot, hand)
    activate_and_set_pin(qtbot, hand, ctx.pin_pad, "802413")
    assert branch.client.application(application_id).state == "ACTIVATED"
    ctx.chip.verify_pin(PinEntry("802413"))
    assert b"802413" not in branch.store.path.read_bytes()


def test_an_ems_card_the_holder_brings_is_activated_on_the_page(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    app, name = branch.take(collection="EMS")
    branch.advance(2)
    branch.pull()
    sent = branch.client.application(app.application_id)
    assert sent.state == "SHIPPED" and sent.card_no
    ctx = branch.context(card_reader=SimulatedSocialCardReader(
        card_data_for(app.id_number, name, card_number=sent.card_no)))
    ctx.chip = _chip_card(tmp_path, app.id_number, name, sent.card_no)
    ctx.pin_pad = DemoPinPad(timeout_s=5)
    hand = show(qtbot, HandoutPage(ProductionDesk(ctx)))
    hand.view(HStep.IDENTIFY).id_number.setText(app.id_number)
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD, hand.banner.text()
    assert "持卡人带来的卡片" in hand.view(HStep.CARD).info.text()
    hand.read_card()
    idle(qtbot, hand)
    activate_and_set_pin(qtbot, hand, ctx.pin_pad, "361947")
    assert "已发放并启用" in hand.view(HStep.DONE).result.text()
    assert branch.client.application(app.application_id).state == "ACTIVATED"
    ctx.chip.verify_pin(PinEntry("361947"))


def test_an_id_card_read_and_the_wrong_card_refused(qtbot: Any, branch: Branch) -> None:
    from counter_app.devices.idcard import IdCardData, SimulatedIdCardReader

    application_id, card_no, idn, name = branch.received()
    reader = SimulatedSocialCardReader(card_data_for(GUARDIAN, "李明", card_number="NB0000016"))
    ctx = branch.context(card_reader=reader)
    born = dt.date(int(idn[6:10]), int(idn[10:12]), int(idn[12:14]))
    ctx.id_reader = SimulatedIdCardReader(IdCardData(
        idn, name, "1", "汉族", born, "浙江省宁波市海曙区", "宁波市公安局海曙分局",
        dt.date(2020, 1, 1), None))
    hand = show(qtbot, HandoutPage(ProductionDesk(ctx)))
    ident = hand.view(HStep.IDENTIFY)
    hand.read_id_card()
    idle(qtbot, hand)
    assert ident.id_number.text() == idn and hand.wizard.record.identity.source == "reader"
    hand.find_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.CARD and "R-001" in hand.view(HStep.CARD).info.text()
    hand.read_card()  # the teller took another envelope's card
    idle(qtbot, hand)
    banner = hand.banner.text()
    assert "不是该持卡人的卡" in banner and "R-001" in banner
    assert hand.wizard.current == HStep.CARD and not hand.wizard.record.card_read
    reader.insert(card_data_for(idn, name, card_number=card_no))
    hand.read_card()
    idle(qtbot, hand)
    assert hand.wizard.current == HStep.ACTIVATE and hand.wizard.record.card_read
    assert branch.client.application(application_id).state == "BRANCH_RECEIVED"


def test_a_card_lost_before_collection_is_refused_on_the_banner(
        qtbot: Any, branch: Branch) -> None:
    application_id, card_no, idn, name = branch.received()
    branch.client.formal_loss(card_no, branch_code=branch.profile.branch_code,
                              functions=["social", "financial"],
                              idempotency_key=str(uuid.uuid4()))
    desk = branch.desk(card_reader=SimulatedSocialCardReader(
        card_data_for(idn, name, card_number=card_no)))
    hand = show(qtbot, HandoutPage(desk))
    hand.view(HStep.IDENTIFY).id_number.setText(idn)
    hand.find_card()
    idle(qtbot, hand)
    banner = hand.banner.text()
    assert "在领取前已挂失（社保功能、金融功能），不能发放" in banner and "挂失补卡" in banner
    assert "解挂" in banner and hand.wizard.current == HStep.IDENTIFY
    assert [t.application_id for t in desk.ctx.repo.in_custody()] == [application_id]
    assert branch.client.application(application_id).state == "BRANCH_RECEIVED"


def test_uncollected_cards_with_their_age_on_screen_and_on_the_list(
        qtbot: Any, branch: Branch, tmp_path: Path) -> None:
    old_app, _ = branch.take()
    branch.advance(2)
    old_card = branch.client.application(old_app.application_id).card_no or ""
    long_ago = dt.datetime(2025, 3, 10, 2, 0, tzinfo=dt.UTC)  # 10:00 in Ningbo
    desk = branch.desk(clock=lambda: long_ago)
    desk.new_receipt().batches()
    wf = desk.open_receipt(branch.client.application(old_app.application_id).batch_id or "")
    wf.add_read(old_card, old_app.application_id)
    wf.next()
    wf.apply(Step.PLACE, {"box": "G01"})
    wf.confirm()
    branch.received()  # another card, received today (box R)
    page = show(qtbot, ProductionPage(branch.desk()))
    home = page.view(Step.CHOOSE)
    table = home.uncollected_table
    qtbot.waitUntil(lambda: table.rowCount() == 2 and table.isVisible(), timeout=20000)
    rows = {table.item(i, 0).text(): [table.item(i, j).text() for j in range(8)]
            for i in range(2)}
    now = dt.datetime.now(dt.UTC)
    age = (now - long_ago).days
    old = rows["G01-001"]
    assert old[7] == old_app.application_id and old[6] == old_card
    assert old[1:5] == ["退回封存", str(age), "2026-03-10", "2025-03-10"]
    today = now.astimezone(CHINA_TIME).date()
    new = rows["R-001"]
    assert new[4] == today.isoformat() and new[2] == "0" and new[1] == "通知领卡"
    last = calendar.monthrange(today.year + 1, today.month)[1]  # 29 Feb kept until 28 Feb
    assert new[3] == dt.date(today.year + 1, today.month, min(today.day, last)).isoformat()
    assert table.item(0, 0).foreground().color() != table.item(1, 0).foreground().color()
    assert "其中 1 张已超过保管期" in home.uncollected.text()
    pdf = tmp_path / "uncollected.pdf"
    page.save_uncollected(pdf)
    idle(qtbot, page)
    text = _pdf_text(pdf)
    assert "未领卡清单" in text and "保管期 12 个月" in text and "逾期待退回封存 1 张" in text
    assert "2026-03-10" in text and str(age) in text and "退回封存" in text and "通知领卡" in text
    assert "G01-001" in text and "R-001" in text
