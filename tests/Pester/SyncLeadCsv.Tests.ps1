#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    The tests of samples/Sync-LeadCsv.ps1, the runbook to copy: how a runbook author tests a
    runbook offline against the Sandbox. Arrange with the Sandbox's seeding methods, act with the
    runbook, assert on what it returns and on the Sandbox's store and request log. Faults and
    throttling come from -SandboxOption; TimeScale makes retries and the rate window fast.
#>
param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-LeadPS
    $script:Runbook = Join-Path $RepoRoot 'samples/Sync-LeadCsv.ps1'

    function New-LeadCsv([object[]] $Rows, [string] $Name = 'leads.csv') {
        $path = Join-Path $TestDrive $Name
        $Rows | ForEach-Object { [pscustomobject]$_ } | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }

    function Get-UpsertRequest($Connection) {
        @($Connection.Sandbox.Requests.Snapshot() | Where-Object { $_.Method -eq 'PUT' -and $_.PathAndQuery -like '*/leads/upsert' })
    }

    $script:People = @(
        @{ name = 'Ada Lovelace'; email = 'ada@engine.example'; phone = '+44 20 7946 0001'; company = 'Analytical Engines'; Industry = 'Technology'; 'Estimated Budget' = '12000' }
        @{ name = 'Katherine Johnson'; email = 'kj@nasa.example'; phone = ''; company = 'NASA'; Industry = 'Technology'; 'Estimated Budget' = '' }
        @{ name = 'Hedy Lamarr'; email = 'hedy@mgm.example'; phone = ''; company = 'MGM'; Industry = 'Manufacturing'; 'Estimated Budget' = '800' }
    )
}

AfterAll {
    Remove-Module LeadPS -ErrorAction SilentlyContinue
}

