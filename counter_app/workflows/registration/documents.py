"""The receipt of a registration (参保登记回执), made with the printing layer's receipt."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.printing import ReceiptData, render_business_receipt
from counter_app.workflows.person_ops import PersonOpsContext
from counter_app.workflows.registration import rules
from counter_app.workflows.registration.record import (
    KIND_ZH,
    MATERIALS,
    SHORT_ZH,
    Kind,
    RegistrationRecord,
)


def next_steps(record: RegistrationRecord) -> tuple[str, ...]:
    assert record.outcome is not None
    steps = []
    if record.kind == Kind.EMPLOYEE:
        steps.append("单位按月代扣代缴社会保险费；个人缴费部分由单位从工资中代扣，可在浙里办或12333查询缴费记录。")
    else:
        steps.append("灵活就业人员按月自行缴费：请按时通过银行代扣、浙里办或税务渠道缴纳，逾期未缴的月份不计缴费年限。")
        steps.append("缴费基数每年可在中心核定的范围内调整一次；找到用人单位后，由单位办理参保，本人参保自动转为单位职工参保。")
    steps.append("参保信息（电话、地址等）有变化的，可到合作银行网点办理参保信息变更。")
    return tuple(steps)


def render_receipt(ctx: PersonOpsContext, record: RegistrationRecord) -> bytes:
    outcome = record.outcome
    if outcome is None or not record.kind:
        raise CounterError(QT_TR_NOOP("业务尚未受理，不能打印回执。"), code="NOT_ACCEPTED")
    kind = Kind(record.kind)
    details: list[tuple[str, str]] = [("参保类型", KIND_ZH[kind])]
    if record.employer is not None:
        details.append(("参保单位", f"{record.employer.name}（{record.employer.credit_code}）"))
    details += [
        ("参保险种", "、".join(rules.INSURANCE_ZH[i] for i in record.insurances)),
        ("月缴费基数", f"{rules.yuan(rules.base_fen(record))}元"
         + (f"（{record.bounds.year}年度范围 {rules.yuan(record.bounds.min_base_fen)}—"
            f"{rules.yuan(record.bounds.max_base_fen)}元）" if record.bounds else "")),
        ("起缴年月", f"{record.start_month[:4]}年{record.start_month[4:]}月" if record.start_month else ""),
        ("核验材料", "；".join(SHORT_ZH[k] for k, _t in MATERIALS[kind] if k in record.materials)),
    ]
    if outcome.registration_id:
        details.append(("登记编号", outcome.registration_id))
    at = dt.datetime.fromisoformat(outcome.at).astimezone(CHINA_TIME).replace(tzinfo=None)
    name = record.identity.name or record.name or "（见身份证）"
    data = ReceiptData(
        application_no=outcome.receipt_no, business_type="职工参保登记" if kind is Kind.EMPLOYEE
        else "灵活就业人员参保登记", person_name=name, id_number=record.identity.id_number,
        branch=ctx.branch, teller_id=ctx.teller, accepted_at=at, next_steps=next_steps(record),
        pending_sync=outcome.status == "pending", details=tuple(details))
    return render_business_receipt(data)
