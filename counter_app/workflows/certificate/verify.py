"""Verification of an authorisation code (授权码): only the central can say a code is genuine."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from dataclasses import dataclass

from counter_app.central.api import CentralApi
from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.domain.clock import CHINA_TIME
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.certificate.record import KIND_ZH, CertificateKind

_CODE = re.compile(r"[0-9A-Z]{8,24}")

NEEDS_CENTRAL_ZH = QT_TR_NOOP("核验参保证明须实时连接中心系统，当前无法连接中心系统（专线中断或中心停机），"
                              "请线路恢复后再核验；柜面不能离线判断证明真伪。")


@dataclass(frozen=True)
class Verification:
    """What the central certifies for a code; the person as the central masks them."""

    auth_code: str
    valid: bool
    expired: bool
    issued_at: dt.datetime  # Beijing time
    valid_until: dt.datetime
    content_sha256: str
    person_name_masked: str = ""
    id_number_masked: str = ""
    kind: str = "ALL"
    period_from: str | None = None  # YYYYMM
    period_to: str | None = None
    months: int = 0
    prints: int = 0
    last_printed_at: dt.datetime | None = None  # Beijing time
    branch_code: str = ""
    branch_name: str = ""

    @property
    def kind_zh(self) -> str:
        try:
            return KIND_ZH[CertificateKind(self.kind)]
        except ValueError:
            return self.kind

    @property
    def period_zh(self) -> str:
        if not self.period_from or not self.period_to:
            return QT_TR_NOOP("无缴费明细")
        return zh("{from_year}年{from_month}月至{to_year}年{to_month}月（{months}个月）",
                  from_year=self.period_from[:4], from_month=self.period_from[4:],
                  to_year=self.period_to[:4], to_month=self.period_to[4:], months=self.months)

    @property
    def prints_zh(self) -> str:
        if self.prints <= 0:
            return QT_TR_NOOP("尚未打印")
        if self.prints == 1:
            return QT_TR_NOOP("1次（原件）")
        return zh("{prints}次（原件及补打{reprints}次）", prints=self.prints, reprints=self.prints - 1)

    def lines_zh(self) -> list[tuple[str, str]]:
        """(label, value) for a screen or a terminal, in the order a verifier reads them."""
        return [
            (QT_TR_NOOP("核验结论"), self.verdict_zh),
            (QT_TR_NOOP("授权码"), self.auth_code),
            (QT_TR_NOOP("姓名"), self.person_name_masked),
            (QT_TR_NOOP("证件号码"), self.id_number_masked),
            (QT_TR_NOOP("证明险种"), self.kind_zh),
            (QT_TR_NOOP("缴费明细期间"), self.period_zh),
            (QT_TR_NOOP("出具时间"), zh("{issued_at}（北京时间）", issued_at=f"{self.issued_at:%Y-%m-%d %H:%M:%S}")),
            (QT_TR_NOOP("出具网点"), zh("{branch_name}（{branch_code}）", branch_name=self.branch_name,
                                        branch_code=self.branch_code) if self.branch_name
             else self.branch_code),
            (QT_TR_NOOP("有效期至"), f"{self.valid_until:%Y-%m-%d}"),
            (QT_TR_NOOP("打印次数"), self.prints_zh),
            (QT_TR_NOOP("内容摘要"), self.content_sha256),
        ]

    @property
    def verdict_zh(self) -> str:
        if self.valid:
            return QT_TR_NOOP("真实有效：该参保证明由中心系统出具，且在有效期内。")
        if self.expired:
            return QT_TR_NOOP("已过有效期：该参保证明由中心系统出具，但已超过有效期，请申请人重新打印。")
        return QT_TR_NOOP("无效：中心系统不认可该参保证明。")


def normalise_code(text: str) -> str:
    """The code as typed, or read from the QR (the verification address with ?code=…)."""
    value = text.strip()
    if "://" in value or "?" in value:
        query = urllib.parse.urlsplit(value).query
        value = (urllib.parse.parse_qs(query).get("code") or [""])[0]
    value = value.replace(" ", "").replace("-", "").upper()
    if not _CODE.fullmatch(value):
        raise ValidationError("auth_code", QT_TR_NOOP("授权码格式不正确：应为证明上印的8至24位字母和数字，"
                                                      "或扫描证明上的二维码。"), code="AUTH_CODE_FORMAT")
    return value


def verify_code(central: CentralApi, text: str) -> Verification:
    """Ask the central whether a code is genuine; a code it does not know is refused."""
    code = normalise_code(text)
    try:
        check = central.verify_certificate(code)
    except CentralRefusal as refusal:
        if refusal.code == "CERTIFICATE_UNKNOWN" or refusal.status == 404:
            raise CounterError(zh("授权码 {code} 不存在：该参保证明不是中心系统出具的，"
                                  "请勿采信。", code=code), code="CERTIFICATE_UNKNOWN") from refusal
        raise
    except CentralError as error:
        raise CounterError(NEEDS_CENTRAL_ZH, code="CERTIFICATE_NEEDS_CENTRAL") from error
    return Verification(
        check.auth_code, check.valid, check.expired, _beijing(check.issued_at),
        _beijing(check.valid_until), check.content_sha256,
        person_name_masked=check.person_name_masked, id_number_masked=check.id_number_masked,
        kind=check.kind, period_from=check.period_from, period_to=check.period_to,
        months=check.months, prints=check.prints,
        last_printed_at=_beijing(check.last_printed_at) if check.last_printed_at else None,
        branch_code=check.branch_code, branch_name=check.branch_name)


def _beijing(t: dt.datetime) -> dt.datetime:
    aware = t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME)
