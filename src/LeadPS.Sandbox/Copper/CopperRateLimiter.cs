using System;
using System.Collections.Generic;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// One <see cref="CopperRateWindow"/> per user (Copper's limit is per user, keyed by the
    /// <c>X-PW-UserEmail</c> header, case-insensitively), on the Sandbox's scaled clock. The budget
    /// is read on every request so a host may change <see cref="SandboxOptions.RequestsPerMinute"/> live.
    /// </summary>
    internal sealed class CopperRateLimiter
    {
        private readonly object _gate = new object();
        private readonly Dictionary<string, CopperRateWindow> _windows = new Dictionary<string, CopperRateWindow>(StringComparer.OrdinalIgnoreCase);
        private readonly SandboxOptions _options;
        private readonly SandboxClock _clock;

        public CopperRateLimiter(SandboxOptions options, SandboxClock clock)
        {
            _options = options;
            _clock = clock;
        }

        public bool TryAcquire(string user)
        {
            var budget = _options.RequestsPerMinute;
            if (budget <= 0)
            {
                return true;
            }

            lock (_gate)
            {
                if (!_windows.TryGetValue(user, out var window))
                {
                    window = new CopperRateWindow();
                    _windows.Add(user, window);
                }

                // Read the clock inside the lock so the queue's times never go backwards.
                return window.TryAcquire(_clock.Elapsed, budget);
            }
        }
    }
}
