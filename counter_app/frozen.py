"""Running the application's own helper processes, from a source tree or a frozen build.

Demo mode and ``counter-app central-sim`` start the reference central and the card emulator as
``python -m MODULE``. A frozen build (PyInstaller, ``sys.frozen``) has no ``python``: its one
executable runs a bundled module itself when called as ``counter-app --run-module MODULE ARGS``
(``packaging/entry.py``), so :func:`module_command` names that instead.
"""

from __future__ import annotations

import runpy
import sys

RUN_MODULE_FLAG = "--run-module"

# The modules a frozen executable agrees to run as ``__main__`` (nothing else: the flag is
# not a general-purpose interpreter).
RUNNABLE_MODULES = ("central_sim", "counter_app.card.emulator")


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def module_command(module: str, python: str | None = None) -> list[str]:
    """The argv prefix that runs ``module`` as a program: ``[python, "-m", module]`` from a
    source tree or a virtual environment, ``[executable, "--run-module", module]`` frozen.
    An explicit ``python`` (tests choosing an interpreter) always wins."""
    if python is None and is_frozen():
        return [sys.executable, RUN_MODULE_FLAG, module]
    return [python or sys.executable, "-m", module]


def run_module(argv: list[str]) -> int:
    """``--run-module MODULE ARGS…``: run a bundled module as ``python -m`` would."""
    if not argv or argv[0] not in RUNNABLE_MODULES:
        print(f"{RUN_MODULE_FLAG}: expected one of {', '.join(RUNNABLE_MODULES)}", file=sys.stderr)
        return 2
    module = argv[0]
    sys.argv = [module, *argv[1:]]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as done:
        code = done.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    return 0
