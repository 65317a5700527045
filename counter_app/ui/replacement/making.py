"""The options step's "how the new card is made" box: 当场制卡 or 中心集中制卡 at an instant
branch, the teller's blanks, and the photo the card face will carry (the one on file, or a
new one taken with the camera or imported from a file, checked as an application's)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.photo import FrameSource
from counter_app.ui.i18n import tr
from counter_app.ui.photo_capture import choose_photo_file, photo_buttons
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import jpeg_pixmap
from counter_app.ui.wizard_page import message_of
from counter_app.workflows.replacement.making import errors as making_errors

if TYPE_CHECKING:
    from counter_app.ui.replacement.page import ReplacementPage
    from counter_app.workflows.replacement import ReplacementWorkflow


class MakingBox(QFrame):
    def __init__(self, page: ReplacementPage, on_change: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = page
        self.on_change = on_change  # the screen shows the choice's consequences again
        self.setObjectName("Card")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.instant = named(QRadioButton(tr("当场制卡（本柜台即时制卡）")), "MakeInstant")
        self.factory = named(QRadioButton(tr("中心集中制卡（制成后送达本网点）")), "MakeFactory")
        for b in (self.instant, self.factory):
            b.setStyleSheet("font-size: 15px;")
            self.group.addButton(b)
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.blanks = named(QLabel("", wordWrap=True), "Hint")
        lay.addWidget(self.blanks)
        self.photo_box = QWidget()
        photo_row = QHBoxLayout(self.photo_box)
        photo_row.setContentsMargins(0, 4, 0, 0)
        self.photo = named(QLabel(tr("无照片")), "PhotoBox")
        self.photo.setFixedSize(91, 112)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setStyleSheet(f"border: 1px solid {MUTED};")
        photo_row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        self.photo_state = named(QLabel("", wordWrap=True), "PhotoState")
        right.addWidget(self.photo_state)
        buttons, self.capture_button, self.import_button = photo_buttons(
            self.capture, self.import_file, capture_name="CapturePhoto")
        right.addLayout(buttons)
        right.addStretch(1)
        photo_row.addLayout(right, 1)
        lay.addWidget(self.photo_box)
        self.instant.toggled.connect(self._toggled)

    @property
    def wf(self) -> ReplacementWorkflow:
        wf = self.page.wizard
        assert wf is not None
        return wf

    def load(self) -> None:
        m = self.wf.record.making
        self.setVisible(m.offered)
        if not m.offered:
            return
        self.instant.blockSignals(True)
        (self.instant if m.instant else self.factory).setChecked(True)
        self.instant.blockSignals(False)
        self.blanks.setText(tr("您名下今日可用空白卡：{0} 张").format(m.blanks) if m.blanks >= 0
                            else tr("空白卡库存暂不可查，制卡时逐张核对"))
        self.blanks.setStyleSheet(f"color: {BAD if m.blanks == 0 else MUTED}; font-size: 14px;")
        self.photo_box.setVisible(m.instant)
        jpeg = self.wf.photo_jpeg
        if jpeg:
            self.photo.setPixmap(jpeg_pixmap(jpeg, 89))
        else:
            self.photo.clear()
            self.photo.setText(tr("无照片"))
        photo = m.photo
        if photo is None:
            text, colour = tr("本柜台没有持卡人原卡的照片：当场制卡须为持卡人拍照或导入照片。"), BAD
        elif photo.failed:
            text, colour = tr(making_errors(m).get("photo", "")), BAD
        elif photo.source == "on_file":
            text, colour = tr("✓ 沿用持卡人原申领的照片（申请编号 {0}，与中心登记一致）").format(
                photo.from_application), OK
        else:
            text, colour = tr("✓ 新采集的照片已通过检查，将印在新卡卡面上"), OK
        self.photo_state.setText(text)
        self.photo_state.setStyleSheet(f"color: {colour}; font-size: 14px;")

    def value(self) -> str:
        if not self.wf.record.making.offered:
            return ""
        return "instant" if self.instant.isChecked() else "factory"

    def _toggled(self, on: bool) -> None:
        wf, page = self.wf, self.page

        page.run(lambda: wf.choose_instant(on), lambda _r: self.on_change())

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.capture, "F4": self.import_file}

    # -- the photo ---------------------------------------------------------------------------
    def capture(self) -> None:
        factory = self.page.camera_factory
        if factory is None or not self.photo_box.isVisible():
            return
        source: FrameSource = factory()  # made on the UI thread (a Qt camera lives here)
        wf, page = self.wf, self.page

        def finished(_r: Any) -> None:
            source.close()
            self.on_change()

        def failed(error: BaseException) -> None:
            source.close()
            self.on_change()
            page.banner.show_message(message_of(error), "bad")

        page.run(lambda: wf.capture_photo(source), finished, failed, busy=tr("正在拍照并检查照片…"))

    def import_file(self) -> None:
        if not self.photo_box.isVisible():
            return
        path = choose_photo_file(self)
        if path:
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        wf, page = self.wf, self.page

        def failed(error: BaseException) -> None:
            self.on_change()
            page.banner.show_message(message_of(error), "bad")

        page.run(lambda: wf.import_photo(path.read_bytes()), lambda _r: self.on_change(), failed,
                 busy=tr("正在导入并检查照片…"))
