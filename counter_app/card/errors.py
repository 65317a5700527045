"""Typed card errors with the teller's meaning.

Every status word and PC/SC failure that a teller can meet becomes one of these. They all
derive from :class:`counter_app.domain.errors.CounterError`, so the UI shows ``message_zh``
and logs carry the stable ``code``. Messages never contain card data or PINs.
"""

from __future__ import annotations

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh


class CardError(CounterError):
    """Root of every card-layer error."""

    code = "CARD_ERROR"
    message_zh = QT_TR_NOOP("读写社保卡失败，请将卡片重新插入读卡器后重试。")


class NoReaderError(CardError):
    code = "CARD_NO_READER"

    def __init__(self, reader: str | None = None) -> None:
        self.reader = reader
        super().__init__(QT_TR_NOOP("未检测到读卡器，请检查读卡器连接线或联系网点技术支持。"))


class CardLinkError(CardError):
    """The link to the card broke in the middle of an operation (removed, reader gone,
    timeout, communication failure). Whatever was in flight has an unknown outcome."""

    code = "CARD_LINK"


class ReaderGoneError(CardLinkError):
    """The reader (or the PC/SC service) disappeared during an operation."""

    code = "CARD_READER_GONE"
    message_zh = QT_TR_NOOP("读卡器已断开，请检查读卡器连接后重新操作。")


class PcscServiceError(CardLinkError):
    code = "CARD_PCSC_SERVICE"
    message_zh = QT_TR_NOOP("读卡服务（pcscd）未运行，请重启电脑或联系网点技术支持。")


class NoCardError(CardError):
    code = "CARD_NO_CARD"
    message_zh = QT_TR_NOOP("读卡器中没有卡片，请插入社保卡（芯片朝上）。")


class CardRemovedError(CardLinkError):
    """The card left the reader (or was reset by someone else) in the middle of a command."""

    code = "CARD_REMOVED"
    message_zh = QT_TR_NOOP("操作过程中卡片被拔出，请重新插入同一张卡片后继续。")


class CardTimeoutError(CardLinkError):
    code = "CARD_TIMEOUT"
    message_zh = QT_TR_NOOP("卡片长时间无响应，请取出卡片重新插入后重试。")


class CardCommunicationError(CardLinkError):
    code = "CARD_COMM"
    message_zh = QT_TR_NOOP("与卡片通讯失败，请取出卡片擦拭芯片后重新插入。")


class CardBusyError(CardError):
    code = "CARD_BUSY"
    message_zh = QT_TR_NOOP("读卡器正被其他程序占用，请关闭其他读卡程序后重试。")


class CardStatusError(CardError):
    """The card answered with a status word that means failure."""

    code = "CARD_STATUS"

    def __init__(self, sw: int, message_zh: str | None = None, *, code: str | None = None) -> None:
        self.sw = sw
        super().__init__(
            message_zh or zh("卡片拒绝了该操作（状态码 {sw:04X}），请联系网点技术支持。", sw=sw),
            code=code
        )


class WrongPinError(CardStatusError):
    code = "CARD_PIN_WRONG"

    def __init__(self, sw: int, tries_left: int) -> None:
        self.tries_left = tries_left
        super().__init__(sw, zh("密码错误，还可以再试{tries_left}次。连续输错将锁定社保卡密码。",
                                tries_left=tries_left))


class PinBlockedError(CardStatusError):
    code = "CARD_PIN_BLOCKED"

    def __init__(self, sw: int = 0x6983) -> None:
        super().__init__(sw, QT_TR_NOOP("社保卡密码已锁定，请持本人身份证办理密码解锁（重置）业务。"))


class SecurityStatusError(CardStatusError):
    """6982: the command needs a PIN or external authentication first."""

    code = "CARD_SECURITY_STATUS"

    def __init__(self, sw: int = 0x6982) -> None:
        super().__init__(sw, QT_TR_NOOP("卡片安全状态不满足（未验证密码或未通过外部认证），操作被拒绝。"))


class AuthenticationFailedError(CardStatusError):
    """External authentication failed: the PSAM's key does not match the card's.

    Never retried automatically with the same keys: cards count failures and lock the key.
    """

    code = "CARD_AUTH_FAILED"

    def __init__(self, sw: int, tries_left: int | None = None) -> None:
        self.tries_left = tries_left
        if tries_left is None:
            message = QT_TR_NOOP("卡片外部认证失败，PSAM卡与社保卡密钥不匹配。"
                                 "系统不会自动重试，请核对PSAM卡和社保卡所属地区后联系网点技术支持。")
        else:
            message = zh("卡片外部认证失败，PSAM卡与社保卡密钥不匹配（卡片剩余认证次数：{tries_left}）。"
                         "系统不会自动重试，请核对PSAM卡和社保卡所属地区后联系网点技术支持。",
                         tries_left=tries_left)
        super().__init__(sw, message)


class KeyLockedError(CardStatusError):
    code = "CARD_KEY_LOCKED"

    def __init__(self, sw: int = 0x6983) -> None:
        super().__init__(sw, QT_TR_NOOP("卡片认证密钥已锁定，该卡无法写入，请按坏卡流程处理。"))


class FileNotFoundOnCardError(CardStatusError):
    code = "CARD_FILE_NOT_FOUND"

    def __init__(self, sw: int = 0x6A82) -> None:
        super().__init__(sw, QT_TR_NOOP("卡片中没有找到社会保障应用或数据文件，可能不是社保卡或卡片未个人化。"))


class RecordNotFoundError(CardStatusError):
    code = "CARD_RECORD_NOT_FOUND"

    def __init__(self, sw: int = 0x6A83) -> None:
        super().__init__(sw, QT_TR_NOOP("卡片中没有找到所需的数据记录，卡片可能未个人化或已损坏。"))


class ConditionsNotSatisfiedError(CardStatusError):
    code = "CARD_CONDITIONS"

    def __init__(self, sw: int = 0x6985) -> None:
        super().__init__(sw, QT_TR_NOOP("卡片当前状态不允许该操作，请重新插卡后按流程操作。"))


class PsamError(CardError):
    code = "PSAM_ERROR"
    message_zh = QT_TR_NOOP("PSAM卡（网点安全模块）操作失败，请检查PSAM卡座或联系网点技术支持。")


class CardDataError(CardError):
    """The card answered but its data is malformed (wrong tag, length or encoding)."""

    code = "CARD_DATA_INVALID"
    message_zh = QT_TR_NOOP("卡片内数据格式异常，无法识别，请按坏卡流程处理。")
