"""Reading the card over the real PC/SC stack, the CLI, and the emulator commands."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counter_app.card.emulator.factory import demo_card_data
from counter_app.card.errors import NoCardError, NoReaderError
from counter_app.card.ssse import ReadMode
from counter_app.card.transport import PcscCard, list_readers
from tests.fixtures.pcsc import EmulatorFixture

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "counter_app.card", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60, check=check)


def test_both_virtual_readers_are_listed(emulator: EmulatorFixture) -> None:
    readers = list_readers()
    assert emulator.card_reader in readers and emulator.psam_reader in readers


@pytest.mark.parametrize("mode", list(ReadMode))
def test_read_demo_card_in_each_addressing_form(emulator: EmulatorFixture, mode: ReadMode) -> None:
    assert emulator.service().read_card(mode) == demo_card_data()
    assert emulator.control.stats()["apdus"] == (15 if mode is ReadMode.SFI else 17)


def test_atr_and_t0_protocol(emulator: EmulatorFixture) -> None:
    with PcscCard(emulator.card_reader) as card:
        assert card.atr.hex().upper().startswith("3B6D0000")
        assert card.atr[-8:] == bytes.fromhex("000A1B2C3D4E5F60")


def test_card_read_json_command(emulator: EmulatorFixture) -> None:
    out = json.loads(cli("card", "read", "--json").stdout)
    for key in ("card_number", "card_id_code", "id_number", "name", "sex", "birth_date",
                "issue_date", "expiry_date", "spec_version"):
        assert key in out
    assert out["name"] == "李明"
    assert out["card_number"] == "NB0000016"
    assert out["id_number"] == "330203198506122017"
    assert out["birth_date"] == "1985-06-12"
    text = cli("card", "read").stdout
    assert "姓名：李明" in text and "卡号：NB0000016" in text


def test_new_card_insert_read_remove_commands(emulator: EmulatorFixture, tmp_path: Path) -> None:
    card_file = tmp_path / "wang.json"
    cli("emulator", "new-card", "--id", "330206201503091028", "--name", "王小雨",
        "--card-number", "NB0000024", "--out", str(card_file))
    cli("emulator", "insert", str(card_file))
    from counter_app.card.emulator.card import EmulatedCard
    from counter_app.card.presence import wait_for_presence

    atr = EmulatedCard.load(card_file).atr.hex()
    assert wait_for_presence(emulator.card_reader, card_present=True, atr_hex=atr, timeout=10)
    out = json.loads(cli("card", "read", "--json").stdout)
    assert out["name"] == "王小雨" and out["sex"] == "2" and out["card_number"] == "NB0000024"
    cli("emulator", "remove")
    assert emulator.wait_removed()
    res = cli("card", "read", check=False)
    assert res.returncode == 1
    assert "没有卡片" in res.stderr
    with pytest.raises(NoCardError):
        emulator.service().read_card()


def test_blank_card_reads_as_not_personalised(emulator: EmulatorFixture, tmp_path: Path) -> None:
    blank = tmp_path / "blank.json"
    cli("emulator", "new-blank", "--out", str(blank))
    emulator.insert(blank)
    res = cli("card", "read", "--json", check=False)
    assert res.returncode == 1
    assert "未个人化" in res.stderr


def test_unknown_reader_is_a_clear_error(emulator: EmulatorFixture) -> None:
    with pytest.raises(NoReaderError) as err:
        PcscCard("No Such Reader 00 00")
    assert "读卡器" in err.value.message_zh
    res = cli("card", "read", "--reader", "No Such Reader 00 00", check=False)
    assert res.returncode == 1 and "未检测到读卡器" in res.stderr


def test_card_written_today_reads_back_after_emulator_restart(
    emulator: EmulatorFixture, tmp_path: Path
) -> None:
    from counter_app.card.emulator.card import EmulatedCard
    from counter_app.card.layout import record_by_tag

    path = emulator.insert_new_card(name="persist")
    with emulator.service().open() as card:
        card.select()
        card.external_authenticate("update")
        card.update_record(record_by_tag(0x0B), bytes.fromhex("03"))  # nation 03
    emulator.remove()
    # the file on disk is the card: a fresh process loads it with the write in it
    assert EmulatedCard.load(path).state.records[0x0B] == bytes.fromhex("0B0103")
    emulator.insert(path)
    assert emulator.service().read_card().nation == "03"


def test_exclusive_connection_refuses_a_second_one(emulator: EmulatorFixture) -> None:
    from counter_app.card.errors import CardBusyError

    with PcscCard(emulator.card_reader, share="exclusive"), pytest.raises(CardBusyError) as err:
        PcscCard(emulator.card_reader)
    assert "占用" in err.value.message_zh


def test_missing_psam_reader_is_a_psam_error(emulator: EmulatorFixture) -> None:
    from counter_app.card.errors import PsamError
    from counter_app.card.service import CardConfig, CardService

    service = CardService(CardConfig(psam_reader="No PSAM Reader"))
    with service.open() as card:
        card.select()
        with pytest.raises(PsamError) as err:
            card.external_authenticate("update")
    assert "PSAM" in err.value.message_zh


def test_reset_clears_security_state_and_reconnect_finds_the_new_card(
    emulator: EmulatorFixture,
) -> None:
    from counter_app.card.apdu import ApduChannel
    from counter_app.card.errors import CardRemovedError, SecurityStatusError
    from counter_app.card.layout import record_by_tag
    from counter_app.card.psam import Psam
    from counter_app.card.ssse import SsseCard

    with PcscCard(emulator.card_reader) as conn, PcscCard(emulator.psam_reader) as psam_conn:
        card = SsseCard(ApduChannel(conn), atr=conn.atr, psam=Psam(ApduChannel(psam_conn)))
        card.select()
        card.external_authenticate("update")
        card.update_record(record_by_tag(0x0B), b"\x01")
        conn.reset()  # warm reset: the card forgets the authentication
        card.select()
        with pytest.raises(SecurityStatusError):
            card.update_record(record_by_tag(0x0B), b"\x01")
        path = emulator.insert_new_card(emulator.person("330206201503091028", "王小雨"),
                                        name="other")
        with pytest.raises(CardRemovedError):
            card.select()
        conn.reconnect()
        assert conn.atr == emulator.load(path).atr
        fresh = SsseCard(ApduChannel(conn), atr=conn.atr)
        assert fresh.read_card_data().name == "王小雨"


def test_tear_after_command(emulator: EmulatorFixture) -> None:
    from counter_app.card.errors import CardLinkError

    cli("emulator", "tear-after", "2")
    with pytest.raises(CardLinkError):
        emulator.service().read_card()
    assert emulator.wait_removed()
    assert json.loads(cli("emulator", "status").stdout)["card"] is None
