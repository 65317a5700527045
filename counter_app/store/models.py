"""Tables of the local store. Personal data columns use the encrypted types.

Times are stored as naive UTC (SQLite has no time zones); `utcnow()` is the one source.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from counter_app.store.types import EncryptedBytes, EncryptedJSON, EncryptedText


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Teller(Base):
    __tablename__ = "tellers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(EncryptedText("tellers.display_name"))
    role: Mapped[str] = mapped_column(String(16))  # teller / supervisor / admin
    password_hash: Mapped[str | None] = mapped_column(String(200))  # None: must be set first
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # the supervisor's authenticator (RFC 6238) secret and the last time step a code was
    # accepted for (a code is accepted once: migration 0008)
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText("tellers.totp_secret"))
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    totp_enrolled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class TellerSession(Base):
    __tablename__ = "teller_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teller_id: Mapped[int] = mapped_column(ForeignKey("tellers.id"))
    counter_id: Mapped[str] = mapped_column(String(8))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    end_reason: Mapped[str | None] = mapped_column(String(32))


class AuditEntry(Base):
    """Append-only (triggers refuse UPDATE and DELETE) and MAC-chained."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(32))  # ISO-8601 UTC, part of the MAC
    actor: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(64))
    detail: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("audit_log.detail"))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class OutboxMessage(Base):
    """An operation for the central, written in the same transaction as the business records."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(64), unique=True)  # the Idempotency-Key
    operation: Mapped[str] = mapped_column(String(64))  # e.g. "applications.submit"
    ordering_key: Mapped[str] = mapped_column(String(64), index=True)  # blind index of the person
    payload: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("outbox.payload"))
    status: Mapped[str] = mapped_column(String(16), index=True, default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_attempt_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)  # codes only, never personal data
    acked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    response: Mapped[dict[str, object] | None] = mapped_column(EncryptedJSON("outbox.response"))
    dead_reason: Mapped[str | None] = mapped_column(Text)
    resolved_by: Mapped[str | None] = mapped_column(String(32))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class AppState(Base):
    """Small named values: last successful sync, first-run flags, schema notes."""

    __tablename__ = "app_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ApplicationDraft(Base):
    """A card application being taken at the counter: survives a crash, an idle lock, a restart.

    ``data`` holds everything typed plus the workflow journal (encrypted); ``photo`` the
    prepared card photo. Nothing is in clear except the step, the teller and timestamps.
    """

    __tablename__ = "application_drafts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    teller: Mapped[str] = mapped_column(String(32), index=True)
    person_index: Mapped[str | None] = mapped_column(String(64), index=True)  # blind index
    step: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), index=True, default="open")
    data: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("application_drafts.data"))
    photo: Mapped[bytes | None] = mapped_column(EncryptedBytes("application_drafts.photo"))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CardApplication(Base):
    """An accepted card application (申领), submitted to the central or queued in the outbox."""

    __tablename__ = "card_applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(48), unique=True)  # printed number
    draft_id: Mapped[str] = mapped_column(String(36), unique=True)
    person_index: Mapped[str] = mapped_column(String(64), index=True)  # blind index
    teller: Mapped[str] = mapped_column(String(32))
    branch_code: Mapped[str] = mapped_column(String(32))
    making_mode: Mapped[str] = mapped_column(String(16))  # INSTANT / FACTORY
    collection: Mapped[str] = mapped_column(String(16))  # BRANCH / EMS
    status: Mapped[str] = mapped_column(String(16), index=True)  # submitted / pending_sync
    op_id: Mapped[str] = mapped_column(String(64), unique=True)  # Idempotency-Key
    central_application_id: Mapped[str | None] = mapped_column(String(64))
    central_state: Mapped[str | None] = mapped_column(String(32))
    record: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("card_applications.record"))
    photo: Mapped[bytes | None] = mapped_column(EncryptedBytes("card_applications.photo"))
    accepted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    synced_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CentralNotice(Base):
    """An update pulled from the central (application state, batch shipped, pre-loss notice,
    reference data), kept until the business that needs it has handled it: nothing pulled is
    dropped. ``seq`` is the central's sequence number, so a repeated pull stores nothing twice.
    """

    __tablename__ = "central_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    ref: Mapped[str] = mapped_column(EncryptedText("central_notices.ref"))  # may be a card number
    data: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("central_notices.data"))
    created_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # at the central
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    handled_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class BlankBox(Base):
    """A box of blank cards received at an instant-issue branch; ``expected`` is the
    supplier's list of chip serials when the box was registered from it (None: read only)."""

    __tablename__ = "blank_boxes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    box_id: Mapped[str] = mapped_column(String(32), unique=True)
    expected: Mapped[list[str] | None] = mapped_column(JSON)  # chip serials: not personal data
    received_by: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    checked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # the list check closed


