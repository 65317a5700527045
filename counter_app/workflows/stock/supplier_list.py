"""The supplier's list of a box of blanks: a CSV file of (box id, chip serial) rows.

A header row is allowed (its first cell is not a box id of the rows after it, e.g.
``box_id,chip_serial`` or ``箱号,芯片序列号``). One file is one box; a file naming two boxes,
a malformed serial or a serial listed twice is refused with the line named.
"""

from __future__ import annotations

import csv
import io

from counter_app.domain.blank_stock import MAX_BOX_ID, normalise_serial, serial_error
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh

MAX_LIST_BYTES = 1_000_000


def box_id_error(box_id: str) -> str | None:
    if not box_id:
        return QT_TR_NOOP("请录入箱号。")
    if len(box_id) > MAX_BOX_ID or not all(c.isalnum() or c in "-_" for c in box_id):
        return zh("箱号应为不超过{max_chars}位的字母、数字或“-”“_”，“{box_id}”不符合。", max_chars=MAX_BOX_ID,
                  box_id=box_id[:40])
    return None


def parse_supplier_list(data: bytes) -> tuple[str, tuple[str, ...]]:
    """(box id, chip serials in list order) from the supplier's CSV file."""
    if len(data) > MAX_LIST_BYTES:
        raise ValidationError("list", QT_TR_NOOP("供应商清单文件过大（超过1MB），请确认选择的文件。"),
                              code="BLANK_LIST_TOO_BIG")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ValidationError("list", QT_TR_NOOP("供应商清单不是文本文件（CSV），请确认选择的文件。"),
                                  code="BLANK_LIST_UNREADABLE") from exc
    try:
        rows = [(n, [c.strip() for c in row]) for n, row in
                enumerate(csv.reader(io.StringIO(text)), start=1) if any(c.strip() for c in row)]
    except csv.Error as exc:  # e.g. an unclosed quote swallowing the file into one field
        raise ValidationError("list", QT_TR_NOOP("供应商清单格式有误（应为每行“箱号,芯片序列号”），请确认选择的文件。"),
                              code="BLANK_LIST_BAD_ROW") from exc
    if rows and serial_error(normalise_serial(rows[0][1][1] if len(rows[0][1]) > 1 else "")):
        rows = rows[1:]  # a header row
    if not rows:
        raise ValidationError("list", QT_TR_NOOP("供应商清单中没有卡片。"), code="BLANK_LIST_EMPTY")
    box_id = rows[0][1][0]
    error = box_id_error(box_id)
    if error:
        raise ValidationError("list", zh("第{line}行：{error}", line=rows[0][0], error=error),
                              code="BLANK_LIST_BAD_BOX")
    serials: list[str] = []
    seen: dict[str, int] = {}
    for line, cells in rows:
        if len(cells) < 2:
            raise ValidationError("list", zh("第{line}行：应为“箱号,芯片序列号”两列。", line=line),
                                  code="BLANK_LIST_BAD_ROW")
        if cells[0] != box_id:
            raise ValidationError("list", zh("第{line}行：箱号“{box_id}”与第{first_line}行的“{first_box_id}”不同；"
                                             "一个文件只能登记一箱。", line=line, box_id=cells[0],
                                             first_line=rows[0][0], first_box_id=box_id),
                                  code="BLANK_LIST_TWO_BOXES")
        serial = normalise_serial(cells[1])
        error = serial_error(serial)
        if error:
            raise ValidationError("list", zh("第{line}行：{error}",
                                             line=line, error=error), code="BLANK_LIST_BAD_SERIAL")
        if serial in seen:
            raise ValidationError("list", zh("第{line}行：芯片序列号 {serial} 在第{first_line}行已列出"
                                             "（清单内重复），请联系供应商核对。", line=line, serial=serial,
                                             first_line=seen[serial]), code="BLANK_LIST_DUPLICATE")
        seen[serial] = line
        serials.append(serial)
    return box_id, tuple(serials)
