from counter_app.store.database import SCHEMA_HEAD, head_revision


def test_schema_head_constant_matches_the_migrations() -> None:
    assert head_revision() == SCHEMA_HEAD
