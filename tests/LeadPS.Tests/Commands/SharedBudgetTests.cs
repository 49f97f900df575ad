using System.Collections;
using System.Management.Automation;
using LeadPS.Sandbox;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>The account's budget, shared with other runspaces and other consumers: paced, paused, shown, and nothing lost.</summary>
public sealed class SharedBudgetTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void A_429_caused_outside_the_session_warns_once_naming_the_likely_cause_and_loses_nothing()
    {
        // The Sandbox allows 10 requests per (scaled) minute; an outside consumer on the same user takes 7 of them.
        var result = _session.RunWith("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -Credential $cred -PassThru -SandboxOption @{ RequestsPerMinute = 10; TimeScale = 60 }
            $outside = [System.Net.Http.HttpClient]::new($c.Sandbox.CreateHandler())
            1..7 | ForEach-Object {
                $request = [System.Net.Http.HttpRequestMessage]::new('GET', [uri]::new($c.Sandbox.InMemoryBaseAddress, 'account'))
                $request.Headers.Add('X-PW-AccessToken', 'outside-token')
                $request.Headers.Add('X-PW-Application', 'developer_api')
                $request.Headers.Add('X-PW-UserEmail', 'shared@example.test')
                $null = $outside.SendAsync($request).GetAwaiter().GetResult()
            }
            1..6 | ForEach-Object { @{ name = "S$_"; email = "s$_@example.test" } } | Invoke-LeadUpsert -Connection $c -ThrottleLimit 2 -Verbose
            ($c.Sandbox.Requests.Snapshot() | Where-Object StatusCode -eq 429).Count
            """,
            new Hashtable { ["cred"] = Secrets.Credential("shared@example.test", "outside-token") });

        Assert.Empty(result.Errors);
        Assert.Equal(6, result.Output.Count(o => o.BaseObject is CopperLead));
        Assert.True((int)result.Output[^1].BaseObject > 0, "the outside consumer did not make the Sandbox answer 429");
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("another session or integration", warning);
        Assert.Contains("'shared@example.test'", warning);
        Assert.Contains(result.Verbose, v => v.Contains("the account's requests pause ", StringComparison.Ordinal));
    }

    [Fact]
    public void Waiting_for_the_budget_shows_pacing_in_progress_and_Ctrl_C_ends_the_wait_at_once()
    {
        // 4 requests a minute in real time: the credential check and schema read take 2, two upserts the rest; the third waits a minute.
        using var ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddScript("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{ RequestsPerMinute = 4 }
            1..5 | ForEach-Object { @{ name = "W$_"; email = "w$_@example.test" } } | Invoke-LeadUpsert -Connection $c -ThrottleLimit 1
            """);
        var pacing = new ManualResetEventSlim();
        ps.Streams.Progress.DataAdded += (_, e) =>
        {
            if (ps.Streams.Progress[e.Index].CurrentOperation?.StartsWith("Pacing: waiting", StringComparison.Ordinal) == true)
            {
                pacing.Set();
            }
        };
        var output = new PSDataCollection<PSObject>();
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);

        Assert.True(pacing.Wait(TimeSpan.FromSeconds(30)), "progress never said it was pacing");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        ps.Stop();

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(20), $"stopping took {stopping.Elapsed}");
        Assert.Equal(2, output.Count);
        Assert.Contains(ps.Streams.Progress, p => p.CurrentOperation?.Contains("for the account's rate budget (4 per 60 s", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Set_Lead_shows_pacing_while_its_adds_wait_for_the_budget()
    {
        // 3 requests per 3 s of real time (TimeScale 20): connecting spends 2, so the second and third adds wait about 3 s.
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{ RequestsPerMinute = 3; TimeScale = 20 }
            1..3 | ForEach-Object { Set-Lead -Name "Paced $_" -Connection $c }
            """).ThrowIfErrors();

        Assert.Equal(3, result.Output.Count);
        Assert.Contains(result.Progress, p => p.Contains("Pacing: waiting", StringComparison.Ordinal));
    }

    [Fact]
    public void Get_Lead_shows_pacing_while_its_pages_wait_for_the_budget()
    {
        // 2 requests per 6 s of real time (TimeScale 10): connecting spends both, so the search waits about 6 s.
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{ RequestsPerMinute = 2; TimeScale = 10 }
            Get-Lead -Name 'Nobody*' -Connection $c
            """).ThrowIfErrors();

        Assert.Contains(result.Progress, p => p.Contains("Reading leads from Copper") && p.Contains("Pacing: waiting"));
    }

    [Fact]
    public async Task Connections_in_two_runspaces_to_one_account_share_one_budget()
    {
        // 8 requests per 6 s (a scaled minute) at the server; each runspace connects (2 requests) and upserts 6 leads.
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = 8, TimeScale = 10 });
        using var server = sandbox.StartLoopback();
        using var other = new PowerShellSession();
        var sessions = new[] { _session, other };

        var runs = sessions.Select((session, i) => Task.Run(() => session.RunWith(
            """
            $c = Connect-LeadApi -Platform Copper -Credential $cred -BaseUri $uri -RequestsPerMinute 8 -RateWindowSec 6 -Name "Runspace$index" -PassThru
            1..6 | ForEach-Object { @{ name = "R$index-$_"; email = "r$index-$_@example.test" } } | Invoke-LeadUpsert -Connection $c -ThrottleLimit 4 -WarningAction SilentlyContinue
            $c.SharesPacingAcrossProcesses
            """,
            new Hashtable { ["cred"] = Secrets.Credential("two@example.test", "tok"), ["uri"] = sandbox.BaseAddressOf(server), ["index"] = i }))).ToArray();
        await Task.WhenAll(runs);

        Assert.All(runs, r => Assert.Empty(r.Result.Errors));
        Assert.All(runs, r => Assert.Equal(6, r.Result.Output.Count(o => o.BaseObject is CopperLead)));
        Assert.All(runs, r => Assert.True((bool)r.Result.Output[^1].BaseObject));
        Assert.Equal(12, sandbox.Copper!.Leads.Count);

        // One gate admits at most 8 requests per 6.06 s for both runspaces; two unshared gates would send
        // all 16 at once. The span counted is 4 s, not the whole window, so that a request delayed on its
        // way to the server on a loaded machine cannot make the next window's requests look early.
        var received = sandbox.Requests.Snapshot().Select(r => r.ReceivedAt).OrderBy(t => t).ToList();
        var busiest = received.Max(start => received.Count(t => t >= start && t < start + TimeSpan.FromSeconds(4)));
        Assert.True(busiest <= 9, $"the server received {busiest} requests within one window: the runspaces did not share one budget");
    }
}
