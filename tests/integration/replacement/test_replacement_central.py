"""Replacement and exchange against the reference central, with a real SQLite outbox:
own bank only (the right bank named), a lost card formally lost first (the loss offered),
same-number exchange keeping the bank account, the old card cancelled, the fee from the
central's branch configuration on the receipt, de-loss afterwards refused, a damaged card
with the old card read; the pre-loss validity read from the branch configuration."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from pypdf import PdfReader

from counter_app.central.errors import CentralRefusal
from counter_app.central.launcher import CentralSimHandle
from counter_app.central.sync import NewWorkRefused
from counter_app.devices.sscard import DEMO_CARDS
from counter_app.domain.identity import id_birth_date, id_sex
from counter_app.workflows.card_loss import CardLossWorkflow, Operation
from counter_app.workflows.card_loss import Step as LossStep
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.replacement import Reason, ReplacementWorkflow, Step
from counter_app.workflows.replacement.submission import explained
from tests.integration.card_loss.conftest import LI_MING, Counter

pytestmark = pytest.mark.central

def identified(counter: Counter, reason: Reason, id_number: str = LI_MING) -> ReplacementWorkflow:
    wf = ReplacementWorkflow(counter.ctx)
    wf.set_reason(reason)
    wf.set_id_number(id_number)
    wf.next()
    wf.find_card()
    return wf


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def person(name: str) -> str:
    from central_sim.seed import DEMO_PEOPLE

    return next(p.id_number for p in DEMO_PEOPLE if p.name == name)


def test_lost_card_replaced_at_own_bank_with_same_number(
        counters: dict[str, Counter], central: CentralSimHandle) -> None:
    icbc, ccb = counters["ICBC"], counters["CCB"]
    # at a CCB branch: refused before anything is sent, naming the bank to go to
    wf = identified(ccb, Reason.LOST)
    message, code = wf.card_error()
    assert code == "WRONG_BANK"
    assert "中国工商银行发行" in message and "本网点属于中国建设银行" in message
    with pytest.raises(StepInvalid):
        wf.next()
    # at the ICBC branch, not formally lost yet: the states named and the loss offered
    wf = identified(icbc, Reason.LOST)
    message, code = wf.card_error()
    assert code == "NEED_FORMAL_LOSS" and wf.needs_loss_first()
    assert "社保功能为“正常”" in message and "金融功能为“正常”" in message and "挂失" in message
    # the loss business first (social function only), then the replacement
    loss = CardLossWorkflow(icbc.ctx)
    loss.set_operation(Operation.LOSS)
    loss.set_id_number(LI_MING)
    loss.next()
    loss.find_card()
    loss.next()
    loss.choose(["social"])
    assert loss.submit().status == "done"
    wf = identified(icbc, Reason.LOST)
    assert wf.card_error() == ("", "")
    terms = wf.record.terms
    assert terms is not None and terms.same_number_exchange and terms.instant_issue
    assert wf.record.same_number  # offered first where the branch has it
    assert wf.next() is Step.OPTIONS
    old_account = central_account(central, "NB0000016")
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.kind == "EXCHANGE_SAME_NUMBER"
    assert outcome.making_mode == "FACTORY"  # this counter has no blank stock: said on screen
    assert outcome.fee_fen == terms.fee_fen == 2000
    assert icbc.ctx.store.status_of(outcome.op_id) == "done"
    old = icbc.client.card_status("NB0000016")
    assert old.card_state == "CANCELLED" and old.replacement_applied
    text = pdf_text(wf.documents())
    assert "20.00 元" in text and "业务编号" in text and "持卡人" in text
    assert "申请编号" not in text and "申请人" not in text
    assert "沿用原银行卡号" in text and "中心集中制卡" in text and "当场制卡" not in text
    assert "本柜台未配置即时制卡设备" in wf.making_note_zh()
    # the new card, once made, keeps the bank account (pensions and debits carry over)
    central.advance_production()
    central.advance_production()
    cards = icbc.client.person_cards(LI_MING)
    new = [c for c in cards if c.card_no != "NB0000016"]
    if new:  # made by the production ticker
        assert central_account(central, new[-1].card_no) == old_account
    # de-loss after the replacement: refused at the card step, saying why
    deloss = CardLossWorkflow(icbc.ctx)
    deloss.set_operation(Operation.DELOSS)
    deloss.set_id_number(LI_MING)
    deloss.next()
    deloss.find_card()
    icbc.card_reader.insert(DEMO_CARDS[LI_MING])  # he found the old card and brings it
    deloss.read_card()
    assert deloss.record.card is not None and deloss.record.card.card_no == "NB0000016"
    assert "已申请补卡" in deloss.card_error() and "不能解挂" in deloss.card_error()
    assert deloss.validate(LossStep.CARD)
    # a second replacement is about the new card if made, else the old one is refused
    again = identified(icbc, Reason.LOST)
    assert again.record.card is not None
    if again.record.card.card_no == "NB0000016":
        assert again.card_error()[1] == "REPLACEMENT_APPLIED"
    else:
        assert again.card_error()[1] == "NEED_FORMAL_LOSS"


def central_account(central: CentralSimHandle, card_no: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(central.db_url)
    with engine.connect() as conn:
        return str(conn.execute(text("select bank_account_no from cards where card_no = :n"),
                                {"n": card_no}).scalar_one())


def test_damaged_card_exchanged_with_the_old_card_read(counters: dict[str, Counter]) -> None:
    boc = counters["BOC"]
    liu = person("刘洋")  # BOC, both functions formally lost
    wf = identified(boc, Reason.DAMAGED, liu)
    assert wf.card_error()[1] == "CARD_IS_LOST"  # a lost card is a lost-card replacement
    wf.set_reason(Reason.LOST)
    assert wf.card_error() == ("", "")


def test_damaged_card_needs_the_old_card(counters: dict[str, Counter],
                                         central: CentralSimHandle) -> None:
    icbc = counters["ICBC"]
    he = person("何晨")  # ICBC, financial function PIN-locked, card not lost
    wf = identified(icbc, Reason.DAMAGED, he)
    message, code = wf.card_error()
    assert code == "OLD_CARD_NEEDED" and "F3" in message
    card_no = wf.record.card.card_no if wf.record.card else ""
    chip = replace(DEMO_CARDS[LI_MING], card_number=card_no, id_number=he, name="何晨",
                   birth_date=id_birth_date(he), sex=id_sex(he))
    icbc.card_reader.insert(chip)
    wf.read_card()
    assert wf.card_error() == ("", "")
    wf.next()
    wf.choose_same_number(False)
    outcome = wf.submit()
    assert outcome.kind == "EXCHANGE_DAMAGED" and not outcome.same_number
    text = pdf_text(wf.documents())
    assert "损坏换卡" in text and "已收回（芯片可读）" in text and "换发新银行卡号" in text


def test_the_centrals_refusal_names_the_bank() -> None:
    refusal = CentralRefusal(409, "WRONG_BANK", "x", {"card_bank": "ICBC", "branch_bank": "CCB"})
    message = explained(refusal, "ICBC").message_zh
    assert "中国工商银行的网点办理" in message and "本网点属于中国建设银行" in message


def test_line_down_refuses_the_replacement(counters: dict[str, Counter],
                                           central: CentralSimHandle) -> None:
    ccb = counters["CCB"]
    chen = person("陈静")
    central.line_down()
    try:
        wf = ReplacementWorkflow(ccb.ctx)
        wf.set_id_number(chen)
        wf.next()
        with pytest.raises(NewWorkRefused) as refused:
            wf.find_card()
        assert refused.value.code == "REPLACEMENT_NEEDS_CENTRAL"
        assert "专线中断" in refused.value.message_zh
    finally:
        central.line_up()


def test_pre_loss_validity_is_the_branch_configuration(central: CentralSimHandle,
                                                      counters: dict[str, Counter]) -> None:
    from sqlalchemy import create_engine, text

    ccb = counters["CCB"]
    card_no = ccb.client.person_cards(person("赵敏"))[0].card_no  # ABC, active
    engine = create_engine(central.db_url)
    with engine.begin() as conn:
        conn.execute(text("update branch_config set temp_loss_valid_days = 5 "
                          "where branch_code = 'ABC-NB-0101'"))
    before = dt.datetime.now(dt.UTC)
    central.pre_loss(card_no, "social")
    until = ccb.client.card_status(card_no).temp_loss_until
    assert until is not None
    until = until if until.tzinfo else until.replace(tzinfo=dt.UTC)
    assert dt.timedelta(days=5) <= until - before < dt.timedelta(days=5, minutes=1)
