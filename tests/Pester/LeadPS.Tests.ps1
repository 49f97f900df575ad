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
