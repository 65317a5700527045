"""The guided tour's query scenarios (registered in ``counter_app.ui.tour.SCENARIOS``).

At the ICBC instant branch: 李明's ID card read, his status, months (an older page fetched),
cards and applications, the summary previewed and saved; 罗军's whole history with its gap;
张伟 without a card; 高洁's card waiting for activation; and a query with the line down.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.i18n import tr
from counter_app.ui.queries.page import QueriesPage, ResultView
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import open_page
from counter_app.workflows.queries import Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"
LUO_JUN = "330282198903145672"
ZHANG_WEI = "330205199003011232"
GAO_JIE = "330203199409094565"


def _open(run: TourRun) -> QueriesPage:
    return open_page(run, "queries", QueriesPage, Step.IDENTIFY)


def _result(page: QueriesPage) -> ResultView:
    view = page.view(Step.RESULT)
    assert isinstance(view, ResultView)
    return view


def _type_and_query(run: TourRun, page: QueriesPage, id_number: str, *,
                    expect: Step | None = Step.RESULT) -> None:
    if page.wf is not None and page.wf.step is Step.RESULT:
        _act(run, page, tr("查询下一位"), page.new_query, Step.IDENTIFY)
    identify = page.view(Step.IDENTIFY)
    identify.id_number.setText(id_number)
    _act(run, page, tr("查询"), page.go_next, expect)


def _tab(run: TourRun, page: QueriesPage, index: int, name: str) -> None:
    view = _result(page)
    view.tabs.setCurrentIndex(index)
    run.shot(name)


def play_queries(run: TourRun) -> None:
    page = _open(run)
    run.shot("identify")
    run.services.id_reader.place(_demo_card(LI_MING))
    identify = page.view(Step.IDENTIFY)
    _act(run, page, tr("读取身份证"), identify.read_id)
    run.shot("id-card-read")
    _act(run, page, tr("查询"), page.go_next, Step.RESULT)
    _tab(run, page, 0, "status")
    _tab(run, page, 1, "months-first-page")
    _act(run, page, tr("查询更早记录"), page.more_months)
    view = _result(page)
    view.months.scrollToBottom()
    run.shot("months-older-page")
    _tab(run, page, 2, "cards")
    _tab(run, page, 3, "applications")
    _act(run, page, tr("预览查询结果"), partial(page.document_action, "preview"))
    dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
    assert dialog is not None, "the preview did not open"
    dialog.resize(760, 1000)
    run.shot("preview", dialog)
    dialog.close()
    _save(run, page, "li-ming-summary")

    _type_and_query(run, page, LUO_JUN)
    while page.wf is not None and page.wf.has_more:
        _act(run, page, tr("查询更早记录"), page.more_months)
    view = _result(page)
    cells = [view.months.item(r, 0) for r in range(view.months.rowCount())]
    gap = next(c for c in cells if c is not None and c.text() == tr("断缴"))
    view.months.scrollToItem(gap)
    run.shot("gap-whole-history")
    _save(run, page, "luo-jun-summary-gap")

    _type_and_query(run, page, ZHANG_WEI)
    _tab(run, page, 2, "no-card")
    _save(run, page, "zhang-wei-summary-no-card")

    _type_and_query(run, page, GAO_JIE)
    _tab(run, page, 3, "application-waiting-activation")


def play_queries_line_down(run: TourRun) -> None:
    page = _open(run)
    run.central.line_down()
    try:
        _type_and_query(run, page, LI_MING, expect=Step.IDENTIFY)
        run.shot("line-down-refused")
    finally:
        run.central.line_up()
    _act(run, page, tr("线路恢复后再次查询"), page.go_next, Step.RESULT)
    run.shot("line-back-result")


def _save(run: TourRun, page: QueriesPage, name: str) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, tr("另存为PDF（查询结果）"), partial(page.save_document, path))
    run.pdfs.append(path)


def _demo_card(id_number: str) -> Any:
    from counter_app.devices.idcard import DEMO_ID_CARDS

    return DEMO_ID_CARDS[id_number]
