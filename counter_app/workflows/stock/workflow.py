"""Blank-card stock (空白卡库存) at an instant-issue branch, as a wizard over its record.

The screens: 入库 (receive a box: each card read and registered by its chip serial, or the
supplier's list checked card by card) → 领用/交回 (hand cards into a teller's custody for
the day, take the rest back) → 废卡 (spoil with the reason and a supervisor's password) →
盘点对账 (received = in stock + in custody + issued + spoiled, per teller and per branch,
with the count sheet PDF). The steps are independent screens: any of them may be opened
from the list at any time (``goto`` is not limited to earlier steps).

The API other workflows use (instant issuance) is :class:`~counter_app.workflows.stock.api.BlankStock`:

- ``check_custody(chip_serial) -> CardPlace`` — raises ``NotInCustody`` whose ``message_zh``
  names where the card is (in branch stock, in another teller's custody, issued, spoiled,
  handed out on an earlier day, unknown);
- ``mark_issued(chip_serial, application_id)`` — custody (this teller, today) → issued;
- ``approve_spoil(SupervisorApproval, chip_serial) -> SpoilApproval`` then
  ``mark_spoiled(chip_serial, reason, approval)`` — stock or own custody → 废卡.

Each is one store transaction with its audit entry (see docs/stock.md).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

from counter_app.devices.blank_card import BlankChip
from counter_app.domain.blank_stock import AlreadyRegistered, CardPlace, Place, StockError
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.printing.count_sheet import CountLine, CountSheet, render_count_sheet
from counter_app.workflows.kernel import StepDef, Wizard
from counter_app.workflows.records import to_json
from counter_app.workflows.stock.api import BlankStock, SpoilApproval
from counter_app.workflows.stock.context import StockContext
from counter_app.workflows.stock.reconcile import reconcile
from counter_app.workflows.stock.record import (
    SCHEMA_VERSION,
    BoxCheck,
    ReadOutcome,
    ReadResult,
    Reconciliation,
    Step,
    StockRecord,
)
from counter_app.workflows.stock.supplier_list import box_id_error, parse_supplier_list
from counter_app.workflows.supervisor import SupervisorApproval

STEP_TITLES_ZH: dict[Step, str] = {
    Step.RECEIVE: QT_TR_NOOP("空白卡入库"),
    Step.CUSTODY: QT_TR_NOOP("领用 / 交回"),
    Step.SPOIL: QT_TR_NOOP("登记废卡"),
    Step.RECONCILE: QT_TR_NOOP("盘点对账"),
}


def _count(text: str, field: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    if not text.isdigit() or len(text) > 6:
        raise ValidationError(field, QT_TR_NOOP("实点张数应为0或正整数。"), code="BLANK_BAD_COUNT")
    return int(text)


class StockWorkflow(Wizard[StockRecord]):
    def __init__(self, ctx: StockContext) -> None:
        self.ctx = ctx
        self.stock = BlankStock(ctx)
        self.saved: dict[str, Any] = {}
        record = StockRecord(draft_id=str(uuid.uuid4()), teller=ctx.teller,
                             started_at=ctx.clock().isoformat())
        super().__init__([StepDef(s, STEP_TITLES_ZH[s]) for s in Step], record, clock=ctx.clock)

    def save(self) -> None:
        # the stock lives in the store (every move audited there); this is the screen's state
        self.saved = {"schema": SCHEMA_VERSION, "step": self.current, "history": list(self.history),
                      "journal": [to_json(j) for j in self.journal], "record": to_json(self.record)}

    def _update(self, **changes: Any) -> None:
        self._set(replace(self.record, **changes))
        self.save()

    def goto(self, key: str) -> str:
        """Any stock screen may be opened from any other."""
        if key in self.step_keys() and key != self.current:
            self.note("goto", target=key)
            self._move(key)
            self.save()
        return self.current

    @property
    def step(self) -> Step:
        return Step(self.current)

    # -- 入库 ----------------------------------------------------------------------------------
    def open_box(self, box_id: str, list_file: bytes | None = None) -> BoxCheck:
        """Start (or continue) receiving a box; with the supplier's list its serials are
        expected card by card."""
        self.stock._require_instant()
        self.stock.admit()
        expected: tuple[str, ...] | None = None
        if list_file is not None:
            listed_box, expected = parse_supplier_list(list_file)
            if box_id.strip() and box_id.strip() != listed_box:
                raise ValidationError("box_id", zh("录入的箱号“{box_id}”与供应商清单的箱号"
                                                   "“{listed_box}”不同，请核对。", box_id=box_id.strip(),
                                                   listed_box=listed_box), code="BLANK_LIST_OTHER_BOX")
            box_id = listed_box
        box_id = box_id.strip()
        error = box_id_error(box_id)
        if error:
            raise ValidationError("box_id", error, code="BLANK_BAD_BOX")
        facts = self.ctx.store.register_box(box_id, expected, self.ctx.teller, self.ctx.clock())
        box = BoxCheck(box_id, facts.expected, tuple(facts.received), closed=facts.checked)
        self.note("box_opened", listed=facts.expected is not None)
        self._update(box=box)
        return box

    def read_card(self) -> ReadResult:
        """Read the blank in the slot and register it into the open box."""
        box = self.record.box
        if box is None:
            raise ValidationError("box_id", QT_TR_NOOP("请先录入箱号（或导入供应商清单）再读卡入库。"),
                                  code="BLANK_NO_BOX")
        reader = self.ctx.reader
        if reader is None:
            raise CounterError(QT_TR_NOOP("本机未配置读卡器，不能读取空白卡。"), code="BLANK_NO_READER")
        chip: BlankChip = reader.read_blank()
        return self.register_chip(chip.chip_serial, chip.atr)

    def register_chip(self, serial: str, atr: str) -> ReadResult:
        box = self.record.box
        assert box is not None
        self.stock.admit()
        if box.expected is not None and serial not in box.expected:
            result = ReadResult(serial, ReadOutcome.NOT_ON_LIST,
                                zh("芯片序列号 {serial} 不在箱号 {box_id} 的供应商清单上，未入库；"
                                   "请将该卡单独放置并报告主管。", serial=serial, box_id=box.box_id))
        else:
            try:
                self.ctx.store.receive(box.box_id, serial, atr, self.ctx.teller, self.ctx.today(),
                                       self.ctx.clock())
                result = ReadResult(serial, ReadOutcome.RECEIVED, zh("空白卡 {serial} 已入库。", serial=serial))
            except AlreadyRegistered as error:
                result = ReadResult(serial, ReadOutcome.DUPLICATE,
                                    zh("重复：{reason}", reason=error.message_zh))
        if result.outcome is ReadOutcome.RECEIVED:
            box = replace(box, received=(*box.received, serial))
        else:
            box = replace(box, problems=(*box.problems, result))
            self.ctx.store.audit(self.ctx.teller, "stock.receive_refused", chip_serial=serial,
                                 box_id=box.box_id, outcome=result.outcome.value)
        self.note("card_read", outcome=result.outcome.value)
        self._update(box=box)
        return result

    def close_box(self) -> BoxCheck:
        """The card-by-card check is finished: list entries never seen are named."""
        box = self.record.box
        if box is None:
            raise ValidationError("box_id", QT_TR_NOOP("没有正在入库的箱。"), code="BLANK_NO_BOX")
        self.stock.admit()
        missing = box.outstanding
        self.ctx.store.close_box_check(box.box_id, self.ctx.teller, self.ctx.clock(),
                                       missing=missing,
                                       refused=tuple(p.chip_serial for p in box.problems))
        box = replace(box, missing=missing, closed=True)
        self.note("box_closed", received=len(box.received), missing=len(missing),
                  problems=len(box.problems))
        self._update(box=box)
        return box

    # -- 领用 / 交回 ----------------------------------------------------------------------------
    def hand_out(self, count_text: str, to_teller: str) -> list[CardPlace]:
        count = _count(count_text, "count")
        if count is None:
            raise ValidationError("count", QT_TR_NOOP("请录入领用张数。"), code="BLANK_BAD_COUNT")
        cards = self.stock.hand_out_count(count, to_teller)
        who = to_teller.strip() or self.ctx.teller
        self._update(custody_message=zh("已交给柜员 {teller} 保管 {count} 张：{chip_serial} 等。", teller=who,
                                        count=len(cards), chip_serial=cards[0].chip_serial))
        return cards

    def take_back(self, from_teller: str) -> list[CardPlace]:
        cards = self.stock.take_back(from_teller)
        who = from_teller.strip() or self.ctx.teller
        self._update(custody_message=(zh("柜员 {teller} 交回库存 {count} 张。", teller=who, count=len(cards))
                                      if cards else zh("柜员 {teller} 没有保管中的空白卡。", teller=who)))
        return cards

    # -- 废卡 ------------------------------------------------------------------------------------
    def spoil(self, serial: str, reason: str, supervisor: SupervisorApproval) -> CardPlace:
        self.stock.admit()  # before the supervisor's password is asked for
        approval: SpoilApproval = self.stock.approve_spoil(supervisor, serial)
        place = self.stock.mark_spoiled(serial, reason, approval)
        self._update(spoil_message=zh("空白卡 {chip_serial} 已登记为废卡（授权主管 {supervisor}）。",
                                      chip_serial=place.chip_serial, supervisor=approval.supervisor))
        return place

    # -- 盘点对账 -------------------------------------------------------------------------------
    def reconcile(self, counted_stock: str = "", counted_custody: str = "",
                  teller_only: bool = False) -> Reconciliation:
        self.stock._require_instant()
        self.stock.admit()
        stock_n = _count(counted_stock, "counted_stock")
        custody_n = _count(counted_custody, "counted_custody")
        store, day = self.ctx.store, self.ctx.today()
        moves = store.moves()
        spoiled_today = [m.chip_serial for m in moves if m.day == day and m.to_place is Place.SPOILED]
        lines = []
        for serial in spoiled_today:
            details = store.spoil_details(serial)
            if details is not None:
                lines.append((serial, *details))
        result = reconcile(
            day=day, at=self.ctx.clock().isoformat(), branch_code=self.ctx.branch.code,
            cards=store.cards(), moves_all=moves, counted_stock=stock_n,
            counted_custody={self.ctx.teller: custody_n} if custody_n is not None else None,
            spoiled_lines=tuple(lines), scope_teller=self.ctx.teller if teller_only else "")
        local = self.ctx.clock().astimezone(CHINA_TIME)
        number = f"PD-{self.ctx.branch.code}-{local:%Y%m%d-%H%M%S}"
        store.audit(self.ctx.teller, "stock.reconciled", sheet_no=number, day=day,
                    balanced=result.balanced, differences=len(result.differences),
                    scope=self.ctx.teller if teller_only else "branch")
        self.note("reconciled", balanced=result.balanced)
        self._update(reconciliation=result, sheet_no=number)
        return result

    def count_sheet(self) -> bytes:
        r = self.record.reconciliation
        if r is None:
            raise StockError(QT_TR_NOOP("请先盘点对账，再打印盘点表。"), code="BLANK_NOT_RECONCILED")
        at = dt.datetime.fromisoformat(r.at).astimezone(CHINA_TIME).replace(tzinfo=None)
        lines = tuple(CountLine(t.teller, t.handed, t.taken_back, t.issued, t.spoiled, t.holding,
                                len(t.earlier), t.counted) for t in r.tellers)
        sheet = CountSheet(self.record.sheet_no, self.ctx.branch, self.ctx.teller, r.day, at,
                           r.received, r.in_stock, r.in_custody, r.issued, r.spoiled,
                           r.counted_stock, lines, r.differences, r.spoiled_lines,
                           scope_zh=zh("柜员 {scope_teller}",
                                       scope_teller=r.scope_teller) if r.scope_teller else QT_TR_NOOP("全网点"))
        pdf = render_count_sheet(sheet)
        self.ctx.store.audit(self.ctx.teller, "stock.count_sheet", sheet_no=self.record.sheet_no)
        return pdf
