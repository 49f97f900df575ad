using LeadPS.Sandbox.Hosting;

namespace LeadPS.Benchmarks;

/// <summary>
/// How much of a rolling-window budget a run used, from the server's own log: for every accepted
/// request j whose request j - budget was already part of the run, the gap t(j) - t(j - budget) is
/// how long the window made it wait. A client that sends each request the moment the window lets
/// it has every gap exactly one window, so used / budget = window / mean gap.
/// </summary>
internal sealed class WindowUse
{
    private WindowUse(IReadOnlyList<double> gaps, double window)
    {
        Gaps = gaps;
        Ratio = gaps.Count > 0 ? window / gaps.Average() : double.NaN;
    }

    /// <summary>The gaps, in the same unit as the window.</summary>
    public IReadOnlyList<double> Gaps { get; }

    public double Ratio { get; }

    public double MeanGap => Gaps.Count > 0 ? Gaps.Average() : double.NaN;

    /// <param name="records">The server's log.</param>
    /// <param name="budget">Requests per window at the server.</param>
    /// <param name="window">The window, in the unit <paramref name="secondsOf"/> turns a time into.</param>
    /// <param name="runStarts">The first request of the run (before it, idle time is not the client's).</param>
    public static WindowUse Of(IEnumerable<SandboxRequestRecord> records, int budget, double window, Func<DateTimeOffset, double> secondsOf, Func<SandboxRequestRecord, bool> runStarts)
    {
        var accepted = records.Where(r => r.StatusCode.HasValue && r.StatusCode != 429).OrderBy(r => r.ReceivedAt).ToList();
        var times = accepted.Select(r => secondsOf(r.ReceivedAt)).ToArray();
        var first = accepted.FindIndex(r => runStarts(r));
        var gaps = new List<double>();
        for (var j = Math.Max(first, 0) + budget; first >= 0 && j < times.Length; j++)
        {
            gaps.Add(times[j] - times[j - budget]);
        }

        return new WindowUse(gaps, window);
    }
}
