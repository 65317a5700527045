"""Errors with stable codes and a message in the teller's language.

Every error that can reach a teller derives from :class:`CounterError`. The code is
stable (tests, logs and the central use it); the message is Simplified Chinese and
says what went wrong and what to do.
"""

from __future__ import annotations

from counter_app.domain.texts import QT_TR_NOOP


class CounterError(Exception):
    """Root of every error the application raises on purpose."""

    code: str = "COUNTER_ERROR"
    message_zh: str = QT_TR_NOOP("操作失败，请重试或联系网点技术支持。")

    def __init__(self, message_zh: str | None = None, *, code: str | None = None) -> None:
        if message_zh is not None:
            self.message_zh = message_zh
        if code is not None:
            self.code = code
        super().__init__(f"[{self.code}] {self.message_zh}")


class ValidationError(CounterError):
    """Input the teller typed or a device delivered is not acceptable."""

    code = "INVALID_INPUT"

    def __init__(self, field: str, message_zh: str, *, code: str | None = None) -> None:
        self.field = field
        super().__init__(message_zh, code=code)


class ConfigurationError(CounterError):
    """The branch profile or installation is wrong; branch IT must fix it."""

    code = "CONFIG_ERROR"
