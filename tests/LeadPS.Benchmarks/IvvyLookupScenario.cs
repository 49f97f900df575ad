using System.Collections;
using System.Diagnostics;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// 6. iVvy lookups at scale: one-row Invoke-LeadUpsert commands (half existing names, half new) over
/// 1,000, 10,000 and 30,000 iVvy Sandbox leads, with getLeadList's filter honoured (each command asks
/// for its name) and ignored (each command falls back to listing every lead once). Requests per
/// command come from the Sandbox's request log; time is in memory, without latency.
/// </summary>
internal sealed class IvvyLookupScenario : Scenario
{
    private const int PageSize = 100;
    private const double ProjectedLatencyMs = 100;

    public override int Number => 6;

    public override string Name => "iVvy lookups";

    public override ScenarioResult Run(BenchContext context)
    {
        var sizes = context.Quick ? new[] { 1_000, 3_000 } : new[] { 1_000, 10_000, 30_000 };
        var cells = new List<string>();
        var details = new List<string>();
        var pass = true;
        foreach (var size in sizes)
        {
            var filtered = Measure(context, size, SandboxFilterSupport.Honoured, commands: 10);
            var fallback = Measure(context, size, SandboxFilterSupport.Ignored, commands: size >= 30_000 ? 2 : size >= 10_000 ? 4 : 6);
            var pages = (size + PageSize - 1) / PageSize;

            // Filtered: one getLeadList and one write per command, plus, once per connection, the same
            // getLeadList in another case (LeadPS checks iVvy ignores case). Fallback: at most one listing
            // per command (pages + the page for the new lead), plus one filtered try on the first command.
            var filteredOk = filtered.Failures == 0 && filtered.Requests <= (2 * filtered.Commands) + 1;
            var fallbackOk = fallback.Failures == 0 && fallback.MaxListings <= 1 && fallback.MaxRequests <= pages + 3;
            pass &= filteredOk && fallbackOk;
            cells.Add($"{I(size)}: {F(filtered.RequestsPerCommand, "0.0")} req, {F(filtered.MsPerCommand, "0")} ms / {F(fallback.RequestsPerCommand, "0.0")} req, {F(fallback.MsPerCommand, "0")} ms");
            details.Add($"{I(size)} leads, filter honoured: {filtered.Commands} commands, {I(filtered.Requests)} requests ({F(filtered.RequestsPerCommand, "0.0")} per command, at most {filtered.MaxRequests}), {F(filtered.MsPerCommand, "0.0")} ms per command in memory; at {ProjectedLatencyMs:0} ms per request that is {F(filtered.RequestsPerCommand * ProjectedLatencyMs / 1000, "0.0")} s per command; outcomes {filtered.Outcomes}; {filtered.Failures} wrong.");
            details.Add($"{I(size)} leads, filter ignored (fallback): {fallback.Commands} commands, {I(fallback.Requests)} requests ({F(fallback.RequestsPerCommand, "0.0")} per command, at most {fallback.MaxRequests}; {pages} pages per listing, at most {fallback.MaxListings} listing per command), {F(fallback.MsPerCommand, "0.0")} ms per command in memory; at {ProjectedLatencyMs:0} ms per request that is {F(fallback.RequestsPerCommand * ProjectedLatencyMs / 1000, "0.0")} s per command; outcomes {fallback.Outcomes}; {fallback.Failures} wrong.");
        }

        var result = new ScenarioResult(
            $"one-row Invoke-LeadUpsert commands (half existing names, half new) over {string.Join(" / ", sizes.Select(s => I(s)))} iVvy Sandbox leads: requests and in-memory time per command, getLeadList filter honoured / ignored (fallback listing)",
            string.Join("; ", cells),
            "honoured: 2 requests per command (+1 case check per connection) at every size; ignored: <= 1 listing per command; outcomes right",
            pass);
        result.Details.AddRange(details);
        return result;
    }

    private static Measurement Measure(BenchContext context, int size, SandboxFilterSupport filters, int commands)
    {
        var name = "BenchIvvy" + filters + size;
        var options = new SandboxOptions { RequestsPerMinute = 0, IvvyLeadListFilters = filters, RequestLogCapacity = 1_000_000 };
        var connection = context.Engine.ConnectIvvySandbox(name, options);
        var sandbox = (LeadSandbox)connection.Sandbox!;
        var ids = new long[size];
        for (var i = 0; i < size; i++)
        {
            ids[i] = sandbox.Ivvy!.SeedLead($"Lead {i:00000}", 208);
        }

        BenchContext.Log($"{I(size)} leads, filter {filters}: {commands} one-row upserts...");
        var measurement = new Measurement { Commands = commands };
        var elapsed = TimeSpan.Zero;
        var updated = 0;
        var created = 0;
        for (var c = 0; c < commands; c++)
        {
            var existing = c % 2 == 0;
            var index = (c + 1) * (size / (commands + 1));
            var row = existing
                ? new Hashtable { ["name"] = $"Lead {index:00000}", ["description"] = "bench" }
                : new Hashtable { ["name"] = $"New {c}", ["contactId"] = 208, ["industryId"] = 22, ["sourceId"] = 31, ["typeId"] = 43, ["stageId"] = 51 };
            var before = sandbox.Requests.TotalCount;
            var watch = Stopwatch.StartNew();
            var run = context.Engine.Run(ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connection).AddParameter("InputObject", row));
            watch.Stop();
            elapsed += watch.Elapsed;
            var requests = sandbox.Requests.Snapshot().Where(r => r.Sequence > before).ToList();
            measurement.Requests += requests.Count;
            measurement.MaxRequests = Math.Max(measurement.MaxRequests, requests.Count);
            measurement.MaxListings = Math.Max(measurement.MaxListings, requests.Count(r => r.Body == "{\"perPage\":100,\"start\":0}"));
            var lead = run.Errors.Count == 0 && run.Output.Count == 1 ? run.Output[0].BaseObject as IvvyLead : null;
            var right = existing
                ? lead is { Outcome: LeadOutcome.Updated } && lead.Id == ids[index]
                : lead is { Outcome: LeadOutcome.Created };
            if (!right)
            {
                measurement.Failures++;
            }
            else if (existing)
            {
                updated++;
            }
            else
            {
                created++;
            }
        }

        context.Engine.Disconnect(name);
        measurement.Outcomes = $"{updated} Updated, {created} Created";
        measurement.MsPerCommand = elapsed.TotalMilliseconds / commands;
        return measurement;
    }

    private sealed class Measurement
    {
        public int Commands { get; set; }

        public long Requests { get; set; }

        public int MaxRequests { get; set; }

        public int MaxListings { get; set; }

        public int Failures { get; set; }

        public string Outcomes { get; set; } = string.Empty;

        public double MsPerCommand { get; set; }

        public double RequestsPerCommand => (double)Requests / Commands;
    }
}
