"""``python -m counter_app.card emulator … | card …``."""

import sys

from counter_app.card.cli import main

sys.exit(main())
