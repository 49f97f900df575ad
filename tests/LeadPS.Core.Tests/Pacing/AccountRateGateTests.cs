using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

public class AccountRateGateTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromSeconds(60);

    // Admissions are counted over the window plus a 1% margin against network jitter.
    private static readonly TimeSpan CountedMinute = TimeSpan.FromSeconds(60.6);

    private static AccountRateGate Gate(int budget, IPacingClock clock, TimeSpan? window = null, IPacingStore? store = null) =>
        new("Copper|https://copper.test/|me@example.test", budget, window ?? Minute, clock, store ?? new MemoryPacingStore());

    [Fact]
    public async Task Admits_the_budget_at_once_then_waits_for_the_oldest_to_leave_the_window()
    {
        var clock = new VirtualClock();
        var gate = Gate(3, clock);

        for (var i = 0; i < 3; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        Assert.Empty(clock.Delays);
        await gate.WaitAsync(CancellationToken.None);
        Assert.Equal(CountedMinute, Assert.Single(clock.Delays));
    }

    [Theory]
    [InlineData(180, 60)]
    [InlineData(60, 20)]
    [InlineData(180, 6)]
    public async Task Never_admits_more_than_the_budget_in_any_window_of_the_given_length(int budget, int windowSeconds)
    {
        var window = TimeSpan.FromSeconds(windowSeconds);
        var clock = new VirtualClock();
        var gate = Gate(budget, clock, window);
        var admitted = new List<TimeSpan>();

        for (var i = 0; i < 1000; i++)
        {
            clock.Advance(TimeSpan.FromTicks(window.Ticks / 1500 * (i % 7)));
            admitted.Add(await gate.WaitAsync(CancellationToken.None));
        }

        for (var i = budget; i < admitted.Count; i++)
        {
            Assert.True(admitted[i] - admitted[i - budget] >= window, $"request {i} came {admitted[i] - admitted[i - budget]} after request {i - budget}");
        }

        // Paced, not starved: request k cannot go before floor(k / budget) windows, and the last one goes within a window of that.
        var windows = admitted[^1].TotalSeconds / window.TotalSeconds;
        Assert.InRange(windows, Math.Floor(999.0 / budget), Math.Floor(999.0 / budget) + 1);
    }

    [Fact]
    public async Task Zero_budget_admits_everything_at_once_until_a_429()
    {
        var clock = new VirtualClock();
        var gate = Gate(0, clock);
        for (var i = 0; i < 10000; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        Assert.Empty(clock.Delays);
        var report = gate.ReportThrottled(clock.Now, null, CancellationToken.None);
        await gate.WaitAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(1), report.Pause);
        Assert.Equal(TimeSpan.FromSeconds(1), Assert.Single(clock.Delays));
        Assert.False(report.LikelyOutside);
    }

    [Fact]
    public async Task A_429_pauses_the_whole_account_for_a_back_off_that_doubles_toward_the_window()
    {
        var clock = new VirtualClock();
        var gate = Gate(180, clock);
        var pauses = new List<TimeSpan>();

        for (var i = 0; i < 8; i++)
        {
            var admitted = await gate.WaitAsync(CancellationToken.None);
            pauses.Add(gate.ReportThrottled(admitted, null, CancellationToken.None).Pause);
        }

        // A sixtieth of the window, doubling while nothing succeeds, never more than the window.
        Assert.Equal(new[] { 1.0, 2, 4, 8, 16, 32, 60, 60 }, pauses.Select(p => p.TotalSeconds));
        Assert.Equal(pauses.Take(7), clock.Delays.Take(7));
    }

    [Fact]
    public async Task A_success_after_a_pause_starts_the_back_off_afresh()
    {
        var clock = new VirtualClock();
        var gate = Gate(180, clock);

        gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(2), gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None).Pause);
        gate.ReportSuccess(await gate.WaitAsync(CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(1), gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None).Pause);
    }

    [Fact]
    public async Task Retry_After_sets_the_pause_and_is_capped_at_two_windows()
    {
        var clock = new VirtualClock();
        var gate = Gate(180, clock);

        Assert.Equal(TimeSpan.FromSeconds(7), gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), TimeSpan.FromSeconds(7), CancellationToken.None).Pause);
        await gate.WaitAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(7), clock.Delays.Last());
        Assert.Equal(TimeSpan.FromMinutes(2), gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), TimeSpan.FromHours(1), CancellationToken.None).Pause);
    }

    [Fact]
    public async Task Siblings_of_the_429_that_started_a_pause_neither_extend_it_nor_lower_the_pace_again()
    {
        var clock = new VirtualClock();
        var gate = Gate(100, clock);
        var inFlight = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            inFlight.Add(await gate.WaitAsync(CancellationToken.None));
        }

        var first = gate.ReportThrottled(inFlight[0], null, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var siblings = inFlight.Skip(1).Select(a => gate.ReportThrottled(a, null, CancellationToken.None)).ToList();

        Assert.True(first.StartedPause);
        Assert.Equal(70, first.AllowedPerWindow);
        Assert.All(siblings, s => Assert.False(s.StartedPause));
        Assert.All(siblings, s => Assert.Equal(70, s.AllowedPerWindow));
        Assert.All(siblings, s => Assert.Equal(TimeSpan.FromMilliseconds(800), s.Pause));
    }

    [Fact]
    public async Task The_pace_drops_on_each_429_and_recovers_gradually_without_them()
    {
        var clock = new VirtualClock();
        var gate = Gate(100, clock);

        Assert.Equal(70, gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None).AllowedPerWindow);
        Assert.Equal(49, gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None).AllowedPerWindow);

        // +20% of the budget per window without a 429: 0.49 -> 0.59 after half a window, whole after 2.55 windows.
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(59, gate.AllowedPerWindow(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(79, gate.AllowedPerWindow(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(63));
        Assert.Equal(100, gate.AllowedPerWindow(CancellationToken.None));
    }

    [Fact]
    public async Task A_lowered_pace_admits_fewer_per_window()
    {
        var clock = new VirtualClock();
        var gate = Gate(10, clock);
        gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None); // allows 7, pauses 1 s
        var admitted = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            admitted.Add(await gate.WaitAsync(CancellationToken.None));
        }

        // One from before the 429 plus six: the seventh waits for the first to leave the window.
        Assert.Equal(TimeSpan.FromSeconds(1), admitted[0]);
        Assert.Equal(admitted[0], admitted[5]);
        Assert.Equal(CountedMinute, admitted[6]);
    }

    [Fact]
    public async Task A_429_with_room_left_in_the_budget_points_at_someone_else_and_slows_down_one_at_the_budget_only_pauses()
    {
        var clock = new VirtualClock();
        var gate = Gate(180, clock);
        for (var i = 0; i < 179; i++)
        {
            await gate.WaitAsync(CancellationToken.None);
        }

        // Refused at the full budget: the server merely counted one more (jitter); pause, but keep the pace.
        var atBudget = gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None);
        Assert.Equal(180, atBudget.SentInWindow);
        Assert.False(atBudget.LikelyOutside);
        Assert.Equal(180, atBudget.AllowedPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(1), atBudget.Pause);

        // Refused with most of the budget unused: someone else spends it; slow down.
        clock.Advance(TimeSpan.FromMinutes(5));
        var early = gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), null, CancellationToken.None);
        Assert.Equal(1, early.SentInWindow);
        Assert.True(early.LikelyOutside);
        Assert.Equal(126, early.AllowedPerWindow);
    }

    [Fact]
    public async Task Two_gates_on_one_store_share_the_budget_the_pause_and_the_pace()
    {
        var clock = new VirtualClock();
        var store = new MemoryPacingStore();
        var a = Gate(10, clock, store: store);
        var b = Gate(10, clock, store: store);
        for (var i = 0; i < 5; i++)
        {
            await a.WaitAsync(CancellationToken.None);
            await b.WaitAsync(CancellationToken.None);
        }

        Assert.Empty(clock.Delays);
        await b.WaitAsync(CancellationToken.None);
        Assert.Equal(CountedMinute, Assert.Single(clock.Delays));

        var report = a.ReportThrottled(clock.Now, null, CancellationToken.None);
        Assert.Equal(7, b.AllowedPerWindow(CancellationToken.None));
        await b.WaitAsync(CancellationToken.None);
        Assert.Equal(report.Pause, clock.Delays.Last());
    }

    [Fact]
    public async Task Two_gates_on_one_file_store_share_the_account_as_two_processes_would()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadps-pacing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = new VirtualClock();
            var processA = Gate(4, clock, TimeSpan.FromSeconds(6), new FilePacingStore(folder));
            var processB = Gate(4, clock, TimeSpan.FromSeconds(6), new FilePacingStore(folder));

            await processA.WaitAsync(CancellationToken.None);
            await processA.WaitAsync(CancellationToken.None);
            await processB.WaitAsync(CancellationToken.None);
            await processB.WaitAsync(CancellationToken.None);
            Assert.Empty(clock.Delays);

            await processA.WaitAsync(CancellationToken.None);
            Assert.Equal(TimeSpan.FromMilliseconds(6060), Assert.Single(clock.Delays));

            var report = processB.ReportThrottled(clock.Now, TimeSpan.FromSeconds(3), CancellationToken.None);
            Assert.Equal(TimeSpan.FromSeconds(3), report.Pause);
            Assert.Equal(2, processA.AllowedPerWindow(CancellationToken.None)); // 4 x 0.7, rounded down
            await processA.WaitAsync(CancellationToken.None);
            Assert.Equal(TimeSpan.FromSeconds(3), clock.Delays[1]);

            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.DoesNotContain("me@example.test", File.ReadAllText(file));
            Assert.DoesNotContain("me@example.test", file);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task Many_threads_on_two_file_stores_never_exceed_the_budget_together()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leadps-pacing-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var clock = new VirtualClock();
            var gates = new[] { Gate(50, clock, store: new FilePacingStore(folder)), Gate(50, clock, store: new FilePacingStore(folder)) };
            var admitted = 0;
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
            {
                for (var n = 0; n < 10; n++)
                {
                    var at = await gates[i % 2].WaitAsync(CancellationToken.None);
                    if (at == TimeSpan.Zero)
                    {
                        Interlocked.Increment(ref admitted);
                    }
                }
            })));

            // 80 requests: exactly the budget at time zero, the rest after the window (the virtual clock jumps when one waits).
            Assert.Equal(50, admitted);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Fact]
    public async Task While_paused_the_status_says_so_and_how_long_and_cancellation_ends_the_wait_at_once()
    {
        var clock = new ManualClock();
        var gate = Gate(180, clock);
        gate.ReportThrottled(await gate.WaitAsync(CancellationToken.None), TimeSpan.FromSeconds(30), CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.WaitAsync(cancel.Token);
        await clock.UntilSleepingAsync();
        clock.Advance(TimeSpan.FromSeconds(10));
        var status = gate.Status!;
        Assert.True(status.Paused);
        Assert.Equal(TimeSpan.FromSeconds(20), status.Remaining);
        Assert.Contains("paused 20 s after a 429", status.ToString());

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Null(gate.Status);
    }

    [Fact]
    public async Task Waiting_for_room_in_the_window_is_reported_with_the_pace()
    {
        var clock = new ManualClock();
        var gate = Gate(2, clock, TimeSpan.FromSeconds(20));
        await gate.WaitAsync(CancellationToken.None);
        await gate.WaitAsync(CancellationToken.None);

        var third = gate.WaitAsync(CancellationToken.None);
        await clock.UntilSleepingAsync();
        Assert.False(gate.Status!.Paused);
        Assert.Equal("Pacing: waiting 20.2 s for the account's rate budget (2 per 20 s, shared by the account)", gate.Status.ToString());
        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(TimeSpan.FromSeconds(21), await third);
    }
}
