"""The assets in the top-level resources/ are the package counter_app.resources: every asset the
code names resolves through importlib.resources, from this checkout and from a built wheel."""

import ast
import shutil
import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

from counter_app import assets

ROOT = Path(__file__).resolve().parents[3]

# module-level names of counter_app/assets.py that are asset names (tuples of path parts)
NAMED = {name: value for name, value in vars(assets).items()
         if name.isupper() and isinstance(value, tuple) and value and all(isinstance(p, str) for p in value)}


def test_every_named_asset_is_required_or_declared_optional() -> None:
    assert set(NAMED) == {n for n, v in NAMED.items() if v in assets.REQUIRED} | {"OPTIONAL_FONTS"}
    assert len(assets.REQUIRED) == len(NAMED) - 1


@pytest.mark.parametrize("name", sorted(n for n, v in NAMED.items() if v in assets.REQUIRED))
def test_each_required_asset_resolves_through_importlib_resources(name: str) -> None:
    parts = [p for p in NAMED[name] if p]
    found = resources.files(assets.PACKAGE).joinpath(*parts)
    if NAMED[name][-1] == "":
        assert found.is_dir() and any(found.iterdir()), name
    else:
        assert found.is_file() and found.read_bytes(), name
    assert assets.asset_path(NAMED[name]) == Path(str(found))


@pytest.mark.slow  # about this checkout's editable install: mutation runs copy the assets elsewhere
def test_the_package_is_the_top_level_resources_folder() -> None:
    # from a neutral directory, so the checkout is not on sys.path: the installed (editable) mapping
    proc = subprocess.run(
        [sys.executable, "-c", "from importlib.resources import files; print(files('counter_app.resources'))"],
        cwd=ROOT / "tests", capture_output=True, text=True, timeout=60, check=True)
    assert Path(proc.stdout.strip()) == ROOT / "resources"
    assert not (ROOT / "counter_app" / "resources").exists()


def test_a_missing_asset_is_refused_by_name() -> None:
    with pytest.raises(assets.AssetMissingError, match="icons/no-such.svg"):
        assets.asset_path(("icons", "no-such.svg"))
    assert not assets.asset_path(("icons", "no-such.svg"), must_exist=False).exists()


def _resource_literals(path: Path) -> list[int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.lineno for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value.strip("/") in ("resources", "counter_app/resources")]


def test_no_module_builds_its_own_path_to_the_resources() -> None:
    """A path spelt by hand (Path(__file__).parent / "resources") breaks in a wheel or a frozen
    build; every asset goes through counter_app/assets.py."""
    offenders = {str(p.relative_to(ROOT)): lines for p in (ROOT / "counter_app").rglob("*.py")
                 if p.name != "assets.py" and (lines := _resource_literals(p))}
    assert offenders == {}


def _copy_project(dest: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    for name in ("counter_app", "central_sim", "resources"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)


@pytest.mark.slow  # builds a wheel: kept out of the mutation runs' fast selection
def test_a_built_wheel_holds_every_asset_and_finds_it(tmp_path: Path) -> None:
    project, out, unpacked = tmp_path / "project", tmp_path / "wheel", tmp_path / "unpacked"
    project.mkdir()
    _copy_project(project)  # built from a copy: the shared checkout gets no build/ folder
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(out), str(project)], check=True, capture_output=True, timeout=120)
    (wheel,) = out.glob("counter_app-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(unpacked)
    for parts in assets.REQUIRED:
        inside = "/".join(["counter_app", "resources", *[p for p in parts if p]])
        assert inside in names or any(n.startswith(inside) for n in names), inside
    assert "counter_app/resources/__init__.py" in names
    assert not any(n.startswith("resources/") for n in names)  # not a top-level package of its own
    # -I: no site-packages, so no editable install: only the unpacked wheel is importable
    code = ("import sys; sys.path.insert(0, sys.argv[1]);"
            "from counter_app import assets;"
            "print(*(assets.asset_path(n) for n in assets.REQUIRED), sep='\\n')")
    proc = subprocess.run([sys.executable, "-I", "-c", code, str(unpacked)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=True)
    found = [Path(line) for line in proc.stdout.splitlines()]
    assert len(found) == len(assets.REQUIRED)
    assert all(p.is_relative_to(unpacked / "counter_app" / "resources") and p.exists() for p in found)
