; Certalign for Windows: a per-user installer. No administrator rights are needed, so an EMT
; can install it on a station PC; it goes to %LOCALAPPDATA%\Programs\Certalign.
;
; Build on Windows with Inno Setup 6 (https://jrsoftware.org/isinfo.php):
;   python packaging\build.py --installer
; which builds dist\certalign\ with PyInstaller, then runs
;   iscc /DAppVersion=<certalign_gui.__version__> packaging\windows\certalign.iss
; and writes dist\certalign-<version>-setup.exe.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z (packaging\build.py --installer does it).
#endif
; Windows wants four numbers in file properties ("0.2.0rc1" -> 0.2.0.0); build.py passes them.
#ifndef AppNumericVersion
  #define AppNumericVersion AppVersion
#endif
; The PyInstaller output folder (COLLECT name "certalign" in certalign.spec).
#ifndef BundleDir
  #define BundleDir "..\..\dist\certalign"
#endif

[Setup]
; AppId identifies the installed program for upgrades and uninstalling: never change it.
AppId={{BBC6C881-A5E2-4E6C-A8D0-41CC46DC39BE}
AppName=Certalign
AppVersion={#AppVersion}
AppVerName=Certalign {#AppVersion}
AppPublisher=certalign
VersionInfoVersion={#AppNumericVersion}
; "lowest" makes {autopf} the per-user %LOCALAPPDATA%\Programs and {autoprograms} the
; user's own Start menu: nothing asks for an administrator password.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Certalign
DisableProgramGroupPage=yes
DisableDirPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayName=Certalign
UninstallDisplayIcon={app}\certalign-gui.exe
OutputDir=..\..\dist
OutputBaseFilename=certalign-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Stop a running copy before files are replaced (upgrade) or removed (uninstall).
CloseApplications=yes

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The two programs share one _internal folder, exactly as PyInstaller laid it out.
Source: "{#BundleDir}\certalign-gui.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\certalign.exe"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade must not keep libraries that the new version no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Certalign"; Filename: "{app}\certalign-gui.exe"; Comment: "OEMS / NREMT one-year alignment checklist"
Name: "{autodesktop}\Certalign"; Filename: "{app}\certalign-gui.exe"; Comment: "OEMS / NREMT one-year alignment checklist"; Tasks: desktopicon

[Run]
Filename: "{app}\certalign-gui.exe"; Description: "{cm:LaunchProgram,Certalign}"; Flags: nowait postinstall skipifsilent
