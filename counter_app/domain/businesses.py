"""What each counter business needs from the central: the one declaration.

A catalogue business (a tile of the teller's menu) is made of pieces of work; each piece of
work declares once whether it must talk to the central while it is done (``NOW``: it cannot
be done while the line is down) or may be queued in the outbox and uploaded later
(``DEFERRABLE``). A business needs the central now when every piece of its work does; one
that has some deferrable work can be opened offline, and its other work is refused then.

The staleness check (``central.sync.check_new_work``) and the menu
(``workflows.catalog``) both read this module; nothing else says it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from counter_app.domain.texts import QT_TR_NOOP


class CentralNeed(enum.Enum):
    NOW = "now"  # must talk to the central during the work: refused while offline
    DEFERRABLE = "deferrable"  # queued in the outbox, shown as pending until uploaded


NOW = CentralNeed.NOW
DEFERRABLE = CentralNeed.DEFERRABLE

# The catalogue businesses, in menu order (workflows.catalog gives their titles and notes).
BUSINESS_KEYS: tuple[str, ...] = (
    "application",
    "instant_issue",
    "blank_stock",
    "central_production",
    "handout",
    "loss",
    "replacement",
    "card_services",
    "certificates",
    "queries",
    "insurance_registration",
    "personal_data_change",
)


@dataclass(frozen=True)
class Work:
    key: str  # what check_new_work is asked about; never the same as a business key
    business: str | None  # the catalogue business it belongs to; None: not a menu business
    need: CentralNeed
    title_zh: str
    #: done inside the teller's open work session (柜员会话): a business that moves cards,
    #: fees or the person's records is tied to the session reconciled at day end; what only
    #: reads (queries, checking a certificate) is not
    session: bool = True


WORK: tuple[Work, ...] = (
    Work("application_factory", "application", DEFERRABLE, QT_TR_NOOP("社保卡申领（集中制卡）")),
    # the application goes on offline without it (the central re-checks on upload)
    Work("eligibility_check", "application", NOW, QT_TR_NOOP("申领资格核验")),
    # personalisation data comes from the central
    Work("instant_issuance", "instant_issue", NOW, QT_TR_NOOP("即时制卡")),
    # local only (the branch's safe and drawers): never waits for the central
    Work("blank_stock_keeping", "blank_stock", DEFERRABLE, QT_TR_NOOP("空白卡入库、领用、废卡与盘点")),
    Work("batch_receive", "central_production", DEFERRABLE, QT_TR_NOOP("批次签收")),
    # the central holds the data and photo: a re-submitted production may wait in the outbox
    Work("production_resubmit", "central_production", DEFERRABLE, QT_TR_NOOP("制卡失败重新制卡")),
    # final, and frees the person for a new application: the central must take it now
    Work("production_cancel", "central_production", NOW, QT_TR_NOOP("制卡失败撤销申领")),
    # the cards leave the drawer either way; the central learns it under the same keys
    Work("card_sealing", "central_production", DEFERRABLE, QT_TR_NOOP("超期卡片封存")),
    Work("card_handout", "handout", DEFERRABLE, QT_TR_NOOP("领卡")),
    # the central confirms the card's activation while the holder waits (docs/central-production.md)
    Work("activation", "handout", NOW, QT_TR_NOOP("启用")),
    Work("formal_loss", "loss", DEFERRABLE, QT_TR_NOOP("正式挂失")),
    # only valid until a replacement was applied for: the central must say so now
    Work("deloss", "loss", NOW, QT_TR_NOOP("解挂")),
    # it cancels the old card number at the central, and only the central knows whether the
    # card was already replaced: refused offline (docs/card-lifecycle.md)
    Work("replacement_factory", "replacement", NOW, QT_TR_NOOP("补换卡（集中制卡）")),
    Work("replacement_instant", "replacement", NOW, QT_TR_NOOP("补换卡（即时制卡）")),
    # needs the central's authorisation
    Work("pin_reset", "card_services", NOW, QT_TR_NOOP("密码重置解锁")),
    Work("data_change", "card_services", DEFERRABLE, QT_TR_NOOP("信息变更")),
    # the authorisation code and QR code come from the central
    Work("certificate_print", "certificates", NOW, QT_TR_NOOP("参保证明打印")),
    Work("certificate_verify", "certificates", NOW, QT_TR_NOOP("参保证明核验"), session=False),
    Work("card_status_query", "queries", NOW, QT_TR_NOOP("卡片状态查询"), session=False),
    Work("contribution_query", "queries", NOW, QT_TR_NOOP("缴费记录查询"), session=False),
    # the employer, its insurance types and the base bounds are the central's: asked now
    Work("employee_registration", "insurance_registration", NOW, QT_TR_NOOP("职工参保登记（单位职工）")),
    # queued only with this year's bounds already answered by the central (docs/registration.md)
    Work("flexible_employment_registration", "insurance_registration", DEFERRABLE, QT_TR_NOOP("灵活就业参保登记")),
    Work("data_change_contact", "personal_data_change", DEFERRABLE,
         QT_TR_NOOP("联系电话、地址、学历、婚姻状况变更")),
    # they change entitlements (retirement age, years insured): the person leaves knowing
    Work("data_change_records", "personal_data_change", NOW, QT_TR_NOOP("参加工作时间、出生日期变更")),
    # a new name or ID number means a new card: the central must take it before the hand-over
    Work("data_change_identity", "personal_data_change", NOW, QT_TR_NOOP("姓名、身份证号码、性别变更")),
    Work("audit_head", None, DEFERRABLE, QT_TR_NOOP("审计链上报"), session=False),
)

_WORK_BY_KEY: dict[str, Work] = {w.key: w for w in WORK}


def work_of(business: str) -> tuple[Work, ...]:
    return tuple(w for w in WORK if w.business == business)


def business_need(business: str) -> CentralNeed:
    """NOW when every piece of the business's work needs the central (or it has none)."""
    work = work_of(business)
    if work and any(w.need is DEFERRABLE for w in work):
        return DEFERRABLE
    return NOW


def central_need(key: str) -> CentralNeed:
    """The need of a piece of work or of a catalogue business.

    Unknown keys count as needing the central (the safe side).
    """
    work = _WORK_BY_KEY.get(key)
    if work is not None:
        return work.need
    return business_need(key)  # NOW for a key that is not a business either


def work_needing_central(business: str) -> tuple[Work, ...]:
    """The work of a business that is refused while the line is down, in declared order."""
    return tuple(w for w in work_of(business) if w.need is NOW)


def needs_session(key: str | None) -> bool:
    """Whether a piece of work (or a business: any of its work) must be done inside an open
    work session. Unknown keys and None (a business asking without naming its work) need
    one (the safe side)."""
    if key is None:
        return True
    work = _WORK_BY_KEY.get(key)
    if work is not None:
        return work.session
    return any(w.session for w in work_of(key)) or not work_of(key)
