using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Pacing
{
    /// <summary>
    /// Real time, optionally sped up to match a time-scaled Sandbox. Read from the machine's
    /// monotonic clock (the one <see cref="Stopwatch.GetTimestamp"/> reads), so that unscaled clocks
    /// in different processes agree: the pacing file store compares their times.
    /// </summary>
    public sealed class SystemPacingClock : IPacingClock
    {
        private static readonly double TicksPerTimestamp = (double)TimeSpan.TicksPerSecond / Stopwatch.Frequency;

        public SystemPacingClock(double timeScale = 1.0)
        {
            if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
            {
                throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive number.");
            }

            TimeScale = timeScale;
        }

        public double TimeScale { get; }

        public TimeSpan Now => TimeSpan.FromTicks((long)(Stopwatch.GetTimestamp() * TicksPerTimestamp * TimeScale));

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero
                ? Task.CompletedTask
                : Task.Delay(TimeSpan.FromTicks(Math.Max(1, (long)(delay.Ticks / TimeScale))), cancellationToken);
    }
}
