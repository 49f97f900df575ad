using System;
using System.Diagnostics;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// The emulator's notion of time. <see cref="TimeScale"/> speeds up windows such as Copper's
    /// per-minute budget (60 makes a minute pass in a second); <see cref="Offset"/> shifts the
    /// server's wall clock, to exercise iVvy's stale-request rule.
    /// </summary>
    public sealed class SandboxClock
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly DateTimeOffset _start;
        private readonly Func<DateTimeOffset> _wallClock;

        public SandboxClock(double timeScale = 1.0, TimeSpan offset = default, Func<DateTimeOffset>? wallClock = null)
        {
            if (timeScale <= 0 || double.IsNaN(timeScale) || double.IsInfinity(timeScale))
            {
                throw new ArgumentOutOfRangeException(nameof(timeScale), timeScale, "The time scale must be a positive number.");
            }

            TimeScale = timeScale;
            Offset = offset;
            _wallClock = wallClock ?? (() => DateTimeOffset.UtcNow);
            _start = _wallClock();
        }

        public double TimeScale { get; }

        public TimeSpan Offset { get; }

        /// <summary>Scaled time since the sandbox started: what rate windows are measured in.</summary>
        public TimeSpan Elapsed => TimeSpan.FromTicks((long)(_elapsed.Elapsed.Ticks * TimeScale));

        /// <summary>The server's wall clock (real time plus the offset): what request dates are checked against.</summary>
        public DateTimeOffset UtcNow => _wallClock() + Offset;

        /// <summary>The timestamp the platform stamps on records: scaled time from the start, plus the offset.</summary>
        public DateTimeOffset RecordTime => _start + Elapsed + Offset;
    }
}
