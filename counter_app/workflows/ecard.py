"""The electronic card claim printed on the receipts of an instant issuance and a hand-out.

After activation the counter asks the central for the card's claim token (``ecard_claim``,
under an idempotency key kept before the call) and prints the official claim page with that
token as a QR. The address is composed here from the token alone, so whatever else a
response might carry never reaches paper. Without the line (or refused) the receipt says how
to claim in the app with the ID card; the issuance itself is not held up by it.
"""

from __future__ import annotations

import logging
import re

from counter_app.central.api import CentralApi
from counter_app.central.errors import CentralError

log = logging.getLogger(__name__)

CLAIM_PAGE = "https://si.12333.gov.cn/ecard/claim"  # the official app's claim page
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def claim_address(token: str) -> str:
    """What the QR encodes; refuses anything that is not an opaque URL-safe token."""
    if not _TOKEN.fullmatch(token):
        raise ValueError("not an e-card claim token")
    return f"{CLAIM_PAGE}?t={token}"


def token_of(address: str) -> str:
    """The token back from a scanned address (tests, support)."""
    prefix = CLAIM_PAGE + "?t="
    if not address.startswith(prefix):
        raise ValueError("not an e-card claim address")
    token = address[len(prefix):]
    claim_address(token)
    return token


def request_claim(central: CentralApi, card_no: str, *, branch_code: str, key: str) -> str:
    """The claim address for an activated card, or "" when none could be obtained now."""
    try:
        claim = central.ecard_claim(card_no, branch_code=branch_code, idempotency_key=key)
        return claim_address(claim.token)
    except (CentralError, ValueError) as exc:
        log.warning("no e-card claim token for the receipt (%s)", getattr(exc, "code", "BAD_TOKEN"))
        return ""
