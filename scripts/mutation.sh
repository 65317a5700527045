#!/usr/bin/env bash
# Mutation testing of the core rules (on demand, not part of CI; see docs/testing.md).
#
#   ./scripts/mutation.sh                          every module listed in [tool.mutmut] only_mutate
#   ./scripts/mutation.sh counter_app/domain/identity.py   one module (a path or a dotted name)
#   ./scripts/mutation.sh --survivors MODULE       after adding tests: retry only the mutants of
#                                                  MODULE that survived or had no test
#   ./scripts/mutation.sh --score                  print the scores of the last runs only
#
# mutmut copies counter_app/ and tests/ into mutants/ (git-ignored) and, for each mutant, runs only
# the fast tests that reached the mutated function (unit tests and tests/integration/store, no Qt,
# no services). Results are kept in mutants/: a second run only tries mutants not tried yet, so
# delete mutants/ after changing tests to score again from scratch. MUTMUT_JOBS (default 2) caps
# the parallel workers: the machine is shared.
#
# It scores the committed HEAD, exported to var/mutation/ (git-ignored): edits in progress in the
# working tree (yours or anyone's) neither break the run nor get scored. Commit, then run.
# Two runs at once (two modules) need two folders: MUTATION_WORK=var/mutation-2 for the second.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PY=$root/.venv/bin/python
MUTMUT=$root/.venv/bin/mutmut
work=$(realpath -m "${MUTATION_WORK:-$root/var/mutation}")  # one run per folder
export MUTATION_WORK=$work  # the --score call inside --survivors reads the same folder
mkdir -p "$work"
if [[ ${1:-} != --score ]]; then
  git -C "$root" archive HEAD | tar -x -C "$work"
fi
cd "$work"
[[ -x $MUTMUT ]] || { echo "mutmut is missing: .venv/bin/pip install -e '.[dev]'" >&2; exit 2; }

score_only=0
survivors=0
module=""
case "${1:-}" in
  --score) score_only=1; module=${2:-} ;;
  --survivors) survivors=1; module=${2:?"--survivors needs a module"} ;;
  "") ;;
  *) module=$1 ;;
esac

pattern=""
if [[ -n $module ]]; then
  dotted=${module%.py}
  dotted=${dotted//\//.}
  pattern="$dotted.*"
fi

if [[ $score_only == 0 && -d mutants/counter_app ]]; then
  # mutmut copies the files it does not mutate only once; refresh them so that a kept mutants/
  # runs against today's code (the mutated ones it regenerates itself when their source changed)
  "$PY" - <<'PYEOF'
import fnmatch
import shutil
import tomllib
from pathlib import Path

only = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]["only_mutate"]
for src in Path("counter_app").rglob("*"):
    if src.is_dir() or "__pycache__" in src.parts or any(fnmatch.fnmatch(str(src), p) for p in only):
        continue
    dst = Path("mutants") / src
    if not dst.exists() or dst.stat().st_mtime != src.stat().st_mtime:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dst)
PYEOF
fi

if [[ $score_only == 0 ]]; then
  # the assets live in the top-level resources/, installed as the package counter_app.resources
  # (package-dir in pyproject): mutmut copies only counter_app/, so put them where the package is
  mkdir -p mutants/counter_app
  rm -rf mutants/counter_app/resources
  cp -r resources mutants/counter_app/resources
fi

if [[ $score_only == 0 ]]; then
  # mutmut's progress line is redrawn in place; keep the log for the survivors' names.
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  if [[ $survivors == 1 ]]; then
    # mutmut keeps a verdict once reached; naming mutants makes it try them again (with new tests)
    mapfile -t names < <("$root/scripts/mutation.sh" --score "$module" | sed -n 's/^  \(counter_app\..*\)$/\1/p')
    if [[ ${#names[@]} -gt 0 ]]; then
      "$MUTMUT" run --max-children "${MUTMUT_JOBS:-2}" "${names[@]}" >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
    fi
  elif [[ -n $pattern ]]; then
    "$MUTMUT" run --max-children "${MUTMUT_JOBS:-2}" "$pattern" >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
  else
    "$MUTMUT" run --max-children "${MUTMUT_JOBS:-2}" >"$log" 2>&1 || { tail -n 40 "$log"; exit 1; }
  fi
fi

# Score per module from mutmut's result files: killed (tests failed or timed out) / total tried.
"$PY" - "$pattern" <<'PYEOF'
import fnmatch
import json
import sys
from pathlib import Path

from mutmut.stats import status_by_exit_code

pattern = sys.argv[1]
rows = []
for meta in sorted(Path("mutants/counter_app").rglob("*.py.meta")):
    module = str(meta.relative_to("mutants"))[: -len(".meta")]
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    if pattern:
        codes = {k: v for k, v in codes.items() if fnmatch.fnmatch(k, pattern)}
    statuses = [status_by_exit_code[c] for c in codes.values()]
    tried = [s for s in statuses if s != "not checked"]
    if not tried:
        continue
    killed = sum(s in ("killed", "timeout", "caught by type check") for s in tried)
    survived = sorted(k for k, c in codes.items() if status_by_exit_code[c] in ("survived", "no tests", "suspicious"))
    rows.append((module, killed, len(tried), len(statuses) - len(tried), survived))

if not rows:
    print("no mutation results yet: run ./scripts/mutation.sh [module]")
    sys.exit(1)
print(f"{'module':<52} {'killed':>6} / {'total':<5} {'score':>6}")
for module, killed, total, unchecked, _ in rows:
    note = f"  ({unchecked} not tried yet)" if unchecked else ""
    print(f"{module:<52} {killed:>6} / {total:<5} {100 * killed / total:5.1f}%{note}")
print("\nsurviving mutants (cd var/mutation && ../../.venv/bin/mutmut show NAME):")
for _, _, _, _, survived in rows:
    for name in survived:
        print(f"  {name}")
PYEOF
