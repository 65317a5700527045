"""`counter-app doctor`: is this counter PC ready to serve?

Checks the database, disk space, the data key, the audit chain (a full walk), the central
line, each reader with card and PSAM presence, printers and cameras, against what the branch
profile needs. Prints a Chinese report (or JSON) and exits non-zero when something the profile needs is missing.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from counter_app.domain.errors import CounterError
from counter_app.profile import BranchProfile, ProfileError, load_profile

OK, WARN, FAIL = "ok", "warn", "fail"


@dataclass
class Check:
    key: str
    title_zh: str
    status: str  # ok | warn | fail
    detail_zh: str
    value: object = None


def _guard(key: str, title: str, fn: Callable[[], Check]) -> Check:
    try:
        return fn()
    except CounterError as error:
        return Check(key, title, FAIL, error.message_zh)
    except Exception as error:
        return Check(key, title, FAIL, f"检查出错：{type(error).__name__}: {error}")


def _has_data(profile: BranchProfile) -> bool:
    return profile.database.exists() and profile.database.stat().st_size > 0


def _find_key(profile: BranchProfile) -> tuple[bytes, str] | None:
    """This database's data key and where it is, or None: looked up, never created."""
    from counter_app.bootstrap import key_account
    from counter_app.store.crypto import DataKeyLostError, load_data_key

    try:
        return load_data_key(profile.security.key_store, profile.security.key_file,
                             key_account(profile), create=False)
    except DataKeyLostError:
        return None


# doctor is read-only: it opens no store (which would create, migrate or make a key)
def check_database(profile: BranchProfile) -> Check:
    from counter_app.store.crypto import DataCipher, DataKeyError
    from counter_app.store.database import SCHEMA_HEAD, inspect_store

    if not _has_data(profile):
        return Check("database", "本地数据库", WARN, f"{profile.database} 尚不存在，首次启动时将创建",
                     {"path": str(profile.database)})
    try:
        found = _find_key(profile)
    except DataKeyError:
        found = None  # the data key check names it
    found_cipher = DataCipher(found[0]) if found else None
    seen = inspect_store(profile.database, found_cipher)
    value = {"path": str(profile.database), "integrity": seen.integrity, "revision": seen.revision}
    if seen.integrity != "ok":
        return Check("database", "本地数据库", FAIL, f"完整性检查失败：{seen.integrity}", value)
    upgrade = "" if seen.revision == SCHEMA_HEAD else "，启动时将先备份再升级"
    return Check("database", "本地数据库", OK,
                 f"{profile.database}（版本 {seen.revision}/{SCHEMA_HEAD}{upgrade}，完整性正常）", value)


def check_key(profile: BranchProfile) -> Check:
    from counter_app.store.crypto import DataCipher, DataKeyError, DataKeyMismatchError
    from counter_app.store.database import inspect_store

    title = "数据密钥"
    try:
        found = _find_key(profile)
    except DataKeyError as error:  # a key file others could read, a corrupt key
        return Check("data_key", title, FAIL, error.message_zh)
    if found is None:
        if _has_data(profile):
            return Check("data_key", title, FAIL,
                         "本地数据库已有数据，但找不到数据密钥：密钥已丢失，请从密钥备份恢复（不要新建密钥）",
                         {"lost": True})
        if profile.security.key_store == "keyring":
            from counter_app.store.crypto import os_key_store

            if os_key_store() is None:
                return Check("data_key", title, FAIL, "配置要求使用系统密钥库，但本机没有可用的系统密钥库")
        return Check("data_key", title, WARN, "数据密钥尚不存在，首次启动时将创建")
    key, where = found
    if _has_data(profile) and inspect_store(profile.database, DataCipher(key)).key_matches is False:
        return Check("data_key", title, FAIL, DataKeyMismatchError.message_zh, {"store": where})
    if where == "keyring":
        return Check("data_key", title, OK, "保存在系统密钥库中", {"store": "keyring"})
    # key_file_exposure (inside the lookup) judged the file: mode 0600 on POSIX, the ACL on Windows
    return Check("data_key", title, OK, f"{profile.security.key_file}（仅本账户可读）", {"store": "file"})


