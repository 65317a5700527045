"""Where the machine-wide branch profile lives (imported at every start: nothing heavy here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def machine_profile_path() -> Path:
    """The machine-wide profile every account of this PC uses: what the .deb's launcher and the
    MSI's ProgramData folder point at."""
    if os.name == "nt":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "counter-app" / "profile.toml"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/counter-app/profile.toml")
    return Path("/etc/counter-app/profile.toml")
