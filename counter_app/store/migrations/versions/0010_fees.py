"""Fees (工本费): each collection and refund at a counter, inside a teller's work session.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fee_payments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("receipt_no", sa.String(48), nullable=False, unique=True),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("business", sa.String(32), nullable=False),
        sa.Column("business_ref", sa.String(64), nullable=False),
        sa.Column("session_id", sa.Integer, nullable=False),
        sa.Column("teller", sa.String(32), nullable=False),
        sa.Column("counter_id", sa.String(8), nullable=False),
        sa.Column("business_day", sa.String(10), nullable=False),
        sa.Column("amount_fen", sa.Integer, nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("reference", sa.String(32), nullable=False, server_default=""),
        sa.Column("refund_of", sa.String(48), nullable=False, server_default=""),
        sa.Column("authorised_by", sa.String(32), nullable=False, server_default=""),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.CheckConstraint("amount_fen > 0", name="ck_fee_payments_amount"),
        sa.CheckConstraint("kind IN ('collect', 'refund')", name="ck_fee_payments_kind"),
    )
    op.create_index("ix_fee_payments_business_ref", "fee_payments", ["business_ref"])
    op.create_index("ix_fee_payments_session_id", "fee_payments", ["session_id"])
    op.create_index("ix_fee_payments_business_day", "fee_payments", ["business_day"])
    # once per business and kind: a retry cannot collect (or refund) twice
    op.create_index("ux_fee_payments_business_kind", "fee_payments", ["business_ref", "kind"],
                    unique=True)


def downgrade() -> None:
    op.drop_table("fee_payments")
