using System;
using System.Globalization;

namespace LeadPS.Pacing
{
    /// <summary>
    /// How long to wait before trying again: the server's Retry-After when it gave one, otherwise
    /// exponential backoff with jitter so that many clients do not retry in step.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly Random _random;
        private readonly object _randomLock = new object();

        public RetryPolicy(int maximumRetryCount, TimeSpan? baseDelay = null, TimeSpan? maximumDelay = null, int? seed = null)
        {
            if (maximumRetryCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maximumRetryCount), maximumRetryCount, "The retry count cannot be negative.");
            }

            MaximumRetryCount = maximumRetryCount;
            BaseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
            MaximumDelay = maximumDelay ?? TimeSpan.FromSeconds(60);
            _random = seed.HasValue ? new Random(seed.Value) : new Random();
        }

        public int MaximumRetryCount { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan MaximumDelay { get; }

        /// <summary>The wait before retry number <paramref name="retry"/> (1 for the first retry).</summary>
        public TimeSpan GetDelay(int retry, TimeSpan? retryAfter = null)
        {
            if (retryAfter.HasValue && retryAfter.Value >= TimeSpan.Zero)
            {
                return retryAfter.Value < MaximumDelay ? retryAfter.Value : MaximumDelay;
            }

            var exponent = Math.Min(Math.Max(retry - 1, 0), 16);
            var ceiling = Math.Min(BaseDelay.Ticks * Math.Pow(2, exponent), MaximumDelay.Ticks);
            double fraction;
            lock (_randomLock)
            {
                fraction = 0.5 + (_random.NextDouble() / 2);
            }

            return TimeSpan.FromTicks((long)(ceiling * fraction));
        }

        /// <summary>
        /// Reads a Retry-After value: delta-seconds (<c>120</c>) or an HTTP date
        /// (<c>Wed, 21 Oct 2026 07:28:00 GMT</c>), relative to <paramref name="now"/>. Null when absent or unreadable.
        /// </summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            var text = value!.Trim();
            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
            }

            if (DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }
    }
}
