"""The receipt of a replacement or exchange (业务回执): the old card cancelled, the new card's
application, same number or not, how it is made, the fee (工本费) the central recorded."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import ReceiptData, render_business_receipt
from counter_app.printing.receipt import CARD_BUSINESS_LABELS
from counter_app.workflows.card_loss.context import CardLossContext
from counter_app.workflows.card_loss.rules import bank_name, mask_card_no
from counter_app.workflows.replacement import rules
from counter_app.workflows.replacement.record import REASON_TITLES_ZH, Reason, ReplacementRecord


def next_steps(record: ReplacementRecord, branch_name: str) -> tuple[str, ...]:
    outcome = record.outcome
    assert outcome is not None
    steps: list[str] = []
    if outcome.status != "done":
        steps.append("本笔补换卡提交时中心未及时应答，系统将自动向中心确认结果（不会重复受理）；"
                     "请于次日起凭身份证拨打 12333 或到本网点查询受理结果，无需重新办理。")
    if outcome.making_mode == "INSTANT":
        steps.append("新卡在本柜台当场制作：柜员写入芯片、打印卡面并核验后启用，持卡人在密码键盘上设置"
                     "6位数字密码，并另行出具即时制卡回执。" if outcome.status == "done" else
                     f"中心确认受理后即可在{branch_name}当场制卡：请持本回执和身份证原件到本网点领取。")
    else:
        steps.append(f"新卡由中心集中制作，制成后送达{branch_name}，届时柜员将电话通知您领卡。")
        steps.append(f"领卡时请携带本回执和身份证原件到{branch_name}，当面核对卡面信息，启用新卡并设置6位数字密码。")
    if record.same_number:
        steps.append("同号换卡：新卡沿用原银行卡号和账户，养老金、代发工资和代扣协议无需变更。")
    else:
        steps.append("新卡启用新的银行卡号：养老金、代发工资、代扣等协议请持新卡到相关单位或银行变更账户。")
    steps.append("原卡号已在中心注销，不能再解挂或使用" +
                 ("；找回的原卡请交回发卡银行网点。" if record.reason is Reason.LOST else "；原卡已由网点收回。"))
    return tuple(steps)


def render_receipt(ctx: CardLossContext, record: ReplacementRecord) -> bytes:
    outcome, card = record.outcome, record.card
    if outcome is None or card is None:
        raise CounterError(QT_TR_NOOP("业务尚未受理，不能打印回执。"), code="NOT_ACCEPTED")
    making = "当场制卡（本网点即时制卡）" if outcome.making_mode == "INSTANT" else "中心集中制卡"
    details: list[tuple[str, str]] = [
        ("原社保卡号", f"{mask_card_no(card.card_no)}（已注销）" if outcome.status == "done"
         else f"{mask_card_no(card.card_no)}（注销待中心确认）"),
        ("发卡银行", bank_name(card.bank_code)),
        ("银行卡号", "同号换卡，沿用原银行卡号和账户" if record.same_number else "换发新银行卡号"),
        ("制卡方式", making),
        ("中心受理号", outcome.application_id or "待中心确认"),
        ("工本费", rules.fee_zh(outcome.fee_fen)),
    ]
    if record.reason is not Reason.LOST:
        details.insert(1, ("原卡", "已收回（芯片可读）" if record.card_read_no == card.card_no
                           else "已收回（芯片无法读取）"))
    at = dt.datetime.fromisoformat(outcome.at).astimezone(CHINA_TIME)
    kind = REASON_TITLES_ZH[record.reason] + ("（同号换卡）" if record.same_number else "")
    data = ReceiptData(
        application_no=outcome.receipt_no, business_type=f"社会保障卡{kind}",
        person_name=record.identity.name or "（见身份证）", id_number=record.identity.id_number,
        branch=ctx.branch, teller_id=ctx.teller, accepted_at=at.replace(tzinfo=None),
        next_steps=next_steps(record, ctx.branch.name), details=tuple(details))
    return render_business_receipt(data, labels=CARD_BUSINESS_LABELS)
