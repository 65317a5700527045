"""The 7 partner banks that serve social security cards at their counters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bank:
    code: str
    name_zh: str
    name_en: str


PARTNER_BANKS: dict[str, Bank] = {  # i18n: data (each bank carries its English name)
    b.code: b
    for b in (
        Bank("ICBC", "中国工商银行", "Industrial and Commercial Bank of China"),
        Bank("CCB", "中国建设银行", "China Construction Bank"),
        Bank("BOC", "中国银行", "Bank of China"),
        Bank("ABC", "中国农业银行", "Agricultural Bank of China"),
        Bank("ZJRCU", "浙江省农村信用社联合社", "Zhejiang Rural Credit Union"),
        Bank("PSBC", "中国邮政储蓄银行", "Postal Savings Bank of China"),
        Bank("NBCB", "宁波银行", "Bank of Ningbo"),
    )
}