Describe 'Sync-LeadCsv.ps1 on Copper' {
    BeforeEach {
        $copper = Connect-LeadApi -Platform Copper -Sandbox -Name sync-copper -PassThru -SandboxOption @{ TimeScale = 1000 }
        Get-ChildItem $TestDrive -Filter *.csv | Remove-Item
    }

    AfterEach {
        Disconnect-LeadApi -Connection $copper
    }

    Context 'a clean batch' {
        It 'upserts every row and reports no failure' {
            $csv = New-LeadCsv $People

            $result = & $Runbook -Path $csv -Connection $copper

            $result.Rows | Should -Be 3
            $result.Upserted | Should -Be 3
            $result.Failed | Should -Be 0
            $result.FailedPath | Should -BeNullOrEmpty
            $copper.Sandbox.Copper.Leads.Email | Sort-Object | Should -Be ($People.email | Sort-Object)
            Join-Path $TestDrive 'leads.failed.csv' | Should -Not -Exist
        }

        It 'stores the CSV values, custom fields by their column name and dropdowns by option name' {
            $csv = New-LeadCsv $People[0]

            $null = & $Runbook -Path $csv -Connection $copper

            $stored = $copper.Sandbox.Copper.Leads[0].Json | ConvertFrom-Json
            $stored.company_name | Should -Be 'Analytical Engines'
            $stored.phone_numbers[0].number | Should -Be '+44 20 7946 0001'
            ($stored.custom_fields | Where-Object custom_field_definition_id -EQ 131209).value | Should -Be 12000    # Estimated Budget
            ($stored.custom_fields | Where-Object custom_field_definition_id -EQ 103481).value | Should -Be 167084   # Industry = Technology
        }

        It 'updates an existing lead in place instead of adding one' {
            $id = $copper.Sandbox.Copper.SeedLead('Grace Hopper', 'grace@navy.example')
            $csv = New-LeadCsv @(@{ name = 'Rear Admiral Grace Hopper'; email = 'grace@navy.example' })

            $result = & $Runbook -Path $csv -Connection $copper

            $result.Leads[0].Id | Should -Be $id
            $copper.Sandbox.Copper.Leads.Count | Should -Be 1
            $copper.Sandbox.Copper.Leads[0].Name | Should -Be 'Rear Admiral Grace Hopper'
        }

        It 'can run twice on the same file: one lead per row, never a duplicate' {
            $csv = New-LeadCsv $People

            $null = & $Runbook -Path $csv -Connection $copper
            $second = & $Runbook -Path $csv -Connection $copper

            $second.Upserted | Should -Be 3
            $copper.Sandbox.Copper.Leads.Count | Should -Be 3
        }

        It 'sends one upsert request per row, matching on the chosen field' {
            $csv = New-LeadCsv $People

            $null = & $Runbook -Path $csv -Connection $copper -MatchField email

            $upserts = Get-UpsertRequest $copper
            $upserts.Count | Should -Be 3
            $upserts | ForEach-Object { ($_.Body | ConvertFrom-Json).match.field_name } | Should -Be @('email', 'email', 'email')
            $upserts | ForEach-Object { $_.StatusCode } | Should -Be @(200, 200, 200)
        }

        It 'takes the connection by name, and the default connection without -Connection' {
            $csv = New-LeadCsv $People[0]

            $byName = & $Runbook -Path $csv -Connection 'sync-copper'
            $byDefault = & $Runbook -Path $csv

            $byName.Upserted | Should -Be 1
            $byDefault.Upserted | Should -Be 1
            (Get-UpsertRequest $copper).Count | Should -Be 2
        }
    }

    Context 'failures' {
        It 'catches a conflict by its exception type, with the ids of the matching leads' {
            $ids = @($copper.Sandbox.Copper.SeedLead('Alan Turing', 'shared@bletchley.example'), $copper.Sandbox.Copper.SeedLead('Joan Clarke', 'shared@bletchley.example'))
            $csv = New-LeadCsv @(@{ name = 'Alan Turing'; email = 'shared@bletchley.example' })

            $result = & $Runbook -Path $csv -Connection $copper

            $result.Conflicts | Should -Be 1
            $failure = $result.Failures[0]
            $failure.Kind | Should -Be 'Conflict'
            $failure.Error.Exception | Should -BeOfType ([LeadPS.LeadMatchConflictException])
            $failure.ErrorId | Should -Be 'LeadMatchConflict'
            $failure.Error.Exception.MatchingLeadIds | Sort-Object | Should -Be ($ids | Sort-Object)
            $copper.Sandbox.Copper.Leads.Count | Should -Be 2
        }

        It 'rejects a bad row before any request, as Invalid, and goes on with the others' {
            $csv = New-LeadCsv @($People[0], @{ name = 'Bad Email'; email = 'not-an-address'; phone = ''; company = ''; Industry = ''; 'Estimated Budget' = '' })

            $result = & $Runbook -Path $csv -Connection $copper

            $result.Upserted | Should -Be 1
            $result.Failures.Kind | Should -Be 'Invalid'
            $result.Failures[0].Error.Exception | Should -BeOfType ([LeadPS.LeadValidationException])
            $result.Failures[0].Error.Exception.FieldName | Should -Be 'email'
            (Get-UpsertRequest $copper).Body -join "`n" | Should -Not -Match 'not-an-address'
        }

        It 'exports exactly the failed rows, with their original columns' {
            $null = $copper.Sandbox.Copper.SeedLead('Alan Turing', 'shared@bletchley.example')
            $null = $copper.Sandbox.Copper.SeedLead('Joan Clarke', 'shared@bletchley.example')
            $rows = @($People) + @(
                @{ name = 'Alan Turing'; email = 'shared@bletchley.example'; phone = ''; company = 'Bletchley Park'; Industry = 'Finance'; 'Estimated Budget' = '' }
                @{ name = 'Bad Budget'; email = 'budget@example.test'; phone = ''; company = ''; Industry = 'Technology'; 'Estimated Budget' = 'lots' }
            )
            $csv = New-LeadCsv $rows

            $result = & $Runbook -Path $csv -Connection $copper

            $result.FailedPath | Should -Be (Join-Path $TestDrive 'leads.failed.csv')
            $exported = @(Import-Csv $result.FailedPath)
            $exported.name | Sort-Object | Should -Be @('Alan Turing', 'Bad Budget')
            $exported[0].PSObject.Properties.Name | Should -Be (Import-Csv $csv)[0].PSObject.Properties.Name
            ($exported | Where-Object name -EQ 'Bad Budget').'Estimated Budget' | Should -Be 'lots'
        }

        It 'runs the fixed export again: the rows land and no new export is left' {
            $csv = New-LeadCsv @($People[0], @{ name = 'Bad Email'; email = 'not-an-address'; phone = ''; company = ''; Industry = ''; 'Estimated Budget' = '' })
            $first = & $Runbook -Path $csv -Connection $copper
            $fixed = Import-Csv $first.FailedPath | ForEach-Object { $_.email = 'bad.email@example.test'; $_ }
            $fixed | Export-Csv $first.FailedPath -NoTypeInformation

            $second = & $Runbook -Path $first.FailedPath -Connection $copper

            $second.Failed | Should -Be 0
            $second.Upserted | Should -Be 1
            $copper.Sandbox.Copper.Leads.Email | Should -Contain 'bad.email@example.test'
            Join-Path $TestDrive 'leads.failed.failed.csv' | Should -Not -Exist
        }

        It 'removes the export of an earlier run once every row succeeds' {
            $csv = New-LeadCsv @(@{ name = 'Bad Email'; email = 'not-an-address' })
            $null = & $Runbook -Path $csv -Connection $copper
            Join-Path $TestDrive 'leads.failed.csv' | Should -Exist
            New-LeadCsv @(@{ name = 'Bad Email'; email = 'fixed@example.test' }) | Out-Null

            $null = & $Runbook -Path $csv -Connection $copper

            Join-Path $TestDrive 'leads.failed.csv' | Should -Not -Exist
        }
    }

    Context '-WhatIf' {
        It 'sends no request, changes nothing and writes no export' {
            $null = $copper.Sandbox.Copper.SeedLead('Grace Hopper', 'grace@navy.example')
            $csv = New-LeadCsv (@($People) + @(@{ name = 'Bad Email'; email = 'not-an-address'; phone = ''; company = ''; Industry = ''; 'Estimated Budget' = '' }))
            $before = $copper.Sandbox.Requests.TotalCount

            $result = & $Runbook -Path $csv -Connection $copper -WhatIf

            $copper.Sandbox.Requests.TotalCount | Should -Be $before
            $copper.Sandbox.Copper.Leads.Count | Should -Be 1
            $result.Upserted | Should -Be 0
            $result.FailedPath | Should -BeNullOrEmpty
            Join-Path $TestDrive 'leads.failed.csv' | Should -Not -Exist
        }
    }
}

