using System;
using System.Collections.Generic;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Copper's rolling window: at most N accepted requests in any 60 seconds. Keeps the times of
    /// the accepted requests still inside the window (at most N of them), so each check is O(1)
    /// amortized however many requests arrive. Refused requests are not recorded: they cost nothing.
    /// Not thread-safe by itself.
    /// </summary>
    internal sealed class CopperRateWindow
    {
        public static readonly TimeSpan Length = TimeSpan.FromSeconds(60);

        private readonly Queue<long> _acceptedAt = new Queue<long>();

        public int Count => _acceptedAt.Count;

        /// <summary>Records a request at <paramref name="now"/> if the budget allows it.</summary>
        public bool TryAcquire(TimeSpan now, int budget)
        {
            // A request accepted exactly 60 s ago has left the window.
            var windowStart = now.Ticks - Length.Ticks;
            while (_acceptedAt.Count > 0 && _acceptedAt.Peek() <= windowStart)
            {
                _acceptedAt.Dequeue();
            }

            if (_acceptedAt.Count >= budget)
            {
                return false;
            }

            _acceptedAt.Enqueue(now.Ticks);
            return true;
        }
    }
}
