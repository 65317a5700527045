#!/usr/bin/env bash
# The English catalogue: collect the UI's tr() texts and compile them.
#
#   ./scripts/i18n.sh          update resources/translations/counter_app_en.ts from counter_app/ui
#                              (new texts come in unfinished, translations kept, gone ones dropped)
#                              and compile counter_app_en.qm
#   ./scripts/i18n.sh --check  exit 1 if the .ts is behind the code or a text is untranslated
#   ./scripts/i18n.sh --sources  the files pyside6-lupdate reads
#
# Translate in the .ts (Qt Linguist, or any editor: fill <translation>, drop type="unfinished"),
# then run it again to compile. tests/unit/ui/test_i18n.py runs the same check.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bin=$root/.venv/bin
ts=$root/resources/translations/counter_app_en.ts
cd "$root"
# the UI's modules, and the modules below it that mark display texts with QT_TR_NOOP
# or compose them with zh() (counter_app/domain/texts.py); tests/ui/test_i18n.py reads this list
# through --sources
mapfile -t sources < <( { find counter_app/ui -name '*.py' -not -path '*/__pycache__/*';
                          grep -rlE --include='*.py' '(QT_TR_NOOP|\<zh)\("' counter_app --exclude-dir=ui; } | sort -u)
case ${1:-} in
  --sources) printf '%s\n' "${sources[@]}"; exit 0 ;;
  --check) exec "$bin/python" -m pytest -q -p no:cacheprovider tests/ui/test_i18n.py ;;
esac
"$bin/pyside6-lupdate" -no-obsolete -locations none -source-language zh_CN -target-language en \
  -tr-function-alias QT_TR_NOOP+=zh \
  "${sources[@]}" -ts "$ts"
"$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
