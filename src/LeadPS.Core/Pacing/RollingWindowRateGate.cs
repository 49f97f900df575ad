using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Pacing
{
    /// <summary>
    /// Admits at most <see cref="Budget"/> requests in any window of <see cref="Window"/>, the way
    /// Copper counts them (a rolling window, not fixed buckets). One gate per connection, shared by
    /// every command using it; waiters are admitted in arrival order.
    /// </summary>
    public sealed class RollingWindowRateGate
    {
        private readonly IPacingClock _clock;
        private readonly Queue<TimeSpan> _admitted = new Queue<TimeSpan>();
        private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);

        /// <param name="budget">Requests per window; 0 or less admits everything at once.</param>
        /// <param name="window">The window's length.</param>
        /// <param name="safetyMargin">Added to the window so that network jitter cannot make the server count one request too many.</param>
        public RollingWindowRateGate(int budget, TimeSpan window, IPacingClock clock, TimeSpan safetyMargin = default)
        {
            if (window <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be longer than zero.");
            }

            Budget = budget;
            Window = window + safetyMargin;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        /// <summary>Copper's published budget: 180 requests a minute, with a 1% margin.</summary>
        public static RollingWindowRateGate PerMinute(int requestsPerMinute, IPacingClock clock) =>
            new RollingWindowRateGate(requestsPerMinute, TimeSpan.FromMinutes(1), clock, TimeSpan.FromMilliseconds(600));

        public int Budget { get; }

        public TimeSpan Window { get; }

        public bool IsUnlimited => Budget <= 0;

        /// <summary>Waits until one more request fits in the window, then counts it.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            if (IsUnlimited)
            {
                return;
            }

            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    var now = _clock.Now;
                    while (_admitted.Count > 0 && now - _admitted.Peek() >= Window)
                    {
                        _admitted.Dequeue();
                    }

                    if (_admitted.Count < Budget)
                    {
                        _admitted.Enqueue(now);
                        return;
                    }

                    await _clock.Delay(_admitted.Peek() + Window - now, cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _turn.Release();
            }
        }
    }
}
