"""The central-production documents from the records: the batch receipt list (签收清单) and
the uncollected-cards list, as PDF bytes (printing/production_lists.py draws them)."""

from __future__ import annotations

from typing import Any

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.production import (
    EXTRA,
    MISMATCHED,
    MISSING,
    Difference,
    Tracked,
    keep_until,
)
from counter_app.domain.texts import zh
from counter_app.printing import mask_name
from counter_app.printing.masking import mask_id_number
from counter_app.printing.production_lists import (
    BatchReceiptSheet,
    HandoutReceipt,
    ReceiptLine,
    SealingLine,
    SealingSheet,
    UncollectedSheet,
    render_batch_receipt,
    render_handout_receipt,
    render_sealing_list,
    render_uncollected,
)
from counter_app.printing.production_lists import UncollectedLine as PrintedUncollected
from counter_app.workflows.production.desk import ProductionDesk
from counter_app.workflows.production.handout import (
    COLLECTOR_ZH,
    Collector,
    HandoutRecord,
    HandoutWorkflow,
)
from counter_app.workflows.production.receipt import BatchReceiptWorkflow
from counter_app.workflows.production.record import Outcome
from counter_app.workflows.production.sealing import SealingOutcome


def holder_zh(t: Tracked | None, id_number: str = "") -> str:
    name = mask_name(t.name) if t is not None and t.name else ""
    idn = (t.id_number if t is not None else "") or id_number
    return " ".join(x for x in (name, mask_id_number(idn) if idn else "") if x) or "—"


def difference_zh(d: Difference, holder: str = "") -> str:
    """A difference of a batch receipt, as the screen and the printed list show it."""
    if d.kind == MISSING:
        if holder:  # the screen may not know the holder: no "（，"
            return zh("缺卡：申领 {application_id}（{holder}，卡号 {card_no}）在清单内，箱内未见实物。"
                      "已报中心查找；持卡人来领卡时请告知卡片尚未到网点。",
                      application_id=d.application_id, holder=holder, card_no=d.card_no)
        return zh("缺卡：申领 {application_id}（卡号 {card_no}）在清单内，箱内未见实物。"
                  "已报中心查找；持卡人来领卡时请告知卡片尚未到网点。",
                  application_id=d.application_id, card_no=d.card_no)
    if d.kind == EXTRA:
        if d.application_id:
            return zh("多卡：卡号 {card_no}（装在申领 {application_id} 的信封内）不在本批次清单内，未入柜。"
                      "请单独封存，随差异报告退回制卡中心。", card_no=d.card_no,
                      application_id=d.application_id)
        return zh("多卡：卡号 {card_no}不在本批次清单内，未入柜。请单独封存，随差异报告退回制卡中心。",
                  card_no=d.card_no)
    if d.kind == MISMATCHED:
        return zh("错装：申领 {application_id} 的信封内装的是卡号 {card_no}（属申领 "
                  "{owner_application_id}）。已按芯片归属签收入柜，请更正信封。",
                  application_id=d.application_id, card_no=d.card_no,
                  owner_application_id=d.owner_application_id)
    return f"{d.kind}：{d.application_id} {d.card_no}"  # i18n: data (a kind this code does not know)


def receipt_sheet(wf: BatchReceiptWorkflow) -> BatchReceiptSheet:
    ctx, r = wf.ctx, wf.record
    batch = wf.batch
    placed = dict(wf.placements())
    check = wf.check()
    swapped = {d.owner_application_id for d in check.differences if d.kind == MISMATCHED}
    lines: list[ReceiptLine] = []
    for item in batch.items:
        t = ctx.repo.get(item.application_id)
        where = placed.get(item.application_id, "")
        result = "缺卡"
        if where:
            result = "已签收（错装已更正）" if item.application_id in swapped else "已签收"
        lines.append(ReceiptLine(item.application_id, holder_zh(t, item.id_number),
                                 item.card_no, where, result, bad=not where))
    for d in check.differences:
        if d.kind == EXTRA:
            lines.append(ReceiptLine("（清单外）", "—", d.card_no, "", "多卡，退回", bad=True))
    differences = []
    for d in wf.differences():
        t = ctx.repo.get(d.application_id) if d.kind == MISSING else None
        differences.append(difference_zh(d, holder_zh(t)))
    sent = ("签收单已上报中心。" if r.outcome is Outcome.SENT else
            "专线中断：签收单已暂存，线路恢复后自动上报中心（不会重复上报）。")
    pulled = ""
    if r.outcome is Outcome.QUEUED and batch.pulled_at is not None:
        pulled = (f"本次按 {batch.pulled_at.astimezone(CHINA_TIME):%Y-%m-%d %H:%M} "
                  "从中心获取的批次清单离线签收。")
    at = ctx.clock().astimezone(CHINA_TIME)
    return BatchReceiptSheet(ctx.branch, r.batch_id, ctx.teller, at, len(batch.items),
                             len(placed), tuple(lines), tuple(differences), sent, pulled)


