"""Enumerations composed below the UI stay one translatable text, and the English UI renders
them, with the banks' names, in English (workflows/texts.py)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from counter_app.domain.banks import PARTNER_BANKS
from counter_app.domain.texts import QT_TR_NOOP, Text, alternatives, clauses, listing
from counter_app.workflows.texts import BANK_NAMES

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "resources" / "translations" / "counter_app_en.ts"


def test_an_enumeration_is_the_chinese_join_and_nests_its_templates() -> None:
    names = ["社保功能", "金融功能", "养老保险"]
    text = listing(names)
    assert text == "社保功能、金融功能、养老保险"
    assert isinstance(text, Text) and text.template == "{item}、{rest}"
    assert text.kwargs["item"] == "社保功能" and isinstance(text.kwargs["rest"], Text)
    assert clauses(["甲", "乙"]) == "甲；乙" and alternatives(["甲", "乙"]) == "“甲”或“乙”"


def test_one_item_or_none() -> None:
    assert listing(["社保功能"]) == "社保功能" and not isinstance(listing(["社保功能"]), Text)
    assert listing([]) == clauses([]) == alternatives([]) == ""
    assert alternatives(["户口簿"]) == "“户口簿”"


def test_every_partner_bank_is_in_the_catalogue_under_its_english_name() -> None:
    assert sorted(BANK_NAMES) == sorted(b.name_zh for b in PARTNER_BANKS.values())
    english = {m.findtext("source"): m.findtext("translation")
               for m in ET.parse(TS).getroot().iter("message")}
    assert {b.name_zh: english.get(b.name_zh) for b in PARTNER_BANKS.values()} == \
        {b.name_zh: b.name_en for b in PARTNER_BANKS.values()}


def test_the_english_ui_renders_a_refusal_naming_banks_and_functions_in_english() -> None:
    code = (
        "from counter_app.ui import i18n\n"
        "i18n.set_language('en')\n"
        "from counter_app.domain.card_states import CardFunction, FunctionState\n"
        "from counter_app.workflows.replacement import rules\n"
        "print(i18n.tr(rules.wrong_bank_zh('ICBC', 'ABC')))\n"
        "print(i18n.tr(rules.states_zh({CardFunction.SOCIAL: FunctionState.TEMP_LOST,\n"
        "                               CardFunction.FINANCIAL: FunctionState.NORMAL})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.splitlines()
    assert out[0].startswith("This card was issued by Industrial and Commercial Bank of China")
    assert "(this branch belongs to Agricultural Bank of China)" in out[0]
    assert "、" not in out[1] and out[1].count(", ") == 1 and "Temporary loss report" in out[1]
    assert QT_TR_NOOP("正常") not in out[1]
