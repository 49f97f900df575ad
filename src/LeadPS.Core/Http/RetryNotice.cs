using System;

namespace LeadPS.Http
{
    /// <summary>Told to the caller before a request is tried again, so it can warn the user.</summary>
    public sealed class RetryNotice
    {
        public RetryNotice(string request, int retry, int maximumRetryCount, TimeSpan delay, string reason, bool throttled)
        {
            Request = request;
            Retry = retry;
            MaximumRetryCount = maximumRetryCount;
            Delay = delay;
            Reason = reason;
            Throttled = throttled;
        }

        public string Request { get; }

        public int Retry { get; }

        public int MaximumRetryCount { get; }

        public TimeSpan Delay { get; }

        public string Reason { get; }

        /// <summary>True when the platform answered 429.</summary>
        public bool Throttled { get; }

        public override string ToString() =>
            $"{Request}: {Reason.TrimEnd('.')}; retry {Retry} of {MaximumRetryCount} in {Delay.TotalSeconds:0.##} s.";
    }
}
