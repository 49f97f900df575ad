using System.Collections;
using System.Management.Automation;
using System.Net;
using System.Net.Sockets;
using LeadPS.Loopback;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>Start-LeadSandbox / Stop-LeadSandbox: the Sandbox on a loopback port, for any HTTP client.</summary>
public sealed class StartLeadSandboxTests : IDisposable
{
    private readonly PowerShellSession _session = new();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _session.Dispose();
    }

    [Fact]
    public async Task A_copper_sandbox_answers_any_http_client_with_the_well_known_credential_until_stopped()
    {
        var server = Start("Start-LeadSandbox -Platform Copper");
        Assert.Equal(IPAddress.Loopback.ToString(), server.BaseUri.Host);
        Assert.Equal("http://127.0.0.1:" + server.Port + "/developer_api/v1/", server.BaseUri.AbsoluteUri);
        Assert.Equal("sandbox@leadps.test", server.UserName);
        Assert.Equal("sandbox-copper-token", server.Secret);

        var accepted = await _http.SendAsync(CopperAccount(server, server.Secret!));
        var refused = await _http.SendAsync(CopperAccount(server, "wrong-token"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("LeadPS Sandbox", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        _session.RunWith("$s | Stop-LeadSandbox", new Hashtable { ["s"] = server }).ThrowIfErrors();
        Assert.False(server.IsRunning);
        await Assert.ThrowsAsync<HttpRequestException>(() => _http.SendAsync(CopperAccount(server, server.Secret!)));
        Assert.Equal(2, server.Sandbox.Requests.TotalCount);
    }

    [Fact]
    public void Connect_LeadApi_reaches_an_ivvy_sandbox_over_loopback_http_with_its_credential()
    {
        var server = Start("Start-LeadSandbox Ivvy");

        var result = _session.RunWith(
            """
            $c = Connect-LeadApi -Platform Ivvy -BaseUri $s.BaseUri -Credential $s.Credential -PassThru
            $c.Endpoint
            Set-Lead -Name 'Board dinner' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51
            """,
            new Hashtable { ["s"] = server }).ThrowIfErrors();

        Assert.StartsWith("http://127.0.0.1:" + server.Port, result.Output[0].ToString());
        Assert.Equal("Board dinner", Assert.Single(server.Sandbox.Ivvy!.Leads).Name);
        Assert.Equal(new[] { "POST /api/1.0/test?action=ping", "POST /api/1.0/contact?action=addOrUpdateLead" },
            server.Sandbox.Requests.Snapshot().Select(r => r.Method + " " + r.PathAndQuery));
        server.Stop();
    }

    [Fact]
    public void A_chosen_credential_is_accepted_and_never_shown()
    {
        var server = Start(
            "Start-LeadSandbox -Platform Ivvy -Credential $c -Verbose",
            new Hashtable { ["c"] = Secrets.Credential("MYKEY", "chosen-secret-5531") },
            out var result);

        Assert.Equal("MYKEY", server.UserName);
        Assert.Null(server.Secret);
        Assert.DoesNotContain("chosen-secret-5531", result.AllText());
        Assert.DoesNotContain("chosen-secret-5531", server.ToString());
        var connect = _session.RunWith("Connect-LeadApi -Platform Ivvy -BaseUri $s.BaseUri -Credential $s.Credential", new Hashtable { ["s"] = server });
        var wrong = _session.RunWith("Connect-LeadApi -Platform Ivvy -BaseUri $s.BaseUri -Credential $c", new Hashtable { ["s"] = server, ["c"] = Secrets.Credential("MYKEY", "other") });

        connect.ThrowIfErrors();
        Assert.Equal("LeadApiUnauthorized", wrong.TerminatingRecord!.FullyQualifiedErrorId.Split(',')[0]);
        server.Stop();
    }

    [Fact]
    public void SandboxOption_knobs_apply_as_for_Connect_LeadApi()
    {
        var server = Start("Start-LeadSandbox Copper -SandboxOption @{ RequestsPerMinute = 0; CopperUserEmail = 'ops@example.test'; CopperApiToken = 'opt-token' }");

        Assert.Equal(0, server.Sandbox.Options.RequestsPerMinute);
        Assert.Equal("ops@example.test", server.UserName);
        Assert.Null(server.Secret);
        _session.RunWith("Connect-LeadApi -Platform Copper -BaseUri $s.BaseUri -Credential $s.Credential", new Hashtable { ["s"] = server }).ThrowIfErrors();
        server.Stop();
    }

    [Fact]
    public void WhatIf_starts_nothing()
    {
        var result = _session.Run("Start-LeadSandbox Copper -WhatIf").ThrowIfErrors();

        Assert.Empty(result.Output);
    }

    [Fact]
    public void A_port_in_use_is_the_terminating_error_SandboxPortUnavailable()
    {
        var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;

            var result = _session.Run("Start-LeadSandbox Ivvy -Port " + port);

            Assert.Equal("SandboxPortUnavailable", result.TerminatingRecord!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceUnavailable, result.TerminatingRecord.CategoryInfo.Category);
            Assert.Empty(result.Output);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Wait_serves_until_the_pipeline_is_stopped_then_stops_the_sandbox()
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript("Start-LeadSandbox -Platform Copper -Wait");
        var output = new PSDataCollection<PSObject>();
        var started = new TaskCompletionSource<LeadSandboxServer>(TaskCreationOptions.RunContinuationsAsynchronously);
        output.DataAdded += (_, e) => started.TrySetResult((LeadSandboxServer)output[e.Index].BaseObject);
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);

        var server = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var answer = await _http.SendAsync(CopperAccount(server, server.Secret!));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(running.IsCompleted);

        ps.Stop(); // what Ctrl+C does

        Assert.True(running.IsCompleted);
        Assert.False(server.IsRunning);
        Assert.Contains(ps.Streams.Information, i => i.MessageData.ToString()!.Contains("Press Ctrl+C", StringComparison.Ordinal));
    }

    private LeadSandboxServer Start(string script) => Start(script, null, out _);

    private LeadSandboxServer Start(string script, IDictionary? variables, out ScriptResult result)
    {
        result = _session.RunWith(script, variables).ThrowIfErrors();
        return Assert.IsType<LeadSandboxServer>(Assert.Single(result.Output).BaseObject);
    }

    private static HttpRequestMessage CopperAccount(LeadSandboxServer server, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "account"));
        request.Headers.Add("X-PW-AccessToken", token);
        request.Headers.Add("X-PW-Application", "developer_api");
        request.Headers.Add("X-PW-UserEmail", server.UserName);
        return request;
    }
}
