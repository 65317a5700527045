"""Blank-card stock rules without I/O: the supplier's list, serials, box ids, the move table
and the reconciliation's named differences (each limit at the edge and one past it)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from counter_app.domain.blank_stock import (
    CHIP_SERIAL_LEN,
    MAX_BOX_ID,
    MOVES,
    CardPlace,
    MoveRefused,
    Place,
    check_move,
    serial_error,
)
from counter_app.domain.errors import ValidationError
from counter_app.workflows.stock.reconcile import reconcile
from counter_app.workflows.stock.supplier_list import (
    MAX_LIST_BYTES,
    box_id_error,
    parse_supplier_list,
)

S1, S2, S3 = "00B1000000000001", "00B1000000000002", "00B1000000000003"


def test_a_list_with_a_header_in_utf8_or_gb18030() -> None:
    text = f"箱号,芯片序列号\nBOX-1,{S1}\nBOX-1, {S2.lower()} \n\n"
    assert parse_supplier_list(text.encode("utf-8-sig")) == ("BOX-1", (S1, S2))
    assert parse_supplier_list(text.encode("gb18030")) == ("BOX-1", (S1, S2))
    assert parse_supplier_list(f"BOX-1,{S1}".encode()) == ("BOX-1", (S1,))


@pytest.mark.parametrize(("body", "code", "named"), [
    (f"BOX-1,{S1}\nBOX-2,{S2}", "BLANK_LIST_TWO_BOXES", "第2行"),
    (f"BOX-1,{S1}\nBOX-1,{S2}\nBOX-1,{S1}", "BLANK_LIST_DUPLICATE", "第3行"),
    (f"BOX-1,{S1}\nBOX-1,XYZ", "BLANK_LIST_BAD_SERIAL", "第2行"),
    (f"BOX-1,{S1}\nBOX-1", "BLANK_LIST_BAD_ROW", "第2行"),
    ("箱号,芯片序列号\n", "BLANK_LIST_EMPTY", ""),
    (f"BOX 1,{S1}", "BLANK_LIST_BAD_BOX", "第1行"),
])
def test_a_bad_list_is_refused_naming_the_line(body: str, code: str, named: str) -> None:
    with pytest.raises(ValidationError) as refused:
        parse_supplier_list(body.encode())
    assert refused.value.code == code and named in refused.value.message_zh


def test_the_list_size_limit() -> None:
    row = f"BOX-1,{S1}\n".encode()
    at_limit = row + b"\n" * (MAX_LIST_BYTES - len(row))
    assert parse_supplier_list(at_limit) == ("BOX-1", (S1,))
    with pytest.raises(ValidationError) as big:
        parse_supplier_list(at_limit + b" ")
    assert big.value.code == "BLANK_LIST_TOO_BIG"
    with pytest.raises(ValidationError) as quote:  # one unclosed quote: a huge field, named
        parse_supplier_list(b'BOX-1,"' + b"A" * 200_000)
    assert quote.value.code == "BLANK_LIST_BAD_ROW"


def test_box_id_and_serial_lengths() -> None:
    assert box_id_error("B" * MAX_BOX_ID) is None
    assert box_id_error("B" * (MAX_BOX_ID + 1)) is not None
    assert box_id_error("") is not None
    assert serial_error("A" * CHIP_SERIAL_LEN) is None
    assert serial_error("A" * (CHIP_SERIAL_LEN - 1)) is not None
    assert serial_error("A" * (CHIP_SERIAL_LEN + 1)) is not None
    assert serial_error("G" * CHIP_SERIAL_LEN) is not None


def test_the_move_table() -> None:
    for start, allowed in MOVES.items():
        for to in Place:
            place = CardPlace(S1, start, custodian="T1" if start is Place.CUSTODY else "")
            if to in allowed:
                check_move(S1, place, to, "移动")
            else:
                with pytest.raises(MoveRefused):
                    check_move(S1, place, to, "移动")
    with pytest.raises(MoveRefused) as unknown:
        check_move(S1, None, Place.CUSTODY, "领用")
    assert "不在本网点空白卡登记中" in unknown.value.message_zh


@dataclass(frozen=True)
class M:
    chip_serial: str
    day: str
    from_place: Place | None
    to_place: Place
    teller: str = ""


DAY, YESTERDAY = "2026-03-02", "2026-03-01"


def test_a_balanced_day() -> None:
    cards = [CardPlace(S1, Place.ISSUED), CardPlace(S2, Place.CUSTODY, custodian="T1", day=DAY),
             CardPlace(S3, Place.STOCK)]
    moves = [M(s, DAY, None, Place.STOCK) for s in (S1, S2, S3)] + [
        M(S1, DAY, Place.STOCK, Place.CUSTODY, "T1"), M(S2, DAY, Place.STOCK, Place.CUSTODY, "T1"),
        M(S1, DAY, Place.CUSTODY, Place.ISSUED, "T1")]
    r = reconcile(day=DAY, at="", branch_code="B", cards=cards, moves_all=moves, counted_stock=1,
                  counted_custody={"T1": 1})
    assert r.balanced and (r.received, r.in_stock, r.in_custody, r.issued, r.spoiled) == (3, 1, 1, 1, 0)
    assert r.tellers[0].book_difference == 0


def test_every_difference_is_named() -> None:
    cards = [CardPlace(S1, Place.CUSTODY, custodian="T1", day=YESTERDAY),
             CardPlace(S2, Place.STOCK)]
    moves = [M(s, YESTERDAY, None, Place.STOCK) for s in (S1, S2, S3)] + [
        M(S1, YESTERDAY, Place.STOCK, Place.CUSTODY, "T1"),
        M(S3, DAY, Place.STOCK, Place.CUSTODY, "T2")]  # S3's row is gone
    r = reconcile(day=DAY, at="", branch_code="B", cards=cards, moves_all=moves, counted_stock=2,
                  counted_custody={"T1": 0})
    text = "\n".join(r.differences)
    assert "入库登记 3 张，而库存、保管、已发卡、废卡合计 2 张，相差 1 张" in text
    assert "柜员 T1：1 张为以前营业日领用、未交回（00B1000000000001）" in text
    assert "柜员 T1：系统记录保管 1 张，实点 0 张，短少 1 张" in text
    assert "柜员 T2：当日领用 1 张，交回 0、发卡 0、废卡 0、在保管 0，相差 1 张" in text
    assert "网点库存：系统记录 1 张，实点 2 张，多出 1 张" in text
    assert len(r.differences) == 5 and not r.balanced
