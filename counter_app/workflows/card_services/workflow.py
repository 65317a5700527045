"""密码及卡片服务 as a wizard over its typed record.

Steps::

    identify (ID card or typed number; the service) → card (the chip read, both functions'
    states from the central) → act (the function and the PIN pad, or the chip write) → done

Nothing durable but the central's reset authorisation key (outbox row, before sending) and
the audit entries: the record lives in memory while the person is served.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from counter_app.central.errors import LINE_ERRORS
from counter_app.domain.card import CardData
from counter_app.domain.card_states import CardFunction
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, listing, zh
from counter_app.workflows.card_case import CardCaseWorkflow
from counter_app.workflows.card_loss.rules import mask_card_no, pick_card
from counter_app.workflows.card_services import chip_write
from counter_app.workflows.card_services.context import CardServicesContext
from counter_app.workflows.card_services.record import (
    OPERATION_TITLES_ZH,
    SCHEMA_VERSION,
    CardServicesRecord,
    CentralView,
    ChipView,
    Operation,
    Outcome,
    Step,
)
from counter_app.workflows.identity_step import Identity, identity_errors
from counter_app.workflows.kernel import JournalEntry, StepDef
from counter_app.workflows.pin_services import pins
from counter_app.workflows.pin_services.rules import PinOffer, pin_offer

STEP_TITLES_ZH: dict[Step, str] = {
    Step.IDENTIFY: QT_TR_NOOP("身份核验"),
    Step.CARD: QT_TR_NOOP("读取社保卡"),
    Step.ACT: QT_TR_NOOP("办理"),
    Step.DONE: QT_TR_NOOP("完成"),
}
PIN_OPERATIONS = frozenset({Operation.CHANGE_PIN, Operation.RESET_PIN})


def _central_view(status: Any, now: str) -> CentralView:
    until = status.temp_loss_until
    return CentralView(status.card_state, status.social_state, status.financial_state,
                       status.bank_code, until.isoformat() if until else "", now)


def chip_view(data: CardData, now: str) -> ChipView:
    return ChipView(data.card_number, data.id_number, data.name, data.sex,
                    data.birth_date.isoformat(), data.issue_date.isoformat(),
                    data.expiry_date.isoformat(), data.spec_version, now, data.nation)


def card_step_error(r: CardServicesRecord, today_iso: str) -> str:
    if r.chip is None:
        return QT_TR_NOOP("请将持卡人的社保卡插入读卡器后按 F3 读取。")
    if r.operation is Operation.READ:
        return ""
    if r.chip.expiry_date < today_iso:
        return QT_TR_NOOP("该卡已过有效期，不能办理密码或写卡业务：请持卡人办理换卡。")
    if not r.central.known:
        return QT_TR_NOOP("专线中断，无法向中心核实卡片状态：密码服务和写卡须联网办理，请待线路恢复后重试。")
    return ""


class CardServicesWorkflow(CardCaseWorkflow[CardServicesRecord, Step, CardServicesContext]):
    """One person's card service, from the ID card to the receipt."""

    def __init__(self, ctx: CardServicesContext, record: CardServicesRecord | None = None, *,
                 step: str | None = None, history: Iterable[str] = (),
                 journal: Iterable[JournalEntry] = ()) -> None:
        started = record is None
        record = record or CardServicesRecord(draft_id=str(uuid.uuid4()), teller=ctx.teller,
                                              started_at=ctx.clock().isoformat())

        def card_errors(r: CardServicesRecord) -> dict[str, str]:
            error = card_step_error(r, ctx.today().isoformat())
            return {"card": error} if error else {}

        steps: tuple[StepDef[CardServicesRecord], ...] = (
            StepDef(Step.IDENTIFY, STEP_TITLES_ZH[Step.IDENTIFY],
                    validate=lambda r: identity_errors(r.identity)),
            StepDef(Step.CARD, STEP_TITLES_ZH[Step.CARD],
                    validate=card_errors),
            StepDef(Step.ACT, STEP_TITLES_ZH[Step.ACT], forward=False,
                    forward_message_zh=QT_TR_NOOP("请点击“办理”。")),
            StepDef(Step.DONE, STEP_TITLES_ZH[Step.DONE], forward=False,
                    forward_message_zh=QT_TR_NOOP("本笔业务已完成。")),
        )
        super().__init__(ctx, steps, record, started=started, step_type=Step,
                         step_titles=STEP_TITLES_ZH, schema_version=SCHEMA_VERSION, step=step,
                         history=history, journal=journal)

    def kind_zh(self) -> str:
        return OPERATION_TITLES_ZH[self.record.operation]

    def for_another_person(self, record: CardServicesRecord) -> CardServicesRecord:
        return CardServicesRecord(record.draft_id, record.teller, record.started_at,
                                  operation=record.operation)

    # -- facts ------------------------------------------------------------------------------
    @property
    def operation(self) -> Operation:
        return self.record.operation

    @property
    def card_no(self) -> str:
        chip = self.record.chip
        if chip is None:
            raise ValidationError("card", QT_TR_NOOP("请先读取社保卡。"), code="CARD_NOT_READ")
        return chip.card_no

    def offers(self) -> tuple[PinOffer, ...]:
        """Each function with whether the chosen PIN service may be done to it now."""
        return tuple(pin_offer(self.operation, self.record.central, f, bank_code=self.ctx.bank_code,
                               chip_blocked=self.record.pin_blocked, now=self.ctx.clock())
                     for f in (CardFunction.SOCIAL, CardFunction.FINANCIAL))

    def require_allowed(self) -> PinOffer:
        errors = self.validate(Step.CARD)
        if errors:
            raise pins.PinServiceRefused(next(iter(errors.values())), code="CARD_STEP_INVALID")
        offer = next(o for o in self.offers() if o.function.value == self.record.function)
        if not offer.allowed:
            raise pins.PinServiceRefused(offer.reason_zh, code="PIN_SERVICE_NOT_ALLOWED")
        return offer

    # -- identify -----------------------------------------------------------------------------
    def set_operation(self, operation: Operation | str) -> None:
        op = Operation(operation)
        if op is not self.record.operation:
            self.update_record(operation=op, op_id="", outcome=None)
            self.note("operation", operation=op.value)
            self.save()

    def take_over(self, identity: Identity) -> None:
        """The person as another business identified them in this visit (a data change)."""
        self._set_identity(identity)

    def apply(self, key: str, values: dict[str, str]) -> dict[str, str]:
        step = Step(key)
        if step is Step.IDENTIFY:
            if values.get("operation"):
                self.set_operation(values["operation"])
            typed = values.get("id_number", "").strip()
            if typed:
                self.set_id_number(typed)
            return {}
        if step is Step.ACT and values.get("function"):
            function = CardFunction(values["function"]).value
            if function != self.record.function:
                self.update_record(function=function, op_id="")
                self.note("function", function=function)
                self.save()
        return {}

    # -- card -----------------------------------------------------------------------------------
    def read_card(self) -> CardData:
        """The chip in the reader (it must be this person's), then both functions' states
        from the central (with the line down the chip is still shown)."""
        if self.ctx.chip is None:
            raise CounterError(QT_TR_NOOP("本柜台未配置社保卡读卡器。"), code="CARD_READER_MISSING")
        data = self.ctx.chip.read()
        if not self.id_number:
            raise ValidationError("id_number", QT_TR_NOOP("请先读取或录入身份证号码。"), code="ID_MISSING")
        if data.id_number != self.id_number:
            self.note("card_read_other_person")
            raise ValidationError("card", QT_TR_NOOP("读卡器中的社保卡不属于本次核验的人员，请核对卡片。"),
                                  code="CARD_OTHER_PERSON")
        now = self.ctx.clock().isoformat()
        identity = self.record.identity
        if not identity.name:
            identity = replace(identity, name=data.name)
        self.update_record(chip=chip_view(data, now), identity=identity)
        self.note("card_read")
        try:
            cards = self.ctx.central.person_cards(self.id_number)
            status = next((c for c in cards if c.card_no == data.card_number), None) or pick_card(cards)
            if status is None or status.card_no != data.card_number:
                self.update_record(central=CentralView(checked_at=now), line_down=False)
                self.save()
                raise CounterError(QT_TR_NOOP("中心系统中该卡不是持卡人当前使用的社保卡（可能已补换新卡），"
                                              "请持卡人使用新卡办理，或查询卡片状态。"), code="CARD_NOT_CURRENT")
            self.update_record(central=_central_view(status, now), line_down=False)
        except LINE_ERRORS as exc:
            self.update_record(central=CentralView(), line_down=True)
            self.note("card_status_line_down", error=exc.code)
        self.save()
        return data

    def card_error(self) -> str:
        return card_step_error(self.record, self.ctx.today().isoformat())

    # -- act -----------------------------------------------------------------------------------------
    def run_service(self) -> Outcome:
        """The chosen service (blocking; the PIN pad waits for the person)."""
        if self.step is Step.DONE and self.record.outcome is not None:
            return self.record.outcome
        op = self.operation
        if op is Operation.CHANGE_PIN:
            return pins.change_pin(self)
        if op is Operation.RESET_PIN:
            return pins.reset_pin(self)
        if op is Operation.WRITE:
            return self.write_chip()
        raise CounterError(QT_TR_NOOP("读卡查询无需办理，请打印或返回。"), code="NOTHING_TO_DO")

    def write_chip(self) -> Outcome:
        errors = self.validate(Step.CARD)
        if errors:
            raise chip_write.ChipWriteRefused(next(iter(errors.values())), code="CARD_STEP_INVALID")
        if self.ctx.chip is None:
            raise CounterError(QT_TR_NOOP("本柜台未配置社保卡读卡器。"), code="CARD_READER_MISSING")
        result = chip_write.write_changes(self.ctx.chip, self.ctx.central, self.id_number)
        now = self.ctx.clock()
        data = self.ctx.chip.read()
        self.update_record(chip=chip_view(data, now.isoformat()))
        self.ctx.store.audit(self.ctx.teller, "card.chip_write", card_no=mask_card_no(result.card_no),
                             fields=list(result.fields))
        names = listing([chip_write.FIELD_NAMES_ZH[f] for f in result.fields])
        return self.finish(Outcome("", "done", zh("已将中心变更后的{fields}写入社保卡芯片，"
                                                  "读回核对一致。", fields=names),
                                   now.isoformat(), pins.receipt_no(self, now, ""),
                                   fields=result.fields))

    def documents(self) -> bytes:
        from counter_app.workflows.card_services.documents import render_receipt

        return render_receipt(self.ctx, self.record)
