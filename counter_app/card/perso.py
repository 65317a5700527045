"""Personalisation engine: run a script on a blank card with a journal per card.

The journal marks each step ``sent`` before it goes out and ``done`` after it completed,
so a card pulled at any APDU leaves a truthful record: steps ``done`` completed, the step
``sent`` is in doubt (it may or may not have reached the card), the rest are ``pending``.
The marks are kept in memory and written (durably) in batches, where durability matters:
when the journal starts, before the first write of a run, before the final step, at the
end and whenever the run stops (a pulled card, a refusal) — not twice per APDU. After a
pulled card the written journal is therefore exact; after a crash or power loss in the
middle of the writes it may lag behind the card by the writes since the first one, which
is safe: every step before the final one rewrites the same bytes (replaying it changes
nothing) and a final step that reached the card is found on it (lifecycle "issued").
A later run on the same card (same ATR) resumes: it replays the context steps (SELECT,
external authentication; they change nothing on the card) and continues at the first step
that is not done. The teller may instead mark the card spoiled.

A card is reported ``issued`` only when the final step completed and a read-back of EF05,
EF06 (and the photo, if written) matched the script's expected data. A failed external
authentication or an unexpected status word stops the run in state ``failed`` and is never
retried automatically (cards count failed authentications).
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from counter_app.card.apdu import CommandApdu, status_error
from counter_app.card.errors import CardError, CardLinkError, CardStatusError
from counter_app.card.layout import (
    EF05,
    EF06,
    INS_END_PERSO,
    LIFECYCLE_ISSUED,
    SSSE_AID,
    KeyRole,
    encode_records,
    records_of,
)
from counter_app.card.ssse import PHOTO_CHUNK, SsseCard
from counter_app.card.statefile import read_json, write_json_atomic
from counter_app.domain.card import CardData
from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP

log = logging.getLogger(__name__)

StepKind = Literal["select", "auth", "write", "final"]


@dataclass(frozen=True, slots=True)
class PersoStep:
    name: str
    kind: StepKind
    apdu: bytes = b""
    expect_sw: int = 0x9000
    role: KeyRole | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "kind": self.kind, "apdu": self.apdu.hex().upper(),
                "expect_sw": f"{self.expect_sw:04X}", "role": self.role}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PersoStep:
        return cls(raw["name"], raw["kind"], bytes.fromhex(raw.get("apdu", "")),
                   int(raw.get("expect_sw", "9000"), 16), raw.get("role"))


@dataclass(frozen=True)
class PersoScript:
    """Ordered steps with expected responses (from the central in production)."""

    script_id: str
    expected: CardData
    steps: tuple[PersoStep, ...]
    photo: bytes | None = None

    def to_json(self) -> dict[str, Any]:
        return {"script_id": self.script_id, "expected": self.expected.to_dict(),
                "steps": [s.to_json() for s in self.steps],
                "photo": self.photo.hex() if self.photo else None}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> PersoScript:
        photo = raw.get("photo")
        return cls(raw["script_id"], CardData.from_dict(raw["expected"]),
                   tuple(PersoStep.from_json(s) for s in raw["steps"]),
                   bytes.fromhex(photo) if photo else None)


def build_script(data: CardData, *, script_id: str, photo: bytes | None = None) -> PersoScript:
    """The standard script: EF05, EF06, optional photo, then END PERSONALISATION."""
    records = encode_records(data)
    steps: list[PersoStep] = [
        PersoStep("select SSSE", "select", CommandApdu(0x00, 0xA4, 0x04, 0x00, SSSE_AID).to_bytes()),
        PersoStep("external auth (update key)", "auth", role="update"),
    ]
    for ef in (EF05, EF06):
        steps.append(PersoStep(f"select {ef:04X}", "select",
                               CommandApdu(0x00, 0xA4, 0x02, 0x00, ef.to_bytes(2, "big")).to_bytes()))
        for rec in records_of(ef):
            steps.append(PersoStep(
                f"update {ef:04X} record {rec.number} (tag {rec.tag:02X})", "write",
                CommandApdu(0x00, 0xDC, rec.number, 0x04, records[rec.tag]).to_bytes(),
            ))
    if photo is not None:
        content = len(photo).to_bytes(2, "big") + photo
        steps.append(PersoStep("select EF08", "select",
                               CommandApdu(0x00, 0xA4, 0x02, 0x00, b"\xEF\x08").to_bytes()))
        for off in range(0, len(content), PHOTO_CHUNK):
            steps.append(PersoStep(
                f"update photo @{off}", "write",
                CommandApdu(0x00, 0xD6, off >> 8, off & 0xFF, content[off : off + PHOTO_CHUNK]).to_bytes(),
            ))
    steps.append(PersoStep("end personalisation", "final",
                           CommandApdu(0x80, INS_END_PERSO, 0x00, 0x00).to_bytes()))
    return PersoScript(script_id, data, tuple(steps), photo)


class PersoState(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    INTERRUPTED = "interrupted"  # card link lost; resume on the same card or spoil
    FAILED = "failed"  # card refused a step (auth failed, unexpected SW): not retried
    ISSUED = "issued"  # final step done AND read-back verified
    SPOILED = "spoiled"


StepStatus = Literal["pending", "sent", "done"]


class JournalStore(Protocol):
    def load(self, card_key: str) -> dict[str, Any] | None: ...

    def save(self, card_key: str, journal: dict[str, Any]) -> None: ...


class FileJournalStore:
    """One JSON file per card, replaced atomically and fsynced after every change."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _path(self, card_key: str) -> Path:
        return self.directory / f"{card_key}.json"

    def load(self, card_key: str) -> dict[str, Any] | None:
        path = self._path(card_key)
        return read_json(path) if path.exists() else None

    def save(self, card_key: str, journal: dict[str, Any]) -> None:
        write_json_atomic(self._path(card_key), journal)

    def all(self) -> list[dict[str, Any]]:
        return [read_json(p) for p in sorted(self.directory.glob("*.json"))]


