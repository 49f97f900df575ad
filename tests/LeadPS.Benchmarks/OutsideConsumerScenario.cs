using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 8. Outside consumer: one LeadPS connection shares a Copper user with another integration that
/// LeadPS cannot see (plain HTTP requests at half the budget, evenly spread), against a loopback
/// Sandbox with a scaled window. LeadPS is paced at the whole budget, so only the server's 429s
/// tell it about the other consumer. No lead may be lost; 429s are counted on both sides.
/// </summary>
internal sealed class OutsideConsumerScenario : Scenario
{
    private const int Budget = 60;
    private const string User = "outside@bench.example";

    public override int Number => 8;

    public override string Name => "outside consumer";

    public override ScenarioResult Run(BenchContext context)
    {
        var windowSec = context.Quick ? 3 : 6;
        var count = context.Quick ? 60 : 120;
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = Budget, TimeScale = 60.0 / windowSec, RequestLogCapacity = 10000 });
        using var server = sandbox.StartLoopback();
        var baseUri = sandbox.BaseAddressOf(server);
        var connection = context.Engine.ConnectCopperAt("BenchOutside", baseUri, User, Budget, windowSec);
        var prefix = "outside" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + "-";

        using var stop = new CancellationTokenSource();
        var outside = Task.Run(() => ConsumeHalfAsync(baseUri, windowSec, stop.Token));
        BenchContext.Log($"{count} upserts paced at {Budget} per {windowSec} s while another consumer of the same user takes {Budget / 2} per window...");
        Thread.Sleep(TimeSpan.FromSeconds(windowSec / 2.0)); // the other integration is already running
        var run = context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", 4),
            BenchLeads.Distinct(prefix, count));
        stop.Cancel();
        var (sent, refused) = outside.GetAwaiter().GetResult();
        context.Engine.Disconnect("BenchOutside");

        var records = sandbox.Requests.Snapshot();
        var upserts = records.Where(r => r.PathAndQuery.Contains("leads/upsert", StringComparison.Ordinal)).ToList();
        var leadPsThrottled = upserts.Count(r => r.StatusCode == 429);
        var accepted = upserts.Where(r => r.StatusCode == 200).OrderBy(r => r.ReceivedAt).ToList();
        var during = records.Where(r => r.ReceivedAt >= accepted[0].ReceivedAt && r.ReceivedAt <= accepted[^1].ReceivedAt).ToList();
        var share = (double)accepted.Count / during.Count(r => r.StatusCode == 200);
        var origin = records.Min(r => r.ReceivedAt);
        var joint = WindowUse.Of(during, Budget, windowSec, at => (at - origin).TotalSeconds, _ => true);
        var stored = sandbox.Copper!.Leads.Where(l => l.Email != null && l.Email.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var storedOnce = stored.GroupBy(l => l.Email!, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() == 1);
        var lost = count - storedOnce;

        var pass = run.Output.Count == count && run.Errors.Count == 0 && lost == 0 && stored.Count == count;
        var result = new ScenarioResult(
            $"loopback Copper Sandbox, {Budget} per {windowSec} s; one connection paced at the whole budget shares the user with an outside consumer sending {Budget / 2} per window: {count} upserts lost; 429s to LeadPS / to the outside consumer",
            $"{lost} lost ({run.Output.Count} + {run.Errors.Count} errors); {leadPsThrottled} x 429 to LeadPS, {refused} of {sent} to the outside; LeadPS took {F(share * 100, "0")}% of the budget",
            "0 lost; 0 errors",
            pass);
        result.Details.Add($"LeadPS: {count} leads in {F(run.Elapsed.TotalSeconds, "0.0")} s, {upserts.Count} upserts sent ({leadPsThrottled} answered 429); of the requests the server accepted between LeadPS's first and last accepted upsert, {F(share * 100, "0")}% were LeadPS's. Warnings: {run.Warnings.Count}{(run.Warnings.Count > 0 ? " (first: " + run.Warnings[0] + ")" : string.Empty)}.");
        result.Details.Add($"outside consumer (no retries; it stands for a web form or sync tool): {sent} requests, {refused} answered 429. Both together used {F(joint.Ratio)} of the server's budget while LeadPS ran ({joint.Gaps.Count} gaps). LeadPS slows down after a 429 it did not cause and recovers by a fifth of the budget per window, so it takes more than the half the other consumer leaves whenever that one's requests are refused.");
        if (run.Errors.Count > 0)
        {
            result.Details.Add("errors: " + run.ErrorSummary());
        }

        return result;
    }

    /// <summary>GET /account as the same user, evenly at half the budget, until stopped; returns (sent, answered 429).</summary>
    private static async Task<(int Sent, int Refused)> ConsumeHalfAsync(Uri baseUri, int windowSec, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = baseUri };
        var interval = TimeSpan.FromSeconds(windowSec / (Budget / 2.0));
        var clock = Stopwatch.StartNew();
        int sent = 0, refused = 0;
        while (!stop.IsCancellationRequested)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "account");
            request.Headers.Add("X-PW-AccessToken", "other-integration-token");
            request.Headers.Add("X-PW-Application", "developer_api");
            request.Headers.Add("X-PW-UserEmail", User);
            try
            {
                using var response = await client.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                sent++;
                refused += (int)response.StatusCode == 429 ? 1 : 0;
            }
            catch (HttpRequestException)
            {
                // The server is going away at the end of the run.
            }

            var next = TimeSpan.FromTicks(interval.Ticks * (sent + 1));
            try
            {
                await Task.Delay(next > clock.Elapsed ? next - clock.Elapsed : TimeSpan.Zero, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (sent, refused);
    }
}
