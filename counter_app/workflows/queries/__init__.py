"""The social-security query (社保信息查询): typed record, wizard, views and the desk.

- ``record``: the typed record; ``context``: its ports;
- ``workflow``: identify → result, everything read from the central now, paged history;
- ``views``: the rows the screen and the printed summary both show;
- ``summary``: the printed summary (masked); ``desk``: what the page may ask for.
"""

from counter_app.workflows.identity_step import Identity
from counter_app.workflows.queries.context import QueryContext
from counter_app.workflows.queries.desk import QueryDesk
from counter_app.workflows.queries.record import PAGE_MONTHS, QueryRecord, QueryResult, Step
from counter_app.workflows.queries.workflow import NEEDS_CENTRAL_ZH, STEP_TITLES_ZH, QueryWorkflow

__all__ = [
    "NEEDS_CENTRAL_ZH", "PAGE_MONTHS", "STEP_TITLES_ZH", "Identity", "QueryContext", "QueryDesk",
    "QueryRecord", "QueryResult", "QueryWorkflow", "Step",
]
