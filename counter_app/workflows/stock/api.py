"""The blank-card stock's API for the other workflows (instant issuance) and the screens.

Issuance uses three calls, each a single audited transaction in the store::

    stock = BlankStock(ctx)                        # ctx: StockContext (bootstrap builds it)
    stock.check_custody(serial)                    # -> CardPlace, or raises NotInCustody whose
                                                   #    message_zh says where the card is
    stock.mark_issued(serial, application_id)      # custody (this teller, today) -> issued
    approval = stock.approve_spoil(supervisor, serial)  # password + code for this card, audited
    stock.mark_spoiled(serial, reason, approval)   # stock / own custody -> spoiled (废卡)

``check_custody`` is also done inside ``mark_issued``'s transaction, so a card moved by
another counter in between is refused there too. All errors are ``StockError``
(``domain.blank_stock``) with a stable ``code`` and ``place`` (where the card is).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from counter_app.central.sync import check_audit
from counter_app.domain.blank_stock import (
    MAX_SPOIL_REASON,
    MIN_SPOIL_REASON,
    CardPlace,
    NotInCustody,
    Place,
    StockError,
    normalise_serial,
    serial_error,
)
from counter_app.domain.errors import ValidationError
from counter_app.domain.texts import QT_TR_NOOP, zh
from counter_app.workflows.stock.context import StockContext
from counter_app.workflows.supervisor import PURPOSE_SPOIL, SupervisorApproval

#: the act's name; an authorisation names the card too (:func:`spoil_purpose`)
SPOIL_PURPOSE = PURPOSE_SPOIL
#: the piece of work (domain.businesses) every change of the stock is admitted as
WORK = "blank_stock_keeping"


def not_instant_error() -> StockError:
    return StockError(QT_TR_NOOP("本网点不是即时制卡网点，没有空白卡库存；空白卡库存仅在即办网点使用。"),
                      code="BLANK_NOT_INSTANT_BRANCH")


def spoil_purpose(chip_serial: str) -> str:
    """The authorisation of spoiling one card names it (``blank.spoil:<serial>``): an
    approval asked for card A, in person or remotely, never spoils card B."""
    return f"{PURPOSE_SPOIL}:{normalise_serial(chip_serial)}"


@dataclass(frozen=True)
class SpoilApproval:
    """A supervisor's authorisation for spoiling one card, made only by ``approve_spoil``."""

    supervisor: str
    at: str
    #: the card it was given for (normalised): ``mark_spoiled`` refuses any other
    chip_serial: str = ""


