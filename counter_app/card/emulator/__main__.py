"""``python -m counter_app.card.emulator serve --state DIR`` (= ``counter-app emulator …``)."""

import sys

from counter_app.card.cli import main

sys.exit(main(["emulator", *sys.argv[1:]]))
