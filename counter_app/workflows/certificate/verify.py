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

_CODE = re.compile(r"[0-9A-Z]{8,24}")

NEEDS_CENTRAL_ZH = ("核验参保证明须实时连接中心系统，当前无法连接中心系统（专线中断或中心停机），"
                    "请线路恢复后再核验；柜面不能离线判断证明真伪。")


@dataclass(frozen=True)
class Verification:
    auth_code: str
    valid: bool
    expired: bool
    issued_at: dt.datetime  # Beijing time
    valid_until: dt.datetime
    content_sha256: str

    @property
    def verdict_zh(self) -> str:
        if self.valid:
            return "真实有效：该参保证明由中心系统出具，且在有效期内。"
        if self.expired:
            return "已过有效期：该参保证明由中心系统出具，但已超过有效期，请申请人重新打印。"
        return "无效：中心系统不认可该参保证明。"


def normalise_code(text: str) -> str:
    """The code as typed, or read from the QR (the verification address with ?code=…)."""
    value = text.strip()
    if "://" in value or "?" in value:
        query = urllib.parse.urlsplit(value).query
        value = (urllib.parse.parse_qs(query).get("code") or [""])[0]
    value = value.replace(" ", "").replace("-", "").upper()
    if not _CODE.fullmatch(value):
        raise ValidationError("auth_code", "授权码格式不正确：应为证明上印的8至24位字母和数字，"
                              "或扫描证明上的二维码。", code="AUTH_CODE_FORMAT")
    return value


def verify_code(central: CentralApi, text: str) -> Verification:
    """Ask the central whether a code is genuine; a code it does not know is refused."""
    code = normalise_code(text)
    try:
        check = central.verify_certificate(code)
    except CentralRefusal as refusal:
        if refusal.code == "CERTIFICATE_UNKNOWN" or refusal.status == 404:
            raise CounterError(f"授权码 {code} 不存在：该参保证明不是中心系统出具的，"
                               "请勿采信。", code="CERTIFICATE_UNKNOWN") from refusal
        raise
    except CentralError as error:
        raise CounterError(NEEDS_CENTRAL_ZH, code="CERTIFICATE_NEEDS_CENTRAL") from error
    return Verification(check.auth_code, check.valid, check.expired,
                        _beijing(check.issued_at), _beijing(check.valid_until), check.content_sha256)


def _beijing(t: dt.datetime) -> dt.datetime:
    aware = t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME)