Describe 'Sync-LeadCsv.ps1 under throttling and faults (-SandboxOption)' {
    BeforeAll {
        $script:Batch = 1..12 | ForEach-Object { @{ name = "Lead $_"; email = "lead$_@batch.example" } }
    }

    BeforeEach {
        Get-ChildItem $TestDrive -Filter *.csv | Remove-Item
    }

    AfterEach {
        Get-LeadApiConnection | Disconnect-LeadApi
    }

    It 'rides out bursts of 429: every row lands once and the log shows the throttling' {
        $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -MaximumRetryCount 10 -SandboxOption @{
            Faults = 'TooManyRequests'; FaultRate = 0; ThrottleBurstLength = 2; TimeScale = 1000; RandomSeed = 7
        }
        $c.Sandbox.Options.FaultRate = 0.3
        $csv = New-LeadCsv $Batch

        $result = & $Runbook -Path $csv -Connection $c -WarningAction SilentlyContinue

        $result.Failed | Should -Be 0
        $c.Sandbox.Copper.Leads.Count | Should -Be 12
        @($c.Sandbox.Requests.Snapshot() | Where-Object { $_.StatusCode -eq 429 }).Count | Should -BeGreaterThan 0
    }

    It 'keeps to the rate budget: the pacing spares the rolling window its 429s' {
        # 12 upserts and 2 connect requests against a budget of 8 a minute; TimeScale 20 makes a minute 3 s.
        $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{ RequestsPerMinute = 8; TimeScale = 20 }
        $csv = New-LeadCsv $Batch

        $result = & $Runbook -Path $csv -Connection $c -WarningAction SilentlyContinue

        $result.Upserted | Should -Be 12
        # Unpaced, 6 of these 14 requests would meet a 429. One is tolerated: the client and the Sandbox
        # stamp a request a moment apart, and on a loaded machine that moment can straddle the window's edge.
        @($c.Sandbox.Requests.Snapshot() | Where-Object { $_.StatusCode -eq 429 }).Count | Should -BeLessOrEqual 1
    }

    It 'sorts rows that meet server errors past the retries as Transient; the export lands once the platform recovers' {
        $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -MaximumRetryCount 1 -SandboxOption @{ Faults = 'ServerError'; FaultRate = 0; TimeScale = 1000 }
        $c.Sandbox.Options.FaultRate = 1   # after connecting: every request from now on meets a 503
        $csv = New-LeadCsv $Batch[0..3]

        $first = & $Runbook -Path $csv -Connection $c -WarningAction SilentlyContinue
        $c.Sandbox.Options.FaultRate = 0
        $second = & $Runbook -Path $first.FailedPath -Connection $c

        $first.Failures.Kind | Should -Be @('Transient', 'Transient', 'Transient', 'Transient')
        $first.Failures[0].Error.Exception | Should -BeOfType ([LeadPS.LeadApiUnavailableException])
        @(Import-Csv $first.FailedPath).Count | Should -Be 4
        $second.Failed | Should -Be 0
        $c.Sandbox.Copper.Leads.Email | Sort-Object | Should -Be ($Batch[0..3].email | Sort-Object)
        @($c.Sandbox.Requests.Snapshot() | Where-Object Fault -EQ 'ServerError').Count | Should -Be 8   # 4 rows, 1 try + 1 retry each
    }

    It 'never makes a duplicate when connections drop, before or after the platform saw the request' {
        $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -MaximumRetryCount 6 -SandboxOption @{ Faults = 'DropConnection'; FaultRate = 0; TimeScale = 1000; RandomSeed = 11 }
        $c.Sandbox.Options.FaultRate = 0.3
        $csv = New-LeadCsv $Batch

        $first = & $Runbook -Path $csv -Connection $c -WarningAction SilentlyContinue
        if ($first.Failed) {
            $c.Sandbox.Options.FaultRate = 0
            $null = & $Runbook -Path $first.FailedPath -Connection $c
        }

        @($c.Sandbox.Requests.Snapshot() | Where-Object Fault -EQ 'DropConnection').Count | Should -BeGreaterThan 0
        $c.Sandbox.Copper.Leads.Count | Should -Be 12
        $c.Sandbox.Copper.Leads.Email | Sort-Object -Unique | Should -HaveCount 12
    }

    It 'keeps the credential out of the request log' {
        $token = 'tok-' + [guid]::NewGuid().ToString('N')
        $credential = [pscredential]::new('owner@example.test', (ConvertTo-SecureString $token -AsPlainText -Force))
        $c = Connect-LeadApi -Platform Copper -Sandbox -Credential $credential -PassThru
        $csv = New-LeadCsv $Batch[0..1]

        $null = & $Runbook -Path $csv -Connection $c

        $log = $c.Sandbox.Requests.Snapshot()
        $log.Count | Should -BeGreaterThan 2
        ($log | ForEach-Object { $_.Body; $_.Headers.Values } | Out-String) | Should -Not -Match $token
    }
}

