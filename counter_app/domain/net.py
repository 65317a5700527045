"""Network facts the layers agree on."""

from __future__ import annotations

import ipaddress


def is_loopback_host(host: str | None) -> bool:
    """True for this machine: ``localhost`` or any loopback address (127.0.0.0/8, ::1).
    Plain HTTP and demo accounts are allowed only towards such a host."""
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
