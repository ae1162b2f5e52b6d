; Inno Setup 6 script for the jdbuilder installer (Windows 10 and 11, 64-bit).
;
; Built by `python packaging/build.py --installer`, which passes the defines below:
;   iscc /DAppVersion=0.1.0 /DAppNumericVersion=0.1.0.0 /DSourceDir=dist\jdbuilder
;        /DOutputDir=dist packaging\windows\jdbuilder.iss
;
; What it does
; - installs the one-folder application (dist\jdbuilder) into Program Files, or into the user's
;   own Programs folder when the person installing is not an administrator (HR staff often
;   are not): "Install for me only" / "Install for all users";
; - adds a Start-menu shortcut (and, if chosen, a desktop shortcut);
; - associates .jdb project files with jdbuilder (double-click opens them; icon; "Open with");
; - registers an uninstaller (Settings > Apps, and a Start-menu entry) that removes the program
;   files, shortcuts and the file association. It never touches the user's projects or the
;   user-data folder (%APPDATA%\jdbuilder: personal library, settings, recovery files).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppNumericVersion
  ; Four numbers for the installer's own version resource ("0.2.0rc1" -> 0.2.0.0).
  #define AppNumericVersion AppVersion
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\jdbuilder"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\icons\jdbuilder.ico"
#endif
#define AppName "jdbuilder"
#define AppExe "jdbuilder.exe"
#define ProgId "jdbuilder.project"

[Setup]
; AppId identifies the application for upgrades and the uninstaller: never change it.
AppId={{FDEC5856-60B3-4EF7-9382-2280C0D839C4}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Job descriptions, job ads and interview kits for peer-support roles
VersionInfoVersion={#AppNumericVersion}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} installer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
CloseApplications=yes
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the previous version's files completely.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Job descriptions, job ads and interview kits for peer-support roles"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .jdb project files open in jdbuilder. HKA is HKLM for an all-users install, HKCU otherwise.
Root: HKA; Subkey: "Software\Classes\.jdb"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jdb"; ValueType: string; ValueName: "Content Type"; ValueData: "application/vnd.jdbuilder.project+json"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.jdb\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "jdbuilder project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".jdb"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
