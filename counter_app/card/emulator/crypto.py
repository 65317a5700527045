"""Cipher primitives, PBOC-style key diversification, MACs and the test-key hierarchy.

Lives inside the emulator package on purpose: the application never holds a key, it asks
the PSAM for cryptograms. Diversification and the session scheme are pluggable
(card-spec §1.5 marks them [unconfirmed]); the defaults are the PBOC pattern:
3DES child = 3DES_K(D) ‖ 3DES_K(~D); SM4 child = SM4_K(D ‖ ~D).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from counter_app.card.layout import Algorithm, KeyRole, block_size

__all__ = ["Algorithm", "KeyRole", "block_size"]


def _cipher(algo: Algorithm, key: bytes) -> Cipher[modes.ECB]:
    if algo == "sm4":
        if len(key) != 16:
            raise ValueError("SM4 key is 16 bytes")
        return Cipher(algorithms.SM4(key), modes.ECB())
    if len(key) != 16:
        raise ValueError("3DES key is 16 bytes (K1‖K2)")
    return Cipher(TripleDES(key + key[:8]), modes.ECB())


def encrypt(algo: Algorithm, key: bytes, data: bytes) -> bytes:
    if len(data) % block_size(algo):
        raise ValueError("data is not a whole number of blocks")
    enc = _cipher(algo, key).encryptor()
    return enc.update(data) + enc.finalize()


def decrypt(algo: Algorithm, key: bytes, data: bytes) -> bytes:
    if len(data) % block_size(algo):
        raise ValueError("data is not a whole number of blocks")
    dec = _cipher(algo, key).decryptor()
    return dec.update(data) + dec.finalize()


def _invert(data: bytes) -> bytes:
    return bytes(b ^ 0xFF for b in data)


def diversify_pboc(algo: Algorithm, parent: bytes, factor: bytes) -> bytes:
    """One level of PBOC diversification with an 8-byte factor."""
    if len(factor) != 8:
        raise ValueError("diversification factor is 8 bytes")
    if algo == "sm4":
        return encrypt("sm4", parent, factor + _invert(factor))
    return encrypt("3des", parent, factor) + encrypt("3des", parent, _invert(factor))


Diversifier = Callable[[Algorithm, bytes, bytes], bytes]


def diversify_chain(
    algo: Algorithm, root: bytes, factors_outer_first: Sequence[bytes],
    step: Diversifier = diversify_pboc,
) -> bytes:
    """Apply levels from the outermost (province) to the innermost (card)."""
    key = root
    for factor in factors_outer_first:
        key = step(algo, key, factor)
    return key


def pad_m2(algo: Algorithm, data: bytes) -> bytes:
    """ISO/IEC 9797-1 padding method 2 (80 00 ...)."""
    bs = block_size(algo)
    padded = data + b"\x80"
    return padded + b"\x00" * (-len(padded) % bs)


def cbc_mac(algo: Algorithm, key: bytes, iv: bytes, data: bytes) -> bytes:
    """CBC-MAC with method-2 padding; returns the last block (callers truncate to 4)."""
    bs = block_size(algo)
    if len(iv) != bs:
        raise ValueError("IV must be one block")
    state = iv
    for i in range(0, len(padded := pad_m2(algo, data)), bs):
        block = bytes(a ^ b for a, b in zip(state, padded[i : i + bs], strict=True))
        state = encrypt(algo, key, block)
    return state


def challenge_iv(algo: Algorithm, challenge: bytes) -> bytes:
    """The MAC IV from a card challenge: the challenge, zero-padded to one block."""
    bs = block_size(algo)
    return (challenge + b"\x00" * bs)[:bs]


# --- factors (card-spec §1.5) ---------------------------------------------------------

def card_factor(atr: bytes) -> bytes:
    return bytes(atr[-8:])


def city_factor(city_code: str) -> bytes:
    return (city_code + "sx").encode("ascii")


def province_factor(city_code: str) -> bytes:
    return (city_code[:2] + "0000sh").encode("ascii")


# --- test-key hierarchy -----------------------------------------------------------------

ROLES: tuple[KeyRole, ...] = ("update", "read", "pin_unblock", "pin_reload")


def ministry_root(role: KeyRole, algo: Algorithm, seed: str = "test") -> bytes:
    """Deterministic TEST ministry root key (never a production key)."""
    return hashlib.sha256(f"counter-app {seed} ministry root {role} {algo}".encode()).digest()[:16]


def province_key(role: KeyRole, algo: Algorithm, city_code: str, seed: str = "test") -> bytes:
    return diversify_pboc(algo, ministry_root(role, algo, seed), province_factor(city_code))


def city_key(role: KeyRole, algo: Algorithm, city_code: str, seed: str = "test") -> bytes:
    return diversify_pboc(algo, province_key(role, algo, city_code, seed), city_factor(city_code))


def card_key(
    role: KeyRole, algo: Algorithm, city_code: str, atr: bytes, seed: str = "test"
) -> bytes:
    return diversify_pboc(algo, city_key(role, algo, city_code, seed), card_factor(atr))
