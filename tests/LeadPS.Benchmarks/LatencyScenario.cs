using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 2. Latency hiding: every answer takes 50 ms, no rate budget. With -ThrottleLimit L the ideal
/// throughput is L / 50 ms; measures how close Invoke-LeadUpsert gets at L = 1, 4 and 16.
/// </summary>
internal sealed class LatencyScenario : Scenario
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);
    private static readonly int[] Limits = { 1, 4, 16 };

    public override int Number => 2;

    public override string Name => "latency hiding";

    public override ScenarioResult Run(BenchContext context)
    {
        // Each limit runs for the same number of latency periods, so each takes about the same time.
        var rounds = context.Quick ? 10 : 80;
        var options = new SandboxOptions { Latency = Latency, RequestsPerMinute = 0, RequestLogCapacity = 1000 };
        var connection = context.Engine.ConnectCopperSandbox("BenchLatency", options);
        if (connection.RequestsPerMinute != 0)
        {
            throw new InvalidOperationException($"The connection is paced at {connection.RequestsPerMinute}/min; this scenario needs no budget.");
        }

        // Warm-up: JIT, the mapper, the thread pool.
        Upsert(context, connection, "warm", 64, 16);

        var ratios = new Dictionary<int, double>();
        var details = new List<string>();
        var failed = 0;
        foreach (var limit in Limits)
        {
            var count = limit * rounds;
            BenchContext.Log($"-ThrottleLimit {limit}: {count} upserts at {Latency.TotalMilliseconds:0} ms each...");
            var run = Upsert(context, connection, "lat" + limit + "-", count, limit);
            failed += run.Errors.Count + (int)(count - run.Counted - run.Errors.Count);
            var throughput = run.Counted / run.Elapsed.TotalSeconds;
            var ideal = limit / Latency.TotalSeconds;
            ratios[limit] = throughput / ideal;
            details.Add($"-ThrottleLimit {limit}: {count} upserts in {F(run.Elapsed.TotalSeconds, "0.00")} s = {F(throughput, "0.0")}/s, ideal {F(ideal, "0.0")}/s, ratio {F(ratios[limit])}");
        }

        context.Engine.Disconnect("BenchLatency");

        // How long the emulator's own 50 ms wait lasts here (timer granularity): a ceiling no client can beat.
        var delays = context.Quick ? 5 : 20;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < delays; i++)
        {
            Task.Delay(Latency).Wait();
        }

        var actual = watch.Elapsed.TotalMilliseconds / delays;
        details.Add($"the Sandbox's {Latency.TotalMilliseconds:0} ms wait (Task.Delay) itself lasts {F(actual, "0.0")} ms on this machine, so no client can exceed {F(Latency.TotalMilliseconds / actual)} of the ideal here.");
        var top = Limits[^1];
        var result = new ScenarioResult(
            $"Sandbox latency {Latency.TotalMilliseconds:0} ms, no budget, {rounds} latency periods per limit: throughput / (limit / latency) at -ThrottleLimit {string.Join(", ", Limits)}",
            string.Join("; ", Limits.Select(l => $"{l}: {F(ratios[l])}")) + (failed > 0 ? $"; {failed} failed" : string.Empty),
            $">= 0.9 at {top}",
            ratios[top] >= 0.9 && failed == 0);
        result.Details.AddRange(details);
        return result;
    }

    private static PipelineRun Upsert(BenchContext context, Http.LeadApiConnection connection, string prefix, int count, int limit) =>
        context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", limit)
                .AddCommand("Measure-BenchOutput"),
            BenchLeads.Distinct(prefix, count));
}
