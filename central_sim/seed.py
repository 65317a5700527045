"""The seeded demo population. This module IS the list of people the central knows.

Deterministic: the same database content on every start. The two people in
docs/CONVENTIONS.md (李明 with card NB0000016 at ICBC, the minor 王小雨 with guardian 李明)
are shared with the card emulator and must not change.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from central_sim import states as S
from central_sim.db import (
    Application,
    Bank,
    Batch,
    Branch,
    BranchConfig,
    Card,
    Contribution,
    Employer,
    Notice,
    Person,
    beijing_today,
    ten_years_on,
)
from central_sim.people import seed_people

BANKS: list[tuple[str, str]] = [
    ("ICBC", "中国工商银行"),
    ("CCB", "中国建设银行"),
    ("BOC", "中国银行"),
    ("ABC", "中国农业银行"),
    ("ZJRCU", "浙江省农村信用社联合社"),
    ("PSBC", "中国邮政储蓄银行"),
    ("NBCB", "宁波银行"),
]
BANK_NAMES = dict(BANKS)

# Ningbo districts (Haishu, Jiangbei, Beilun, Zhenhai, Yinzhou, Fenghua, Yuyao, Cixi, Ninghai, Xiangshan)
DISTRICTS = [
    "330203", "330205", "330206", "330211", "330212",
    "330213", "330281", "330282", "330226", "330225",
]
TOTAL_BRANCHES = 916
INSTANT_BRANCHES = 333

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CARD_NO_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def id_with_check(body17: str) -> str:
    total = sum(int(d) * w for d, w in zip(body17, ID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def card_no_with_check(body8: str) -> str:
    total = sum(int(c, 36) * w for c, w in zip(body8, CARD_NO_WEIGHTS, strict=True))
    c = 11 - total % 11
    return body8 + {10: "X", 11: "0"}.get(c, str(c))


def card_id_code(card_no: str) -> str:
    # region, RID D156000005, 16 hex characters (the format domain.card checks)
    return "330200D156000005" + hashlib.sha256(card_no.encode()).hexdigest()[:16].upper()


def branch_code(bank: str, n: int) -> str:
    """The n-th branch (1-based) of a bank: ICBC-NB-0101, ICBC-NB-0102, ..."""
    return f"{bank}-NB-{100 + n:04d}"


# names of the branches the demo profiles use (resources/profiles)
BRANCH_NAMES = {"ICBC-NB-0101": "工商银行宁波鼓楼支行", "CCB-NB-0230": "建设银行宁波江北支行"}


# The demo branch the counter app uses by default (an ICBC instant-issue branch in Haishu).
DEMO_BRANCH = "ICBC-NB-0101"
DEMO_NONINSTANT_BRANCH = "ICBC-NB-0102"


@dataclass(frozen=True)
class DemoPerson:
    id_number: str
    name: str
    situation: str
    guardian: str | None = None
    local: bool = True
    entitled: bool = False


LI_MING = "330203198506122017"
WANG_XIAOYU = "330206201503091028"

# fmt: off
DEMO_PEOPLE: list[DemoPerson] = [
    DemoPerson(LI_MING, "李明", "active card NB0000016 at ICBC"),
    DemoPerson(WANG_XIAOYU, "王小雨", "minor, no card, guardian 李明", guardian=LI_MING),
    DemoPerson(id_with_check("33020519900301123"), "张伟", "adult, no card yet"),
    DemoPerson(id_with_check("33021119880715234"), "陈静", "social function pre-lost (12333)"),
    DemoPerson(id_with_check("33021219791120345"), "刘洋", "card formally lost, both functions"),
    DemoPerson(id_with_check("33020319920208456"), "赵敏", "card damaged, still active"),
    DemoPerson(id_with_check("33028119750630567"), "孙强", "old card cancelled, replacement active"),
    DemoPerson(id_with_check("33028219950512678"), "周芳", "card in central production"),
    DemoPerson(id_with_check("42010619930405789"), "吴磊", "non-local, entitled, no card",
               local=False, entitled=True),
    DemoPerson(id_with_check("51010419960918890"), "郑丽", "non-local, NOT entitled",
               local=False, entitled=False),
    DemoPerson(id_with_check("33020319870228901"), "冯涛", "card in a batch shipped to ICBC-NB-0102"),
    DemoPerson(id_with_check("33021219830817012"), "黄梅", "card sent by EMS"),
    DemoPerson(id_with_check("33020519911103123"), "何晨", "financial function PIN-locked"),
    DemoPerson(id_with_check("33021120180622234"), "林小宝", "minor, no card, guardian 陈静",
               guardian=id_with_check("33021119880715234")),
    DemoPerson(id_with_check("33022619800101345"), "马超", "card sealed (uncollected)"),
    DemoPerson(id_with_check("33020319940909456"), "高洁", "card collected, not activated"),
    DemoPerson(id_with_check("33028219890314567"), "罗军", "central production failed"),
]
# fmt: on

# 罗军 has six months without any contribution record (certificates print the gap)
CONTRIBUTION_GAP_PERSON = id_with_check("33028219890314567")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红"
GENERATED_PEOPLE = 3000  # plain adults for load tests and benchmarks: no card, local


def generated_id(i: int) -> str:
    """The i-th generated adult (0-based): born 1960..1999, local district."""
    district = DISTRICTS[i % len(DISTRICTS)]
    birth = dt.date(1960, 1, 1) + dt.timedelta(days=(i * 97) % 14600)
    seq = 100 + (i // 40) % 900
    return id_with_check(f"{district}{birth:%Y%m%d}{seq:03d}")


def _sex(id_number: str) -> str:
    return "1" if int(id_number[16]) % 2 == 1 else "2"


def _birth(id_number: str) -> dt.date:
    return dt.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))


def seed(session: Session, branches_total: int = TOTAL_BRANCHES) -> None:
    """Seed the demo population. ``branches_total`` above 916 adds further non-instant
    outlets (the city benchmark's 1,485); the first 916 are always the same."""
    if branches_total < TOTAL_BRANCHES:
        raise ValueError(f"at least {TOTAL_BRANCHES} branches (the demo branches are among them)")
    rng = random.Random(330200)
    session.add_all(Bank(code=c, name_zh=n) for c, n in BANKS)
    session.flush()
    # 916 branch points: 333 instant-issue, 583 non-instant, spread over the 7 banks.
    branches = []
    for i in range(branches_total):
        bank = BANKS[i % len(BANKS)][0]
        n = i // len(BANKS) + 1
        code = branch_code(bank, n)
        # the demo non-instant branch (index 7) gives its instant slot to index 333
        instant = code != DEMO_NONINSTANT_BRANCH and i <= INSTANT_BRANCHES
        district = DISTRICTS[i % len(DISTRICTS)]
        branches.append(
            Branch(
                code=code,
                bank_code=bank,
                name_zh=BRANCH_NAMES.get(code, f"{BANK_NAMES[bank]}宁波第{n}网点"),
                district=district,
                instant_issue=instant,
                weekend_open=instant and (i % 10 != 0),
                same_number_exchange=instant and i < 384,
            )
        )
    session.add_all(branches)
    session.flush()
    session.add_all(BranchConfig(branch_code=b.code) for b in branches)

    employers = [
        Employer(employer_no=f"E{n:07d}", name_zh=name, credit_code=f"91330200{n:09d}X"[:18])
        for n, name in enumerate(
            ["宁波港口物流有限公司", "宁波甬江电器有限公司", "宁波海曙商贸有限公司",
             "宁波北仑模具厂", "宁波慈溪家电有限公司"], start=1)
    ]
    session.add_all(employers)

    today = beijing_today()
    people: list[Person] = []
    for p in DEMO_PEOPLE:
        people.append(_person(p.id_number, p.name, p.local, p.entitled, p.guardian, rng))
    for i in range(GENERATED_PEOPLE):
        idn = generated_id(i)
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)] + GIVEN[(i * 13) % len(GIVEN)]
        people.append(_person(idn, name, True, False, None, rng))
    session.add_all(people)
    session.flush()

    ids = {p.name: p.id_number for p in DEMO_PEOPLE}

    def card(no: str, who: str, bank: str, state: str, **kw: object) -> Card:
        issued = kw.pop("issued_on", dt.date(2021, 5, 10))
        c = Card(
            card_no=no, id_number=ids[who], card_id_code=card_id_code(no), bank_code=bank,
            bank_account_no=_account(no), issued_on=issued,
            expires_on=ten_years_on(issued) if issued else None,  # type: ignore[arg-type]
            card_state=state, **kw,
        )
        session.add(c)
        return c

    card("NB0000016", "李明", "ICBC", S.ACTIVE, issued_on=dt.date(2024, 3, 1))
    session.get(Card, "NB0000016").card_id_code = "330200D1560000050A1B2C3D4E5F6071"  # type: ignore[union-attr]
    card(card_no_with_check("NB000002"), "陈静", "CCB", S.ACTIVE, social_state=S.TEMP_LOST,
         temp_loss_until=dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=7))
    card(card_no_with_check("NB000003"), "刘洋", "BOC", S.ACTIVE, social_state=S.LOST,
         financial_state=S.LOST)
    card(card_no_with_check("NB000004"), "赵敏", "ABC", S.ACTIVE, damaged=True)
    old = card(card_no_with_check("NB000005"), "孙强", "PSBC", S.CANCELLED, social_state=S.LOST,
               financial_state=S.LOST, issued_on=dt.date(2015, 3, 1))
    old.replaced_by_application = "APP-SEED-0005"
    card(card_no_with_check("NB000006"), "孙强", "PSBC", S.ACTIVE, issued_on=dt.date(2023, 9, 1),
         application_id="APP-SEED-0005")
    session.add(_app("APP-SEED-0005", ids["孙强"], "PSBC", "PSBC-NB-0101", "REPLACEMENT_LOST",
                     S.ACTIVATED, card_no=card_no_with_check("NB000006"),
                     old_card_no=card_no_with_check("NB000005")))
    card(card_no_with_check("NB000007"), "何晨", "ICBC", S.ACTIVE, financial_state=S.LOCKED)
    card(card_no_with_check("NB000008"), "马超", "CCB", S.SEALED, issued_on=dt.date(2024, 1, 5))
    card(card_no_with_check("NB000009"), "高洁", "ICBC", S.PENDING, issued_on=dt.date(2026, 1, 5),
         application_id="APP-SEED-0009")
    session.add(_app("APP-SEED-0009", ids["高洁"], "ICBC", DEMO_NONINSTANT_BRANCH, "NEW",
                     S.ISSUED_NOT_ACTIVATED, card_no=card_no_with_check("NB000009")))
    # in production, not yet shipped
    session.add(_app("APP-SEED-0010", ids["周芳"], "NBCB", "NBCB-NB-0102", "NEW", S.IN_PRODUCTION))
    # shipped in a batch to the non-instant demo branch
    card(card_no_with_check("NB000011"), "冯涛", "ICBC", S.PENDING, issued_on=dt.date(2026, 2, 1),
         application_id="APP-SEED-0011")
    session.add(Batch(batch_id="BATCH-SEED-0001", branch_code=DEMO_NONINSTANT_BRANCH,
                      state="SHIPPED"))
    session.add(_app("APP-SEED-0011", ids["冯涛"], "ICBC", DEMO_NONINSTANT_BRANCH, "NEW",
                     S.SHIPPED, card_no=card_no_with_check("NB000011"), batch_id="BATCH-SEED-0001"))
    # EMS to the home
    card(card_no_with_check("NB000012"), "黄梅", "BOC", S.PENDING, issued_on=dt.date(2026, 2, 1),
         application_id="APP-SEED-0012")
    # a shipped batch for the central-production demo branch (CCB-NB-0230)
    demo_idn = generated_id(GENERATED_PEOPLE - 1)
    session.add(Card(card_no=card_no_with_check("NB000013"), id_number=demo_idn,
                     card_id_code=card_id_code(card_no_with_check("NB000013")), bank_code="CCB",
                     bank_account_no=_account(card_no_with_check("NB000013")),
                     issued_on=dt.date(2026, 2, 1), expires_on=dt.date(2036, 2, 1),
                     card_state=S.PENDING, application_id="APP-SEED-0014"))
    session.add(Batch(batch_id="BATCH-SEED-0002", branch_code="CCB-NB-0230", state="SHIPPED"))
    session.add(_app("APP-SEED-0014", demo_idn, "CCB", "CCB-NB-0230", "NEW", S.SHIPPED,
                     card_no=card_no_with_check("NB000013"), batch_id="BATCH-SEED-0002"))
    session.add(_app("APP-SEED-0012", ids["黄梅"], "BOC", "BOC-NB-0102", "NEW", S.SHIPPED,
                     card_no=card_no_with_check("NB000012"), collection="EMS",
                     ems_tracking_no="EA123456789CN"))
    session.add(_app("APP-SEED-0013", ids["罗军"], "CCB", "CCB-NB-0102", "NEW", S.FAILED,
                     failure_reason="照片不合格"))
    session.flush()
    session.add(Notice(kind="PRE_LOSS", bank_code="CCB", branch_code=None,
                       ref=card_no_with_check("NB000002"),
                       data={"card_no": card_no_with_check("NB000002"), "function": "social",
                             "channel": "12333"}))
    session.add(Notice(kind="BATCH_SHIPPED", branch_code=DEMO_NONINSTANT_BRANCH,
                       ref="BATCH-SEED-0001", data={"batch_id": "BATCH-SEED-0001", "count": 1}))
    session.add(Notice(kind="BATCH_SHIPPED", branch_code="CCB-NB-0230",
                       ref="BATCH-SEED-0002", data={"batch_id": "BATCH-SEED-0002", "count": 1}))

    # Contribution histories over years, with employers and insurance types.
    rows = []
    for p in DEMO_PEOPLE:
        birth = _birth(p.id_number)
        if (today - birth).days < 18 * 365 or not (p.local or p.entitled):
            continue
        start_year = max(birth.year + 22, today.year - 6)
        emp_seq = [employers[i % len(employers)] for i in range(rng.randint(1, 3))]
        base = rng.choice([420000, 560000, 690000, 830000])
        y, m = start_year, 1
        months = 0
        while (y, m) <= (today.year, today.month) and months < 96:
            employer = emp_seq[min(months // 30, len(emp_seq) - 1)]
            paid = (y, m) != (today.year, today.month)
            before = (today.year - y) * 12 + today.month - m
            # six months out of work: no record at all
            gap = p.id_number == CONTRIBUTION_GAP_PERSON and 30 <= before <= 35
            rates = () if gap else (("PENSION", 0.08), ("UNEMPLOYMENT", 0.005), ("WORK_INJURY", 0.0))
            for ins, rate in rates:
                rows.append(Contribution(
                    id_number=p.id_number, year_month=f"{y}{m:02d}", employer_no=employer.employer_no,
                    insurance=ins, place="330200", base_fen=base, personal_fen=int(base * rate),
                    paid=paid,
                ))
            months += 1
            m += 1
            if m == 13:
                y, m = y + 1, 1
    session.add_all(rows)
    seed_people(session)  # registration: employers with checked codes, base bounds


def _person(idn: str, name: str, local: bool, entitled: bool, guardian: str | None,
            rng: random.Random) -> Person:
    return Person(
        id_number=idn, name=name, sex=_sex(idn), birth_date=_birth(idn),
        household_region=idn[:6], local_household=local, nonlocal_entitled=entitled,
        guardian_id_number=guardian, social_security_no=idn,
        phone=f"13{rng.randint(100000000, 999999999)}",
    )


def _account(card_no: str) -> str:
    digits = "".join(str(int(c, 36) % 10) for c in card_no)
    return ("622202" + digits + "0000")[:19]


def _app(app_id: str, idn: str, bank: str, branch: str, kind: str, state: str,
         **kw: object) -> Application:
    return Application(
        application_id=app_id, id_number=idn, bank_code=bank, branch_code=branch, kind=kind,
        making_mode=kw.pop("making_mode", "FACTORY"), collection=kw.pop("collection", "BRANCH"),
        photo_sha256="0" * 64, state=state, **kw,
    )
