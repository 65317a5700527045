"""Reconciliation (盘点对账): received = in stock + in custody + issued + spoiled, per branch
and per teller, any time and at day end — every difference named, never hidden.

Two independent sources are compared: the move log (what was received, handed out, taken
back, issued, spoiled) and the cards' places now; and the physical counts typed at the
counter against the places now.
"""

from __future__ import annotations

from collections import defaultdict

from counter_app.domain.blank_stock import CardPlace, Place
from counter_app.domain.texts import zh
from counter_app.workflows.stock.context import MoveFacts
from counter_app.workflows.stock.record import Reconciliation, TellerLine


def reconcile(*, day: str, at: str, branch_code: str, cards: list[CardPlace],
              moves_all: list[MoveFacts], counted_stock: int | None = None,
              counted_custody: dict[str, int] | None = None,
              spoiled_lines: tuple[tuple[str, str, str], ...] = (),
              scope_teller: str = "") -> Reconciliation:
    counted_custody = counted_custody or {}
    by_place: dict[Place, int] = defaultdict(int)
    for c in cards:
        by_place[c.place] += 1
    received = sum(1 for m in moves_all if m.from_place is None)
    differences: list[str] = []
    total = sum(by_place.values())
    if received != total:
        differences.append(
            zh("入库登记 {received} 张，而库存、保管、已发卡、废卡合计 {total} 张，相差 {difference} 张"
               "（账务记录不一致，请立即报告主管并联系技术支持）。", received=received, total=total,
               difference=received - total))

    day_moves = [m for m in moves_all if m.day == day]
    tellers = {m.teller for m in day_moves if m.teller} | {c.custodian for c in cards if c.custodian}
    tellers |= set(counted_custody)
    if scope_teller:
        tellers = {scope_teller}
    lines: list[TellerLine] = []
    for teller in sorted(tellers):
        mine = [m for m in day_moves if m.teller == teller]
        handed = sum(1 for m in mine if m.to_place is Place.CUSTODY)
        back = sum(1 for m in mine if m.from_place is Place.CUSTODY and m.to_place is Place.STOCK)
        issued = sum(1 for m in mine if m.from_place is Place.CUSTODY and m.to_place is Place.ISSUED)
        spoiled = sum(1 for m in mine if m.from_place is Place.CUSTODY and m.to_place is Place.SPOILED)
        holding = [c for c in cards if c.place is Place.CUSTODY and c.custodian == teller]
        today = sum(1 for c in holding if c.day == day)
        earlier = tuple(sorted(c.chip_serial for c in holding if c.day != day))
        line = TellerLine(teller, handed, back, issued, spoiled, today, earlier,
                          counted_custody.get(teller))
        lines.append(line)
        if line.book_difference:
            differences.append(
                zh("柜员 {teller}：当日领用 {handed} 张，交回 {back}、发卡 {issued}、废卡 {spoiled}、"
                   "在保管 {today}，相差 {book_difference} 张。", teller=teller, handed=handed, back=back,
                   issued=issued, spoiled=spoiled, today=today, book_difference=line.book_difference))
        if earlier:
            differences.append(zh("柜员 {teller}：{count} 张为以前营业日领用、未交回（{chip_serials}），请交回库存。",
                                  teller=teller, count=len(earlier), chip_serials="、".join(earlier)))
        if line.counted is not None and line.counted != len(holding):
            diff = line.counted - len(holding)
            differences.append(
                zh("柜员 {teller}：系统记录保管 {booked} 张，实点 {counted} 张，多出 {difference} 张。",
                   teller=teller, booked=len(holding), counted=line.counted, difference=diff) if diff > 0
                else zh("柜员 {teller}：系统记录保管 {booked} 张，实点 {counted} 张，短少 {difference} 张。",
                        teller=teller, booked=len(holding), counted=line.counted, difference=-diff))
    if counted_stock is not None and counted_stock != by_place[Place.STOCK]:
        diff = counted_stock - by_place[Place.STOCK]
        differences.append(
            zh("网点库存：系统记录 {booked} 张，实点 {counted} 张，多出 {difference} 张。",
               booked=by_place[Place.STOCK], counted=counted_stock, difference=diff) if diff > 0
            else zh("网点库存：系统记录 {booked} 张，实点 {counted} 张，短少 {difference} 张。",
                    booked=by_place[Place.STOCK], counted=counted_stock, difference=-diff))
    return Reconciliation(
        day=day, at=at, branch_code=branch_code, received=received,
        in_stock=by_place[Place.STOCK], in_custody=by_place[Place.CUSTODY],
        issued=by_place[Place.ISSUED], spoiled=by_place[Place.SPOILED], tellers=tuple(lines),
        counted_stock=counted_stock, differences=tuple(differences), spoiled_lines=spoiled_lines,
        scope_teller=scope_teller)
