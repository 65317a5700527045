"""The tour in English shows no Chinese but the data: every text on every screenshot of a
handful of representative businesses (refusals, tables, combos, done screens) is recorded by
``COUNTER_TOUR_TEXTS`` (counter_app/ui/tour_texts.py); after removing the known data values
(the demo people, their ID cards and employers, the branch names, the customer's typed data, the
demo tellers' names) no CJK character may remain.

The data values are read from where the data is defined, not typed here: a new demo person or
a new tour value needs no change in this file.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from counter_app.ui.tour_texts import visible_texts

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# a handful of businesses, chosen for their refusals, tables and composed texts (about 15 s
# each); ENGLISH_TOURS=all plays every business of the tour (about 4 minutes)
BUSINESSES = ("loss-deloss", "replacement", "queries", "data-change", "registration", "application")


def _businesses() -> tuple[str, ...]:
    if os.environ.get("ENGLISH_TOURS") != "all":
        return BUSINESSES
    from counter_app.ui.tour import SCENARIOS

    return tuple(sorted({s.business for s in SCENARIOS}))


def _cjk_constants(path: Path, skip: set[str] | None = None) -> Iterator[str]:
    """The CJK string literals of a module (not the pieces of its f-strings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    pieces = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in pieces
                and CJK.search(node.value) and node.value not in (skip or set())):
            yield node.value


def _central_reasons() -> Iterator[str]:
    """The central's free-text failure reasons (``x.failure_reason = "…"`` in central_sim)."""
    for path in (ROOT / "central_sim").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str)
                    and any(isinstance(t, ast.Attribute) and t.attr == "failure_reason"
                            for t in node.targets)):
                yield node.value.value


@functools.cache
def data_values() -> list[str]:
    """Every Chinese value that is data, longest first (so a name inside an address goes with it)."""
    from central_sim import seed
    from central_sim.people import REGISTRATION_EMPLOYERS
    from counter_app.devices.idcard import DEMO_ID_CARDS
    from counter_app.printing.masking import mask_name
    from counter_app.workflows import tour_data
    from counter_app.workflows.application_rules import NATIONS, PROOF_DOCUMENTS, RELATIONSHIPS
    from counter_app.workflows.data_change.record import EDUCATION, MARITAL
    from counter_app.workflows.login import DEMO_ACCOUNTS

    values: set[str] = set()
    # the central's seed: people, employers, branch names, its free-text reasons; not the banks'
    # names, which the counter shows in the UI's language
    bank_names = set(seed.BANK_NAMES.values())
    values.update(_cjk_constants(ROOT / "central_sim" / "seed.py", bank_names))
    values.update(_central_reasons())
    values.update(name for _no, name, *_rest in REGISTRATION_EMPLOYERS)
    values.update(v for v in vars(tour_data).values() if isinstance(v, str) and CJK.search(v))
    for card in DEMO_ID_CARDS.values():  # the ID card's own text (the nation as printed too)
        values.update((card.name, card.nation, card.address, card.issuer))
    # the code lists whose values the central matches (marked "i18n: data" where defined)
    values.update((*NATIONS, *RELATIONSHIPS, *PROOF_DOCUMENTS, *EDUCATION, *MARITAL))
    for profile in (ROOT / "resources" / "profiles").glob("demo-*.toml"):
        values.add(tomllib.loads(profile.read_text(encoding="utf-8"))["branch"]["name"])
    values.update(name for _user, name, _role, _password in DEMO_ACCOUNTS)
    people = [p.name for p in seed.DEMO_PEOPLE] + [c.name for c in DEMO_ID_CARDS.values()]
    values.update(mask_name(n) for n in [*people, tour_data.NEWCOMER_NAME, tour_data.NEW_NAME])
    return sorted((v for v in values if v), key=len, reverse=True)


def generated_names() -> re.Pattern[str]:
    """The central's generated people (seed.GENERATED_PEOPLE): a surname and one or two given
    characters from the seed's lists, masked or not."""
    from central_sim import seed

    s, g = re.escape(seed.SURNAMES), re.escape(seed.GIVEN)
    return re.compile(f"[{s}](?:[{g}]{{1,2}}|\\*[{g}])")


def untranslated(entries: list[dict[str, str]]) -> list[str]:
    values, names = data_values(), generated_names()
    found: set[str] = set()
    for entry in entries:
        # the long values first (a teller's name holds a name-like pair), then the generated
        # names, then the short ones (a demo person's masked "孙*" is a prefix of "孙*平")
        rest = entry["text"]
        for value in (v for v in values if len(v) > 3):
            rest = rest.replace(value, "")
        rest = names.sub("", rest)
        for value in (v for v in values if len(v) <= 3):
            rest = rest.replace(value, "")
        if CJK.search(rest):
            found.add(f"{entry['shot']} {entry['widget']}: {entry['text'][:120]!r}")
    return sorted(found)


def _english_tour(tmp_path: Path, only: str) -> list[dict[str, str]]:
    texts = tmp_path / "texts.jsonl"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTER_APP_HOME=str(tmp_path / "home"),
               COUNTER_TOUR_TEXTS=str(texts))
    done = subprocess.run([sys.executable, "-m", "counter_app.cli", "demo", "--tour",
                           str(tmp_path / "tour"), "--only", only, "--language", "en"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return [json.loads(line) for line in texts.read_text(encoding="utf-8").splitlines()]


@pytest.mark.central  # the demo starts its own reference central
@pytest.mark.parametrize("business", _businesses())
def test_the_english_tour_shows_no_chinese_but_data(tmp_path: Path, business: str) -> None:
    entries = _english_tour(tmp_path, business)
    shots = {e["shot"] for e in entries}
    assert len(shots) >= 3 and any("Card" in e["widget"] or "Hint" in e["widget"] for e in entries)
    assert untranslated(entries) == []


def test_the_data_values_are_removed_and_our_texts_are_not() -> None:
    """The allow-list removes the customer's data and nothing of ours."""
    shown = [{"shot": "s", "widget": "w", "text": text} for text in (
        "Cardholder: 李明", "Cardholder 李*", "Address 浙江省宁波市海曙区中山西路138号",
        "Employer 宁波甬港智能制造有限公司", "Branch 工商银行宁波鼓楼支行", "Ethnicity 汉族",
        "Applicant 徐涛强")]
    assert untranslated(shown) == []
    ours = [{"shot": "s", "widget": "w", "text": text} for text in (
        "Issuing bank 中国工商银行", "Household 本市户籍", "Showing 2024年12月", "20.00 元")]
    assert len(untranslated(ours)) == len(ours)


def test_the_collector_records_what_is_shown(qtbot: object) -> None:
    root = QWidget()
    root.setWindowTitle("Window")
    lay = QVBoxLayout(root)
    lay.addWidget(QLabel("<b>Bold</b> text"))
    hidden = QLabel("hidden")
    lay.addWidget(hidden)
    hidden.hide()
    combo = QComboBox()
    combo.addItems(["one", "two"])
    lay.addWidget(combo)
    table = QTableWidget(1, 1)
    table.setHorizontalHeaderLabels(["Head"])
    table.setItem(0, 0, QTableWidgetItem("cell"))
    lay.addWidget(table)
    texts = {(t["kind"], t["text"]) for t in visible_texts(root)}
    assert {("window-title", "Window"), ("label", "Bold text"), ("combo-item", "one"),
            ("combo-item", "two"), ("header", "Head"), ("cell", "cell")} <= texts
    assert not any(t == "hidden" for _k, t in texts)
    root.deleteLater()
