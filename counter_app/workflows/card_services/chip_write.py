"""信息变更写卡: after a central data change, write what changed on the chip, read it back
and compare. The service the data-change business calls (``CardServicesDesk.write_chip``).

What is rewritten with the card kept is the nation (EF06 tag 0B; changed at the central on the
public security bureau's paper). The name is printed on the card face too, so a new name
means a new card (信息变更换卡), never a chip write; the ID number likewise. The chip's sex and
birth date are those the ID number encodes (GB 11643, checked by ``CardData``): a correction
of the insurance record's birth date leaves the chip as it is, and a sex change comes with a
new ID number (a new card). ``data_change.record.CHIP_FIELDS`` says the same for the F6 offer.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from counter_app.central.api import CentralApi
from counter_app.central.errors import LINE_ERRORS
from counter_app.central.sync import NewWorkRefused
from counter_app.devices.sschip import HolderFields, SocialCardChip
from counter_app.domain.card import CardData
from counter_app.domain.card_states import CardState, TransitionRefused, check_card_in_use
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.card_loss.rules import mask_card_no, pick_card

log = logging.getLogger(__name__)

FIELD_NAMES_ZH = {"name": QT_TR_NOOP("姓名"), "nation": QT_TR_NOOP("民族")}


class ChipWriteRefused(CounterError):
    code = "CHIP_WRITE_REFUSED"


@dataclass(frozen=True)
class ChipWriteResult:
    """What was written and what the chip holds afterwards (read back in a new session)."""

    card_no: str
    fields: tuple[str, ...]  # "nation" (the name is compared, never rewritten)
    before: HolderFields
    after: HolderFields


def holder_of(data: CardData) -> HolderFields:
    return HolderFields(name=data.name, nation=data.nation)


def differences(chip: HolderFields, central: HolderFields) -> tuple[str, ...]:
    return tuple(f for f in ("name", "nation") if getattr(chip, f) != getattr(central, f))


def write_changes(chip: SocialCardChip, central: CentralApi, id_number: str,
                  data: CardData | None = None) -> ChipWriteResult:
    """Bring the chip of ``id_number``'s card in the reader in line with the central (blocking).

    Refused: another person's card; a card the central does not show as the person's active
    card; a chip whose name differs from the central (printed on the face: a new card);
    nothing to write. After writing, the chip is read again and compared with the central's
    values; a mismatch is an error (never silent)."""
    data = data or chip.read()
    if data.id_number != id_number:
        raise ChipWriteRefused(QT_TR_NOOP("读卡器中的社保卡不属于本次办理的人员，"
                                          "请核对卡片。"), code="CARD_OTHER_PERSON")
    try:
        person = central.get_person(id_number)
        cards = central.person_cards(id_number)
    except LINE_ERRORS as exc:
        raise NewWorkRefused(QT_TR_NOOP("专线中断，无法读取中心的最新个人信息：信息变更写卡须联网办理，"
                                        "请待线路恢复后重试。"),
                             code="CHIP_WRITE_NEEDS_CENTRAL") from exc
    status = next((c for c in cards if c.card_no == data.card_number), None) or pick_card(cards)
    if status is None or status.card_no != data.card_number:
        raise ChipWriteRefused(QT_TR_NOOP("中心系统中该卡不是持卡人当前使用的社保卡，不能写卡。请查询卡片状态。"),
                               code="CARD_NOT_CURRENT")
    try:
        check_card_in_use(status.card_state)
    except TransitionRefused as refused:
        raise ChipWriteRefused(refused.message_zh, code=refused.code) from refused
    if status.card_state != CardState.ACTIVE:
        raise ChipWriteRefused(QT_TR_NOOP("该卡尚未启用，请先办理领卡启用后再写卡。"), code="CARD_NOT_ACTIVE")
    if person.name != data.name:
        raise ChipWriteRefused(QT_TR_NOOP("中心登记的姓名与芯片不一致：姓名印在卡面上，不能只改写芯片，"
                                          "请为持卡人办理信息变更换卡。"), code="NEW_CARD_REQUIRED")
    wanted = HolderFields(name=data.name, nation=person.nation)
    before = holder_of(data)
    fields = differences(before, wanted)
    if not fields:
        raise ChipWriteRefused(QT_TR_NOOP("芯片中的信息与中心一致，无需写卡。"), code="CHIP_UP_TO_DATE")
    chip.write_holder(wanted)
    after = holder_of(chip.read())  # read back in a fresh session, compared field by field
    if differences(after, wanted):
        raise ChipWriteRefused(QT_TR_NOOP("写卡后读回的芯片信息与中心不一致，写卡未成功。请重新插卡后重试；"
                                          "仍不成功请按坏卡办理换卡。"), code="CHIP_READBACK_MISMATCH")
    log.info("chip holder data written (%s) on card %s", ",".join(fields), mask_card_no(data.card_number))
    return ChipWriteResult(data.card_number, fields, before, after)


