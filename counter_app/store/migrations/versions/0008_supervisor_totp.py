"""The supervisor's second factor: an authenticator secret (encrypted, bound to the account's
row) and the last accepted time step, so a one-time code is accepted once only.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # nullable columns: SQLite adds them in place (no table copy)
    op.add_column("tellers", sa.Column("totp_secret", sa.LargeBinary))
    op.add_column("tellers", sa.Column("totp_last_step", sa.Integer))
    op.add_column("tellers", sa.Column("totp_enrolled_at", sa.DateTime))


def downgrade() -> None:
    with op.batch_alter_table("tellers") as batch:
        batch.drop_column("totp_enrolled_at")
        batch.drop_column("totp_last_step")
        batch.drop_column("totp_secret")
