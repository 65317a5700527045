"""The day-end refusal and the amounts' errors are composed texts the English UI renders whole:
the list of differences keeps each difference translatable (``domain.texts.clauses``), and the
Chinese stays exactly what the teller read before."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from counter_app.workflows.day_end.desk import unexplained_zh
from counter_app.workflows.day_end.report import Difference, cash_differences

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_the_refusal_lists_three_differences_in_chinese_as_before() -> None:
    short, over = cash_differences(10000, 9000, []) + cash_differences(100, 300, [])
    left = [short, over, Difference("x", short.text_zh), Difference("y", over.text_zh)]
    text = unexplained_zh(left)
    listed = "；".join(d.text_zh for d in left[:3]) + "……"
    assert text == (f"日终轧账有 4 项差异尚未说明，不能结束营业：{listed}"
                    "请在“日终轧账”中逐项说明原因（至少4个字）后再结束。")
    assert "短款 ¥10.00" in short.text_zh and "长款 ¥2.00" in over.text_zh


def test_the_english_ui_renders_the_refusal_and_the_cash_error_in_english() -> None:
    code = (
        "from counter_app.ui import i18n\n"
        "i18n.set_language('en')\n"
        "from counter_app.workflows.day_end.desk import unexplained_zh\n"
        "from counter_app.workflows.day_end.report import cash_differences\n"
        "from counter_app.workflows.sessions.desk import parse_yuan\n"
        "from counter_app.domain.errors import ValidationError\n"
        "left = cash_differences(10000, 9000, []) + cash_differences(100, 300, [])\n"
        "print(i18n.tr(unexplained_zh(left * 2)))\n"
        "try:\n"
        "    parse_yuan('2000.123', '现金')\n"
        "except ValidationError as exc:\n"
        "    print(i18n.tr(exc.message_zh))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.splitlines()
    refusal, cash = out
    assert not CJK.search(refusal), refusal
    assert refusal.count("short by ¥10.00") == 2 and refusal.count("over by ¥2.00") == 1, refusal
    assert "4 unexplained" in refusal and "…" in refusal
    assert not CJK.search(cash) and cash.startswith("Cash:"), cash
