"""The printed summary of a query, from the typed record (masked, never the whole ID)."""

from __future__ import annotations

import datetime as dt

from counter_app.domain.clock import CHINA_TIME
from counter_app.printing import mask_id_number
from counter_app.printing.models import SEX_LABELS_ZH
from counter_app.printing.summary import SummaryData, SummaryTable, render_summary
from counter_app.workflows.queries.context import QueryContext
from counter_app.workflows.queries.record import QueryRecord
from counter_app.workflows.queries.views import (
    INSURANCE_ZH,
    INSURANCES,
    PLACE_ZH,
    application_lines,
    card_lines,
    gap_months_total,
    insurance_lines,
    month_rows,
    ym_zh,
)

TITLE_ZH = "社会保险信息查询结果（个人）"


def _beijing(iso: str) -> dt.datetime:
    t = dt.datetime.fromisoformat(iso)
    aware = t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
    return aware.astimezone(CHINA_TIME).replace(tzinfo=None)


def summary_data(ctx: QueryContext, record: QueryRecord, reference: str, printing: int,
                 printed_at: dt.datetime) -> SummaryData:
    result = record.result
    assert result is not None
    p = result.person
    person = (
        ("姓名", p.name), ("性别", SEX_LABELS_ZH.get(p.sex, p.sex)),
        ("身份证号码", mask_id_number(record.identity.id_number)),
        ("社会保障号码", mask_id_number(p.social_security_no)),
        ("出生日期", p.birth_date), ("户籍", "本市户籍" if p.local_household else "非本市户籍"),
    )
    insurances = SummaryTable(
        "参保登记与状态", (("险种", 26.0), ("参保状态", 24.0), ("参保单位", 112.0),
                           ("累计缴费月数", 24.0)),
        tuple((i.insurance_zh, i.status_zh, i.employer, f"{i.months_paid}个月")
              for i in insurance_lines(result)), row_h=7.0)
    now = ctx.clock()
    cards = SummaryTable(
        "社会保障卡状态", (("卡号", 26.0), ("发卡银行", 30.0), ("卡片状态", 22.0),
                           ("社保功能", 20.0), ("金融功能", 20.0), ("有效期", 40.0), ("备注", 28.0)),
        tuple((c.card_no, c.bank_zh, c.card_state_zh, c.social_zh, c.financial_zh, c.dates_zh,
               c.note_zh) for c in card_lines(result, now)),
        empty_zh="中心系统中该人员没有社会保障卡记录", row_h=7.0)
    applications = SummaryTable(
        "申领与制卡进度（本行受理）", (("申请编号", 34.0), ("业务", 20.0), ("制卡与领取方式", 34.0),
                                        ("受理日期", 20.0), ("当前状态", 22.0), ("说明", 56.0)),
        tuple((a.application_id, a.kind_zh, a.how_zh, a.applied_on, a.state_zh, a.next_zh)
              for a in application_lines(result)),
        empty_zh="本行没有该人员的申领记录", row_h=8.0)
    rows: list[tuple[str, ...]] = []
    for r in month_rows(result.months):
        if r.gap_months:
            rows.append(("断缴", f"{r.label_zh} 无缴费记录（{r.gap_months}个月）"))
        else:
            rows.append((ym_zh(r.year_month), r.employer_no,
                         *(value for cell in r.cells for value in cell)))
    per = (("缴费基数", 20.0), ("个人缴纳", 18.0), ("状态", 10.0))
    months = SummaryTable(
        "缴费记录（按月，由近及远）", (("年月", 24.0), ("单位编号", 18.0), *(per * 3)),
        tuple(rows), empty_zh="中心系统中该人员没有缴费记录", row_h=5.6,
        groups=(("", 42.0), *((INSURANCE_ZH[i] + "（元）", 48.0) for i in INSURANCES)))
    notes = [
        "本查询结果仅供本人核对信息，不作为参保证明；需要证明的，请办理“参保证明打印”，"
        "证明由中心系统出具并带授权码和二维码。",
        f"以上信息为中心系统于{_beijing(result.queried_at):%Y年%m月%d日 %H:%M}的记录，"
        "以社会保险经办机构最新记录为准；医疗保险参保缴费情况请另行查询。",
    ]
    if result.months:
        ordered = sorted({m.year_month for m in result.months})
        span = f"{ym_zh(ordered[0])}至{ym_zh(ordered[-1])}"
        if result.next_cursor:
            notes.append(f"缴费记录打印了{span}（共{len(ordered)}个有记录的月份）；"
                         "更早的记录未查询，未列入本表。")
        else:
            notes.append(f"缴费记录为全部历史：{span}，共{len(ordered)}个有记录的月份。")
        gaps = gap_months_total(result.months)
        if gaps:
            notes.append(f"期间共有{gaps}个月无任何缴费记录（表中“断缴”行），如有疑问请咨询社保经办机构。")
    places = sorted({PLACE_ZH.get(m.place, m.place) for m in result.months})
    if places:
        notes.append("参保地：" + "、".join(places) + "。“已缴”表示该月费用已足额到账，“未缴”表示应缴未缴或尚未到账。")
    if result.open_application_elsewhere:
        notes.append("该人员在其他合作银行另有办理中的社会保障卡申请，进度请到受理银行查询。")
    return SummaryData(
        title=TITLE_ZH, person=person, tables=(insurances, cards, applications, months),
        notes=tuple(notes), branch=ctx.branch, printed_at=printed_at,
        queried_at=_beijing(result.queried_at), reference=reference,
        marks=("补打",) if printing > 1 else ())


def render_query_summary(ctx: QueryContext, record: QueryRecord, reference: str, printing: int,
                         printed_at: dt.datetime) -> bytes:
    return render_summary(summary_data(ctx, record, reference, printing, printed_at))
