"""Idempotency-Key semantics (IETF httpapi draft; Stripe's design).

- missing key → 400; a key is claimed atomically with a unique insert (its own commit);
- the business effect and the stored result commit in ONE transaction;
- replay after completion → the stored status and body (errors included);
- a duplicate while the first is still running → 409;
- the same key with a different payload → 422;
- a claim left IN_PROGRESS by a crash is taken over after ``stale_after`` seconds (the
  effect never committed, because effect and result commit together).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central_sim.db import Database, Effect, IdempotencyRecord, utcnow
from central_sim.errors import Refusal

Handler = Callable[[Session], tuple[int, dict[str, Any], str]]  # status, body, effect ref


def fingerprint(method: str, path: str, payload: dict[str, Any]) -> str:
    canonical = json.dumps([method, path, payload], sort_keys=True, ensure_ascii=False,
                           separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


class Idempotency:
    def __init__(self, db: Database, stale_after: float = 30.0) -> None:
        self.db = db
        self.stale_after = stale_after
        self.hold_seconds: Callable[[], float] = lambda: 0.0

    def run(
        self,
        *,
        key: str | None,
        client_id: str,
        method: str,
        path: str,
        payload: dict[str, Any],
        operation: str,
        handler: Handler,
    ) -> tuple[int, dict[str, Any], bool]:
        """Returns (status, body, replayed)."""
        if not key:
            raise Refusal(400, "IDEMPOTENCY_KEY_MISSING", "请求缺少幂等键（Idempotency-Key），中心系统拒绝处理。")
        if len(key) > 128:
            raise Refusal(400, "IDEMPOTENCY_KEY_INVALID", "幂等键过长（最多128个字符）。")
        fp = fingerprint(method, path, payload)
        hold = self.hold_seconds()
        if self.db.is_sqlite and not hold:
            return self._run_serialised(key, client_id, fp, operation, handler)
        claimed = self._claim(client_id, key, fp)
        if claimed is not None:
            return claimed
        if hold:
            time.sleep(hold)
        try:
            with self.db.write() as s:
                status, body, ref = handler(s)
                self._complete(s, client_id, key, status, body)
                s.add(Effect(idempotency_key=key, operation=operation, ref=ref))
            return status, body, False
        except Refusal as refusal:
            # Errors are results too: a replay returns the same refusal.
            with self.db.write() as s:
                self._complete(s, client_id, key, refusal.status, refusal.body())
            raise
        except BaseException:
            # Unexpected failure: nothing committed, release the claim so a retry can run.
            with self.db.write() as s:
                s.execute(delete(IdempotencyRecord).where(
                    IdempotencyRecord.client_id == client_id, IdempotencyRecord.key == key))
            raise

    def _run_serialised(self, key: str, client_id: str, fp: str, operation: str,
                        handler: Handler) -> tuple[int, dict[str, Any], bool]:
        """SQLite: writers are serialised in-process, so claim, effect and result commit in
        one transaction (a duplicate waits for the lock and then sees the stored result).
        The two-phase path above is used with PostgreSQL and when ``hold_ms`` is set."""
        store_refusal = True
        try:
            with self.db.write() as s:
                rec = s.execute(select(IdempotencyRecord).where(
                    IdempotencyRecord.client_id == client_id, IdempotencyRecord.key == key)
                ).scalar_one_or_none()
                if rec is not None:
                    if rec.fingerprint != fp:
                        store_refusal = False
                        raise Refusal(422, "IDEMPOTENCY_KEY_REUSED",
                                      "幂等键已用于另一笔不同内容的业务，请勿重复使用。")
                    if rec.state == "DONE":
                        return (int(rec.status_code or 200),
                                json.loads(rec.response_body or "{}"), True)
                    rec.locked_at = utcnow()  # an abandoned claim: its effect never committed
                else:
                    s.add(IdempotencyRecord(client_id=client_id, key=key, fingerprint=fp,
                                            state="IN_PROGRESS", locked_at=utcnow()))
                    s.flush()
                status, body, ref = handler(s)
                self._complete(s, client_id, key, status, body)
                s.add(Effect(idempotency_key=key, operation=operation, ref=ref))
            return status, body, False
        except Refusal as refusal:
            if store_refusal:
                with self.db.write() as s:
                    rec = s.execute(select(IdempotencyRecord).where(
                        IdempotencyRecord.client_id == client_id,
                        IdempotencyRecord.key == key)).scalar_one_or_none()
                    if rec is None:
                        s.add(IdempotencyRecord(client_id=client_id, key=key, fingerprint=fp,
                                                state="IN_PROGRESS", locked_at=utcnow()))
                        s.flush()
                    self._complete(s, client_id, key, refusal.status, refusal.body())
            raise

    def _claim(self, client_id: str, key: str, fp: str) -> tuple[int, dict[str, Any], bool] | None:
        try:
            with self.db.write() as s:
                s.add(IdempotencyRecord(client_id=client_id, key=key, fingerprint=fp,
                                        state="IN_PROGRESS", locked_at=utcnow()))
            return None
        except IntegrityError:
            pass
        with self.db.write() as s:
            rec = s.execute(
                select(IdempotencyRecord)
                .where(IdempotencyRecord.client_id == client_id, IdempotencyRecord.key == key)
                .with_for_update()
            ).scalar_one_or_none()
            if rec is None:  # released between our insert and this read: caller retries
                raise Refusal(409, "IDEMPOTENCY_IN_PROGRESS", "相同幂等键的请求正在处理中，请稍后重试。")
            if rec.fingerprint != fp:
                raise Refusal(422, "IDEMPOTENCY_KEY_REUSED",
                              "幂等键已用于另一笔不同内容的业务，请勿重复使用。")
            if rec.state == "DONE":
                return int(rec.status_code or 200), json.loads(rec.response_body or "{}"), True
            if utcnow() - rec.locked_at > dt.timedelta(seconds=self.stale_after):
                rec.locked_at = utcnow()  # take over an abandoned claim
                return None
            raise Refusal(409, "IDEMPOTENCY_IN_PROGRESS", "相同幂等键的请求正在处理中，请稍后重试。")

    @staticmethod
    def _complete(s: Session, client_id: str, key: str, status: int, body: dict[str, Any]) -> None:
        rec = s.execute(
            select(IdempotencyRecord)
            .where(IdempotencyRecord.client_id == client_id, IdempotencyRecord.key == key)
        ).scalar_one()
        rec.state = "DONE"
        rec.status_code = status
        rec.response_body = json.dumps(body, ensure_ascii=False, default=str)
        rec.completed_at = utcnow()