class BlankCard(Base):
    """One blank card, in exactly one place (domain.blank_stock.Place); moved only by the
    stock store, which checks the move table in the same transaction."""

    __tablename__ = "blank_cards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chip_serial: Mapped[str] = mapped_column(String(16), unique=True)
    atr: Mapped[str] = mapped_column(String(80))
    box_id: Mapped[str] = mapped_column(String(32), index=True)
    place: Mapped[str] = mapped_column(String(16), index=True)
    custodian: Mapped[str | None] = mapped_column(String(32), index=True)
    custody_day: Mapped[str | None] = mapped_column(String(10))
    application_id: Mapped[str | None] = mapped_column(String(64))
    # free text typed by the teller: may name a person, so encrypted (row-bound to the serial)
    spoil_reason: Mapped[str | None] = mapped_column(EncryptedText("blank_cards.spoil_reason"))
    spoiled_by: Mapped[str | None] = mapped_column(String(32))  # the authorising supervisor
    received_by: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class BlankCardMove(Base):
    """Every move of a blank card (``from_place`` None: received), for the reconciliation
    per teller and day; the card's row says where it is, this table how it got there."""

    __tablename__ = "blank_card_moves"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chip_serial: Mapped[str] = mapped_column(String(16), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    day: Mapped[str] = mapped_column(String(10), index=True)  # Beijing business day
    from_place: Mapped[str | None] = mapped_column(String(16))
    to_place: Mapped[str] = mapped_column(String(16))
    teller: Mapped[str | None] = mapped_column(String(32), index=True)  # whose custody it touches
    actor: Mapped[str] = mapped_column(String(32))


class ProductionItem(Base):
    """An application in central production as this branch tracks it (集中制卡): its
    central state, card, batch or EMS number, and, once received, its place in branch custody.
    Persons are found by blind indexes of the ID number and of the name, never in clear."""

    __tablename__ = "production_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[str] = mapped_column(String(64), unique=True)  # the central's
    application_no: Mapped[str | None] = mapped_column(String(48))  # printed (local ones)
    person_index: Mapped[str] = mapped_column(String(64), index=True)
    name_index: Mapped[str] = mapped_column(String(64), index=True)
    holder: Mapped[dict[str, object]] = mapped_column(EncryptedJSON("production_items.holder"))
    kind: Mapped[str] = mapped_column(String(32))
    making_mode: Mapped[str] = mapped_column(String(16))
    collection: Mapped[str] = mapped_column(String(16))
    branch_code: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(32), index=True)
    failure_reason: Mapped[str | None] = mapped_column(String(200))
    card_index: Mapped[str | None] = mapped_column(String(64), index=True)
    card_no: Mapped[str | None] = mapped_column(EncryptedText("production_items.card_no"))
    batch_id: Mapped[str | None] = mapped_column(String(40), index=True)
    ems_tracking_no: Mapped[str | None] = mapped_column(String(32))
    custody: Mapped[str | None] = mapped_column(String(16), index=True)  # IN_CUSTODY / None
    location: Mapped[str | None] = mapped_column(String(32))  # box/slot
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    handed_out_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # returned to the central past the keeping period (封存), on this printed list (0009)
    sealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    sealing_list_id: Mapped[str | None] = mapped_column(String(40), index=True)


class ProductionBatch(Base):
    """A production batch's list as last pulled from the central, and this branch's receipt
    of it (kept so a batch can be received offline and the receipt reprinted)."""

    __tablename__ = "production_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[str] = mapped_column(String(40), unique=True)
    state: Mapped[str] = mapped_column(String(24), index=True)
    listed: Mapped[list[object]] = mapped_column(EncryptedJSON("production_batches.listed"))
    receipt: Mapped[dict[str, object] | None] = mapped_column(
        EncryptedJSON("production_batches.receipt"))
    op_id: Mapped[str | None] = mapped_column(String(64))
    received_by: Mapped[str | None] = mapped_column(String(32))
    pulled_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # the receipt in progress (the wizard's envelope: cards read so far), until confirmed (0009)
    draft: Mapped[dict[str, object] | None] = mapped_column(
        EncryptedJSON("production_batches.draft"))
    draft_teller: Mapped[str | None] = mapped_column(String(32))
    draft_updated_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class WorkSession(Base):
    """A teller's business day at a counter (柜员会话): opened at sign-in with the opening
    float, closed at day end or force-closed by a supervisor with a reason. Sign-in sessions
    (``teller_sessions``) come and go with idle locks and restarts; this one does not."""

    __tablename__ = "work_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teller: Mapped[str] = mapped_column(String(32), index=True)
    counter_id: Mapped[str] = mapped_column(String(8), index=True)
    business_day: Mapped[str] = mapped_column(String(10))  # local date, YYYY-MM-DD
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    opening_float_fen: Mapped[int] = mapped_column(Integer, default=0)
    custody_at_open: Mapped[int | None] = mapped_column(Integer)  # blank cards; None: no stock
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, index=True)
    closed_by: Mapped[str | None] = mapped_column(String(32))
    close_kind: Mapped[str | None] = mapped_column(String(16))  # closed / forced
    close_reason: Mapped[str | None] = mapped_column(EncryptedText("work_sessions.close_reason"))
    custody_at_close: Mapped[int | None] = mapped_column(Integer)
