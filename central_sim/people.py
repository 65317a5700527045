"""Insurance registration (职工参保登记) and personal data change (参保信息变更) at the central.

Kept apart from ``app.py``: the tables, the seeded employers and contribution bounds, the
request/response bodies and the routes of

- ``GET  /v1/employers/{credit_code}``   an employer known to the central, by its unified
  social credit code (the insurance types it covers, whether it is still registered);
- ``GET  /v1/contribution-bounds``       this year's contribution base bounds and the
  insurance types per kind of registration (employee, flexible worker);
- ``POST /v1/persons/{id}/registrations`` a person registered (idempotent);
- and the rules of ``POST /v1/persons/{id}/data-changes`` (proof levels), called by app.py.

The central enforces every rule the counter checks: bounds, types, employer, proof levels.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import JSON, Boolean, DateTime, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from central_sim.db import (
    Base,
    Card,
    Contribution,
    Employer,
    GenericOperation,
    Person,
    beijing_today,
    utcnow,
)
from central_sim.errors import Refusal

Insurance = Literal["PENSION", "UNEMPLOYMENT", "WORK_INJURY"]
Kind = Literal["EMPLOYEE", "FLEXIBLE"]
INSURANCE_ZH = {"PENSION": "养老保险", "UNEMPLOYMENT": "失业保险", "WORK_INJURY": "工伤保险"}

# -- tables ---------------------------------------------------------------------------------------


class EmployerStatus(Base):
    """What registration needs to know of an employer (the seeded ones without a row: all
    three insurance types, registered)."""

    __tablename__ = "employer_status"
    employer_no: Mapped[str] = mapped_column(String(16), primary_key=True)
    status: Mapped[str] = mapped_column(String(12), default="ACTIVE")  # ACTIVE | CANCELLED
    district: Mapped[str] = mapped_column(String(6), default="330200")
    insurances: Mapped[list[str]] = mapped_column(JSON)


class ContributionBound(Base):
    """The year's base bounds per kind of registration: configuration, never code."""

    __tablename__ = "contribution_bounds"
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    min_base_fen: Mapped[int] = mapped_column(Integer)
    max_base_fen: Mapped[int] = mapped_column(Integer)
    insurances: Mapped[list[str]] = mapped_column(JSON)


