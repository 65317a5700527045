"""The emulator process: card slot 0 + PSAM slot 1 on vpcd, JSON-lines control on TCP.

Control protocol (127.0.0.1:35970 by default), one JSON object per line each way:
``{"cmd": "status"}``, ``{"cmd": "insert", "file": PATH}``, ``{"cmd": "remove"}``,
``{"cmd": "tear_after", "n": N, "lose_response": false}``, ``{"cmd": "stall_after", "n": N}``,
``{"cmd": "stats"}``, ``{"cmd": "reset_stats"}``, ``{"cmd": "shutdown"}``.
Answers are ``{"ok": true, ...}`` or ``{"ok": false, "error": "..."}``.
"""

from __future__ import annotations

import json
import logging
import socketserver
import threading
from pathlib import Path
from typing import Any

from counter_app.card.emulator.card import EmulatedCard
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.emulator.vpcd import VpcdSlot
from counter_app.card.statefile import read_json, write_json_atomic

log = logging.getLogger(__name__)

VPCD_HOST = "127.0.0.1"
CARD_PORT = 35963
PSAM_PORT = 35964
CONTROL_PORT = 35970


class EmulatorServer:
    def __init__(
        self, state_dir: Path, *, vpcd_host: str = VPCD_HOST, card_port: int = CARD_PORT,
        psam_port: int = PSAM_PORT, control_host: str = "127.0.0.1",
        control_port: int = CONTROL_PORT,
    ) -> None:
        self.state_dir = state_dir
        self.card_slot = VpcdSlot("card", vpcd_host, card_port)
        self.psam_slot = VpcdSlot("psam", vpcd_host, psam_port)
        self.card_slot.on_torn.append(self._forget_inserted)
        self._control_addr = (control_host, control_port)
        self._control: socketserver.ThreadingTCPServer | None = None
        self.stopped = threading.Event()
        self.card_path: Path | None = None

    # --- state ------------------------------------------------------------------------
    @property
    def _meta_path(self) -> Path:
        return self.state_dir / "emulator.json"

    def _prepare_state(self) -> Path | None:
        """Create the PSAM and the demo card on a fresh state dir; return the card to insert."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        psam_path = self.state_dir / "psam.json"
        if psam_path.exists():
            self.psam = EmulatedPsam.load(psam_path)
        else:
            self.psam = EmulatedPsam.create_test()
            self.psam.path = psam_path
            self.psam.save()
        if self._meta_path.exists():
            inserted = read_json(self._meta_path).get("inserted")
            return Path(inserted) if inserted else None
        demo = self.state_dir / "cards" / "NB0000016.json"
        if not demo.exists():
            card = EmulatedCard(new_personalised(demo_card_data()), demo)
            card.save()
        return demo

    def _remember(self, path: Path | None) -> None:
        self.card_path = path
        write_json_atomic(self._meta_path, {"inserted": str(path) if path else None})

    def _forget_inserted(self) -> None:
        self._remember(None)

    # --- lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        to_insert = self._prepare_state()
        self.psam_slot.start()
        self.card_slot.start()
        self.psam_slot.insert(self.psam)
        if to_insert is not None and to_insert.exists():
            self.insert(to_insert)
        else:
            self._remember(None)
        server = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                for line in self.rfile:
                    try:
                        reply = server.handle_command(json.loads(line))
                    except Exception as exc:  # answer every request, never crash the server
                        reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
                    self.wfile.write(json.dumps(reply).encode() + b"\n")
                    self.wfile.flush()
                    if reply.get("shutdown"):
                        return

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self._control = socketserver.ThreadingTCPServer(self._control_addr, Handler)
        self._control.daemon_threads = True
        threading.Thread(target=self._control.serve_forever, name="control", daemon=True).start()
        log.info("emulator ready: control on %s:%s", *self._control_addr)

    def stop(self) -> None:
        if self._control is not None:
            self._control.shutdown()
            self._control.server_close()
            self._control = None
        self.card_slot.stop()
        self.psam_slot.stop()
        self.stopped.set()

    def insert(self, path: Path) -> None:
        card = EmulatedCard.load(path)
        self.card_slot.insert(card)
        self._remember(path.resolve())

    # --- control ------------------------------------------------------------------------------
    def handle_command(self, req: dict[str, Any]) -> dict[str, Any]:
        cmd = req.get("cmd")
        if cmd == "status":
            return {
                "ok": True,
                "card": str(self.card_path) if self.card_slot.device is not None else None,
                "card_connected": self.card_slot.connected,
                "psam_connected": self.psam_slot.connected,
            }
        if cmd == "insert":
            self.insert(Path(req["file"]))
            return {"ok": True, "card": str(self.card_path)}
        if cmd == "remove":
            self.card_slot.remove()
            self._remember(None)
            return {"ok": True}
        if cmd == "tear_after":
            self.card_slot.tear_after(int(req["n"]), lose_response=bool(req.get("lose_response")))
            if int(req["n"]) <= 0:
                self._remember(None)
            return {"ok": True}
        if cmd == "stall_after":
            self.card_slot.stall_after(int(req["n"]))
            return {"ok": True}
        if cmd == "stats":
            return {"ok": True, "apdus": self.card_slot.apdu_count,
                    "ins_counts": dict(self.card_slot.ins_counts),
                    "psam_apdus": self.psam_slot.apdu_count}
        if cmd == "reset_stats":
            self.card_slot.reset_stats()
            self.psam_slot.reset_stats()
            return {"ok": True}
        if cmd == "shutdown":
            threading.Thread(target=self.stop, daemon=True).start()
            return {"ok": True, "shutdown": True}
        return {"ok": False, "error": f"unknown command {cmd!r}"}
