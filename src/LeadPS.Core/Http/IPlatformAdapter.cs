using System;
using System.Net.Http;

namespace LeadPS.Http
{
    /// <summary>
    /// What differs between platforms at the wire: how a request is authenticated, which request
    /// proves a credential, and how an answer is turned into an error.
    /// </summary>
    internal interface IPlatformAdapter
    {
        LeadPlatform Platform { get; }

        /// <summary>The request that proves the credential (Copper <c>GET /account</c>, iVvy ping).</summary>
        ApiRequest CredentialCheck { get; }

        /// <summary>Adds the platform's authentication to a request about to be sent, at <paramref name="now"/>.</summary>
        void Authenticate(HttpRequestMessage message, byte[] body, DateTimeOffset now);

        /// <summary>The error an answer carries, or null when it is a success.</summary>
        LeadApiException? TranslateError(ApiResponse response, ApiRequest request);
    }
}
