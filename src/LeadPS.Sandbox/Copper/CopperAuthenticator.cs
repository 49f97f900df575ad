using System;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Copper's three auth headers. The application must be <c>developer_api</c>; token and e-mail
    /// must be present and, when the options name them, equal (token ordinal, e-mail ignoring case).
    /// Messages never echo the token.
    /// </summary>
    internal sealed class CopperAuthenticator
    {
        public const string TokenHeader = "X-PW-AccessToken";
        public const string ApplicationHeader = "X-PW-Application";
        public const string UserEmailHeader = "X-PW-UserEmail";
        public const string Application = "developer_api";

        private readonly SandboxOptions _options;

        public CopperAuthenticator(SandboxOptions options)
        {
            _options = options;
        }

        /// <summary>The authenticated user's e-mail, or a 401 thrown.</summary>
        public string Authenticate(SandboxRequest request)
        {
            var token = Required(request, TokenHeader);
            var application = Required(request, ApplicationHeader);
            var email = Required(request, UserEmailHeader).Trim();

            if (!string.Equals(application, Application, StringComparison.Ordinal))
            {
                throw Unauthorized(ApplicationHeader + " must be '" + Application + "'");
            }

            // Options are read per request: a host may set the expected credential after construction.
            var expectedEmail = _options.CopperUserEmail;
            var expectedToken = _options.CopperApiToken;
            var emailMatches = expectedEmail == null || string.Equals(email, expectedEmail.Trim(), StringComparison.OrdinalIgnoreCase);
            var tokenMatches = expectedToken == null || string.Equals(token, expectedToken, StringComparison.Ordinal);
            if (!emailMatches || !tokenMatches)
            {
                throw Unauthorized("invalid e-mail or access token");
            }

            return email;
        }

        private static string Required(SandboxRequest request, string header)
        {
            var value = request.Header(header);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw Unauthorized("missing " + header + " header");
            }

            return value!;
        }

        private static CopperApiException Unauthorized(string reason) => new CopperApiException(401, "Unauthorized: " + reason);
    }
}
