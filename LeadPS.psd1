@{
    RootModule           = 'LeadPS.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6c0f3f5e-8a57-4c38-9d0a-2f4d7e61b2a9'
    Author               = 'LeadPS contributors'
    CompanyName          = 'LeadPS'
    Copyright            = '(c) 2026 LeadPS contributors. MIT License.'
    Description          = 'Create and update CRM leads (Copper, iVvy) from the PowerShell pipeline: match-based upsert, add-or-update by id, typed errors, rate-limit pacing and an offline Sandbox.'
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('LeadPS.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-LeadApi'
        'Disconnect-LeadApi'
        'Get-Lead'
        'Get-LeadApiConnection'
        'Invoke-LeadUpsert'
        'Set-Lead'
        'Start-LeadSandbox'
        'Stop-LeadSandbox'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('CRM', 'Leads', 'Copper', 'ProsperWorks', 'iVvy', 'Upsert', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/leadps/LeadPS'
            LicenseUri   = 'https://github.com/leadps/LeadPS/blob/main/LICENSE'
            ReleaseNotes = 'Invoke-LeadUpsert, Set-Lead and Get-Lead for Copper and iVvy with typed error records; Connect-LeadApi with an embedded Sandbox of both APIs.'
        }
    }
}
