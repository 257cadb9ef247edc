"""Loading the user-interface translations (Qt's .qm catalogues) at start.

Every user-visible string in plutoeditor/ui goes through Qt's translation mechanism
(`self.tr("...")` in a QObject subclass, or `QCoreApplication.translate("Context", "...")`
with a literal context). `pyside6-lupdate` collects them into
resources/translations/plutoeditor_<language>.ts (packaging/update_translations.sh);
`pyside6-lrelease` compiles those to .qm files, which `install_translator` loads for the
user's language. English is the source language, so the English catalogue is a template
for translators and the app works without any .qm file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from plutoeditor import paths

log = logging.getLogger(__name__)

CATALOGUE = "plutoeditor"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for pyside6-lupdate (which looks for this name) and give it back: Qt's own
    is typed as returning `object`, which no str-typed field accepts."""
    return text


def translations_dir() -> Path:
    """resources/translations in a checkout, or inside a frozen build."""
    return paths.resources_dir() / "translations"


def install_translator(
    app: QCoreApplication, locale: QLocale | str | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install PlutoEditor's and Qt's own translations for `locale` (default: the system's).

    Returns the installed translators (keep them alive as long as the app; they are also
    parented to the app). A missing catalogue is not an error: the English text is shown.
    """
    if locale is None:
        locale = QLocale.system()
    elif isinstance(locale, str):
        locale = QLocale(locale)
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(locale, CATALOGUE, "_", str(folder or translations_dir()), ".qm"):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.info("no PlutoEditor translation for %s; showing English", locale.name())
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(locale, "qtbase", "_", qt_dir, ".qm"):
        app.installTranslator(qt_own)  # standard buttons and dialogs ("Cancel", "Save")
        installed.append(qt_own)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo install_translator (tests, or switching language)."""
    for translator in translators:
        app.removeTranslator(translator)
