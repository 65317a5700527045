"""The UI's language.

- Our own texts are written in Simplified Chinese and go through ``tr()``; ``pyside6-lupdate``
  collects them into ``resources/translations/counter_app_en.ts`` and ``pyside6-lrelease``
  compiles the English catalogue (``scripts/i18n.sh``). Chinese is the default and needs no
  catalogue; ``[ui] language = "en"`` in the profile selects English.
- Qt's own texts (the buttons of standard message boxes 是/否, the file dialog 另存为…, context
  menus) come from Qt's catalogues, which ship with PySide6.

The language is chosen once per process, before the UI modules are imported (some build
tables of labels at import), so a change takes effect at the next start.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from counter_app.assets import asset_path
from counter_app.domain.banks import Bank
from counter_app.domain.texts import Text

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}  # the profile's [ui] language values
DEFAULT_LANGUAGE = "zh_CN"
_catalogue: QTranslator | None = None
_language = DEFAULT_LANGUAGE


def catalogue_asset(language: str) -> tuple[str, ...]:
    return ("translations", f"counter_app_{language}.qm")


def set_language(language: str) -> str:
    """Use ``language`` for this process's texts; returns the language in effect.

    Chinese needs no catalogue. A missing or unreadable catalogue leaves the texts in Chinese
    (logged): the counter keeps working in its source language rather than not at all.
    """
    global _catalogue, _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown UI language {language!r}; one of {sorted(LANGUAGES)}")
    _catalogue, _language = None, DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        return _language
    path = asset_path(catalogue_asset(language), must_exist=False)
    translator = QTranslator()
    if not translator.load(str(path)):
        log.warning("UI catalogue %s could not be loaded; the texts stay in Chinese", path.name)
        return _language
    _catalogue, _language = translator, language
    return _language


def language() -> str:
    return _language


def tr(text: str) -> str:
    """``text`` (Chinese, as written in the source) in the UI's language.

    A free function, not ``QObject.tr``: pyside6-lupdate files these under the empty context,
    and modules that build labels at import or outside a QObject use the same call.
    """
    if _catalogue is None:
        return text
    if isinstance(text, Text):
        return _composed(text, _catalogue)
    return _catalogue.translate("", text) or text


def tr_values(texts: Mapping[str, str]) -> dict[str, str]:
    """A step's errors by field (composed below the UI), each in the UI's language."""
    return {key: tr(text) for key, text in texts.items()}


def _composed(text: Text, catalogue: QTranslator) -> str:
    """A text composed below the UI (``domain.texts.zh``): its template translated, filled with
    its values, each value that is itself a text translated too (a state's name, a reason)."""
    template = catalogue.translate("", text.template) or text.template

    def value(v: object) -> object:
        return tr(v) if isinstance(v, str) else v

    try:
        return template.format(*(value(a) for a in text.args),
                               **{k: value(v) for k, v in text.kwargs.items()})
    except (IndexError, KeyError, ValueError):  # a translation that lost a placeholder
        log.warning("translation of a composed text does not fit its values; shown in Chinese")
        return str(text)


# qtbase holds QMessageBox, QFileDialog, QLineEdit's context menu; qtmultimedia the camera errors
CATALOGUES = ("qtbase", "qtmultimedia")
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def bank_name(bank: Bank) -> str:
    """The bank's name in the UI's language (the partner banks carry both)."""
    return bank.name_zh if _language == DEFAULT_LANGUAGE else bank.name_en


def install_translations(app: QCoreApplication) -> list[str]:
    """Install Qt's Simplified Chinese catalogues on ``app``; returns the ones loaded.

    Missing catalogues (a trimmed Qt) only leave those texts in English, so this never fails.
    Calling it twice does not install a catalogue twice. In English Qt's texts need none.
    """
    if _language != DEFAULT_LANGUAGE:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        return []
    QLocale.setDefault(LOCALE)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    loaded = [t.objectName() for t in app.findChildren(QTranslator) if t.objectName()]
    for name in CATALOGUES:
        if name in loaded:
            continue
        translator = QTranslator(app)  # parented: lives as long as the application
        translator.setObjectName(name)
        if translator.load(LOCALE, name, "_", folder) and app.installTranslator(translator):
            loaded.append(name)
        else:
            translator.deleteLater()
            log.warning("Qt translation %s for zh_CN not found", name)
    return loaded
