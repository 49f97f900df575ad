<#
.SYNOPSIS
    A sample runbook: pushes a realistic batch of leads into Copper and iVvy through LeadPS,
    against the embedded Sandbox, and reports what happened to each row.
.DESCRIPTION
    Copper: a CSV goes through Sync-LeadCsv.ps1 (the runbook to copy): new leads, an existing one
    (updated in place), a row whose e-mail matches two leads (a conflict, sorted by its exception
    type) and bad rows (rejected before any request), exported to a .failed.csv to fix and re-run.
    iVvy: Set-Lead adds leads with catalogue ids, one row misses a required field; then
    Invoke-LeadUpsert updates one of them by name.

    Uses only PowerShell's core cmdlets, so it runs in pwsh and Windows PowerShell 5.1:
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Sample
#>
[CmdletBinding()]
param()

$ErrorActionPreference = 'Stop'
if (-not (Get-Module LeadPS)) {
    Import-Module (Join-Path $PSScriptRoot '../out/LeadPS/LeadPS.psd1')
}

function Show-Failures {
    param([System.Collections.ArrayList] $Failures)
    foreach ($failure in $Failures) {
        $row = $failure.TargetObject
        [pscustomobject]@{
            Row     = if ($row.name) { $row.name } elseif ($row.Name) { $row.Name } else { '(no name)' }
            ErrorId = $failure.FullyQualifiedErrorId.Split(',')[0]
            Message = if ($failure.ErrorDetails) { $failure.ErrorDetails.Message } else { $failure.Exception.Message }
        }
    }
}

# ---------------------------------------------------------------- Copper
$copper = Connect-LeadApi -Platform Copper -Sandbox -Name CopperSandbox -PassThru
# Leads that already exist in the account: one to update, two that share an e-mail.
$null = $copper.Sandbox.Copper.SeedLead('Grace Hopper', 'grace@navy.example')
$null = $copper.Sandbox.Copper.SeedLead('Alan Turing', 'shared@bletchley.example')
$null = $copper.Sandbox.Copper.SeedLead('Joan Clarke', 'shared@bletchley.example')

# A CSV as an export from another system gives it: custom fields by their column name.
$work = Join-Path ([System.IO.Path]::GetTempPath()) "leadps-sample-$PID"
$null = New-Item -ItemType Directory -Path $work -Force
$csv = Join-Path $work 'leads.csv'
@(
    [pscustomobject]@{ name = 'Ada Lovelace';   email = 'ada@engine.example';        phone = '+44 20 7946 0001'; company = 'Analytical Engines'; Industry = 'Technology'; 'Estimated Budget' = '12000' }
    [pscustomobject]@{ name = 'Grace Hopper';   email = 'grace@navy.example';        phone = '+1 202 555 0142';  company = 'US Navy';            Industry = 'Manufacturing'; 'Estimated Budget' = '50000' }
    [pscustomobject]@{ name = 'Katherine Johnson'; email = 'kj@nasa.example';        phone = '';                 company = 'NASA';               Industry = 'Technology'; 'Estimated Budget' = '' }
    [pscustomobject]@{ name = 'Alan Turing';    email = 'shared@bletchley.example';  phone = '';                 company = 'Bletchley Park';     Industry = 'Finance';    'Estimated Budget' = '' }
    [pscustomobject]@{ name = 'Bad Budget';     email = 'budget@example.test';       phone = '';                 company = '';                   Industry = 'Technology'; 'Estimated Budget' = 'lots' }
    [pscustomobject]@{ name = 'Bad Email';      email = 'not-an-address';            phone = '';                 company = '';                   Industry = '';           'Estimated Budget' = '' }
) | Export-Csv -LiteralPath $csv -NoTypeInformation

'== Copper: Sync-LeadCsv.ps1 -MatchField email'
$sync = & (Join-Path $PSScriptRoot 'Sync-LeadCsv.ps1') -Path $csv -Connection $copper -MatchField email -ThrottleLimit 1
$sync.Leads | Out-Host
'== Copper: rows that failed, by kind'
$sync.Failures | Select-Object Kind, @{ n = 'Row'; e = { $_.Row.name } }, ErrorId, Message | Format-Table -Wrap | Out-Host
'== Copper: {0} rows, {1} upserted, {2} failed ({3} conflict); failed rows in {4}' -f $sync.Rows, $sync.Upserted, $sync.Failed, $sync.Conflicts, (Split-Path $sync.FailedPath -Leaf)
'== Copper: leads now in the Sandbox: {0}' -f $copper.Sandbox.Copper.Leads.Count
Remove-Item -LiteralPath $work -Recurse -Force

# ---------------------------------------------------------------- iVvy
$ivvy = Connect-LeadApi -Platform Ivvy -Sandbox -Name IvvySandbox -PassThru
$events = @(
    @{ name = 'Harbourside Christmas party'; companyId = 101; companyLeadContactId = 201; sourceId = 32; typeId = 44; stageId = 52; description = '120 guests, December' }
    @{ name = 'Summit tech offsite';         contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }
    @{ name = 'Wedding enquiry';             contactId = 209; industryId = 21; sourceId = 33; typeId = 42; subtypeId = 422 }
)
''
'== iVvy: Set-Lead (add) ({0} rows)' -f $events.Count
$failures = [System.Collections.ArrayList]::new()
$events | ForEach-Object { [pscustomobject]$_ } | Set-Lead -Connection $ivvy -ThrottleLimit 1 -ErrorAction SilentlyContinue -ErrorVariable +failures | Out-Host
'== iVvy: rows that failed'
Show-Failures $failures | Format-Table -Wrap | Out-Host

''
'== iVvy: Invoke-LeadUpsert -MatchField name (an update of an existing lead, and a new one)'
@(
    @{ name = 'Summit tech offsite'; description = 'Moved to March'; stageId = 53; stageReasonId = 532 }
    @{ name = 'Greenfield graduation'; contactId = 205; industryId = 23; sourceId = 34; typeId = 44; stageId = 51 }
) | Invoke-LeadUpsert -Connection $ivvy -MatchField name -ThrottleLimit 1 | Out-Host

'== iVvy: leads now in the Sandbox: {0}' -f $ivvy.Sandbox.Ivvy.Leads.Count
Get-LeadApiConnection | Disconnect-LeadApi
