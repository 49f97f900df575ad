using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

/// <summary>A clock that moves only when the test advances it; delays complete when their time comes.</summary>
public sealed class ManualClock : IPacingClock
{
    private readonly List<(TimeSpan Due, TaskCompletionSource Done)> _sleepers = new();
    private TimeSpan _now;

    public TimeSpan Now
    {
        get
        {
            lock (_sleepers)
            {
                return _now;
            }
        }
    }

    public int Sleeping
    {
        get
        {
            lock (_sleepers)
            {
                return _sleepers.Count;
            }
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sleepers)
        {
            if (delay <= TimeSpan.Zero)
            {
                return Task.CompletedTask;
            }

            _sleepers.Add((_now + delay, done));
        }

        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        return done.Task;
    }

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> woken;
        lock (_sleepers)
        {
            _now += by;
            woken = _sleepers.Where(s => s.Due <= _now).Select(s => s.Done).ToList();
            _sleepers.RemoveAll(s => s.Due <= _now);
        }

        woken.ForEach(w => w.TrySetResult());
    }

    /// <summary>Waits (in real time, briefly) until someone sleeps on the clock.</summary>
    public async Task UntilSleepingAsync(int count = 1)
    {
        for (var i = 0; i < 500 && Sleeping < count; i++)
        {
            await Task.Delay(10);
        }

        Assert.True(Sleeping >= count, "nobody waited on the clock");
    }
}
