using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

public class RollingWindowRateGateTests
{
    [Fact]
    public async Task Admits_the_budget_at_once_then_waits_for_the_oldest_to_leave_the_window()
    {
        var clock = new VirtualClock();
        var gate = new RollingWindowRateGate(3, TimeSpan.FromSeconds(60), clock);

        for (var i = 0; i < 3; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        Assert.Empty(clock.Delays);
        await gate.WaitAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(60), Assert.Single(clock.Delays));
    }

    [Fact]
    public async Task Never_admits_more_than_the_budget_in_any_window()
    {
        var clock = new VirtualClock();
        var gate = new RollingWindowRateGate(180, TimeSpan.FromSeconds(60), clock);
        var admitted = new List<TimeSpan>();

        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(i % 7 * 40));
            await gate.WaitAsync(CancellationToken.None);
            admitted.Add(clock.Now);
        }

        for (var i = 180; i < admitted.Count; i++)
        {
            Assert.True(admitted[i] - admitted[i - 180] >= TimeSpan.FromSeconds(60), $"request {i} came {admitted[i] - admitted[i - 180]} after request {i - 180}");
        }

        // Paced, not starved: the waits add up to no more than the (1000 / 180 - 1) windows the budget forces.
        var waited = clock.Delays.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        Assert.InRange(waited.TotalMinutes, 3.0, 1000.0 / 180 - 1);
    }

    [Fact]
    public async Task Zero_budget_means_unlimited()
    {
        var clock = new VirtualClock();
        var gate = new RollingWindowRateGate(0, TimeSpan.FromSeconds(60), clock);
        for (var i = 0; i < 10000; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task Waiting_honours_cancellation()
    {
        var gate = new RollingWindowRateGate(1, TimeSpan.FromMinutes(1), new SystemPacingClock());
        await gate.WaitAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.WaitAsync(cancel.Token));
    }
}