class MemoryJournalStore:
    def __init__(self) -> None:
        self.journals: dict[str, dict[str, Any]] = {}

    def load(self, card_key: str) -> dict[str, Any] | None:
        j = self.journals.get(card_key)
        return json.loads(json.dumps(j)) if j is not None else None

    def save(self, card_key: str, journal: dict[str, Any]) -> None:
        self.journals[card_key] = json.loads(json.dumps(journal))


@dataclass
class PersoResult:
    state: PersoState
    card_key: str
    done_steps: list[int] = field(default_factory=list)
    in_doubt_step: int | None = None
    error: CounterError | None = None

    @property
    def issued(self) -> bool:
        return self.state is PersoState.ISSUED


class PersoRefusedError(CardError):
    code = "PERSO_REFUSED"


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="milliseconds")


class PersonalisationEngine:
    def __init__(self, store: JournalStore) -> None:
        self.store = store

    @staticmethod
    def card_key(atr: bytes) -> str:
        return atr.hex().upper()

    def journal(self, atr: bytes) -> dict[str, Any] | None:
        return self.store.load(self.card_key(atr))

    def spoil(self, atr: bytes, reason: str) -> None:
        """The teller gives up on this card: it is recorded as spoiled, never issued."""
        key = self.card_key(atr)
        j = self.store.load(key)
        if j is None:
            j = {"card": key, "script_id": None, "steps": [], "events": []}
        if j.get("state") == PersoState.ISSUED:
            raise PersoRefusedError(QT_TR_NOOP("该卡已制卡成功，不能登记为废卡。"))
        j["state"] = PersoState.SPOILED
        j["events"].append({"at": _now(), "event": "spoiled", "reason": reason})
        self.store.save(key, j)

    # --- running ---------------------------------------------------------------------------
    def run(self, card: SsseCard, script: PersoScript) -> PersoResult:
        key = self.card_key(card.atr)
        j = self.store.load(key)
        resuming = j is not None
        if j is None:
            j = {
                "card": key, "script_id": script.script_id, "state": PersoState.IN_PROGRESS,
                "steps": [{"index": i, "name": s.name, "kind": s.kind, "status": "pending"}
                          for i, s in enumerate(script.steps)],
                "events": [{"at": _now(), "event": "started"}],
            }
            self.store.save(key, j)
        else:
            refusal = self._refuse_resume(j, script)
            if refusal is not None:
                return refusal
            j["state"] = PersoState.IN_PROGRESS
            j["events"].append({"at": _now(), "event": "resumed"})
            self.store.save(key, j)
        step_index: int | None = None
        try:
            start = next((i for i, s in enumerate(j["steps"]) if s["status"] != "done"),
                         len(script.steps))
            if resuming:
                start = self._prepare_resume(card, script, j, key, start)
            flushed = False
            for i in range(start, len(script.steps)):
                step_index = i
                kind = script.steps[i].kind
                # durable before the first write of this run (the chip is being touched) and
                # before the final step (the one that is not a replayable rewrite)
                flush = kind == "final" or (kind == "write" and not flushed)
                self._mark(j, key, i, "sent", save=flush)
                flushed = flushed or flush
                self._execute(card, script.steps[i])
                self._mark(j, key, i, "done", save=False)
            step_index = None
            return self._verify(card, script, j, key)
        except CardLinkError as exc:
            j["state"] = PersoState.INTERRUPTED
            j["events"].append({"at": _now(), "event": "card_link_lost", "code": exc.code,
                                "step": step_index})
            self.store.save(key, j)
            return self._result(j, key, exc)
        except CardError as exc:
            j["state"] = PersoState.FAILED
            j["events"].append({"at": _now(), "event": "refused_by_card", "code": exc.code,
                                "step": step_index, "sw": f"{getattr(exc, 'sw', 0):04X}"})
            self.store.save(key, j)
            return self._result(j, key, exc)
        except BaseException:
            self.store.save(key, j)  # whatever stopped the run, the marks so far are kept
            raise

    def _refuse_resume(self, j: dict[str, Any], script: PersoScript) -> PersoResult | None:
        key = j["card"]
        state = PersoState(j.get("state", PersoState.INTERRUPTED))
        if state in (PersoState.ISSUED, PersoState.SPOILED):
            return self._result(j, key, PersoRefusedError(
                QT_TR_NOOP("该卡已制卡成功，不能重复制卡。") if state is PersoState.ISSUED
                else QT_TR_NOOP("该卡已登记为废卡，不能继续制卡。")))
        if state is PersoState.FAILED:
            return self._result(j, key, PersoRefusedError(
                QT_TR_NOOP("该卡上次制卡时被卡片拒绝（如外部认证失败），系统不会自动重试，"
                           "请登记废卡或联系技术支持。")))
        if j.get("script_id") != script.script_id:
            return self._result(j, key, PersoRefusedError(
                QT_TR_NOOP("该卡正在为另一份申请制卡，不能用于本次业务。")))
        return None

    def _prepare_resume(
        self, card: SsseCard, script: PersoScript, j: dict[str, Any], key: str, start: int
    ) -> int:
        card.select()
        if card.lifecycle() == LIFECYCLE_ISSUED:
            # the final step reached the card (its answer may have been lost): all done
            for i, s in enumerate(j["steps"]):
                if s["status"] != "done":
                    self._mark(j, key, i, "done", note="found complete on card", save=False)
            return len(script.steps)
        for i in range(start):  # re-establish the selection and authentication context
            step = script.steps[i]
            if step.kind in ("select", "auth"):
                self._execute(card, step)
        return start

    def _execute(self, card: SsseCard, step: PersoStep) -> None:
        if step.kind == "auth":
            if step.role is None:
                raise ValueError("auth step without a key role")
            card.external_authenticate(step.role)
            return
        cmd = CommandApdu.from_bytes(step.apdu)
        resp = card.channel.transmit(cmd)
        if resp.sw != step.expect_sw:
            if resp.ok:
                raise CardStatusError(resp.sw, code="PERSO_UNEXPECTED_SW")
            raise status_error(resp.sw, ins=cmd.ins)
        if step.kind == "select":
            card.note_selected(cmd, resp)

    def _verify(self, card: SsseCard, script: PersoScript, j: dict[str, Any], key: str) -> PersoResult:
        data = card.read_card_data(reselect=False)  # the script left SSSE selected
        ok = data == script.expected and card.lifecycle() == LIFECYCLE_ISSUED
        if ok and script.photo is not None:
            ok = card.read_photo() == script.photo
        j["state"] = PersoState.ISSUED if ok else PersoState.SPOILED
        j["events"].append({"at": _now(), "event": "verified" if ok else "verify_mismatch"})
        self.store.save(key, j)
        return self._result(j, key, None)

    def _mark(self, j: dict[str, Any], key: str, i: int, status: StepStatus, note: str = "",
              *, save: bool) -> None:
        j["steps"][i]["status"] = status
        if note:
            j["steps"][i]["note"] = note
        if save:
            self.store.save(key, j)

    def _result(self, j: dict[str, Any], key: str, error: CounterError | None) -> PersoResult:
        steps = j.get("steps", [])
        return PersoResult(
            state=PersoState(j["state"]),
            card_key=key,
            done_steps=[s["index"] for s in steps if s["status"] == "done"],
            in_doubt_step=next((s["index"] for s in steps if s["status"] == "sent"), None),
            error=error,
        )

