"""What the supervisor at another counter reads of an act asked for remotely (远程授权): one
short line per act, in Chinese whatever the screen's language (the central keeps it as
written and shows it on the deciding counter), with nothing personal — a chip serial's tail,
a staff user name, the reason the teller typed. The fee refund's is ``remote_approval.refund_summary``.
"""

from __future__ import annotations

from counter_app.domain.blank_stock import (
    MAX_SPOIL_REASON,
    MIN_SPOIL_REASON,
    normalise_serial,
    serial_error,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import zh


def _reason(reason: str) -> str:
    return " ".join(reason.split())


def photo_override_summary(check_title_zh: str, reason: str) -> str:
    """A failed photo check let through (the check's title; the photo itself stays here)."""
    return f"照片人工放行：{check_title_zh}，理由：{_reason(reason)}"  # i18n: data


def spoil_summary(chip_serial: str, reason: str) -> str:
    """A blank card given up as 废卡 (the serial's last six characters, as the teller reads
    them out from the card or the issuance screen)."""
    return f"登记废卡：芯片序列号尾号 {chip_serial.strip()[-6:]}，原因：{_reason(reason)}"  # i18n: data


def force_close_summary(teller: str, counter_id: str, business_day: str, reason: str) -> str:
    """A work session left open, closed by a supervisor."""
    return (f"强制结束会话：柜员 {teller} · 柜台 {counter_id} · 营业日 {business_day}，"  # i18n: data
            f"原因：{_reason(reason)}")  # i18n: data


def spoil_request(chip_serial: str, reason: str) -> tuple[str, str]:
    """The card and reason of a spoil about to be asked for remotely, checked as the stock
    checks them (a supervisor is not troubled, nor an approval used up, by a typing error)."""
    serial, reason = normalise_serial(chip_serial), _reason(reason)
    problem = serial_error(serial)
    if problem is not None:
        raise ValidationError("chip_serial", problem, code="BLANK_SERIAL_INVALID")
    if len(reason) < MIN_SPOIL_REASON:
        raise ValidationError("reason", zh("请写明作废原因（至少{min_chars}个字）。",
                                           min_chars=MIN_SPOIL_REASON), code="BLANK_SPOIL_REASON")
    if len(reason) > MAX_SPOIL_REASON:
        raise ValidationError("reason", zh("作废原因不超过{max_chars}个字。",
                                           max_chars=MAX_SPOIL_REASON), code="BLANK_SPOIL_REASON")
    return serial, reason
