using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>
    /// Base of every error LeadPS raises about a lead request: the HTTP status, the platform's
    /// own code and message, and the response body with secrets removed.
    /// </summary>
    public class LeadApiException : Exception
    {
        public LeadApiException(string message)
            : this(message, LeadErrorKind.Unknown)
        {
        }

        public LeadApiException(
            string message,
            LeadErrorKind errorKind,
            LeadPlatform? platform = null,
            int? statusCode = null,
            int? platformCode = null,
            string? serverMessage = null,
            string? responseBody = null,
            IReadOnlyList<string>? additionalMessages = null,
            string? request = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorKind = errorKind;
            Platform = platform;
            StatusCode = statusCode;
            PlatformCode = platformCode;
            ServerMessage = serverMessage;
            ResponseBody = responseBody;
            AdditionalMessages = additionalMessages ?? Array.Empty<string>();
            Request = request;
        }

        public LeadErrorKind ErrorKind { get; }

        public LeadPlatform? Platform { get; }

        /// <summary>The HTTP status, or null when no answer came back.</summary>
        public int? StatusCode { get; }

        /// <summary>The platform's specific code (iVvy's specificCode), when it gave one.</summary>
        public int? PlatformCode { get; }

        /// <summary>The platform's own message, as it worded it.</summary>
        public string? ServerMessage { get; }

        /// <summary>The response body, with every known secret replaced.</summary>
        public string? ResponseBody { get; }

        /// <summary>Further detail the platform sent (iVvy's additionalMessages).</summary>
        public IReadOnlyList<string> AdditionalMessages { get; }

        /// <summary>The request that failed, as <c>METHOD path</c> (never headers or bodies).</summary>
        public string? Request { get; }
    }
}
