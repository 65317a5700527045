"""The administrator's first-run setup window (首次配置向导): four pages over the Qt-free
:class:`SetupWizard` — the central and its certificates, bank and branch, readers and printers,
then the tests and the profile written. Every check and every write is the wizard's; this only
shows it. Printers are listed here (QPrinterInfo: the UI is where Qt lives); readers come from
the wizard's probe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from counter_app.domain.banks import PARTNER_BANKS
from counter_app.ui.i18n import bank_name, tr
from counter_app.ui.qt import named
from counter_app.workflows.setup.wizard import STEP_TITLES_ZH, Problem, SetupWizard

DEFAULT_PRINTER = tr("（系统默认打印机）")
# printers.card_face = "": the faces are written as PDF files (no card printer attached)
NO_CARD_PRINTER = tr("（不接卡面打印机：卡面存为 PDF 文件）")


def _problems_text(problems: list[Problem]) -> str:
    return "\n".join(f"✘ {tr(p.message_zh)}" for p in problems)


def _error_label(name: str) -> QLabel:
    label = named(QLabel(""), name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b42318;")
    return label


def _natural_width(button: QPushButton) -> QWidget:
    """The button at its own width, as on the other windows (a form row would stretch it)."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch(1)
    return holder


class _FileRow(QWidget):
    def __init__(self, name: str, title: str) -> None:
        super().__init__()
        self.edit = named(QLineEdit(), name)
        self.edit.setPlaceholderText(tr("完整路径；http 本机参考中心可不填"))
        self._title = title
        browse = named(QPushButton(tr("选择…")), f"{name}Browse")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self._title, self.edit.text(),
                                              tr("PEM (*.pem *.crt *.cer *.key);;所有文件 (*)"))
        if path:
            self.edit.setText(path)


class CentralPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(tr(STEP_TITLES_ZH["central"]))
        self.setSubTitle(tr("中心系统地址（专线上的 https 地址）、中心的 CA 证书、本网点的客户端证书与私钥。"
                         "下一步前逐个检查证书文件：可读、PEM 格式、在有效期内、私钥与证书匹配。"))
        self.url = named(QLineEdit(), "setupCentralUrl")
        self.url.setPlaceholderText("https://central.example:8443")
        self.ca = _FileRow("setupCaFile", tr("中心的 CA 证书"))
        self.cert = _FileRow("setupClientCert", tr("本网点客户端证书"))
        self.key = _FileRow("setupClientKey", tr("客户端证书的私钥"))
        self.error = _error_label("setupCentralError")
        form = QFormLayout(self)
        form.addRow(tr("中心系统地址"), self.url)
        form.addRow(tr("CA 证书"), self.ca)
        form.addRow(tr("客户端证书"), self.cert)
        form.addRow(tr("客户端私钥"), self.key)
        form.addRow(self.error)

    def validatePage(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problems = self.setup.submit_central(self.url.text(), self.ca.edit.text(),
                                                  self.cert.edit.text(), self.key.edit.text())
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.error.setText(_problems_text(problems))
        return not problems


class BranchPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(tr(STEP_TITLES_ZH["branch"]))
        self.bank = named(QComboBox(), "setupBank")
        for bank in PARTNER_BANKS.values():
            self.bank.addItem(tr("{0}（{1}）").format(bank_name(bank), bank.code), bank.code)
        self.branch = named(QComboBox(), "setupBranch")  # from the central's list
        self.code = named(QLineEdit(), "setupBranchCode")  # typed when the central is not reached
        self.code.setPlaceholderText(tr("例如 ICBC-NB-0101"))
        self.branch_input = QStackedWidget()
        self.branch_input.addWidget(self.branch)
        self.branch_input.addWidget(self.code)
        # one line high: a stacked widget would otherwise take the page's spare height
        self.branch_input.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.name = named(QLineEdit(), "setupBranchName")
        self.instant = named(QCheckBox(tr("即办网点（当场制卡）")), "setupInstant")
        self.counter = named(QLineEdit(), "setupCounterId")
        self.error = _error_label("setupBranchError")
        form = QFormLayout(self)
        form.addRow(tr("合作银行"), self.bank)
        form.addRow(tr("网点"), self.branch_input)
        form.addRow(tr("网点名称"), self.name)
        form.addRow("", self.instant)
        form.addRow(tr("柜台号"), self.counter)
        form.addRow(self.error)
        self.bank.currentIndexChanged.connect(self._fill_branches)
        self.branch.currentIndexChanged.connect(self._branch_chosen)

    def initializePage(self) -> None:
        online = self.setup.branch_list is not None
        self.branch_input.setCurrentIndex(0 if online else 1)
        # in the header like the other pages' explanations (a page without one is drawn unlike them)
        self.setSubTitle(tr("网点从中心系统的网点名录中选择。") if online else
                            tr("暂时无法从中心系统取得网点名录（{0}），"
                            "请手工输入网点代码和名称，保存前会再检测。").format(tr(self.setup.offline_reason_zh)))
        a = self.setup.answers
        chosen = self.setup.choice(a.branch_code)
        if chosen is not None:
            self.bank.setCurrentIndex(max(0, self.bank.findData(chosen.bank_code)))
        self._fill_branches()
        if not online:
            self.code.setText(a.branch_code)
        self.counter.setText(a.counter_id)

    def _fill_branches(self) -> None:
        self.branch.blockSignals(True)
        self.branch.clear()
        for b in self.setup.branches_of(str(self.bank.currentData())):
            self.branch.addItem(f"{b.code}  {b.name_zh}", b.code)
        index = self.branch.findData(self.setup.answers.branch_code)
        self.branch.setCurrentIndex(index if index >= 0 else 0)
        self.branch.blockSignals(False)
        self._branch_chosen()

    def _branch_chosen(self) -> None:
        chosen = self.setup.choice(str(self.branch.currentData()))
        if chosen is not None:
            self.name.setText(chosen.name_zh)
            self.instant.setChecked(chosen.instant_issue)

    def branch_code(self) -> str:
        if self.setup.branch_list is not None:
            return str(self.branch.currentData() or "")
        return self.code.text()

    def validatePage(self) -> bool:
        problems = self.setup.submit_branch(str(self.bank.currentData()), self.branch_code(),
                                             self.name.text(), self.instant.isChecked(), self.counter.text())
        self.error.setText(_problems_text(problems))
        return not problems


class DevicesPage(QWizardPage):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.setTitle(tr(STEP_TITLES_ZH["devices"]))
        self.setSubTitle(tr("从本机已连接的设备中选择。读卡器经智能卡服务（PC/SC）列出，打印机为系统已添加的打印机。"))
        self.card = named(QComboBox(), "setupCardReader")
        self.psam = named(QComboBox(), "setupPsamReader")
        self.document = named(QComboBox(), "setupDocumentPrinter")
        self.card_face = named(QComboBox(), "setupCardFacePrinter")
        self.readers_note = named(QLabel(""), "setupReadersNote")
        self.readers_note.setWordWrap(True)
        refresh = named(QPushButton(tr("重新查找读卡器")), "setupRefreshReaders")
        refresh.clicked.connect(self._fill_readers)
        self.error = _error_label("setupDevicesError")
        form = QFormLayout(self)
        form.addRow(tr("卡槽读卡器（客户社保卡）"), self.card)
        form.addRow(tr("PSAM 读卡器（网点 PSAM 卡）"), self.psam)
        form.addRow(self.readers_note)
        form.addRow("", _natural_width(refresh))
        form.addRow(tr("申请表、回执打印机"), self.document)
        form.addRow(tr("卡面打印机（即办网点）"), self.card_face)
        form.addRow(self.error)

    def initializePage(self) -> None:
        self._fill_readers()
        printers = QPrinterInfo.availablePrinterNames()
        for combo, empty in ((self.document, DEFAULT_PRINTER), (self.card_face, NO_CARD_PRINTER)):
            combo.clear()
            combo.addItem(empty, "")
            for name in printers:
                combo.addItem(name, name)

    def _fill_readers(self) -> None:
        readers, reason = self.setup.readers()
        for combo, index in ((self.card, 0), (self.psam, 1)):
            combo.clear()
            for name in readers:
                combo.addItem(name, name)
            combo.setCurrentIndex(min(index, len(readers) - 1))
        if reason:
            self.readers_note.setText(tr("无法列出读卡器：{0}").format(tr(reason)))
        elif not readers:
            self.readers_note.setText(tr("未发现读卡器：请连接读卡器并安装驱动后点“重新查找读卡器”。"))
        else:
            self.readers_note.setText(tr("已连接 {0} 个读卡器。").format(len(readers)))

    def validatePage(self) -> bool:
        problems = self.setup.submit_devices(str(self.card.currentData() or ""), str(self.psam.currentData() or ""),
                                              str(self.document.currentData() or ""),
                                              str(self.card_face.currentData() or ""))
        self.error.setText(_problems_text(problems))
        return not problems


class ReviewPage(QWizardPage):
    def __init__(self, wizard: SetupWizard, target: Path) -> None:
        super().__init__()
        self.setup, self.target = wizard, target
        self.written: Path | None = None
        self.setTitle(tr(STEP_TITLES_ZH["review"]))
        self.setSubTitle(tr("检测中心连接（使用所选证书）、网点名录和读卡器，通过后写入 {0}。").format(target))
        self.run = named(QPushButton(tr("开始检测")), "setupRunTests")
        self.run.clicked.connect(self.run_tests)
        self.results = named(QLabel(""), "setupResults")
        self.results.setWordWrap(True)
        self.force = named(QCheckBox(tr("检测未通过也保存（例如专线尚未开通；启动后“环境检查”会再提示）")),
            "setupForce")
        self.force.toggled.connect(self.completeChanged)
        self.preview = named(QPlainTextEdit(), "setupPreview")
        self.preview.setReadOnly(True)
        self.error = _error_label("setupWriteError")
        box = QVBoxLayout(self)
        box.addWidget(_natural_width(self.run))
        box.addWidget(self.results)
        box.addWidget(self.force)
        box.addWidget(QLabel(tr("将写入的配置文件：")))
        box.addWidget(self.preview, 1)
        box.addWidget(self.error)

    def initializePage(self) -> None:
        self.preview.setPlainText(self.setup.profile_text())
        self.results.setText("")
        self.setup.results = []
        self.completeChanged.emit()

    def run_tests(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            problems, results = self.setup.run_tests(QPrinterInfo.availablePrinterNames())
        finally:
            QGuiApplication.restoreOverrideCursor()
        lines = [f"✘ {tr(p.message_zh)}" for p in problems]
        lines += [tr("{0} {1}：{2}").format('✔' if r.ok else '✘', tr(r.title_zh), tr(r.detail_zh)) for r in results]
        self.results.setText("\n".join(lines))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.setup.tests_passed or (self.force.isChecked() and bool(self.results.text()))

    def validatePage(self) -> bool:
        try:
            self.written = self.setup.write(self.target)
        except OSError as exc:
            self.error.setText(tr("无法写入 {0}：{1}"
                               "（写入本机配置需要管理员权限）").format(
                                       self.target, exc.strerror or type(exc).__name__))
            return False
        except Exception as exc:  # a ProfileError: the answers do not make a valid profile
            self.error.setText(tr(getattr(exc, "message_zh", None) or str(exc)))
            return False
        return True


class SetupDialog(QWizard):
    def __init__(self, wizard: SetupWizard, target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SetupDialog")
        self.setWindowTitle(tr("首次配置向导 · 社会保障卡柜面业务系统"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("下一步"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("上一步"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("保存配置"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("取消"))
        self.central_page = CentralPage(wizard)
        self.branch_page = BranchPage(wizard)
        self.devices_page = DevicesPage(wizard)
        self.review_page = ReviewPage(wizard, target)
        for page in (self.central_page, self.branch_page, self.devices_page, self.review_page):
            self.addPage(page)
        self.resize(760, 620)

    @property
    def written(self) -> Path | None:
        return self.review_page.written
