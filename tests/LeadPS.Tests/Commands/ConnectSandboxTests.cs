using System.Collections;
using System.Management.Automation;
using LeadPS.Http;
using LeadPS.Sandbox;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class ConnectSandboxTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    [Theory]
    [InlineData("Copper", "GET /developer_api/v1/account")]
    [InlineData("Ivvy", "POST /api/1.0/test?action=ping")]
    public void Sandbox_connects_without_a_credential_and_verifies_through_the_emulator(string platform, string verification)
    {
        var result = _session.Run($"Connect-LeadApi -Platform {platform} -Sandbox -PassThru").ThrowIfErrors();

        var connection = Assert.IsType<LeadApiConnection>(Assert.Single(result.Output).BaseObject);
        Assert.True(connection.IsSandbox);
        var sandbox = Assert.IsType<LeadSandbox>(connection.Sandbox);
        var request = sandbox.Requests.Snapshot().First();
        Assert.Equal(verification, request.Method + " " + request.PathAndQuery);
        Assert.Equal(200, request.StatusCode);
        Assert.Contains("Sandbox", connection.Endpoint);
    }

    [Fact]
    public void Sandbox_accepts_the_credential_connected_with_and_checks_it_on_every_request()
    {
        var result = _session.RunWith(
            "Connect-LeadApi -Platform Ivvy -Sandbox -Credential $c -PassThru",
            new Hashtable { ["c"] = Secrets.Credential("MYKEY", "my-secret") }).ThrowIfErrors();

        var connection = (LeadApiConnection)result.Output.Single().BaseObject;
        Assert.Equal("MYKEY", connection.UserName);
        var record = Assert.Single(((LeadSandbox)connection.Sandbox!).Requests.Snapshot());
        Assert.Equal("POST /api/1.0/test?action=ping", record.Method + " " + record.PathAndQuery);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal("***", record.Headers["X-Api-Authorization"]);
        Assert.DoesNotContain("my-secret", string.Join("|", record.Headers.Values));
    }

    [Theory]
    [InlineData("Copper", "@{ CopperUserEmail = 'someone@else.test'; CopperApiToken = 'other' }")]
    [InlineData("Ivvy", "@{ IvvyApiKey = 'OTHERKEY'; IvvyApiSecret = 'other' }")]
    public void A_sandbox_configured_for_another_account_refuses_the_credential(string platform, string options)
    {
        var result = _session.Run($"Connect-LeadApi -Platform {platform} -Sandbox -SandboxOption {options}");

        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.Equal("LeadApiUnauthorized", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Empty(_session.Run("Get-LeadApiConnection").ThrowIfErrors().Output);
    }

    [Fact]
    public void An_ivvy_sandbox_whose_clock_is_off_by_more_than_five_minutes_answers_RequestStale()
    {
        var result = _session.Run("Connect-LeadApi -Platform Ivvy -Sandbox -SandboxOption @{ ClockOffset = [timespan]::FromMinutes(6) }");

        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.Equal("RequestStale", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidOperation, record.CategoryInfo.Category);
        Assert.Equal(23005, Assert.IsType<LeadPlatformException>(record.Exception).PlatformCode);
    }

    [Fact]
    public void Sandbox_knobs_are_set_from_a_hashtable()
    {
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{
                Latency = [timespan]::FromMilliseconds(5); RequestsPerMinute = 30; TimeScale = 60
                FaultRate = 0.25; Faults = 'ServerError, DropConnection'; RandomSeed = 7 }
            $c.Sandbox.Options
            $c.RequestsPerMinute
            """).ThrowIfErrors();

        var options = Assert.IsType<SandboxOptions>(result.Output[0].BaseObject);
        Assert.Equal(TimeSpan.FromMilliseconds(5), options.Latency);
        Assert.Equal(30, options.RequestsPerMinute);
        Assert.Equal(60, options.TimeScale);
        Assert.Equal(0.25, options.FaultRate);
        Assert.Equal(SandboxFault.ServerError | SandboxFault.DropConnection, options.Faults);
        Assert.Equal(30, (int)result.Output[1].BaseObject);
    }

    [Fact]
    public void A_sandbox_takes_no_network_parameters()
    {
        var result = _session.Run("Connect-LeadApi -Platform Copper -Sandbox -BaseUri https://api.copper.com/developer_api/v1/");

        // -BaseUri is not in the Sandbox parameter set: PowerShell itself refuses the combination.
        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.IsType<ParameterBindingException>(record.Exception);
        Assert.Empty(_session.Run("Get-LeadApiConnection").ThrowIfErrors().Output);
    }

    [Fact]
    public void Sandbox_store_is_readable_from_PowerShell()
    {
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru
            $null = $c.Sandbox.Copper.SeedLead('Ada Lovelace', 'ada@example.test')
            $c.Sandbox.Copper.Leads | ForEach-Object { "$($_.Name) <$($_.Email)>" }
            """).ThrowIfErrors();

        Assert.Equal("Ada Lovelace <ada@example.test>", Assert.Single(result.Output).ToString());
    }
}
