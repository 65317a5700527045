"""The photo step: live camera (Qt Multimedia) or the file camera, import from a file or a
scan, the automatic checks with their messages, and the teller's override with a reason."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.devices.photo import FrameSource
from counter_app.domain.errors import CounterError
from counter_app.domain.photo import CHECK_TITLES_ZH, PhotoCheckCode
from counter_app.ui.application.camera import camera_devices
from counter_app.ui.application.steps import StepView
from counter_app.ui.i18n import tr
from counter_app.ui.photo_capture import choose_photo_file, photo_buttons
from counter_app.ui.qt import named
from counter_app.ui.second_factor import RemoteAct, supervisor_fields
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import jpeg_pixmap, rgb_to_qimage
from counter_app.workflows.application import Step
from counter_app.workflows.remote_acts import photo_override_summary
from counter_app.workflows.supervisor import PURPOSE_PHOTO_OVERRIDE, SupervisorApproval

if TYPE_CHECKING:
    from counter_app.ui.application.page import ApplicationPage

PREVIEW_W, PREVIEW_H = 360, 270


class PhotoView(StepView):
    step = Step.PHOTO
    lead = tr("请申请人正对镜头、白色背景、免冠、双眼平视，按 F5 拍照；或按 F4 导入数码照片/扫描件"
            "（仅 JPEG、PNG）。照片自动裁切为 358×441 像素并逐项检查。")

    def __init__(self, host: ApplicationPage, camera_factory: Callable[[], FrameSource]) -> None:
        super().__init__(host)
        self.camera_factory = camera_factory
        self.source: FrameSource | None = None
        body = QHBoxLayout()
        body.setSpacing(24)
        left = QVBoxLayout()
        self.preview = named(QLabel(tr("摄像头未打开")), "CameraPreview")
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #1f2933; color: #cfd8e3; border-radius: 4px;")
        left.addWidget(self.preview)
        self.camera_name = named(QLabel(""), "Hint")
        left.addWidget(self.camera_name)
        buttons, self.capture_button, self.import_button = photo_buttons(
            self.capture, self.import_file, capture_name="Primary")
        left.addLayout(buttons)
        left.addStretch(1)
        body.addLayout(left)

        right = QVBoxLayout()
        result_row = QHBoxLayout()
        self.photo = named(QLabel(tr("尚未采集")), "PhotoBox")
        self.photo.setFixedSize(181, 223)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        result_row.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        self.checks = named(QLabel("", wordWrap=True), "PhotoChecks")
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.checks.setMinimumWidth(240)
        result_row.addWidget(self.checks, 1)
        right.addLayout(result_row)

        self.override_box = named(QFrame(), "Card")
        ob = QVBoxLayout(self.override_box)
        ob.setContentsMargins(14, 10, 14, 10)
        override_title = QLabel(tr("人工放行（须填写理由，记入审计日志）"))
        override_title.setStyleSheet("font-weight:bold;")
        ob.addWidget(override_title)
        orow = QHBoxLayout()
        self.override_check = named(QComboBox(), "OverrideCheck")
        self.override_check.setFixedWidth(150)
        self.override_reason = named(QLineEdit(), "OverrideReason")
        self.override_reason.setPlaceholderText(tr("理由，如：申请人面部特征导致检测偏差，人工核对合格"))
        self.override_reason.returnPressed.connect(self.override)
        self.override_button = named(QPushButton(tr("放行")), "OverrideButton")
        self.override_button.clicked.connect(self.override)
        orow.addWidget(self.override_check)
        orow.addWidget(self.override_reason, 1)
        orow.addWidget(self.override_button)
        ob.addLayout(orow)
        # a check let through needs a supervisor: password and one-time code (ui.supervisor_dialog),
        # or 远程授权 from another counter for this check with this reason
        self.remote_override: tuple[Any, str, str] | None = None  # (wizard, check, reason)
        self.override_supervisor = supervisor_fields(self.override_box, prefix="Override", within=host,
                                                     remote=RemoteAct(self._remote_purpose,
                                                                      self._remote_summary))
        self.override_supervisor.remote_approved.connect(self._override_remotely)
        ob.addWidget(self.override_supervisor)
        self.override_error = named(QLabel("", wordWrap=True), "FieldError")
        ob.addWidget(self.override_error)
        right.addWidget(self.override_box)
        self.error = named(QLabel("", wordWrap=True), "FieldError")
        right.addWidget(self.error)
        right.addStretch(1)
        body.addLayout(right, 1)
        self.root.addLayout(body)
        self.root.addStretch(1)
        self.override_box.hide()

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F5": self.capture, "F4": self.import_file}

    # -- camera -------------------------------------------------------------------------------
    def entered(self) -> None:
        if self.source is None:
            self.source = self.camera_factory()
            self.camera_name.setText(tr("摄像头：{0}").format(tr(self.source.name)))
            frames = getattr(self.source, "sig_frame", None)
            if frames is not None:
                frames.connect(self._show_frame)
            else:  # the file camera: show what it will deliver
                source = self.source
                self.host.run(source.grab, lambda f: self._show_frame(rgb_to_qimage(f)),
                              lambda e: self.preview.setText(self.host.message_of(e)),
                              busy=tr("正在打开摄像头…"))

    def prepare(self) -> None:
        camera_devices()  # the first enumeration loads Qt Multimedia's backend (~0.1 s)

    def _show_frame(self, image: QImage) -> None:
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            PREVIEW_W, PREVIEW_H, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def close_camera(self) -> None:
        if self.source is not None:
            self.source.close()
            self.source = None

    def capture(self) -> None:
        if self.source is None:
            self.entered()
        source = self.source
        assert source is not None
        self.error.setText("")
        wf = self.wf  # taken here, on the UI thread: the worker gets plain references
        self.host.run(lambda: wf.capture_photo(source), lambda _p: self.load(),
                      self._failed, busy=tr("正在拍照并检查照片…"))

    def import_file(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.import_path(path)

    def import_path(self, path: Path) -> None:
        self.error.setText("")
        wf = self.wf

        def work() -> Any:
            return wf.import_photo(path.read_bytes())

        self.host.run(work, lambda _p: self.load(), self._failed, busy=tr("正在导入并检查照片…"))

    def _failed(self, error: BaseException) -> None:
        self.error.setText("✗ " + self.host.message_of(error))

    # -- results ------------------------------------------------------------------------------
    def load(self) -> None:
        wf = self.wf
        report = wf.photo_report
        if wf.photo_jpeg and report is not None:
            self.photo.setPixmap(jpeg_pixmap(wf.photo_jpeg, 179))
        else:
            self.photo.clear()
            self.photo.setText(tr("尚未采集"))
        if report is None:
            self.checks.setText("")
            self.override_box.hide()
            return
        overridden = report.overridden_codes
        lines = []
        for c in report.checks:
            if c.passed:
                mark, colour, text = "✓", OK, tr(c.title_zh)
            elif c.code in overridden:
                mark, colour, text = "✓", MUTED, tr("{0}（已人工放行）").format(tr(c.title_zh))
            else:
                mark, colour, text = "✗", BAD, tr("{0}：{1}").format(tr(c.title_zh), tr(c.message_zh))
            lines.append(f"<div style='margin:2px 0'><span style='color:{colour}; "
                         f"font-weight:bold'>{mark}</span>&nbsp;{html.escape(text)}</div>")
        head = ("<p style='color:%s; font-weight:bold; font-size:15px'>%s</p>"
                % ((OK, tr("照片检查全部通过")) if report.ok else (BAD, tr("照片未通过检查"))))
        self.checks.setText(head + "".join(lines))
        failures = [c for c in report.failures if c.overridable]
        self.override_check.clear()
        for c in failures:
            self.override_check.addItem(tr(CHECK_TITLES_ZH[c.code]), c.code.value)
        self.override_box.setVisible(bool(failures))
        self.override_error.setText("")

    def override(self) -> None:
        code = self.override_check.currentData()
        reason = self.override_reason.text()
        if not code:
            return
        self._override(code, reason, self.override_supervisor.approval())

    def _override(self, code: str, reason: str, supervisor: SupervisorApproval) -> None:
        self.override_supervisor.clear_secrets()
        if self.override_supervisor.remote is not None:  # handed on: ready for another check
            self.override_supervisor.remote.rearm()

        def done(_r: Any) -> None:
            self.override_reason.clear()
            self.load()

        def failed(error: BaseException) -> None:
            self.override_error.setText("✗ " + self.host.message_of(error))

        wf = self.wf
        self.host.run(lambda: wf.override_photo(code, reason, supervisor), done, failed,
                      busy=tr("正在记录人工放行…"))

    def _remote_summary(self) -> str:
        """The chosen check and the reason, checked as the override will check them (so an
        approval is not used up by a short reason); kept with the record they are for."""
        wf, code, reason = self.wf, self.override_check.currentData(), self.override_reason.text()
        report = wf.photo_report
        if not code or report is None:
            raise CounterError(tr("请先选择要放行的检查项。"), code="PHOTO_OVERRIDE_NO_CHECK")
        report.override(code, reason, teller_id=wf.ctx.teller, at=wf.ctx.clock())  # raises if refused
        self.remote_override = (wf, str(code), reason.strip())
        return photo_override_summary(CHECK_TITLES_ZH[PhotoCheckCode(code)], reason)

    def _remote_purpose(self) -> str:
        asked = self.remote_override
        return f"{PURPOSE_PHOTO_OVERRIDE}:{asked[1] if asked else ''}"

    def _override_remotely(self, request_id: str) -> None:
        asked, self.remote_override = self.remote_override, None
        remote = self.override_supervisor.remote
        if asked is None or asked[0] is not self.wf or self.host.busy:
            if remote is not None:  # another record on screen, or another act running
                remote.unused()
            return
        self._override(asked[1], asked[2], SupervisorApproval.remote(request_id))

    def show_errors(self, errors: Mapping[str, str]) -> None:
        self.error.setText(("✗ " + errors["photo"]) if "photo" in errors else "")

    def first_focus(self) -> QWidget | None:
        return self.capture_button
