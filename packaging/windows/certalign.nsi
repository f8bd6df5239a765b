; Certalign for Windows: a per-user installer, built on Linux with NSIS (makensis).
;
;   make windows-installer      (packaging/windows/build_installer.py stages the files, then
;                                runs makensis with the defines below)
;
; No administrator rights: it installs for the person logged in, into
; %LOCALAPPDATA%\Programs\Certalign, with two Start-menu entries in their own Start menu.
; Files go only there and into that Start-menu folder; the one registry key is the
; uninstall entry under HKEY_CURRENT_USER, so Settings -> Apps lists and removes it.

!ifndef VERSION
  !error "Pass -DVERSION=... (packaging/windows/build_installer.py passes VERSION, VERSION4, STAGE, OUTFILE)"
!endif
!ifndef VERSION4
  !error "Pass -DVERSION4=... (packaging/windows/build_installer.py passes VERSION, VERSION4, STAGE, OUTFILE)"
!endif
!ifndef STAGE
  !error "Pass -DSTAGE=... (packaging/windows/build_installer.py passes VERSION, VERSION4, STAGE, OUTFILE)"
!endif
!ifndef OUTFILE
  !error "Pass -DOUTFILE=... (packaging/windows/build_installer.py passes VERSION, VERSION4, STAGE, OUTFILE)"
!endif

!define APPNAME "Certalign"
!define PUBLISHER "certalign"
!define DESCRIPTION "Massachusetts OEMS / NREMT one-year alignment checklist"
; The uninstall entry's key: never change it, Windows finds the installed copy by it.
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Certalign"
!define MENU_FOLDER "$SMPROGRAMS\Certalign"

; A 64-bit installer (the program is 64-bit only), so 64-bit Windows runs it without WOW64.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 64

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\Certalign"
BrandingText "${APPNAME} ${VERSION}"
ShowInstDetails hide

; File properties of setup.exe (Details tab), from the package version.
VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1033 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APPNAME} ${VERSION} setup"
VIAddVersionKey /LANG=1033 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!define MUI_ICON "${STAGE}/certalign.ico"
!define MUI_UNICON "${STAGE}/certalign.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\certalign-gui.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Start Certalign now"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Certalign" SecProgram
  SectionIn RO
  SetShellVarContext current
  ; An upgrade must not keep files the new version no longer ships.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\lib"

  ; The official embeddable CPython (its signatures checked at build time).
  SetOutPath "$INSTDIR\python"
  File /r "${STAGE}/python/*"

  ; The program and its dependencies (PySide6 with only the Qt parts it uses).
  SetOutPath "$INSTDIR\lib"
  File /r "${STAGE}/lib/*"

  ; The program's resources, folder by folder (tests/packaging checks this list against
  ; the checkout's resources/ folder).
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\fonts"
  File /r "${STAGE}/resources/fonts/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\icons"
  File /r "${STAGE}/resources/icons/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\locale"
  File /r "${STAGE}/resources/locale/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\policy"
  File /r "${STAGE}/resources/policy/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\roster"
  File /r "${STAGE}/resources/roster/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\translations"
  File /r "${STAGE}/resources/translations/*"
  SetOutPath "$INSTDIR\lib\certalign_gui\resources\typst"
  File /r "${STAGE}/resources/typst/*"

  ; The two programs: the window (no console) and the command line.
  SetOutPath "$INSTDIR"
  File "${STAGE}/certalign-gui.exe"
  File "${STAGE}/certalign.exe"
  File "${STAGE}/certalign.ico"

  ; Byte-compile now, into the install folder, so the first start is not slower.
  DetailPrint "Preparing the program (byte-compiling)..."
  nsExec::ExecToLog '"$INSTDIR\python\python.exe" -m compileall -q "$INSTDIR\lib"'
  Pop $0

  ; The working folder of the shortcuts: the person's Documents.
  SetOutPath "$DOCUMENTS"
  CreateDirectory "${MENU_FOLDER}"
  CreateShortCut "${MENU_FOLDER}\Certalign.lnk" "$INSTDIR\certalign-gui.exe" "" \
    "$INSTDIR\certalign.ico" 0 SW_SHOWNORMAL "" "${DESCRIPTION}"
  CreateShortCut "${MENU_FOLDER}\Certalign crew roster.lnk" "$INSTDIR\certalign-gui.exe" \
    "--roster" "$INSTDIR\certalign.ico" 0 SW_SHOWNORMAL "" \
    "Check a whole crew from a roster file (training officers)"
  SetOutPath "$INSTDIR"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\certalign.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "${MENU_FOLDER}\Certalign.lnk"
  Delete "${MENU_FOLDER}\Certalign crew roster.lnk"
  RMDir "${MENU_FOLDER}"
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\lib"
  Delete "$INSTDIR\certalign-gui.exe"
  Delete "$INSTDIR\certalign.exe"
  Delete "$INSTDIR\certalign.ico"
  Delete "$INSTDIR\uninstall.exe"
  ; The program's own log (warnings only, never personal data), if it ever wrote one.
  Delete "$LOCALAPPDATA\certalign\Certalign\certalign.log*"
  RMDir "$LOCALAPPDATA\certalign\Certalign"
  RMDir "$LOCALAPPDATA\certalign"
  ; Only if empty: nothing the person put there is removed.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
