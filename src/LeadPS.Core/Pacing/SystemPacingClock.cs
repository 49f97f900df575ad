using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Pacing
{
    /// <summary>Real time, optionally sped up to match a time-scaled Sandbox.</summary>
    public sealed class SystemPacingClock : IPacingClock
    {
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

        public SystemPacingClock(double timeScale = 1.0)
        {
            if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
            {
                throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive number.");
            }

            TimeScale = timeScale;
        }

        public double TimeScale { get; }

        public TimeSpan Now => TimeSpan.FromTicks((long)(_stopwatch.Elapsed.Ticks * TimeScale));

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) =>
            delay <= TimeSpan.Zero
                ? Task.CompletedTask
                : Task.Delay(TimeSpan.FromTicks(Math.Max(1, (long)(delay.Ticks / TimeScale))), cancellationToken);
    }
}
