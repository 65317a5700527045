"""The first-run setup window (首次配置向导) and how the command line opens it."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from counter_app.ui.i18n import install_translations, tr
from counter_app.ui.setup.dialog import SetupDialog
from counter_app.ui.theme import apply_theme
from counter_app.workflows.setup.wizard import SetupProbe, SetupWizard

__all__ = ["SetupDialog", "run_setup_gui"]


def run_setup_gui(probe: SetupProbe, target: Path, *, offer: bool) -> Path | None:
    """Run the wizard; the profile written, or None when the administrator stopped. ``offer``:
    the application was started without a profile, so first say so and ask."""
    existing = QApplication.instance()
    app = existing or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    if existing is None:  # an application already running keeps its own look
        app.setApplicationName("counter-app")
        apply_theme(app)
        install_translations(app)
    if offer:
        answer = QMessageBox.question(
            None, tr("本机尚未配置网点"),
            tr("未找到网点配置文件 {0}。\n\n本机首次使用前，须由网点管理员完成首次配置："
            "银行与网点、柜台号、中心系统地址与证书、读卡器和打印机。\n\n现在打开首次配置向导吗？").format(target),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    dialog = SetupDialog(SetupWizard(probe), target)
    dialog.exec()
    return dialog.written
