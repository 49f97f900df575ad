using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Security;
using System.Text;
using LeadPS.Http;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// iVvy at the wire: every request signed with HMAC-SHA1 over the exact bytes sent, freshly
    /// dated on every attempt (the platform refuses requests over 5 minutes old).
    /// </summary>
    internal sealed class IvvyAdapter : IPlatformAdapter
    {
        public const string ApiPrefix = "api/1.0/";
        public const string ContentType = "application/json";

        private readonly string _apiKey;
        private readonly SecureString _apiSecret;
        private readonly IvvyErrorTranslator _errors;

        public IvvyAdapter(string apiKey, SecureString apiSecret, SecretRedactor redactor)
        {
            _apiKey = apiKey;
            _apiSecret = apiSecret;
            _errors = new IvvyErrorTranslator(redactor);
        }

        public LeadPlatform Platform => LeadPlatform.Ivvy;

        public ApiRequest CredentialCheck { get; } = Call("test", "ping", null, isIdempotent: true);

        /// <summary>A call to <c>api/1.0/{namespace}?action={action}</c>; iVvy takes every call as a POST.</summary>
        public static ApiRequest Call(string ns, string action, string? jsonBody, bool isIdempotent) =>
            new ApiRequest(HttpMethod.Post, ApiPrefix + ns + "?action=" + action, jsonBody ?? string.Empty, isIdempotent);

        public void Authenticate(HttpRequestMessage message, byte[] body, DateTimeOffset now)
        {
            var date = IvvySignature.FormatDate(now);
            var contentMd5 = IvvySignature.ContentMd5(body);
            var contentType = message.Content?.Headers.ContentType?.ToString() ?? ContentType;

            message.Headers.TryAddWithoutValidation(IvvySignature.DateHeader, date);
            message.Headers.TryAddWithoutValidation("X-Api-Version", IvvySignature.ApiVersion);
            message.Content?.Headers.TryAddWithoutValidation("Content-MD5", contentMd5);

            var stringToSign = IvvySignature.BuildStringToSign(
                message.Method.Method,
                contentMd5,
                contentType,
                message.RequestUri!.PathAndQuery,
                new[] { new KeyValuePair<string, string>(IvvySignature.DateHeader, date) });
            var signature = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes(SecretText.Reveal(_apiSecret)));
            message.Headers.TryAddWithoutValidation("X-Api-Authorization", IvvySignature.AuthorizationValue(_apiKey, signature));
        }

        public LeadApiException? TranslateError(ApiResponse response, ApiRequest request) => _errors.Translate(response, request);
    }
}
