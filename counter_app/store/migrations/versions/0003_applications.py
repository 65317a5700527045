"""Card applications (申领) and their drafts.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "application_drafts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("draft_id", sa.String(36), nullable=False, unique=True),
        sa.Column("teller", sa.String(32), nullable=False),
        sa.Column("person_index", sa.String(64)),
        sa.Column("step", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.Column("photo", sa.LargeBinary),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )
    op.create_index("ix_application_drafts_teller", "application_drafts", ["teller"])
    op.create_index("ix_application_drafts_status", "application_drafts", ["status"])
    op.create_index("ix_application_drafts_person_index", "application_drafts", ["person_index"])
    op.create_table(
        "card_applications",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("application_no", sa.String(48), nullable=False, unique=True),
        sa.Column("draft_id", sa.String(36), nullable=False, unique=True),
        sa.Column("person_index", sa.String(64), nullable=False),
        sa.Column("teller", sa.String(32), nullable=False),
        sa.Column("branch_code", sa.String(32), nullable=False),
        sa.Column("making_mode", sa.String(16), nullable=False),
        sa.Column("collection", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False, unique=True),
        sa.Column("central_application_id", sa.String(64)),
        sa.Column("central_state", sa.String(32)),
        sa.Column("record", sa.LargeBinary, nullable=False),
        sa.Column("photo", sa.LargeBinary),
        sa.Column("accepted_at", sa.DateTime, nullable=False),
        sa.Column("synced_at", sa.DateTime),
    )
    op.create_index("ix_card_applications_person_index", "card_applications", ["person_index"])
    op.create_index("ix_card_applications_status", "card_applications", ["status"])


def downgrade() -> None:
    op.drop_table("card_applications")
    op.drop_table("application_drafts")
