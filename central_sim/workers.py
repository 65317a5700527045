"""Several uvicorn worker processes over one PostgreSQL database (``serve --workers N``).

uvicorn starts each worker with ``spawn`` and builds the application in it from an import
string, so the settings travel in one environment variable and :func:`app_from_environment`
is the factory. The parent process prepares the database (tables, widening, seed) and runs
the production simulator once, before any worker starts; workers only serve requests.
Idempotency needs nothing shared in memory: claims are unique rows in the database
(``central_sim.idempotency``, two-phase path), so a retry may land on any worker.
"""

from __future__ import annotations

import json
import logging
import os
from typing import Any

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from central_sim.guard import with_peer_certificate

SETTINGS_ENV = "CENTRAL_SIM_WORKER_SETTINGS"

# the TLS protocol by import string: a class made inside a function cannot be pickled into a
# spawned worker, a module attribute can be named
PeerCertHttpProtocol = with_peer_certificate(AutoHTTPProtocol)
PEER_CERT_HTTP = f"{__name__}:PeerCertHttpProtocol"


def worker_settings(**values: Any) -> str:
    return json.dumps(values)


def app_from_environment() -> Any:
    """The FastAPI application of one worker process."""
    from central_sim.__main__ import configure_access_log
    from central_sim.app import create_app

    cfg = json.loads(os.environ[SETTINGS_ENV])
    logging.basicConfig(level=cfg["log_level"].upper(),
                        format="%(asctime)s %(process)d %(name)s %(message)s")
    configure_access_log(cfg["access_log"])
    return create_app(cfg["db"], production_step_seconds=0, access_log=cfg["access_log"] is not None,
                      branches=cfg["branches"], db_pool=cfg["db_pool"],
                      thread_limit=cfg["thread_limit"], workers=cfg["workers"])
