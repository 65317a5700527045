"""The counter businesses, in the order the teller's menu shows them.

Which appear depends on the branch profile (instant-issue or not); which are open depends
on what has been built. A business that is not built yet is shown disabled with a note,
never hidden, so tellers and supervisors see what the system will offer.

What a business needs from the central is declared in ``domain.businesses`` (read here and
by the staleness check), not in this menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from counter_app.domain.businesses import CentralNeed, business_need, work_needing_central
from counter_app.domain.texts import QT_TR_NOOP


@dataclass(frozen=True)
class Business:
    key: str
    title_zh: str
    summary_zh: str
    built: bool = False
    only_instant: bool | None = None  # True: instant-issue branches only; False: non-instant only
    not_built_note_zh: str = QT_TR_NOOP("本业务正在建设中，将在后续版本开放。")

    @property
    def needs_central_now(self) -> bool:
        """True: refused while the line is down; False: can be opened offline (queued)."""
        return business_need(self.key) is CentralNeed.NOW

    @property
    def online_only_zh(self) -> tuple[str, ...]:
        """Titles of this business's work that is refused while the line is down."""
        return tuple(w.title_zh for w in work_needing_central(self.key))


BUSINESSES: tuple[Business, ...] = (
    Business("application", QT_TR_NOOP("社保卡申领"),
             QT_TR_NOOP("采集申请人信息与照片，提交申领并打印登记表和回执"),
             built=True),
    Business("instant_issue", QT_TR_NOOP("即时制卡"),
             QT_TR_NOOP("从空白卡库存制卡：写芯片、印卡面、检测、启用、设密码"),
             built=True, only_instant=True),
    # shown at every branch: at a non-instant one its page says why there is no stock
    Business("blank_stock", QT_TR_NOOP("空白卡库存"),
             QT_TR_NOOP("空白卡入库（读卡或按供应商清单核对）、柜员领用与交回、废卡登记、盘点对账"),
             built=True),
    Business("central_production", QT_TR_NOOP("集中制卡"),
             QT_TR_NOOP("跟踪制卡进度（含EMS）、批次逐张读卡签收、在柜卡片保管与未领卡清单"),
             built=True, only_instant=False),
    Business("handout", QT_TR_NOOP("领卡启用"),
             QT_TR_NOOP("核验身份（监护人、单位代领）、读卡核对、启用社保卡并由持卡人设置密码"),
             built=True),
    Business("loss", QT_TR_NOOP("挂失 / 解挂"),
             QT_TR_NOOP("正式挂失（含临时挂失转正式挂失）与解除挂失（解挂仅限本行发行的卡）"),
             built=True),
    Business("replacement", QT_TR_NOOP("补卡 / 换卡"),
             QT_TR_NOOP("遗失补卡、损坏换卡、同号换卡（仅限本行发行的卡）"),
             built=True),
    Business("card_services", QT_TR_NOOP("密码及卡片服务"),
             QT_TR_NOOP("读卡、修改密码、密码重置解锁、信息变更写卡"),
             built=True),
    Business("certificates", QT_TR_NOOP("参保证明打印"),
             QT_TR_NOOP("打印由中心出具的个人参保证明（带授权码与二维码），核验证明真伪"),
             built=True),
    Business("queries", QT_TR_NOOP("社保信息查询"),
             QT_TR_NOOP("查询参保信息、缴费记录、卡片状态与制卡进度，可打印查询结果"),
             built=True),
    Business("insurance_registration", QT_TR_NOOP("职工参保登记"),
             QT_TR_NOOP("个人以单位职工（按统一社会信用代码查询单位）或灵活就业人员身份参保，缴费基数在中心核定范围内"),
             built=True),
    Business("personal_data_change", QT_TR_NOOP("参保信息变更"),
             QT_TR_NOOP("变更联系电话、地址、学历、婚姻状况；参加工作时间、出生日期凭档案；姓名、身份证号码、性别凭证明"),
             built=True),
)


def businesses_for(instant_issue: bool) -> list[Business]:
    """The menu of a branch: instant issuance or central production, never both."""
    return [b for b in BUSINESSES if b.only_instant is None or b.only_instant == instant_issue]
