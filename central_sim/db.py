"""The reference central's own database (SQLAlchemy 2; SQLite file by default, PostgreSQL by URL)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

BEIJING = dt.timezone(dt.timedelta(hours=8))  # the city's business dates are Beijing's


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def beijing_today(now: dt.datetime | None = None) -> dt.date:
    """Today's business date (``now``: an aware instant, for tests). Not the machine's zone:
    a central on a UTC host would otherwise date cards, contribution months and bounds a day
    behind from 16:00 to midnight UTC."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(BEIJING).date()


def ten_years_on(issued: dt.date) -> dt.date:
    """A card's expiry: ten years after issue (a card issued on 29 February expires on the
    28th; ``replace`` alone raises on that day and every card made then would fail)."""
    try:
        return issued.replace(year=issued.year + 10)
    except ValueError:
        return issued.replace(year=issued.year + 10, day=28)


class Base(DeclarativeBase):
    pass


class Bank(Base):
    __tablename__ = "banks"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(64))


class Branch(Base):
    __tablename__ = "branches"
    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    bank_code: Mapped[str] = mapped_column(ForeignKey("banks.code"))
    name_zh: Mapped[str] = mapped_column(String(128))
    district: Mapped[str] = mapped_column(String(6))
    instant_issue: Mapped[bool] = mapped_column(Boolean)
    weekend_open: Mapped[bool] = mapped_column(Boolean)
    same_number_exchange: Mapped[bool] = mapped_column(Boolean, default=False)


class BranchConfig(Base):
    """Local numbers that are configuration, never code (DOMAIN.md)."""

    __tablename__ = "branch_config"
    branch_code: Mapped[str] = mapped_column(ForeignKey("branches.code"), primary_key=True)
    replacement_fee_fen: Mapped[int] = mapped_column(Integer, default=2000)
    temp_loss_valid_days: Mapped[int] = mapped_column(Integer, default=7)
    social_pin_retries: Mapped[int] = mapped_column(Integer, default=6)
    bank_pin_retries_per_day: Mapped[int] = mapped_column(Integer, default=3)
    card_validity_years: Mapped[int] = mapped_column(Integer, default=10)
    uncollected_keep_months: Mapped[int] = mapped_column(Integer, default=12)
    photo_max_kb: Mapped[int] = mapped_column(Integer, default=60)
    #: counters below it are warned, then refused new work after their grace (docs/updates.md)
    min_version: Mapped[str | None] = mapped_column(String(32), default=None)


class Person(Base):
    __tablename__ = "persons"
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date] = mapped_column()
    nation: Mapped[str] = mapped_column(String(2), default="01")
    household_region: Mapped[str] = mapped_column(String(6))
    local_household: Mapped[bool] = mapped_column(Boolean)
    nonlocal_entitled: Mapped[bool] = mapped_column(Boolean, default=False)
    guardian_id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    social_security_no: Mapped[str] = mapped_column(String(18))
    phone: Mapped[str | None] = mapped_column(String(20), nullable=True)


class Card(Base):
    __tablename__ = "cards"
    card_no: Mapped[str] = mapped_column(String(9), primary_key=True)
    id_number: Mapped[str] = mapped_column(ForeignKey("persons.id_number"), index=True)
    card_id_code: Mapped[str] = mapped_column(String(32))
    bank_code: Mapped[str] = mapped_column(ForeignKey("banks.code"))
    bank_account_no: Mapped[str] = mapped_column(String(19))
    spec_version: Mapped[str] = mapped_column(String(8), default="3.00")
    algorithm: Mapped[str] = mapped_column(String(8), default="SM4")
    issued_on: Mapped[dt.date | None] = mapped_column(nullable=True)
    expires_on: Mapped[dt.date | None] = mapped_column(nullable=True)
    card_state: Mapped[str] = mapped_column(String(24))
    social_state: Mapped[str] = mapped_column(String(16), default="NORMAL")
    financial_state: Mapped[str] = mapped_column(String(16), default="NORMAL")
    temp_loss_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    damaged: Mapped[bool] = mapped_column(Boolean, default=False)
    replaced_by_application: Mapped[str | None] = mapped_column(String(40), nullable=True)
    application_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Application(Base):
    __tablename__ = "applications"
    application_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    id_number: Mapped[str] = mapped_column(ForeignKey("persons.id_number"), index=True)
    guardian_id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)
    bank_code: Mapped[str] = mapped_column(String(16))
    branch_code: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    making_mode: Mapped[str] = mapped_column(String(16))
    collection: Mapped[str] = mapped_column(String(16))
    ems_address: Mapped[str | None] = mapped_column(String(256), nullable=True)
    ems_tracking_no: Mapped[str | None] = mapped_column(String(32), nullable=True)
    photo_sha256: Mapped[str] = mapped_column(String(64))
    old_card_no: Mapped[str | None] = mapped_column(String(9), nullable=True)
    card_no: Mapped[str | None] = mapped_column(String(9), nullable=True)
    blank_serial: Mapped[str | None] = mapped_column(String(32), nullable=True)
    state: Mapped[str] = mapped_column(String(24))
    failure_reason: Mapped[str | None] = mapped_column(String(128), nullable=True)
    batch_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    fee_fen: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    seq: Mapped[int] = mapped_column(Integer, default=0)


