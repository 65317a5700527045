"""Field checks of the application's sections: each returns the section with normalised
values (what was typed, tidied: NFC names, a single-spaced address, an upper-case X) and the
field errors. Pure functions over the typed record; the wizard declares which step uses which.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from counter_app.domain.errors import ValidationError
from counter_app.domain.identity import age_on, validate_id_number
from counter_app.domain.texts import QT_TR_NOOP, listing, zh
from counter_app.printing import DeliveryMode
from counter_app.workflows.application.record import (
    Applicant,
    ApplicationRecord,
    Delivery,
    Guardian,
    MakingMode,
)
from counter_app.workflows.application_rules import (
    ADULT_AGE,
    NATIONS,
    PROOF_DOCUMENTS,
    RELATIONSHIPS,
    Material,
    materials_for,
    validate_address,
    validate_choice,
    validate_name,
    validate_phone,
)

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

S = TypeVar("S", bound="DataclassInstance")  # a record section, so replace() takes it


def is_minor(record: ApplicationRecord, today: dt.date) -> bool:
    number = record.identity.id_number
    return bool(number) and age_on(number, today) < ADULT_AGE


def making_mode(record: ApplicationRecord, instant_branch: bool) -> MakingMode:
    """INSTANT at an instant-issue branch with the line up; FACTORY otherwise."""
    el = record.eligibility
    if el is not None and el.making_mode is not None:
        return el.making_mode
    return MakingMode.INSTANT if instant_branch else MakingMode.FACTORY


def delivery_mode(record: ApplicationRecord, instant_branch: bool) -> DeliveryMode:
    if making_mode(record, instant_branch) is MakingMode.INSTANT:
        return DeliveryMode.INSTANT
    mode = record.delivery.mode or DeliveryMode.BRANCH_PICKUP.value
    try:
        return DeliveryMode(mode)
    except ValueError:
        return DeliveryMode.BRANCH_PICKUP


def materials(record: ApplicationRecord, today: dt.date) -> tuple[Material, ...]:
    local = record.eligibility.local if record.eligibility is not None else True
    return materials_for(minor=is_minor(record, today), local=local)


def _field(section: S, name: str, check: Callable[[str], str], errors: dict[str, str],
           prefix: str = "") -> S:
    try:
        return replace(section, **{name: check(getattr(section, name))})
    except ValidationError as exc:
        errors[name] = zh("{prefix}{message}", prefix=prefix, message=exc.message_zh) if prefix else exc.message_zh
        return section


def check_identify(record: ApplicationRecord) -> dict[str, str]:
    if not record.identity.id_number:
        return {"id_number": QT_TR_NOOP("请读取身份证，或手工录入身份证号码。")}
    return {}


def check_eligibility(record: ApplicationRecord) -> dict[str, str]:
    el = record.eligibility
    if el is None:
        return {"eligibility": QT_TR_NOOP("尚未核验申领资格，请稍候或点击“重新核验”。")}
    if el.blocked is not None:
        return {"eligibility": el.blocked.message}
    return {}


def check_materials(record: ApplicationRecord, today: dt.date) -> dict[str, str]:
    checked = set(record.checked_materials)
    missing = [m for m in materials(record, today) if m.code not in checked]
    if missing:
        names = listing([m.title_zh for m in missing])
        return {"materials": zh("还缺少：{names}。请一次性告知申请人补齐后再办理。", names=names)}
    return {}


def check_applicant(a: Applicant) -> tuple[Applicant, dict[str, str]]:
    errors: dict[str, str] = {}
    a = _field(a, "name", validate_name, errors)
    a = _field(a, "nation", lambda v: validate_choice(v, NATIONS, "nation", QT_TR_NOOP("民族")), errors)
    a = _field(a, "address", validate_address, errors)
    a = _field(a, "phone", validate_phone, errors)
    return a, errors


def check_guardian(g: Guardian, applicant_id: str, today: dt.date) -> tuple[Guardian, dict[str, str]]:
    errors: dict[str, str] = {}
    g = _field(g, "name", lambda v: validate_name(v, "guardian_name"), errors)

    def guardian_id(value: str) -> str:
        number = validate_id_number(value, today=today)
        if number == applicant_id:
            raise ValidationError("id_number", QT_TR_NOOP("监护人不能是申请人本人。"), code="GUARDIAN_SELF")
        if age_on(number, today) < ADULT_AGE:
            raise ValidationError("id_number", QT_TR_NOOP("监护人须年满18周岁。"), code="GUARDIAN_MINOR")
        return number

    g = _field(g, "id_number", guardian_id, errors)
    g = _field(g, "relationship",
               lambda v: validate_choice(v, RELATIONSHIPS, "relationship", QT_TR_NOOP("与申请人关系")), errors)
    g = _field(g, "proof_document",
               lambda v: validate_choice(v, PROOF_DOCUMENTS, "proof_document", QT_TR_NOOP("监护关系证明")),
               errors)
    g = _field(g, "phone", validate_phone, errors)
    return g, errors


def check_delivery(d: Delivery) -> tuple[Delivery, dict[str, str]]:
    mode = d.mode or DeliveryMode.BRANCH_PICKUP.value
    if mode not in (DeliveryMode.BRANCH_PICKUP.value, DeliveryMode.EMS.value):
        return d, {"mode": QT_TR_NOOP("请选择领卡方式。")}
    d = replace(d, mode=mode)
    if mode != DeliveryMode.EMS.value:
        return d, {}
    errors: dict[str, str] = {}
    d = _field(d, "address", lambda v: validate_address(v, "ems_address"), errors)
    d = _field(d, "recipient", lambda v: validate_name(v, "recipient"), errors, prefix=QT_TR_NOOP("收件人："))
    d = _field(d, "phone", validate_phone, errors)
    return d, errors
