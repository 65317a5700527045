"""The person's own social security card read in the card slot (F3 读取社保卡).

Shared by the businesses that identify a person: the card businesses refuse a chip that
carries another ID number (``card_case``), and the read-only businesses (certificate,
queries) add the card to the ID card check: the chip must carry the identified person's ID
number and the central must file the card as that person's current card
(``GET /v1/cards/{no}``). There the card only adds to the check: a card that does not answer
is said plainly and the ID card alone is enough.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from counter_app.central.api import CentralApi
from counter_app.central.errors import CentralError, CentralRefusal
from counter_app.domain.card import CardData
from counter_app.domain.card_states import CARD_STATE_NAMES_ZH, CardState
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh

# states in which the card is the one the person uses now (handed out, maybe not activated)
CURRENT_STATES = frozenset({CardState.ACTIVE, CardState.PENDING_ACTIVATION})

READER_MISSING_ZH = QT_TR_NOOP("本柜台未配置社保卡读卡器。")
OTHER_PERSON_ZH = QT_TR_NOOP("读卡器中的社保卡不是本次核验人员本人的卡（卡内身份证号码与核验的身份证不一致）："
                             "请将该卡交还出示人，请本人出示自己的社保卡；本人未带社保卡的，凭身份证即可办理。")


class CardReading(Protocol):
    def read(self) -> CardData: ...


def read_card_of(reader: CardReading | None, id_number: str,
                 other_person_zh: str = OTHER_PERSON_ZH) -> CardData:
    """The card in the reader (blocking); refused when the chip carries another ID number
    than ``id_number`` (none yet: the chip's holder is taken as read)."""
    if reader is None:
        raise CounterError(READER_MISSING_ZH, code="CARD_READER_MISSING")
    data = reader.read()
    if id_number and data.id_number != id_number:
        raise ValidationError("card", other_person_zh, code="CARD_OTHER_PERSON")
    return data


@dataclass(frozen=True)
class CardRead:
    """The person's card read and found current at the central (社保卡已读)."""

    card_no: str
    card_state: str  # the central's, when read
    read_at: str  # ISO, UTC


def current_card(central: CentralApi, id_number: str, data: CardData) -> CardState:
    """The central's state of the card read (blocking): it must be filed under ``id_number``
    and be the person's current card. Line errors reach the caller unchanged."""
    try:
        status = central.card_status(data.card_number)
    except CentralRefusal as refusal:
        if refusal.code == "CARD_NOT_FOUND" or refusal.status == 404:
            raise CounterError(QT_TR_NOOP("中心系统没有这张社保卡的记录，不能作为本人的社保卡核验：请将卡片交还本人，"
                                          "凭身份证办理；卡片的来历请本人到发卡银行核查。"),
                               code="CARD_UNKNOWN") from refusal
        raise
    if status.id_number != id_number:
        raise ValidationError("card", QT_TR_NOOP("中心系统登记这张社保卡属于其他人员，与核验的身份证不符："
                                                 "请将该卡交还出示人，凭本人身份证办理。"),
                              code="CARD_OTHER_PERSON")
    state = CardState(status.card_state)
    if state not in CURRENT_STATES:
        raise CounterError(zh("这张社保卡在中心系统中的状态为“{state}”，不是本人当前使用的社保卡："
                              "请出示本人现用的社保卡，或凭身份证办理。",
                              state=CARD_STATE_NAMES_ZH[state]), code="CARD_NOT_CURRENT")
    return state


class PersonsCardContext(Protocol):
    """What reading the person's card for a read-only business needs."""

    @property
    def teller(self) -> str: ...
    @property
    def card_reader(self) -> CardReading | None: ...
    @property
    def central(self) -> CentralApi: ...
    @property
    def clock(self) -> Callable[[], dt.datetime]: ...

    def audit(self, actor: str, action: str, /, **detail: Any) -> None: ...


def read_persons_card(ctx: PersonsCardContext, id_number: str, business: str,
                      note: Callable[..., None], keep: Callable[[CardRead | None], None]) -> CardRead:
    """F3 in a read-only business: the identified person's card read and checked at the
    central, then kept in the record (``keep``; a failed read clears an earlier one: the
    card last presented is what counts). The journal (``note``) and the audit log
    (``{business}.card_read`` / ``.card_refused``) record the outcome, never the card's number."""
    try:
        card = _read_and_check(ctx, id_number, business, note)
    except CounterError:
        keep(None)
        raise
    keep(card)
    return card


def _read_and_check(ctx: PersonsCardContext, id_number: str, business: str,
                    note: Callable[..., None]) -> CardRead:
    if not id_number:
        raise ValidationError("card", QT_TR_NOOP("请先读取身份证或录入身份证号码，再读取社保卡。"),
                              code="ID_MISSING")
    try:
        data = read_card_of(ctx.card_reader, id_number)
    except ValidationError as refused:  # another person's chip: worth the audit log
        note("card_refused", code=refused.code)
        ctx.audit(ctx.teller, f"{business}.card_refused", code=refused.code)
        raise
    except CounterError as error:  # no card, a mute chip, no reader: the ID card is enough
        note("card_not_read", code=error.code)
        raise CounterError(zh("未能读取社保卡：{problem}本人未带社保卡或卡片无法读取的，凭身份证即可继续办理。",
                              problem=error.message_zh), code="CARD_NOT_READ") from error
    try:
        state = current_card(ctx.central, id_number, data)
    except CentralError as error:
        if isinstance(error, CentralRefusal):  # the central answered: its refusal stands
            note("card_refused", code=error.code)
            raise
        note("card_not_checked", error=type(error).__name__)
        raise CounterError(QT_TR_NOOP("卡内身份证号码与本人一致，但当前无法连接中心系统确认是否为本人现用的社保卡，"
                                      "未记为“社保卡已读”；请线路恢复后再读卡，或凭身份证办理。"),
                           code="CARD_NOT_CHECKED") from error
    except CounterError as refused:
        note("card_refused", code=refused.code)
        ctx.audit(ctx.teller, f"{business}.card_refused", code=refused.code)
        raise
    card = CardRead(data.card_number, state.value, ctx.clock().isoformat())
    note("card_read")
    ctx.audit(ctx.teller, f"{business}.card_read", card_state=state.value)
    return card
