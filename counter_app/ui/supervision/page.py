"""主管管理: the supervision page, a set of tabs shown only to supervisors (and the weekend duty
supervisor). Each tab is registered by one line in :data:`TABS`: its key, its title and the
``module:Class`` that builds it from a :class:`SupervisionEnv` (imported on first use, so the
page opens fast and a tab's imports never slow the others)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from counter_app.ui.i18n import tr
from counter_app.ui.qt import named

if TYPE_CHECKING:
    from counter_app.ui.ops import Ops
    from counter_app.workflows.services import CounterServices


@dataclass(frozen=True)
class SupervisionEnv:
    """What every tab is built from."""

    services: CounterServices
    username: str  # the signed-in supervisor (pre-filled as the authorising one)
    ops: Ops

    @property
    def second_factor(self) -> bool:
        return bool(self.services.profile.security.supervisor_second_factor)


@dataclass(frozen=True)
class TabSpec:
    key: str
    title_zh: str
    builder: str  # "module:Class"; the class takes (env) and may have open() (called on show)


TABS: list[TabSpec] = [
    TabSpec("dead_letters", tr("异常件"), "counter_app.ui.supervision.dead_letters:DeadLettersTab"),
    TabSpec("audit", tr("审计日志"), "counter_app.ui.supervision.audit_log:AuditLogTab"),
    TabSpec("sessions", tr("柜员会话"), "counter_app.ui.supervision.sessions:SessionsTab"),
    TabSpec("tellers", tr("柜员与角色"), "counter_app.ui.supervision.tellers:TellersTab"),
    TabSpec("remote", tr("远程授权"), "counter_app.ui.supervision.remote:RemoteApprovalsTab"),
]


def _build(spec: TabSpec, env: SupervisionEnv) -> QWidget:
    module, _, name = spec.builder.partition(":")
    made = getattr(importlib.import_module(module), name)(env)
    if not isinstance(made, QWidget):
        raise TypeError(f"supervision tab {spec.key} is not a widget")
    return made


class SupervisionPage(QWidget):
    def __init__(self, env: SupervisionEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SupervisionPage")
        self.env = env
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(10)
        title = QLabel(tr("主管管理"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        lay.addWidget(title)
        self.specs = list(TABS)
        lay.addWidget(named(QLabel(
            tr("{0}。每项决定均须主管授权（账号、密码"
            "{1}）并写明理由，记入审计日志；不会删除任何记录。").format(
                    tr("、").join(tr(s.title_zh) for s in self.specs), tr("和动态验证码") if env.second_factor else ""),
            wordWrap=True), "Hint"))
        self.tabs = named(QTabWidget(), "SupervisionTabs")
        lay.addWidget(self.tabs, 1)
        self.built: dict[str, QWidget] = {}
        for spec in self.specs:  # placeholders: a tab is built when first shown
            self.tabs.addTab(QWidget(), tr(spec.title_zh))
        self.tabs.currentChanged.connect(self._shown)

    def tab(self, key: str) -> QWidget:
        """The tab ``key``, built on first use."""
        if key not in self.built:
            index = next(i for i, s in enumerate(self.specs) if s.key == key)
            made = _build(self.specs[index], self.env)
            current = self.tabs.currentIndex()
            self.tabs.blockSignals(True)  # replacing the placeholder is not a visit
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, made, tr(self.specs[index].title_zh))
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            if placeholder is not None:
                placeholder.deleteLater()
            self.built[key] = made
        return self.built[key]

    def show_tab(self, key: str) -> QWidget:
        widget = self.tab(key)
        self.tabs.setCurrentWidget(widget)
        self._refresh(widget)
        return widget

    def _shown(self, index: int) -> None:
        if 0 <= index < len(self.specs):
            self.show_tab(self.specs[index].key)

    @staticmethod
    def _refresh(widget: QWidget) -> None:
        opener = getattr(widget, "open", None)
        if callable(opener):
            opener()

    def open(self) -> None:
        """Shown from the menu: the current tab reads afresh."""
        index = max(0, self.tabs.currentIndex())
        self.show_tab(self.specs[index].key)
