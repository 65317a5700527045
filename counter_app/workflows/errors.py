"""The errors a screen may need to tell apart, from one place.

Screens import no adapter (store, card, central): what they must recognise is re-exported
here by the workflow layer.
"""

from counter_app.central.errors import CentralRefusal
from counter_app.central.sync import NewWorkRefused
from counter_app.domain.errors import CounterError, ValidationError
from counter_app.workflows.kernel import StepInvalid

__all__ = ["CentralRefusal", "CounterError", "NewWorkRefused", "StepInvalid", "ValidationError"]
