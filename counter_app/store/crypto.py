"""Encryption of personal data at rest.

AES-256-GCM with a random 96-bit nonce per value; the column name is authenticated as
associated data so a ciphertext moved to another column does not decrypt. The data key
lives in the OS key store or outside the database in a key file readable only by the
service account: on POSIX directory 0700 and file 0600; on Windows an ACL that lets only
this account, SYSTEM and Administrators in (set when the file is made, checked when it is
read). Keyed hashes (blind indexes) let the store look up an
encrypted value, such as an ID number, without storing it in clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import stat
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from counter_app.domain.errors import CounterError
from counter_app.domain.texts import QT_TR_NOOP, zh

_FORMAT_V1 = b"\x01"
_NONCE_LEN = 12
KEY_LEN = 32


class DataKeyError(CounterError):
    code = "DATA_KEY_ERROR"


class DataKeyLostError(DataKeyError):
    """A database with data exists but its key is gone: a new key would make it unreadable."""

    code = "DATA_KEY_LOST"


class DataKeyMismatchError(DataKeyError):
    """The key opens no value of this database: another PC's key or a wrong backup."""

    code = "DATA_KEY_MISMATCH"
    message_zh = QT_TR_NOOP("数据密钥与本地数据库不匹配（可能恢复了其他电脑或错误的密钥备份）。"
                            "请从本机的密钥备份恢复正确的数据密钥；恢复前请暂停办理业务。")


class TamperedDataError(CounterError):
    code = "DATA_TAMPERED"
    message_zh = QT_TR_NOOP("本地数据校验失败（数据可能被篡改或损坏），请联系网点技术支持，不要继续办理。")


@dataclass(frozen=True)
class DataCipher:
    """Encrypts and decrypts column values with one data key."""

    key: bytes

    def __post_init__(self) -> None:
        if len(self.key) != KEY_LEN:
            raise DataKeyError(QT_TR_NOOP("数据密钥长度不正确，请联系网点技术支持。"))

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

    def key_check(self) -> str:
        """A value stored beside the data that names this key without revealing it."""
        return hmac.new(self._sub_key(b"key-check"), b"counter-app data key v1", hashlib.sha256).hexdigest()

    def audit_mac(self, message: bytes) -> str:
        """MAC of an audit entry: only the key holder can forge a chain link."""
        return hmac.new(self._sub_key(b"audit"), message, hashlib.sha256).hexdigest()


# -- who may read the key file ----------------------------------------------------------

SID_SYSTEM = "S-1-5-18"
SID_ADMINISTRATORS = "S-1-5-32-544"
# rights that read the file or let the holder grant itself reading
_FILE_READ_DATA, _WRITE_DAC, _WRITE_OWNER = 0x1, 0x40000, 0x80000
_GENERIC_ALL, _GENERIC_READ = 0x10000000, 0x80000000
_READ_RIGHTS = _FILE_READ_DATA | _WRITE_DAC | _WRITE_OWNER | _GENERIC_ALL | _GENERIC_READ


@dataclass(frozen=True)
class AclEntry:
    """One access-allowed entry of a Windows file ACL that applies to the file itself."""

    sid: str  # "S-1-5-21-…"
    mask: int  # access rights


def foreign_readers(entries: Iterable[AclEntry], my_sid: str) -> list[str]:
    """SIDs other than this account, SYSTEM and Administrators that may read the file."""
    trusted = {my_sid, SID_SYSTEM, SID_ADMINISTRATORS}
    return sorted({e.sid for e in entries if e.mask & _READ_RIGHTS and e.sid not in trusted})


def _on_windows() -> bool:
    return os.name == "nt"


