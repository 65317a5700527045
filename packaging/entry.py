"""The frozen build's entry point (PyInstaller runs this as __main__).

``counter-app --run-module MODULE …`` runs one of the bundled helper programs (the reference
central, the card emulator) the way ``python -m MODULE`` does from a source tree; anything else
is the ordinary ``counter-app`` command line.
"""

import multiprocessing
import sys

from counter_app.frozen import RUN_MODULE_FLAG, run_module

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen Windows child process must not rerun main()
    if len(sys.argv) > 1 and sys.argv[1] == RUN_MODULE_FLAG:
        sys.exit(run_module(sys.argv[2:]))
    from counter_app.cli import main

    sys.exit(main())
