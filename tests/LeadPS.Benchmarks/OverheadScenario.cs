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
        var count = context.Quick ? 5000 : 20000;
        var rounds = context.Quick ? 3 : 5;
        var warmup = context.Quick ? 2 * count : count;

        // Warm both paths with a full-size round each (the JIT's tier-1 rewrites of the engine's
        // code run on a background thread during the first big run and cost a core of two), then
        // measure them interleaved and compare the medians.
        BenchContext.Log($"warming up ({warmup} upserts on each path)...");
        RunCmdlet(context, "warm-c", warmup);
        RunPlain("warm-p", warmup);

        var cmdlet = new List<Measurement>();
        var plain = new List<Measurement>();
        var parsing = new List<Measurement>();
        for (var round = 1; round <= rounds; round++)
        {
            BenchContext.Log($"round {round}: {count} upserts through Invoke-LeadUpsert -ThrottleLimit {Concurrency}...");
            cmdlet.Add(RunCmdlet(context, "c" + round + "-", count));
            BenchContext.Log($"round {round}: {count} upserts from a plain C# loop, {Concurrency} in flight...");
            plain.Add(RunPlain("p" + round + "-", count));
            parsing.Add(RunPlain("j" + round + "-", count, parseAnswers: true));
        }

        // Each round's two runs are back to back, so they share the machine's load: compare within
        // rounds, and take the median round.
        var cmdletRate = Median(cmdlet.Select(c => c.Rate));
        var plainRate = Median(plain.Select(p => p.Rate));
        var ratios = cmdlet.Zip(plain, (c, p) => c.Rate / p.Rate).ToList();
        var ratio = Median(ratios);
        var ok = cmdlet.All(c => c.Note.Length == 0) && plain.All(p => p.Note.Length == 0);
        var result = new ScenarioResult(
            $"{I(count)} upserts, no latency, no budget, {Concurrency} in flight: throughput of Invoke-LeadUpsert (hosted engine) / plain C# loop over LeadApiConnection.SendAsync",
            $"{F(ratio)} (medians {F(cmdletRate, "0")}/s vs {F(plainRate, "0")}/s)" + (ok ? string.Empty : "; errors"),
            ">= 0.5",
            ratio >= 0.5 && ok);
        result.Details.Add($"{rounds} rounds, each a cmdlet run then a plain run, after a {I(warmup)}-upsert warm-up on each path; the result is the median of the rounds' ratios ({string.Join(", ", ratios.Select(r => F(r)))}); cmdlet runs {string.Join(", ", cmdlet.Select(c => F(c.Rate, "0") + "/s"))}; plain runs {string.Join(", ", plain.Select(p => F(p.Rate, "0") + "/s"))}.");
        var pipelineCpu = Median(cmdlet.Select(c => c.PipelineThreadBusy * 1e6 / c.Rate));
        result.Details.Add($"where the cmdlet's extra CPU goes: its pipeline thread (binding, mapping, ShouldProcess, waiting) used {F(pipelineCpu, "0")} us per input; a plain loop that also parses each answer's JSON (which the cmdlet does before building a lead) runs at {F(Median(parsing.Select(p => p.Rate)), "0")}/s and {F(Median(parsing.Select(p => p.CpuMicroseconds)), "0")} us of CPU per upsert (medians; not part of the ratio).");
        result.Details.Add($"process CPU per upsert (both cores, Sandbox included; medians): cmdlet {F(Median(cmdlet.Select(c => c.CpuMicroseconds)), "0")} us, plain {F(Median(plain.Select(p => p.CpuMicroseconds)), "0")} us; the cmdlet's pipeline thread was on a core {string.Join(", ", cmdlet.Select(c => F(c.PipelineThreadBusy * 100, "0") + "%"))} of each run's wall time.");
        result.Details.Add($"both: a fresh in-memory Copper Sandbox per run (RequestLogCapacity {LogCapacity}), distinct e-mails (every upsert creates a lead), the same request bodies (the same JSON up to property order, which follows the hashtable's; checked against the Sandbox's log).");
        foreach (var note in cmdlet.Concat(plain).Select(x => x.Note).Where(n => n.Length > 0))
        {
            result.Details.Add("problem: " + note);
        }

        return result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static SandboxOptions Options() => new() { RequestsPerMinute = 0, RequestLogCapacity = LogCapacity };

    private static Measurement RunCmdlet(BenchContext context, string prefix, int count)
    {
        var connection = context.Engine.ConnectCopperSandbox("BenchOverhead", Options());
        var sandbox = (LeadSandbox)connection.Sandbox!;
        var inputs = BenchLeads.Distinct(prefix, count);
        var cpu = Cpu();
        var run = context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", Concurrency)
                .AddCommand("Measure-BenchOutput"),
            inputs);
        cpu = Cpu() - cpu;
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

        var busy = run.PipelineThreadCpu.HasValue ? run.PipelineThreadCpu.Value.TotalSeconds / run.Elapsed.TotalSeconds : double.NaN;
        return new Measurement(count / run.Elapsed.TotalSeconds, cpu.TotalMilliseconds * 1000 / count, note, busy);
    }

    /// <param name="parseAnswers">Also parse each answer's JSON (as the cmdlet does before it builds a lead), to tell that cost apart.</param>
    private static Measurement RunPlain(string prefix, int count, bool parseAnswers = false)
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
        var cpu = Cpu();
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var request = new ApiRequest(HttpMethod.Put, "leads/upsert", BenchLeads.UpsertBody(prefix, i), isIdempotent: true);
                var response = await connection.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
                if (response.StatusCode != 200 || (parseAnswers && Newtonsoft.Json.Linq.JObject.Parse(response.Body)["id"] == null))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        Task.WaitAll(workers);
        stopwatch.Stop();
        cpu = Cpu() - cpu;
        var note = failures > 0 || sandbox.Copper!.LeadCount != count
            ? $"plain loop: {failures} failures, {sandbox.Copper!.LeadCount} leads stored for {count} upserts"
            : string.Empty;
        return new Measurement(count / stopwatch.Elapsed.TotalSeconds, cpu.TotalMilliseconds * 1000 / count, note, double.NaN);
    }

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private sealed record Measurement(double Rate, double CpuMicroseconds, string Note, double PipelineThreadBusy);
}
