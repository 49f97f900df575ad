<#
.SYNOPSIS
    Upserts the leads of a CSV file into Copper or iVvy, sorts the failures by kind, and exports the
    rows that failed to a CSV you fix and run again.
.DESCRIPTION
    The runbook to copy: it uses only documented LeadPS behaviour.
    - Every row gives one lead or one error record (Invoke-LeadUpsert -ErrorVariable).
    - Failures are sorted by exception type, not by message text:
        Conflict   LeadPS.LeadMatchConflictException   the row matches several leads: a person decides
        Invalid    LeadPS.LeadValidationException       the row is wrong: fix it
        Transient  LeadPS.LeadApiThrottledException /   throttled or unavailable after the retries:
                   LeadPS.LeadApiUnavailableException    run the exported rows again later
        Other      anything else (rejected by the platform, unauthorized, ...)
    - The failed rows (TargetObject is the row itself) go to -FailedPath with their original
      columns, so `Sync-LeadCsv.ps1 -Path <FailedPath>` re-runs them. A run with no failure
      removes a FailedPath left by an earlier run.
    - -WhatIf reaches Invoke-LeadUpsert and Export-Csv: nothing is sent, nothing is written.
    Returns one summary object; its Leads and Failures properties hold the details.
.PARAMETER Path
    The CSV file: one row per lead, columns named like the platform's lead fields or custom fields.
.PARAMETER Connection
    A connection from Connect-LeadApi -PassThru, or its name. Without it, the default connection.
.PARAMETER MatchField
    The field that identifies an existing lead (Copper: email, name or a custom field; iVvy: name or email).
.PARAMETER FailedPath
    Where the rows that failed are written. Default: <Path without .csv>.failed.csv.
.PARAMETER ThrottleLimit
    Requests in flight at once (Invoke-LeadUpsert -ThrottleLimit).
.EXAMPLE
    Connect-LeadApi -Platform Copper -Credential (Get-Credential)
    ./samples/Sync-LeadCsv.ps1 -Path ./leads.csv -MatchField email
.EXAMPLE
    $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru
    ./samples/Sync-LeadCsv.ps1 -Path ./leads.csv -Connection $c -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [object] $Connection,

    [string] $MatchField = 'email',

    [string] $FailedPath,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 4
)

$ErrorActionPreference = 'Stop'
if (-not $FailedPath) {
    $FailedPath = [System.IO.Path]::ChangeExtension($Path, '.failed.csv')
}

function Get-FailureKind([System.Management.Automation.ErrorRecord] $Failure) {
    switch ($Failure.Exception) {
        { $_ -is [LeadPS.LeadMatchConflictException] } { return 'Conflict' }
        { $_ -is [LeadPS.LeadValidationException] } { return 'Invalid' }
        { $_ -is [LeadPS.LeadApiThrottledException] -or $_ -is [LeadPS.LeadApiUnavailableException] } { return 'Transient' }
        default { return 'Other' }
    }
}

$rows = @(Import-Csv -LiteralPath $Path)
$upsert = @{ MatchField = $MatchField; ThrottleLimit = $ThrottleLimit }
if ($Connection) { $upsert.Connection = $Connection }

$failed = $null
$leads = @($rows | Invoke-LeadUpsert @upsert -ErrorAction SilentlyContinue -ErrorVariable failed)
$failures = @(foreach ($failure in @($failed)) {
        [pscustomobject]@{
            Kind     = Get-FailureKind $failure
            ErrorId  = $failure.FullyQualifiedErrorId.Split(',')[0]
            Message  = if ($failure.ErrorDetails) { $failure.ErrorDetails.Message } else { $failure.Exception.Message }
            Row      = $failure.TargetObject
            Error    = $failure
        }
    })

if ($failures.Count -gt 0) {
    $failures.Row | Export-Csv -LiteralPath $FailedPath -NoTypeInformation
}
elseif (Test-Path -LiteralPath $FailedPath) {
    Remove-Item -LiteralPath $FailedPath
}

[pscustomobject]@{
    PSTypeName = 'LeadPS.Sample.SyncResult'
    Rows       = $rows.Count
    Created    = @($leads | Where-Object Outcome -EQ 'Created').Count
    Updated    = @($leads | Where-Object Outcome -EQ 'Updated').Count
    Upserted   = @($leads | Where-Object Outcome -EQ 'Upserted').Count
    Failed     = $failures.Count
    Conflicts  = @($failures | Where-Object Kind -EQ 'Conflict').Count
    FailedPath = if ($failures.Count -gt 0 -and -not $WhatIfPreference) { $FailedPath } else { $null }
    Leads      = $leads
    Failures   = $failures
}
