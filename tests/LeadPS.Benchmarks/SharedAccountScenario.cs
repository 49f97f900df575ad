using System.Diagnostics;
using System.Globalization;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 7. Shared account: one loopback Copper Sandbox with a scaled window and budget; 2 processes
/// (this benchmark re-launched as children) x 2 runspaces each connect with Connect-LeadApi -BaseUri
/// as the same user and upsert 50 distinct leads at once. Every lead must be stored once, with no
/// error record, and together they must use at least 0.85 of the server's budget; 429s are counted.
/// </summary>
internal sealed class SharedAccountScenario : Scenario
{
    private const int Processes = 2;
    private const int Runspaces = 2;
    private const int LeadsPerRunspace = 50;
    private const int Budget = 60;
    private const string User = "shared@bench.example";

    public override int Number => 7;

    public override string Name => "shared account";

    public override ScenarioResult Run(BenchContext context)
    {
        // The server's window is 60 s scaled: TimeScale 10 makes it 6 s of real time (3 s in quick mode).
        var windowSec = context.Quick ? 3 : 6;
        var options = new SandboxOptions { RequestsPerMinute = Budget, TimeScale = 60.0 / windowSec, RequestLogCapacity = 10000 };
        var sandbox = new LeadSandbox(LeadPlatform.Copper, options);
        using var server = sandbox.StartLoopback();
        var baseUri = sandbox.BaseAddressOf(server);
        var prefix = "shared" + DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture) + "-";
        BenchContext.Log($"{Processes} processes x {Runspaces} runspaces x {LeadsPerRunspace} upserts as one user, server {Budget} per {windowSec} s at {baseUri}...");

        var children = Enumerable.Range(0, Processes)
            .Select(_ => SharedAccountChild.Start(context.Engine.Manifest, baseUri, User, prefix, Runspaces, LeadsPerRunspace, Budget, windowSec))
            .ToList();
        var results = new List<string>();
        try
        {
            foreach (var child in children)
            {
                var line = child.StandardOutput.ReadLine();
                if (line != "ready")
                {
                    throw new InvalidOperationException($"A child process did not get ready (said '{line}').");
                }
            }

            var wall = Stopwatch.StartNew();
            children.ForEach(c => c.StandardInput.WriteLine("go"));
            foreach (var child in children)
            {
                string? line;
                while ((line = child.StandardOutput.ReadLine()) != null)
                {
                    results.Add(line);
                }

                child.WaitForExit();
            }

            wall.Stop();
            return Measure(sandbox, windowSec, results, wall.Elapsed, prefix);
        }
        finally
        {
            foreach (var child in children.Where(c => !c.HasExited))
            {
                child.Kill(entireProcessTree: true);
            }

            children.ForEach(c => c.Dispose());
        }
    }

    private static ScenarioResult Measure(LeadSandbox sandbox, int windowSec, List<string> results, TimeSpan wall, string prefix)
    {
        var lines = results.Where(l => l.StartsWith("result ", StringComparison.Ordinal)).Select(l => l.Split(' ')).ToList();
        var outputs = lines.Sum(l => int.Parse(l[2], CultureInfo.InvariantCulture));
        var errors = lines.Sum(l => int.Parse(l[3], CultureInfo.InvariantCulture));
        var warnings = lines.Sum(l => int.Parse(l[4], CultureInfo.InvariantCulture));
        var expected = Processes * Runspaces * LeadsPerRunspace;

        var records = sandbox.Requests.Snapshot();
        var throttled = records.Count(r => r.StatusCode == 429);
        var origin = records.Min(r => r.ReceivedAt);
        var use = WindowUse.Of(records, Budget, windowSec, at => (at - origin).TotalSeconds, r => r.PathAndQuery.Contains("leads/upsert", StringComparison.Ordinal));
        var stored = sandbox.Copper!.Leads.Where(l => l.Email != null && l.Email.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var storedOnce = stored.GroupBy(l => l.Email!, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() == 1);
        var duplicates = stored.Count - storedOnce;

        var pass = lines.Count == Processes * Runspaces && outputs == expected && errors == 0 && storedOnce == expected && duplicates == 0 && use.Ratio >= 0.85;
        var result = new ScenarioResult(
            $"loopback Copper Sandbox, {Budget} per {windowSec} s rolling window; {Processes} processes x {Runspaces} runspaces x {LeadsPerRunspace} upserts, one user (Connect-LeadApi -BaseUri -RequestsPerMinute {Budget} -RateWindowSec {windowSec}): leads stored once; error records; budget used jointly; 429s",
            $"{storedOnce} of {expected} stored once; {errors} errors; {F(use.Ratio)} of budget; {throttled} x 429",
            $"{expected} stored once; 0 errors; >= 0.85",
            pass);
        result.Details.Add($"{records.Count} requests reached the server ({Processes * Runspaces * 2} for connecting: credential check and schema read per runspace), {throttled} answered 429; run {F(wall.TotalSeconds, "0.0")} s wall from 'go' to the last child's exit; {warnings} warnings.");
        result.Details.Add($"budget use = window / mean gap over {use.Gaps.Count} gaps of {Budget} accepted requests: mean {F(use.MeanGap, "0.000")} s (window {windowSec} s; the clients count 1% more, so their ceiling is 0.990), min {F(use.Gaps.DefaultIfEmpty(double.NaN).Min(), "0.000")} s, max {F(use.Gaps.DefaultIfEmpty(double.NaN).Max(), "0.000")} s.");
        result.Details.Add("per runspace (process-runspace: outputs, errors, warnings, seconds): " + string.Join("; ", lines.Select((l, i) => $"{i / Runspaces}-{l[1]}: {l[2]}, {l[3]}, {l[4]}, {l[5]} s{(l.Length > 6 && l[6].Length > 0 ? " " + l[6] : string.Empty)}")));
        result.Details.Add($"store: {stored.Count} leads of this run, {duplicates} e-mails more than once. The processes share the budget through LeadPS's pacing file for the account (local application data, LeadPS/Pacing); the runspaces of a process through its one gate per account.");
        return result;
    }
}
