"""Qt's own texts in Chinese: the buttons of standard message boxes (是/否), the file dialog
(另存为…) and context menus come from Qt's translation, which ships with PySide6."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

# qtbase holds QMessageBox, QFileDialog, QLineEdit's context menu; qtmultimedia the camera errors
CATALOGUES = ("qtbase", "qtmultimedia")
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)


def install_translations(app: QCoreApplication) -> list[str]:
    """Install Qt's Simplified Chinese catalogues on ``app``; returns the ones loaded.

    Missing catalogues (a trimmed Qt) only leave those texts in English, so this never fails.
    Calling it twice does not install a catalogue twice.
    """
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
