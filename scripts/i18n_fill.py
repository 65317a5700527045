"""Fill the English catalogue from a JSON file of translations, or list what is left to translate.

    .venv/bin/python scripts/i18n_fill.py --todo counter_app/workflows/stock/*.py > todo.json
        the texts of these modules that the catalogue has no English for, as a JSON object
        {"中文": ""} to fill in
    .venv/bin/python scripts/i18n_fill.py todo.json
        put the filled translations into resources/translations/counter_app_en.ts (texts the
        catalogue does not hold yet are skipped: run ./scripts/i18n.sh first, and again after,
        to compile the .qm)

For a translator without Qt Linguist, and for several people translating at once: each fills
their own JSON file; the catalogue is written only here, in one short step.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "counter_app_en.ts"
LUPDATE = ROOT / ".venv" / "bin" / "pyside6-lupdate"


def _translated(ts: Path) -> dict[str, str]:
    out = {}
    for m in ET.parse(ts).getroot().iter("message"):
        t = m.find("translation")
        if t is not None and t.get("type") != "unfinished" and (t.text or "").strip():
            out[m.findtext("source") or ""] = t.text or ""
    return out


def todo(files: list[str]) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "todo.ts"
        subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none",
                        "-tr-function-alias", "QT_TR_NOOP+=zh", *files, "-ts", str(ts)],
                       check=True, capture_output=True, cwd=ROOT)
        sources = [m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")]
    done = _translated(TS)
    return {s: "" for s in sources if s not in done}


def fill(translations: dict[str, str]) -> tuple[int, int]:
    tree = ET.parse(TS)
    filled = 0
    held = set()
    for m in tree.getroot().iter("message"):
        source = m.findtext("source") or ""
        held.add(source)
        english = translations.get(source, "").strip()
        if not english:
            continue
        t = m.find("translation")
        if t is None:
            t = ET.SubElement(m, "translation")
        t.text = english
        t.attrib.pop("type", None)
        filled += 1
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    return filled, len([s for s, e in translations.items() if e.strip() and s not in held])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--todo"]:
        json.dump(todo(argv[1:]), sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    filled, skipped = fill(json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    print(f"{filled} translations filled, {skipped} not in the catalogue (run ./scripts/i18n.sh first)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
