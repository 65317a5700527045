"""Whether the supervisor's one-time code (动态验证码) is asked at this counter: the one way every
screen's supervisor fields learn the profile's ``[security] supervisor_second_factor``.

The main window holds the setting as a Qt property (:func:`hold`); supervisor fields built
anywhere inside it (a page's step screen, a dialog opened from a page) ask :func:`required`,
which walks up their parents to it. Built outside a window (a page alone in a test) the code
is asked, the profile's default. The authorisation itself never depends on this: it checks
the code exactly as the profile says (``workflows.login.TellerAuth``); this only hides a box
that would be ignored.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from counter_app.ui.supervisor_dialog import SupervisorFields

PROPERTY = "supervisorSecondFactor"


def hold(window: QWidget, second_factor: bool) -> None:
    """The main window keeps the profile's setting for the screens inside it."""
    window.setProperty(PROPERTY, bool(second_factor))


def required(widget: QWidget | None) -> bool:
    """The setting held by the nearest window above ``widget``; True when none holds it."""
    while widget is not None:
        value = widget.property(PROPERTY)
        if value is not None:
            return bool(value)
        widget = widget.parentWidget()
    return True


def supervisor_fields(parent: QWidget | None, *, prefix: str,
                      within: QWidget | None = None) -> SupervisorFields:
    """The shared supervisor fields (user, password, and the code when the profile asks for
    it). ``within``: a widget already inside the window (the page) when ``parent`` is not
    placed yet (a step screen is built before it is put on the page's stack)."""
    return SupervisorFields(parent, prefix=prefix, second_factor=required(within or parent))
