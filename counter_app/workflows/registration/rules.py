"""The rules of registration as small functions over the record (field → message).

The base bounds and the types allowed are the central's (``record.bounds``); the counter
checks them before sending so the teller hears the bounds at once, and the central checks
them again.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from counter_app.domain.credit_code import validate_credit_code
from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import normalise_digits
from counter_app.domain.texts import QT_TR_NOOP, clauses, listing, zh
from counter_app.workflows.registration.record import MATERIALS, Kind, RegistrationRecord

INSURANCE_ZH = {"PENSION": QT_TR_NOOP("养老保险"), "UNEMPLOYMENT": QT_TR_NOOP("失业保险"),
                "WORK_INJURY": QT_TR_NOOP("工伤保险")}
INSURANCES = ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")
_PHONE = re.compile(r"^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$")


def yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def parse_base(text: str) -> int:
    """元 as typed (up to two decimals, thousands commas allowed) → fen."""
    raw = normalise_digits(text).replace(",", "").replace("，", "").replace("元", "").strip()  # i18n: data
    if not raw:
        raise ValidationError("base", QT_TR_NOOP("请录入月缴费基数（元）。"), code="BASE_MISSING")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ValidationError("base", QT_TR_NOOP("缴费基数应为金额（元，最多两位小数）。"),
                              code="BASE_INVALID") from None
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValidationError("base", QT_TR_NOOP("缴费基数应为金额（元，最多两位小数）。"), code="BASE_INVALID")
    return int(value * 100)


def base_error(fen: int, low: int, high: int, year: int) -> str:
    """Why a base is refused ("" when it is within the bounds, both inclusive)."""
    if low <= fen <= high:
        return ""
    return zh("缴费基数超出{year}年度范围：应在{low}元至{high}元之间（含），录入的是{entered}元。",
              year=year, low=yuan(low), high=yuan(high), entered=yuan(fen))


def kind_errors(r: RegistrationRecord) -> dict[str, str]:
    if r.kind not in (Kind.EMPLOYEE, Kind.FLEXIBLE):
        return {"kind": QT_TR_NOOP("请选择参保类型：单位职工或灵活就业人员。")}
    missing = [title for key, title in MATERIALS[Kind(r.kind)] if key not in r.materials]
    if missing:
        return {"materials": zh("以下材料尚未核验：{materials}", materials=clauses(missing))}
    return {}


def identify_errors(r: RegistrationRecord) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not r.identity.id_number:
        errors["id_number"] = QT_TR_NOOP("请读取身份证或录入身份证号码。")
    elif not (r.identity.name or r.name.strip()):
        errors["name"] = QT_TR_NOOP("手工录入号码的，请按身份证录入姓名。")
    if r.phone and not _PHONE.match(r.phone):
        errors["phone"] = QT_TR_NOOP("联系电话应为11位手机号码或带区号的固定电话。")
    return errors


def employer_errors(r: RegistrationRecord) -> dict[str, str]:
    if r.kind != Kind.EMPLOYEE:
        return {}
    e = r.employer
    if e is None:
        try:
            validate_credit_code(r.credit_code)
        except ValidationError as error:
            return {"credit_code": error.message_zh}
        return {"credit_code": QT_TR_NOOP("请向中心查询该单位（F5）。")}
    if e.status == "CANCELLED":
        return {"credit_code": zh("{employer}已注销社会保险登记，不能为其职工办理参保；请单位先到社保经办机构办理。",
                                  employer=e.name)}
    return {}


def allowed_insurances(r: RegistrationRecord) -> tuple[str, ...]:
    """What the central allows this kind (and, for an employee, what the employer covers)."""
    if r.bounds is None:
        return ()
    allowed = r.bounds.insurances
    if r.kind == Kind.EMPLOYEE and r.employer is not None:
        allowed = tuple(i for i in allowed if i in r.employer.insurances)
    return tuple(i for i in INSURANCES if i in allowed)


def contribution_errors(r: RegistrationRecord) -> dict[str, str]:
    b = r.bounds
    if b is None:
        return {"base": QT_TR_NOOP("尚未取得中心核定的缴费基数范围，请重新查询（F5）。")}
    errors: dict[str, str] = {}
    allowed = allowed_insurances(r)
    if not r.insurances:
        errors["insurances"] = QT_TR_NOOP("请至少选择一个险种。")
    elif any(i not in allowed for i in r.insurances):
        errors["insurances"] = zh("只能选择：{insurances}。", insurances=listing([INSURANCE_ZH[i] for i in allowed]))
    try:
        fen = parse_base(r.base_text)
    except ValidationError as error:
        errors["base"] = error.message_zh
    else:
        if (message := base_error(fen, b.min_base_fen, b.max_base_fen, b.year)):
            errors["base"] = message
    return errors


def base_fen(r: RegistrationRecord) -> int:
    return parse_base(r.base_text)
