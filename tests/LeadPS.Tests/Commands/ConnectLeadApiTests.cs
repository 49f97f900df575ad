using System.Collections;
using System.Management.Automation;
using LeadPS.Http;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class ConnectLeadApiTests : IDisposable
{
    private const string CopperUser = "admin@example.test";
    private const string CopperToken = "cop-token-7d1f9a2b44e0";
    private const string IvvyKey = "IVKEY0042";
    private const string IvvySecret = "iv-secret-93b1c0ffee55";

    private readonly PowerShellSession _session = new();
    private readonly StrictStandIn _copper = new(LeadPlatform.Copper, CopperUser, CopperToken);
    private readonly StrictStandIn _ivvy = new(LeadPlatform.Ivvy, IvvyKey, IvvySecret);

    public void Dispose()
    {
        _session.Dispose();
        _copper.Dispose();
        _ivvy.Dispose();
    }

    [Theory]
    [InlineData(LeadPlatform.Copper)]
    [InlineData(LeadPlatform.Ivvy)]
    public void Connect_verifies_the_credential_and_returns_the_connection(LeadPlatform platform)
    {
        var standIn = platform == LeadPlatform.Copper ? _copper : _ivvy;
        var result = Connect(platform, standIn, platform == LeadPlatform.Copper ? CopperToken : IvvySecret, "-PassThru").ThrowIfErrors();

        var connection = Assert.IsType<LeadApiConnection>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(platform, connection.Platform);
        Assert.Equal(platform.ToString(), connection.Name);
        Assert.Empty(standIn.Problems);
        var request = standIn.Received.First();
        Assert.StartsWith("LeadPS/", request.Header("User-Agent"));
        if (platform == LeadPlatform.Copper)
        {
            // The credential check, then the custom field definitions read once per connection.
            Assert.Equal(new[] { "/developer_api/v1/account", "/developer_api/v1/custom_field_definitions" }, standIn.Received.Select(r => r.Path));
            Assert.Equal("Stand-in Account", connection.AccountName);
            Assert.Equal(CopperToken, request.Header("X-PW-AccessToken"));
            Assert.Equal(CopperUser, request.Header("X-PW-UserEmail"));
        }
        else
        {
            Assert.Single(standIn.Received);
            Assert.StartsWith("IWS " + IvvyKey + ":", request.Header("X-Api-Authorization"));
            Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", request.Header("Content-MD5"));
        }
    }

    [Theory]
    [InlineData(LeadPlatform.Copper)]
    [InlineData(LeadPlatform.Ivvy)]
    public void A_refused_credential_is_a_terminating_LeadApiUnauthorized_error(LeadPlatform platform)
    {
        var standIn = platform == LeadPlatform.Copper ? _copper : _ivvy;
        var result = Connect(platform, standIn, "not-the-secret");

        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.Equal("LeadApiUnauthorized", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
        var exception = Assert.IsType<LeadApiUnauthorizedException>(record.Exception);
        Assert.Equal(401, exception.StatusCode);
        Assert.Equal(platform == LeadPlatform.Copper ? "wrong token" : "bad signature", record.ErrorDetails.Message);
        Assert.NotNull(record.ErrorDetails.RecommendedAction);

        var listed = _session.Run("Get-LeadApiConnection").ThrowIfErrors();
        Assert.Empty(listed.Output);
    }

    [Fact]
    public void Refused_credential_can_be_caught_by_exception_type_in_a_script()
    {
        var result = _session.RunWith(
            "try { Connect-LeadApi -Platform Copper -Credential $cred -BaseUri $args[0] } catch [LeadPS.LeadApiUnauthorizedException] { 'caught ' + $_.FullyQualifiedErrorId }",
            new Hashtable { ["cred"] = Secrets.Credential(CopperUser, "wrong") },
            _copper.BaseUri).ThrowIfErrors();

        Assert.Equal("caught LeadApiUnauthorized,LeadPS.Commands.ConnectLeadApiCommand", Assert.Single(result.Output).ToString());
    }

    [Fact]
    public void Named_connections_are_listed_found_by_wildcard_and_the_newest_is_default()
    {
        Connect(LeadPlatform.Copper, _copper, CopperToken, "-Name Sales").ThrowIfErrors();
        Connect(LeadPlatform.Ivvy, _ivvy, IvvySecret, "-Name Events").ThrowIfErrors();

        var all = _session.Run("Get-LeadApiConnection").ThrowIfErrors();
        Assert.Equal(new[] { "Sales", "Events" }, all.Output.Select(o => (string)o.Properties["Name"].Value));
        Assert.Equal(new[] { false, true }, all.Output.Select(o => (bool)o.Properties["IsDefault"].Value));

        var byWildcard = _session.Run("Get-LeadApiConnection -Name 'sal*'").ThrowIfErrors();
        Assert.Equal("Sales", Assert.Single(byWildcard.Output).Properties["Name"].Value);

        var missing = _session.Run("Get-LeadApiConnection -Name Nope");
        Assert.Equal("LeadApiConnectionNotFound,LeadPS.Commands.GetLeadApiConnectionCommand", Assert.Single(missing.Errors).FullyQualifiedErrorId);

        var byDefault = _session.Run("Get-LeadApiConnection -Default").ThrowIfErrors();
        Assert.Equal("Events", Assert.Single(byDefault.Output).Properties["Name"].Value);
    }

    [Fact]
    public void Disconnect_closes_by_name_or_object_and_the_previous_connection_becomes_default()
    {
        Connect(LeadPlatform.Copper, _copper, CopperToken, "-Name Sales").ThrowIfErrors();
        Connect(LeadPlatform.Ivvy, _ivvy, IvvySecret, "-Name Events").ThrowIfErrors();

        var whatIf = _session.Run("Disconnect-LeadApi -Name Events -WhatIf; (Get-LeadApiConnection).Count").ThrowIfErrors();
        Assert.Equal(2, (int)whatIf.Output.Single().BaseObject);

        _session.Run("Disconnect-LeadApi -Name Events").ThrowIfErrors();
        var remaining = _session.Run("Get-LeadApiConnection -Default").ThrowIfErrors();
        Assert.Equal("Sales", Assert.Single(remaining.Output).Properties["Name"].Value);

        _session.Run("Get-LeadApiConnection | Disconnect-LeadApi").ThrowIfErrors();
        Assert.Empty(_session.Run("Get-LeadApiConnection").ThrowIfErrors().Output);
    }

    [Fact]
    public void Connecting_again_under_the_same_name_replaces_the_connection()
    {
        Connect(LeadPlatform.Copper, _copper, CopperToken, "-Name Crm").ThrowIfErrors();
        Connect(LeadPlatform.Ivvy, _ivvy, IvvySecret, "-Name Crm").ThrowIfErrors();

        var listed = _session.Run("Get-LeadApiConnection").ThrowIfErrors();
        var only = Assert.IsType<LeadApiConnection>(Assert.Single(listed.Output).BaseObject);
        Assert.Equal(LeadPlatform.Ivvy, only.Platform);
    }

    [Fact]
    public void Secrets_never_reach_any_stream_with_Verbose_and_Debug()
    {
        var script = """
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'; $InformationPreference = 'Continue'
            Connect-LeadApi -Platform Copper -Credential $good -BaseUri $args[0] -PassThru -Verbose -Debug
            Connect-LeadApi -Platform Ivvy -Credential $ivvy -BaseUri $args[1] -Name iv -PassThru -Verbose -Debug
            Get-LeadApiConnection | Format-List * -ErrorAction SilentlyContinue
            Get-LeadApiConnection | ForEach-Object { $_.ToString(); $_ | Out-String -ErrorAction SilentlyContinue }
            Connect-LeadApi -Platform Copper -Credential $bad -BaseUri $args[0] -Verbose -Debug
            """;
        var result = _session.RunWith(
            script,
            new Hashtable
            {
                ["good"] = Secrets.Credential(CopperUser, CopperToken),
                ["ivvy"] = Secrets.Credential(IvvyKey, IvvySecret),
                ["bad"] = Secrets.Credential(CopperUser, "bad-" + CopperToken),
            },
            _copper.BaseUri,
            _ivvy.BaseUri);

        Assert.NotNull(result.TerminatingRecord);
        Assert.NotEmpty(result.Verbose);
        var everything = result.AllText();
        Assert.Contains(CopperUser, everything);
        Assert.DoesNotContain(CopperToken, everything);
        Assert.DoesNotContain(IvvySecret, everything);
    }

    [Fact]
    public void Each_runspace_keeps_its_own_default_connection()
    {
        using var other = new PowerShellSession();
        Connect(LeadPlatform.Copper, _copper, CopperToken).ThrowIfErrors();
        other.RunWith("Connect-LeadApi -Platform Ivvy -Credential $c -BaseUri $args[0]", new Hashtable { ["c"] = Secrets.Credential(IvvyKey, IvvySecret) }, _ivvy.BaseUri).ThrowIfErrors();

        var here = _session.Run("Get-LeadApiConnection").ThrowIfErrors();
        var there = other.Run("Get-LeadApiConnection").ThrowIfErrors();

        Assert.Equal(LeadPlatform.Copper, Assert.IsType<LeadApiConnection>(Assert.Single(here.Output).BaseObject).Platform);
        Assert.Equal(LeadPlatform.Ivvy, Assert.IsType<LeadApiConnection>(Assert.Single(there.Output).BaseObject).Platform);

        other.Run("Disconnect-LeadApi").ThrowIfErrors();
        Assert.Single(_session.Run("Get-LeadApiConnection").ThrowIfErrors().Output);
    }

    [Theory]
    [InlineData("-Platform Copper -Region AU", "Region")]
    [InlineData("-Platform Ivvy -Region AU -BaseUri https://example.test/", "Region")]
    [InlineData("-Platform Copper -BaseUri http://crm.example.test/developer_api/v1/", "BaseUri")]
    public void Bad_connection_parameters_fail_before_any_request(string parameters, string parameterName)
    {
        var result = _session.RunWith($"Connect-LeadApi {parameters} -Credential $c", new Hashtable { ["c"] = Secrets.Credential(CopperUser, CopperToken) });

        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.Equal("InvalidConnectParameter", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.Equal(parameterName, record.TargetObject);
        Assert.Empty(_copper.Received);
    }

    [Fact]
    public void An_unreachable_platform_is_a_typed_unavailable_error()
    {
        var closedPort = new Uri($"http://127.0.0.1:{FreePort()}/developer_api/v1/");
        var result = _session.RunWith("Connect-LeadApi -Platform Copper -Credential $c -BaseUri $args[0] -MaximumRetryCount 0", new Hashtable { ["c"] = Secrets.Credential(CopperUser, CopperToken) }, closedPort);

        var record = Assert.IsType<ErrorRecord>(result.TerminatingRecord);
        Assert.Equal("LeadApiUnavailable", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.IsType<LeadApiUnavailableException>(record.Exception);
    }

    [Fact]
    public void Credential_can_be_given_as_user_name_and_SecureString()
    {
        var result = _session.RunWith(
            "Connect-LeadApi -Platform Ivvy -UserName $args[1] -Secret $secret -BaseUri $args[0] -PassThru",
            new Hashtable { ["secret"] = Secrets.Secure(IvvySecret) },
            _ivvy.BaseUri,
            IvvyKey).ThrowIfErrors();

        Assert.IsType<LeadApiConnection>(Assert.Single(result.Output).BaseObject);
        Assert.Empty(_ivvy.Problems);
    }

    private ScriptResult Connect(LeadPlatform platform, StrictStandIn standIn, string secret, string extra = "")
    {
        var user = platform == LeadPlatform.Copper ? CopperUser : IvvyKey;
        return _session.RunWith(
            $"Connect-LeadApi -Platform {platform} -Credential $cred -BaseUri $args[0] {extra}",
            new Hashtable { ["cred"] = Secrets.Credential(user, secret) },
            standIn.BaseUri);
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
