using System;
using System.Net.Http;
using System.Security;
using LeadPS.Http;

namespace LeadPS.Copper
{
    /// <summary>Copper at the wire: three X-PW headers on every request, errors as <c>{success, status, message}</c>.</summary>
    internal sealed class CopperAdapter : IPlatformAdapter
    {
        public const string DefaultBaseAddress = "https://api.copper.com/developer_api/v1/";

        private readonly string _userEmail;
        private readonly SecureString _apiToken;
        private readonly CopperErrorTranslator _errors;

        public CopperAdapter(string userEmail, SecureString apiToken, SecretRedactor redactor)
        {
            _userEmail = userEmail;
            _apiToken = apiToken;
            _errors = new CopperErrorTranslator(redactor);
        }

        public LeadPlatform Platform => LeadPlatform.Copper;

        public ApiRequest CredentialCheck { get; } = new ApiRequest(HttpMethod.Get, "account");

        public void Authenticate(HttpRequestMessage message, byte[] body, DateTimeOffset now)
        {
            message.Headers.TryAddWithoutValidation("X-PW-AccessToken", SecretText.Reveal(_apiToken));
            message.Headers.TryAddWithoutValidation("X-PW-Application", "developer_api");
            message.Headers.TryAddWithoutValidation("X-PW-UserEmail", _userEmail);
        }

        public LeadApiException? TranslateError(ApiResponse response, ApiRequest request) => _errors.Translate(response, request);
    }
}
