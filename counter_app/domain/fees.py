"""Fees (工本费): the schedule a branch is configured with and the rules over it.

The amounts are never written in code: they come from the branch profile's ``[fees]``
section, and for a replacement the central's branch configuration overrides the profile
when ``use_central`` is on (the central is the city's one standard; the profile is the
fallback with the line down). A first card is free when ``first_card_free`` says so.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from counter_app.domain.texts import QT_TR_NOOP, zh

COLLECT = "collect"  # a fee movement's kinds
REFUND = "refund"
MAX_FEE_FEN = 100_000  # ¥1,000: beyond that a schedule entry is a typing error
MIN_REFERENCE_CHARS = 6
MAX_REFERENCE_CHARS = 32
_REFERENCE = re.compile(r"[0-9A-Za-z\-]+")


class FeeMethod(enum.StrEnum):
    CASH = "cash"  # 现金
    TRANSFER = "transfer"  # 转账 (the bank transfer's reference is recorded)


METHOD_ZH = {FeeMethod.CASH: QT_TR_NOOP("现金"), FeeMethod.TRANSFER: QT_TR_NOOP("转账")}


def amount_fen(text: str) -> int:
    """A schedule amount in yuan ("20", "20.00") as fen; ValueError when it is not one."""
    cleaned = text.strip()
    if not re.fullmatch(r"\d{1,6}(\.\d{1,2})?", cleaned):
        raise ValueError("not an amount in yuan with at most two decimals")
    fen = int(Decimal(cleaned) * 100)
    if fen > MAX_FEE_FEN:
        raise ValueError("amount above the fee limit")
    return fen


def amount_problem_zh(text: str) -> str | None:
    """The profile's check: a Chinese problem or None."""
    try:
        amount_fen(text)
    except (ValueError, InvalidOperation):
        return zh('应为以元为单位、最多两位小数、不超过 {maximum} 元的金额，例如 "20.00"；免收填 "0"',
                  maximum=MAX_FEE_FEN // 100)
    return None


def fen_zh(fen: int) -> str:
    """An amount as printed: ``20.00 元``; 0 is ``免收``."""
    if fen < 0:
        raise ValueError("a fee amount is never negative")
    return QT_TR_NOOP("免收") if fen == 0 else zh("{yuan}.{fen:02d} 元", yuan=fen // 100, fen=fen % 100)


@dataclass(frozen=True)
class FeeSchedule:
    replacement_fen: int = 2000  # 遗失补卡 / 损坏换卡
    expired_exchange_fen: int = 2000  # 到期换卡
    application_fen: int = 2000  # an application that is not the person's first card
    first_card_free: bool = True
    use_central: bool = True  # a replacement's fee as the central configures the branch
    methods: tuple[FeeMethod, ...] = (FeeMethod.CASH, FeeMethod.TRANSFER)


@dataclass(frozen=True)
class FeeQuote:
    """What is due for one business, and on what basis (printed on the fee receipt)."""

    business: str  # e.g. "replacement"
    amount_fen: int
    basis_zh: str

    @property
    def free(self) -> bool:
        return self.amount_fen == 0


def replacement_quote(schedule: FeeSchedule, reason: str, central_fen: int | None) -> FeeQuote:
    """工本费 of a replacement: ``reason`` lost / damaged / expired; ``central_fen`` the
    central's branch configuration (None: not known, e.g. the line down)."""
    if reason == "expired":
        fen = schedule.expired_exchange_fen
        return FeeQuote("replacement", fen, QT_TR_NOOP("到期换卡免收工本费（本网点规定）") if fen == 0
                        else QT_TR_NOOP("到期换卡工本费（本网点规定）"))
    if schedule.use_central and central_fen is not None:
        if central_fen < 0:
            raise ValueError("the central's fee is never negative")
        return FeeQuote("replacement", central_fen, QT_TR_NOOP("中心核定的本网点补换卡工本费标准"))
    return FeeQuote("replacement", schedule.replacement_fen, QT_TR_NOOP("本网点配置的补换卡工本费标准"))


def application_quote(schedule: FeeSchedule, *, first_card: bool) -> FeeQuote:
    if first_card and schedule.first_card_free:
        return FeeQuote("application", 0, QT_TR_NOOP("首次申领社会保障卡免收工本费"))
    return FeeQuote("application", schedule.application_fen,
                    QT_TR_NOOP("非首次申领工本费（本网点规定）") if not first_card
                    else QT_TR_NOOP("申领工本费（本网点规定）"))


def check_payment(schedule: FeeSchedule, method: str, reference: str) -> tuple[str, dict[str, str]]:
    """(the normalised reference, field errors) of how a fee is paid: a method the branch
    takes; a transfer names its reference (6–32 letters, digits or hyphens); cash has none."""
    try:
        m = FeeMethod(method)
    except ValueError:
        return "", {"method": QT_TR_NOOP("请选择收费方式（现金或转账）。")}
    if m not in schedule.methods:
        return "", {"method": zh("本网点不受理{method}收费。", method=METHOD_ZH[m])}
    ref = re.sub(r"\s+", "", reference).upper()
    if m is FeeMethod.CASH:
        return "", {}
    if not ref:
        return "", {"reference": QT_TR_NOOP("转账收费请录入转账凭证号（交易流水号）。")}
    if not (MIN_REFERENCE_CHARS <= len(ref) <= MAX_REFERENCE_CHARS) or not _REFERENCE.fullmatch(ref):
        return ref, {"reference": zh("转账凭证号应为 {minimum}–{maximum} 位字母、数字或连字符，请核对。",
                                     minimum=MIN_REFERENCE_CHARS, maximum=MAX_REFERENCE_CHARS)}
    return ref, {}


@dataclass(frozen=True)
class NewFee:
    """What the desk asks the store to record."""

    receipt_no: str
    kind: str
    business: str
    business_ref: str
    session_id: int
    teller: str
    counter_id: str
    business_day: str
    amount_fen: int
    method: str
    reference: str
    refund_of: str = ""
    authorised_by: str = ""
