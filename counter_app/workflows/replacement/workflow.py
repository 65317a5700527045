"""Replacement and exchange (补卡 / 换卡 / 同号换卡) as a wizard over its typed record.

Steps::

    identify (ID card or typed number; 遗失补卡, 损坏换卡 or 到期换卡) → card (the central's card
    query, this branch's fee and services; a damaged or expired card read in the reader) →
    options (同号换卡 or a new bank card number, how the new card is made, the fee) → done

Nothing is done offline: a replacement cancels the old card number at the central and opens
the new card's application there, and only the central knows whether the card was already
replaced — so the business needs the line (``domain.businesses``: replacement NOW).
The durable part is the outbox message and audit entry written before the central is called
(``submission``); the record lives in memory while the teller serves the person.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace

from counter_app.central.errors import LINE_ERRORS
from counter_app.central.sync import NewWorkRefused
from counter_app.devices.photo import FrameSource, PreparedPhoto
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.photo import PhotoSpec
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_case import CardCaseWorkflow
from counter_app.workflows.card_loss import rules as loss_rules
from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.card_loss.record import CardSource, FoundCard, Identity
from counter_app.workflows.fees import FeeDesk
from counter_app.workflows.kernel import JournalEntry, StepDef
from counter_app.workflows.replacement import making, rules, submission
from counter_app.workflows.replacement.making import InstantMaking
from counter_app.workflows.replacement.record import (
    REASON_TITLES_ZH,
    SCHEMA_VERSION,
    BranchTerms,
    FeePayment,
    Outcome,
    Reason,
    ReplacementRecord,
    Step,
)

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("身份核验"),
    Step.CARD: QT_TR_NOOP("查询原卡"),
    Step.OPTIONS: QT_TR_NOOP("确认补换方式"),
    Step.DONE: QT_TR_NOOP("打印回执"),
}

OFFLINE_ZH = QT_TR_NOOP("专线中断，暂不能补换卡：补换卡须由中心实时注销原卡号并受理新卡，"
                        "请待线路恢复后办理（持卡人可稍候或改日办理）。")


def fee_errors(fees: FeeDesk | None, r: ReplacementRecord) -> dict[str, str]:
    """How the fee is paid, when one is due and collected here."""
    if fees is None or r.terms is None or r.terms.fee_fen == 0:
        return {}
    return fees.check(r.fee.method, r.fee.reference)


def replacement_steps(ctx: CardLossContext,
                      fees: FeeDesk | None = None) -> tuple[StepDef[ReplacementRecord], ...]:
    t = STEP_TITLES_ZH

    def check_options(r: ReplacementRecord) -> dict[str, str]:
        return {**rules.options_error(r), **making.errors(r.making), **fee_errors(fees, r)}

    def check_identify(r: ReplacementRecord) -> dict[str, str]:
        return {} if r.identity.id_number else {"id_number": QT_TR_NOOP("请读取身份证或录入持卡人的身份证号码。")}

    def check_card(r: ReplacementRecord) -> dict[str, str]:
        error, _code = rules.card_error(r, ctx.bank_code, ctx.clock())
        error = error or rules.old_card_error(r)
        return {"card": error} if error else {}

    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=check_identify),
        StepDef(Step.CARD, t[Step.CARD], validate=check_card),
        StepDef(Step.OPTIONS, t[Step.OPTIONS], validate=check_options,
                forward=False, forward_message_zh=QT_TR_NOOP("请点击“确认补换卡”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔业务已完成。")),
    )


class ReplacementWorkflow(CardCaseWorkflow[ReplacementRecord, Step, CardLossContext]):
    """One person's replacement or exchange, from the ID card to the receipt."""

    def __init__(self, ctx: CardLossContext, record: ReplacementRecord | None = None, *,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = (), fees: FeeDesk | None = None,
                 instant: InstantMaking | None = None) -> None:
        self.fees = fees  # None: the fee is shown (the central's) but not collected here
        self.instant = instant  # None: this counter does not make cards on the spot
        self.photo_jpeg: bytes | None = None  # the new card face's photo (memory only)
        started = record is None
        record = record or ReplacementRecord(draft_id=str(uuid.uuid4()), teller=ctx.teller,
                                             started_at=ctx.clock().isoformat())
        super().__init__(ctx, replacement_steps(ctx, fees), record, started=started,
                         step_type=Step, step_titles=STEP_TITLES_ZH,
                         schema_version=SCHEMA_VERSION, step=step, history=history,
                         journal=journal)

    def kind_zh(self) -> str:
        return REASON_TITLES_ZH[self.record.reason]

    def for_another_person(self, record: ReplacementRecord) -> ReplacementRecord:
        self.photo_jpeg = None
        return ReplacementRecord(record.draft_id, record.teller, record.started_at,
                                 reason=record.reason)

    # -- facts ---------------------------------------------------------------------------------
    @property
    def reason(self) -> Reason:
        return self.record.reason

    def card_error(self) -> tuple[str, str]:
        """(message, code): why this card cannot be replaced here; the old card's check next."""
        error, code = rules.card_error(self.record, self.ctx.bank_code, self.ctx.clock())
        if error:
            return error, code
        old = rules.old_card_error(self.record)
        return (old, "OLD_CARD_NEEDED") if old else ("", "")

    def needs_loss_first(self) -> bool:
        return rules.card_error(self.record, self.ctx.bank_code,
                                self.ctx.clock())[1] == rules.NEED_LOSS_CODE

    # -- identify ------------------------------------------------------------------------------
    def take_over(self, identity: Identity) -> None:
        """The person as another business identified them in this visit (a data change)."""
        self._set_identity(identity)

    def set_reason(self, reason: Reason | str) -> None:
        new = Reason(reason)
        if new is not self.record.reason:
            # the old card read for an exchange does not matter for a lost card, and back
            self.update_record(reason=new, chip_unreadable=False, op_id="")
            terms = self.record.terms
            if terms is not None:  # an expired card's fee may differ from a lost one's
                self.update_record(terms=self._terms(terms.central_fee_fen, terms.instant_issue,
                                                     terms.same_number_exchange))
            self.note("reason", reason=new.value)
            self.save()

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        if step is Step.IDENTIFY:
            if values.get("reason"):
                self.set_reason(values["reason"])
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.CARD:
            unreadable = values.get("chip_unreadable") == "1"
            if unreadable != self.record.chip_unreadable:
                self.update_record(chip_unreadable=unreadable)
                self.note("chip_unreadable", value=unreadable)
                self.save()
            return {}
        if step is Step.OPTIONS:
            same = values.get("same_number") == "1"
            if same != self.record.same_number:
                self.update_record(same_number=same)
                self.save()
            if values.get("making") in ("instant", "factory"):
                self.choose_instant(values["making"] == "instant")
            if "fee_method" in values:
                fee = replace(self.record.fee, method=values["fee_method"],
                              reference=values.get("fee_reference", "").strip())
                if fee != self.record.fee:
                    self.update_record(fee=fee)
                    self.save()
            return self.validate(Step.OPTIONS)
        return {}

    # -- card ------------------------------------------------------------------------------------
    def find_card(self) -> FoundCard | None:
        """The central's card query for this person, with this branch's fee and services
        (blocking). With the line down nothing can be done: refused, saying why."""
        if not self.id_number:
            raise ValidationError("id_number", QT_TR_NOOP("请先读取或录入身份证号码。"), code="ID_MISSING")
        ctx = self.ctx
        try:
            cards = ctx.central.person_cards(self.id_number)
            name = self.record.identity.name or ctx.central.get_person(self.id_number).name
            branch = ctx.central.branch(ctx.branch_code)
            config = ctx.central.branch_config(ctx.branch_code)
        except LINE_ERRORS as exc:
            self.note("card_query_line_down", error=exc.code)
            self.save()
            raise NewWorkRefused(OFFLINE_ZH, code="REPLACEMENT_NEEDS_CENTRAL") from exc
        terms = self._terms(config.replacement_fee_fen, branch.instant_issue,
                            branch.same_number_exchange)
        status = loss_rules.pick_card(cards)
        identity = replace(self.record.identity, name=name)
        if status is None:
            self.update_record(card=None, terms=terms, identity=identity)
            self.note("card_query", found=0)
            self.save()
            raise CounterError(QT_TR_NOOP("中心系统没有该持卡人的社保卡记录：请核对身份证号码；"
                                          "从未领卡的请办理申领（首次申领免工本费）。"), code="NO_CARD_ON_FILE")
        card = loss_rules.found_card(status, CardSource.CENTRAL, ctx.clock())
        made, self.photo_jpeg = making.found(self.instant, terms.instant_issue, self.id_number,
                                             status.application_id or "")
        # 同号换卡 is offered by default where the branch has it: pensions and debits carry over
        self.update_record(card=card, terms=terms, identity=identity,
                           same_number=terms.same_number_exchange, making=made)
        self.note("card_query", found=len(cards), card_state=card.card_state)
        self.save()
        return card

    def read_card(self) -> CardData:
        """Read the old card in the reader (blocking): it must be this person's card."""
        reader, card = self.ctx.card_reader, self.record.card
        if self.reason is Reason.INFO_CHANGED and reader is not None and card is not None:
            # after an ID-number change the chip still carries the old number: the card the
            # central files under the new one identifies it
            data = reader.read()
            if data.card_number != card.card_no:
                self.note("card_read_other_card")
                self.save()
                raise ValidationError("card", QT_TR_NOOP("读卡器中的社保卡不是中心登记在该参保人名下的卡片，"
                                                         "请核对持卡人交回的原卡。"), code="CARD_OTHER_PERSON")
        else:
            data = self._read_persons_card(reader)
        self.update_record(card_read_no=data.card_number, chip_unreadable=False)
        self.note("card_read")
        self.save()
        return data

    # -- options and submit --------------------------------------------------------------------------
    def choose_same_number(self, same: bool) -> dict[str, str]:
        return self.apply(Step.OPTIONS, {"same_number": "1" if same else ""})

    def making_note_zh(self) -> str:
        """How the new card is made at this branch, said honestly."""
        terms = self.record.terms
        return making.note_zh(self.record.making, terms is not None and terms.instant_issue)

    def choose_instant(self, instant: bool) -> None:
        """当场制卡 or 中心集中制卡 (only where offered; the checks say what is missing)."""
        m = self.record.making
        if m.offered and instant != m.instant:
            self.update_record(making=replace(m, instant=instant))
            self.note("making", instant=instant)
            self.save()

    def capture_photo(self, source: FrameSource) -> making.CardPhoto:
        """A new photo for the card face from the camera (blocking), checked."""
        return self._photo(making.capture(source, self._spec()), "camera")

    def import_photo(self, data: bytes) -> making.CardPhoto:
        """A new photo for the card face from a file or scan (blocking), checked."""
        return self._photo(making.imported(data, self._spec()), "file")

    def _spec(self) -> PhotoSpec:
        return self.instant.photo_spec if self.instant is not None else PhotoSpec()

    def _photo(self, prepared: PreparedPhoto, source: str) -> making.CardPhoto:
        photo = making.photo_from(prepared, source)
        self.photo_jpeg = None if photo.failed else prepared.jpeg
        self.update_record(making=replace(self.record.making, photo=photo))
        self.note("photo", source=source, failed=len(photo.failed))
        self.save()
        return photo

    def _terms(self, central_fen: int | None, instant: bool, same_number: bool) -> BranchTerms:
        """The branch's terms with the fee due by the schedule (the central's fee without one)."""
        if self.fees is None:
            return BranchTerms(central_fen or 0, instant, same_number, central_fen)
        quote = self.fees.quote_replacement(self.record.reason.value, central_fen)
        return BranchTerms(quote.amount_fen, instant, same_number, central_fen, quote.basis_zh)

    @property
    def fee_due_fen(self) -> int:
        return self.record.terms.fee_fen if self.record.terms is not None else 0

    def submit(self) -> Outcome:
        """Send the replacement, then record its fee in the teller's session (refused before
        anything is sent when a fee is due and no session is open)."""
        fees = self.fees
        if fees is not None and self.fee_due_fen and self.record.outcome is None:
            fees.ready()
        if self.instant is not None and self.record.making.instant and self.record.outcome is None:
            self.update_record(making=replace(self.record.making,
                                              blanks=making.blanks(self.instant)))
        outcome = submission.submit(self)
        if self.instant is not None and self.record.making.instant:
            self._record_instant(outcome)
        if fees is not None and self.fee_due_fen and not self.record.fee.receipt_no:
            self._collect(fees, outcome)
        return outcome

    def _collect(self, fees: FeeDesk, outcome: Outcome) -> None:
        from counter_app.domain.fees import FeeQuote

        terms = self.record.terms
        assert terms is not None
        quote = FeeQuote("replacement", terms.fee_fen, terms.fee_basis_zh)
        try:
            made = fees.collect(quote, self.record.fee.method, self.record.fee.reference, outcome.op_id)
        except CounterError as exc:  # the business is done: say so, the day-end shows it
            self.update_record(fee=replace(self.record.fee, problem_zh=exc.message_zh))
            self.note("fee_not_recorded", code=exc.code)
            self.save()
            return
        if made is not None:
            # as recorded (the reference normalised), so the screen shows what the receipt prints
            self.update_record(fee=replace(self.record.fee, receipt_no=made.receipt_no,
                                           reference=made.reference, problem_zh=""))
            self.note("fee_collected", method=made.method)
            self.save()

    def _record_instant(self, outcome: Outcome) -> None:
        """The accepted replacement becomes an instant application for the issuance."""
        r, port = self.record, self.instant
        if r.making.issuance_no or port is None or self.photo_jpeg is None:
            return
        kind = REASON_TITLES_ZH[r.reason] + (QT_TR_NOOP("（同号换卡）") if r.same_number else "")
        number = port.records.record_instant(
            op_id=outcome.op_id, draft_id=r.draft_id, teller=self.ctx.teller,
            counter_id=self.ctx.counter_id, id_number=self.id_number, name=r.identity.name,
            central_application_id=outcome.application_id, photo=self.photo_jpeg,
            business_zh=kind, accepted_at=self.ctx.clock())
        self.update_record(making=replace(r.making, issuance_no=number))
        self.note("instant_recorded", deferred=not outcome.application_id)
        self.save()

    @property
    def issuance_no(self) -> str:
        """The instant application to issue now ("" when not made on the spot, or while the
        central has not confirmed the replacement)."""
        r = self.record
        ready = r.outcome is not None and r.outcome.status == "done" and r.outcome.application_id
        return r.making.issuance_no if ready else ""

    def retry_fee(self) -> FeePayment:
        """Record the fee again after a failure (e.g. the session was closed meanwhile)."""
        if self.fees is None or self.record.outcome is None:
            raise CounterError(QT_TR_NOOP("本笔业务尚未受理，不能收费。"), code="NOT_ACCEPTED")
        if not self.record.fee.receipt_no and self.fee_due_fen:
            self.fees.ready()
            self._collect(self.fees, self.record.outcome)
            if self.record.fee.problem_zh:
                raise CounterError(self.record.fee.problem_zh, code="FEE_NOT_RECORDED")
        return self.record.fee

    def fee_receipt(self) -> bytes:
        """The fee receipt (工本费收据) of this business."""
        if self.fees is None or not self.record.fee.receipt_no:
            raise CounterError(QT_TR_NOOP("本笔业务没有收费记录，不能打印收据。"), code="NO_FEE_RECEIPT")
        terms = self.record.terms
        return self.fees.receipt(self.record.fee.receipt_no, payer_name=self.record.identity.name,
                                 id_number=self.record.identity.id_number,
                                 basis_zh=terms.fee_basis_zh if terms is not None else "")

    def documents(self) -> bytes:
        from counter_app.workflows.replacement.documents import render_receipt

        return render_receipt(self.ctx, self.record)