class Registration(Base):
    __tablename__ = "registrations"
    registration_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    id_number: Mapped[str] = mapped_column(String(18), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    employer_no: Mapped[str | None] = mapped_column(String(16), nullable=True)
    insurances: Mapped[list[str]] = mapped_column(JSON)
    base_fen: Mapped[int] = mapped_column(Integer)
    start_month: Mapped[str] = mapped_column(String(6))
    branch_code: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class PersonDetail(Base):
    """Personal data the card platform's person table does not hold."""

    __tablename__ = "person_details"
    id_number: Mapped[str] = mapped_column(String(18), primary_key=True)
    address: Mapped[str | None] = mapped_column(String(256), nullable=True)
    education: Mapped[str | None] = mapped_column(String(32), nullable=True)
    marital_status: Mapped[str | None] = mapped_column(String(32), nullable=True)
    work_start_date: Mapped[dt.date | None] = mapped_column(nullable=True)
    new_id_number: Mapped[str | None] = mapped_column(String(18), nullable=True)


# -- seed -----------------------------------------------------------------------------------------

# Employers registered for insurance whose codes carry a correct check character (the older
# seeded employers keep theirs: certificates already printed show them).
REGISTRATION_EMPLOYERS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    # employer_no, name, credit code body (17), status, insurances
    ("E1000001", "宁波甬港智能制造有限公司", "91330206MA2H00101", "ACTIVE",
     ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")),
    ("E1000002", "宁波江北惠民超市有限公司", "91330205MA2H00202", "ACTIVE",
     ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")),
    ("E1000003", "宁波象山海鲜加工厂", "92330225MA2H00303", "CANCELLED",
     ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")),
)
# This year's bounds (元/月 × 100; the province's published lower and upper base) and the
# types per kind: configuration of the central, which the counter only ever reads
BOUNDS: tuple[tuple[str, int, int, tuple[str, ...]], ...] = (
    ("EMPLOYEE", 446200, 2231100, ("PENSION", "UNEMPLOYMENT", "WORK_INJURY")),
    ("FLEXIBLE", 446200, 2231100, ("PENSION",)),
)

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_with_check(body17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(body17, _WEIGHTS, strict=True))
    return body17 + _ALPHABET[(31 - total % 31) % 31]


def credit_code_valid(code: str) -> bool:
    return (len(code) == 18 and all(c in _ALPHABET for c in code)
            and credit_code_with_check(code[:17]) == code)


def seed_people(session: Session) -> None:
    for no, name, body, status, insurances in REGISTRATION_EMPLOYERS:
        session.add(Employer(employer_no=no, name_zh=name, credit_code=credit_code_with_check(body)))
        session.add(EmployerStatus(employer_no=no, status=status, insurances=list(insurances),
                                   district=body[2:8]))
    for kind, low, high, insurances in BOUNDS:
        session.add(ContributionBound(kind=kind, year=beijing_today().year, min_base_fen=low, max_base_fen=high,
                                      insurances=list(insurances)))


# -- bodies ---------------------------------------------------------------------------------------

CreditCode = Annotated[str, Path(min_length=1, max_length=18)]
IdemKey = Annotated[str | None, Header(alias="Idempotency-Key", description="Required on every mutating call")]
ClientId = Annotated[str | None, Header(alias="X-Client-Id", max_length=49)]


class EmployerOut(BaseModel):
    employer_no: str
    name_zh: str
    credit_code: str
    status: Literal["ACTIVE", "CANCELLED"] = Field(description="CANCELLED: no new registrations")
    district: str
    insurances: list[Insurance] = Field(description="the insurance types its staff are registered for")


class BoundsKindOut(BaseModel):
    kind: Kind
    year: int
    min_base_fen: int = Field(description="lowest monthly contribution base, fen (inclusive)")
    max_base_fen: int = Field(description="highest monthly contribution base, fen (inclusive)")
    insurances: list[Insurance] = Field(description="the types this kind may register for")


class BoundsOut(BaseModel):
    kinds: list[BoundsKindOut]


class RegistrationIn(BaseModel):
    model_config = {"extra": "forbid"}
    branch_code: Annotated[str, Field(min_length=1, max_length=16)]
    kind: Kind
    name: Annotated[str, Field(default="", max_length=64,
                               description="from the ID card; required when the central does not know the person")]
    credit_code: Annotated[str | None, Field(default=None, max_length=18,
                                             description="the employer (EMPLOYEE only)")]
    insurances: Annotated[list[Insurance], Field(min_length=1, max_length=3)]
    base_fen: Annotated[int, Field(ge=0, le=2**63 - 1)]
    start_month: Annotated[str, Field(pattern=r"^[0-9]{4}(0[1-9]|1[0-2])$")]
    phone: Annotated[str, Field(default="", max_length=20)]
    materials: Annotated[list[Annotated[str, Field(max_length=32)]], Field(
        default_factory=list, max_length=8, description="the materials the teller checked")]


class RegistrationOut(BaseModel):
    registration_id: str
    id_number: str
    kind: Kind
    employer_name: str | None
    employer_credit_code: str | None
    insurances: list[Insurance]
    base_fen: int
    start_month: str
    registered_at: dt.datetime
    person_created: bool = Field(description="the central did not know the person before")


class DataChangeProof(BaseModel):
    model_config = {"extra": "forbid"}
    records: list[Annotated[str, Field(max_length=64)]] = Field(
        default_factory=list, max_length=8,
        description="the records the teller saw (work-start date, birth date)")
    id_card_read: bool = Field(default=False, description="the ID card was read by the reader")
    paper_kind: Literal["POLICE", "COURT"] | None = Field(
        default=None, description="name, ID number, sex: the police or court paper")
    paper_no: Annotated[str, Field(default="", max_length=64)]


class DataChangeOut(BaseModel):
    operation_id: str
    received_at: dt.datetime
    fields: list[str] = Field(default_factory=list)
    new_card_required: bool = Field(
        default=False, description="a new name or ID number: the chip is wrong, a new card is needed")
    new_id_number: str | None = Field(
        default=None, description="an ID-number change: the person's cards now stand under this "
        "number (their replacement is asked for there)")


# -- proof levels -----------------------------------------------------------------------------------

LEVELS: dict[str, str] = {
    "phone": "NONE", "address": "NONE", "education": "NONE", "marital_status": "NONE",
    "work_start_date": "RECORDS", "birth_date": "RECORDS",
    "name": "PAPERS", "id_number": "PAPERS", "sex": "PAPERS",
    # 民族成份 is changed by the public security bureau: its paper, like a name change; the
    # chip's nation (EF06 tag 0B) is then rewritten at a bank counter (信息变更写卡)
    "nation": "PAPERS",
}
#: GB/T 3304 nation codes the chip carries (01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士)
NATION_CODES = frozenset({f"{n:02d}" for n in range(1, 57)} | {"97", "98"})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _id_valid(idn: str) -> bool:
    if not re.fullmatch(r"[0-9]{17}[0-9X]", idn):
        return False
    total = sum(int(d) * w for d, w in zip(idn[:17], _ID_WEIGHTS, strict=True))
    return "10X98765432"[total % 11] == idn[17]


def _date(field: str, value: str) -> dt.date:
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise Refusal(422, "CHANGE_VALUE_INVALID", f"{field} 应为日期（YYYY-MM-DD）。",
                      {"field": field}) from None
    if day > beijing_today():
        raise Refusal(422, "CHANGE_VALUE_INVALID", "日期不能晚于今天。", {"field": field})
    return day


def check_proof(changes: dict[str, str], proof: DataChangeProof | None) -> None:
    """Refuse a change whose proof does not reach its level (the counter checks the same)."""
    unknown = sorted(set(changes) - set(LEVELS))
    if unknown:
        raise Refusal(422, "CHANGE_FIELD_UNKNOWN", "中心系统不受理这些信息的变更。", {"fields": unknown})
    papers = sorted(f for f in changes if LEVELS[f] == "PAPERS")
    records = sorted(f for f in changes if LEVELS[f] == "RECORDS")
    if papers and (proof is None or not proof.id_card_read or proof.paper_kind is None
                   or not proof.paper_no.strip()):
        raise Refusal(422, "CHANGE_NEEDS_PROOF",
                      "姓名、身份证号码、性别、民族的变更须读取本人身份证，并提供公安机关或人民法院出具的证明材料及其编号。",
                      {"fields": papers, "level": "PAPERS"})
    if records and (proof is None or not [r for r in proof.records if r.strip()]):
        raise Refusal(422, "CHANGE_NEEDS_PROOF",
                      "参加工作时间、出生日期的变更须核验档案等原始记录，请注明所核验的记录。",
                      {"fields": records, "level": "RECORDS"})


def apply_data_change(s: Session, person: Person, changes: dict[str, str],
                      proof: DataChangeProof | None) -> tuple[bool, str | None]:
    """Apply a change (proof already checked); (new card required, new ID number)."""
    detail = s.get(PersonDetail, person.id_number) or PersonDetail(id_number=person.id_number)
    s.add(detail)
    new_id = None
    if "sex" in changes and changes["sex"] not in ("1", "2"):
        raise Refusal(422, "CHANGE_VALUE_INVALID", "性别应为 1（男）或 2（女）。", {"field": "sex"})
    if "nation" in changes and changes["nation"] not in NATION_CODES:
        raise Refusal(422, "CHANGE_VALUE_INVALID", "民族应为两位民族代码（GB/T 3304，如 01 汉族）。",
                      {"field": "nation"})
    if "name" in changes and not changes["name"].strip():
        raise Refusal(422, "CHANGE_VALUE_INVALID", "姓名不能为空。", {"field": "name"})
    if "id_number" in changes:
        new_id = changes["id_number"]
        if not _id_valid(new_id) or new_id == person.id_number:
            raise Refusal(422, "CHANGE_VALUE_INVALID", "新身份证号码不正确。", {"field": "id_number"})
        if s.get(Person, new_id) is not None:
            raise Refusal(409, "ID_NUMBER_IN_USE",
                          "新身份证号码在中心系统中已有参保人员记录，请到社保经办机构合并处理。")
    for field, value in changes.items():
        if field == "phone":
            person.phone = value
        elif field == "name":
            person.name = value.strip()
        elif field == "sex":
            person.sex = value
        elif field == "nation":
            person.nation = value
        elif field == "birth_date":
            person.birth_date = _date(field, value)
        elif field == "work_start_date":
            detail.work_start_date = _date(field, value)
        elif field in ("address", "education", "marital_status"):
            setattr(detail, field, value)
    # the chip carries the name and the ID number: a card in use no longer matches
    in_use = s.scalars(select(Card).where(Card.id_number == person.id_number,
                                          Card.card_state.in_(("ACTIVE", "PENDING_ACTIVATION")))).first()
    new_card = in_use is not None and ("name" in changes or "id_number" in changes)
    if new_id is not None:
        detail.new_id_number = new_id
        s.add(Person(id_number=new_id, name=person.name, sex=person.sex,
                     birth_date=person.birth_date, nation=person.nation,
                     household_region=person.household_region,
                     local_household=person.local_household,
                     nonlocal_entitled=person.nonlocal_entitled,
                     guardian_id_number=person.guardian_id_number,
                     social_security_no=new_id, phone=person.phone))
        s.flush()  # the new person row first: the cards point at it
        # the cards follow the person: the replacement of the card in use is asked for
        # under the new number (the chip keeps the old one until the new card is made)
        for card in s.scalars(select(Card).where(Card.id_number == person.id_number)):
            card.id_number = new_id
            card.updated_at = utcnow()
    return new_card, new_id


# -- routes ---------------------------------------------------------------------------------------

def _bounds(s: Session) -> dict[str, ContributionBound]:
    return {b.kind: b for b in s.scalars(select(ContributionBound))}


def employer_out(s: Session, e: Employer) -> EmployerOut:
    st = s.get(EmployerStatus, e.employer_no)
    return EmployerOut(employer_no=e.employer_no, name_zh=e.name_zh, credit_code=e.credit_code,
                       status="CANCELLED" if st and st.status == "CANCELLED" else "ACTIVE",
                       district=st.district if st else "330200",
                       insurances=list(st.insurances) if st else ["PENSION", "UNEMPLOYMENT", "WORK_INJURY"])


def _find_employer(s: Session, credit_code: str) -> Employer:
    if not credit_code_valid(credit_code):
        raise Refusal(422, "CREDIT_CODE_INVALID", "统一社会信用代码格式或校验位不正确。")
    e = s.scalars(select(Employer).where(Employer.credit_code == credit_code)).first()
    if e is None:
        raise Refusal(404, "EMPLOYER_NOT_FOUND",
                      "中心系统中没有该统一社会信用代码的参保单位：单位须先到社保经办机构办理单位参保登记。")
    return e


def _contributing(s: Session, id_number: str, today: dt.date) -> dict[str, str]:
    """Insurance types the person pays now (a paid month in the last three), with the employer."""
    months = {f"{(today.year * 12 + today.month - 1 - k) // 12}{(today.month - 1 - k) % 12 + 1:02d}"
              for k in range(4)}
    out: dict[str, str] = {}
    for r in s.scalars(select(Contribution).where(Contribution.id_number == id_number,
                                                  Contribution.year_month.in_(months))):
        if r.paid:
            out[r.insurance] = r.employer_no
    for reg in s.scalars(select(Registration).where(Registration.id_number == id_number,
                                                     Registration.active.is_(True))):
        for ins in reg.insurances:
            out.setdefault(ins, reg.employer_no or "FLEXIBLE")
    return out


def _yuan(fen: int) -> str:
    return f"{fen / 100:,.2f}"


def add_routes(v1: APIRouter, db: Any, mutate: Callable[..., JSONResponse],
               get_branch: Callable[[Session, str], Any]) -> None:
    @v1.get("/employers/{credit_code}", response_model=EmployerOut, tags=["registration"])
    def get_employer(credit_code: CreditCode) -> EmployerOut:
        """An employer known to the central, by its unified social credit code."""
        with db.read() as s:
            return employer_out(s, _find_employer(s, credit_code))

    @v1.get("/contribution-bounds", response_model=BoundsOut, tags=["registration"])
    def contribution_bounds() -> BoundsOut:
        """This year's monthly contribution base bounds and insurance types per kind."""
        with db.read() as s:
            return BoundsOut(kinds=[
                BoundsKindOut.model_validate({
                    "kind": b.kind, "year": b.year, "min_base_fen": b.min_base_fen,
                    "max_base_fen": b.max_base_fen, "insurances": list(b.insurances)})
                for b in sorted(_bounds(s).values(), key=lambda b: b.kind)])

    @v1.post("/persons/{id_number}/registrations", response_model=RegistrationOut,
             tags=["registration"])
    def register(id_number: Annotated[str, Path(max_length=18)], body: RegistrationIn,
                 request: Request, idempotency_key: IdemKey = None,
                 x_client_id: ClientId = None) -> JSONResponse:
        """Register a person as an employee of a known employer or as a flexible worker."""
        def handler(s: Session) -> tuple[int, dict[str, Any], str]:
            get_branch(s, body.branch_code)
            if not _id_valid(id_number):
                raise Refusal(422, "ID_NUMBER_INVALID", "身份证号码不正确。")
            bound = _bounds(s).get(body.kind)
            if bound is None:
                raise Refusal(503, "BOUNDS_NOT_CONFIGURED", "中心系统未配置本年度缴费基数上下限，请稍后再办理。")
            employer = None
            allowed = list(bound.insurances)
            if body.kind == "EMPLOYEE":
                if not body.credit_code:
                    raise Refusal(422, "CREDIT_CODE_REQUIRED", "职工参保须录入单位的统一社会信用代码。")
                employer = _find_employer(s, body.credit_code)
                e_out = employer_out(s, employer)
                if e_out.status == "CANCELLED":
                    raise Refusal(409, "EMPLOYER_CANCELLED",
                                  f"{employer.name_zh}已注销社会保险登记，不能为其职工办理参保。")
                allowed = [i for i in allowed if i in e_out.insurances]
            elif body.credit_code:
                raise Refusal(422, "CREDIT_CODE_NOT_ALLOWED", "灵活就业人员参保不填写单位。")
            extra = [i for i in body.insurances if i not in allowed]
            if extra:
                names = "、".join(INSURANCE_ZH[i] for i in allowed)
                raise Refusal(422, "INSURANCE_NOT_ALLOWED",
                              f"{'灵活就业人员' if body.kind == 'FLEXIBLE' else '该单位职工'}只能参加：{names}。",
                              {"allowed": allowed, "refused": extra})
            if not bound.min_base_fen <= body.base_fen <= bound.max_base_fen:
                raise Refusal(422, "BASE_OUT_OF_RANGE",
                              f"缴费基数超出{bound.year}年度范围：应在{_yuan(bound.min_base_fen)}元至"
                              f"{_yuan(bound.max_base_fen)}元之间（含）。",
                              {"min_base_fen": bound.min_base_fen, "max_base_fen": bound.max_base_fen,
                               "year": bound.year})
            person = s.get(Person, id_number, with_for_update=True)
            created = person is None
            if person is None:
                if not body.name.strip():
                    raise Refusal(422, "NAME_REQUIRED", "中心系统尚无该人员记录，请按身份证录入姓名。")
                birth = dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
                person = Person(id_number=id_number, name=body.name.strip(),
                                sex="1" if int(id_number[16]) % 2 else "2", birth_date=birth,
                                household_region=id_number[:6],
                                local_household=id_number.startswith("3302"),
                                social_security_no=id_number, phone=body.phone or None)
                s.add(person)
            now = utcnow()
            paying = _contributing(s, id_number, now.date())
            already = [i for i in body.insurances if i in paying]
            if already:
                names = "、".join(INSURANCE_ZH[i] for i in already)
                raise Refusal(409, "ALREADY_REGISTERED",
                              f"该人员已在参保缴费：{names}。如更换单位，须由原单位先办理减员。",
                              {"insurances": already})
            reg_id = "REG-" + secrets.token_hex(6).upper()
            s.add(Registration(registration_id=reg_id, id_number=id_number, kind=body.kind,
                               employer_no=employer.employer_no if employer else None,
                               insurances=list(body.insurances), base_fen=body.base_fen,
                               start_month=body.start_month, branch_code=body.branch_code,
                               created_at=now))
            s.add(GenericOperation(operation_id=reg_id, kind="REGISTRATION",
                                   branch_code=body.branch_code, subject_ref=id_number,
                                   payload={"kind": body.kind, "insurances": list(body.insurances)},
                                   received_at=now))
            out = RegistrationOut(
                registration_id=reg_id, id_number=id_number, kind=body.kind,
                employer_name=employer.name_zh if employer else None,
                employer_credit_code=employer.credit_code if employer else None,
                insurances=list(body.insurances), base_fen=body.base_fen,
                start_month=body.start_month, registered_at=now, person_created=created)
            return 200, out.model_dump(mode="json"), reg_id

        return mutate(request, idempotency_key, x_client_id, body, "REGISTRATION", handler)