Describe 'Sync-LeadCsv.ps1 on iVvy' {
    BeforeEach {
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -PassThru
        Get-ChildItem $TestDrive -Filter *.csv | Remove-Item
    }

    AfterEach {
        Disconnect-LeadApi -Connection $ivvy
    }

    It 'matches on name: updates the lead that exists, adds the one that does not' {
        $existing = $ivvy.Sandbox.Ivvy.SeedLead('Summit tech offsite', 208)
        $csv = New-LeadCsv @(
            @{ name = 'Summit tech offsite'; contactId = '208'; industryId = '22'; sourceId = '31'; typeId = '43'; stageId = '53'; description = 'Moved to March' }
            @{ name = 'Greenfield graduation'; contactId = '205'; industryId = '23'; sourceId = '34'; typeId = '44'; stageId = '51'; description = '' }
        )

        $result = & $Runbook -Path $csv -Connection $ivvy -MatchField name

        $result.Failed | Should -Be 0
        ($result.Leads | Where-Object Name -EQ 'Summit tech offsite').Outcome | Should -Be 'Updated'
        ($result.Leads | Where-Object Name -EQ 'Summit tech offsite').Id | Should -Be $existing
        ($result.Leads | Where-Object Name -EQ 'Greenfield graduation').Outcome | Should -Be 'Created'
        $ivvy.Sandbox.Ivvy.Leads.Count | Should -Be 2
        ($ivvy.Sandbox.Ivvy.Leads | Where-Object Id -EQ $existing).Description | Should -Be 'Moved to March'
    }

    It 'sorts a row that misses a required field as Invalid and exports it' {
        $csv = New-LeadCsv @(@{ name = 'Wedding enquiry'; contactId = '209'; industryId = '21'; sourceId = '33'; typeId = '42'; stageId = '' })

        $result = & $Runbook -Path $csv -Connection $ivvy -MatchField name

        $result.Failures.Kind | Should -Be 'Invalid'
        $result.Failures[0].Message | Should -Match 'stageId'
        (Import-Csv $result.FailedPath).name | Should -Be 'Wedding enquiry'
        $ivvy.Sandbox.Ivvy.Leads.Count | Should -Be 0
    }
}
