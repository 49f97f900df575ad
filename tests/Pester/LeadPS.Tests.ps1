#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
<#
    Pester 5 tests written the way runbook authors test against LeadPS: Sandbox connections,
    upserts, conflicts caught by type, -WhatIf. Run them with the rest of the suite:
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-LeadPS
}

AfterAll {
    Get-LeadApiConnection | Disconnect-LeadApi
    Remove-Module LeadPS -ErrorAction SilentlyContinue
}

Describe 'Connect-LeadApi against the Sandbox' {
    It 'connects to <Platform> without a credential' -TestCases @(
        @{ Platform = 'Copper' }, @{ Platform = 'Ivvy' }
    ) {
        $connection = Connect-LeadApi -Platform $Platform -Sandbox -Name "pester-$Platform" -PassThru
        $connection.Platform | Should -Be $Platform
        $connection.IsSandbox | Should -BeTrue
    }

    It 'refuses a credential the account does not accept, with a catchable type' {
        { Connect-LeadApi -Platform Copper -Sandbox -SandboxOption @{ CopperUserEmail = 'someone@else.test'; CopperApiToken = 'x' } } |
            Should -Throw -ExceptionType ([LeadPS.LeadApiUnauthorizedException]) -ErrorId 'LeadApiUnauthorized*'
    }
}

Describe 'Invoke-LeadUpsert on Copper' {
    BeforeEach {
        $copper = Connect-LeadApi -Platform Copper -Sandbox -Name copper -PassThru
    }

    It 'creates a lead from a CSV row, then updates the same lead' {
        $row = [pscustomobject]@{ name = 'Ada Lovelace'; email = 'ada@example.test'; phone = '+44 20 7946 0001' }
        $first = $row | Invoke-LeadUpsert -Connection $copper -MatchField email
        $second = [pscustomobject]@{ name = 'Ada King'; email = 'ada@example.test' } | Invoke-LeadUpsert -Connection $copper -MatchField email

        $second.Id | Should -Be $first.Id
        $second.Name | Should -Be 'Ada King'
        $copper.Sandbox.Copper.Leads.Count | Should -Be 1
    }

    It 'reports a conflict with the matching ids, catchable by type' {
        $ids = 1..2 | ForEach-Object { $copper.Sandbox.Copper.SeedLead('Twin', 'twin@example.test') }

        try {
            @{ name = 'Twin'; email = 'twin@example.test' } | Invoke-LeadUpsert -Connection $copper -ErrorAction Stop
            throw 'expected a conflict'
        }
        catch [LeadPS.LeadMatchConflictException] {
            $_.FullyQualifiedErrorId | Should -BeLike 'LeadMatchConflict*'
            $_.Exception.MatchingLeadIds | Sort-Object | Should -Be ($ids | Sort-Object)
        }
    }

    It 'writes one error per bad row, with the row as TargetObject, and goes on' {
        $rows = @(
            [pscustomobject]@{ name = 'Good'; email = 'good@example.test' }
            [pscustomobject]@{ name = 'Bad'; email = 'not-an-address' }
        )
        $out = $rows | Invoke-LeadUpsert -Connection $copper -ErrorVariable failed -ErrorAction SilentlyContinue

        @($out).Count | Should -Be 1
        $failed.Count | Should -Be 1
        $failed[0].TargetObject | Should -Be $rows[1]
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'LeadInvalid*'
    }

    It 'sends nothing under -WhatIf' {
        $before = $copper.Sandbox.Requests.TotalCount
        @{ name = 'Maybe'; email = 'maybe@example.test' } | Invoke-LeadUpsert -Connection $copper -WhatIf
        $copper.Sandbox.Requests.TotalCount | Should -Be $before
    }
}

Describe 'Set-Lead and Get-Lead on iVvy' {
    BeforeEach {
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -Name ivvy -PassThru
    }

    It 'adds a contact lead with catalogue ids and reads it back' {
        $lead = Set-Lead -Connection $ivvy -Name 'Offsite' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51
        $lead.Outcome | Should -Be 'Created'
        (Get-Lead -Connection $ivvy -Id $lead.Id).Name | Should -Be 'Offsite'
    }

    It 'names the missing field before sending anything' {
        $before = $ivvy.Sandbox.Requests.TotalCount
        $err = $null
        Set-Lead -Connection $ivvy -Name 'No stage' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.FieldName | Should -Be 'stageId'
        $ivvy.Sandbox.Requests.TotalCount | Should -Be $before
    }

    It 'updates by piping Get-Lead into Set-Lead' {
        $id = $ivvy.Sandbox.Ivvy.SeedLead('Piped', 208)
        Get-Lead -Connection $ivvy -Id $id | Set-Lead -Connection $ivvy -Description 'updated through the pipeline'
        $ivvy.Sandbox.Ivvy.Leads[0].Description | Should -Be 'updated through the pipeline'
    }
}