class Batch(Base):
    __tablename__ = "batches"
    batch_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    branch_code: Mapped[str] = mapped_column(String(16), index=True)
    state: Mapped[str] = mapped_column(String(16))  # SHIPPED | RECEIVED
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Employer(Base):
    __tablename__ = "employers"
    employer_no: Mapped[str] = mapped_column(String(16), primary_key=True)
    name_zh: Mapped[str] = mapped_column(String(128))
    credit_code: Mapped[str] = mapped_column(String(18))


class Contribution(Base):
    __tablename__ = "contributions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    year_month: Mapped[str] = mapped_column(String(6))  # YYYYMM
    employer_no: Mapped[str] = mapped_column(String(16))
    insurance: Mapped[str] = mapped_column(String(16))  # PENSION | UNEMPLOYMENT | WORK_INJURY
    place: Mapped[str] = mapped_column(String(6))
    base_fen: Mapped[int] = mapped_column(Integer)
    personal_fen: Mapped[int] = mapped_column(Integer)
    paid: Mapped[bool] = mapped_column(Boolean)


class Certificate(Base):
    __tablename__ = "certificates"
    auth_code: Mapped[str] = mapped_column(String(24), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    valid_until: Mapped[dt.datetime] = mapped_column(DateTime)
    content_sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[dict] = mapped_column(JSON)


class CertificatePrint(Base):
    """One print or reprint of a certificate, as the printing counter reported it."""

    __tablename__ = "certificate_prints"
    print_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    auth_code: Mapped[str] = mapped_column(String(24), index=True)
    branch_code: Mapped[str] = mapped_column(String(16))
    printed_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PinResetAuthorisation(Base):
    __tablename__ = "pin_reset_authorisations"
    authorisation_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    card_no: Mapped[str] = mapped_column(String(9))
    branch_code: Mapped[str] = mapped_column(String(16))
    function: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    valid_until: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditHead(Base):
    __tablename__ = "audit_heads"
    branch_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    counter_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    head_sha256: Mapped[str] = mapped_column(String(64))
    reported_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditHeadEvent(Base):
    """Evidence kept about a counter's audit chain head: every re-base a supervisor
    acknowledged and every head refused as going backwards or forking, with when and by whom
    (the verified identity). Accepted ordinary reports are not kept here (only the head is)."""

    __tablename__ = "audit_head_events"
    event_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    branch_code: Mapped[str] = mapped_column(String(16), index=True)
    counter_id: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(24))  # REBASE | REFUSED_REGRESSION | REFUSED_FORK
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    caller: Mapped[str] = mapped_column(String(49))  # verified BRANCH/COUNTER
    caller_via: Mapped[str] = mapped_column(String(12))  # certificate | header
    seq: Mapped[int] = mapped_column(BigInteger)  # the head offered
    head_sha256: Mapped[str] = mapped_column(String(64))
    previous_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # the reference then
    previous_head_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    supervisor: Mapped[str | None] = mapped_column(String(32), nullable=True)
    reason: Mapped[str | None] = mapped_column(String(500), nullable=True)
    broken_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    broken_head_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    first_bad_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    problem: Mapped[str | None] = mapped_column(String(200), nullable=True)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Notice(Base):
    """Updates the branches pull: application states, batches, pre-loss notices, reference data."""

    __tablename__ = "notices"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(32))
    branch_code: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    bank_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    ref: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Effect(Base):
    """One row per business effect committed: lets tests prove 'exactly once'."""

    __tablename__ = "effects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(128), index=True)
    operation: Mapped[str] = mapped_column(String(64))
    ref: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("client_id", "key", name="uq_idem_client_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    client_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(128))
    fingerprint: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12))  # IN_PROGRESS | DONE
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    response_body: Mapped[str | None] = mapped_column(Text, nullable=True)
    locked_at: Mapped[dt.datetime] = mapped_column(DateTime)
    completed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class GenericOperation(Base):
    """Deferred counter business recorded as-is (e.g. an audit record or registration)."""

    __tablename__ = "generic_operations"
    operation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(64))
    branch_code: Mapped[str] = mapped_column(String(16))
    subject_ref: Mapped[str | None] = mapped_column(String(64), nullable=True)
    payload: Mapped[dict] = mapped_column(JSON)
    seq_in_subject: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    amount: Mapped[float | None] = mapped_column(Numeric(12, 2), nullable=True)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


