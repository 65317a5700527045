"""Only the package list lives here: pyproject.toml's ``packages.find`` cannot name a package
whose directory is elsewhere, and the assets in the top-level ``resources/`` are installed as
``counter_app.resources`` (``package-dir`` and ``package-data`` in pyproject.toml; each folder of
assets is listed too, as setuptools wants for data in sub-folders)."""

from setuptools import find_namespace_packages, setup

ASSETS = ["counter_app.resources", *(f"counter_app.resources.{name}"
                                     for name in find_namespace_packages(where="resources"))]

setup(packages=[*find_namespace_packages(include=["counter_app*", "central_sim*"]), *ASSETS])
