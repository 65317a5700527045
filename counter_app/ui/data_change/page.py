"""Personal data change (参保信息变更) in the work area: identify, the new values (each with
its proof level), the proof (records seen; ID card read + police or court paper and its
number), confirm, receipt — with the hand-over to replacement for a new name or ID number
and the offer to write the chip (card services).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named
from counter_app.ui.registration.common import (
    PersonIdentifyScreen,
    PersonOpsPage,
    ReceiptScreen,
)
from counter_app.ui.theme import BAD, MUTED, OK
from counter_app.ui.widgets import Banner, FormGrid
from counter_app.ui.wizard_page import StepScreen, WizardPage, message_of
from counter_app.workflows.card_services.handover import chip_write_handover
from counter_app.workflows.data_change import (
    FIELDS,
    NEW_CARD_ZH,
    PAPER_KINDS,
    DataChangeDesk,
    DataChangeWorkflow,
    Level,
    Step,
)
from counter_app.workflows.data_change.documents import chip_out_of_date, shown
from counter_app.workflows.data_change.handover import replacement_handover
from counter_app.workflows.data_change.record import FIELD_BY_KEY, NATION_NAMES, SEX_ZH

Screen = StepScreen[DataChangeWorkflow]
LEVEL_ZH = {Level.NONE: tr("无需证明"), Level.RECORDS: tr("须核验档案等原始记录"),
            Level.PAPERS: tr("须读取身份证并提供公安或法院证明")}


def _page(screen: Screen) -> DataChangePage:
    page = screen.page
    assert isinstance(page, DataChangePage)
    return page


class IdentifyScreen(PersonIdentifyScreen):
    key = Step.IDENTIFY
    title_zh = tr("核验身份")
    lead = tr("将本人的居民身份证放在阅读器上按 F2 读取；无法读卡时录入号码（核对原件）。"
            "姓名、身份证号码、性别、民族的变更必须读取身份证。")


class ChangesScreen(Screen):
    key = Step.CHANGES
    title_zh = tr("变更内容")
    lead = tr("只填写要变更的项目，其余留空。每项右侧注明所需的证明。")

    def __init__(self, page: WizardPage[DataChangeWorkflow]) -> None:
        super().__init__(page)
        self.current = named(QLabel("", wordWrap=True), "Current")
        self.current.setStyleSheet("font-size: 15px;")
        self.root.addWidget(self.current)
        self.grid = FormGrid()
        self.editors: dict[str, QLineEdit | QComboBox] = {}
        for f in FIELDS:
            editor: QLineEdit | QComboBox
            if f.options:
                editor = QComboBox()
                editor.addItem(tr("（不变更）"), "")
                for option in f.options:
                    editor.addItem(tr(SEX_ZH.get(option, option)) if f.key == "sex"
                                   else NATION_NAMES.get(option, option), option)
            else:
                editor = QLineEdit()
                if f.key.endswith("_date"):
                    editor.setPlaceholderText("YYYY-MM-DD")
            named(editor, f"change_{f.key}")
            self.grid.add(f.key, tr(f.title_zh), editor, hint=tr(LEVEL_ZH[f.level]))
            self.editors[f.key] = editor
        self.root.addLayout(self.grid)
        self.error = named(QLabel("", wordWrap=True), "FieldError")
        self.error.setStyleSheet(f"color: {BAD};")
        self.root.addWidget(self.error)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        if r.line_down:
            self.current.setText(tr("<span style='color:{0}'>专线中断，无法向中心查询本人信息："
                                 "只能办理联系电话、地址、学历、婚姻状况的变更（暂存，线路恢复后上传）。</span>").format(BAD))
        else:
            self.current.setText(tr("中心登记信息：姓名 <b>{0}</b>　"
                                 "性别 {1}　出生日期 {2}").format(
                                         html.escape(r.current_name), tr(SEX_ZH.get(r.current_sex,
                                             r.current_sex)), r.current_birth))
        values = {c.field: c.value for c in r.changes}
        for key, editor in self.editors.items():
            value = values.get(key, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor.setText(value)
            editor.setEnabled(not r.line_down or FIELD_BY_KEY[key].level is Level.NONE)
        self.error.setText("")

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.editors.items():
            out[key] = str(editor.currentData() or "") if isinstance(editor, QComboBox) else editor.text()
        return out

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        self.error.setText(f"✗ {errors['changes']}" if errors.get("changes") else "")

    def first_focus(self) -> QWidget | None:
        return self.editors["phone"]


class ProofScreen(Screen):
    key = Step.PROOF
    title_zh = tr("证明材料")
    lead = tr("请核验下列证明材料原件，勾选已核验的记录；身份信息变更须录入证明文书的编号。")

    def __init__(self, page: WizardPage[DataChangeWorkflow]) -> None:
        super().__init__(page)
        self.records_frame = named(QFrame(), "Card")
        lay = QVBoxLayout(self.records_frame)
        lay.setContentsMargins(16, 10, 16, 10)
        self.record_boxes: dict[tuple[str, int], QCheckBox] = {}
        self.record_titles: dict[str, QLabel] = {}
        for f in FIELDS:
            if f.level is not Level.RECORDS:
                continue
            title = QLabel(tr("{0}：已核验以下原始记录（至少一项）").format(tr(f.title_zh)))
            title.setStyleSheet("font-weight:bold;")
            lay.addWidget(title)
            self.record_titles[f.key] = title
            for i, rec in enumerate(f.records):
                box = named(QCheckBox(tr(rec)), f"rec_{f.key}_{i}")
                box.setStyleSheet("font-size: 15px;")
                lay.addWidget(box)
                self.record_boxes[(f.key, i)] = box
        self.records_error = named(QLabel("", wordWrap=True), "FieldError")
        self.records_error.setStyleSheet(f"color: {BAD};")
        lay.addWidget(self.records_error)
        self.root.addWidget(self.records_frame)

        self.papers_frame = named(QFrame(), "Card")
        lay = QVBoxLayout(self.papers_frame)
        lay.setContentsMargins(16, 10, 16, 10)
        row = QHBoxLayout()
        self.id_state = named(QLabel(""), "IdCardState")
        row.addWidget(self.id_state, 1)
        self.read_button = named(QPushButton(tr("读取身份证 (F2)")), "ReadIdCard")
        self.read_button.clicked.connect(self.read_id)
        row.addWidget(self.read_button)
        lay.addLayout(row)
        kinds = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.paper_kinds: dict[str, QRadioButton] = {}
        for kind, text in PAPER_KINDS.items():
            b = named(QRadioButton(tr(text)), f"paper_{kind}")
            self.group.addButton(b)
            kinds.addWidget(b)
            self.paper_kinds[kind] = b
        kinds.addStretch(1)
        lay.addLayout(kinds)
        self.grid = FormGrid()
        self.paper_no = named(QLineEdit(), "PaperNo")
        self.paper_no.setPlaceholderText(tr("证明或判决书上的编号（文号）"))
        self.grid.add("paper_no", tr("证明编号"), self.paper_no)
        lay.addLayout(self.grid)
        self.papers_error = named(QLabel("", wordWrap=True), "FieldError")
        self.papers_error.setStyleSheet(f"color: {BAD};")
        lay.addWidget(self.papers_error)
        self.root.addWidget(self.papers_frame)
        self.central_error = Banner(self, "ProofRefused")
        self.root.addWidget(self.central_error)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        changed = {c.field for c in r.changes}
        any_records = False
        for key, title in self.record_titles.items():
            title.setVisible(key in changed)
            any_records |= key in changed
        for (key, i), box in self.record_boxes.items():
            box.setVisible(key in changed)
            box.setChecked(FIELD_BY_KEY[key].records[i] in r.records_seen)
        self.records_frame.setVisible(any_records)
        papers = self.wf.level is Level.PAPERS
        self.papers_frame.setVisible(papers)
        read = r.identity.source == "reader"
        self.id_state.setText(
            tr("<span style='color:{0}; font-weight:bold'>✓ 已读取本人身份证</span>").format(OK) if read
            else tr("<span style='color:{0}; font-weight:bold'>✗ 未读取身份证（手工录入的号码不能办理）</span>").format(
                    BAD))
        self.read_button.setVisible(not read)
        self.group.setExclusive(False)
        for kind, b in self.paper_kinds.items():
            b.setChecked(kind == r.paper_kind)
        self.group.setExclusive(True)
        self.paper_no.setText(r.paper_no)
        self.records_error.setText("")
        self.papers_error.setText("")
        self.central_error.clear()

    def values(self) -> dict[str, str]:
        out = {f"rec_{k}_{i}": "1" for (k, i), b in self.record_boxes.items()
               if b.isChecked() and b.isVisible()}
        kind = next((k for k, b in self.paper_kinds.items() if b.isChecked()), "")
        return {**out, "paper_kind": kind, "paper_no": self.paper_no.text()}

    def show_errors(self, errors: Mapping[str, str]) -> None:
        super().show_errors(errors)
        self.records_error.setText("\n".join(f"✗ {v}" for k, v in errors.items() if k.startswith("records_")))
        self.papers_error.setText("\n".join(f"✗ {v}" for k, v in errors.items()
                                            if k in ("id_card", "paper_kind")))
        if errors.get("proof"):
            self.central_error.show_message(errors["proof"], "bad")

    def read_id(self) -> None:
        page = _page(self)
        values = self.values()

        def job() -> Any:
            card = self.wf.read_id_card()
            self.wf.apply(Step.PROOF, values)
            return card

        def done(_r: Any) -> None:
            page.show_step()

        page.run(job, done, lambda e: self.show_errors({"id_card": message_of(e)}),
                 busy=tr("正在读取身份证…"))

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F2": self.read_id}


class ConfirmScreen(Screen):
    key = Step.CONFIRM
    title_zh = tr("确认提交")
    lead = tr("请与本人逐项核对变更内容，确认后提交中心系统。")

    def __init__(self, page: WizardPage[DataChangeWorkflow]) -> None:
        super().__init__(page)
        self.summary = named(QLabel("", wordWrap=True), "Summary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.root.addWidget(self.summary)
        self.warning = named(QLabel("", wordWrap=True), "NewCardWarning")
        self.warning.setStyleSheet(f"color: {BAD}; font-size: 15px;")
        self.root.addWidget(self.warning)
        row = QHBoxLayout()
        row.addStretch(1)
        self.submit_button = named(QPushButton(tr("确认变更 (F9)")), "Primary")
        self.submit_button.setMinimumWidth(180)
        self.submit_button.clicked.connect(lambda: _page(self).submit())
        row.addWidget(self.submit_button)
        self.root.addLayout(row)
        self.root.addStretch(1)

    def load(self) -> None:
        r = self.wf.record
        rows = [(tr(FIELD_BY_KEY[c.field].title_zh), shown(c.field, c.value)) for c in r.changes]
        if r.records_seen:
            rows.append((tr("已核验记录"), tr("；").join(tr(seen) for seen in r.records_seen)))
        if r.paper_kind:
            rows.append((tr("证明材料"), tr("{0}（编号 {1}）").format(tr(PAPER_KINDS[r.paper_kind]), r.paper_no)))
        cells = "".join(f"<tr><td style='color:{MUTED}; padding-right:16px'>{k}</td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        self.summary.setText(f"<table style='font-size:15px'>{cells}</table>")
        identity = {c.field for c in r.changes} & {"name", "id_number"}
        self.warning.setText(tr("变更姓名或身份证号码后，持有社会保障卡的须换发新卡（中心确认后提示）。")
                             if identity else "")

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        return {"F9": self.submit_button.click}

    def first_focus(self) -> QWidget | None:
        return self.submit_button


class DoneScreen(ReceiptScreen):
    key = Step.DONE

    def __init__(self, page: WizardPage[DataChangeWorkflow]) -> None:
        super().__init__(page)
        box = QVBoxLayout()
        self.new_card = named(QLabel("", wordWrap=True), "NewCard")
        self.new_card.setStyleSheet(f"color: {BAD}; font-size: 15px; font-weight: bold;")
        box.addWidget(self.new_card)
        row = QHBoxLayout()
        self.replace_button = named(QPushButton(tr("转到补卡/换卡 (F7)")), "GoReplacement")
        self.replace_button.clicked.connect(self.go_replacement)
        self.chip_button = named(QPushButton(tr("转到信息变更写卡 (F6)")), "WriteChip")
        self.chip_button.clicked.connect(self.write_chip)
        row.addWidget(self.replace_button)
        row.addWidget(self.chip_button)
        row.addStretch(1)
        box.addLayout(row)
        self.handover = named(QLabel("", wordWrap=True), "Handover")
        self.handover.setStyleSheet("font-size: 14px;")
        box.addWidget(self.handover)
        self.extra.addLayout(box, 1)

    def load(self) -> None:
        super().load()
        outcome = self.wf.record.outcome
        if outcome is None:
            return
        self.new_card.setText(tr(NEW_CARD_ZH) if outcome.new_card_required else "")
        self.replace_button.setVisible(outcome.new_card_required)
        # the chip is written when the card stays (no new card) and the central took it
        chip = chip_out_of_date(self.wf.record)
        self.chip_button.setVisible(chip)
        self.handover.setStyleSheet(f"color: {MUTED}; font-size: 14px;")
        if chip:
            self.handover.setText(tr("社保卡芯片内的信息与变更后不一致：按 F6 转到“密码及卡片服务”，"
                                  "选择“信息变更写卡”，读取本人身份证和社保卡后写卡。"))
        elif outcome.status == "done" and not outcome.new_card_required:
            self.handover.setText(tr("本次变更的信息不写入社保卡芯片，无需写卡。"))
        else:
            self.handover.setText("")

    def go_replacement(self) -> None:
        handover = replacement_handover(self.wf.record)
        if handover is not None:  # the person and 信息变更换卡 go with the route
            _page(self).sig_hand_over.emit("replacement", handover)

    def write_chip(self) -> None:
        handover = chip_write_handover(self.wf.record)
        if handover is not None:  # the person and 信息变更写卡 go with the route
            _page(self).sig_hand_over.emit("card_services", handover)

    def shortcuts(self) -> dict[str, Callable[[], Any]]:
        keys = super().shortcuts()
        if self.replace_button.isVisible():
            keys["F7"] = self.replace_button.click
        if self.chip_button.isVisible():
            keys["F6"] = self.chip_button.click
        return keys


class DataChangePage(PersonOpsPage):
    desk: DataChangeDesk
    sig_hand_over = Signal(str, object)  # a business key and what it is handed (the person)

    title_zh = tr("参保信息变更")
    screens: ClassVar[Mapping[str, Callable[[Any], Any]]] = {
        Step.IDENTIFY: IdentifyScreen, Step.CHANGES: ChangesScreen, Step.PROOF: ProofScreen,
        Step.CONFIRM: ConfirmScreen, Step.DONE: DoneScreen,
    }
    global_keys = ("F2", "F6", "F7", "F9", "F10", "F11", "Ctrl+N")
    no_back = frozenset({Step.IDENTIFY, Step.DONE})
    no_next = frozenset({Step.CONFIRM, Step.DONE})
    confirm_step = Step.CONFIRM
    done_step = Step.DONE
    submit_busy = tr("正在提交信息变更…")

    def __init__(self, desk: DataChangeDesk, **kw: Any) -> None:
        super().__init__(desk, **kw)
        self.setObjectName("DataChangePage")

    def who_text(self) -> str:
        wf = self.wizard
        if wf is None:
            return ""
        name = wf.record.current_name or wf.record.identity.name
        return tr("参保人：{0}").format(name or tr('尚未识别'))