def check_audit(profile: BranchProfile) -> Check:
    """The full walk over the audit chain, read-only (start-up only verifies from its
    checkpoint; this walk also finds an entry edited or swapped before it), and a break
    found earlier that no supervisor has acknowledged yet."""
    from counter_app.store.audit import inspect_audit, inspect_pending_rebases
    from counter_app.store.crypto import DataCipher, DataKeyError
    from counter_app.store.database import inspect_store

    title = "审计日志"
    if not _has_data(profile):
        return Check("audit", title, WARN, "尚无审计日志，首次启动时创建")
    try:
        found = _find_key(profile)
    except DataKeyError:
        found = None
    if found is None:
        return Check("audit", title, FAIL, "找不到数据密钥，无法校验审计日志")
    cipher = DataCipher(found[0])
    if inspect_store(profile.database, cipher).key_matches is False:
        return Check("audit", title, FAIL, "数据密钥与数据库不符，无法校验审计日志")
    result, open_break = inspect_audit(profile.database, cipher)
    value = {"entries": result.entries, "first_bad_seq": result.first_bad_seq,
             "open_break": open_break is not None}
    if not result.ok:
        return Check("audit", title, FAIL, f"审计链断裂：{result.message_zh}", value)
    if open_break is not None:
        return Check("audit", title, FAIL,
                     f"审计链断裂：此前发现审计日志被篡改（{open_break.get('problem', '')}），"
                     "主管尚未确认，本柜台业务暂停。请立即报告主管。", value)
    pending = inspect_pending_rebases(profile.database, cipher)
    if pending is None:
        return Check("audit", title, FAIL, "待上报中心的主管确认记录被改动（校验码不符）。请立即报告主管。",
                     value)
    value["rebase_pending"] = len(pending)
    if pending:
        return Check("audit", title, WARN,
                     f"审计日志完整，共 {result.entries} 条；主管已确认的审计链重置尚有 {len(pending)} "
                     "笔未上报中心（线路恢复后自动上报）", value)
    return Check("audit", title, OK, f"审计日志完整，共 {result.entries} 条（已逐条校验）", value)


def check_disk(profile: BranchProfile) -> Check:
    where = profile.database.parent
    while not where.exists():
        where = where.parent
    free_mb = shutil.disk_usage(where).free // (1024 * 1024)
    need = profile.offline.min_free_disk_mb
    status = OK if free_mb >= need else FAIL
    detail = f"可用 {free_mb} MB（要求至少 {need} MB）"
    if status == FAIL:
        detail += "，请清理磁盘，否则将暂停新业务"
    return Check("disk", "磁盘空间", status, detail, {"free_mb": free_mb, "min_mb": need})


def check_central(profile: BranchProfile) -> Check:
    from counter_app.bootstrap import central_client

    client = central_client(profile)
    try:
        result = client.health()
    finally:
        close = getattr(client, "close", None)
        if close:
            close()
    latency = round(result.latency_ms, 1)
    return Check("central", "中心专线", OK, f"{profile.central.base_url} 在线，延迟 {latency} ms",
                 {"url": profile.central.base_url, "latency_ms": latency})


def check_readers(profile: BranchProfile) -> list[Check]:
    from counter_app.card.presence import presence_snapshot

    snapshot = presence_snapshot([profile.readers.card, profile.readers.psam])
    out = []
    for key, title, name, need_card in (
        ("card_reader", "卡槽读卡器", profile.readers.card, False),
        ("psam_reader", "PSAM 读卡器", profile.readers.psam, profile.instant_issue),
    ):
        present, card, atr = snapshot.get(name, (False, False, None))
        value = {"reader": name, "present": present, "card": card, "atr": atr}
        if not present:
            out.append(Check(key, title, FAIL, f"未找到读卡器“{name}”，请检查连接和驱动", value))
        elif card:
            out.append(Check(key, title, OK, f"“{name}”已连接，{'PSAM 已插入' if 'psam' in key else '有卡'}", value))
        else:
            status = FAIL if need_card else (OK if key == "card_reader" else WARN)
            what = "PSAM 未插入（即时制卡需要 PSAM）" if "psam" in key else "当前无卡"
            out.append(Check(key, title, status, f"“{name}”已连接，{what}", value))
    return out


def check_printers(profile: BranchProfile) -> Check:
    names: list[str] = []
    lpstat = shutil.which("lpstat")
    if lpstat:
        proc = subprocess.run([lpstat, "-e"], capture_output=True, text=True, timeout=5)
        names = [line.strip() for line in proc.stdout.splitlines() if line.strip()]
    wanted = [p for p in (profile.printers.document, profile.printers.card_face) if p]
    missing = [p for p in wanted if p not in names]
    value = {"found": names, "configured": wanted}
    if missing:
        return Check("printers", "打印机", FAIL, f"找不到配置的打印机：{'、'.join(missing)}", value)
    if not names:
        return Check("printers", "打印机", WARN,
                     "未发现打印机（未安装 CUPS 或未添加打印机）；仍可“另存为 PDF”", value)
    return Check("printers", "打印机", OK, f"可用：{'、'.join(names)}", value)


