"""The live status bar: central line, outbox depth, card slot, PSAM slot, weekend service.

:class:`StatusMonitor` gathers readings off the UI thread (the central health check and the
outbox count through :class:`Ops`; reader events from the card layer's monitor thread via
a queued signal) and :class:`CounterStatusBar` renders them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from counter_app.domain.clock import china_now
from counter_app.profile import BranchProfile
from counter_app.ui.i18n import tr
from counter_app.ui.ops import Ops
from counter_app.ui.qt import named
from counter_app.ui.theme import BAD, MUTED, OK, WARN, dot
from counter_app.workflows.status import LineReading, SlotReading, weekend_indicator

Snapshot = dict[str, tuple[bool, bool, str | None]]

PAUSED_DETAIL_ZH = tr("本机与中心系统通信的证书配置有误（CA 证书、网点客户端证书或私钥文件缺失或无法读取），"
                    "待上传业务已暂停发送、不会丢失，修复后自动继续；请联系网点技术支持。")


class PresenceSource(Protocol):
    """The card layer's reader monitor: calls back (from its own thread) on every change."""

    def start(self, callback: Callable[[Snapshot], None]) -> None: ...
    def stop(self) -> None: ...


class StatusMonitor(QObject):
    sig_line = Signal(object)      # LineReading
    sig_outbox = Signal(int, int)  # pending, dead letters
    sig_slots = Signal(object)     # {"card": SlotReading, "psam": SlotReading}
    sig_snapshot = Signal(object)  # raw snapshot, delivered from the monitor thread (queued)

    def __init__(
        self,
        profile: BranchProfile,
        ops: Ops,
        probe_line: Callable[[], LineReading],
        outbox_depth: Callable[[], int],
        presence: PresenceSource | None,
        parent: QObject | None = None,
        *,
        dead_letters: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile, self.ops = profile, ops
        self.probe_line, self.outbox_depth, self.presence = probe_line, outbox_depth, presence
        self.dead_letters = dead_letters
        self.line: LineReading = LineReading("unknown")
        self.slots: dict[str, SlotReading] = {}
        self._probing = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(profile.central.health_interval_s * 1000))
        self.timer.timeout.connect(self.poll)
        self.sig_snapshot.connect(self._on_snapshot)

    def start(self) -> None:
        self.poll()
        self.timer.start()
        if self.presence is not None:
            self.presence.start(self.sig_snapshot.emit)

    def stop(self) -> None:
        self.timer.stop()
        if self.presence is not None:
            self.presence.stop()

    def poll(self) -> None:
        if self._probing:  # a slow line must not pile up probes
            return
        self._probing = True
        self.ops.run(self._read, self._polled, self._failed)

    def _read(self) -> tuple[LineReading, int, int]:  # on the worker thread
        dead = self.dead_letters() if self.dead_letters is not None else 0
        return self.probe_line(), self.outbox_depth(), dead

    def _polled(self, result: tuple[LineReading, int, int]) -> None:
        self._probing = False
        self.line = result[0]
        self.sig_line.emit(result[0])
        self.sig_outbox.emit(result[1], result[2])

    def _failed(self, _error: BaseException) -> None:
        self._probing = False
        self.line = LineReading("offline", None, tr("状态检测失败"))
        self.sig_line.emit(self.line)

    def _on_snapshot(self, snapshot: Snapshot) -> None:
        def slot(name: str) -> SlotReading:
            present, card, atr = snapshot.get(name, (False, False, None))
            return SlotReading(present, card, atr)

        self.slots = {"card": slot(self.profile.readers.card), "psam": slot(self.profile.readers.psam)}
        self.sig_slots.emit(self.slots)


MIN_CELL_WIDTH = 60  # px: the dot and the first word of a status cell
MAX_SESSION_WIDTH = 290  # px: the session cell shows whole up to this (its float is never cut
# to a misleading "¥2"); a longer stale-session text is cut, its tooltip says it


