using System.Collections;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>A whole session's worth of work, every stream captured: the secrets appear nowhere.</summary>
public sealed class SecretHygieneTests : IDisposable
{
    private const string CopperToken = "cop-SECRET-token-5f2e";
    private const string IvvySecret = "ivvy-SECRET-key-91ab";

    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Secrets_stay_out_of_every_stream_error_log_and_object_through_a_full_run()
    {
        var result = _session.RunWith(
            """
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $WarningPreference = 'Continue'
            $c = Connect-LeadApi -Platform Copper -Sandbox -Credential $copperCred -PassThru -Verbose -Debug -WarningAction Continue
            $i = Connect-LeadApi -Platform Ivvy -Sandbox -Credential $ivvyCred -PassThru -Verbose -Debug -WarningAction Continue
            @{ name = 'A'; email = 'a@example.test'; colour = 'x' }, @{ name = 'B'; email = 'bad' } | Invoke-LeadUpsert -Connection $c -Verbose -Debug -WarningAction Continue
            @{ name = 'E'; contactId = 208; industryId = 22; sourceId = 9999; typeId = 43; stageId = 51 } | Set-Lead -Connection $i -Verbose -Debug -WarningAction Continue
            Get-Lead -Connection $c -Verbose -Debug -WarningAction Continue
            $c.Sandbox.Options.CopperApiToken = 'rotated'
            @{ name = 'C'; email = 'c@example.test' } | Invoke-LeadUpsert -Connection $c -Verbose -Debug -WarningAction Continue
            $c; $i; "$c"; "$i"; $c.Sandbox; $c.Sandbox.Options; $i.Sandbox.Options
            $c.Sandbox.Requests.Snapshot() | ForEach-Object { $_; $_.Headers.Values; $_.Body }
            $i.Sandbox.Requests.Snapshot() | ForEach-Object { $_; $_.Headers.Values; $_.Body }
            Get-LeadApiConnection | ForEach-Object { $_.PSObject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" } }
            """,
            new Hashtable
            {
                ["copperCred"] = Secrets.Credential("owner@example.test", CopperToken),
                ["ivvyCred"] = Secrets.Credential("IVKEY", IvvySecret),
            });

        // -Debug alone makes warnings ask "Continue?" in PowerShell; this host cannot answer, so warnings are set to Continue.
        Assert.Null(result.TerminatingRecord?.ToString());
        Assert.NotEmpty(result.Errors);
        Assert.NotEmpty(result.Verbose);
        Assert.NotEmpty(result.Warnings);
        var everything = result.AllText();
        Assert.Contains("owner@example.test", everything);
        Assert.DoesNotContain(CopperToken, everything);
        Assert.DoesNotContain(IvvySecret, everything);
        Assert.DoesNotContain("SECRET", everything);
    }
}
