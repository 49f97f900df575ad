using System;
using System.Globalization;
using LeadPS.Pacing;

namespace LeadPS.Http
{
    /// <summary>Told to the caller before a request is tried again, so it can warn the user.</summary>
    public sealed class RetryNotice
    {
        /// <summary>A failure other than a spent budget, retried after <paramref name="delay"/>.</summary>
        public RetryNotice(string request, int retry, int maximumRetryCount, TimeSpan delay, string reason, bool throttled)
        {
            Request = request;
            Retry = retry;
            MaximumRetryCount = maximumRetryCount;
            Delay = delay;
            Reason = reason;
            Throttled = throttled;
        }

        /// <summary>A 429 for the account's budget: the request waits at the account's gate, which <paramref name="throttle"/> says what it did.</summary>
        public RetryNotice(string request, int attempt, string reason, ThrottleReport throttle)
        {
            Request = request;
            Retry = attempt;
            Delay = throttle.Pause;
            Reason = reason;
            Throttled = true;
            Throttle = throttle;
        }

        public string Request { get; }

        /// <summary>The retry's number (a 429's: the attempt that met it).</summary>
        public int Retry { get; }

        /// <summary>The retries allowed for failures other than 429; 0 on a 429's notice (429s are retried for a time, not a count).</summary>
        public int MaximumRetryCount { get; }

        public TimeSpan Delay { get; }

        public string Reason { get; }

        /// <summary>True when the platform answered 429.</summary>
        public bool Throttled { get; }

        /// <summary>What the account's gate did about the 429; null for other failures (and iVvy's 24299 race).</summary>
        public ThrottleReport? Throttle { get; }

        public override string ToString()
        {
            if (Throttle == null)
            {
                return $"{Request}: {Reason.TrimEnd('.')}; retry {Retry} of {MaximumRetryCount} in {Seconds(Delay)} s.";
            }

            var pace = Throttle.Budget > 0
                ? $"then allows {Throttle.AllowedPerWindow} of its {Throttle.Budget} requests per {Seconds(Throttle.Window)} s, recovering gradually"
                : "then resumes";
            var pause = Throttle.StartedPause ? "the account's requests pause" : "the account was already paused; its requests wait";
            return $"{Request}: {Reason.TrimEnd('.')}; {pause} {Seconds(Delay)} s, {pace}; LeadPS sent {Throttle.SentInWindow} in the last window. Attempt {Retry} is retried.";
        }

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
