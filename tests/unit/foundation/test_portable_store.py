"""The store on Windows terms, checked on Linux: no fcntl, and a key file judged by its ACL."""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from counter_app.store import crypto
from counter_app.store.crypto import (
    SID_ADMINISTRATORS,
    SID_SYSTEM,
    AclEntry,
    DataKeyError,
    foreign_readers,
    key_file_exposure,
    load_or_create_key_file,
)

ME = "S-1-5-21-1004336348-1177238915-682003330-1001"
USERS = "S-1-5-32-545"
EVERYONE = "S-1-1-0"
FULL, READ_EXECUTE, EXECUTE_ONLY = 0x1F01FF, 0x1200A9, 0x20
WRITE_DAC, GENERIC_READ = 0x40000, 0x80000000


def test_only_this_account_system_and_administrators_may_read() -> None:
    private = [AclEntry(ME, FULL), AclEntry(SID_SYSTEM, FULL), AclEntry(SID_ADMINISTRATORS, FULL)]
    assert foreign_readers(private, ME) == []
    assert foreign_readers([*private, AclEntry(USERS, READ_EXECUTE)], ME) == [USERS]
    assert foreign_readers([*private, AclEntry(EVERYONE, GENERIC_READ)], ME) == [EVERYONE]
    # whoever may rewrite the ACL may grant itself reading
    assert foreign_readers([*private, AclEntry(USERS, WRITE_DAC)], ME) == [USERS]
    assert foreign_readers([*private, AclEntry(USERS, EXECUTE_ONLY)], ME) == []
    # the same ACL seen by another account: the file's owner is a foreign reader
    assert foreign_readers(private, "S-1-5-21-1-2-3-1002") == [ME]


def test_on_windows_the_acl_decides_not_the_mode_bits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.key"
    path.write_bytes(b"k" * 32)
    path.chmod(0o644)  # wide open by POSIX bits, which mean nothing on Windows
    monkeypatch.setattr(crypto, "_on_windows", lambda: True)
    private = [AclEntry(ME, FULL), AclEntry(SID_SYSTEM, FULL)]
    assert key_file_exposure(path, read_acl=lambda _p: (ME, private)) is None
    problem = key_file_exposure(path, read_acl=lambda _p: (ME, [*private, AclEntry(USERS, READ_EXECUTE)]))
    assert problem is not None
    assert USERS in problem and "icacls" in problem and f"*{ME}:F" in problem and "chmod" not in problem


def test_windows_key_file_is_restricted_on_creation_and_refused_when_shared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    restricted: list[Path] = []
    acl: list[AclEntry] = [AclEntry(ME, FULL)]
    monkeypatch.setattr(crypto, "_on_windows", lambda: True)
    monkeypatch.setattr(crypto, "_restrict_windows_acl", restricted.append)
    monkeypatch.setattr(crypto, "_read_windows_acl", lambda _p: (ME, list(acl)))
    path = tmp_path / "keys" / "data.key"
    key = load_or_create_key_file(path)
    assert restricted == [path] and load_or_create_key_file(path) == key
    acl.append(AclEntry(USERS, READ_EXECUTE))
    with pytest.raises(DataKeyError, match="访问权限过宽") as info:
        load_or_create_key_file(path)
    assert USERS in info.value.message_zh


def test_a_key_file_that_cannot_be_made_private_is_not_left_behind(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_path: Path) -> None:
        raise subprocess.CalledProcessError(5, ["icacls"])

    monkeypatch.setattr(crypto, "_on_windows", lambda: True)
    monkeypatch.setattr(crypto, "_restrict_windows_acl", refuse)
    path = tmp_path / "data.key"
    with pytest.raises(DataKeyError, match="无法设置"):
        load_or_create_key_file(path)
    assert not path.exists()


def test_store_opens_without_fcntl(tmp_path: Path) -> None:
    """Windows has no fcntl: the store must import and open, and still refuse a second instance."""
    script = textwrap.dedent("""
        import sys, secrets, warnings
        from pathlib import Path
        sys.modules["fcntl"] = None  # import fcntl now raises ImportError, as on Windows
        warnings.simplefilter("ignore")
        from counter_app.store.crypto import DataCipher, load_or_create_key_file
        from counter_app.store.database import StoreInUseError, open_store
        assert "fcntl" not in {m for m, v in sys.modules.items() if v is not None}
        folder = Path(sys.argv[1])
        cipher = DataCipher(load_or_create_key_file(folder / "keys" / "data.key"))
        store = open_store(folder / "counter.db", cipher, exclusive=True)
        try:
            open_store(folder / "counter.db", cipher, exclusive=True)
        except StoreInUseError as error:
            print("refused:", error.message_zh)
        store.close()
        again = open_store(folder / "counter.db", cipher, exclusive=True)
        print("revision:", again.schema_revision())
        again.close()
    """)
    proc = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[3])
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "refused: 本机已有一个柜面程序正在使用该数据库" in proc.stdout
    assert "revision: None" not in proc.stdout and "revision: " in proc.stdout
