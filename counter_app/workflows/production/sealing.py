"""Sealing (封存): uncollected cards past the keeping period go back to the central.

The teller seals every card in custody that is past the central's keeping period in one go:
the cards leave custody onto one numbered sealing list (封存清单, printed and packed with the
cards), each with its outbox message under its own key and the audit entry, in one durable
transaction; then each is sent now. Sealing may be queued (``card_sealing``, ``DEFERRABLE``):
the cards are physically out of the drawer either way, and the central learns it under the
same keys when the line is back (a refusal is kept with the message and shown).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from counter_app.central import api as A
from counter_app.central.errors import LINE_ERRORS, CentralRefusal
from counter_app.central.sync import check_new_work
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, clauses, zh
from counter_app.workflows.production.context import ProductionContext

SEAL_REASON = "超期未领，退回封存"  # i18n: data (the reason sent to the central)


class SealingError(CounterError):
    code = "SEALING"
    message_zh = QT_TR_NOOP("封存未完成。")


@dataclass(frozen=True)
class SealingOutcome:
    sealing_list_id: str
    sealed: tuple[str, ...]  # application ids on the list
    sent: int  # taken by the central now
    queued: int  # waiting in the outbox (line down)
    refused: tuple[tuple[str, str], ...]  # (application id, the central's reason)

    @property
    def message_zh(self) -> str:
        text: str = zh("封存清单 {sealing_list_id}：{count} 张卡已出柜退回中心封存。",
                       sealing_list_id=self.sealing_list_id, count=len(self.sealed))
        if self.queued:
            text = zh("封存清单 {sealing_list_id}：{count} 张卡已出柜退回中心封存，其中 {queued} 张因专线中断暂存，"
                      "线路恢复后自动上报中心（不会重复上报）。", sealing_list_id=self.sealing_list_id,
                      count=len(self.sealed), queued=self.queued)
        if self.refused:
            refusals = clauses([zh("{application_id} {reason}", application_id=a, reason=m)
                               for a, m in self.refused])
            text = zh("{outcome}中心拒绝：{refusals}，请联系中心核对。", outcome=text, refusals=refusals)
        return text


def seal_due(ctx: ProductionContext, due: list[tuple[str, str]]) -> SealingOutcome:
    """Seal the cards ``due`` ((application id, card number), past the keeping period)."""
    if not due:
        raise SealingError(QT_TR_NOOP("没有超过保管期的在柜卡片，无需封存。"), code="NOTHING_DUE")
    if ctx.sync_status is not None:
        check_new_work("card_sealing", ctx.sync_status(), ctx.limits,
                       free_disk_mb=ctx.free_disk_mb(), now=ctx.clock())
    now = ctx.clock()
    list_id = (f"FC-{ctx.branch_code}-{now.astimezone(CHINA_TIME):%Y%m%d}-"
               f"{uuid.uuid4().hex[:6].upper()}")
    items = []
    for application_id, card_no in due:
        body = A.seal_body(ctx.branch_code, card_no, list_id, SEAL_REASON)
        items.append((application_id, f"seal-{uuid.uuid4()}",
                      {"application_id": application_id, **body}))
    sealed = ctx.repo.seal(items, sealing_list_id=list_id, teller=ctx.teller, hold_s=ctx.hold_s,
                           now=now)
    keys = {a: (op, p) for a, op, p in items}
    sent, queued, refused = 0, 0, []
    line_down = False
    for application_id in sealed:
        op, payload = keys[application_id]
        if line_down:  # one failure is enough: the rest go with the sync worker
            ctx.outbox.release(op, "LINE_DOWN", ctx.clock())
            queued += 1
            continue
        try:
            ctx.central.seal_card(application_id, branch_code=ctx.branch_code,
                                  card_no=payload["card_no"], sealing_list_id=list_id,
                                  reason=SEAL_REASON, idempotency_key=op)
        except LINE_ERRORS as exc:
            ctx.outbox.release(op, exc.code, ctx.clock())
            line_down, queued = True, queued + 1
        except CentralRefusal as exc:
            ctx.outbox.refused(op, exc.code, ctx.clock())
            refused.append((application_id, exc.message_zh))
        else:
            ctx.outbox.sent(op, {"application_id": application_id, "sealed": True}, ctx.clock())
            sent += 1
    if queued:
        ctx.wake_sync()
    return SealingOutcome(list_id, tuple(sealed), sent, queued, tuple(refused))
