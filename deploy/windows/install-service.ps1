<#
.SYNOPSIS
  Installs qlik-sessions as a Windows service with NSSM (https://nssm.cc), the way Butler and other Qlik Sense
  companions are often run on the Qlik servers themselves.

.DESCRIPTION
  Reads the settings from an env file in .env.example's format (KEY=value, # comments, optional quotes), stores
  them in the service's environment (not on its command line), writes the JSON log lines to files under
  -LogDir, rotates them daily or at 10 MB, restarts the service when it fails, and starts it.
  Run it from an elevated PowerShell. Prerequisites: Node.js 20 or later, nssm.exe on the PATH (or -Nssm), and the
  app installed globally from the release tarball:  npm install --global --omit=dev .\qlik-sessions-0.1.0.tgz

.EXAMPLE
  .\install-service.ps1 -EnvFile C:\qlik-sessions\qlik-sessions.env
.EXAMPLE
  .\install-service.ps1 -Uninstall
#>
[CmdletBinding()]
param(
  [string]$ServiceName = 'qlik-sessions',
  [string]$EnvFile = 'C:\qlik-sessions\qlik-sessions.env',
  [string]$LogDir = 'C:\qlik-sessions\logs',
  [string]$Nssm = 'nssm.exe',
  [switch]$Uninstall
)
$ErrorActionPreference = 'Stop'

function Invoke-Nssm {
  & $Nssm @args
  if ($LASTEXITCODE -ne 0) { throw "nssm $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Get-Command $Nssm -ErrorAction SilentlyContinue)) {
  throw "nssm.exe was not found: download it from https://nssm.cc, put it on the PATH, or pass -Nssm C:\path\to\nssm.exe."
}

if ($Uninstall) {
  if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    Invoke-Nssm stop $ServiceName
    Invoke-Nssm remove $ServiceName confirm
  }
  Write-Host "Removed the $ServiceName service (settings and logs are left in place)."
  return
}

$node = (Get-Command node.exe -ErrorAction SilentlyContinue).Source
if (-not $node) { throw 'node.exe was not found: install Node.js 20 or later (https://nodejs.org) and open a new PowerShell.' }
$prefix = (& npm.cmd prefix --global).Trim()
$entry = Join-Path $prefix 'node_modules\qlik-sessions\bin\qlik-sessions.js'
if (-not (Test-Path $entry)) {
  throw "qlik-sessions is not installed globally ($entry is missing): run  npm install --global --omit=dev .\qlik-sessions-<version>.tgz"
}
if (-not (Test-Path $EnvFile)) { throw "The settings file $EnvFile is missing: copy .env.example there and fill it in." }

# KEY=value lines as .env.example writes them: comments after values dropped, one level of quotes taken off.
$environment = @()
foreach ($line in Get-Content -Path $EnvFile) {
  if ($line -match '^\s*#' -or $line -notmatch '^\s*([A-Z][A-Z0-9_]*)=(.*)$') { continue }
  $name = $Matches[1]
  $value = $Matches[2]
  if ($value -match "^'([^']*)'") { $value = $Matches[1] }
  elseif ($value -match '^"([^"]*)"') { $value = $Matches[1] }
  else { $value = ($value -replace '\s+#.*$', '').Trim() }
  if ($value -ne '') { $environment += "$name=$value" }
}

New-Item -ItemType Directory -Force -Path $LogDir | Out-Null
if (-not (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue)) {
  Invoke-Nssm install $ServiceName $node "`"$entry`"" serve
}
Invoke-Nssm set $ServiceName AppParameters "`"$entry`" serve"
Invoke-Nssm set $ServiceName AppDirectory (Split-Path $EnvFile)
Invoke-Nssm set $ServiceName DisplayName 'qlik-sessions (Qlik Sense session limits, Slack)'
Invoke-Nssm set $ServiceName Description 'Explains and diagnoses "too many sessions active in parallel" for Qlik Sense administrators.'
Invoke-Nssm set $ServiceName Start SERVICE_AUTO_START
Invoke-Nssm set $ServiceName AppEnvironmentExtra @environment
Invoke-Nssm set $ServiceName AppStdout (Join-Path $LogDir 'qlik-sessions.out.log')
Invoke-Nssm set $ServiceName AppStderr (Join-Path $LogDir 'qlik-sessions.log')
Invoke-Nssm set $ServiceName AppRotateFiles 1
Invoke-Nssm set $ServiceName AppRotateOnline 1
Invoke-Nssm set $ServiceName AppRotateSeconds 86400
Invoke-Nssm set $ServiceName AppRotateBytes 10485760
# Ctrl-C first (the app finishes replies in flight), then give it 30 s before it is ended.
Invoke-Nssm set $ServiceName AppStopMethodConsole 30000
# Exit 2 means a setting is wrong: do not restart in a loop; anything else restarts after 5 s.
Invoke-Nssm set $ServiceName AppExit Default Restart
Invoke-Nssm set $ServiceName AppExit 2 Exit
Invoke-Nssm set $ServiceName AppRestartDelay 5000
Invoke-Nssm restart $ServiceName

Write-Host "The $ServiceName service is running. Logs: $LogDir\qlik-sessions.log (JSON lines). Health: GET /healthz on HEALTH_PORT or PORT."
