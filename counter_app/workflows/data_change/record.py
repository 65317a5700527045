"""Personal data change's typed record: who, what changes, the proof seen, the outcome.

Each field has a proof level (the central enforces the same): none for contact data, the
records named for the work-start and birth dates, the ID card read plus a police or court
paper for name, ID number and sex.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from counter_app.domain.texts import QT_TR_NOOP
from counter_app.workflows.application_rules import NATIONS
from counter_app.workflows.identity_step import Identity

SCHEMA_VERSION = 1


class Step(enum.StrEnum):
    IDENTIFY = "identify"
    CHANGES = "changes"
    PROOF = "proof"
    CONFIRM = "confirm"
    DONE = "done"


class Level(enum.IntEnum):
    NONE = 0  # phone, address, education, marital status
    RECORDS = 1  # work-start date, birth date: the records named were seen
    PAPERS = 2  # name, ID number, sex, nation: ID card read + police or court paper


@dataclass(frozen=True)
class FieldDef:
    key: str
    title_zh: str
    level: Level
    records: tuple[str, ...] = ()  # the records the teller must have seen (RECORDS)
    options: tuple[str, ...] = ()  # a closed list (education, marital status, sex)


# the central's values (sent as chosen): the combo shows them as they are
EDUCATION = ("博士研究生", "硕士研究生", "大学本科", "大学专科", "中等专科", "技工学校", "高中",  # i18n: data
             "初中", "小学", "其他")
MARITAL = ("未婚", "已婚", "丧偶", "离婚")  # i18n: data
SEX_ZH = {"1": QT_TR_NOOP("男"), "2": QT_TR_NOOP("女")}
# GB/T 3304 code → name, in the code's order (01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士)
NATION_NAMES: dict[str, str] = {
    (f"{i + 1:02d}" if i < 56 else str(41 + i)): name for i, name in enumerate(NATIONS)}

FIELDS: tuple[FieldDef, ...] = (
    FieldDef("phone", QT_TR_NOOP("联系电话"), Level.NONE),
    FieldDef("address", QT_TR_NOOP("常住地址"), Level.NONE),
    FieldDef("education", QT_TR_NOOP("学历"), Level.NONE, options=EDUCATION),
    FieldDef("marital_status", QT_TR_NOOP("婚姻状况"), Level.NONE, options=MARITAL),
    FieldDef("work_start_date", QT_TR_NOOP("参加工作时间"), Level.RECORDS,
             records=(QT_TR_NOOP("本人人事档案中的招工（录用）审批表"),
                      QT_TR_NOOP("参加工作时的劳动合同或工资发放原始记录"))),
    FieldDef("birth_date", QT_TR_NOOP("出生日期"), Level.RECORDS,
             records=(QT_TR_NOOP("本人人事档案中最早记载出生日期的原始材料"),
                      QT_TR_NOOP("本人户口簿"))),
    FieldDef("name", QT_TR_NOOP("姓名"), Level.PAPERS),
    FieldDef("id_number", QT_TR_NOOP("公民身份号码"), Level.PAPERS),
    FieldDef("sex", QT_TR_NOOP("性别"), Level.PAPERS, options=("1", "2")),
    # 民族成份 changes on the public security bureau's paper; sent as its GB/T 3304 code
    FieldDef("nation", QT_TR_NOOP("民族"), Level.PAPERS, options=tuple(NATION_NAMES)),
)
FIELD_BY_KEY = {f.key: f for f in FIELDS}
# What a data change does to the card (EF06 carries name, sex, nation, birth date and the ID
# number). Rewritten on the chip with the card kept (信息变更写卡, F6): the nation only. The
# name and the ID number are printed on the face too: a new card (new_card_required). The
# sex and birth date on the chip are those the ID number encodes (GB 11643; the chip refuses
# others): a change of the insurance record alone leaves the chip as it is, and a sex change
# comes with a new ID number, hence a new card.
CHIP_FIELDS = frozenset({"nation"})
PAPER_KINDS = {"POLICE": QT_TR_NOOP("公安机关出具的户籍（身份信息）变更证明"),
               "COURT": QT_TR_NOOP("人民法院判决书或裁定书")}


@dataclass(frozen=True)
class Change:
    field: str
    value: str  # as the central takes it: ISO dates, sex "1"/"2"


@dataclass(frozen=True)
class Outcome:
    op_id: str
    status: str  # done | pending
    message: str
    at: str
    receipt_no: str
    fields: tuple[str, ...] = ()
    new_card_required: bool = False
    new_id_number: str = ""


@dataclass(frozen=True)
class DataChangeRecord:
    draft_id: str
    teller: str
    started_at: str
    identity: Identity = field(default_factory=Identity)
    current_name: str = ""  # as the central knows the person ("" with the line down)
    current_sex: str = ""
    current_birth: str = ""
    line_down: bool = False  # the person could not be looked up: contact changes only
    changes: tuple[Change, ...] = ()
    records_seen: tuple[str, ...] = ()  # names of the records the teller confirmed
    paper_kind: str = ""  # POLICE | COURT
    paper_no: str = ""
    op_id: str = ""
    outcome: Outcome | None = None
