"""Updates pulled from the central, kept until handled.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "central_notices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("ref", sa.LargeBinary, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("created_at", sa.DateTime),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("handled_at", sa.DateTime),
    )
    op.create_index("ix_central_notices_kind", "central_notices", ["kind"])


def downgrade() -> None:
    op.drop_index("ix_central_notices_kind", "central_notices")
    op.drop_table("central_notices")
