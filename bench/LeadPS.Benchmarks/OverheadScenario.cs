using System.Diagnostics;
using System.Net.Http;
using System.Security;
using LeadPS.Http;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 3. Overhead: no latency, no budget. The same upserts through Invoke-LeadUpsert in the hosted
/// engine, and from a plain C# loop over LeadPS.Core (LeadApiConnection.SendAsync) with the same
/// number in flight, each against its own in-memory Sandbox. The ratio is what the cmdlet layer
/// (input binding, mapping, reading the answer into a lead object, the pipeline) costs.
/// </summary>
internal sealed class OverheadScenario : Scenario
{
    private const int Concurrency = 8;
    private const int LogCapacity = 1000;

    public override int Number => 3;

    public override string Name => "overhead";

    public override ScenarioResult Run(BenchContext context)
    {
        var count = context.Quick ? 2000 : 20000;
        var repeats = context.Quick ? 1 : 2;
        var warmup = context.Quick ? 500 : 2000;

        // Warm both paths (JIT, thread pool), then measure each `repeats` times and keep the best.
        BenchContext.Log($"warming up ({warmup} each)...");
        RunCmdlet(context, "warm-c", warmup);
        RunPlain("warm-p", warmup);

        var cmdlet = new List<(double Rate, string Note)>();
        var plain = new List<(double Rate, string Note)>();
        for (var round = 1; round <= repeats; round++)
        {
            BenchContext.Log($"round {round}: {count} upserts through Invoke-LeadUpsert -ThrottleLimit {Concurrency}...");
            cmdlet.Add(RunCmdlet(context, "c" + round + "-", count));
            BenchContext.Log($"round {round}: {count} upserts from a plain C# loop, {Concurrency} in flight...");
            plain.Add(RunPlain("p" + round + "-", count));
        }

        var bestCmdlet = cmdlet.Max(c => c.Rate);
        var bestPlain = plain.Max(p => p.Rate);
        var ratio = bestCmdlet / bestPlain;
        var ok = cmdlet.All(c => c.Note.Length == 0) && plain.All(p => p.Note.Length == 0);
        var result = new ScenarioResult(
            $"{I(count)} upserts, no latency, no budget, {Concurrency} in flight: throughput of Invoke-LeadUpsert (hosted engine) / plain C# loop over LeadApiConnection.SendAsync",
            $"{F(ratio)} ({F(bestCmdlet, "0")}/s vs {F(bestPlain, "0")}/s)" + (ok ? string.Empty : "; errors"),
            ">= 0.5",
            ratio >= 0.5 && ok);
        result.Details.Add($"cmdlet runs: {string.Join(", ", cmdlet.Select(c => F(c.Rate, "0") + "/s"))}; plain runs: {string.Join(", ", plain.Select(p => F(p.Rate, "0") + "/s"))}; best of {repeats} each, after {warmup} warm-up upserts on each path.");
        result.Details.Add($"both: a fresh in-memory Copper Sandbox per run (RequestLogCapacity {LogCapacity}), distinct e-mails (every upsert creates a lead), the same request bodies (the same JSON up to property order, which follows the hashtable's; checked against the Sandbox's log).");
        foreach (var note in cmdlet.Concat(plain).Select(x => x.Note).Where(n => n.Length > 0))
        {
            result.Details.Add("problem: " + note);
        }

        return result;
    }

    private static SandboxOptions Options() => new() { RequestsPerMinute = 0, RequestLogCapacity = LogCapacity };

    private static (double Rate, string Note) RunCmdlet(BenchContext context, string prefix, int count)
    {
        var connection = context.Engine.ConnectCopperSandbox("BenchOverhead", Options());
        var sandbox = (LeadSandbox)connection.Sandbox!;
        var inputs = BenchLeads.Distinct(prefix, count);
        var run = context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", Concurrency)
                .AddCommand("Measure-BenchOutput"),
            inputs);
        context.Engine.Disconnect("BenchOverhead");
        var note = string.Empty;
        if (run.Errors.Count > 0 || run.Counted != count)
        {
            note = $"cmdlet wrote {run.Counted} leads and {run.Errors.Count} errors for {count} inputs: {run.ErrorSummary()}";
        }
        else
        {
            // The plain loop must send exactly what the cmdlet sends.
            var last = sandbox.Requests.Snapshot()[^1];
            var index = int.Parse(BenchLeads.EmailOfBody(last.Body, prefix), System.Globalization.CultureInfo.InvariantCulture);
            if (!Newtonsoft.Json.Linq.JToken.DeepEquals(Newtonsoft.Json.Linq.JToken.Parse(last.Body), Newtonsoft.Json.Linq.JToken.Parse(BenchLeads.UpsertBody(prefix, index))))
            {
                note = $"the cmdlet's body differs from the plain loop's: {last.Body} vs {BenchLeads.UpsertBody(prefix, index)}";
            }
        }

        return (count / run.Elapsed.TotalSeconds, note);
    }

    private static (double Rate, string Note) RunPlain(string prefix, int count)
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Options());
        using var secret = new SecureString();
        foreach (var c in "bench-token")
        {
            secret.AppendChar(c);
        }

        secret.MakeReadOnly();
        using var connection = new LeadApiConnection(new LeadApiConnectionOptions(LeadPlatform.Copper, "bench@leadps.test", secret)
        {
            Handler = sandbox.CreateHandler(),
            Sandbox = sandbox,
            BaseAddress = sandbox.InMemoryBaseAddress,
            HandlerDescription = "Sandbox (Copper, in memory)",
            RequestsPerMinute = 0,
        });

        var next = -1;
        var failures = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var request = new ApiRequest(HttpMethod.Put, "leads/upsert", BenchLeads.UpsertBody(prefix, i), isIdempotent: true);
                var response = await connection.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                if (response.StatusCode != 200)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        stopwatch.Stop();
        var note = failures > 0 || sandbox.Copper!.LeadCount != count
            ? $"plain loop: {failures} failures, {sandbox.Copper!.LeadCount} leads stored for {count} upserts"
            : string.Empty;
        return (count / stopwatch.Elapsed.TotalSeconds, note);
    }
}
