"""How every screen's supervisor fields learn what this counter offers: whether the one-time code
(动态验证码) is asked (the profile's ``[security] supervisor_second_factor``) and whether a
supervisor at another counter may approve instead (远程授权, docs/supervision.md).

The main window holds both (:func:`hold`): the setting as a Qt property, and the remote approval
desk with the window's worker and the signed-in teller. Supervisor fields built anywhere inside
it (a page's step screen, a dialog opened from a page) find them by walking up their parents;
fields built before their page is placed in the window (a page built, then added) look again
when they are first shown. Built outside a window (a page alone in a test) the code is asked,
the profile's default, and no remote approval is offered. The authorisation itself never
depends on this: it checks the code exactly as the profile says (``workflows.login.TellerAuth``);
this only hides a box that would be ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from counter_app.ui.supervisor_dialog import RemoteAsk, RemoteDesk, SupervisorFields

if TYPE_CHECKING:
    from counter_app.ui.ops import Ops

PROPERTY = "supervisorSecondFactor"
REMOTE_PROPERTY = "supervisorRemoteApproval"


@dataclass(frozen=True)
class RemoteHold:
    """What the window offers for 远程授权: the desk, the worker it polls on, the teller."""

    desk: RemoteDesk
    ops: Ops
    teller: str


@dataclass(frozen=True)
class RemoteAct:
    """The act a screen's supervisor fields authorise, as a remote request names it: the
    purpose its authorisation checks and the summary the approving supervisor reads (either
    may be a function read when the teller presses the button; see ``RemoteAsk``)."""

    purpose: str | Callable[[], str]
    summary: str | Callable[[], str]


def hold(window: QWidget, second_factor: bool, remote: RemoteHold | None = None) -> None:
    """The main window keeps the profile's setting (and the remote desk) for its screens."""
    window.setProperty(PROPERTY, bool(second_factor))
    if remote is not None:
        window.setProperty(REMOTE_PROPERTY, remote)


def required(widget: QWidget | None) -> bool:
    """The setting held by the nearest window above ``widget``; True when none holds it."""
    while widget is not None:
        value = widget.property(PROPERTY)
        if value is not None:
            return bool(value)
        widget = widget.parentWidget()
    return True


def remote_hold(widget: QWidget | None) -> RemoteHold | None:
    """The remote approval the nearest holder above ``widget`` offers; None when none does."""
    while widget is not None:
        value = widget.property(REMOTE_PROPERTY)
        if isinstance(value, RemoteHold):
            return value
        widget = widget.parentWidget()
    return None


class _Settle(QObject):
    """Applies what the window holds to one set of fields, at once and again when shown."""

    def __init__(self, fields: SupervisorFields, act: RemoteAct | None) -> None:
        super().__init__(fields)
        self.fields, self.act = fields, act
        fields.installEventFilter(self)

    def apply(self, where: QWidget | None) -> None:
        held = holder(where)
        if held is None:
            return
        self.fields.set_second_factor(required(held))
        remote = remote_hold(held)
        if self.act is not None and remote is not None:
            self.fields.offer_remote(RemoteAsk(remote.desk, remote.ops, self.act.purpose,
                                               self.act.summary, remote.teller))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.fields and event.type() == QEvent.Type.Show:
            self.apply(self.fields)
        return False


def holder(widget: QWidget | None) -> QWidget | None:
    """The nearest widget at or above ``widget`` that holds the setting."""
    while widget is not None:
        if widget.property(PROPERTY) is not None:
            return widget
        widget = widget.parentWidget()
    return None


def supervisor_fields(parent: QWidget | None, *, prefix: str, within: QWidget | None = None,
                      remote: RemoteAct | None = None) -> SupervisorFields:
    """The shared supervisor fields (user, password, and the code when the profile asks for
    it; with ``remote``, 请其他柜台主管远程授权 for that act when the window offers it: connect
    ``remote_approved`` to the act). ``within``: a widget already inside the window (the page)
    when ``parent`` is not placed yet (a step screen is built before it is put on the page's
    stack)."""
    fields = SupervisorFields(parent, prefix=prefix, second_factor=required(within or parent))
    _Settle(fields, remote).apply(within or parent)
    return fields
