"""The receipt of a loss or de-loss (业务回执), made with the printing layer's receipt."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.card_states import FUNCTION_NAMES_ZH, FUNCTION_STATE_NAMES_ZH, CardFunction, FunctionState
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import ReceiptData, render_business_receipt
from counter_app.printing.receipt import CARD_BUSINESS_LABELS
from counter_app.workflows.card_loss import rules
from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.card_loss.record import LossRecord, Operation

BUSINESS_ZH = {Operation.LOSS: "社会保障卡正式挂失", Operation.DELOSS: "社会保障卡解除挂失"}


def next_steps(record: LossRecord, branch_bank: str) -> tuple[str, ...]:
    assert record.outcome is not None
    card_bank = rules.bank_name(record.card.bank_code) if record.card and record.card.bank_code \
        else branch_bank
    if record.operation is Operation.DELOSS:
        return (
            "解挂后卡片对应功能恢复正常使用；如密码遗忘或被锁定，请办理密码重置。",
            "如再次遗失，请立即拨打 12333（社保功能）或发卡银行客服电话（金融功能）挂失，"
            "并持身份证到网点办理正式挂失。",
        )
    steps = []
    if record.outcome.status == "pending":
        steps.append("本次挂失受理时专线中断，挂失将在线路恢复后自动上传中心并生效，"
                     "生效前请勿使用该卡；可拨打 12333 查询挂失是否已生效。")
    steps += [
        f"卡片找回的，可持身份证和原卡到{card_bank}网点办理解挂（须在申请补卡之前）。",
        f"需要补卡的，请持身份证到{card_bank}的补卡网点办理补卡；补卡申请后正式挂失不可撤销。",
        "挂失生效后，所挂失的功能暂停使用，未挂失的功能不受影响。",
    ]
    return tuple(steps)


def render_receipt(ctx: CardLossContext, record: LossRecord) -> bytes:
    outcome, card = record.outcome, record.card
    if outcome is None or card is None:
        raise CounterError(QT_TR_NOOP("业务尚未受理，不能打印回执。"), code="NOT_ACCEPTED")
    functions = "、".join(FUNCTION_NAMES_ZH[CardFunction(f)] for f in outcome.functions)
    after = []
    for f, state in (("social", outcome.social_after), ("financial", outcome.financial_after)):
        if state:
            after.append(f"{FUNCTION_NAMES_ZH[CardFunction(f)]}：{FUNCTION_STATE_NAMES_ZH[FunctionState(state)]}")
    details: list[tuple[str, str]] = [
        ("社保卡号", rules.mask_card_no(card.card_no)),
        ("发卡银行", rules.bank_name(card.bank_code) if card.bank_code else "待中心确认"),
        ("办理功能", functions),
        ("办理结果", "；".join(after) if after else
         "已在本网点受理，上传中心后生效" if outcome.status == "pending" else "已办理"),
    ]
    at = dt.datetime.fromisoformat(outcome.at).astimezone(CHINA_TIME)
    data = ReceiptData(
        application_no=outcome.receipt_no, business_type=BUSINESS_ZH[record.operation],
        person_name=record.identity.name or "（见身份证）", id_number=record.identity.id_number,
        branch=ctx.branch, teller_id=ctx.teller, accepted_at=at.replace(tzinfo=None),
        next_steps=next_steps(record, ctx.branch.bank_name),
        pending_sync=outcome.status == "pending", details=tuple(details))
    return render_business_receipt(data, labels=CARD_BUSINESS_LABELS)
