"""Blank-card stock at instant-issue branches: boxes, cards, moves.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blank_boxes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("box_id", sa.String(32), nullable=False, unique=True),
        sa.Column("expected", sa.JSON),
        sa.Column("received_by", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("checked_at", sa.DateTime),
    )
    op.create_table(
        "blank_cards",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chip_serial", sa.String(16), nullable=False, unique=True),
        sa.Column("atr", sa.String(80), nullable=False),
        sa.Column("box_id", sa.String(32), nullable=False),
        sa.Column("place", sa.String(16), nullable=False),
        sa.Column("custodian", sa.String(32)),
        sa.Column("custody_day", sa.String(10)),
        sa.Column("application_id", sa.String(64)),
        sa.Column("spoil_reason", sa.LargeBinary),
        sa.Column("spoiled_by", sa.String(32)),
        sa.Column("received_by", sa.String(32), nullable=False),
        sa.Column("received_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
        # the one-place invariant, also for a row written by hand
        sa.CheckConstraint("place IN ('stock', 'custody', 'issued', 'spoiled')",
                           name="ck_blank_cards_place"),
        sa.CheckConstraint("(place = 'custody') = (custodian IS NOT NULL)",
                           name="ck_blank_cards_custodian"),
    )
    op.create_index("ix_blank_cards_box_id", "blank_cards", ["box_id"])
    op.create_index("ix_blank_cards_place", "blank_cards", ["place"])
    op.create_index("ix_blank_cards_custodian", "blank_cards", ["custodian"])
    op.create_table(
        "blank_card_moves",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("chip_serial", sa.String(16), nullable=False),
        sa.Column("at", sa.DateTime, nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("from_place", sa.String(16)),
        sa.Column("to_place", sa.String(16), nullable=False),
        sa.Column("teller", sa.String(32)),
        sa.Column("actor", sa.String(32), nullable=False),
    )
    op.create_index("ix_blank_card_moves_chip_serial", "blank_card_moves", ["chip_serial"])
    op.create_index("ix_blank_card_moves_day", "blank_card_moves", ["day"])
    op.create_index("ix_blank_card_moves_teller", "blank_card_moves", ["teller"])


def downgrade() -> None:
    op.drop_table("blank_card_moves")
    op.drop_table("blank_cards")
    op.drop_table("blank_boxes")
