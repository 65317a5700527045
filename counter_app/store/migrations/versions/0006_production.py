"""Central production at the branch: tracked applications and production batches.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "production_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_id", sa.String(64), nullable=False, unique=True),
        sa.Column("application_no", sa.String(48)),
        sa.Column("person_index", sa.String(64), nullable=False),
        sa.Column("name_index", sa.String(64), nullable=False),
        sa.Column("holder", sa.LargeBinary, nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("making_mode", sa.String(16), nullable=False),
        sa.Column("collection", sa.String(16), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("state", sa.String(32), nullable=False),
        sa.Column("failure_reason", sa.String(200)),
        sa.Column("card_index", sa.String(64)),
        sa.Column("card_no", sa.LargeBinary),
        sa.Column("batch_id", sa.String(40)),
        sa.Column("ems_tracking_no", sa.String(32)),
        sa.Column("custody", sa.String(16)),
        sa.Column("location", sa.String(32)),
        sa.Column("received_at", sa.DateTime),
        sa.Column("handed_out_at", sa.DateTime),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    for column in ("person_index", "name_index", "state", "card_index", "batch_id", "custody"):
        op.create_index(f"ix_production_items_{column}", "production_items", [column])
    op.create_table(
        "production_batches",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("batch_id", sa.String(40), nullable=False, unique=True),
        sa.Column("state", sa.String(24), nullable=False),
        sa.Column("listed", sa.LargeBinary, nullable=False),
        sa.Column("receipt", sa.LargeBinary),
        sa.Column("op_id", sa.String(64)),
        sa.Column("received_by", sa.String(32)),
        sa.Column("pulled_at", sa.DateTime, nullable=False),
        sa.Column("received_at", sa.DateTime),
    )
    op.create_index("ix_production_batches_state", "production_batches", ["state"])


def downgrade() -> None:
    op.drop_table("production_batches")
    op.drop_table("production_items")
