"""The rules of a data change, as small functions over the record (field → message)."""

from __future__ import annotations

import datetime as dt
import re

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import validate_id_number

__all__ = ["changes_errors", "find", "level", "proof_errors", "validate_id_number", "value_error"]
from counter_app.domain.texts import QT_TR_NOOP, alternatives, zh
from counter_app.workflows.data_change.record import (
    FIELD_BY_KEY,
    PAPER_KINDS,
    Change,
    DataChangeRecord,
    Level,
)

_PHONE = re.compile(r"^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$")
_NAME = re.compile(r"^[\u3400-\u9fff·]{2,30}$")
ADDRESS_MAX = 128
PAPER_NO_MIN = 4


def level(r: DataChangeRecord) -> Level:
    return max((FIELD_BY_KEY[c.field].level for c in r.changes), default=Level.NONE)


def value_error(key: str, value: str, r: DataChangeRecord, today: dt.date) -> str:
    """Why a new value is not acceptable ("" when it is)."""
    f = FIELD_BY_KEY[key]
    if f.options and value not in f.options:
        return zh("请从列表中选择{field}。", field=f.title_zh)
    if key == "phone" and not _PHONE.match(value):
        return QT_TR_NOOP("联系电话应为11位手机号码或带区号的固定电话。")
    if key == "address" and len(value) > ADDRESS_MAX:
        return zh("地址最多{max_chars}个字。", max_chars=ADDRESS_MAX)
    if key in ("work_start_date", "birth_date"):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return QT_TR_NOOP("日期格式应为 YYYY-MM-DD。")
        if day > today:
            return QT_TR_NOOP("日期不能晚于今天。")
        if day.year < 1900:
            return QT_TR_NOOP("日期不正确。")
    if key == "name":
        if not _NAME.match(value):
            return QT_TR_NOOP("姓名应为2至30个汉字（少数民族姓名可含“·”）。")
        if value == r.current_name:
            return QT_TR_NOOP("新姓名与中心登记的姓名相同。")
    if key == "id_number":
        try:
            number = validate_id_number(value, today=today)
        except ValidationError as error:
            return error.message_zh
        if number == r.identity.id_number:
            return QT_TR_NOOP("新身份证号码与现号码相同。")
    if key == "sex" and value == r.current_sex:
        return QT_TR_NOOP("新性别与中心登记的性别相同。")
    return ""


def changes_errors(r: DataChangeRecord, today: dt.date) -> dict[str, str]:
    if not r.changes:
        return {"changes": QT_TR_NOOP("请至少录入一项要变更的信息。")}
    errors = {c.field: e for c in r.changes if (e := value_error(c.field, c.value, r, today))}
    if r.line_down and level(r) > Level.NONE:
        errors["changes"] = QT_TR_NOOP("专线中断，只能办理联系电话、地址、学历、婚姻状况的变更；"
                                       "参加工作时间、出生日期、姓名、身份证号码、性别、民族的变更须联网办理。")
    return errors


def proof_errors(r: DataChangeRecord) -> dict[str, str]:
    """The proof each changed field's level asks for (the central checks the same)."""
    errors: dict[str, str] = {}
    for c in r.changes:
        f = FIELD_BY_KEY[c.field]
        if f.level is Level.RECORDS and not any(rec in r.records_seen for rec in f.records):
            errors[f"records_{f.key}"] = zh("{field}变更须核验原始记录：请勾选已核验的{records}。",
                                            field=f.title_zh, records=alternatives(f.records))
    if level(r) is Level.PAPERS:
        if r.identity.source != "reader":
            errors["id_card"] = QT_TR_NOOP("姓名、身份证号码、性别、民族变更须用阅读器读取本人身份证，"
                                           "手工录入号码不能办理。")
        if r.paper_kind not in PAPER_KINDS:
            errors["paper_kind"] = QT_TR_NOOP("请选择证明材料：公安机关证明或人民法院判决（裁定）书。")
        if len(r.paper_no.strip()) < PAPER_NO_MIN:
            errors["paper_no"] = zh("请录入证明材料的编号（文号，至少{min_chars}个字符）。", min_chars=PAPER_NO_MIN)
    return errors


def find(r: DataChangeRecord, key: str) -> Change | None:
    return next((c for c in r.changes if c.field == key), None)
