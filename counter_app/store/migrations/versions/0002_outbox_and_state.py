"""Transactional outbox for the central system, and small named application state.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("op_id", sa.String(64), nullable=False, unique=True),
        sa.Column("operation", sa.String(64), nullable=False),
        sa.Column("ordering_key", sa.String(64), nullable=False),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("next_attempt_at", sa.DateTime, nullable=False),
        sa.Column("last_attempt_at", sa.DateTime),
        sa.Column("last_error", sa.Text),
        sa.Column("acked_at", sa.DateTime),
        sa.Column("response", sa.LargeBinary),
        sa.Column("dead_reason", sa.Text),
        sa.Column("resolved_by", sa.String(32)),
        sa.Column("resolved_at", sa.DateTime),
    )
    op.create_index("ix_outbox_status", "outbox", ["status"])
    op.create_index("ix_outbox_ordering_key", "outbox", ["ordering_key"])
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("app_state")
    op.drop_index("ix_outbox_ordering_key", "outbox")
    op.drop_index("ix_outbox_status", "outbox")
    op.drop_table("outbox")
