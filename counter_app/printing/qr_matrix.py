"""A QR code as a matrix of modules, for a screen to paint (the enrolment QR of an
authenticator app): the encoder reportlab already ships, so no second QR library."""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder


def qr_modules(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, without the quiet zone; error correction M."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    # the encoder's module grid after make() (its accessors are untyped in the stubs)
    grid: list[list[bool | None]] = code.modules
    return [[bool(m) for m in row] for row in grid]
