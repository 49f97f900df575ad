using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>The platform refused the credential (401, iVvy 462/463) or the action (403).</summary>
    public class LeadApiUnauthorizedException : LeadApiException
    {
        public LeadApiUnauthorizedException(
            string message,
            LeadPlatform platform,
            int? statusCode,
            bool forbidden = false,
            int? platformCode = null,
            string? serverMessage = null,
            string? responseBody = null,
            IReadOnlyList<string>? additionalMessages = null,
            string? request = null)
            : base(message, forbidden ? LeadErrorKind.Forbidden : LeadErrorKind.Unauthorized, platform, statusCode, platformCode, serverMessage, responseBody, additionalMessages, request)
        {
        }
    }
}
