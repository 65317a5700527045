"""Display texts declared below the UI layer, marked for the UI's translation catalogue.

The layers under ``ui/`` have no Qt, so they cannot translate; a text they declare for the
teller (a business's title in the menu, a role's name) is written in Chinese and marked with
``QT_TR_NOOP`` so that ``pyside6-lupdate`` (``scripts/i18n.sh``) collects it. The UI passes
it through ``tr()`` where it shows it.

A text composed with values (a refusal naming the state, a count) is built with ``zh(template,
**values)``: a ``Text``, which is the Chinese rendering (a ``str``: logs, tests and the Chinese
UI use it as is) and keeps its template and values, so that the UI's ``tr()`` renders the
translated template with the same values. ``scripts/i18n.sh`` tells pyside6-lupdate to collect
``zh(...)`` templates like ``QT_TR_NOOP`` texts.
"""

from __future__ import annotations

from collections.abc import Sequence


def QT_TR_NOOP(text: str) -> str:  # the name pyside6-lupdate looks for
    """``text`` unchanged: only a mark for the catalogue."""
    return text


class Text(str):
    """A display text composed from a marked template and values; its ``str`` is the Chinese.

    Operations on it (``+``, ``strip()``) give plain ``str``: the template is kept only while
    the text is passed on whole, which is how messages travel to the UI.
    """

    __slots__ = ("args", "kwargs", "template")
    template: str
    args: tuple[object, ...]
    kwargs: dict[str, object]

    def __new__(cls, template: str, args: tuple[object, ...], kwargs: dict[str, object]) -> Text:
        text = super().__new__(cls, template.format(*args, **kwargs))
        text.template, text.args, text.kwargs = template, args, kwargs
        return text

    def __reduce__(self) -> tuple[object, ...]:  # pickled (multiprocessing) as itself
        return (Text, (self.template, self.args, self.kwargs))


def zh(template: str, /, *args: object, **kwargs: object) -> Text:
    """The Chinese text ``template.format(*args, **kwargs)``, translatable by the UI.

    ``template`` is a literal (pyside6-lupdate collects it); name the placeholders after what
    they hold (``{card_no}``), so that a translator sees what goes where.
    """
    return Text(template, args, kwargs)


def listing(names: Sequence[str]) -> str:
    """``names`` enumerated with ``、`` as one text the UI translates whole: a ``"、".join``
    would be plain Chinese, so each step nests as ``{item}、{rest}`` and every name that is a
    marked text is translated too. Empty names give ``""``."""
    if not names:
        return ""
    text = names[-1]
    for name in reversed(names[:-1]):
        text = zh("{item}、{rest}", item=name, rest=text)
    return text


def clauses(items: Sequence[str], limit: int | None = None) -> str:
    """``items`` (sentences, reasons) joined with ``；`` as one translatable text, like
    :func:`listing`; ``……`` after the first ``limit``."""
    shown = list(items if limit is None else items[:limit])
    if not shown:
        return ""
    text = shown[-1]
    for item in reversed(shown[:-1]):
        text = zh("{item}；{rest}", item=item, rest=text)
    if limit is not None and len(items) > limit:
        text = zh("{listed}……", listed=text)
    return text


def alternatives(items: Sequence[str]) -> str:
    """``items`` quoted and joined with ``或`` (either … or …) as one translatable text."""
    if not items:
        return ""
    text = zh("“{item}”", item=items[-1])
    for item in reversed(items[:-1]):
        text = zh("“{item}”或{rest}", item=item, rest=text)
    return text
