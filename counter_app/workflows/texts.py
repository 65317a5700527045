"""Display texts the businesses share below the UI (see ``counter_app/domain/texts.py``)."""

from __future__ import annotations

from counter_app.domain.texts import QT_TR_NOOP

# The partner banks' names as the catalogue holds them: a refusal composed here names a bank by
# its Chinese name (domain/banks.py keeps the names as data), and the UI's tr() translates that
# value through these entries, whose English is the bank's name_en (tests/unit/workflows/test_texts.py).
BANK_NAMES = (
    QT_TR_NOOP("中国工商银行"), QT_TR_NOOP("中国建设银行"), QT_TR_NOOP("中国银行"), QT_TR_NOOP("中国农业银行"),
    QT_TR_NOOP("浙江省农村信用社联合社"), QT_TR_NOOP("中国邮政储蓄银行"), QT_TR_NOOP("宁波银行"),
)
