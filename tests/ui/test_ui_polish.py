"""What a demanding teller found (issue 8, item 12), each checked as the teller would meet it:
input never cut silently, 民族 not growing, disabled fields looking disabled, the rare-character
note, clickable home tiles, where the keyboard goes after sign-in and after dialogs, the
preview fitting the screen, Qt's own dialogs in Chinese, and the busy indicator."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPageSize, QPdfWriter
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget

from counter_app.ui.application import steps
from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.application.steps import ApplicantView, DeliveryView, GuardianView, IdentifyView
from counter_app.ui.i18n import install_translations
from counter_app.ui.theme import BAD, STYLE
from counter_app.ui.widgets import PAGE_STYLE, BusyIndicator, name_print_note
from tests.ui.test_shell import close, sign_in, start

GROUPED_ID = "3302 0319 8506 1220 17"  # the demo ID typed in groups of four
EXT_B = "\U00020000\U0002A6D6"  # 𠀀 𪛖: one character each, two UTF-16 units each


class FakeHost:
    """What a step view needs from its page at construction time."""

    def go_next(self) -> None:
        pass


def styled(qtbot: Any, view: QWidget) -> QWidget:
    """The view inside a window styled like the application (app style + page style)."""
    holder = QWidget()
    holder.setStyleSheet(STYLE + PAGE_STYLE)
    QVBoxLayout(holder).addWidget(view)
    qtbot.addWidget(holder)
    holder.resize(1100, 700)
    holder.show()
    return holder


def is_red(label: Any) -> bool:
    return BAD in label.styleSheet()


# -- 1. input never cut silently ----------------------------------------------------------------

def test_an_id_typed_in_groups_of_four_is_kept_whole(qtbot: Any) -> None:
    view = IdentifyView(FakeHost())  # type: ignore[arg-type]
    holder = styled(qtbot, view)  # noqa: F841 - qtbot holds widgets weakly
    qtbot.keyClicks(view.id_number, GROUPED_ID)
    assert view.id_number.text() == GROUPED_ID
    hint = view.grid.errors["id_number"]
    assert not is_red(hint)
    qtbot.keyClicks(view.id_number, "5")  # one digit too many: said, not cut
    assert view.id_number.text() == GROUPED_ID + "5"
    assert is_red(hint) and "18位" in hint.text() and "19位" in hint.text()
    qtbot.keyClick(view.id_number, Qt.Key.Key_Backspace)
    assert not is_red(hint) and "19位" not in hint.text()


def test_guardian_id_takes_spaces_too(qtbot: Any) -> None:
    view = GuardianView(FakeHost())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    qtbot.keyClicks(view.id_number, GROUPED_ID + "  ")
    assert view.id_number.text() == GROUPED_ID + "  "
    assert not is_red(view.grid.errors["id_number"])


def test_a_name_of_rare_characters_is_counted_in_characters(qtbot: Any) -> None:
    view = ApplicantView(FakeHost())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    thirty = EXT_B * 15  # 30 characters, 60 UTF-16 units
    view.name.setText(thirty)
    assert view.name.text() == thirty
    assert not is_red(view.grid.errors["name"])
    view.name.setText(thirty + "李")
    assert view.name.text() == thirty + "李"  # kept, and the limit is said
    error = view.grid.errors["name"]
    assert is_red(error) and "最多30个字" in error.text() and "31" in error.text()


def test_the_address_shows_its_limit_and_turns_red_beyond_it(qtbot: Any) -> None:
    view = ApplicantView(FakeHost())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    hint = view.grid.errors["address"]
    assert hint.text() == "最多120个字" and not is_red(hint)
    long_address = "浙江省宁波市海曙区" + "中山西路" * 30  # 129 characters
    view.address.setText(long_address)
    assert view.address.text() == long_address
    assert is_red(hint) and "最多120个字" in hint.text() and "129" in hint.text()
    view.address.setText(long_address[:120])
    assert hint.text() == "最多120个字" and not is_red(hint)


def test_a_field_error_and_the_limit_share_the_message_column(qtbot: Any) -> None:
    view = ApplicantView(FakeHost())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.show_errors({"address": "住址太短，请按证件填写。"})
    assert "住址太短" in view.grid.errors["address"].text()
    view.address.setText("路" * 121)  # too long now: the limit is the news
    assert "最多120个字" in view.grid.errors["address"].text()
    view.show_errors({})
    view.address.setText("浙江省宁波市海曙区中山西路1号")
    assert view.grid.errors["address"].text() == "最多120个字"


# -- 2. 民族 --------------------------------------------------------------------------------------

def test_typing_into_nation_filters_but_never_adds_to_the_list(qtbot: Any) -> None:
    view = ApplicantView(FakeHost())  # type: ignore[arg-type]
    holder = styled(qtbot, view)  # noqa: F841 - qtbot holds widgets weakly
    combo = view.nation
    before = [combo.itemText(i) for i in range(combo.count())]
    combo.lineEdit().setFocus()
    qtbot.keyClicks(combo.lineEdit(), "Mars")  # QTest types ASCII only; the policy is the same
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)
    assert [combo.itemText(i) for i in range(combo.count())] == before
    assert combo.currentText() == "Mars"  # what was typed still reaches the validator
    combo.completer().setCompletionPrefix("回")
    assert combo.completer().currentCompletion() == "回族"


# -- 3. disabled EMS fields ---------------------------------------------------------------------

def test_disabled_ems_fields_look_disabled(qtbot: Any) -> None:
    view = DeliveryView(FakeHost())  # type: ignore[arg-type]
    holder = styled(qtbot, view)
    view.address.setText("浙江省宁波市海曙区中山西路1号")
    view._enable(True)
    qtbot.waitExposed(holder)

    def field_background() -> QColor:
        image = view.address.grab().toImage()
        return image.pixelColor(QPoint(image.width() - 6, image.height() // 2))

    enabled = field_background()
    view._enable(False)
    disabled = field_background()
    assert enabled.lightness() == 255  # white field
    assert disabled.lightness() < 245 and disabled != enabled  # grey field
    label = view.grid.itemAtPosition(0, 0).widget()
    assert not label.isEnabled()  # its label greys with it
    view._enable(True)
    assert label.isEnabled()


# -- 4. the rare-character note -----------------------------------------------------------------

def test_the_print_note_lists_only_name_characters_with_their_code_points() -> None:
    def nothing_printable(text: str) -> list[str]:
        return list(text)

    assert name_print_note("李😀", lambda _t: []) == ""
    # emoji and Latin are refused by the validator: never "该字将留空" for them
    note = name_print_note("李😀A\U0002A6D6", lambda t: [c for c in t if ord(c) > 0xFFFF])
    assert "U+2A6D6" in note and "[U+2A6D6]" in note  # the form prints the code point
    assert "😀" not in note and "U+1F600" not in note and "A" not in note.replace("U+2A6D6", "")
    assert "U+674E" not in note  # 李 has a glyph
    assert "U+1F600" not in name_print_note("😀", nothing_printable)


def test_the_applicant_view_shows_the_note_beside_a_rare_name(qtbot: Any,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(steps, "unprintable_chars",
                        lambda text: [c for c in text if ord(c) > 0xFFFF])
    view = ApplicantView(FakeHost())  # type: ignore[arg-type]
    qtbot.addWidget(view)
    view.name.setText("王\U0002A6D6")
    assert "U+2A6D6" in view.print_note.text()
    view.name.setText("王😀")
    assert view.print_note.text() == ""


# -- 5/6. home tiles, focus after sign-in and after dialogs -------------------------------------

def tile(main: Any, key: str) -> Any:
    return next(w for w in main.home.findChildren(QWidget) if w.property("business") == key)


def test_home_tiles_open_their_business(qtbot: Any, make_services: Any, monkeypatch: Any) -> None:
    from tests.ui.test_shell import with_unbuilt_business

    with_unbuilt_business(monkeypatch)
    app = start(qtbot, make_services("central"))
    sign_in(qtbot, app)
    main = app.main
    opened: list[str] = []
    monkeypatch.setattr(main, "business_page", lambda b: opened.append(b.key) or None)
    day_end = tile(main, "day_end")  # not built: the page that says so
    assert day_end.cursor().shape() == Qt.CursorShape.PointingHandCursor
    qtbot.mouseClick(day_end, Qt.MouseButton.LeftButton)
    assert main.work_area.currentWidget() is main.not_built
    assert "日终轧账" in main.not_built_title.text()
    main.show_business("home")
    application = tile(main, "application")
    application.setFocus()
    assert application.hasFocus()
    qtbot.keyClick(application, Qt.Key.Key_Return)
    assert opened == ["application"]
    assert main.menu.currentItem().data(Qt.ItemDataRole.UserRole) == "application"
    close(app)


def test_after_sign_in_the_keyboard_is_in_the_menu(qtbot: Any, make_services: Any) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    qtbot.waitUntil(lambda: app.main.focusWidget() is not None, timeout=5000)
    assert app.main.focusWidget() is app.main.menu
    assert app.main.focusWidget().objectName() != "LockButton"
    close(app)


def test_the_window_is_active_again_after_the_lock_dialog(qtbot: Any, make_services: Any) -> None:
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=5000)
    main.lock_screen()
    dialog = main.lock_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    dialog.accept()  # as a correct password does
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=5000)
    close(app)


def test_sign_out_question_is_chinese_and_no_gives_the_window_back(qtbot: Any, qapp: Any,
                                                                 make_services: Any) -> None:
    install_translations(qapp)
    app = start(qtbot, make_services())
    sign_in(qtbot, app)
    main = app.main
    seen: dict[str, str] = {}

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer_no)
            return
        seen["yes"] = box.button(QMessageBox.StandardButton.Yes).text()
        seen["no"] = box.button(QMessageBox.StandardButton.No).text()
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(50, answer_no)
    main.confirm_sign_out()
    assert seen == {"yes": "是(&Y)", "no": "否(&N)"}
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main, timeout=5000)
    assert main.isVisible()
    close(app)


# -- 7. the preview on a small screen -----------------------------------------------------------

def a4_pdf(tmp_path: Any) -> bytes:
    path = tmp_path / "a4.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    from PySide6.QtGui import QPainter

    painter = QPainter(writer)
    painter.drawText(200, 200, "申领登记表")
    painter.end()
    return path.read_bytes()


def test_the_preview_fits_the_screen_and_gives_the_window_back(qtbot: Any, tmp_path: Any) -> None:
    owner = QWidget()
    QVBoxLayout(owner).addWidget(QPushButton("办理下一笔"))
    qtbot.addWidget(owner)
    owner.show()
    owner.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is owner, timeout=5000)
    preview = DocumentPreview("申领登记表", a4_pdf(tmp_path), owner)
    preview.open()
    qtbot.waitExposed(preview)
    room = (owner.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    assert preview.height() <= room.height() * 0.9 + 1
    assert preview.width() <= room.width() * 0.9 + 1
    assert preview.page_labels[0].pixmap().height() > preview.height() * 0.5  # the page scrolls
    qtbot.waitUntil(lambda: QApplication.activeWindow() is preview, timeout=5000)
    preview.reject()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is owner, timeout=5000)


# -- 8. Qt's own texts --------------------------------------------------------------------------

def test_qt_standard_buttons_are_chinese(qapp: Any) -> None:
    assert "qtbase" in install_translations(qapp)
    assert install_translations(qapp).count("qtbase") == 1  # twice: still one catalogue
    box = QMessageBox(QMessageBox.Icon.Question, "签退", "确定签退？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "是(&Y)"
    assert box.button(QMessageBox.StandardButton.No).text() == "否(&N)"


# -- 9. the busy indicator ----------------------------------------------------------------------

def test_busy_indicator_says_what_it_waits_for_and_for_how_long(qtbot: Any) -> None:
    now = [100.0]
    busy = BusyIndicator(clock=lambda: now[0])
    qtbot.addWidget(busy)
    assert busy.isHidden()
    busy.start("正在提交申领…")
    assert busy.isVisible() and busy.busy
    assert busy.text() == "正在提交申领…" and "⏳" not in busy.text()
    assert busy.bar.minimum() == busy.bar.maximum() == 0  # the moving bar, no glyph needed
    now[0] += 1.5
    busy._tick()
    assert busy.text() == "正在提交申领…"
    now[0] += 3.6
    busy._tick()
    assert busy.text() == "正在提交申领…（已等待 5 秒）"
    busy.start("正在生成登记表和回执…")  # the next stage of the same wait keeps its clock
    assert busy.text() == "正在生成登记表和回执…（已等待 5 秒）"
    busy.stop()
    assert busy.isHidden() and not busy.busy and busy.text() == ""
    busy.start("正在保存PDF…")
    assert busy.text() == "正在保存PDF…"


def test_busy_indicator_counts_in_real_time(qtbot: Any) -> None:
    busy = BusyIndicator()
    qtbot.addWidget(busy)
    busy.show()
    busy.start("正在向中心核验…")
    qtbot.waitUntil(lambda: "已等待 2 秒" in busy.text(), timeout=4000)
    busy.stop()


def test_the_style_sheet_refers_only_to_files_that_exist() -> None:
    """A moved module must not leave the combo boxes without their drawn chevron."""
    import re

    from counter_app.ui.widgets import PAGE_STYLE

    urls = re.findall(r'url\("([^"]+)"\)', PAGE_STYLE)
    assert urls and all(Path(u).is_file() for u in urls)
