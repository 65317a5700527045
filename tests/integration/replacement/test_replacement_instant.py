"""A replacement made on the spot (即时制卡) against the reference central, a real SQLite store
and the in-process card emulator: same-number exchange at the instant branch, straight into
the issuance — the new card carries the old bank account, the old card number is cancelled,
the issuance receipt names the replacement; a photo is required when none is on file; no
blank in custody means central production; a non-instant branch still goes to the central.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import uuid
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, text

from central_sim.seed import DEMO_PEOPLE, generated_id
from counter_app.card.perso import FileJournalStore
from counter_app.central.launcher import CentralSimHandle
from counter_app.devices.card_printer import PdfCardPrinter
from counter_app.devices.pinpad import DemoPinPad
from counter_app.printing import BranchInfo
from counter_app.store.issuance import IssuanceStore
from counter_app.store.replacement_issuance import ReplacementIssuanceStore
from counter_app.workflows.card_loss import CardLossWorkflow, Operation
from counter_app.workflows.issuance import IssuanceContext, IssuanceDesk, IssuanceWorkflow, Outcome
from counter_app.workflows.issuance.chip import chip_serial
from counter_app.workflows.issuance.emulated_slot import EmulatedSlot
from counter_app.workflows.kernel import StepInvalid
from counter_app.workflows.replacement import Reason, ReplacementWorkflow, Step
from counter_app.workflows.replacement.making import InstantMaking
from tests.fixtures.instant_application import accept_instant_application
from tests.integration.card_loss.conftest import LI_MING, Counter
from tests.integration.issuance.conftest import HeldBlanks

pytestmark = pytest.mark.central

PORTRAIT = Path(__file__).resolve().parents[2] / "data" / "photos" / "portrait.jpg"
BRANCH = "ICBC-NB-0101"  # instant, same-number exchange
NON_INSTANT = "ICBC-NB-0102"  # the demo non-instant ICBC branch
_people = itertools.count(2600)  # generated adults without a card (this module's central)
HE_CHEN = next(p.id_number for p in DEMO_PEOPLE if p.name == "何晨")  # ICBC, card not lost


class Recording:
    """The central as the issuance sees it, keeping the personalisation data it handed out."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.personalised: list[Any] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.client, name)

    def personalisation_data(self, application_id: str) -> Any:
        data = self.client.personalisation_data(application_id)
        self.personalised.append(data)
        return data


class Made:
    """The instant side of one counter: blanks held by the teller, the slot, the issuance."""

    def __init__(self, counter: Counter, tmp: Path) -> None:
        self.counter = counter
        self.custody = HeldBlanks()
        self.slot = EmulatedSlot()
        self.pad = DemoPinPad(timeout_s=5)
        self.port = InstantMaking(ReplacementIssuanceStore(counter.store, counter.ctx.branch_code),
                                  lambda: len(self.custody.held))
        self.central = Recording(counter.client)
        self.issuance = IssuanceContext(
            branch=BranchInfo(BRANCH, "工商银行宁波鼓楼支行", "中国工商银行", True),
            branch_code=counter.ctx.branch_code, counter_id="03", teller="T0301",
            central=self.central, store=IssuanceStore(counter.store, counter.ctx.branch_code),
            slot=self.slot, journals=FileJournalStore(tmp / "perso-journal"),
            printer=PdfCardPrinter(tmp / "faces"), custody=self.custody, pin_pad=self.pad,
            sync_status=counter.sync.status, power_on_pause_s=0.0, sleep=lambda _s: None)

    def blank(self) -> str:
        serial = chip_serial(self.slot.insert_blank())
        self.custody.held.add(serial)
        return serial

    def issue(self, application_no: str) -> IssuanceWorkflow:
        self.blank()
        self.pad.key_in("207419", "207419")
        wf = IssuanceWorkflow.open(self.issuance, application_no)
        assert wf.advance()
        assert wf.record.outcome is Outcome.ISSUED
        return wf

    def replacement(self, reason: Reason, id_number: str) -> ReplacementWorkflow:
        wf = ReplacementWorkflow(self.counter.ctx, instant=self.port)
        wf.set_reason(reason)
        wf.set_id_number(id_number)
        wf.next()
        wf.find_card()
        return wf


