using System.Collections;
using System.Management.Automation;
using LeadPS.Http;
using LeadPS.Sandbox;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class BulkTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Stopping_the_pipeline_cancels_requests_in_flight_and_keeps_what_completed()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, LosingHandler.OptionsFor(LeadPlatform.Copper));
        var handler = new StallingHandler(sandbox, answerFirst: 3);
        using var connection = LosingHandler.Connect(sandbox, handler);

        using var ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        _session.Runspace.SessionStateProxy.SetVariable("c", connection);
        ps.AddScript("1..20 | ForEach-Object { @{ name = \"Lead $_\"; email = \"l$_@example.test\" } } | Invoke-LeadUpsert -Connection $c -ThrottleLimit 4");
        var output = new PSDataCollection<PSObject>();
        var running = ps.BeginInvoke<PSObject, PSObject>(null, output);

        Assert.True(handler.Stalled.Wait(TimeSpan.FromSeconds(30)), "the requests after the third never started");
        // Results are written as they complete, so the three answered leads are out before Ctrl+C.
        Assert.True(SpinWait.SpinUntil(() => output.Count == 3, TimeSpan.FromSeconds(30)), "the completed leads were not written");
        ps.Stop();

        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(3, output.Count);
        Assert.Equal(3, sandbox.Copper!.Leads.Count);
        // The stalled requests see the cancellation on the thread pool, possibly after EndInvoke returns.
        Assert.True(SpinWait.SpinUntil(() => handler.Cancelled > 0, TimeSpan.FromSeconds(30)), "in-flight requests were not cancelled");
    }

    [Fact]
    public void A_run_with_ten_percent_faults_loses_no_input_and_makes_no_duplicate()
    {
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -MaximumRetryCount 6 -TimeoutSec 1 -SandboxOption @{
                TimeScale = 600; FaultRate = 0; RandomSeed = 11; ThrottleBurstLength = 2
                Faults = 'ServerError, TooManyRequests, DropConnection, Timeout, MalformedBody' }
            $c.Sandbox.Options.FaultRate = 0.1
            $inputs = 1..300 | ForEach-Object { [pscustomobject]@{ name = "Fault $_"; email = "fault$_@example.test" } }
            $out = $inputs | Invoke-LeadUpsert -Connection $c -ThrottleLimit 8 -ErrorVariable failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
            @($out).Count
            @($failed).Count
            ($c.Sandbox.Requests.Snapshot() | Where-Object Fault -ne 'None').Count
            """);

        var outputs = (int)result.Output[0].BaseObject;
        var errors = (int)result.Output[1].BaseObject;
        Assert.Equal(300, outputs + errors);
        Assert.True((int)result.Output[2].BaseObject > 10, "faults were not injected");

        var connection = (LeadApiConnection)_session.Run("Get-LeadApiConnection -Default").Output.Single().BaseObject;
        var emails = ((LeadSandbox)connection.Sandbox!).Copper!.Leads.Select(l => l.Email).ToList();
        Assert.Equal(emails.Count, emails.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        // Upserts are idempotent, so retries recover every lost answer within the budget.
        Assert.Equal(300, outputs);
        Assert.Equal(300, emails.Count);
    }

    [Fact]
    public void Long_runs_show_progress_with_the_time_left_when_the_total_is_known()
    {
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -SandboxOption @{ Latency = [timespan]::FromMilliseconds(25); RequestsPerMinute = 0 }
            $rows = 1..60 | ForEach-Object { @{ name = "P$_"; email = "p$_@example.test" } }
            $null = Invoke-LeadUpsert -InputObject $rows -Connection $c -ThrottleLimit 1
            """).ThrowIfErrors();

        Assert.Contains(result.Progress, p => p.Contains(" of 60 leads done") && p.Contains("per second"));
    }

    [Fact]
    public void An_array_given_to_InputObject_yields_one_result_per_element()
    {
        var result = _session.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru
            Invoke-LeadUpsert -Connection $c -InputObject @(@{ name = 'A'; email = 'a@example.test' }, @{ name = 'B' }, @{ name = 'C'; email = 'c@example.test' })
            """);

        Assert.Equal(2, result.Output.Count);
        var target = Assert.IsType<System.Collections.Hashtable>(Unwrap(Assert.Single(result.Errors).TargetObject));
        Assert.Equal("B", target["name"]);
    }

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

    /// <summary>Answers the first requests, then holds every later one until it is cancelled.</summary>
    private sealed class StallingHandler(LeadSandbox sandbox, int answerFirst) : DelegatingHandler(sandbox.CreateHandler())
    {
        private int _seen;
        private int _cancelled;

        public ManualResetEventSlim Stalled { get; } = new();

        public int Cancelled => _cancelled;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.RequestUri!.AbsolutePath.EndsWith("/leads/upsert") || Interlocked.Increment(ref _seen) <= answerFirst)
            {
                return await base.SendAsync(request, cancellationToken);
            }

            Stalled.Set();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            throw new InvalidOperationException("unreachable");
        }
    }
}
