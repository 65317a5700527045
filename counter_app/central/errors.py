"""Typed errors of the central adapter.

The teller sees what really went wrong: the line (network), a timeout, the central's own
refusal (with its stable code and Chinese message), a TLS/configuration problem, or a
response the counter cannot understand. Messages never contain personal data or URLs.
"""

from __future__ import annotations

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP


class CentralError(CounterError):
    """Root of every error from talking to the central system."""

    code = "CENTRAL_ERROR"
    message_zh = QT_TR_NOOP("与中心系统通信失败，请稍后重试。")
    #: True when the same request may succeed later without any change (sync retries it).
    retryable: bool = True
    #: How long the failed call took, in ms; set by the health probe.
    latency_ms: float | None = None


class LineDownError(CentralError):
    """No connection: the dedicated line or the central is down (refused, reset, DNS)."""

    code = "CENTRAL_LINE_DOWN"
    message_zh = QT_TR_NOOP("无法连接中心系统（专线中断或中心停机），可暂存业务待恢复后上传。")


class CentralTimeoutError(CentralError):
    """Connected (or tried to) but the central did not answer in time.

    For a mutating call the central may have committed it: retry with the SAME
    Idempotency-Key, never a new one.
    """

    code = "CENTRAL_TIMEOUT"
    message_zh = QT_TR_NOOP("中心系统响应超时，业务可能已受理，请勿重复办理，系统将自动核对。")

    def __init__(self, message_zh: str | None = None, *, phase: str = "read") -> None:
        self.phase = phase
        super().__init__(message_zh)


class OutcomeUnknownError(CentralTimeoutError):
    """The connection broke after a mutating request was sent and before its answer arrived:
    the central may have committed it. Like a timeout: replay under the SAME Idempotency-Key,
    never change plans (``nothing_sent`` is False)."""

    code = "CENTRAL_OUTCOME_UNKNOWN"
    message_zh = QT_TR_NOOP("与中心系统的连接在应答途中中断，业务可能已受理，请勿重复办理，系统将自动核对。")

    def __init__(self, message_zh: str | None = None) -> None:
        super().__init__(message_zh, phase="answer")


class CentralTlsError(CentralError):
    """TLS handshake or certificate verification failed: never falls back to plain HTTP."""

    code = "CENTRAL_TLS_ERROR"
    message_zh = QT_TR_NOOP("与中心系统的安全连接校验失败（证书无效、过期或不匹配），请联系网点技术支持。")
    retryable = False


class CentralConfigError(CentralError):
    """This counter's own central settings cannot be used: the CA, client certificate or key
    file is missing, unreadable or not valid TLS material. Nothing was sent; no message is at
    fault and sending again changes nothing until the file is fixed, so the outbox pauses
    (never dead-letters) and the teller is told to call technical support."""

    code = "CENTRAL_CONFIG_ERROR"
    message_zh = QT_TR_NOOP("本机与中心系统通信的证书配置有误（CA 证书、网点客户端证书或私钥文件缺失、"
                            "无法读取或格式不正确），待上传业务已暂停发送、不会丢失，请联系网点技术支持。")
    retryable = False


class CentralRefusal(CentralError):
    """The central answered and refused, with its own stable code and Chinese message."""

    code = "CENTRAL_REFUSED"
    retryable = False

    def __init__(self, status: int, code: str, message_zh: str,
                 details: dict[str, object] | None = None) -> None:
        self.status = status
        self.central_code = code
        self.details = details or {}
        super().__init__(message_zh, code=code)


class CentralBusy(CentralRefusal):
    """Transient refusals: the same request is in progress, or the resource is locked."""

    retryable = True


class CentralServerError(CentralRefusal):
    """The central failed (5xx): transient, retry later with the same key."""

    retryable = True


class BadResponseError(CentralError):
    """The central's answer is not what the contract says (not JSON, fields missing)."""

    code = "CENTRAL_BAD_RESPONSE"
    message_zh = QT_TR_NOOP("中心系统返回的数据格式不正确，请联系网点技术支持。")


TRANSIENT_CODES = frozenset({"IDEMPOTENCY_IN_PROGRESS", "BATCH_LOCKED"})

#: Failures of the line itself rather than of one request: the counter treats the central as
#: unreachable (line state offline, work that can be queued is queued, the sync drain stops
#: instead of hammering, nothing is dead-lettered). A TLS failure counts: the handshake failed
#: before any request was sent, so, like a refused connection, nothing reached the central
#: and no message is at fault; what differs is the cure (a certificate or configuration fix,
#: hence ``retryable = False`` and its own message for the teller), while the staleness rules
#: bound how long work may queue meanwhile. A local configuration error (CA, certificate or key
#: file) counts the same way: nothing was sent, the sync worker pauses instead of retrying.
#: A timeout or an answer lost after sending counts too, but the central may have committed
#: the call: retry it with the same Idempotency-Key.
LINE_ERRORS: tuple[type[CentralError], ...] = (LineDownError, CentralTimeoutError, CentralTlsError,
                                               CentralConfigError)


def is_line_error(error: BaseException) -> bool:
    """True when ``error`` means the central cannot be reached at all (see LINE_ERRORS)."""
    return isinstance(error, LINE_ERRORS)


def nothing_sent(error: BaseException) -> bool:
    """True when the failed call certainly did not reach the central (safe to switch modes).

    The ONE place that says so: a refused connection, a failed handshake or unusable local
    TLS material. A timeout or a connection lost after sending (OutcomeUnknownError) is not.
    """
    return isinstance(error, (LineDownError, CentralTlsError, CentralConfigError))
