using System;
using System.Linq;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Decides, per request, whether a fault replaces the platform's answer, at the configured
    /// rate and from a seeded generator so a run can be repeated. A 429 fault starts a burst.
    /// </summary>
    internal sealed class FaultInjector
    {
        private readonly SandboxOptions _options;
        private readonly SandboxFault[] _kinds;
        private readonly Random _random;
        private readonly object _lock = new object();
        private int _burstRemaining;

        public FaultInjector(SandboxOptions options)
        {
            _options = options;
            _kinds = Enum.GetValues(typeof(SandboxFault)).Cast<SandboxFault>()
                .Where(f => f != SandboxFault.None && f != SandboxFault.All && (options.Faults & f) == f)
                .ToArray();
            _random = new Random(options.RandomSeed);
        }

        /// <summary>The fault for the next request, and whether a lost answer comes after the platform processed it.</summary>
        public (SandboxFault Fault, bool AfterProcessing) Next()
        {
            lock (_lock)
            {
                if (_burstRemaining > 0)
                {
                    _burstRemaining--;
                    return (SandboxFault.TooManyRequests, false);
                }

                if (_kinds.Length == 0 || _options.FaultRate <= 0 || _random.NextDouble() >= _options.FaultRate)
                {
                    return (SandboxFault.None, false);
                }

                var fault = _kinds[_random.Next(_kinds.Length)];
                if (fault == SandboxFault.TooManyRequests)
                {
                    _burstRemaining = Math.Max(0, _options.ThrottleBurstLength - 1);
                }

                // A lost answer is the dangerous case for a client: half the time the work was done.
                var afterProcessing = fault == SandboxFault.MalformedBody || (fault != SandboxFault.TooManyRequests && fault != SandboxFault.ServerError && _random.Next(2) == 0);
                return (fault, afterProcessing);
            }
        }
    }
}
