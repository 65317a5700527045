"""Teller work sessions (柜员会话): the teller's business day at a counter.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("teller", sa.String(32), nullable=False),
        sa.Column("counter_id", sa.String(8), nullable=False),
        sa.Column("business_day", sa.String(10), nullable=False),
        sa.Column("opened_at", sa.DateTime, nullable=False),
        sa.Column("opening_float_fen", sa.Integer, nullable=False),
        sa.Column("custody_at_open", sa.Integer),
        sa.Column("closed_at", sa.DateTime),
        sa.Column("closed_by", sa.String(32)),
        sa.Column("close_kind", sa.String(16)),
        sa.Column("close_reason", sa.LargeBinary),
        sa.Column("custody_at_close", sa.Integer),
    )
    op.create_index("ix_work_sessions_teller", "work_sessions", ["teller"])
    op.create_index("ix_work_sessions_counter_id", "work_sessions", ["counter_id"])
    op.create_index("ix_work_sessions_closed_at", "work_sessions", ["closed_at"])


def downgrade() -> None:
    op.drop_table("work_sessions")
