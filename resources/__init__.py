"""The application's assets that are not code: icons, profile templates, demo photos (and, in a
frozen build, the bundled CJK font). Installed as the package ``counter_app.resources``
(pyproject.toml ``package-dir``) so ``importlib.resources.files("counter_app.resources")`` finds
them from a source checkout, a wheel and a PyInstaller build alike; ``counter_app/assets.py``
names every file the code uses."""
