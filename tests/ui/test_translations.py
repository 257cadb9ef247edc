"""User-visible strings go through Qt's translation mechanism and catalogues load."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from plutoeditor.ui.common.translations import install_translator, remove_translators, translations_dir

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name) or (str(BIN / name) if (BIN / name).exists() else None)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_english_catalogue_is_in_resources():
    ts = translations_dir() / "plutoeditor_en.ts"
    assert ts.is_file()
    root = ET.parse(ts).getroot()
    assert root.get("sourcelanguage") == "en"
    assert ("AboutDialog", "About PlutoEditor") in _sources(ts)
    assert ("CrashDialog", "Unexpected error") in _sources(ts)


def test_a_compiled_catalogue_translates_the_ui(qapp, tmp_path):
    lrelease = _tool("pyside6-lrelease")
    ts = tmp_path / "plutoeditor_de.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="de">'
        "<context><name>AboutDialog</name><message><source>About PlutoEditor</source>"
        "<translation>Über PlutoEditor</translation></message></context></TS>",
        encoding="utf-8",
    )
    subprocess.run([lrelease, "-silent", str(ts)], check=True, timeout=60)
    installed = install_translator(qapp, "de_DE", folder=tmp_path)
    try:
        assert QCoreApplication.translate("AboutDialog", "About PlutoEditor") == "Über PlutoEditor"
    finally:
        remove_translators(qapp, installed)
    assert QCoreApplication.translate("AboutDialog", "About PlutoEditor") == "About PlutoEditor"


def test_missing_language_falls_back_to_english(qapp, tmp_path):
    installed = install_translator(qapp, "xx_YY", folder=tmp_path)
    try:
        assert QCoreApplication.translate("CrashDialog", "Unexpected error") == "Unexpected error"
    finally:
        remove_translators(qapp, installed)


def test_catalogue_is_up_to_date_with_the_ui_sources(tmp_path):
    """Every translatable string in plutoeditor/ui is in the English catalogue.

    If this fails, run packaging/update_translations.sh and commit the catalogue.
    """
    lupdate = _tool("pyside6-lupdate")
    sources = sorted(str(p) for p in (REPO / "plutoeditor" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, "-silent", "-source-language", "en", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    missing = _sources(fresh) - _sources(translations_dir() / "plutoeditor_en.ts")
    assert not missing, f"{len(missing)} strings missing from plutoeditor_en.ts, e.g. {sorted(missing)[:3]}"


def test_every_catalogue_string_has_a_context():
    """A string lupdate files under no context is looked up under another at run time.

    (A module-level `def tr(text): return translate("Ctx", text)` helper does that; call
    `self.tr("...")` in a QObject subclass or `translate("Ctx", "...")` with literals.)
    """
    contextless = {
        text for context, text in _sources(translations_dir() / "plutoeditor_en.ts") if not context
    }
    assert not contextless, f"strings without a translation context: {sorted(contextless)[:5]}"


#: Qt calls whose string arguments the user reads.
_SHOWN_TO_USER = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setPlaceholderText", "showMessage",
    "setInformativeText", "setDetailedText", "addMenu", "setTitle", "setLabelText", "setWhatsThis",
    "addTab", "setTabText", "setHeaderLabels", "setSpecialValueText", "setSuffix", "setPrefix",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QGroupBox", "QRadioButton", "QToolButton",
    "QMenu", "QDockWidget", "information", "warning", "critical", "question",
    "getOpenFileName", "getSaveFileName",
}  # fmt: skip
_LOGGERS = {"log", "logger", "logging", "_log", "LOG"}


def _is_words(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_is_words(part) for part in node.values if isinstance(part, ast.Constant))
    return False


def test_user_visible_strings_are_translatable():
    """No literal text goes straight into a widget, dialog or action without tr()/translate()."""
    raw = []
    for path in sorted((REPO / "plutoeditor" / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            if isinstance(func, ast.Attribute):
                if isinstance(func.value, ast.Name) and func.value.id in _LOGGERS:
                    continue
                name = func.attr
            else:
                name = func.id if isinstance(func, ast.Name) else ""
            if name in _SHOWN_TO_USER:
                raw += [
                    f"{path.name}:{node.lineno}: {ast.unparse(a)[:50]}" for a in node.args if _is_words(a)
                ]
    assert not raw, "wrap these in self.tr() or translate():\n" + "\n".join(raw)
