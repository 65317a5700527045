"""Loss (挂失) and de-loss (解挂) as a wizard over its typed record.

Steps::

    identify (ID card or typed number; 挂失 or 解挂) → card (the central's card query, or the
    card read in the reader) → choose (per function, only what the state table allows) → done

The durable part of the business is the outbox message and the audit entry written before
the central is called (``submission``); the record itself lives in memory while the teller
serves the person (a few minutes, no typing to lose): after a crash the teller identifies
the person again and the card query shows what reached the central.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace

from counter_app.central.errors import LINE_ERRORS
from counter_app.central.sync import NewWorkRefused
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.identity import validate_card_number
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_case import CardCaseWorkflow
from counter_app.workflows.card_loss import rules, submission
from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.card_loss.record import (
    OPERATION_TITLES_ZH,
    SCHEMA_VERSION,
    CardSource,
    FoundCard,
    Identity,
    LossRecord,
    Operation,
    Outcome,
    Step,
)
from counter_app.workflows.kernel import JournalEntry, StepDef

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("身份核验"),
    Step.CARD: QT_TR_NOOP("查询卡片"),
    Step.CHOOSE: QT_TR_NOOP("选择功能并办理"),
    Step.DONE: QT_TR_NOOP("打印回执"),
}


def _check_identify(r: LossRecord) -> dict[str, str]:
    return {} if r.identity.id_number else {"id_number": QT_TR_NOOP("请读取身份证或录入持卡人的身份证号码。")}


def loss_steps(ctx: CardLossContext) -> tuple[StepDef[LossRecord], ...]:
    t = STEP_TITLES_ZH

    def check_card(r: LossRecord) -> dict[str, str]:
        error = rules.card_error(r, ctx.bank_code)
        return {"card": error} if error else {}

    return (
        StepDef(Step.IDENTIFY, t[Step.IDENTIFY], validate=_check_identify),
        StepDef(Step.CARD, t[Step.CARD], validate=check_card),
        StepDef(Step.CHOOSE, t[Step.CHOOSE],
                validate=lambda r: rules.choice_errors(r, ctx.clock()),
                forward=False, forward_message_zh=QT_TR_NOOP("请点击“确认办理”。")),
        StepDef(Step.DONE, t[Step.DONE], forward=False, forward_message_zh=QT_TR_NOOP("本笔业务已完成。")),
    )


class CardLossWorkflow(CardCaseWorkflow[LossRecord, Step, CardLossContext]):
    """One person's loss or de-loss, from the ID card to the receipt."""

    def __init__(self, ctx: CardLossContext, record: LossRecord | None = None, *,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = ()) -> None:
        started = record is None
        record = record or LossRecord(draft_id=str(uuid.uuid4()), teller=ctx.teller,
                                      started_at=ctx.clock().isoformat())
        super().__init__(ctx, loss_steps(ctx), record, started=started, step_type=Step,
                         step_titles=STEP_TITLES_ZH, schema_version=SCHEMA_VERSION, step=step,
                         history=history, journal=journal)

    def kind_zh(self) -> str:
        return OPERATION_TITLES_ZH[self.record.operation]

    def for_another_person(self, record: LossRecord) -> LossRecord:
        return LossRecord(record.draft_id, record.teller, record.started_at,
                          operation=record.operation)

    # -- facts ---------------------------------------------------------------------------------
    @property
    def operation(self) -> Operation:
        return self.record.operation

    def offers(self) -> tuple[rules.Offer, ...]:
        return rules.offers(self.record, self.ctx.clock())

    def card_error(self) -> str:
        return rules.card_error(self.record, self.ctx.bank_code)

    # -- identify ------------------------------------------------------------------------------
    def set_operation(self, operation: Operation | str) -> None:
        op = Operation(operation)
        if op is not self.record.operation:
            # what was chosen for the other operation does not carry over
            self.update_record(operation=op, chosen=(), op_id="")
            self.note("operation", operation=op.value)
            self.save()

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        if step is Step.IDENTIFY:
            if values.get("operation"):
                self.set_operation(values["operation"])
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.CARD:
            typed = values.get("card_no", "").strip()
            if typed and self.record.line_down:
                self.type_card_number(typed)
            return {}
        if step is Step.CHOOSE:
            chosen = tuple(f.value for f in rules.FUNCTIONS if values.get(f.value))
            if chosen != self.record.chosen:
                self.update_record(chosen=chosen)
                self.save()
            return rules.choice_errors(self.record, self.ctx.clock()) if chosen else {}
        return {}

    # -- card ------------------------------------------------------------------------------------
    def find_card(self) -> FoundCard | None:
        """The central's card query for this person (blocking). With the line down the record
        says so: a loss may then go on with the card read or the number typed."""
        if not self.id_number:
            raise ValidationError("id_number", QT_TR_NOOP("请先读取或录入身份证号码。"), code="ID_MISSING")
        try:
            cards = self.ctx.central.person_cards(self.id_number)
            name = self.record.identity.name or self.ctx.central.get_person(self.id_number).name
        except LINE_ERRORS as exc:
            self.update_record(line_down=True)
            self.note("card_query_line_down", error=exc.code)
            self.save()
            if self.operation is Operation.DELOSS:
                raise NewWorkRefused(submission.DELOSS_OFFLINE_ZH,
                                code="DELOSS_NEEDS_CENTRAL") from exc
            return self.record.card
        status = rules.pick_card(cards)
        if status is None:
            self.update_record(card=None, line_down=False,
                               identity=replace(self.record.identity, name=name))
            self.note("card_query", found=0)
            self.save()
            raise CounterError(QT_TR_NOOP("中心系统没有该持卡人的社保卡记录：请核对身份证号码；"
                                          "尚未领卡的请办理申领或领卡。"), code="NO_CARD_ON_FILE")
        card = rules.found_card(status, CardSource.CENTRAL, self.ctx.clock())
        self.update_record(card=card, line_down=False, chosen=self._default_choice(card),
                           identity=replace(self.record.identity, name=name))
        self.note("card_query", found=len(cards), card_state=card.card_state)
        self.save()
        return card

    def read_card(self) -> CardData:
        """Read the card in the reader (blocking): it must be this person's; its states are
        asked of the central (with the line down a loss goes on with the number read)."""
        data = self._read_persons_card(self.ctx.card_reader)
        if not self.id_number:
            self._set_identity(Identity(data.id_number, "card", data.name))
        elif not self.record.identity.name:  # typed number, line down: the chip has the name
            self.update_record(identity=replace(self.record.identity, name=data.name))
        self.update_record(card_read_no=data.card_number)
        self.note("card_read")
        known = self.record.card
        if known is None or known.card_no != data.card_number or not known.states_known:
            try:
                status = self.ctx.central.card_status(data.card_number)
                card = rules.found_card(status, CardSource.CARD, self.ctx.clock())
                self.update_record(line_down=False)
            except LINE_ERRORS as exc:
                self.update_record(line_down=True)
                self.note("card_status_line_down", error=exc.code)
                card = FoundCard(data.card_number, CardSource.CARD, self.ctx.clock().isoformat())
            self.update_record(card=card, chosen=self._default_choice(card))
        self.save()
        return data

    def type_card_number(self, typed: str) -> None:
        """Line down and no card: the teller types the number from the person's papers."""
        number = validate_card_number(typed)
        card = self.record.card
        if card is not None and card.card_no == number:
            return
        self.update_record(card=FoundCard(number, CardSource.TYPED, self.ctx.clock().isoformat()),
                           chosen=())
        self.note("card_typed")
        self.save()

    def _default_choice(self, card: FoundCard) -> tuple[str, ...]:
        r = replace(self.record, card=card)
        return tuple(str(o.function) for o in rules.offers(r, self.ctx.clock()) if o.allowed)

    # -- choose and submit ---------------------------------------------------------------------------
    def choose(self, functions: Iterable[str]) -> dict[str, str]:
        return self.apply(Step.CHOOSE, {f: "1" for f in functions})

    def submit(self) -> Outcome:
        return submission.submit(self)

    def documents(self) -> bytes:
        from counter_app.workflows.card_loss.documents import render_receipt

        return render_receipt(self.ctx, self.record)
