"""The reference central's scale options on SQLite: more outlets in the seed, and the
multi-worker mode refused where it cannot be safe."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from central_sim.__main__ import build_parser, main
from central_sim.db import Branch, Database
from central_sim.seed import TOTAL_BRANCHES, seed


def branch_codes(branches: int | None) -> list[str]:
    db = Database("sqlite://")
    db.create_all()
    with db.write() as s:
        if branches is None:
            seed(s)
        else:
            seed(s, branches)
    with db.read() as s:
        codes = list(s.scalars(select(Branch.code).order_by(Branch.code)))
        instant = s.scalar(select(func.count()).select_from(Branch).where(Branch.instant_issue))
    assert instant == 333  # the extra outlets are not instant-issue ones
    return codes


def test_seed_adds_outlets_beyond_the_916_and_keeps_those() -> None:
    default = branch_codes(None)
    city = branch_codes(1485)
    assert len(default) == TOTAL_BRANCHES and len(city) == 1485
    assert set(default) < set(city)
    # 1,485 outlets over 7 banks: the last is ICBC's 213th (index 1484 = 7 × 212)
    assert "ICBC-NB-0313" in city and "ICBC-NB-0313" not in default


def test_seed_refuses_fewer_outlets_than_the_demo_needs() -> None:
    with pytest.raises(ValueError):
        branch_codes(TOTAL_BRANCHES - 1)


@pytest.mark.parametrize(("argv", "message"), [
    (["--workers", "2", "--db", "sqlite:///x.db"], "needs a PostgreSQL database"),
    (["--workers", "0"], "--workers must be between 1 and 64"),
    (["--branches", "915"], "--branches must be between 916"),
    (["--db-pool", "0"], "--db-pool must be at least 1"),
])
def test_serve_refuses_unsafe_scale_options(argv: list[str], message: str,
                                            capsys: pytest.CaptureFixture[str],
                                            tmp_path: object) -> None:
    assert main(["serve", "--port", "1", *argv]) == 2
    assert message in capsys.readouterr().err


def test_serve_accepts_the_scale_options() -> None:
    args = build_parser().parse_args(["serve", "--workers", "4", "--branches", "1485",
                                      "--db-pool", "20"])
    assert (args.workers, args.branches, args.db_pool) == (4, 1485, 20)
