"""Display texts declared below the UI layer, marked for the UI's translation catalogue.

The layers under ``ui/`` have no Qt, so they cannot translate; a text they declare for the
teller (a business's title in the menu, a role's name) is written in Chinese and marked with
``QT_TR_NOOP`` so that ``pyside6-lupdate`` (``scripts/i18n.sh``) collects it. The UI passes
it through ``tr()`` where it shows it. Texts built with values are not marked: the UI shows
them as the layer below wrote them (Chinese) until they are restructured as templates.
"""

from __future__ import annotations


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """``text`` unchanged: only a mark for the catalogue."""
    return text
