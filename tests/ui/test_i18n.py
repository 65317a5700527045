"""The English translation: every Chinese text of the UI goes through tr(), the catalogue has
an English translation for each and is compiled from the current sources, and English is
chosen by the profile (Chinese stays the default).

``UNTRANSLATED`` lists the UI modules not yet put through tr() (``scripts/i18n_wrap.py``); it
may only shrink: a module listed here that has no Chinese literal left fails the test too.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "counter_app" / "ui"
TS = ROOT / "resources" / "translations" / "counter_app_en.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")

UNTRANSLATED: set[str] = set()


# Not UI text to translate: the names of the languages, shown each in its own language.
NATIVE = {"i18n.py"}


def _listed(rel: str) -> bool:
    if rel in NATIVE:
        return True
    return any(rel == u or (u.endswith("/") and rel.startswith(u)) for u in UNTRANSLATED)


def _untranslated_literals(path: Path) -> list[str]:
    """Chinese string literals outside tr(), docstrings and comparisons (a state name from the
    central compared with data stays as written)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr":
            allowed.update(id(n) for arg in node.args for n in ast.walk(arg))
        elif isinstance(node, ast.Compare):
            allowed.update(id(n) for n in ast.walk(node))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            allowed.add(id(node.value))  # docstrings
    found = []
    for node in ast.walk(tree):
        if id(node) in allowed:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and CJK.search(node.value):
            found.append(f"{path.relative_to(UI)}:{node.lineno}: {node.value[:40]!r}")
    return found


def _modules() -> list[tuple[str, Path]]:
    return sorted((str(p.relative_to(UI)), p) for p in UI.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_chinese_text_of_the_ui_goes_through_tr() -> None:
    left = [hit for rel, p in _modules() if not _listed(rel) for hit in _untranslated_literals(p)]
    assert left == [], "put these through tr() (scripts/i18n_wrap.py):\n" + "\n".join(left)


def test_the_list_of_modules_not_yet_translated_only_shrinks() -> None:
    done = [u for u in sorted(UNTRANSLATED - NATIVE)
            if not any(_untranslated_literals(p) for rel, p in _modules()
                       if rel == u or (u.endswith("/") and rel.startswith(u)))]
    assert done == [], f"no Chinese literal left in {done}: remove them from UNTRANSLATED"


def _messages(ts: Path) -> dict[str, ET.Element]:
    root = ET.parse(ts).getroot()
    return {m.findtext("source") or "": m for m in root.iter("message")}


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The committed catalogue updated from today's sources, as scripts/i18n.sh would."""
    ts = tmp_path_factory.mktemp("i18n") / TS.name
    shutil.copy(TS, ts)
    sources = subprocess.run([str(ROOT / "scripts" / "i18n.sh"), "--sources"], check=True, cwd=ROOT,
                             capture_output=True, text=True).stdout.split()
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-source-language", "zh_CN", "-target-language", "en",
                    "-tr-function-alias", "QT_TR_NOOP+=zh", *sources, "-ts", str(ts)],
                   check=True, capture_output=True, cwd=ROOT)
    return ts


def test_the_catalogue_holds_exactly_the_texts_of_the_code(fresh_catalogue: Path) -> None:
    committed, fresh = set(_messages(TS)), set(_messages(fresh_catalogue))
    assert sorted(fresh - committed) == [], "new texts: run ./scripts/i18n.sh and translate them"
    assert sorted(committed - fresh) == [], "texts no longer in the code: run ./scripts/i18n.sh"


def test_every_text_has_an_english_translation() -> None:
    missing = [source for source, m in _messages(TS).items()
               if (t := m.find("translation")) is None or t.get("type") == "unfinished"
               or not (t.text or "").strip() or CJK.search(t.text or "")]
    assert missing == [], f"{len(missing)} texts without English, e.g. {missing[:5]}"


def test_every_translation_keeps_the_placeholders() -> None:
    field = re.compile(r"\{[^{}]*\}")
    broken = [source for source, m in _messages(TS).items()
              if sorted(field.findall(source)) != sorted(field.findall(m.findtext("translation") or ""))]
    assert broken == [], f"placeholders differ: {broken[:5]}"


def test_the_compiled_catalogue_is_the_committed_one(tmp_path: Path) -> None:
    qm = tmp_path / QM.name
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), "run ./scripts/i18n.sh to compile the catalogue"


def test_english_is_chosen_by_the_profile_and_chinese_is_the_default() -> None:
    code = (
        "from counter_app.ui import i18n\n"
        "assert i18n.language() == 'zh_CN' and i18n.tr('补卡') == '补卡'\n"
        "assert i18n.set_language('en') == 'en'\n"
        "print(i18n.tr('读取身份证 (F2)'))\n"
        "print(i18n.tr('阅读器：{0}').format('R1'))\n"
        "print(i18n.tr('不在目录里的字') )\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.splitlines()
    assert out[0] == _messages(TS)["读取身份证 (F2)"].findtext("translation")
    assert out[1].endswith("R1") and not CJK.search(out[1])
    assert out[2] == "不在目录里的字"  # unknown: the source text, never an empty label
    with pytest.raises(ValueError):
        from counter_app.ui.i18n import set_language

        set_language("fr")
