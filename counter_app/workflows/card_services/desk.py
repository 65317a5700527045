"""The card services as the screen (and the data-change business) see them."""

from __future__ import annotations

from counter_app.domain.card import CardData
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_services import chip_write
from counter_app.workflows.card_services.context import CardServicesContext
from counter_app.workflows.card_services.handover import ChipWriteHandover
from counter_app.workflows.card_services.record import Operation
from counter_app.workflows.card_services.workflow import CardServicesWorkflow


class CardServicesDesk:
    """One signed-in teller's PIN and card services."""

    def __init__(self, ctx: CardServicesContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    @property
    def id_reader_name(self) -> str | None:
        return self.ctx.id_reader.name if self.ctx.id_reader is not None else None

    @property
    def card_reader_name(self) -> str | None:
        return self.ctx.chip.name if self.ctx.chip is not None else None

    @property
    def pin_pad_name(self) -> str | None:
        return self.ctx.pin_pad.name if self.ctx.pin_pad is not None else None

    def new(self, operation: Operation = Operation.READ) -> CardServicesWorkflow:
        wf = CardServicesWorkflow(self.ctx)
        wf.set_operation(operation)
        return wf

    def take_over(self, handover: ChipWriteHandover) -> CardServicesWorkflow:
        """信息变更写卡 for a person the data-change business sent here (F6): identified as
        there, the service chosen, on the card step (the teller inserts the card)."""
        wf = self.new(Operation.WRITE)
        wf.take_over(handover.identity)
        wf.next()
        return wf

    def write_chip(self, id_number: str) -> chip_write.ChipWriteResult:
        """信息变更写卡 for the data-change business, after its change was accepted (blocking):
        reads the card in the reader (it must be ``id_number``'s), writes the field the
        central now holds differently (the nation) after external authentication through
        the PSAM, reads back and compares. Raises ``ChipWriteRefused`` (code CHIP_UP_TO_DATE
        when nothing differs, NEW_CARD_REQUIRED for a changed name) or a card error."""
        if self.ctx.chip is None:
            raise chip_write.ChipWriteRefused(QT_TR_NOOP("本柜台未配置社保卡读卡器。"), code="CARD_READER_MISSING")
        result = chip_write.write_changes(self.ctx.chip, self.ctx.central, id_number)
        self.ctx.store.audit(self.ctx.teller, "card.chip_write", fields=list(result.fields))
        return result

    def read_card(self) -> CardData:
        if self.ctx.chip is None:
            raise chip_write.ChipWriteRefused(QT_TR_NOOP("本柜台未配置社保卡读卡器。"), code="CARD_READER_MISSING")
        return self.ctx.chip.read()
