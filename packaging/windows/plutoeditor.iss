; Inno Setup 6 script: per-user installer for the PyInstaller build in dist\plutoeditor.
; Build: ISCC.exe /DAppVersion=0.1.0 packaging\windows\plutoeditor.iss (from the repository root)
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0B3C1D-4C52-4E2B-9C5A-0D1F5E7A9B21}
AppName=PlutoEditor
AppVersion={#AppVersion}
AppPublisher=PlutoEditor
DefaultDirName={autopf}\PlutoEditor
DefaultGroupName=PlutoEditor
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputBaseFilename=PlutoEditor-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\plutoeditor.ico
UninstallDisplayIcon={app}\PlutoEditor.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesEnvironment=yes
SourceDir=..\..

[Files]
Source: "dist\plutoeditor\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\PlutoEditor"; Filename: "{app}\PlutoEditor.exe"
Name: "{group}\Uninstall PlutoEditor"; Filename: "{uninstallexe}"

[Registry]
; "Open with PlutoEditor" for YAML files (Windows matches only the last extension).
Root: HKA; Subkey: "Software\Classes\PlutoEditor.Policy"; ValueType: string; ValueData: "PlutoEditor policy"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\PlutoEditor.Policy\DefaultIcon"; ValueType: string; ValueData: "{app}\PlutoEditor.exe,0"
Root: HKA; Subkey: "Software\Classes\PlutoEditor.Policy\shell\open\command"; ValueType: string; ValueData: """{app}\PlutoEditor.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.yaml\OpenWithProgids"; ValueType: string; ValueName: "PlutoEditor.Policy"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.yml\OpenWithProgids"; ValueType: string; ValueName: "PlutoEditor.Policy"; ValueData: ""; Flags: uninsdeletevalue
; The command line on the user's PATH.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\PlutoEditor.exe"; Description: "Start PlutoEditor"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Current: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Current) then
    Result := True
  else
    Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Current) + ';') = 0;
end;
