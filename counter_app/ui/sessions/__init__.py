"""The teller's work session (柜员会话) in the UI."""

from counter_app.ui.sessions.page import SessionPage

__all__ = ["SessionPage"]
