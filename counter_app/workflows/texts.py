"""Display texts the businesses share below the UI (see ``counter_app/domain/texts.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from counter_app.domain.texts import QT_TR_NOOP, zh


def listing(names: Sequence[str]) -> str:
    """``names`` enumerated with ``、`` as one text the UI translates whole: a ``"、".join``
    would be plain Chinese, so each step nests as ``{item}、{rest}`` and every name that is a
    marked text is translated too. Empty names give ``""``."""
    if not names:
        return ""
    text = names[-1]
    for name in reversed(names[:-1]):
        text = zh("{item}、{rest}", item=name, rest=text)
    return text


def clauses(items: Sequence[str]) -> str:
    """``items`` (sentences, reasons) joined with ``；`` as one translatable text, like
    :func:`listing`."""
    if not items:
        return ""
    text = items[-1]
    for item in reversed(items[:-1]):
        text = zh("{item}；{rest}", item=item, rest=text)
    return text


def alternatives(items: Sequence[str]) -> str:
    """``items`` quoted and joined with ``或`` (either … or …) as one translatable text."""
    if not items:
        return ""
    text = zh("“{item}”", item=items[-1])
    for item in reversed(items[:-1]):
        text = zh("“{item}”或{rest}", item=item, rest=text)
    return text


# The partner banks' names as the catalogue holds them: a refusal composed here names a bank by
# its Chinese name (domain/banks.py keeps the names as data), and the UI's tr() translates that
# value through these entries, whose English is the bank's name_en (tests/unit/workflows/test_texts.py).
BANK_NAMES = (
    QT_TR_NOOP("中国工商银行"), QT_TR_NOOP("中国建设银行"), QT_TR_NOOP("中国银行"), QT_TR_NOOP("中国农业银行"),
    QT_TR_NOOP("浙江省农村信用社联合社"), QT_TR_NOOP("中国邮政储蓄银行"), QT_TR_NOOP("宁波银行"),
)
