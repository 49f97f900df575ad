<#
.SYNOPSIS
    Builds, tests and lays out the LeadPS module. A thin wrapper over dotnet.
.DESCRIPTION
    Clean  removes build output (bin, obj, out, TestResults).
    Build  builds the solution; the module is laid out, ready to import, in out/LeadPS.
    Test   runs the xunit suites (dotnet test), then the Pester suite when pwsh has Pester 5.
    Package makes out/package/LeadPS.<version>.nupkg: the module files at the package root, ready
           for Publish-PSResource -NupkgPath or any NuGet-based PowerShell repository.
.EXAMPLE
    ./build.ps1 -Task Build, Test
.EXAMPLE
    ./build.ps1 -Task Test -Configuration Release
.EXAMPLE
    ./build.ps1 -Task Clean, Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Clean', 'Build', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($step in $Task) {
    switch ($step) {
        'Clean' {
            Get-ChildItem -Path $root -Include bin, obj -Directory -Recurse | Remove-Item -Recurse -Force
            foreach ($folder in 'out', 'TestResults') {
                $path = Join-Path $root $folder
                if (Test-Path $path) { Remove-Item $path -Recurse -Force }
            }
        }
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'LeadPS.sln') -c $Configuration
            Write-Host "Module ready: $(Join-Path $root 'out/LeadPS')"
        }
        'Package' {
            Invoke-Dotnet pack (Join-Path $root 'src/LeadPS.Package/LeadPS.Package.csproj') -c $Configuration
            Get-ChildItem (Join-Path $root 'out/package') -Filter *.nupkg | ForEach-Object { Write-Host "Package ready: $($_.FullName)" }
        }
        'Test' {
            Invoke-Dotnet test (Join-Path $root 'LeadPS.sln') -c $Configuration
            $pester = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Select-Object -First 1
            $pesterTests = Get-ChildItem -Path (Join-Path $root 'tests') -Filter '*.Tests.ps1' -Recurse
            if ($pester -and $pesterTests) {
                Import-Module $pester
                $result = Invoke-Pester -Path $pesterTests.FullName -Output Detailed -PassThru
                if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
            }
            elseif ($pesterTests) {
                Write-Warning 'Pester 5 is not installed; skipped the Pester suite (Install-Module Pester -MinimumVersion 5.0).'
            }
        }
    }
}
