<#
.SYNOPSIS
    Builds, tests, runs the sample and packs the LeadPS module. A thin wrapper over dotnet.
.DESCRIPTION
    Clean   removes build output (bin, obj, out, TestResults).
    Build   builds the solution; the module is laid out, ready to import, in out/LeadPS.
    Sample  builds the module, then runs samples/Invoke-SampleRunbook.ps1 against the Sandbox.
    Test    packs the module (as Package does), runs the xunit suites (dotnet test), then the Pester
            suite in this pwsh. Pester 5 is taken from the installed modules, else from the Pester
            package that build/pester/Pester.Restore.csproj restores. Prints one line per suite:
            "<suite> - Failed: N, Passed: N, Skipped: N, Total: N".
    Package builds the requested configuration, checks the module folder it packs (every file there,
            the DLLs of that configuration), makes out/package/LeadPS.<version>.nupkg with the module
            files at the package root, and checks the package's content. Any mismatch fails the task.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Sample
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test -Configuration Release
.EXAMPLE
    ./build.ps1 -Task Clean, Package -Configuration Release   # in pwsh; from sh: -Task Clean,Package
#>
[CmdletBinding()]
param(
    # Also 'Build,Test' as one word: a shell running `pwsh ./build.ps1 -Task ...` passes strings, not arrays.
    [ArgumentCompletions('Clean', 'Build', 'Sample', 'Test', 'Package')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$steps = @(($Task -join ',') -split '[,\s]+' | Where-Object { $_ })
$unknown = @($steps | Where-Object { $_ -notin 'Clean', 'Build', 'Sample', 'Test', 'Package' })
if ($unknown) { throw "Unknown task: $($unknown -join ', '). Tasks: Clean, Build, Sample, Test, Package." }
$moduleFolder = Join-Path $root 'out/LeadPS'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

# Every file of the module folder is in the package, byte for byte. (The package project has already
# refused a module folder that is incomplete or not of this configuration.)
function Assert-PackageContent([string] $Package) {
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    $sha = [System.Security.Cryptography.SHA256]::Create()
    $zip = [System.IO.Compression.ZipFile]::OpenRead($Package)
    try {
        $packed = @{}
        foreach ($entry in $zip.Entries) {
            $stream = $entry.Open()
            try { $packed[$entry.FullName] = [System.BitConverter]::ToString($sha.ComputeHash($stream)).Replace('-', '') }
            finally { $stream.Dispose() }
        }

        $files = @(Get-ChildItem $moduleFolder -File -Recurse)
        if ($files.Count -eq 0) { throw "The module folder $moduleFolder is empty." }
        foreach ($file in $files) {
            $name = [System.IO.Path]::GetRelativePath($moduleFolder, $file.FullName).Replace('\', '/')
            if (-not $packed.ContainsKey($name)) { throw "$Package lacks $name." }
            if ($packed[$name] -ne (Get-FileHash $file.FullName -Algorithm SHA256).Hash) { throw "$Package holds another $name than $moduleFolder." }
        }
    }
    finally {
        $zip.Dispose()
        $sha.Dispose()
    }
}

function Invoke-Package {
    $packageFolder = Join-Path $root 'out/package'
    Get-ChildItem $packageFolder -Filter 'LeadPS.*.nupkg' -ErrorAction SilentlyContinue | Remove-Item -Force
    # Building the package project builds the module in this configuration, lays it out and packs it.
    Invoke-Dotnet build (Join-Path $root 'src/LeadPS.Package/LeadPS.Package.csproj') -c $Configuration
    $package = @(Get-ChildItem $packageFolder -Filter 'LeadPS.*.nupkg' -ErrorAction SilentlyContinue)
    if ($package.Count -ne 1) { throw "Expected one package in $packageFolder, found $($package.Count)." }
    Assert-PackageContent $package[0].FullName
    Write-Host "Package ready ($Configuration, $([math]::Round($package[0].Length / 1KB)) KB): $($package[0].FullName)"
}

function Import-Pester {
    $installed = Get-Module -ListAvailable Pester | Where-Object Version -ge '5.0.0' | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) {
        Import-Module $installed -Force
        return
    }

    # The pinned Pester package: restore it, then find the module under tools/ in the package folder.
    $project = Join-Path $root 'build/pester/Pester.Restore.csproj'
    Invoke-Dotnet restore $project --verbosity quiet
    $assets = Get-Content (Join-Path $root 'build/pester/obj/project.assets.json') -Raw | ConvertFrom-Json
    $packages = @($assets.packageFolders.PSObject.Properties.Name)[0]
    $download = @($assets.project.frameworks.PSObject.Properties.Value.downloadDependencies | Where-Object name -eq 'Pester')[0]
    $version = $download.version.Trim('[]').Split(',')[0].Trim()
    Import-Module (Join-Path $packages "pester/$version/tools/Pester.psd1") -Force
}

function Invoke-PesterSuite {
    Import-Pester
    $config = New-PesterConfiguration
    # The suite learns the configuration under test: the package test checks it installed that build.
    $config.Run.Container = New-PesterContainer -Path (Join-Path $root 'tests/Pester') -Data @{ Configuration = $Configuration }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    # Plain text in logs (CI): no colour codes around the lines .ci/run reads.
    if ([Console]::IsOutputRedirected) { $config.Output.RenderMode = 'Plaintext' }
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = Join-Path $root 'TestResults/pester.xml'
    $result = Invoke-Pester -Configuration $config
    # A failed BeforeAll or file counts as a failure too: its tests would otherwise look merely not run.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    $skipped = $result.SkippedCount + $result.NotRunCount
    Write-Host ("Pester - Failed: {0}, Passed: {1}, Skipped: {2}, Total: {3}" -f $failed, $result.PassedCount, $skipped, $result.TotalCount)
    return $failed -eq 0 -and $result.PassedCount -gt 0 -and $result.Result -eq 'Passed'
}

foreach ($step in $steps) {
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
            Write-Host "Module ready: $moduleFolder"
        }
        'Sample' {
            # The sample needs the module: build it (quick when it is up to date), then run the runbook here.
            Invoke-Dotnet build (Join-Path $root 'src/LeadPS/LeadPS.csproj') -c $Configuration --verbosity quiet
            # Table headers in plain text when the output goes to a file or a CI log, not escape codes.
            if ($PSStyle -and [Console]::IsOutputRedirected) { $PSStyle.OutputRendering = 'PlainText' }
            & (Join-Path $root 'samples/Invoke-SampleRunbook.ps1')
        }
        'Package' { Invoke-Package }
        'Test' {
            Invoke-Package
            # Both suites run even when the first fails, so one run reports every failure.
            & dotnet test (Join-Path $root 'LeadPS.sln') -c $Configuration
            $xunitExitCode = $LASTEXITCODE
            $pesterPassed = Invoke-PesterSuite
            if ($xunitExitCode -ne 0) { throw "dotnet test failed with exit code $xunitExitCode." }
            if (-not $pesterPassed) { throw 'The Pester suite failed.' }
        }
    }
}