class BlankStock:
    """One signed-in teller's view of the branch's blank-card stock."""

    def __init__(self, ctx: StockContext) -> None:
        self.ctx = ctx

    @property
    def teller(self) -> str:
        return self.ctx.teller

    def _serial(self, text: str) -> str:
        serial = normalise_serial(text)
        error = serial_error(serial)
        if error:
            raise ValidationError("chip_serial", error, code="BLANK_BAD_SERIAL")
        return serial

    def _require_instant(self) -> None:
        if not self.ctx.instant:
            raise not_instant_error()

    def admit(self) -> None:
        """A change of the stock is done inside the teller's open work session (the cards
        it moves are reconciled at day end) and never while an audit break awaits a
        supervisor: NewWorkRefused (SESSION_REQUIRED, AUDIT_CHAIN_BROKEN) otherwise."""
        if self.ctx.sync_status is not None:
            check_audit(self.ctx.sync_status(), WORK)

    # -- what issuance asks ----------------------------------------------------------------------
    def locate(self, chip_serial: str) -> CardPlace | None:
        return self.ctx.store.locate(self._serial(chip_serial))

    def check_custody(self, chip_serial: str) -> CardPlace:
        """The card if it is in this teller's custody today; else NotInCustody naming where."""
        serial = self._serial(chip_serial)
        place = self.ctx.store.locate(serial)
        day = self.ctx.today()
        if place is None or place.place is not Place.CUSTODY or place.custodian != self.teller \
                or place.day != day:
            raise NotInCustody(serial, self.teller, place, day)
        return place

    def mark_issued(self, chip_serial: str, application_id: str) -> CardPlace:
        if not application_id.strip():
            raise ValidationError("application_id", QT_TR_NOOP("发卡须关联申请编号。"), code="BLANK_NO_APPLICATION")
        self._require_instant()
        return self.ctx.store.move(
            self._serial(chip_serial), Place.ISSUED, action_zh=QT_TR_NOOP("登记发卡"), actor=self.teller,
            day=self.ctx.today(), now=self.ctx.clock(), custodian=self.teller,
            custody_today=True, application_id=application_id.strip(),
            audit={"application_id": application_id.strip()})

    def approve_spoil(self, approval: SupervisorApproval | None, chip_serial: str) -> SpoilApproval:
        """The supervisor's user name, password and one-time code for spoiling this card
        (checked and audited by the one authorisation path, workflows.login.TellerAuth.authorise,
        with the purpose naming the card; a remote approval asked for another card is refused
        by the central, APPROVAL_PURPOSE_MISMATCH)."""
        serial = self._serial(chip_serial)
        if self.ctx.authorise is None:
            raise StockError(QT_TR_NOOP("本机未配置主管授权，不能登记废卡。"), code="BLANK_NO_AUTHORISER")
        # an approval given at another counter (远程授权) is consumed by the authorisation
        if approval is None or not (approval.remote_request_id
                                    or (approval.username.strip() and approval.password)):
            raise ValidationError("supervisor", QT_TR_NOOP("登记废卡须由主管输入账号、密码和动态验证码授权。"),
                                  code="BLANK_SPOIL_NEEDS_SUPERVISOR")
        who = self.ctx.authorise(approval, spoil_purpose(serial))
        return SpoilApproval(who, self.ctx.clock().isoformat(), serial)

    def mark_spoiled(self, chip_serial: str, reason: str, approval: SpoilApproval | None) -> CardPlace:
        """A card from the stock or this teller's custody becomes 废卡 (never used again)."""
        self._require_instant()
        self.admit()
        serial = self._serial(chip_serial)
        reason = " ".join(reason.split())
        if approval is None or not approval.supervisor:
            raise StockError(QT_TR_NOOP("登记废卡须经主管授权。"), code="BLANK_SPOIL_NEEDS_SUPERVISOR")
        if approval.chip_serial != serial:
            raise StockError(QT_TR_NOOP("主管授权的不是这张卡：每张废卡须由主管对该卡单独授权。"),
                             code="BLANK_SPOIL_OTHER_CARD")
        if len(reason) < MIN_SPOIL_REASON:
            raise ValidationError("reason", zh("请写明作废原因（至少{min_chars}个字）。",
                                               min_chars=MIN_SPOIL_REASON),
                                  code="BLANK_SPOIL_REASON")
        if len(reason) > MAX_SPOIL_REASON:
            raise ValidationError("reason", zh("作废原因不超过{max_chars}个字。",
                                               max_chars=MAX_SPOIL_REASON),
                                  code="BLANK_SPOIL_REASON")
        place = self.ctx.store.locate(serial)
        custodian = place.custodian if place is not None and place.place is Place.CUSTODY else ""
        if custodian and custodian != self.teller:
            custodian = self.teller  # the store names the other teller's custody and refuses
        return self.ctx.store.move(serial, Place.SPOILED, action_zh=QT_TR_NOOP("登记废卡"), actor=self.teller,
                                   day=self.ctx.today(), now=self.ctx.clock(), custodian=custodian,
                                   reason=reason, supervisor=approval.supervisor,
                                   audit={"supervisor": approval.supervisor})

    # -- what the stock screens ask ------------------------------------------------------------
    def hand_out(self, serials: Iterable[str], to_teller: str) -> list[CardPlace]:
        """Stock → ``to_teller``'s custody for today (each card its own transaction)."""
        self._require_instant()
        self.admit()
        to_teller = to_teller.strip() or self.teller
        return [self.ctx.store.move(self._serial(s), Place.CUSTODY, action_zh=QT_TR_NOOP("交给柜员保管"),
                                    actor=self.teller, day=self.ctx.today(), now=self.ctx.clock(),
                                    custodian=to_teller) for s in serials]

    def hand_out_count(self, count: int, to_teller: str) -> list[CardPlace]:
        """The first ``count`` cards of the stock (in serial order) to ``to_teller``."""
        self._require_instant()
        if count <= 0:
            raise ValidationError("count", QT_TR_NOOP("领用张数应大于0。"), code="BLANK_BAD_COUNT")
        stock = self.ctx.store.cards(Place.STOCK)
        if count > len(stock):
            raise ValidationError("count", zh("库存只有 {in_stock} 张，不能领用 {count} 张。",
                                              in_stock=len(stock), count=count), code="BLANK_NOT_ENOUGH")
        return self.hand_out([c.chip_serial for c in stock[:count]], to_teller)

    def take_back(self, from_teller: str, serials: Iterable[str] | None = None) -> list[CardPlace]:
        """``from_teller``'s custody (every day's, or the named cards) → stock."""
        self._require_instant()
        self.admit()
        from_teller = from_teller.strip() or self.teller
        if serials is None:
            serials = [c.chip_serial for c in self.ctx.store.cards(Place.CUSTODY, from_teller)]
        return [self.ctx.store.move(self._serial(s), Place.STOCK, action_zh=QT_TR_NOOP("交回库存"),
                                    actor=self.teller, day=self.ctx.today(), now=self.ctx.clock(),
                                    custodian=from_teller) for s in serials]

    def custody(self, teller: str | None = None) -> list[CardPlace]:
        return self.ctx.store.cards(Place.CUSTODY, teller or self.teller)

    def custody_count(self) -> int:
        """Cards in the signed-in teller's custody today (the status bar)."""
        return self.ctx.store.custody_count(self.teller, self.ctx.today())

    def stock_count(self) -> int:
        return len(self.ctx.store.cards(Place.STOCK))