def formally_lost(counter: Counter, id_number: str) -> None:
    loss = CardLossWorkflow(counter.ctx)
    loss.set_operation(Operation.LOSS)
    loss.set_id_number(id_number)
    loss.next()
    loss.find_card()
    loss.next()
    loss.choose(["social", "financial"])
    assert loss.submit().status == "done"


def central_row(central: CentralSimHandle, sql: str, **params: str) -> str:
    with create_engine(central.db_url).connect() as conn:
        return str(conn.execute(text(sql), params).scalar_one())


def pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def first_card(counter: Counter, made: Made) -> tuple[str, str]:
    """A fresh person's card applied for and made on the spot at this counter: (id, card)."""
    id_number = generated_id(next(_people))
    application_no, _ = accept_instant_application(counter.client, counter.store, id_number, BRANCH)
    return id_number, made.issue(application_no).record.card_no


@pytest.fixture
def icbc(counters: dict[str, Counter]) -> Counter:
    return counters["ICBC"]


def test_same_number_replacement_made_on_the_spot_with_the_photo_on_file(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    made = Made(icbc, tmp_path)
    id_number, old_card = first_card(icbc, made)
    old_account = central_row(central, "select bank_account_no from cards where card_no = :n",
                              n=old_card)
    formally_lost(icbc, id_number)
    made.blank()  # one blank for the new card
    made.slot.remove()
    wf = made.replacement(Reason.LOST, id_number)
    m = wf.record.making
    assert m.offered and m.instant and m.blanks == 1  # offered first: a blank is held
    assert m.photo is not None and m.photo.source == "on_file"  # the application's, hash checked
    assert m.photo.sha256 == hashlib.sha256(PORTRAIT.read_bytes()).hexdigest()
    assert wf.record.same_number and "当场制卡" in wf.making_note_zh()
    assert wf.next() is Step.OPTIONS
    outcome = wf.submit()
    assert outcome.status == "done" and outcome.making_mode == "INSTANT"
    assert outcome.kind == "EXCHANGE_SAME_NUMBER"
    assert icbc.client.card_status(old_card).card_state == "CANCELLED"
    receipt = pdf_text(wf.documents())
    assert "当场制卡" in receipt and "尚未开通" not in receipt and "集中制卡" not in receipt
    # the issuance finds it, and makes it with the photo on file
    number = wf.issuance_no
    assert number and number in [c.application_no for c in IssuanceDesk(made.issuance).waiting()]
    made.slot.reinsert()  # the blank held since the morning goes into the reader
    made.pad.key_in("207419", "207419")
    issued = IssuanceWorkflow.open(made.issuance, number)
    assert issued.applicant.photo == PORTRAIT.read_bytes()
    assert issued.advance() and issued.record.outcome is Outcome.ISSUED
    new_card = issued.record.card_no
    assert new_card != old_card
    status = icbc.client.card_status(new_card)
    assert status.card_state == "ACTIVE" and status.application_id == outcome.application_id
    # same-number exchange: the data the chip was personalised with carries the old account
    written = [d for d in made.central.personalised if d.card_no == new_card]
    assert written and {d.bank_account_no for d in written} == {old_account}
    assert central_row(central, "select bank_account_no from cards where card_no = :n",
                       n=new_card) == old_account
    assert icbc.client.card_status(old_card).card_state == "CANCELLED"
    text_ = pdf_text(issued.receipt_pdf())
    assert "社会保障卡遗失补卡（同号换卡）" in text_ and "即时制卡回执" in text_
    assert (tmp_path / "faces" / f"{number}-face.pdf").read_bytes().startswith(b"%PDF")
    # a second submit does not record a second instant application
    assert wf.submit() == outcome and wf.issuance_no == number


def test_without_a_photo_on_file_a_new_photo_is_required(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    made = Made(icbc, tmp_path)
    formally_lost(icbc, LI_MING)  # NB0000016: made before this counter, no photo here
    made.blank()
    wf = made.replacement(Reason.LOST, LI_MING)
    assert wf.record.making.instant and wf.record.making.photo is None
    assert wf.next() is Step.OPTIONS
    with pytest.raises(StepInvalid) as refused:
        wf.submit()
    assert "照片" in refused.value.errors["photo"]
    assert icbc.client.card_status("NB0000016").card_state == "ACTIVE"  # nothing sent
    photo = wf.import_photo(PORTRAIT.read_bytes())
    assert photo.source == "file" and not photo.failed and wf.photo_jpeg
    outcome = wf.submit()
    assert outcome.making_mode == "INSTANT"
    sent = central_row(central, "select photo_sha256 from applications where application_id = :a",
                       a=outcome.application_id)
    assert sent == hashlib.sha256(wf.photo_jpeg).hexdigest() == photo.sha256
    issued = made.issue(wf.issuance_no)
    assert issued.applicant.photo == wf.photo_jpeg


def test_no_blank_in_custody_goes_to_central_production(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    made = Made(icbc, tmp_path)
    wf = made.replacement(Reason.DAMAGED, HE_CHEN)
    wf.apply(Step.CARD, {"chip_unreadable": "1"})
    m = wf.record.making
    assert m.offered and not m.instant and m.blanks == 0
    assert "没有可用的空白卡" in wf.making_note_zh()
    assert wf.next() is Step.OPTIONS
    errors = wf.apply(Step.OPTIONS, {"making": "instant", "same_number": "1"})
    assert "没有可用的空白卡" in errors["making"]
    wf.apply(Step.OPTIONS, {"making": "factory", "same_number": "1"})
    outcome = wf.submit()
    assert outcome.making_mode == "FACTORY" and not wf.issuance_no
    assert "中心集中制卡" in pdf_text(wf.documents())


def test_a_non_instant_branch_still_goes_to_central_production(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    id_number, _card = first_card(icbc, Made(icbc, tmp_path / "instant"))
    formally_lost(icbc, id_number)
    other = Counter(tmp_path, central.url, NON_INSTANT, "ICBC", "中国工商银行")
    try:
        made = Made(other, tmp_path)  # even with stock configured: the central's branch rules
        made.blank()
        wf = made.replacement(Reason.LOST, id_number)
        assert wf.card_error() == ("", "")
        assert not wf.record.making.offered and not wf.record.making.instant
        assert "新卡由中心集中制作" in wf.making_note_zh()
        assert wf.next() is Step.OPTIONS
        outcome = wf.submit()
        assert outcome.making_mode == "FACTORY" and not wf.issuance_no
        assert "中心集中制卡" in pdf_text(wf.documents())
    finally:
        other.close()


def test_an_answer_lost_after_sending_waits_then_reaches_the_issuance(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    made = Made(icbc, tmp_path)
    id_number, _old = first_card(icbc, made)
    formally_lost(icbc, id_number)
    made.blank()
    wf = made.replacement(Reason.LOST, id_number)
    assert wf.record.making.instant and wf.next() is Step.OPTIONS
    central.set_faults(drop_next=1)  # the central commits, its answer is lost
    outcome = wf.submit()
    assert outcome.status == "unknown" and outcome.making_mode == "INSTANT"
    # recorded for the issuance, but not offered until the central confirmed it
    assert wf.record.making.issuance_no and not wf.issuance_no
    number = wf.record.making.issuance_no
    assert number not in [c.application_no for c in IssuanceDesk(made.issuance).waiting()]
    assert "中心确认受理后即可" in pdf_text(wf.documents())
    report = icbc.sync.drain()  # the sync worker confirms it under the same key
    assert report is not None
    waiting = {c.application_no: c for c in IssuanceDesk(made.issuance).waiting()}
    assert number in waiting and waiting[number].central_application_id
    made.slot.reinsert()
    made.pad.key_in("207419", "207419")
    issued = IssuanceWorkflow.open(made.issuance, number)
    assert issued.advance() and issued.record.outcome is Outcome.ISSUED


def test_an_instant_application_without_a_photo_is_never_made(
        icbc: Counter, central: CentralSimHandle, tmp_path: Path) -> None:
    """The issuance's own guard: no card face printed without a photo, nothing marked."""
    from counter_app.domain.errors import CounterError

    made = Made(icbc, tmp_path)
    id_number = generated_id(next(_people))
    number = ReplacementIssuanceStore(icbc.store, BRANCH).record_instant(
        op_id=str(uuid.uuid4()), draft_id=str(uuid.uuid4()), teller="T0301", counter_id="03",
        id_number=id_number, name="无照片", central_application_id="APP-NO-PHOTO", photo=b"",
        business_zh="遗失补卡", accepted_at=dt.datetime.now(dt.UTC))
    made.blank()
    with pytest.raises(CounterError) as refused:
        IssuanceWorkflow.open(made.issuance, number)
    assert refused.value.code == "ISSUANCE_NO_PHOTO" and "照片" in refused.value.message_zh
    assert made.custody.issued == {}
