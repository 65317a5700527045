"""Alembic environment: the store passes an open connection; migrations never open their own."""

from __future__ import annotations

from alembic import context

from counter_app.store.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
