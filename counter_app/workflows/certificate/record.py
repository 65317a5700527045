"""The certificate business's typed record: who, which certificate, what the central issued."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.identity_step import Identity  # shared with the queries
from counter_app.workflows.persons_card import CardRead

SCHEMA_VERSION = 1
MAX_MONTHS = 48  # the printed detail covers at most 48 months (Zhejiang's layout)
PERIOD_CHOICES = (6, 12, 24, 36, 48)


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    OPTIONS = "options"
    DONE = "done"


class CertificateKind(enum.StrEnum):
    ALL = "ALL"
    PENSION = "PENSION"
    UNEMPLOYMENT = "UNEMPLOYMENT"
    WORK_INJURY = "WORK_INJURY"


KIND_ZH: dict[CertificateKind, str] = {
    CertificateKind.ALL: QT_TR_NOOP("全部险种（养老、失业、工伤）"),
    CertificateKind.PENSION: QT_TR_NOOP("养老保险"),
    CertificateKind.UNEMPLOYMENT: QT_TR_NOOP("失业保险"),
    CertificateKind.WORK_INJURY: QT_TR_NOOP("工伤保险"),
}


def insurances_of(kind: CertificateKind) -> tuple[str, ...]:
    if kind is CertificateKind.ALL:
        return ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")
    return (kind.value,)


@dataclass(frozen=True)
class Options:
    kind: CertificateKind = CertificateKind.ALL
    months: int = MAX_MONTHS  # the latest months with a record; with a period: its length
    period_from: str = ""  # YYYYMM: a chosen period (both or neither; "" = the latest months)
    period_to: str = ""

    @property
    def chosen_period(self) -> bool:
        return bool(self.period_from and self.period_to)


@dataclass(frozen=True)
class Issued:
    """What the central returned: the counter never makes a code itself."""

    auth_code: str
    qr_payload: str
    issued_at: str  # ISO, UTC
    valid_until: str
    content_sha256: str
    content: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class CertificateRecord:
    record_id: str
    teller: str
    started_at: str
    identity: Identity = field(default_factory=Identity)
    card: CardRead | None = None  # the person's own card read and current (社保卡已读)
    options: Options = field(default_factory=Options)
    idempotency_key: str = ""  # kept before the central is asked, reused by a retry
    issued: Issued | None = None
    printings: int = 0  # outputs so far (print or PDF); the second and later are reprints
    print_key: str = ""  # idempotency key of the print being counted at the central
