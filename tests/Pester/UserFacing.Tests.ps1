#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    What a user meets in a real pwsh: format views at 80 columns, connections by name (also in
    ForEach-Object -Parallel), parameter errors as the help describes them, online help, messages,
    the README's sample and the package installed from a repository.
#>
param([string] $Configuration = 'Debug')

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-LeadPS
    $commands = @(Get-Command -Module LeadPS | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-LeadPS

    function Get-Lines([string] $Text) { @($Text -split "`r?`n" | Where-Object { $_.Trim() }) }
}

AfterAll {
    Get-LeadApiConnection | Disconnect-LeadApi
    Remove-Module LeadPS -ErrorAction SilentlyContinue
}

Describe 'Format views at 80 columns' {
    BeforeAll {
        Get-LeadApiConnection | Disconnect-LeadApi
        $copper = Connect-LeadApi -Platform Copper -Sandbox -Name 'copper-production-eu-west' -PassThru
        $copperLead = @{ name = 'Katherine Johnson-Goble'; email = 'katherine.johnson@nasa.example'; company = 'National Aeronautics' } |
            Invoke-LeadUpsert -Connection $copper -MatchField email
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -Name 'events-and-functions' -PassThru
        $ivvyLead = Set-Lead -Connection $ivvy -Name 'Harbourside Christmas party for 120' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51 -Description 'a fairly long description'
    }

    # 79 too: pwsh formats for one column less than the console when its output is redirected.
    It 'the <Kind> table keeps every column within 80 characters' -TestCases @(
        @{ Kind = 'Copper'; Columns = 'Outcome', 'Id', 'Name', 'Email', 'Status', 'CompanyName' }
        @{ Kind = 'iVvy'; Columns = 'Outcome', 'Id', 'Name', 'ContactId', 'CompanyId', 'StageId', 'Description' }
        @{ Kind = 'connection'; Columns = 'Name', 'Platform', 'Default', 'UserName', 'Account', 'Endpoint' }
    ) {
        $item = switch ($Kind) { 'Copper' { $copperLead } 'iVvy' { $ivvyLead } default { Get-LeadApiConnection } }

        foreach ($width in 80, 79) {
            $lines = Get-Lines ($item | Format-Table | Out-String -Width $width)

            @($lines[0] -split '\s+' | Where-Object { $_ }) | Should -Be $Columns -Because "the header at $width columns"
            $lines[1] | Should -Match '^-'
            $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual $width }
        }
    }

    It 'Get-LeadApiConnection shows Default as a word in a column, also through Out-String' {
        $lines = Get-Lines (Get-LeadApiConnection | Out-String -Width 80)

        $lines.Count | Should -Be 4    # header, dashes, one row per connection
        $lines[2] | Should -Match '^copper-\S*\s+Copper\s+False\s'
        $lines[3] | Should -Match '^events-\S*\s+Ivvy\s+True\s'
    }

    It 'the <Kind> list starts with Id and Name' -TestCases @(@{ Kind = 'Copper' }, @{ Kind = 'iVvy' }) {
        $item = if ($Kind -eq 'Copper') { $copperLead } else { $ivvyLead }

        $lines = Get-Lines ($item | Format-List | Out-String -Width 80)

        $lines[0] | Should -Match "^Id\s+: $($item.Id)$"
        $lines[1] | Should -Match "^Name\s+: $([regex]::Escape($item.Name))$"
    }
}

