"""Electronic social security card claims (电子社保卡领取), docs/issuance.md.

When a card is activated at a counter, the counter asks the central for a claim token of that
card and prints it as a QR on the receipt: the official app scans it, resolves the token here
and then verifies the holder's identity itself. The QR carries the claim address and the token
only — no name, no ID number, no card number. One token per card while it is valid: asking
again (a reprint, a retry) gives the same token.

- ``POST /v1/cards/{card_no}/ecard-claims`` (Idempotency-Key): the token of an ACTIVE card of
  the caller's bank; 409 CARD_NOT_ACTIVE otherwise, 403 CARD_FORBIDDEN for another bank's card.
- ``GET /v1/ecard-claims/{token}``: what the app sees before it verifies the holder — OPEN,
  EXPIRED or CARD_NOT_ACTIVE (a lost or no longer active card) and the expiry; nothing about
  the card or the person (a token is a bearer secret printed on paper); 404
  ECARD_CLAIM_UNKNOWN. A lost card gets no token (409 CARD_IS_LOST).
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import DateTime, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from central_sim import states as S
from central_sim.db import Base, Card, utcnow
from central_sim.errors import Refusal
from central_sim.schemas import CARD_NO_PATTERN, BranchAction

#: the official app's claim page; the QR is CLAIM_URL + "?t=" + token
CLAIM_URL = "https://si.12333.gov.cn/ecard/claim"
VALID_DAYS = 30
TOKEN_MAX = 64
TOKEN_PATTERN = r"^[A-Za-z0-9_-]+$"  # URL-safe base64, as secrets.token_urlsafe makes them

IdemKey = Annotated[str | None, Header(alias="Idempotency-Key",
                                       description="Required on every mutating call")]
ClientId = Annotated[str | None, Header(alias="X-Client-Id", max_length=49)]


class ECardClaim(Base):
    __tablename__ = "ecard_claims"
    token: Mapped[str] = mapped_column(String(TOKEN_MAX), primary_key=True)
    card_no: Mapped[str] = mapped_column(String(9), index=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ECardClaimOut(BaseModel):
    token: str = Field(max_length=TOKEN_MAX, description="opaque, URL-safe; nothing personal")
    claim_url: str = Field(description="what the QR encodes: the claim page with the token")
    expires_at: dt.datetime


class ECardClaimCheck(BaseModel):
    """Only what the claim page needs before the app verifies the holder.

    No card number (not even masked), no name, no ID number: the token is printed on paper."""

    token: str = Field(max_length=TOKEN_MAX)
    state: Literal["OPEN", "EXPIRED", "CARD_NOT_ACTIVE"]
    expires_at: dt.datetime


def claim_url(token: str) -> str:
    return f"{CLAIM_URL}?t={token}"


def _claimable(card: Card | None) -> bool:
    """Active and not reported lost: the e-card mirrors the card's state."""
    lost = {S.LOST, S.TEMP_LOST}
    return (card is not None and card.card_state == S.ACTIVE
            and not lost & {card.social_state, card.financial_state})


def _out(claim: ECardClaim) -> dict[str, Any]:
    return ECardClaimOut(token=claim.token, claim_url=claim_url(claim.token),
                         expires_at=claim.expires_at.replace(tzinfo=dt.UTC)).model_dump(mode="json")


def add_routes(v1: APIRouter, db: Any, mutate: Callable[..., JSONResponse],
               get_branch: Callable[[Session, str], Any],
               get_card: Callable[..., Card]) -> None:
    @v1.post("/cards/{card_no}/ecard-claims", response_model=ECardClaimOut, tags=["cards"])
    def ecard_claim(card_no: Annotated[str, Path(max_length=9, pattern=CARD_NO_PATTERN)],
                    body: BranchAction,
                    request: Request, idempotency_key: IdemKey = None,
                    x_client_id: ClientId = None) -> JSONResponse:
        """The electronic card claim token of an activated card (the same one while valid):
        403 CARD_FORBIDDEN for another bank's card, 409 CARD_NOT_ACTIVE or CARD_IS_LOST."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            branch = get_branch(s, body.branch_code)
            card = get_card(s, card_no, lock=True)
            if card.bank_code != branch.bank_code:
                raise Refusal(403, "CARD_FORBIDDEN", "该卡不是本行发行的卡，不能在本网点领取电子社保卡。")
            if card.card_state != S.ACTIVE:
                raise Refusal(409, "CARD_NOT_ACTIVE", "该卡尚未启用（或已注销），不能领取电子社保卡。")
            if not _claimable(card):
                raise Refusal(409, "CARD_IS_LOST", "该卡已挂失，不能领取电子社保卡；请先解挂或补卡。")
            now = utcnow()
            claim = s.scalars(select(ECardClaim).where(
                ECardClaim.card_no == card_no, ECardClaim.expires_at > now)
                .order_by(ECardClaim.expires_at.desc())).first()
            if claim is None:
                claim = ECardClaim(token=secrets.token_urlsafe(18), card_no=card_no,
                                   branch_code=branch.code, created_at=now,
                                   expires_at=now + dt.timedelta(days=VALID_DAYS))
                s.add(claim)
                s.flush()
            return 200, _out(claim), card_no

        return mutate(request, idempotency_key, x_client_id, body, "ECARD_CLAIM", handler)

    @v1.get("/ecard-claims/{token}", response_model=ECardClaimCheck, tags=["cards"])
    def ecard_claim_check(token: Annotated[str, Path(max_length=TOKEN_MAX, pattern=TOKEN_PATTERN)]
                          ) -> ECardClaimCheck:
        """What the official app sees when it scans the receipt's QR: the claim's state and
        expiry, nothing of the card or the person (404 ECARD_CLAIM_UNKNOWN)."""
        with db.read() as s:
            claim = s.get(ECardClaim, token)
            if claim is None:
                raise Refusal(404, "ECARD_CLAIM_UNKNOWN", "电子社保卡领取码无效。")
            card = s.get(Card, claim.card_no)
            state: Literal["OPEN", "EXPIRED", "CARD_NOT_ACTIVE"] = (
                "EXPIRED" if claim.expires_at <= utcnow() else
                "CARD_NOT_ACTIVE" if not _claimable(card) else "OPEN")
            return ECardClaimCheck(token=token, state=state,
                                   expires_at=claim.expires_at.replace(tzinfo=dt.UTC))
