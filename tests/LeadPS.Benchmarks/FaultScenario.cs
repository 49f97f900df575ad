using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 5. Faults: distinct leads through Invoke-LeadUpsert while the Sandbox injects faults into 10% of
/// requests (503s, 429 bursts, dropped connections, timeouts, cut bodies). Every input must come
/// out exactly once, as a lead or as an error, and no e-mail may be stored twice.
/// </summary>
internal sealed class FaultScenario : Scenario
{
    private const double FaultRate = 0.1;
    private const int ThrottleLimit = 16;
    private const int MaximumRetryCount = 6;
    private const int TimeoutSec = 1;
    private const double TimeScale = 60;

    public override int Number => 5;

    public override string Name => "faults";

    public override ScenarioResult Run(BenchContext context)
    {
        var count = context.Quick ? 1000 : 10000;
        var options = new SandboxOptions
        {
            RequestsPerMinute = 0,
            FaultRate = FaultRate,
            Faults = SandboxFault.All,
            ThrottleBurstLength = 3,
            RandomSeed = 20261123,
            // Backoff waits on the connection's pacing clock, which Connect-LeadApi -Sandbox scales
            // like the Sandbox: a 1 s base delay lasts 1/60 s. The 1 s timeout is real time.
            TimeScale = TimeScale,
            RequestLogCapacity = count * 2,
        };

        var connection = context.Engine.ConnectCopperSandbox("BenchFaults", options, MaximumRetryCount, TimeoutSec);
        var sandbox = (LeadSandbox)connection.Sandbox!;
        var sentBefore = sandbox.Requests.TotalCount;
        var inputs = BenchLeads.Distinct("fault", count);
        BenchContext.Log($"{count} upserts, {FaultRate:P0} faults (all kinds), -MaximumRetryCount {MaximumRetryCount} -TimeoutSec {TimeoutSec}, TimeScale {TimeScale}, -ThrottleLimit {ThrottleLimit}...");
        var run = context.Engine.Run(
            ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("ThrottleLimit", ThrottleLimit)
                .AddParameter("WarningAction", "SilentlyContinue"),
            inputs);
        context.Engine.Disconnect("BenchFaults");

        // Every input accounted for exactly once: by its e-mail, from the leads' Input and the errors' TargetObject.
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        void Count(string? email)
        {
            if (email != null)
            {
                seen[email] = seen.TryGetValue(email, out var n) ? n + 1 : 1;
            }
        }

        foreach (var output in run.Output)
        {
            Count(BenchLeads.EmailOf((output.BaseObject as Lead)?.Input));
        }

        foreach (var error in run.Errors)
        {
            Count(BenchLeads.EmailOf(error.TargetObject));
        }

        var unaccounted = inputs.Count(i => !seen.ContainsKey((string)i["email"]!));
        var twice = seen.Count(s => s.Value > 1);

        var stored = sandbox.Copper!.Leads;
        var duplicates = stored.Where(l => l.Email != null).GroupBy(l => l.Email!, StringComparer.OrdinalIgnoreCase).Count(g => g.Count() > 1);
        var storedEmails = new HashSet<string>(stored.Where(l => l.Email != null).Select(l => l.Email!), StringComparer.OrdinalIgnoreCase);
        var outputsNotStored = run.Output.Count(o => o.BaseObject is CopperLead lead && (lead.Email == null || !storedEmails.Contains(lead.Email)));
        var erroredButStored = run.Errors.Count(e => BenchLeads.EmailOf(e.TargetObject) is { } email && storedEmails.Contains(email));

        var records = sandbox.Requests.Snapshot();
        var upsertRecords = records.Where(r => r.PathAndQuery.Contains("leads/upsert", StringComparison.Ordinal)).ToList();
        var faults = upsertRecords.Where(r => r.Fault != SandboxFault.None).GroupBy(r => r.Fault).OrderBy(g => g.Key)
            .Select(g => $"{g.Key} {g.Count()}");
        var errorIds = run.Errors.GroupBy(e => e.FullyQualifiedErrorId.Split(',')[0]).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count()}");
        var sent = sandbox.Requests.TotalCount - sentBefore;

        var balanced = run.Output.Count + run.Errors.Count == count;
        var pass = balanced && unaccounted == 0 && twice == 0 && duplicates == 0 && outputsNotStored == 0;
        var result = new ScenarioResult(
            $"{I(count)} distinct leads, {FaultRate:P0} of requests faulted (503, 429 bursts of 3, dropped connection, {TimeoutSec} s timeout, cut body), -MaximumRetryCount {MaximumRetryCount}, -ThrottleLimit {ThrottleLimit}: inputs = outputs + errors; duplicate e-mails in the store",
            $"{I(count)} = {I(run.Output.Count)} + {I(run.Errors.Count)}; {duplicates} duplicates; {F(run.Elapsed.TotalSeconds, "0.0")} s",
            "balanced; 0 duplicates",
            pass);
        result.Details.Add($"{I(sent)} requests for {I(count)} leads ({I(sent - count)} retries); faults injected into upserts: {string.Join(", ", faults)} (log of the last {I(records.Count)} requests).");
        result.Details.Add($"errors by ErrorId: {(run.Errors.Count == 0 ? "none" : string.Join(", ", errorIds))}; {erroredButStored} of the errored leads are stored anyway (the answer was lost or cut after the Sandbox processed it; the error says the request may have been carried out).");
        result.Details.Add($"inputs not accounted for: {unaccounted}; inputs reported twice: {twice}; leads written but not in the store: {outputsNotStored}; store: {I(stored.Count)} leads, {duplicates} e-mails stored more than once.");
        foreach (var error in run.Errors.Where(e => e.Exception is not LeadApiException { ErrorKind: LeadErrorKind.InvalidResponse }).Take(5))
        {
            var email = BenchLeads.EmailOf(error.TargetObject) ?? "?";
            var attempts = upsertRecords.Where(r => r.Body.Contains("\"" + email + "\"", StringComparison.OrdinalIgnoreCase)).ToList();
            var start = attempts.Count > 0 ? attempts[0].ReceivedAt : default;
            result.Details.Add($"failed otherwise: {email}: {error.FullyQualifiedErrorId.Split(',')[0]}; its attempts (ms from the first: answer): " +
                string.Join(", ", attempts.Select(a => $"{(a.ReceivedAt - start).TotalMilliseconds:0}: {(a.Fault == SandboxFault.None ? a.StatusCode?.ToString() : a.Fault.ToString())}")));
        }

        result.Details.Add($"retry settings: Connect-LeadApi -Sandbox -MaximumRetryCount {MaximumRetryCount} -TimeoutSec {TimeoutSec}; backoff base 1 s (not a cmdlet parameter) on the pacing clock scaled by TimeScale {TimeScale}, so ~17 ms; the timeout is real time. 429s pause the account's gate (1 s scaled, doubling while they go on) and are retried for twice the 60 s window (scaled: 2 s), not counted.");
        return result;
    }
}