Describe 'Connections by name' {
    BeforeEach {
        Get-LeadApiConnection | Disconnect-LeadApi
        $first = Connect-LeadApi -Platform Copper -Sandbox -Name first -PassThru
        $second = Connect-LeadApi -Platform Ivvy -Sandbox -Name second -PassThru
    }

    It 'Disconnect-LeadApi -Connection takes a name, like the other commands' {
        Disconnect-LeadApi -Connection first

        (Get-LeadApiConnection).Name | Should -Be 'second'
    }

    It 'Disconnect-LeadApi -Connection takes several names' {
        Disconnect-LeadApi -Connection first, second

        Get-LeadApiConnection | Should -BeNullOrEmpty
    }

    It 'an unknown name is refused, naming it and what to do' {
        { Disconnect-LeadApi -Connection nosuch -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError*' -ExpectedMessage "*'nosuch'*"
        (Get-LeadApiConnection).Count | Should -Be 2
    }

    It 'the help of every -Connection says it takes a name' {
        foreach ($name in 'Invoke-LeadUpsert', 'Set-Lead', 'Get-Lead', 'Disconnect-LeadApi') {
            (Get-Help $name -Parameter Connection).description.Text -join ' ' | Should -Match 'name' -Because "$name -Connection"
        }
    }

    It 'in ForEach-Object -Parallel a parent name does not resolve, and the error says to pass $using:' {
        $errors = 1 | ForEach-Object -Parallel {
            Import-Module $using:ModuleManifest
            try { Get-Lead -Connection first -Id 1 -ErrorAction Stop } catch { $_ }
        }

        "$errors" | Should -Match "no LeadPS connection named 'first' in this runspace"
        "$errors" | Should -Match '\$using:'
    }

    It 'in ForEach-Object -Parallel the connection passed with $using: serves every runspace' {
        $rows = 1..6 | ForEach-Object { @{ name = "Parallel $_"; email = "parallel$_@example.test" } }

        $leads = $rows | ForEach-Object -Parallel {
            Import-Module $using:ModuleManifest
            $_ | Invoke-LeadUpsert -Connection $using:first -MatchField email
        } -ThrottleLimit 3

        @($leads).Count | Should -Be 6
        $first.Sandbox.Copper.Leads.Count | Should -Be 6
    }
}

Describe 'Connect-LeadApi parameter errors agree with the help' {
    It '-Sandbox with -<Parameter> is refused with AmbiguousParameterSet, as the help says' -TestCases @(
        @{ Parameter = 'Region'; Value = 'AU' }
        @{ Parameter = 'BaseUri'; Value = 'https://example.test/' }
        @{ Parameter = 'Proxy'; Value = 'http://127.0.0.1:3128' }
    ) {
        $arguments = @{ Platform = 'Ivvy'; Sandbox = $true; $Parameter = $Value }

        { Connect-LeadApi @arguments } | Should -Throw -ErrorId 'AmbiguousParameterSet*'
        (Get-Help Connect-LeadApi -Parameter Sandbox).description.Text -join ' ' | Should -Match 'AmbiguousParameterSet'
    }

    It 'an unusable -BaseUri names the parameter once' {
        $credential = [pscredential]::new('key', (ConvertTo-SecureString 'secret' -AsPlainText -Force))

        $failure = try { Connect-LeadApi -Platform Ivvy -Credential $credential -BaseUri 'ftp://example.test/' } catch { $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidConnectParameter*'
        $failure.TargetObject | Should -Be 'BaseUri'
        ([regex]::Matches($failure.Exception.Message, '\(Parameter ')).Count | Should -Be 1
    }
}

Describe 'Online help' {
    It '<Name> has a HelpUri whose page is in docs/cmdlets' -ForEach $commands {
        $uri = (Get-Command $Name).HelpUri
        $page = Join-Path $RepoRoot "docs/cmdlets/$Name.md"

        $uri | Should -Be "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/$Name.md"
        $page | Should -Exist
        (Get-Content $page -TotalCount 1) | Should -Be "# $Name"
        Get-Content $page -Raw | Should -Match ([regex]::Escape((Get-Help $Name).Synopsis.Trim()))
    }

    It 'Get-Help -Online opens the cmdlet''s page' {
        # The browser pwsh starts is xdg-open on Linux: a stand-in records the address it was given.
        $bin = Join-Path $TestDrive 'bin'
        $null = New-Item -ItemType Directory $bin -Force
        $opened = Join-Path $TestDrive 'opened.txt'
        Set-Content (Join-Path $bin 'xdg-open') "#!/bin/sh`necho `"`$1`" > '$opened'`n"
        chmod +x (Join-Path $bin 'xdg-open')

        $run = Invoke-NewPwsh "Import-Module '$ModuleManifest'; Get-Help Set-Lead -Online" -Environment @{ PATH = "$bin$([System.IO.Path]::PathSeparator)$env:PATH" }

        $run.ExitCode | Should -Be 0 -Because $run.Output
        (Get-Content $opened -Raw).Trim() | Should -Be 'https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Set-Lead.md'
    } -Skip:(-not $IsLinux)

    It 'Update-Help fails gracefully: one error, naming the module and pointing to Get-Help -Online' {
        # In a new pwsh with a home of its own: Update-Help creates the user's module folder first.
        $home_ = Join-Path $TestDrive 'help-home'
        $run = Invoke-NewPwsh -Environment (New-IsolatedHome $home_) -WorkingDirectory $home_ -Script (
            "Import-Module '$ModuleManifest'; " +
            "Update-Help -Module LeadPS -UICulture en-US -ErrorVariable failed -ErrorAction SilentlyContinue; " +
            "'errors: ' + `$failed.Count; `$failed | ForEach-Object { 'error: ' + (`"`$_`" -replace '\s+', ' ') }")

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'errors: 1'
        $run.Output | Should -Match "error: .*'LeadPS'.*Get-Help -Online"
    }
}

Describe 'Messages' {
    BeforeEach {
        Get-LeadApiConnection | Disconnect-LeadApi
    }

    It 'say iVvy, the brand, when they name the platform' {
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -PassThru
        $lead = $ivvy.Sandbox.Ivvy.SeedLead('Offsite', 208)

        @{ name = 'Offsite'; favourite = 'blue' } | Invoke-LeadUpsert -MatchField name -WarningVariable warned -WarningAction SilentlyContinue | Out-Null

        "$warned" | Should -Match "'favourite' is not a lead field of iVvy"
        "$($ivvy.Sandbox)" | Should -Match '^iVvy Sandbox'
        "$(Get-Lead -Id $lead)" | Should -Match "^iVvy lead $lead "
    }

    It 'name an update by id without an empty name' {
        $null = Connect-LeadApi -Platform Ivvy -Sandbox

        $verbose = Set-Lead -Id 99999 -StageId 52 -Verbose -ErrorAction SilentlyContinue 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        "$verbose" | Should -Match 'target "iVvy lead 99999"'
        "$verbose" | Should -Not -Match "''"
    }

    It 'count in the singular for one' {
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -PassThru    # one request: the ping
        $sandboxText = "$($ivvy.Sandbox)"

        $verbose = Set-Lead -Connection $ivvy -Id 99999 -StageId 52 -ThrottleLimit 1 -Verbose -ErrorAction SilentlyContinue 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }

        $sandboxText | Should -Be 'iVvy Sandbox (1 request received)'
        "$verbose" | Should -Match 'up to 1 request in flight'
        "$verbose" | Should -Not -Match '\b1 requests\b'
    }

    It '-Verbose writes one line per input: <Command>' -TestCases @(
        @{ Command = 'Invoke-LeadUpsert on Copper'; Platform = 'Copper'; Script = { $rows | Invoke-LeadUpsert -MatchField email -Verbose 4>&1 } }
        @{ Command = 'Invoke-LeadUpsert on iVvy'; Platform = 'Ivvy'; Script = { $rows | Invoke-LeadUpsert -MatchField name -Verbose 4>&1 } }
        @{ Command = 'Set-Lead on Copper'; Platform = 'Copper'; Script = { $rows | Set-Lead -Verbose 4>&1 } }
    ) {
        $null = Connect-LeadApi -Platform $Platform -Sandbox
        $rows = 1..3 | ForEach-Object {
            [pscustomobject]@{ name = "Verbose $_"; email = "verbose$_@example.test"; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }
        }
        if ($Platform -eq 'Copper') { $rows = $rows | Select-Object name, email }

        $verbose = @(& $Script | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        foreach ($row in $rows) {
            @($verbose | Where-Object { $_.Message -match [regex]::Escape($row.name) }).Count | Should -Be 1 -Because "one verbose line for $($row.name): $($verbose.Message -join ' | ')"
        }
    }

    It 'retry notices read as one sentence' {
        $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -MaximumRetryCount 1 -SandboxOption @{ Faults = 'ServerError'; FaultRate = 0; TimeScale = 1000 }
        $c.Sandbox.Options.FaultRate = 1

        $records = @{ name = 'Retry'; email = 'retry@example.test' } | Invoke-LeadUpsert -Verbose -ErrorAction SilentlyContinue -WarningAction SilentlyContinue 4>&1 3>&1
        $notices = @($records | Where-Object { ($_ -is [System.Management.Automation.VerboseRecord] -or $_ -is [System.Management.Automation.WarningRecord]) -and "$_" -match 'retr' })

        $notices.Count | Should -BeGreaterThan 0
        $notices | ForEach-Object { "$_" | Should -Not -Match '\.;' }
    }
}

Describe 'The README''s sample, run in a new pwsh' {
    It 'reports created, updated and failed rows of both platforms' {
        $run = Invoke-NewPwsh "& ./samples/Invoke-SampleRunbook.ps1" -Environment @{ NO_COLOR = '1' }
        $output = $run.Output

        $run.ExitCode | Should -Be 0 -Because $output
        $output | Should -Not -Match "`e\["
        $output | Should -Match 'Upserted\s+8982702\s+Grace Hopper'
        $output | Should -Match 'Upserted\s+\d+\s+Ada Lovelace'
        $output | Should -Match 'Conflict\s+Alan Turing\s+LeadMatchConflict'
        $output | Should -Match 'Invalid\s+Bad Budget\s+LeadInvalid'
        $output | Should -Match 'Invalid\s+Bad Email\s+LeadInvalid'
        $output | Should -Match '== Copper: 6 rows, 3 upserted, 3 failed \(1 conflict\); failed rows in leads.failed.csv'
        $output | Should -Match '== Copper: leads now in the Sandbox: 5'
        $output | Should -Match 'Created\s+1001 Harbourside Christma'
        $output | Should -Match "Wedding enquiry\s+LeadInvalid\s+Cannot add the iVvy lead: 'stageId' is missing"
        $output | Should -Match 'Updated\s+1002 Summit tech offsite'
        $output | Should -Match 'Created\s+1003 Greenfield graduation'
        $output | Should -Match '== iVvy: leads now in the Sandbox: 3'
    }
}

Describe 'The package' {
    It 'installs from a local repository with Install-PSResource and imports by name in a new process' {
        $package = @(Get-ChildItem (Join-Path $RepoRoot 'out/package') -Filter 'LeadPS.*.nupkg')
        $package.Count | Should -Be 1
        # A user of its own: repositories and modules go under this test's folder, not the real user's.
        $home_ = Join-Path $TestDrive 'home'
        $environment = New-IsolatedHome $home_

        $install = Invoke-NewPwsh -Environment $environment -WorkingDirectory $home_ -Script (
            "`$ErrorActionPreference = 'Stop'; " +
            "Register-PSResourceRepository -Name LeadPSLocal -Uri '$($package[0].DirectoryName)' -Trusted; " +
            "Install-PSResource -Name LeadPS -Repository LeadPSLocal -Scope CurrentUser -TrustRepository -Quiet; " +
            "(Get-InstalledPSResource -Name LeadPS).Version.ToString()")
        $use = Invoke-NewPwsh -Environment $environment -WorkingDirectory $home_ -Script (
            "`$ErrorActionPreference = 'Stop'; Import-Module LeadPS; " +
            "`$m = Get-Module LeadPS; `$m.ModuleBase; `$m.ExportedCmdlets.Count; " +
            "(Get-FileHash (Join-Path `$m.ModuleBase 'LeadPS.dll')).Hash; " +
            "(Connect-LeadApi -Platform Copper -Sandbox -PassThru).Platform")

        $install.ExitCode | Should -Be 0 -Because $install.Output
        $install.Output.Trim() | Should -Be (Import-PowerShellDataFile $ModuleManifest).ModuleVersion
        $use.ExitCode | Should -Be 0 -Because $use.Output
        $lines = Get-Lines $use.Output
        $lines[0] | Should -BeLike "$home_*"
        [int]$lines[1] | Should -Be (Get-Command -Module LeadPS).Count
        $lines[2] | Should -Be (Get-FileHash (Join-Path $RepoRoot "src/LeadPS/bin/$Configuration/netstandard2.0/LeadPS.dll")).Hash -Because "the package holds the $Configuration build"
        $lines[3] | Should -Be 'Copper'
    }

    It 'refuses to pack a module folder that is not of the configuration asked for' {
        $other = if ($Configuration -eq 'Release') { 'Debug' } else { 'Release' }
        $package = Get-ChildItem (Join-Path $RepoRoot 'out/package') -Filter 'LeadPS.*.nupkg'
        $before = (Get-FileHash $package.FullName).Hash

        $output = & dotnet pack (Join-Path $RepoRoot 'src/LeadPS.Package/LeadPS.Package.csproj') -c $other --no-build 2>&1 | Out-String

        $LASTEXITCODE | Should -Not -Be 0
        $output | Should -Match "not the $other build|no $other build"
        $output | Should -Match 'nothing packed'
        (Get-FileHash $package.FullName).Hash | Should -Be $before
    }
}
