using System.Diagnostics;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 4. Memory: leads generated one at a time by a PowerShell for loop, streamed through
/// Invoke-LeadUpsert, output dropped by Out-Null. Measures the peak growth of the managed heap over
/// the settled baseline. The e-mails cycle through a bounded key set, so the Sandbox's store (which
/// keeps every lead it is sent) stops growing during the warm-up and the number is the module's.
/// </summary>
internal sealed class MemoryScenario : Scenario
{
    private const int Keys = 1000;
    private const int ThrottleLimit = 8;
    private const long Goal = 64L * 1024 * 1024;

    private const string Script = @"
param($Connection, $Count, $Keys, $ThrottleLimit)
& {
    for ($i = 0; $i -lt $Count; $i++) {
        $k = $i % $Keys
        @{ name = ""Bench Lead $k""; email = ""mem$k@bench.example""; company = ""Company $($i % 97)"" }
    }
} | Invoke-LeadUpsert -Connection $Connection -ThrottleLimit $ThrottleLimit | Out-Null
";

    public override int Number => 4;

    public override string Name => "memory";

    public override ScenarioResult Run(BenchContext context)
    {
        var count = context.Quick ? 10000 : 100000;
        var options = new SandboxOptions { RequestsPerMinute = 0, RequestLogCapacity = 1000 };
        var connection = context.Engine.ConnectCopperSandbox("BenchMemory", options);
        var sandbox = (LeadSandbox)connection.Sandbox!;

        // Warm-up: JIT, and every key of the set stored once, so the store is full before the baseline.
        BenchContext.Log($"warm-up: {2 * Keys} leads over {Keys} keys...");
        var warm = Stream(context, connection, 2 * Keys);
        if (warm.Errors.Count > 0)
        {
            throw new InvalidOperationException("warm-up failed: " + warm.ErrorSummary());
        }

        var sentBefore = sandbox.Requests.TotalCount;
        var baseline = MemorySampler.SettledLiveBytes();
        var gcBefore = (G0: GC.CollectionCount(0), G1: GC.CollectionCount(1), G2: GC.CollectionCount(2));
        BenchContext.Log($"{count} leads streamed (baseline {Mb(baseline)} MB live)...");
        PipelineRun run;
        long peakTotal;
        long peakAfterGc;
        int samples;
        var sampler = new MemorySampler(TimeSpan.FromMilliseconds(10));
        try
        {
            run = Stream(context, connection, count);
        }
        finally
        {
            sampler.Dispose();
        }

        peakTotal = sampler.PeakTotalMemory;
        peakAfterGc = sampler.PeakHeapAfterGc;
        samples = sampler.Samples;

        var gcs = $"{GC.CollectionCount(0) - gcBefore.G0}/{GC.CollectionCount(1) - gcBefore.G1}/{GC.CollectionCount(2) - gcBefore.G2}";
        var retained = MemorySampler.SettledLiveBytes() - baseline;
        var sent = sandbox.Requests.TotalCount - sentBefore;
        var leads = sandbox.Copper!.Leads;
        var storeBytes = leads.Sum(l => (long)l.Json.Length * sizeof(char));
        context.Engine.Disconnect("BenchMemory");

        var growth = peakTotal - baseline;
        var ok = run.Errors.Count == 0 && sent == count && run.Output.Count == 0;
        var result = new ScenarioResult(
            $"{I(count)} leads generated lazily (PowerShell for loop) | Invoke-LeadUpsert -ThrottleLimit {ThrottleLimit} | Out-Null, e-mails cycling over {I(Keys)} keys (store stays at {I(leads.Count)} leads, ~{F(storeBytes / 1024.0 / 1024.0, "0.0")} MB): peak managed heap growth over the settled baseline",
            $"{Mb(growth)} MB (after-GC peak {Mb(peakAfterGc - baseline)} MB; retained {Mb(retained)} MB)" + (ok ? string.Empty : "; errors"),
            "< 64 MB",
            growth < Goal && ok);
        result.Details.Add($"growth = peak of GC.GetTotalMemory(false) sampled every 10 ms ({samples} samples; includes garbage not yet collected) minus the live heap after forced full GCs, taken after a {2 * Keys}-lead warm-up; after-GC peak = largest GCMemoryInfo.HeapSizeBytes; retained = live heap after the run minus the baseline.");
        result.Details.Add($"{I(count)} leads in {F(run.Elapsed.TotalSeconds, "0.0")} s ({F(count / run.Elapsed.TotalSeconds, "0")}/s), {I(sent)} requests sent, {run.Errors.Count} errors; GCs gen0/1/2 during the run: {gcs}; Sandbox store {I(leads.Count)} leads, {F(storeBytes / 1024.0, "0")} KB of lead JSON (UTF-16), request log capped at {options.RequestLogCapacity}; process peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)} MB.");
        if (run.Errors.Count > 0)
        {
            result.Details.Add("errors: " + run.ErrorSummary());
        }

        return result;
    }

    private static string Mb(long bytes) => F(bytes / 1024.0 / 1024.0, "0.0");

    private static PipelineRun Stream(BenchContext context, Http.LeadApiConnection connection, int count) =>
        context.Engine.Run(ps => ps.AddScript(Script)
            .AddParameter("Connection", connection)
            .AddParameter("Count", count)
            .AddParameter("Keys", Keys)
            .AddParameter("ThrottleLimit", ThrottleLimit));
}
