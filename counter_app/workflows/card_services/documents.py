"""The receipt of a PIN or card service (业务回执). It never carries a PIN: only what was
done, to which function, and the central's authorisation number."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.card_states import FUNCTION_NAMES_ZH, CardFunction
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import ReceiptData, render_business_receipt
from counter_app.printing.receipt import CARD_BUSINESS_LABELS
from counter_app.workflows.card_loss.rules import bank_name, mask_card_no
from counter_app.workflows.card_services.chip_write import FIELD_NAMES_ZH
from counter_app.workflows.card_services.context import CardServicesContext
from counter_app.workflows.card_services.record import CardServicesRecord, Operation
from counter_app.workflows.data_change.record import NATION_NAMES

BUSINESS_ZH = {
    Operation.CHANGE_PIN: "社会保障卡修改密码",
    Operation.RESET_PIN: "社会保障卡密码重置解锁",
    Operation.WRITE: "社会保障卡信息变更写卡",
    Operation.READ: "社会保障卡读卡查询",
}


def next_steps(record: CardServicesRecord) -> tuple[str, ...]:
    op = record.operation
    if op is Operation.CHANGE_PIN:
        return ("新密码即时生效，请妥善保管，不要告诉他人，也不要写在卡上。",
                "忘记密码或连续输错被锁定的，请持本人身份证和社保卡到网点办理密码重置解锁。")
    if op is Operation.RESET_PIN:
        if record.function == CardFunction.FINANCIAL.value:
            return ("请在发卡银行的自助设备或柜台设置新的银行密码。",
                    "银行密码连续输错被锁定的，请到发卡银行网点办理。")
        return ("社保卡密码已重置为持卡人本次设置的新密码，即时生效，请妥善保管。",
                "社保卡密码连续输错将再次锁定，请牢记新密码。")
    return ("芯片信息已与中心登记的信息一致，可正常用于社保业务。",
            "姓名或身份证号码变更的，须办理换卡。")


def render_receipt(ctx: CardServicesContext, record: CardServicesRecord) -> bytes:
    outcome, chip = record.outcome, record.chip
    if outcome is None or chip is None:
        raise CounterError(QT_TR_NOOP("业务尚未办理，不能打印回执。"), code="NOT_ACCEPTED")
    details: list[tuple[str, str]] = [("社保卡号", mask_card_no(chip.card_no))]
    if record.central.bank_code:
        details.append(("发卡银行", bank_name(record.central.bank_code)))
    if outcome.function:
        details.append(("办理功能", FUNCTION_NAMES_ZH[CardFunction(outcome.function)]))
    if outcome.authorisation_id:
        details.append(("中心授权号", outcome.authorisation_id))
    if outcome.fields:
        details.append(("写卡项目", "、".join(FIELD_NAMES_ZH[f] for f in outcome.fields)))
        if "nation" in outcome.fields:  # as read back from the chip after the write
            details.append(("民族（写卡后）", NATION_NAMES.get(chip.nation, chip.nation)))
    details.append(("办理结果", outcome.message))
    at = dt.datetime.fromisoformat(outcome.at).astimezone(CHINA_TIME)
    data = ReceiptData(
        application_no=outcome.receipt_no, business_type=BUSINESS_ZH[record.operation],
        person_name=record.identity.name or "（见身份证）", id_number=record.identity.id_number,
        branch=ctx.branch, teller_id=ctx.teller, accepted_at=at.replace(tzinfo=None),
        next_steps=next_steps(record), details=tuple(details))
    return render_business_receipt(data, labels=CARD_BUSINESS_LABELS)
