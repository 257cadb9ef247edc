"""Linux desktop integration: menu entry, AppStream metadata, MIME type, icons, installer."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import plutoeditor

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
APP_ID = "org.plutoeditor.PlutoEditor"
MIME_TYPE = "application/x-plutoeditor-policy"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_policies():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "PlutoEditor"
    assert entry["Exec"].split()[0] == "plutoeditor" and "%F" in entry["Exec"].split()
    assert entry["Icon"] == APP_ID
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["MimeType"].endswith(";") and entry["Categories"].endswith(";")
    assert "Office" in entry["Categories"].split(";")


def test_appstream_metadata_is_well_formed_and_consistent():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == "PlutoEditor"
    assert root.findtext("summary") and not root.findtext("summary").endswith(".")
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.find("description/p") is not None
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id" and launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "plutoeditor"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases[0] == plutoeditor.__version__, "add a <release> for the current version"


def test_appstreamcli_accepts_the_metadata():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_type_claims_policy_yaml_files():
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime,) = root.findall(f"{MIME_NS}mime-type")
    assert mime.get("type") == MIME_TYPE
    globs = {g.get("pattern"): int(g.get("weight", "50")) for g in mime.findall(f"{MIME_NS}glob")}
    assert globs["*.policy.yaml"] > 50  # beats the generic *.yaml rule
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/yaml"


def test_update_mime_database_registers_the_glob(tmp_path):
    tool = shutil.which("update-mime-database")
    if tool is None:
        pytest.skip("update-mime-database is not installed")
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(LINUX / f"{APP_ID}.mime.xml", packages / f"{APP_ID}.xml")
    subprocess.run([tool, str(tmp_path / "mime")], check=True, capture_output=True, timeout=60)
    globs = (tmp_path / "mime" / "globs2").read_text(encoding="utf-8")
    assert f"{MIME_TYPE}:*.policy.yaml" in globs


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_icon_exists_in_every_size():
    icons = REPO / "resources" / "icons"
    assert ET.parse(icons / "plutoeditor.svg").getroot().tag.endswith("svg")
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert _png_size(icons / f"plutoeditor-{size}.png") == (size, size)
    ico = (icons / "plutoeditor.ico").read_bytes()
    assert struct.unpack("<HHH", ico[:6]) == (0, 1, 7)  # an icon file with seven sizes


def test_install_script_puts_everything_where_desktops_look(tmp_path):
    app = tmp_path / "build" / "plutoeditor"
    app.mkdir(parents=True)
    (app / "plutoeditor").write_text("#!/bin/sh\necho frozen\n", encoding="utf-8")
    (app / "plutoeditor").chmod(0o755)
    env = {**os.environ, "PREFIX": "/opt/pe", "DESTDIR": str(tmp_path / "root")}
    subprocess.run(
        ["bash", str(LINUX / "install.sh"), str(app)], env=env, check=True, capture_output=True, timeout=60
    )
    share = tmp_path / "root" / "opt" / "pe" / "share"
    assert (tmp_path / "root/opt/pe/lib/plutoeditor/plutoeditor").is_file()
    assert os.readlink(tmp_path / "root/opt/pe/bin/plutoeditor") == "/opt/pe/lib/plutoeditor/plutoeditor"
    desktop = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Exec=/opt/pe/bin/plutoeditor %F" in desktop
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert _png_size(share / "icons/hicolor/48x48/apps" / f"{APP_ID}.png") == (48, 48)
    assert (share / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--uninstall"],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not (tmp_path / "root/opt/pe/lib/plutoeditor").exists()


def test_install_script_refuses_a_missing_build(tmp_path):
    env = {**os.environ, "PREFIX": "/opt/pe", "DESTDIR": str(tmp_path / "root")}
    result = subprocess.run(
        ["bash", str(LINUX / "install.sh"), str(tmp_path / "nothing")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "build_linux.sh" in result.stderr