class CounterStatusBar(QStatusBar):
    def __init__(self, profile: BranchProfile, monitor: StatusMonitor,
                 clock: Callable[[], dt.datetime] = china_now) -> None:
        super().__init__()
        self.profile, self.clock = profile, clock
        self.unmonitored = monitor.presence is None
        self.setSizeGripEnabled(False)
        self.line_label = named(QLabel(), "LineStatus")
        self.outbox_label = named(QLabel(), "OutboxStatus")
        self.card_label = named(QLabel(), "CardSlotStatus")
        self.psam_label = named(QLabel(), "PsamSlotStatus")
        self.weekend_label = named(QLabel(), "WeekendStatus")
        self.custody_label = named(QLabel(), "CustodyStatus")  # instant branches: blanks held
        self.custody_label.setVisible(profile.instant_issue)
        self.clock_label = named(QLabel(), "Clock")
        self.session_label = named(QLabel(), "SessionStatus")  # the teller's work session
        self.session_label.setVisible(False)  # shown once the main window knows it
        for w in (self.session_label, self.line_label, self.outbox_label, self.card_label,
                  self.psam_label, self.custody_label):
            self.addWidget(w)
        self.addPermanentWidget(self.weekend_label)
        self.addPermanentWidget(self.clock_label)
        # the cells' whole texts side by side are wider than a 1366-pixel counter screen: the
        # weekend cell (the banner above says the hours too) may be cut short, its tooltip says
        # it whole, rather than the window outgrowing the screen; the line, the unsent count and
        # the two readers always show whole (a red dot without its words tells a teller nothing)
        self.weekend_label.setMinimumWidth(MIN_CELL_WIDTH)
        self.show_line(LineReading("unknown"))
        self.show_outbox(0)
        self.show_slots({})
        self.tick()
        monitor.sig_line.connect(self.show_line)
        monitor.sig_outbox.connect(self.show_outbox)
        monitor.sig_slots.connect(self.show_slots)
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start(1000)

    # Each label keeps a machine-readable state in a property for tests and screen readers.

    def show_line(self, reading: LineReading) -> None:
        text = {
            "online": (OK, tr("在线 {0:.0f} ms").format(reading.latency_ms or 0)),
            "degraded": (WARN, tr("缓慢 {0:.0f} ms").format(reading.latency_ms or 0)),
            "offline": (BAD, tr("离线")),
            "paused": (BAD, tr("暂停发送（本机证书配置有误）")),
            "unknown": (MUTED, tr("检测中…")),
        }.get(reading.state, (MUTED, tr("检测中…")))
        self.line_label.setText(tr("{0} 中心专线：{1}").format(dot(text[0]), text[1]))
        default = PAUSED_DETAIL_ZH if reading.state == "paused" else tr("与人社中心系统的专线连接")
        self.line_label.setToolTip(tr(reading.detail_zh) or default)
        self.line_label.setProperty("state", reading.state)

    def show_outbox(self, depth: int, dead: int = 0) -> None:
        limit = self.profile.offline.max_unsent_count
        color = OK if depth == 0 else (BAD if depth + dead >= limit else WARN)
        text = tr("待上传：{0} 笔").format(depth)
        tip = tr("尚未被中心确认的业务笔数（上限 {0} 笔，含异常件）").format(limit)
        if dead:  # a dead letter never hides behind "0 pending": red until a supervisor decides
            color = BAD
            text += tr(" · 异常件：{0} 笔").format(dead)
            tip += tr("；异常件为中心拒绝的业务，须主管处理（counter-app sync dead-letters）")
        self.outbox_label.setText(f"{dot(color)} {text}")
        self.outbox_label.setToolTip(tip)
        self.outbox_label.setProperty("state", depth)
        self.outbox_label.setProperty("dead", dead)

    def show_custody(self, count: int | None) -> None:
        """Blank cards in the signed-in teller's custody today (None: not known yet)."""
        if count is None:
            self.custody_label.setText(tr("{0} 本人保管空白卡：—").format(dot(MUTED)))
        else:
            self.custody_label.setText(tr("{0} 本人保管空白卡：{1} 张").format(dot(OK if count else MUTED), count))
        # the count is the point of the cell: it shows whole (a cut "本人保管" said nothing); the
        # readers' and weekend cells give way instead
        self.custody_label.setMinimumWidth(self.custody_label.sizeHint().width())
        self.custody_label.setToolTip(tr("今天领用、尚未发卡或交回的空白卡（空白卡库存 → 领用 / 交回）"))
        self.custody_label.setProperty("state", count)

    def show_session(self, state: str, text_zh: str) -> None:
        """The signed-in teller's work session: ``ready``, ``none`` or ``stale``."""
        color = {"ready": OK, "stale": BAD}.get(state, WARN)
        self.session_label.setText(tr("{0} 会话：{1}").format(dot(color), tr(text_zh)))
        self.session_label.setMinimumWidth(min(self.session_label.sizeHint().width(), MAX_SESSION_WIDTH))
        self.session_label.setToolTip(tr(text_zh) + "\n" + tr(
            "柜员会话：开始营业后方可办理业务，营业结束时日终结束（左侧菜单“柜员会话”）"))
        self.session_label.setProperty("state", state)
        self.session_label.setVisible(True)

    def show_slots(self, slots: dict[str, Any]) -> None:
        self._show_slot(self.card_label, tr("卡槽"), slots.get("card"), tr("有卡"), tr("无卡"))
        self._show_slot(self.psam_label, "PSAM", slots.get("psam"), tr("就绪"), tr("未插入"))
        for label in (self.card_label, self.psam_label):
            label.setMinimumWidth(label.sizeHint().width())

    def _show_slot(self, label: QLabel, name: str, reading: SlotReading | None,
                   present_text: str, absent_text: str) -> None:
        label.setToolTip("")  # only the trouble states explain themselves
        if reading is None and self.unmonitored:
            label.setText(tr("{0} {1}：无读卡服务").format(dot(BAD), name))
            label.setToolTip(tr("无法连接智能卡服务（pcscd / WinSCard），请运行 counter-app doctor 检查"))
            label.setProperty("state", "unmonitored")
        elif reading is None:
            label.setText(tr("{0} {1}：检测中…").format(dot(MUTED), name))
            label.setProperty("state", "unknown")
        elif not reading.reader_present:
            label.setText(tr("{0} {1}：未连接").format(dot(BAD), name))
            label.setToolTip(tr("读卡器未连接：请检查读卡器的连接线，或运行 counter-app doctor 检查"))
            label.setProperty("state", "no_reader")
        elif reading.card_present:
            label.setText(tr("{0} {1}：{2}").format(dot(OK), name, present_text))
            label.setProperty("state", "card")
        else:
            label.setText(tr("{0} {1}：{2}").format(dot(MUTED if name == tr('卡槽') else BAD), name, absent_text))
            label.setProperty("state", "empty")

    def tick(self) -> None:
        now = self.clock()
        state, text = weekend_indicator(self.profile.weekend, now)
        text = tr(text)  # composed below the UI (workflows.status)
        color = {"open": OK, "closed": WARN, "weekday": MUTED}[state]
        self.weekend_label.setText(f"{dot(color)} {text}")
        self.weekend_label.setToolTip(text)
        self.weekend_label.setProperty("state", state)
        self.clock_label.setText(now.strftime("%Y-%m-%d %H:%M"))  # minutes: room for the readers
