"""主管管理 (supervision) in the UI: a page of tabs registered in :data:`page.TABS`."""

from counter_app.ui.supervision.page import TABS, SupervisionEnv, SupervisionPage, TabSpec

__all__ = ["TABS", "SupervisionEnv", "SupervisionPage", "TabSpec"]
