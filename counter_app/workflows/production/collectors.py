"""Who may collect a centrally made card (领卡人): the holder, a minor's guardian with proof,
or the holder's employer with its letter (单位代领). The fields a teller enters are checked
here; who the central has on record (the guardian, the employer) is compared in
``check_collector`` with what the central answered."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from counter_app.central import api as A
from counter_app.domain.credit_code import validate_credit_code
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.identity_step import Identity


class Collector(enum.StrEnum):
    SELF = "SELF"  # 本人领取
    GUARDIAN = "GUARDIAN"  # 监护人代领（未成年人）
    EMPLOYER = "EMPLOYER"  # 单位代领: handed out, NOT activated (the holder sets the PIN)


COLLECTOR_ZH = {Collector.SELF: QT_TR_NOOP("本人领取"), Collector.GUARDIAN: QT_TR_NOOP("监护人代领"),
                Collector.EMPLOYER: QT_TR_NOOP("单位代领")}


@dataclass(frozen=True)
class EmployerLetter:
    credit_code: str = ""  # 统一社会信用代码
    name: str = ""
    letter_no: str = ""  # the letter's number / date as written on it


class Who(Protocol):
    """Who stands at the counter and for whom (the hand-out record's identify part)."""

    @property
    def collector(self) -> Collector: ...
    @property
    def identity(self) -> Identity: ...
    @property
    def holder_id_number(self) -> str: ...  # whose card (the collector's own for SELF)
    @property
    def guardian_proof(self) -> bool: ...  # 户口本 or another proof of guardianship seen
    @property
    def employer(self) -> EmployerLetter: ...


class HandoutError(CounterError):
    code = "HANDOUT"
    message_zh = QT_TR_NOOP("领卡未完成。")


def identify_errors(w: Who) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not w.identity.id_number:
        errors["id_number"] = QT_TR_NOOP("请读取或录入领卡人的身份证。")
    if w.collector is not Collector.SELF and not w.holder_id_number:
        errors["holder_id_number"] = QT_TR_NOOP("请录入持卡人（被代领人）的身份证号码。")
    if w.collector is Collector.GUARDIAN and not w.guardian_proof:
        errors["guardian_proof"] = QT_TR_NOOP("监护人代领须查验户口本等监护关系证明，请查验后勾选。")
    if w.collector is Collector.EMPLOYER:
        e = w.employer
        try:  # the whole code with its check character (GB 32100), not only its length
            validate_credit_code(e.credit_code)
        except ValidationError as exc:
            errors["credit_code"] = exc.message_zh
        if not e.letter_no.strip():
            errors["letter_no"] = QT_TR_NOOP("单位代领须留存单位委托书，请录入委托书编号或日期。")
    return errors


def employer_codes(summary: Iterable[A.InsuranceSummary]) -> set[str]:
    """The credit codes of the employers the central has the person insured with now (an
    employer the person has left, whose contributions stopped, no longer counts)."""
    return {s.employer_credit_code for s in summary
            if s.employer_credit_code and s.status != "SUSPENDED"}


def check_collector(w: Who, person: A.Person, employers: set[str] | None = None) -> str:
    """"" when ``w`` may collect ``person``'s card, else the refusal's code (the message is
    ``refusal_zh(code)``). ``employers``: the person's employers (for 单位代领)."""
    if w.collector is Collector.SELF and person.minor:
        return "GUARDIAN_REQUIRED"
    if w.collector is Collector.GUARDIAN:
        if not person.minor:
            return "NOT_A_MINOR"
        if person.guardian_id_number != w.identity.id_number:
            return "GUARDIAN_MISMATCH"
    if w.collector is Collector.EMPLOYER:
        if person.minor:
            return "GUARDIAN_REQUIRED"
        if w.employer.credit_code not in (employers or set()):
            return "EMPLOYER_MISMATCH"
    return ""


REFUSALS_ZH = {
    "GUARDIAN_REQUIRED": QT_TR_NOOP("持卡人未满18周岁，须由监护人持户口本等监护关系证明代领。"),
    "NOT_A_MINOR": QT_TR_NOOP("持卡人已成年，不能由监护人代领；请本人领取或按单位代领办理。"),
    "GUARDIAN_MISMATCH": QT_TR_NOOP("领卡人与中心登记的监护人不符，不能代领；请核对户口本。"),
    "EMPLOYER_MISMATCH": QT_TR_NOOP("委托书上的统一社会信用代码与中心登记的持卡人参保单位不符，不能由该单位代领。"
                                    "请核对委托书和营业执照；或请持卡人本人持身份证领取。"),
}
