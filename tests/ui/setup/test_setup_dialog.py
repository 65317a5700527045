"""The first-run setup window through pytest-qt: against the reference central over mutual TLS
and the vpcd virtual readers, a profile written; a wrong key stops at the first page; with the
central out of reach the branch is typed and saving needs the administrator's say-so."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from counter_app.central.launcher import CentralSimHandle
from counter_app.profile import load_profile
from counter_app.setup_cli import LiveProbe
from counter_app.ui.setup import SetupDialog
from counter_app.workflows.setup.wizard import SetupWizard


def _dialog(qtbot: QtBot, target: Path) -> SetupDialog:
    dialog = SetupDialog(SetupWizard(LiveProbe()), target)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _next(dialog: SetupDialog) -> None:
    dialog.button(QWizard.WizardButton.NextButton).click()


@pytest.mark.usefixtures("pcscd")
def test_the_wizard_writes_a_profile_against_the_reference_central(
        qtbot: QtBot, tmp_path: Path, make_central: Callable[..., CentralSimHandle], central_tls_dir: Path) -> None:
    central = make_central(tls_dir=central_tls_dir)
    target = tmp_path / "etc" / "profile.toml"
    dialog = _dialog(qtbot, target)
    page = dialog.central_page
    page.url.setText(central.url)
    page.ca.edit.setText(str(central_tls_dir / "ca.pem"))
    page.cert.edit.setText(str(central_tls_dir / "client.pem"))
    page.key.edit.setText(str(central_tls_dir / "client.key"))
    _next(dialog)
    assert dialog.currentPage() is dialog.branch_page, page.error.text()

    branch = dialog.branch_page
    assert branch.branch_input.currentIndex() == 0  # the central's list, not a typed code
    assert branch.bank.currentData() == "ICBC"
    listed = [branch.branch.itemData(i) for i in range(branch.branch.count())]
    assert "ICBC-NB-0101" in listed and all(code.startswith("ICBC") for code in listed)
    assert branch.branch.currentData() == "ICBC-NB-0101"  # the client certificate's branch
    assert branch.name.text() and branch.instant.isChecked()  # from the central's record
    assert branch.counter.text() == "C01"  # the certificate's counter
    _next(dialog)
    assert dialog.currentPage() is dialog.devices_page, branch.error.text()

    devices = dialog.devices_page
    assert devices.card.currentData() == "Virtual PCD 00 00"
    assert devices.psam.currentData() == "Virtual PCD 00 01"
    assert devices.document.itemText(0) == "（系统默认打印机）" and devices.document.currentData() == ""
    # an empty card-face printer writes PDF files: the choice says so, not "default printer"
    assert devices.card_face.itemText(0) == "（不接卡面打印机：卡面存为 PDF 文件）"
    _next(dialog)
    review = dialog.review_page
    assert dialog.currentPage() is review
    assert 'code = "ICBC-NB-0101"' in review.preview.toPlainText()
    finish = dialog.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # nothing is saved untested
    review.run.click()
    lines = review.results.text().splitlines()
    assert [line[0] for line in lines] == ["✔"] * 6, lines
    assert lines[-2].startswith("✔ 申请表、回执打印机：使用系统默认打印机")
    assert lines[-1].startswith("✔ 卡面打印机：未接卡面打印机：卡面存为 PDF 文件")
    assert finish.isEnabled()
    finish.click()
    assert dialog.written == target
    assert [p.name for p in target.parent.iterdir()] == ["profile.toml"]  # no temporary file left
    profile = load_profile(target)
    assert (profile.branch_code, profile.bank.code, profile.instant_issue, profile.counter_id) == (
        "ICBC-NB-0101", "ICBC", True, "C01")
    assert profile.central.base_url == central.url and profile.central.ca_file == central_tls_dir / "ca.pem"
    assert (profile.readers.card, profile.readers.psam) == ("Virtual PCD 00 00", "Virtual PCD 00 01")


def test_a_key_of_another_certificate_stops_at_the_first_page(qtbot: QtBot, tmp_path: Path,
                                                              central_tls_dir: Path) -> None:
    dialog = _dialog(qtbot, tmp_path / "profile.toml")
    page = dialog.central_page
    page.url.setText("https://127.0.0.1:1")
    page.ca.edit.setText(str(central_tls_dir / "ca.pem"))
    page.cert.edit.setText(str(central_tls_dir / "client.pem"))
    page.key.edit.setText(str(central_tls_dir / "server.key"))
    _next(dialog)
    assert dialog.currentPage() is page
    assert page.error.text() == "✘ 私钥与客户端证书不匹配（不是同一对密钥）"


@pytest.mark.usefixtures("pcscd")
def test_offline_the_branch_is_typed_and_saving_untested_needs_a_say_so(qtbot: QtBot, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = tmp_path / "profile.toml"
    dialog = _dialog(qtbot, target)
    dialog.central_page.url.setText(f"http://127.0.0.1:{port}")
    _next(dialog)
    branch = dialog.branch_page
    assert dialog.currentPage() is branch
    assert branch.branch_input.currentIndex() == 1 and "暂时无法从中心系统取得网点名录" in branch.subTitle()
    assert "无法连接中心系统" in branch.subTitle() and "暂存业务" not in branch.subTitle()  # said for setup
    branch.bank.setCurrentIndex(branch.bank.findData("NBCB"))
    branch.code.setText("nb 01")
    branch.name.setText("宁波银行测试支行")
    branch.counter.setText("2")
    _next(dialog)
    assert dialog.currentPage() is branch and "网点代码应为" in branch.error.text()
    branch.code.setText("NBCB-0301")
    _next(dialog)
    _next(dialog)
    review = dialog.review_page
    assert dialog.currentPage() is review
    review.run.click()
    assert review.results.text().startswith("✘ 中心系统")
    finish = dialog.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()
    review.force.setChecked(True)
    assert finish.isEnabled()
    finish.click()
    assert load_profile(target).branch_code == "NBCB-0301"


def test_the_application_without_a_profile_offers_the_wizard_on_a_screen(
        qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from PySide6.QtWidgets import QMessageBox

    import counter_app.ui.setup as setup_ui
    from counter_app.cli import main

    asked: list[str] = []

    def question(_parent: object, title: str, text: str, *_args: object) -> QMessageBox.StandardButton:
        asked.append(f"{title}\n{text}")
        return QMessageBox.StandardButton.No  # the administrator declines: nothing is written

    monkeypatch.setattr(setup_ui.QMessageBox, "question", question)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    monkeypatch.setenv("COUNTER_APP_HOME", str(tmp_path / "state"))
    missing = tmp_path / "etc" / "profile.toml"
    assert main(["--profile", str(missing)]) == 2
    (text,) = asked
    assert text.startswith("本机尚未配置网点") and str(missing) in text and "首次配置向导" in text
    assert "counter-app setup --from" in capsys.readouterr().err
    assert not missing.exists()
