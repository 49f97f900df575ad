using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

/// <summary>A clock that only moves when someone waits on it: delays complete at once and advance time.</summary>
public sealed class VirtualClock : IPacingClock
{
    private long _ticks;

    public TimeSpan Now => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public List<TimeSpan> Delays { get; } = new();

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Delays)
        {
            Delays.Add(delay);
        }

        if (delay > TimeSpan.Zero)
        {
            Interlocked.Add(ref _ticks, delay.Ticks);
        }

        return Task.CompletedTask;
    }

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
