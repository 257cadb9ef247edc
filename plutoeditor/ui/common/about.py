"""The About dialog: PlutoEditor's version and the licences of the libraries it bundles.

A release build ships these libraries inside the application, so their licences must be
shown to the user (the LGPL for Qt and PySide6 in particular). Versions are read from the
installed distributions, so the list stays true after an upgrade.
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, QUrl, qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from plutoeditor import __version__, paths
from plutoeditor.ui.common.desktop import application_icon

# Qt's translation lookup; lupdate finds the literal context and text in each call.
translate = QCoreApplication.translate


@dataclass(frozen=True)
class BundledLibrary:
    name: str
    distribution: str  # the name importlib.metadata knows it by; "" for Qt and Python
    licence: str
    url: str


# What a release build bundles, with the licence each is distributed under.
BUNDLED_LIBRARIES: tuple[BundledLibrary, ...] = (
    BundledLibrary("Qt", "", "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    BundledLibrary("PySide6", "PySide6-Essentials", "LGPL-3.0-only", "https://pypi.org/project/PySide6/"),
    BundledLibrary("Shiboken6", "shiboken6", "LGPL-3.0-only", "https://pypi.org/project/shiboken6/"),
    BundledLibrary("python-docx", "python-docx", "MIT", "https://github.com/python-openxml/python-docx"),
    BundledLibrary("lxml", "lxml", "BSD-3-Clause", "https://lxml.de/"),
    BundledLibrary(
        "diff-match-patch",
        "diff-match-patch",
        "Apache-2.0",
        "https://github.com/diff-match-patch-python/diff-match-patch",
    ),
    BundledLibrary("PyYAML", "PyYAML", "MIT", "https://pyyaml.org/"),
    BundledLibrary(
        "fastjsonschema",
        "fastjsonschema",
        "BSD-3-Clause",
        "https://github.com/horejsek/python-fastjsonschema",
    ),
    BundledLibrary("jsonschema", "jsonschema", "MIT", "https://github.com/python-jsonschema/jsonschema"),
    BundledLibrary(
        "jsonschema-specifications",
        "jsonschema-specifications",
        "MIT",
        "https://github.com/python-jsonschema/jsonschema-specifications",
    ),
    BundledLibrary("referencing", "referencing", "MIT", "https://github.com/python-jsonschema/referencing"),
    BundledLibrary("rpds-py", "rpds-py", "MIT", "https://github.com/crate-py/rpds"),
    BundledLibrary("attrs", "attrs", "MIT", "https://www.attrs.org/"),
    BundledLibrary(
        "typing_extensions", "typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions"
    ),
    BundledLibrary("Python", "", "PSF-2.0", "https://docs.python.org/3/license.html"),
)


def library_version(library: BundledLibrary) -> str:
    """The installed version, or "not installed" (a library may be optional in a source install)."""
    if library.name == "Qt":
        return qVersion()
    if library.name == "Python":
        return platform.python_version()
    if library.name == "PySide6":
        try:
            return metadata.version(library.distribution)
        except metadata.PackageNotFoundError:
            return pyside_version
    try:
        return metadata.version(library.distribution)
    except metadata.PackageNotFoundError:
        return translate("AboutDialog", "not installed")


def _row(lib: BundledLibrary) -> str:
    esc = html.escape
    link = f"<a href='{esc(lib.url, quote=True)}'>{esc(lib.name)}</a>"
    return f"<tr><td>{link}</td><td>{esc(library_version(lib))}</td><td>{esc(lib.licence)}</td></tr>"


def about_html() -> str:
    """The dialog's text (below the heading with the version): purpose, folders, libraries."""
    rows = "".join(_row(lib) for lib in BUNDLED_LIBRARIES)
    purpose = translate("AboutDialog", "Write, check, compare and publish policies, offline.")
    libraries = translate("AboutDialog", "Bundled libraries")
    library, version, licence = (
        translate("AboutDialog", "Library"),
        translate("AboutDialog", "Version"),
        translate("AboutDialog", "Licence"),
    )
    note = translate(
        "AboutDialog",
        "Qt and PySide6 are used under the GNU Lesser General Public License v3. They are "
        "shipped as separate shared libraries, which you may replace with your own builds; "
        "their source code is available from qt.io and from the links above.",
    )
    texts = translate("AboutDialog", "The full licence texts are in {folder}.").format(
        folder=_link(paths.resources_dir() / "licences")
    )
    esc = html.escape
    return (
        f"<p>{esc(purpose)}</p>{_files_html()}"
        f"<h3>{esc(libraries)}</h3>"
        f"<table cellpadding='3'><tr><th align='left'>{esc(library)}</th>"
        f"<th align='left'>{esc(version)}</th><th align='left'>{esc(licence)}</th></tr>{rows}</table>"
        f"<p>{esc(note)}</p><p>{texts}</p>"
    )


def _link(path: Path) -> str:
    url = QUrl.fromLocalFile(str(path)).toString()
    return f"<a href='{html.escape(url, quote=True)}'>{html.escape(str(path))}</a>"


def _files_html() -> str:
    """Where settings, recovery copies and logs are: what support asks for first."""
    rows = (
        (translate("AboutDialog", "Settings"), paths.settings_file()),
        (translate("AboutDialog", "Recovery files"), paths.recovery_dir()),
        (translate("AboutDialog", "Log files"), paths.log_dir()),
    )
    cells = "".join(f"<tr><td>{html.escape(name)}</td><td>{_link(path)}</td></tr>" for name, path in rows)
    return f"<table cellpadding='2'>{cells}</table>"


def show_about(parent: QWidget | None) -> QDialog:
    """Open the About dialog (window-modal, returns at once) and return it."""
    dialog = QDialog(parent)
    dialog.setObjectName("aboutDialog")
    dialog.setWindowTitle(translate("AboutDialog", "About PlutoEditor"))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    heading = QLabel(translate("AboutDialog", "PlutoEditor {version}").format(version=__version__))
    heading.setObjectName("aboutVersion")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    heading.setFont(font)
    icon = QLabel()
    icon.setPixmap(application_icon().pixmap(48, 48))
    top = QHBoxLayout()
    top.addWidget(icon)
    top.addWidget(heading, 1)
    layout.addLayout(top)
    text = QTextBrowser()
    text.setObjectName("aboutText")
    text.setOpenExternalLinks(True)
    text.setHtml(about_html())
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(560, 520)
    dialog.open()
    return dialog
