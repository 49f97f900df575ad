using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>An error the platform identified with a specific code, such as iVvy's 24216 (lead does not exist).</summary>
    public class LeadPlatformException : LeadApiException
    {
        public LeadPlatformException(
            string message,
            LeadErrorKind errorKind,
            LeadPlatform platform,
            int platformCode,
            int? statusCode,
            string? serverMessage,
            string? responseBody,
            IReadOnlyList<string>? additionalMessages = null,
            string? request = null,
            Exception? innerException = null)
            : base(message, errorKind, platform, statusCode, platformCode, serverMessage, responseBody, additionalMessages, request, innerException)
        {
        }
    }
}
