"""The composition root reads the profile's card-face printer and PIN pad for the issuance
desk (before, the faces always went to <state>/card-faces and the PIN pad was a test's only)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from counter_app.bootstrap import Fakes, Services, build_services
from counter_app.devices.card_printer import CardPrinterError, PdfCardPrinter, UnreachableCardPrinter
from counter_app.devices.pinpad import DemoPinPad
from tests.fixtures.app import FakeCentral, make_profile

PDF = b"%PDF-1.4\n% a face\n"


@pytest.fixture
def build(tmp_path: Path) -> Iterator:
    built: list[Services] = []

    def make(card_face: str = "", pin_pad: str = "", fakes: Fakes | None = None) -> Services:
        profile = make_profile(tmp_path / f"s{len(built)}")
        profile = replace(profile, printers=replace(profile.printers, card_face=card_face),
                          devices=replace(profile.devices, pin_pad=pin_pad))
        services = build_services(profile, fakes=fakes or Fakes(central=FakeCentral()))
        built.append(services)
        return services

    yield make
    for s in built:
        s.store.close()


def test_the_faces_go_where_the_profile_says(build, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    default = build()
    printer = default.issuance_desk("T0301").ctx.printer
    assert isinstance(printer, PdfCardPrinter)
    where = Path(printer.print_face(PDF, job="A-1-face"))
    assert where == default.profile.database.parent / "card-faces" / "A-1-face.pdf"

    relative = build("pdf:faces-out")
    where = Path(relative.issuance_desk("T0301").ctx.printer.print_face(PDF, job="A-2-face"))
    assert where == relative.profile.database.parent / "faces-out" / "A-2-face.pdf"
    assert where.read_bytes() == PDF

    absolute = tmp_path / "elsewhere"
    placed = build(f"pdf:{absolute}")
    where = Path(placed.issuance_desk("T0301").ctx.printer.print_face(PDF, job="A-3-face"))
    assert where == absolute / "A-3-face.pdf"


def test_a_named_system_printer_is_the_screens_to_paint(build) -> None:  # type: ignore[no-untyped-def]
    services = build("Zebra ZC300")
    alone = services.issuance_desk("T0301").ctx.printer  # no screen: refused, never silent
    assert isinstance(alone, UnreachableCardPrinter) and alone.name == "Zebra ZC300"
    with pytest.raises(CardPrinterError, match="Zebra ZC300"):
        alone.print_face(PDF, job="A-4-face")
    given = PdfCardPrinter(Path("unused"))
    assert services.issuance_desk("T0301", printer=given).ctx.printer is given


def test_the_pin_pad_comes_from_the_profile(build) -> None:  # type: ignore[no-untyped-def]
    assert build().issuance_desk("T0301").ctx.pin_pad is None  # the masked dialog
    assert not build().issuance_desk("T0301").has_pin_pad
    demo = build(pin_pad="demo")
    pad = demo.issuance_desk("T0301").ctx.pin_pad
    assert isinstance(pad, DemoPinPad)
    assert demo.issuance_desk("T0302").ctx.pin_pad is pad  # one pad per counter
    own = DemoPinPad()
    assert build(pin_pad="", fakes=Fakes(central=FakeCentral(), pin_pad=own)) \
        .issuance_desk("T0301").ctx.pin_pad is own
