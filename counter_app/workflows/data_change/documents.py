"""The receipt of a data change (参保信息变更回执), made with the printing layer's receipt."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import ReceiptData, mask_id_number, mask_phone, render_business_receipt
from counter_app.workflows.data_change.record import (
    CHIP_FIELDS,
    FIELD_BY_KEY,
    NATION_NAMES,
    PAPER_KINDS,
    SEX_ZH,
    DataChangeRecord,
)
from counter_app.workflows.person_ops import PersonOpsContext

NEW_CARD_ZH = QT_TR_NOOP("姓名或身份证号码已变更，原社会保障卡芯片和卡面信息与变更后信息不一致，须换发新卡："
                         "请持本人身份证到发卡银行网点办理补卡/换卡（换卡时交回原卡）；新卡启用前原卡仍可按原功能使用。")


def shown(key: str, value: str) -> str:
    """A value as printed: the receipt carries no full ID number or phone."""
    if key == "id_number":
        return mask_id_number(value)
    if key == "phone":
        return mask_phone(value)
    if key == "sex":
        return SEX_ZH.get(value, value)
    if key == "nation":
        return NATION_NAMES.get(value, value)
    return value


def chip_out_of_date(record: DataChangeRecord) -> bool:
    """A field the chip carries changed and the card stays (no new card)."""
    outcome = record.outcome
    return (outcome is not None and outcome.status == "done" and not outcome.new_card_required
            and any(c.field in CHIP_FIELDS for c in record.changes))


def next_steps(record: DataChangeRecord) -> tuple[str, ...]:
    outcome = record.outcome
    assert outcome is not None
    steps = []
    if outcome.new_card_required:
        steps.append(NEW_CARD_ZH)
    elif chip_out_of_date(record):
        steps.append("持有社会保障卡的，请到合作银行网点办理信息变更写卡，使芯片内信息与变更后一致。")
    steps.append("变更后的信息可在浙里办或12333查询核对；如有不符，请携带本回执到网点或社保经办机构办理。")
    return tuple(steps)


def render_receipt(ctx: PersonOpsContext, record: DataChangeRecord) -> bytes:
    outcome = record.outcome
    if outcome is None:
        raise CounterError(QT_TR_NOOP("业务尚未受理，不能打印回执。"), code="NOT_ACCEPTED")
    details: list[tuple[str, str]] = [
        (f"新{FIELD_BY_KEY[c.field].title_zh}", shown(c.field, c.value)) for c in record.changes]
    if record.records_seen:
        details.append(("核验记录", "；".join(record.records_seen)))
    if record.paper_kind:
        details.append(("证明材料", f"{PAPER_KINDS[record.paper_kind]}（编号 {record.paper_no}）"))
    if outcome.new_card_required:
        details.append(("社会保障卡", "须办理补卡/换卡"))
    at = dt.datetime.fromisoformat(outcome.at).astimezone(CHINA_TIME).replace(tzinfo=None)
    data = ReceiptData(
        application_no=outcome.receipt_no, business_type="参保信息变更",
        person_name=record.current_name or record.identity.name or "（见身份证）",
        id_number=record.identity.id_number, branch=ctx.branch, teller_id=ctx.teller,
        accepted_at=at, next_steps=next_steps(record), pending_sync=outcome.status == "pending",
        details=tuple(details))
    return render_business_receipt(data)
