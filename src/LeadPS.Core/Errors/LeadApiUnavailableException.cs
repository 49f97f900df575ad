using System;

namespace LeadPS
{
    /// <summary>The platform could not be reached or failed (5xx, timeout, dropped connection) after retries.</summary>
    public class LeadApiUnavailableException : LeadApiException
    {
        public LeadApiUnavailableException(
            string message,
            LeadPlatform platform,
            int? statusCode = null,
            string? serverMessage = null,
            string? responseBody = null,
            string? request = null,
            Exception? innerException = null)
            : base(message, LeadErrorKind.Unavailable, platform, statusCode, null, serverMessage, responseBody, null, request, innerException)
        {
        }
    }
}
