using System;
using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Verifies iVvy's HMAC-SHA1 request signature from the raw header values, with the same
    /// <see cref="IvvySignature"/> functions the client signs with, then the request's freshness.
    /// Answers never contain the secret or the expected signature.
    /// </summary>
    internal sealed class IvvyRequestAuthenticator
    {
        private const string AuthorizationHeader = "X-Api-Authorization";
        private const string StandardDateHeader = "Date";
        private const string ContentMd5Header = "Content-MD5";
        private const string ContentTypeHeader = "Content-Type";
        private const string Scheme = "IWS ";
        private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

        private readonly SandboxOptions _options;
        private readonly SandboxClock _clock;

        public IvvyRequestAuthenticator(SandboxOptions options, SandboxClock clock)
        {
            _options = options;
            _clock = clock;
        }

        /// <summary>Null when the request is authentic and fresh; otherwise the 401 to answer.</summary>
        public IvvyApiError? Check(SandboxRequest request)
        {
            var authorization = request.Header(AuthorizationHeader);
            if (string.IsNullOrEmpty(authorization))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the X-Api-Authorization header is missing");
            }

            if (!TrySplitAuthorization(authorization!, out var apiKey, out var signature))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the X-Api-Authorization header must be 'IWS {apiKey}:{signature}'");
            }

            if (_options.IvvyApiKey != null && !string.Equals(apiKey, _options.IvvyApiKey, StringComparison.Ordinal))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the API key is not recognised");
            }

            var contentMd5 = request.Header(ContentMd5Header);
            if (string.IsNullOrEmpty(contentMd5))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the Content-MD5 header is missing");
            }

            // The hash must be of the exact bytes received, so a tampered body is refused even when
            // the signature over the (old) headers is still right.
            if (!string.Equals(contentMd5, IvvySignature.ContentMd5(request.Body), StringComparison.OrdinalIgnoreCase))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the Content-MD5 header does not match the request body");
            }

            // IVVY-Date, or else the standard Date header, which then fills the date step of the string to sign.
            var ivvyDate = request.Header(IvvySignature.DateHeader);
            var usesIvvyDate = !string.IsNullOrEmpty(ivvyDate);
            var dateText = usesIvvyDate ? ivvyDate : request.Header(StandardDateHeader);
            if (string.IsNullOrEmpty(dateText))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the request has no date: send an IVVY-Date or a Date header");
            }

            var stringToSign = IvvySignature.BuildStringToSign(
                request.Method,
                contentMd5!,
                request.Header(ContentTypeHeader) ?? string.Empty,
                usesIvvyDate ? string.Empty : dateText!,
                request.PathAndQuery,
                request.Headers);
            var expected = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes(_options.IvvyApiSecret ?? string.Empty));
            if (!IvvySignature.SignaturesEqual(expected, signature))
            {
                return IvvyApiError.Unauthorized("Unauthorized: the request signature does not match");
            }

            return usesIvvyDate
                ? CheckFreshness(IvvyDates.TryParse(dateText), IvvySignature.DateHeader, "Unauthorized: the IVVY-Date header must be 'yyyy-MM-dd HH:mm:ss' in UTC")
                : CheckFreshness(IvvyDates.TryParseHttpDate(dateText), StandardDateHeader, "Unauthorized: the Date header must be an HTTP date such as 'Tue, 03 Apr 2012 22:23:24 GMT'");
        }

        private IvvyApiError? CheckFreshness(DateTimeOffset? sent, string headerName, string unreadable)
        {
            if (sent == null)
            {
                return IvvyApiError.Unauthorized(unreadable);
            }

            var now = _clock.UtcNow;
            if ((now - sent.Value).Duration() > AllowedSkew)
            {
                return IvvyApiError.Unauthorized(
                    "The request is stale: " + headerName + " is more than 5 minutes away from the server's clock",
                    IvvySpecificCodes.RequestStale,
                    new[] { "Server time: " + IvvyDates.ToText(now) });
            }

            return null;
        }

        private static bool TrySplitAuthorization(string value, out string apiKey, out string signature)
        {
            apiKey = string.Empty;
            signature = string.Empty;
            if (!value.StartsWith(Scheme, StringComparison.Ordinal))
            {
                return false;
            }

            var credential = value.Substring(Scheme.Length);
            var colon = credential.LastIndexOf(':');
            if (colon <= 0 || colon == credential.Length - 1)
            {
                return false;
            }

            apiKey = credential.Substring(0, colon);
            signature = credential.Substring(colon + 1);
            return true;
        }
    }
}
