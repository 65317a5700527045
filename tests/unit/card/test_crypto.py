"""Cipher vectors, diversification chain, and that the PSAM and the card agree."""

from __future__ import annotations

from counter_app.card.apdu import ApduChannel
from counter_app.card.emulator import crypto
from counter_app.card.emulator.factory import demo_card_data, new_personalised
from counter_app.card.emulator.loopback import LoopbackPort
from counter_app.card.emulator.psam import EmulatedPsam
from counter_app.card.psam import DiversificationFactors, Psam


def test_sm4_standard_vector() -> None:
    k = bytes.fromhex("0123456789abcdeffedcba9876543210")
    assert crypto.encrypt("sm4", k, k).hex() == "681edf34d206965e86b3e94f536e4246"


def test_factors_for_ningbo() -> None:
    f = DiversificationFactors.for_card(bytes(range(17)), "330200")
    assert f.city.hex() == "3333303230307378"  # "330200sx"
    assert f.province.hex() == "3333303030307368"  # "330000sh"
    assert f.card == bytes(range(9, 17))


def test_pboc_diversification_shapes() -> None:
    parent = bytes(range(16))
    d = b"12345678"
    assert crypto.diversify_pboc("sm4", parent, d) == crypto.encrypt("sm4", parent, d + bytes(b ^ 0xFF for b in d))
    child = crypto.diversify_pboc("3des", parent, d)
    assert child[:8] == crypto.encrypt("3des", parent, d)
    assert child[8:] == crypto.encrypt("3des", parent, bytes(b ^ 0xFF for b in d))


def test_hierarchy_is_ministry_province_city_card() -> None:
    atr = new_personalised(demo_card_data()).atr
    root = crypto.ministry_root("update", "sm4")
    prov = crypto.diversify_pboc("sm4", root, b"330000sh")
    city = crypto.diversify_pboc("sm4", prov, b"330200sx")
    assert crypto.card_key("update", "sm4", "330200", atr) == crypto.diversify_pboc("sm4", city, atr[-8:])
    assert crypto.card_key("update", "sm4", "330100", atr) != crypto.card_key("update", "sm4", "330200", atr)


def test_psam_cryptogram_equals_card_key_encryption() -> None:
    state = new_personalised(demo_card_data())
    psam = Psam(ApduChannel(LoopbackPort(EmulatedPsam.create_test())))
    challenge = bytes(range(16))
    got = psam.cryptogram("update", "sm4", DiversificationFactors.for_card(state.atr, "330200"), challenge)
    assert got == crypto.encrypt("sm4", state.keys["update"], challenge)
    # a PSAM for another key hierarchy gives another answer
    other = Psam(ApduChannel(LoopbackPort(EmulatedPsam.create_test(seed="other"))))
    assert other.cryptogram("update", "sm4", DiversificationFactors.for_card(state.atr, "330200"), challenge) != got


def test_psam_3des_and_mac() -> None:
    psam_dev = EmulatedPsam.create_test()
    psam = Psam(ApduChannel(LoopbackPort(psam_dev)))
    atr = bytes.fromhex("3B6D000000814E430200112233445566")
    f = DiversificationFactors.for_card(atr, "330200")
    key = crypto.card_key("pin_reload", "3des", "330200", atr)
    assert psam.encrypt("pin_reload", "3des", f, bytes(8)) == crypto.encrypt("3des", key, bytes(8))
    iv = bytes(8)
    assert psam.mac("pin_reload", "3des", f, iv, b"abc") == crypto.cbc_mac("3des", key, iv, b"abc")[:4]


def test_mac_padding_method_2() -> None:
    assert crypto.pad_m2("3des", b"") == b"\x80" + bytes(7)
    assert crypto.pad_m2("sm4", bytes(16)) == bytes(16) + b"\x80" + bytes(15)
