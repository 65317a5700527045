"""First-run setup (首次配置): the Qt-free wizard (wizard.py), the TLS file checks (certs.py),
where the machine-wide profile lives (paths.py). Import the submodules: this package stays light
because the command line asks ``paths`` at every start."""