def check_cameras(profile: BranchProfile) -> Check:
    devices = sorted(str(p) for p in Path("/dev").glob("video*")) if os.name == "posix" else []
    wanted = profile.photo.camera
    value = {"found": devices, "configured": wanted}
    if wanted and wanted not in devices:
        return Check("cameras", "摄像头", FAIL, f"找不到配置的摄像头 {wanted}", value)
    if not devices:
        return Check("cameras", "摄像头", WARN, "未发现摄像头；可从文件或扫描件导入照片", value)
    return Check("cameras", "摄像头", OK, f"可用：{'、'.join(devices)}", value)


def _app_state(database: Path, keys: tuple[str, ...]) -> dict[str, str]:
    """Plain app_state values read-only from the database file (no key, no store opened)."""
    import sqlite3

    if not (database.is_file() and database.stat().st_size > 0):
        return {}
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    try:
        marks = ",".join("?" * len(keys))
        return dict(conn.execute(f"SELECT key, value FROM app_state WHERE key IN ({marks})", keys))
    except sqlite3.Error:  # a database older than app_state: nothing pulled yet
        return {}
    finally:
        conn.close()


def check_updates(profile: BranchProfile, now: dt.datetime | None = None) -> Check:
    """Signed updates (docs/updates.md): the installed version, the repository, the last
    check, a staged update, the last install or rollback, the central's minimum version.
    A staged update or a running grace period is a warning; past the grace a failure."""
    from counter_app.central.sync import STATE_BRANCH_CONFIG
    from counter_app.update_handoff import handoff_state
    from counter_app.updates import UpdatePaths, current_version, inspect_state
    from counter_app.workflows.version_gate import MIN_VERSION_SEEN_STATE, is_older, judge

    now = now or dt.datetime.now(dt.UTC)
    u, running = profile.updates, current_version()
    state = inspect_state(UpdatePaths(u.folder))
    stored = _app_state(profile.database, (STATE_BRANCH_CONFIG, MIN_VERSION_SEEN_STATE))
    config = json.loads(stored.get(STATE_BRANCH_CONFIG) or "{}")
    required = config.get("min_version") if isinstance(config, dict) else None
    seen = json.loads(stored.get(MIN_VERSION_SEEN_STATE) or "{}")
    # doctor writes nothing: a minimum not yet seen by the running program starts its grace now
    first_seen = (dt.datetime.fromisoformat(seen["at"])
                  if required and seen.get("version") == required and is_older(running, required)
                  else None)
    verdict = judge(running, required, first_seen, now, u.grace_days)
    handoff = handoff_state()
    value: dict[str, object] = {
        "installed_version": running,
        "repository_configured": bool(u.repository_url and u.trusted_root),
        "repository_url": u.repository_url or None,
        "check_at_sign_out": u.check_at_sign_out,
        **{k: state[k] for k in ("last_check", "pending", "last_install", "failed_versions")},
        "handoff": handoff,
        "min_version": required,
        "min_version_state": verdict.state,
        "grace_deadline": verdict.deadline.isoformat() if verdict.deadline else None,
    }
    parts = [f"本机版本 {running}"]
    parts.append("更新仓库已配置" if value["repository_configured"] else "未配置更新仓库")
    last = state["last_check"]
    if last:
        parts.append(f"上次检查 {last.get('at')}：{last.get('result')}")
    elif value["repository_configured"]:
        parts.append("尚未检查过更新")
    installed = state["last_install"]
    if installed:
        what = {"applied": "已安装", "rolled_back": "已回滚", "discarded": "已丢弃"}.get(
            str(installed.get("state")), str(installed.get("state")))
        parts.append(f"上次安装：{installed.get('version')} {what}")
    if handoff and handoff.get("outcome"):
        parts.append(f"系统安装服务：{handoff['outcome'].get('version')} "
                     f"{handoff['outcome'].get('state')}")
    warnings: list[str] = []
    pending = state["pending"]
    if pending:
        warnings.append(f"新版本 {pending['version']} 已下载校验，等待下次启动时安装")
    if handoff and handoff.get("request"):
        warnings.append(f"新版本 {handoff['request'].get('version')} 已交给系统安装服务，等待安装")
    if handoff and (handoff.get("outcome") or {}).get("state") in ("refused", "failed"):
        warnings.append(f"系统安装服务未能安装新版本：{handoff['outcome'].get('reason')}（请通知技术支持）")
    if handoff and not handoff.get("writable") and value["repository_configured"]:
        from counter_app.bootstrap import program_folder

        if program_folder(profile) is None:
            warnings.append("本账户不能把更新交给系统安装服务（请管理员把柜员账户加入 counter-app 组）")
    if last and last.get("result") == "UPDATE_REFUSED":
        warnings.append("上次检查时更新仓库的内容未通过签名校验，已拒绝（请通知技术支持）")
    if verdict.state == "ok" and required:
        parts.append(f"中心最低版本 {required}：满足")
    elif verdict.state == "grace":
        warnings.append(verdict.message_zh)
    if verdict.state == "blocked":
        return Check("updates", "程序更新", FAIL, "；".join([verdict.message_zh, *parts]), value)
    from counter_app.updates import unusable_version

    if (unusable := unusable_version(UpdatePaths(u.folder), running)) is not None:
        # this version could not migrate the database here: IT puts the previous one back
        return Check("updates", "程序更新", FAIL, "；".join([unusable.message_zh, *parts]), value)
    detail = "；".join([*warnings, *parts])
    return Check("updates", "程序更新", WARN if warnings else OK, detail, value)


