"""The central's TLS files as the setup checks them before writing a profile: each readable,
PEM, in its validity period, and the client key the one of the client certificate. The central
client only finds out at the first connection, where a bad file pauses the outbox; here branch IT
sees which file is wrong and why, in Chinese."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from counter_app.domain.texts import QT_TR_NOOP, zh


@dataclass(frozen=True)
class CertInfo:
    subject_cn: str | None  # a branch client certificate: the branch code (the central reads it)
    subject_ou: str | None  # and the counter id
    not_after: dt.datetime


class CertProblem(Exception):
    def __init__(self, field: str, message_zh: str) -> None:
        super().__init__(message_zh)
        self.field = field
        self.message_zh = message_zh


def _read(field: str, path: Path, what_zh: str) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CertProblem(field, zh("{what}文件不存在：{path}", what=what_zh, path=path)) from None
    except IsADirectoryError:
        raise CertProblem(field, zh("{what}路径是目录，不是文件：{path}", what=what_zh, path=path)) from None
    except OSError as exc:
        raise CertProblem(field, zh("{what}文件无法读取（{error}）：{path}", what=what_zh,
                                    error=exc.strerror or type(exc).__name__, path=path)) from None
    if b"-----BEGIN" not in data:
        raise CertProblem(field, zh("{what}文件不是 PEM 格式（应以 -----BEGIN 开头的文本）：{path}",
                                    what=what_zh, path=path))
    return data


def _field_text(name: x509.Name, oid: x509.ObjectIdentifier) -> str | None:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else None


def _check_period(field: str, cert: x509.Certificate, what_zh: str, now: dt.datetime) -> None:
    if cert.not_valid_after_utc < now:
        raise CertProblem(field, zh("{what}已过期（有效期至 {until} UTC）", what=what_zh,
                                    until=f"{cert.not_valid_after_utc:%Y-%m-%d %H:%M}"))
    if cert.not_valid_before_utc > now:
        raise CertProblem(field, zh("{what}尚未生效（自 {since} UTC 起）", what=what_zh,
                                    since=f"{cert.not_valid_before_utc:%Y-%m-%d %H:%M}"))


def check_ca(path: Path, now: dt.datetime) -> int:
    """The CA bundle: every certificate in it valid now; returns how many there are."""
    data = _read("ca_file", path, QT_TR_NOOP("CA 证书"))
    try:
        certs = x509.load_pem_x509_certificates(data)
    except ValueError:
        raise CertProblem("ca_file", zh("CA 证书文件不是有效的 PEM 证书：{path}", path=path)) from None
    for cert in certs:
        _check_period("ca_file", cert, QT_TR_NOOP("CA 证书"), now)
    return len(certs)


def check_client_pair(cert_path: Path, key_path: Path, now: dt.datetime) -> CertInfo:
    """The branch client certificate and its private key: PEM, valid now, matching."""
    cert_data = _read("client_cert", cert_path, QT_TR_NOOP("客户端证书"))
    try:
        cert = x509.load_pem_x509_certificate(cert_data)
    except ValueError:
        raise CertProblem("client_cert", zh("客户端证书文件不是有效的 PEM 证书：{cert_path}",
                                            cert_path=cert_path)) from None
    _check_period("client_cert", cert, QT_TR_NOOP("客户端证书"), now)
    key_data = _read("client_key", key_path, QT_TR_NOOP("私钥"))
    try:
        key = serialization.load_pem_private_key(key_data, password=None)
    except TypeError:  # encrypted: the counter has nobody to type its pass phrase
        raise CertProblem("client_key", zh("私钥有口令保护，柜面程序无法使用，请导出不带口令的私钥：{key_path}",
                                           key_path=key_path)) from None
    except (ValueError, UnsupportedAlgorithm):
        raise CertProblem("client_key", zh("私钥文件不是有效的 PEM 私钥：{key_path}", key_path=key_path)) from None
    spki = serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    if key.public_key().public_bytes(*spki) != cert.public_key().public_bytes(*spki):
        raise CertProblem("client_key", QT_TR_NOOP("私钥与客户端证书不匹配（不是同一对密钥）"))
    return CertInfo(_field_text(cert.subject, NameOID.COMMON_NAME),
                    _field_text(cert.subject, NameOID.ORGANIZATIONAL_UNIT_NAME),
                    cert.not_valid_after_utc)

