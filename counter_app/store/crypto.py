"""Encryption of personal data at rest.

AES-256-GCM with a random 96-bit nonce per value; the column name is authenticated as
associated data so a ciphertext moved to another column does not decrypt. The data key
lives outside the database in a key file readable only by the service account
(directory 0700, file 0600). Keyed hashes (blind indexes) let the store look up an
encrypted value, such as an ID number, without storing it in clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from counter_app.domain.errors import CounterError

_FORMAT_V1 = b"\x01"
_NONCE_LEN = 12
KEY_LEN = 32


class DataKeyError(CounterError):
    code = "DATA_KEY_ERROR"


class TamperedDataError(CounterError):
    code = "DATA_TAMPERED"
    message_zh = "本地数据校验失败（数据可能被篡改或损坏），请联系网点技术支持，不要继续办理。"


@dataclass(frozen=True)
class DataCipher:
    """Encrypts and decrypts column values with one data key."""

    key: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_LEN:
            raise DataKeyError("数据密钥长度不正确，请联系网点技术支持。")

    def _sub_key(self, purpose: bytes) -> bytes:
        return hmac.new(self.key, b"counter-app/" + purpose, hashlib.sha256).digest()

    def encrypt(self, plaintext: bytes, context: str) -> bytes:
        nonce = secrets.token_bytes(_NONCE_LEN)
        sealed = AESGCM(self._sub_key(b"aead")).encrypt(nonce, plaintext, context.encode())
        return _FORMAT_V1 + nonce + sealed

    def decrypt(self, blob: bytes, context: str) -> bytes:
        if not blob or blob[:1] != _FORMAT_V1 or len(blob) < 1 + _NONCE_LEN + 16:
            raise TamperedDataError()
        nonce, sealed = blob[1 : 1 + _NONCE_LEN], blob[1 + _NONCE_LEN :]
        try:
            return AESGCM(self._sub_key(b"aead")).decrypt(nonce, sealed, context.encode())
        except InvalidTag as exc:
            raise TamperedDataError() from exc

    def blind_index(self, value: str, purpose: str) -> str:
        """A keyed hash for equality look-ups of an encrypted value."""
        mac = hmac.new(self._sub_key(b"index/" + purpose.encode()), value.encode(), hashlib.sha256)
        return mac.hexdigest()

    def audit_mac(self, message: bytes) -> str:
        """MAC of an audit entry: only the key holder can forge a chain link."""
        return hmac.new(self._sub_key(b"audit"), message, hashlib.sha256).hexdigest()


def load_or_create_key_file(path: Path) -> bytes:
    """Read the data key, creating it (0600 in a 0700 directory) on first use."""
    try:
        if path.exists():
            mode = stat.S_IMODE(path.stat().st_mode)
            if mode & 0o077:
                raise DataKeyError(
                    f"数据密钥文件 {path} 的权限过宽（{oct(mode)}），"
                    "其他用户可能读取到密钥。请执行 chmod 600 后重试。"
                )
            key = path.read_bytes()
            if len(key) != KEY_LEN:
                raise DataKeyError(f"数据密钥文件 {path} 已损坏（长度不对），请从备份恢复。")
            return key
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(KEY_LEN)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        return key
    except PermissionError as exc:
        raise DataKeyError(f"无法读取数据密钥文件 {path}：权限不足。请以柜面程序账户运行。") from exc


KEYRING_SERVICE = "counter-app/data-key"


def os_key_store() -> object | None:
    """The OS key store (Windows Credential Locker, macOS Keychain, Secret Service) if this
    machine has a usable one; None on a headless box, where the key file is used instead."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def load_or_create_keyring_key(backend: object, account: str) -> bytes:
    """The data key kept in the OS key store under ``account`` (created on first use)."""
    stored = backend.get_password(KEYRING_SERVICE, account)  # type: ignore[attr-defined]
    if stored:
        key = base64.b64decode(stored)
        if len(key) != KEY_LEN:
            raise DataKeyError("系统密钥库中的数据密钥已损坏，请联系网点技术支持从备份恢复。")
        return key
    key = secrets.token_bytes(KEY_LEN)
    backend.set_password(KEYRING_SERVICE, account, base64.b64encode(key).decode())  # type: ignore[attr-defined]
    return key


def load_data_key(mode: str, key_file: Path, account: str) -> tuple[bytes, str]:
    """The data key and where it came from ("keyring" or "file").

    ``mode``: "auto" uses the OS key store when there is one, else the protected key file;
    "keyring" insists on the OS key store; "file" always uses the key file. A key file that
    already exists wins in "auto", so a machine that gains a key store keeps its data readable.
    """
    if mode == "file" or (mode == "auto" and key_file.exists()):
        return load_or_create_key_file(key_file), "file"
    backend = os_key_store()
    if backend is not None:
        return load_or_create_keyring_key(backend, account), "keyring"
    if mode == "keyring":
        raise DataKeyError("本机没有可用的系统密钥库（security.key_store = \"keyring\"）。"
                           "请联系网点技术支持，或改为 \"auto\" 使用受保护的密钥文件。")
    return load_or_create_key_file(key_file), "file"
