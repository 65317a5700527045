"""Fees (工本费): quoted from the branch's schedule, collected as cash or a bank transfer
reference inside the teller's open work session with a fee receipt, refunded only with a
supervisor's authorisation. Qt-free; the store is behind :class:`FeeRepository`."""

from counter_app.workflows.fees.desk import (
    FeeContext,
    FeeDesk,
    FeeRecordFacts,
    FeeRefused,
    FeeRepository,
)

__all__ = ["FeeContext", "FeeDesk", "FeeRecordFacts", "FeeRefused", "FeeRepository"]
