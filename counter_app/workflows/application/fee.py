"""工本费 of an application: a first card free, a re-application charged (issue 14, item 2).

- Whether this is the person's first card is the central's answer: the person's cards
  (``CentralApi.person_cards``). A card made for the person before (cancelled after a loss or
  closed, sealed, active …) makes this a re-application; a card number voided at issuance
  (a blank spoiled at the counter, a failed production) never reached the person and does not
  count. An active card never gets here: eligibility routes that person to 补换卡.
- The amounts come from the branch's fee schedule (the profile's ``[fees]``: ``application``,
  ``first_card_free``), never from code (``domain.fees.application_quote``).
- When the central cannot say (the line down), a branch whose first card is free takes no fee
  for this application (the person is never charged on a guess) and the basis says why; a
  branch that charges every application charges it.
- The fee is taken after the application is accepted, in the teller's open session, once per
  application (its idempotency key); the application is refused before anything is sent when
  a fee is due and no session is open (``FeeDesk.ready``).
"""

from __future__ import annotations

from counter_app.central.api import CardStatus
from counter_app.central.errors import CentralError
from counter_app.domain.fees import FeeQuote
from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.application.context import ApplicationContext
from counter_app.workflows.application.record import ApplicationFee, ApplicationRecord
from counter_app.workflows.fees import FeeDesk

#: card states that mean the card number never reached the person
NEVER_HANDED = frozenset({"VOID"})

UNVERIFIED_FREE_ZH = QT_TR_NOOP("专线中断，未能向中心核实是否首次申领，本笔不收工本费")


def had_a_card(cards: list[CardStatus]) -> bool:
    """Whether the person held a card before (any card made for them and not voided)."""
    return any(c.card_state not in NEVER_HANDED for c in cards)


def quote(ctx: ApplicationContext, fees: FeeDesk, record: ApplicationRecord) -> ApplicationFee:
    """The fee due for this application (blocking: asks the central for the person's cards
    when the answer matters). Keeps how the teller said it is paid."""
    first_card: bool | None = None
    el = record.eligibility
    if el is not None and el.online and fees.schedule.first_card_free:
        try:
            first_card = not had_a_card(ctx.central.person_cards(record.identity.id_number))
        except CentralError:
            first_card = None  # no answer now: not charged on a guess (below)
    if first_card is None and fees.schedule.first_card_free:
        due = FeeQuote("application", 0, UNVERIFIED_FREE_ZH)
    else:
        due = fees.quote_application(first_card=first_card is not False)
    return ApplicationFee(due.amount_fen, due.basis_zh, first_card, record.fee.method,
                          record.fee.reference)


def payment_errors(fees: FeeDesk | None, record: ApplicationRecord) -> dict[str, str]:
    """How the fee is paid, when one is due and taken here."""
    if fees is None or record.fee.fen == 0:
        return {}
    return fees.check(record.fee.method, record.fee.reference)
