using System.Linq;
using LeadPS.Http;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// Turns iVvy's error answers (<c>{errorCode, message, specificCode, additionalMessages}</c>)
    /// into typed exceptions. An error can arrive with any HTTP status, so the body is read even
    /// when the status says success.
    /// </summary>
    internal sealed class IvvyErrorTranslator
    {
        private readonly SecretRedactor _redactor;

        public IvvyErrorTranslator(SecretRedactor redactor)
        {
            _redactor = redactor;
        }

        public LeadApiException? Translate(ApiResponse response, ApiRequest request)
        {
            var json = JsonBody.TryParse(response.Body);
            var errorCode = JsonBody.Integer(json, "errorCode");
            var specificCode = JsonBody.Integer(json, "specificCode");
            if (response.IsSuccessStatusCode && errorCode == null && specificCode == null)
            {
                return null;
            }

            var status = errorCode ?? response.StatusCode;
            var serverMessage = _redactor.Redact(JsonBody.String(json, "message"));
            var additional = (json?["additionalMessages"] as JArray)?.Select(t => _redactor.Redact(t.ToString()) ?? string.Empty).ToList();
            var body = _redactor.Redact(response.Body);
            var detail = serverMessage;
            if (additional != null && additional.Count > 0)
            {
                detail = (detail ?? string.Empty) + " (" + string.Join("; ", additional) + ")";
            }

            var codeText = specificCode.HasValue ? $" with code {specificCode}" : string.Empty;
            var message = $"iVvy answered {StatusText.Describe(status)}{codeText} to {request}" + (string.IsNullOrEmpty(detail) ? "." : ": " + detail);

            var kind = KindOf(specificCode);
            if (kind.HasValue)
            {
                return new LeadPlatformException(message, kind.Value, LeadPlatform.Ivvy, specificCode!.Value, status, serverMessage, body, additional, request.ToString());
            }

            switch (status)
            {
                case 401:
                case 462:
                case 463:
                    return new LeadApiUnauthorizedException(message, LeadPlatform.Ivvy, status, false, specificCode, serverMessage, body, additional, request.ToString());
                case 403:
                    return new LeadApiUnauthorizedException(message, LeadPlatform.Ivvy, status, true, specificCode, serverMessage, body, additional, request.ToString());
                case 429:
                    return new LeadApiThrottledException(message, LeadPlatform.Ivvy, null, specificCode, serverMessage, body, request.ToString());
                default:
                    return status >= 500
                        ? new LeadApiUnavailableException(message, LeadPlatform.Ivvy, status, serverMessage, body, request.ToString())
                        : new LeadApiException(message, status == 404 ? LeadErrorKind.NotFound : LeadErrorKind.Unknown, LeadPlatform.Ivvy, status, specificCode, serverMessage, body, additional, request.ToString());
            }
        }

        private static LeadErrorKind? KindOf(int? specificCode)
        {
            switch (specificCode)
            {
                case 24215: return LeadErrorKind.RequestEmpty;
                case 24216: return LeadErrorKind.NotFound;
                case 24218: return LeadErrorKind.Invalid;
                case 23005: return LeadErrorKind.RequestStale;
                case 23016: return LeadErrorKind.ParameterInvalid;
                case 23017: return LeadErrorKind.ParameterMissing;
                default: return null;
            }
        }
    }
}