# Columns created as 32-bit INTEGER before the contract bounded them at 2^63-1; a PostgreSQL
# database from then is widened at start (SQLite integers are 64-bit whatever the type says).
WIDENED_COLUMNS = (("audit_heads", "seq"), ("generic_operations", "seq_in_subject"))
_WIDEN_LOCK = 0x63656E74  # pg advisory lock id: several worker processes start at once


def add_missing_columns(engine: Engine) -> list[str]:
    """``create_all`` adds tables, not columns: add the nullable columns a model gained since
    the database was made (e.g. ``branch_config.min_version``)."""
    from sqlalchemy import inspect

    added: list[str] = []
    inspector = inspect(engine)
    for table in Base.metadata.sorted_tables:
        if not inspector.has_table(table.name):
            continue
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name in have or not column.nullable:
                continue
            kind = column.type.compile(dialect=engine.dialect)
            with engine.begin() as conn:
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
            added.append(f"{table.name}.{column.name}")
    return added


def widen_integer_columns(engine: Engine) -> list[str]:
    """ALTER ... TYPE BIGINT each of :data:`WIDENED_COLUMNS` that is still ``integer`` on
    PostgreSQL; returns the columns changed (none on a second run, none on SQLite)."""
    if engine.dialect.name != "postgresql":
        return []
    changed = []
    with engine.begin() as conn:
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _WIDEN_LOCK})
        for table, column in WIDENED_COLUMNS:
            kind = conn.execute(text(
                "SELECT data_type FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = :t AND column_name = :c"),
                {"t": table, "c": column}).scalar()
            if kind == "integer":
                # names come from the constant above, never from input
                conn.execute(text(f"ALTER TABLE {table} ALTER COLUMN {column} TYPE BIGINT"))
                changed.append(f"{table}.{column}")
    return changed


class Database:
    """Engine + session factory. SQLite writes are serialised in-process (one writer), so a
    SQLite central is one process; PostgreSQL may be shared by several worker processes
    (``pool_size``/``max_overflow`` are per process: workers × both ≤ max_connections)."""

    def __init__(self, url: str, *, pool_size: int = 20, max_overflow: int = 40) -> None:
        self.url = url
        self.is_sqlite = url.startswith("sqlite")
        if self.is_sqlite:
            # hide_parameters: SQL errors in logs never carry ID numbers or names
            self.engine: Engine = create_engine(
                url, connect_args={"check_same_thread": False, "timeout": 30},
                hide_parameters=True,
            )
            event.listen(self.engine, "connect", _sqlite_pragmas)
        else:
            self.engine = create_engine(url, pool_size=pool_size, max_overflow=max_overflow,
                                        pool_pre_ping=True, hide_parameters=True)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_lock = threading.RLock()

    def create_all(self) -> list[str]:
        """Create missing tables, add nullable columns a database made by an older version
        lacks, and widen old 32-bit columns; returns the columns widened."""
        Base.metadata.create_all(self.engine)
        add_missing_columns(self.engine)
        return widen_integer_columns(self.engine)

    def drop_all(self) -> None:
        Base.metadata.drop_all(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction: commits on success, rolls back on any exception."""
        if self.is_sqlite:
            with self._write_lock, self._sessions() as s, s.begin():
                yield s
        else:
            with self._sessions() as s, s.begin():
                yield s


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # The central's acknowledgement is an external effect: commit durably first.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()