Describe 'Batch semantics a runbook can rely on' {
    BeforeEach {
        $copper = Connect-LeadApi -Platform Copper -Sandbox -Name batch-copper -PassThru -SandboxOption @{ Latency = [timespan]::FromMilliseconds(20) }
        $ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -Name batch-ivvy -PassThru
    }

    It 'keeps the last of 8 rows sharing an e-mail at -ThrottleLimit 8' {
        $out = 1..8 | ForEach-Object { [pscustomobject]@{ name = "Dup version $_"; email = 'dup@example.test' } } |
            Invoke-LeadUpsert -Connection $copper -MatchField email -ThrottleLimit 8
        $out.Count | Should -Be 8
        (Get-Lead -Connection $copper -Email dup@example.test).Name | Should -Be 'Dup version 8'
    }

    It 'returns the whole iVvy lead after an update by id' {
        $new = Set-Lead -Connection $ivvy -Name 'Board dinner' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51 -Description 'Twelve guests'
        $updated = Set-Lead -Connection $ivvy -Id $new.Id -StageId 53
        $updated.Name | Should -Be 'Board dinner'
        $updated.Description | Should -Be 'Twelve guests'
        $updated.StageId | Should -Be 53
    }

    It 'names every bad cell of a row in one error, and reads them with -Culture' {
        $row = [pscustomobject]@{ name = 'Row'; email = 'row@example.test'; monetary_value = '1,200'; 'Expected Close Date' = '31/05/2024' }
        $row | Invoke-LeadUpsert -Connection $copper -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].Exception.InvalidFields | Should -Be @('monetary_value', 'Expected Close Date')
        ($row | Invoke-LeadUpsert -Connection $copper -Culture en-GB).Fields.monetary_value | Should -Be 1200
    }

    It 're-runs a failed Set-Lead from its TargetObject without warnings' {
        Set-Lead -Connection $ivvy -Id 424242 -StageId 53 -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].TargetObject.Keys | Should -Be @('id', 'stageId')
        $failed.TargetObject | Set-Lead -Connection $ivvy -ErrorVariable again -ErrorAction SilentlyContinue -WarningVariable warned
        $warned.Count | Should -Be 0
        $again[0].FullyQualifiedErrorId | Should -BeLike 'LeadNotFound*'
    }

    It 'clears a field only when asked' {
        [pscustomobject]@{ name = 'Clear'; email = 'clear@example.test'; title = 'CTO' } | Invoke-LeadUpsert -Connection $copper | Out-Null
        ([pscustomobject]@{ email = 'clear@example.test'; title = '' } | Invoke-LeadUpsert -Connection $copper).Fields.title | Should -Be 'CTO'
        ([pscustomobject]@{ email = 'clear@example.test'; title = '' } | Invoke-LeadUpsert -Connection $copper -EmptyValue Clear).Fields.title | Should -BeNullOrEmpty
    }
}

Describe 'Start-LeadSandbox for any HTTP client' {
    AfterEach {
        $server | Stop-LeadSandbox
    }

    It 'answers Invoke-RestMethod with the well-known Copper credential and searches by city' {
        $server = Start-LeadSandbox -Platform Copper
        $headers = @{ 'X-PW-AccessToken' = $server.Secret; 'X-PW-Application' = 'developer_api'; 'X-PW-UserEmail' = $server.UserName }
        $body = @{ name = 'Ada Lovelace'; address = @{ city = 'London' } } | ConvertTo-Json
        $created = Invoke-RestMethod -Method Post -Uri "$($server.BaseUri)leads" -Headers $headers -ContentType 'application/json' -Body $body
        $found = Invoke-RestMethod -Method Post -Uri "$($server.BaseUri)leads/search" -Headers $headers -ContentType 'application/json' -Body '{"city":"london","sort_by":"city"}'
        @($found).id | Should -Be $created.id
    }

    It 'lets Connect-LeadApi reach an iVvy Sandbox over loopback HTTP' {
        $server = Start-LeadSandbox -Platform Ivvy
        $connection = Connect-LeadApi -Platform Ivvy -BaseUri $server.BaseUri -Credential $server.Credential -PassThru
        Set-Lead -Connection $connection -Name 'Loopback lead' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51
        $server.Sandbox.Ivvy.Leads.Name | Should -Be 'Loopback lead'
        Disconnect-LeadApi -Connection $connection
    }

    It 'stops listening when stopped' {
        $server = Start-LeadSandbox -Platform Copper
        $server | Stop-LeadSandbox
        $server.IsRunning | Should -BeFalse
        { Invoke-RestMethod -Uri "$($server.BaseUri)account" -TimeoutSec 5 } | Should -Throw
    }
}