def key_file_exposure(path: Path, *,
                      read_acl: Callable[[Path], tuple[str, list[AclEntry]]] | None = None) -> str | None:
    """Why others could read the key file (a Chinese message), or None if only we can."""
    if not _on_windows():
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            return zh("数据密钥文件 {path} 的权限过宽（{mode}），其他用户可能读取到密钥。请执行 chmod 600 后重试。",
                      path=path, mode=oct(mode))
        return None
    my_sid, entries = (read_acl or _read_windows_acl)(path)
    others = foreign_readers(entries, my_sid)
    if not others:
        return None
    return zh("数据密钥文件 {path} 的访问权限过宽（{readers} 也能读取），"
              "其他用户可能读取到密钥。请只保留本账户、SYSTEM 和 Administrators 的权限后重试"
              "（例如：{command}），或联系网点技术支持。", path=path, readers="、".join(others),
              command=f'icacls "{path}" /inheritance:r /grant:r *{my_sid}:F *{SID_SYSTEM}:F *{SID_ADMINISTRATORS}:F')


def _read_windows_acl(path: Path) -> tuple[str, list[AclEntry]]:  # pragma: no cover - Windows only
    """This process's account SID and the allow entries of the file's DACL (Win32 via ctypes)."""
    if sys.platform != "win32":  # also tells mypy the Win32-only ctypes names below exist
        raise OSError("Windows ACLs are read only on Windows")
    import ctypes
    from ctypes import wintypes

    advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE

    def sid_text(sid: int) -> str:
        out = ctypes.c_wchar_p()
        if not advapi32.ConvertSidToStringSidW(ctypes.c_void_p(sid), ctypes.byref(out)):
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            return str(out.value)
        finally:
            kernel32.LocalFree(ctypes.cast(out, ctypes.c_void_p))

    token = wintypes.HANDLE()
    if not advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), 0x0008, ctypes.byref(token)):  # TOKEN_QUERY
        raise ctypes.WinError(ctypes.get_last_error())
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, 1, None, 0, ctypes.byref(size))  # 1: TokenUser
        buffer = ctypes.create_string_buffer(size.value)
        if not advapi32.GetTokenInformation(token, 1, buffer, size, ctypes.byref(size)):
            raise ctypes.WinError(ctypes.get_last_error())
        my_sid = sid_text(ctypes.c_void_p.from_buffer(buffer).value or 0)  # TOKEN_USER.User.Sid
    finally:
        kernel32.CloseHandle(token)

    descriptor, dacl = ctypes.c_void_p(), ctypes.c_void_p()
    error = advapi32.GetNamedSecurityInfoW(ctypes.c_wchar_p(str(path)), 1, 0x4,  # file, DACL
                                           None, None, ctypes.byref(dacl), None, ctypes.byref(descriptor))
    if error:
        raise ctypes.WinError(error)
    try:
        if not dacl.value:  # a NULL DACL lets everyone in
            return my_sid, [AclEntry("S-1-1-0", _GENERIC_ALL)]

        class AclSize(ctypes.Structure):
            _fields_ = [("count", wintypes.DWORD), ("used", wintypes.DWORD), ("free", wintypes.DWORD)]

        info = AclSize()
        if not advapi32.GetAclInformation(dacl, ctypes.byref(info), ctypes.sizeof(info), 2):  # size info
            raise ctypes.WinError(ctypes.get_last_error())
        entries = []
        for index in range(info.count):
            ace = ctypes.c_void_p()
            if not advapi32.GetAce(dacl, index, ctypes.byref(ace)) or not ace.value:
                raise ctypes.WinError(ctypes.get_last_error())
            # ACE_HEADER: type (byte), flags (byte), size (word); then mask (dword) and the SID
            ace_type, ace_flags = ctypes.c_ubyte.from_address(ace.value).value, \
                ctypes.c_ubyte.from_address(ace.value + 1).value
            if ace_type != 0 or ace_flags & 0x08:  # only ACCESS_ALLOWED, not INHERIT_ONLY
                continue
            mask = wintypes.DWORD.from_address(ace.value + 4).value
            entries.append(AclEntry(sid_text(ace.value + 8), mask))
        return my_sid, entries
    finally:
        kernel32.LocalFree(descriptor)


def _restrict_windows_acl(path: Path) -> None:  # pragma: no cover - Windows only
    """Only this account, SYSTEM and Administrators, nothing inherited (icacls takes SIDs,
    so this works whatever the language of Windows)."""
    my_sid, _entries = _read_windows_acl(path)
    grants = [f"*{sid}:F" for sid in (my_sid, SID_SYSTEM, SID_ADMINISTRATORS)]
    subprocess.run(["icacls", str(path), "/inheritance:r", "/grant:r", *grants],
                   check=True, capture_output=True)


