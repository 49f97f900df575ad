# Shared by the Pester files: where the module is, and how to run code in a new pwsh process.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModuleManifest = Join-Path $RepoRoot 'out/LeadPS/LeadPS.psd1'

function Import-LeadPS {
    if (-not (Test-Path $ModuleManifest)) { throw "Build first: dotnet build LeadPS.sln (no module at $ModuleManifest)." }
    Import-Module $ModuleManifest -Force
}

# The pwsh running these tests, as a command line: pwsh itself, or `dotnet pwsh.dll` for the .NET tool.
function Get-PwshCommand {
    $process = [System.Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return @($process, [System.Reflection.Assembly]::GetEntryAssembly().Location)
    }

    return @($process)
}

# Runs a script in a new pwsh process (no profile); returns its exit code and everything it printed.
function Invoke-NewPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ArgumentList = @(),
        [string] $WorkingDirectory = $RepoRoot,
        [int] $TimeoutSeconds = 300
    )

    $command = @(Get-PwshCommand)
    $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($argument in @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', $Script) + $ArgumentList) {
        $start.ArgumentList.Add($argument)
    }

    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.WorkingDirectory = $WorkingDirectory
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $process = [System.Diagnostics.Process]::Start($start)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "pwsh did not finish within $TimeoutSeconds s: $Script"
    }

    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result + $stderr.Result }
}

# Environment for a new pwsh that acts as a user of its own: modules, help, repositories and caches
# go under $Folder, never into the real user's home.
function New-IsolatedHome([string] $Folder) {
    $null = New-Item -ItemType Directory $Folder -Force
    @{
        HOME            = $Folder
        XDG_DATA_HOME   = (Join-Path $Folder '.local/share')
        XDG_CONFIG_HOME = (Join-Path $Folder '.config')
        XDG_CACHE_HOME  = (Join-Path $Folder '.cache')
        NO_COLOR        = '1'
    }
}
