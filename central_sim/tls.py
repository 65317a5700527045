"""A test CA for mutual TLS between branches and the reference central.

``python -m central_sim make-test-ca DIR`` writes:

- ``DIR/ca.pem`` (+ ``ca.key``): the test CA both sides trust;
- ``DIR/server.pem``/``server.key``: the central's certificate for localhost / 127.0.0.1;
- ``DIR/client.pem``/``client.key``: a branch client certificate (CN = branch code, OU =
  counter id: the central takes the caller's identity from these two fields);
- ``DIR/expired/``: a server certificate from the same CA that expired yesterday;
- ``DIR/wronghost/``: a server certificate from the same CA for ``central.invalid`` only;
- ``DIR/other-ca/``: a second CA with its own server and client certificates (wrong CA tests).

Each server directory holds ``ca.pem`` (the CA that must sign client certificates),
``server.pem`` and ``server.key`` so it can be passed to ``serve --tls``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import shutil
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

Key = ec.EllipticCurvePrivateKey


def _name(cn: str, ou: str | None = None) -> x509.Name:
    attrs = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
             x509.NameAttribute(NameOID.ORGANIZATION_NAME, "counter-app test")]
    if ou:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, ou))
    attrs.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(attrs)


def _key() -> Key:
    return ec.generate_private_key(ec.SECP256R1())


def _write(path: Path, cert: x509.Certificate, key: Key | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    if key is not None:
        kp = path.with_suffix(".key")
        kp.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                         serialization.PrivateFormat.PKCS8,
                                         serialization.NoEncryption()))
        kp.chmod(0o600)


def make_ca(cn: str) -> tuple[x509.Certificate, Key]:
    key = _key()
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(cn)).issuer_name(_name(cn))
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return cert, key


def issue(ca: x509.Certificate, ca_key: Key, cn: str, *, server: bool, hosts: list[str] = (),  # type: ignore[assignment]
          not_before: dt.datetime | None = None, not_after: dt.datetime | None = None,
          ou: str | None = None) -> tuple[x509.Certificate, Key]:
    key = _key()
    now = dt.datetime.now(dt.UTC)
    b = (
        x509.CertificateBuilder()
        .subject_name(_name(cn, ou)).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - dt.timedelta(days=1))
        .not_valid_after(not_after or now + dt.timedelta(days=825))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage(
            [ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH]),
            critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
    )
    if hosts:
        sans: list[x509.GeneralName] = []
        for h in hosts:
            try:
                sans.append(x509.IPAddress(ipaddress.ip_address(h)))
            except ValueError:
                sans.append(x509.DNSName(h))
        b = b.add_extension(x509.SubjectAlternativeName(sans), critical=False)
    return b.sign(ca_key, hashes.SHA256()), key


def load_ca(out: Path) -> tuple[x509.Certificate, Key]:
    ca = x509.load_pem_x509_certificate((out / "ca.pem").read_bytes())
    key = serialization.load_pem_private_key((out / "ca.key").read_bytes(), password=None)
    assert isinstance(key, ec.EllipticCurvePrivateKey)
    return ca, key


def issue_client(out: Path, dest: Path, branch_code: str, counter_id: str | None = "C01") -> Path:
    """A client certificate from the test CA in ``out`` for another branch or counter:
    ``dest/client.pem`` + ``client.key``."""
    ca, ca_key = load_ca(Path(out))
    cert, key = issue(ca, ca_key, branch_code, server=False, ou=counter_id)
    _write(Path(dest) / "client.pem", cert, key)
    return Path(dest)


def make_test_ca(out: Path, branch_code: str = "ICBC-NB-0101", counter_id: str = "C01") -> Path:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    ca, ca_key = make_ca("Ningbo SI test CA")
    _write(out / "ca.pem", ca, ca_key)
    hosts = ["localhost", "127.0.0.1", "::1"]
    srv, srv_key = issue(ca, ca_key, "localhost", server=True, hosts=hosts)
    _write(out / "server.pem", srv, srv_key)
    cli, cli_key = issue(ca, ca_key, branch_code, server=False, ou=counter_id)
    _write(out / "client.pem", cli, cli_key)
    now = dt.datetime.now(dt.UTC)
    exp, exp_key = issue(ca, ca_key, "localhost", server=True, hosts=hosts,
                         not_before=now - dt.timedelta(days=400),
                         not_after=now - dt.timedelta(days=1))
    _write(out / "expired" / "server.pem", exp, exp_key)
    shutil.copy(out / "ca.pem", out / "expired" / "ca.pem")
    wh, wh_key = issue(ca, ca_key, "central.invalid", server=True, hosts=["central.invalid"])
    _write(out / "wronghost" / "server.pem", wh, wh_key)
    shutil.copy(out / "ca.pem", out / "wronghost" / "ca.pem")
    cli_exp, cli_exp_key = issue(ca, ca_key, branch_code, server=False,
                                 not_before=now - dt.timedelta(days=400),
                                 not_after=now - dt.timedelta(days=1))
    _write(out / "expired-client" / "client.pem", cli_exp, cli_exp_key)
    other, other_key = make_ca("Untrusted test CA")
    _write(out / "other-ca" / "ca.pem", other, other_key)
    o_srv, o_srv_key = issue(other, other_key, "localhost", server=True, hosts=hosts)
    _write(out / "other-ca" / "server.pem", o_srv, o_srv_key)
    o_cli, o_cli_key = issue(other, other_key, branch_code, server=False)
    _write(out / "other-ca" / "client.pem", o_cli, o_cli_key)
    return out
