@echo off
rem mirror launcher for Windows: finds java, puts every jar of lib\ on the class path, and passes -Dmirror.home,
rem like bin/mirror. JAVA_HOME selects the JVM (Java 17 or later); JAVA_OPTS adds JVM options (e.g. -Xmx2g).
rem Plugin jars go in plugins\ of the distribution ('mirror plugins' lists them) or in plugins.directory.
setlocal EnableExtensions DisableDelayedExpansion

rem %~dp0 is this script's directory (bin\, with a trailing backslash); its parent is the distribution
for %%I in ("%~dp0..") do set "MIRROR_HOME=%%~fI"

if defined JAVA_HOME (
  if exist "%JAVA_HOME%\bin\java.exe" (
    set "JAVA=%JAVA_HOME%\bin\java.exe"
    goto :run
  )
)
where java >nul 2>nul
if errorlevel 1 (
  echo mirror: no Java found: install Java 17 or later, or set JAVA_HOME 1>&2
  exit /b 70
)
set "JAVA=java"

:run
rem A class-path wildcard (lib\*) takes every jar of lib\ without a command line longer than Windows allows.
rem JAVA_OPTS is left unquoted on purpose: it is split into several options.
"%JAVA%" %JAVA_OPTS% "-Dmirror.home=%MIRROR_HOME%" -cp "%MIRROR_HOME%\lib\*" dev.mirror.cli.MirrorCli %*
exit /b %ERRORLEVEL%