def _lost(where: str) -> DataKeyLostError:
    return DataKeyLostError(
        zh("本地数据库已有数据，但找不到它的数据密钥（{where}）。数据密钥已丢失：请从密钥备份恢复，"
           "不要新建密钥，否则已保存的个人数据将无法读取；恢复前请暂停办理业务。", where=where))


def load_or_create_key_file(path: Path, *, create: bool = True) -> bytes:
    """Read the data key, creating it private (POSIX: 0600 in a 0700 directory; Windows: an
    owner-only ACL) on first use when ``create``. A key file that others could read is refused."""
    try:
        if not path.exists() and not create:
            raise _lost(str(path))
        if path.exists():
            if problem := key_file_exposure(path):
                raise DataKeyError(problem)
            key = path.read_bytes()
            if len(key) != KEY_LEN:
                raise DataKeyError(zh("数据密钥文件 {path} 已损坏（长度不对），请从备份恢复。", path=path))
            return key
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = secrets.token_bytes(KEY_LEN)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        if _on_windows():
            # the mode above means nothing there: close the ACL before the key is written
            try:
                _restrict_windows_acl(path)
            except (OSError, subprocess.CalledProcessError) as exc:
                os.close(fd)
                path.unlink()
                raise DataKeyError(zh("无法设置数据密钥文件 {path} 的访问权限，请联系网点技术支持。",
                                      path=path)) from exc
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
            fh.flush()
            os.fsync(fh.fileno())
        return key
    except PermissionError as exc:
        raise DataKeyError(zh("无法读取数据密钥文件 {path}：权限不足。请以柜面程序账户运行。", path=path)) from exc


KEYRING_SERVICE = "counter-app/data-key"


class PasswordStore(Protocol):
    """What the data key needs of an OS key store (a keyring backend); keyring itself is
    imported only when the store is looked for."""

    def get_password(self, service: str, username: str, /) -> str | None: ...

    def set_password(self, service: str, username: str, password: str, /) -> None: ...


def os_key_store() -> PasswordStore | None:
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


def load_or_create_keyring_key(backend: PasswordStore, account: str, *, create: bool = True) -> bytes:
    """The data key kept in the OS key store under ``account`` (created on first use when
    ``create``)."""
    stored = backend.get_password(KEYRING_SERVICE, account)
    if stored:
        try:
            key = base64.b64decode(stored, validate=True)
        except (ValueError, TypeError):  # binascii.Error is a ValueError
            key = b""
        if len(key) != KEY_LEN:
            raise DataKeyError(QT_TR_NOOP("系统密钥库中的数据密钥已损坏（格式或长度不对），"
                                          "请联系网点技术支持从密钥备份恢复。"))
        return key
    if not create:
        raise _lost(zh("系统密钥库 {service} / {account}", service=KEYRING_SERVICE, account=account))
    key = secrets.token_bytes(KEY_LEN)
    backend.set_password(KEYRING_SERVICE, account, base64.b64encode(key).decode())
    return key


def load_data_key(mode: str, key_file: Path, account: str, *, create: bool = True) -> tuple[bytes, str]:
    """The data key and where it came from ("keyring" or "file"). ``create=False`` when a
    database with data exists: a missing key is then lost, never replaced.

    ``mode``: "auto" uses the OS key store when there is one, else the protected key file;
    "keyring" insists on the OS key store; "file" always uses the key file. A key file that
    already exists wins in "auto", so a machine that gains a key store keeps its data readable.
    """
    if mode == "file" or (mode == "auto" and key_file.exists()):
        return load_or_create_key_file(key_file, create=create), "file"
    backend = os_key_store()
    if backend is not None:
        return load_or_create_keyring_key(backend, account, create=create), "keyring"
    if mode == "keyring":
        raise DataKeyError(QT_TR_NOOP("本机没有可用的系统密钥库（security.key_store = \"keyring\"）。"
                                      "请联系网点技术支持，或改为 \"auto\" 使用受保护的密钥文件。"))
    return load_or_create_key_file(key_file, create=create), "file"
