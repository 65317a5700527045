"""Every asset file the code uses, by name, found through ``importlib.resources``.

The assets live in the top-level ``resources/`` of the source tree and are installed as the
package ``counter_app.resources`` (pyproject.toml ``package-dir``): the editable install, a wheel
and the PyInstaller build all resolve ``files("counter_app.resources")`` to a folder on disk.
Names are declared here once so ``tests/unit/foundation/test_assets.py`` can check each one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PACKAGE = "counter_app.resources"

# (folder, …, file) under the package; a trailing "" names a folder
CHEVRON_ICON = ("icons", "chevron-down.svg")  # the combo boxes' drop-down arrow (ui/widgets.py)
APP_ICON_PNG = ("icons", "counter-app.png")  # the .deb's menu icon
APP_ICON_ICO = ("icons", "counter-app.ico")  # the Windows executable and MSI
DEMO_INSTANT_PROFILE = ("profiles", "demo-instant.toml")  # also the template branch IT copies
DEMO_CENTRAL_PROFILE = ("profiles", "demo-central.toml")
DEMO_CAMERA = ("demo", "camera", "")  # the file camera's pictures in demo mode
DEMO_PORTRAIT = ("demo", "camera", "portrait.jpg")

# Present only where a build put them (the frozen build bundles the CJK font for printing).
OPTIONAL_FONTS = ("fonts", "")

REQUIRED = (CHEVRON_ICON, APP_ICON_PNG, APP_ICON_ICO, DEMO_INSTANT_PROFILE, DEMO_CENTRAL_PROFILE,
            DEMO_CAMERA, DEMO_PORTRAIT)


class AssetMissingError(FileNotFoundError):
    pass


def asset_path(name: tuple[str, ...], *, must_exist: bool = True) -> Path:
    """The file (or folder) ``name`` as a path on disk. The application is never imported from
    a zip, so the package is a folder; a zip import would be refused here rather than handed
    to Qt or reportlab as a path that does not exist."""
    root = resources.files(PACKAGE)
    if not isinstance(root, Path):
        raise AssetMissingError(f"{PACKAGE} is not a folder on disk: {root!r}")
    path = root.joinpath(*[part for part in name if part])
    if must_exist and not path.exists():
        raise AssetMissingError(f"asset {'/'.join(p for p in name if p)} missing under {root}")
    return path
