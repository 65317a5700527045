"""The application page driven as a teller would (keyboard first), offscreen, against the real
reference central, with the file camera standing in for the counter camera."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from central_sim.seed import generated_id
from counter_app.devices.photo import FileCameraSource
from counter_app.store.applications import ApplicationStore
from counter_app.ui.application.documents import paint_pdf
from counter_app.ui.application.page import ApplicationPage
from counter_app.workflows.application import ApplicationDesk, Documents, Step
from tests.fixtures.otp import fresh_code
from tests.integration.application.conftest import INSTANT, NON_INSTANT, PORTRAIT, Counter

pytestmark = pytest.mark.central


@pytest.fixture
def make_page(qtbot, store, central):  # type: ignore[no-untyped-def]
    counters: list[Counter] = []
    pages: list[ApplicationPage] = []

    def make(branch=INSTANT) -> ApplicationPage:  # type: ignore[no-untyped-def]
        counter = Counter(store, central.url, branch)
        counters.append(counter)
        page = ApplicationPage(ApplicationDesk(counter.ctx), lambda: FileCameraSource([PORTRAIT]))
        page.counter = counter  # type: ignore[attr-defined]
        qtbot.addWidget(page)
        page.resize(1200, 760)
        page.show()
        page.activateWindow()
        page.open()
        qtbot.waitUntil(lambda: page.wf is not None or page.drafts.list.count() > 0,
                        timeout=10000)
        pages.append(page)
        return page

    yield make
    for page in pages:
        page.close_page()
    for counter in counters:
        counter.client.close()


def idle(qtbot, page: ApplicationPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.busy and page.ops.pending == 0, timeout=15000)


def at(qtbot, page: ApplicationPage, step: Step) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.wf is not None and page.wf.step is step and not page.busy,
                    timeout=15000)


def key(qtbot, page: ApplicationPage, k: Qt.Key, mod=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(page.focusWidget() or page, k, mod)


def walk_to_applicant(qtbot, page: ApplicationPage, id_number: str) -> None:  # type: ignore[no-untyped-def]
    """The teller's first steps, through the page's own buttons, up to the applicant step."""
    page.views[Step.IDENTIFY].id_number.setText(id_number)
    page.go_next()
    at(qtbot, page, Step.ELIGIBILITY)
    idle(qtbot, page)
    page.go_next()
    at(qtbot, page, Step.MATERIALS)
    page.step_key("Ctrl+A")
    page.go_next()
    at(qtbot, page, Step.APPLICANT)


def walk_to_photo(qtbot, page: ApplicationPage, id_number: str) -> None:  # type: ignore[no-untyped-def]
    walk_to_applicant(qtbot, page, id_number)
    page.views[Step.APPLICANT].address.setText("浙江省宁波市海曙区药行街1号")
    page.views[Step.APPLICANT].phone.setText("13805740009")
    page.go_next()
    at(qtbot, page, Step.PHOTO)


def pdf_text(path: Path) -> str:
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def test_adult_from_id_card_to_saved_pdfs_with_the_keyboard(qtbot, make_page, tmp_path) -> None:
    page = make_page(INSTANT)
    waits: list[float] = []  # what the teller waited for, each background step
    page.sig_waited.connect(lambda _what, seconds: waits.append(seconds))
    page.counter.place("330205199003011232")
    assert page.wf.step is Step.IDENTIFY
    titles = [page.step_list.item(i).text() for i in range(page.step_list.count())]
    assert not any("监护人" in t for t in titles) and not any("领卡方式" in t for t in titles)
    page.step_key("F2")  # read the ID card
    idle(qtbot, page)
    assert "张伟" in page.who.text()
    key(qtbot, page, Qt.Key.Key_Return)  # Enter in the ID field: next step
    at(qtbot, page, Step.ELIGIBILITY)
    qtbot.waitUntil(lambda: page.next_button.isEnabled(), timeout=10000)
    assert "符合申领条件" in page.views[Step.ELIGIBILITY].result.text()
    page.go_next()
    at(qtbot, page, Step.MATERIALS)
    page.go_next()  # nothing checked yet: the missing materials are named, we stay
    idle(qtbot, page)
    assert page.wf.step is Step.MATERIALS
    assert "还缺少" in page.views[Step.MATERIALS].missing.text()
    page.step_key("Ctrl+A")
    page.go_next()
    at(qtbot, page, Step.APPLICANT)
    view = page.views[Step.APPLICANT]
    assert view.name.text() == "张伟" and view.sex.text() == "男"
    view.phone.clear()
    qtbot.keyClicks(view.phone, "1380574")
    qtbot.keyClick(view.phone, Qt.Key.Key_Return)  # Enter in the last field: next step
    idle(qtbot, page)
    assert page.wf.step is Step.APPLICANT  # the phone is wrong: error beside the field
    assert "电话号码格式不正确" in view.grid.errors["phone"].text()
    qtbot.keyClicks(view.phone, "6001")
    qtbot.keyClick(view.phone, Qt.Key.Key_Return)
    at(qtbot, page, Step.PHOTO)
    page.step_key("F5")  # take the photo (file camera)
    idle(qtbot, page)
    assert page.wf.photo_report is not None and page.wf.photo_report.ok
    assert "照片检查全部通过" in page.views[Step.PHOTO].checks.text()
    page.go_next()
    at(qtbot, page, Step.REVIEW)
    assert "13805746001" in page.views[Step.REVIEW].summary.text()
    page.go_next()  # PgDn / Ctrl+Enter on the review step submits
    at(qtbot, page, Step.DONE)
    qtbot.waitUntil(lambda: page.docs is not None, timeout=10000)
    assert "已提交中心系统" in page.views[Step.DONE].result.text()
    form, receipt = tmp_path / "form.pdf", tmp_path / "receipt"
    page.save_document(page.docs, "form", form)
    page.save_document(page.docs, "receipt", receipt)
    idle(qtbot, page)
    assert (tmp_path / "receipt.pdf").exists()  # the .pdf suffix is added
    if os.name == "posix":  # personal data: readable by this account only
        assert form.stat().st_mode & 0o777 == 0o600
    assert page.docs.application_no in pdf_text(form) and "张伟" in pdf_text(form)
    assert "330205********1232" in pdf_text(tmp_path / "receipt.pdf")
    assert waits and all(w < 10 for w in waits)


def test_minor_guardian_fields_and_a_refusal_keeps_everything_typed(qtbot, make_page) -> None:
    page = make_page(NON_INSTANT)
    page.views[Step.IDENTIFY].id_number.setText("330211201806222348")  # 林小宝, guardian 陈静
    page.go_next()
    at(qtbot, page, Step.ELIGIBILITY)
    idle(qtbot, page)
    page.go_next()
    at(qtbot, page, Step.MATERIALS)
    assert "guardian_id" in page.views[Step.MATERIALS].checks
    page.step_key("Ctrl+A")
    page.go_next()
    at(qtbot, page, Step.APPLICANT)
    applicant = page.views[Step.APPLICANT]
    applicant.address.setText("浙江省宁波市镇海区招宝山街道1号")
    applicant.phone.setText("13905740003")
    page.go_next()
    at(qtbot, page, Step.GUARDIAN)  # only minors see it
    guardian = page.views[Step.GUARDIAN]
    guardian.name.setText("李明")
    guardian.id_number.setText("330203198506122017")  # not the registered guardian
    guardian.relationship.setCurrentText("父亲")
    guardian.phone.setText("13805740001")
    page.go_next()
    at(qtbot, page, Step.DELIVERY)
    page.go_next()
    at(qtbot, page, Step.PHOTO)
    page.views[Step.PHOTO].capture()
    idle(qtbot, page)
    page.go_next()
    at(qtbot, page, Step.REVIEW)
    page.submit()
    at(qtbot, page, Step.GUARDIAN)
    assert "中心系统未受理" in page.banner.text()
    assert "监护" in page.views[Step.GUARDIAN].grid.errors["id_number"].text()
    assert page.views[Step.GUARDIAN].name.text() == "李明"
    assert page.wf.record.applicant.phone == "13905740003"
    guardian.name.setText("陈静")
    guardian.id_number.setText("330211198807152340")
    guardian.relationship.setCurrentText("母亲")
    for step in (Step.DELIVERY, Step.PHOTO, Step.REVIEW):
        page.go_next()
        at(qtbot, page, step)
    page.submit()
    at(qtbot, page, Step.DONE)


def test_an_unfinished_application_is_offered_again(qtbot, make_page, store) -> None:
    first = make_page(INSTANT)
    first.views[Step.IDENTIFY].id_number.setText(generated_id(2950))
    first.go_next()
    at(qtbot, first, Step.ELIGIBILITY)
    idle(qtbot, first)
    first.go_next()
    at(qtbot, first, Step.MATERIALS)
    first.close_page()
    assert len(ApplicationStore(store).open_drafts("T0301")) == 1
    second = make_page(INSTANT)  # a restart: a new page over the same store
    assert second.stack.currentWidget() is second.drafts
    assert second.drafts.list.count() == 1 and "材料核对" in second.drafts.list.item(0).text()
    second.drafts.resume_button.click()
    at(qtbot, second, Step.MATERIALS)
    assert second.wf.id_number == generated_id(2950)
    assert "已恢复" in second.banner.text()


def test_a_failed_photo_check_is_overridden_with_a_reason(qtbot, make_page, tmp_path) -> None:
    page = make_page(INSTANT)
    walk_to_photo(qtbot, page, generated_id(2951))
    dark = tmp_path / "dark.jpg"
    pixels = np.array(Image.open(PORTRAIT).convert("RGB")).astype(float) * 0.3
    Image.fromarray(pixels.astype("uint8")).save(dark, format="JPEG", quality=90)
    photo = page.views[Step.PHOTO]
    photo.import_path(dark)
    idle(qtbot, page)
    assert photo.override_box.isVisible() and "照片未通过检查" in photo.checks.text()
    page.go_next()
    idle(qtbot, page)
    assert page.wf.step is Step.PHOTO and "未通过检查" in photo.error.text()
    photo.override_reason.setText("好")
    photo.override()
    idle(qtbot, page)
    assert "至少" in photo.override_error.text()
    photo.override_reason.setText("光线不足但面部清晰，人工核对合格")
    photo.override()  # no supervisor typed: refused, nothing let through
    idle(qtbot, page)
    assert "主管" in photo.override_error.text() and photo.override_box.isVisible()
    while photo.override_box.isVisible():
        photo.override_reason.setText("光线不足但面部清晰，人工核对合格")
        photo.override_supervisor.user.setText("S0301")
        photo.override_supervisor.password.setText("Super@2026")
        photo.override_supervisor.otp.setText(fresh_code())
        photo.override()
        idle(qtbot, page)
        assert photo.override_supervisor.password.text() == ""
    assert page.wf.photo_report.ok and "已人工放行" in photo.checks.text()
    page.go_next()
    at(qtbot, page, Step.REVIEW)
    assert "人工放行" in page.views[Step.REVIEW].summary.text()


def test_a_refused_file_is_explained_beside_the_photo(qtbot, make_page, tmp_path) -> None:
    page = make_page(INSTANT)
    page.wf.set_id_number(generated_id(2952))
    page.wf.jump_to_fix(Step.PHOTO)
    page.show_step()
    gif = tmp_path / "photo.gif"
    gif.write_bytes(b"GIF89a" + bytes(100))
    page.views[Step.PHOTO].import_path(gif)
    idle(qtbot, page)
    assert "GIF" in page.views[Step.PHOTO].error.text()


def test_documents_print_through_qt_print_support(qtbot, tmp_path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "page one")
    canvas.showPage()
    canvas.drawString(100, 700, "page two")
    canvas.save()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(buffer.getvalue(), printer) == 2
    assert len(PdfReader(str(tmp_path / "printed.pdf")).pages) == 2


def test_the_main_window_opens_the_application_and_routes_a_card_holder(qtbot, make_services,
                                                                        central) -> None:
    from counter_app.central.client import HttpCentralClient, Timeouts
    from counter_app.ui.app import CounterApp
    from counter_app.workflows.login import DEMO_ACCOUNTS

    client = HttpCentralClient(central.url, timeouts=Timeouts(connect=1, read=5),
                               client_id="ICBC-NB-0101/03")
    services = make_services("instant", central=client)
    app = CounterApp(services)
    qtbot.addWidget(app.login)
    app.start()
    app.login.username.setText(DEMO_ACCOUNTS[0][0])
    app.login.password.setText(DEMO_ACCOUNTS[0][3])
    app.login.submit()
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    qtbot.addWidget(app.main)
    assert ("application", True) in app.main.menu_keys()
    app.main.route_to("application")
    page = app.main.pages["application"]
    qtbot.waitUntil(lambda: page.wf is not None, timeout=10000)
    page.views[Step.IDENTIFY].id_number.setText("330203198506122017")  # 李明 has a card
    page.go_next()
    at(qtbot, page, Step.ELIGIBILITY)
    idle(qtbot, page)
    eligibility = page.views[Step.ELIGIBILITY]
    assert "一人一卡" in eligibility.result.text() and not page.next_button.isEnabled()
    eligibility.route_button.click()
    # the person already has a card: the teller lands in 密码及卡片服务, which is built now
    qtbot.waitUntil(lambda: "card_services" in app.main.pages, timeout=10000)
    assert app.main.work_area.currentWidget() is app.main.pages["card_services"]
    app.main.idle.stop()
    page.close_page()
    app.shutdown()
    client.close()


def test_what_is_typed_is_saved_without_pressing_next(qtbot, make_page, store) -> None:
    page = make_page(INSTANT)
    walk_to_applicant(qtbot, page, generated_id(2953))
    qtbot.keyClicks(page.views[Step.APPLICANT].phone, "139057")  # half typed, no 下一步
    page.autosave()  # the timer's (and the idle lock's) save
    idle(qtbot, page)
    draft = ApplicationStore(store).load_draft(page.wf.draft_id)
    assert draft is not None and draft.data["record"]["applicant"]["phone"] == "139057"


def test_print_goes_to_the_profile_printer_or_says_there_is_none(qtbot, make_page, store,
                                                                 tmp_path) -> None:
    page = make_page(INSTANT)
    page.wf.set_id_number(generated_id(2954))
    page.wf.jump_to_fix(Step.DONE)
    page.show_step()
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(100, 700, "form")
    canvas.save()
    pdf = buffer.getvalue()
    page.find_printer = lambda name: None
    docs = Documents(page.wf.draft_id, "TEST-0001", pdf, pdf)
    page.print_document(docs, "form")
    assert "没有可用的打印机" in page.views[Step.DONE].print_status.text()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "spool.pdf"))
    page.find_printer = lambda name: printer
    page.print_document(docs, "form")
    idle(qtbot, page)
    assert "已发送到打印机" in page.views[Step.DONE].print_status.text()
    assert len(PdfReader(str(tmp_path / "spool.pdf")).pages) == 1
    from sqlalchemy import select

    from counter_app.store.models import AuditEntry

    with store.read() as s:
        details = [e.detail for e in s.scalars(select(AuditEntry).where(
            AuditEntry.action == "application.document_output"))]
    assert details and details[-1]["how"] == "print"


def test_a_mistyped_id_number_is_explained_beside_the_field(qtbot, make_page) -> None:
    page = make_page(INSTANT)
    field = page.views[Step.IDENTIFY].id_number
    qtbot.keyClicks(field, "330205199003011233")  # wrong check digit
    qtbot.keyClick(field, Qt.Key.Key_Return)
    idle(qtbot, page)
    assert page.wf.step is Step.IDENTIFY
    assert "校验位" in page.views[Step.IDENTIFY].grid.errors["id_number"].text()
    assert field.text() == "330205199003011233"  # kept as typed, to correct one digit


def test_a_double_click_on_next_never_lands_on_back_and_enter_submits(qtbot, make_page) -> None:
    page = make_page(INSTANT)
    walk_to_photo(qtbot, page, generated_id(2955))
    page.step_key("F5")
    idle(qtbot, page)
    back_at_photo = page.back_button.mapTo(page, page.back_button.rect().center())
    next_at_photo = page.next_button.mapTo(page, page.next_button.rect().center())
    # a double-click as the mouse sends it: a click, then (once the next step shows) the
    # second press as a double-click at the same place, then its release
    qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    at(qtbot, page, Step.REVIEW)
    under = page.childAt(next_at_photo) or page
    qtbot.mouseDClick(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(page, next_at_photo))
    qtbot.mouseRelease(under, Qt.MouseButton.LeftButton, pos=under.mapFrom(page, next_at_photo))
    idle(qtbot, page)
    assert page.wf.step is Step.REVIEW  # the second half did not press 上一步
    # the buttons kept their places: a hidden 下一步 keeps its space
    assert page.back_button.mapTo(page, page.back_button.rect().center()) == back_at_photo
    assert not page.next_button.isVisible() and under is not page.back_button
    submit = page.views[Step.REVIEW].submit_button
    submit.setFocus()
    qtbot.keyClick(submit, Qt.Key.Key_Return)  # Enter on the focused 提交 button submits
    at(qtbot, page, Step.DONE)


def test_the_next_applicant_waits_for_the_documents_and_never_prints_anothers(qtbot, make_page) -> None:
    page = make_page(INSTANT)
    walk_to_photo(qtbot, page, generated_id(2956))
    page.step_key("F5")
    idle(qtbot, page)
    page.go_next()
    at(qtbot, page, Step.REVIEW)
    first = page.wf.draft_id
    page.submit()
    qtbot.waitUntil(lambda: page.wf.step is Step.DONE and page.busy, timeout=15000)
    # 办理下一笔 while "正在生成登记表和回执…" runs: refused, the teller is told why
    page.views[Step.DONE].new_button.click()
    assert page.wf.draft_id == first and "请稍候" in page.banner.text()
    idle(qtbot, page)
    assert page.docs is not None and page.docs.draft_id == first
    page.views[Step.DONE].new_button.click()
    assert page.wf.draft_id != first and page.wf.step is Step.IDENTIFY and page.docs is None
    # documents made for the first applicant are never shown for the second
    page.prepare_documents(lambda docs: pytest.fail("documents of another application"))
    idle(qtbot, page)
    assert "尚未受理" in page.banner.text()


def test_a_result_for_a_record_no_longer_on_screen_is_dropped(qtbot, make_page) -> None:
    page = make_page(INSTANT)
    delivered: list[object] = []
    page.run(lambda: "late", delivered.append, busy="测试")
    page.show_wizard(page.desk.new())  # another record came on screen meanwhile
    idle(qtbot, page)
    assert delivered == [] and not page.busy


def test_a_field_error_goes_once_the_teller_changes_that_field(qtbot, make_page) -> None:
    page = make_page(INSTANT)
    field = page.views[Step.IDENTIFY].id_number
    qtbot.keyClicks(field, "330205199003011233")  # wrong check digit
    qtbot.keyClick(field, Qt.Key.Key_Return)
    idle(qtbot, page)
    error = page.views[Step.IDENTIFY].grid.errors["id_number"]
    assert "校验位" in error.text()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)  # the teller corrects the last digit
    assert "校验位" not in error.text()
    qtbot.keyClicks(field, "3")
    qtbot.keyClick(field, Qt.Key.Key_Return)  # checked again on Enter: the same error is back
    idle(qtbot, page)
    assert "校验位" in error.text()