def receipt_pdf(wf: BatchReceiptWorkflow) -> bytes:
    return render_batch_receipt(receipt_sheet(wf))


def uncollected_pdf(desk: ProductionDesk) -> bytes:
    ctx = desk.ctx
    lines = tuple(PrintedUncollected(u.application_id, u.holder_zh, u.card_no, u.location,
                                     u.received_on, u.age_days, u.keep_until, u.due)
                  for u in desk.uncollected())
    return render_uncollected(UncollectedSheet(
        ctx.branch, ctx.teller, ctx.clock().astimezone(CHINA_TIME), desk.keep_months(), lines))


def handout_pdf(wf: HandoutWorkflow) -> bytes:
    ctx, r = wf.ctx, wf.record
    collector = COLLECTOR_ZH[r.collector]
    if r.collector is Collector.GUARDIAN:
        collector += f"（监护人 {mask_name(r.identity.name) if r.identity.name else ''}"\
                     f"{mask_id_number(r.identity.id_number)}，已查验监护关系证明）"
    elif r.collector is Collector.EMPLOYER:
        collector += (f"（{r.employer.name or '单位'} {r.employer.credit_code}，委托书 "
                      f"{r.employer.letter_no}；经办人 {mask_id_number(r.identity.id_number)}）")
    return render_handout_receipt(HandoutReceipt(
        ctx.branch, r.application_id, r.card_no, mask_name(r.holder_name) if r.holder_name else "—",
        mask_id_number(wf.holder_id), collector, ctx.clock().astimezone(CHINA_TIME), ctx.teller,
        e_card_claim_url=r.ecard_url, **_state(r)))


EMPLOYER_NOT_ACTIVATED_ZH = ("已发放，未启用：须持卡人本人持身份证和本卡到本行网点办理领卡启用并设置密码"
                             "（卡片启用前不能使用）")


def _state(r: HandoutRecord) -> dict[str, Any]:
    """An employer's collection hands the card out unactivated: the receipt says so."""
    if r.activated:
        return {}
    return {"card_state_zh": EMPLOYER_NOT_ACTIVATED_ZH, "activated": False}


SEAL_STATE_ZH = {"done": "中心已封存", "pending": "待上传中心", "sending": "待上传中心",
                 "dead": "中心拒绝，待主管处理"}


def sealing_pdf(desk: ProductionDesk, outcome: SealingOutcome) -> bytes:
    """The sealing list (封存清单) of one sealing, with what the central said of each card."""
    ctx = desk.ctx
    months = desk.keep_months()
    refused = dict(outcome.refused)
    lines = []
    for t, location in ctx.repo.sealing_list(outcome.sealing_list_id):
        received = t.received_at.astimezone(CHINA_TIME).date() if t.received_at else None
        if t.application_id in refused:
            central, bad = f"中心拒绝：{refused[t.application_id]}", True
        elif outcome.queued and t.application_id in outcome.sealed[-outcome.queued:]:
            central, bad = "待上传中心", False
        else:
            central, bad = "中心已封存", False
        lines.append(SealingLine(
            t.application_id, holder_zh(t), t.card_no, location,
            received.isoformat() if received else "—",
            keep_until(t.received_at, months).isoformat() if t.received_at else "—",
            central, bad))
    at = (ctx.clock()).astimezone(CHINA_TIME)
    return render_sealing_list(SealingSheet(ctx.branch, outcome.sealing_list_id, ctx.teller, at,
                                            months, tuple(lines)))
