"""What the documents print: plain values the workflow fills in (no database types)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import StrEnum


class DeliveryMode(StrEnum):
    INSTANT = "instant"  # made on the spot at an instant-issue branch
    BRANCH_PICKUP = "branch_pickup"  # central production, collected at the branch
    EMS = "ems"  # central production, posted by EMS


DELIVERY_LABELS_ZH: dict[DeliveryMode, str] = {
    DeliveryMode.INSTANT: "网点即时领卡",
    DeliveryMode.BRANCH_PICKUP: "网点领取",
    DeliveryMode.EMS: "EMS邮寄",
}

SEX_LABELS_ZH = {"1": "男", "2": "女", "男": "男", "女": "女", "0": "未知", "9": "未说明"}


@dataclass(frozen=True)
class BranchInfo:
    code: str
    name: str  # e.g. 中国工商银行宁波分行营业部
    bank_name: str  # e.g. 中国工商银行
    instant_issue: bool
    city_name: str = "宁波市"
    address: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Applicant:
    name: str
    id_number: str
    sex: str  # GB/T 2261 code "1"/"2" (as identity.id_sex returns) or 男/女
    nation: str  # name, e.g. 汉族
    birth_date: _dt.date
    address: str
    phone: str
    id_type: str = "居民身份证"
    nationality: str = "中国"
    household: str = ""  # entitlement basis, e.g. 本市户籍 / 非本市户籍（享受本市人社服务）

    @property
    def sex_label(self) -> str:
        return SEX_LABELS_ZH.get(self.sex, self.sex)


@dataclass(frozen=True)
class Guardian:
    name: str
    id_number: str
    relationship: str  # e.g. 父亲, 母亲, 其他监护人
    phone: str
    proof_document: str = "户口簿"


@dataclass(frozen=True)
class Delivery:
    mode: DeliveryMode
    address: str = ""  # EMS only
    recipient: str = ""
    phone: str = ""

    @property
    def label(self) -> str:
        return DELIVERY_LABELS_ZH[self.mode]


@dataclass(frozen=True)
class ApplicationFormData:
    """The application form 社会保障卡申领登记表, signed by the applicant (or guardian)."""

    application_no: str
    applicant: Applicant
    branch: BranchInfo
    delivery: Delivery
    teller_id: str
    accepted_at: _dt.datetime
    bank_name: str = ""  # the card's bank; defaults to the branch's bank
    photo_jpeg: bytes | None = None
    guardian: Guardian | None = None
    business_type: str = "新申领（首次申领社会保障卡）"
    pending_sync: bool = False  # accepted while the line was down, queued in the outbox
    printed_at: _dt.datetime | None = None  # None: the acceptance time (first print)

    @property
    def card_bank(self) -> str:
        return self.bank_name or self.branch.bank_name


@dataclass(frozen=True)
class ReceiptData:
    """The business receipt 业务回执 the customer takes home."""

    application_no: str
    business_type: str  # e.g. 社会保障卡申领
    person_name: str
    id_number: str  # printed masked
    branch: BranchInfo
    teller_id: str
    accepted_at: _dt.datetime
    next_steps: tuple[str, ...]
    pending_sync: bool = False
    details: tuple[tuple[str, str], ...] = field(default=())  # extra (label, value) rows
    printed_at: _dt.datetime | None = None  # None: the acceptance time (first print)
