"""Central production: a batch receipt in progress kept as a draft (encrypted, bound to the
batch's row) and the sealing (封存) of uncollected cards returned to the central.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable columns: SQLite adds them in place (no table copy)
    op.add_column("production_batches", sa.Column("draft", sa.LargeBinary))
    op.add_column("production_batches", sa.Column("draft_teller", sa.String(32)))
    op.add_column("production_batches", sa.Column("draft_updated_at", sa.DateTime))
    op.add_column("production_items", sa.Column("sealed_at", sa.DateTime))
    op.add_column("production_items", sa.Column("sealing_list_id", sa.String(40)))
    op.create_index("ix_production_items_sealing_list_id", "production_items",
                    ["sealing_list_id"])


def downgrade() -> None:
    op.drop_index("ix_production_items_sealing_list_id", "production_items")
    with op.batch_alter_table("production_items") as batch:
        batch.drop_column("sealing_list_id")
        batch.drop_column("sealed_at")
    with op.batch_alter_table("production_batches") as batch:
        batch.drop_column("draft_updated_at")
        batch.drop_column("draft_teller")
        batch.drop_column("draft")
