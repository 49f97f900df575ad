using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 1. Pace: Invoke-LeadUpsert against a Copper Sandbox enforcing 180 requests per rolling minute,
/// time-scaled. Measures the rate the Sandbox accepted in steady state against the budget, the
/// 429s it answered, and the leads that failed.
/// </summary>
internal sealed class PaceScenario : Scenario
{
    private const int Budget = 180;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public override int Number => 1;

    public override string Name => "pace";

    public override ScenarioResult Run(BenchContext context)
    {
        var count = context.Quick ? 400 : 1000;
        var timeScale = context.Quick ? 60.0 : 20.0;
        const int throttleLimit = 8;
        var options = new SandboxOptions
        {
            RequestsPerMinute = Budget,
            TimeScale = timeScale,
            RequestLogCapacity = (count * 4) + 100,
        };

        // Connect-LeadApi -Sandbox paces the connection at the Sandbox's budget, on a clock scaled like the Sandbox's.
        var connection = context.Engine.ConnectCopperSandbox("BenchPace", options);
        var sandbox = (LeadSandbox)connection.Sandbox!;
        var inputs = BenchLeads.Distinct("pace", count);
        BenchContext.Log($"{count} upserts, budget {connection.RequestsPerMinute}/min, TimeScale {timeScale}, -ThrottleLimit {throttleLimit}...");
        var run = context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", throttleLimit)
                .AddCommand("Measure-BenchOutput"),
            inputs);
        context.Engine.Disconnect("BenchPace");

        var records = sandbox.Requests.Snapshot();
        var throttled = records.Count(r => r.StatusCode == 429);

        // Every request the Sandbox's rate window accepted (the credential check and the schema read count too), in time order.
        var accepted = records.Where(r => r.StatusCode.HasValue && r.StatusCode != 429).OrderBy(r => r.ReceivedAt).ToList();
        var origin = accepted[0].ReceivedAt;
        double Scaled(DateTimeOffset at) => (at - origin).TotalSeconds * timeScale;

        // Steady state: only requests whose predecessor a budget earlier was sent while demand was
        // already there (the run had started), so idle time before the run is not counted.
        var use = WindowUse.Of(records, Budget, Window.TotalSeconds, Scaled, r => r.PathAndQuery.Contains("leads/upsert", StringComparison.Ordinal));
        var gaps = use.Gaps;
        var meanGap = use.MeanGap;
        var ratio = use.Ratio;
        var achievedPerMinute = Budget * 60 / meanGap;
        var upserts = accepted.Count(r => r.PathAndQuery.Contains("leads/upsert", StringComparison.Ordinal));
        var scaledRun = run.Elapsed.TotalSeconds * timeScale;
        var fluidRun = ((double)count / Budget - 1) * Window.TotalSeconds;
        var exactRun = ((count - 1) / Budget) * Window.TotalSeconds;
        var succeeded = run.Counted;
        var failed = run.Errors.Count;

        var pass = ratio >= 0.97 && failed == 0 && succeeded == count;
        var result = new ScenarioResult(
            $"{I(count)} upserts, 180/min rolling window, TimeScale {timeScale}, -ThrottleLimit {throttleLimit}: steady-state accepted rate / budget; 429s received; failed leads",
            $"{F(ratio)} ({F(achievedPerMinute, "0.0")}/min); {throttled} x 429; {failed} failed",
            ">= 0.97; 0 failed",
            pass);
        result.Details.Add($"steady state = the {gaps.Count} accepted requests whose request {Budget} places earlier was already part of the run: mean gap {F(meanGap, "0.00")} s scaled (ideal {Window.TotalSeconds:0} s; the client's window is 60.6 s, a 1% margin, so its ceiling is 0.990), min gap {F(gaps.Min(), "0.00")} s, max {F(gaps.Max(), "0.00")} s.");
        result.Details.Add($"whole run: {F(run.Elapsed.TotalSeconds, "0.00")} s wall = {F(scaledRun, "0.0")} s scaled. A client sending each request the moment the window allows sends request k (from 0) at floor(k/B) x W, so its last at {F(exactRun, "0")} s ({F(exactRun * 1.01, "0")} s with the 1% margin); the fluid estimate (N/B - 1) x W = {F(fluidRun, "0.0")} s ignores that a rolling window refills in bursts. {succeeded} leads written, {upserts} upserts accepted, {throttled} answered 429, {accepted.Count - upserts} other requests (credential check, schema read).");
        if (failed > 0)
        {
            result.Details.Add("errors: " + run.ErrorSummary());
        }

        return result;
    }
}
