"""Texts the layers below the UI declare for the teller are translatable too.

Below ``ui/`` there is no Qt: a constant text is marked ``QT_TR_NOOP("…")`` and a text with
values is composed with ``zh("…{name}…", name=value)`` (``counter_app/domain/texts.py``); the UI
passes both through ``tr()``. This test finds, module by module, Chinese literals that are
neither (an f-string, a bare literal) and holds the list of modules still to be converted,
which only shrinks. A literal that is data, not a display text (a value compared with what the
central sends, a lookup table's key), carries ``# i18n: data`` on its line or on the first line
of its statement; a ``doc=`` argument documents a profile key for docs/profile.md (Chinese).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from counter_app.domain.texts import QT_TR_NOOP, Text, zh

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "counter_app"
CJK = re.compile(r"[\u4e00-\u9fff]")
MARKS = {"QT_TR_NOOP", "zh"}
DATA = "# i18n: data"

# Chinese by design, with the reason
NATIVE = {
    "printing/": "printed documents are the Chinese forms and certificates of the city",
    "ui/": "the UI's own texts go through tr() (tests/ui/test_i18n.py)",
    "store/migrations/": "migrations are history",
    "card/emulator/": "the emulated cards' holders and issuers are test data",
    "workflows/tour_data.py": "the tours' customers are Chinese people with Chinese data",
    # branch IT's command line speaks Chinese; the profile's language is the counter UI's
    "cli.py": "command line", "card/cli.py": "command line", "certificate_cli.py": "command line",
    "report_cli.py": "command line", "setup_cli.py": "command line", "sync_cli.py": "command line",
    "doctor.py": "command line", "demo.py": "command line", "support.py": "command line",
    "display.py": "the console help printed when there is no display, already bilingual",
    "workflows/day_end/documents.py": "the day-end sheet (PDF) and CSV (the on-screen differences are composed)",
    "workflows/production/documents.py": "printed batch receipt, hand-out and sealing lists (differences composed)",
    "workflows/card_loss/documents.py": "a printed receipt (the business's on-screen errors are marked)",
    "workflows/replacement/documents.py": "a printed receipt (the business's on-screen errors are marked)",
    "workflows/application/documents.py": "the printed application form and receipt",
    "workflows/registration/documents.py": "a printed receipt (the business's on-screen errors are marked)",
    "workflows/data_change/documents.py": "a printed receipt (the business's on-screen errors are marked)",
    "workflows/card_services/documents.py": "a printed receipt (the business's on-screen errors are marked)",
    "workflows/queries/summary.py": "the printed query summary (its rows come from views.py, marked)",
}

# modules still to convert (only shrinks)
NOT_YET: set[str] = set()


def _hits(path: Path) -> list[str]:
    """The Chinese literals of ``path`` that are neither marked nor data."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    exempt: set[int] = set()
    statement_of: dict[int, ast.stmt] = {}  # a node's innermost statement (walk: outer first)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) \
                and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            exempt.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKS:
            exempt.update(id(a) for a in node.args[:1])
        if isinstance(node, ast.JoinedStr):
            exempt.update(id(v) for v in node.values)
        if isinstance(node, ast.keyword) and node.arg == "doc":  # a configuration key's
            exempt.update(id(n) for n in ast.walk(node.value))  # documentation (docs/profile.md)
        if isinstance(node, ast.stmt):
            for child in ast.walk(node):
                statement_of[id(child)] = node
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant)
                           and isinstance(v.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt:
            text = node.value
        else:
            continue
        if not CJK.search(text):
            continue
        first = statement_of[id(node)].lineno if id(node) in statement_of else node.lineno
        if any(DATA in lines[n - 1] for n in {node.lineno, first}):
            continue
        kind = "f-string" if isinstance(node, ast.JoinedStr) else "literal"
        found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {kind} {text[:40]!r}")
    return found


def _modules() -> list[tuple[str, Path]]:
    return sorted((str(p.relative_to(PACKAGE)), p) for p in PACKAGE.rglob("*.py")
                  if "__pycache__" not in p.parts
                  and not any(str(p.relative_to(PACKAGE)).startswith(n) for n in NATIVE))


def _listed(rel: str) -> bool:
    return any(rel == u or (u.endswith("/") and rel.startswith(u)) for u in NOT_YET)


def test_every_chinese_text_below_the_ui_is_marked_or_composed() -> None:
    left = [hit for rel, p in _modules() if not _listed(rel) for hit in _hits(p)]
    assert left == [], ("mark these with QT_TR_NOOP, compose them with zh(), or tag data with "
                        f"'{DATA}':\n" + "\n".join(left))


def test_the_list_of_modules_not_yet_converted_only_shrinks() -> None:
    done = [u for u in sorted(NOT_YET)
            if not any(_hits(p) for rel, p in _modules()
                       if rel == u or (u.endswith("/") and rel.startswith(u)))]
    assert done == [], f"nothing left to convert in {done}: remove them from NOT_YET"


def test_a_composed_text_is_its_chinese_and_keeps_its_template() -> None:
    text = zh("卡号 {card_no} 已挂失（{state}）", card_no="NB0000016", state=QT_TR_NOOP("临时挂失"))
    assert text == "卡号 NB0000016 已挂失（临时挂失）" and isinstance(text, str)
    assert text.template == "卡号 {card_no} 已挂失（{state}）"
    assert text.kwargs == {"card_no": "NB0000016", "state": "临时挂失"}
    assert not isinstance(text + "。", Text)  # a changed text is plain Chinese


def test_the_english_ui_renders_a_composed_text_in_english() -> None:
    """A refusal composed below the UI, shown through tr() with the English catalogue: the
    template and the values that are texts are translated, the other values kept."""
    code = (
        "from counter_app.domain.texts import zh\n"
        "from counter_app.ui import i18n\n"
        "i18n.set_language('en')\n"
        "print(i18n.tr(zh('阅读器：{0}', '读取身份证 (F2)')))\n"
        "print(i18n.tr(zh('阅读器：{0}', 'ACS ACR39U')))\n"
        "print(i18n.tr(zh('不在目录里的模板 {x}', x=1)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.splitlines()
    assert not CJK.search(out[0]) and "(F2)" in out[0]
    assert out[1].endswith("ACS ACR39U") and not CJK.search(out[1])
    assert out[2] == "不在目录里的模板 1"  # unknown: the Chinese, never an empty text
