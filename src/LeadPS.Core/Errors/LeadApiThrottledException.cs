using System;

namespace LeadPS
{
    /// <summary>The platform kept answering 429 after the retry budget was spent.</summary>
    public class LeadApiThrottledException : LeadApiException
    {
        public LeadApiThrottledException(
            string message,
            LeadPlatform platform,
            TimeSpan? retryAfter = null,
            int? platformCode = null,
            string? serverMessage = null,
            string? responseBody = null,
            string? request = null)
            : base(message, LeadErrorKind.Throttled, platform, 429, platformCode, serverMessage, responseBody, null, request)
        {
            RetryAfter = retryAfter;
        }

        /// <summary>How long the platform asked to wait, when it said.</summary>
        public TimeSpan? RetryAfter { get; }
    }
}