def run_checks(profile: BranchProfile) -> list[Check]:
    checks = [
        _guard("database", "本地数据库", lambda: check_database(profile)),
        _guard("disk", "磁盘空间", lambda: check_disk(profile)),
        _guard("data_key", "数据密钥", lambda: check_key(profile)),
        _guard("audit", "审计日志", lambda: check_audit(profile)),
        _guard("central", "中心专线", lambda: check_central(profile)),
    ]
    try:
        checks.extend(check_readers(profile))
    except CounterError as error:
        checks.append(Check("readers", "读卡器", FAIL, error.message_zh))
    except Exception as error:
        checks.append(Check("readers", "读卡器", FAIL, f"无法访问智能卡服务 pcscd：{error}"))
    checks.append(_guard("printers", "打印机", lambda: check_printers(profile)))
    checks.append(_guard("cameras", "摄像头", lambda: check_cameras(profile)))
    checks.append(_guard("updates", "程序更新", lambda: check_updates(profile)))
    return checks


def run_doctor(profile_path: Path, *, as_json: bool, demo: str | None = None) -> int:
    if demo:
        from counter_app.demo import demo_profile, demo_state_dir

        profile = demo_profile(demo, demo_state_dir(demo))
        profile_path = profile.source or profile_path
    else:
        try:
            profile = load_profile(profile_path)
        except ProfileError as error:
            return _no_profile(profile_path, error, as_json=as_json)
    checks = run_checks(profile)
    failed = [c for c in checks if c.status == FAIL]
    if as_json:
        print(json.dumps({"profile": str(profile_path), "branch": profile.branch_code,
                          "ok": not failed, "checks": [asdict(c) for c in checks]},
                         ensure_ascii=False, indent=2))
    else:
        marks = {OK: "✔", WARN: "!", FAIL: "✘"}
        print(f"柜面环境检查 · {profile.branch_name}（{profile.branch_code}，{profile.kind_zh}）")
        for c in checks:
            print(f"  {marks[c.status]} {c.title_zh:<8} {c.detail_zh}")
        print("结论：" + ("全部必需项正常。" if not failed else
                        f"{len(failed)} 项必需检查未通过，请处理后再办理业务。"))
    return 1 if failed else 0


def _no_profile(profile_path: Path, error: ProfileError, *, as_json: bool) -> int:
    """No profile (or one that does not load): still a verdict, in JSON when asked, naming the
    file that was looked for and how to make it."""
    missing = not profile_path.exists()
    detail = (f"未找到网点配置文件 {profile_path}，请由管理员运行 counter-app setup 完成首次配置"
              if missing else error.message_zh)
    check = Check("profile", "网点配置文件", FAIL, detail,
                  {"path": str(profile_path), "exists": not missing, "setup": "counter-app setup"})
    if as_json:
        print(json.dumps({"profile": str(profile_path), "branch": None, "ok": False,
                          "profile_missing": missing, "checks": [asdict(check)]},
                         ensure_ascii=False, indent=2))
    else:
        print(f"柜面环境检查 · 网点配置文件 {profile_path}")
        print(f"  ✘ {check.title_zh:<8} {check.detail_zh}")
        print("结论：没有可用的网点配置，无法检查其余项目。")
    return 1
